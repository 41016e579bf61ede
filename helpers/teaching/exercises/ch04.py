"""Chapter 04 · Customer tiers — pyramid presets and their rounding, upgrade lists, the explorer, strategy per tier."""
from functools import lru_cache

from helpers.teaching.exercises.core import (AS_PERCENT, ClassificationProblem, Mistake, ThoughtProblem,
                                             ValueProblem, catalogue_options)

# The demo company's member levels: cumulative spend of platinum / gold / silver (datasets/demo/README.md).
DEMO_LOWER_BOUNDS = (8000, 3000, 1000)


@lru_cache(maxsize=1)
def _online_retail_sales():
    from helpers.data.datasets import load_online_retail
    from helpers.rfm.table import rfm_table

    return rfm_table(load_online_retail()[0])["monetary"]


@lru_cache(maxsize=1)
def _demo_tiers():
    from helpers.data.datasets import load_demo
    from helpers.rfm.table import rfm_table
    from helpers.tiers import customer_pyramid

    return customer_pyramid(rfm_table(load_demo("orders"))["monetary"], breaks=DEMO_LOWER_BOUNDS)


def _diamond_count(preset: str) -> int:
    from helpers.tiers import customer_pyramid

    return int((customer_pyramid(_online_retail_sales(), preset=preset).classes == "tier_diamond").sum())


def _upgrade_count(within_share: float, next_tier: str | None = None) -> int:
    from helpers.tiers import upgrade_candidates

    candidates = upgrade_candidates(_demo_tiers(), within_share=within_share)
    return len(candidates) if next_tier is None else int((candidates["next_tier"] == next_tier).sum())


def _explorer_start() -> float:
    """What the tier explorer's first row shows before any control is moved (ABC, class A)."""
    from helpers.teaching.widgets import TierExplorer

    return float(TierExplorer(_online_retail_sales(), chart=False).result.summary()["value_share"].iloc[0])


def _top_tier(preset: str, column: str) -> float:
    from helpers.tiers import customer_pyramid

    return float(customer_pyramid(_online_retail_sales(), preset=preset).summary()[column].iloc[0])


q1 = ValueProblem(
    var="n_diamond_20",
    question={"zh": "用预设 `20_30_30_20` 给 Online Retail 的客户分层（`customer_pyramid(sales, preset='20_30_30_20')`），"
                    "金钻层有多少位客户？（4,339 的 20% 是 867.8。）",
              "en": "Tier Online Retail's customers with the `20_30_30_20` preset (`customer_pyramid(sales, preset='20_30_30_20')`). "
                    "How many customers are in the Platinum tier? (20 % of 4,339 is 867.8.)"},
    expected=lambda: _diamond_count("20_30_30_20"),
    mistakes=[Mistake("rounded_down", answer=lambda: int(0.2 * len(_online_retail_sales())),
                      message={"zh": "你把 867.8 舍去了小数。跨线规则把越过 20% 线的那位客户也放进金钻层，所以要向上取到下一位客户。",
                               "en": "You dropped the decimals of 867.8. The crossing rule puts the customer who crosses the 20 % line into "
                                     "Platinum too, so the count goes up to the next customer."}),
              Mistake("not_whole", answer=lambda: 0.2 * len(_online_retail_sales()),
                      message={"zh": "人数必须是整数：867.8 是 20% 的“理论人数”，实际分层时跨过 20% 线的那位客户归入金钻层。",
                               "en": "A head count is a whole number: 867.8 is 20 % in theory; in the tiers the customer who crosses the "
                                     "20 % line belongs to Platinum."}),
              Mistake("default_preset", answer=lambda: _diamond_count("cn_1_4_15_80"),
                      message={"zh": "这是默认预设 `cn_1_4_15_80`（金钻 1%）的人数；题目用的是 `20_30_30_20`（金钻 20%）。",
                               "en": "That is the default preset `cn_1_4_15_80` (Platinum 1 %); the question uses `20_30_30_20` (Platinum 20 %)."})],
    hints=[{"zh": "20% 的人数不是整数时，分界线落在某位客户“身上”：跨线规则让这位客户属于较高的一层。",
            "en": "When 20 % of the customers is not a whole number, the line falls on one customer: the crossing rule puts that "
                  "customer in the higher tier."},
           {"zh": "用 `customer_pyramid(sales, preset='20_30_30_20')` 重新分层；`.classes` 是每位客户的层级，`.summary()` 的 `customers` 列是各层人数。",
            "en": "Re-tier with `customer_pyramid(sales, preset='20_30_30_20')`; `.classes` holds each customer's tier, the "
                  "`customers` column of `.summary()` the tier sizes."},
           {"zh": "`pyramid_20 = customer_pyramid(sales, preset='20_30_30_20')`，再数 `pyramid_20.classes == ____`。",
            "en": "`pyramid_20 = customer_pyramid(sales, preset='20_30_30_20')`, then count `pyramid_20.classes == ____`."}],
    model_answer="pyramid_20 = customer_pyramid(sales, preset='20_30_30_20')\n"
                 "n_diamond_20 = int((pyramid_20.classes == 'tier_diamond').sum())",
    explanation={"zh": "868 位：跨过 20% 线的第 868 位客户也进入金钻层（跨线规则），和默认预设中金钻层是 44 位而不是 43.39 位同理。",
                 "en": "868: the 868th customer, who crosses the 20 % line, is in Platinum too (the crossing rule) — just as the "
                       "default preset's Platinum holds 44 customers, not 43.39."},
)

q2 = ValueProblem(
    var="n_close_to_next",
    question={"zh": "在演示公司的会员分层 `tiers_demo` 中，有多少位客户与上一层门槛的差距在 **10% 以内**（`within_share=0.1`）？",
              "en": "In the demo company's member tiers `tiers_demo`, how many customers are **within 10 %** of the next tier's "
                    "threshold (`within_share=0.1`)?"},
    expected=lambda: _upgrade_count(0.1),
    mistakes=[Mistake("share_20", answer=lambda: _upgrade_count(0.2),
                      message={"zh": "这是差距在 20% 以内的人数（正文的例子）；题目问的是 10%，`within_share=0.1`。",
                               "en": "That is the count within 20 % (the text's example); the question asks for 10 %, `within_share=0.1`."}),
              Mistake("diamond_only", answer=lambda: _upgrade_count(0.1, "tier_diamond"),
                      message={"zh": "你只数了有望升入金钻层的客户；题目问的是所有层级中离上一层不到 10% 的客户。",
                               "en": "You counted only the candidates for Platinum; the question asks for every tier's customers within 10 % of the next."})],
    hints=[{"zh": "最容易升级的是离上一层门槛只差一点的客户：差距 ÷ 上一层门槛 ≤ 10%。",
            "en": "The easiest to move up are those just below the next threshold: gap ÷ next threshold ≤ 10 %."},
           {"zh": "`upgrade_candidates(tiers, within_share=…)` 列出这些客户，一行一位；`within_share` 是比例（0.1 = 10%）。",
            "en": "`upgrade_candidates(tiers, within_share=…)` lists them, one row each; `within_share` is a share (0.1 = 10 %)."},
           {"zh": "`len(upgrade_candidates(tiers_demo, within_share=____))`",
            "en": "`len(upgrade_candidates(tiers_demo, within_share=____))`"}],
    model_answer="n_close_to_next = len(upgrade_candidates(tiers_demo, within_share=0.1))",
    explanation={"zh": "113 位（20% 以内是 206 位）：差距在 10% 以内的客户是升级活动的首批对象。",
                 "en": "113 (206 within 20 %): the customers within 10 % are the first list for an upgrade campaign."},
)

q3 = ValueProblem(
    var="top_share_20_30",
    question={"zh": "在讲解器中把分级方法切换为“客户金字塔”、预设选 `20_30_30_20`：金钻层贡献了多大比例的销售额？答 0–1 之间的小数。",
              "en": "In the explorer switch the method to the customer pyramid and choose the `20_30_30_20` preset: what share of sales "
                    "does the Platinum tier bring? Answer with a fraction between 0 and 1."},
    expected=lambda: _top_tier("20_30_30_20", "value_share"),
    decimals=3,
    mistakes=[Mistake("abc_start", answer=_explorer_start,
                      message={"zh": "这是讲解器初始状态（ABC 分类）中 A 类的价值占比：先把分级方法切换为“客户金字塔”，再选预设 `20_30_30_20`。",
                               "en": "That is class A's value share in the explorer's starting state (ABC): switch the method to the "
                                     "customer pyramid first, then choose the `20_30_30_20` preset."}),
              Mistake("default_preset", answer=lambda: _top_tier("cn_1_4_15_80", "value_share"),
                      message={"zh": "这是预设 `cn_1_4_15_80`（金钻 1%）的价值占比：先把预设换成 `20_30_30_20`。",
                               "en": "That is the value share under `cn_1_4_15_80` (Platinum 1 %): switch the preset to `20_30_30_20` first."}),
              Mistake("customer_share", answer=lambda: _top_tier("20_30_30_20", "customer_share"),
                      message={"zh": "这是金钻层的客户占比（20%）；题目问的是它贡献的销售额占比（`value_share`）。",
                               "en": "That is the Platinum tier's share of customers (20 %); the question asks for its share of sales (`value_share`)."}),
              AS_PERCENT],
    hints=[{"zh": "价值占比 = 这一层客户的销售额 ÷ 全部销售额；客户占比是这一层的人数 ÷ 全部人数。",
            "en": "Value share = the tier's sales ÷ all sales; customer share = the tier's head count ÷ all customers."},
           {"zh": "讲解器表格的第一行是金钻层；代码里可以设置 `explorer.controls['kind']` 和 `explorer.controls['preset']` 的 `value`。",
            "en": "The first row of the explorer's table is Platinum; in code, set the `value` of `explorer.controls['kind']` and "
                  "`explorer.controls['preset']`."},
           {"zh": "选好后读 `explorer.result.summary()[____].iloc[0]`。",
            "en": "Then read `explorer.result.summary()[____].iloc[0]`."}],
    model_answer="explorer.controls['kind'].value = 'pyramid'\nexplorer.controls['preset'].value = '20_30_30_20'\n"
                 "top_share_20_30 = explorer.result.summary()['value_share'].iloc[0]",
    explanation={"zh": "约 0.747：前 20% 的客户贡献了约四分之三的销售额。",
                 "en": "About 0.747: the top 20 % bring three quarters of sales."},
)

# Service measures (cards "1"…"6") to be matched with the tier they suit (Zeithaml, Rust & Lemon 2001).
STRATEGY_CARDS = [
    {"id": "1", "text": {"zh": "专属客户经理，新品优先体验，每年一次高层拜访",
                         "en": "A dedicated account manager, first access to new products, a yearly visit by senior management"}},
    {"id": "2", "text": {"zh": "对价格敏感、同时在多家购买：用会员积分和满额礼提高钱包份额，争取成为首选",
                         "en": "Price-sensitive and buying elsewhere too: points and spend-based gifts to grow share of wallet and become their first choice"}},
    {"id": "3", "text": {"zh": "带来稳定的销量：标准化服务、线上自助、按时提醒促销",
                         "en": "Steady volume: standard service, online self-service, timely promotion reminders"}},
    {"id": "4", "text": {"zh": "买得很少，但还有需求：每月推送新品和门店活动，购后回访一次，唤醒他们的需求",
                         "en": "Buy very little but still have needs: monthly news of products and store events, one call after a purchase, to wake their needs up"}},
    {"id": "5", "text": {"zh": "邀请参加新品共创会，听取对下一季产品的意见",
                         "en": "Invited to a co-creation workshop to shape next season's products"}},
    {"id": "6", "text": {"zh": "注册会员半年，还没有下过单：寄一份首单体验礼，请门店打一次电话邀请到店",
                         "en": "Members for six months who have never ordered: a first-order gift, and one call from the store inviting them in"}},
]
STRATEGY_KEY = {"1": "tier_diamond", "2": "tier_silver", "3": "tier_copper", "4": "tier_iron",
                "5": "tier_diamond", "6": "tier_iron"}
#: Who each tier is (Zeithaml, Rust & Lemon 2001) — the rule every card is matched against.
TIER_PROFILES = {
    "tier_diamond": {"zh": "最赚钱、最忠诚，值得个人化的投入", "en": "the most profitable and committed, worth personal investment"},
    "tier_silver": {"zh": "赚钱，但看重价格、可能同时在多家采购", "en": "profitable but price-sensitive, possibly buying elsewhere too"},
    "tier_copper": {"zh": "提供稳定的销量，用标准、低成本的方式服务", "en": "steady volume, served in a standard, low-cost way"},
    "tier_iron": {"zh": "价值最低、有待唤醒（包括还没下过单的人）", "en": "the lowest value, to be woken up (people who never bought included)"},
}
_CARD_CLUES = {
    "1": {"zh": "专属经理和高层拜访是最贵的服务，只留给最赚钱、最忠诚的客户", "en": "a dedicated manager and senior visits are the costliest service, kept for the most profitable, committed customers"},
    "2": {"zh": "“看重价格、在多家购买”正是赚钱但还没把全部采购给我们的客户", "en": "Price-sensitive and buying elsewhere: profitable customers who do not yet give us all their business"},
    "3": {"zh": "标准化与自助服务适合数量多、贡献稳定的客户", "en": "standard and self-service suit many customers with a steady contribution"},
    "4": {"zh": "买得很少、但还有需求，要做的是唤醒需求——这正是铁客户", "en": "Buying very little but still having needs, to be woken up — that is Lead"},
    "5": {"zh": "共创会邀请的是关系最深、最愿意投入的客户", "en": "a co-creation workshop invites the closest, most committed customers"},
    "6": {"zh": "注册了还没下过单的会员价值最低、有待开发，也属于铁客户", "en": "Members who signed up but never ordered have the lowest value so far and are to be developed — Lead too"},
}


def _tier_ids():
    from helpers.tiers import TIERS

    return list(TIERS)


def _strategy_reason(card: str, chosen: str | None = None) -> dict:
    """The card's clue and, for a wrong tier, who that tier is."""
    out = {}
    for lang in ("zh", "en"):
        text = _CARD_CLUES[card][lang] + ("。" if lang == "zh" else ".")
        if chosen in TIER_PROFILES and chosen != STRATEGY_KEY[card]:
            name = catalogue_options([chosen])[chosen][lang]
            text += (f"{name}是{TIER_PROFILES[chosen]['zh']}。" if lang == "zh"
                     else f" {name}: {TIER_PROFILES[chosen]['en']}.")
        out[lang] = text
    return out


q4 = ClassificationProblem(
    var="strategy_answers",
    question={"zh": "下面六张卡片各描述一项服务措施。按四层客户的定义（金钻、白银、铜、铁），为每张卡片选出它最适合的层级。",
              "en": "Each of the six cards below describes a service measure. By the definitions of the four tiers (Platinum, Gold, "
                    "Iron, Lead), pick the tier each measure suits."},
    expected=lambda: dict(STRATEGY_KEY),
    options=lambda: catalogue_options(_tier_ids()),
    cards=STRATEGY_CARDS,
    reasons=_strategy_reason,
    mistakes=[Mistake("silver_copper", answer=lambda: {**STRATEGY_KEY, "2": "tier_copper", "3": "tier_silver"},
                      message={"zh": "白银和铜对调了：提高钱包份额针对的是已经赚钱、但没有把全部采购给我们的白银客户；铜客户要的是低成本的标准服务。",
                               "en": "Gold and Iron are swapped: growing share of wallet is for profitable Gold customers who do not give us "
                                     "all their business; Iron customers get standard, low-cost service."})],
    hints=[{"zh": "回到金字塔的定义：金钻最赚钱且忠诚；白银赚钱但看重价格、可能多家采购；铜提供销量；铁价值最低、有待唤醒（包括还没下单的人）。",
            "en": "Go back to the definitions: Platinum is most profitable and committed; Gold profitable but price-sensitive and may "
                  "multi-source; Iron brings volume; Lead (铁) is the lowest value, to be woken up (people who never bought included)."},
           {"zh": "对每张卡片问：这项措施花多少钱？只有贡献足够大的层级才值得昂贵、个人化的服务。",
            "en": "For each card ask: how much does the measure cost? Only tiers that bring enough deserve expensive, personal service."},
           {"zh": "“提高钱包份额”针对的是已经赚钱、但没有把全部采购给我们的客户；两张卡片属于金钻，两张属于铁。",
            "en": "\"Grow share of wallet\" is for customers who are profitable but do not give us all their business; two cards are "
                  "Platinum and two are Lead."}],
)


q5 = ThoughtProblem(
    var="show_tiers",
    hints=[{"zh": "想一想航空公司的会员卡：客户知道自己的等级，会改变什么？",
            "en": "Think of an airline's frequent-flyer card: what changes when customers know their tier?"}],
    explanation={"zh": "公开的等级（会员卡）给客户一个升级目标，能推动消费，但降级会引起不满，门槛也要长期稳定；"
                       "内部分层（只给员工看）可以按利润和服务成本灵活调整，不会让客户感到被区别对待。"
                       "常见做法是：按消费额公开会员等级，按利润和潜力在内部再分层，决定服务资源。",
                 "en": "Visible tiers (membership cards) give customers a goal and push spending, but a downgrade upsets and the "
                       "thresholds must stay stable for years; internal tiers (staff only) can follow profit and cost to serve "
                       "and change freely without customers feeling treated differently. A common practice: public member "
                       "levels by spend, plus internal tiers by profit and potential to allocate service."},
)
