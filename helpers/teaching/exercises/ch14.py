"""Chapter 14 · Capstone — reading the full analysis of Online Retail: segments, lists, the tie policy."""
from functools import lru_cache

from helpers.teaching.exercises.core import AS_PERCENT, Mistake, ThoughtProblem, ValueProblem

TIE_METHOD = "qcut_drop"     # the tie policy students switch to in the explorer


@lru_cache(maxsize=1)
def _report():
    """The capstone's analysis of the bundled data with every default (cn8, as_of = the day after the last order)."""
    from helpers.data.datasets import load_online_retail
    from helpers.report import analyse

    return analyse(*load_online_retail())


def _state_revenue_share(states: tuple, column: str = "monetary") -> float:
    """Share of revenue (``monetary``) — or of customers (``column=None``) — of the customers in ``states``."""
    customers = _report().customers
    chosen = customers["state"].isin(states)
    return float(chosen.mean()) if column is None else float(customers.loc[chosen, column].sum() / customers[column].sum())


def _important_retain(state: str | None) -> int:
    customers = _report().customers
    chosen = customers["segment"] == "cn8_important_retain"
    if state is not None:
        chosen &= customers["state"] == state
    return int(chosen.sum())


def _champions(method: str) -> int:
    """Champions (r_rfm10) in the explorer after choosing the tie policy ``method``."""
    from helpers.teaching.widgets import RfmExplorer

    explorer = RfmExplorer(_report().scores.table, chart=False, method=method)
    return int(explorer.result.summary.set_index("segment")["customers"].get("champions", 0))


q1 = ValueProblem(
    var="at_risk_revenue_share",
    question={"zh": "在本章的分析中（默认数据 Online Retail），目前处于**流失预警**状态（`'at_risk'`）的客户，在分析期内带来了全部收入的多大比例？"
                    "用客户表 `customers` 的 `state` 和 `monetary` 两列，答 0–1 之间的小数。",
              "en": "In this chapter's analysis (the default data, Online Retail), what share of all revenue in the period came from the "
                    "customers who are now **at risk** (`'at_risk'`)? Use the `state` and `monetary` columns of the customer table "
                    "`customers`; answer with a fraction between 0 and 1."},
    expected=lambda: _state_revenue_share(("at_risk",)),
    decimals=3,
    mistakes=[Mistake("customer_share", answer=lambda: _state_revenue_share(("at_risk",), None),
                      message={"zh": "这是客户占比（预警客户占全部客户的比例）；题目问的是他们带来的收入占比：把 `monetary` 相加再相除。",
                               "en": "That is the share of customers; the question asks for their share of revenue: add up `monetary` and divide."}),
              Mistake("with_lost", answer=lambda: _state_revenue_share(("at_risk", "lost")),
                      message={"zh": "你把已经流失（`'lost'`）的客户也算进去了；题目只问仍处于流失预警的客户——还来得及挽留的那部分收入。",
                               "en": "You included the lost customers (`'lost'`); the question asks only for those still at risk — the "
                                     "revenue still within reach."}),
              AS_PERCENT],
    hints=[{"zh": "收入占比 = 这些客户的消费额之和 ÷ 全部客户的消费额之和；它衡量“有多少收入处在风险中”。",
            "en": "Revenue share = these customers' spend ÷ all customers' spend; it measures how much revenue is at stake."},
           {"zh": "`customers['state'] == 'at_risk'` 选出预警客户；`monetary` 列是每位客户的消费额。",
            "en": "`customers['state'] == 'at_risk'` picks the at-risk customers; `monetary` is each customer's spend."},
           {"zh": "`customers.loc[customers['state'] == 'at_risk', 'monetary'].sum() / ____`",
            "en": "`customers.loc[customers['state'] == 'at_risk', 'monetary'].sum() / ____`"}],
    model_answer="now_at_risk = customers['state'] == 'at_risk'\n"
                 "at_risk_revenue_share = customers.loc[now_at_risk, 'monetary'].sum() / customers['monetary'].sum()",
    explanation={"zh": "约 0.054：14% 的客户处于流失预警，只带来 5% 的收入——预警客户多是小客户，挽留要先挑出其中价值高的（“专人电话回访”名单）。",
                 "en": "About 0.054: 14 % of the customers are at risk but bring only 5 % of the revenue — most are small, so "
                       "retention starts with the valuable few (the save_call list)."},
)

q2 = ValueProblem(
    var="n_retain_at_risk",
    question={"zh": "有多少位**重要挽留客户**目前仍处于**流失预警**状态（还没有流失）？用客户表 `customers` 的 `segment` 和 `state` 两列。",
              "en": "How many **Important retention customers** are still **at risk** (not yet lost)? Use the `segment` and `state` "
                    "columns of the customer table `customers`."},
    expected=lambda: _important_retain("at_risk"),
    mistakes=[Mistake("all_retain", answer=lambda: _important_retain(None),
                      message={"zh": "这是全部重要挽留客户，包括已经流失的；题目只问仍处于流失预警（`'at_risk'`）的。",
                               "en": "That is every Important retention customer, the lost ones included; the question asks only for those still at risk (`'at_risk'`)."}),
              Mistake("lost", answer=lambda: _important_retain("lost"),
                      message={"zh": "这是已经流失（`'lost'`）的重要挽留客户；题目问的是还来得及挽留的流失预警客户。",
                               "en": "Those are the Important retention customers already lost (`'lost'`); the question asks for those still at risk."})],
    hints=[{"zh": "两个条件同时满足：类别是重要挽留客户，状态是流失预警。",
            "en": "Two conditions at once: the class is Important retention and the state is at risk."},
           {"zh": "在“细分 × 关系状态”交叉表中找“重要挽留客户”这一行、“流失预警客户”这一列；或在 `customers` 中用 `&` 组合两个条件。",
            "en": "Find the Important retention row and the At-risk column of the segment × state table; or combine two conditions on `customers` with `&`."},
           {"zh": "`((customers['segment'] == 'cn8_important_retain') & (customers['state'] == ____)).sum()`",
            "en": "`((customers['segment'] == 'cn8_important_retain') & (customers['state'] == ____)).sum()`"}],
    model_answer="n_retain_at_risk = int(((customers['segment'] == 'cn8_important_retain') & (customers['state'] == 'at_risk')).sum())",
    explanation={"zh": "23 位：过去贡献大、最近沉默、还来得及挽留——本周的第一批电话。",
                 "en": "23: valuable in the past, silent lately and still within reach — this week's first calls."},
)

q3 = ValueProblem(
    var="champions_qcut_drop",
    question={"zh": "上面的讲解器使用本章的 RFM 表。保持方案为 `r_rfm10`，把**并列处理**改为 `qcut_drop`（合并重复的分界点）：这时有多少位冠军客户？",
              "en": "The explorer above uses this chapter's RFM table. Keep the `r_rfm10` scheme and switch the **tie policy** to "
                    "`qcut_drop` (merge repeated cut points): how many Champions are there now?"},
    expected=lambda: _champions(TIE_METHOD),
    mistakes=[Mistake("default_method", answer=lambda: _champions("r_rfm"),
                      message={"zh": "这是默认并列规则 `r_rfm` 下的人数：先在讲解器里把“并列处理”改为 `qcut_drop`。",
                               "en": "That is the count under the default tie rule `r_rfm`: switch the tie policy to `qcut_drop` in the explorer first."})],
    hints=[{"zh": "`r_rfm10` 的冠军客户要求 R、F、M 都是 5 分。想一想：F 的并列值很多时，`qcut_drop` 会怎样处理重复的分界点？",
            "en": "`r_rfm10` Champions need 5 in R, F and M. Think: with many ties in F, what does `qcut_drop` do with repeated cut points?"},
           {"zh": "在讲解器中把“并列处理”改为 `qcut_drop`，读表中冠军客户一行；代码里可以设置 `explorer.controls['method'].value`。",
            "en": "Switch the tie policy to `qcut_drop` in the explorer and read the Champions row; in code set `explorer.controls['method'].value`."},
           {"zh": "表里可能根本没有冠军客户这一行：`explorer.result.summary.set_index('segment')['customers'].get('champions', ____)`。",
            "en": "The Champions row may be missing altogether: `explorer.result.summary.set_index('segment')['customers'].get('champions', ____)`."}],
    model_answer="explorer.controls['method'].value = 'qcut_drop'\n"
                 "champions_qcut_drop = int(explorer.result.summary.set_index('segment')['customers'].get('champions', 0))",
    explanation={"zh": "0：F 的重复分界点被合并，只剩 1–4 分，没有人能得 F = 5，冠军客户整类消失；`r_rfm` 规则下有 328 位。"
                       "在你自己的数据里，并列处理方式决定了哪些细分存在——报告必须写明。",
                 "en": "0: F's repeated cut points merge into 4 bins, nobody scores F = 5 and the whole Champions segment vanishes; "
                       "the `r_rfm` rule gives 328. On your own data the tie policy decides which segments exist — a report must state it."},
)

q4 = ThoughtProblem(
    var="call_plan",
    hints=[{"zh": "把名单、细分和价值放在一起看：谁最值得、谁还来得及、谁用低成本渠道就够了？",
            "en": "Put the lists, the segments and the value together: who is worth most, who is still within reach, "
                  "for whom is a low-cost channel enough?"}],
    explanation={"zh": "先打给高价值且仍处于流失预警的客户（at_risk 名单中 save_call 的 64 位，其中重要挽留客户优先），"
                       "再用余下的名额回访高价值的已流失客户；其他预警客户用短信或邮件提醒；挽回客户发欢迎回归的问候。"
                       "一个月后用同样的 Notebook、新的基准日重算，比较名单上的人有多少回来购买。",
                 "en": "First call the high-value customers still at risk (the 64 save_call rows of the at-risk list, Important "
                       "retention customers first), then spend the remaining calls on high-value lost customers; remind the other "
                       "at-risk customers by text or e-mail; greet the reactivated ones with a welcome back. A month later, rerun "
                       "the same notebook with a new analysis date and compare how many listed customers bought again."},
)
