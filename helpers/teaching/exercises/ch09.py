"""Chapter 09 · Measuring satisfaction — NPS, its margin of error, reliability, SERVQUAL gaps, IPA."""
from functools import lru_cache

from helpers.teaching.exercises.core import ChoiceProblem, ValueProblem

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
    """Mean importance and performance of the eight attributes, from the complete IPA answers."""
    from helpers.satisfaction import ipa_table

    importance, performance = [f"imp_{a}" for a in IPA_ATTRIBUTES], [f"perf_{a}" for a in IPA_ATTRIBUTES]
    return ipa_table(_complete(importance + performance), importance, performance, attributes=list(IPA_ATTRIBUTES))


def _ipa_classes(**crosshair) -> dict:
    from helpers.matrices import ipa_matrix

    classes = ipa_matrix(ipa_means(), **crosshair).classes
    return {card: classes[attribute] for card, attribute in IPA_CARDS.items()}


def quiz_cards() -> list[dict]:
    """One card per attribute: its name and mean importance / performance (1–7), in both languages."""
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
    expected=lambda: _nps_of_levels(TOP_LEVELS).nps,
    wrong=lambda: sum(_nps_of_levels([level]).nps for level in TOP_LEVELS) / len(TOP_LEVELS),
    rel_tol=1e-3,
    hints=[{"zh": "先选出金卡和白金会员的全部答卷，再对这些答卷计算一次 NPS。",
            "en": "Select all answers of gold and platinum members first, then compute one NPS over them."},
           {"zh": "不要把两组的 NPS 取平均：两组人数不同（24 人和 10 人），平均会让小组的权重过大。"
                  "members.query(\"member_level in ['gold', 'platinum']\")['nps'].dropna() 就是要用的答卷。",
            "en": "Do not average the two groups' NPS: the groups differ in size (24 and 10), so an average over-weights "
                  "the small one. members.query(\"member_level in ['gold', 'platinum']\")['nps'].dropna() are the answers to use."}],
    model_answer={"zh": "nps_top = nps(members.query(\"member_level in ['gold', 'platinum']\")['nps'].dropna()).nps"
                        "   # 29 位推荐者、2 位贬损者，n = 34 → +79.4（误差范围约 ±18）",
                  "en": "nps_top = nps(members.query(\"member_level in ['gold', 'platinum']\")['nps'].dropna()).nps"
                        "   # 29 promoters, 2 detractors, n = 34 → +79.4 (margin of error about ±18)"},
)

q2 = ValueProblem(
    var="moe_4x",
    expected=lambda: _nps_scaled(SIMULATOR_FACTOR).moe,
    wrong=lambda: _nps().moe,
    rel_tol=1e-3,
    hints=[{"zh": "把三个 NPS 滑块分别设为 4 × 155、4 × 131、4 × 113，读出 NPS 的误差范围。",
            "en": "Set the three NPS sliders to 4 × 155, 4 × 131 and 4 × 113 and read the NPS margin of error."},
           {"zh": "也可以在代码里设置：sim.controls['promoters'].value = 620 等，然后读 sim.result.nps.moe。"
                  "误差范围与 √n 成反比：样本扩大 4 倍，误差只缩小一半。",
            "en": "Or in code: sim.controls['promoters'].value = 620 and so on, then read sim.result.nps.moe. "
                  "The margin shrinks with √n: four times the sample only halves it."}],
    model_answer={"zh": "sim.controls['promoters'].value = 620\nsim.controls['passives'].value = 524\n"
                        "sim.controls['detractors'].value = 452\nmoe_4x = sim.result.nps.moe   # ≈ 4.0 分，约为原来 8.0 分的一半",
                  "en": "sim.controls['promoters'].value = 620\nsim.controls['passives'].value = 524\n"
                        "sim.controls['detractors'].value = 452\nmoe_4x = sim.result.nps.moe   # ≈ 4.0 points, about half of the 8.0"},
)

q3 = ValueProblem(
    var="alpha_responsiveness",
    expected=lambda: _responsiveness_alpha().alpha,
    wrong=_mean_inter_item_r,
    rel_tol=1e-3,
    hints=[{"zh": "响应性是 SERVQUAL 的第 10–13 题；用感知题 per_10 … per_13，先去掉有漏答的问卷。",
            "en": "Responsiveness is SERVQUAL items 10–13; use the perception items per_10 … per_13 and drop incomplete questionnaires first."},
           {"zh": "cronbach_alpha(数据, item_cols=题项列表).alpha 就是 α；不要与题项间的平均相关系数混淆。",
            "en": "cronbach_alpha(data, item_cols=item columns).alpha is the alpha; do not confuse it with the mean inter-item correlation."}],
    model_answer={"zh": "items = ['per_10', 'per_11', 'per_12', 'per_13']\n"
                        "alpha_responsiveness = cronbach_alpha(survey.dropna(subset=items), item_cols=items).alpha   # ≈ 0.816，可接受",
                  "en": "items = ['per_10', 'per_11', 'per_12', 'per_13']\n"
                        "alpha_responsiveness = cronbach_alpha(survey.dropna(subset=items), item_cols=items).alpha   # ≈ 0.816, acceptable"},
)

q4 = ChoiceProblem(
    var="worst_dimension",
    expected=lambda: _servqual().dimensions["gap"].idxmin(),
    wrong=lambda: _servqual().dimensions["perception"].idxmin(),
    options={"sq_tangibles": {"zh": "有形性", "en": "Tangibles"},
             "sq_reliability": {"zh": "可靠性", "en": "Reliability"},
             "sq_responsiveness": {"zh": "响应性", "en": "Responsiveness"},
             "sq_assurance": {"zh": "保证性", "en": "Assurance"},
             "sq_empathy": {"zh": "移情性", "en": "Empathy"}},
    hints=[{"zh": "差距 = 感知 − 期望；要找的是差距最负的维度，而不是感知分最低的维度。",
            "en": "Gap = perception − expectation; look for the most negative gap, not the lowest perception."},
           {"zh": "sq.dimensions['gap'].idxmin() 给出差距最大的维度编号。",
            "en": "sq.dimensions['gap'].idxmin() gives the id of the dimension with the largest shortfall."}],
    model_answer={"zh": "worst_dimension = sq.dimensions['gap'].idxmin()   # 'sq_reliability'：期望最高（6.2），差距 −1.28",
                  "en": "worst_dimension = sq.dimensions['gap'].idxmin()   # 'sq_reliability': highest expectation (6.2), gap −1.28"},
)

q5 = ChoiceProblem(
    var="ipa_quadrants",
    expected=lambda: _ipa_classes(),
    wrong=lambda: _ipa_classes(breaks="midpoint", scale=(1, 7)),
    hints=[{"zh": "十字线在所有属性的平均重要性和平均表现处（见上面的 ipa.thresholds）。",
            "en": "The crosshair sits at the mean importance and mean performance of all attributes (see ipa.thresholds above)."},
           {"zh": "重要性高于平均、表现低于平均 → 重点改进区；两者都高 → 继续保持区；都低 → 低优先区；"
                  "重要性低、表现高 → 过度投入区。",
            "en": "Importance above the mean and performance below → concentrate here; both above → keep up; "
                  "both below → low priority; importance below and performance above → possible overkill."}],
    model_answer={"zh": "ipa_quadrants = quiz.answers   # 价格与配送速度是重点改进区；商品质量、退换政策继续保持；"
                        "店员礼貌、门店氛围可能过度投入；应用与会员计划低优先",
                  "en": "ipa_quadrants = quiz.answers   # price and delivery speed: concentrate here; product quality and "
                        "return policy: keep up; staff courtesy and store ambience: possible overkill; app and loyalty "
                        "programme: low priority"},
)


# ---- the satisfaction formula: a comparison, not a sum ----
q6 = ChoiceProblem(
    var="formula_choice",
    expected=lambda: "B",
    wrong=lambda: "A",
    options={"A": {"zh": "感受 + 期望 = 7，分数较高，所以满意", "en": "perception + expectation = 7, a high score, so satisfied"},
             "B": {"zh": "感受 − 期望 = −1，小于 0，所以不满意", "en": "perception − expectation = −1, below 0, so dissatisfied"},
             "C": {"zh": "感受 × 期望 = 12，分数较高，所以满意", "en": "perception × expectation = 12, a high score, so satisfied"},
             "D": {"zh": "期望 − 感受 = 1，大于 0，所以满意", "en": "expectation − perception = 1, above 0, so satisfied"}},
    hints=[{"zh": "设想广告把这位顾客的期望从 4 分提到 5 分，而服务不变：他应该更满意还是更不满意？哪个算式给出这个方向？",
            "en": "Suppose advertising raises his expectation from 4 to 5 and the service stays the same: should he be more or less "
                  "satisfied? Which calculation moves that way?"},
           {"zh": "满意度比较的是感受与期望：感受高于期望为满意，低于期望为不满意。D 的算式没错，看它的结论。",
            "en": "Satisfaction compares perception with expectation: above it is satisfied, below it dissatisfied. D's sum is "
                  "right; look at its conclusion."}],
    model_answer={"zh": "formula_choice = 'B'   # 感受比期望低 1 分 → 不满意。A、C 让期望越高分数越高（吹得越大越“满意”），"
                        "D 的差算对了却把符号读反了：期望 − 感受 > 0 正说明感受没达到期望",
                  "en": "formula_choice = 'B'   # the experience fell 1 short of the expectation → dissatisfied. A and C make a "
                        "higher expectation give a higher score (the louder the promise, the 'happier' the customer); D computes "
                        "the right difference but reads its sign the wrong way: expectation − perception > 0 means it fell short"},
)


# ---- against the competition: where do we trail the rival on what matters? ----
@lru_cache(maxsize=1)
def _vs_rival():
    from helpers.teaching.cases import rival_performance

    table = ipa_means()[["importance", "performance"]].assign(rival=rival_performance())
    return table.assign(lead=table["performance"] - table["rival"])


q7 = ChoiceProblem(
    var="most_behind",
    expected=lambda: _vs_rival().loc[_vs_rival()["importance"] > _vs_rival()["importance"].mean(), "lead"].idxmin(),
    wrong=lambda: _vs_rival()["lead"].idxmin(),            # the largest gap, importance ignored
    options={a: {"zh": a, "en": a} for a in IPA_ATTRIBUTES},
    hints=[{"zh": "先只留下重要性高于平均值的属性，再在其中找领先幅度（我们 − 对手）最负的一个。",
            "en": "First keep only the attributes with above-average importance, then find the most negative lead (us − rival) among them."},
           {"zh": "vs_rival[vs_rival['importance'] > vs_rival['importance'].mean()]['lead'] 给出这几个属性的领先幅度。",
            "en": "vs_rival[vs_rival['importance'] > vs_rival['importance'].mean()]['lead'] gives the lead of those attributes."}],
    model_answer={"zh": "most_behind = vs_rival[vs_rival['importance'] > vs_rival['importance'].mean()]['lead'].idxmin()\n"
                        "# 'delivery_speed'：落后 0.93 分。落后最多的 app_usability 重要性低于平均，不是第一优先",
                  "en": "most_behind = vs_rival[vs_rival['importance'] > vs_rival['importance'].mean()]['lead'].idxmin()\n"
                        "# 'delivery_speed': 0.93 behind. The app trails most overall, but its importance is below average"},
)
