"""Chapter 02 · Relationship stages and lifecycle — states, migration, growth accounting."""
from functools import lru_cache

from helpers.teaching.exercises.core import (AS_PERCENT, ClassificationProblem, Mistake, ValueProblem,
                                             catalogue_options, meaning_reasons)

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
                    "为每张卡片选出客户的**关系状态**。",
              "en": "The six customers below bought on the dates shown. The analysis date is 2024-06-30 and the rules are those of "
                    "section 2 (90 / 180 / 365 days, at least 4 purchases for loyal). Pick each customer's **relationship state**."},
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


# ---- managing each type of customer: which state is each action meant for? ----
MANAGE_STATES = ("prospect", "target", "new", "repeat", "loyal", "lost")
MANAGE_CARDS = [
    {"id": "M1", "text": {"zh": "第一次购物后第三天打电话问用得怎样，记下他的喜好，先建立信任",
                          "en": "A call three days after the first purchase to ask how it is going, noting their preferences — trust first"}},
    {"id": "M2", "text": {"zh": "问清楚为什么不再来；投诉没解决就先解决问题，再寄回归礼",
                          "en": "Finding out why they stopped coming; if a complaint was left unsolved, solve it first, then send a welcome-back gift"}},
    {"id": "M3", "text": {"zh": "领过券、留了电话但还没买过：邀请参加门店体验活动，了解需求，先让他认同品牌",
                          "en": "Took a coupon and left a number but never bought: an invitation to a store event, learning their needs, winning them to the brand"}},
    {"id": "M4", "text": {"zh": "交给专门的会员服务小组：专属关怀、邀请参与新品共创，档案由专人维护",
                          "en": "Handed to a dedicated member-service team: personal care, invitations to co-create new products, records kept by a named person"}},
    {"id": "M5", "text": {"zh": "营销部门已选定要争取他：专人介绍会员权益，送首单礼，促成第一单",
                          "en": "Marketing has chosen to win them: a named person explains member benefits and sends a first-order gift"}},
    {"id": "M6", "text": {"zh": "买过几次：按购买记录推荐互补商品，提醒积分快到下一档",
                          "en": "Has bought a few times: complementary products from their history, a reminder that the next points level is close"}},
]
MANAGE_KEY = {"M1": "new", "M2": "lost", "M3": "prospect", "M4": "loyal", "M5": "target", "M6": "repeat"}
MANAGE_MEANINGS = {
    "prospect": {"zh": "还没买过，企业也还没选定要争取他——先建立认同、了解需求", "en": "has never bought and has not been chosen yet — win them to the brand, learn their needs"},
    "target": {"zh": "还没买过，但企业已选定要主动争取他——促成第一单", "en": "has never bought, but the company has chosen to win them — bring about a first order"},
    "new": {"zh": "刚买过第一次——先建立信任", "en": "has just bought for the first time — build trust first"},
    "repeat": {"zh": "买过几次——交叉购买、推动升级", "en": "has bought a few times — cross-buying, moving up"},
    "loyal": {"zh": "长期常买——专门团队、专人维护档案", "en": "buys regularly over a long time — a dedicated team, named records"},
    "lost": {"zh": "不再来了——先问原因、先解决问题", "en": "has stopped coming — ask why and fix the problem first"},
}


def _manage_options() -> dict:
    return catalogue_options(MANAGE_STATES, _state_labels)


q5 = ClassificationProblem(
    var="manage_answers",
    question={"zh": "下面六个做法分别是为哪一类客户准备的？为每张卡片选一种关系状态。",
              "en": "Which type of customer is each of the six actions below meant for? Pick a relationship state per card."},
    expected=lambda: dict(MANAGE_KEY),
    options=_manage_options,
    cards=MANAGE_CARDS,
    reasons=meaning_reasons(MANAGE_KEY, MANAGE_MEANINGS, _manage_options),
    mistakes=[Mistake("prospect_target", answer=lambda: {**MANAGE_KEY, "M3": "target", "M5": "prospect"},
                      message={"zh": "潜在客户和目标客户对调了：两者都还没买过，区别在于企业是否已经选定要主动争取他（第 5 章）。",
                               "en": "Prospect and target are swapped: neither has bought; the difference is whether the company has "
                                     "chosen to win them (chapter 5)."})],
    hints=[{"zh": "先看卡片里的客户买过没有、买过几次、还来不来；再看企业做这件事的目的。",
            "en": "First see whether the customer has bought, how often, and whether they still come; then what the action is for."},
           {"zh": "潜在客户与目标客户都还没买过：区别在于企业是否已经选定要主动争取他（第 5 章）。",
            "en": "Prospects and targets have both never bought: the difference is whether the company has chosen to win them (chapter 5)."},
           {"zh": "六张卡片各是一种状态：M1 是初次购买、M2 是流失；其余四张在潜在、目标、重复购买、忠诚中各占一个。",
            "en": "Each card is a different state: M1 is first-time, M2 lost; the other four are prospect, target, repeat and loyal, "
                  "one each."}],
)


# ---- how deep a relationship goes: transactional, mutual interest, partnership ----
RELATIONS = ("rel_transaction", "rel_interest", "rel_partnership")
RELATION_CARDS = [
    {"id": "R1", "text": {"zh": "顾客每次都比价，哪家便宜在哪家买；店员不认识他，他也不在乎",
                          "en": "The customer compares prices every time and buys wherever it is cheapest; staff do not know him, nor does he care"}},
    {"id": "R2", "text": {"zh": "顾客为了会员积分和满额礼集中在悦家买；积分一取消，他很可能就走",
                          "en": "The customer concentrates purchases at Yuejia for the points and spend-based gifts; drop the points and he will likely go"}},
    {"id": "R3", "text": {"zh": "企业客户和悦家一起设计年度员工礼品方案，并共享员工满意度调查结果",
                          "en": "A business client designs its yearly staff-gift programme together with Yuejia and shares its staff survey results"}},
    {"id": "R4", "text": {"zh": "只在打折季来一次，买完就走，从不注册会员",
                          "en": "Comes once in the sales season, buys and leaves, never joins as a member"}},
    {"id": "R5", "text": {"zh": "经销商与悦家签了三年独家协议，双方共同出钱开拓一个新城市",
                          "en": "A distributor signs a three-year exclusive agreement and shares with Yuejia the cost of opening a new city"}},
    {"id": "R6", "text": {"zh": "换一家供应商要重新对接系统、重新谈合同，太麻烦，所以继续在悦家采购",
                          "en": "Switching supplier would mean new system links and a new contract — too much trouble, so the client stays"}},
]
RELATION_KEY = {"R1": "rel_transaction", "R2": "rel_interest", "R3": "rel_partnership",
                "R4": "rel_transaction", "R5": "rel_partnership", "R6": "rel_interest"}
RELATION_MEANINGS = {
    "rel_transaction": {"zh": "每次交易各自独立，没有什么让客户留下", "en": "each sale stands alone; nothing keeps the customer"},
    "rel_interest": {"zh": "留下有好处、离开有成本（积分、折扣、转换成本）", "en": "a gain from staying or a cost of leaving (points, discounts, switching costs)"},
    "rel_partnership": {"zh": "双方有共同的计划和共同的投入", "en": "both sides share plans and invest together"},
}
RELATION_OPTIONS = catalogue_options(RELATIONS)

q6 = ClassificationProblem(
    var="relation_answers",
    question={"zh": "关系有三种深度：买卖关系、利益关系、伙伴关系。下面六段描述分别是哪一种？",
              "en": "Relationships come in three depths: transactional, mutual interest and partnership. Which one does each of the "
                    "six descriptions below show?"},
    expected=lambda: dict(RELATION_KEY),
    options=RELATION_OPTIONS,
    cards=RELATION_CARDS,
    reasons=meaning_reasons(RELATION_KEY, RELATION_MEANINGS, RELATION_OPTIONS),
    mistakes=[Mistake("ties_as_partnership", answer=lambda: {**RELATION_KEY, "R2": "rel_partnership", "R6": "rel_partnership"},
                      message={"zh": "积分和转换成本能把客户“拴住”，但那是利益关系；伙伴关系要有共同的计划和投入。",
                               "en": "Points and switching costs tie customers in, but that is mutual interest; a partnership needs joint "
                                     "plans and joint investment."})],
    hints=[{"zh": "问：是什么让客户留下？什么都没有（每次重新选）、留下对他有好处或走了有损失、还是双方有共同的目标？",
            "en": "Ask what keeps the customer: nothing (each purchase chosen afresh), a gain from staying or a cost of leaving, "
                  "or goals both sides share?"},
           {"zh": "积分、折扣和转换成本把客户“拴住”，但那是利益关系；伙伴关系要有共同的计划和投入。",
            "en": "Points, discounts and switching costs tie customers in, but that is mutual interest; a partnership needs joint "
                  "plans and joint investment."},
           {"zh": "每种关系各有两张卡片：R1 是买卖关系、R3 是伙伴关系，R2 是利益关系——再为其余三张各找一个同类。",
            "en": "Each depth has two cards: R1 is transactional, R3 a partnership, R2 mutual interest — find the partner of each "
                  "among the other three."}],
)


# ---- expanding a relationship: cross-selling, up-selling, referral ----
EXPANSIONS = ("expand_cross_sell", "expand_up_sell", "expand_referral")
EXPAND_CARDS = [
    {"id": "X1", "text": {"zh": "顾客买了一套床品，店员推荐配套的枕套和香薰",
                          "en": "A customer buys bed linen; the assistant suggests matching pillowcases and a room scent"}},
    {"id": "X2", "text": {"zh": "顾客看中 299 元的保温杯，店员介绍 399 元、能显示水温的款式",
                          "en": "A customer likes a ¥299 vacuum flask; the assistant shows the ¥399 model that displays the temperature"}},
    {"id": "X3", "text": {"zh": "请满意的老会员邀请朋友注册，朋友下单后双方各得一张 50 元券",
                          "en": "Satisfied members are asked to invite friends; after the friend's first order both get a ¥50 voucher"}},
    {"id": "X4", "text": {"zh": "结账时提示：再买 20 元就能换高一档的礼包",
                          "en": "At checkout: spend ¥20 more to get the next grade of gift pack"}},
    {"id": "X5", "text": {"zh": "常买零食的线上会员收到同品牌新茶饮的试用装",
                          "en": "An online member who buys snacks gets a sample of the brand's new tea drink"}},
]
EXPAND_KEY = {"X1": "expand_cross_sell", "X2": "expand_up_sell", "X3": "expand_referral",
              "X4": "expand_up_sell", "X5": "expand_cross_sell"}
EXPAND_MEANINGS = {
    "expand_cross_sell": {"zh": "卖给他**另一个**品类", "en": "selling him **another** category"},
    "expand_up_sell": {"zh": "同一需要的**更高档次或更大金额**", "en": "the **better or bigger** version of the same need"},
    "expand_referral": {"zh": "通过他带来**新客户**", "en": "a **new customer** brought in through him"},
}
EXPAND_OPTIONS = catalogue_options(EXPANSIONS)

q7 = ClassificationProblem(
    var="expand_answers",
    question={"zh": "扩展客户关系有三条路：交叉销售、向上销售、推荐新客户。下面五个做法分别走的是哪一条？",
              "en": "A relationship grows three ways: cross-selling, up-selling and referral. Which way does each of the five "
                    "practices below take?"},
    expected=lambda: dict(EXPAND_KEY),
    options=EXPAND_OPTIONS,
    cards=EXPAND_CARDS,
    reasons=meaning_reasons(EXPAND_KEY, EXPAND_MEANINGS, EXPAND_OPTIONS),
    mistakes=[Mistake("gift_pack_as_cross_sell", answer=lambda: {**EXPAND_KEY, "X4": "expand_cross_sell"},
                      message={"zh": "X4 的顾客多花的 20 元买什么不重要，重要的是目标：把这一单的金额推高到下一档——这是向上销售。",
                               "en": "In X4 what the extra ¥20 buys does not matter; the aim is to raise this order to the next grade — "
                                     "up-selling."})],
    hints=[{"zh": "交叉销售卖的是**别的**品类；向上销售是同一需要的**更高档次或更大金额**；推荐带来的是**新客户**。",
            "en": "Cross-selling sells **another** category; up-selling the **better or bigger** version of the same need; "
                  "a referral brings a **new customer**."},
           {"zh": "对每张卡片问：顾客多买的是另一种东西、同一种东西的更好版本，还是根本不是他自己在买？",
            "en": "For each card ask: is the extra purchase another kind of thing, a better version of the same thing, or not "
                  "his own purchase at all?"},
           {"zh": "X4 的顾客要多花的钱买什么不重要，重要的是目标：把这一单的金额推高到下一档。",
            "en": "In X4 what the extra ¥20 buys does not matter; the aim is to raise this order to the next grade."}],
)
