"""Texts built to make regular expressions backtrack finish in linear time."""

import time

import pytest

from pipeline.privacy.config import PrivacyConfig
from pipeline.privacy.scanner import Scanner

SCANNER = Scanner(PrivacyConfig())
LENGTH = 50_000
BUDGET_SECONDS = 1.0  # the slowest case, digits_spaced, took about 0.4 s on the 2-vCPU development machine

HOSTILE = {
    "digits": "1" * LENGTH,
    "digits_spaced": "1 " * (LENGTH // 2),
    "digits_dashed": "12-" * (LENGTH // 3),
    "dots": "." * LENGTH,
    "digit_dots": "1." * (LENGTH // 2),
    "at_signs": "@" * LENGTH,
    "local_parts": "a." * (LENGTH // 2) + "@",
    "at_chain": "a@" * (LENGTH // 2),
    "colons": ":" * LENGTH,
    "hex_colons": "a:" * (LENGTH // 2),
    "percent": "%4" * (LENGTH // 2),
    "percent_at": "%40" * (LENGTH // 3),
    "equals": "password=" * (LENGTH // 9),
    "letters": "A" * LENGTH,
    "iban_like": "DE12" * (LENGTH // 4),
    "base58": "1A" * (LENGTH // 2),
    "fullwidth_digits": "１" * LENGTH,
    "key_header": "-----BEGIN PRIVATE KEY-----" * (LENGTH // 27),
    "jwt_like": "eyJ" + "a" * LENGTH,
    "plus_parens": "+(" * (LENGTH // 2),
    "authorization": "Authorization: Basic " + "A" * LENGTH,
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_scan_time_linear(name):
    started = time.perf_counter()
    SCANNER.scan(HOSTILE[name])
    elapsed = time.perf_counter() - started
    assert elapsed < BUDGET_SECONDS, f"{name}: {elapsed:.2f} s for {len(HOSTILE[name])} characters"
