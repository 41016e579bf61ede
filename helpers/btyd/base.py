"""What every fitted BTYD model shares: checked summary columns, identical customers grouped, one
maximum-likelihood fitter with standard errors, and one way to show the estimates.

The fitter maximises Σ wᵢ·ℓᵢ over the logarithms of the (positive) parameters with SciPy's bounded
quasi-Newton method L-BFGS-B, using the model's analytic gradient when it has one. Customers with
the same statistics (e.g. the same ``x, t_x, T``) are evaluated once and weighted by their count.
At the optimum the Hessian of the log-likelihood (central differences of the gradient) gives the
covariance of the estimates: standard errors by the delta method, and 95 % intervals computed on
the log scale (exp(ln θ ± z·SE(ln θ))), so that they stay positive.

    >>> from helpers.btyd import BetaGeoModel, btyd_summary
    >>> from helpers.data import load_cdnow
    >>> summary = btyd_summary(load_cdnow(sample=True)[0], "1997-09-30")
    >>> BetaGeoModel.fit(summary).summary().round(3).loc["r"].tolist()     # estimate, SE, 95 % interval
    [0.243, 0.013, 0.219, 0.268]

Sources: docs/methods.md §3.7–3.8; the standard-error recipe as in lifetimes' ``BaseFitter``
(inverse Hessian of the negative log-likelihood at the optimum).
"""
from __future__ import annotations

from statistics import NormalDist

import numpy as np
import pandas as pd

from helpers.errors import DataError, warn
from helpers.i18n import t
from helpers.validation import Interval, validate_params

__all__ = ["FittedModel", "summary_arrays"]

_LOG_BOUND = 25.0   # parameters stay within e^±25 (1e-11 … 7e10): wide, but finite for the optimiser
_OPTIONS = {"maxiter": 2_000, "maxfun": 5_000, "ftol": 1e-14, "gtol": 1e-9, "maxcor": 20}


def column_values(summary: pd.DataFrame, name: str) -> np.ndarray:
    """One numeric column of a summary as floats; a missing column or a non-number is a DataError.

    >>> column_values(pd.DataFrame({"x": [1, 2]}), "x").tolist()
    [1.0, 2.0]
    """
    if name not in summary.columns:
        raise DataError("err_btyd_missing_column", column=name, fix_key="fix_btyd_columns")
    values = pd.to_numeric(summary[name], errors="coerce").to_numpy(dtype=float)
    reject(~np.isfinite(values), "err_btyd_not_numeric", name, "fix_btyd_not_numeric")
    return values


def reject(bad: np.ndarray, key: str, column: str, fix_key: str) -> None:
    """Raise a DataError naming the (1-based) rows where ``bad`` holds.

    >>> reject(np.array([False, False]), "err_btyd_not_numeric", "x", "fix_btyd_not_numeric")
    """
    rows = np.flatnonzero(bad)
    if rows.size:
        raise DataError(key, column=column, rows=(rows[:10] + 1).tolist(), n_rows=rows.size, fix_key=fix_key)


def summary_arrays(summary: pd.DataFrame, x_col="x", t_x_col="t_x", T_col="T"):
    """The checked ``x, t_x, T`` arrays of a summary; invalid rows raise :class:`DataError`.

    Rules: x ≥ 0; T ≥ 0; 0 ≤ t_x ≤ T; t_x = 0 when x = 0 (no repeat purchase, no recency).
    T = 0 is a customer whose first purchase falls on the analysis date.

    >>> summary_arrays(pd.DataFrame({"x": [2], "t_x": [30.43], "T": [38.86]}))[0].tolist()
    [2.0]
    """
    xs, txs, Ts = (column_values(summary, c) for c in (x_col, t_x_col, T_col))
    reject(xs < 0, "err_btyd_negative_frequency", x_col, "fix_btyd_frequency")
    reject(Ts < 0, "err_btyd_age", T_col, "fix_btyd_age")
    reject((txs < 0) | (txs > Ts), "err_btyd_recency_range", t_x_col, "fix_btyd_recency")
    reject((xs == 0) & (txs > 0), "err_btyd_recency_without_repeat", t_x_col, "fix_btyd_recency")
    return xs, txs, Ts


def row_weights(summary: pd.DataFrame, weight_col: str | None) -> np.ndarray:
    """Customers each row stands for (1 each, or the ``weight_col`` counts of compressed data).

    >>> row_weights(pd.DataFrame({"n": [3, 1]}), "n").tolist()
    [3.0, 1.0]
    """
    if weight_col is None:
        return np.ones(len(summary))
    weights = column_values(summary, weight_col)
    reject(weights < 0, "err_btyd_negative_weight", weight_col, "fix_btyd_weight")
    return weights


def group_rows(columns, weights):
    """Identical rows once, with their summed weights: ``(unique columns, weights)``.

    Customers with the same statistics contribute the same log-likelihood, so the fit evaluates
    each distinct row once (on CDNOW's 23,570 customers: 11,104 distinct ``x, t_x, T``).

    >>> (xs, ts), w = group_rows([np.array([1.0, 1, 2]), np.array([5.0, 5, 6])], np.ones(3))
    >>> xs.tolist(), w.tolist()
    ([1.0, 2.0], [2.0, 1.0])
    """
    columns = [np.asarray(c, dtype=float) for c in columns]
    keep = weights > 0
    columns, weights = [c[keep] for c in columns], weights[keep]
    if not weights.size:
        return columns, weights
    order = np.lexsort(columns[::-1])
    ordered = [c[order] for c in columns]
    new = np.ones(order.size, dtype=bool)
    new[1:] = np.any([c[1:] != c[:-1] for c in ordered], axis=0)
    group = np.cumsum(new) - 1
    return [c[new] for c in ordered], np.bincount(group, weights=weights[order])


def _stop_reason(result, z) -> str:
    """The catalogue key of why a fit stopped short, in the reader's words (not the optimiser's)."""
    if np.any(np.abs(z) >= _LOG_BOUND - 1e-6):
        return "btyd_stop_bound"
    if result.nit >= _OPTIONS["maxiter"] or result.nfev >= _OPTIONS["maxfun"]:
        return "btyd_stop_iterations"
    return "btyd_stop_other"


def maximise(log_likelihood, start, gradient: bool = True):
    """Maximum-likelihood estimates of positive parameters, with their covariance.

    ``log_likelihood(theta)`` returns the total (weighted) log-likelihood and, when ``gradient``,
    also its gradient with respect to ``theta`` (else the gradient is taken by central
    differences). Returns ``(theta, log_likelihood, converged, covariance)``; the covariance is
    NaN (with a warning) when the Hessian at the optimum is not negative definite.

    >>> theta, ll, ok, cov = maximise(lambda th: (-10 * (th[0] - 2.0) ** 2, np.array([-20 * (th[0] - 2.0)])),
    ...                               np.ones(1))
    >>> round(float(theta[0]), 6), ok, round(float(cov[0, 0]), 6)      # variance 1/20 from the curvature 20
    (2.0, True, 0.05)
    """
    from scipy.optimize import minimize       # imported here: the models' classes load without it (0.2 s)

    start = np.log(np.asarray(start, dtype=float))
    value_and_gradient = _log_scale(log_likelihood, gradient)
    scale = max(abs(value_and_gradient(start)[0]), 1.0)    # a loss of order 1 makes the tolerances relative

    def loss(z):
        with np.errstate(all="ignore"):      # trial steps may overflow; they are refused, not reported
            value, grad = value_and_gradient(z)
        if not np.isfinite(value) or not np.all(np.isfinite(grad)):
            return np.inf, np.zeros_like(z)
        return -value / scale, -grad / scale

    result = minimize(loss, start, jac=True, method="L-BFGS-B", bounds=[(-_LOG_BOUND, _LOG_BOUND)] * start.size,
                      options=_OPTIONS)
    z = result.x
    converged = bool(result.success) and bool(np.all(np.abs(z) < _LOG_BOUND - 1e-6))
    if not converged:
        warn("warn_btyd_not_converged", stacklevel=4, message=t(_stop_reason(result, z)))
    value = value_and_gradient(z)[0]
    return np.exp(z), float(value), converged, _covariance(value_and_gradient, z)


def _log_scale(log_likelihood, gradient: bool):
    """ℓ and dℓ/d(ln θ) as functions of z = ln θ (analytic, or central differences of ℓ)."""
    if gradient:
        def value_and_gradient(z):
            theta = np.exp(z)
            value, grad = log_likelihood(theta)
            return value, np.asarray(grad, dtype=float) * theta
        return value_and_gradient

    def value_only(z):
        return log_likelihood(np.exp(z))

    def value_and_numeric_gradient(z, h=1e-6):
        steps = np.eye(z.size) * h
        grad = np.array([(value_only(z + e) - value_only(z - e)) / (2 * h) for e in steps])
        return value_only(z), grad

    return value_and_numeric_gradient


def _covariance(value_and_gradient, z, h=1e-5) -> np.ndarray:
    """Covariance of θ from the Hessian of ℓ in z = ln θ (central differences of the gradient).

    Cov(z) = (−H)⁻¹ and, with the gradient zero at the optimum, Cov(θ) = diag(θ)·Cov(z)·diag(θ).
    """
    k = z.size
    hessian = np.empty((k, k))
    for j in range(k):
        step = np.zeros(k)
        step[j] = h
        hessian[:, j] = (value_and_gradient(z + step)[1] - value_and_gradient(z - step)[1]) / (2 * h)
    hessian = (hessian + hessian.T) / 2
    try:
        np.linalg.cholesky(-hessian)
        cov_z = np.linalg.inv(-hessian)
    except np.linalg.LinAlgError:
        warn("warn_btyd_no_standard_errors", stacklevel=5)
        return np.full((k, k), np.nan)
    theta = np.exp(z)
    return cov_z * np.outer(theta, theta)


class FittedModel:
    """Shared by every model of :mod:`helpers.btyd`: estimates, standard errors, intervals, display.

    A model is a value (its parameters); a fit also records ``log_likelihood``, ``n_customers``,
    ``converged`` and ``covariance`` (a parameter × parameter frame, NaN for a model built from
    published parameters).

    >>> from helpers.btyd import GammaGammaModel
    >>> GammaGammaModel(6.25, 3.74, 15.44).summary()["estimate"].tolist()
    [6.25, 3.74, 15.44]
    """

    log_likelihood: float = float("nan")
    n_customers: float = 0
    converged: bool = True
    covariance: pd.DataFrame | None = None
    _title = ""      # catalogue key of the model's long name
    _name = ""       # its short name, the same in every language (BG/NBD, Pareto/NBD, …)

    @property
    def params(self) -> dict:
        """The parameters by name (the papers' names)."""
        raise NotImplementedError

    def _record_fit(self, log_likelihood: float, n_customers: float, converged: bool, covariance: np.ndarray):
        names = list(self.params)
        self.log_likelihood, self.converged = log_likelihood, converged
        self.n_customers = int(n_customers) if float(n_customers).is_integer() else float(n_customers)
        self.covariance = pd.DataFrame(covariance, index=names, columns=names)
        return self

    @property
    def standard_errors(self) -> dict:
        """Standard error of each estimate (NaN when the model was not fitted).

        >>> from helpers.btyd import GammaGammaModel
        >>> GammaGammaModel(6.25, 3.74, 15.44).standard_errors["p"]
        nan
        """
        if self.covariance is None:
            return {name: float("nan") for name in self.params}
        return {name: float(np.sqrt(self.covariance.loc[name, name])) for name in self.params}

    @validate_params(confidence=Interval(float, 0, 1, closed="neither"))
    def summary(self, confidence: float = 0.95) -> pd.DataFrame:
        """One row per parameter: ``estimate``, ``std_error``, ``lower`` and ``upper`` (the interval).

        The interval is exp(ln θ ± z·SE(ln θ)) with SE(ln θ) = SE(θ)/θ, so it stays positive.
        The log-likelihood, customers fitted and convergence are in ``.attrs``.

        >>> from helpers.btyd import BetaGeoModel
        >>> BetaGeoModel(0.243, 4.414, 0.793, 2.426).summary().index.tolist()
        ['r', 'alpha', 'a', 'b']
        """
        estimate = pd.Series(self.params, dtype=float)
        error = pd.Series(self.standard_errors, dtype=float)
        half_width = NormalDist().inv_cdf(0.5 + confidence / 2) * error / estimate   # z = 1.96 at 95 %
        with np.errstate(over="ignore"):      # an estimate near 0 with a wide error: the interval has no top
            table = pd.DataFrame({"estimate": estimate, "std_error": error,
                                  "lower": estimate * np.exp(-half_width), "upper": estimate * np.exp(half_width)})
        table.index.name = "parameter"
        table.attrs.update(log_likelihood=self.log_likelihood, n_customers=self.n_customers,
                           converged=self.converged, confidence=confidence)
        return table

    def _repr_html_(self) -> str:
        from html import escape

        from helpers.i18n import t

        table = self.summary()
        headers = {"estimate": t("btyd_col_estimate"), "std_error": t("btyd_col_std_error"),
                   "lower": t("btyd_col_lower", confidence="95%"), "upper": t("btyd_col_upper", confidence="95%")}
        body = table.rename(columns=headers).rename_axis(t("btyd_col_parameter")).to_html(float_format="{:.4f}".format)
        facts = [f"{t('clv_model_log_likelihood')}: {self.log_likelihood:,.2f}",
                 f"{t('clv_model_customers')}: {self.n_customers:,}"]
        if not self.converged:
            facts.append(t("btyd_not_converged"))
        title = f"<b>{escape(type(self).__name__)}</b>" + (f" · {escape(t(self._title))}" if self._title else "")
        return f"{title}{body}<p>{escape(' · '.join(facts))}</p>"


def dot(a, b) -> float:
    """Σ aᵢbᵢ without BLAS: a multithreaded BLAS wakes its threads for every call, which costs more
    than the sum itself at these sizes (and much more on a busy machine)."""
    return float(np.multiply(a, b).sum())
