"""Chapter 00 · Start here — practice with the exercise checks, an explorer and the data report."""
from functools import lru_cache

from helpers.teaching.exercises.core import ChoiceProblem, ValueProblem


@lru_cache(maxsize=1)
def _online_retail_report():
    from helpers.data.datasets import load_online_retail

    return load_online_retail()[1]


q1 = ValueProblem(
    var="rows_read",
    expected=lambda: _online_retail_report().rows_read,
    wrong=lambda: _online_retail_report().rows_kept,
    hints=[{"zh": "数据报告的最后一行是“读取行数合计”。", "en": "The last line of the data report is the total of rows read."},
           {"zh": "也可以直接读属性：report.rows_read。", "en": "You can also read the attribute: report.rows_read."}],
    model_answer={"zh": "rows_read = report.rows_read   # 541,909 行：保留的行 + 各原因剔除的行",
                  "en": "rows_read = report.rows_read   # 541,909 rows: kept rows + rows excluded by reason"},
)

q2 = ValueProblem(
    var="share_missing_id",
    expected=lambda: _online_retail_report().excluded["excl_missing_customer"] / _online_retail_report().rows_read,
    wrong=lambda: _online_retail_report().excluded["excl_missing_customer"] / _online_retail_report().rows_kept,
    rel_tol=1e-3,
    hints=[{"zh": "占比 = 缺少客户编号的行数 ÷ 读取的总行数。", "en": "Share = rows without a customer id ÷ all rows read."},
           {"zh": "report.excluded 是按原因计数的字典，键为 'excl_missing_customer'。",
            "en": "report.excluded is a dict of counts by reason; the key is 'excl_missing_customer'."}],
    model_answer={"zh": "share_missing_id = report.excluded['excl_missing_customer'] / report.rows_read   # 约 0.249",
                  "en": "share_missing_id = report.excluded['excl_missing_customer'] / report.rows_read   # about 0.249"},
)

q3 = ChoiceProblem(
    var="biggest_reason",
    expected=lambda: max(_online_retail_report().excluded.items(), key=lambda kv: kv[1])[0],
    wrong=lambda: "excl_cancellation",
    options={"excl_missing_customer": {"zh": "缺少客户编号", "en": "missing customer id"},
             "excl_cancellation": {"zh": "取消的订单", "en": "cancelled orders"},
             "excl_duplicate": {"zh": "完全重复的行", "en": "exact duplicate rows"}},
    hints=[{"zh": "比较数据报告中各剔除原因的行数。", "en": "Compare the row counts of the exclusion reasons in the data report."}],
    model_answer={"zh": "biggest_reason = 'excl_missing_customer'   # 约四分之一的行没有客户编号，无法归到任何客户",
                  "en": "biggest_reason = 'excl_missing_customer'   # about a quarter of the rows have no customer id and belong to nobody"},
)

q4 = ValueProblem(
    var="clv_at_90",
    expected=lambda: 100 * 0.9 / (1 + 0.10 - 0.9),
    wrong=lambda: 100 * 0.9 / (1 - 0.9),
    rel_tol=1e-4,
    hints=[{"zh": "把“保留率”滑块拖到 0.90，读出 CLV。", "en": "Move the retention slider to 0.90 and read the CLV."},
           {"zh": "也可以读 calc.result.clv；公式 CLV = m·r/(1+i−r)。", "en": "Or read calc.result.clv; the formula is CLV = m·r/(1+i−r)."}],
    model_answer={"zh": "calc.controls['retention'].value = 0.9\nclv_at_90 = calc.result.clv   # 450.0",
                  "en": "calc.controls['retention'].value = 0.9\nclv_at_90 = calc.result.clv   # 450.0"},
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
CHAIN_KEY = {'C1': 'chain_grading',
             'C2': 'chain_information',
             'C3': 'chain_satisfying',
             'C4': 'chain_choosing',
             'C5': 'chain_loyalty',
             'C6': 'chain_developing',
             'C7': 'chain_knowing',
             'C8': 'chain_communicating'}

q5 = ChoiceProblem(
    var="chain_answers",
    expected=lambda: dict(CHAIN_KEY),
    wrong=lambda: {**CHAIN_KEY, "C5": "chain_developing", "C6": "chain_loyalty"},
    hints=[{"zh": "先想每件事的结果是什么：有了资料？认出了客户？选定了对象？促成了购买？分了层？联系上了？满意了？留住了？",
            "en": "Ask what each task achieves: records kept? customers recognised? targets chosen? a purchase brought about? "
                  "customers graded? customers contacted? customers satisfied? customers kept?"},
           {"zh": "开发 = 把潜在客户变成现实客户（促成购买）；忠诚 = 留住现有客户、让他们推荐。沟通是手段，满意是结果。",
            "en": "Developing = turning prospects into customers (a purchase); loyalty = keeping customers and having them refer "
                  "others. Communicating is the means, satisfying the result."}],
    model_answer={"zh": "chain_answers = chain_quiz.answers\n"
                        "# C2 信息 → C7 认识 → C4 选择 → C6 开发 → C1 分级 → C8 沟通 → C3 满意 → C5 忠诚（按链条的顺序）",
                  "en": "chain_answers = chain_quiz.answers\n"
                        "# C2 information → C7 knowing → C4 choosing → C6 developing → C1 grading → C8 communicating → "
                        "C3 satisfying → C5 loyalty (in the order of the chain)"},
)


def chain_quiz():
    """The care-chain cards of q5: a drop-down of the eight links per card; its Check button judges with q5.

    >>> len(chain_quiz().cards)
    8
    """
    from helpers.teaching.widgets import ClassificationQuiz

    return ClassificationQuiz(CHAIN_CARDS, classes=list(CHAIN), problem=q5)
