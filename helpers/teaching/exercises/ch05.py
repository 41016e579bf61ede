"""Chapter 05 · Value matrices — split rules, current × potential value, the airline's target selection."""
from functools import lru_cache

from helpers.teaching.exercises.core import ChoiceProblem, ThoughtProblem, ValueProblem

TARGET_CELLS = {"q_focus": {"zh": "重点选择", "en": "Focus"},
                "q_opportunistic": {"zh": "择机选择", "en": "Select when able"},
                "q_passive": {"zh": "消极选择", "en": "Accept passively"},
                "q_abandon": {"zh": "放弃选择", "en": "Do not target"}}


@lru_cache(maxsize=1)
def _online_retail_rfm():
    from helpers.data.datasets import load_online_retail
    from helpers.rfm.table import rfm_table

    return rfm_table(load_online_retail()[0])


def _n_best(breaks: str) -> int:
    from helpers.matrices import marcus_matrix

    return int((marcus_matrix(_online_retail_rfm(), breaks=breaks).classes == "marcus_best").sum())


@lru_cache(maxsize=1)
def _account_types():
    from helpers.data.datasets import load_demo
    from helpers.matrices import customer_value_matrix
    from helpers.wallet import wallet_value

    accounts = wallet_value(load_demo("key_accounts"))
    return customer_value_matrix(accounts).classes, customer_value_matrix(accounts, breaks="median").classes


def _explorer_count(breaks: str, quadrant: str) -> int:
    """Clients in one quadrant of share of wallet (x) × annual revenue (y), as the chapter's explorer shows it."""
    from helpers.data.datasets import load_demo
    from helpers.wallet import wallet_value
    from helpers.teaching.widgets import MatrixExplorer

    explorer = MatrixExplorer(wallet_value(load_demo("key_accounts")), value_cols=["share_of_wallet", "annual_revenue"],
                              chart=False, breaks=breaks)
    return int((explorer.result.classes == quadrant).sum())


def _small_business_cell(fit: int, direct_reach: int) -> str:
    from helpers.teaching.cases import AIRLINE_CAPABILITY, AIRLINE_VALUE, airline_segments
    from helpers.matrices import target_selection_matrix

    segments = airline_segments()
    segments.loc[segments["segment_id"] == "air_small_business", ["fit", "direct_reach"]] = [fit, direct_reach]
    table = target_selection_matrix(segments, AIRLINE_VALUE, AIRLINE_CAPABILITY).table
    return table.set_index("segment_id").loc["air_small_business", "cell"]


q1 = ValueProblem(
    var="n_best_median",
    expected=lambda: _n_best("median"),
    wrong=lambda: _n_best("mean"),   # the chapter's default split, unchanged
    hints=[{"zh": "marcus_matrix(rfm, breaks='median') 用中位数作两个维度的分界线。",
            "en": "marcus_matrix(rfm, breaks='median') splits both dimensions at the median."},
           {"zh": "数一数 classes 中等于 'marcus_best' 的客户：(result.classes == 'marcus_best').sum()。",
            "en": "Count the customers whose class is 'marcus_best': (result.classes == 'marcus_best').sum()."}],
    model_answer={"zh": "n_best_median = int((marcus_matrix(rfm, breaks='median').classes == 'marcus_best').sum())"
                        "   # 1,487 位，约为均值规则（357 位）的 4 倍：中位数只有 2 次、约 292 英镑",
                  "en": "n_best_median = int((marcus_matrix(rfm, breaks='median').classes == 'marcus_best').sum())"
                        "   # 1,487, about 4× the 357 of the mean rule: the medians are only 2 purchases and about £292"},
)

q2 = ValueProblem(
    var="n_moved",
    expected=lambda: int((_account_types()[0] != _account_types()[1]).sum()),
    wrong=lambda: int((_account_types()[1] == "value_type_iv").sum() - (_account_types()[0] == "value_type_iv").sum()),
    hints=[{"zh": "逐家比较两种规则下的类别：by_mean.classes 与 by_median.classes。",
            "en": "Compare the two rules client by client: by_mean.classes and by_median.classes."},
           {"zh": "(by_mean.classes != by_median.classes).sum()，也可以把交叉表中对角线以外的数加起来。",
            "en": "(by_mean.classes != by_median.classes).sum(), or add up the cross table outside its diagonal."}],
    model_answer={"zh": "n_moved = int((by_mean.classes != by_median.classes).sum())"
                        "   # 16 家，不只是 IV 类多出的 7 家：I→II、I→III、III→IV 都有",
                  "en": "n_moved = int((by_mean.classes != by_median.classes).sum())"
                        "   # 16 clients, not only the 7 extra type IV: there are I→II, I→III and III→IV moves too"},
)

q3 = ChoiceProblem(
    var="small_business_cell",
    expected=lambda: _small_business_cell(fit=4, direct_reach=3),
    wrong=lambda: _small_business_cell(fit=3, direct_reach=2),   # the cell before the re-rating
    options=TARGET_CELLS,
    hints=[{"zh": "客户综合价值不变（3.6 分）；重新算企业满足能力：(4 + 3 + 3) / 3。",
            "en": "Customer value does not change (3.6); recompute the ability to satisfy: (4 + 3 + 3) / 3."},
           {"zh": "3.33 ≥ 3，两个维度都在“高”的一侧。",
            "en": "3.33 ≥ 3, so both dimensions are on the high side."}],
    model_answer={"zh": "small_business_cell = 'q_focus'   # 价值 3.6、满足能力 (4+3+3)/3 = 3.33：从“择机选择”变为“重点选择”——提升能力正是择机选择的含义",
                  "en": "small_business_cell = 'q_focus'   # value 3.6, ability (4+3+3)/3 = 3.33: from “select when able” to “focus” — building capability is what “select when able” means"},
)

q4 = ValueProblem(
    var="n_big_low_share",
    expected=lambda: _explorer_count("mean", "wd_mx_high_y"),
    wrong=lambda: _explorer_count("mean", "wd_mx_high_x"),   # axes read the wrong way round: bottom right
    hints=[{"zh": "左上角 = 纵轴（年采购额）高、横轴（钱包份额）低，讲解器表格中的“仅纵轴高（左上）”。",
            "en": "Top left = high on y (annual revenue), low on x (share of wallet): “High on y only (top left)” in the explorer's table."},
           {"zh": "也可以用代码：设置 explorer.controls['x'] / ['y'] / ['breaks'] 的 value，再数 explorer.result.classes == 'wd_mx_high_y'。",
            "en": "Or in code: set the value of explorer.controls['x'] / ['y'] / ['breaks'], then count explorer.result.classes == 'wd_mx_high_y'."}],
    model_answer={"zh": "explorer.controls['x'].value = 'share_of_wallet'; explorer.controls['y'].value = 'annual_revenue'\n"
                        "n_big_low_share = int((explorer.result.classes == 'wd_mx_high_y').sum())   # 7 家：买得多、份额低，是最值得争取份额的客户",
                  "en": "explorer.controls['x'].value = 'share_of_wallet'; explorer.controls['y'].value = 'annual_revenue'\n"
                        "n_big_low_share = int((explorer.result.classes == 'wd_mx_high_y').sum())   # 7 clients who buy a lot but give us a small share: where to win share"},
)

q5 = ThoughtProblem(
    var="corporate_travel",
    hints=[{"zh": "想一想贵宾室、积分和自由改签会给其他乘客的票价带来什么。",
            "en": "Think about what lounges, points and free changes would do to everybody else's fare."}],
    model_answer={"zh": "矩阵说“择机选择”，但低成本航空的优势来自对复杂服务说“不”。为大企业差旅建设贵宾室、积分和自由改签，"
                        "会抬高所有乘客的成本、动摇低票价。合理的选择是战略性放弃：欢迎接受规则的企业员工，但不为他们改变产品。",
                  "en": "The matrix says “select when able”, but a low-cost airline's advantage comes from saying no to complex "
                        "service. Lounges, points and free changes for corporate travel would raise every passenger's costs and "
                        "undermine the low fares. The sound choice is a strategic “do not target”: corporate employees who accept "
                        "the rules are welcome, but the product does not change for them."},
)


# ---- look-alike target customers: the first-90-days profile of today's loyal customers ----

@lru_cache(maxsize=1)
def _behaviour_profile():
    from helpers.data.datasets import load_demo
    from helpers.lifecycle import relationship_states
    from helpers.lookalike import early_behaviour, lookalike_profile

    orders = load_demo("orders")
    states = relationship_states(orders, "2026-01-01")
    early = early_behaviour(orders, "2026-01-01", within_days=90)
    base = early[early["complete"]]
    loyal = states.table.index[states.classes == "loyal"]
    return lookalike_profile(base, base.index.intersection(loyal), feature_cols=["orders", "aov"]).table


q6 = ValueProblem(
    var="loyal_share_over_3",
    expected=lambda: float(_behaviour_profile().loc[("orders", "> 3"), "seed_share"]),
    wrong=lambda: float(_behaviour_profile().loc[("orders", "> 3"), "customer_share"]),   # the share among all customers
    abs_tol=5e-4,
    hints=[{"zh": "画像表每一行是一个特征值；“在忠诚客户中的占比”和“在全体客户中的占比”是两列不同的数。",
            "en": "Each row of the profile is one trait; the share among loyal customers and the share among all customers are two different columns."},
           {"zh": "找到 ('orders', '> 3') 这一行，读种子客户占比（seed_share）这一列。",
            "en": "Find the row ('orders', '> 3') and read the share of seeds (seed_share)."}],
    model_answer={"zh": "loyal_share_over_3 = by_behaviour.table.loc[('orders', '> 3'), 'seed_share']\n"
                        "# 0.478：近一半忠诚客户在前 90 天就下了 3 单以上；全体客户中只有 0.148（customer_share）",
                  "en": "loyal_share_over_3 = by_behaviour.table.loc[('orders', '> 3'), 'seed_share']\n"
                        "# 0.478: almost half the loyal customers ordered more than 3 times in their first 90 days; "
                        "among all customers only 0.148 (customer_share)"},
)
