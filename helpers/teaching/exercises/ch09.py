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
    explanation={"zh": "`'sq_reliability'`：期望最高（6.2），差距 −1.28；移情性的感知分最低，但它的期望也低。",
                 "en": "`'sq_reliability'`: the highest expectation (6.2), a gap of −1.28; empathy has the lowest perception, but "
                       "its expectation is low too."},
)

q5 = ClassificationProblem(
    var="ipa_quadrants",
    question={"zh": "先别看图：根据上表的平均重要性、平均表现和十字线（两者的总平均值），把每个属性放进一个象限，点“检查答案”，"
                    "再运行 `ipa_quadrants = quiz.answers`。",
              "en": "Before looking at the chart: from the mean importance and performance in the table above and the crosshair "
                    "(their grand means), place each attribute in a quadrant, press Check, then run `ipa_quadrants = quiz.answers`."},
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
