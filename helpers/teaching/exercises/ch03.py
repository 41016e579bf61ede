"""Chapter 03 · The RFM model — scores, the tie rule, the 8 classes, English schemes, the explorer."""
from functools import lru_cache

from helpers.teaching.exercises.core import ChoiceProblem, ValueProblem
from helpers.segment_rules import CN8

CN8_CLASSES = list(CN8.values())
# The averages the card quiz compares with (stated in the notebook): 90 days, 4 orders, ¥2,000.
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


def _retain_count(breaks: str) -> int:
    from helpers.segments import cn8_classify

    return int((cn8_classify(_rfm(), breaks=breaks).table["segment"] == "cn8_important_retain").sum())


def _segment_share(scheme: str, segment: str, column: str) -> float:
    from helpers.segments import rfm_segment, segment_summary

    summary = segment_summary(rfm_segment(_scores(), scheme)).set_index("segment")
    return float(summary.loc[segment, column])


def _quiz_expected() -> dict:
    import pandas as pd

    from helpers.segments import cn8_classify

    cards = pd.DataFrame(QUIZ_CUSTOMERS, index=["recency_days", "frequency", "monetary"]).T
    return cn8_classify(cards, breaks=QUIZ_BREAKS).table["segment"].to_dict()


def quiz_cards() -> list[dict]:
    """The customer cards of the 8-class quiz, described in both languages."""
    return [{"id": card, "text": {"zh": f"最近一次购买：{days} 天前；{orders} 单；共消费 ¥{spend:,}",
                                  "en": f"Last purchase {days} days ago; {orders} orders; ¥{spend:,} spent"}}
            for card, (days, orders, spend) in QUIZ_CUSTOMERS.items()]


q1 = ValueProblem(
    var="n_555",
    expected=lambda: _cell_count("555"),
    wrong=lambda: _cell_count("111"),
    hints=[{"zh": "RFM 代码在 scores.table 的 rfm_cell 列里，是文本，例如 '555'。",
            "en": "The RFM code is the rfm_cell column of scores.table, as text, e.g. '555'."},
           {"zh": "比较得到 True/False，再求和就是人数：(scores.table['rfm_cell'] == '555').sum()。",
            "en": "A comparison gives True/False; summing counts the customers: (scores.table['rfm_cell'] == '555').sum()."}],
    model_answer={"zh": "n_555 = (scores.table['rfm_cell'] == '555').sum()   # 328 位客户三项都在最好的五分之一",
                  "en": "n_555 = (scores.table['rfm_cell'] == '555').sum()   # 328 customers are in the best fifth on all three"},
)

q2 = ChoiceProblem(
    var="split_policy",
    expected=lambda: "rank_first",
    wrong=lambda: "r_rfm",
    options={"r_rfm": {"zh": "R rfm 分位点规则", "en": "R rfm quantile breaks"},
             "rank_first": {"zh": "按名次等分", "en": "equal-size bins of the rank"},
             "qcut_drop": {"zh": "qcut 去重", "en": "qcut with repeated breaks dropped"}},
    hints=[{"zh": "题目问的是：两位 F 完全相同的客户，在哪种规则下可能得到不同的 F 分？",
            "en": "The question: under which rule can two customers with exactly the same F get different F scores?"},
           {"zh": "回看 CDNOW 上三位只买过一次的客户 00001、09324、18463 的 F 分。",
            "en": "Look again at the F scores of the three one-time buyers 00001, 09324 and 18463 on CDNOW."}],
    model_answer={"zh": "split_policy = 'rank_first'   # 按名次等分会把并列的客户按编号拆到不同的档",
                  "en": "split_policy = 'rank_first'   # equal-size ranks split tied customers into different bins by their id"},
)

q3 = ValueProblem(
    var="n_retain_median",
    expected=lambda: _retain_count("median"),
    wrong=lambda: _retain_count("mean"),
    hints=[{"zh": "先用 cn8_classify(rfm, breaks='median') 分类（正文里已经算好 cn8_median）。",
            "en": "Classify with cn8_classify(rfm, breaks='median') first (the text already has cn8_median)."},
           {"zh": "重要挽留客户的编号是 'cn8_important_retain'，数一数 segment 列里有多少个。",
            "en": "The id of important retention customers is 'cn8_important_retain'; count it in the segment column."}],
    model_answer={"zh": "n_retain_median = (cn8_median.table['segment'] == 'cn8_important_retain').sum()   # 119 位，用均值时只有 38 位",
                  "en": "n_retain_median = (cn8_median.table['segment'] == 'cn8_important_retain').sum()   # 119; with the mean only 38"},
)

q4 = ChoiceProblem(
    var="quiz_answers",
    expected=_quiz_expected,
    # the classic mistake: "recent" read as MORE days than the average swaps recent and lapsed classes
    wrong=lambda: {**_quiz_expected(), "2": "cn8_important_value", "4": "cn8_important_keep"},
    hints=[{"zh": "每张卡片分别比较三项：天数 ≤ 90 为“近”，单数 ≥ 4 为 F 高，金额 ≥ ¥2,000 为 M 高。",
            "en": "Compare each card three times: days ≤ 90 is recent, orders ≥ 4 is high F, spend ≥ ¥2,000 is high M."},
           {"zh": "写出 R F M 代码（1 = 高），再查八类表：例如卡片 4 是 111 → 重要价值客户。",
            "en": "Write the R F M code (1 = high) and look it up in the 8-class table: card 4 is 111 → important value."}],
    model_answer={"zh": "卡片 1–8 的代码：110 一般价值、011 重要保持、000 一般挽留、111 重要价值、001 重要挽留、100 一般发展、101 重要发展、010 一般保持。",
                  "en": "Codes of cards 1–8: 110 general value, 011 important keep, 000 general retention, 111 important value, "
                        "001 important retention, 100 general development, 101 important development, 010 general keep."},
)

q5 = ValueProblem(
    var="champions_revenue_share",
    expected=lambda: _segment_share("r_rfm10", "champions", "revenue_share"),
    wrong=lambda: _segment_share("r_rfm10", "champions", "customer_share"),
    rel_tol=1e-3,
    hints=[{"zh": "segment_summary(seg10) 的 revenue_share 列是收入占比，customer_share 是客户占比。",
            "en": "In segment_summary(seg10), revenue_share is the share of revenue; customer_share the share of customers."},
           {"zh": "用 set_index('segment') 后按 .loc['champions', 'revenue_share'] 取值。",
            "en": "Use set_index('segment') and then .loc['champions', 'revenue_share']."}],
    model_answer={"zh": "champions_revenue_share = segment_summary(seg10).set_index('segment').loc['champions', 'revenue_share']   # 约 0.434：7.6% 的客户贡献 43% 的收入",
                  "en": "champions_revenue_share = segment_summary(seg10).set_index('segment').loc['champions', 'revenue_share']   # about 0.434: 7.6 % of customers bring 43 % of revenue"},
)

q6 = ValueProblem(
    var="champions_share_rfm11",
    expected=lambda: _segment_share("rfm11", "champions", "customer_share"),
    wrong=lambda: _segment_share("r_rfm10", "champions", "customer_share"),
    rel_tol=1e-3,
    hints=[{"zh": "在讲解器的“细分方案”下拉框中选 R×FM 十一类，读表中冠军客户的客户占比。",
            "en": "Choose the R×FM 11 segments in the explorer's scheme menu and read the customer share of Champions."},
           {"zh": "也可以用代码：explorer.controls['scheme'].value = 'rfm11'，再读 explorer.result.summary。",
            "en": "Or in code: explorer.controls['scheme'].value = 'rfm11', then read explorer.result.summary."}],
    model_answer={"zh": "explorer.controls['scheme'].value = 'rfm11'\nchampions_share_rfm11 = explorer.result.summary.set_index('segment').loc['champions', 'customer_share']   # 约 0.205，r_rfm10 只有 0.076",
                  "en": "explorer.controls['scheme'].value = 'rfm11'\nchampions_share_rfm11 = explorer.result.summary.set_index('segment').loc['champions', 'customer_share']   # about 0.205; under r_rfm10 only 0.076"},
)
