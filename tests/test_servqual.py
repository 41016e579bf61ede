"""SERVQUAL gaps reproduce the docs/methods.md §4.6 example; weights, reversal and malformed input."""
import pandas as pd
import pytest

from helpers.errors import DataError, DataWarning
from helpers.i18n import language
from helpers.servqual import SERVQUAL_DIMENSIONS, servqual, servqual_score
from helpers.validation import ParameterError

EXPECTATION = (5.6, 6.5, 6.2, 6.3, 5.8)     # T, Rel, Resp, A, Emp (§4.6)
PERCEPTION = (5.8, 5.4, 5.5, 6.0, 5.1)
POINTS = (10, 35, 25, 15, 15)
N = 10


def answers_with_mean(mean: float, n: int = N) -> list[int]:
    """n whole-number answers whose mean is exactly ``mean`` (one decimal, n = 10)."""
    total = round(mean * n)
    base, extra = divmod(total, n)
    return [base + 1] * extra + [base] * (n - extra)


@pytest.fixture
def survey() -> pd.DataFrame:
    """Ten respondents: every item of a dimension has that dimension's §4.6 mean; same 100 points each."""
    columns = {}
    for (dimension, items), e, p, w in zip(SERVQUAL_DIMENSIONS.items(), EXPECTATION, PERCEPTION, POINTS):
        for item in items:
            columns[f"exp_{item:02d}"] = answers_with_mean(e)
            columns[f"per_{item:02d}"] = answers_with_mean(p)
        columns[f"w_{dimension.removeprefix('sq_')}"] = [w] * N
    return pd.DataFrame(columns)


def test_worked_example_gaps_unweighted_and_weighted(survey):
    r = servqual(survey, weights="w_{dimension}")
    assert r.dimensions["gap"].round(10).tolist() == [0.2, -1.1, -0.7, -0.3, -0.7]
    assert r.unweighted == pytest.approx(-0.52)
    assert r.weighted == pytest.approx(-0.69)
    assert r.dimensions["points"].tolist() == list(POINTS) and r.n == N


def test_score_formula_from_dimension_gaps():
    gaps = [p - e for p, e in zip(PERCEPTION, EXPECTATION)]
    assert servqual_score(gaps) == pytest.approx(-0.52)
    assert servqual_score(gaps, weights=POINTS) == pytest.approx(-0.69)


def test_item_gaps_and_mean_of_items_alternative(survey):
    r = servqual(survey, method="items")
    assert len(r.items) == 22 and r.items.loc[5, "dimension"] == "sq_reliability"
    assert r.items.loc[5, "gap"] == pytest.approx(-1.1)
    sizes = [len(items) for items in SERVQUAL_DIMENSIONS.values()]
    item_mean = sum(k * (p - e) for k, e, p in zip(sizes, EXPECTATION, PERCEPTION)) / 22
    assert r.unweighted == pytest.approx(item_mean) and r.weighted is None


def test_weighted_score_is_averaged_over_respondents():
    survey = pd.DataFrame({"exp_01": [5, 5], "per_01": [6, 6], "exp_02": [5, 5], "per_02": [3, 3],
                           "w_a": [100, 0], "w_b": [0, 100]})
    r = servqual(survey, dimensions={"a": (1,), "b": (2,)}, weights={"a": "w_a", "b": "w_b"})
    assert r.weighted == pytest.approx((1 + -2) / 2) and r.unweighted == pytest.approx(-0.5)


def test_negatively_worded_items_are_reverse_scored():
    survey = pd.DataFrame({"exp_01": [2, 2], "per_01": [3, 3], "exp_02": [6, 6], "per_02": [5, 5]})
    r = servqual(survey, dimensions={"sq_tangibles": (1, 2)}, reverse=[1])
    assert r.items["gap"].tolist() == [-1.0, -1.0]        # item 1: E 6, P 5 after reversal on 1–7


def test_missing_answers_are_dropped_listwise_and_counted(survey):
    survey.loc[3, "per_07"] = None
    with pytest.warns(DataWarning, match=r"1 of 10.*rows 4"):
        r = servqual(survey)
    assert (r.n, r.n_dropped) == (9, 1)


def test_malformed_surveys_are_rejected_with_column_and_rows(survey):
    with pytest.raises(DataError, match="no column 'per_22'"):
        servqual(survey.drop(columns="per_22"))
    with pytest.raises(DataError, match=r"'exp_03'.*outside the scale 1–7.*rows.*: 1"):
        servqual(survey.assign(exp_03=[9] + [5] * (N - 1)))
    bad_points = survey.assign(w_empathy=[15] * (N - 1) + [25])
    with pytest.raises(DataError, match=r"add up to 100.*rows.*: 10"):
        servqual(bad_points, weights="w_{dimension}")
    with pytest.raises(ParameterError, match="method"):
        servqual(survey, method="median")


def test_repr_names_the_scores(survey):
    r = servqual(survey, weights="w_{dimension}")
    assert "unweighted=-0.5200, weighted=-0.6900" in repr(r)
    assert "Reliability" in r._repr_html_()


def test_column_patterns_can_be_renamed(survey):
    renamed = survey.rename(columns=lambda c: c.replace("exp_", "E").replace("per_", "P"))
    r = servqual(renamed, expectation_pattern="E{:02d}", perception_pattern="P{:02d}")
    assert r.unweighted == pytest.approx(-0.52) and r.params["method"] == "dimensions"


@pytest.mark.parametrize("settings,name", [({"method": "median"}, "method"), ({"scale": (7, 1)}, "scale")])
def test_invalid_settings_name_the_parameter_in_both_languages(survey, settings, name):
    with language("en"), pytest.raises(ParameterError, match=rf"^Parameter {name}\b"):
        servqual(survey, **settings)
    with language("zh"), pytest.raises(ParameterError, match=rf"^参数 {name}\b"):
        servqual(survey, **settings)
