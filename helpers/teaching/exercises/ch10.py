"""Chapter 10 · Loyalty and churn prevention — attitude loyalty, cohort retention, at-risk lists."""
from functools import lru_cache

from helpers.teaching.exercises.core import (AS_PERCENT, ClassificationProblem, Mistake, ValueProblem,
                                             catalogue_options)

#: Quiz: six panel members' brand choices (occasions per brand) in one category.
QUIZ_CHOICES = {
    "A": {"yuejia": 9, "lanjing": 1},
    "B": {"yuejia": 6, "lanjing": 4},
    "C": {"yuejia": 2, "lanjing": 2, "qingshan": 2, "baiwei": 2, "xinyu": 2},
    "D": {"lanjing": 7, "qingshan": 3},
    "E": {"qingshan": 4, "baiwei": 3, "xinyu": 2, "hexie": 1},
    "F": {"baiwei": 5, "lanjing": 2, "qingshan": 1, "xinyu": 1, "hexie": 1},
}
QUIZ_CLASSES = ("brand_loyal", "brand_shifting", "brand_switcher")
COHORT_AS_OF = "2011-11-30"     # the last complete month of Online Retail


@lru_cache(maxsize=1)
def _online_retail():
    from helpers.data.datasets import load_online_retail

    return load_online_retail()[0]


@lru_cache(maxsize=1)
def _attitudes():
    from helpers.data.datasets import load_demo
    from helpers.loyalty import attitude_loyalty

    return attitude_loyalty(load_demo("brand_choices"))


@lru_cache(maxsize=1)
def _cohorts():
    from helpers.cohorts import cohort_retention

    return cohort_retention(_online_retail(), as_of=COHORT_AS_OF, period="M")


@lru_cache(maxsize=1)
def _at_risk():
    from helpers.lifecycle import at_risk_list

    return at_risk_list(_online_retail())


def quiz_cards() -> list[dict]:
    """The quiz cards: purchases per brand, brand names in both languages.

    >>> quiz_cards()[0]["text"]["en"]
    'Yuejia ×9, Lanjing ×1'
    """
    from helpers.i18n import t

    def text(counts: dict, lang: str) -> str:
        sep = "，" if lang == "zh" else ", "
        return sep.join(f"{t('demo_brand.' + b, lang=lang)} ×{n}" for b, n in counts.items())

    return [{"id": c, "text": {lang: text(counts, lang) for lang in ("zh", "en")}} for c, counts in QUIZ_CHOICES.items()]


@lru_cache(maxsize=1)
def _quiz_result():
    import pandas as pd

    from helpers.loyalty import attitude_loyalty

    rows = [(c, b) for c, counts in QUIZ_CHOICES.items() for b, n in counts.items() for _ in range(n)]
    return attitude_loyalty(pd.DataFrame(rows, columns=["customer_id", "brand"]))


def _quiz_classes() -> dict:
    return _quiz_result().classes.to_dict()


def _attitude_reason(card: str, chosen: str | None = None) -> dict:
    """The card's top-brand share and top-3 share against the rules (70 %, 90 %), and what a wrong class needs."""
    row = _quiz_result().table.loc[card]
    top, cover, right = float(row["top_share"]), float(row["top_k_cover"]), row["attitude"]
    zh = f"第一品牌占 {top:.0%}（{'≥' if top >= 0.7 else '<'} 70%）"
    en = f"the top brand has {top:.0%} ({'≥' if top >= 0.7 else '<'} 70 %)"
    if top < 0.7:
        zh += f"，前 3 个品牌合计 {cover:.0%}（{'≥' if cover >= 0.9 else '<'} 90%）"
        en += f", the top 3 brands {cover:.0%} together ({'≥' if cover >= 0.9 else '<'} 90 %)"
    zh += "。"
    en = en[0].upper() + en[1:] + "."
    needs = {"brand_loyal": {"zh": "忠诚顾客要求第一品牌至少 70%", "en": "Brand loyal needs at least 70 % for the top brand"},
             "brand_shifting": {"zh": "品牌转移顾客要求第一品牌不足 70%、前 3 个品牌合计至少 90%",
                                "en": "Shifting needs a top brand below 70 % and at least 90 % for the top 3 together"},
             "brand_switcher": {"zh": "无品牌忠诚顾客是前 3 个品牌合计也不足 90%",
                                "en": "A switcher's top 3 brands stay below 90 % together"}}
    if chosen in needs and chosen != right:
        zh += needs[chosen]["zh"] + "；正好 70% 或正好 90% 都算达到。"
        en += " " + needs[chosen]["en"] + "; exactly 70 % or 90 % counts as reaching it."
    return {"zh": zh, "en": en}


q1 = ValueProblem(
    var="share_loyal",
    question={"zh": "品牌追踪样本（`loyalty`，300 位顾客）中，**忠诚顾客**（`'brand_loyal'`）占多大比例？答 0–1 之间的小数。",
              "en": "What share of the brand panel (`loyalty`, 300 customers) is **brand loyal** (`'brand_loyal'`)? Answer with a "
                    "fraction between 0 and 1."},
    expected=lambda: float((_attitudes().classes == "brand_loyal").mean()),
    decimals=3,
    mistakes=[Mistake("count", answer=lambda: int((_attitudes().classes == "brand_loyal").sum()),
                      message={"zh": "这是人数；题目问的是比例：再除以样本总人数（300）。",
                               "en": "That is a count; the question asks for a share: divide by the panel size (300)."}),
              Mistake("shifting", answer=lambda: float((_attitudes().classes == "brand_shifting").mean()),
                      message={"zh": "这是品牌转移顾客的比例；忠诚顾客的编号是 `'brand_loyal'`。",
                               "en": "That is the share of shifting customers; brand loyal is `'brand_loyal'`."}),
              AS_PERCENT],
    hints=[{"zh": "比例 = 忠诚顾客人数 ÷ 全部顾客人数。", "en": "Share = brand-loyal customers ÷ all customers."},
           {"zh": "`loyalty.classes` 是每位顾客的类别编号；比较得到真/假值，真/假值的平均数就是比例。",
            "en": "`loyalty.classes` holds each customer's class id; a comparison gives true/false values, and their mean is the share."},
           {"zh": "`(loyalty.classes == 'brand_loyal').____()`", "en": "`(loyalty.classes == 'brand_loyal').____()`"}],
    model_answer="share_loyal = (loyalty.classes == 'brand_loyal').mean()",
    explanation={"zh": "131 / 300 ≈ 0.437。", "en": "131 / 300 ≈ 0.437."},
)

q2 = ValueProblem(
    var="retention_dec_k3",
    question={"zh": "在同期群留存表 `cohorts` 中，2010 年 12 月首次购买的同期群，在首购后第 3 个月（k = 3，即 2011 年 3 月）的留存率是多少？"
                    "答 0–1 之间的小数。",
              "en": "In the cohort table `cohorts`, what is the retention of the December 2010 cohort three months after its first "
                    "purchase (k = 3, i.e. March 2011)? Answer with a fraction between 0 and 1."},
    expected=lambda: float(_cohorts().rates.loc["2010-12", 3]),
    decimals=3,
    mistakes=[Mistake("k_2", answer=lambda: float(_cohorts().rates.loc["2010-12", 2]),
                      message={"zh": "这是 k = 2 的留存率：k 从 0 数起，k = 0 是首购当月，所以 2011 年 3 月是 k = 3。",
                               "en": "That is k = 2: k counts from 0, the first-purchase month itself, so March 2011 is k = 3."}),
              Mistake("count", answer=lambda: int(_cohorts().counts.loc["2010-12", 3]),
                      message={"zh": "这是人数；留存率是这个人数除以同期群的人数（k = 0 那一格）。",
                               "en": "That is a count; retention is that count divided by the cohort's size (the k = 0 cell)."}),
              AS_PERCENT],
    hints=[{"zh": "行是首购月份（同期群），列 k 是首购之后的第几个月；k = 0 是首购当月，留存率为 1。",
            "en": "Rows are first-purchase months (cohorts), column k is the month after the first; k = 0 is the first month, with retention 1."},
           {"zh": "`cohorts.rates` 是比例表，`cohorts.counts` 是人数表；按行标签和列标签取一个值用 `.loc[行, 列]`。",
            "en": "`cohorts.rates` holds the shares, `cohorts.counts` the counts; pick one value by its labels with `.loc[row, column]`."},
           {"zh": "`cohorts.rates.loc['2010-12', ____]`——列标签是整数 k。", "en": "`cohorts.rates.loc['2010-12', ____]` — the column label is the integer k."}],
    model_answer="retention_dec_k3 = cohorts.rates.loc['2010-12', 3]",
    explanation={"zh": "约 0.384：2010 年 12 月的新客户，38% 在 2011 年 3 月又购买了。",
                 "en": "About 0.384: 38 % of December 2010's new customers bought again in March 2011."},
)

q3 = ValueProblem(
    var="n_save_calls",
    question={"zh": "流失预警名单 `at_risk` 中，有多少位客户需要**专人电话挽留**（`action` 为 `'save_call'`）？",
              "en": "How many customers on the at-risk list `at_risk` should get a **personal save call** (`action` is `'save_call'`)?"},
    expected=lambda: int((_at_risk()["action"] == "save_call").sum()),
    mistakes=[Mistake("all_at_risk", answer=lambda: int((_at_risk()["state"] == "at_risk").sum()),
                      message={"zh": "这是名单上全部流失预警客户；专人电话只留给其中价值高的客户（`action == 'save_call'`），其余的发提醒。",
                               "en": "That is every at-risk customer on the list; personal calls are only for the valuable ones "
                                     "(`action == 'save_call'`), the others get a reminder."}),
              Mistake("whole_list", answer=lambda: len(_at_risk()),
                      message={"zh": "这是名单的总行数，里面还有发提醒和挽回优惠的客户；只数 `action` 为 `'save_call'` 的行。",
                               "en": "That is the whole list, reminders and win-back offers included; count only the rows whose `action` is `'save_call'`."})],
    hints=[{"zh": "电话是最贵的渠道，只留给高价值的预警客户；其他客户用低成本的提醒。",
            "en": "A call is the dearest channel, kept for high-value at-risk customers; the others get low-cost reminders."},
           {"zh": "名单的 `action` 列写明了每位客户的动作；数一数值为 `'save_call'` 的行。",
            "en": "The list's `action` column says what to do with each customer; count the rows whose value is `'save_call'`."},
           {"zh": "`(at_risk['action'] == ____).sum()`", "en": "`(at_risk['action'] == ____).sum()`"}],
    model_answer="n_save_calls = int((at_risk['action'] == 'save_call').sum())",
    explanation={"zh": "64 人：累计消费进入全部客户前 25% 的预警客户。",
                 "en": "64: the at-risk customers whose spend is in the top 25 % of all customers."},
)

q4 = ClassificationProblem(
    var="quiz_attitudes",
    question={"zh": "六位顾客在生活用纸品类中各买了 10 次，卡片上是每个品牌的购买次数。按第 1 节的规则（第一品牌 ≥ 70% 为忠诚；"
                    "否则前 3 个品牌合计 ≥ 90% 为品牌转移；其余为无品牌忠诚）为每位顾客选出类型，点“检查答案”，再运行 `quiz_attitudes = quiz.answers`。",
              "en": "Six customers each bought household paper 10 times; the cards show purchases per brand. By section 1's rules (top "
                    "brand ≥ 70 % is loyal; otherwise the top 3 brands ≥ 90 % together is shifting; the rest are switchers) pick each "
                    "customer's type, press Check, then run `quiz_attitudes = quiz.answers`."},
    expected=_quiz_classes,
    options=lambda: catalogue_options(QUIZ_CLASSES),
    cards=quiz_cards,
    reasons=_attitude_reason,
    mistakes=[Mistake("boundaries", answer=lambda: {**_quiz_classes(), "D": "brand_shifting", "E": "brand_switcher"},
                      message={"zh": "注意边界：正好 70% 或正好 90% 都算达到（D 是 7/10，E 的前三个品牌是 9/10）。",
                               "en": "Mind the boundaries: exactly 70 % or exactly 90 % counts as reaching it (D is 7/10, E's top three are 9/10)."})],
    hints=[{"zh": "先算第一品牌的份额（SCR）：≥ 70% 为忠诚顾客。", "en": "Work out the top brand's share (SCR) first: ≥ 70 % is brand loyal."},
           {"zh": "否则看最大的 3 个品牌合计是否 ≥ 90%：是则为品牌转移顾客，不是则为无品牌忠诚顾客。",
            "en": "Otherwise check whether the 3 largest brands together reach 90 %: if so shifting, if not a switcher."},
           {"zh": "每人都买了 10 次，所以 7 次 = 70%、9 次 = 90%；正好等于也算达到。",
            "en": "Everyone bought 10 times, so 7 = 70 % and 9 = 90 %; reaching it exactly counts."}],
)
