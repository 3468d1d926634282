"""Detector behaviour on single texts, through the same Scanner the stage uses."""

import re
from pathlib import Path

import pytest
import stdnum
from stdnum import iban

from pipeline.privacy.config import PrivacyConfig
from pipeline.privacy.scanner import Scanner

SCANNER = Scanner(PrivacyConfig())


def found(text: str) -> list[tuple[str, str]]:
    return [(entity.type, text[entity.start:entity.end]) for entity in SCANNER.scan(text)]


POSITIVES = [
    ("EMAIL", "write to jane.doe+news@example.co.uk today", "jane.doe+news@example.co.uk"),
    ("EMAIL", "我的邮箱是zhang.wei@example.cn，欢迎来信", "zhang.wei@example.cn"),
    ("EMAIL", "q?contact=john.doe%40example.com&x=1", "john.doe%40example.com"),
    ("EMAIL", "full width ｊｏｈｎ＠ｅｘａｍｐｌｅ．ｃｏｍ here", "ｊｏｈｎ＠ｅｘａｍｐｌｅ．ｃｏｍ"),
    ("PHONE", "Call (212) 555-0123 after six", "(212) 555-0123"),
    ("PHONE", "ring +44 20 7946 0958 now", "+44 20 7946 0958"),
    ("PHONE", "appelez le 01 23 45 67 89 demain", "01 23 45 67 89"),
    ("PHONE", "call 020 7946 0958 in London", "020 7946 0958"),
    ("PHONE", "tel5551234567now", "5551234567"),
    ("PHONE", "电话13812345678。", "13812345678"),
    ("PHONE", "电话１３８１２３４５６７８。", "１３８１２３４５６７８"),
    ("PHONE", "Tel. 030 12345678 bitte", "030 12345678"),
    ("PHONE", "请联系罗明，电话14992805137。", "14992805137"),
    ("PHONE", "+86 149 5185 3671", "+86 149 5185 3671"),
    ("PHONE", "Call me on +1-288-269-7747x3540 after six", "+1-288-269-7747"),
    ("PHONE", "Call me on 001-497-476-5823 after six", "001-497-476-5823"),
    ("PHONE", "Call me on +44(0)1632960045 after six", "+44(0)1632960045"),
    ("CREDIT_CARD", "card 4111 1111 1111 1111 ok", "4111 1111 1111 1111"),
    ("CREDIT_CARD", "mastercard 2-series 2221000000000009.", "2221000000000009"),
    ("CREDIT_CARD", "amex 3782-822463-10005 ok", "3782-822463-10005"),
    ("CREDIT_CARD", "jcb 3518453574922084 ok", "3518453574922084"),
    ("CREDIT_CARD", "jcb 15 digits 180091413145625 ok", "180091413145625"),
    ("CREDIT_CARD", "visa 19 digits 4000000000000000006", "4000000000000000006"),
    ("CREDIT_CARD", "discover 18 digits 601100000000000293", "601100000000000293"),
    ("IBAN", "IBAN DE89 3704 0044 0532 0130 00.", "DE89 3704 0044 0532 0130 00"),
    ("IBAN", "pay GB82WEST12345698765432 now", "GB82WEST12345698765432"),
    ("IBAN", "IBANNO9386011117947 glued", "NO9386011117947"),
    ("IP_ADDRESS", "subnet 10.0.0.0/24 is internal", "10.0.0.0/24"),
    ("IP_ADDRESS", "host 2001:db8:85a3::8a2e:370:7334 down", "2001:db8:85a3::8a2e:370:7334"),
    ("IP_ADDRESS", "from 8.8.8.8.", "8.8.8.8"),
    ("IP_ADDRESS", "route 2001:db8::/32 out", "2001:db8::/32"),
    ("IP_ADDRESS", "node:2001:db8::1 up", "2001:db8::1"),
    ("US_SSN", "SSN 123-45-6780 on file", "123-45-6780"),
    ("US_SSN", "social security number: 123456780", "123456780"),
    ("CN_RESIDENT_ID", "身份证号码11010519491231002X。", "11010519491231002X"),
    ("MAC_ADDRESS", "nic 00:1A:2B:3C:4D:5E up", "00:1A:2B:3C:4D:5E"),
    ("MAC_ADDRESS", "cisco 001a.2b3c.4d5e up", "001a.2b3c.4d5e"),
    ("MAC_ADDRESS", "MAC:cc:d9:25:89:08:2d up", "cc:d9:25:89:08:2d"),
    ("CRYPTO_ADDRESS", "send to 1BoatSLRHtKNngkdXEeobR76b53LETtpyT", "1BoatSLRHtKNngkdXEeobR76b53LETtpyT"),
    ("CRYPTO_ADDRESS", "segwit bc1qardv855yjngspvxuttq897aqca3lxju2y69jce ok", "bc1qardv855yjngspvxuttq897aqca3lxju2y69jce"),
    ("CRYPTO_ADDRESS", "taproot bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297",
     "bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297"),
    ("CRYPTO_ADDRESS", "eth 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"),
    ("SECRET", "postgres://admin:s3cr3t@db.example.com/app", "admin:s3cr3t"),
    ("SECRET", "Server=db;User Id=sa;Password=P@ssw0rd!;", "P@ssw0rd!"),
    ("SECRET", "key AKIAIOSFODNN7EXAMPLE in logs", "AKIAIOSFODNN7EXAMPLE"),
    ("SECRET", "ghp_abcdefghijklmnopqrstuvwxyz0123456789 leaked", "ghp_abcdefghijklmnopqrstuvwxyz0123456789"),
    ("SECRET", 'api_key="a8f5f167f44f4964e6c998dee827110c"', "a8f5f167f44f4964e6c998dee827110c"),
    ("SECRET", "my password is hunter2", "hunter2"),
    ("SECRET", "curl -H 'Authorization: Basic dXNlcjpwYXNzd29yZA=='", "dXNlcjpwYXNzd29yZA=="),
    ("SECRET", "url?password%3Dhunter22&x", "hunter22"),
    ("SECRET", "密码：abc123456", "abc123456"),
]


@pytest.mark.parametrize(("entity_type", "text", "value"), POSITIVES, ids=[p[1][:30] for p in POSITIVES])
def test_scanner_finds(entity_type, text, value):
    assert (entity_type, value) in found(text)


NEGATIVES = [
    "request 550e8400-e29b-41d4-a716-446655440000 failed",
    "created_at 1700000000123 in ms",
    "created_at=1700000000129 passes Luhn",
    "Chrome version 10.0.19041.1 and v1.2.3.4",
    "due 20230415 at the latest",
    "meet at 10:30 tomorrow",
    "commit 3f2a9c1b7d4e5f60718293a4b5c6d7e8f9012345 fixed it",
    "token = getAuthenticationTokenFromHeader()",
    '<script integrity="sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC">',
    "ISBN 978-3-16-148410-0 in print",
    "Order #5551234567 shipped",
    "12345 * 67890 = 838102050",
    "at 40.712776, -74.005974 in Manhattan",
    "password is required",
    "loopback 127.0.0.1 only",
    "card 4111 1111 1111 1112 fails Luhn",
    "SSN 666-12-3456 is invalid",
]


@pytest.mark.parametrize("text", NEGATIVES, ids=[n[:30] for n in NEGATIVES])
def test_scanner_ignores(text):
    assert found(text) == []


def test_overlap_keeps_remainder():
    text = "card 4974650752917035stacie60@example.org"
    assert found(text) == [("CREDIT_CARD", "4974650752917035"), ("EMAIL", "stacie60@example.org")]


def test_url_credentials_host_kept():
    assert found("postgres://admin:s3cr3t@db.example.com/app") == [("SECRET", "admin:s3cr3t")]


def test_spans_after_astral_characters():
    text = "😀😀 a@b.co 𠀀 x@y.org"
    assert [text[e.start:e.end] for e in SCANNER.scan(text)] == ["a@b.co", "x@y.org"]


def test_private_ips_setting():
    scanner = Scanner(PrivacyConfig(ip_private=False))
    assert scanner.scan("host 192.168.1.20 here") == []


def test_loopback_setting():
    scanner = Scanner(PrivacyConfig(ip_loopback=True))
    assert [e.type for e in scanner.scan("host 127.0.0.1 here")] == ["IP_ADDRESS"]


def test_private_key_block():
    text = "key:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----\nend"
    assert found(text) == [("SECRET", text[5:text.index("\nend")])]


def test_jwt_found():
    token = ("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ."
             "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c")
    assert found(f"Bearer {token}") == [("SECRET", token)]


def registry_ibans() -> list[str]:
    """Build one valid IBAN per country in python-stdnum's copy of the IBAN registry."""
    registry = Path(stdnum.__file__).with_name("iban.dat").read_text(encoding="utf-8")
    fillers = {"n": "7", "a": "Q", "c": "4"}
    ibans = []
    for match in re.finditer(r'^([A-Z]{2}) .*bban="([^"]+)"', registry, re.MULTILINE):
        bban = "".join(fillers[kind] * int(size) for size, kind in re.findall(r"([0-9]+)!([nac])", match.group(2)))
        country = match.group(1)
        ibans.append(country + iban.calc_check_digits(country + "00" + bban) + bban)
    return ibans


def test_iban_every_registry_country():
    ibans = registry_ibans()
    missed = [value[:2] for value in ibans if ("IBAN", value) not in found(f"pay to {value} now")]
    assert len(ibans) > 80
    assert missed == []
