"""Templates for the demo corpus: English and Chinese prose and question/answer pairs.

The vocabulary is small and the sentences regular so that a tiny model
learns something measurable within a few hundred steps on a CPU.
"""

import random

EN_SUBJECTS = ["The engineer", "A farmer", "The teacher", "My neighbour", "The river", "A small robot",
               "The city council", "Our team", "The old library", "A young doctor"]
EN_VERBS = ["repaired", "visited", "described", "painted", "measured", "cleaned", "studied", "opened"]
EN_OBJECTS = ["the bridge", "the garden", "a new school", "the harbour", "the train station",
              "an old map", "the museum", "the market"]
EN_TAILS = ["before sunrise.", "after the storm.", "with great care.", "for the whole town.",
            "in the spring.", "without any help.", "during the festival.", "near the mountains."]

ZH_SUBJECTS = ["工程师", "农民", "老师", "我的邻居", "那条河", "小机器人", "市政府", "我们的团队", "老图书馆", "年轻的医生"]
ZH_VERBS = ["修好了", "参观了", "描述了", "粉刷了", "测量了", "打扫了", "研究了", "打开了"]
ZH_OBJECTS = ["那座桥", "花园", "新学校", "港口", "火车站", "旧地图", "博物馆", "市场"]
ZH_TIMES = ["在日出之前", "在暴风雨之后", "在春天", "在节日期间", "在山脚下", "独自一人"]

CAPITALS = {"France": ("Paris", "法国", "巴黎"), "Japan": ("Tokyo", "日本", "东京"),
            "China": ("Beijing", "中国", "北京"), "Germany": ("Berlin", "德国", "柏林"),
            "Italy": ("Rome", "意大利", "罗马"), "Egypt": ("Cairo", "埃及", "开罗"),
            "Canada": ("Ottawa", "加拿大", "渥太华"), "Kenya": ("Nairobi", "肯尼亚", "内罗毕")}

# Mild insults only; they exercise the toxicity filter without shipping slurs.
EN_TOXIC = ["You are a worthless idiot and everyone hates you.",
            "Shut up, you pathetic moron, nobody wants you here.",
            "What a disgusting piece of garbage you are, you stupid loser."]
ZH_TOXIC = ["你这个白痴，滚开！", "你就是个废物，去死吧。", "闭嘴，你这个蠢货。"]


def english_sentence(rng: random.Random) -> str:
    return f"{rng.choice(EN_SUBJECTS)} {rng.choice(EN_VERBS)} {rng.choice(EN_OBJECTS)} {rng.choice(EN_TAILS)}"


def chinese_sentence(rng: random.Random) -> str:
    return f"{rng.choice(ZH_SUBJECTS)}{rng.choice(ZH_TIMES)}{rng.choice(ZH_VERBS)}{rng.choice(ZH_OBJECTS)}。"


def document(rng: random.Random, chinese: bool) -> str:
    sentence = chinese_sentence if chinese else english_sentence
    joiner = "" if chinese else " "
    return joiner.join(sentence(rng) for _ in range(rng.randint(3, 8)))


def pair(rng: random.Random, chinese: bool) -> tuple[str, str]:
    if rng.random() < 0.5:
        country, (capital, country_zh, capital_zh) = rng.choice(sorted(CAPITALS.items()))
        if chinese:
            return f"{country_zh}的首都是哪里？", f"{country_zh}的首都是{capital_zh}。"
        return f"What is the capital of {country}?", f"The capital of {country} is {capital}."
    a, b = rng.randint(1, 50), rng.randint(1, 50)
    if chinese:
        return f"{a}加{b}等于多少？", f"{a}加{b}等于{a + b}。"
    return f"What is {a} plus {b}?", f"{a} plus {b} is {a + b}."
