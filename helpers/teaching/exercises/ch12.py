"""Chapter 12 · Complaint handling — 24-hour response rate, resolution times, the vital few, the handling process."""
from functools import lru_cache

from helpers.teaching.exercises.core import (AS_PERCENT, ClassificationProblem, ItemsProblem, Mistake, ThoughtProblem,
                                             ValueProblem, catalogue_options)

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


#: What each step is for: this customer before the fix, this customer after it, or every future customer.
STEP_PURPOSE = {
    "listen": {"zh": "先处理顾客的情绪：让他说完、道歉", "en": "deals with the customer's feelings first: let them finish, apologise"},
    "record": {"zh": "把问题和关键信息记下来、请顾客确认，并给出编号和时限", "en": "writes down the problem and key facts, has the customer confirm them, gives a case number and a deadline"},
    "investigate": {"zh": "查明问题出在哪个环节，还没有解决问题", "en": "finds where it went wrong, before anything is fixed"},
    "resolve": {"zh": "给这位顾客解决问题、做出补偿", "en": "fixes the problem for this customer and compensates"},
    "follow_up": {"zh": "结案之后确认这位顾客满意", "en": "checks after closing that this customer is satisfied"},
    "improve": {"zh": "为以后所有顾客消除原因", "en": "removes the cause for every future customer"},
}


def _process_cards() -> list[dict]:
    return [{"id": card_id, "text": text} for card_id, _, text in PROCESS_CARDS]


def _process_key() -> dict:
    return {card_id: step for card_id, step, _ in PROCESS_CARDS}


def _step_reason(card: str, chosen: str | None = None) -> dict:
    """What the card's action does in the process, and what the chosen step is for instead."""
    right = _process_key()[card]
    out = {}
    for lang in ("zh", "en"):
        text = (f"这个动作{STEP_PURPOSE[right]['zh']}。" if lang == "zh" else f"This action {STEP_PURPOSE[right]['en']}.")
        if chosen in STEPS and chosen != right:
            text += (f"「{STEPS[chosen]['zh']}」是{STEP_PURPOSE[chosen]['zh']}。" if lang == "zh"
                     else f" “{STEPS[chosen]['en']}” {STEP_PURPOSE[chosen]['en']}.")
        out[lang] = text
    return out


q1 = ValueProblem(
    var="store_within_24h",
    question={"zh": "门店渠道（`'store'`）的 **24 小时首次答复率**是多少？用上面的 `by_channel` 表，答 0–1 之间的小数。",
              "en": "What is the **24-hour first-response rate** of the store channel (`'store'`)? Use the `by_channel` table above; "
                    "answer with a fraction between 0 and 1."},
    expected=lambda: _by("channel").loc["store", "within_sla_rate"],
    decimals=3,
    mistakes=[Mistake("all_channels", answer=lambda: _overall()["within_sla_rate"],
                      message={"zh": "这是四个渠道合计的答复率；题目只问门店渠道（`'store'`）那一行。",
                               "en": "That is the rate of all four channels together; the question asks for the store row (`'store'`) only."}),
              Mistake("count", answer=lambda: int(_by("channel").loc["store", "within_sla"]),
                      message={"zh": "这是 24 小时内答复的件数；答复率还要除以纳入考核的投诉数。",
                               "en": "That is the number answered within 24 hours; the rate divides it by the complaints counted for the target."}),
              AS_PERCENT],
    hints=[{"zh": "24 小时首次答复率 = 24 小时内首次答复的投诉 ÷ 纳入考核的投诉。",
            "en": "24-hour first-response rate = complaints first answered within 24 hours ÷ complaints counted for the target."},
           {"zh": "`by_channel` 每行一个渠道，`within_sla_rate` 列就是这个比例；先用 `set_index('channel')` 把渠道变成行标签。",
            "en": "`by_channel` has one row per channel and the rate in `within_sla_rate`; make the channel the row label with `set_index('channel')` first."},
           {"zh": "`by_channel.set_index('channel').loc['store', ____]`", "en": "`by_channel.set_index('channel').loc['store', ____]`"}],
    model_answer="store_within_24h = by_channel.set_index('channel').loc['store', 'within_sla_rate']",
    explanation={"zh": "0.818：四个渠道中最低（在线客服 0.946 最高）。", "en": "0.818: the lowest of the four channels (online service is highest, 0.946)."},
)

q2 = ItemsProblem(
    var="vital_few",
    question={"zh": "用 `pareto` 表列出投诉的**关键少数**类别：类别编号的列表，按投诉数从多到少排列，例如 `['delivery', …]`。",
              "en": "From the `pareto` table, list the **vital few** complaint categories: a list of category ids, largest first, "
                    "e.g. `['delivery', …]`."},
    expected=_vital_few,
    ignore_order=False,
    mistakes=[Mistake("stopped_before_crossing", answer=_before_crossing,
                      message={"zh": "你停在了越过 80% 的那一类之前。关键少数包含让累计占比**越过** 80% 的那一类（收费与账单，累计 81%）。",
                               "en": "You stopped before the category that crosses 80 %. The vital few include the one whose cumulative share "
                                     "**crosses** 80 % (billing, 81 % cumulative)."})],
    hints=[{"zh": "关键少数 = 从最大的类别开始，直到累计占比越过 80% 的那个类别为止（包含它）。",
            "en": "The vital few = from the largest category up to and including the one whose cumulative share crosses 80 %."},
           {"zh": "`pareto` 已按投诉数从多到少排好，`vital_few` 列标出了关键少数（True/False），`category` 列是类别编号。",
            "en": "`pareto` is already sorted largest first; its `vital_few` column marks the vital few (True/False) and `category` holds the ids."},
           {"zh": "`pareto.loc[pareto[____], 'category'].tolist()`", "en": "`pareto.loc[pareto[____], 'category'].tolist()`"}],
    model_answer="vital_few = pareto.loc[pareto['vital_few'], 'category'].tolist()",
    explanation={"zh": "['delivery', 'quality', 'returns', 'billing']：7 类中的 4 类占全部投诉的 81%。",
                 "en": "['delivery', 'quality', 'returns', 'billing']: 4 of 7 categories hold 81 % of all complaints."},
)

q3 = ValueProblem(
    var="delivery_median_hours",
    question={"zh": "配送类投诉（`'delivery'`）的**解决时长中位数**是多少小时？用上面的 `by_category` 表。",
              "en": "What is the **median resolution time**, in hours, of delivery complaints (`'delivery'`)? Use the `by_category` table above."},
    expected=lambda: _by("category").loc["delivery", "resolution_hours_median"],
    decimals=1,
    mistakes=[Mistake("mean", answer=lambda: _by("category").loc["delivery", "resolution_hours_mean"],
                      message={"zh": "这是平均数。少数拖得很久的投诉会把平均数拉高，题目问的是中位数（`resolution_hours_median`）。",
                               "en": "That is the mean. A few very slow cases pull the mean up; the question asks for the median (`resolution_hours_median`)."}),
              Mistake("all_categories", answer=lambda: _overall()["resolution_hours_median"],
                      message={"zh": "这是全部投诉的中位数；题目只问配送类（`'delivery'`）。",
                               "en": "That is the median of all complaints; the question asks for delivery (`'delivery'`) only."}),
              Mistake("days", answer=lambda: _by("category").loc["delivery", "resolution_hours_median"] / 24,
                      message={"zh": "这是天数；题目要的是小时。", "en": "That is in days; the question asks for hours."})],
    hints=[{"zh": "时长的分布很偏：少数投诉拖得很久。所以看中位数——一半投诉在它之前解决。",
            "en": "Durations are skewed: a few complaints drag on. So read the median — half of the complaints are solved before it."},
           {"zh": "`by_category` 每行一个类别，解决时长的中位数在 `resolution_hours_median` 列（还有 `_mean`，别拿错）。",
            "en": "`by_category` has one row per category; the median resolution time is `resolution_hours_median` (there is a `_mean` too — do not take it)."},
           {"zh": "`by_category.set_index('category').loc['delivery', ____]`", "en": "`by_category.set_index('category').loc['delivery', ____]`"}],
    model_answer="delivery_median_hours = by_category.set_index('category').loc['delivery', 'resolution_hours_median']",
    explanation={"zh": "约 8.6 小时，平均数却是 25.7 小时：少数拖得很久的配送投诉把平均数拉高了三倍。",
                 "en": "About 8.6 hours, while the mean is 25.7: a few slow delivery cases triple the mean."},
)

q4 = ClassificationProblem(
    var="process_answers",
    question={"zh": "下面八张卡片各描述一个服务团队的动作。为每张卡片选出它属于投诉处理的哪一步。",
              "en": "Each of the eight cards below describes what a service team does. Pick the step of the handling process each "
                    "belongs to."},
    expected=_process_key,
    options=STEPS,
    cards=_process_cards,
    reasons=_step_reason,
    mistakes=[Mistake("after_the_fix", answer=lambda: {**_process_key(), "E": "resolve", "F": "follow_up"},
                      message={"zh": "解决之后的两步分不清：回访是为**这一位**顾客确认满意，分析改进是为**以后所有**顾客消除原因。",
                               "en": "The two steps after the fix are mixed up: a follow-up checks **this** customer is satisfied; "
                                     "analysing and improving removes the cause for **all** future customers."})],
    hints=[{"zh": "先问：这个动作发生在问题解决之前还是之后？",
            "en": "First ask: does the action happen before or after the problem is solved?"},
           {"zh": "解决之前依次是倾听、记录、调查；解决与补偿是针对这一位顾客的方案。",
            "en": "Before the fix come listening, recording and investigating; resolving and compensating is this customer's remedy."},
           {"zh": "回访是针对这一位顾客的（确认满意）；分析改进是针对以后所有顾客的（防止再次发生）。有两张卡片属于调查，两张属于解决。",
            "en": "A follow-up concerns this one customer (are they satisfied?); analysing and improving concerns all future "
                  "customers (preventing a repeat). Two cards are investigation and two are resolution."}],
)

q5 = ThoughtProblem(
    var="recovery_paradox",
    hints=[{"zh": "想想补救的速度、顾客损失的大小，以及同一顾客第二次出问题时会怎样。",
            "en": "Think of how fast the recovery is, how much the customer lost, and what happens the second time."}],
    explanation={"zh": "服务补救悖论（McCollough & Bharadwaj 1992）：被出色、迅速补救的顾客，满意度可能高于从未遇到问题的顾客。"
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
#: Why each practice is a do or a don't (the table of the section).
TECHNIQUE_REASONS = {
    "T1": {"zh": "先处理情绪再处理事情：请坐、倒水，让顾客感到被重视。",
           "en": "Feelings before facts: a seat and a glass of water tell the customer he is taken seriously."},
    "T2": {"zh": "对顾客来说这是他的大事：说“天天遇到、没什么大不了”是轻视他的问题。",
           "en": "To the customer it is a big deal: \"we get this every day, no big deal\" belittles his problem."},
    "T3": {"zh": "说到做到：答应几点回电，就几点回电。", "en": "Keeping your word: call back at the time you promised."},
    "T4": {"zh": "把责任推给同事是对同事和公司说负面的话；在顾客眼里，仓库和门店都是“你们”。",
           "en": "Blaming colleagues is speaking badly of colleagues and the company; to the customer, warehouse and store are "
                 "both \"you\"."},
    "T5": {"zh": "按“三包”办、不让顾客来回跑，补偿与损失相称，再送一份小礼品表示歉意。",
           "en": "The three guarantees without sending the customer back and forth, compensation in proportion to the loss, "
                 "and a small gift as an apology."},
    "T6": {"zh": "幽默只能对着自己或事情，不能对着顾客：拿他的脾气开玩笑，只会让他更生气。",
           "en": "Humour may aim at yourself or the situation, never at the customer: joking about his temper only makes him angrier."},
}

q6 = ClassificationProblem(
    var="technique_answers",
    question={"zh": "下面六个做法，哪些可以这样做，哪些不要这样做？",
              "en": "Which of the six practices below are do's, and which are don'ts?"},
    expected=lambda: dict(TECHNIQUE_KEY),
    options=lambda: catalogue_options(TECHNIQUES),
    cards=TECHNIQUE_CARDS,
    reasons=TECHNIQUE_REASONS,
    mistakes=[Mistake("humour_at_customer", answer=lambda: {**TECHNIQUE_KEY, "T6": "tech_do"},
                      message={"zh": "T6 不是“用幽默缓和气氛”：幽默可以用，但对象只能是自己或事情，绝不是顾客。",
                               "en": "T6 is not \"humour to ease the mood\": humour may be used, but only at yourself or the "
                                     "situation, never at the customer."})],
    hints=[{"zh": "站在顾客的位置听一听这句话：他会觉得被重视、被兑现承诺，还是被轻视、被推诿、被取笑？",
            "en": "Hear the sentence as the customer would: does he feel taken seriously and kept faith with, or belittled, "
                  "passed on, laughed at?"},
           {"zh": "幽默只能对着自己或事情，不能对着顾客；说同事的坏话也是负面的话。",
            "en": "Humour may aim at yourself or the situation, never at the customer; blaming colleagues is speaking badly too."},
           {"zh": "三张是“可以”、三张是“不要”：说出口的三句话里，没有一句是“可以”。",
            "en": "Three cards are do's and three don'ts: none of the three quoted remarks is a do."}],
)
