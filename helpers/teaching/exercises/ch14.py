"""Chapter 14 · Capstone — reading the full analysis of Online Retail: segments, lists, the tie policy."""
from functools import lru_cache

from helpers.teaching.exercises.core import ThoughtProblem, ValueProblem

TIE_METHOD = "qcut_drop"     # the tie policy students switch to in the explorer


@lru_cache(maxsize=1)
def _report():
    """The capstone's analysis of the bundled data with every default (cn8, as_of = the day after the last order)."""
    from helpers.data.datasets import load_online_retail
    from helpers.report import analyse

    return analyse(*load_online_retail())


def _revenue_share(column: str) -> float:
    summary = _report().segment_summary().set_index("segment")
    return float(summary.loc["cn8_important_value", column])


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
    var="important_value_revenue_share",
    expected=lambda: _revenue_share("revenue_share"),
    wrong=lambda: _revenue_share("customer_share"),
    rel_tol=1e-3,
    hints=[{"zh": "看细分汇总表 segment_table 中“重要价值客户”这一行。",
            "en": "Look at the Important value customers row of the segment table segment_table."},
           {"zh": "题目问的是收入占比（revenue_share），不是客户占比（customer_share）。",
            "en": "The question asks for the share of revenue (revenue_share), not the share of customers (customer_share)."}],
    model_answer={"zh": "important_value_revenue_share = segment_table.set_index('segment').loc['cn8_important_value', 'revenue_share']"
                        "   # 约 0.64：16% 的客户带来 64% 的收入",
                  "en": "important_value_revenue_share = segment_table.set_index('segment').loc['cn8_important_value', 'revenue_share']"
                        "   # about 0.64: 16% of the customers bring 64% of the revenue"},
)

q2 = ValueProblem(
    var="n_retain_at_risk",
    expected=lambda: _important_retain("at_risk"),
    wrong=lambda: _important_retain(None),
    hints=[{"zh": "在“细分 × 关系状态”交叉表中找“重要挽留客户”这一行。",
            "en": "Find the Important retention customers row of the segment × relationship state table."},
           {"zh": "只要还处于“流失预警”的客户（已经流失的不算）：读“流失预警客户”这一列。",
            "en": "Only those still at risk (not those already lost): read the At-risk customers column."}],
    model_answer={"zh": "n_retain_at_risk = int(((customers['segment'] == 'cn8_important_retain') & (customers['state'] == 'at_risk')).sum())"
                        "   # 23 位：过去贡献大、最近沉默、还来得及挽留——本周的第一批电话",
                  "en": "n_retain_at_risk = int(((customers['segment'] == 'cn8_important_retain') & (customers['state'] == 'at_risk')).sum())"
                        "   # 23: valuable in the past, silent lately and still within reach — this week's first calls"},
)

q3 = ValueProblem(
    var="champions_qcut_drop",
    expected=lambda: _champions(TIE_METHOD),
    wrong=lambda: _champions("r_rfm"),
    hints=[{"zh": "在讲解器里把“并列处理”改为 qcut_drop（合并重复分界点），方案保持 r_rfm10。",
            "en": "In the explorer switch the tie policy to qcut_drop (merge repeated cut points), keeping the r_rfm10 scheme."},
           {"zh": "r_rfm10 的冠军客户要求 R、F、M 都是 5 分；F 的并列值很多时，qcut_drop 会合并分档，表里可能根本没有这一行——那答案就是 0。",
            "en": "r_rfm10's Champions need 5 in R, F and M; with many ties in F, qcut_drop merges bins and the row may vanish — then the answer is 0."}],
    model_answer={"zh": "explorer.controls['method'].value = 'qcut_drop'\n"
                        "champions_qcut_drop = int(explorer.result.summary.set_index('segment')['customers'].get('champions', 0))"
                        "   # 0：F 的重复分界点被合并，只剩 1–4 分，没有人能得 F = 5，冠军客户整类消失；r_rfm 规则下有 328 位",
                  "en": "explorer.controls['method'].value = 'qcut_drop'\n"
                        "champions_qcut_drop = int(explorer.result.summary.set_index('segment')['customers'].get('champions', 0))"
                        "   # 0: F's repeated cut points merge into 4 bins, nobody scores F = 5 and the whole Champions segment vanishes; the r_rfm rule gives 328"},
)

q4 = ThoughtProblem(
    var="call_plan",
    hints=[{"zh": "把名单、细分和价值放在一起看：谁最值得、谁还来得及、谁用低成本渠道就够了？",
            "en": "Put the lists, the segments and the value together: who is worth most, who is still within reach, "
                  "for whom is a low-cost channel enough?"}],
    model_answer={"zh": "先打给高价值且仍处于流失预警的客户（at_risk 名单中 save_call 的 64 位，其中重要挽留客户优先），"
                        "再用余下的名额回访高价值的已流失客户；其他预警客户用短信或邮件提醒；挽回客户发欢迎回归的问候。"
                        "一个月后用同样的 Notebook、新的基准日重算，比较名单上的人有多少回来购买。",
                  "en": "First call the high-value customers still at risk (the 64 save_call rows of the at-risk list, Important "
                        "retention customers first), then spend the remaining calls on high-value lost customers; remind the other "
                        "at-risk customers by text or e-mail; greet the reactivated ones with a welcome back. A month later, rerun "
                        "the same notebook with a new analysis date and compare how many listed customers bought again."},
)
