"""Chapter 02 · Relationship stages and lifecycle — states, migration, growth accounting."""
from functools import lru_cache

from helpers.teaching.exercises.core import ChoiceProblem, ValueProblem

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


@lru_cache(maxsize=1)
def _online_retail():
    from helpers.data.datasets import load_online_retail

    return load_online_retail()[0]


@lru_cache(maxsize=1)
def _or_states():
    from helpers.lifecycle import relationship_states

    return relationship_states(_online_retail())


@lru_cache(maxsize=1)
def _or_migration():
    from helpers.migration import migration_matrix

    return migration_matrix(_online_retail(), "2011-09-10", "2011-12-10")


@lru_cache(maxsize=1)
def _demo_growth():
    from helpers.cohorts import growth_accounting
    from helpers.data.datasets import load_demo

    return growth_accounting(load_demo("orders"), period="Q")


def _quiz_states() -> dict:
    import pandas as pd

    from helpers.lifecycle import relationship_states

    rows = [(c, d) for c, days in QUIZ_ORDERS.items() for d in days]
    tx = pd.DataFrame(rows, columns=["customer_id", "order_date"]).assign(amount=100.0)
    tx["order_date"] = pd.to_datetime(tx["order_date"])
    return relationship_states(tx, QUIZ_AS_OF).classes.to_dict()


def quiz_cards() -> list[dict]:
    """The quiz cards: each customer's purchase dates, in both languages."""
    return [{"id": c, "text": {"zh": f"{len(days)} 次购买：" + "、".join(days),
                               "en": f"{len(days)} purchase{'s' if len(days) > 1 else ''}: " + ", ".join(days)}}
            for c, days in QUIZ_ORDERS.items()]


def _count(state: str) -> int:
    return int((_or_states().classes == state).sum())


q1 = ValueProblem(
    var="n_at_risk",
    expected=lambda: _count("at_risk"),
    wrong=lambda: _count("at_risk") + _count("lost"),
    hints=[{"zh": "流失预警客户的 id 是 'at_risk'；不要把已经流失的 'lost' 算进来。",
            "en": "The id of at-risk customers is 'at_risk'; do not count the ones already 'lost'."},
           {"zh": "states.summary() 按状态列出人数；也可以数 (states.classes == 'at_risk').sum()。",
            "en": "states.summary() lists customers per state; or count (states.classes == 'at_risk').sum()."}],
    model_answer={"zh": "n_at_risk = int((states.classes == 'at_risk').sum())   # 588 人：最近一次购买在 91–180 天前",
                  "en": "n_at_risk = int((states.classes == 'at_risk').sum())   # 588: last purchase 91–180 days ago"},
)

q2 = ValueProblem(
    var="p_new_at_risk",
    expected=lambda: float(_or_migration().probabilities.loc["new", "at_risk"]),
    wrong=lambda: float(_or_migration().counts.loc["new", "at_risk"] / _or_migration().counts["at_risk"].sum()),
    rel_tol=1e-3,
    hints=[{"zh": "迁移矩阵的行是起点状态（t0），列是终点状态（t1）；每一行加起来是 100%。",
            "en": "Rows of the migration matrix are the state at t0, columns the state at t1; each row adds up to 100%."},
           {"zh": "读 m.probabilities 中 'new' 这一行、'at_risk' 这一列。",
            "en": "Read row 'new', column 'at_risk' of m.probabilities."}],
    model_answer={"zh": "p_new_at_risk = m.probabilities.loc['new', 'at_risk']   # 约 0.548：一半以上的初次购买客户三个月内没有再来",
                  "en": "p_new_at_risk = m.probabilities.loc['new', 'at_risk']   # about 0.548: over half of first-time buyers did not come back within three months"},
)

q3 = ValueProblem(
    var="quick_ratio_q3",
    expected=lambda: float(_demo_growth().loc["2025Q3", "quick_ratio"]),
    wrong=lambda: float(_demo_growth().loc["2025Q3", "new"] / _demo_growth().loc["2025Q3", "churned"]),
    rel_tol=1e-3,
    hints=[{"zh": "速动比率 =（新增 + 回流）÷ 流失。", "en": "Quick ratio = (new + resurrected) ÷ churned."},
           {"zh": "growth.loc['2025Q3'] 给出这一季度的各项人数；别忘了回流客户。",
            "en": "growth.loc['2025Q3'] holds that quarter's counts; do not forget the resurrected customers."}],
    model_answer={"zh": "quick_ratio_q3 = growth.loc['2025Q3', 'quick_ratio']   # (214 + 75) / 334 ≈ 0.865 < 1：这一季客户基数在缩小",
                  "en": "quick_ratio_q3 = growth.loc['2025Q3', 'quick_ratio']   # (214 + 75) / 334 ≈ 0.865 < 1: the customer base shrank that quarter"},
)

q4 = ChoiceProblem(
    var="quiz_states",
    expected=_quiz_states,
    wrong=lambda: {**_quiz_states(), "C5": "repeat", "C3": "lost"},
    hints=[{"zh": "按规则顺序逐条检查，第一条满足的规则决定状态：先看沉默天数（>180 流失，91–180 预警）。",
            "en": "Try the rules in order; the first that matches decides: look at the days since the last purchase first (>180 lost, 91–180 at risk)."},
           {"zh": "C5 在 2023-05-10 之后隔了 388 天才再次购买（超过 180 天），回来的时间在最近 90 天内。",
            "en": "C5 came back 388 days after 2023-05-10 (more than 180), and the return lies within the last 90 days."},
           {"zh": "C6 在一年内只有 2 次购买，不够 4 次，所以不是忠诚客户。",
            "en": "C6 has only 2 purchases within a year, fewer than 4, so not loyal."}],
    model_answer={"zh": "quiz_states = {'C1': 'loyal', 'C2': 'new', 'C3': 'at_risk', 'C4': 'lost', 'C5': 'reactivated', 'C6': 'repeat'}\n"
                        "# C1 一年内 5 次；C3 沉默 131 天；C4 沉默 334 天；C5 间隔 388 天后回来；C6 一年内只有 2 次",
                  "en": "quiz_states = {'C1': 'loyal', 'C2': 'new', 'C3': 'at_risk', 'C4': 'lost', 'C5': 'reactivated', 'C6': 'repeat'}\n"
                        "# C1 5 orders in a year; C3 silent 131 days; C4 silent 334 days; C5 back after a 388-day gap; C6 only 2 orders in a year"},
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

q5 = ChoiceProblem(
    var="manage_answers",
    expected=lambda: dict(MANAGE_KEY),
    wrong=lambda: {**MANAGE_KEY, "M3": "target", "M5": "prospect"},
    hints=[{"zh": "先看卡片里的客户买过没有、买过几次、还来不来；再看企业做这件事的目的。",
            "en": "First see whether the customer has bought, how often, and whether they still come; then what the action is for."},
           {"zh": "潜在客户与目标客户都还没买过：区别在于企业是否已经选定要主动争取他（第 5 章）。",
            "en": "Prospects and targets have both never bought: the difference is whether the company has chosen to win them (chapter 5)."}],
    model_answer={"zh": "manage_answers = manage_quiz.answers\n"
                        "# M3 潜在（建立认同、了解需求）→ M5 目标（促成首单）→ M1 初次购买（建立信任）→ M6 重复购买（交叉购买、升级）"
                        "→ M4 忠诚（专门部门、专人档案）；M2 流失（先问原因、先解决问题）",
                  "en": "manage_answers = manage_quiz.answers\n"
                        "# M3 prospect (win them to the brand, learn needs) → M5 target (a first order) → M1 first-time (trust) → "
                        "M6 repeat (cross-buying, moving up) → M4 loyal (a dedicated team, named records); M2 lost (ask why, fix first)"},
)


def manage_quiz():
    """The cards of q5: which relationship state is each action for; its Check button judges with q5.

    >>> len(manage_quiz().cards)
    6
    """
    from helpers.lifecycle import state_labels
    from helpers.teaching.widgets import ClassificationQuiz

    return ClassificationQuiz(MANAGE_CARDS, MANAGE_STATES, problem=q5, labels=state_labels(MANAGE_STATES))


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

q6 = ChoiceProblem(
    var="relation_answers",
    expected=lambda: dict(RELATION_KEY),
    wrong=lambda: {**RELATION_KEY, "R2": "rel_partnership", "R6": "rel_partnership"},
    hints=[{"zh": "问：是什么让客户留下？什么都没有（每次重新选）、留下对他有好处或走了有损失、还是双方有共同的目标？",
            "en": "Ask what keeps the customer: nothing (each purchase chosen afresh), a gain from staying or a cost of leaving, "
                  "or goals both sides share?"},
           {"zh": "积分、折扣和转换成本把客户“拴住”，但那是利益关系；伙伴关系要有共同的计划和投入。",
            "en": "Points, discounts and switching costs tie customers in, but that is mutual interest; a partnership needs joint "
                  "plans and joint investment."}],
    model_answer={"zh": "relation_answers = relation_quiz.answers\n"
                        "# R1、R4 买卖关系（每次交易各自独立）；R2、R6 利益关系（留下有好处、离开有成本）；R3、R5 伙伴关系（共同计划、共同投入）",
                  "en": "relation_answers = relation_quiz.answers\n"
                        "# R1, R4 transactional (each sale stands alone); R2, R6 mutual interest (a gain from staying, a cost of "
                        "leaving); R3, R5 partnership (joint plans, joint investment)"},
)


def relation_quiz():
    """The cards of q6: how deep is each relationship; its Check button judges with q6.

    >>> len(relation_quiz().cards)
    6
    """
    from helpers.teaching.widgets import ClassificationQuiz

    return ClassificationQuiz(RELATION_CARDS, RELATIONS, problem=q6)


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

q7 = ChoiceProblem(
    var="expand_answers",
    expected=lambda: dict(EXPAND_KEY),
    wrong=lambda: {**EXPAND_KEY, "X4": "expand_cross_sell"},
    hints=[{"zh": "交叉销售卖的是**别的**品类；向上销售是同一需要的**更高档次或更大金额**；推荐带来的是**新客户**。",
            "en": "Cross-selling sells **another** category; up-selling the **better or bigger** version of the same need; "
                  "a referral brings a **new customer**."},
           {"zh": "X4 的顾客要多花的钱买什么不重要，重要的是目标：把这一单的金额推高到下一档。",
            "en": "In X4 what the extra ¥20 buys does not matter; the aim is to raise this order to the next grade."}],
    model_answer={"zh": "expand_answers = expand_quiz.answers\n"
                        "# X1、X5 交叉销售（另一个品类）；X2、X4 向上销售（更高档次、更大金额）；X3 推荐新客户",
                  "en": "expand_answers = expand_quiz.answers\n"
                        "# X1, X5 cross-selling (another category); X2, X4 up-selling (better grade, bigger order); X3 referral"},
)


def expand_quiz():
    """The cards of q7: cross-selling, up-selling or referral; its Check button judges with q7.

    >>> len(expand_quiz().cards)
    5
    """
    from helpers.teaching.widgets import ClassificationQuiz

    return ClassificationQuiz(EXPAND_CARDS, EXPANSIONS, problem=q7)
