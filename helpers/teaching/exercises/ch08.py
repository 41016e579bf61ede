"""Chapter 08 · Key account management — weighted scoring, buying-centre roles and coverage gaps."""
from functools import lru_cache

from helpers.teaching.exercises.core import ChoiceProblem, ThoughtProblem, ValueProblem

AS_OF = "2026-01-01"
WEIGHTS = {"annual_revenue": 0.35, "gross_margin": 0.15, "revenue_growth": 0.15,
           "strategic_fit": 0.2, "referral_value": 0.15}
N_KEY = 8


@lru_cache(maxsize=1)
def _accounts():
    from helpers.data.datasets import load_demo

    return load_demo("key_accounts")


@lru_cache(maxsize=1)
def _coverage():
    from helpers.accounts import buying_centre_coverage
    from helpers.data.datasets import load_demo

    return buying_centre_coverage(load_demo("stakeholders"), as_of=AS_OF)


def _key_ids(criteria: dict) -> set:
    from helpers.accounts import key_account_scores

    table = key_account_scores(_accounts(), criteria, n_top=N_KEY).table
    return set(table.index[table["segment"] == "acc_key"])


def _missing_counts():
    """How many accounts miss a contacted person in each role."""
    table, roles = _coverage().table, _coverage().params["roles"]
    return {role: int((~table[f"covers_{role}"]).sum()) for role in roles}


q1 = ValueProblem(
    var="overlap",
    expected=lambda: len(_key_ids(WEIGHTS) & _key_ids({"annual_revenue": 1})),
    wrong=lambda: N_KEY,
    hints=[{"zh": "两份名单各有 8 家大客户；数一数同时出现在两份名单里的客户。",
            "en": "Both lists have 8 key accounts; count the accounts that appear on both."},
           {"zh": "先取出每份名单里 segment == 'acc_key' 的客户编号（表的索引 account_id），再用 set 的交集 &。",
            "en": "Take the account ids (the table's index) of the rows with segment == 'acc_key' from each list, then intersect the sets with &."}],
    model_answer={"zh": "key = lambda res: set(res.table.query(\"segment == 'acc_key'\").index)\n"
                        "overlap = len(key(scores) & key(by_revenue))   # 3：只看销售额会选错一大半",
                  "en": "key = lambda res: set(res.table.query(\"segment == 'acc_key'\").index)\n"
                        "overlap = len(key(scores) & key(by_revenue))   # 3: revenue alone picks most of the list differently"},
)

q2 = ValueProblem(
    var="key_at_risk",
    expected=lambda: sorted(_key_ids(WEIGHTS) & set(_coverage().table.query("status == 'acc_at_risk'").index)),
    wrong=lambda: sorted(_coverage().table.query("status == 'acc_at_risk'").index),
    hints=[{"zh": "只看 8 家大客户（key_ids），在覆盖结果中找出状态为 acc_at_risk 的。",
            "en": "Keep only the 8 key accounts (key_ids) and find those whose coverage status is acc_at_risk."},
           {"zh": "key_cov.table.query(\"status == 'acc_at_risk'\").index（表按 account_id 索引），再排序成列表。",
            "en": "key_cov.table.query(\"status == 'acc_at_risk'\").index (the table is indexed by account_id), then a sorted list."}],
    model_answer={"zh": "key_at_risk = sorted(key_cov.table.query(\"status == 'acc_at_risk'\").index)   # 8 家里有 5 家存在决策风险",
                  "en": "key_at_risk = sorted(key_cov.table.query(\"status == 'acc_at_risk'\").index)   # 5 of the 8 key accounts have a decision at risk"},
)

ROLE_CLASSES = ["role_user", "role_influencer", "role_decider", "role_buyer", "role_gatekeeper"]
ROLE_CARDS = [
    {"id": "P1", "text": {"zh": "行政部的前台主管：所有供应商来电和样品都先经过她，她决定哪些资料能送到总经理桌上。",
                          "en": "The front-office supervisor: every supplier call and sample goes through her; she decides what reaches the general manager's desk."}},
    {"id": "P2", "text": {"zh": "人力资源总监：中秋礼品预算由她最终拍板，选哪家供应商她说了算。",
                          "en": "The HR director: she has the final say on the Mid-Autumn gift budget and on which supplier gets it."}},
    {"id": "P3", "text": {"zh": "采购经理：负责询价、比价、谈付款条件并签订采购合同。",
                          "en": "The procurement manager: requests quotes, compares prices, negotiates payment terms and signs the purchase contract."}},
    {"id": "P4", "text": {"zh": "工会主席：不管预算，但员工喜欢什么礼品，领导常常先问他的意见。",
                          "en": "The union chair: holds no budget, but management asks his opinion first on what gifts staff will like."}},
    {"id": "P5", "text": {"zh": "车间员工代表：每年收到礼品的人之一，会反馈礼品好不好用。",
                          "en": "The employee representative of the workshop: one of the people who receive the gifts and says whether they are any good."}},
]

q3 = ChoiceProblem(
    var="role_answers",
    expected=lambda: {"P1": "role_gatekeeper", "P2": "role_decider", "P3": "role_buyer",
                      "P4": "role_influencer", "P5": "role_user"},
    wrong=lambda: {"P1": "role_gatekeeper", "P2": "role_buyer", "P3": "role_decider",
                   "P4": "role_influencer", "P5": "role_user"},
    hints=[{"zh": "先问“谁最终拍板”（决策者），再问“谁签合同、谈价格”（采购者）。职位高低不等于角色。",
            "en": "Ask first who has the final say (decider), then who negotiates and signs (buyer). Seniority is not the role."},
           {"zh": "控制信息流向的是把关者；影响判断但不拍板的是影响者；真正使用产品的是使用者。",
            "en": "Whoever controls the flow of information is the gatekeeper; whoever sways the choice without deciding is an influencer; whoever uses the product is a user."}],
    model_answer={"zh": "role_answers = quiz.answers   # P1 把关者，P2 决策者，P3 采购者，P4 影响者，P5 使用者",
                  "en": "role_answers = quiz.answers   # P1 gatekeeper, P2 decider, P3 buyer, P4 influencer, P5 user"},
)

q4 = ChoiceProblem(
    var="most_missing_role",
    expected=lambda: max(sorted(_missing_counts().items()), key=lambda kv: kv[1])[0],
    wrong=lambda: "decider",
    options={"user": {"zh": "使用者", "en": "user"}, "influencer": {"zh": "影响者", "en": "influencer"},
             "decider": {"zh": "决策者", "en": "decider"}, "buyer": {"zh": "采购者", "en": "buyer"},
             "gatekeeper": {"zh": "把关者", "en": "gatekeeper"}},
    hints=[{"zh": "在全部 40 家客户的覆盖表中，数一数每个 covers_<角色> 列里 False 的个数。",
            "en": "In the coverage table of all 40 accounts, count the False values of each covers_<role> column."},
           {"zh": "(~coverage.table.filter(like='covers_')).sum() 给出每个角色缺失的客户数。",
            "en": "(~coverage.table.filter(like='covers_')).sum() gives the number of accounts missing each role."}],
    model_answer={"zh": "most_missing_role = 'influencer'   # 15 家客户没有联系到影响者——客户经理往往只盯着采购和决策者",
                  "en": "most_missing_role = 'influencer'   # 15 accounts have no influencer contacted — account managers tend to see only buyers and deciders"},
)

discuss_types = ThoughtProblem(
    var="types_note",
    model_answer={"zh": "垄断型（独家包销）的经销商和我们相互依赖：它的区域销量就是我们的销量，要共同做年度计划、保证供货、保护区域，"
                        "同时盯住它是否暗中经营竞争品牌（钱包份额）；选择型的几家经销商彼此竞争，要用促销支持、培训和公平的区域规则争取它优先推我们；"
                        "密集型渠道经销商众多，重在统一价格和政策、防止窜货，用标准化的支持计划。同一套标准用在三类上，"
                        "对独家经销商给得太少、对密集渠道给得太多，还会引发渠道冲突。",
                  "en": "An exclusive dealer (垄断型) and we depend on each other: its sales in the territory are our sales there — plan the "
                        "year together, secure supply, protect its territory, and watch whether it quietly sells rival brands (share of "
                        "wallet). Selected distributors (选择型) compete with each other: win priority with promotion support, training and "
                        "fair territory rules. Intensive coverage (密集型) means many outlets: keep prices and terms uniform, prevent "
                        "grey-market selling, use standard programmes. One standard for all three gives the exclusive dealer too little, "
                        "the many outlets too much, and starts channel conflict."},
)


# ---- account types by distribution (the courseware's definition), share of wallet as the indicator ----

@lru_cache(maxsize=1)
def _dealer_types():
    from helpers.accounts import account_types
    from helpers.teaching.cases import distributor_accounts

    return account_types(distributor_accounts(), distribution_col="distribution").table


q5 = ValueProblem(
    var="mismatched",
    expected=lambda: sorted(_dealer_types().index[~_dealer_types()["agrees"]]),
    wrong=lambda: sorted(_dealer_types().query("distribution == 'dist_exclusive' and not agrees").index),
    hints=[{"zh": "`agrees` 列比较的是按合同的类型（account_type）与按钱包份额的读法（wallet_type）。三种分销方式都要看，不只是独家包销。",
            "en": "The `agrees` column compares the type by contract (account_type) with the reading from share of wallet (wallet_type). "
                  "Look at all three arrangements, not only exclusive dealing."},
           {"zh": "取出 agrees 为 False 的行的索引，再排序：sorted(dealer_types.table.index[~dealer_types.table['agrees']])",
            "en": "Take the index of the rows where agrees is False and sort it: sorted(dealer_types.table.index[~dealer_types.table['agrees']])"}],
    model_answer={"zh": "mismatched = sorted(dealer_types.table.index[~dealer_types.table['agrees']])\n"
                        "# ['D02', 'D04', 'D08']：独家却只有 46% 的昆明、选择型却给了我们 68% 的太原、密集渠道里份额 36% 的石家庄",
                  "en": "mismatched = sorted(dealer_types.table.index[~dealer_types.table['agrees']])\n"
                        "# ['D02', 'D04', 'D08']: exclusive Kunming at only 46 %, selected Taiyuan giving us 68 %, "
                        "Shijiazhuang at 36 % in an intensive network"},
)

# Arrangements described in words (cards "T1"…"T4"), to be typed by the definition — the distribution arrangement.
TYPE_CARDS = [
    {"id": "T1", "text": {"zh": "一家调味品厂在某省只授权一家经销商：对方承诺不经营同类竞争品牌，厂家也不在当地另找经销商。",
                          "en": "A condiment maker authorises a single distributor for a whole province: it promises not to carry rival "
                                "brands, and the maker appoints nobody else there."}},
    {"id": "T2", "text": {"zh": "一家饮料企业要让每个县城的小卖部都买得到它的产品，一个市里有上百家批发商进货；这家批发商是其中进货最多的一家。",
                          "en": "A drinks company wants its products in every village shop; a single city has over a hundred wholesalers "
                                "buying from it, and this one buys the most."}},
    {"id": "T3", "text": {"zh": "一家家电品牌在每个地级市挑选三家实力强的经销商，按业绩分配促销资源；这家是太原的三家之一。",
                          "en": "An appliance brand picks three strong distributors in each city and shares promotion funds by "
                                "results; this one is one of the three in Taiyuan."}},
    {"id": "T4", "text": {"zh": "悦家生活在兰州只通过这一家公司供货，合同约定双方不另找伙伴——可它实际只把 40% 的同类采购给了我们。",
                          "en": "Yuejia Living supplies Lanzhou only through this company, and the contract rules out other partners "
                                "on both sides — yet it gives us only 40 % of its purchases in the category."}},
]
TYPE_KEY = {"T1": "acc_type_monopoly", "T2": "acc_type_intensive", "T3": "acc_type_selective", "T4": "acc_type_monopoly"}

q6 = ChoiceProblem(
    var="type_answers",
    expected=lambda: dict(TYPE_KEY),
    wrong=lambda: {**TYPE_KEY, "T4": "acc_type_selective"},   # typed by the share of wallet instead of the contract
    hints=[{"zh": "先问：这个区域里，厂家通过几家经销商卖货？一家（独家）、挑选的几家，还是尽可能多的很多家？",
            "en": "First ask: through how many distributors does the supplier sell in that territory — one (exclusive), a chosen "
                  "few, or as many as possible?"},
           {"zh": "类型看合同里的分销方式；钱包份额只是检查它是否像这个类型那样运作的指标。T4 的 40% 说明的是一个问题，不是它的类型。",
            "en": "The type follows the arrangement in the contract; share of wallet only checks whether the account behaves like it. "
                  "T4's 40 % shows a problem, not its type."}],
    model_answer={"zh": "type_answers = type_quiz.answers\n"
                        "# T1 垄断型：全省只授权一家、互不另找——独家包销\n"
                        "# T2 密集型：上百家批发商，大范围覆盖渠道\n"
                        "# T3 选择型：每市挑选三家关键经销商\n"
                        "# T4 垄断型：合同是独家包销；40% 的份额是要追问的问题（它在经营竞品），而不是另一种类型",
                  "en": "type_answers = type_quiz.answers\n"
                        "# T1 exclusive-dealer (垄断型): one distributor for the province, no one else on either side — exclusive dealing\n"
                        "# T2 intensive (密集型): over a hundred wholesalers, wide channel coverage\n"
                        "# T3 selective (选择型): three key distributors chosen per city\n"
                        "# T4 exclusive-dealer (垄断型): the contract is exclusive dealing; the 40 % share is a problem to raise "
                        "(it sells rival brands), not another type"},
)


def type_quiz():
    """The account-type cards of q6: a drop-down of the three types per card; its Check button judges with q6.

    >>> len(type_quiz().cards)
    4
    """
    from helpers.accounts import ACCOUNT_TYPES
    from helpers.teaching.widgets import ClassificationQuiz

    return ClassificationQuiz(TYPE_CARDS, classes=list(ACCOUNT_TYPES), problem=q6)
