"""Chapter 01 · Why classify customers — ABC and its boundary rule, Gini, the whale curve, criteria."""
from functools import lru_cache

from helpers.teaching.exercises.core import (AS_PERCENT, ClassificationProblem, Mistake, ThoughtProblem,
                                             ValueProblem, catalogue_options, meaning_reasons)

# The demo company's cost assumptions used in the chapter (profit proxy).
MARGIN, COST_PER_ORDER, COST_PER_CUSTOMER = 0.35, 25, 80


@lru_cache(maxsize=1)
def _online_retail_sales():
    from helpers.data.datasets import load_online_retail
    from helpers.rfm.table import rfm_table

    return rfm_table(load_online_retail()[0])["monetary"]


@lru_cache(maxsize=1)
def _demo_orders():
    from helpers.data.datasets import load_demo

    return load_demo("orders")


def _class_a_count(method: str, a_break: float = 0.8) -> int:
    from helpers.tiers import abc_classify

    classes = abc_classify(_online_retail_sales(), breaks=(a_break, 0.95), method=method).classes
    return int((classes == "abc_a").sum())


def _whale(cost_per_order: float):
    from helpers.concentration import whale_curve
    from helpers.profitability import customer_profit

    profit = customer_profit(_demo_orders(), margin=MARGIN, cost_per_order=cost_per_order,
                             cost_per_customer=COST_PER_CUSTOMER)["profit"]
    return whale_curve(profit)


def _gini_per_customer() -> float:
    from helpers.concentration import gini
    from helpers.rfm.table import rfm_table

    return gini(rfm_table(_demo_orders())["monetary"])


def _gini_online_retail() -> float:
    from helpers.concentration import gini

    return gini(_online_retail_sales())


def _gini_per_order() -> float:
    from helpers.concentration import gini

    return gini(_demo_orders()["amount"].to_numpy())


q1 = ValueProblem(
    var="n_class_a_70",
    question={"zh": "如果 A 类的切点从 80% 改为 **70%**（`breaks=(0.7, 0.95)`，边界规则仍用默认的 `crossing`），"
                    "Online Retail 的 A 类有多少位客户？",
              "en": "If class A is cut at **70 %** instead of 80 % (`breaks=(0.7, 0.95)`, the default `crossing` boundary "
                    "rule), how many Online Retail customers are in class A?"},
    expected=lambda: _class_a_count("crossing", 0.7),
    mistakes=[Mistake("headcount", answer=lambda: round(0.7 * len(_online_retail_sales())),
                      message={"zh": "这是 70% 的客户人数。A 类不是“前 70% 的客户”，而是累计销售额达到 70% 所需要的客户。",
                               "en": "That is 70 % of the customers. Class A is not “the top 70 % of customers” but the customers "
                                     "needed to reach 70 % of sales."}),
              Mistake("default_break", answer=lambda: _class_a_count("crossing", 0.8),
                      message={"zh": "这是默认切点 80% 时的 A 类人数；题目把切点改成了 70%。",
                               "en": "That is class A at the default 80 % cut; the question moves the cut to 70 %."}),
              Mistake("le_rule", answer=lambda: _class_a_count("le", 0.7),
                      message={"zh": "这是 `le` 规则的结果：跨过 70% 线的那位客户被放进了 B 类。默认的 `crossing` 规则把他算作 A 类。",
                               "en": "That is the `le` rule: the customer who crosses the 70 % line went to B. The default "
                                     "`crossing` rule counts them in A."})],
    hints=[{"zh": "A 类不是按人数切的：把客户按销售额从高到低排，累计销售额达到切点所需要的客户是 A 类。",
            "en": "Class A is not a head count: rank customers by sales, largest first; those needed to reach the cut are A."},
           {"zh": "`abc_classify` 的 `breaks` 参数给出 A、B 两个切点；结果的 `classes` 是每位客户的类别编号（`'abc_a'` …）。",
            "en": "`abc_classify`'s `breaks` gives the A and B cuts; the result's `classes` holds each customer's class id (`'abc_a'` …)."},
           {"zh": "`abc70 = abc_classify(sales, breaks=(0.7, 0.95))`，再数一数 `abc70.classes == ____` 有多少个。",
            "en": "`abc70 = abc_classify(sales, breaks=(0.7, 0.95))`, then count how many `abc70.classes == ____`."}],
    model_answer="n_class_a_70 = int((abc_classify(sales, breaks=(0.7, 0.95)).classes == 'abc_a').sum())",
    explanation={"zh": "686 位（约 16%）客户贡献了 70% 的销售额；切点 80% 时是 1,130 位——最后 10% 的销售额要多 444 位客户才能凑齐。",
                 "en": "686 customers (about 16 %) bring 70 % of sales; at 80 % it takes 1,130 — the last 10 % of sales need "
                       "444 more customers."},
)

q2 = ValueProblem(
    var="n_class_a_le",
    question={"zh": "切点仍为 80%，但边界规则改用 `method='le'`：Online Retail 的 A 类有多少位客户？",
              "en": "Keep the 80 % cut but switch the boundary rule to `method='le'`: how many Online Retail customers are in class A?"},
    expected=lambda: _class_a_count("le"),
    mistakes=[Mistake("crossing_rule", answer=lambda: _class_a_count("crossing"),
                      message={"zh": "这是默认 `crossing` 规则的人数；`le` 规则下，跨过 80% 线的那位客户不再是 A 类。",
                               "en": "That is the default `crossing` rule; under `le` the customer who crosses the 80 % line is no longer A."})],
    hints=[{"zh": "两条规则只在一位客户身上有分歧：正好跨过 80% 线的那一位。",
            "en": "The two rules disagree about one customer only: the one who crosses the 80 % line."},
           {"zh": "`method='le'` 看包含自己在内的累计占比：≤ 80% 才算 A。",
            "en": "`method='le'` looks at the cumulative share including the customer: A only while ≤ 80 %."},
           {"zh": "`abc_le = abc_classify(sales, method='le')`，再数 `abc_le.classes == 'abc_a'` 的个数。",
            "en": "`abc_le = abc_classify(sales, method='le')`, then count `abc_le.classes == 'abc_a'`."}],
    model_answer="n_class_a_le = int((abc_classify(sales, method='le').classes == 'abc_a').sum())",
    explanation={"zh": "1,129 位：跨过 80% 线的那位客户落到了 B 类。两条规则都对，报告要写明用了哪一条。",
                 "en": "1,129: the customer who crosses the 80 % line falls to B. Both rules are legitimate; the report must say which was used."},
)

q3 = ValueProblem(
    var="gini_demo",
    question={"zh": "演示公司（`orders`，三年的订单）客户消费额的基尼系数是多少？",
              "en": "What is the Gini coefficient of the demo company's customer spend (`orders`, three years of orders)?"},
    expected=_gini_per_customer,
    decimals=3,
    mistakes=[Mistake("per_order", answer=_gini_per_order,
                      message={"zh": "这是订单金额的基尼系数（每笔订单一个数）。客户价值的集中度要在“每位客户一个数”上算：先按客户汇总订单。",
                               "en": "That is the Gini of order amounts (one number per order). Concentration of customer value needs one "
                                     "number per customer: sum the orders per customer first."}),
              Mistake("online_retail", answer=_gini_online_retail,
                      message={"zh": "这是 Online Retail 的基尼系数；题目问的是演示公司的 `orders`。",
                               "en": "That is Online Retail's Gini; the question is about the demo company's `orders`."})],
    hints=[{"zh": "基尼系数衡量的是客户之间的集中程度，所以要在“每位客户一个数”上计算。",
            "en": "The Gini coefficient measures concentration across customers, so it needs one number per customer."},
           {"zh": "`rfm_table(orders)` 把订单汇总为每位客户一行，`monetary` 列是客户的消费总额；`gini()` 接收一列数。",
            "en": "`rfm_table(orders)` sums the orders into one row per customer, its `monetary` column is each customer's total; `gini()` takes a column of numbers."},
           {"zh": "`gini(rfm_table(orders)[____])`", "en": "`gini(rfm_table(orders)[____])`"}],
    model_answer="gini_demo = gini(rfm_table(orders)['monetary'])",
    explanation={"zh": "约 0.708，与 Online Retail（0.716）相近：两家企业的客户价值都高度集中。",
                 "en": "About 0.708, close to Online Retail (0.716): customer value is highly concentrated in both."},
)

q4 = ValueProblem(
    var="peak_at_35",
    question={"zh": "把每笔订单的服务成本从 25 元提高到 **35 元**（毛利率 35%、每位客户成本 80 元不变），"
                    "鲸鱼曲线的最高点 `peak_profit_share` 是多少？答占总利润的份额（1 表示 100%）。",
              "en": "Raise the cost per order from 25 to **35 yuan** (margin 35 % and 80 yuan per customer unchanged). "
                    "What is the whale curve's peak, `peak_profit_share`? Answer as a share of total profit (1 means 100 %)."},
    expected=lambda: _whale(35).peak_profit_share,
    decimals=3,
    mistakes=[Mistake("cost_25", answer=lambda: _whale(COST_PER_ORDER).peak_profit_share,
                      message={"zh": "这是每单成本 25 元（正文的假设）时的最高点；题目把每单成本提高到了 35 元。",
                               "en": "That is the peak at 25 yuan per order (the text's assumption); the question raises it to 35 yuan."}),
              Mistake("loss_share", answer=lambda: _whale(35).loss_share,
                      message={"zh": "这是亏损客户亏掉的份额 `loss_share`；题目问的是驼峰的高度 `peak_profit_share`。",
                               "en": "That is the share lost by the loss-makers, `loss_share`; the question asks for the hump's height, `peak_profit_share`."}),
              Mistake("peak_customers", answer=lambda: _whale(35).peak_customer_share,
                      message={"zh": "这是驼峰所在位置的客户占比（横轴）；题目问的是驼峰的高度（纵轴，占总利润的份额）。",
                               "en": "That is where the hump is on the customer axis (x); the question asks for its height (y, a share of total profit)."}),
              AS_PERCENT],
    hints=[{"zh": "每单成本越高，小单客户亏得越多：盈利客户要先“多赚”出这些亏损，驼峰就越高。",
            "en": "The dearer each order, the more small-order customers lose: the profitable ones must first earn that loss, so the hump rises."},
           {"zh": "先用 `customer_profit(orders, margin=0.35, cost_per_order=35, cost_per_customer=80)` 重算利润，"
                  "再把它的 `profit` 列交给 `whale_curve()`。",
            "en": "Recompute the profit with `customer_profit(orders, margin=0.35, cost_per_order=35, cost_per_customer=80)`, "
                  "then pass its `profit` column to `whale_curve()`."},
           {"zh": "`whale_35 = whale_curve(profit_35['profit'])`，读 `whale_35.____`。",
            "en": "`whale_35 = whale_curve(profit_35['profit'])`, then read `whale_35.____`."}],
    model_answer="profit_35 = customer_profit(orders, margin=0.35, cost_per_order=35, cost_per_customer=80)\n"
                 "peak_at_35 = whale_curve(profit_35['profit']).peak_profit_share",
    explanation={"zh": "约 1.323，即总利润的 132%（25 元时是 117%）：每单成本越高，小单客户亏得越多，鲸鱼的“驼峰”越高。",
                 "en": "About 1.323, i.e. 132 % of total profit (117 % at 25 yuan): the dearer each order, the more small-order "
                       "customers lose and the higher the hump."},
)

CRITERIA = {
    "crit_value": {"zh": "价值标准", "en": "value"},
    "crit_behaviour": {"zh": "行为标准", "en": "behaviour"},
    "crit_demographic": {"zh": "人口统计标准", "en": "demographic"},
    "crit_geographic": {"zh": "地理标准", "en": "geographic"},
}
#: What each criterion looks at (the table of section 1).
CRITERIA_LOOK_AT = {
    "crit_value": {"zh": "客户值多少", "en": "what a customer is worth"},
    "crit_behaviour": {"zh": "客户做了什么", "en": "what a customer does"},
    "crit_demographic": {"zh": "客户是谁", "en": "who a customer is"},
    "crit_geographic": {"zh": "客户在哪里", "en": "where a customer is"},
}
# How a team splits its customers (cards "1"…"6"), each to be matched with the criterion it uses.
CRITERIA_CARDS = [
    {"id": "1", "text": {"zh": "按去年为公司带来的毛利把会员分成三档", "en": "Members split into three bands by last year's gross profit"}},
    {"id": "2", "text": {"zh": "找出以前每月都买、最近 90 天没有下单的客户", "en": "Customers who used to buy every month but have not ordered for 90 days"}},
    {"id": "3", "text": {"zh": "请 25–34 岁的女性会员试用新品", "en": "Women members aged 25–34 invited to try a new product"}},
    {"id": "4", "text": {"zh": "为新一线城市的客户单独承诺配送时效", "en": "A separate delivery promise for customers in new tier-1 cities"}},
    {"id": "5", "text": {"zh": "只在天猫下单、从不到店的客户", "en": "Customers who only order on Tmall and never visit a store"}},
    {"id": "6", "text": {"zh": "预计未来三年终生价值最高的 5% 客户", "en": "The 5 % of customers with the highest expected lifetime value over three years"}},
]
CRITERIA_KEY = {"1": "crit_value", "2": "crit_behaviour", "3": "crit_demographic", "4": "crit_geographic",
                "5": "crit_behaviour", "6": "crit_value"}
#: What decides each card (the variable the split uses).
_CARD_EVIDENCE = {
    "1": {"zh": "毛利是客户带来的价值", "en": "gross profit is the value a customer brings"},
    "2": {"zh": "每月购买、沉默 90 天是客户的购买行为", "en": "buying monthly and 90 days of silence are buying behaviour"},
    "3": {"zh": "年龄和性别说的是客户是谁", "en": "age and gender say who a customer is"},
    "4": {"zh": "城市说的是客户在哪里", "en": "the city says where a customer is"},
    "5": {"zh": "只在天猫下单、从不到店是渠道偏好——一种购买行为，与客户住在哪里无关",
          "en": "ordering only on Tmall and never in a store is a channel preference — buying behaviour, unrelated to where they live"},
    "6": {"zh": "预计的终生价值仍然是客户值多少，只是看未来", "en": "expected lifetime value is still what a customer is worth, only looking ahead"},
}


def _criterion_reason(card: str, chosen: str | None) -> dict:
    """Why a card uses its criterion, and what the chosen criterion would look at instead."""
    out = {}
    for lang in ("zh", "en"):
        text = _CARD_EVIDENCE[card][lang] + ("。" if lang == "zh" else ".")
        if chosen in CRITERIA_LOOK_AT and chosen != CRITERIA_KEY[card]:
            text += (f"「{CRITERIA[chosen]['zh']}」看的是{CRITERIA_LOOK_AT[chosen]['zh']}。" if lang == "zh"
                     else f" The {CRITERIA[chosen]['en']} criterion looks at {CRITERIA_LOOK_AT[chosen]['en']}.")
        out[lang] = text
    return out


q5 = ClassificationProblem(
    var="criteria_answers",
    question={"zh": "下面六张卡片各描述一种客户分组方式。为每张卡片选出它用的**分类标准**（价值、行为、人口统计或地理）。",
              "en": "Each of the six cards below describes a way a team splits its customers. Pick the **criterion** each one "
                    "uses (value, behaviour, demographic or geographic)."},
    expected=lambda: dict(CRITERIA_KEY),
    options=CRITERIA,
    cards=CRITERIA_CARDS,
    reasons=_criterion_reason,
    hints=[{"zh": "问自己：这个分法看的是客户“值多少”（价值）、“做了什么”（行为）、“是谁”（人口统计）还是“在哪里”（地理）？",
            "en": "Ask: does the split look at what customers are worth (value), what they do (behaviour), who they are "
                  "(demographic) or where they are (geographic)?"},
           {"zh": "先找出每张卡片用来分组的那个变量（毛利、最近购买、年龄、城市、渠道、终生价值），再归到上表的一行。",
            "en": "First find the variable each card splits on (gross profit, last purchase, age, city, channel, lifetime "
                  "value), then find its row in the table."},
           {"zh": "渠道偏好是客户的购买行为，不是地理位置；预计的终生价值也属于价值标准。其余四张各对应一个标准。",
            "en": "A channel preference is buying behaviour, not geography; expected lifetime value is still a value criterion. "
                  "The other four cards match one criterion each."}],
)

q6 = ThoughtProblem(
    var="drop_unprofitable",
    hints=[{"zh": "亏损来自哪里：毛利太低，还是服务成本太高？能否改变成本？",
            "en": "Where does the loss come from: too little margin, or too much cost to serve? Can the cost be changed?"}],
    explanation={"zh": "不应简单“砍掉”亏损客户：先降低服务成本（起订额、包邮门槛、自助渠道），再调整价格或组合；"
                       "新客户第一单常常亏损，要看生命周期而非一期利润；固定成本不会随客户离开而消失，放弃客户可能让剩下的客户更不赚钱。"
                       "只有改不了、又占用大量资源的客户才考虑放弃。",
                 "en": "Do not simply cut the unprofitable customers: first lower the cost to serve (minimum order, free-delivery "
                       "threshold, self-service channels), then reprice or change the mix; a new customer's first order often loses "
                       "money, so judge over the lifetime, not one period; fixed costs stay when customers go, so dropping them can "
                       "make the rest less profitable. Let go only of those who cannot be changed and tie up many resources."},
)


# ---- what classifying customers buys: personalised service, precise marketing, better use of resources ----
BENEFITS = ("benefit_personal", "benefit_targeting", "benefit_resources")
BENEFIT_CARDS = [
    {"id": "B1", "text": {"zh": "儿童安全座椅的新品信息只发给最近一年买过婴幼儿用品的会员，而不是发给所有人",
                          "en": "News of a new child car seat goes only to members who bought baby goods in the past year, not to everyone"}},
    {"id": "B2", "text": {"zh": "金钻客户来电直接转给熟悉他的专属顾问，不必把情况再说一遍",
                          "en": "A diamond customer's call goes straight to the adviser who knows them, with no need to explain again"}},
    {"id": "B3", "text": {"zh": "只有 4 位客户经理，就把他们分给贡献七成利润的 30 家企业客户",
                          "en": "With only 4 account managers, they are assigned to the 30 business clients that bring 70 % of profit"}},
    {"id": "B4", "text": {"zh": "老顾客生日那周收到一张手写贺卡，附上他常买品类的试用装",
                          "en": "A regular customer gets a handwritten card in their birthday week, with a sample from the category they buy most"}},
    {"id": "B5", "text": {"zh": "双十一的优惠券只发给 90 天内买过、但本月还没下单的会员，预算省了一半",
                          "en": "Double-11 coupons go only to members who bought within 90 days but not yet this month — half the budget saved"}},
    {"id": "B6", "text": {"zh": "门店把人手集中在高价值客户常来的周末下午，平日引导自助结账",
                          "en": "A store puts its staff on the weekend afternoons when high-value customers come, and steers weekday shoppers to self-checkout"}},
]
BENEFIT_KEY = {"B1": "benefit_targeting", "B2": "benefit_personal", "B3": "benefit_resources",
               "B4": "benefit_personal", "B5": "benefit_targeting", "B6": "benefit_resources"}
BENEFIT_MEANINGS = {
    "benefit_personal": {"zh": "按这位客户的情况服务他", "en": "serving this customer as they need"},
    "benefit_targeting": {"zh": "信息和优惠只发给会响应的人", "en": "messages and offers only to those who will respond"},
    "benefit_resources": {"zh": "有限的人手和预算放到价值最高的地方", "en": "few people and little budget put where value is highest"},
}
BENEFIT_OPTIONS = catalogue_options(BENEFITS)

q7 = ClassificationProblem(
    var="benefit_answers",
    question={"zh": "客户分类带来三种好处：个性化服务、精准营销、资源优化。下面六个做法分别主要体现了哪一种？为每张卡片选一种。",
              "en": "Classifying customers brings three benefits: personalised service, precise marketing and better use of "
                    "resources. Which one does each of the six practices below mainly show? Pick one per card."},
    expected=lambda: dict(BENEFIT_KEY),
    options=BENEFIT_OPTIONS,
    cards=BENEFIT_CARDS,
    reasons=meaning_reasons(BENEFIT_KEY, BENEFIT_MEANINGS, BENEFIT_OPTIONS),
    mistakes=[Mistake("budget_is_resources", answer=lambda: {**BENEFIT_KEY, "B5": "benefit_resources", "B6": "benefit_personal"},
                      message={"zh": "“省了预算”不等于资源优化：B5 改变的是优惠券发给谁（精准营销）；B6 把人手放到高价值客户来的时段，是资源优化。",
                               "en": "Saving budget is not the point: B5 changes who receives the coupons (precise marketing); B6 puts "
                                     "staff where high-value customers come — better use of resources."})],
    hints=[{"zh": "问：这个做法主要改变的是什么——给客户的服务方式、发给谁的信息，还是自己的人手和预算放在哪里？",
            "en": "Ask what the practice mainly changes: how a customer is served, who receives a message, or where our own "
                  "people and budget go?"},
           {"zh": "“只发给……”是精准营销；“只有……人手，放在……”是资源优化；“按这位客户的情况……”是个性化服务。",
            "en": "\"Only to …\" is precise marketing; \"only so many people, put on …\" is better use of resources; "
                  "\"as this customer needs …\" is personalised service."},
           {"zh": "每种好处各有两张卡片：B1 是精准营销、B2 是个性化服务、B3 是资源优化，再为其余三张各找一个同类。",
            "en": "Each benefit has two cards: B1 is precise marketing, B2 personalised service, B3 better use of resources; find "
                  "the partner of each among the other three."}],
)
