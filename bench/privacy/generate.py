"""Generate the labelled PII benchmark set (bench/privacy/data/labelled.jsonl).

Documents mix Faker filler text in several locales with sentences from
templates written for this benchmark. Each PII value is recorded with its
type and code-point span. Hard negatives (UUIDs, timestamps, versions, dates,
hashes, ISBNs, order numbers, arithmetic, coordinates) are planted without a
label, so any detection on them counts as a false positive.

    python -m bench.privacy.generate [--docs 1600] [--seed 20261204]
"""

import argparse
import json
import random
from pathlib import Path

import phonenumbers
from faker import Faker
from stdnum.cn import ric

from bench.privacy import encoders

OUTPUT = Path(__file__).with_name("data") / "labelled.jsonl"
LOCALES = {"en_US": "US", "en_GB": "GB", "de_DE": "DE", "fr_FR": "FR", "en_IN": "IN", "ja_JP": "JP", "zh_CN": "CN"}
FULL_WIDTH = {code: code + 0xFEE0 for code in range(0x21, 0x7F)}


class Values:
    """Valid PII values for one locale."""

    def __init__(self, locale: str, rng: random.Random, seed: int):
        self.locale, self.region, self.rng = locale, LOCALES[locale], rng
        self.fake = Faker(locale)
        self.fake.seed_instance(seed)
        self.us = Faker("en_US")
        self.us.seed_instance(seed + 1)

    def email(self) -> str:
        return self.rng.choice([self.fake.email, self.fake.free_email, self.fake.company_email])()

    def phone(self) -> str:
        for _ in range(40):
            candidate = self.fake.phone_number()
            try:
                number = phonenumbers.parse(candidate, self.region)
            except phonenumbers.NumberParseException:
                continue
            # Extensions ("x123") are outside what the benchmark labels.
            if phonenumbers.is_valid_number(number) and not number.extension:
                return candidate
        number = phonenumbers.example_number(self.region)
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)

    def international_phone(self) -> str:
        number = phonenumbers.parse(self.phone(), self.region)
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)

    def cn_mobile(self) -> str:
        number = self.rng.choice(["138", "139", "150", "186", "177", "199"]) + "".join(self.rng.choice("0123456789") for _ in range(8))
        style = self.rng.choice(["plain", "dash", "space", "intl"])
        if style == "dash":
            return f"{number[:3]}-{number[3:7]}-{number[7:]}"
        if style == "space":
            return f"{number[:3]} {number[3:7]} {number[7:]}"
        if style == "intl":
            return "+86 " + number
        return number

    def card(self) -> str:
        kind = self.rng.choice(["visa", "visa19", "mc", "mc2", "amex", "discover", "jcb", "unionpay19", "diners", "faker"])
        prefixes = {"visa": ("4", 16), "visa19": ("4", 19), "mc": ("5" + str(self.rng.randint(1, 5)), 16),
                    "mc2": (str(self.rng.randint(2221, 2720)), 16), "amex": (self.rng.choice(["34", "37"]), 15),
                    "discover": ("6011", 16), "jcb": (str(self.rng.randint(3528, 3589)), 16),
                    "unionpay19": ("62", 19), "diners": ("36", 14)}
        if kind == "faker":
            digits = self.us.credit_card_number()
        else:
            prefix, length = prefixes[kind]
            digits = encoders.luhn_complete(self.rng, prefix, length)
        if len(digits) == 16 and self.rng.random() < 0.5:
            separator = self.rng.choice([" ", "-"])
            return separator.join(digits[i:i + 4] for i in range(0, 16, 4))
        return digits

    def iban(self) -> str:
        country, structure = self.rng.choice(sorted(encoders.iban_countries().items()))
        value = encoders.random_iban(self.rng, country, structure)
        if self.rng.random() < 0.5:
            return " ".join(value[i:i + 4] for i in range(0, len(value), 4))
        return value

    def ip(self) -> str:
        kind = self.rng.choice(["public", "public", "private", "v6", "cidr"])
        if kind == "public":
            return self.fake.ipv4_public()
        if kind == "private":
            return self.fake.ipv4_private()
        if kind == "v6":
            return self.fake.ipv6()
        return self.fake.ipv4_public(network=True)

    def ssn(self) -> str:
        return self.us.ssn()

    def ric(self) -> str:
        zh = Faker("zh_CN")
        zh.seed_instance(self.rng.randrange(10**9))
        value = zh.ssn()
        assert ric.calc_check_digit(value) == value[-1]
        return value

    def mac(self) -> str:
        value = self.fake.mac_address()
        return self.rng.choice([value, value.upper(), value.replace(":", "-").upper()])

    def crypto(self) -> str:
        return encoders.bitcoin_address(self.rng) if self.rng.random() < 0.6 else encoders.ethereum_address(self.rng)


def secret_sentence(values: Values) -> list:
    rng = values.rng
    kind = rng.choice(["aws", "github", "jwt", "url", "conn", "password_is", "api_key", "slack", "stripe", "google", "private_key", "pwd_env"])
    if kind == "aws":
        return ["export AWS_ACCESS_KEY_ID=", ("SECRET", "AKIA" + encoders.random_string(rng, 16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"))]

    if kind == "github":
        return ["Use the token ", ("SECRET", "ghp_" + encoders.random_string(rng, 36)), " for CI."]

    if kind == "jwt":
        return ["Authorization: Bearer ", ("SECRET", encoders.jwt(rng))]

    if kind == "url":
        user = values.fake.user_name()
        password = encoders.random_string(rng, rng.randint(8, 14))
        return ["DATABASE_URL=postgres://", ("SECRET", f"{user}:{password}"), f"@{values.fake.domain_name()}:5432/app"]

    if kind == "conn":
        password = encoders.random_string(rng, 10) + rng.choice("!#*")
        return [f"Server={values.fake.domain_word()};Database=sales;User Id=sa;Password=", ("SECRET", password), ";"]

    if kind == "password_is":
        password = values.fake.password(length=rng.randint(8, 14), special_chars=False)
        return ["btw my password is ", ("SECRET", password), " so keep it safe"]

    if kind == "api_key":
        return ['api_key = "', ("SECRET", encoders.random_string(rng, 32, "0123456789abcdef")), '"']

    if kind == "slack":
        return ["slack bot ", ("SECRET", "xoxb-" + "".join(rng.choice("0123456789") for _ in range(11)) + "-" + encoders.random_string(rng, 24))]

    if kind == "stripe":
        return ["stripe key ", ("SECRET", "sk_live_" + encoders.random_string(rng, 24))]

    if kind == "google":
        return ["maps key ", ("SECRET", "AIza" + encoders.random_string(rng, 35, encoders._ALNUM + "_-"))]

    if kind == "private_key":
        body = "\n".join(encoders.random_string(rng, 64, encoders._ALNUM + "+/") for _ in range(3))
        block = f"-----BEGIN RSA PRIVATE KEY-----\n{body}\n-----END RSA PRIVATE KEY-----"
        return ["key file:\n", ("SECRET", block), "\n"]
    return ["DB_PASSWORD=", ("SECRET", encoders.random_string(rng, 12)), "\n"]


def english_pii(values: Values) -> list:
    rng, fake = values.rng, values.fake
    kind = rng.choice(["EMAIL", "PHONE", "PHONE_INTL", "GLUED_PHONE", "CREDIT_CARD", "IBAN", "IP_ADDRESS", "US_SSN",
                       "MAC_ADDRESS", "CRYPTO_ADDRESS", "SECRET", "URL_EMAIL", "SSN_LABEL"])
    name = fake.name()
    if kind == "EMAIL":
        return rng.choice([[f"Contact {name} at ", ("EMAIL", values.email()), " for details."],
                           ["Reply to <", ("EMAIL", values.email()), "> by Friday."]])

    if kind == "URL_EMAIL":
        encoded = values.email().replace("@", "%40")
        return [f"https://{fake.domain_name()}/unsubscribe?email=", ("EMAIL", encoded), "&list=news"]

    if kind == "PHONE":
        return rng.choice([[f"Call {name} on ", ("PHONE", values.phone()), " after six."],
                           ["Phone: ", ("PHONE", values.phone()), "\n"], ["reach me at ", ("PHONE", values.phone())]])

    if kind == "PHONE_INTL":
        return ["Our hotline is ", ("PHONE", values.international_phone()), "."]

    if kind == "GLUED_PHONE":
        return ["Tel", ("PHONE", "".join(ch for ch in values.phone() if ch.isdigit() or ch == "+")), "Fax none"]

    if kind == "CREDIT_CARD":
        return rng.choice([["Please charge card ", ("CREDIT_CARD", values.card()), " for the order."],
                           ["cc#", ("CREDIT_CARD", values.card()), " exp 04/29"]])

    if kind == "IBAN":
        return rng.choice([["Transfer to IBAN ", ("IBAN", values.iban()), " by Monday."],
                           ["IBAN:", ("IBAN", values.iban().replace(" ", ""))]])

    if kind == "IP_ADDRESS":
        return rng.choice([["The server at ", ("IP_ADDRESS", values.ip()), " stopped answering."],
                           ["allow from ", ("IP_ADDRESS", values.ip()), ";"]])

    if kind == "US_SSN":
        return ["My social security number is ", ("US_SSN", values.ssn()), "."]

    if kind == "SSN_LABEL":
        return ["SSN: ", ("US_SSN", values.ssn().replace("-", "")), "\n"]

    if kind == "MAC_ADDRESS":
        return ["Device ", ("MAC_ADDRESS", values.mac()), " joined the network."]

    if kind == "CRYPTO_ADDRESS":
        return ["Send the payment to ", ("CRYPTO_ADDRESS", values.crypto()), " today."]
    return secret_sentence(values)


def chinese_pii(values: Values) -> list:
    rng = values.rng
    zh = Faker("zh_CN")
    zh.seed_instance(rng.randrange(10**9))
    kind = rng.choice(["EMAIL", "PHONE", "PHONE_FW", "RIC", "RIC_FW", "IP", "CARD", "CARD_FW", "IBAN", "SECRET"])
    if kind == "EMAIL":
        return [f"请联系{zh.name()}，邮箱", ("EMAIL", zh.email()), "，谢谢。"]

    if kind == "PHONE":
        return [f"{zh.name()}的电话是", ("PHONE", values.cn_mobile()), "。"]

    if kind == "PHONE_FW":
        return ["手机：", ("PHONE", values.cn_mobile().replace(" ", "").replace("-", "").translate(FULL_WIDTH)), "，请回电。"]

    if kind == "RIC":
        return ["身份证号码", ("CN_RESIDENT_ID", values.ric()), "已登记。"]

    if kind == "RIC_FW":
        return ["身份证：", ("CN_RESIDENT_ID", values.ric().translate(FULL_WIDTH)), "。"]

    if kind == "IP":
        return ["服务器地址是", ("IP_ADDRESS", values.ip()), "。"]

    if kind == "CARD":
        return ["银行卡号", ("CREDIT_CARD", encoders.luhn_complete(rng, "62", rng.choice([16, 19]))), "，请核对。"]

    if kind == "CARD_FW":
        return ["卡号：", ("CREDIT_CARD", encoders.luhn_complete(rng, "62", 16).translate(FULL_WIDTH)), "。"]

    if kind == "IBAN":
        return ["汇款账户IBAN：", ("IBAN", values.iban()), "。"]
    return ["密码：", ("SECRET", encoders.random_string(rng, 10)), "，请勿外传。"]


def hard_negative(rng: random.Random, fake: Faker) -> tuple[str, str]:
    """Return the kind of look-alike and a sentence that contains it and no PII."""
    kind = rng.choice(["uuid", "timestamp", "version", "compact_date", "at_time", "git", "camel", "sri", "isbn",
                       "order", "arithmetic", "coordinates", "loopback", "price", "year_range", "port"])

    if kind == "uuid":
        return kind, f"request id {fake.uuid4()} failed."

    if kind == "timestamp":
        # Millisecond timestamps (2017 to 2027) that pass Luhn, so only an issuer check rules them out.
        return kind, f"created_at={encoders.luhn_complete(rng, str(rng.randint(150_000_000_000, 180_000_000_000)), 13)}"

    if kind == "version":
        return kind, rng.choice([f"Upgrade to version {rng.randint(1, 12)}.{rng.randint(0, 9)}.{rng.randint(0, 9)}.{rng.randint(0, 250)} now.",
                                 f"Chrome/{rng.randint(90, 130)}.0.{rng.randint(1000, 6999)}.{rng.randint(10, 200)} Safari",
                                 f"firmware v{rng.randint(1, 9)}.{rng.randint(0, 9)}.{rng.randint(0, 9)}.{rng.randint(0, 9)}"])

    if kind == "compact_date":
        return kind, f"Report {fake.date_between('-5y', 'today').strftime('%Y%m%d')} is attached."

    if kind == "at_time":
        return kind, rng.choice([f"See you at {rng.randint(1, 12)}:{rng.randint(0, 59):02d} tomorrow.",
                                 f"meeting at {rng.randint(1, 12)}pm in room {rng.randint(100, 999)}."])

    if kind == "git":
        return kind, f"Fixed in commit {fake.sha1()} on main."

    if kind == "camel":
        return kind, "token = " + rng.choice(["getAuthenticationTokenFromRequestHeader()", "refreshAccessTokenIfExpiredOrMissing",
                                               "buildSignedUploadUrlForCurrentUser()"])

    if kind == "sri":
        digest = encoders.base64.b64encode(rng.randbytes(48)).decode()
        return kind, f'<script src="app.js" integrity="sha384-{digest}" crossorigin="anonymous"></script>'

    if kind == "isbn":
        return kind, f"ISBN {fake.isbn13()} in print."

    if kind == "order":
        return kind, rng.choice([f"Order #{rng.randint(10**9, 10**10 - 1)} has shipped.",
                                 f"Invoice no. {rng.randint(10**6, 10**8)} is due.", f"tracking number {rng.randint(10**11, 10**12)}"])

    if kind == "arithmetic":
        a, b = rng.randint(1000, 99999), rng.randint(1000, 99999)
        return kind, f"{a} * {b} = {a * b}"

    if kind == "coordinates":
        return kind, f"Meet at {fake.latitude():.6f}, {fake.longitude():.6f} near the bridge."

    if kind == "loopback":
        return kind, "Bind to 127.0.0.1 only."

    if kind == "price":
        return kind, f"It costs ${rng.randint(10, 9999)}.{rng.randint(0, 99):02d} for {rng.randint(2, 40)} units."

    if kind == "year_range":
        return kind, f"Between {rng.randint(1900, 1990)} and {rng.randint(1991, 2030)} the population was {rng.randint(10**5, 10**8)}."
    return kind, f"Listening on port {rng.randint(1024, 65535)} with {rng.randint(2, 64)} workers."


def build_document(index: int, rng: random.Random, pools: dict[str, Values]) -> dict:
    locale = rng.choice(list(LOCALES))
    values = pools[locale]
    pieces: list = []
    for _ in range(rng.randint(1, 3)):
        pieces.append(values.fake.sentence() + " ")
        roll = rng.random()
        if roll < 0.45:
            pieces.extend(chinese_pii(values) if locale == "zh_CN" else english_pii(values))
            pieces.append(" ")
        elif roll < 0.75:
            pieces.append(("NEGATIVE",) + hard_negative(rng, values.us))
            pieces.append(" ")
    if rng.random() < 0.05:
        pieces.insert(0, "😀 ")  # astral characters before the spans

    text, spans, negatives = "", [], []
    for piece in pieces:
        if isinstance(piece, str):
            text += piece
        elif piece[0] == "NEGATIVE":
            _, kind, value = piece
            negatives.append({"kind": kind, "start": len(text), "end": len(text) + len(value)})
            text += value
        else:
            kind, value = piece
            spans.append({"type": kind, "start": len(text), "end": len(text) + len(value)})
            text += value
    return {"id": f"doc{index:05d}", "locale": locale, "text": text, "spans": spans, "negatives": negatives}


def generate(count: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    pools = {locale: Values(locale, rng, seed) for locale in LOCALES}
    return [build_document(index, rng, pools) for index in range(count)]


def main() -> None:
    parser = argparse.ArgumentParser(description="Generate the labelled PII benchmark set.")
    parser.add_argument("--docs", type=int, default=1600, help="number of documents (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=20261204, help="random seed (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=OUTPUT, help="output JSONL file (default: %(default)s)")
    args = parser.parse_args()
    documents = generate(args.docs, args.seed)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as handle:
        for document in documents:
            handle.write(json.dumps(document, ensure_ascii=False) + "\n")
    labelled = sum(len(d["spans"]) for d in documents)
    print(f"wrote {len(documents)} documents with {labelled} labelled spans to {args.out}")


if __name__ == "__main__":
    main()
