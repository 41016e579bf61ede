"""Experience audit (touchpoint × Schmitt's SEMs) and journey line on a hand-made fixture."""
import numpy as np
import pandas as pd
import pytest

from helpers.errors import DataError
from helpers.experience import SEMS, experience_audit, journey_line
from helpers.i18n import language

# touchpoints in journey order; scores 0–5 for sense, feel, think, act, relate
AUDIT = {
    "advert": [4, 3, 2, 1, 2],
    "store": [5, 4, 3, 3, 2],
    "checkout": [2, 2, 1, 3, 1],
    "after_sales": [3, 4, 2, 2, 4],
}
TARGET = {"sense": 4, "feel": 4, "think": 3, "act": 3, "relate": 3}


@pytest.fixture
def wide():
    rows = [{"touchpoint": tp, **dict(zip(SEMS, scores))} for tp, scores in AUDIT.items()]
    return pd.DataFrame(rows)


@pytest.fixture
def long(wide):
    return wide.melt(id_vars="touchpoint", var_name="sem", value_name="score")


def test_row_and_column_means(wide):
    audit = experience_audit(wide, target=TARGET)
    matrix = np.array(list(AUDIT.values()), dtype=float)
    np.testing.assert_allclose(audit.row_means, matrix.mean(axis=1))        # 2.4, 3.4, 1.8, 3.0
    np.testing.assert_allclose(audit.column_means, matrix.mean(axis=0))     # 3.5, 3.25, 2, 2.25, 2.25
    assert audit.row_means.tolist() == pytest.approx([2.4, 3.4, 1.8, 3.0])
    assert audit.overall == pytest.approx(matrix.mean())


def test_gaps_to_target_profile_and_weakest_cells(wide):
    audit = experience_audit(wide, target=TARGET)
    assert audit.gaps.loc["checkout"].tolist() == [-2, -2, -2, 0, -2]
    weakest = audit.weakest(3)
    # five cells are 2 below target; those scoring 1 come first, then by journey step and module order
    assert weakest[["touchpoint", "sem"]].values.tolist() == [
        ["advert", "act"], ["checkout", "think"], ["checkout", "relate"]]
    assert (weakest["gap"] == -2).all()


def test_long_ratings_are_averaged_and_match_wide(wide, long):
    extra = pd.DataFrame({"touchpoint": ["store"], "sem": ["Sense"], "score": [3]})   # second rater
    audit = experience_audit(pd.concat([long, extra]), target=TARGET)
    assert audit.scores.loc["store", "sense"] == 4.0
    pd.testing.assert_frame_equal(experience_audit(long).gaps.drop(index="store"),
                                  experience_audit(wide).gaps.drop(index="store"))


def test_default_target_is_scale_maximum_and_scalar_or_matrix_targets(wide):
    assert experience_audit(wide).target.eq(5).all().all()
    scalar = experience_audit(wide, target=3)
    matrix = experience_audit(wide, target=scalar.target)
    pd.testing.assert_frame_equal(scalar.gaps, matrix.gaps)


def test_journey_order_is_kept_and_can_be_given(wide):
    shuffled = wide.iloc[[2, 0, 3, 1]]
    journey = list(AUDIT)
    audit = experience_audit(shuffled, journey=journey)
    assert audit.scores.index.tolist() == journey
    pd.testing.assert_frame_equal(audit.scores, experience_audit(wide).scores)


def test_journey_line_from_audit_and_from_ratings(wide):
    line = journey_line(experience_audit(wide, target=TARGET))
    assert line["step"].tolist() == [1, 2, 3, 4]
    assert line["target"].tolist() == pytest.approx([3.4] * 4)
    assert line["below_target"].tolist() == [True, False, True, True]
    ratings = pd.DataFrame({"touchpoint": ["store", "advert", "store", "checkout"], "satisfaction": [4, 3, 5, 2]})
    line = journey_line(ratings, journey=["advert", "store", "checkout"], target=4)
    assert line["score"].tolist() == [3, 4.5, 2]
    assert line["gap"].tolist() == [-1, 0.5, -2]


@pytest.mark.parametrize("change, needle", [
    (lambda w: w.assign(feel=[3, 4, 9, 4]), r"'feel' has values outside 0–5.*: 3"),
    (lambda w: w.assign(think=[2, "high", 1, 2]), r"'think' has values that are not numbers.*: 2"),
    (lambda w: w.drop(columns="touchpoint"), "'touchpoint' is missing"),
])
def test_malformed_scores_name_column_rows_and_fix(wide, change, needle):
    with pytest.raises(DataError, match=needle) as err:
        experience_audit(change(wide))
    assert "Fix:" in str(err.value)


def test_unknown_module_journey_and_target_are_reported(wide, long):
    with pytest.raises(DataError, match=r"'sem' has unknown values.*: 1.*Fix: Write the module"):
        experience_audit(long.assign(sem=["smell"] + long["sem"].tolist()[1:]))
    with pytest.raises(DataError, match="after_sales.*not in the given journey"):
        experience_audit(wide, journey=["advert", "store", "checkout"])
    with pytest.raises(DataError, match="target"):
        experience_audit(wide, target={"smell": 4})


def test_summary_html_and_charts(wide):
    from helpers.plots.service import plot_experience_heatmap, plot_journey_line

    audit = experience_audit(wide, target=TARGET)
    assert list(audit.summary().columns[:5]) == ["Sense", "Feel", "Think", "Act", "Relate"]
    assert "Cells furthest below target" in audit._repr_html_()
    ax = plot_experience_heatmap(audit, kind="gaps")
    assert ax.get_title() == "Experience audit: gap to target (touchpoint × module)"
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Sense", "Feel", "Think", "Act", "Relate"]
    ax = plot_journey_line(journey_line(audit))
    assert ax.get_title() == "Customer journey line" and ax.get_ylabel() == "Satisfaction"


@pytest.mark.parametrize("lang, words", [("en", "Parameter"), ("zh", "参数")])
def test_chart_options_are_checked_and_keyword_only(wide, lang, words):
    from helpers.plots.service import plot_experience_heatmap
    from helpers.validation import ParameterError

    audit = experience_audit(wide)
    with language(lang), pytest.raises(ParameterError) as err:
        plot_experience_heatmap(audit, kind="values")
    assert err.value.name == "kind" and "kind" in str(err.value) and words in str(err.value)
    with pytest.raises(TypeError):
        plot_experience_heatmap(audit, "gaps")


def test_step_column_orders_the_journey_and_target_table_may_name_touchpoints(wide):
    steps = wide.assign(step=[1, 2, 3, 4]).iloc[[3, 1, 0, 2]]
    target = steps[["touchpoint", *SEMS]].assign(**{s: 4.0 for s in SEMS})
    audit = experience_audit(steps, target=target)
    assert audit.scores.index.tolist() == list(AUDIT)
    assert audit.target.eq(4.0).all().all()
    ratings = pd.DataFrame({"step": [2, 1, 2], "touchpoint": ["store", "advert", "store"], "satisfaction": [4, 3, 5]})
    assert journey_line(ratings)["touchpoint"].tolist() == ["advert", "store"]


def test_journey_line_checks_its_ratings():
    with pytest.raises(DataError, match="'satisfaction' is missing"):
        journey_line(pd.DataFrame({"touchpoint": ["a"], "rating": [4]}))
    with pytest.raises(DataError, match=r"'satisfaction'.*not numbers.*: 2.*Fix"):
        journey_line(pd.DataFrame({"touchpoint": ["a", "b"], "satisfaction": [4, "good"]}))
