"""Credentials and secrets: well-known token formats, private key blocks,
JWTs, HTTP Authorization values, passwords in URLs and connection strings,
and high-entropy values assigned to names such as ``password`` or ``api_key``."""

import base64
import binascii
import json
import math
import re
from collections import Counter

from pipeline.privacy.entity import Entity
from pipeline.privacy.lookalikes import Lookalikes

# Formats documented by their issuers; each prefix is specific enough to need no context.
_TOKEN_FORMATS = [
    ("aws_access_key_id", r"(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z2-7]{16}"),
    ("github_token", r"gh[pousr]_[A-Za-z0-9]{36,255}"),
    ("github_fine_grained_token", r"github_pat_[A-Za-z0-9_]{82}"),
    ("gitlab_token", r"glpat-[A-Za-z0-9_-]{20,}"),
    ("slack_token", r"xox[abposr]-[A-Za-z0-9-]{10,250}"),
    ("slack_webhook", r"hooks\.slack\.com/services/T[A-Z0-9]{8,}/B[A-Z0-9]{8,}/[A-Za-z0-9]{24}"),
    ("stripe_key", r"(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{24,99}"),
    ("google_api_key", r"AIza[0-9A-Za-z_-]{35}"),
    ("openai_key", r"sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,200}"),
    ("anthropic_key", r"sk-ant-[A-Za-z0-9_-]{20,200}"),
    ("huggingface_token", r"hf_[A-Za-z]{34}"),
    ("npm_token", r"npm_[A-Za-z0-9]{36}"),
    ("pypi_token", r"pypi-AgE[A-Za-z0-9_-]{50,}"),
    ("sendgrid_key", r"SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}"),
    ("twilio_key", r"SK[0-9a-f]{32}"),
    ("shopify_token", r"shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}"),
    ("azure_storage_key", r"AccountKey=[A-Za-z0-9+/]{86}=="),
]
# One lookbehind outside the alternation, so only word starts try the alternatives.
_TOKENS = re.compile(
    "(?<![A-Za-z0-9_-])(?:" + "|".join(f"(?P<{name}>{pattern})" for name, pattern in _TOKEN_FORMATS) + ")(?![A-Za-z0-9_-])"
)

_PRIVATE_KEY_BEGIN = re.compile(r"-----BEGIN (?:[A-Z0-9]{1,20} ){0,3}PRIVATE KEY(?: BLOCK)?-----")
_PRIVATE_KEY_END = re.compile(r"-----END (?:[A-Z0-9]{1,20} ){0,3}PRIVATE KEY(?: BLOCK)?-----")
_MAX_KEY_BLOCK = 16_384

_JWT = re.compile(r"(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,2000}\.eyJ[A-Za-z0-9_-]{8,8000}\.[A-Za-z0-9_-]{8,2000}(?![A-Za-z0-9_-])")

# scheme://user:password@host, with the user and the password both redacted.
_URL_CREDENTIALS = re.compile(r"(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{1,20}://([^\s:/?#@\[\]]{1,128}):([^\s/?#@]{1,256})@")

# HTTP Authorization values: "Authorization: Basic dXNlcjpwYXNz", "Bearer <opaque token>".
_AUTHORIZATION = re.compile(r"(?i:\bauthorization[\"']?\s{0,3}[:=]\s{0,3}[\"']?(?:basic|bearer|token|digest)\s{1,3})([A-Za-z0-9+/=._~-]{8,4096})")

# name = value, name: value, name => value; the name is checked in code.
_ASSIGNMENT = re.compile(
    r"(?<![A-Za-z0-9_.-])([A-Za-z_][A-Za-z0-9_.-]{0,48})[\"']?[ \t]{0,3}(?:=>|:=|[=:：])[ \t]{0,3}"
    r"([\"']?)([^\s\"'`;,&<>(){}\[\]|]{1,256})"
)
# Natural-language forms: "my password is hunter2", "密码是abc123", "密码：abc123".
_PHRASE = re.compile(r"(?i:\b(password|passphrase|passcode|pwd|pin)\s{1,3}is\s{1,3})(\S{1,64})|(?:密码|口令)(?:是|为|:|：)\s{0,3}([!-~]{1,64})")

_PASSWORD_WORDS = {"password", "passwd", "pwd", "pass", "passphrase", "passcode", "pw", "pword"}
_SECRET_WORDS = {"secret", "token", "apikey", "credential", "credentials", "auth", "authorization", "bearer", "signature", "privatekey", "accesskey", "secretkey"}
_SECRET_PAIRS = {("api", "key"), ("access", "key"), ("secret", "key"), ("private", "key"), ("client", "secret"), ("auth", "key"), ("account", "key")}
_PLACEHOLDERS = {"null", "none", "nil", "true", "false", "undefined", "required", "optional", "hidden", "redacted",
                 "string", "str", "int", "example", "your_password", "yourpassword", "password", "secret", "token", "xxx", "env"}
# Names written by people: camelCase words, snake_case and dotted paths, without digits.
_IDENTIFIER = re.compile(r"^(?:[a-z]{2,}(?:[A-Z][a-z]{2,})+|[A-Za-z]+(?:_[A-Za-z]+)+|[A-Za-z_]+(?:\.[A-Za-z_]+)+)$")
_NAME_PARTS = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")


def shannon_entropy(value: str) -> float:
    """Return the entropy of the character distribution in bits per character."""
    counts = Counter(value)
    return -sum(n / len(value) * math.log2(n / len(value)) for n in counts.values())


def _name_kind(name: str) -> str | None:
    """Classify an assigned name as ``password``, ``secret`` or neither."""
    parts = [part.lower() for part in _NAME_PARTS.findall(name)]
    if any(part in _PASSWORD_WORDS for part in parts):
        return "password"
    if any(part in _SECRET_WORDS for part in parts) or "".join(parts) in _SECRET_WORDS:
        return "secret"
    if any(pair in _SECRET_PAIRS for pair in zip(parts, parts[1:])):
        return "secret"
    return None


def _placeholder(value: str) -> bool:
    stripped = value.strip("*xX.#-_ ")
    return (
        not stripped
        or value.lower() in _PLACEHOLDERS
        or value[0] in "$%<{"
        or len(set(value)) == 1
    )


def _high_entropy(value: str) -> bool:
    """Return True for values that look machine-generated rather than written."""
    if len(value) < 16 or _IDENTIFIER.match(value):
        return False
    has_digit = any(c.isdigit() for c in value)
    has_alpha = any(c.isalpha() for c in value)
    return has_digit and has_alpha and shannon_entropy(value) >= 3.0


def _password_like(value: str, strict: bool) -> bool:
    """Accept a password value. In free text (``strict``) a bare word is not enough,
    so "password: required" or "password is wrong" stay."""
    if _placeholder(value) or len(value) < 4 or _IDENTIFIER.match(value):
        return False
    if not strict:
        return True
    return any(not c.isalpha() for c in value) or (value.lower() != value and value.upper() != value)


def _jwt_valid(token: str) -> bool:
    header = token.split(".", 1)[0]
    try:
        decoded = json.loads(base64.urlsafe_b64decode(header + "=" * (-len(header) % 4)))
    except (binascii.Error, ValueError):
        return False
    return isinstance(decoded, dict) and ("alg" in decoded or "typ" in decoded)


class SecretDetector:
    entity_type = "SECRET"

    def find(self, text: str, lookalikes: Lookalikes) -> list[Entity]:
        found = []
        for match in _TOKENS.finditer(text):
            found.append(self._entity(match.start(), match.end(), match.group(), match.lastgroup))
        found.extend(self._private_keys(text))
        for match in _JWT.finditer(text):
            if _jwt_valid(match.group()):
                found.append(self._entity(match.start(), match.end(), match.group(), "jwt"))
        for match in _AUTHORIZATION.finditer(text):
            if not _placeholder(match.group(1)):
                found.append(self._entity(match.start(1), match.end(1), match.group(1), "authorization_header"))
        for match in _URL_CREDENTIALS.finditer(text):
            if not _placeholder(match.group(2)):
                found.append(self._entity(match.start(1), match.end(2), match.group(1) + ":" + match.group(2), "url_credentials"))
        found.extend(self._assignments(text))
        found.extend(self._phrases(text))
        return found

    def _entity(self, start: int, end: int, value: str, kind: str) -> Entity:
        return Entity(self.entity_type, start, end, value, kind)

    def _private_keys(self, text: str) -> list[Entity]:
        found = []
        position = 0
        while (begin := _PRIVATE_KEY_BEGIN.search(text, position)) is not None:
            end_match = _PRIVATE_KEY_END.search(text, begin.end(), begin.end() + _MAX_KEY_BLOCK)
            if end_match is not None:
                end = end_match.end()
            else:
                # NOTE: without an END line the block is taken up to the first blank line or the size limit.
                blank = text.find("\n\n", begin.end(), begin.end() + _MAX_KEY_BLOCK)
                end = blank if blank != -1 else min(len(text), begin.end() + _MAX_KEY_BLOCK)
            found.append(self._entity(begin.start(), end, text[begin.start():end], "private_key"))
            position = end
        return found

    def _assignments(self, text: str) -> list[Entity]:
        found = []
        for match in _ASSIGNMENT.finditer(text):
            kind = _name_kind(match.group(1))
            if kind is None:
                continue
            value = match.group(3)
            quoted = bool(match.group(2))
            if quoted and value.endswith(match.group(2)):
                value = value[:-1]
            if not value:
                continue
            if kind == "password":
                # "=" and quotes are config syntax; a bare ":" also appears in prose.
                strict = not quoted and "=" not in text[match.end(1):match.start(3)]
                accepted = _password_like(value, strict)
            else:
                accepted = _high_entropy(value) and not _placeholder(value)
            if accepted:
                found.append(self._entity(match.start(3), match.start(3) + len(value), value, kind))
        return found

    def _phrases(self, text: str) -> list[Entity]:
        found = []
        for match in _PHRASE.finditer(text):
            group = 2 if match.group(2) is not None else 3
            value = match.group(group).rstrip(".,;!?。，；")
            if _password_like(value, strict=True):
                start = match.start(group)
                found.append(self._entity(start, start + len(value), value, "password"))
        return found
