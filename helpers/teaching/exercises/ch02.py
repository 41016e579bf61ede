"""Chapter 02 · Relationship stages and lifecycle — states, migration, growth accounting."""
from functools import lru_cache

from helpers.teaching.exercises.core import (AS_PERCENT, ClassificationProblem, Mistake, ValueProblem,
                                             catalogue_options)

#: Six customers of docs/methods.md §3.2 / §8.4 (order dates), classified at 2024-06-30 in the quiz.
QUIZ_AS_OF = "2024-06-30"
QUIZ_ORDERS = {
    "C1": ["2024-01-05", "2024-03-10", "2024-05-02", "2024-06-15", "2024-06-25"],
    "C2": ["2024-06-20"],
    "C3": ["2024-01-15", "2024-02-20"],
    "C4": ["2023-06-01", "2023-08-01"],
    "C5": ["2023-05-10", "2024-06-01"],
    "C6": ["2024-04-10", "2024-06-28"],
}
QUIZ_STATES = ("new", "repeat", "loyal", "at_risk", "lost", "reactivated")
#: q1 asks for the states three months before the default analysis date (the migration matrix's t0).
EARLIER = "2011-09-10"


@lru_cache(maxsize=1)
def _online_retail():
    from helpers.data.datasets import load_online_retail

    return load_online_retail()[0]


@lru_cache(maxsize=2)
def _or_states(as_of: str | None = None):
    from helpers.lifecycle import relationship_states

    return relationship_states(_online_retail(), as_of=as_of)


@lru_cache(maxsize=1)
def _or_migration():
    from helpers.migration import migration_matrix

    return migration_matrix(_online_retail(), "2011-09-10", "2011-12-10")


@lru_cache(maxsize=1)
def _demo_growth():
    from helpers.cohorts import growth_accounting
    from helpers.data.datasets import load_demo

    return growth_accounting(load_demo("orders"), period="Q")


@lru_cache(maxsize=1)
def _quiz_table():
    import pandas as pd

    from helpers.lifecycle import relationship_states

    rows = [(c, d) for c, days in QUIZ_ORDERS.items() for d in days]
    tx = pd.DataFrame(rows, columns=["customer_id", "order_date"]).assign(amount=100.0)
    tx["order_date"] = pd.to_datetime(tx["order_date"])
    return relationship_states(tx, QUIZ_AS_OF)


def _quiz_states() -> dict:
    return _quiz_table().classes.to_dict()


def quiz_cards() -> list[dict]:
    """The quiz cards: each customer's purchase dates, in both languages.

    >>> quiz_cards()[1]["text"]["en"]
    '1 purchase: 2024-06-20'
    """
    return [{"id": c, "text": {"zh": f"{len(days)} 次购买：" + "、".join(days),
                               "en": f"{len(days)} purchase{'s' if len(days) > 1 else ''}: " + ", ".join(days)}}
            for c, days in QUIZ_ORDERS.items()]


def _rules() -> dict:
    from helpers.lifecycle import PRESETS

    return PRESETS["retail_quarterly"]


def _requirement(state: str) -> dict:
    """What a state requires (the rules of section 2, in their order)."""
    p = _rules()
    a, c, w, n = p["active_days"], p["churn_days"], p["loyal_window_days"], p["n_loyal_orders"]
    return {
        "lost": {"zh": f"流失要求最近一次购买超过 {c} 天", "en": f"lost needs a last purchase more than {c} days ago"},
        "at_risk": {"zh": f"流失预警要求最近一次购买在 {a + 1}–{c} 天前",
                    "en": f"at risk needs a last purchase {a + 1}–{c} days ago"},
        "reactivated": {"zh": f"挽回要求间隔超过 {c} 天后、在最近 {a} 天内回来",
                        "en": f"reactivated needs a return within {a} days after a gap of more than {c} days"},
        "new": {"zh": f"初次购买要求最近 {a} 天内只买过 1 次", "en": f"first-time needs one purchase only, within {a} days"},
        "loyal": {"zh": f"忠诚要求最近 {w} 天内至少 {n} 次购买", "en": f"loyal needs at least {n} purchases within {w} days"},
        "repeat": {"zh": f"重复购买是最近 {a} 天内买过、买过至少 2 次、但不满足前面的规则",
                   "en": f"repeat is active within {a} days with 2 or more purchases, matching no earlier rule"},
    }[state]


def _state_reason(card: str, chosen=None) -> dict:
    """Which rule decided the card's state, from its purchase dates, and what the chosen state needs."""
    import pandas as pd

    p = _rules()
    row = _quiz_table().table.loc[card]
    days, as_of = pd.to_datetime(QUIZ_ORDERS[card]), pd.Timestamp(QUIZ_AS_OF)
    r, window = int(row["recency_days"]), int(row["orders_in_window"])
    gaps = [int((b - a).days) for a, b in zip(days[:-1], days[1:])]
    state = row["state"]
    if state == "lost":
        evidence = {"zh": f"最近一次购买在 {r} 天前，超过 {p['churn_days']} 天",
                    "en": f"the last purchase was {r} days ago, more than {p['churn_days']}"}
    elif state == "at_risk":
        evidence = {"zh": f"最近一次购买在 {r} 天前，在 {p['active_days'] + 1}–{p['churn_days']} 天之间",
                    "en": f"the last purchase was {r} days ago, between {p['active_days'] + 1} and {p['churn_days']}"}
    elif state == "reactivated":
        back = int((as_of - days[-1]).days)
        evidence = {"zh": f"间隔 {max(gaps)} 天（超过 {p['churn_days']} 天）后于 {days[-1].date()} 回来，距分析日 {back} 天",
                    "en": f"came back on {days[-1].date()} after a gap of {max(gaps)} days (more than {p['churn_days']}), "
                          f"{back} days before the analysis date"}
    elif state == "new":
        evidence = {"zh": f"只买过 1 次，在 {r} 天前", "en": f"a single purchase, {r} days ago"}
    elif state == "loyal":
        evidence = {"zh": f"最近 {p['loyal_window_days']} 天内买了 {window} 次（至少 {p['n_loyal_orders']} 次），最近一次在 {r} 天前",
                    "en": f"{window} purchases within {p['loyal_window_days']} days (at least {p['n_loyal_orders']}), the last {r} days ago"}
    else:
        evidence = {"zh": f"最近一次购买在 {r} 天前，共 {int(row['orders'])} 次，但一年内只有 {window} 次（不足 {p['n_loyal_orders']} 次）",
                    "en": f"the last purchase was {r} days ago, {int(row['orders'])} purchases, but only {window} within a year "
                          f"(fewer than {p['n_loyal_orders']})"}
    out = {}
    for lang in ("zh", "en"):
        text = evidence[lang] + ("。" if lang == "zh" else ".")
        if chosen in QUIZ_STATES and chosen != state:
            need = _requirement(chosen)[lang]
            text += need + "。" if lang == "zh" else " " + need[0].upper() + need[1:] + "."
        out[lang] = text
    return out


def _state_labels(ids):
    from helpers.lifecycle import state_labels

    return state_labels(list(ids))


def _count(state: str, as_of: str | None = EARLIER) -> int:
    return int((_or_states(as_of).classes == state).sum())


q1 = ValueProblem(
    var="n_at_risk_sep",
    question={"zh": "三个月前——分析日取 **2011-09-10**（`as_of='2011-09-10'`）时，Online Retail 有多少位客户处于**流失预警**状态（`'at_risk'`）？",
              "en": "Three months earlier — with **2011-09-10** as the analysis date (`as_of='2011-09-10'`) — how many Online Retail "
                    "customers were **at risk** (`'at_risk'`)?"},
    expected=lambda: _count("at_risk"),
    mistakes=[Mistake("default_date", answer=lambda: _count("at_risk", None),
                      message={"zh": "这是默认分析日 2011-12-10 的人数；题目要在 2011-09-10 判断状态：`relationship_states(tx, as_of='2011-09-10')`。",
                               "en": "That is the count on the default analysis date, 2011-12-10; the question asks for the states on "
                                     "2011-09-10: `relationship_states(tx, as_of='2011-09-10')`."}),
              Mistake("with_lost", answer=lambda: _count("at_risk") + _count("lost"),
                      message={"zh": "你把已经流失（`'lost'`，沉默超过 180 天）的客户也算进去了；流失预警只包括沉默 91–180 天、还来得及挽回的客户。",
                               "en": "You counted the lost customers (`'lost'`, silent for more than 180 days) too; at risk means silent "
                                     "for 91–180 days, still within reach."}),
              Mistake("lost", answer=lambda: _count("lost"),
                      message={"zh": "这是流失客户（`'lost'`）的人数；题目问的是流失预警（`'at_risk'`）。",
                               "en": "That is the number of lost customers (`'lost'`); the question asks for at risk (`'at_risk'`)."})],
    hints=[{"zh": "“距今多少天”都相对于分析日计算：换一个分析日，每位客户的状态都会重新判断。",
            "en": "“How long ago” always counts to the analysis date: another date re-classifies every customer."},
           {"zh": "`relationship_states(tx, as_of=…)` 按指定的分析日判断状态；结果的 `classes` 是每位客户的状态编号。",
            "en": "`relationship_states(tx, as_of=…)` classifies on the given analysis date; the result's `classes` holds every customer's state id."},
           {"zh": "`states_sep = relationship_states(tx, as_of='2011-09-10')`，再数 `states_sep.classes == ____`。",
            "en": "`states_sep = relationship_states(tx, as_of='2011-09-10')`, then count `states_sep.classes == ____`."}],
    model_answer="states_sep = relationship_states(tx, as_of='2011-09-10')\n"
                 "n_at_risk_sep = int((states_sep.classes == 'at_risk').sum())",
    explanation={"zh": "880 位，比 12 月的 588 位多得多：秋季很多客户沉默了三个多月，圣诞季前又回来了——流失预警要结合购买周期和季节来看。",
                 "en": "880, far more than December's 588: many customers went quiet for over three months in the autumn and came "
                       "back before Christmas — read at-risk counts against the buying cycle and the season."},
)

q2 = ValueProblem(
    var="p_new_at_risk",
    question={"zh": "在上面的迁移矩阵 `m` 中，2011-09-10 时的**初次购买**客户，有多大比例在 2011-12-10 时处于**流失预警**状态？"
                    "答 0–1 之间的小数。",
              "en": "In the migration matrix `m` above, what share of the **first-time buyers** of 2011-09-10 were **at risk** on "
                    "2011-12-10? Answer with a fraction between 0 and 1."},
    expected=lambda: float(_or_migration().probabilities.loc["new", "at_risk"]),
    decimals=3,
    mistakes=[Mistake("column_share", answer=lambda: float(_or_migration().counts.loc["new", "at_risk"]
                                                           / _or_migration().counts["at_risk"].sum()),
                      message={"zh": "这是按列算的比例：12 月的流失预警客户中有多少来自初次购买客户。题目问的是按行：9 月的初次购买客户有多少变成了流失预警。",
                               "en": "That is a column share: how many of December's at-risk customers had been first-time buyers. The "
                                     "question asks along the row: how many of September's first-time buyers became at risk."}),
              Mistake("count", answer=lambda: int(_or_migration().counts.loc["new", "at_risk"]),
                      message={"zh": "这是人数；题目问的是比例：除以 9 月初次购买客户的总数（这一行的合计）。",
                               "en": "That is a count; the question asks for a share: divide by all first-time buyers of September (the row total)."}),
              AS_PERCENT],
    hints=[{"zh": "迁移矩阵的行是起点状态（t0），列是终点状态（t1）；比例按行计算，每一行加起来是 1。",
            "en": "Rows of the migration matrix are the state at t0, columns the state at t1; shares run along rows, each row adds up to 1."},
           {"zh": "`m.probabilities` 是按行的比例，`m.counts` 是人数；要找的是“初次购买”行、“流失预警”列。",
            "en": "`m.probabilities` holds the row shares, `m.counts` the counts; you want the first-time row and the at-risk column."},
           {"zh": "`m.probabilities.loc[____, ____]`：先写行（起点状态），再写列（终点状态）。",
            "en": "`m.probabilities.loc[____, ____]`: the row (state at t0) first, then the column (state at t1)."}],
    model_answer="p_new_at_risk = m.probabilities.loc['new', 'at_risk']",
    explanation={"zh": "约 0.548：一半以上的初次购买客户三个月内没有再来。",
                 "en": "About 0.548: more than half of the first-time buyers did not come back within three months."},
)

q3 = ValueProblem(
    var="quick_ratio_q3",
    question={"zh": "用增长核算表 `growth` 算出悦家生活 2025 年第三季度（`'2025Q3'`）的**速动比率**。",
              "en": "Using the growth accounting table `growth`, work out Yuejia Living's **quick ratio** for 2025Q3 (`'2025Q3'`)."},
    expected=lambda: float(_demo_growth().loc["2025Q3", "quick_ratio"]),
    decimals=3,
    mistakes=[Mistake("no_resurrected", answer=lambda: float(_demo_growth().loc["2025Q3", "new"] / _demo_growth().loc["2025Q3", "churned"]),
                      message={"zh": "你只算了新增客户：速动比率的分子是新增 + 回流，回流的老客户也在补充客户基数。",
                               "en": "You counted only the new customers: the quick ratio's numerator is new + resurrected; returning "
                                     "customers refill the base too."}),
              Mistake("inverted", answer=lambda: 1 / float(_demo_growth().loc["2025Q3", "quick_ratio"]),
                      message={"zh": "分子和分母颠倒了：速动比率 =（新增 + 回流）÷ 流失，大于 1 说明客户基数在增长。",
                               "en": "Numerator and denominator are swapped: quick ratio = (new + resurrected) ÷ churned; above 1 the base grows."})],
    hints=[{"zh": "速动比率比较“进来的”与“走掉的”客户：大于 1，客户基数增长；小于 1，缩小。",
            "en": "The quick ratio compares customers coming in with customers leaving: above 1 the base grows, below 1 it shrinks."},
           {"zh": "速动比率 =（新增 + 回流）÷ 流失；`growth.loc['2025Q3']` 给出这一季度的各项人数，也有现成的 `quick_ratio` 列。",
            "en": "Quick ratio = (new + resurrected) ÷ churned; `growth.loc['2025Q3']` holds that quarter's counts, and there is a "
                  "`quick_ratio` column too."},
           {"zh": "`(growth.loc['2025Q3', 'new'] + growth.loc['2025Q3', ____]) / growth.loc['2025Q3', 'churned']`",
            "en": "`(growth.loc['2025Q3', 'new'] + growth.loc['2025Q3', ____]) / growth.loc['2025Q3', 'churned']`"}],
    model_answer="quick_ratio_q3 = growth.loc['2025Q3', 'quick_ratio']",
    explanation={"zh": "(214 + 75) / 334 ≈ 0.865 < 1：这一季客户基数在缩小。",
                 "en": "(214 + 75) / 334 ≈ 0.865 < 1: the customer base shrank that quarter."},
)

q4 = ClassificationProblem(
    var="quiz_states",
    question={"zh": "下面六位客户的购买日期如卡片所示。分析日为 2024-06-30，规则同第 2 节（90 / 180 / 365 天，忠诚至少 4 次）。"
                    "为每张卡片选出客户的**关系状态**，点“检查答案”，再运行 `quiz_states = quiz.answers`。",
              "en": "The six customers below bought on the dates shown. The analysis date is 2024-06-30 and the rules are those of "
                    "section 2 (90 / 180 / 365 days, at least 4 purchases for loyal). Pick each customer's **relationship state**, "
                    "press Check, then run `quiz_states = quiz.answers`."},
    expected=_quiz_states,
    options=lambda: catalogue_options(QUIZ_STATES, _state_labels),
    cards=quiz_cards,
    reasons=_state_reason,
    mistakes=[Mistake("gap_ignored", answer=lambda: {**_quiz_states(), "C5": "repeat"},
                      message={"zh": "C5 不是普通的重复购买：两次购买之间隔了一年多，已经流失过一次，这次是被挽回的。",
                               "en": "C5 is not an ordinary repeat buyer: more than a year passed between the two purchases, so "
                                     "the customer was lost once and has come back."})],
    hints=[{"zh": "按规则顺序逐条检查，第一条满足的规则决定状态：先看距分析日多少天（>180 流失，91–180 预警），再看回来、次数。",
            "en": "Try the rules in order; the first that matches decides: days since the last purchase first (>180 lost, "
                  "91–180 at risk), then returns and counts."},
           {"zh": "对最近 90 天内买过的客户：间隔超过 180 天后回来 → 挽回；只买过 1 次 → 初次购买；一年内至少 4 次 → 忠诚；否则重复购买。",
            "en": "For customers active within 90 days: back after a gap of more than 180 days → reactivated; one purchase → "
                  "first-time; at least 4 within a year → loyal; otherwise repeat."},
           {"zh": "先为每位客户算出“最近一次购买距 2024-06-30 多少天”：C3 是 131 天，C4 是 334 天；再看 C5 两次购买之间的间隔。",
            "en": "Work out the days from each last purchase to 2024-06-30 first: C3 is 131, C4 is 334; then look at the gap "
                  "between C5's two purchases."}],
)
