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


# ---- the Platinum relationship manager: a thank-you card for every large purchase ----
LARGE_PURCHASE = 1000          # yuan: a single order from this value counts as a large purchase


@lru_cache(maxsize=1)
def _large_purchases():
    from helpers.data.datasets import load_demo
    from helpers.tiers import customer_pyramid

    orders = load_demo("orders")
    in_2025 = orders[orders["order_date"].dt.year == 2025]
    tiers = customer_pyramid(in_2025.groupby("customer_id")["amount"].sum())
    diamond = tiers.table.index[tiers.classes == "tier_diamond"]
    return in_2025[in_2025["customer_id"].isin(diamond) & (in_2025["amount"] >= LARGE_PURCHASE)]


q5 = ValueProblem(
    var="thank_you_cards",
    expected=lambda: len(_large_purchases()),
    wrong=lambda: int(_large_purchases()["customer_id"].nunique()),     # customers instead of purchases
    hints=[{"zh": "感谢卡是每笔大宗购买一张，不是每位客户一张。",
            "en": "One thank-you card per large purchase, not one per customer."},
           {"zh": "上面的 large 表每一行就是一笔大宗购买：数一数它有几行。",
            "en": "Each row of the table large above is one large purchase: count its rows."}],
    model_answer={"zh": "thank_you_cards = len(large)   # 31 张：8 位金钻客户一共有 31 笔 1,000 元以上的订单，3 月最多（8 笔）",
                  "en": "thank_you_cards = len(large)   # 31 cards: 8 Platinum customers placed 31 orders of ¥1,000 or more, most in March (8)"},
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

q6 = ChoiceProblem(
    var="listen_answers",
    expected=lambda: dict(LISTEN_KEY),
    wrong=lambda: {**LISTEN_KEY, "H4": "listen_summarise", "H6": "listen_encourage"},
    hints=[{"zh": "问：这句话是在请顾客多说（鼓励）、把听到的复述给他确认（归纳）、接住他的情绪（同理），还是在为自己辩解（争论）？",
            "en": "Ask: does the sentence invite the customer to say more (encouraging), repeat what was heard for him to confirm "
                  "(summarising), take in his feeling (empathy), or defend ourselves (arguing)?"},
           {"zh": "以“所以您是说……对吗？”结尾的句子是归纳；向正在抱怨的人摆出“系统显示……”的事实，就是争论。",
            "en": "A sentence ending \"so you're saying … right?\" is summarising; putting \"the system shows …\" to someone who is "
                  "complaining is arguing."}],
    model_answer={"zh": "listen_answers = listen_quiz.answers\n"
                        "# H1、H5 鼓励表达；H2、H6 反馈式归纳；H3 同理倾听；H4 争论——事实留到后面核实，先听完",
                  "en": "listen_answers = listen_quiz.answers\n"
                        "# H1, H5 encouraging; H2, H6 summarising back; H3 empathy; H4 arguing — check the facts later, listen first"},
)


def listen_quiz():
    """The cards of q6: which listening technique each sentence uses; its Check button judges with q6.

    >>> len(listen_quiz().cards)
    6
    """
    from helpers.teaching.widgets import ClassificationQuiz

    return ClassificationQuiz(LISTEN_CARDS, LISTEN_CLASSES, problem=q6)


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

q7 = ChoiceProblem(
    var="record_answers",
    expected=lambda: dict(RECORD_KEY),
    wrong=lambda: {**RECORD_KEY, "D3": "rec_profile", "D5": "rec_purchases"},
    hints=[{"zh": "问：完成这件事，手里必须有哪一张表？",
            "en": "Ask: which table must you have in hand to do this?"},
           {"zh": "“谁在什么时候联系过他”在联系记录里；“他喜欢什么风格”是偏好，不能只从买过什么推出来。",
            "en": "\"Who contacted him and when\" is in the contact log; \"which style he likes\" is a preference, not something "
                  "purchases alone tell you."}],
    model_answer={"zh": "record_answers = record_quiz.answers\n"
                        "# D1 基本资料（生日）；D2、D6 购买记录；D3 联系与回访记录；D4 投诉与服务记录；D5 偏好与意见",
                  "en": "record_answers = record_quiz.answers\n"
                        "# D1 profile (birthday); D2, D6 purchase history; D3 contact log; D4 complaints and service; "
                        "D5 preferences and opinions"},
)


def record_quiz():
    """The cards of q7: which part of the customer record each task needs; its Check button judges with q7.

    >>> len(record_quiz().cards)
    6
    """
    from helpers.teaching.widgets import ClassificationQuiz

    return ClassificationQuiz(RECORD_CARDS, RECORD_CLASSES, problem=q7)
