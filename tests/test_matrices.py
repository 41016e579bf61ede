"""ValueMatrix and its presets: cells of small hand-made tables, split rules, ties, distances, summary."""
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.errors import DataError
from helpers.i18n import label, language
from helpers.matrices import (Axis, Quantiles, ValueMatrix, apostle_model, customer_value_matrix, dick_basu_loyalty,
                              ipa_matrix, marcus_matrix, social_style, target_selection_matrix)
from helpers.validation import ParameterError

# four entities, one per quadrant of a mean split: x mean = 5, y mean = 50
QUADRANTS = pd.DataFrame({"customer_id": ["hh", "hl", "lh", "ll"], "x": [9.0, 8.0, 2.0, 1.0],
                          "y": [90.0, 10.0, 80.0, 20.0]})


def _cells(result):
    assert result.table.index.name == "customer_id"
    return result.classes.to_dict()


def test_customer_value_matrix_types_i_to_iv():
    res = customer_value_matrix(QUADRANTS, current_col="x", potential_col="y")
    assert _cells(res) == {"hh": "value_type_iv", "hl": "value_type_iii", "lh": "value_type_ii", "ll": "value_type_i"}
    assert res.thresholds == {"current_value": [5.0], "potential_value": [50.0]}


def test_target_selection_uses_weighted_composites_and_the_scale_midpoint():
    ratings = pd.DataFrame({"customer_id": ["a", "b", "c", "d"],
                            "size": [5, 5, 1, 2], "growth": [5, 4, 1, 1],   # value = .5·size + .5·growth
                            "fit": [4, 1, 5, 2], "cost": [4, 2, 3, 1]})    # capability = (3·fit + cost) / 4
    res = target_selection_matrix(ratings, {"size": 1, "growth": 1}, {"fit": 3, "cost": 1})
    assert _cells(res) == {"a": "q_focus", "b": "q_opportunistic", "c": "q_passive", "d": "q_abandon"}
    assert res.table["customer_value"].tolist() == [5.0, 4.5, 1.0, 1.5]
    assert res.table["capability"].tolist() == [4.0, 1.25, 4.5, 1.75]
    assert res.table["capability_distance"].tolist() == [1.0, -1.75, 1.5, -1.25]
    assert res.thresholds["capability"] == [3.0]


def test_marcus_matrix_computes_the_average_purchase():
    rfm = pd.DataFrame({"customer_id": ["best", "freq", "spend", "unc"], "frequency": [10, 10, 2, 2],
                        "monetary": [2000, 200, 800, 40]})       # averages 200, 20, 400, 20 → mean 160; F mean 6
    res = marcus_matrix(rfm)
    assert _cells(res) == {"best": "marcus_best", "freq": "marcus_frequent", "spend": "marcus_spenders",
                           "unc": "marcus_uncertain"}
    assert res.thresholds == {"average_purchase": [160.0], "purchase_frequency": [6.0]}
    assert "average_purchase" not in rfm.columns
    indexed = marcus_matrix(rfm.set_index("customer_id"))        # an RFM table keeps its customer index
    assert indexed.classes.to_dict() == res.classes.to_dict()


def test_marcus_matrix_rejects_customers_without_purchases():
    rfm = pd.DataFrame({"frequency": [1, 0], "monetary": [5.0, 0.0]})
    with pytest.raises(DataError, match="frequency") as err:
        marcus_matrix(rfm)
    assert err.value.rows == [2]


def test_ipa_matrix_data_and_scale_centred():
    means = pd.DataFrame({"importance": [6.5, 6.0, 3.0, 2.5], "performance": [3.0, 6.5, 2.0, 6.0]},
                         index=pd.Index(["price", "quality", "parking", "decor"], name="attribute"))
    res = ipa_matrix(means)
    assert dict(zip(res.table.index, res.classes)) == {"price": "ipa_concentrate", "quality": "ipa_keep_up",
                                                      "parking": "ipa_low_priority", "decor": "ipa_overkill"}
    assert res.table["gap"].tolist() == [-3.5, 0.5, -1.0, 3.5]
    scaled = ipa_matrix(means, breaks="midpoint", scale=(1, 7))
    assert scaled.thresholds == {"performance": [4.0], "importance": [4.0]}
    assert scaled.classes.tolist() == res.classes.tolist()


def test_social_style_item_means_against_the_midpoint_with_ties_high():
    answers = pd.DataFrame({"a1": [5, 4, 2, 1], "a2": [4, 2, 1, 2],     # means 4.5, 3 (tie → high), 1.5, 1.5
                            "r1": [1, 5, 5, 2], "r2": [2, 4, 3, 2]})    # means 1.5, 4.5, 4, 2
    res = social_style(answers, ["a1", "a2"], ["r1", "r2"])
    assert res.classes.tolist() == ["style_driver", "style_expressive", "style_amiable", "style_analytical"]
    assert res.table["assertiveness_distance"].tolist() == [1.5, 0.0, -1.5, -1.5]
    with language("zh"):
        assert label(res.classes).tolist() == ["控制型", "表现型", "亲和型", "分析型"]
        assert all(label(res.classes, field="strategy"))


def test_dick_basu_loyalty_types():
    data = QUADRANTS.rename(columns={"x": "repeat_patronage", "y": "relative_attitude"})
    assert _cells(dick_basu_loyalty(data)) == {"hh": "loyalty_true", "hl": "loyalty_spurious",
                                               "lh": "loyalty_latent", "ll": "loyalty_none"}
    with language("zh"):
        assert label(["loyalty_true", "loyalty_latent", "loyalty_spurious", "loyalty_none"]) == \
            ["忠诚型", "潜伏忠诚型", "伪忠诚型", "不忠诚型"]


def test_apostle_model_types():
    data = QUADRANTS.rename(columns={"x": "satisfaction", "y": "loyalty"})
    assert _cells(apostle_model(data)) == {"hh": "apostle", "hl": "mercenary", "lh": "hostage", "ll": "defector"}


def test_summary_lists_every_cell_with_zeros():
    data = QUADRANTS.iloc[:2]
    summary = customer_value_matrix(data, current_col="x", potential_col="y", breaks=50).summary()
    assert summary["cell"].tolist() == ["value_type_iv", "value_type_iii", "value_type_ii", "value_type_i"]
    assert summary["customers"].tolist() == [0, 0, 1, 1] and summary["share"].sum() == 1
    assert summary["strategy"].str.len().gt(0).all()


def test_cells_are_listed_in_the_order_of_the_source_tables():
    means = pd.DataFrame({"importance": [1.0, 2.0], "performance": [1.0, 2.0]})
    assert ipa_matrix(means).summary()["cell"].tolist() == ["ipa_concentrate", "ipa_keep_up", "ipa_low_priority",
                                                             "ipa_overkill"]
    assert target_selection_matrix(means, "importance", "performance").summary()["cell"].tolist() == \
        ["q_focus", "q_opportunistic", "q_passive", "q_abandon"]


def test_n_by_m_matrix_with_quantile_and_absolute_breaks():
    data = pd.DataFrame({"spend": [10, 20, 30, 40, 50, 60], "visits": [1, 5, 9, 1, 5, 9]})
    vm = ValueMatrix(Axis("spend", Quantiles(1 / 3, 2 / 3)), Axis("visits", [3, 7]))
    res = vm.classify(data)
    assert res.table.index.tolist() == list(range(6))                 # no id: the input's index is kept
    assert res.classes.tolist() == ["x1_y1", "x1_y2", "x2_y3", "x2_y1", "x3_y2", "x3_y3"]
    assert len(res.summary()) == 9 and res.grid().to_numpy().sum() == 6
    assert res.grid().index.tolist() == [2, 1, 0]


def test_median_split_and_ties_on_the_line_go_high():
    data = pd.DataFrame({"a": [1, 2, 3], "b": [5, 5, 5]})
    res = ValueMatrix(Axis("a", "median"), Axis("b", "median")).classify(data)
    assert res.table["a_level"].tolist() == [0, 1, 1] and res.table["b_level"].tolist() == [1, 1, 1]


def test_missing_column_and_values_are_data_errors():
    with pytest.raises(DataError, match="current_value"):
        customer_value_matrix(QUADRANTS)
    broken = QUADRANTS.assign(x=[1.0, None, 3.0, 4.0])
    with pytest.raises(DataError) as err:
        customer_value_matrix(broken, current_col="x", potential_col="y")
    assert err.value.rows == [2] and err.value.column == "x"


def test_bad_break_settings_are_explained():
    with pytest.raises(ParameterError, match="breaks must be one of 'mean', 'median', 'midpoint'"):
        Axis("x", "mode")
    with pytest.raises(ParameterError, match="scale must be 2 numbers"):
        Axis("x", "midpoint")
    with pytest.raises(ParameterError, match="breaks"):
        Axis("x", [7, 3])
    with pytest.raises(ParameterError, match="levels"):
        Quantiles(0.5, 1.5)
    with pytest.raises(ParameterError, match="every"):
        ValueMatrix(Axis("x"), Axis("y"), cells={(0, 0): "a"}).classify(QUADRANTS)
    with pytest.raises(ParameterError, match="2×2"):
        customer_value_matrix(QUADRANTS, current_col="x", potential_col="y", breaks=Quantiles(0.3, 0.6))
    with pytest.raises(ParameterError, match="another name"):
        ValueMatrix(Axis("x"), Axis("x")).classify(QUADRANTS)
    with pytest.raises(ParameterError, match="source"):
        Axis({"x": 0, "y": 0})


@pytest.mark.parametrize("call, name", [
    (lambda: customer_value_matrix(QUADRANTS, current_col="x", potential_col="y", breaks="midpoint"), "breaks"),
    (lambda: marcus_matrix(QUADRANTS, breaks="mode"), "breaks"),
    (lambda: ipa_matrix(QUADRANTS, breaks="midpoint"), "scale"),
    (lambda: target_selection_matrix(QUADRANTS, "x", "y", scale=(5, 1)), "scale"),
    (lambda: social_style(QUADRANTS, "x", "y", scale=7), "scale"),
    (lambda: apostle_model(QUADRANTS, breaks=[1, 2]), "breaks"),
])
@pytest.mark.parametrize("lang, words", [("en", "Parameter"), ("zh", "参数")])
def test_invalid_settings_raise_a_parameter_error_naming_the_parameter(call, name, lang, words):
    with language(lang), pytest.raises(ParameterError) as err:
        call()
    assert err.value.name == name and str(err.value).startswith(f"{words} {name} ")


def test_result_renders_html_with_thresholds():
    html = customer_value_matrix(QUADRANTS, current_col="x", potential_col="y")._repr_html_()
    assert "Thresholds used" in html and "IV Most valuable" in html and "value_type_iv" not in html


@settings(max_examples=15, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 20), st.integers(0, 20)), min_size=1, max_size=30), st.randoms())
def test_every_row_lands_in_one_cell_whatever_the_row_order(points, rnd):
    data = pd.DataFrame(points, columns=["x", "y"]).assign(customer_id=[f"c{i}" for i in range(len(points))])
    shuffled = data.sample(frac=1, random_state=rnd.randint(0, 1000))
    a = _cells(customer_value_matrix(data, current_col="x", potential_col="y"))
    b = _cells(customer_value_matrix(shuffled, current_col="x", potential_col="y"))
    assert a == b and len(a) == len(points)
    assert customer_value_matrix(data, current_col="x", potential_col="y").summary()["customers"].sum() == len(points)
