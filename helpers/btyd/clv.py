"""From fitted BTYD models to numbers per customer: CLV, the holdout check and the frequency × recency grid.

A *purchase model* is a fitted :class:`~helpers.btyd.BetaGeoModel` or
:class:`~helpers.btyd.ParetoNBDModel` (anything with ``prob_alive(x, t_x, T)`` and
``conditional_expected_purchases(horizon, x, t_x, T)``); the *spend model* is a
:class:`~helpers.btyd.GammaGammaModel`.

    >>> import pandas as pd
    >>> from helpers.btyd import BetaGeoModel, GammaGammaModel
    >>> summary = pd.DataFrame({"x": [2, 0], "t_x": [30.43, 0], "T": [38.86, 38.86], "zbar": [22.35, 0]})
    >>> table = customer_clv(BetaGeoModel(0.243, 4.414, 0.793, 2.426), GammaGammaModel(6.25, 3.74, 15.44),
    ...                      summary, horizon=12, margin=0.3, discount=0.01, step_length=4.345)
    >>> round(float(table["clv"].iloc[0]), 2)
    10.89

Sources: docs/methods.md §3.7–3.8; Fader, Hardie & Lee (2005); lifetimes ``customer_lifetime_value``.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from helpers.btyd.base import column_values, summary_arrays
from helpers.validation import Interval, Options, validate_params

__all__ = ["customer_clv", "holdout_comparison", "frequency_recency_grid"]


@validate_params(horizon=Interval(int, 1, None), margin=Interval(float, 0, 1),
                 discount=Interval(float, 0, 1, closed="left"), step_length=Interval(float, 0, None, closed="neither"))
def customer_clv(purchase_model, spend_model, summary: pd.DataFrame, *, horizon: int, margin: float,
                 discount: float, step_length: float, x_col="x", t_x_col="t_x", T_col="T",
                 spend_col="zbar") -> pd.DataFrame:
    """Per-customer CLV over ``horizon`` discount periods (docs/methods.md §3.8, as in lifetimes).

    CLV_i = Σ_{k=1..H} (E[Y(kΔ)] − E[Y((k−1)Δ)]) · E(M) · margin / (1+d)^k, with Δ =
    ``step_length`` (one discount period in the summary's time unit, e.g. 4.345 weeks per month),
    ``discount`` d per discount period (0 ≤ d < 1) and ``margin`` the share of spend that is
    profit (0–1). E[Y] comes from the purchase model (BG/NBD or Pareto/NBD); E(M) is
    Gamma-Gamma's E(M | x, m_x) for repeat customers with positive spend (``spend_basis`` =
    ``clv_spend_individual``); one-purchase customers (x = 0) and repeat customers with zero or
    negative spend get the population mean pγ/(q−1) (``clv_spend_population``).

    Returns one row per summary row, with the summary's index (``customer_id`` for a
    :func:`~helpers.btyd.btyd_summary`): ``prob_alive``, ``expected_purchases`` (over the
    horizon), ``expected_spend``, ``spend_basis``, ``clv``; the settings are in ``.attrs``.
    Customers who never bought are not in a summary and get no row.

    >>> from helpers.btyd import BetaGeoModel, GammaGammaModel
    >>> summary = pd.DataFrame({"x": [2, 0], "t_x": [30.43, 0], "T": [38.86, 38.86], "zbar": [22.35, 0]})
    >>> table = customer_clv(BetaGeoModel(0.243, 4.414, 0.793, 2.426), GammaGammaModel(6.25, 3.74, 15.44),
    ...                      summary, horizon=12, margin=0.3, discount=0.01, step_length=4.345)
    >>> table["spend_basis"].tolist(), bool(table["clv"].iloc[0] > table["clv"].iloc[1])
    (['clv_spend_individual', 'clv_spend_population'], True)
    """
    xs, txs, Ts = summary_arrays(summary, x_col, t_x_col, T_col)
    ms = column_values(summary, spend_col)
    times = step_length * np.arange(horizon + 1)
    cumulative = purchase_model.conditional_expected_purchases(times[None, :], xs[:, None], txs[:, None], Ts[:, None])
    per_period = np.diff(np.asarray(cumulative).reshape(len(xs), horizon + 1), axis=1)
    discounted = per_period @ (1 + discount) ** -np.arange(1, horizon + 1)
    own = (xs > 0) & (ms > 0)
    expected_spend = np.where(own, spend_model.conditional_expected_spend(xs, np.where(own, ms, 1.0)),
                              spend_model.population_mean_spend)
    out = pd.DataFrame({
        "prob_alive": np.asarray(purchase_model.prob_alive(xs, txs, Ts), dtype=float).reshape(-1),
        "expected_purchases": per_period.sum(axis=1),
        "expected_spend": expected_spend,
        "spend_basis": np.where(own, "clv_spend_individual", "clv_spend_population"),
        "clv": discounted * expected_spend * margin,
    }, index=summary.index)
    out.attrs["params"] = dict(horizon=horizon, margin=margin, discount=discount, step_length=step_length,
                               **purchase_model.params, **spend_model.params)
    return out


@validate_params(horizon=[Interval(float, 0, None, closed="neither"), None], max_frequency=Interval(int, 1, None))
def holdout_comparison(model, summary: pd.DataFrame, horizon=None, *, holdout_col="x_star",
                       duration_col="duration_holdout", x_col="x", t_x_col="t_x", T_col="T",
                       max_frequency=7) -> pd.DataFrame:
    """Predicted vs actual purchases in a holdout period, by calibration frequency (FHL 2005, fig. 4).

    ``holdout_col`` counts each customer's purchases in the holdout period after ``as_of``; its
    length is ``horizon`` periods, or by default each row's ``duration_col`` (as written by
    ``helpers.btyd.btyd_summary(..., holdout_end=...)``). Frequencies ≥ ``max_frequency`` share
    the last bucket ("7+"). Columns: ``frequency`` (bucket label), ``customers``, ``actual`` and
    ``predicted`` (mean purchases per customer); ``.attrs["model"]`` names the model.

    >>> from helpers.btyd import BetaGeoModel
    >>> summary = pd.DataFrame({"x": [0, 1, 9], "t_x": [0, 20, 35], "T": [38] * 3, "x_star": [0, 1, 6]})
    >>> holdout_comparison(BetaGeoModel(0.243, 4.414, 0.793, 2.426), summary, 39)["frequency"].tolist()
    ['0', '1', '7+']
    """
    xs, txs, Ts = summary_arrays(summary, x_col, t_x_col, T_col)
    length = column_values(summary, duration_col) if horizon is None else horizon
    frame = pd.DataFrame({
        "bucket": np.minimum(xs, max_frequency).astype(int),
        "actual": column_values(summary, holdout_col),
        "predicted": model.conditional_expected_purchases(length, xs, txs, Ts),
    })
    out = frame.groupby("bucket").agg(customers=("actual", "size"), actual=("actual", "mean"),
                                      predicted=("predicted", "mean")).reset_index()
    out.insert(0, "frequency", [f"{b}+" if b == max_frequency else str(b) for b in out.pop("bucket")])
    out.attrs["model"] = getattr(model, "_name", type(model).__name__)
    return out


@validate_params(T=Interval(float, 0, None), quantity=Options("prob_alive", "expected_purchases"),
                 horizon=Interval(float, 0, None, closed="neither"), max_frequency=Interval(int, 0, None))
def frequency_recency_grid(model, T, *, quantity="prob_alive", horizon=1.0, max_frequency=20) -> pd.DataFrame:
    """``prob_alive`` or ``expected_purchases`` (in the next ``horizon`` periods) for a customer of age
    ``T`` over frequency x = 0…max_frequency (rows) × recency t_x = 0…⌊T⌋ (columns).

    Cells with x = 0 and t_x > 0 cannot occur and are NaN. ``.attrs`` keeps the settings and
    the model's ``period`` (charts name the time unit).

    >>> from helpers.btyd import BetaGeoModel
    >>> grid = frequency_recency_grid(BetaGeoModel(0.243, 4.414, 0.793, 2.426), T=38.86, max_frequency=3)
    >>> grid.shape, bool(grid.iloc[3, -1] > grid.iloc[3, 0])
    ((4, 39), True)
    """
    x = np.arange(max_frequency + 1)[:, None]
    t_x = np.arange(int(np.floor(T)) + 1)[None, :]
    if quantity == "prob_alive":
        values = model.prob_alive(x, t_x, T)
    else:
        values = model.conditional_expected_purchases(horizon, x, t_x, T)
    values = np.where((x == 0) & (t_x > 0), np.nan, np.broadcast_to(values, (x.size, t_x.size)))
    grid = pd.DataFrame(values, index=pd.Index(x.ravel(), name="frequency"),
                        columns=pd.Index(t_x.ravel(), name="recency"))
    grid.attrs.update(quantity=quantity, horizon=horizon, T=T, period=getattr(model, "period", None))
    return grid
