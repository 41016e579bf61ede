"""Chapter 06 · Customer lifetime value — margin multiple, the calculator, Markov CLV, BG/NBD and P(alive), sBG."""
from functools import lru_cache

from helpers.teaching.exercises.core import ChoiceProblem, ThoughtProblem, ValueProblem

AS_OF, HOLDOUT_END = "1997-09-30", "1998-06-30"
MARKOV_P = [[0.6, 0.3, 0.1], [0.2, 0.5, 0.3], [0.0, 0.0, 1.0]]
MARKOV_P_CARE = [[0.6, 0.3, 0.1], [0.35, 0.45, 0.2], [0.0, 0.0, 1.0]]
MARKOV_R = [100, 20, 0]
CALCULATOR_STEPS = [round(0.05 * k, 2) for k in range(1, 20)]   # the retention slider: 0.05 … 0.95


@lru_cache(maxsize=1)
def _cdnow_models():
    """The chapter's CDNOW calibration summary with its fitted BG/NBD and Gamma-Gamma models."""
    from helpers.btyd import BetaGeoModel, GammaGammaModel
    from helpers.data.datasets import load_cdnow
    from helpers.btyd.summary import btyd_summary

    summary = btyd_summary(load_cdnow(sample=True)[0], AS_OF, HOLDOUT_END)
    return summary, BetaGeoModel.fit(summary), GammaGammaModel.fit(summary)


def _prob_alive():
    from helpers.btyd import customer_clv

    summary, bg, gg = _cdnow_models()
    table = customer_clv(bg, gg, summary, horizon=12, margin=0.3, discount=0.01, step_length=4.345)
    return table["prob_alive"]


def _member_clv():
    from helpers.clv import simple_clv

    return simple_clv(80, retention=0.7, discount=0.08)


def _retention_needed(target=500.0):
    from helpers.clv import simple_clv

    return next(r for r in CALCULATOR_STEPS if simple_clv(100, r, 0.10) > target)


def _at_risk_value(matrix):
    from helpers.clv import markov_clv

    return markov_clv(matrix, MARKOV_R, 0.10).iloc[1]


@lru_cache(maxsize=1)
def _high_end_model():
    """The chapter's sBG model of the high-end cohort (Fader & Hardie 2007), fitted on years 1–7."""
    from helpers.btyd import ShiftedBetaGeoModel
    from helpers.data.datasets import load_retention_survival

    return ShiftedBetaGeoModel.fit(load_retention_survival()["highend_alive"], period="Y")


def _more_likely_alive():
    bg = _cdnow_models()[1]
    return "A" if bg.prob_alive(10, 15, 39) > bg.prob_alive(2, 35, 39) else "B"


q1 = ValueProblem(
    var="clv_member",
    expected=_member_clv,
    wrong=lambda: 80 / (1 - 0.7),
    rel_tol=1e-4,
    hints=[{"zh": "CLV = m·r/(1+i−r)，这里 m = 80，r = 0.7，i = 0.08。",
            "en": "CLV = m·r/(1+i−r) with m = 80, r = 0.7, i = 0.08."},
           {"zh": "simple_clv(profit_per_period, retention=..., discount=...)；不要加 include_current=True。",
            "en": "simple_clv(profit_per_period, retention=..., discount=...); leave out include_current=True."}],
    model_answer={"zh": "clv_member = simple_clv(80, retention=0.7, discount=0.08)   # 147.37：利润乘数 0.7/0.38 = 1.84",
                  "en": "clv_member = simple_clv(80, retention=0.7, discount=0.08)   # 147.37: margin multiple 0.7/0.38 = 1.84"},
)

q2 = ValueProblem(
    var="retention_needed",
    expected=_retention_needed,
    wrong=lambda: 0.9,
    rel_tol=1e-6,
    hints=[{"zh": "从 0.80 开始每次把保留率滑块右移一格，看 CLV 何时超过 500。",
            "en": "Start at 0.80 and move the retention slider one step at a time until the CLV exceeds 500."},
           {"zh": "0.90 时 CLV 正好是 450，还不够；也可以解不等式 100·r/(1.1−r) > 500。",
            "en": "At 0.90 the CLV is 450, not enough; or solve 100·r/(1.1−r) > 500."}],
    model_answer={"zh": "retention_needed = 0.95   # CLV = 633.33；0.90 时只有 450——保留率越高，每一格的价值越大",
                  "en": "retention_needed = 0.95   # CLV = 633.33; 0.90 gives only 450 — each step is worth more as retention rises"},
)

q3 = ValueProblem(
    var="gain_per_at_risk",
    expected=lambda: _at_risk_value(MARKOV_P_CARE) - _at_risk_value(MARKOV_P),
    wrong=lambda: _at_risk_value(MARKOV_P_CARE),   # the new value, not the gain
    rel_tol=1e-4,
    hints=[{"zh": "先算新矩阵下流失预警客户的价值，再减去原来的 137.5。",
            "en": "Compute the at-risk customer's value under the new matrix, then subtract the original 137.5."},
           {"zh": "P_care = P.copy(); P_care.iloc[1] = [0.35, 0.45, 0.2]; markov_clv(P_care, R, 0.10).iloc[1]",
            "en": "P_care = P.copy(); P_care.iloc[1] = [0.35, 0.45, 0.2]; markov_clv(P_care, R, 0.10).iloc[1]"}],
    model_answer={"zh": "P_care = P.copy()\nP_care.iloc[1] = [0.35, 0.45, 0.2]\n"
                        "gain_per_at_risk = markov_clv(P_care, R, 0.10).iloc[1] - markov_clv(P, R, 0.10).iloc[1]\n"
                        "# 225 − 137.5 = 87.5：每位预警客户的关怀成本低于 87.5 元，项目就值得做",
                  "en": "P_care = P.copy()\nP_care.iloc[1] = [0.35, 0.45, 0.2]\n"
                        "gain_per_at_risk = markov_clv(P_care, R, 0.10).iloc[1] - markov_clv(P, R, 0.10).iloc[1]\n"
                        "# 225 − 137.5 = 87.5: the programme pays if it costs less than 87.5 per at-risk customer"},
)

q4 = ChoiceProblem(
    var="more_likely_alive",
    expected=_more_likely_alive,
    wrong=lambda: "A",
    options={"A": {"zh": "A：10 次重复购买，最后一次在第 15 周", "en": "A: 10 repeat purchases, the last in week 15"},
             "B": {"zh": "B：2 次重复购买，最后一次在第 35 周", "en": "B: 2 repeat purchases, the last in week 35"}},
    hints=[{"zh": "A 平均每 1.5 周买一次，却已经 24 周没来了；B 本来就买得少。",
            "en": "A bought about every 1.5 weeks but has not come for 24 weeks; B rarely buys anyway."},
           {"zh": "比较 bg.prob_alive(10, 15, 39) 和 bg.prob_alive(2, 35, 39)。",
            "en": "Compare bg.prob_alive(10, 15, 39) with bg.prob_alive(2, 35, 39)."}],
    model_answer={"zh": "more_likely_alive = 'B'   # P(alive)：A ≈ 0.004，B ≈ 0.78——常客长时间不来，很可能已经流失",
                  "en": "more_likely_alive = 'B'   # P(alive): A ≈ 0.004, B ≈ 0.78 — a regular who stops coming has probably left"},
)

q5 = ValueProblem(
    var="n_likely_gone",
    expected=lambda: int((_prob_alive() < 0.5).sum()),
    wrong=lambda: int((_prob_alive() >= 0.5).sum()),   # the customers likely still active
    hints=[{"zh": "clv_table['prob_alive'] < 0.5 得到真/假序列，对它求和就是人数。",
            "en": "clv_table['prob_alive'] < 0.5 gives a true/false series; its sum is the count."},
           {"zh": "int((clv_table['prob_alive'] < 0.5).sum())", "en": "int((clv_table['prob_alive'] < 0.5).sum())"}],
    model_answer={"zh": "n_likely_gone = int((clv_table['prob_alive'] < 0.5).sum())   # 这些客户优先按 CLV 排序后回访挽留",
                  "en": "n_likely_gone = int((clv_table['prob_alive'] < 0.5).sum())   # rank them by CLV and contact the valuable ones first"},
)

q6 = ValueProblem(
    var="value_new_high_end",
    expected=lambda: 100 * _high_end_model().discounted_expected_lifetime(0.10),
    wrong=lambda: 100 * (1 + 0.10) / (1 + 0.10 - 0.869),   # year 1's renewal rate taken as a constant
    rel_tol=1e-4,
    hints=[{"zh": "新签客户的期望价值 = 每年利润 × DEL；DEL 已经包含第一年的付费。",
            "en": "A new customer's expected value = yearly margin × DEL; DEL already includes the first year's payment."},
           {"zh": "100 * high_end.discounted_expected_lifetime(0.10)；不要把续约率 0.869 当常数套第 2 节的公式。",
            "en": "100 * high_end.discounted_expected_lifetime(0.10); do not plug the renewal rate 0.869 into section 2's formula as a constant."}],
    model_answer={"zh": "value_new_high_end = 100 * high_end.discounted_expected_lifetime(0.10)   # 592.23；常数续约率 0.869 只给出 476.19",
                  "en": "value_new_high_end = 100 * high_end.discounted_expected_lifetime(0.10)   # 592.23; a constant renewal rate of 0.869 gives only 476.19"},
)

q7 = ThoughtProblem(
    var="five_times_rule",
    hints=[{"zh": "想一想：获取成本包括哪些费用？保留成本又包括哪些？",
            "en": "Which costs make up acquisition? Which make up retention?"}],
    model_answer={"zh": "核实方法：把一年的营销与销售费用分成“拉新”和“保留”两部分，分别除以新客户数和留住的老客户数，"
                        "得到人均获取成本与人均保留成本；再比较新老客户的首年利润。倍数因行业而异（常见 5–10 倍），"
                        "结论的方向——保留率的小幅提高带来大得多的价值——通常成立。",
                  "en": "To check it, split a year's marketing and sales spend into acquisition and retention, divide by "
                        "new customers won and existing customers kept to get cost per acquired and per kept customer, "
                        "and compare first-year profit of new and existing customers. The multiple varies by industry "
                        "(5–10× is common); the direction — small gains in retention are worth a lot — usually holds."},
)


# ---- the kinds of value a customer brings: profit, word of mouth, crowd pull, information, defence ----
VALUES = ("cv_profit", "cv_word_of_mouth", "cv_crowd", "cv_information", "cv_competitive")
VALUE_CARDS = [
    {"id": "V1", "text": {"zh": "一位会员每年在悦家花 6,000 元，带来约 2,100 元毛利",
                          "en": "A member spends ¥6,000 a year at Yuejia, about ¥2,100 of margin"}},
    {"id": "V2", "text": {"zh": "新店开业那周门口排起长队，路过的人越看越想进来",
                          "en": "A long queue outside the new store in its opening week makes passers-by want to come in too"}},
    {"id": "V3", "text": {"zh": "一位老顾客在朋友圈写了详细的使用心得，五位朋友因此下单",
                          "en": "A regular posts a detailed review for her friends; five of them place orders because of it"}},
    {"id": "V4", "text": {"zh": "会员在问卷里说退货流程太麻烦，公司据此简化了退货规则",
                          "en": "Members say in the survey that returns are too much hassle; the company simplifies the return rules"}},
    {"id": "V5", "text": {"zh": "竞争对手在隔壁开店并大打折扣，悦家的老会员大多没有走，对手半年后关店",
                          "en": "A rival opens next door with deep discounts; most Yuejia members stay, and the rival closes half a year later"}},
    {"id": "V6", "text": {"zh": "经销商第一时间把竞争品牌的新促销方案告诉了客户经理",
                          "en": "A distributor tells the account manager about a rival brand's new promotion straight away"}},
]
VALUE_KEY = {"V1": "cv_profit", "V2": "cv_crowd", "V3": "cv_word_of_mouth", "V4": "cv_information",
             "V5": "cv_competitive", "V6": "cv_information"}

q7 = ChoiceProblem(
    var="value_answers",
    expected=lambda: dict(VALUE_KEY),
    wrong=lambda: {**VALUE_KEY, "V2": "cv_word_of_mouth", "V6": "cv_competitive"},
    hints=[{"zh": "问：企业从这件事里得到的是钱、新客户、还是知识？新客户是被谁、怎样带来的？",
            "en": "Ask what the company gains: money, new customers, or knowledge? And who brought the new customers, and how?"},
           {"zh": "口碑是客户主动说；聚客是客户在场本身吸引别人；客户告诉我们的事（包括竞争对手的动向）是信息价值。",
            "en": "Word of mouth is customers speaking up; crowd pull is their presence drawing others; what customers tell us "
                  "(rivals' moves included) is information."}],
    model_answer={"zh": "value_answers = value_quiz.answers\n"
                        "# V1 利润；V2 聚客（排队本身吸引路人）；V3 口碑（主动推荐）；V4、V6 信息（意见、竞品动向）；V5 对抗竞争（忠诚客户不被挖走）",
                  "en": "value_answers = value_quiz.answers\n"
                        "# V1 profit; V2 crowd pull (the queue itself draws people in); V3 word of mouth (an active "
                        "recommendation); V4, V6 information (opinions, rivals' moves); V5 defence against rivals"},
)


def value_quiz():
    """The cards of q7: which kind of customer value each event shows; its Check button judges with q7.

    >>> len(value_quiz().cards)
    6
    """
    from helpers.teaching.widgets import ClassificationQuiz

    return ClassificationQuiz(VALUE_CARDS, VALUES, problem=q7)
