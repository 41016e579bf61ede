"""Chapter 10 · Loyalty and churn prevention — attitude loyalty, cohort retention, at-risk lists."""
from functools import lru_cache

from helpers.teaching.exercises.core import ChoiceProblem, ValueProblem

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
    """The quiz cards: purchases per brand, brand names in both languages."""
    from helpers.i18n import t

    def text(counts: dict, lang: str) -> str:
        sep = "，" if lang == "zh" else ", "
        return sep.join(f"{t('demo_brand.' + b, lang=lang)} ×{n}" for b, n in counts.items())

    return [{"id": c, "text": {lang: text(counts, lang) for lang in ("zh", "en")}} for c, counts in QUIZ_CHOICES.items()]


def _quiz_classes() -> dict:
    import pandas as pd

    from helpers.loyalty import attitude_loyalty

    rows = [(c, b) for c, counts in QUIZ_CHOICES.items() for b, n in counts.items() for _ in range(n)]
    result = attitude_loyalty(pd.DataFrame(rows, columns=["customer_id", "brand"]))
    return result.classes.to_dict()


q1 = ValueProblem(
    var="share_loyal",
    expected=lambda: float((_attitudes().classes == "brand_loyal").mean()),
    wrong=lambda: int((_attitudes().classes == "brand_loyal").sum()),
    rel_tol=1e-3,
    hints=[{"zh": "题目问的是比例（0–1 之间），不是人数。", "en": "The question asks for a share (between 0 and 1), not a count."},
           {"zh": "(loyalty.classes == 'brand_loyal').mean() 就是忠诚顾客所占比例。",
            "en": "(loyalty.classes == 'brand_loyal').mean() is the share of brand-loyal customers."}],
    model_answer={"zh": "share_loyal = (loyalty.classes == 'brand_loyal').mean()   # 131 / 300 ≈ 0.437",
                  "en": "share_loyal = (loyalty.classes == 'brand_loyal').mean()   # 131 / 300 ≈ 0.437"},
)

q2 = ValueProblem(
    var="retention_dec_k3",
    expected=lambda: float(_cohorts().rates.loc["2010-12", 3]),
    wrong=lambda: float(_cohorts().rates.loc["2010-12", 2]),
    rel_tol=1e-3,
    hints=[{"zh": "行是首购月份（同期群），列 k 是首购之后的第几个月；k = 0 是首购当月。",
            "en": "Rows are first-purchase months (cohorts), column k is the number of months after the first; k = 0 is the first month itself."},
           {"zh": "读 cohorts.rates 中 '2010-12' 这一行、k = 3 这一列（2011 年 3 月）。",
            "en": "Read row '2010-12', column k = 3 (March 2011) of cohorts.rates."}],
    model_answer={"zh": "retention_dec_k3 = cohorts.rates.loc['2010-12', 3]   # 约 0.38：2010 年 12 月的新客户，38% 在 2011 年 3 月又购买了",
                  "en": "retention_dec_k3 = cohorts.rates.loc['2010-12', 3]   # about 0.38: 38% of December 2010's new customers bought again in March 2011"},
)

q3 = ValueProblem(
    var="n_save_calls",
    expected=lambda: int((_at_risk()["action"] == "save_call").sum()),
    wrong=lambda: int((_at_risk()["state"] == "at_risk").sum()),
    hints=[{"zh": "专人电话只留给高价值的预警客户：action 列为 'save_call' 的行。",
            "en": "Personal calls are only for high-value at-risk customers: the rows whose action is 'save_call'."},
           {"zh": "(at_risk['action'] == 'save_call').sum()", "en": "(at_risk['action'] == 'save_call').sum()"}],
    model_answer={"zh": "n_save_calls = int((at_risk['action'] == 'save_call').sum())   # 64 人：累计消费进入全部客户前 25% 的预警客户",
                  "en": "n_save_calls = int((at_risk['action'] == 'save_call').sum())   # 64: the at-risk customers whose spend is in the top 25% of all customers"},
)

q4 = ChoiceProblem(
    var="quiz_attitudes",
    expected=_quiz_classes,
    wrong=lambda: {**_quiz_classes(), "D": "brand_shifting", "E": "brand_switcher"},
    hints=[{"zh": "先算第一品牌的份额（SCR）：≥ 70% 为忠诚顾客。", "en": "Work out the top brand's share (SCR) first: ≥ 70% is brand loyal."},
           {"zh": "否则看最大的 3 个品牌合计是否 ≥ 90%：是则为品牌转移顾客，不是则为无品牌忠诚顾客。",
            "en": "Otherwise check whether the 3 largest brands together reach 90%: if so shifting, if not a switcher."},
           {"zh": "注意边界：正好 70% 或正好 90% 都算达到（D 是 7/10，E 的前三个品牌是 9/10）。",
            "en": "Mind the boundaries: exactly 70% or exactly 90% counts as reaching it (D is 7/10, E's top three are 9/10)."}],
    model_answer={"zh": "quiz_attitudes = {'A': 'brand_loyal', 'B': 'brand_shifting', 'C': 'brand_switcher', 'D': 'brand_loyal', 'E': 'brand_shifting', 'F': 'brand_switcher'}\n"
                        "# D 正好 70% 算忠诚；E 前三品牌正好 90% 算品牌转移；F 第一品牌 50%、前三品牌只有 80%",
                  "en": "quiz_attitudes = {'A': 'brand_loyal', 'B': 'brand_shifting', 'C': 'brand_switcher', 'D': 'brand_loyal', 'E': 'brand_shifting', 'F': 'brand_switcher'}\n"
                        "# D at exactly 70% is loyal; E's top three reach exactly 90%: shifting; F's top brand has 50%, its top three only 80%"},
)
