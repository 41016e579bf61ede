"""Chapter 04 · Customer tiers — pyramid presets and their rounding, upgrade lists, the explorer, strategy per tier."""
from functools import lru_cache

from helpers.teaching.exercises.core import ChoiceProblem, ThoughtProblem, ValueProblem

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


def _diamond_count() -> int:
    from helpers.tiers import customer_pyramid

    return int((customer_pyramid(_online_retail_sales()).classes == "tier_diamond").sum())


def _upgrade_count(within_share: float) -> int:
    from helpers.tiers import upgrade_candidates

    return len(upgrade_candidates(_demo_tiers(), within_share=within_share))


def _top_tier_value_share(preset: str) -> float:
    from helpers.tiers import customer_pyramid

    return float(customer_pyramid(_online_retail_sales(), preset=preset).summary()["value_share"].iloc[0])


q1 = ValueProblem(
    var="n_diamond",
    expected=_diamond_count,
    wrong=lambda: int(0.01 * len(_online_retail_sales())),
    hints=[{"zh": "预设 cn_1_4_15_80 的金钻层是前 1% 的客户——但 4,339 的 1% 不是整数。",
            "en": "The cn_1_4_15_80 preset puts the top 1 % in Platinum (金钻) — but 1 % of 4,339 is not a whole number."},
           {"zh": "看 pyramid.summary() 的 customers 列，或数 pyramid.classes == 'tier_diamond'。",
            "en": "Read the customers column of pyramid.summary(), or count pyramid.classes == 'tier_diamond'."}],
    model_answer={"zh": "n_diamond = int((pyramid.classes == 'tier_diamond').sum())   # 44：跨过 1% 线的第 44 位客户也进入金钻层（跨线规则）",
                  "en": "n_diamond = int((pyramid.classes == 'tier_diamond').sum())   # 44: the 44th customer, who crosses the 1 % line, is in too (crossing rule)"},
)

q2 = ValueProblem(
    var="n_close_to_next",
    expected=lambda: _upgrade_count(0.1),
    wrong=lambda: _upgrade_count(0.2),
    hints=[{"zh": "upgrade_candidates 的参数 within_share 是与上一层门槛的差距比例：10% 就是 within_share=0.1。",
            "en": "upgrade_candidates' within_share is the gap as a fraction of the next entry value: 10 % is within_share=0.1."},
           {"zh": "len(upgrade_candidates(tiers_demo, within_share=0.1))",
            "en": "len(upgrade_candidates(tiers_demo, within_share=0.1))"}],
    model_answer={"zh": "n_close_to_next = len(upgrade_candidates(tiers_demo, within_share=0.1))   # 差距在 10% 以内的客户：升级活动的首批对象",
                  "en": "n_close_to_next = len(upgrade_candidates(tiers_demo, within_share=0.1))   # within 10 % of the next tier: the first list for an upgrade campaign"},
)

q3 = ValueProblem(
    var="top_share_20_30",
    expected=lambda: _top_tier_value_share("20_30_30_20"),
    wrong=lambda: _top_tier_value_share("cn_1_4_15_80"),
    rel_tol=1e-3,
    hints=[{"zh": "在讲解器中把分级方法切换为“客户金字塔”，预设选 20/30/30/20。",
            "en": "In the explorer switch the method to the customer pyramid and choose the 20/30/30/20 preset."},
           {"zh": "读表格第一行（金钻）的价值占比，或 explorer.result.summary()['value_share'].iloc[0]。",
            "en": "Read the value share of the first row (Platinum), or explorer.result.summary()['value_share'].iloc[0]."}],
    model_answer={"zh": "explorer.controls['kind'].value = 'pyramid'\nexplorer.controls['preset'].value = '20_30_30_20'\n"
                        "top_share_20_30 = explorer.result.summary()['value_share'].iloc[0]   # 约 0.747：前 20% 客户贡献约四分之三的销售额",
                  "en": "explorer.controls['kind'].value = 'pyramid'\nexplorer.controls['preset'].value = '20_30_30_20'\n"
                        "top_share_20_30 = explorer.result.summary()['value_share'].iloc[0]   # about 0.747: the top 20 % bring three quarters of sales"},
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

q4 = ChoiceProblem(
    var="strategy_answers",
    expected=lambda: dict(STRATEGY_KEY),
    wrong=lambda: {**STRATEGY_KEY, "2": "tier_copper", "3": "tier_silver"},
    hints=[{"zh": "回到金字塔的定义：金钻最赚钱且忠诚；白银赚钱但看重价格、可能多家采购；铜提供销量；铁价值最低、有待唤醒（包括还没下单的人）。",
            "en": "Go back to the definitions: Platinum is most profitable and committed; Gold profitable but price-sensitive and may "
                  "multi-source; Iron brings volume; Lead (铁) is the lowest value, to be woken up (people who never bought included)."},
           {"zh": "“提高钱包份额”针对的是已经赚钱、但没有把全部采购给我们的客户。",
            "en": "\"Grow share of wallet\" is for customers who are profitable but do not give us all their business."}],
    model_answer={"zh": "strategy_answers = {'1': 'tier_diamond', '2': 'tier_silver', '3': 'tier_copper', '4': 'tier_iron', "
                        "'5': 'tier_diamond', '6': 'tier_iron'}",
                  "en": "strategy_answers = {'1': 'tier_diamond', '2': 'tier_silver', '3': 'tier_copper', '4': 'tier_iron', "
                        "'5': 'tier_diamond', '6': 'tier_iron'}"},
)


def strategy_quiz():
    """The quiz of q4 as cards with a drop-down of the four tiers each; its Check button judges with q4."""
    from helpers.tiers import TIERS
    from helpers.teaching.widgets import ClassificationQuiz

    return ClassificationQuiz(STRATEGY_CARDS, classes=list(TIERS), problem=q4)


q5 = ThoughtProblem(
    var="show_tiers",
    hints=[{"zh": "想一想航空公司的会员卡：客户知道自己的等级，会改变什么？",
            "en": "Think of an airline's frequent-flyer card: what changes when customers know their tier?"}],
    model_answer={"zh": "公开的等级（会员卡）给客户一个升级目标，能推动消费，但降级会引起不满，门槛也要长期稳定；"
                        "内部分层（只给员工看）可以按利润和服务成本灵活调整，不会让客户感到被区别对待。"
                        "常见做法是：按消费额公开会员等级，按利润和潜力在内部再分层，决定服务资源。",
                  "en": "Visible tiers (membership cards) give customers a goal and push spending, but a downgrade upsets and the "
                        "thresholds must stay stable for years; internal tiers (staff only) can follow profit and cost to serve "
                        "and change freely without customers feeling treated differently. A common practice: public member "
                        "levels by spend, plus internal tiers by profit and potential to allocate service."},
)
