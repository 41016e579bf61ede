"""Buy-till-you-die models: BG/NBD (how often, how long) and Gamma-Gamma (how much), by SciPy MLE.

Inputs are per-customer calibration summaries (``helpers.btyd.btyd_summary``): ``x`` repeat
purchases, ``t_x`` time of the last purchase and ``T`` age, both measured from the first purchase
in one time unit (CDNOW: weeks), and ``zbar`` the mean value of the repeat purchases. Customers
without any purchase are not in a summary: their clock has not started, so the models say
nothing about them (score prospects with another model).

    >>> import pandas as pd
    >>> from helpers.btyd import BetaGeoModel
    >>> model = BetaGeoModel(r=0.243, alpha=4.414, a=0.793, b=2.426)
    >>> round(model.conditional_expected_purchases(39, x=2, t_x=30.43, T=38.86), 3)
    1.226

Sources: docs/methods.md §3.7–3.8; Fader, Hardie & Lee (2005) *Marketing Science* 24(2):275–284 and
http://brucehardie.com/notes/004/ (BG/NBD); Fader & Hardie (2013) "The Gamma-Gamma model of
monetary value", http://www.brucehardie.com/notes/025/.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.optimize import minimize
from scipy.special import betaln, expit, gammaln, hyp2f1

from helpers.clv import _scalar_or_array as _scalar
from helpers.errors import DataError, warn

MAX_SPEND_CORRELATION = 0.3   # |corr(x, m_x)| above this casts doubt on Gamma-Gamma's independence


def _column(summary: pd.DataFrame, name: str) -> np.ndarray:
    if name not in summary.columns:
        raise DataError("err_btyd_missing_column", column=name, fix_key="fix_btyd_columns")
    values = pd.to_numeric(summary[name], errors="coerce").to_numpy(dtype=float)
    _reject(~np.isfinite(values), "err_btyd_not_numeric", name, "fix_btyd_not_numeric")
    return values


def _reject(bad: np.ndarray, key: str, column: str, fix_key: str) -> None:
    rows = np.flatnonzero(bad)
    if rows.size:
        raise DataError(key, column=column, rows=(rows[:10] + 1).tolist(), n_rows=rows.size, fix_key=fix_key)


def summary_arrays(summary: pd.DataFrame, x="x", t_x="t_x", T="T"):
    """The checked ``x, t_x, T`` arrays of a summary; invalid rows raise :class:`DataError`.

    Rules: x ≥ 0; T ≥ 0; 0 ≤ t_x ≤ T; t_x = 0 when x = 0 (no repeat purchase, no recency).
    T = 0 is a customer whose first purchase falls on the last calibration day.

    >>> summary_arrays(pd.DataFrame({"x": [2], "t_x": [30.43], "T": [38.86]}))[0].tolist()
    [2.0]
    """
    xs, txs, Ts = (_column(summary, c) for c in (x, t_x, T))
    _reject(xs < 0, "err_btyd_negative_frequency", x, "fix_btyd_frequency")
    _reject(Ts < 0, "err_btyd_age", T, "fix_btyd_age")
    _reject((txs < 0) | (txs > Ts), "err_btyd_recency_range", t_x, "fix_btyd_recency")
    _reject((xs == 0) & (txs > 0), "err_btyd_recency_without_repeat", t_x, "fix_btyd_recency")
    return xs, txs, Ts


def _weights(summary: pd.DataFrame, weights: str | None) -> np.ndarray:
    """Customers each row stands for (compressed data have one row per distinct (x, t_x, T))."""
    return np.ones(len(summary)) if weights is None else _column(summary, weights)


def _maximise(log_likelihood, start, weights):
    """Maximise Σ w·ℓ over the log of positive parameters (deterministic start and method).

    Nelder-Mead on the mean log-likelihood: no gradients needed and, from the fixed start,
    the same optimum on every machine.
    """
    total = weights.sum()

    def loss(log_params):
        ll = log_likelihood(*np.exp(log_params))
        return -np.dot(weights, ll) / total if np.all(np.isfinite(ll)) else np.inf

    result = minimize(loss, np.log(start), method="Nelder-Mead",
                      options={"xatol": 1e-8, "fatol": 1e-12, "maxiter": 20_000, "maxfev": 20_000})
    if not result.success:
        warn("warn_btyd_not_converged", stacklevel=4, message=str(result.message))
    return [float(v) for v in np.exp(result.x)], float(-result.fun * total), bool(result.success)


class _FittedModel:
    """Shared display of a fitted model: its parameters, log-likelihood and customers."""

    def summary(self) -> pd.DataFrame:
        """One row per parameter plus the log-likelihood and the number of customers fitted.

        >>> GammaGammaModel(6.25, 3.74, 15.44).summary()["name"].tolist()[:3]
        ['p', 'q', 'gamma']
        """
        from helpers.i18n import t

        rows = {**self.params, t("clv_model_log_likelihood"): self.log_likelihood,
                t("clv_model_customers"): self.n_customers}
        return pd.DataFrame({"name": list(rows), "value": list(rows.values())})

    def _repr_html_(self) -> str:
        from html import escape

        return f"<b>{escape(type(self).__name__)}</b>" + self.summary().to_html(index=False)


@dataclass
class BetaGeoModel(_FittedModel):
    """BG/NBD model: Poisson purchases at a gamma(r, α) rate, beta(a, b) dropout after each purchase.

    Create with published parameters or fit with :meth:`fit`; times use the summary's unit.
    """

    r: float
    alpha: float
    a: float
    b: float
    log_likelihood: float = float("nan")
    n_customers: int = 0
    converged: bool = True

    @property
    def params(self) -> dict:
        return {"r": self.r, "alpha": self.alpha, "a": self.a, "b": self.b}

    @staticmethod
    def customer_log_likelihood(r, alpha, a, b, x, t_x, T):
        """ln L_i (Fader, Hardie & Lee 2005, eq. 6), in log space; docs/methods.md §3.7.

        L = B(a,b+x)/B(a,b) · Γ(r+x)α^r/Γ(r) · [(α+T)^−(r+x) + 1{x>0}·a/(b+x−1)·(α+t_x)^−(r+x)],
        since B(a+1, b+x−1)/B(a, b+x) = a/(b+x−1).
        """
        common = gammaln(r + x) - gammaln(r) + r * np.log(alpha) + betaln(a, b + x) - betaln(a, b)
        still_alive = -(r + x) * np.log(alpha + T)
        dropped = np.where(x > 0, np.log(a) - np.log(b + np.maximum(x, 1) - 1) - (r + x) * np.log(alpha + t_x),
                           -np.inf)
        return common + np.logaddexp(still_alive, dropped)

    @classmethod
    def fit(cls, summary: pd.DataFrame, x="x", t_x="t_x", T="T", weights: str | None = None) -> BetaGeoModel:
        """Maximum-likelihood fit to a calibration summary (start r = α = a = b = 1).

        On the CDNOW summary this gives r = 0.243, α = 4.414, a = 0.793, b = 2.426 (FHL 2005, §5).

        >>> summary = pd.DataFrame({"x": [2, 1, 0, 0, 6], "t_x": [30.4, 1.7, 0, 0, 35.1], "T": [38.9] * 5})
        >>> model = BetaGeoModel.fit(summary)
        >>> model.n_customers, sorted(model.params)
        (5, ['a', 'alpha', 'b', 'r'])
        """
        xs, txs, Ts = summary_arrays(summary, x, t_x, T)
        w = _weights(summary, weights)
        params, ll, ok = _maximise(lambda *p: cls.customer_log_likelihood(*p, xs, txs, Ts), np.ones(4), w)
        return cls(*params, log_likelihood=ll, n_customers=int(w.sum()), converged=ok)

    def expected_purchases(self, t):
        """Unconditional E[X(t)] for a new customer (FHL 2005 eq. 9; docs/methods.md §3.7).

        E[X(t)] = (a+b−1)/(a−1) · [1 − (α/(α+t))^r · ₂F₁(r, b; a+b−1; t/(α+t))], evaluated as
        (a+b−1)/(a−1) · [1 − (α/(α+t))^(a−1) · ₂F₁(a+b−1−r, a−1; a+b−1; t/(α+t))] (Euler's
        transformation ₂F₁(A,B;C;z) = (1−z)^(C−A−B) ₂F₁(C−A, C−B; C; z): small parameters, no overflow).
        """
        t = np.asarray(t, dtype=float)
        return _scalar(self._purchases_ahead(t, x=0.0, age=0.0))

    def _purchases_ahead(self, t, x, age):
        """(a+b+x−1)/(a−1) · [1 − ((α+age)/(α+age+t))^(a−1) · ₂F₁(a+b−1−r, a−1; a+b+x−1; t/(α+age+t))]:

        the bracket of eqs. 9 (x = 0, age = 0) and 10 (x, age = T) after Euler's transformation.
        """
        r, alpha, a, b = self.r, self.alpha, self.a, self.b
        horizon = alpha + age + t
        bracket = 1 - ((alpha + age) / horizon) ** (a - 1) * hyp2f1(a + b - 1 - r, a - 1, a + b + x - 1, t / horizon)
        return (a + b + x - 1) / (a - 1) * bracket

    def _log_dropout_odds(self, x, t_x, T):
        """ln of 1{x>0}·a/(b+x−1)·((α+T)/(α+t_x))^(r+x), the odds that the customer has dropped out."""
        r, alpha, a, b = self.r, self.alpha, self.a, self.b
        log_odds = np.log(a) - np.log(b + np.maximum(x, 1) - 1) + (r + x) * (np.log(alpha + T) - np.log(alpha + t_x))
        return np.where(x > 0, log_odds, -np.inf)

    def prob_alive(self, x, t_x, T):
        """P(alive | x, t_x, T) = 1 / (1 + 1{x>0}·a/(b+x−1)·((α+T)/(α+t_x))^(r+x)) (FHL 2005 eq. 11).

        >>> round(BetaGeoModel(0.243, 4.414, 0.793, 2.426).prob_alive(2, 30.43, 38.86), 4)
        0.7266
        """
        x, t_x, T = (np.asarray(v, dtype=float) for v in (x, t_x, T))
        return _scalar(expit(-self._log_dropout_odds(x, t_x, T)))

    def conditional_expected_purchases(self, t, x, t_x, T):
        """E[Y(t) | x, t_x, T]: expected purchases in the next ``t`` time units (FHL 2005 eq. 10).

        (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))] · P(alive),
        the hypergeometric term evaluated after Euler's transformation (see ``expected_purchases``).
        Arrays broadcast.
        """
        t, x, t_x, T = (np.asarray(v, dtype=float) for v in (t, x, t_x, T))
        return _scalar(self._purchases_ahead(t, x, T) * expit(-self._log_dropout_odds(x, t_x, T)))


@dataclass
class GammaGammaModel(_FittedModel):
    """Gamma-Gamma spend model: a customer's transaction values are gamma(p, ν), ν ~ gamma(q, γ).

    Fitted on repeat customers (x > 0) with positive mean repeat spend m_x; the others are
    reported in ``n_excluded`` and get the population mean spend in :func:`customer_clv`.
    """

    p: float
    q: float
    gamma: float
    log_likelihood: float = float("nan")
    n_customers: int = 0
    n_excluded: int = 0
    spend_correlation: float = float("nan")
    converged: bool = True

    @property
    def params(self) -> dict:
        return {"p": self.p, "q": self.q, "gamma": self.gamma}

    @property
    def population_mean_spend(self) -> float:
        """E(M) = pγ/(q−1), the mean transaction value across customers (Fader & Hardie 2013)."""
        return self.p * self.gamma / (self.q - 1)

    @staticmethod
    def customer_log_likelihood(p, q, gamma, x, m_x):
        """ln L_i = ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln m_x + px ln x − (px+q) ln(γ + x m_x)

        (Fader & Hardie 2013, eq. 5; docs/methods.md §3.8).
        """
        px = p * x
        return (gammaln(px + q) - gammaln(px) - gammaln(q) + q * np.log(gamma) + (px - 1) * np.log(m_x)
                + px * np.log(x) - (px + q) * np.log(gamma + x * m_x))

    @classmethod
    def fit(cls, summary: pd.DataFrame, x="x", spend="zbar", weights: str | None = None) -> GammaGammaModel:
        """Maximum-likelihood fit on rows with x > 0 and spend > 0 (start p = q = γ = 1).

        Warns when rows are excluded for zero or negative spend, and when |corr(x, m_x)| exceeds
        ``MAX_SPEND_CORRELATION`` (the model assumes spend independent of frequency).
        """
        xs, ms = _column(summary, x), _column(summary, spend)
        _reject(xs < 0, "err_btyd_negative_frequency", x, "fix_btyd_frequency")
        w = _weights(summary, weights)
        repeat = xs > 0
        used = repeat & (ms > 0)
        n_excluded = int(w[repeat & ~used].sum())
        if n_excluded:
            warn("warn_btyd_spend_excluded", n=n_excluded, column=spend)
        if used.sum() < 2:
            raise DataError("err_btyd_too_few_repeaters", column=x, fix_key="fix_btyd_too_few_repeaters")
        xs, ms, w = xs[used], ms[used], w[used]
        corr = float(np.corrcoef(xs, ms)[0, 1]) if np.ptp(xs) and np.ptp(ms) else float("nan")
        if abs(corr) > MAX_SPEND_CORRELATION:
            warn("warn_btyd_spend_correlation", corr=f"{corr:.2f}")
        params, ll, ok = _maximise(lambda *p: cls.customer_log_likelihood(*p, xs, ms), np.ones(3), w)
        return cls(*params, log_likelihood=ll, n_customers=int(w.sum()), n_excluded=n_excluded,
                   spend_correlation=corr, converged=ok)

    def conditional_expected_spend(self, x, m_x):
        """E(M | x, m_x) = p(γ + x·m_x)/(px + q − 1) (Fader & Hardie 2013, eq. 7; docs/methods.md §3.8).

        A weighted average of the population mean pγ/(q−1) (weight (q−1)/(px+q−1)) and m_x.

        >>> round(GammaGammaModel(6.25, 3.74, 15.44).conditional_expected_spend(0, 0), 2)
        35.22
        """
        x, m_x = np.asarray(x, dtype=float), np.asarray(m_x, dtype=float)
        return _scalar(self.p * (self.gamma + x * m_x) / (self.p * x + self.q - 1))


def customer_clv(bgnbd: BetaGeoModel, gg: GammaGammaModel, summary: pd.DataFrame, horizon_periods: int,
                 margin: float, discount: float, period_length: float, *, x="x", t_x="t_x", T="T",
                 spend="zbar") -> pd.DataFrame:
    """Per-customer CLV over ``horizon_periods`` discount periods (docs/methods.md §3.8, as in lifetimes).

    CLV_i = Σ_{k=1..H} (E[Y(kΔ)] − E[Y((k−1)Δ)]) · E(M) · margin / (1+d)^k, with Δ =
    ``period_length`` in the summary's time unit (e.g. 4.345 weeks per month), ``discount`` d per
    period and ``margin`` the share of spend that is profit. E(M) is Gamma-Gamma's
    E(M | x, m_x) for repeat customers with positive spend (``spend_basis`` =
    ``clv_spend_individual``); one-purchase customers (x = 0) and repeat customers with zero or
    negative spend get the population mean pγ/(q−1) (``clv_spend_population``).

    Returns one row per summary row (same index): ``prob_alive``, ``expected_purchases`` (over
    the horizon), ``expected_spend``, ``spend_basis``, ``clv``; the settings are in ``.attrs``.
    Customers who never bought are not in a summary and get no row.

    >>> summary = pd.DataFrame({"x": [2, 0], "t_x": [30.43, 0], "T": [38.86, 38.86], "zbar": [22.35, 0]})
    >>> table = customer_clv(BetaGeoModel(0.243, 4.414, 0.793, 2.426), GammaGammaModel(6.25, 3.74, 15.44),
    ...                      summary, horizon_periods=12, margin=0.3, discount=0.01, period_length=4.345)
    >>> table["spend_basis"].tolist(), bool(table["clv"].iloc[0] > table["clv"].iloc[1])
    (['clv_spend_individual', 'clv_spend_population'], True)
    """
    xs, txs, Ts = summary_arrays(summary, x, t_x, T)
    ms = _column(summary, spend)
    times = period_length * np.arange(horizon_periods + 1)
    cumulative = bgnbd.conditional_expected_purchases(times[None, :], xs[:, None], txs[:, None], Ts[:, None])
    per_period = np.diff(cumulative, axis=1)
    discounted = per_period @ (1 + discount) ** -np.arange(1, horizon_periods + 1)
    own = (xs > 0) & (ms > 0)
    expected_spend = np.where(own, gg.conditional_expected_spend(xs, np.where(own, ms, 1.0)),
                              gg.population_mean_spend)
    out = pd.DataFrame({
        "prob_alive": bgnbd.prob_alive(xs, txs, Ts),
        "expected_purchases": per_period.sum(axis=1),
        "expected_spend": expected_spend,
        "spend_basis": np.where(own, "clv_spend_individual", "clv_spend_population"),
        "clv": discounted * expected_spend * margin,
    }, index=summary.index)
    out.attrs["params"] = dict(horizon_periods=horizon_periods, margin=margin, discount=discount,
                               period_length=period_length, **bgnbd.params, **gg.params)
    return out


def holdout_comparison(model: BetaGeoModel, summary: pd.DataFrame, holdout_length=None, *, holdout="x_star",
                       duration="duration_holdout", x="x", t_x="t_x", T="T", max_frequency=7) -> pd.DataFrame:
    """Predicted vs actual purchases in a holdout period, by calibration frequency (FHL 2005, fig. 4).

    ``holdout`` counts each customer's purchases in the holdout period after calibration; its
    length is ``holdout_length`` time units, or by default each row's ``duration`` column (as
    written by ``helpers.btyd.btyd_summary(..., observation_end=...)``). Frequencies ≥
    ``max_frequency`` share the last bucket ("7+"). Columns: ``frequency`` (bucket label),
    ``customers``, ``actual`` and ``predicted`` (mean purchases per customer).

    >>> summary = pd.DataFrame({"x": [0, 1, 9], "t_x": [0, 20, 35], "T": [38] * 3, "x_star": [0, 1, 6]})
    >>> holdout_comparison(BetaGeoModel(0.243, 4.414, 0.793, 2.426), summary, 39)["frequency"].tolist()
    ['0', '1', '7+']
    """
    xs, txs, Ts = summary_arrays(summary, x, t_x, T)
    length = _column(summary, duration) if holdout_length is None else holdout_length
    frame = pd.DataFrame({
        "bucket": np.minimum(xs, max_frequency).astype(int),
        "actual": _column(summary, holdout),
        "predicted": model.conditional_expected_purchases(length, xs, txs, Ts),
    })
    out = frame.groupby("bucket").agg(customers=("actual", "size"), actual=("actual", "mean"),
                                      predicted=("predicted", "mean")).reset_index()
    out.insert(0, "frequency", [f"{b}+" if b == max_frequency else str(b) for b in out.pop("bucket")])
    return out


def frequency_recency_grid(model: BetaGeoModel, T: float, quantity="prob_alive", t=1.0, max_frequency=20):
    """``prob_alive`` or ``conditional_expected_purchases`` (next ``t`` units) for a customer of age T
    over frequency x = 0…max_frequency (rows) × recency t_x = 0…⌊T⌋ (columns).

    Cells with x = 0 and t_x > 0 cannot occur and are NaN.

    >>> grid = frequency_recency_grid(BetaGeoModel(0.243, 4.414, 0.793, 2.426), T=38.86, max_frequency=3)
    >>> grid.shape, bool(grid.iloc[3, -1] > grid.iloc[3, 0])
    ((4, 39), True)
    """
    x = np.arange(max_frequency + 1)[:, None]
    t_x = np.arange(int(np.floor(T)) + 1)[None, :]
    if quantity == "prob_alive":
        values = model.prob_alive(x, t_x, T)
    elif quantity == "expected_purchases":
        values = model.conditional_expected_purchases(t, x, t_x, T)
    else:
        raise DataError("err_btyd_grid_quantity", column=str(quantity), fix_key="fix_btyd_grid_quantity")
    values = np.where((x == 0) & (t_x > 0), np.nan, np.broadcast_to(values, (x.size, t_x.size)))
    grid = pd.DataFrame(values, index=pd.Index(x.ravel(), name="frequency"),
                        columns=pd.Index(t_x.ravel(), name="recency"))
    return grid
