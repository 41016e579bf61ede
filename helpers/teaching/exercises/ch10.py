"""Chapter 10 · Loyalty and churn prevention — attitude loyalty, cohort retention, at-risk lists."""
from functools import lru_cache

from helpers.teaching.exercises.core import (AS_PERCENT, ChoiceProblem, ClassificationProblem, Mistake, ValueProblem,
                                             catalogue_options, meaning_reasons)

#: Quiz: six panel members' brand choices (occasions per brand) in one category.
QUIZ_CHOICES = {
    "A": {"yuejia": 9, "lanjing": 1},
    "B": {"yuejia": 6, "lanjing": 4},
    "C": {"yuejia": 2, "lanjing": 2, "qingshan": 2, "baiwei": 2, "xinyu": 2},
    "D": {"lanjing": 7, "qingshan": 3},
    "E": {"qingshan": 4, "baiwei": 3, "xinyu": 2, "hexie": 1},
    "F": {"baiwei": 5, "lanjing": 2, "qingshan": 1, "xinyu": 1, "hexie": 1},
}
QUIZ_CLASSES = ("brand_loyal", "brand_shifting", "brand_switcher")
COHORT_AS_OF = "2011-11-30"     # the last complete month of Online Retail
STRICT_LOYAL_SHARE = 0.8        # q1: a stricter loyalty rule than the chapter's 70 %
TOP_TENTH = 0.9                 # q3: calls only for the top 10 % by spend


@lru_cache(maxsize=1)
def _online_retail():
    from helpers.data.datasets import load_online_retail

    return load_online_retail()[0]


@lru_cache(maxsize=2)
def _attitudes(loyal_share: float = 0.7):
    from helpers.data.datasets import load_demo
    from helpers.loyalty import attitude_loyalty

    return attitude_loyalty(load_demo("brand_choices"), loyal_share=loyal_share)


def _class_share(attitude: str, loyal_share: float = STRICT_LOYAL_SHARE) -> float:
    return float((_attitudes(loyal_share).classes == attitude).mean())


@lru_cache(maxsize=1)
def _cohorts():
    from helpers.cohorts import cohort_retention

    return cohort_retention(_online_retail(), as_of=COHORT_AS_OF, period="M")


@lru_cache(maxsize=3)
def _at_risk(value_quantile: float = 0.75):
    from helpers.lifecycle import at_risk_list

    return at_risk_list(_online_retail(), value_quantile=value_quantile)


def _save_calls(value_quantile: float = TOP_TENTH) -> int:
    return int((_at_risk(value_quantile)["action"] == "save_call").sum())


def quiz_cards() -> list[dict]:
    """The quiz cards: purchases per brand, brand names in both languages.

    >>> quiz_cards()[0]["text"]["en"]
    'Yuejia (own label) ×9, Lanjing ×1'
    """
    from helpers.i18n import t

    def text(counts: dict, lang: str) -> str:
        sep = "，" if lang == "zh" else ", "
        return sep.join(f"{t('demo_brand.' + b, lang=lang)} ×{n}" for b, n in counts.items())

    return [{"id": c, "text": {lang: text(counts, lang) for lang in ("zh", "en")}} for c, counts in QUIZ_CHOICES.items()]


@lru_cache(maxsize=1)
def _quiz_result():
    import pandas as pd

    from helpers.loyalty import attitude_loyalty

    rows = [(c, b) for c, counts in QUIZ_CHOICES.items() for b, n in counts.items() for _ in range(n)]
    return attitude_loyalty(pd.DataFrame(rows, columns=["customer_id", "brand"]))


def _quiz_classes() -> dict:
    return _quiz_result().classes.to_dict()


def _attitude_reason(card: str, chosen: str | None = None) -> dict:
    """The card's top-brand share and top-3 share against the rules (70 %, 90 %), and what a wrong class needs."""
    row = _quiz_result().table.loc[card]
    top, cover, right = float(row["top_share"]), float(row["top_k_cover"]), row["attitude"]
    zh = f"第一品牌占 {top:.0%}（{'≥' if top >= 0.7 else '<'} 70%）"
    en = f"the top brand has {100 * top:.0f} % ({'≥' if top >= 0.7 else '<'} 70 %)"
    if top < 0.7:
        zh += f"，前 3 个品牌合计 {cover:.0%}（{'≥' if cover >= 0.9 else '<'} 90%）"
        en += f", the top 3 brands {100 * cover:.0f} % together ({'≥' if cover >= 0.9 else '<'} 90 %)"
    zh += "。"
    en = en[0].upper() + en[1:] + "."
    needs = {"brand_loyal": {"zh": "忠诚顾客要求第一品牌至少 70%", "en": "Brand loyal needs at least 70 % for the top brand"},
             "brand_shifting": {"zh": "品牌转移顾客要求第一品牌不足 70%、前 3 个品牌合计至少 90%",
                                "en": "Shifting needs a top brand below 70 % and at least 90 % for the top 3 together"},
             "brand_switcher": {"zh": "无品牌忠诚顾客是前 3 个品牌合计也不足 90%",
                                "en": "A switcher's top 3 brands stay below 90 % together"}}
    if chosen in needs and chosen != right:
        zh += needs[chosen]["zh"] + "；正好 70% 或正好 90% 都算达到。"
        en += " " + needs[chosen]["en"] + "; exactly 70 % or 90 % counts as reaching it."
    return {"zh": zh, "en": en}


q1 = ValueProblem(
    var="share_loyal_80",
    question={"zh": "如果把忠诚顾客的标准从第一品牌 70% 提高到 **80%**（`attitude_loyalty(choices, loyal_share=0.8)`），"
                    "品牌追踪样本（300 位顾客）中忠诚顾客占多大比例？答 0–1 之间的小数。",
              "en": "If brand loyalty required **80 %** for the top brand instead of 70 % (`attitude_loyalty(choices, "
                    "loyal_share=0.8)`), what share of the brand panel (300 customers) would be brand loyal? Answer with a fraction "
                    "between 0 and 1."},
    expected=lambda: _class_share("brand_loyal"),
    decimals=3,
    mistakes=[Mistake("default_rule", answer=lambda: _class_share("brand_loyal", 0.7),
                      message={"zh": "这是默认 70% 标准下的比例；题目把标准提高到了 80%：`loyal_share=0.8`。",
                               "en": "That is the share under the default 70 % rule; the question raises it to 80 %: `loyal_share=0.8`."}),
              Mistake("count", answer=lambda: int((_attitudes(STRICT_LOYAL_SHARE).classes == "brand_loyal").sum()),
                      message={"zh": "这是人数；题目问的是比例：再除以样本总人数（300）。",
                               "en": "That is a count; the question asks for a share: divide by the panel size (300)."}),
              Mistake("shifting", answer=lambda: _class_share("brand_shifting"),
                      message={"zh": "这是品牌转移顾客的比例；忠诚顾客的编号是 `'brand_loyal'`。",
                               "en": "That is the share of shifting customers; brand loyal is `'brand_loyal'`."}),
              AS_PERCENT],
    hints=[{"zh": "标准越严，忠诚顾客越少；从忠诚里掉出来的顾客会变成品牌转移顾客。",
            "en": "The stricter the rule, the fewer loyal customers; those who drop out become shifting customers."},
           {"zh": "`attitude_loyalty` 的 `loyal_share` 参数就是第一品牌份额的门槛；结果的 `classes` 是每位顾客的类别。",
            "en": "`attitude_loyalty`'s `loyal_share` is the top-brand threshold; the result's `classes` holds each customer's class."},
           {"zh": "`strict = attitude_loyalty(choices, loyal_share=0.8)`，再求 `(strict.classes == 'brand_loyal').____()`。",
            "en": "`strict = attitude_loyalty(choices, loyal_share=0.8)`, then `(strict.classes == 'brand_loyal').____()`."}],
    model_answer="strict = attitude_loyalty(choices, loyal_share=0.8)\n"
                 "share_loyal_80 = (strict.classes == 'brand_loyal').mean()",
    explanation={"zh": "103 / 300 ≈ 0.343：标准从 70% 提到 80%，忠诚顾客从 131 位减到 103 位——报告忠诚度时必须写明标准。",
                 "en": "103 / 300 ≈ 0.343: moving the rule from 70 % to 80 % cuts the loyal customers from 131 to 103 — a loyalty "
                       "figure must state its rule."},
)

q2 = ValueProblem(
    var="retention_dec_k3",
    question={"zh": "在同期群留存表 `cohorts` 中，2010 年 12 月首次购买的同期群，在首购后第 3 个月（k = 3，即 2011 年 3 月）的留存率是多少？"
                    "答 0–1 之间的小数。",
              "en": "In the cohort table `cohorts`, what is the retention of the December 2010 cohort three months after its first "
                    "purchase (k = 3, i.e. March 2011)? Answer with a fraction between 0 and 1."},
    expected=lambda: float(_cohorts().rates.loc["2010-12", 3]),
    decimals=3,
    mistakes=[Mistake("k_2", answer=lambda: float(_cohorts().rates.loc["2010-12", 2]),
                      message={"zh": "这是 k = 2 的留存率：k 从 0 数起，k = 0 是首购当月，所以 2011 年 3 月是 k = 3。",
                               "en": "That is k = 2: k counts from 0, the first-purchase month itself, so March 2011 is k = 3."}),
              Mistake("count", answer=lambda: int(_cohorts().counts.loc["2010-12", 3]),
                      message={"zh": "这是人数；留存率是这个人数除以同期群的人数（k = 0 那一格）。",
                               "en": "That is a count; retention is that count divided by the cohort's size (the k = 0 cell)."}),
              AS_PERCENT],
    hints=[{"zh": "行是首购月份（同期群），列 k 是首购之后的第几个月；k = 0 是首购当月，留存率为 1。",
            "en": "Rows are first-purchase months (cohorts), column k is the month after the first; k = 0 is the first month, with retention 1."},
           {"zh": "`cohorts.rates` 是比例表，`cohorts.counts` 是人数表；按行标签和列标签取一个值用 `.loc[行, 列]`。",
            "en": "`cohorts.rates` holds the shares, `cohorts.counts` the counts; pick one value by its labels with `.loc[row, column]`."},
           {"zh": "`cohorts.rates.loc['2010-12', ____]`——列标签是整数 k。", "en": "`cohorts.rates.loc['2010-12', ____]` — the column label is the integer k."}],
    model_answer="retention_dec_k3 = cohorts.rates.loc['2010-12', 3]",
    explanation={"zh": "约 0.384：2010 年 12 月的新客户，38% 在 2011 年 3 月又购买了。",
                 "en": "About 0.384: 38 % of December 2010's new customers bought again in March 2011."},
)

q3 = ValueProblem(
    var="n_calls_top10",
    question={"zh": "客服人手不够，专人电话只留给累计消费进入全部客户**前 10%** 的预警客户（`at_risk_list(tx, value_quantile=0.9)`）。"
                    "这时需要打多少个挽留电话（`action` 为 `'save_call'`）？",
              "en": "The service team is short of people: personal calls go only to at-risk customers whose spend is in the **top 10 %** "
                    "of all customers (`at_risk_list(tx, value_quantile=0.9)`). How many save calls (`action` is `'save_call'`) are "
                    "needed then?"},
    expected=_save_calls,
    mistakes=[Mistake("default_cut", answer=lambda: _save_calls(0.75),
                      message={"zh": "这是默认门槛（前 25%，`value_quantile=0.75`）的人数；题目把门槛提高到前 10%。",
                               "en": "That is the count at the default cut (top 25 %, `value_quantile=0.75`); the question raises it to the top 10 %."}),
              Mistake("quantile_reversed", answer=lambda: _save_calls(0.1),
                      message={"zh": "`value_quantile` 是分位数：“前 10%”的门槛是 0.9 分位数，而 0.1 分位数会把九成客户都当作高价值。",
                               "en": "`value_quantile` is a quantile: the top 10 % start at the 0.9 quantile; the 0.1 quantile would count nine "
                                     "customers in ten as high-value."}),
              Mistake("all_at_risk", answer=lambda: int((_at_risk()["state"] == "at_risk").sum()),
                      message={"zh": "这是名单上全部流失预警客户；专人电话只给其中价值高的客户（`action == 'save_call'`）。",
                               "en": "That is every at-risk customer on the list; personal calls go only to the valuable ones (`action == 'save_call'`)."})],
    hints=[{"zh": "门槛越高，进入“专人电话”的客户越少：只有累计消费达到门槛的预警客户才打电话。",
            "en": "The higher the cut, the fewer customers get a call: only at-risk customers whose spend reaches the cut."},
           {"zh": "`at_risk_list` 的 `value_quantile` 是消费额的分位数门槛；“前 10%”对应 0.9 分位数。名单的 `action` 列写明每位客户的动作。",
            "en": "`at_risk_list`'s `value_quantile` is the spend quantile of the cut; the top 10 % means the 0.9 quantile. The list's "
                  "`action` column says what to do with each customer."},
           {"zh": "`top10 = at_risk_list(tx, value_quantile=0.9)`，再数 `top10['action'] == ____`。",
            "en": "`top10 = at_risk_list(tx, value_quantile=0.9)`, then count `top10['action'] == ____`."}],
    model_answer="top10 = at_risk_list(tx, value_quantile=0.9)\n"
                 "n_calls_top10 = int((top10['action'] == 'save_call').sum())",
    explanation={"zh": "14 个电话（门槛为前 25% 时是 64 个）：其余的预警客户改为提醒，名单长度不变，人工工作量少了四分之三。",
                 "en": "14 calls (64 at the top-25 % cut): the other at-risk customers get reminders instead — the same list, a "
                       "quarter of the personal work."},
)

q4 = ClassificationProblem(
    var="quiz_attitudes",
    question={"zh": "六位顾客在生活用纸品类中各买了 10 次，卡片上是每个品牌的购买次数。按第 1 节的规则（第一品牌 ≥ 70% 为忠诚；"
                    "否则前 3 个品牌合计 ≥ 90% 为品牌转移；其余为无品牌忠诚）为每位顾客选出类型。",
              "en": "Six customers each bought household paper 10 times; the cards show purchases per brand. By section 1's rules (top "
                    "brand ≥ 70 % is loyal; otherwise the top 3 brands ≥ 90 % together is shifting; the rest are switchers) pick each "
                    "customer's type."},
    expected=_quiz_classes,
    options=lambda: catalogue_options(QUIZ_CLASSES),
    cards=quiz_cards,
    reasons=_attitude_reason,
    mistakes=[Mistake("boundaries", answer=lambda: {**_quiz_classes(), "D": "brand_shifting", "E": "brand_switcher"},
                      message={"zh": "注意边界：正好 70% 或正好 90% 都算达到（D 是 7/10，E 的前三个品牌是 9/10）。",
                               "en": "Mind the boundaries: exactly 70 % or exactly 90 % counts as reaching it (D is 7/10, E's top three are 9/10)."})],
    hints=[{"zh": "先算第一品牌的份额（SCR）：≥ 70% 为忠诚顾客。", "en": "Work out the top brand's share (SCR) first: ≥ 70 % is brand loyal."},
           {"zh": "否则看最大的 3 个品牌合计是否 ≥ 90%：是则为品牌转移顾客，不是则为无品牌忠诚顾客。",
            "en": "Otherwise check whether the 3 largest brands together reach 90 %: if so shifting, if not a switcher."},
           {"zh": "每人都买了 10 次，所以 7 次 = 70%、9 次 = 90%；正好等于也算达到。",
            "en": "Everyone bought 10 times, so 7 = 70 % and 9 = 90 %; reaching it exactly counts."}],
)


# ---- early adopters among loyal customers: whom to invite first to a new product ----
INVITE_OPTIONS = {
    "A": {"zh": "第 1 节中忠诚于自有品牌“悦家”、以往新品上市后一个月内就买过的顾客",
          "en": "customers loyal to the own label \"Yuejia\" (section 1) who bought earlier new products within a month of launch"},
    "B": {"zh": "无品牌忠诚的顾客——哪家有促销就买哪家", "en": "switchers with no brand loyalty — they buy whatever is on promotion"},
    "C": {"zh": "从全部会员中随机抽 30 人", "en": "30 members drawn at random"},
    "D": {"zh": "忠诚于竞争品牌的顾客，先把他们争取过来", "en": "customers loyal to a rival brand, to win them over first"},
}

q5 = ChoiceProblem(
    var="first_invited",
    question={"zh": "悦家生活准备推出一款自有品牌的新茶饮，先办一场 30 人的试饮会。应该先邀请谁？答 `'A'`、`'B'`、`'C'` 或 `'D'`。\n\n"
                    + "\n".join(f"- {k}：{v['zh']}" for k, v in INVITE_OPTIONS.items()),
              "en": "Yuejia Living is about to launch an own-label tea drink and starts with a tasting for 30 people. Whom should "
                    "it invite first? Answer `'A'`, `'B'`, `'C'` or `'D'`.\n\n"
                    + "\n".join(f"- {k}: {v['en']}" for k, v in INVITE_OPTIONS.items())},
    expected=lambda: "A",
    options=INVITE_OPTIONS,
    reasons={"B": {"zh": "无品牌忠诚的顾客只冲着优惠来：试饮会一结束，他们不会替新品说话，也不会再来买。",
                   "en": "Switchers come for the deal: once the tasting is over they neither speak for the product nor come back for it."},
             "C": {"zh": "随机抽样适合估计全体会员的看法，但抽到的多数人对新品没兴趣；试饮会要的是愿意尝新、会给意见的人。",
                   "en": "A random draw estimates what all members think, but most of those drawn do not care about new products; a "
                         "tasting needs people keen to try and to give their view."},
             "D": {"zh": "争取竞争品牌的忠诚顾客不是坏主意，但他们最难打动，也不会替我们传播；试饮会先从自己的率先使用者开始。",
                   "en": "Winning a rival's loyal customers is not a bad idea, but they are the hardest to move and will not spread "
                         "the word for us; a tasting starts with our own early adopters."}},
    hints=[{"zh": "试饮会要的是什么样的人：愿意尝新、会认真给意见、喜欢讲给别人听？",
            "en": "What kind of people does a tasting need: keen to try new things, ready to give a real opinion, happy to tell others?"},
           {"zh": "率先使用者 = 忠诚 + 新品一出就买。",
            "en": "Early adopter = loyal + buys new products as soon as they appear."},
           {"zh": "四个选项里，哪一个同时满足“忠诚于我们”和“新品一出就买”两条？",
            "en": "Which of the four options meets both conditions: loyal to us, and buying new products as soon as they appear?"}],
    model_answer="first_invited = 'A'",
    explanation={"zh": "A：忠诚又爱尝新的率先使用者——会来、会认真评价、会替我们传播。",
                 "en": "A: loyal customers who try new things first — they come, judge seriously and spread the word."},
)


# ---- loyalty programmes: what does each reward build? ----
PROGRAMME_CLASSES = ("lp_preference", "lp_repeat", "lp_wrong")
PROGRAMME_CARDS = [
    {"id": "L1", "text": {"zh": "金卡会员可以预约店长一对一的家居搭配咨询",
                          "en": "Gold members can book a one-to-one home-styling session with the store manager"}},
    {"id": "L2", "text": {"zh": "每消费 1 元积 1 分，100 分抵 1 元",
                          "en": "One point per yuan spent; 100 points are worth ¥1"}},
    {"id": "L3", "text": {"zh": "按交易笔数积分，退货也算一笔交易",
                          "en": "Points per transaction — and a return counts as a transaction"}},
    {"id": "L4", "text": {"zh": "生日月邀请参加新品试用会，店员记得他的喜好",
                          "en": "An invitation to a new-product preview in the birthday month, with staff who remember their tastes"}},
    {"id": "L5", "text": {"zh": "推荐一位朋友注册并下单，双方各得 50 元券",
                          "en": "Refer a friend who signs up and orders, and both get a ¥50 voucher"}},
    {"id": "L6", "text": {"zh": "大额优惠券只在每月最后一天发放，会员都等到月底才买",
                          "en": "Big vouchers only on the last day of each month, so members wait until then to buy"}},
]
PROGRAMME_KEY = {"L1": "lp_preference", "L2": "lp_repeat", "L3": "lp_wrong",
                 "L4": "lp_preference", "L5": "lp_repeat", "L6": "lp_wrong"}
PROGRAMME_MEANINGS = {
    "lp_preference": {"zh": "专属服务、被记住、先睹为快——竞争对手难以照搬", "en": "personal service, being remembered, first looks — hard for a rival to copy"},
    "lp_repeat": {"zh": "积分、折扣、现金券谁都能给，换来的是行为而不是偏爱", "en": "points, discounts and vouchers anyone can give — they buy behaviour, not preference"},
    "lp_wrong": {"zh": "让顾客多做的恰恰是我们不想要的（退货、等优惠）", "en": "what it makes customers do is what we do not want (returns, waiting for the deal)"},
}
PROGRAMME_OPTIONS = catalogue_options(PROGRAMME_CLASSES)

q6 = ClassificationProblem(
    var="programme_answers",
    question={"zh": "下面六项会员权益，各自培养的是什么？为每张卡片选一类。",
              "en": "What does each of the six member benefits below build? Pick a class for every card."},
    expected=lambda: dict(PROGRAMME_KEY),
    options=PROGRAMME_OPTIONS,
    cards=PROGRAMME_CARDS,
    reasons=meaning_reasons(PROGRAMME_KEY, PROGRAMME_MEANINGS, PROGRAMME_OPTIONS),
    mistakes=[Mistake("wanted_is_preference", answer=lambda: {**PROGRAMME_KEY, "L5": "lp_preference"},
                      message={"zh": "L5 奖励的是我们想要的行为（推荐朋友），但现金券谁都能给：它换来的是行为，不是偏爱。",
                               "en": "L5 rewards a behaviour we want (referring friends), but anyone can hand out vouchers: it buys "
                                     "behaviour, not preference."})],
    hints=[{"zh": "问两件事：竞争对手明天能不能照搬？它让顾客多做的，是不是我们真正想要的行为？",
            "en": "Ask two things: could a rival copy it tomorrow? Is what it makes customers do what we really want?"},
           {"zh": "折扣、积分、现金券谁都能给，换来的是重复购买；专属服务、被记住、先睹为快难以复制，培养的是偏爱。",
            "en": "Discounts, points and vouchers anyone can give — they buy repeat purchases; personal service, being "
                  "remembered and first looks are hard to copy — they build preference."},
           {"zh": "每类各有两张卡片；奖励了不想要的行为的两张，一张和退货有关，一张和“等优惠”有关。",
            "en": "Each class has two cards; of the two that reward the wrong behaviour, one is about returns and one about "
                  "waiting for the deal."}],
)
