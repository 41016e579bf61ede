"""Simple CLV, retention economics and Markov CLV (docs/methods.md §3.3, §3.5, §3.6, §8.4)."""
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.clv import (customer_retention_rate, expected_lifetime, margin_multiple, markov_clv,
                         project_states, retention_economics, simple_clv)
from helpers.errors import DataError
from helpers.i18n import language
from helpers.validation import ParameterError

P_EXAMPLE = [[.6, .3, .1], [.2, .5, .3], [0, 0, 1]]


@pytest.mark.parametrize("r, i, expected", [
    (0.8, 0.10, 2.667), (0.8, 0.12, 2.500), (0.9, 0.10, 4.500), (0.9, 0.12, 4.091), (0.6, 0.10, 1.200),
])
def test_margin_multiples_of_domain_3_6(r, i, expected):
    assert margin_multiple(r, i) == pytest.approx(expected, abs=5e-4)


def test_simple_clv_worked_example():
    assert simple_clv(100, 0.8, 0.10) == pytest.approx(266.67, abs=0.005)
    assert simple_clv(100, 0.8, 0.10, include_current=True) == pytest.approx(366.67, abs=0.005)
    assert simple_clv(100, 0.8, 0.10, acquisition_cost=66.67) == pytest.approx(200.0, abs=0.005)


def test_finite_horizon_is_the_sum_of_discounted_survival():
    by_hand = sum(100 * 0.8 ** t / 1.1 ** t for t in (1, 2, 3))
    assert simple_clv(100, 0.8, 0.10, horizon=3) == pytest.approx(by_hand)
    assert simple_clv(100, 0.8, 0.10, horizon=0) == 0.0


def test_simple_clv_is_vectorised():
    out = simple_clv([100, 200], [0.8, 0.9], 0.10)
    assert out == pytest.approx([100 * margin_multiple(0.8, 0.1), 200 * margin_multiple(0.9, 0.1)])


@settings(max_examples=50, deadline=None)
@given(m=st.floats(1, 1e4), r=st.floats(0, 0.95), i=st.floats(0.01, 0.5))
def test_finite_horizon_approaches_the_infinite_one(m, r, i):
    assert simple_clv(m, r, i, horizon=2000) == pytest.approx(simple_clv(m, r, i), rel=1e-9)
    assert simple_clv(m, r, i, horizon=5) <= simple_clv(m, r, i) + 1e-9


@pytest.mark.parametrize("lang, text", [("en", "Parameter retention must be a number from 0 to 1.*got 80"),
                                        ("zh", "参数 retention 应为介于 0 与 1 之间（含两端）的数.*收到的是 80")])
def test_rates_out_of_range_are_refused_naming_the_parameter(lang, text):
    with language(lang):
        with pytest.raises(ParameterError, match=text):
            simple_clv(100, 80, 0.10)
        with pytest.raises(ParameterError, match="discount"):
            margin_multiple(1.0, -0.05)
        with pytest.raises(ParameterError, match="retention.*1.2"):     # every entry of an array
            simple_clv(100, [0.8, 1.2], 0.10)


@pytest.mark.parametrize("call", [
    lambda: simple_clv(100, 0.8, -0.5), lambda: simple_clv(100, 0.8, -0.5, horizon=3),
    lambda: margin_multiple(0.3, -0.5), lambda: simple_clv(100, 0.8, 1.0),
    lambda: retention_economics(250, 50, 150, 0.8, -0.5), lambda: markov_clv(P_EXAMPLE, [1, 1, 0], -0.5),
    lambda: markov_clv(P_EXAMPLE, [1, 1, 0], 0.0),                       # the infinite sum needs discounting
])
def test_a_negative_or_impossible_discount_is_refused_not_computed(call):
    with pytest.raises(ParameterError, match="discount"):
        call()


def test_other_settings_are_checked_too():
    with pytest.raises(ParameterError, match="horizon"):
        simple_clv(100, 0.8, 0.10, horizon=-1)
    with pytest.raises(ParameterError, match="horizon"):
        project_states([1, 0], [[.5, .5], [0, 1]], horizon=2.5)
    with pytest.raises(ParameterError, match="retention"):               # r = 1 and no discounting: no end
        simple_clv(100, 1.0, 0.0)
    assert simple_clv(100, 1.0, 0.0, horizon=3) == pytest.approx(300)
    assert markov_clv(P_EXAMPLE, [100, 20, 0], 0.0, horizon=1).tolist() == [100.0, 20.0, 0.0]
    with pytest.raises(ParameterError, match="retention_gain"):
        retention_economics(250, 50, 150, retention=0.98, discount=0.10)
    with pytest.raises(TypeError):                                        # options are keyword-only
        simple_clv(100, 0.8, 0.10, None, True)


def test_customer_retention_rate_and_lifetime():
    assert customer_retention_rate(200, 40, 210) == pytest.approx(0.85)
    assert expected_lifetime(0.85) == pytest.approx(1 / 0.15)
    with pytest.raises(DataError, match="S > 0"):
        customer_retention_rate(0, 0, 10)
    assert customer_retention_rate(n_start=200, n_new=40, n_end=210) == pytest.approx(0.85)


def test_retention_economics_hand_computed():
    # net margin 150 − 50 = 100; CLV incl. current period = 100·1.1/0.3; +5 points → 100·1.1/0.25
    econ = retention_economics(acquisition_cost=250, retention_cost=50, profit_per_period=150, retention=0.8,
                               discount=0.10)
    assert econ.cost_ratio == 5.0
    assert econ.clv_retained == pytest.approx(366.667, abs=1e-3)
    assert econ.clv_acquired == pytest.approx(116.667, abs=1e-3)
    assert econ.clv_improved == pytest.approx(440.0)
    assert econ.value_increase == pytest.approx(0.20)
    assert (econ.lifetime, econ.lifetime_improved) == pytest.approx((5.0, 20 / 3))
    table = econ.table()
    assert table["metric"].tolist()[0] == "cost_ratio"
    assert table["label"].iloc[0] == "Acquisition cost ÷ retention cost"
    assert "366.67" in econ._repr_html_()
    assert econ.params["profit_per_period"] == 150


def test_retention_economics_needs_a_retention_cost():
    with language("en"), pytest.raises(ParameterError, match="retention_cost must be a number above 0"):
        retention_economics(250, 0, 150, 0.8, 0.1)


def test_markov_clv_worked_example():
    assert markov_clv(P_EXAMPLE, [100, 20, 0], 0.10).tolist() == pytest.approx([302.5, 137.5, 0.0])


def test_markov_finite_horizon_sums_periods_and_converges():
    one, two = markov_clv(P_EXAMPLE, [100, 20, 0], 0.10, horizon=1), markov_clv(P_EXAMPLE, [100, 20, 0], 0.10, horizon=2)
    assert one.tolist() == [100.0, 20.0, 0.0]
    assert two.iloc[0] == pytest.approx(100 + (0.6 * 100 + 0.3 * 20) / 1.1)
    long = markov_clv(P_EXAMPLE, [100, 20, 0], 0.10, horizon=400)
    assert long.tolist() == pytest.approx([302.5, 137.5, 0.0])


def test_markov_clv_keeps_state_ids_of_a_frame():
    states = ["active", "at_risk", "lost"]
    P = pd.DataFrame(P_EXAMPLE, index=states, columns=states)
    reward = pd.Series({"lost": 0, "active": 100, "at_risk": 20})
    assert markov_clv(P, reward, 0.10).to_dict() == pytest.approx({"active": 302.5, "at_risk": 137.5, "lost": 0.0})


def test_invalid_transition_matrices_name_rows_and_fix():
    with pytest.raises(DataError, match=r"rows.*2\..*Fix: Divide each row"):
        markov_clv([[.5, .5], [.2, .3]], [1, 1], 0.1)
    with pytest.raises(DataError, match="square"):
        markov_clv([[.5, .5]], [1, 1], 0.1)
    with pytest.raises(DataError, match="one number for each of the 2 states"):
        markov_clv([[.5, .5], [0, 1]], [1, 1, 1], 0.1)
    with language("zh"):
        with pytest.raises(DataError, match="合计为 1"):
            project_states([1, 1], [[.5, .4], [0, 1]], 1)


def test_project_states_with_acquisitions():
    out = project_states([100, 50, 0], P_EXAMPLE, horizon=2, acquisitions=[20, 0, 0])
    assert out.loc[1].tolist() == pytest.approx([100 * .6 + 50 * .2 + 20, 100 * .3 + 50 * .5, 100 * .1 + 50 * .3])
    assert out.index.name == "period" and len(out) == 3


@settings(max_examples=30, deadline=None)
@given(st.lists(st.floats(0, 1000), min_size=3, max_size=3), st.integers(1, 6))
def test_projection_without_acquisitions_keeps_the_number_of_customers(initial, horizon):
    out = project_states(initial, P_EXAMPLE, horizon)
    assert np.allclose(out.sum(axis=1), sum(initial))


def test_project_states_uses_series_labels():
    initial = pd.Series([10.0, 0.0], index=["new", "lost"])
    out = project_states(initial, transitions=[[.5, .5], [0, 1]], horizon=1)
    assert out.columns.tolist() == ["new", "lost"] and out.loc[1].tolist() == [5.0, 5.0]
