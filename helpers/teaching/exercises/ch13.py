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
