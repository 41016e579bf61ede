"""Chapter 09 · Measuring satisfaction — NPS, its margin of error, reliability, SERVQUAL gaps, IPA."""
from functools import lru_cache

from helpers.teaching.exercises.core import (ChoiceProblem, ClassificationProblem, Mistake, ValueProblem,
                                             catalogue_options, signed)

RESPONSIVENESS_ITEMS = ("per_10", "per_11", "per_12", "per_13")     # SERVQUAL perceptions, responsiveness
TOP_LEVELS = ("gold", "platinum")
IPA_ATTRIBUTES = ("product_quality", "return_policy", "price", "delivery_speed", "staff_courtesy",
                  "store_ambience", "app_usability", "loyalty_program")
#: Quiz card id → IPA attribute (letters, so the answer key does not depend on the language).
IPA_CARDS = dict(zip("ABCDEFGH", IPA_ATTRIBUTES))
IPA_CLASSES = ("ipa_concentrate", "ipa_keep_up", "ipa_low_priority", "ipa_overkill")
SIMULATOR_FACTOR = 4              # q2: the survey's NPS answer counts, four times over


@lru_cache(maxsize=1)
def _survey():
    from helpers.data.datasets import load_demo

    return load_demo("survey")


def _complete(columns):
    """The survey rows that answered every one of ``columns`` (listwise deletion, done explicitly)."""
    return _survey().dropna(subset=list(columns))


def _nps_of_levels(levels):
    """NPS of the respondents whose member level is one of ``levels`` (the demo's customers table)."""
    from helpers.data.datasets import load_demo
    from helpers.satisfaction import nps

    members = _survey().merge(load_demo("customers")[["customer_id", "member_level"]], on="customer_id")
    return nps(members.loc[members["member_level"].isin(levels), "nps"].dropna())


@lru_cache(maxsize=1)
def _nps():
    from helpers.satisfaction import nps

    return nps(_complete(["nps"])["nps"])


def _nps_of_level(level: str) -> float:
    return _nps_of_levels([level]).nps


def _nps_scaled(factor: int):
    from helpers.satisfaction import nps
    from helpers.teaching.widgets.survey import GROUP_SCORE, simulated_answers

    base = _nps()
    counts = {g: factor * getattr(base, g) for g in GROUP_SCORE}
    return nps(simulated_answers(counts, GROUP_SCORE))


@lru_cache(maxsize=1)
def _responsiveness_alpha():
    from helpers.reliability import cronbach_alpha

    return cronbach_alpha(_complete(RESPONSIVENESS_ITEMS), item_cols=list(RESPONSIVENESS_ITEMS))


def _expectation_alpha() -> float:
    from helpers.reliability import cronbach_alpha

    items = [c.replace("per_", "exp_") for c in RESPONSIVENESS_ITEMS]
    return cronbach_alpha(_complete(items), item_cols=items).alpha


@lru_cache(maxsize=1)
def _servqual():
    from helpers.servqual import servqual

    survey = _survey()
    columns = [c for c in survey.columns if c.startswith(("exp_", "per_", "w_"))]
    return servqual(survey.dropna(subset=columns), weights="w_{dimension}")


def _mean_inter_item_r() -> float:
    """The mean correlation between the items — what students confuse alpha with."""
    import numpy as np

    corr = _complete(RESPONSIVENESS_ITEMS)[list(RESPONSIVENESS_ITEMS)].corr().to_numpy()
    return float(corr[~np.eye(len(corr), dtype=bool)].mean())


@lru_cache(maxsize=1)
def ipa_means():
    """Mean importance and performance of the eight attributes, from the complete IPA answers.

    >>> ipa_means()[["importance", "performance"]].round(2).loc["price"].tolist()
    [6.12, 4.37]
    """
    from helpers.satisfaction import ipa_table

    importance, performance = [f"imp_{a}" for a in IPA_ATTRIBUTES], [f"perf_{a}" for a in IPA_ATTRIBUTES]
    return ipa_table(_complete(importance + performance), importance, performance, attributes=list(IPA_ATTRIBUTES))


def _ipa(**crosshair):
    from helpers.matrices import ipa_matrix

    return ipa_matrix(ipa_means(), **crosshair)


def _ipa_classes(**crosshair) -> dict:
    classes = _ipa(**crosshair).classes
    return {card: classes[attribute] for card, attribute in IPA_CARDS.items()}


#: Each quadrant as (importance high, performance high).
IPA_DIMS = {"ipa_concentrate": (True, False), "ipa_keep_up": (True, True), "ipa_low_priority": (False, False),
            "ipa_overkill": (False, True)}


def _ipa_reason(card: str, chosen: str | None = None) -> dict:
    """The attribute's two means against the crosshair, and the axis a wrong quadrant reads the other way."""
    row = ipa_means().loc[IPA_CARDS[card]]
    cut = {axis: values[0] for axis, values in _ipa().thresholds.items()}
    imp, perf = float(row["importance"]), float(row["performance"])
    hi_i, hi_p = imp >= cut["importance"], perf >= cut["performance"]
    zh = (f"重要性 {imp:.2f} {'≥' if hi_i else '<'} {cut['importance']:.2f}（{'高' if hi_i else '低'}），"
          f"表现 {perf:.2f} {'≥' if hi_p else '<'} {cut['performance']:.2f}（{'高' if hi_p else '低'}）。")
    en = (f"importance {imp:.2f} {'≥' if hi_i else '<'} {cut['importance']:.2f} ({'high' if hi_i else 'low'}), "
          f"performance {perf:.2f} {'≥' if hi_p else '<'} {cut['performance']:.2f} ({'high' if hi_p else 'low'}).")
    if chosen in IPA_DIMS and IPA_DIMS[chosen] != (hi_i, hi_p):
        c_i, c_p = IPA_DIMS[chosen]
        flipped = [axis for axis, a, b in (("importance", c_i, hi_i), ("performance", c_p, hi_p)) if a != b]
        names = {"importance": ("重要性", "importance"), "performance": ("表现", "performance")}
        zh += f"你选的象限要求{'、'.join(names[a][0] + ('高' if dict(importance=c_i, performance=c_p)[a] else '低') for a in flipped)}。"
        en += " Your quadrant needs " + " and ".join(
            f"{'high' if dict(importance=c_i, performance=c_p)[a] else 'low'} {names[a][1]}" for a in flipped) + "."
    return {"zh": zh, "en": en}


def _dimension_reasons() -> dict:
    """Why each other SERVQUAL dimension is not the worst: its gap against the largest shortfall."""
    dims = _servqual().dimensions
    worst = dims["gap"].idxmin()
    names = catalogue_options(list(dims.index))
    out = {}
    for dim, row in dims.iterrows():
        if dim == worst:
            continue
        low_p = dim == dims["perception"].idxmin()
        out[dim] = {
            "zh": (f"{names[dim]['zh']}的差距是 {signed(row['gap'])}（感知 {row['perception']:.2f} − 期望 {row['expectation']:.2f}），"
                   f"不如{names[worst]['zh']}的 {signed(dims.loc[worst, 'gap'])} 负得多。"
                   + ("它的感知分最低，但期望也低——要看差距，不是只看感知分。" if low_p else "")),
            "en": (f"{names[dim]['en']} has a gap of {signed(row['gap'])} (perception {row['perception']:.2f} − expectation "
                   f"{row['expectation']:.2f}), less negative than {names[worst]['en']}'s {signed(dims.loc[worst, 'gap'])}."
                   + (" Its perception is the lowest, but so is its expectation — look at the gap, not the perception alone."
                      if low_p else "")),
        }
    return out


def quiz_cards() -> list[dict]:
    """One card per attribute: its name and mean importance / performance (1–7), in both languages.

    >>> [card["id"] for card in quiz_cards()]
    ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']
    """
    from helpers.i18n import t

    means = ipa_means()

    def text(attribute: str, lang: str) -> str:
        row = means.loc[attribute]
        name = t(f"demo_attribute.{attribute}", lang=lang)
        if lang == "zh":
            return f"{name}：重要性 {row['importance']:.2f}，表现 {row['performance']:.2f}"
        return f"{name}: importance {row['importance']:.2f}, performance {row['performance']:.2f}"

    return [{"id": card, "text": {lang: text(attribute, lang) for lang in ("zh", "en")}}
            for card, attribute in IPA_CARDS.items()]


q1 = ValueProblem(
    var="nps_top",
    question={"zh": "**金卡和白金会员合在一起**（`members` 中 `member_level` 为 `'gold'` 或 `'platinum'` 的答卷）的 NPS 是多少？"
                    "NPS 是 −100 到 100 之间的指数。",
              "en": "What is the NPS of **gold and platinum members together** (the answers in `members` whose `member_level` is "
                    "`'gold'` or `'platinum'`)? NPS is an index from −100 to 100."},
    expected=lambda: _nps_of_levels(TOP_LEVELS).nps,
    decimals=1,
    mistakes=[Mistake("average_of_groups", answer=lambda: sum(_nps_of_level(level) for level in TOP_LEVELS) / len(TOP_LEVELS),
                      message={"zh": "你把两组的 NPS 取了平均。两组人数不同（金卡 24 人、白金 10 人），平均会让小组的权重过大：要把两组的答卷合在一起，再算一次 NPS。",
                               "en": "You averaged the two groups' NPS. The groups differ in size (24 gold, 10 platinum), so an average "
                                     "over-weights the small one: pool the answers of both groups, then compute one NPS."}),
              Mistake("gold_only", answer=lambda: _nps_of_level("gold"),
                      message={"zh": "这只是金卡会员的 NPS；题目要把白金会员也算进来。",
                               "en": "That is the gold members' NPS only; the question includes the platinum members too."}),
              Mistake("as_share", answer=lambda: _nps_of_levels(TOP_LEVELS).nps / 100,
                      message={"zh": "NPS 是 −100 到 100 的指数，不是 0–1 的比例：把你的答案乘以 100。",
                               "en": "NPS is an index from −100 to 100, not a share from 0 to 1: multiply your answer by 100."})],
    hints=[{"zh": "NPS = 推荐者占比 − 贬损者占比（×100），要在一组答卷上一起算。",
            "en": "NPS = share of promoters − share of detractors (×100), computed over one pool of answers."},
           {"zh": "先选出金卡和白金会员的全部答卷（去掉空值），再对它们调用一次 `nps(...)`；结果的 `.nps` 是分数。",
            "en": "Select all answers of gold and platinum members first (without missing values), then call `nps(...)` once; "
                  "the result's `.nps` is the score."},
           {"zh": "`nps(members.query(\"member_level in ['gold', 'platinum']\")['nps'].____()).nps`",
            "en": "`nps(members.query(\"member_level in ['gold', 'platinum']\")['nps'].____()).nps`"}],
    model_answer="nps_top = nps(members.query(\"member_level in ['gold', 'platinum']\")['nps'].dropna()).nps",
    explanation={"zh": "29 位推荐者、2 位贬损者，n = 34 → +79.4（误差范围约 ±18）。",
                 "en": "29 promoters, 2 detractors, n = 34 → +79.4 (margin of error about ±18)."},
)

q2 = ValueProblem(
    var="moe_4x",
    question={"zh": "如果下次调查把样本扩大到 4 倍（推荐者、被动者、贬损者的人数都乘以 4），NPS 的 95% 误差范围是多少分？"
                    "在模拟器里调整，或直接设置 `sim.controls`。",
              "en": "If the next survey had four times the sample (promoters, passives and detractors each × 4), what would the "
                    "NPS 95 % margin of error be, in points? Move the sliders, or set `sim.controls` directly."},
    expected=lambda: _nps_scaled(SIMULATOR_FACTOR).moe,
    decimals=2,
    mistakes=[Mistake("unchanged", answer=lambda: _nps().moe,
                      message={"zh": "这是原来样本的误差范围：先把三个人数都乘以 4。",
                               "en": "That is the margin of the original sample: multiply all three counts by 4 first."}),
              Mistake("divided_by_4", answer=lambda: _nps().moe / SIMULATOR_FACTOR,
                      message={"zh": "误差范围与 √n 成反比，不是与 n 成反比：样本扩大 4 倍，误差只缩小一半，不是四分之一。",
                               "en": "The margin shrinks with √n, not n: four times the sample halves it rather than quartering it."}),
              Mistake("standard_error", answer=lambda: _nps_scaled(SIMULATOR_FACTOR).se,
                      message={"zh": "这是标准误 SE；95% 误差范围 = 1.96 × SE。", "en": "That is the standard error SE; the 95 % margin = 1.96 × SE."}),
              Mistake("nps_value", answer=lambda: _nps_scaled(SIMULATOR_FACTOR).nps,
                      message={"zh": "这是 NPS 本身；题目问的是它的误差范围（±多少分）。",
                               "en": "That is the NPS itself; the question asks for its margin of error (± how many points)."})],
    hints=[{"zh": "误差范围反映抽样波动：样本越大，误差越小，但它与 √n 成反比。",
            "en": "The margin of error reflects sampling noise: the larger the sample the smaller it is, in proportion to 1/√n."},
           {"zh": "把三个 NPS 滑块分别设为 4 × 155、4 × 131、4 × 113，读出 NPS 的误差范围；代码里用 `sim.controls['promoters'].value = …`。",
            "en": "Set the three NPS sliders to 4 × 155, 4 × 131 and 4 × 113 and read the NPS margin; in code use "
                  "`sim.controls['promoters'].value = …`."},
           {"zh": "设好三个人数后读 `sim.result.nps.____`。", "en": "After setting the three counts, read `sim.result.nps.____`."}],
    model_answer="sim.controls['promoters'].value = 4 * nps_result.promoters\n"
                 "sim.controls['passives'].value = 4 * nps_result.passives\n"
                 "sim.controls['detractors'].value = 4 * nps_result.detractors\n"
                 "moe_4x = sim.result.nps.moe",
    explanation={"zh": "约 ±3.99 分，是原来 ±7.97 分的一半：样本扩大 4 倍，误差只减半。",
                 "en": "About ±3.99 points, half of the original ±7.97: four times the sample only halves the margin."},
)

q3 = ValueProblem(
    var="alpha_responsiveness",
    question={"zh": "SERVQUAL 的**响应性**由第 10–13 题测量。用感知题 `per_10` … `per_13`（只用四题都作答的问卷）计算 Cronbach α。",
              "en": "SERVQUAL's **responsiveness** is measured by items 10–13. Compute Cronbach's alpha of the perception items "
                    "`per_10` … `per_13` (questionnaires that answered all four)."},
    expected=lambda: _responsiveness_alpha().alpha,
    decimals=3,
    mistakes=[Mistake("mean_correlation", answer=_mean_inter_item_r,
                      message={"zh": "这是题项之间的平均相关系数，不是 α。α 还要考虑题数：α 随题数增加而变大。",
                               "en": "That is the mean inter-item correlation, not alpha. Alpha also accounts for the number of items "
                                     "and grows with it."}),
              Mistake("expectation_items", answer=lambda: _expectation_alpha(),
                      message={"zh": "这是期望题 `exp_10` … `exp_13` 的 α；题目问的是感知题 `per_10` … `per_13`。",
                               "en": "That is alpha of the expectation items `exp_10` … `exp_13`; the question asks for the perception items `per_10` … `per_13`."})],
    hints=[{"zh": "α 衡量几道题是否在测同一件事：题目之间越一致，总分的方差相对于各题方差之和越大。",
            "en": "Alpha measures whether items measure one thing: the more they agree, the larger the variance of the total "
                  "relative to the sum of the item variances."},
           {"zh": "`cronbach_alpha(数据, item_cols=题项列表)` 计算它；先用 `dropna(subset=题项)` 去掉有漏答的问卷。",
            "en": "`cronbach_alpha(data, item_cols=item columns)` computes it; drop incomplete questionnaires first with `dropna(subset=items)`."},
           {"zh": "`items = ['per_10', 'per_11', 'per_12', 'per_13']`，然后 `cronbach_alpha(survey.dropna(subset=items), item_cols=items).____`。",
            "en": "`items = ['per_10', 'per_11', 'per_12', 'per_13']`, then `cronbach_alpha(survey.dropna(subset=items), item_cols=items).____`."}],
    model_answer="items = ['per_10', 'per_11', 'per_12', 'per_13']\n"
                 "alpha_responsiveness = cronbach_alpha(survey.dropna(subset=items), item_cols=items).alpha",
    explanation={"zh": "α ≈ 0.816，良好：四道题测的是同一件事，可以加总成响应性得分。",
                 "en": "Alpha ≈ 0.816, good: the four items measure one thing and can be added into a responsiveness score."},
)

q4 = ChoiceProblem(
    var="worst_dimension",
    question={"zh": "看上面的 SERVQUAL 结果：哪个维度离顾客的期望**最远**（差距 P − E 最负）？写维度编号："
                    "`'sq_tangibles'`、`'sq_reliability'`、`'sq_responsiveness'`、`'sq_assurance'` 或 `'sq_empathy'`。",
              "en": "From the SERVQUAL result above: which dimension falls **furthest short** of customers' expectations (the most "
                    "negative gap P − E)? Answer with the dimension id: `'sq_tangibles'`, `'sq_reliability'`, `'sq_responsiveness'`, "
                    "`'sq_assurance'` or `'sq_empathy'`."},
    expected=lambda: _servqual().dimensions["gap"].idxmin(),
    options={"sq_tangibles": {"zh": "有形性", "en": "Tangibles"},
             "sq_reliability": {"zh": "可靠性", "en": "Reliability"},
             "sq_responsiveness": {"zh": "响应性", "en": "Responsiveness"},
             "sq_assurance": {"zh": "保证性", "en": "Assurance"},
             "sq_empathy": {"zh": "移情性", "en": "Empathy"}},
    reasons=_dimension_reasons,
    hints=[{"zh": "差距 = 感知 − 期望；要找的是差距最负的维度，而不是感知分最低的维度。",
            "en": "Gap = perception − expectation; look for the most negative gap, not the lowest perception."},
           {"zh": "`sq.dimensions` 每行一个维度，有 `expectation`、`perception`、`gap` 三列。",
            "en": "`sq.dimensions` has one row per dimension with `expectation`, `perception` and `gap` columns."},
           {"zh": "`sq.dimensions['gap'].____()` 给出差距最小（最负）的维度编号。",
            "en": "`sq.dimensions['gap'].____()` gives the id of the dimension with the smallest (most negative) gap."}],
    model_answer="worst_dimension = sq.dimensions['gap'].idxmin()",
    explanation={"zh": "可靠性：期望最高（6.2），差距 −1.28；移情性的感知分最低，但它的期望也低。",
                 "en": "`'sq_reliability'`: the highest expectation (6.2), a gap of −1.28; empathy has the lowest perception, but "
                       "its expectation is low too."},
)

q5 = ClassificationProblem(
    var="ipa_quadrants",
    question={"zh": "先别看图：根据上表的平均重要性、平均表现和十字线（两者的总平均值），把每个属性放进一个象限。",
              "en": "Before looking at the chart: from the mean importance and performance in the table above and the crosshair "
                    "(their grand means), place each attribute in a quadrant."},
    expected=lambda: _ipa_classes(),
    options=lambda: catalogue_options(IPA_CLASSES),
    cards=quiz_cards,
    reasons=_ipa_reason,
    mistakes=[Mistake("midpoint_crosshair", answer=lambda: _ipa_classes(breaks="midpoint", scale=(1, 7)),
                      message={"zh": "看起来你用的是量表中点 4 作十字线：那样 8 个属性都在“继续保持区”。本题的十字线是所有属性的平均重要性和平均表现。",
                               "en": "It looks like you used the scale midpoint, 4, as the crosshair — then all 8 attributes are “keep up”. "
                                     "Here the crosshair is the mean importance and mean performance of all attributes."})],
    hints=[{"zh": "十字线在所有属性的平均重要性和平均表现处（见上面的 `ipa.thresholds`）。",
            "en": "The crosshair sits at the mean importance and mean performance of all attributes (see `ipa.thresholds` above)."},
           {"zh": "对每个属性分别比较两次：重要性和十字线比，表现和十字线比，“≥ 为高”。",
            "en": "Compare each attribute twice: its importance with the crosshair, its performance with the crosshair; ≥ is high."},
           {"zh": "重要性高、表现低 → 重点改进区；两者都高 → 继续保持区；都低 → 低优先区；重要性低、表现高 → 过度投入区。",
            "en": "Importance high and performance low → concentrate here; both high → keep up; both low → low priority; "
                  "importance low and performance high → possible overkill."}],
)


# ---- the satisfaction formula: a comparison, not a sum ----
FORMULA_OPTIONS = {
    "A": {"zh": "感受 + 期望 = 7，分数较高，所以满意", "en": "perception + expectation = 7, a high score, so satisfied"},
    "B": {"zh": "感受 − 期望 = −1，小于 0，所以不满意", "en": "perception − expectation = −1, below 0, so dissatisfied"},
    "C": {"zh": "感受 × 期望 = 12，分数较高，所以满意", "en": "perception × expectation = 12, a high score, so satisfied"},
    "D": {"zh": "期望 − 感受 = 1，大于 0，所以满意", "en": "expectation − perception = 1, above 0, so satisfied"},
}

q6 = ChoiceProblem(
    var="formula_choice",
    question={"zh": "一位顾客事先期望 4 分，实际感受 3 分。下面哪个算式能正确判断他是否满意？答 `'A'`、`'B'`、`'C'` 或 `'D'`。\n\n"
                    + "\n".join(f"- {k}：{v['zh']}" for k, v in FORMULA_OPTIONS.items()),
              "en": "A customer expected 4 and experienced 3. Which calculation judges correctly whether he is satisfied? Answer "
                    "`'A'`, `'B'`, `'C'` or `'D'`.\n\n"
                    + "\n".join(f"- {k}: {v['en']}" for k, v in FORMULA_OPTIONS.items())},
    expected=lambda: "B",
    options=FORMULA_OPTIONS,
    reasons={"A": {"zh": "用加号，期望越高分数越高：企业把广告吹得越大，顾客就越“满意”——正好和经验相反。满意度是感受与期望的比较。",
                   "en": "With a plus, the higher the expectation the higher the score: the louder the advertising, the "
                         "'happier' the customer — the opposite of experience. Satisfaction compares perception with expectation."},
             "C": {"zh": "乘法和加法一样，让期望越高分数越高；满意度看的是感受比期望高还是低。",
                   "en": "Multiplying, like adding, makes a higher expectation give a higher score; satisfaction asks whether the "
                         "perception is above or below the expectation."},
             "D": {"zh": "算式没错，结论读反了：期望 − 感受 = 1 > 0，说明感受比期望差 1 分，顾客不满意。",
                   "en": "The sum is right but its sign is read the wrong way: expectation − perception = 1 > 0 means the "
                         "experience fell 1 short, so he is dissatisfied."}},
    hints=[{"zh": "设想广告把这位顾客的期望从 4 分提到 5 分，而服务不变：他应该更满意还是更不满意？哪个算式给出这个方向？",
            "en": "Suppose advertising raises his expectation from 4 to 5 and the service stays the same: should he be more or less "
                  "satisfied? Which calculation moves that way?"},
           {"zh": "满意度比较的是感受与期望：感受高于期望为满意，低于期望为不满意。",
            "en": "Satisfaction compares perception with expectation: above it is satisfied, below it dissatisfied."},
           {"zh": "只剩两个选项在做比较（相减）；其中一个的算式没错，看它的结论对不对。",
            "en": "Only two options compare (subtract); one of them computes the right difference — check its conclusion."}],
    model_answer="formula_choice = 'B'",
    explanation={"zh": "B：感受比期望低 1 分 → 不满意。A、C 让期望越高分数越高（吹得越大越“满意”）；D 的差算对了，却把符号读反了。",
                 "en": "B: the experience fell 1 short of the expectation → dissatisfied. A and C make a higher expectation give a "
                       "higher score (the louder the promise, the 'happier' the customer); D computes the right difference but "
                       "reads its sign the wrong way."},
)


# ---- against the competition: where do we trail the rival on what matters? ----
@lru_cache(maxsize=1)
def _vs_rival():
    from helpers.teaching.cases import rival_performance

    table = ipa_means()[["importance", "performance"]].assign(rival=rival_performance())
    return table.assign(lead=table["performance"] - table["rival"])


def _most_behind(importance_ignored: bool = False) -> str:
    table = _vs_rival()
    if not importance_ignored:
        table = table[table["importance"] > table["importance"].mean()]
    return table["lead"].idxmin()


def _attribute_options() -> dict:
    from helpers.i18n import t

    return {a: {lang: t(f"demo_attribute.{a}", lang=lang) for lang in ("zh", "en")} for a in IPA_ATTRIBUTES}


def _behind_reasons() -> dict:
    """Why each other attribute is not the answer: below-average importance, a lead, or a smaller lag."""
    table, names = _vs_rival(), _attribute_options()
    mean, best = table["importance"].mean(), _most_behind()
    worst_lag = -table.loc[best, "lead"]
    out = {}
    for attribute, row in table.iterrows():
        if attribute == best:
            continue
        imp, lead = row["importance"], row["lead"]
        if attribute == _most_behind(importance_ignored=True):
            zh = (f"{names[attribute]['zh']}落后 {-lead:.2f} 分，是所有属性中落后最多的一项；但它的重要性 {imp:.2f} 低于平均值 {mean:.2f}——"
                  "先只留下顾客看重的属性，再比较落后幅度。")
            en = (f"{names[attribute]['en']} trails by {-lead:.2f}, the most of all attributes; but its importance, {imp:.2f}, is "
                  f"below the average {mean:.2f} — keep only what customers value highly, then compare the lags.")
        elif imp <= mean:
            zh = f"{names[attribute]['zh']}的重要性 {imp:.2f} 不高于平均值 {mean:.2f}，不在要比较的属性里"
            en = f"{names[attribute]['en']} has an importance of {imp:.2f}, not above the average {mean:.2f}, so it is not among the attributes compared"
            zh += f"（它落后 {-lead:.2f} 分）。" if lead < 0 else "。"
            en += f" (it trails by {-lead:.2f})." if lead < 0 else "."
        elif lead >= 0:
            zh = f"在{names[attribute]['zh']}上我们领先对手 {lead:.2f} 分，没有落后。"
            en = f"On {names[attribute]['en'].lower()} we lead the rival by {lead:.2f}; we do not trail."
        else:
            zh = f"{names[attribute]['zh']}落后 {-lead:.2f} 分，少于{names[best]['zh']}的 {worst_lag:.2f} 分。"
            en = f"{names[attribute]['en']} trails by {-lead:.2f}, less than {names[best]['en'].lower()}'s {worst_lag:.2f}."
        out[attribute] = {"zh": zh, "en": en}
    return out


q7 = ChoiceProblem(
    var="most_behind",
    question={"zh": "先别往下读：在重要性**高于平均值**（十字线）的属性中，我们落后对手最多的是哪一个？填属性编号，例如 `'price'`。",
              "en": "Before reading on: among the attributes with **above-average** importance (the crosshair), on which do we "
                    "trail the rival most? Give the attribute id, e.g. `'price'`."},
    expected=_most_behind,
    options=_attribute_options(),
    reasons=_behind_reasons,
    hints=[{"zh": "领先幅度 = 我们 − 对手，负数表示落后；题目只看重要性高于平均值的属性。",
            "en": "Lead = us − rival; a negative lead means we trail. The question looks only at attributes with above-average importance."},
           {"zh": "先只留下重要性高于平均值的属性，再在其中找领先幅度最负的一个。",
            "en": "First keep only the attributes with above-average importance, then find the most negative lead among them."},
           {"zh": "`vs_rival[vs_rival['importance'] > vs_rival['importance'].mean()]['lead'].____()` 给出它的编号。",
            "en": "`vs_rival[vs_rival['importance'] > vs_rival['importance'].mean()]['lead'].____()` gives its id."}],
    model_answer="most_behind = vs_rival[vs_rival['importance'] > vs_rival['importance'].mean()]['lead'].idxmin()",
    explanation={"zh": "配送速度：落后对手 0.93 分，又在“重点改进区”——最紧迫的一项。应用落后更多，但重要性低于平均，不是第一优先。",
                 "en": "`'delivery_speed'`: 0.93 behind the rival and in “concentrate here” — the most urgent item. The app trails "
                       "more, but its importance is below average, so it is not the first priority."},
)
