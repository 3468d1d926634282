"""Planted PII for the demo corpus, drawn from Faker with a fixed seed."""

import random

from faker import Faker


class PiiPlanter:
    """Make sentences that contain realistic PII in English and Chinese."""

    def __init__(self, seed: int):
        self._english = Faker(["en_US", "en_GB"])
        self._chinese = Faker("zh_CN")
        self._english.seed_instance(seed)
        self._chinese.seed_instance(seed)

    def english(self, rng: random.Random) -> str:
        fake = self._english
        templates = [
            lambda: f"Contact {fake.name()} at {fake.email()} for details.",
            lambda: f"Call me on {fake.phone_number()} after six.",
            lambda: f"The server at {fake.ipv4_public()} stopped answering.",
            lambda: f"Please charge card {fake.credit_card_number()} for the order.",
            lambda: f"My social security number is {fake['en_US'].ssn()}.",
        ]
        return rng.choice(templates)()

    def chinese(self, rng: random.Random) -> str:
        fake = self._chinese
        templates = [
            lambda: f"请联系{fake.name()}，电话{fake.phone_number()}。",
            lambda: f"我的邮箱是{fake.email()}，欢迎来信。",
            lambda: f"身份证号码：{fake.ssn()}。",
            lambda: f"服务器地址是{fake.ipv4_public()}。",
        ]
        return rng.choice(templates)()
