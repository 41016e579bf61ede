"""Chapter 06 · Customer lifetime value — margin multiple, the calculator, Markov CLV, BG/NBD and P(alive), sBG."""
from functools import lru_cache

from helpers.teaching.exercises.core import (AS_PERCENT, ChoiceProblem, ClassificationProblem, Mistake, ThoughtProblem,
                                             ValueProblem, catalogue_options, meaning_reasons)

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


def _member_clv(**options):
    from helpers.clv import simple_clv

    return float(simple_clv(80, retention=0.7, discount=0.08, **options))


def _calculator_clv(retention: float) -> float:
    """The CLV the chapter's calculator shows: profit 100 per period, discount 0.10, no horizon."""
    from helpers.clv import simple_clv

    return float(simple_clv(100, retention, 0.10))


def _retention_needed(target=500.0):
    return next(r for r in CALCULATOR_STEPS if _calculator_clv(r) > target)


def _state_value(matrix, state: int = 1) -> float:
    from helpers.clv import markov_clv

    return float(markov_clv(matrix, MARKOV_R, 0.10).iloc[state])


def _alive() -> dict:
    """P(alive) of the two customers of q4: A (10 repeat purchases, the last in week 15) and B (2, week 35), both 39 weeks old."""
    bg = _cdnow_models()[1]
    return {"A": float(bg.prob_alive(10, 15, 39)), "B": float(bg.prob_alive(2, 35, 39))}


@lru_cache(maxsize=1)
def _regular_model():
    """The chapter's sBG model of the regular cohort (Fader & Hardie 2007), fitted on years 1–7."""
    from helpers.btyd import ShiftedBetaGeoModel
    from helpers.data.datasets import load_retention_survival

    return ShiftedBetaGeoModel.fit(load_retention_survival()["regular_alive"], period="Y")


@lru_cache(maxsize=1)
def _high_end_model():
    """The chapter's sBG model of the high-end cohort (Fader & Hardie 2007), fitted on years 1–7."""
    from helpers.btyd import ShiftedBetaGeoModel
    from helpers.data.datasets import load_retention_survival

    return ShiftedBetaGeoModel.fit(load_retention_survival()["highend_alive"], period="Y")


def _more_likely_alive():
    alive = _alive()
    return max(alive, key=alive.get)


def _alive_reasons() -> dict:
    alive = _alive()
    return {"A": {"zh": f"A 平均约每 1.5 周买一次，却已经 24 周没来：这样的常客很可能已经离开，P(alive) ≈ {alive['A']:.3f}；"
                        f"B 本来就买得少，4 周没来说明不了什么，P(alive) ≈ {alive['B']:.2f}。",
                  "en": f"A bought about every 1.5 weeks but has not come for 24 weeks: such a regular has probably left, "
                        f"P(alive) ≈ {alive['A']:.3f}; B rarely buys anyway, so 4 quiet weeks say little, P(alive) ≈ {alive['B']:.2f}."}}


q1 = ValueProblem(
    var="clv_member",
    question={"zh": "某会员每年为企业带来 80 元利润，年保留率 0.7，折现率 8%。用 `simple_clv` 计算他的 CLV（不含本年），单位：元。",
              "en": "A member brings a profit of 80 a year; the yearly retention rate is 0.7 and the discount rate 8 %. Use `simple_clv` "
                    "to compute the member's CLV (current year excluded), in yuan."},
    expected=_member_clv,
    decimals=2,
    mistakes=[Mistake("no_discount", answer=lambda: 80 * 0.7 / (1 - 0.7),
                      message={"zh": "你没有折现：m·r/(1−r) 把明年的 1 元和今天的 1 元看成一样。公式是 m·r/(1+i−r)，i = 0.08。",
                               "en": "You did not discount: m·r/(1−r) treats a yuan next year like a yuan today. The formula is m·r/(1+i−r), with i = 0.08."}),
              Mistake("lifetime_only", answer=lambda: 80 / (1 - 0.7),
                      message={"zh": "这是 m/(1−r)：每期利润乘以预期寿命，既没有折现，也把本年算了进去。",
                               "en": "That is m/(1−r): profit times the expected lifetime, neither discounted nor excluding the current year."}),
              Mistake("current_year", answer=lambda: _member_clv(include_current=True),
                      message={"zh": "这把本年的 80 元也算进去了（`include_current=True`）；题目要求不含本年。",
                               "en": "That includes this year's 80 (`include_current=True`); the question excludes the current year."})],
    hints=[{"zh": "CLV 是未来各年利润的现值：每年的利润要乘以“还留着”的概率，再按折现率折回今天。",
            "en": "CLV is the present value of future profit: each year's profit times the chance the member is still there, discounted to today."},
           {"zh": "无限期、不含本年的公式是 CLV = m·r/(1+i−r)；`simple_clv(profit_per_period, retention=…, discount=…)` 就是它。",
            "en": "With an infinite horizon and the current year excluded, CLV = m·r/(1+i−r); `simple_clv(profit_per_period, retention=…, discount=…)` computes it."},
           {"zh": "`simple_clv(80, retention=____, discount=____)`——两个比例都写成 0–1 之间的小数。",
            "en": "`simple_clv(80, retention=____, discount=____)` — both rates as fractions between 0 and 1."}],
    model_answer="clv_member = simple_clv(80, retention=0.7, discount=0.08)",
    explanation={"zh": "147.37 元：利润乘数 0.7/0.38 = 1.84。", "en": "147.37: a margin multiple of 0.7/0.38 = 1.84."},
)

q2 = ValueProblem(
    var="retention_needed",
    question={"zh": "用上面的计算器（每期利润 100，折现率 0.10，期数 0）：保留率**至少**要达到多少（滑块步长 0.05），客户的 CLV 才能超过 500？"
                    "答 0–1 之间的小数。",
              "en": "With the calculator above (profit per period 100, discount 0.10, periods 0): what is the **lowest** retention rate "
                    "(slider steps of 0.05) at which the customer's CLV exceeds 500? Answer with a fraction between 0 and 1."},
    expected=_retention_needed,
    decimals=2,
    mistakes=[Mistake("slider_start", answer=lambda: 0.8,
                      message={"zh": "这是滑块的初始位置 0.80（CLV 266.67）：把保留率滑块向右移，直到 CLV 第一次超过 500。",
                               "en": "That is the slider's starting position, 0.80 (CLV 266.67): move the retention slider right until the CLV first exceeds 500."}),
              Mistake("at_450", answer=lambda: 0.9,
                      message={"zh": "保留率 0.90 时 CLV 正好是 450，还没有超过 500：再往右移一格。",
                               "en": "At 0.90 the CLV is exactly 450, not above 500: move one more step to the right."}),
              Mistake("clv_value", answer=lambda: _calculator_clv(_retention_needed()),
                      message={"zh": "这是 CLV 的数值；题目问的是需要的保留率。", "en": "That is the CLV itself; the question asks for the retention rate needed."}),
              AS_PERCENT],
    hints=[{"zh": "保留率越高，CLV 增长得越快：从 0.80 开始每次右移一格，看 CLV 何时第一次超过 500。",
            "en": "CLV grows faster as retention rises: start at 0.80 and move one step at a time until the CLV first exceeds 500."},
           {"zh": "计算器的 CLV = 100·r/(1.1−r)；也可以在代码中设置 `calc.controls['retention'].value` 并读 `calc.result.clv`。",
            "en": "The calculator's CLV = 100·r/(1.1−r); in code you can set `calc.controls['retention'].value` and read `calc.result.clv`."},
           {"zh": "0.90 时 CLV 是 450，还不够；试下一格 0.90 + 0.05 = ____。",
            "en": "At 0.90 the CLV is 450, not enough; try the next step, 0.90 + 0.05 = ____."}],
    model_answer="calc.controls['retention'].value = 0.95\nretention_needed = calc.values['retention']",
    explanation={"zh": "0.95：CLV = 633.33；0.90 时只有 450——保留率越高，每一格的价值越大。",
                 "en": "0.95: CLV = 633.33; 0.90 gives only 450 — each step is worth more as retention rises."},
)

q3 = ValueProblem(
    var="gain_per_at_risk",
    question={"zh": "一个关怀项目能把流失预警客户的下一期去向从 (0.2, 0.5, 0.3) 改为 (0.35, 0.45, 0.2)（忠诚、预警、流失）。"
                    "这个项目让**每位流失预警客户**的价值增加多少元？",
              "en": "A care programme changes where at-risk customers go next period from (0.2, 0.5, 0.3) to (0.35, 0.45, 0.2) (loyal, "
                    "at risk, lost). By how much, in yuan, does it raise the value of **one at-risk customer**?"},
    expected=lambda: _state_value(MARKOV_P_CARE) - _state_value(MARKOV_P),
    decimals=2,
    mistakes=[Mistake("new_value", answer=lambda: _state_value(MARKOV_P_CARE),
                      message={"zh": "这是项目之后流失预警客户的价值；题目问的是增加了多少：再减去原来的 137.5。",
                               "en": "That is the at-risk customer's value after the programme; the question asks for the gain: subtract the original 137.5."}),
              Mistake("loyal_gain", answer=lambda: _state_value(MARKOV_P_CARE, 0) - _state_value(MARKOV_P, 0),
                      message={"zh": "这是忠诚客户价值的增加（第一行）；题目问的是流失预警客户（第二行，`.iloc[1]`）。",
                               "en": "That is the gain of a loyal customer (the first row); the question asks for the at-risk customer (the second row, `.iloc[1]`)."})],
    hints=[{"zh": "项目只改变流失预警客户的去向，也就是转移矩阵的第二行；价值之差就是项目的收益。",
            "en": "The programme changes only where at-risk customers go: the second row of the transition matrix. The difference in value is its gain."},
           {"zh": "复制 `P`，把第二行换成新的去向，再对两个矩阵分别算 `markov_clv(…, R, 0.10)`，取流失预警客户那一项（`.iloc[1]`）。",
            "en": "Copy `P`, replace its second row with the new shares, compute `markov_clv(…, R, 0.10)` for both matrices and take the at-risk entry (`.iloc[1]`)."},
           {"zh": "`P_care = P.copy(); P_care.iloc[1] = [0.35, 0.45, 0.2]`，然后 `markov_clv(P_care, R, 0.10).iloc[1] - ____`。",
            "en": "`P_care = P.copy(); P_care.iloc[1] = [0.35, 0.45, 0.2]`, then `markov_clv(P_care, R, 0.10).iloc[1] - ____`."}],
    model_answer="P_care = P.copy()\nP_care.iloc[1] = [0.35, 0.45, 0.2]\n"
                 "gain_per_at_risk = markov_clv(P_care, R, 0.10).iloc[1] - markov_clv(P, R, 0.10).iloc[1]",
    explanation={"zh": "225 − 137.5 = 87.5：每位预警客户的关怀成本低于 87.5 元，项目就值得做。",
                 "en": "225 − 137.5 = 87.5: the programme pays if it costs less than 87.5 per at-risk customer."},
)

q4 = ChoiceProblem(
    var="more_likely_alive",
    question={"zh": "两位客户在校准期末都是 39 周“年龄”。A 重复购买了 10 次，最后一次在第 15 周；B 只重复购买 2 次，最后一次在第 35 周。"
                    "谁更可能仍然是活跃客户？先凭直觉，再用 `bg.prob_alive(x, t_x, T)` 验证，答 `'A'` 或 `'B'`。",
              "en": "Two customers are both 39 weeks old at the end of calibration. A made 10 repeat purchases, the last in week 15; B made "
                    "only 2, the last in week 35. Who is more likely to still be active? Guess first, then check with "
                    "`bg.prob_alive(x, t_x, T)`; answer `'A'` or `'B'`."},
    expected=_more_likely_alive,
    options={"A": {"zh": "A：10 次重复购买，最后一次在第 15 周", "en": "A: 10 repeat purchases, the last in week 15"},
             "B": {"zh": "B：2 次重复购买，最后一次在第 35 周", "en": "B: 2 repeat purchases, the last in week 35"}},
    reasons=_alive_reasons,
    hints=[{"zh": "沉默的长短要和客户平时的购买节奏比：常客突然很久不来，比偶尔才来的客户沉默更说明问题。",
            "en": "Compare the silence with the customer's usual rhythm: a regular who stops coming says more than an occasional buyer's silence."},
           {"zh": "A 平均每 1.5 周买一次，却已经 24 周没来了；B 本来就买得少，最近 4 周没来。",
            "en": "A bought about every 1.5 weeks but has not come for 24 weeks; B rarely buys and has been quiet for 4 weeks."},
           {"zh": "比较 `bg.prob_alive(10, 15, 39)` 和 `bg.prob_alive(2, 35, ____)`。",
            "en": "Compare `bg.prob_alive(10, 15, 39)` with `bg.prob_alive(2, 35, ____)`."}],
    model_answer="more_likely_alive = 'A' if bg.prob_alive(10, 15, 39) > bg.prob_alive(2, 35, 39) else 'B'",
    explanation={"zh": "B：P(alive) A ≈ 0.004，B ≈ 0.78——常客长时间不来，很可能已经流失。",
                 "en": "B: P(alive) is about 0.004 for A and 0.78 for B — a regular who stops coming has probably left."},
)

q5 = ValueProblem(
    var="n_likely_gone",
    question={"zh": "在 `clv_table` 中，有多少位客户的 P(alive)（`prob_alive` 列）**低于 0.5**？这就是一份挽留名单的规模。",
              "en": "How many customers in `clv_table` have a P(alive) (the `prob_alive` column) **below 0.5**? That is the size of a retention list."},
    expected=lambda: int((_prob_alive() < 0.5).sum()),
    mistakes=[Mistake("above", answer=lambda: int((_prob_alive() >= 0.5).sum()),
                      message={"zh": "这是 P(alive) 不低于 0.5 的客户——很可能还活跃的那些；题目问的是低于 0.5、可能已经离开的客户。",
                               "en": "Those are the customers with P(alive) of at least 0.5 — likely still active; the question asks for those below 0.5."}),
              Mistake("share", answer=lambda: float((_prob_alive() < 0.5).mean()),
                      message={"zh": "这是比例；题目问的是人数（名单有多少行）。", "en": "That is a share; the question asks for a number of customers (rows of the list)."})],
    hints=[{"zh": "P(alive) 是客户仍然活跃的概率；低于 0.5 意味着“更可能已经离开”。",
            "en": "P(alive) is the probability that a customer is still active; below 0.5 means more likely gone than not."},
           {"zh": "`clv_table['prob_alive'] < 0.5` 得到一列真/假值；真的个数就是人数。",
            "en": "`clv_table['prob_alive'] < 0.5` gives a column of true/false values; the number of trues is the count."},
           {"zh": "对那一列真/假值用 `.____()` 求和。", "en": "Apply `.____()` to that true/false column to add it up."}],
    model_answer="n_likely_gone = int((clv_table['prob_alive'] < 0.5).sum())",
    explanation={"zh": "393 位（约 17%）：先按 CLV 从高到低排序，优先回访其中价值高的客户。",
                 "en": "393 customers (about 17 %): rank them by CLV and contact the valuable ones first."},
)

q6 = ValueProblem(
    var="value_new_high_end",
    question={"zh": "高端客户同样每年年初付费、带来 100 元利润，折现率 10%。用上面的 `high_end` 模型计算一位**新签**高端客户的期望价值"
                    "（含第一年的付费），单位：元。",
              "en": "A high-end customer also pays at the start of each year, leaving a margin of 100; the discount rate is 10 %. Use the "
                    "`high_end` model above to compute what a **newly signed** high-end customer is worth (the first year's payment "
                    "included), in yuan."},
    expected=lambda: 100 * _high_end_model().discounted_expected_lifetime(0.10),
    decimals=2,
    mistakes=[Mistake("constant_renewal", answer=lambda: 100 * (1 + 0.10) / (1 + 0.10 - 0.869),
                      message={"zh": "你把第一年的续约率 0.869 当成了常数，套用第 2 节的公式。续约率逐年上升（留下的客户更忠诚），所以要用 sBG 模型的 DEL。",
                               "en": "You took year 1's renewal rate of 0.869 as a constant in section 2's formula. Renewal rises year by "
                                     "year (those who stay are the loyal ones), so use the sBG model's DEL."}),
              Mistake("regular_cohort", answer=lambda: 100 * _regular_model().discounted_expected_lifetime(0.10),
                      message={"zh": "这是普通客户（`regular`）的价值；题目问的是高端客户（`high_end`）。",
                               "en": "That is the value of a regular customer (`regular`); the question asks for a high-end one (`high_end`)."}),
              Mistake("residual", answer=lambda: 100 * _high_end_model().discounted_residual_lifetime(0.10, n_renewals=0),
                      message={"zh": "这是 DERL：不含第一年付费、从下一年起的价值。新签客户的 DEL 要把第一年的付费也算进去。",
                               "en": "That is DERL: the value from next year on, without the first payment. A newly signed customer's DEL "
                                     "includes the first year's payment."})],
    hints=[{"zh": "新签客户的期望价值 = 每年利润 × DEL（折现后的期望付费次数）；续约率逐年上升，不能当作常数。",
            "en": "A new customer's expected value = yearly margin × DEL (the expected number of discounted payments); renewal "
                  "rises year by year, so it is not a constant."},
           {"zh": "`high_end.discounted_expected_lifetime(折现率)` 给出 DEL，它已经包含第一年的付费；已续约客户才用 `discounted_residual_lifetime`。",
            "en": "`high_end.discounted_expected_lifetime(discount)` gives DEL, the first payment included; "
                  "`discounted_residual_lifetime` is for customers who have already renewed."},
           {"zh": "`100 * high_end.discounted_expected_lifetime(____)`", "en": "`100 * high_end.discounted_expected_lifetime(____)`"}],
    model_answer="value_new_high_end = 100 * high_end.discounted_expected_lifetime(0.10)",
    explanation={"zh": "592.23 元；把第一年的续约率 0.869 当作常数只得到 476.19 元，低估约五分之一。",
                 "en": "592.23; year 1's renewal rate of 0.869 taken as a constant gives only 476.19, about a fifth too little."},
)

discuss_five_times = ThoughtProblem(
    var="five_times_rule",
    hints=[{"zh": "想一想：获取成本包括哪些费用？保留成本又包括哪些？",
            "en": "Which costs make up acquisition? Which make up retention?"}],
    explanation={"zh": "核实方法：把一年的营销与销售费用分成“拉新”和“保留”两部分，分别除以新客户数和留住的老客户数，"
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
VALUE_MEANINGS = {
    "cv_profit": {"zh": "客户直接带来的收入和毛利", "en": "the revenue and margin the customer brings directly"},
    "cv_word_of_mouth": {"zh": "客户主动向别人推荐我们", "en": "the customer actively recommends us to others"},
    "cv_crowd": {"zh": "客户在场本身就吸引别人（从众）", "en": "the customers' presence itself draws others in (the herd effect)"},
    "cv_information": {"zh": "客户告诉我们的意见和市场动向（包括竞争对手的动向）", "en": "opinions and market news customers give us (rivals' moves included)"},
    "cv_competitive": {"zh": "忠诚客户不被对手挖走，帮我们顶住竞争", "en": "loyal customers stay and hold off the rivals"},
}
VALUE_OPTIONS = catalogue_options(VALUES)

q7 = ClassificationProblem(
    var="value_answers",
    question={"zh": "客户的价值不只是利润，还有口碑、聚客、信息和对抗竞争的价值。下面六件事分别主要体现了客户的哪一种价值？",
              "en": "A customer's value is more than profit: there is word of mouth, crowd pull, information and defence against "
                    "rivals. Which kind of value does each of the six events below mainly show?"},
    expected=lambda: dict(VALUE_KEY),
    options=VALUE_OPTIONS,
    cards=VALUE_CARDS,
    reasons=meaning_reasons(VALUE_KEY, VALUE_MEANINGS, VALUE_OPTIONS),
    mistakes=[Mistake("crowd_and_information", answer=lambda: {**VALUE_KEY, "V2": "cv_word_of_mouth", "V6": "cv_competitive"},
                      message={"zh": "口碑是客户主动说，聚客是客户在场本身吸引别人（V2 的排队）；客户告诉我们的竞争动向是信息价值（V6）。",
                               "en": "Word of mouth is customers speaking up; crowd pull is their presence drawing others (V2's queue); "
                                     "news of rivals that customers pass on is information (V6)."})],
    hints=[{"zh": "问：企业从这件事里得到的是钱、新客户、还是知识？新客户是被谁、怎样带来的？",
            "en": "Ask what the company gains: money, new customers, or knowledge? And who brought the new customers, and how?"},
           {"zh": "口碑是客户主动说；聚客是客户在场本身吸引别人；客户告诉我们的事（包括竞争对手的动向）是信息价值。",
            "en": "Word of mouth is customers speaking up; crowd pull is their presence drawing others; what customers tell us "
                  "(rivals' moves included) is information."},
           {"zh": "V1 是利润、V5 是对抗竞争；剩下四张里有两张是信息价值。",
            "en": "V1 is profit and V5 defence against rivals; two of the remaining four are information."}],
)
