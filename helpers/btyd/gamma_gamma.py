"""Gamma-Gamma (Fader, Hardie & Lee 2005; Fader & Hardie 2013): how much a customer spends per purchase.

A customer's transaction values are gamma(p, ν) with ν ~ gamma(q, γ) across customers; fitted on
the mean repeat spend ``zbar`` of customers with at least one repeat purchase.

    >>> model = GammaGammaModel(p=6.25, q=3.74, gamma=15.44)
    >>> round(model.conditional_expected_spend(x=2, m_x=22.35), 2)
    24.66

Sources: docs/methods.md §3.8; Fader & Hardie (2013) "The Gamma-Gamma model of monetary value",
http://www.brucehardie.com/notes/025/.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from helpers.btyd.base import FittedModel, column_values, dot, group_rows, maximise, reject, row_weights
from helpers.clv import _scalar_or_array as _scalar
from helpers.errors import DataError, warn

__all__ = ["GammaGammaModel"]

_MAX_SPEND_CORRELATION = 0.3   # |corr(x, m_x)| above this casts doubt on Gamma-Gamma's independence


@dataclass
class GammaGammaModel(FittedModel):
    """Gamma-Gamma spend model: a customer's transaction values are gamma(p, ν), ν ~ gamma(q, γ).

    Fitted on repeat customers (x > 0) with positive mean repeat spend m_x; the others are
    counted in ``n_excluded`` and get the population mean spend in :func:`customer_clv`.
    ``spend_correlation`` is corr(x, m_x) of the customers fitted (the model assumes ≈ 0).

    >>> round(GammaGammaModel(6.25, 3.74, 15.44).population_mean_spend, 2)
    35.22
    """

    p: float
    q: float
    gamma: float
    _title = "btyd_title_gamma_gamma"
    _name = "Gamma-Gamma"
    n_excluded = 0
    spend_correlation = float("nan")

    @property
    def params(self) -> dict:
        """``{"p", "q", "gamma"}``.

        >>> GammaGammaModel(6.25, 3.74, 15.44).params["gamma"]
        15.44
        """
        return {"p": self.p, "q": self.q, "gamma": self.gamma}

    @property
    def population_mean_spend(self) -> float:
        """E(M) = pγ/(q−1), the mean transaction value across customers (Fader & Hardie 2013).

        >>> round(GammaGammaModel(6.25, 3.74, 15.44).population_mean_spend, 2)
        35.22
        """
        return self.p * self.gamma / (self.q - 1)

    @staticmethod
    def customer_log_likelihood(p, q, gamma, x, m_x):
        """ln L_i = ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln m_x + px ln x − (px+q) ln(γ + x m_x)

        (Fader & Hardie 2013, eq. 5; docs/methods.md §3.8).

        >>> round(float(GammaGammaModel.customer_log_likelihood(6.25, 3.74, 15.44, 2, 22.35)), 3)
        -3.551
        """
        from scipy.special import gammaln

        px = p * x
        return (gammaln(px + q) - gammaln(px) - gammaln(q) + q * np.log(gamma) + (px - 1) * np.log(m_x)
                + px * np.log(x) - (px + q) * np.log(gamma + x * m_x))

    @classmethod
    def fit(cls, summary: pd.DataFrame, *, x_col="x", spend_col="zbar",
            weight_col: str | None = None) -> GammaGammaModel:
        """Maximum-likelihood fit on rows with x > 0 and spend > 0 (start p = q = γ = 1), with standard errors.

        Warns when rows are excluded for zero or negative spend, and when |corr(x, m_x)| exceeds
        0.3 (the model assumes spend independent of frequency). On the
        CDNOW summary: p = 6.25, q = 3.74, γ = 15.44, LL = −4055.9 (Fader & Hardie 2013).

        >>> from helpers.btyd import btyd_summary
        >>> from helpers.data import load_cdnow
        >>> model = GammaGammaModel.fit(btyd_summary(load_cdnow(sample=True)[0], "1997-09-30"))
        >>> [round(value, 2) for value in model.params.values()], model.n_customers
        ([6.25, 3.74, 15.44], 946)
        """
        xs, ms = column_values(summary, x_col), column_values(summary, spend_col)
        reject(xs < 0, "err_btyd_negative_frequency", x_col, "fix_btyd_frequency")
        w = row_weights(summary, weight_col)
        repeat = xs > 0
        used = repeat & (ms > 0) & (w > 0)
        n_excluded = float(w[repeat & (ms <= 0)].sum())
        if n_excluded:
            warn("warn_btyd_spend_excluded", n=f"{n_excluded:g}", column=spend_col)
        if used.sum() < 2:
            raise DataError("err_btyd_too_few_repeaters", column=x_col, fix_key="fix_btyd_too_few_repeaters")
        xs, ms, w = xs[used], ms[used], w[used]
        corr = _weighted_correlation(xs, ms, w)
        if abs(corr) > _MAX_SPEND_CORRELATION:
            warn("warn_btyd_spend_correlation", corr=f"{corr:.2f}")
        (x, m_x), weights = group_rows([xs, ms], w)
        theta, ll, ok, cov = maximise(_log_likelihood(x, m_x, weights), np.ones(3))
        model = cls(*(float(v) for v in theta))._record_fit(ll, w.sum(), ok, cov)
        model.n_excluded = int(n_excluded) if n_excluded.is_integer() else n_excluded
        model.spend_correlation = corr
        return model

    def conditional_expected_spend(self, x, m_x):
        """E(M | x, m_x) = p(γ + x·m_x)/(px + q − 1) (Fader & Hardie 2013, eq. 7; docs/methods.md §3.8).

        A weighted average of the population mean pγ/(q−1) (weight (q−1)/(px+q−1)) and m_x.

        >>> round(GammaGammaModel(6.25, 3.74, 15.44).conditional_expected_spend(0, 0), 2)
        35.22
        """
        x, m_x = np.asarray(x, dtype=float), np.asarray(m_x, dtype=float)
        return _scalar(self.p * (self.gamma + x * m_x) / (self.p * x + self.q - 1))


def _weighted_correlation(x, y, w) -> float:
    """corr(x, y) with row weights (NaN when either is constant)."""
    if not (np.ptp(x) and np.ptp(y)):
        return float("nan")
    mx, my = np.average(x, weights=w), np.average(y, weights=w)
    cov = np.average((x - mx) * (y - my), weights=w)
    return float(cov / np.sqrt(np.average((x - mx) ** 2, weights=w) * np.average((y - my) ** 2, weights=w)))


def _log_likelihood(x, m_x, w):
    """Σ w·ℓ (Fader & Hardie 2013, eq. 5) and its gradient in (p, q, γ):

    ∂ℓ/∂p = x[ψ(px+q) − ψ(px) + ln m_x + ln x − ln(γ + x m_x)]; ∂ℓ/∂q = ψ(px+q) − ψ(q) + ln γ − ln(γ + x m_x);
    ∂ℓ/∂γ = q/γ − (px+q)/(γ + x m_x).
    """
    from scipy.special import digamma, gammaln

    log_m, log_x, xm = np.log(m_x), np.log(x), x * m_x
    total, fixed = w.sum(), dot(w, log_m)
    data_term = dot(w * x, log_m + log_x)

    def log_likelihood(theta):
        p, q, gamma = theta
        px = p * x
        log_gxm = np.log(gamma + xm)
        psi_pxq = digamma(px + q)
        value = (dot(w, gammaln(px + q) - gammaln(px) - (px + q) * log_gxm) + p * data_term - fixed
                 + total * (q * np.log(gamma) - gammaln(q)))
        d_p = dot(w * x, psi_pxq - digamma(px) - log_gxm) + data_term
        d_q = dot(w, psi_pxq - log_gxm) + total * (np.log(gamma) - digamma(q))
        d_gamma = total * q / gamma - dot(w, (px + q) / (gamma + xm))
        return value, np.array([d_p, d_q, d_gamma])

    return log_likelihood
