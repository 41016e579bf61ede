"""Chapter 05 · Value matrices — split rules, current × potential value, the airline's target selection."""
from functools import lru_cache

from helpers.teaching.exercises.core import AS_PERCENT, ChoiceProblem, Mistake, ThoughtProblem, ValueProblem

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


def _explorer_count(breaks: str, quadrant: str, x: str = "share_of_wallet", y: str = "annual_revenue") -> int:
    """Clients in one quadrant of x × y (share of wallet × annual revenue by default), as the chapter's explorer shows it."""
    from helpers.data.datasets import load_demo
    from helpers.wallet import wallet_value
    from helpers.teaching.widgets import MatrixExplorer

    explorer = MatrixExplorer(wallet_value(load_demo("key_accounts")), value_cols=[x, y], chart=False, breaks=breaks)
    return int((explorer.result.classes == quadrant).sum())


def _small_business(fit: int = 4, direct_reach: int = 3):
    """The small-business segment's row of the target selection matrix: customer_value, capability, cell."""
    from helpers.teaching.cases import AIRLINE_CAPABILITY, AIRLINE_VALUE, airline_segments
    from helpers.matrices import target_selection_matrix

    segments = airline_segments()
    segments.loc[segments["segment_id"] == "air_small_business", ["fit", "direct_reach"]] = [fit, direct_reach]
    table = target_selection_matrix(segments, AIRLINE_VALUE, AIRLINE_CAPABILITY).table
    return table.set_index("segment_id").loc["air_small_business"]


def _cell_reasons() -> dict:
    """Why each other cell is wrong, from the re-rated scores (the split is the scale midpoint, 3)."""
    row = _small_business()
    value, ability = float(row["customer_value"]), float(row["capability"])
    before = _small_business(fit=3, direct_reach=2)["cell"]
    v, a = f"{value:.2f}", f"{ability:.2f}"
    reasons = {
        "q_opportunistic": {"zh": f"择机选择要求满足能力低于 3 分；重新评分后满足能力是 (4 + 3 + 3) / 3 = {a}，已经不低于 3。",
                            "en": f"Select when able needs an ability below 3; after the re-rating the ability is (4 + 3 + 3) / 3 = {a}, no longer below 3."},
        "q_passive": {"zh": f"消极选择要求客户综合价值低于 3 分；中小企业商务客的价值是 {v} 分，重新评分没有改变它。",
                      "en": f"Accept passively needs a customer value below 3; the small-business value is {v}, which the re-rating does not change."},
        "q_abandon": {"zh": f"放弃选择要求两项都低于 3 分；价值 {v}、满足能力 {a} 都在高的一侧。",
                      "en": f"Do not target needs both below 3; value {v} and ability {a} are both on the high side."},
    }
    if before in reasons:
        reasons[before] = {lang: text + ("这是重新评分之前的格子。" if lang == "zh" else " That is the cell before the re-rating.")
                           for lang, text in reasons[before].items()}
    return {cell: text for cell, text in reasons.items() if cell != row["cell"]}


q1 = ValueProblem(
    var="n_best_median",
    question={"zh": "用**中位数**作分界线重新计算 Online Retail 的 Marcus 矩阵（`rfm` 表），“最佳客户”（`'marcus_best'`）有多少位？",
              "en": "Redo Marcus's matrix of Online Retail (the `rfm` table) with the **median** as the split. How many “Best "
                    "customers” (`'marcus_best'`) are there?"},
    expected=lambda: _n_best("median"),
    mistakes=[Mistake("mean", answer=lambda: _n_best("mean"),
                      message={"zh": "这是默认的均值分界线下的人数；题目要用中位数：`marcus_matrix(rfm, breaks='median')`。",
                               "en": "That is the count with the default mean split; the question asks for the median: `marcus_matrix(rfm, breaks='median')`."}),
              Mistake("share", answer=lambda: _n_best("median") / len(_online_retail_rfm()),
                      message={"zh": "这是最佳客户的比例；题目问的是人数。", "en": "That is the share of Best customers; the question asks for their number."})],
    hints=[{"zh": "少数超大客户把均值拉得很高；中位数把客户对半分，所以“高”的一侧会多出很多客户。",
            "en": "A few very large customers pull the mean far up; the median splits customers in half, so many more are on the high side."},
           {"zh": "`marcus_matrix` 的 `breaks` 参数决定分界规则；结果的 `classes` 是每位客户的格子编号。",
            "en": "`marcus_matrix`'s `breaks` argument sets the split rule; the result's `classes` holds each customer's cell id."},
           {"zh": "`by_median_marcus = marcus_matrix(rfm, breaks='median')`，再数 `by_median_marcus.classes == ____`。",
            "en": "`by_median_marcus = marcus_matrix(rfm, breaks='median')`, then count `by_median_marcus.classes == ____`."}],
    model_answer="n_best_median = int((marcus_matrix(rfm, breaks='median').classes == 'marcus_best').sum())",
    explanation={"zh": "1,487 位，约为均值规则（357 位）的 4 倍：中位数只有 2 次、约 292 英镑。",
                 "en": "1,487, about 4× the 357 of the mean rule: the medians are only 2 purchases and about £292."},
)

q2 = ValueProblem(
    var="n_moved",
    question={"zh": "第 2 节中，从均值规则（`by_mean`）换成中位数规则（`by_median`）后，40 家企业客户中共有多少家**换了格子**？",
              "en": "In section 2, how many of the 40 corporate clients **change cells** when the mean rule (`by_mean`) is replaced by "
                    "the median rule (`by_median`)?"},
    expected=lambda: int((_account_types()[0] != _account_types()[1]).sum()),
    mistakes=[Mistake("type_iv_only", answer=lambda: int((_account_types()[1] == "value_type_iv").sum()
                                                         - (_account_types()[0] == "value_type_iv").sum()),
                      message={"zh": "这只是 IV 类多出的 7 家；还有客户从 I 类移到 II、III 类，从 III 类移到 IV 类。要逐家比较两种规则下的格子。",
                               "en": "That is only the 7 extra type IV clients; clients also move from I to II and III, and from III to IV. "
                                     "Compare the two cells client by client."}),
              Mistake("unchanged", answer=lambda: int((_account_types()[0] == _account_types()[1]).sum()),
                      message={"zh": "这是没有换格子的客户数（交叉表的对角线）；题目问的是换了格子的。",
                               "en": "That is the clients who stay in their cell (the cross table's diagonal); the question asks for those who move."})],
    hints=[{"zh": "换了格子 = 两种规则下的类别不同。交叉表的对角线是没换格子的客户。",
            "en": "Changing cells means a different class under the two rules. The cross table's diagonal holds the clients who stay."},
           {"zh": "`by_mean.classes` 和 `by_median.classes` 按客户编号一一对应，可以直接比较。",
            "en": "`by_mean.classes` and `by_median.classes` are indexed by client id, so they compare client by client."},
           {"zh": "`(by_mean.classes ____ by_median.classes).sum()`——填一个比较运算符。",
            "en": "`(by_mean.classes ____ by_median.classes).sum()` — fill in a comparison operator."}],
    model_answer="n_moved = int((by_mean.classes != by_median.classes).sum())",
    explanation={"zh": "16 家，不只是 IV 类多出的 7 家：I→II、I→III、III→IV 都有。",
                 "en": "16 clients, not only the 7 extra type IV: there are I→II, I→III and III→IV moves too."},
)

q3 = ChoiceProblem(
    var="small_business_cell",
    question={"zh": "云雀航空的分析团队重新评估了“中小企业商务客”：开通早晚班后，契合度从 3 分提高到 4 分，直销触达从 2 分提高到 3 分"
                    "（其余不变）。这个细分现在落在哪一格？写格子的编号：`'q_focus'`、`'q_opportunistic'`、`'q_passive'` 或 `'q_abandon'`。",
              "en": "Skylark's analysts re-rate the small-business travellers: with early and late flights, fit rises from 3 to 4 and "
                    "direct reach from 2 to 3 (nothing else changes). Which cell are they in now? Answer with the cell id: "
                    "`'q_focus'`, `'q_opportunistic'`, `'q_passive'` or `'q_abandon'`."},
    expected=lambda: _small_business()["cell"],
    options=TARGET_CELLS,
    reasons=_cell_reasons,
    hints=[{"zh": "重新评分只改变企业满足能力，不改变客户综合价值；分界线是量表中点 3 分，恰好在线上算高。",
            "en": "The re-rating changes the ability to satisfy, not the customer value; the split is the midpoint 3, and on the line counts as high."},
           {"zh": "客户综合价值不变（0.4 × 3 + 0.3 × 4 + 0.3 × 4 = 3.6）；满足能力是契合度、服务成本低、直销触达三项的平均分。",
            "en": "Customer value is unchanged (0.4 × 3 + 0.3 × 4 + 0.3 × 4 = 3.6); the ability is the mean of fit, low cost to serve and direct reach."},
           {"zh": "满足能力 = (4 + 3 + 3) / 3 = ____；和 3 比较，再查矩阵的四个格子。",
            "en": "Ability = (4 + 3 + 3) / 3 = ____; compare it with 3, then look up the four cells."}],
    model_answer="rerated = segments.copy()\n"
                 "rerated.loc[rerated['segment_id'] == 'air_small_business', ['fit', 'direct_reach']] = [4, 3]\n"
                 "targets_rerated = target_selection_matrix(rerated, AIRLINE_VALUE, AIRLINE_CAPABILITY)\n"
                 "small_business_cell = targets_rerated.table.set_index('segment_id').loc['air_small_business', 'cell']",
    explanation={"zh": "重点选择：价值 3.6、满足能力 (4+3+3)/3 = 3.33，从“择机选择”变为“重点选择”——提升能力正是择机选择的含义。",
                 "en": "`'q_focus'`: value 3.6, ability (4+3+3)/3 = 3.33, from “select when able” to “focus” — building the capability "
                       "is what “select when able” means."},
)

q4 = ValueProblem(
    var="n_big_low_share",
    question={"zh": "在讲解器中把横轴设为 `share_of_wallet`、纵轴设为 `annual_revenue`，分界规则用均值。有多少家客户年采购额高于平均、"
                    "而我们的钱包份额低于平均（左上角）？",
              "en": "In the explorer, put `share_of_wallet` on the x axis and `annual_revenue` on the y axis, split at the mean. How many "
                    "clients buy more than average while our share of their wallet is below average (top left)?"},
    expected=lambda: _explorer_count("mean", "wd_mx_high_y"),
    mistakes=[Mistake("axes_swapped", answer=lambda: _explorer_count("mean", "wd_mx_high_x"),
                      message={"zh": "这是右下角（份额高、采购额低）：横轴和纵轴读反了。左上角是纵轴（年采购额）高、横轴（钱包份额）低。",
                               "en": "That is the bottom right (high share, low revenue): the axes are read the wrong way round. Top left is "
                                     "high on y (annual revenue) and low on x (share of wallet)."}),
              Mistake("explorer_start", answer=lambda: _explorer_count("mean", "wd_mx_high_y", "current_value", "potential_value"),
                      message={"zh": "这是讲解器初始的两个维度（当前价值 × 增值潜力）下的左上角：先把横轴设为 `share_of_wallet`、纵轴设为 `annual_revenue`。",
                               "en": "That is the top left of the explorer's starting axes (current × potential value): put `share_of_wallet` "
                                     "on x and `annual_revenue` on y first."}),
              Mistake("median", answer=lambda: _explorer_count("median", "wd_mx_high_y"),
                      message={"zh": "这是用中位数分界的结果；题目要求分界规则用均值。",
                               "en": "That is the count with the median split; the question asks for the mean."}),
              Mistake("both_high", answer=lambda: _explorer_count("mean", "wd_mx_high_high"),
                      message={"zh": "这是右上角（采购额和份额都高）；题目问的是份额低的左上角。",
                               "en": "That is the top right (both high); the question asks for the top left, where our share is low."})],
    hints=[{"zh": "左上角 = 纵轴高、横轴低：买得多、但我们拿到的份额少——最值得争取份额的客户。",
            "en": "Top left = high on y, low on x: clients who buy a lot but give us a small share — where to win share."},
           {"zh": "讲解器表格中的“仅纵轴高（左上）”一行给出人数；代码里可以设置 `explorer.controls['x']`、`['y']`、`['breaks']` 的 `value`。",
            "en": "The “High on y only (top left)” row of the explorer's table gives the count; in code set the `value` of "
                  "`explorer.controls['x']`, `['y']` and `['breaks']`."},
           {"zh": "设好后数 `explorer.result.classes == ____`（左上角的编号是 `'wd_mx_high_y'` 还是 `'wd_mx_high_x'`？）。",
            "en": "Then count `explorer.result.classes == ____` (is the top left `'wd_mx_high_y'` or `'wd_mx_high_x'`?)."}],
    model_answer='explorer.controls["x"].value = "share_of_wallet"\nexplorer.controls["y"].value = "annual_revenue"\n'
                 'explorer.controls["breaks"].value = "mean"\n'
                 'n_big_low_share = int((explorer.result.classes == "wd_mx_high_y").sum())',
    explanation={"zh": "7 家：买得多、份额低，是最值得争取份额的客户。",
                 "en": "7 clients who buy a lot but give us a small share: where to win share."},
)

q5 = ThoughtProblem(
    var="corporate_travel",
    hints=[{"zh": "想一想贵宾室、积分和自由改签会给其他乘客的票价带来什么。",
            "en": "Think about what lounges, points and free changes would do to everybody else's fare."}],
    explanation={"zh": "矩阵说“择机选择”，但低成本航空的优势来自对复杂服务说“不”。为大企业差旅建设贵宾室、积分和自由改签，"
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


def _trait(column: str) -> float:
    return float(_behaviour_profile().loc[("orders", "> 3"), column])


q6 = ValueProblem(
    var="loyal_share_over_3",
    question={"zh": "在前 90 天行为的相似客户画像（上面的 `by_behaviour`）中，**忠诚客户**里有多大比例在前 90 天下了 3 单以上"
                    "（特征 `('orders', '> 3')`）？答 0–1 之间的小数。",
              "en": "In the first-90-days profile (`by_behaviour` above), what share of the **loyal customers** placed more than 3 "
                    "orders in their first 90 days (the trait `('orders', '> 3')`)? Answer with a fraction between 0 and 1."},
    expected=lambda: _trait("seed_share"),
    decimals=3,
    mistakes=[Mistake("all_customers", answer=lambda: _trait("customer_share"),
                      message={"zh": "这是全体客户中的占比（`customer_share`）；题目问的是忠诚客户（种子客户）中的占比（`seed_share`）。",
                               "en": "That is the share among all customers (`customer_share`); the question asks for the share among "
                                     "the loyal (seed) customers (`seed_share`)."}),
              AS_PERCENT],
    hints=[{"zh": "画像表每一行是一个特征值；“在忠诚客户中的占比”和“在全体客户中的占比”是两列不同的数。",
            "en": "Each row of the profile is one trait; the share among loyal customers and the share among all customers are two "
                  "different columns."},
           {"zh": "表的行索引是（特征, 取值）两层：找到 `('orders', '> 3')` 这一行；种子客户（忠诚客户）中的占比在 `seed_share` 列。",
            "en": "The rows are indexed by (feature, value): find the row `('orders', '> 3')`; the share among the seeds (the loyal "
                  "customers) is the `seed_share` column."},
           {"zh": "`by_behaviour.table.loc[('orders', '> 3'), ____]`", "en": "`by_behaviour.table.loc[('orders', '> 3'), ____]`"}],
    model_answer="loyal_share_over_3 = by_behaviour.table.loc[('orders', '> 3'), 'seed_share']",
    explanation={"zh": "约 0.478：近一半忠诚客户在前 90 天就下了 3 单以上；全体客户中只有约 0.148——这就是寻找相似新客户的线索。",
                 "en": "About 0.478: almost half the loyal customers ordered more than 3 times in their first 90 days; among all "
                       "customers only about 0.148 — the lead for finding look-alike new customers."},
)
