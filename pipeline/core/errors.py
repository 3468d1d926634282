"""Errors that stop a stage with a message for the user instead of a traceback."""


class PipelineError(Exception):
    """A problem the user can fix: bad params, unreadable input, missing files.

    The message names the file, line or key, the bad value (unless it may be
    PII) and what to change.
    """


class ConfigError(PipelineError):
    """``params.yaml`` does not match the schema."""


class InputError(PipelineError):
    """An input file cannot be used at all (as opposed to one bad record in it)."""
