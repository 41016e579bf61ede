"""Chapter 00 · Start here — practice with the exercise checks, an explorer and the data report."""
from functools import lru_cache

from helpers.teaching.exercises.core import (AS_PERCENT, ChoiceProblem, ClassificationProblem, Mistake, ValueProblem,
                                             catalogue_options, meaning_reasons)


@lru_cache(maxsize=1)
def _online_retail_report():
    from helpers.data.datasets import load_online_retail

    return load_online_retail()[1]


def _excluded(reason: str) -> int:
    return _online_retail_report().excluded[reason]


def _clv(retention: float, discount: float = 0.10) -> float:
    from helpers.clv import simple_clv

    return float(simple_clv(100, retention, discount))


q1 = ValueProblem(
    var="rows_read",
    question={"zh": "数据报告中，Online Retail 一共**读取**了多少行发票明细（包括后来被剔除的行）？",
              "en": "How many invoice lines of Online Retail did the data report **read**, the excluded ones included?"},
    expected=lambda: _online_retail_report().rows_read,
    mistakes=[Mistake("rows_kept", answer=lambda: _online_retail_report().rows_kept,
                      message={"zh": "这是保留下来的行数；题目问的是读取的总行数——保留的行加上被剔除的行。",
                               "en": "That is the number of rows kept; the question asks for all rows read — kept plus excluded."}),
              Mistake("excluded_only", answer=lambda: sum(_online_retail_report().excluded.values()),
                      message={"zh": "这是被剔除的行数合计；读取的总行数还要加上保留的行。",
                               "en": "That is the total of excluded rows; the rows read also include the rows kept."})],
    hints=[{"zh": "数据报告保证一行都不会悄悄丢失：读取行数 = 保留行数 + 各原因剔除的行数。",
            "en": "The data report guarantees no row disappears: rows read = rows kept + rows excluded by reason."},
           {"zh": "报告对象 `report` 把这些数存为属性：`report.rows_read`、`report.rows_kept`、`report.excluded`。",
            "en": "The report object `report` holds them as attributes: `report.rows_read`, `report.rows_kept`, `report.excluded`."},
           {"zh": "`rows_read = report.____`——填表示“读取”的那个属性。",
            "en": "`rows_read = report.____` — fill in the attribute that means “read”."}],
    model_answer="rows_read = report.rows_read",
    explanation={"zh": "541,909 行 = 保留的 392,732 行 + 剔除的 149,177 行。",
                 "en": "541,909 rows = 392,732 kept + 149,177 excluded."},
)

q2 = ValueProblem(
    var="share_missing_id",
    question={"zh": "读取的全部发票行中，**缺少客户编号**的行占多大比例？答 0–1 之间的小数。",
              "en": "What share of all invoice lines read have **no customer id**? Answer with a fraction between 0 and 1."},
    expected=lambda: _excluded("excl_missing_customer") / _online_retail_report().rows_read,
    decimals=3,
    mistakes=[Mistake("over_kept", answer=lambda: _excluded("excl_missing_customer") / _online_retail_report().rows_kept,
                      message={"zh": "你除以的是保留的行数；占比的分母是读取的全部行——缺少编号的行本来就不在保留的行里。",
                               "en": "You divided by the rows kept; the share is of all rows read — the rows without an id are not among the rows kept."}),
              Mistake("count", answer=lambda: _excluded("excl_missing_customer"),
                      message={"zh": "这是行数，题目问的是占比：还要除以读取的总行数。",
                               "en": "That is a number of rows; the question asks for a share: divide by all rows read."}),
              AS_PERCENT],
    hints=[{"zh": "占比 = 部分 ÷ 整体。这里的“整体”是读取的全部行，不是保留的行。",
            "en": "Share = part ÷ whole. The whole here is every row read, not the rows kept."},
           {"zh": "`report.excluded` 是按原因计数的字典，缺少客户编号的键是 `'excl_missing_customer'`；总行数是 `report.rows_read`。",
            "en": "`report.excluded` is a dict of counts by reason; the key for a missing customer id is `'excl_missing_customer'`; all rows are `report.rows_read`."},
           {"zh": "`share_missing_id = report.excluded['excl_missing_customer'] / ____`",
            "en": "`share_missing_id = report.excluded['excl_missing_customer'] / ____`"}],
    model_answer="share_missing_id = report.excluded['excl_missing_customer'] / report.rows_read",
    explanation={"zh": "135,080 ÷ 541,909 ≈ 0.249：约四分之一的行无法归到任何客户。",
                 "en": "135,080 ÷ 541,909 ≈ 0.249: about a quarter of the rows belong to no customer."},
)

_REASON_LABELS = {"excl_missing_customer": {"zh": "缺少客户编号", "en": "missing customer id"},
                  "excl_cancellation": {"zh": "取消的订单", "en": "cancelled orders"},
                  "excl_duplicate": {"zh": "完全重复的行", "en": "exact duplicate rows"}}


def _reason_reasons() -> dict:
    """Why each reason that is not the largest is wrong: its count against the largest."""
    counts = _online_retail_report().excluded
    top = max(counts, key=counts.get)
    return {reason: {"zh": f"{_REASON_LABELS[reason]['zh']}只有 {n:,} 行，少于{_REASON_LABELS[top]['zh']}的 {counts[top]:,} 行。",
                     "en": f"{_REASON_LABELS[reason]['en']} account for only {n:,} rows, fewer than the "
                           f"{counts[top]:,} of {_REASON_LABELS[top]['en']}."}
            for reason, n in counts.items() if reason != top}


q3 = ChoiceProblem(
    var="biggest_reason",
    question={"zh": "哪一个剔除原因去掉的行**最多**？写它的编号：`'excl_missing_customer'`、`'excl_cancellation'` 或 `'excl_duplicate'`。",
              "en": "Which exclusion reason removed the **most** rows? Answer with its id: `'excl_missing_customer'`, "
                    "`'excl_cancellation'` or `'excl_duplicate'`."},
    expected=lambda: max(_online_retail_report().excluded.items(), key=lambda kv: kv[1])[0],
    options=_REASON_LABELS,
    reasons=_reason_reasons,
    hints=[{"zh": "比较数据报告中各剔除原因的行数。", "en": "Compare the row counts of the exclusion reasons in the data report."},
           {"zh": "`report.excluded` 是“原因 → 行数”的字典，看哪个值最大。",
            "en": "`report.excluded` is a dict of reason → rows; find the largest value."},
           {"zh": "`max(report.excluded, key=report.excluded.get)` 给出行数最多的那个键。",
            "en": "`max(report.excluded, key=report.excluded.get)` gives the key with the most rows."}],
    model_answer="biggest_reason = 'excl_missing_customer'",
    explanation={"zh": "135,080 行没有客户编号，是取消单（8,905 行）的 15 倍：这些多半是未登录游客的订单，无法归到任何客户。",
                 "en": "135,080 rows have no customer id, 15 times the cancellations (8,905): mostly guest orders that belong to no customer."},
)

q4 = ValueProblem(
    var="clv_at_90",
    question={"zh": "在上面的计算器里把**保留率**调到 0.90，其他滑块保持默认（每期利润 100、折现率 0.10、期数 0 表示不限期）。客户的 CLV 是多少？",
              "en": "In the calculator above, set the **retention rate** to 0.90 and leave the other sliders at their defaults "
                    "(profit 100 per period, discount rate 0.10, periods 0 = no limit). What is the customer's CLV?"},
    expected=lambda: _clv(0.9),
    decimals=2,
    mistakes=[Mistake("default_retention", answer=lambda: _clv(0.8),
                      message={"zh": "这是保留率 0.80（默认值）时的 CLV：先把保留率滑块拖到 0.90。",
                               "en": "That is the CLV at the default retention of 0.80: move the retention slider to 0.90 first."}),
              Mistake("no_discount", answer=lambda: 100 * 0.9 / (1 - 0.9),
                      message={"zh": "这是不折现的结果 m·r/(1−r)；计算器的公式 m·r/(1+i−r) 还要计入 10% 的折现率。",
                               "en": "That is the undiscounted m·r/(1−r); the calculator's m·r/(1+i−r) also applies the 10 % discount rate."}),
              Mistake("current_period", answer=lambda: 100 + _clv(0.9),
                      message={"zh": "这把本期的利润 100 也算进去了；计算器只算从下一期起的利润。",
                               "en": "That adds this period's profit of 100; the calculator counts profit from the next period on."})],
    hints=[{"zh": "CLV 是客户未来各期利润的现值：保留率越高，客户留得越久，CLV 越大。",
            "en": "CLV is the present value of a customer's future profit: the higher the retention, the longer they stay and the higher the CLV."},
           {"zh": "拖动“保留率”滑块到 0.90，读结果中的 CLV；或在代码中设置 `calc.controls['retention'].value`，再读 `calc.result.clv`。",
            "en": "Move the retention slider to 0.90 and read the CLV; or set `calc.controls['retention'].value` in code and read `calc.result.clv`."},
           {"zh": "公式 CLV = m·r/(1+i−r)：100 × 0.9 / (1 + 0.10 − ____)。",
            "en": "The formula CLV = m·r/(1+i−r): 100 × 0.9 / (1 + 0.10 − ____)."}],
    model_answer="calc.controls['retention'].value = 0.9\nclv_at_90 = calc.result.clv",
    explanation={"zh": "100 × 0.9 / (1 + 0.10 − 0.9) = 450.00；保留率 0.80 时只有 266.67——保留率提高 0.1，CLV 增加近七成。",
                 "en": "100 × 0.9 / (1 + 0.10 − 0.9) = 450.00; at 0.80 it is only 266.67 — ten points of retention add almost 70 % to the CLV."},
)


# ---- the care chain (客户关系维护链): which link is each everyday task? ----
CHAIN = ("chain_information", "chain_knowing", "chain_choosing", "chain_developing", "chain_grading",
         "chain_communicating", "chain_satisfying", "chain_loyalty")
CHAIN_CARDS = [
    {"id": "C1", "text": {"zh": "按累计消费把会员分为金钻、白银、铜、铁四层",
                          "en": "Splitting members into diamond, silver, copper and iron by cumulative spend"}},
    {"id": "C2", "text": {"zh": "把会员注册资料和每一笔订单都记进客户档案",
                          "en": "Every member's sign-up details and every order go into the customer records"}},
    {"id": "C3", "text": {"zh": "测量满意度、处理投诉、改进配送体验",
                          "en": "Measuring satisfaction, handling complaints, improving the delivery experience"}},
    {"id": "C4", "text": {"zh": "决定企业礼品业务重点争取哪几类企业、放弃哪几类",
                          "en": "Deciding which kinds of companies the gifting business goes after, and which it leaves"}},
    {"id": "C5", "text": {"zh": "奖励推荐新客户的老会员，每周盯住流失预警名单",
                          "en": "Rewarding members who refer new customers, watching the at-risk list every week"}},
    {"id": "C6", "text": {"zh": "给注册后还没下单的会员寄首单礼，促成第一次购买",
                          "en": "Sending members who signed up but never ordered a first-order gift, to bring about a first purchase"}},
    {"id": "C7", "text": {"zh": "分清谁还只是潜在客户、谁买过一次、谁已经是忠诚客户",
                          "en": "Telling apart who is only a prospect, who has bought once and who is already loyal"}},
    {"id": "C8", "text": {"zh": "按联系人的沟通风格准备拜访，按层级安排回访节奏",
                          "en": "Preparing visits for each contact's communication style, setting the revisit rhythm by tier"}},
]
CHAIN_KEY = {"C1": "chain_grading", "C2": "chain_information", "C3": "chain_satisfying", "C4": "chain_choosing",
             "C5": "chain_loyalty", "C6": "chain_developing", "C7": "chain_knowing", "C8": "chain_communicating"}
#: What each link achieves (the chapter's table).
CHAIN_MEANINGS = {
    "chain_information": {"zh": "把客户的资料和交易记下来", "en": "keeping the customers' details and transactions"},
    "chain_knowing": {"zh": "认出客户处在哪个阶段、属于哪一类", "en": "recognising which stage and kind of customer someone is"},
    "chain_choosing": {"zh": "决定争取哪些客户、放弃哪些", "en": "deciding which customers to win and which to leave"},
    "chain_developing": {"zh": "把潜在客户变成现实客户，促成第一次购买", "en": "turning prospects into customers, bringing about a first purchase"},
    "chain_grading": {"zh": "按价值把客户分层分级", "en": "grading customers by their value"},
    "chain_communicating": {"zh": "用合适的方式和节奏联系客户", "en": "contacting customers in the right way and rhythm"},
    "chain_satisfying": {"zh": "让客户满意：测量满意度、处理投诉、改进体验", "en": "making customers satisfied: measuring it, handling complaints, improving the experience"},
    "chain_loyalty": {"zh": "留住现有客户，让他们推荐别人", "en": "keeping customers and having them refer others"},
}
CHAIN_OPTIONS = catalogue_options(CHAIN)

q5 = ClassificationProblem(
    var="chain_answers",
    question={"zh": "下面八件事都是悦家生活的日常工作。每一件属于客户关系维护链（信息 → 认识 → 选择 → 开发 → 分级 → 沟通 → 满意 → 忠诚）的哪一环？"
                    "为每张卡片选一环。",
              "en": "The eight tasks below are everyday work at Yuejia Living. Which link of the care chain (information → knowing → "
                    "choosing → developing → grading → communicating → satisfying → loyalty) is each one? Pick a link for every card."},
    expected=lambda: dict(CHAIN_KEY),
    options=CHAIN_OPTIONS,
    cards=CHAIN_CARDS,
    reasons=meaning_reasons(CHAIN_KEY, CHAIN_MEANINGS, CHAIN_OPTIONS),
    mistakes=[Mistake("developing_loyalty", answer=lambda: {**CHAIN_KEY, "C5": "chain_developing", "C6": "chain_loyalty"},
                      message={"zh": "开发和忠诚对调了：开发是促成第一次购买（把潜在客户变成客户）；忠诚是留住现有客户、让他们推荐别人。",
                               "en": "Developing and loyalty are swapped: developing brings about a first purchase (a prospect becomes a "
                                     "customer); loyalty keeps existing customers and has them refer others."})],
    hints=[{"zh": "先想每件事的结果是什么：有了资料？认出了客户？选定了对象？促成了购买？分了层？联系上了？满意了？留住了？",
            "en": "Ask what each task achieves: records kept? customers recognised? targets chosen? a purchase brought about? "
                  "customers graded? customers contacted? customers satisfied? customers kept?"},
           {"zh": "开发 = 把潜在客户变成现实客户（促成购买）；忠诚 = 留住现有客户、让他们推荐。沟通是手段，满意是结果。",
            "en": "Developing = turning prospects into customers (a purchase); loyalty = keeping customers and having them refer "
                  "others. Communicating is the means, satisfying the result."},
           {"zh": "八张卡片各占一环：C2 是信息、C7 是认识——按链条的顺序，剩下六张各对应其后的一环。",
            "en": "Each card is one link: C2 is information, C7 knowing — in the order of the chain, the other six take one of the "
                  "remaining links each."}],
)
