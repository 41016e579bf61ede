"""Chapter 13 · Customer experience management — experience audit, journey, Kano classification."""
from functools import lru_cache

from helpers.teaching.exercises.core import (AS_PERCENT, ChoiceProblem, ClassificationProblem, Mistake, ValueProblem,
                                             catalogue_options, meaning_reasons, signed)

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
    """One card per proposed feature: its name and the answer counts, in both languages.

    >>> quiz_cards()[0]["text"]["en"]
    'Free gift wrapping: M 20 · O 35 · A 150 · I 85 · R 6 · Q 4'
    """
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


def _touchpoint_labels(ids):
    from helpers.data.datasets import demo_label

    return demo_label(list(ids), "touchpoint")


TOUCHPOINT_OPTIONS = catalogue_options(TOUCHPOINTS, _touchpoint_labels)
MODULE_OPTIONS = {m: text for m, text in zip(MODULES, catalogue_options([f"sem_{m}" for m in MODULES]).values())}
KANO_OPTIONS = catalogue_options(QUIZ_CLASSES + ("kano_questionable",))


def _touchpoint_reasons() -> dict:
    """Each touchpoint's mean gap against the weakest one (and the lowest customer rating, a different measure)."""
    gaps = _audit().gaps.mean(axis=1)
    worst, rated_lowest = gaps.idxmin(), _journey().set_index("touchpoint")["score"].idxmin()
    names = TOUCHPOINT_OPTIONS
    out = {}
    for tp, gap in gaps.items():
        if tp == worst:
            continue
        zh = f"{names[tp]['zh']}的平均差距是 {signed(gap)}，不如{names[worst]['zh']}的 {signed(gaps[worst])} 离目标远。"
        en = f"{names[tp]['en']} has a mean gap of {signed(gap)}, not as far below target as {names[worst]['en']} ({signed(gaps[worst])})."
        if tp == rated_lowest:
            zh += "它的顾客满意度评分最低，但题目问的是体验审计中离目标的差距，这是另一个指标。"
            en += " Its customer rating is the lowest, but the question asks for the audit's gap to target — a different measure."
        out[tp] = {"zh": zh, "en": en}
    return out


def _module_reasons() -> dict:
    """Each module's mean gap; the lowest-scoring module is not the one furthest below its (lower) target."""
    audit = _audit()
    gaps, means = audit.gaps.mean(axis=0), audit.column_means
    worst, lowest = gaps.idxmin(), means.idxmin()
    names = {f"sem_{m}": text for m, text in MODULE_OPTIONS.items()}
    out = {}
    for module, gap in gaps.items():
        if module == worst:
            continue
        name, target = names[f"sem_{module}"], means[module] - gap
        zh = f"{name['zh']}平均 {means[module]:.2f}，目标 {target:.1f}，差 {-gap:.2f}；{names[f'sem_{worst}']['zh']}差 {-gaps[worst]:.2f}。"
        en = (f"{name['en']} averages {means[module]:.2f} against a target of {target:.1f}, short by {-gap:.2f}; "
              f"{names[f'sem_{worst}']['en']} is short by {-gaps[worst]:.2f}.")
        if module == lowest:
            zh += "它的得分最低，但目标也低。"
            en += " It scores lowest, but its target is lower too."
        out[module] = {"zh": zh, "en": en}
    return out


#: What each Kano category means for the two questions (functional: the product has it; dysfunctional: it does not).
KANO_MEANS = {
    "kano_must_be": {"zh": "必备属性是“有了理所当然，没有就不满意”：没有虚拟试用时他说“可以忍受”，不是“不喜欢”。",
                     "en": "Must-be means “taken for granted if present, dissatisfying if absent”: without try-on he says "
                           "“I can live with it”, not “I dislike it”."},
    "kano_one_dimensional": {"zh": "期望属性是“有了喜欢，没有就不喜欢”：而他没有它也能忍受。",
                             "en": "One-dimensional means “like it if present, dislike it if absent”: but he can live without it."},
    "kano_indifferent": {"zh": "无差异属性是“有没有都无所谓”：而他说有了“我喜欢”。",
                         "en": "Indifferent means “it makes no difference either way”: but he likes having it."},
    "kano_reverse": {"zh": "反向属性是“有了反而不喜欢”：而他说有了“我喜欢”。",
                     "en": "Reverse means “having it is disliked”: but he likes having it."},
    "kano_questionable": {"zh": "可疑答案是两问自相矛盾（例如有了喜欢、没有也喜欢）：“喜欢”与“可以忍受”并不矛盾。",
                          "en": "Questionable means the two answers contradict each other (e.g. liking both having and not having "
                                "it): “I like it” and “I can live with it” do not."},
}


def _kano_reason(card: str, chosen: str | None = None) -> dict:
    """The card's counts by the rule: the most frequent category, or the M > O > A > I rule within 5 points."""
    from helpers.kano import CATEGORY_IDS, PRIORITY, kano_stats

    counts = QUIZ_FEATURES[card][1]
    n = sum(counts.values())
    stats = kano_stats(counts)
    top = max(counts, key=counts.get)
    names = catalogue_options(list(CATEGORY_IDS.values()))
    right = names[stats["category"]]
    if CATEGORY_IDS[top] == stats["category"]:
        second = sorted(counts.values(), reverse=True)[1]
        zh = (f"{top} 人数最多：{counts[top]}/{n} = {counts[top] / n:.0%}，比第二多的类别高 {100 * (counts[top] - second) / n:.0f} 个百分点"
              f" → {right['zh']}。")
        en = (f"{top} is the most frequent: {counts[top]}/{n} = {100 * counts[top] / n:.0f} %, "
              f"{100 * (counts[top] - second) / n:.0f} points ahead of the next → {right['en']}.")
    else:
        near = [c for c in PRIORITY if counts[c] / n >= counts[top] / n - 0.05 - 1e-12]
        zh = (f"{top} 最多（{counts[top] / n:.0%}），但 {'、'.join(near)} 相差不到 5 个百分点，按 M > O > A > I 取 {near[0]} → {right['zh']}。")
        en = (f"{top} is the most frequent ({100 * counts[top] / n:.0f} %), but {', '.join(near)} are within 5 points, so M > O > A > I "
              f"picks {near[0]} → {right['en']}.")
    return {"zh": zh, "en": en}


q1 = ChoiceProblem(
    var="weakest_touchpoint",
    question={"zh": "按体验审计（五个模块的得分与目标之差），哪个接触点的**平均差距最负**、离目标最远？写接触点编号，例如 `'checkout'`。",
              "en": "In the experience audit (module scores against their targets), which touchpoint has the **most negative mean "
                    "gap**, the furthest below target? Answer with the touchpoint id, e.g. `'checkout'`."},
    expected=lambda: _audit().gaps.mean(axis=1).idxmin(),
    options=TOUCHPOINT_OPTIONS,
    reasons=_touchpoint_reasons,
    hints=[{"zh": "题目问的是体验审计（五个模块的得分与目标之差），不是顾客满意度评分。",
            "en": "The question is about the experience audit (module scores against the target), not the customers' satisfaction ratings."},
           {"zh": "`audit.gaps` 每行一个接触点、每列一个模块；对每一行取平均就是接触点的平均差距。",
            "en": "`audit.gaps` has a row per touchpoint and a column per module; the mean of each row is the touchpoint's mean gap."},
           {"zh": "`audit.gaps.mean(axis=1).____()` 给出差距最负的接触点。", "en": "`audit.gaps.mean(axis=1).____()` gives the touchpoint furthest below target."}],
    model_answer="weakest_touchpoint = audit.gaps.mean(axis=1).idxmin()",
    explanation={"zh": "`'delivery'`：平均差距 −1.50；售后服务（−1.46）紧随其后，而顾客评分最低的是售后服务。",
                 "en": "`'delivery'`: mean gap −1.50; after-sales (−1.46) is close behind, and it has the lowest customer rating."},
)

q2 = ChoiceProblem(
    var="weakest_module",
    question={"zh": "哪个体验模块**离目标最远**（各接触点差距的平均最负）？写模块编号：`'sense'`、`'feel'`、`'think'`、`'act'` 或 `'relate'`。",
              "en": "Which experience module falls **furthest below its target** (the most negative mean gap over the touchpoints)? "
                    "Answer with the module id: `'sense'`, `'feel'`, `'think'`, `'act'` or `'relate'`."},
    expected=lambda: _audit().gaps.mean(axis=0).idxmin(),
    options=MODULE_OPTIONS,
    reasons=_module_reasons,
    hints=[{"zh": "要找的是离目标最远的模块，而不是得分最低的模块：各模块的目标不同（感官、情感 4.0，其余 3.5）。",
            "en": "Look for the module furthest below its target, not the lowest score: targets differ (sense and feel 4.0, the others 3.5)."},
           {"zh": "`audit.gaps` 的每一列是一个模块；对每一列取平均就是模块的平均差距。",
            "en": "Each column of `audit.gaps` is a module; the mean of each column is the module's mean gap."},
           {"zh": "`audit.gaps.mean(axis=____).idxmin()`——按列取平均，`axis` 填几？",
            "en": "`audit.gaps.mean(axis=____).idxmin()` — averaging each column, which `axis`?"}],
    model_answer="weakest_module = audit.gaps.mean(axis=0).idxmin()",
    explanation={"zh": "`'feel'`：平均 3.06，目标 4.0，差 0.94；关联得分最低（2.66），但目标只有 3.5。",
                 "en": "`'feel'`: mean 3.06 against 4.0, short by 0.94; relate scores lowest (2.66) but its target is only 3.5."},
)

q3 = ChoiceProblem(
    var="tryon_category",
    question={"zh": "一位顾客说：应用**有**虚拟试用时“我喜欢”，**没有**时“我可以忍受”。在表单中选择这两个答案：他把虚拟试用归为哪一类？"
                    "写类别编号，例如 `'kano_must_be'`。",
              "en": "A customer says “I like it” if the app **has** virtual try-on and “I can live with it” if it does **not**. Choose the "
                    "two answers in the form: which category does he put virtual try-on in? Answer with the category id, e.g. `'kano_must_be'`."},
    expected=_form_category,
    options=KANO_OPTIONS,
    reasons=lambda: {c: text for c, text in KANO_MEANS.items() if c != _form_category()},
    hints=[{"zh": "Kano 问两个问题：有这个功能时感觉如何、没有时感觉如何；两个答案合起来查评价表。",
            "en": "Kano asks two questions: how do you feel if the feature is there, and if it is not; the pair is looked up in the evaluation table."},
           {"zh": "在表单里把“如果有”设为“我喜欢”，把“如果没有”设为“我可以忍受”；也可以读 `form.result.category`。",
            "en": "In the form set “if it has” to “I like it” and “if it does not have” to “I can live with it”; or read `form.result.category`."},
           {"zh": "评价表第 1 行（喜欢）第 4 列（可以忍受）：有了高兴，没有也能接受——这是哪一类？",
            "en": "Evaluation table row 1 (like), column 4 (live with): pleased to have it, fine without — which category is that?"}],
    model_answer="form.controls['functional'].value = 1\nform.controls['dysfunctional'].value = 4\ntryon_category = form.result.category",
    explanation={"zh": "魅力属性：有了高兴，没有也能接受。",
                 "en": "`'kano_attractive'`: pleased to have it, fine without it — an attractive feature."},
)


q4 = ValueProblem(
    var="better_fast_delivery",
    question={"zh": "“快速配送”（`'fast_delivery'`）的 **Better 系数**（CS+）是多少？用上面的 `kano` 结果，答 0–1 之间的小数。",
              "en": "What is the **Better coefficient** (CS+) of fast delivery (`'fast_delivery'`)? Use the `kano` result above; answer "
                    "with a fraction between 0 and 1."},
    expected=lambda: float(_kano().table.loc["fast_delivery", "cs_plus"]),
    decimals=3,
    mistakes=[Mistake("all_answers", answer=lambda: float(_kano().table.loc["fast_delivery", ["A", "O"]].sum()
                                                          / _kano().table.loc["fast_delivery", "n"]),
                      message={"zh": "你除以的是全部答卷。Better = (A + O) / (A + O + M + I)：分母不含反向（R）和可疑（Q）答案。",
                               "en": "You divided by all answers. Better = (A + O) / (A + O + M + I): the denominator leaves out reverse (R) "
                                     "and questionable (Q) answers."}),
              Mistake("worse", answer=lambda: float(_kano().table.loc["fast_delivery", "cs_minus"]),
                      message={"zh": "这是 Worse 系数（CS−，没有它时不满意的程度）；题目问的是 Better（有了它时满意的程度）。",
                               "en": "That is the Worse coefficient (CS−, dissatisfaction without it); the question asks for Better "
                                     "(satisfaction with it)."}),
              AS_PERCENT],
    hints=[{"zh": "Better 系数衡量“有了这个功能，满意度能提高多少”：看魅力（A）和期望（O）答案的比例。",
            "en": "The Better coefficient measures how much having the feature raises satisfaction: the share of attractive (A) and one-dimensional (O) answers."},
           {"zh": "Better = (A + O) / (A + O + M + I)；分母不含反向（R）和可疑（Q）答案。`kano.table` 有各类人数，也有现成的 `cs_plus` 列。",
            "en": "Better = (A + O) / (A + O + M + I); the denominator leaves out reverse (R) and questionable (Q). `kano.table` has the "
                  "counts and a ready `cs_plus` column."},
           {"zh": "`kano.table.loc['fast_delivery', ____]`", "en": "`kano.table.loc['fast_delivery', ____]`"}],
    model_answer="better_fast_delivery = kano.table.loc['fast_delivery', 'cs_plus']",
    explanation={"zh": "(47 + 184) / 366 ≈ 0.631。", "en": "(47 + 184) / 366 ≈ 0.631."},
)

q5 = ClassificationProblem(
    var="kano_classes",
    question={"zh": "产品团队对 6 个新功能做了小规模 Kano 调查（每个功能 300 份答卷）。按“人数最多的类别；M、O、A、I 中几类相差不到 5 个百分点时，"
                    "按 M > O > A > I 取第一个”的规则给每个功能分类。",
              "en": "The product team ran a small Kano survey on 6 new features (300 answers each). Classify each feature by the rule "
                    "“the most frequent category; when several of M, O, A, I are within 5 percentage points, the first in M > O > A > I”."},
    expected=lambda: _quiz_classes("category"),
    options=lambda: catalogue_options(QUIZ_CLASSES),
    cards=quiz_cards,
    reasons=_kano_reason,
    mistakes=[Mistake("mode_only", answer=lambda: _quiz_classes("max"),
                      message={"zh": "你只取了人数最多的类别，没有用“相差不到 5 个百分点按 M > O > A > I”的规则。",
                               "en": "You took the most frequent category without the rule “within 5 points, M > O > A > I”."})],
    hints=[{"zh": "每个功能取人数最多的类别；但如果 M、O、A、I 中有几类的占比相差不到 5 个百分点，按 M > O > A > I 的顺序取第一个。",
            "en": "Take each feature's most frequent category; but when several of M, O, A, I are within 5 percentage points of the top "
                  "share, take the first in the order M > O > A > I."},
           {"zh": "每个功能有 300 份答卷，所以 5 个百分点 = 15 份：先找出最多的类别，再看有没有别的类别与它相差不到 15 份。",
            "en": "Each feature has 300 answers, so 5 points = 15 answers: find the top category, then see whether another is within 15 of it."},
           {"zh": "看 E：O 有 108 份（36%），M 有 100 份（33%），相差不到 5 个百分点——按规则应归为哪一类？",
            "en": "Look at E: O has 108 (36 %), M has 100 (33 %), less than 5 points apart — which category does the rule give?"}],
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
#: What each rule means (the table of section 5).
PLATFORM_MEANINGS = {
    "rule_remind": {"zh": "在恰当的时候让顾客想起我们，而不是时时打扰", "en": "bringing us to mind at the right moment, not all the time"},
    "rule_mystery": {"zh": "故意不提前说，留一点惊喜", "en": "keeping something back as a surprise"},
    "rule_gratitude": {"zh": "让顾客感到被感谢", "en": "letting customers feel thanked"},
    "rule_desire": {"zh": "让顾客看得见、还得不到，有一个盼着达到的目标", "en": "something customers can see but not yet have, a goal to reach"},
    "rule_volunteer": {"zh": "让顾客参与进来、出一份力", "en": "letting customers take part and contribute"},
    "rule_idol": {"zh": "树立顾客心中的榜样和故事", "en": "making role models and stories customers look up to"},
}
PLATFORM_OPTIONS = catalogue_options(PLATFORM_RULES)

q6 = ClassificationProblem(
    var="platform_answers",
    question={"zh": "下面六个做法，各自用的是体验平台的哪一条法则？",
              "en": "Which rule of the experience platform does each of the six practices below use?"},
    expected=lambda: dict(PLATFORM_KEY),
    options=PLATFORM_OPTIONS,
    cards=PLATFORM_CARDS,
    reasons=meaning_reasons(PLATFORM_KEY, PLATFORM_MEANINGS, PLATFORM_OPTIONS),
    mistakes=[Mistake("longing_mystery", answer=lambda: {**PLATFORM_KEY, "E1": "rule_mystery", "E6": "rule_desire"},
                      message={"zh": "渴望和神秘对调了：渴望是让人看得见、还得不到而盼着（E1 预览日）；神秘是故意不提前说（E6 惊喜商品）。",
                               "en": "Longing and mystery are swapped: longing is something seen but not yet had (E1, the preview "
                                     "day); mystery deliberately keeps things back (E6, the surprise item)."})],
    hints=[{"zh": "问：这个做法让顾客产生的是什么——想起我们、好奇、被感谢、盼着得到、参与其中，还是有了一个榜样？",
            "en": "Ask what the practice makes customers feel: reminded of us, curious, thanked, longing for something, part "
                  "of it, or that they have a role model?"},
           {"zh": "渴望是让人想要、盼着（看得见却还得不到）；神秘是故意不提前说。",
            "en": "Longing makes people want something they can see but not yet have; mystery deliberately keeps things back."},
           {"zh": "六张卡片各用一条法则，没有重复。",
            "en": "Each card uses a different rule; none repeats."}],
)


# ---- the tea-box colours: sensation transference ----
def _price_by_box():
    from helpers.teaching.cases import tea_tasting

    return tea_tasting().groupby("box_colour")["price_willing"].mean()


def _box_gap(higher: str, lower: str = "tea_box_yellow") -> float:
    by_box = _price_by_box()
    return float(by_box[higher] - by_box[lower])


q7 = ValueProblem(
    var="red_over_yellow",
    question={"zh": "同一款茶，放在朱红色礼盒旁时，品尝者平均愿意比放在浅黄色礼盒旁时每 100 克多付多少元？",
              "en": "For the same tea, how many yuan more per 100 g were tasters willing to pay, on average, next to the red box "
                    "than next to the pale-yellow box?"},
    expected=lambda: _box_gap("tea_box_red"),
    decimals=1,
    mistakes=[Mistake("green_box", answer=lambda: _box_gap("tea_box_green"),
                      message={"zh": "这是青绿色礼盒与浅黄色礼盒的差；题目问的是朱红色（`'tea_box_red'`）。",
                               "en": "That is the green box against the pale-yellow one; the question asks about the red box "
                                     "(`'tea_box_red'`)."}),
              Mistake("reversed", answer=lambda: -_box_gap("tea_box_red"),
                      message={"zh": "减反了：题目问朱红色比浅黄色**多**付多少，用朱红色的平均值减去浅黄色的。",
                               "en": "Subtracted the wrong way round: the question asks how much **more** next to red, so take "
                                     "red's mean minus pale yellow's."}),
              Mistake("red_level", answer=lambda: float(_price_by_box()["tea_box_red"]),
                      message={"zh": "这是朱红色礼盒旁的平均愿付价格本身；题目问的是比浅黄色多出多少。",
                               "en": "That is the mean price next to the red box itself; the question asks how much more than "
                                     "next to the pale-yellow box."})],
    hints=[{"zh": "按礼盒颜色分组，算出每种颜色下愿付价格的平均值，再相减。",
            "en": "Group by box colour, take the mean price willing to pay per colour, then subtract."},
           {"zh": "`by_box.loc['tea_box_red', 'price_willing']` 是朱红色礼盒的平均愿付价格；浅黄色用 `'tea_box_yellow'`。",
            "en": "`by_box.loc['tea_box_red', 'price_willing']` is the mean for the red box; the pale-yellow one is `'tea_box_yellow'`."},
           {"zh": "`by_box.loc['tea_box_red', 'price_willing'] - by_box.loc[____, 'price_willing']`",
            "en": "`by_box.loc['tea_box_red', 'price_willing'] - by_box.loc[____, 'price_willing']`"}],
    model_answer="red_over_yellow = by_box.loc['tea_box_red', 'price_willing'] - by_box.loc['tea_box_yellow', 'price_willing']",
    explanation={"zh": "19.0 元：同一款茶，只因为旁边的盒子不同，愿付价格每 100 克相差 19 元——顾客把对包装的感受转移到了产品上。",
                 "en": "¥19.0: the same tea, and only the box beside it differs — ¥19 per 100 g. Customers carry their feeling "
                       "about the package over to the product."},
)


# ---- added value: what the gift packs cost against all revenue ----
@lru_cache(maxsize=1)
def _gift_plan():
    from helpers.data.datasets import load_demo
    from helpers.offers import gift_pack_grades

    return gift_pack_grades(load_demo("orders"), breaks=(199, 399, 699), costs=(6, 18, 45), within_share=0.1)


def _gift_share_of_gift_orders() -> float:
    gifts = _gift_plan().iloc[1:]
    return float(gifts["gift_spend"].sum() / gifts["revenue"].sum())


q8 = ValueProblem(
    var="gift_cost_share",
    question={"zh": "先别往下读：礼包总成本占**全部订单收入**（包括没有礼包的订单）的比例是多少？填 0–1 之间的小数。",
              "en": "Before reading on: what share of **all order revenue** (orders without a gift included) do the gifts cost? "
                    "A fraction between 0 and 1."},
    expected=lambda: _gift_plan().attrs["cost_share"],
    decimals=4,
    mistakes=[Mistake("mean_of_grades", answer=lambda: float(_gift_plan()["cost_share"].iloc[1:].mean()),
                      message={"zh": "这是三档各自成本占比的平均；要的是礼包总成本 ÷ 全部订单收入——各档订单多少不同，不能简单平均。",
                               "en": "That is the mean of the three grades' shares; you want total gift spend ÷ all order revenue — "
                                     "the grades differ in size, so a plain mean is wrong."}),
              Mistake("gift_orders_only", answer=_gift_share_of_gift_orders,
                      message={"zh": "你只用了有礼包的订单的收入作分母；题目要的是全部订单收入，包括没有礼包的订单。",
                               "en": "You divided by the revenue of the orders with a gift only; the question asks for all order "
                                     "revenue, orders without a gift included."}),
              AS_PERCENT],
    hints=[{"zh": "要的是礼包总成本 ÷ 全部订单收入（包括没有礼包的订单），不是三档各自占比的平均。",
            "en": "You want total gift spend ÷ all order revenue (orders without a gift included), not the mean of the three "
                  "grades' shares."},
           {"zh": "`plan` 的 `gift_spend` 列是每档礼包的总成本，`revenue` 列是每档的收入（第 0 档是没有礼包的订单）。",
            "en": "In `plan`, the `gift_spend` column is each grade's total gift cost and `revenue` its revenue (grade 0 is the "
                  "orders without a gift)."},
           {"zh": "`plan['gift_spend'].sum() / plan[____].sum()`",
            "en": "`plan['gift_spend'].sum() / plan[____].sum()`"}],
    model_answer="gift_cost_share = plan.attrs['cost_share']",
    explanation={"zh": "0.0204：礼包总成本约 6.2 万元，占全部收入约 2%。",
                 "en": "0.0204: about ¥62,000 of gifts, some 2 % of all revenue."},
)
