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
    model_answer={"zh": "垄断型客户最怕的是我们自满：客户会为分散风险引入第二家供应商；选择型客户要靠差异化价值争取首选地位；"
                        "密集型客户先算潜力，值得才集中投入。同一套服务标准用在三类客户身上，要么浪费、要么不够。",
                  "en": "With sole-supplier accounts the danger is our complacency — the client adds a second supplier to spread its risk; "
                        "selective accounts are won with distinct value; crowded-field accounts need a potential check before any investment. "
                        "One service standard for all three either wastes money or falls short."},
)
