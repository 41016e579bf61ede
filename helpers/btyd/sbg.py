"""Shifted-beta-geometric (sBG, Fader & Hardie 2007): retention of contract customers who renew each period.

Each customer renews at the end of every period with a personal probability 1 − θ and leaves for
good otherwise; θ ~ beta(α, β) across customers. Because the customers most likely to leave go
first, the cohort's retention rate *rises* with tenure: r(t) = (β + t − 1)/(α + β + t − 1).

    >>> cohort = [1000, 631, 468, 382, 326, 289, 262, 241]      # regular customers, years 0–7
    >>> model = ShiftedBetaGeoModel.fit(cohort)
    >>> round(model.alpha, 3), round(model.beta, 3)
    (0.704, 1.182)

Sources: docs/methods.md §8.9; Fader & Hardie (2007) "How to project customer retention",
*J. Interactive Marketing* 21(1):76–90; Fader & Hardie (2010) "Customer-base valuation in a
contractual setting: the perils of ignoring heterogeneity", *Marketing Science* 29(1):85–93 (DEL, DERL).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from helpers.btyd.base import FittedModel, column_values, dot, maximise, reject, row_weights
from helpers.clv import _scalar_or_array as _scalar
from helpers.errors import DataError
from helpers.validation import Interval, validate_params

__all__ = ["ShiftedBetaGeoModel"]


@dataclass
class ShiftedBetaGeoModel(FittedModel):
    """sBG model of contractual retention: churn probability θ ~ beta(α, β), constant for each customer.

    Fit it on a cohort's survival counts (:meth:`fit`) or on one row per customer with its
    tenure and whether it has left (:meth:`fit_tenure`). ``period`` names the unit of a period
    (e.g. ``"Y"``); times count periods since acquisition.

    >>> model = ShiftedBetaGeoModel(alpha=0.704, beta=1.182)
    >>> round(model.survival(7), 3), round(model.retention(1), 3)
    (0.239, 0.627)
    """

    alpha: float
    beta: float
    period: str | None = None
    _title = "btyd_title_sbg"
    _name = "sBG"

    @property
    def params(self) -> dict:
        """``{"alpha", "beta"}``.

        >>> ShiftedBetaGeoModel(0.704, 1.182).params
        {'alpha': 0.704, 'beta': 1.182}
        """
        return {"alpha": self.alpha, "beta": self.beta}

    @classmethod
    def fit(cls, survival, *, period: str | None = None) -> ShiftedBetaGeoModel:
        """Fit on a cohort's survival counts: customers still active at period 0, 1, …, n.

        The first count is the cohort at acquisition; each later drop is the number who left in
        that period; those still active at n are censored (they have not left yet). Fader & Hardie
        (2007) fit years 1–7 of their two cohorts: regular α = 0.704, β = 1.182; high end α = 0.668,
        β = 3.806.

        >>> model = ShiftedBetaGeoModel.fit([1000, 869, 743, 653, 593, 551, 517, 491])
        >>> round(model.alpha, 3), round(model.beta, 3), model.n_customers
        (0.668, 3.806, 1000)
        """
        counts = _survival_counts(survival)
        t = np.arange(1, counts.size)
        tenure = np.concatenate([t, [counts.size - 1]])
        churned = np.concatenate([np.ones(t.size, dtype=bool), [False]])
        weights = np.concatenate([counts[:-1] - counts[1:], [counts[-1]]])
        return cls._fit_rows(tenure.astype(float), churned, weights.astype(float), period)

    @classmethod
    def fit_tenure(cls, customers: pd.DataFrame, *, tenure_col="tenure", churned_col="churned",
                   weight_col: str | None = None, period: str | None = None) -> ShiftedBetaGeoModel:
        """Fit on one row per customer: ``tenure`` = periods completed, ``churned`` = has left (1/0).

        A customer who left after t periods (t ≥ 1) contributes P(T = t); one still active after t
        periods contributes S(t) (right-censored). ``weight_col`` counts customers per row.

        >>> rows = pd.DataFrame({"tenure": [1, 2, 3, 4, 5, 6, 7, 7], "churned": [1, 1, 1, 1, 1, 1, 1, 0],
        ...                      "n": [369, 163, 86, 56, 37, 27, 21, 241]})      # the regular cohort, per customer
        >>> model = ShiftedBetaGeoModel.fit_tenure(rows, weight_col="n")
        >>> round(model.alpha, 3), round(model.beta, 3), model.n_customers
        (0.704, 1.182, 1000)
        """
        tenure = column_values(customers, tenure_col)
        churned = column_values(customers, churned_col)
        reject((tenure < 0) | (tenure != np.round(tenure)), "err_sbg_tenure", tenure_col, "fix_sbg_tenure")
        reject(~np.isin(churned, (0, 1)), "err_sbg_churned", churned_col, "fix_sbg_churned")
        reject((churned == 1) & (tenure < 1), "err_sbg_tenure", tenure_col, "fix_sbg_tenure")
        return cls._fit_rows(tenure, churned == 1, row_weights(customers, weight_col), period)

    @classmethod
    def _fit_rows(cls, tenure, churned, weights, period):
        if not np.any(churned & (weights > 0)):
            raise DataError("err_sbg_no_churn", fix_key="fix_sbg_no_churn")
        theta, ll, ok, cov = maximise(_log_likelihood(tenure, churned, weights), np.ones(2))
        return cls(*(float(v) for v in theta), period=period)._record_fit(ll, weights.sum(), ok, cov)

    def survival(self, t):
        """S(t) = B(α, β + t)/B(α, β): the share of a cohort still active after t periods (F&H 2007 eq. 4).

        >>> round(ShiftedBetaGeoModel(0.704, 1.182).survival(12), 3)
        0.17
        """
        from scipy.special import betaln

        t = np.asarray(t, dtype=float)
        return _scalar(np.exp(betaln(self.alpha, self.beta + t) - betaln(self.alpha, self.beta)))

    def retention(self, t):
        """r(t) = S(t)/S(t − 1) = (β + t − 1)/(α + β + t − 1), the renewal rate in period t ≥ 1 (F&H 2007 eq. 5).

        >>> [round(v, 3) for v in ShiftedBetaGeoModel(0.704, 1.182).retention([1, 2, 12]).tolist()]
        [0.627, 0.756, 0.945]
        """
        t = np.asarray(t, dtype=float)
        return _scalar((self.beta + t - 1) / (self.alpha + self.beta + t - 1))

    @validate_params(discount=Interval(float, 0, 1, closed="right"))
    def discounted_expected_lifetime(self, discount: float):
        """DEL = Σ_{t≥0} S(t)/(1+d)^t = ₂F₁(1, β; α+β; 1/(1+d)): expected discounted payments of a new
        customer, the first (at acquisition) included (Fader & Hardie 2010, eq. 3). E(CLV) = margin · DEL.

        >>> round(ShiftedBetaGeoModel(0.704, 1.182).discounted_expected_lifetime(0.10), 3)
        3.695
        """
        from scipy.special import hyp2f1

        return float(hyp2f1(1.0, self.beta, self.alpha + self.beta, 1 / (1 + discount)))

    @validate_params(discount=Interval(float, 0, 1, closed="right"), n_renewals=Interval(int, 0, None))
    def discounted_residual_lifetime(self, discount: float, n_renewals: int = 0):
        """DERL: expected discounted payments still to come from a customer who has renewed ``n_renewals``
        times, valued just before the next renewal decision (Fader & Hardie 2010, eq. 6):

        (β + n)/(α + β + n) · ₂F₁(1, β + n + 1; α + β + n + 1; 1/(1+d)), n = ``n_renewals``.
        It grows with tenure: the customers who are left are the loyal ones.

        >>> model = ShiftedBetaGeoModel(0.704, 1.182)
        >>> round(model.discounted_residual_lifetime(0.10), 3) < round(model.discounted_residual_lifetime(0.10, 4), 3)
        True
        """
        from scipy.special import hyp2f1

        n = n_renewals
        return float((self.beta + n) / (self.alpha + self.beta + n)
                     * hyp2f1(1.0, self.beta + n + 1, self.alpha + self.beta + n + 1, 1 / (1 + discount)))

    @validate_params(horizon=[Interval(int, 1, None), None])
    def projection(self, survival=None, *, horizon: int | None = None) -> pd.DataFrame:
        """Survival and retention by period, as projected by the model and, with ``survival``, as observed.

        Rows are periods 0 … ``horizon`` (default: the periods of ``survival``, else 12). Columns:
        ``survival_rate`` S(t) and ``retention_rate`` r(t) of the model; with the cohort's counts
        also ``actual_survival_rate`` and ``actual_retention_rate`` (NaN beyond the data). Rates 0–1.

        >>> table = ShiftedBetaGeoModel(0.704, 1.182).projection([1000, 631, 468], horizon=4)
        >>> table["actual_survival_rate"].tolist()[:3], round(float(table.loc[4, "survival_rate"]), 3)
        ([1.0, 0.631, 0.468], 0.332)
        """
        counts = None if survival is None else _survival_counts(survival)
        if horizon is None:
            horizon = 12 if counts is None else counts.size - 1
        t = np.arange(horizon + 1)
        table = pd.DataFrame({"survival_rate": self.survival(t),
                              "retention_rate": np.r_[np.nan, self.retention(t[1:])]},
                             index=pd.Index(t, name="period"))
        if counts is not None:
            share = pd.Series(counts / counts[0]).reindex(t)
            table["actual_survival_rate"] = share.to_numpy()
            table["actual_retention_rate"] = (share / share.shift()).to_numpy()
        return table


def _survival_counts(survival) -> np.ndarray:
    """Checked survival counts: whole numbers, the cohort first (> 0), never rising."""
    counts = np.asarray(survival.to_numpy() if hasattr(survival, "to_numpy") else survival, dtype=float).ravel()
    column = str(getattr(survival, "name", None) or "survival")
    if counts.size < 2 or not np.all(np.isfinite(counts)):
        raise DataError("err_sbg_survival", column=column, fix_key="fix_sbg_survival")
    reject((counts < 0) | (counts != np.round(counts)), "err_sbg_survival", column, "fix_sbg_survival")
    reject(np.r_[counts[0] <= 0, np.diff(counts) > 0], "err_sbg_survival", column, "fix_sbg_survival")
    return counts


def _log_likelihood(tenure, churned, w):
    """Σ w·ℓ and its gradient in (α, β): ℓ = ln B(α+1, β+t−1) − ln B(α, β) for a customer who left in
    period t (P(T = t), F&H 2007 eq. 3) and ℓ = ln B(α, β+t) − ln B(α, β) for one still active after t
    periods (S(t)); derivatives of ln B by ψ(a) − ψ(a+b), ψ(b) − ψ(a+b)."""
    from scipy.special import betaln, digamma

    left, stay = churned, ~churned
    t_left, w_left, t_stay, w_stay = tenure[left], w[left], tenure[stay], w[stay]
    total = w.sum()

    def log_likelihood(theta):
        alpha, beta = theta
        psi_all_left, psi_all_stay = digamma(alpha + beta + t_left), digamma(alpha + beta + t_stay)
        value = (dot(w_left, betaln(alpha + 1, beta + t_left - 1)) + dot(w_stay, betaln(alpha, beta + t_stay))
                 - total * betaln(alpha, beta))
        base_alpha = digamma(alpha) - digamma(alpha + beta)
        base_beta = digamma(beta) - digamma(alpha + beta)
        d_alpha = (dot(w_left, digamma(alpha + 1) - psi_all_left) + dot(w_stay, digamma(alpha) - psi_all_stay)
                   - total * base_alpha)
        d_beta = (dot(w_left, digamma(beta + t_left - 1) - psi_all_left)
                  + dot(w_stay, digamma(beta + t_stay) - psi_all_stay) - total * base_beta)
        return value, np.array([d_alpha, d_beta])

    return log_likelihood
