"""Chapter 13 · Customer experience management — experience audit, journey, Kano classification."""
from functools import lru_cache

from helpers.teaching.exercises.core import ChoiceProblem, ValueProblem

TOUCHPOINTS = ("ad", "social_media", "app", "store_visit", "checkout", "delivery", "after_sales", "membership")
MODULES = ("sense", "feel", "think", "act", "relate")
KANO_FEATURES = ("secure_payment", "easy_returns", "fast_delivery", "birthday_gift", "virtual_tryon",
                 "paper_catalogue")
#: Quiz: answer counts M O A I R Q of six proposed features (a product team's pilot survey, 300 answers each).
QUIZ_FEATURES = {
    "A": ({"zh": "免费礼品包装", "en": "Free gift wrapping"}, {"M": 20, "O": 35, "A": 150, "I": 85, "R": 6, "Q": 4}),
    "B": ({"zh": "订单实时跟踪", "en": "Live order tracking"}, {"M": 125, "O": 90, "A": 20, "I": 55, "R": 5, "Q": 5}),
    "C": ({"zh": "当日送达", "en": "Same-day delivery"}, {"M": 60, "O": 135, "A": 70, "I": 25, "R": 5, "Q": 5}),
    "D": ({"zh": "门店背景音乐", "en": "Background music in store"}, {"M": 10, "O": 15, "A": 40, "I": 200, "R": 30, "Q": 5}),
    "E": ({"zh": "自助结账", "en": "Self-checkout"}, {"M": 100, "O": 108, "A": 40, "I": 40, "R": 8, "Q": 4}),
    "F": ({"zh": "每个页面弹出聊天窗口", "en": "Chat pop-up on every page"}, {"M": 5, "O": 10, "A": 30, "I": 90, "R": 150, "Q": 15}),
}
QUIZ_CLASSES = ("kano_must_be", "kano_one_dimensional", "kano_attractive", "kano_indifferent", "kano_reverse")
FORM_ANSWER = {"functional": 1, "dysfunctional": 4}      # q3: "I like it" / "I can live with it"


@lru_cache(maxsize=1)
def _audit():
    from helpers.data.datasets import load_demo
    from helpers.experience import experience_audit

    return experience_audit(load_demo("touchpoints"), target=load_demo("experience_target"))


@lru_cache(maxsize=1)
def _journey():
    from helpers.data.datasets import load_demo
    from helpers.experience import journey_line

    return journey_line(load_demo("touchpoints"))


@lru_cache(maxsize=1)
def _kano():
    from helpers.data.datasets import load_demo
    from helpers.kano import kano_table

    survey = load_demo("survey")
    columns = [f"kano_{f}_{q}" for f in KANO_FEATURES for q in ("func", "dysf")]
    return kano_table(survey.dropna(subset=columns), list(KANO_FEATURES))


def quiz_cards() -> list[dict]:
    """One card per proposed feature: its name and the answer counts, in both languages."""
    def text(name: dict, counts: dict, lang: str) -> str:
        sep = "：" if lang == "zh" else ": "
        return name[lang] + sep + " · ".join(f"{k} {v}" for k, v in counts.items())

    return [{"id": card, "text": {lang: text(name, counts, lang) for lang in ("zh", "en")}}
            for card, (name, counts) in QUIZ_FEATURES.items()]


def _quiz_classes(field: str) -> dict:
    from helpers.kano import kano_stats

    return {card: kano_stats(counts)[field] for card, (_, counts) in QUIZ_FEATURES.items()}


def _form_category() -> str:
    from helpers.kano import CATEGORY_IDS, kano_category

    return CATEGORY_IDS[kano_category([FORM_ANSWER["functional"]], [FORM_ANSWER["dysfunctional"]]).iloc[0]]


q1 = ChoiceProblem(
    var="weakest_touchpoint",
    expected=lambda: _audit().gaps.mean(axis=1).idxmin(),
    wrong=lambda: _journey().set_index("touchpoint")["score"].idxmin(),
    options={tp: {"zh": tp, "en": tp} for tp in TOUCHPOINTS},
    hints=[{"zh": "题目问的是体验审计（五个模块的得分与目标之差），不是顾客满意度评分。",
            "en": "The question is about the experience audit (module scores against the target), not the customers' satisfaction ratings."},
           {"zh": "audit.gaps.mean(axis=1) 是每个接触点的平均差距；idxmin() 给出差距最负的接触点。",
            "en": "audit.gaps.mean(axis=1) is each touchpoint's mean gap; idxmin() gives the one furthest below target."}],
    model_answer={"zh": "weakest_touchpoint = audit.gaps.mean(axis=1).idxmin()   # 'delivery'：平均差距 −1.50；"
                        "售后服务（−1.46）紧随其后，而顾客评分最低的是售后服务",
                  "en": "weakest_touchpoint = audit.gaps.mean(axis=1).idxmin()   # 'delivery': mean gap −1.50; after-sales "
                        "(−1.46) is close behind, and it has the lowest customer rating"},
)

q2 = ChoiceProblem(
    var="weakest_module",
    expected=lambda: _audit().gaps.mean(axis=0).idxmin(),
    wrong=lambda: _audit().column_means.idxmin(),
    options={m: {"zh": m, "en": m} for m in MODULES},
    hints=[{"zh": "要找的是离目标最远的模块，而不是得分最低的模块：各模块的目标不同（感官、情感 4.0，其余 3.5）。",
            "en": "Look for the module furthest below its target, not the lowest score: targets differ (sense and feel 4.0, the others 3.5)."},
           {"zh": "audit.gaps.mean(axis=0).idxmin()。", "en": "audit.gaps.mean(axis=0).idxmin()."}],
    model_answer={"zh": "weakest_module = audit.gaps.mean(axis=0).idxmin()   # 'feel'：平均 3.06，目标 4.0，差 0.94；"
                        "关联得分最低（2.66），但目标只有 3.5",
                  "en": "weakest_module = audit.gaps.mean(axis=0).idxmin()   # 'feel': mean 3.06 against 4.0, short by 0.94; "
                        "relate scores lowest (2.66) but its target is only 3.5"},
)

q3 = ChoiceProblem(
    var="tryon_category",
    expected=lambda: _form_category(),
    wrong=lambda: "kano_one_dimensional",
    options={c: {"zh": c, "en": c} for c in QUIZ_CLASSES + ("kano_questionable",)},
    hints=[{"zh": "在表单里把“如果有”设为“我喜欢”，把“如果没有”设为“我可以忍受”。",
            "en": "In the form set \"if it has\" to \"I like it\" and \"if it does not have\" to \"I can live with it\"."},
           {"zh": "评价表第 1 行（喜欢）第 4 列（可以忍受）；也可以读 form.result.category。",
            "en": "Evaluation table row 1 (like), column 4 (live with); or read form.result.category."}],
    model_answer={"zh": "form.controls['functional'].value = 1\nform.controls['dysfunctional'].value = 4\n"
                        "tryon_category = form.result.category   # 'kano_attractive'：有了高兴，没有也能接受",
                  "en": "form.controls['functional'].value = 1\nform.controls['dysfunctional'].value = 4\n"
                        "tryon_category = form.result.category   # 'kano_attractive': pleased to have it, fine without it"},
)


q4 = ValueProblem(
    var="better_fast_delivery",
    expected=lambda: float(_kano().table.loc["fast_delivery", "cs_plus"]),
    wrong=lambda: float((_kano().table.loc["fast_delivery", ["A", "O"]].sum()) / _kano().table.loc["fast_delivery", "n"]),
    rel_tol=1e-3,
    hints=[{"zh": "Better = (A + O) / (A + O + M + I)；分母不含反向（R）和可疑（Q）答案。",
            "en": "Better = (A + O) / (A + O + M + I); the denominator leaves out reverse (R) and questionable (Q) answers."},
           {"zh": "kano.table.loc['fast_delivery', 'cs_plus'] 就是它。", "en": "kano.table.loc['fast_delivery', 'cs_plus'] is the value."}],
    model_answer={"zh": "better_fast_delivery = kano.table.loc['fast_delivery', 'cs_plus']   # (47 + 184) / 366 ≈ 0.631",
                  "en": "better_fast_delivery = kano.table.loc['fast_delivery', 'cs_plus']   # (47 + 184) / 366 ≈ 0.631"},
)

q5 = ChoiceProblem(
    var="kano_classes",
    expected=lambda: _quiz_classes("category"),
    wrong=lambda: _quiz_classes("max"),
    hints=[{"zh": "每个功能取人数最多的类别；但如果 M、O、A、I 中有几类的占比相差不到 5 个百分点，按 M > O > A > I 的顺序取第一个。",
            "en": "Take each feature's most frequent category; but when several of M, O, A, I are within 5 percentage points "
                  "of the top share, take the first in the order M > O > A > I."},
           {"zh": "看 E：O 占 36%，M 占 33%，相差不到 5 个百分点——按规则应归为必备属性。",
            "en": "Look at E: O has 36%, M 33%, less than 5 points apart — by the rule it is must-be."}],
    model_answer={"zh": "kano_classes = quiz.answers   # A 魅力，B 必备，C 期望，D 无差异，E 必备（与期望接近，按 M > O > A > I），F 反向",
                  "en": "kano_classes = quiz.answers   # A attractive, B must-be, C one-dimensional, D indifferent, "
                        "E must-be (near-tie with one-dimensional, M > O > A > I), F reverse"},
)


# ---- the six rules of an experience platform ----
PLATFORM_RULES = ("rule_remind", "rule_mystery", "rule_gratitude", "rule_desire", "rule_volunteer", "rule_idol")
PLATFORM_CARDS = [
    {"id": "E1", "text": {"zh": "白金会员专属的新品预览日；其他会员只能在橱窗外看到海报，盼着升级",
                          "en": "A new-product preview day for platinum members only; other members see the poster in the window and hope to move up"}},
    {"id": "E2", "text": {"zh": "洗衣液快用完时，App 按上次购买的时间提醒补货",
                          "en": "When the detergent is about to run out, the app sends a refill reminder based on the last purchase"}},
    {"id": "E3", "text": {"zh": "邀请热心的老会员担任周末手作课的助教",
                          "en": "Keen long-standing members are invited to help teach the weekend craft classes"}},
    {"id": "E4", "text": {"zh": "把一位收纳达人会员的改造故事拍成短视频，请她做品牌体验官",
                          "en": "A short film of a member's storage makeover, and an invitation to be the brand's experience ambassador"}},
    {"id": "E5", "text": {"zh": "入会一周年，会员收到店长手写的感谢卡和一份小礼物",
                          "en": "On their first membership anniversary, members get a handwritten thank-you card and a small gift from the store manager"}},
    {"id": "E6", "text": {"zh": "每月第一个周六，门店有一件不提前公布的“惊喜商品”",
                          "en": "On the first Saturday of each month the store has a \"surprise item\" announced nowhere in advance"}},
]
PLATFORM_KEY = {"E1": "rule_desire", "E2": "rule_remind", "E3": "rule_volunteer",
                "E4": "rule_idol", "E5": "rule_gratitude", "E6": "rule_mystery"}

q6 = ChoiceProblem(
    var="platform_answers",
    expected=lambda: dict(PLATFORM_KEY),
    wrong=lambda: {**PLATFORM_KEY, "E1": "rule_mystery", "E6": "rule_desire"},
    hints=[{"zh": "问：这个做法让顾客产生的是什么——想起我们、好奇、被感谢、盼着得到、参与其中，还是有了一个榜样？",
            "en": "Ask what the practice makes customers feel: reminded of us, curious, thanked, longing for something, part "
                  "of it, or that they have a role model?"},
           {"zh": "渴望是让人想要、盼着（看得见却还得不到）；神秘是故意不提前说。",
            "en": "Longing makes people want something they can see but not yet have; mystery deliberately keeps things back."}],
    model_answer={"zh": "platform_answers = platform_quiz.answers\n"
                        "# E1 渴望（看得见、还得不到）；E2 提醒；E3 义工（顾客参与、出力）；E4 造神（树立榜样）；"
                        "E5 感恩；E6 神秘（不提前公布）",
                  "en": "platform_answers = platform_quiz.answers\n"
                        "# E1 longing (seen but not yet had); E2 reminder; E3 volunteering (customers take part); "
                        "E4 heroes (a role model); E5 gratitude; E6 mystery (nothing announced in advance)"},
)


def platform_quiz():
    """The cards of q6: which experience-platform rule each practice uses; its Check button judges with q6.

    >>> len(platform_quiz().cards)
    6
    """
    from helpers.teaching.widgets import ClassificationQuiz

    return ClassificationQuiz(PLATFORM_CARDS, PLATFORM_RULES, problem=q6)


# ---- the tea-box colours: sensation transference ----
def _price_by_box():
    from helpers.teaching.cases import tea_tasting

    return tea_tasting().groupby("box_colour")["price_willing"].mean()


q7 = ValueProblem(
    var="red_over_yellow",
    expected=lambda: float(_price_by_box()["tea_box_red"] - _price_by_box()["tea_box_yellow"]),
    wrong=lambda: float(_price_by_box()["tea_box_green"] - _price_by_box()["tea_box_yellow"]),   # the green box instead
    abs_tol=0.05,
    hints=[{"zh": "按礼盒颜色分组，算出每种颜色下愿付价格的平均值，再相减。",
            "en": "Group by box colour, take the mean price willing to pay per colour, then subtract."},
           {"zh": "by_box.loc['tea_box_red', 'price_willing'] 是朱红色礼盒的平均愿付价格；浅黄色用 'tea_box_yellow'。",
            "en": "by_box.loc['tea_box_red', 'price_willing'] is the mean for the red box; the pale-yellow one is 'tea_box_yellow'."}],
    model_answer={"zh": "red_over_yellow = by_box.loc['tea_box_red', 'price_willing'] - by_box.loc['tea_box_yellow', 'price_willing']\n"
                        "# 19.0 元：同一款茶，只因为旁边的盒子不同，愿付价格每 100 克相差 19 元",
                  "en": "red_over_yellow = by_box.loc['tea_box_red', 'price_willing'] - by_box.loc['tea_box_yellow', 'price_willing']\n"
                        "# ¥19.0: the same tea, and only the box beside it differs — ¥19 per 100 g"},
)


# ---- added value: what the gift packs cost against all revenue ----
@lru_cache(maxsize=1)
def _gift_plan():
    from helpers.data.datasets import load_demo
    from helpers.offers import gift_pack_grades

    return gift_pack_grades(load_demo("orders"), breaks=(199, 399, 699), costs=(6, 18, 45), within_share=0.1)


q8 = ValueProblem(
    var="gift_cost_share",
    expected=lambda: _gift_plan().attrs["cost_share"],
    wrong=lambda: float(_gift_plan()["cost_share"].iloc[1:].mean()),    # the mean of the three grades' shares
    abs_tol=5e-5,
    hints=[{"zh": "要的是礼包总成本 ÷ 全部订单收入（包括没有礼包的订单），不是三档各自占比的平均。",
            "en": "You want total gift spend ÷ all order revenue (orders without a gift included), not the mean of the three "
                  "grades' shares."},
           {"zh": "plan['gift_spend'].sum() / plan['revenue'].sum()，或直接读 plan.attrs['cost_share']。",
            "en": "plan['gift_spend'].sum() / plan['revenue'].sum(), or read plan.attrs['cost_share']."}],
    model_answer={"zh": "gift_cost_share = plan.attrs['cost_share']   # 0.0204：礼包约 6.2 万元，占全部收入约 2%",
                  "en": "gift_cost_share = plan.attrs['cost_share']   # 0.0204: about ¥62,000 of gifts, some 2 % of all revenue"},
)
