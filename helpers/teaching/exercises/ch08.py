"""Chapter 08 · Key account management — weighted scoring, buying-centre roles and coverage gaps."""
from functools import lru_cache

from helpers.accounts import ACCOUNT_TYPES
from helpers.teaching.exercises.core import (ChoiceProblem, ClassificationProblem, ItemsProblem, Mistake, ThoughtProblem,
                                             ValueProblem, catalogue_options)

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


@lru_cache(maxsize=1)
def _key_coverage():
    from helpers.accounts import buying_centre_coverage
    from helpers.data.datasets import load_demo

    stakeholders = load_demo("stakeholders")
    return buying_centre_coverage(stakeholders[stakeholders["account_id"].isin(_key_ids(WEIGHTS))], as_of=AS_OF)


def _no_gatekeeper(coverage, unstaffed_only: bool = False) -> list:
    table = coverage.table
    if unstaffed_only:
        return sorted(table.index[table["unstaffed_roles"].str.contains("gatekeeper")])
    return sorted(table.index[~table["covers_gatekeeper"]])


def _missing_counts():
    """How many accounts miss a contacted person in each role."""
    table, roles = _coverage().table, _coverage().params["roles"]
    return {role: int((~table[f"covers_{role}"]).sum()) for role in roles}


def _most_missing() -> str:
    return max(sorted(_missing_counts().items()), key=lambda kv: kv[1])[0]


def _role_reasons() -> dict:
    counts = _missing_counts()
    top = _most_missing()
    return {role: {"zh": f"{ROLE_OPTIONS[role]['zh']}只在 {n} 家客户中没有联系到，少于{ROLE_OPTIONS[top]['zh']}的 {counts[top]} 家。",
                   "en": f"The {ROLE_OPTIONS[role]['en']} is missing at only {n} accounts, fewer than the {counts[top]} without a "
                         f"contacted {ROLE_OPTIONS[top]['en']}."}
            for role, n in counts.items() if role != top}


q1 = ValueProblem(
    var="overlap",
    question={"zh": "按加权评分选出的 8 家大客户（`scores`）和只按采购额选出的 8 家（`by_revenue`），有多少家**同时**出现在两份名单里？",
              "en": "How many accounts are on **both** lists: the 8 key accounts by weighted score (`scores`) and the 8 by revenue alone "
                    "(`by_revenue`)?"},
    expected=lambda: len(_key_ids(WEIGHTS) & _key_ids({"annual_revenue": 1})),
    mistakes=[Mistake("list_length", answer=lambda: N_KEY,
                      message={"zh": "8 是一份名单的长度；题目问的是两份名单共同的客户有几家。",
                               "en": "8 is the length of one list; the question asks how many accounts the two lists share."}),
              Mistake("union", answer=lambda: len(_key_ids(WEIGHTS) | _key_ids({"annual_revenue": 1})),
                      message={"zh": "这是两份名单合起来的客户数（并集 `|`）；题目问同时在两份名单里的（交集 `&`）。",
                               "en": "That is the accounts on either list (the union, `|`); the question asks for those on both (the intersection, `&`)."}),
              Mistake("difference", answer=lambda: len(_key_ids(WEIGHTS) - _key_ids({"annual_revenue": 1})),
                      message={"zh": "这是只在加权评分名单里的客户数（差集）；题目问两份名单都有的。",
                               "en": "That is the accounts only on the weighted list (the difference); the question asks for those on both."})],
    hints=[{"zh": "同时出现在两份名单里 = 两个集合的交集。",
            "en": "On both lists = the intersection of two sets."},
           {"zh": "每份名单是表中 `segment == 'acc_key'` 的行；表按客户编号（`account_id`）索引，`set(….index)` 得到编号集合。",
            "en": "Each list is the rows with `segment == 'acc_key'`; the tables are indexed by `account_id`, so `set(….index)` gives the ids."},
           {"zh": "`key = lambda res: set(res.table.query(\"segment == 'acc_key'\").index)`，再求 `len(key(scores) ____ key(by_revenue))`。",
            "en": "`key = lambda res: set(res.table.query(\"segment == 'acc_key'\").index)`, then `len(key(scores) ____ key(by_revenue))`."}],
    model_answer="key = lambda res: set(res.table.query(\"segment == 'acc_key'\").index)\n"
                 "overlap = len(key(scores) & key(by_revenue))",
    explanation={"zh": "3 家（KA19、KA20、KA36）：只看采购额会选错一大半。",
                 "en": "3 (KA19, KA20, KA36): revenue alone picks most of the list differently."},
)

q2 = ItemsProblem(
    var="key_no_gatekeeper",
    question={"zh": "8 家大客户中（`key_cov`），哪些客户的**把关者**近 90 天没有联系过（包括我们根本不认识把关者的）？"
                    "写成客户编号的列表，顺序不限，例如 `['KA01', 'KA02']`。",
              "en": "Among the 8 key accounts (`key_cov`), which have no **gatekeeper** contacted in the last 90 days (including those "
                    "where we know no gatekeeper at all)? Answer with a list of account ids in any order, e.g. `['KA01', 'KA02']`."},
    expected=lambda: _no_gatekeeper(_key_coverage()),
    mistakes=[Mistake("all_accounts", answer=lambda: _no_gatekeeper(_coverage()),
                      message={"zh": "你列出的是全部 40 家客户（`coverage`）；题目只问 8 家大客户（`key_cov`）。",
                               "en": "You listed all 40 accounts (`coverage`); the question asks about the 8 key accounts only (`key_cov`)."}),
              Mistake("unstaffed_only", answer=lambda: _no_gatekeeper(_key_coverage(), unstaffed_only=True),
                      message={"zh": "你只列出了根本不认识把关者的客户（`unstaffed_roles`）；认识把关者、但超过 90 天没联系的客户也没有覆盖。",
                               "en": "You listed only the accounts where we know no gatekeeper (`unstaffed_roles`); an account whose gatekeeper "
                                     "we know but have not contacted for 90 days is not covered either."})],
    hints=[{"zh": "“覆盖”要求近 90 天联系过：不认识这个角色的人，或认识但太久没联系，都算没覆盖。",
            "en": "Covered means contacted within 90 days: knowing nobody in the role, or someone not contacted for too long, are both gaps."},
           {"zh": "`key_cov.table` 每行一家大客户；`covers_gatekeeper` 列为 False 的就是答案。",
            "en": "`key_cov.table` has one row per key account; the rows where `covers_gatekeeper` is False are the answer."},
           {"zh": "`key_cov.table.index[~key_cov.table[____]]`，再用 `list(...)` 或 `sorted(...)` 变成列表。",
            "en": "`key_cov.table.index[~key_cov.table[____]]`, then turn it into a list with `list(...)` or `sorted(...)`."}],
    model_answer="key_no_gatekeeper = sorted(key_cov.table.index[~key_cov.table['covers_gatekeeper']])",
    explanation={"zh": "KA10、KA17、KA31：把关者决定哪些资料能送到决策者桌上——这三家要先找到并联系把关者。",
                 "en": "KA10, KA17 and KA31: gatekeepers decide what reaches the decider's desk — find and contact them first."},
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
ROLE_KEY = {"P1": "role_gatekeeper", "P2": "role_decider", "P3": "role_buyer", "P4": "role_influencer", "P5": "role_user"}
#: What each role does in a purchase (the table of section 4).
ROLE_DOES = {
    "role_user": {"zh": "使用产品的人", "en": "uses the product"},
    "role_influencer": {"zh": "影响判断、但不拍板的人", "en": "sways the choice without deciding"},
    "role_decider": {"zh": "最终拍板的人", "en": "has the final say"},
    "role_buyer": {"zh": "询价、谈条件、签合同的人", "en": "negotiates and signs the contract"},
    "role_gatekeeper": {"zh": "控制信息和供应商能否接触到决策者的人", "en": "controls what information and which suppliers reach the decider"},
}
_ROLE_CLUES = {
    "P1": {"zh": "所有来电和样品都先经过她，她决定什么能送到总经理桌上", "en": "every call and sample goes through her; she decides what reaches the general manager"},
    "P2": {"zh": "预算和供应商由她最终拍板", "en": "she has the final say on the budget and the supplier"},
    "P3": {"zh": "询价、比价、谈付款条件、签合同", "en": "quotes, price comparison, payment terms, the contract"},
    "P4": {"zh": "不管预算，但领导先问他的意见", "en": "no budget, but management asks his opinion first"},
    "P5": {"zh": "他是收到礼品、使用礼品的人", "en": "he receives and uses the gifts"},
}


def _role_reason(card: str, chosen: str | None = None) -> dict:
    """The card's clue and what the chosen role would do instead. Seniority is not the role."""
    out = {}
    for lang in ("zh", "en"):
        text = _ROLE_CLUES[card][lang] + ("。" if lang == "zh" else ".")
        if chosen in ROLE_DOES and chosen != ROLE_KEY[card]:
            name = catalogue_options([chosen])[chosen][lang]
            text += (f"{name}是{ROLE_DOES[chosen]['zh']}。" if lang == "zh" else f" The {name.lower()} {ROLE_DOES[chosen]['en']}.")
        out[lang] = text
    return out


q3 = ClassificationProblem(
    var="role_answers",
    question={"zh": "下面五张卡片描述了一家制造企业里与礼品采购有关的五个人。为每个人选出他在**采购中心的角色**。",
              "en": "The five cards below describe five people in a manufacturing company involved in buying gifts. Pick each person's "
                    "**buying-centre role**."},
    expected=lambda: dict(ROLE_KEY),
    options=lambda: catalogue_options(ROLE_CLASSES),
    cards=ROLE_CARDS,
    reasons=_role_reason,
    mistakes=[Mistake("decider_buyer", answer=lambda: {**ROLE_KEY, "P2": "role_buyer", "P3": "role_decider"},
                      message={"zh": "决策者和采购者对调了：签合同的人不一定拍板。先问“谁最终拍板”，再问“谁谈价格、签合同”。",
                               "en": "Decider and buyer are swapped: whoever signs does not necessarily decide. Ask first who has the final "
                                     "say, then who negotiates and signs."})],
    hints=[{"zh": "角色看的是在这次购买中做什么，不是职位高低。",
            "en": "A role is what someone does in this purchase, not how senior they are."},
           {"zh": "先问“谁最终拍板”（决策者），再问“谁签合同、谈价格”（采购者）。",
            "en": "Ask first who has the final say (decider), then who negotiates and signs (buyer)."},
           {"zh": "控制信息流向的是把关者；影响判断但不拍板的是影响者；真正使用产品的是使用者。",
            "en": "Whoever controls the flow of information is the gatekeeper; whoever sways the choice without deciding is an "
                  "influencer; whoever uses the product is a user."}],
)

ROLE_OPTIONS = {"user": {"zh": "使用者", "en": "user"}, "influencer": {"zh": "影响者", "en": "influencer"},
                "decider": {"zh": "决策者", "en": "decider"}, "buyer": {"zh": "采购者", "en": "buyer"},
                "gatekeeper": {"zh": "把关者", "en": "gatekeeper"}}

q4 = ChoiceProblem(
    var="most_missing_role",
    question={"zh": "在全部 40 家客户中（`coverage`），哪个角色**最常没有联系到**（近 90 天没有联系过这个角色的人）？写角色编号："
                    "`'user'`、`'influencer'`、`'decider'`、`'buyer'` 或 `'gatekeeper'`。",
              "en": "Across all 40 accounts (`coverage`), which role is **most often not covered** (nobody in it contacted within 90 days)? "
                    "Answer with the role id: `'user'`, `'influencer'`, `'decider'`, `'buyer'` or `'gatekeeper'`."},
    expected=_most_missing,
    options=ROLE_OPTIONS,
    reasons=_role_reasons,
    hints=[{"zh": "对每个角色数一数：有多少家客户没有覆盖它。",
            "en": "For each role count how many accounts do not cover it."},
           {"zh": "`coverage.table` 中每个角色有一列 `covers_<角色>`（True/False）；数 False 的个数。",
            "en": "`coverage.table` has a `covers_<role>` column (True/False) per role; count the Falses."},
           {"zh": "`(~coverage.table.filter(like='covers_')).sum()` 给出每个角色缺失的客户数，取最大的那一个（去掉前缀 `covers_`）。",
            "en": "`(~coverage.table.filter(like='covers_')).sum()` gives the accounts missing each role; take the largest (without "
                  "the `covers_` prefix)."}],
    model_answer="missing = (~coverage.table.filter(like='covers_')).sum()\n"
                 "most_missing_role = missing.idxmax().removeprefix('covers_')",
    explanation={"zh": "`'influencer'`：15 家客户没有联系到影响者——客户经理往往只盯着采购和决策者。",
                 "en": "`'influencer'`: 15 accounts have no influencer contacted — account managers tend to see only buyers and deciders."},
)

discuss_types = ThoughtProblem(
    var="types_note",
    explanation={"zh": "垄断型（独家包销）的经销商和我们相互依赖：它的区域销量就是我们的销量，要共同做年度计划、保证供货、保护区域，"
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


def _mismatched(arrangement: str | None = None) -> list:
    table = _dealer_types()
    if arrangement:
        table = table[table["distribution"] == arrangement]
    return sorted(table.index[~table["agrees"]])


q5 = ItemsProblem(
    var="mismatched",
    question={"zh": "先别往下读：哪些经销商的钱包份额与其分销方式**不一致**（`dealer_types`）？写成客户编号的列表，例如 `['D01', 'D02']`。",
              "en": "Before reading on: which distributors' share of wallet does **not** match their arrangement (`dealer_types`)? "
                    "Answer with a list of account ids, e.g. `['D01', 'D02']`."},
    expected=_mismatched,
    mistakes=[Mistake("exclusive_only", answer=lambda: _mismatched("dist_exclusive"),
                      message={"zh": "你只看了独家包销的经销商；选择型和密集型的经销商也可能和它们的份额不一致。",
                               "en": "You looked at the exclusive dealers only; selected and intensive distributors can disagree with "
                                     "their share too."})],
    hints=[{"zh": "类型看合同里的分销方式（`account_type`），份额给出的读法在 `wallet_type`；两者不同的就是答案。三种分销方式都要看。",
            "en": "The type comes from the contract's arrangement (`account_type`), the reading from share of wallet is in "
                  "`wallet_type`; where they differ is the answer. Look at all three arrangements."},
           {"zh": "`agrees` 列已经比较好了：取出 `agrees` 为 False 的行的索引（客户编号）。",
            "en": "The `agrees` column already compares them: take the index (account ids) of the rows where `agrees` is False."},
           {"zh": "`sorted(dealer_types.table.index[~dealer_types.table[____]])`",
            "en": "`sorted(dealer_types.table.index[~dealer_types.table[____]])`"}],
    model_answer="mismatched = sorted(dealer_types.table.index[~dealer_types.table['agrees']])",
    explanation={"zh": "D02、D04、D08：独家包销的昆明份额只有 46%，选择型的太原给了我们 68%，密集渠道里的石家庄有 36%。",
                 "en": "D02, D04 and D08: exclusive Kunming at only 46 %, selected Taiyuan giving us 68 %, Shijiazhuang at 36 % in an "
                       "intensive network."},
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
#: What each arrangement is (the table of section 3).
TYPE_MEANS = {
    "acc_type_monopoly": {"zh": "独家包销：这个区域只通过它一家", "en": "exclusive dealing: the one distributor in the territory"},
    "acc_type_selective": {"zh": "挑选的几家关键经销商之一", "en": "one of a few selected key distributors"},
    "acc_type_intensive": {"zh": "大范围覆盖渠道里众多经销商之一", "en": "one outlet among many in wide channel coverage"},
}
_TYPE_CLUES = {
    "T1": {"zh": "全省只授权一家、双方互不另找", "en": "one distributor for the province, nobody else on either side"},
    "T2": {"zh": "一个市里上百家批发商，进货最多也只是其中之一", "en": "over a hundred wholesalers in one city; buying the most still makes it one of them"},
    "T3": {"zh": "每个市挑选三家，它是其中之一", "en": "three chosen per city, and it is one of them"},
    "T4": {"zh": "合同是独家包销；40% 的份额是要追问的问题（它在经营竞品），不是另一种类型",
           "en": "the contract is exclusive dealing; the 40 % share is a problem to raise (it sells rival brands), not another type"},
}


def _type_reason(card: str, chosen: str | None = None) -> dict:
    """The card's clue to its arrangement and, for a wrong choice, what that type would need."""
    out = {}
    for lang in ("zh", "en"):
        text = _TYPE_CLUES[card][lang] + ("。" if lang == "zh" else ".")
        if chosen in TYPE_MEANS and chosen != TYPE_KEY[card]:
            name = catalogue_options([chosen])[chosen][lang]
            text += (f"{name}是{TYPE_MEANS[chosen]['zh']}。" if lang == "zh"
                     else f" {name} means {TYPE_MEANS[chosen]['en']}.")
        out[lang] = text
    return out


q6 = ClassificationProblem(
    var="type_answers",
    question={"zh": "下面四张卡片描述了四种合作安排。按定义（分销方式，而不是钱包份额）为每张卡片选出大客户类型。",
              "en": "The four cards below describe four arrangements. Pick each card's account type by the definition (the "
                    "distribution arrangement, not the share of wallet)."},
    expected=lambda: dict(TYPE_KEY),
    options=lambda: catalogue_options(ACCOUNT_TYPES),
    cards=TYPE_CARDS,
    reasons=_type_reason,
    mistakes=[Mistake("typed_by_share", answer=lambda: {**TYPE_KEY, "T4": "acc_type_selective"},
                      message={"zh": "T4 你按钱包份额定了类型；类型看合同里的分销方式，40% 的份额说明的是一个问题，不是它的类型。",
                               "en": "You typed T4 by its share of wallet; the type follows the arrangement in the contract — the "
                                     "40 % share shows a problem, not its type."})],
    hints=[{"zh": "先问：这个区域里，厂家通过几家经销商卖货？一家（独家）、挑选的几家，还是尽可能多的很多家？",
            "en": "First ask: through how many distributors does the supplier sell in that territory — one (exclusive), a chosen "
                  "few, or as many as possible?"},
           {"zh": "进货多少不决定类型：上百家里进货最多的一家，仍然是众多之一。",
            "en": "How much an account buys does not set its type: the largest of a hundred wholesalers is still one of many."},
           {"zh": "类型看合同里的分销方式；钱包份额只是检查它是否像这个类型那样运作的指标。T4 的 40% 说明的是一个问题，不是它的类型。",
            "en": "The type follows the arrangement in the contract; share of wallet only checks whether the account behaves like it. "
                  "T4's 40 % shows a problem, not its type."}],
)
