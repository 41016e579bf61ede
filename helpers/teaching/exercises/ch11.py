"""Chapter 11 · Care and revisit plans — cadence by tier, event revisits, channels, the call list."""
from functools import lru_cache

from helpers.teaching.exercises.core import ChoiceProblem, ValueProblem

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


q1 = ValueProblem(
    var="diamond_contacts",
    expected=lambda: len(_diamond_routine()),
    wrong=lambda: 3 * int((_members()["tier"] == "tier_diamond").sum()),   # the monthly calls only, visits forgotten
    hints=[{"zh": "在第一季度的例行回访计划 plan 中，数一数层级为 tier_diamond 的行。",
            "en": "In the first-quarter routine plan, count the rows whose tier is tier_diamond."},
           {"zh": "金钻客户既有月度专人联系，也有季度上门拜访；同一天的两项会合并成一行。len(plan[plan['tier'] == 'tier_diamond'])。",
            "en": "Diamond customers get a monthly personal contact and a quarterly visit; two contacts on the same day are merged into one row. len(plan[plan['tier'] == 'tier_diamond'])."}],
    model_answer={"zh": "diamond_contacts = len(plan[plan['tier'] == 'tier_diamond'])   # 63：16 位 × 3 次月度联系 + 16 次季度拜访，其中 1 次拜访与电话同一天、已合并",
                  "en": "diamond_contacts = len(plan[plan['tier'] == 'tier_diamond'])   # 63: 16 × 3 monthly contacts + 16 quarterly visits, one visit on a call day merged"},
)

q2 = ValueProblem(
    var="january_personal",
    expected=lambda: int((_schedule()["due_date"].dt.month.eq(1) & _schedule()["channel"].isin(PERSONAL)).sum()),
    wrong=lambda: int(_schedule()["due_date"].dt.month.eq(1).sum()),
    hints=[{"zh": "只算需要人去做的联系：电话（contact_phone）和上门拜访（contact_visit）。",
            "en": "Count only the contacts a person makes: phone calls (contact_phone) and visits (contact_visit)."},
           {"zh": "len(call_list(schedule, '2026-01-01', '2026-01-31', channels=['contact_phone', 'contact_visit']))",
            "en": "len(call_list(schedule, '2026-01-01', '2026-01-31', channels=['contact_phone', 'contact_visit']))"}],
    model_answer={"zh": "january_personal = len(call_list(schedule, '2026-01-01', '2026-01-31', channels=['contact_phone', 'contact_visit']))",
                  "en": "january_personal = len(call_list(schedule, '2026-01-01', '2026-01-31', channels=['contact_phone', 'contact_visit']))"},
)

CHANNEL_CLASSES = ["contact_visit", "contact_phone", "contact_wechat", "contact_sms", "contact_gift"]
CHANNEL_CARDS = [
    {"id": "S1", "text": {"zh": "金钻客户：本季度的例行客户关系回顾。", "en": "Diamond customer: this quarter's routine relationship review."}},
    {"id": "S2", "text": {"zh": "白银客户：投诉（快递破损）昨天已处理完毕。", "en": "Silver customer: a complaint (damaged parcel) was closed yesterday."}},
    {"id": "S3", "text": {"zh": "铁层客户：半年一次的会员积分提醒。", "en": "Iron customer: the half-yearly reminder of member points."}},
    {"id": "S4", "text": {"zh": "金钻客户：下周过生日。", "en": "Diamond customer: birthday next week."}},
    {"id": "S5", "text": {"zh": "铜层客户：一周前买了新品，问问用得怎么样。", "en": "Copper customer: bought a new product a week ago; ask how it is going."}},
]


def _channel_key():
    """The channel the kit's default rules give each situation card."""
    from helpers.care import CARE_CHANNELS, default_event_rules, default_revisit_rules

    routine = default_revisit_rules().set_index("reason")["channel"]
    events = default_event_rules().set_index("reason")["channel"]
    return {"S1": routine["revisit_visit"], "S2": events["revisit_after_complaint"],
            "S3": routine["revisit_automated"], "S4": CARE_CHANNELS["tier_diamond"],
            "S5": events["revisit_purchase_7d"]}


q3 = ChoiceProblem(
    var="channel_answers",
    expected=_channel_key,
    wrong=lambda: {**_channel_key(), "S2": "contact_wechat", "S4": "contact_sms"},
    hints=[{"zh": "渠道跟着两件事走：客户的价值（层级）和这次联系的分量（投诉、生日比例行提醒更需要“人”）。",
            "en": "The channel follows two things: the customer's value (tier) and the weight of the moment (a complaint or a birthday needs a person more than a routine reminder)."},
           {"zh": "看 default_revisit_rules()、default_event_rules() 和 CARE_CHANNELS：投诉结案回访用电话，金钻生日送礼品和手写贺卡。",
            "en": "Look at default_revisit_rules(), default_event_rules() and CARE_CHANNELS: a complaint follow-up is a phone call, a diamond birthday gets a gift and a handwritten card."}],
    model_answer={"zh": "channel_answers = quiz.answers   # S1 上门拜访，S2 电话，S3 短信，S4 礼品与贺卡，S5 微信",
                  "en": "channel_answers = quiz.answers   # S1 visit, S2 phone call, S3 SMS, S4 gift and card, S5 WeChat"},
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
    expected=lambda: _follow_up_counts()[0] / _follow_up_counts()[1],
    wrong=lambda: _follow_up_counts()[0] / _follow_up_counts()[2],
    rel_tol=1e-3,
    hints=[{"zh": "分子：2025 年联系记录中 purpose 为 complaint_followup 的次数；分母：2025 年应做的投诉结案回访次数。",
            "en": "Numerator: contacts of 2025 with purpose complaint_followup; denominator: complaint follow-ups due in 2025."},
           {"zh": "分母用 len(event_revisits(complaints=complaints, start='2025-01-01', end='2025-12-31'))，不是投诉总数。",
            "en": "The denominator is len(event_revisits(complaints=complaints, start='2025-01-01', end='2025-12-31')), not all complaints."}],
    model_answer={"zh": "logged = (contacts_2025['purpose'] == 'complaint_followup').sum()\n"
                        "due = len(event_revisits(complaints=complaints, start='2025-01-01', end='2025-12-31'))\n"
                        "follow_up_rate = logged / due   # 约 0.84：每 6 位投诉客户就有 1 位没接到回访电话",
                  "en": "logged = (contacts_2025['purpose'] == 'complaint_followup').sum()\n"
                        "due = len(event_revisits(complaints=complaints, start='2025-01-01', end='2025-12-31'))\n"
                        "follow_up_rate = logged / due   # about 0.84: one complainer in six never got a follow-up call"},
)
