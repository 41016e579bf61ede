"""Lorenz / Gini / whale curve / Sherden / cross-subsidy reproduce docs/methods.md §8.3."""
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.concentration import (_top_count, as_value_series, cross_subsidy, gini, lorenz_curve, rank_descending,
                                   sherden_check, whale_curve)
from helpers.errors import DataError
from helpers.i18n import language
from helpers.validation import ParameterError

SALES = [5000, 3000, 800, 400, 300, 200, 150, 80, 50, 20]
PROFIT = [500, 300, 200, 100, 50, -20, -50, -80, -100, -150]


def test_gini_reproduces_the_worked_numbers():
    assert gini(SALES) == pytest.approx(0.6992, abs=1e-4)
    assert gini(SALES, small_sample=True) == pytest.approx(0.7769, abs=1e-4)
    assert gini([1, 2, 3, 4, 5]) == pytest.approx(0.26667, abs=1e-5)
    assert gini([0, 0, 0, 0, 10]) == pytest.approx(0.8)


def test_gini_equals_one_minus_the_trapezoid_area_under_the_lorenz_points():
    points = lorenz_curve(SALES)
    x, y = points["customer_share"].to_numpy(), points["value_share"].to_numpy()
    assert 1 - np.sum(np.diff(x) * (y[1:] + y[:-1])) == pytest.approx(gini(SALES))


def test_lorenz_curve_starts_at_the_origin_and_ends_at_one():
    points = lorenz_curve(SALES)
    assert points.iloc[0].tolist() == [0.0, 0.0]
    assert points.iloc[-1].tolist() == pytest.approx([1.0, 1.0])
    assert points["value_share"].iloc[1] == pytest.approx(20 / 10_000)


def test_negative_values_in_gini_point_to_the_whale_curve():
    with pytest.raises(DataError, match="whale_curve") as err:
        gini(PROFIT)
    assert err.value.rows == [6, 7, 8, 9, 10]


def test_missing_values_name_the_rows():
    frame = pd.DataFrame({"customer_id": ["a", "b", "c"], "sales": [1.0, None, 3.0]})
    with pytest.raises(DataError, match="sales") as err:
        gini(frame, value_col="sales")
    assert err.value.rows == [2]


def test_whale_curve_reproduces_the_worked_numbers():
    whale = whale_curve(PROFIT)
    assert whale.total == 750
    assert whale.peak_profit_share == pytest.approx(1150 / 750) and round(whale.peak_profit_share, 3) == 1.533
    assert whale.peak_customer_share == 0.5
    assert round(whale.loss_share, 3) == 0.533
    assert whale.unprofitable_share == 0.5
    assert whale.curve["profit_share"].iloc[0] == 0 and whale.curve["profit_share"].iloc[-1] == pytest.approx(1)


def test_sherden_check_reproduces_the_worked_numbers():
    check = sherden_check(PROFIT)
    assert round(check.top_profit_share, 3) == 1.067
    assert check.bottom_loss_share == pytest.approx(330 / 750)
    assert (check.rule_top_profit_share, check.rule_bottom_loss_share) == (0.8, 0.4)


def test_cross_subsidy_reproduces_the_worked_number():
    assert round(cross_subsidy(PROFIT), 3) == 0.348


def test_whale_curve_needs_a_positive_total():
    with pytest.raises(DataError):
        whale_curve([-1, -2, 1])


def test_value_series_from_a_frame_uses_the_id_column():
    frame = pd.DataFrame({"customer_id": ["x", "y"], "profit": [3, 4]})
    s = as_value_series(frame, value_col="profit")
    assert s.to_dict() == {"x": 3.0, "y": 4.0} and frame["profit"].dtype.kind == "i"


def test_ranking_breaks_ties_by_id_and_top_count_rounds_up():
    assert rank_descending(pd.Series({"b": 1.0, "a": 1.0})).index.tolist() == ["a", "b"]
    assert _top_count(7, 0.2) == 2 and _top_count(10, 0.2) == 2


@settings(max_examples=40, deadline=None)
@given(st.lists(st.floats(0, 1e6), min_size=2, max_size=30).filter(lambda v: sum(v) > 0), st.randoms())
def test_gini_is_between_0_and_1_and_ignores_order(values, rnd):
    shuffled = values[:]
    rnd.shuffle(shuffled)
    g = gini(values)
    assert -1e-9 <= g <= 1 and gini(shuffled) == pytest.approx(g, abs=1e-9)


def test_transactions_instead_of_customers_are_rejected_with_the_fix():
    orders = pd.DataFrame({"customer_id": ["a", "b", "a"], "amount": [5.0, 3.0, 2.0]})
    with pytest.raises(DataError, match="one row per customer") as err:
        gini(orders, value_col="amount")
    assert err.value.rows == [3]


@pytest.mark.parametrize("call, name", [
    (lambda: sherden_check(PROFIT, top_share=20), "top_share"),
    (lambda: sherden_check(PROFIT, bottom_share=0), "bottom_share"),
    (lambda: gini(SALES, small_sample="yes"), "small_sample"),
])
@pytest.mark.parametrize("lang, words", [("en", "Parameter"), ("zh", "参数")])
def test_invalid_settings_raise_a_parameter_error_naming_the_parameter(call, name, lang, words):
    with language(lang), pytest.raises(ParameterError) as err:
        call()
    assert err.value.name == name and str(err.value).startswith(f"{words} {name} ")
