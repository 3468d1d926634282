"""Keyed hashes of PII values (HMAC-SHA256) for pseudonyms and for the audit.

The key comes from an environment variable and is never logged or written.
The same key maps the same value to the same pseudonym in every run, and lets
an erasure request find the records that held a value through the audit.
"""

import hashlib
import hmac
import os

from pipeline.core.errors import ConfigError

MIN_KEY_LENGTH = 16

# Separate purposes give unrelated digests, so a pseudonym in the data cannot
# be matched against the audit hashes without the key.
_AUDIT = b"audit"
_PSEUDONYM = b"pseudonym"


def load_key(env_name: str, needed_by: str | None) -> bytes | None:
    """Read the key from ``env_name``.

    ``needed_by`` names what requires the key (for the error message), or is
    None when the key is optional. Raises ConfigError if a required key is
    missing, or if the key is set but shorter than MIN_KEY_LENGTH characters.
    Returns None if an optional key is missing.
    """
    value = os.environ.get(env_name)
    if not value:
        if needed_by is not None:
            raise ConfigError(
                f"environment variable {env_name} is not set, but {needed_by} needs it; "
                f"set it to a secret of at least {MIN_KEY_LENGTH} characters and keep it for later runs"
            )
        return None
    if len(value) < MIN_KEY_LENGTH:
        raise ConfigError(f"environment variable {env_name} is shorter than {MIN_KEY_LENGTH} characters; use a longer secret")
    return value.encode("utf-8")


class ValueHasher:
    def __init__(self, key: bytes):
        self._key = key

    def _digest(self, purpose: bytes, entity_type: str, canonical: str) -> str:
        message = purpose + b"\x1f" + entity_type.encode() + b"\x1f" + canonical.encode("utf-8")
        return hmac.new(self._key, message, hashlib.sha256).hexdigest()

    def audit_hash(self, entity_type: str, canonical: str) -> str:
        """Return the hex digest stored in the audit for a value."""
        return self._digest(_AUDIT, entity_type, canonical)

    def pseudonym(self, entity_type: str, canonical: str) -> str:
        """Return the replacement token, e.g. ``<EMAIL_3f2a9c1b7d4e>`` (48 bits of the digest)."""
        return f"<{entity_type}_{self._digest(_PSEUDONYM, entity_type, canonical)[:12]}>"
