"""Chapter 01 · Why classify customers — ABC and its boundary rule, Gini, the whale curve, criteria."""
from functools import lru_cache

from helpers.teaching.exercises.core import ChoiceProblem, ThoughtProblem, ValueProblem

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


def _class_a_count(method: str) -> int:
    from helpers.tiers import abc_classify

    return int((abc_classify(_online_retail_sales(), method=method).classes == "abc_a").sum())


def _peak_share(cost_per_order: float) -> float:
    from helpers.concentration import whale_curve
    from helpers.profitability import customer_profit

    profit = customer_profit(_demo_orders(), margin=MARGIN, cost_per_order=cost_per_order,
                             cost_per_customer=COST_PER_CUSTOMER)["profit"]
    return whale_curve(profit).peak_profit_share


def _gini_per_customer() -> float:
    from helpers.concentration import gini
    from helpers.rfm.table import rfm_table

    return gini(rfm_table(_demo_orders())["monetary"])


def _gini_per_order() -> float:
    from helpers.concentration import gini

    return gini(_demo_orders()["amount"].to_numpy())


q1 = ValueProblem(
    var="n_class_a",
    expected=lambda: _class_a_count("crossing"),
    wrong=lambda: round(0.2 * len(_online_retail_sales())),
    hints=[{"zh": "A 类不是“前 20% 的客户”，而是累计销售额达到 80% 所需要的客户。",
            "en": "Class A is not 'the top 20 % of customers' but the customers needed to reach 80 % of sales."},
           {"zh": "abc.summary() 的 customers 列给出每类的人数。",
            "en": "The customers column of abc.summary() gives the size of each class."},
           {"zh": "也可以数一数：(abc.classes == 'abc_a').sum()。", "en": "Or count them: (abc.classes == 'abc_a').sum()."}],
    model_answer={"zh": "n_class_a = int((abc.classes == 'abc_a').sum())   # 1,130 位客户（约 26%）贡献了 80% 的销售额",
                  "en": "n_class_a = int((abc.classes == 'abc_a').sum())   # 1,130 customers (about 26 %) bring 80 % of sales"},
)

q2 = ValueProblem(
    var="n_class_a_le",
    expected=lambda: _class_a_count("le"),
    wrong=lambda: _class_a_count("crossing"),
    hints=[{"zh": "换成 method='le'：只有“含自己在内的累计占比 ≤ 80%”的客户才进 A 类。",
            "en": "Switch to method='le': only customers whose cumulative share, themselves included, is ≤ 80 % are A."},
           {"zh": "abc_classify(sales, method='le')，再数 abc_a 的人数。", "en": "abc_classify(sales, method='le'), then count abc_a."}],
    model_answer={"zh": "n_class_a_le = int((abc_classify(sales, method='le').classes == 'abc_a').sum())   # 1,129：跨过 80% 线的那位客户落到了 B 类",
                  "en": "n_class_a_le = int((abc_classify(sales, method='le').classes == 'abc_a').sum())   # 1,129: the customer who crosses the 80 % line falls to B"},
)

q3 = ValueProblem(
    var="gini_demo",
    expected=_gini_per_customer,
    wrong=_gini_per_order,
    rel_tol=1e-3,
    hints=[{"zh": "基尼系数要在“每位客户一个数”上计算，先按客户汇总订单。",
            "en": "The Gini coefficient needs one number per customer: aggregate the orders per customer first."},
           {"zh": "rfm_table(orders)['monetary'] 就是每位客户的消费总额。",
            "en": "rfm_table(orders)['monetary'] is each customer's total spend."}],
    model_answer={"zh": "gini_demo = gini(rfm_table(orders)['monetary'])   # 约 0.708，与 Online Retail（0.716）相近",
                  "en": "gini_demo = gini(rfm_table(orders)['monetary'])   # about 0.708, close to Online Retail (0.716)"},
)

q4 = ValueProblem(
    var="peak_at_35",
    expected=lambda: _peak_share(35),
    wrong=lambda: _peak_share(COST_PER_ORDER),
    rel_tol=1e-3,
    hints=[{"zh": "用 cost_per_order=35 重新计算 customer_profit，其余假设不变。",
            "en": "Recompute customer_profit with cost_per_order=35, the other assumptions unchanged."},
           {"zh": "再把其中的 profit 列交给 whale_curve()，读 .peak_profit_share（占总利润的份额，1.0 = 100%）。",
            "en": "Then pass its profit column to whale_curve() and read .peak_profit_share (a share of total profit, 1.0 = 100 %)."}],
    model_answer={"zh": "peak_at_35 = whale_curve(customer_profit(orders, margin=0.35, cost_per_order=35, cost_per_customer=80)['profit']).peak_profit_share\n"
                        "# 约 1.32，即总利润的 132%：每单成本越高，小单客户亏得越多，鲸鱼的“驼峰”越高",
                  "en": "peak_at_35 = whale_curve(customer_profit(orders, margin=0.35, cost_per_order=35, cost_per_customer=80)['profit']).peak_profit_share\n"
                        "# about 1.32, i.e. 132 % of total profit: the dearer each order, the more small-order customers lose and the higher the hump"},
)

CRITERIA = {
    "crit_value": {"zh": "价值标准", "en": "value"},
    "crit_behaviour": {"zh": "行为标准", "en": "behaviour"},
    "crit_demographic": {"zh": "人口统计标准", "en": "demographic"},
    "crit_geographic": {"zh": "地理标准", "en": "geographic"},
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

q5 = ChoiceProblem(
    var="criteria_answers",
    expected=lambda: dict(CRITERIA_KEY),
    wrong=lambda: {**CRITERIA_KEY, "5": "crit_geographic", "6": "crit_behaviour"},
    options=CRITERIA,
    hints=[{"zh": "问自己：这个分法看的是客户“值多少”（价值）、“做了什么”（行为）、“是谁”（人口统计）还是“在哪里”（地理）？",
            "en": "Ask: does the split look at what customers are worth (value), what they do (behaviour), who they are (demographic) or where they are (geographic)?"},
           {"zh": "渠道偏好是客户的购买行为，不是地理位置；预计的终生价值也属于价值标准。",
            "en": "A channel preference is buying behaviour, not geography; expected lifetime value is still a value criterion."}],
    model_answer={"zh": "criteria_answers = {'1': 'crit_value', '2': 'crit_behaviour', '3': 'crit_demographic', "
                        "'4': 'crit_geographic', '5': 'crit_behaviour', '6': 'crit_value'}\n"
                        "# 毛利与终生价值 → 价值；沉默 90 天与只在天猫下单 → 行为；年龄与性别 → 人口统计；城市 → 地理",
                  "en": "criteria_answers = {'1': 'crit_value', '2': 'crit_behaviour', '3': 'crit_demographic', "
                        "'4': 'crit_geographic', '5': 'crit_behaviour', '6': 'crit_value'}\n"
                        "# gross profit and lifetime value → value; 90 days of silence and Tmall-only → behaviour; "
                        "age and gender → demographic; city → geographic"},
)


def criteria_quiz():
    """The quiz of q5 as cards with a drop-down each; its Check button judges with q5."""
    from helpers.i18n import get_language
    from helpers.teaching.widgets import ClassificationQuiz

    lang = get_language()
    return ClassificationQuiz(CRITERIA_CARDS, classes=list(CRITERIA), problem=q5,
                              labels=[text[lang] for text in CRITERIA.values()])


q6 = ThoughtProblem(
    var="drop_unprofitable",
    hints=[{"zh": "亏损来自哪里：毛利太低，还是服务成本太高？能否改变成本？",
            "en": "Where does the loss come from: too little margin, or too much cost to serve? Can the cost be changed?"}],
    model_answer={"zh": "不应简单“砍掉”亏损客户：先降低服务成本（起订额、包邮门槛、自助渠道），再调整价格或组合；"
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

q7 = ChoiceProblem(
    var="benefit_answers",
    expected=lambda: dict(BENEFIT_KEY),
    wrong=lambda: {**BENEFIT_KEY, "B5": "benefit_resources", "B6": "benefit_personal"},
    hints=[{"zh": "问：这个做法主要改变的是什么——给客户的服务方式、发给谁的信息，还是自己的人手和预算放在哪里？",
            "en": "Ask what the practice mainly changes: how a customer is served, who receives a message, or where our own "
                  "people and budget go?"},
           {"zh": "“只发给……”是精准营销；“只有……人手，放在……”是资源优化；“按这位客户的情况……”是个性化服务。",
            "en": "\"Only to …\" is precise marketing; \"only so many people, put on …\" is better use of resources; "
                  "\"as this customer needs …\" is personalised service."}],
    model_answer={"zh": "benefit_answers = benefit_quiz.answers\n"
                        "# B1、B5 精准营销（信息和优惠只发给会响应的人）；B2、B4 个性化服务（按这位客户的情况）；"
                        "B3、B6 资源优化（有限的人手放到价值最高处）",
                  "en": "benefit_answers = benefit_quiz.answers\n"
                        "# B1, B5 precise marketing (messages and offers only to those who respond); B2, B4 personalised service "
                        "(as this customer needs); B3, B6 better use of resources (few people where value is highest)"},
)


def benefit_quiz():
    """The cards of q7: a drop-down of the three benefits of classifying per card; its Check button judges with q7.

    >>> len(benefit_quiz().cards)
    6
    """
    from helpers.teaching.widgets import ClassificationQuiz

    return ClassificationQuiz(BENEFIT_CARDS, classes=list(BENEFITS), problem=q7)
