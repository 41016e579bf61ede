"""BG/NBD and Gamma-Gamma on the CDNOW calibration summary (docs/methods.md §3.7, §3.8, §8.5)."""
import time
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.special import hyp2f1

from helpers.btyd import (BetaGeoModel, GammaGammaModel, customer_clv, frequency_recency_grid,
                          holdout_comparison, summary_arrays)
from helpers.errors import DataError, DataWarning
from helpers.i18n import language
from helpers.validation import ParameterError

from conftest import FIXTURES

CDNOW = FIXTURES / "cdnow"
PUBLISHED_BGNBD = BetaGeoModel(r=0.243, alpha=4.414, a=0.793, b=2.426)
PUBLISHED_GG = GammaGammaModel(p=6.25, q=3.74, gamma=15.44)
CUSTOMER_1 = dict(x=2, t_x=30.43, T=38.86)


@pytest.fixture(scope="module")
def summary():
    return pd.read_csv(CDNOW / "cdnow_customers_summary_with_transactions.csv")


@pytest.fixture(scope="module")
def bgnbd(summary):
    return BetaGeoModel.fit(summary)


@pytest.fixture(scope="module")
def gg(summary):
    return GammaGammaModel.fit(summary)


def test_bgnbd_fit_reproduces_the_published_cdnow_estimates(summary):
    start = time.perf_counter()
    model = BetaGeoModel.fit(summary)
    assert time.perf_counter() - start < 2
    published = PUBLISHED_BGNBD.params
    assert {k: round(v, 3) for k, v in model.params.items()} == published
    assert model.params == pytest.approx({"r": 0.24259, "alpha": 4.41353, "a": 0.79289, "b": 2.42575}, abs=5e-5)
    assert round(model.log_likelihood, 1) == -9582.4
    assert model.log_likelihood == pytest.approx(-9582.43, abs=0.005)
    assert model.n_customers == 2357 and model.converged


def test_fitted_model_shows_its_parameters_with_standard_errors(bgnbd):
    table = bgnbd.summary()
    assert table.index.tolist() == ["r", "alpha", "a", "b"]
    assert table.columns.tolist() == ["estimate", "std_error", "lower", "upper"]
    assert table.attrs["n_customers"] == 2357 and table.attrs["log_likelihood"] == bgnbd.log_likelihood
    # lifetimes 0.11.3 BetaGeoFitter on the same summary: se(coef) 0.012557, 0.378221, 0.185719, 0.705345
    assert table["std_error"].tolist() == pytest.approx([0.012557, 0.378221, 0.185719, 0.705345], abs=2e-6)
    assert (table["lower"] < table["estimate"]).all() and (table["estimate"] < table["upper"]).all()
    html = bgnbd._repr_html_()
    assert "BetaGeoModel" in html and "0.2426" in html and "Customers fitted: 2,357" in html and "Std. error" in html


def test_intervals_cover_the_published_estimates(bgnbd, gg):
    for model, published in ((bgnbd, PUBLISHED_BGNBD), (gg, PUBLISHED_GG)):
        table = model.summary()
        for name, value in published.params.items():
            assert table.loc[name, "lower"] < value < table.loc[name, "upper"], name


def test_an_estimate_near_zero_with_a_wide_error_has_an_interval_without_a_top():
    # exp(z·SE/θ) overflows: the interval is (lower, ∞), said quietly (no NumPy overflow warning)
    model = BetaGeoModel(0.243, 4.414, 1.8e-05, 2.426)
    names = list(model.params)
    model.covariance = pd.DataFrame(np.diag([1e-4, 1e-2, 0.05 ** 2, 1e-2]), index=names, columns=names)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        table = model.summary()
    assert table.loc["a", "upper"] == float("inf") and 0 <= table.loc["a", "lower"] < 1.8e-05
    assert np.isfinite(table.drop(index="a")[["lower", "upper"]].to_numpy()).all()


def test_a_published_model_has_no_standard_errors():
    table = PUBLISHED_BGNBD.summary()
    assert table["estimate"].tolist() == [0.243, 4.414, 0.793, 2.426] and table["std_error"].isna().all()


def test_a_fit_that_does_not_converge_warns(summary, monkeypatch):
    import scipy.optimize

    minimize = scipy.optimize.minimize

    def give_up_early(*args, **kwargs):
        kwargs["options"] = {"maxiter": 3}
        return minimize(*args, **kwargs)

    monkeypatch.setattr(scipy.optimize, "minimize", give_up_early)      # the fit imports it when it runs
    with pytest.warns(DataWarning, match="did not converge"):
        model = GammaGammaModel.fit(summary)
    assert not model.converged


def test_lifetimes_column_names_give_the_same_fit(bgnbd):
    lifetimes_style = pd.read_csv(CDNOW / "cdnow_customers_summary.csv")
    model = BetaGeoModel.fit(lifetimes_style, x_col="frequency", t_x_col="recency")
    assert model.params == pytest.approx(bgnbd.params, rel=1e-6)


def test_compressed_data_with_weights_give_the_same_fit(summary, bgnbd):
    compressed = summary.groupby(["x", "t_x", "T"]).size().rename("n").reset_index()
    model = BetaGeoModel.fit(compressed, weight_col="n")
    assert len(compressed) < len(summary) and model.n_customers == 2357
    assert model.params == pytest.approx(bgnbd.params, rel=1e-4)


def test_row_order_does_not_change_the_fit(summary, bgnbd):
    shuffled = summary.sample(frac=1, random_state=7)
    assert BetaGeoModel.fit(shuffled).params == pytest.approx(bgnbd.params, rel=1e-6)


def test_customer_1_worked_example_with_published_parameters():
    assert round(PUBLISHED_BGNBD.conditional_expected_purchases(39, **CUSTOMER_1), 3) == 1.226
    assert round(PUBLISHED_BGNBD.prob_alive(**CUSTOMER_1), 4) == 0.7266


def test_one_time_buyers_are_alive_and_predictions_vectorise():
    assert PUBLISHED_BGNBD.prob_alive(0, 0, 38.86) == 1.0
    out = PUBLISHED_BGNBD.conditional_expected_purchases(39, x=[2, 0], t_x=[30.43, 0], T=[38.86, 38.86])
    assert out.shape == (2,) and out[0] == pytest.approx(1.226, abs=5e-4) and out[1] < out[0]


def test_unconditional_expected_purchases_follow_equation_9():
    m = PUBLISHED_BGNBD
    t = np.array([1.0, 10, 39, 78])
    printed = (m.a + m.b - 1) / (m.a - 1) * (
        1 - (m.alpha / (m.alpha + t)) ** m.r * hyp2f1(m.r, m.b, m.a + m.b - 1, t / (m.alpha + t)))
    assert m.expected_purchases(t) == pytest.approx(printed, rel=1e-10)
    assert m.expected_purchases(0) == 0 and np.all(np.diff(printed) > 0)
    h = 1e-6     # at the start every customer is alive: purchase rate = mean gamma rate r/α
    assert m.expected_purchases(h) / h == pytest.approx(m.r / m.alpha, rel=1e-3)


def _eq10_as_printed(m, t, x, t_x, T):
    """FHL 2005 eq. 10 term by term, as in docs/methods.md §3.7 (fine for moderate x)."""
    bracket = 1 - ((m.alpha + T) / (m.alpha + T + t)) ** (m.r + x) * hyp2f1(
        m.r + x, m.b + x, m.a + m.b + x - 1, t / (m.alpha + T + t))
    odds = (x > 0) * m.a / (m.b + max(x, 1) - 1) * ((m.alpha + T) / (m.alpha + t_x)) ** (m.r + x)
    return (m.a + m.b + x - 1) / (m.a - 1) * bracket / (1 + odds)


@settings(max_examples=60, deadline=None)
@given(x=st.integers(0, 30), T=st.floats(1, 80), share=st.floats(0, 1), t=st.floats(0.1, 80))
def test_stable_form_equals_the_printed_equation_and_stays_in_range(x, T, share, t):
    t_x = share * T if x > 0 else 0.0
    m = PUBLISHED_BGNBD
    value = m.conditional_expected_purchases(t, x, t_x, T)
    assert value == pytest.approx(_eq10_as_printed(m, t, x, t_x, T), rel=1e-8, abs=1e-12)
    assert 0 <= m.prob_alive(x, t_x, T) <= 1
    assert m.conditional_expected_purchases(t + 1, x, t_x, T) >= value


def test_extreme_frequencies_stay_finite():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        values = PUBLISHED_BGNBD.conditional_expected_purchases(520, x=[200, 1000], t_x=[38, 38], T=[39, 39])
    assert np.all(np.isfinite(values))


def test_expected_purchases_on_cdnow_match_the_calibration_total(summary, bgnbd):
    # Σ_i E[X(T_i)] ≈ repeat purchases observed in calibration (FHL 2005, fig. 1 tracks this closely)
    predicted = bgnbd.expected_purchases(summary["T"].to_numpy()).sum()
    assert predicted == pytest.approx(summary["x"].sum(), rel=0.02)


def test_gamma_gamma_reproduces_the_published_estimates(summary, gg):
    assert (round(gg.p, 2), round(gg.q, 2), round(gg.gamma, 2)) == (6.25, 3.74, 15.45)
    assert gg.params == pytest.approx({"p": 6.2488, "q": 3.7446, "gamma": 15.4477}, abs=5e-4)
    assert gg.params == pytest.approx(PUBLISHED_GG.params, abs=0.01)
    assert gg.log_likelihood == pytest.approx(-4055.92, abs=0.005)
    assert gg.n_customers == 946 and gg.n_excluded == 0
    assert summary.loc[summary["x"] > 0, "zbar"].mean() == pytest.approx(35.08, abs=0.005)
    assert round(PUBLISHED_GG.population_mean_spend, 2) == 35.22


def test_conditional_spend_is_a_weighted_average(gg):
    x, m_x = 2, 22.35
    weight = (gg.q - 1) / (gg.p * x + gg.q - 1)
    expected = weight * gg.population_mean_spend + (1 - weight) * m_x
    assert gg.conditional_expected_spend(x, m_x) == pytest.approx(expected)


def test_gamma_gamma_excludes_and_reports_non_positive_spend(summary, gg):
    spoiled = summary.copy()
    spoiled.loc[spoiled.index[:3], ["x", "zbar"]] = [[2, 0.0], [1, -5.0], [3, 0.0]]
    with pytest.warns(DataWarning, match="3 repeat customers.*zbar"):
        model = GammaGammaModel.fit(spoiled)
    assert model.n_excluded == 3
    assert summary.loc[0, "zbar"] == 22.35          # the caller's frame is untouched


def test_gamma_gamma_warns_when_spend_follows_frequency():
    rng = np.random.default_rng(1)
    x = rng.integers(1, 10, 300)
    frame = pd.DataFrame({"x": x, "zbar": rng.gamma(6, 2.0 + x)})     # mean spend grows with x
    with pytest.warns(DataWarning, match="correlate at 0.6"):
        GammaGammaModel.fit(frame)


@pytest.mark.parametrize("column, values, message", [
    ("x", [2, -1], "cannot be negative"),
    ("t_x", [30.43, 40.0], "between 0 and T"),
    ("t_x", [30.43, 1.0], "x = 0"),
    ("T", [38.86, -1.0], "age T .*cannot be negative"),
    ("x", [2, None], "missing or non-numeric"),
])
def test_invalid_summaries_raise_with_rows_and_fix(column, values, message):
    frame = pd.DataFrame({"x": [2, 0], "t_x": [30.43, 0.0], "T": [38.86, 38.86]})
    frame[column] = values
    with pytest.raises(DataError, match=f"{message}.*rows.*: 2\\..*Fix:"):
        summary_arrays(frame)


def test_customer_who_bought_on_the_last_calibration_day_is_valid():
    xs, t_xs, Ts = summary_arrays(pd.DataFrame({"x": [0], "t_x": [0.0], "T": [0.0]}))
    assert PUBLISHED_BGNBD.prob_alive(xs, t_xs, Ts) == pytest.approx([1.0])
    assert PUBLISHED_BGNBD.conditional_expected_purchases(39, xs, t_xs, Ts)[0] > 0


def test_missing_column_names_the_column():
    with pytest.raises(DataError, match="no column recency"):
        BetaGeoModel.fit(pd.DataFrame({"x": [1], "t_x": [1.0], "T": [2.0]}), t_x_col="recency")


def test_customer_clv_follows_the_discounted_sum(summary, bgnbd, gg):
    table = customer_clv(bgnbd, gg, summary, horizon=12, margin=0.3, discount=0.01, step_length=4.345)
    assert table.index.equals(summary.index) and len(table) == 2357
    first = summary.iloc[0]
    steps = [bgnbd.conditional_expected_purchases(k * 4.345, first.x, first.t_x, first["T"]) for k in range(13)]
    spend = gg.conditional_expected_spend(first.x, first.zbar)
    by_hand = sum((steps[k] - steps[k - 1]) * spend * 0.3 / 1.01 ** k for k in range(1, 13))
    row = table.iloc[0]
    assert row["clv"] == pytest.approx(by_hand)
    assert row["expected_purchases"] == pytest.approx(steps[-1])
    assert row["prob_alive"] == pytest.approx(bgnbd.prob_alive(first.x, first.t_x, first["T"]))
    assert table.attrs["params"]["horizon"] == 12 and table.attrs["params"]["step_length"] == 4.345


def test_customer_clv_gives_one_time_buyers_the_population_mean(summary, bgnbd, gg):
    table = customer_clv(bgnbd, gg, summary, horizon=3, margin=1.0, discount=0.0, step_length=13)
    once = summary["x"] == 0
    assert (table.loc[once, "spend_basis"] == "clv_spend_population").all()
    assert table.loc[once, "expected_spend"].to_numpy() == pytest.approx(gg.population_mean_spend)
    assert (table.loc[~once, "spend_basis"] == "clv_spend_individual").all()
    # with no discount and margin 1 the CLV is expected purchases × expected spend
    assert table["clv"].to_numpy() == pytest.approx((table["expected_purchases"] * table["expected_spend"]).to_numpy())


def test_customer_clv_zero_spend_repeaters_use_the_population_mean(summary, bgnbd, gg):
    odd = summary.head(3).copy()
    odd.loc[0, "zbar"] = 0.0
    table = customer_clv(bgnbd, gg, odd, horizon=1, margin=1.0, discount=0.0, step_length=1)
    assert table.loc[0, "spend_basis"] == "clv_spend_population"


def test_holdout_comparison_on_cdnow(summary, bgnbd):
    holdout = pd.read_csv(CDNOW / "cdnow_holdout.csv")
    frame = summary.merge(holdout, on="ID")
    table = holdout_comparison(bgnbd, frame, horizon=39)
    assert table.equals(holdout_comparison(bgnbd, frame.assign(duration_holdout=39.0)))
    assert table["frequency"].tolist() == ["0", "1", "2", "3", "4", "5", "6", "7+"]
    assert table["customers"].sum() == 2357
    assert table.loc[0, "customers"] == (summary["x"] == 0).sum()
    assert table.loc[0, "actual"] == pytest.approx(frame.loc[frame["x"] == 0, "x_star"].mean())
    # the model tracks the holdout (FHL 2005, fig. 4): predictions rise with frequency, the
    # largest group (x = 0) is predicted within 10 % and the total within 15 % (BG/NBD runs low)
    assert table["predicted"].is_monotonic_increasing
    assert table.loc[0, "predicted"] == pytest.approx(table.loc[0, "actual"], rel=0.10)
    total_predicted = (table["predicted"] * table["customers"]).sum()
    assert total_predicted == pytest.approx(holdout["x_star"].sum(), rel=0.15)


def test_frequency_recency_grid():
    grid = frequency_recency_grid(PUBLISHED_BGNBD, T=38.86, max_frequency=5)
    assert grid.shape == (6, 39)
    assert np.isnan(grid.loc[0, 5]) and grid.loc[0, 0] == 1.0
    assert grid.loc[2, 30] == pytest.approx(PUBLISHED_BGNBD.prob_alive(2, 30, 38.86))
    purchases = frequency_recency_grid(PUBLISHED_BGNBD, T=38.86, quantity="expected_purchases", horizon=39,
                                       max_frequency=5)
    assert purchases.loc[5, 38] > purchases.loc[1, 38]
    assert purchases.loc[2, 30] == pytest.approx(PUBLISHED_BGNBD.conditional_expected_purchases(39, 2, 30, 38.86))
    with pytest.raises(ParameterError, match="quantity.*prob_alive"):
        frequency_recency_grid(PUBLISHED_BGNBD, T=10, quantity="clv")


def test_no_warnings_on_clean_cdnow(summary):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        GammaGammaModel.fit(summary)


@pytest.mark.parametrize("lang, words", [("en", "Parameter {name} must be"), ("zh", "参数 {name} 应为")])
@pytest.mark.parametrize("call, name", [
    (lambda s, bg, gg: customer_clv(bg, gg, s, horizon=12, margin=30, discount=0.01, step_length=4.345), "margin"),
    (lambda s, bg, gg: customer_clv(bg, gg, s, horizon=12, margin=0.3, discount=1.0, step_length=4.345), "discount"),
    (lambda s, bg, gg: customer_clv(bg, gg, s, horizon=0, margin=0.3, discount=0.01, step_length=4.345), "horizon"),
    (lambda s, bg, gg: customer_clv(bg, gg, s, horizon=12, margin=0.3, discount=0.01, step_length=0), "step_length"),
    (lambda s, bg, gg: holdout_comparison(bg, s, 39, max_frequency=0), "max_frequency"),
    (lambda s, bg, gg: holdout_comparison(bg, s, -1), "horizon"),
    (lambda s, bg, gg: frequency_recency_grid(bg, 38.86, quantity="clv"), "quantity"),
    (lambda s, bg, gg: bg.summary(confidence=95), "confidence"),
])
def test_invalid_settings_name_the_parameter_in_both_languages(summary, call, name, lang, words):
    with language(lang), pytest.raises(ParameterError, match=words.format(name=name)):
        call(summary.head(3), PUBLISHED_BGNBD, PUBLISHED_GG)
