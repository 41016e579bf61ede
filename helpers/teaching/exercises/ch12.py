"""Chapter 12 · Complaint handling — 24-hour response rate, resolution times, the vital few, the handling process."""
from functools import lru_cache

from helpers.teaching.exercises.core import ChoiceProblem, ThoughtProblem, ValueProblem
from helpers.i18n import get_language

AS_OF = "2026-01-01"

# The handling process (service recovery) in six steps, in order.
STEPS = {
    "listen": {"zh": "① 倾听与致歉", "en": "1 Listen and apologise"},
    "record": {"zh": "② 记录与确认", "en": "2 Record and confirm"},
    "investigate": {"zh": "③ 调查原因", "en": "3 Investigate"},
    "resolve": {"zh": "④ 解决与补偿", "en": "4 Resolve and compensate"},
    "follow_up": {"zh": "⑤ 回访跟进", "en": "5 Follow up"},
    "improve": {"zh": "⑥ 分析改进", "en": "6 Analyse and improve"},
}

# Cards for the process quiz: what a service team does, and the step it belongs to.
PROCESS_CARDS = [
    ("A", "listen", {"zh": "客服让顾客把话说完，感谢他反映问题，并为给他带来的麻烦道歉。",
                     "en": "The hotline advisor lets the customer finish, thanks them for raising it and apologises for the trouble."}),
    ("B", "record", {"zh": "客服复述订单号、收货地址和承诺的送达日期，请顾客确认，并给出投诉编号。",
                     "en": "The advisor reads the order number, address and promised date back to the customer and gives a case number."}),
    ("C", "investigate", {"zh": "门店调出快递的物流轨迹和仓库的出库记录，查明延误发生在哪个环节。",
                          "en": "The store pulls the courier's tracking log and the warehouse dispatch record to find where the delay happened."}),
    ("D", "resolve", {"zh": "当天用快递补发商品，并附上一张优惠券表示歉意。",
                      "en": "A replacement goes out by express the same day, with a voucher to make up for the trouble."}),
    ("E", "follow_up", {"zh": "结案两天后，服务专员致电顾客，确认商品已收到、顾客对处理结果满意。",
                        "en": "Two days after closing, a service officer calls to check the replacement arrived and the customer is satisfied."}),
    ("F", "improve", {"zh": "团队每月复盘投诉帕累托图，更换延误最多的线路上的快递公司。",
                      "en": "Every month the team reviews the complaint Pareto and replaces the courier on the route with most delays."}),
    ("G", "investigate", {"zh": "财务核对收银小票与实际扣款金额，确认是否多收。",
                          "en": "Finance compares the till receipt with the amount charged to see whether the customer was overcharged."}),
    ("H", "resolve", {"zh": "多收的金额原路退回，并告知顾客到账时间。",
                      "en": "The overcharged amount is refunded to the card and the customer is told when it will arrive."}),
]


@lru_cache(maxsize=1)
def _complaints():
    from helpers.data.datasets import load_demo

    return load_demo("complaints")


def _overall() -> dict:
    from helpers.complaints import complaint_metrics

    return complaint_metrics(_complaints(), as_of=AS_OF).metrics


def _by(column: str):
    from helpers.complaints import complaint_metrics_by

    return complaint_metrics_by(_complaints(), by=column, as_of=AS_OF).set_index(column)


def _vital_few() -> list:
    from helpers.complaints import complaint_pareto

    pareto = complaint_pareto(_complaints())
    return pareto.loc[pareto["vital_few"], "category"].tolist()


def _before_crossing() -> list:
    """The common mistake: stop before the category that crosses 80 % instead of including it."""
    from helpers.complaints import complaint_pareto

    pareto = complaint_pareto(_complaints())
    return pareto.loc[pareto["cum_share"] < 0.8, "category"].tolist()


def step_labels() -> list[str]:
    """The six process steps in the active language (the quiz's classes)."""
    return [names[get_language()] for names in STEPS.values()]


def process_quiz():
    """The handling-process quiz: one card per action, a step to pick for each (linked to ``q4``)."""
    from helpers.teaching.widgets import ClassificationQuiz

    cards = [{"id": card_id, "text": text} for card_id, _, text in PROCESS_CARDS]
    return ClassificationQuiz(cards, classes=list(STEPS), problem=q4, labels=step_labels())


q1 = ValueProblem(
    var="store_within_24h",
    expected=lambda: _by("channel").loc["store", "within_sla_rate"],
    wrong=lambda: _overall()["within_sla_rate"],   # the rate of all channels together
    rel_tol=1e-4,
    hints=[{"zh": "在 by_channel 表中找到 channel 为 'store' 的那一行。",
            "en": "Find the row of by_channel whose channel is 'store'."},
           {"zh": "按时响应率的分母是“纳入考核”的投诉数，不是全部投诉数；直接读 within_sla_rate 列。",
            "en": "The denominator of the on-time rate is the complaints counted for the target, not all complaints; read the within_sla_rate column."}],
    model_answer={"zh": "store_within_24h = by_channel.set_index('channel').loc['store', 'within_sla_rate']   # 0.818：四个渠道中最低",
                  "en": "store_within_24h = by_channel.set_index('channel').loc['store', 'within_sla_rate']   # 0.818: the lowest of the four channels"},
)

q2 = ValueProblem(
    var="vital_few",
    expected=_vital_few,
    wrong=_before_crossing,
    hints=[{"zh": "关键少数 = 从最大的类别开始，直到累计占比越过 80% 的那个类别为止（包含它）。",
            "en": "The vital few = from the largest category up to and including the one whose cumulative share crosses 80 %."},
           {"zh": "pareto.loc[pareto['vital_few'], 'category'].tolist()",
            "en": "pareto.loc[pareto['vital_few'], 'category'].tolist()"}],
    model_answer={"zh": "vital_few = pareto.loc[pareto['vital_few'], 'category'].tolist()\n"
                        "# ['delivery', 'quality', 'returns', 'billing']：7 类中的 4 类占全部投诉的 81%",
                  "en": "vital_few = pareto.loc[pareto['vital_few'], 'category'].tolist()\n"
                        "# ['delivery', 'quality', 'returns', 'billing']: 4 of 7 categories hold 81 % of all complaints"},
)

q3 = ValueProblem(
    var="delivery_median_hours",
    expected=lambda: _by("category").loc["delivery", "resolution_hours_median"],
    wrong=lambda: _by("category").loc["delivery", "resolution_hours_mean"],
    rel_tol=1e-4,
    hints=[{"zh": "用 complaint_metrics_by(complaints, by='category', as_of='2026-01-01')。",
            "en": "Use complaint_metrics_by(complaints, by='category', as_of='2026-01-01')."},
           {"zh": "要的是中位数（resolution_hours_median），不是平均数——少数拖得很久的投诉会把平均数拉高。",
            "en": "You want the median (resolution_hours_median), not the mean — a few very slow cases pull the mean up."}],
    model_answer={"zh": "by_category = complaint_metrics_by(complaints, by='category', as_of='2026-01-01')\n"
                        "delivery_median_hours = by_category.set_index('category').loc['delivery', 'resolution_hours_median']",
                  "en": "by_category = complaint_metrics_by(complaints, by='category', as_of='2026-01-01')\n"
                        "delivery_median_hours = by_category.set_index('category').loc['delivery', 'resolution_hours_median']"},
)

q4 = ChoiceProblem(
    var="process_answers",
    expected=lambda: {card_id: step for card_id, step, _ in PROCESS_CARDS},
    wrong=lambda: {**{card_id: step for card_id, step, _ in PROCESS_CARDS}, "E": "resolve", "F": "follow_up"},
    hints=[{"zh": "先问：这个动作发生在问题解决之前还是之后？",
            "en": "First ask: does the action happen before or after the problem is solved?"},
           {"zh": "回访是针对这一位顾客的（确认满意）；分析改进是针对以后所有顾客的（防止再次发生）。",
            "en": "A follow-up concerns this one customer (are they satisfied?); analysing and improving concerns all future customers (preventing a repeat)."}],
    model_answer={"zh": "process_answers = quiz.answers   # A 倾听，B 记录，C、G 调查，D、H 解决，E 回访，F 改进",
                  "en": "process_answers = quiz.answers   # A listen, B record, C and G investigate, D and H resolve, E follow up, F improve"},
)

q5 = ThoughtProblem(
    var="recovery_paradox",
    hints=[{"zh": "想想补救的速度、顾客损失的大小，以及同一顾客第二次出问题时会怎样。",
            "en": "Think of how fast the recovery is, how much the customer lost, and what happens the second time."}],
    model_answer={"zh": "服务补救悖论（McCollough & Bharadwaj 1992）：被出色、迅速补救的顾客，满意度可能高于从未遇到问题的顾客。"
                        "但它有条件：损失不大、补救快且超出预期、不是第二次出问题。因此不能“故意犯错再补救”，"
                        "而应把投诉看作留住客户、发现流程漏洞的机会——先减少问题，再把每一次补救做好。",
                  "en": "The service-recovery paradox (McCollough & Bharadwaj 1992): customers whose problem was fixed quickly "
                        "and well can end up more satisfied than customers who never had a problem. It holds only under "
                        "conditions — a small loss, a fast recovery beyond expectations, not a second failure — so it is no "
                        "licence to fail; treat complaints as a chance to keep the customer and to find broken processes: "
                        "prevent problems first, then recover every one well."},
)


# ---- complaint techniques: do or don't? ----
TECHNIQUES = ("tech_do", "tech_dont")
TECHNIQUE_CARDS = [
    {"id": "T1", "text": {"zh": "先请顾客坐下、倒一杯水，再请他慢慢说",
                          "en": "Offer the customer a seat and a glass of water first, then ask him to tell it in his own time"}},
    {"id": "T2", "text": {"zh": "“这种问题我们一天能遇到几十个，没什么大不了的。”",
                          "en": "\"We get dozens of these a day, it's no big deal.\""}},
    {"id": "T3", "text": {"zh": "答应第二天上午回电，第二天上午九点准时打过去",
                          "en": "Promising to call back the next morning, and calling at nine sharp the next morning"}},
    {"id": "T4", "text": {"zh": "“都是仓库那帮人搞错的，跟我们门店没关系。”",
                          "en": "\"The warehouse lot got it wrong, it's nothing to do with our store.\""}},
    {"id": "T5", "text": {"zh": "按三包规定当场换新，送货上门并装好，再送一份小礼品表示歉意",
                          "en": "Replacing the item on the spot under the three guarantees, delivering and installing it, with a small gift as an apology"}},
    {"id": "T6", "text": {"zh": "顾客正在气头上，店员笑着说：“您这脾气，快递员都怕您了。”",
                          "en": "The customer is furious; the assistant laughs: \"With that temper, even the couriers must be scared of you.\""}},
]
TECHNIQUE_KEY = {"T1": "tech_do", "T2": "tech_dont", "T3": "tech_do", "T4": "tech_dont", "T5": "tech_do", "T6": "tech_dont"}

q6 = ChoiceProblem(
    var="technique_answers",
    expected=lambda: dict(TECHNIQUE_KEY),
    wrong=lambda: {**TECHNIQUE_KEY, "T6": "tech_do"},
    hints=[{"zh": "站在顾客的位置听一听这句话：他会觉得被重视、被兑现承诺，还是被轻视、被推诿、被取笑？",
            "en": "Hear the sentence as the customer would: does he feel taken seriously and kept faith with, or belittled, "
                  "passed on, laughed at?"},
           {"zh": "幽默只能对着自己或事情，不能对着顾客；说同事的坏话也是负面的话。",
            "en": "Humour may aim at yourself or the situation, never at the customer; blaming colleagues is speaking badly too."}],
    model_answer={"zh": "technique_answers = technique_quiz.answers\n"
                        "# 可以：T1（先处理情绪）、T3（说到做到）、T5（三包、送装、小礼品）；"
                        "不要：T2（轻视问题）、T4（推给同事，说负面的话）、T6（拿顾客开玩笑）",
                  "en": "technique_answers = technique_quiz.answers\n"
                        "# do: T1 (feelings first), T3 (keep your word), T5 (three guarantees, delivery and installation, a small gift); "
                        "don't: T2 (belittling), T4 (blaming colleagues), T6 (joking at the customer's expense)"},
)


def technique_quiz():
    """The cards of q6: do or don't; its Check button judges with q6.

    >>> len(technique_quiz().cards)
    6
    """
    from helpers.teaching.widgets import ClassificationQuiz

    return ClassificationQuiz(TECHNIQUE_CARDS, TECHNIQUES, problem=q6)
