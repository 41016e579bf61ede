"""Chapter 11 · Care and revisit plans — cadence by tier, event revisits, channels, the call list."""
from functools import lru_cache

from helpers.teaching.exercises.core import (AS_PERCENT, ClassificationProblem, Mistake, ValueProblem, meaning_reasons,
                                             catalogue_options)

START, END = "2026-01-01", "2026-03-31"
PERSONAL = ["contact_phone", "contact_visit"]


@lru_cache(maxsize=1)
def _members():
    """Buyers of 2025 with their pyramid tier (by 2025 spend) and CRM fields."""
    from helpers.data.datasets import load_demo
    from helpers.tiers import customer_pyramid

    orders = load_demo("orders")
    spend = orders[orders["order_date"].dt.year == 2025].groupby("customer_id")["amount"].sum()
    tiers = customer_pyramid(spend).table["tier"].reset_index()      # indexed by customer_id
    return load_demo("customers").merge(tiers, on="customer_id")


@lru_cache(maxsize=1)
def _schedule():
    """The chapter's first-quarter schedule: routine plan, event revisits of top tiers, care days."""
    from helpers.care import build_schedule, care_calendar, event_revisits, revisit_plan
    from helpers.data.datasets import load_demo

    members = _members()
    top = members.loc[members["tier"].isin(["tier_diamond", "tier_silver"]), "customer_id"]
    orders = load_demo("orders")
    plan = revisit_plan(members, START, END)
    events = event_revisits(complaints=load_demo("complaints"), orders=orders[orders["customer_id"].isin(top)],
                            customers=members, start=START, end=END)
    care = care_calendar(members, 2026)
    return build_schedule(plan, events, care[care["due_date"] <= END])


def _diamond_routine():
    from helpers.care import revisit_plan

    plan = revisit_plan(_members(), START, END)
    return plan[plan["tier"] == "tier_diamond"]


def _n_diamond() -> int:
    return int((_members()["tier"] == "tier_diamond").sum())


def _january(channels=None) -> int:
    schedule = _schedule()
    chosen = schedule["due_date"].dt.month.eq(1)
    if channels is not None:
        chosen &= schedule["channel"].isin(channels)
    return int(chosen.sum())


q1 = ValueProblem(
    var="diamond_contacts",
    question={"zh": "第一季度的例行回访计划 `plan` 中，**金钻客户**一共有多少次联系（日程的行数）？",
              "en": "How many contacts with **diamond customers** does the first-quarter routine plan `plan` hold (rows of the schedule)?"},
    expected=lambda: len(_diamond_routine()),
    mistakes=[Mistake("calls_only", answer=lambda: 3 * _n_diamond(),
                      message={"zh": "你只算了每月的专人联系（16 位 × 3 个月）；金钻客户每季度还有一次上门拜访。",
                               "en": "You counted only the monthly personal contacts (16 × 3 months); diamond customers also get a quarterly visit."}),
              Mistake("no_merge", answer=lambda: 4 * _n_diamond(),
                      message={"zh": "月度联系加季度拜访是 64 次，但同一位客户同一天的两项联系会合并成一行：数一数日程里真正的行数。",
                               "en": "Monthly contacts plus quarterly visits make 64, but two contacts with one customer on one day merge into "
                                     "one row: count the rows the schedule really has."}),
              Mistake("customers", answer=_n_diamond,
                      message={"zh": "这是金钻客户的人数；题目问的是他们在第一季度的联系次数。",
                               "en": "That is the number of diamond customers; the question asks for their contacts in the quarter."})],
    hints=[{"zh": "金钻客户的节奏是每月一次专人联系，再加每季度一次上门拜访。",
            "en": "Diamond customers get a personal contact every month plus a visit every quarter."},
           {"zh": "`plan` 每行是一次联系，`tier` 列是客户层级；同一天的两项联系已经合并成一行。",
            "en": "Each row of `plan` is one contact and its `tier` column the customer's tier; two contacts on one day are already one row."},
           {"zh": "`len(plan[plan['tier'] == ____])`", "en": "`len(plan[plan['tier'] == ____])`"}],
    model_answer="diamond_contacts = len(plan[plan['tier'] == 'tier_diamond'])",
    explanation={"zh": "63 次：16 位 × 3 次月度联系 + 16 次季度拜访，其中 1 次拜访与电话同一天、已合并。",
                 "en": "63: 16 × 3 monthly contacts + 16 quarterly visits, one visit on a call day merged."},
)

q2 = ValueProblem(
    var="january_personal",
    question={"zh": "合并后的日程 `schedule` 中，2026 年 **1 月**有多少次联系需要客服**亲自**去做——打电话（`contact_phone`）或上门（`contact_visit`）？",
              "en": "In the combined schedule `schedule`, how many contacts in **January 2026** need a person — a phone call "
                    "(`contact_phone`) or a visit (`contact_visit`)?"},
    expected=lambda: _january(PERSONAL),
    mistakes=[Mistake("all_channels", answer=_january,
                      message={"zh": "这是 1 月的全部联系，包括批量发送的短信和微信；只数电话和上门。",
                               "en": "That is every January contact, bulk SMS and WeChat included; count only calls and visits."}),
              Mistake("with_gifts", answer=lambda: _january(PERSONAL + ["contact_gift"]),
                      message={"zh": "你把寄礼品也算进去了；题目只问电话和上门。", "en": "You counted the gifts too; the question asks for calls and visits only."}),
              Mistake("phone_only", answer=lambda: _january(["contact_phone"]),
                      message={"zh": "你只数了电话；上门拜访也需要客户经理亲自去做。",
                               "en": "You counted the calls only; visits need a person too."})],
    hints=[{"zh": "短信和微信可以批量发送；需要人去做的是电话和上门。",
            "en": "SMS and WeChat go out in bulk; calls and visits are what need people."},
           {"zh": "`call_list(schedule, 开始, 结束, channels=[...])` 取出一段时间内、指定渠道的联系，一行一次。",
            "en": "`call_list(schedule, start, end, channels=[...])` takes the contacts of a period and of the given channels, one row each."},
           {"zh": "`len(call_list(schedule, '2026-01-01', '2026-01-31', channels=____))`",
            "en": "`len(call_list(schedule, '2026-01-01', '2026-01-31', channels=____))`"}],
    model_answer="january_personal = len(call_list(schedule, '2026-01-01', '2026-01-31', channels=['contact_phone', 'contact_visit']))",
    explanation={"zh": "232 次：约每个工作日 11 次——这就是 1 月排班的依据。",
                 "en": "232: about 11 per working day — the basis of January's staffing plan."},
)

CHANNEL_CLASSES = ["contact_visit", "contact_phone", "contact_wechat", "contact_sms", "contact_gift"]
CHANNEL_CARDS = [
    {"id": "S1", "text": {"zh": "金钻客户：本季度的例行客户关系回顾。", "en": "Diamond customer: this quarter's routine relationship review."}},
    {"id": "S2", "text": {"zh": "白银客户：投诉（快递破损）昨天已处理完毕。", "en": "Silver customer: a complaint (damaged parcel) was closed yesterday."}},
    {"id": "S3", "text": {"zh": "铁层客户：半年一次的会员积分提醒。", "en": "Iron customer: the half-yearly reminder of member points."}},
    {"id": "S4", "text": {"zh": "金钻客户：下周过生日。", "en": "Diamond customer: birthday next week."}},
    {"id": "S5", "text": {"zh": "铜层客户：一周前买了新品，问问用得怎么样。", "en": "Copper customer: bought a new product a week ago; ask how it is going."}},
]
#: The default rule each situation card falls under: (table, key) — routine by reason, event by reason, care by tier.
_CARD_RULES = {"S1": ("routine", "revisit_visit"), "S2": ("event", "revisit_after_complaint"), "S3": ("routine", "revisit_automated"),
               "S4": ("care", "tier_diamond"), "S5": ("event", "revisit_purchase_7d")}


def _rule_channels() -> dict:
    """(table, key) → channel, from the kit's default rules."""
    from helpers.care import CARE_CHANNELS, default_event_rules, default_revisit_rules

    routine = default_revisit_rules().set_index("reason")["channel"]
    events = default_event_rules().set_index("reason")["channel"]
    return {**{("routine", r): c for r, c in routine.items()}, **{("event", r): c for r, c in events.items()},
            **{("care", tier): c for tier, c in CARE_CHANNELS.items()}}


def _channel_key():
    """The channel the kit's default rules give each situation card."""
    channels = _rule_channels()
    return {card: channels[rule] for card, rule in _CARD_RULES.items()}


def _rule_name(rule: tuple, lang: str) -> str:
    from helpers.i18n import t

    table, key = rule
    if table == "care":
        tier = catalogue_options([key])[key][lang]
        return f"{tier}的生日与节日关怀" if lang == "zh" else f"{tier}: birthday and holiday care"
    return t(key, lang=lang)


def _channel_reason(card: str, chosen: str | None = None) -> dict:
    """The default rule that decides the card, and where the chosen channel is used instead."""
    channels = _rule_channels()
    rule = _CARD_RULES[card]
    right = catalogue_options([channels[rule]])[channels[rule]]
    out = {}
    for lang in ("zh", "en"):
        name = _rule_name(rule, lang)
        text = (f"默认规则“{name}”用{right['zh']}。" if lang == "zh" else f"The default rule “{name}” uses {right['en'].lower()}.")
        if chosen in CHANNEL_CLASSES and chosen != channels[rule]:
            uses = [_rule_name(r, lang) for r, c in channels.items() if c == chosen]
            label_chosen = catalogue_options([chosen])[chosen][lang]
            if lang == "zh":
                text += f"{label_chosen}用于：{'、'.join(uses)}。" if uses else f"默认规则里没有用{label_chosen}的场合。"
            else:
                text += (f" {label_chosen} is for: {'; '.join(uses)}." if uses
                         else f" No default rule uses {label_chosen.lower()}.")
        out[lang] = text
    return out


q3 = ClassificationProblem(
    var="channel_answers",
    question={"zh": "下面五张卡片各描述一次联系。按本章的默认规则（例行回访、事件回访、关怀日历），为每一次选出渠道。",
              "en": "Each card below describes one contact. Following this chapter's default rules (routine revisits, event revisits, "
                    "the care calendar), pick the channel for each."},
    expected=_channel_key,
    options=lambda: catalogue_options(CHANNEL_CLASSES),
    cards=CHANNEL_CARDS,
    reasons=_channel_reason,
    mistakes=[Mistake("weight_ignored", answer=lambda: {**_channel_key(), "S2": "contact_wechat", "S4": "contact_sms"},
                      message={"zh": "投诉结案和金钻客户的生日都是分量重的时刻，需要“人”：电话、礼品和手写贺卡，而不是批量消息。",
                               "en": "A closed complaint and a diamond customer's birthday are weighty moments that need a person: a call, "
                                     "a gift and a handwritten card — not a bulk message."})],
    hints=[{"zh": "渠道跟着两件事走：客户的价值（层级）和这次联系的分量（投诉、生日比例行提醒更需要“人”）。",
            "en": "The channel follows two things: the customer's value (tier) and the weight of the moment (a complaint or a "
                  "birthday needs a person more than a routine reminder)."},
           {"zh": "先判断每张卡片属于哪类规则：例行回访（按层级）、事件回访（投诉、购买）还是关怀日历（生日、节日）。",
            "en": "First decide which rules each card falls under: routine revisits (by tier), event revisits (complaint, purchase) "
                  "or the care calendar (birthdays, holidays)."},
           {"zh": "查 `default_revisit_rules()`、`default_event_rules()` 和 `CARE_CHANNELS`：投诉结案回访打电话，购后 7 天发微信。",
            "en": "Look up `default_revisit_rules()`, `default_event_rules()` and `CARE_CHANNELS`: a complaint follow-up is a call, "
                  "the 7-day purchase follow-up a WeChat message."}],
)


@lru_cache(maxsize=1)
def _follow_up_counts():
    """(complaint follow-ups logged in 2025, follow-ups due in 2025 by the 24-hour rule, complaints received)."""
    from helpers.care import event_revisits
    from helpers.data.datasets import load_demo

    contacts, complaints = load_demo("contacts"), load_demo("complaints")
    logged = contacts[contacts["contacted_at"].dt.year == 2025]["purpose"].eq("complaint_followup").sum()
    due = event_revisits(complaints=complaints, start="2025-01-01", end="2025-12-31")
    return int(logged), len(due), len(complaints)


q4 = ValueProblem(
    var="follow_up_rate",
    question={"zh": "2025 年**投诉结案回访**的执行率是多少？= 联系记录中 2025 年目的为 `complaint_followup` 的次数 ÷ 按 24 小时规则 2025 年应做的回访次数。"
                    "答 0–1 之间的小数。",
              "en": "What share of the **complaint follow-ups** due in 2025 were carried out? = contacts of 2025 with purpose "
                    "`complaint_followup` ÷ follow-ups due in 2025 by the 24-hour rule. Answer with a fraction between 0 and 1."},
    expected=lambda: _follow_up_counts()[0] / _follow_up_counts()[1],
    decimals=3,
    mistakes=[Mistake("all_complaints", answer=lambda: _follow_up_counts()[0] / _follow_up_counts()[2],
                      message={"zh": "你除以的是全部投诉数。分母是 2025 年**应做**的回访：只有已结案、且结案后 24 小时落在 2025 年的投诉才需要回访。",
                               "en": "You divided by all complaints. The denominator is the follow-ups **due** in 2025: only complaints closed "
                                     "with their 24-hour follow-up falling in 2025."}),
              Mistake("inverted", answer=lambda: _follow_up_counts()[1] / _follow_up_counts()[0],
                      message={"zh": "分子和分母颠倒了：执行率 = 做了的 ÷ 应做的，不会超过 1。",
                               "en": "Numerator and denominator are swapped: the rate is done ÷ due and cannot exceed 1."}),
              Mistake("count", answer=lambda: _follow_up_counts()[0],
                      message={"zh": "这是做了的回访次数；执行率还要除以应做的次数。",
                               "en": "That is the number of follow-ups made; the rate divides it by the number due."}),
              AS_PERCENT],
    hints=[{"zh": "执行率 = 实际做了的 ÷ 按规则应该做的。", "en": "Completion rate = actually done ÷ due by the rule."},
           {"zh": "分子：`contacts_2025` 中 `purpose` 为 `'complaint_followup'` 的行数；分母：`event_revisits(complaints=complaints, start=…, end=…)` 的行数。",
            "en": "Numerator: rows of `contacts_2025` whose `purpose` is `'complaint_followup'`; denominator: rows of "
                  "`event_revisits(complaints=complaints, start=…, end=…)`."},
           {"zh": "`due = len(event_revisits(complaints=complaints, start='2025-01-01', end='2025-12-31'))`，再用 ____ ÷ due。",
            "en": "`due = len(event_revisits(complaints=complaints, start='2025-01-01', end='2025-12-31'))`, then ____ ÷ due."}],
    model_answer="logged = (contacts_2025['purpose'] == 'complaint_followup').sum()\n"
                 "due = len(event_revisits(complaints=complaints, start='2025-01-01', end='2025-12-31'))\n"
                 "follow_up_rate = logged / due",
    explanation={"zh": "120 ÷ 143 ≈ 0.839：每 6 位投诉客户就有 1 位没接到回访电话。",
                 "en": "120 ÷ 143 ≈ 0.839: one complainer in six never got a follow-up call."},
)


# ---- the Platinum relationship manager: a thank-you card for every large purchase ----
LARGE_PURCHASE = 1000          # yuan: a single order from this value counts as a large purchase


@lru_cache(maxsize=1)
def _orders_2025():
    from helpers.data.datasets import load_demo
    from helpers.tiers import customer_pyramid

    orders = load_demo("orders")
    in_2025 = orders[orders["order_date"].dt.year == 2025]
    tiers = customer_pyramid(in_2025.groupby("customer_id")["amount"].sum())
    diamond = tiers.table.index[tiers.classes == "tier_diamond"]
    return in_2025, in_2025["customer_id"].isin(diamond)


def _large_purchases(diamond_only: bool = True):
    orders, diamond = _orders_2025()
    large = orders["amount"] >= LARGE_PURCHASE
    return orders[large & diamond] if diamond_only else orders[large]


q5 = ValueProblem(
    var="thank_you_cards",
    question={"zh": "2025 年，关系经理一共要为金钻客户的大宗购买寄出多少张感谢卡（每笔大宗购买一张）？",
              "en": "In 2025, how many thank-you cards in all does the relationship manager send for the Platinum customers' large "
                    "purchases (one per large purchase)?"},
    expected=lambda: len(_large_purchases()),
    mistakes=[Mistake("customers", answer=lambda: int(_large_purchases()["customer_id"].nunique()),
                      message={"zh": "这是有大宗购买的金钻客户人数；感谢卡是每笔大宗购买一张，一位客户可能有好几笔。",
                               "en": "That is the number of Platinum customers with a large purchase; there is one card per large "
                                     "purchase, and a customer may make several."}),
              Mistake("all_tiers", answer=lambda: len(_large_purchases(diamond_only=False)),
                      message={"zh": "这是所有客户 1,000 元以上的订单；关系经理只负责金钻客户。",
                               "en": "That counts the orders of ¥1,000 or more of all customers; the relationship manager looks after "
                                     "Platinum customers only."}),
              Mistake("all_orders", answer=lambda: int(_orders_2025()[1].sum()),
                      message={"zh": "这是金钻客户 2025 年的全部订单；只有单笔 1,000 元及以上的才算大宗购买。",
                               "en": "That is every 2025 order of the Platinum customers; only single orders of ¥1,000 or more are "
                                     "large purchases."})],
    hints=[{"zh": "感谢卡是每笔大宗购买一张，不是每位客户一张。",
            "en": "One thank-you card per large purchase, not one per customer."},
           {"zh": "上面的 `large` 表每一行就是一笔金钻客户的大宗购买。",
            "en": "Each row of the table `large` above is one large purchase by a Platinum customer."},
           {"zh": "数一数 `large` 有几行：`len(____)`。", "en": "Count the rows of `large`: `len(____)`."}],
    model_answer="thank_you_cards = len(large)",
    explanation={"zh": "31 张：8 位金钻客户一共有 31 笔 1,000 元以上的订单，3 月最多（8 笔）。",
                 "en": "31 cards: 8 Platinum customers placed 31 orders of ¥1,000 or more, most in March (8)."},
)


# ---- listening: which technique does each sentence use? ----
LISTEN_CLASSES = ("listen_encourage", "listen_summarise", "listen_empathise", "listen_argue")
LISTEN_CARDS = [
    {"id": "H1", "text": {"zh": "顾客：“你们的配送……唉，算了。”店员：“您说，我在听——配送哪里让您不满意？”",
                          "en": "Customer: \"Your delivery … oh, never mind.\" Assistant: \"Please tell me, I'm listening — what went wrong with the delivery?\""}},
    {"id": "H2", "text": {"zh": "“我确认一下：您是周二下单，答应周四送到，结果周六才到，中间也没人通知您，对吗？”",
                          "en": "\"Let me check: you ordered on Tuesday, we promised Thursday, it came on Saturday and nobody told you in between — right?\""}},
    {"id": "H3", "text": {"zh": "“等了三天都没有消息，换成我也会着急。”",
                          "en": "\"Three days without any news — I would be worried too.\""}},
    {"id": "H4", "text": {"zh": "“系统显示我们是按时发货的，应该是快递的问题，不是我们。”",
                          "en": "\"Our system shows we shipped on time; it must be the courier, not us.\""}},
    {"id": "H5", "text": {"zh": "“还有别的地方用着不顺手吗？您慢慢说。”",
                          "en": "\"Is anything else not working for you? Take your time.\""}},
    {"id": "H6", "text": {"zh": "“所以您最在意的是能按约定的时间送到，价格倒在其次，是这样吗？”",
                          "en": "\"So what matters most to you is delivery at the agreed time, more than the price — is that it?\""}},
]
LISTEN_KEY = {"H1": "listen_encourage", "H2": "listen_summarise", "H3": "listen_empathise",
              "H4": "listen_argue", "H5": "listen_encourage", "H6": "listen_summarise"}
LISTEN_MEANINGS = {
    "listen_encourage": {"zh": "请顾客接着说、多说一些", "en": "inviting the customer to go on and say more"},
    "listen_summarise": {"zh": "用自己的话复述要点，请顾客确认", "en": "repeating the key points in your own words for the customer to confirm"},
    "listen_empathise": {"zh": "先接住顾客的情绪，事实放在后面", "en": "taking in the customer's feeling first, the facts later"},
    "listen_argue": {"zh": "辩解、纠正或推给别人——向正在抱怨的人摆事实也是争论", "en": "excuses, corrections or blaming others — putting facts to someone who is complaining is arguing too"},
}
LISTEN_OPTIONS = catalogue_options(LISTEN_CLASSES)

q6 = ClassificationProblem(
    var="listen_answers",
    question={"zh": "下面六句话，是顾客投诉配送时店员说的。每句用的是哪一个倾听要点——还是犯了“不争论”的忌？",
              "en": "The six sentences below are what an assistant says while a customer complains about a delivery. Which "
                    "listening point does each use — or does it break the rule against arguing?"},
    expected=lambda: dict(LISTEN_KEY),
    options=LISTEN_OPTIONS,
    cards=LISTEN_CARDS,
    reasons=meaning_reasons(LISTEN_KEY, LISTEN_MEANINGS, LISTEN_OPTIONS),
    mistakes=[Mistake("facts_as_summary", answer=lambda: {**LISTEN_KEY, "H4": "listen_summarise"},
                      message={"zh": "H4 不是在复述顾客的话，而是在为自己辩解：向正在抱怨的顾客解释“系统显示按时发货”就是争论，事实留到后面核实。",
                               "en": "H4 does not repeat what the customer said; it defends us. Telling a complaining customer that "
                                     "\"the system shows we shipped on time\" is arguing — check the facts later."})],
    hints=[{"zh": "问：这句话是在请顾客多说、把听到的复述给他确认、接住他的情绪，还是在为自己辩解？",
            "en": "Ask: does the sentence invite the customer to say more, repeat what was heard for him to confirm, take in "
                  "his feeling, or defend ourselves?"},
           {"zh": "以“……对吗？”“是这样吗？”结尾、复述顾客说过的内容的句子是归纳；向正在抱怨的人摆出“系统显示……”的事实，就是争论。",
            "en": "A sentence that repeats what the customer said and ends \"… right?\" or \"is that it?\" is summarising; "
                  "putting \"the system shows …\" to someone who is complaining is arguing."},
           {"zh": "鼓励表达和反馈式归纳各有两句，同理倾听和争论各有一句。",
            "en": "Encouraging and summarising back have two sentences each; empathy and arguing one each."}],
)


# ---- customer records: which part of the record does each task need? ----
RECORD_CLASSES = ("rec_profile", "rec_purchases", "rec_contacts", "rec_complaints", "rec_preferences")
RECORD_CARDS = [
    {"id": "D1", "text": {"zh": "生日前一周寄出贺卡", "en": "Sending a card a week before the birthday"}},
    {"id": "D2", "text": {"zh": "找出 90 天没有再来的老顾客", "en": "Finding regulars who have not come back for 90 days"}},
    {"id": "D3", "text": {"zh": "避免同一周里三个部门给同一位顾客打电话",
                          "en": "Avoiding three departments calling the same customer in one week"}},
    {"id": "D4", "text": {"zh": "回访前先看他上次的投诉解决了没有",
                          "en": "Checking before a call whether his last complaint was solved"}},
    {"id": "D5", "text": {"zh": "给喜欢北欧风格的顾客推荐新到的家具",
                          "en": "Recommending the newly arrived furniture to a customer who likes Scandinavian style"}},
    {"id": "D6", "text": {"zh": "计算每位顾客的 RFM 得分", "en": "Computing each customer's RFM score"}},
]
RECORD_KEY = {"D1": "rec_profile", "D2": "rec_purchases", "D3": "rec_contacts",
              "D4": "rec_complaints", "D5": "rec_preferences", "D6": "rec_purchases"}
RECORD_MEANINGS = {
    "rec_profile": {"zh": "姓名、联系方式、生日、城市、会员等级", "en": "name, contact details, birthday, city, member level"},
    "rec_purchases": {"zh": "每一笔订单的日期、金额、商品", "en": "every order's date, amount and products"},
    "rec_contacts": {"zh": "谁、何时、用什么渠道联系过他", "en": "who contacted him, when and through which channel"},
    "rec_complaints": {"zh": "投诉内容、处理过程、是否回访", "en": "what he complained about, how it was handled, whether followed up"},
    "rec_preferences": {"zh": "喜欢的风格和品类、问卷回答、提过的建议", "en": "favourite styles and categories, survey answers, suggestions made"},
}
RECORD_OPTIONS = catalogue_options(RECORD_CLASSES)

q7 = ClassificationProblem(
    var="record_answers",
    question={"zh": "下面六项工作，各主要要查档案的哪一部分？",
              "en": "Which part of the record does each of the six tasks below mainly need?"},
    expected=lambda: dict(RECORD_KEY),
    options=RECORD_OPTIONS,
    cards=RECORD_CARDS,
    reasons=meaning_reasons(RECORD_KEY, RECORD_MEANINGS, RECORD_OPTIONS),
    mistakes=[Mistake("taste_from_purchases", answer=lambda: {**RECORD_KEY, "D5": "rec_purchases"},
                      message={"zh": "买过什么不等于喜欢什么：“喜欢北欧风格”是偏好，要记在偏好与意见里，不能只从购买记录推出来。",
                               "en": "What someone bought is not what they like: \"likes Scandinavian style\" is a preference, kept "
                                     "with preferences and opinions, not something purchases alone tell you."})],
    hints=[{"zh": "问：完成这件事，手里必须有哪一张表？",
            "en": "Ask: which table must you have in hand to do this?"},
           {"zh": "“谁在什么时候联系过他”在联系记录里；“他喜欢什么风格”是偏好，不能只从买过什么推出来。",
            "en": "\"Who contacted him and when\" is in the contact log; \"which style he likes\" is a preference, not something "
                  "purchases alone tell you."},
           {"zh": "购买记录用到两次（最近一次购买、RFM 得分都从订单来），其余各部分各用一次。",
            "en": "Purchase history is needed twice (the last purchase and the RFM score both come from orders); every other "
                  "part once."}],
)
