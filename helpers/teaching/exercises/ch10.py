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


# ---- early adopters among loyal customers: whom to invite first to a new product ----
q5 = ChoiceProblem(
    var="first_invited",
    expected=lambda: "A",
    wrong=lambda: "D",
    options={"A": {"zh": "忠诚于自有品牌、以往新品上市一个月内就买过的顾客",
                   "en": "customers loyal to the own label who bought earlier new products within a month of launch"},
             "B": {"zh": "无品牌忠诚、哪家有促销就买哪家的顾客", "en": "switchers who buy whatever is on promotion"},
             "C": {"zh": "从全部会员中随机抽 30 人", "en": "30 members drawn at random"},
             "D": {"zh": "忠诚于竞争品牌的顾客", "en": "customers loyal to a rival brand"}},
    hints=[{"zh": "试饮会要的是什么样的人：愿意尝新、会认真给意见、喜欢讲给别人听？",
            "en": "What kind of people does a tasting need: keen to try new things, ready to give a real opinion, happy to tell others?"},
           {"zh": "率先使用者 = 忠诚 + 新品一出就买。哪个选项同时满足两条？",
            "en": "Early adopter = loyal + buys new products as soon as they appear. Which option meets both?"}],
    model_answer={"zh": "first_invited = 'A'   # 忠诚又爱尝新的率先使用者：会来、会认真评价、会替我们传播。"
                        "B 只冲着优惠来；C 里多数人对新品没兴趣；D 值得争取，但不是试饮会的起点",
                  "en": "first_invited = 'A'   # loyal customers who try new things first: they come, judge seriously and spread "
                        "the word. B comes only for deals; most of C do not care about new products; D is worth winning, "
                        "but not where a tasting starts"},
)


# ---- loyalty programmes: what does each reward build? ----
PROGRAMME_CLASSES = ("lp_preference", "lp_repeat", "lp_wrong")
PROGRAMME_CARDS = [
    {"id": "L1", "text": {"zh": "金卡会员可以预约店长一对一的家居搭配咨询",
                          "en": "Gold members can book a one-to-one home-styling session with the store manager"}},
    {"id": "L2", "text": {"zh": "每消费 1 元积 1 分，100 分抵 1 元",
                          "en": "One point per yuan spent; 100 points are worth ¥1"}},
    {"id": "L3", "text": {"zh": "按交易笔数积分，退货也算一笔交易",
                          "en": "Points per transaction — and a return counts as a transaction"}},
    {"id": "L4", "text": {"zh": "生日月邀请参加新品试用会，店员记得他的喜好",
                          "en": "An invitation to a new-product preview in the birthday month, with staff who remember their tastes"}},
    {"id": "L5", "text": {"zh": "推荐一位朋友注册并下单，双方各得 50 元券",
                          "en": "Refer a friend who signs up and orders, and both get a ¥50 voucher"}},
    {"id": "L6", "text": {"zh": "大额优惠券只在每月最后一天发放，会员都等到月底才买",
                          "en": "Big vouchers only on the last day of each month, so members wait until then to buy"}},
]
PROGRAMME_KEY = {"L1": "lp_preference", "L2": "lp_repeat", "L3": "lp_wrong",
                 "L4": "lp_preference", "L5": "lp_repeat", "L6": "lp_wrong"}

q6 = ChoiceProblem(
    var="programme_answers",
    expected=lambda: dict(PROGRAMME_KEY),
    wrong=lambda: {**PROGRAMME_KEY, "L5": "lp_preference", "L6": "lp_repeat"},
    hints=[{"zh": "问两件事：竞争对手明天能不能照搬？它让顾客多做的，是不是我们真正想要的行为？",
            "en": "Ask two things: could a rival copy it tomorrow? Is what it makes customers do what we really want?"},
           {"zh": "折扣、积分、现金券谁都能给，换来的是重复购买；专属服务、被记住、先睹为快难以复制，培养的是偏爱。",
            "en": "Discounts, points and vouchers anyone can give — they buy repeat purchases; personal service, being "
                  "remembered and first looks are hard to copy — they build preference."}],
    model_answer={"zh": "programme_answers = programme_quiz.answers\n"
                        "# L1、L4 培养偏爱（专属服务、被记住）；L2、L5 只换来重复购买（积分、现金券容易复制）；"
                        "L3、L6 奖励了不想要的行为（退货、等到月底才买）",
                  "en": "programme_answers = programme_quiz.answers\n"
                        "# L1, L4 build preference (personal service, being remembered); L2, L5 buy repeat purchases only "
                        "(points and vouchers are easy to copy); L3, L6 reward the wrong behaviour (returns, waiting for month end)"},
)


def programme_quiz():
    """The cards of q6: what each member benefit builds; its Check button judges with q6.

    >>> len(programme_quiz().cards)
    6
    """
    from helpers.teaching.widgets import ClassificationQuiz

    return ClassificationQuiz(PROGRAMME_CARDS, PROGRAMME_CLASSES, problem=q6)
