"""Chapter 11 · Care and revisit plans — cadence by tier, event revisits, channels, the call list."""
from functools import lru_cache

from helpers.teaching.exercises.core import (AS_PERCENT, ClassificationProblem, Mistake, ValueProblem,
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
    question={"zh": "下面五张卡片各描述一次联系。按本章的默认规则（例行回访、事件回访、关怀日历），为每一次选出渠道，点“检查答案”，"
                    "再运行 `channel_answers = quiz.answers`。",
              "en": "Each card below describes one contact. Following this chapter's default rules (routine revisits, event revisits, "
                    "the care calendar), pick the channel for each, press Check, then run `channel_answers = quiz.answers`."},
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
