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
