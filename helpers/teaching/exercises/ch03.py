"""Chapter 03 · The RFM model — scores, the tie rule, the 8 classes, English schemes, the explorer."""
from functools import lru_cache

from helpers.segment_rules import CN8
from helpers.teaching.exercises.core import (AS_PERCENT, ChoiceProblem, ClassificationProblem, Mistake,
                                             ValueProblem, catalogue_options)

CN8_CLASSES = list(CN8.values())
# The averages the card quiz compares with (stated in the question): 90 days, 4 orders, ¥2,000.
QUIZ_BREAKS = {"R": 90, "F": 4, "M": 2000}
# card id → (days since the last purchase, orders, spend in ¥)
QUIZ_CUSTOMERS = {"1": (30, 6, 900), "2": (200, 11, 5200), "3": (330, 1, 150), "4": (12, 9, 6400),
                  "5": (300, 2, 2600), "6": (45, 1, 300), "7": (20, 1, 3800), "8": (250, 5, 700)}


@lru_cache(maxsize=1)
def _rfm():
    from helpers.data.datasets import load_online_retail
    from helpers.rfm.table import rfm_table

    return rfm_table(load_online_retail()[0])


@lru_cache(maxsize=1)
def _scores():
    from helpers.rfm.scores import rfm_score

    return rfm_score(_rfm())


def _cell_count(cell: str) -> int:
    return int((_scores().table["rfm_cell"] == cell).sum())


def _segment_count(breaks: str, segment: str) -> int:
    from helpers.segments import cn8_classify

    return int((cn8_classify(_rfm(), breaks=breaks).table["segment"] == segment).sum())


def _segment_share(scheme: str, segment: str, column: str) -> float:
    from helpers.segments import rfm_segment, segment_summary

    summary = segment_summary(rfm_segment(_scores(), scheme)).set_index("segment")
    return float(summary.loc[segment, column])


def _card_code(card: str, swap_r: bool = False) -> str:
    """The R F M code of a quiz card (1 = high); ``swap_r`` reads "recent" as MORE days, the popular bug."""
    days, orders, spend = QUIZ_CUSTOMERS[card]
    recent = days <= QUIZ_BREAKS["R"]
    return "".join(str(int(flag)) for flag in (recent != swap_r, orders >= QUIZ_BREAKS["F"], spend >= QUIZ_BREAKS["M"]))


def _quiz_expected(swap_r: bool = False) -> dict:
    return {card: CN8[_card_code(card, swap_r)] for card in QUIZ_CUSTOMERS}


def quiz_cards() -> list[dict]:
    """The customer cards of the 8-class quiz, described in both languages.

    >>> quiz_cards()[0]["text"]["en"]
    'Last purchase 30 days ago; 6 orders; ¥900 spent'
    """
    return [{"id": card, "text": {"zh": f"最近一次购买：{days} 天前；{orders} 单；共消费 ¥{spend:,}",
                                  "en": f"Last purchase {days} days ago; {orders} orders; ¥{spend:,} spent"}}
            for card, (days, orders, spend) in QUIZ_CUSTOMERS.items()]


def _card_reason(card: str, chosen: str | None = None) -> dict:
    """Each of R, F, M of the card against the averages, and — for a wrong choice — the dimension(s) that decide."""
    days, orders, spend = QUIZ_CUSTOMERS[card]
    code = _card_code(card)
    r, f, m = (digit == "1" for digit in code)
    zh = (f"{days} 天 {'≤' if r else '>'} 90 天 → R 近" if r else f"{days} 天 > 90 天 → R 远") + (
        f"；{orders} 单 {'≥' if f else '<'} 4 → F {'高' if f else '低'}"
        f"；¥{spend:,} {'≥' if m else '<'} ¥2,000 → M {'高' if m else '低'}：代码 {code}。")
    en = (f"{days} days {'≤' if r else '>'} 90 → {'recent' if r else 'lapsed'}; "
          f"{orders} orders {'≥' if f else '<'} 4 → {'high' if f else 'low'} F; "
          f"¥{spend:,} {'≥' if m else '<'} ¥2,000 → {'high' if m else 'low'} M: code {code}.")
    chosen_code = next((c for c, cls in CN8.items() if cls == chosen), None)
    if chosen_code and chosen_code != code:
        decided = [dim for dim, mine, right in zip("RFM", chosen_code, code) if mine != right]
        zh += f"你选的类别代码是 {chosen_code}，区别在于 {'、'.join(decided)}。"
        en += f" Your choice has the code {chosen_code}: {' and '.join(decided)} make{'s' if len(decided) == 1 else ''} the difference."
    return {"zh": zh, "en": en}


q1 = ValueProblem(
    var="n_155",
    question={"zh": "Online Retail 中有多少位客户的 RFM 代码是 `'155'`——很久没来（R = 1），但过去买得多、花得多（F = M = 5）？"
                    "用上面的 `scores` 计算。",
              "en": "How many Online Retail customers have the RFM code `'155'` — away for a long time (R = 1) but frequent, "
                    "big spenders (F = M = 5)? Use `scores` above."},
    expected=lambda: _cell_count("155"),
    mistakes=[Mistake("r_reversed", answer=lambda: _cell_count("551"),
                      message={"zh": "这是代码 `'551'` 的人数：R、F、M 的顺序是固定的，第一位是 R。`'551'` 是最近来过、却买得少、花得少的客户。",
                               "en": "That is the count of `'551'`: the order is always R, F, M, R first. `'551'` is a recent, "
                                     "rare, small spender."}),
              Mistake("rfm_sum", answer=lambda: int((_scores().table["rfm_sum"] == 11).sum()),
                      message={"zh": "这是 `rfm_sum` = 11 的人数：总分 11 里有 155、551、335……各种完全不同的客户。代码要比较 `rfm_cell` 文本。",
                               "en": "That is the count of `rfm_sum` = 11: a total of 11 mixes 155, 551, 335 … entirely different "
                                     "customers. Compare the `rfm_cell` text instead."}),
              Mistake("best_cell", answer=lambda: _cell_count("555"),
                      message={"zh": "这是 `'555'`（三项都最好）的人数；题目问的是 R = 1 的 `'155'`。",
                               "en": "That is the count of `'555'` (best on all three); the question asks for `'155'`, with R = 1."})],
    hints=[{"zh": "RFM 代码把三个分数按 R、F、M 的顺序写成文本：`'155'` 是 R = 1、F = 5、M = 5。",
            "en": "The RFM code writes the three scores as text in the order R, F, M: `'155'` is R = 1, F = 5, M = 5."},
           {"zh": "代码在 `scores.table` 的 `rfm_cell` 列里。比较得到 True/False，对它求和就是人数。",
            "en": "The code is the `rfm_cell` column of `scores.table`. A comparison gives True/False; its sum is the count."},
           {"zh": "`(scores.table['rfm_cell'] == ____).sum()`——注意代码是带引号的文本。",
            "en": "`(scores.table['rfm_cell'] == ____).sum()` — mind that the code is text, in quotes."}],
    model_answer="n_155 = (scores.table['rfm_cell'] == '155').sum()",
    explanation={"zh": "只有 5 位：很久没来、过去却又常买又花得多的客户很少——每一位都值得客户经理亲自打电话（“不能失去”的客户）。",
                 "en": "Only 5: customers who were frequent big spenders and then stayed away are rare — each deserves a personal "
                       "call from an account manager (“can't lose them”)."},
)

q2 = ChoiceProblem(
    var="split_policy",
    question={"zh": "在哪一种并列值规则下，两位 F **完全相同**的客户可能得到**不同**的 F 分？写规则的编号：`'r_rfm'`、`'rank_first'` 或 `'qcut_drop'`。",
              "en": "Under which tie rule can two customers with **exactly the same** F get **different** F scores? Answer with the "
                    "rule's id: `'r_rfm'`, `'rank_first'` or `'qcut_drop'`."},
    expected=lambda: "rank_first",
    options={"r_rfm": {"zh": "R rfm 分位点规则", "en": "R rfm quantile breaks"},
             "rank_first": {"zh": "按名次等分", "en": "equal-size bins of the rank"},
             "qcut_drop": {"zh": "qcut 去重", "en": "qcut with repeated breaks dropped"}},
    reasons={"r_rfm": {"zh": "`r_rfm` 保证取值相同必定同分——本章选它正是因为这一点；它的代价是并列多时出现空档。",
                       "en": "`r_rfm` guarantees equal values share a score — that is why the chapter uses it; its cost is empty bins under heavy ties."},
             "qcut_drop": {"zh": "`qcut_drop` 合并重复的分界点，同一个值仍落在同一档；它的代价是档数变少、最高分不再是 5，而不是同值不同分。",
                           "en": "`qcut_drop` merges repeated breaks, so one value still lands in one bin; its cost is fewer bins and a top "
                                 "score below 5, not different scores for equal values."}},
    hints=[{"zh": "回看并列值规则表的“代价”一列：哪一种规则会让行为完全相同的客户得到不同的分？",
            "en": "Look again at the “cost” column of the tie-rule table: which rule gives identical customers different scores?"},
           {"zh": "看 CDNOW 上三位只买过一次的客户 00001、09324、18463：他们在哪种规则下 F 分不同？",
            "en": "Look at the three one-time buyers 00001, 09324 and 18463 on CDNOW: under which rule do their F scores differ?"},
           {"zh": "那条规则先按客户编号排序，再按名次等分——编号不同，分数就可能不同。",
            "en": "That rule sorts by customer id first and then cuts the ranks into equal bins — a different id can mean a different score."}],
    model_answer="split_policy = 'rank_first'",
    explanation={"zh": "按名次等分会把并列的客户按编号拆到不同的档：每档人数相同，代价是同样的行为得到不同的分。",
                 "en": "Equal-size ranks split tied customers into different bins by their id: equal bins, at the cost of different "
                       "scores for the same behaviour."},
)

q3 = ValueProblem(
    var="n_retain_median",
    question={"zh": "八类方案改用**中位数**作比较值（上面的 `cn8_median`）时，有多少位**重要挽留客户**（`'cn8_important_retain'`）？",
              "en": "With the **median** as the threshold of the 8 classes (`cn8_median` above), how many **important retention** "
                    "customers (`'cn8_important_retain'`) are there?"},
    expected=lambda: _segment_count("median", "cn8_important_retain"),
    mistakes=[Mistake("mean", answer=lambda: _segment_count("mean", "cn8_important_retain"),
                      message={"zh": "这是用均值作比较值（`cn8`）的人数；题目问的是中位数（`cn8_median`）。",
                               "en": "That is the count with the mean as threshold (`cn8`); the question asks for the median (`cn8_median`)."}),
              Mistake("keep", answer=lambda: _segment_count("median", "cn8_important_keep"),
                      message={"zh": "这是重要保持客户（代码 011：F 高）的人数；重要挽留客户是 001：很久没来、买得不多，但花得多。",
                               "en": "That is the important keep customers (code 011, high F); important retention is 001: lapsed, "
                                     "few orders, but a big spender."})],
    hints=[{"zh": "重要挽留客户的代码是 001：R 远、F 低、M 高——过去花得多、但很久没来、来得也少。",
            "en": "Important retention customers have the code 001: lapsed, low F, high M — they spent a lot but rarely came and are away."},
           {"zh": "`cn8_median.table` 的 `segment` 列是每位客户的类别编号。",
            "en": "The `segment` column of `cn8_median.table` holds every customer's class id."},
           {"zh": "数一数 `cn8_median.table['segment'] == ____` 为 True 的个数。",
            "en": "Count where `cn8_median.table['segment'] == ____` is True."}],
    model_answer="n_retain_median = (cn8_median.table['segment'] == 'cn8_important_retain').sum()",
    explanation={"zh": "119 位，用均值时只有 38 位：比较值一换，本周的回访名单就变成了三倍。",
                 "en": "119; with the mean only 38: change the threshold and this week's call list triples."},
)

q4 = ClassificationProblem(
    var="quiz_answers",
    question={"zh": "假设某店客户的平均值是：最近一次购买距今 **90 天**、**4 单**、消费 **¥2,000**（R 近 ⇔ 天数 ≤ 90，F 高 ⇔ 单数 ≥ 4，"
                    "M 高 ⇔ 金额 ≥ ¥2,000）。按八类方案为每张客户卡片选择类型。",
              "en": "Suppose a shop's averages are: last purchase **90 days** ago, **4 orders**, **¥2,000** spent (recent ⇔ days ≤ 90, "
                    "high F ⇔ orders ≥ 4, high M ⇔ spend ≥ ¥2,000). Pick the 8-class type of every customer card."},
    expected=_quiz_expected,
    options=lambda: catalogue_options(CN8_CLASSES),
    cards=quiz_cards,
    reasons=_card_reason,
    mistakes=[Mistake("r_reversed", answer=lambda: _quiz_expected(swap_r=True),
                      message={"zh": "看起来你把 R 看反了：“近”是距今天数**少**（≤ 90 天），不是天数多。网上流传最广的那段代码正是犯了这个错，近与远被对调。",
                               "en": "It looks like R is reversed: recent means **few** days (≤ 90), not many. The most-copied snippet on the "
                                     "web makes exactly this mistake, swapping recent and lapsed."})],
    hints=[{"zh": "每张卡片分别比较三项：天数 ≤ 90 为“近”，单数 ≥ 4 为 F 高，金额 ≥ ¥2,000 为 M 高。",
            "en": "Compare each card three times: days ≤ 90 is recent, orders ≥ 4 is high F, spend ≥ ¥2,000 is high M."},
           {"zh": "写出 R F M 代码（1 = 高/近），再查八类表：例如 111 → 重要价值客户，000 → 一般挽留客户。",
            "en": "Write the R F M code (1 = high/recent) and look it up in the 8-class table: 111 → important value, 000 → general retention."},
           {"zh": "卡片 4 是 12 天、9 单、¥6,400 → 111 → 重要价值客户；卡片 2 是 200 天、11 单、¥5,200 → R 远，代码 0__。",
            "en": "Card 4 is 12 days, 9 orders, ¥6,400 → 111 → important value; card 2 is 200 days, 11 orders, ¥5,200 → lapsed, code 0__."}],
)

q5 = ValueProblem(
    var="champions_revenue_share",
    question={"zh": "在 `r_rfm10` 方案中（上面的 `seg10`），冠军客户（`'champions'`）带来了多大比例的**收入**？答 0–1 之间的小数。",
              "en": "Under the `r_rfm10` scheme (`seg10` above), what share of **revenue** do the Champions (`'champions'`) bring? "
                    "Answer with a fraction between 0 and 1."},
    expected=lambda: _segment_share("r_rfm10", "champions", "revenue_share"),
    decimals=3,
    mistakes=[Mistake("customer_share", answer=lambda: _segment_share("r_rfm10", "champions", "customer_share"),
                      message={"zh": "这是冠军客户的客户占比（`customer_share`），题目问的是收入占比（`revenue_share`）。",
                               "en": "That is the Champions' share of customers (`customer_share`); the question asks for their share of revenue (`revenue_share`)."}),
              Mistake("rfm11", answer=lambda: _segment_share("rfm11", "champions", "revenue_share"),
                      message={"zh": "这是 `rfm11` 方案的冠军客户；题目问的是 `r_rfm10`（`seg10`）。",
                               "en": "That is the Champions of the `rfm11` scheme; the question asks for `r_rfm10` (`seg10`)."}),
              AS_PERCENT],
    hints=[{"zh": "收入占比 = 冠军客户的收入 ÷ 全部客户的收入；客户占比是另一件事。",
            "en": "Revenue share = the Champions' revenue ÷ all revenue; the share of customers is a different thing."},
           {"zh": "`segment_summary(seg10)` 的 `revenue_share` 列是收入占比，`customer_share` 是客户占比；每行是一个细分。",
            "en": "In `segment_summary(seg10)`, `revenue_share` is the share of revenue and `customer_share` the share of customers; one row per segment."},
           {"zh": "`segment_summary(seg10).set_index('segment').loc['champions', ____]`",
            "en": "`segment_summary(seg10).set_index('segment').loc['champions', ____]`"}],
    model_answer="champions_revenue_share = segment_summary(seg10).set_index('segment').loc['champions', 'revenue_share']",
    explanation={"zh": "约 0.434：7.6% 的客户带来 43% 的收入。", "en": "About 0.434: 7.6 % of the customers bring 43 % of the revenue."},
)

q6 = ValueProblem(
    var="champions_revenue_rfm11",
    question={"zh": "在讲解器的“细分方案”中选 `rfm11`（R×FM 十一类）：这时冠军客户带来多大比例的**收入**？答 0–1 之间的小数。",
              "en": "In the explorer, choose the `rfm11` scheme (R×FM, 11 segments): what share of **revenue** do the Champions bring "
                    "now? Answer with a fraction between 0 and 1."},
    expected=lambda: _segment_share("rfm11", "champions", "revenue_share"),
    decimals=3,
    mistakes=[Mistake("r_rfm10", answer=lambda: _segment_share("r_rfm10", "champions", "revenue_share"),
                      message={"zh": "这是 `r_rfm10` 方案（讲解器的初始设置）的结果：先在“细分方案”下拉框中选 `rfm11`。",
                               "en": "That is the `r_rfm10` scheme, the explorer's starting point: choose `rfm11` in the scheme menu first."}),
              Mistake("customer_share", answer=lambda: _segment_share("rfm11", "champions", "customer_share"),
                      message={"zh": "这是 `rfm11` 冠军客户的客户占比；题目问的是收入占比（`revenue_share`）。",
                               "en": "That is the share of customers of the `rfm11` Champions; the question asks for the share of revenue (`revenue_share`)."}),
              AS_PERCENT],
    hints=[{"zh": "同名不同义：`rfm11` 的冠军客户比 `r_rfm10` 宽松得多，人数和收入占比都会变大。",
            "en": "Same name, different meaning: `rfm11` Champions are defined far more loosely than in `r_rfm10`, so both their "
                  "number and their revenue share grow."},
           {"zh": "在“细分方案”下拉框中选 R×FM 十一类，读表中冠军客户一行的收入占比；代码里也可以设置 `explorer.controls['scheme'].value`。",
            "en": "Choose R×FM 11 segments in the scheme menu and read the Champions row's revenue share; in code you can set "
                  "`explorer.controls['scheme'].value`."},
           {"zh": "`explorer.controls['scheme'].value = 'rfm11'`，然后读 `explorer.result.summary` 中冠军客户的 `____` 列。",
            "en": "`explorer.controls['scheme'].value = 'rfm11'`, then read the `____` column of the Champions in `explorer.result.summary`."}],
    model_answer="explorer.controls['scheme'].value = 'rfm11'\n"
                 "champions_revenue_rfm11 = explorer.result.summary.set_index('segment').loc['champions', 'revenue_share']",
    explanation={"zh": "约 0.653：`rfm11` 的冠军客户占 20.5% 的客户、65% 的收入；`r_rfm10` 只有 7.6% 的客户、43% 的收入——汇报时必须写明方案。",
                 "en": "About 0.653: `rfm11` Champions are 20.5 % of customers with 65 % of revenue; under `r_rfm10` 7.6 % with 43 % — "
                       "a report must name its scheme."},
)
