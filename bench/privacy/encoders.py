"""Encoders that build valid test values the benchmark needs and Faker lacks:
payment cards of given issuers, IBANs of every registry country, Bitcoin and
Ethereum addresses, and token formats."""

import base64
import hashlib
import json
import random
import re
from pathlib import Path

import stdnum
from stdnum import iban

from pipeline.privacy.checksums import bech32_polymod, keccak256

_BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


def luhn_complete(rng: random.Random, prefix: str, length: int) -> str:
    """Return a number of ``length`` digits starting with ``prefix`` that passes Luhn."""
    body = prefix + "".join(rng.choice("0123456789") for _ in range(length - len(prefix) - 1))
    for check in "0123456789":
        candidate = body + check
        total = 0
        for index, char in enumerate(reversed(candidate)):
            value = int(char) * (2 if index % 2 else 1)
            total += value - 9 if value > 9 else value
        if total % 10 == 0:
            return candidate
    raise AssertionError("unreachable: one check digit always fits")


def iban_countries() -> dict[str, str]:
    """Return the BBAN structure per country from python-stdnum's IBAN registry copy."""
    registry = Path(stdnum.__file__).with_name("iban.dat").read_text(encoding="utf-8")
    found = {}
    for line in registry.splitlines():
        match = re.match(r'([A-Z]{2}) .*bban="([^"]+)"', line)
        if match:
            found[match.group(1)] = match.group(2)
    return found


def random_iban(rng: random.Random, country: str, structure: str) -> str:
    alphabets = {"n": "0123456789", "a": "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "c": "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"}
    bban = "".join(
        "".join(rng.choice(alphabets[kind]) for _ in range(int(size)))
        for size, kind in re.findall(r"([0-9]+)!([nac])", structure)
    )
    return country + iban.calc_check_digits(country + "00" + bban) + bban


def base58check(payload: bytes) -> str:
    data = payload + hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4]
    number = int.from_bytes(data, "big")
    encoded = ""
    while number:
        number, remainder = divmod(number, 58)
        encoded = _BASE58[remainder] + encoded
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + encoded


def segwit_address(version: int, program: bytes) -> str:
    data = [version]
    accumulator, bits = 0, 0
    for byte in program:
        accumulator = (accumulator << 8) | byte
        bits += 8
        while bits >= 5:
            bits -= 5
            data.append((accumulator >> bits) & 31)
    if bits:
        data.append((accumulator << (5 - bits)) & 31)
    constant = 1 if version == 0 else 0x2BC830A3
    hrp = [ord(c) >> 5 for c in "bc"] + [0] + [ord(c) & 31 for c in "bc"]
    polymod = bech32_polymod(hrp + data + [0] * 6) ^ constant
    checksum = [(polymod >> 5 * (5 - i)) & 31 for i in range(6)]
    return "bc1" + "".join(_BECH32[d] for d in data + checksum)


def ethereum_address(rng: random.Random) -> str:
    body = bytes(rng.randrange(256) for _ in range(20)).hex()
    digest = keccak256(body.encode("ascii")).hex()
    return "0x" + "".join(c.upper() if c.isalpha() and int(n, 16) >= 8 else c for c, n in zip(body, digest))


def bitcoin_address(rng: random.Random) -> str:
    kind = rng.choice(["p2pkh", "p2sh", "v0", "v0_script", "taproot"])
    if kind == "p2pkh":
        return base58check(b"\x00" + rng.randbytes(20))
    if kind == "p2sh":
        return base58check(b"\x05" + rng.randbytes(20))
    if kind == "v0":
        return segwit_address(0, rng.randbytes(20))
    if kind == "v0_script":
        return segwit_address(0, rng.randbytes(32))
    return segwit_address(1, rng.randbytes(32))


def random_string(rng: random.Random, length: int, alphabet: str = _ALNUM) -> str:
    return "".join(rng.choice(alphabet) for _ in range(length))


def jwt(rng: random.Random) -> str:
    def part(payload: dict) -> str:
        return base64.urlsafe_b64encode(json.dumps(payload).encode()).rstrip(b"=").decode()

    header = part({"alg": rng.choice(["HS256", "RS256"]), "typ": "JWT"})
    body = part({"sub": str(rng.randrange(10**9)), "iat": 1700000000 + rng.randrange(10**6)})
    signature = base64.urlsafe_b64encode(rng.randbytes(32)).rstrip(b"=").decode()
    return f"{header}.{body}.{signature}"
