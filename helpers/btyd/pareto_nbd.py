"""Pareto/NBD (Schmittlein, Morrison & Colombo 1987): purchases at a gamma(r, α) Poisson rate, a
lifetime that ends at any moment at an exponential rate μ ~ gamma(s, β).

BG/NBD's older sibling: customers may leave at any time, not only right after a purchase, so a
one-time buyer's P(alive) falls with time too. Fitted on CDNOW's calibration summary it gives
r = 0.553, α = 10.578, s = 0.606, β = 11.669, LL = −9595.0 (Fader, Hardie & Lee 2005).

    >>> model = ParetoNBDModel(r=0.553, alpha=10.578, s=0.606, beta=11.669)
    >>> round(model.prob_alive(x=0, t_x=0, T=38.86), 3)
    0.295

Sources: docs/methods.md §3.7 and §8.9; Schmittlein, Morrison & Colombo (1987) *Management Science* 33(1):1–24;
Fader, Hardie & Lee (2005) "RFM and CLV: using iso-value curves for customer base analysis",
*J. Marketing Research* 42(4):415–430; Fader & Hardie (2005) "A note on deriving the Pareto/NBD
model and related expressions", http://brucehardie.com/notes/009/, and "Implementing the
Pareto/NBD model", http://brucehardie.com/notes/008/.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from helpers.btyd.base import FittedModel, dot, group_rows, maximise, row_weights, summary_arrays
from helpers.clv import _scalar_or_array as _scalar

__all__ = ["ParetoNBDModel"]


@dataclass
class ParetoNBDModel(FittedModel):
    """Pareto/NBD model: Poisson purchases at a gamma(r, α) rate, exponential lifetimes at a gamma(s, β) rate.

    Same interface as :class:`~helpers.btyd.BetaGeoModel` (``prob_alive``,
    ``conditional_expected_purchases``), so :func:`~helpers.btyd.customer_clv`,
    :func:`~helpers.btyd.holdout_comparison` and the charts take either.

    >>> model = ParetoNBDModel(r=0.553, alpha=10.578, s=0.606, beta=11.669)
    >>> round(model.conditional_expected_purchases(39, x=2, t_x=30.43, T=38.86), 3)
    1.455
    """

    r: float
    alpha: float
    s: float
    beta: float
    period: str | None = None
    _title = "btyd_title_pareto_nbd"
    _name = "Pareto/NBD"

    @property
    def params(self) -> dict:
        """``{"r", "alpha", "s", "beta"}``.

        >>> ParetoNBDModel(0.553, 10.578, 0.606, 11.669).params["s"]
        0.606
        """
        return {"r": self.r, "alpha": self.alpha, "s": self.s, "beta": self.beta}

    @staticmethod
    def customer_log_likelihood(r, alpha, s, beta, x, t_x, T):
        """ln L_i (Fader & Hardie 2005, note 008, eq. 1–3), in log space.

        L = Γ(r+x)α^r β^s/Γ(r) · [(α+T)^−(r+x)(β+T)^−s + s/(r+s+x) · A₀], where A₀ is the
        difference of two ₂F₁ terms with the cases α ≥ β and α < β; see :func:`_log_terms`.

        >>> round(float(ParetoNBDModel.customer_log_likelihood(0.553, 10.578, 0.606, 11.669, 0, 0, 38.86)), 4)
        -0.521
        """
        from scipy.special import gammaln

        x, t_x, T = (np.asarray(v, dtype=float) for v in (x, t_x, T))
        log_alive, log_gone = _log_terms(r, alpha, s, beta, x, t_x, T)
        return (gammaln(r + x) - gammaln(r) + r * np.log(alpha) + s * np.log(beta)
                + np.logaddexp(log_alive, log_gone))

    @classmethod
    def fit(cls, summary: pd.DataFrame, *, x_col="x", t_x_col="t_x", T_col="T",
            weight_col: str | None = None) -> ParetoNBDModel:
        """Maximum-likelihood fit to a calibration summary (start r = α = s = β = 1), with standard errors.

        Identical customers are evaluated once; the gradient is taken by central differences
        (the ₂F₁ terms have no closed-form parameter derivatives). On the CDNOW calibration summary:
        r = 0.553, α = 10.578, s = 0.606, β = 11.669, LL = −9595.0 (FHL 2005).

        >>> from helpers.btyd import btyd_summary
        >>> from helpers.data import load_cdnow
        >>> model = ParetoNBDModel.fit(btyd_summary(load_cdnow(sample=True)[0], "1997-09-30"))
        >>> [round(value, 2) for value in model.params.values()], model.n_customers
        ([0.55, 10.58, 0.61, 11.67], 2357)
        """
        from scipy.special import gammaln

        xs, txs, Ts = summary_arrays(summary, x_col, t_x_col, T_col)
        weights = row_weights(summary, weight_col)
        (x, t_x, T), w = group_rows([xs, txs, Ts], weights)

        def log_likelihood(theta):
            r, alpha, s, beta = theta
            log_alive, log_gone = _log_terms(r, alpha, s, beta, x, t_x, T)
            per_row = gammaln(r + x) + np.logaddexp(log_alive, log_gone)
            return dot(w, per_row) + w.sum() * (r * np.log(alpha) + s * np.log(beta) - gammaln(r))

        theta, ll, ok, cov = maximise(log_likelihood, np.ones(4), gradient=False)
        model = cls(*(float(v) for v in theta), period=summary.attrs.get("period"))
        return model._record_fit(ll, weights.sum(), ok, cov)

    def _log_dropout_odds(self, x, t_x, T):
        log_alive, log_gone = _log_terms(self.r, self.alpha, self.s, self.beta, x, t_x, T)
        return log_gone - log_alive

    def prob_alive(self, x, t_x, T):
        """P(alive | x, t_x, T) = 1 / (1 + s/(r+s+x) · A₀ · (α+T)^(r+x)(β+T)^s) (Fader & Hardie 2005, note 008 eq. 4).

        >>> round(ParetoNBDModel(0.553, 10.578, 0.606, 11.669).prob_alive(2, 30.43, 38.86), 3)
        0.869
        """
        from scipy.special import expit

        x, t_x, T = (np.asarray(v, dtype=float) for v in (x, t_x, T))
        return _scalar(expit(-self._log_dropout_odds(x, t_x, T)))

    def expected_purchases(self, horizon):
        """Unconditional E[X(t)] = rβ/(α(s−1)) · [1 − (β/(β+t))^(s−1)] for a new customer (SMC 1987).

        >>> round(ParetoNBDModel(0.553, 10.578, 0.606, 11.669).expected_purchases(39), 3)
        1.213
        """
        t = np.asarray(horizon, dtype=float)
        return _scalar(self.r / self.alpha * self.beta * _lifetime_factor(self.s, self.beta, t))

    def conditional_expected_purchases(self, horizon, x, t_x, T):
        """E[Y(t) | x, t_x, T] = (r+x)(β+T)/((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)] · P(alive) (note 008 eq. 5).

        At s = 1 the bracket over (s−1) becomes ln((β+T+t)/(β+T)). Arrays broadcast.

        >>> round(ParetoNBDModel(0.553, 10.578, 0.606, 11.669).conditional_expected_purchases(39, 0, 0, 38.86), 3)
        0.107
        """
        from scipy.special import expit

        t, x, t_x, T = (np.asarray(v, dtype=float) for v in (horizon, x, t_x, T))
        rate = (self.r + x) / (self.alpha + T) * (self.beta + T) * _lifetime_factor(self.s, self.beta + T, t)
        return _scalar(rate * expit(-self._log_dropout_odds(x, t_x, T)))


def _lifetime_factor(s, beta, t):
    """[1 − (β/(β+t))^(s−1)]/(s−1), the expected lifetime within t, scaled; ln(1 + t/β) at s = 1."""
    log_ratio = np.log1p(t / beta)
    if abs(s - 1) < 1e-10:
        return log_ratio
    return -np.expm1(-(s - 1) * log_ratio) / (s - 1)


def _log_terms(r, alpha, s, beta, x, t_x, T):
    """ln of the two terms of the Pareto/NBD likelihood bracket: alive through T, and gone in (t_x, T].

    alive = (α+T)^−(r+x) (β+T)^−s; gone = s/(r+s+x) · A₀ with A₀ = F(t_x) − F(T). Hardie's note 008
    writes F(y) = ₂F₁(r+s+x, s+1; r+s+x+1; (α−β)/(α+y)) / (α+y)^(r+s+x) when α ≥ β and
    F(y) = ₂F₁(r+s+x, r+x; r+s+x+1; (β−α)/(β+y)) / (β+y)^(r+s+x) when α < β. Euler's transformation
    of each ₂F₁ gives F(y) = (α+y)^−(r+x) (β+y)^−s · K(y) with the tame
    K(y) = ₂F₁(1, r+x; r+s+x+1; (α−β)/(α+y)) (α ≥ β) or
    K(y) = (α+y)/(β+y) · ₂F₁(1, s+1; r+s+x+1; (β−α)/(β+y)) (α < β),
    so ln A₀ = ln F(t_x) + ln(1 − F(T)/F(t_x)) stays finite for any x and is −∞ when t_x = T.
    """
    from scipy.special import hyp2f1

    rx, c = r + x, r + s + x + 1

    def log_F(y):
        base = -rx * np.log(alpha + y) - s * np.log(beta + y)
        if alpha >= beta:
            return base + np.log(hyp2f1(1.0, rx, c, (alpha - beta) / (alpha + y)))
        return base + np.log((alpha + y) / (beta + y)) + np.log(hyp2f1(1.0, s + 1, c, (beta - alpha) / (beta + y)))

    log_alive = -rx * np.log(alpha + T) - s * np.log(beta + T)
    first, last = log_F(t_x), log_F(T)
    with np.errstate(divide="ignore", invalid="ignore"):
        log_A0 = first + np.log1p(-np.exp(np.minimum(last - first, 0.0)))
    log_gone = np.log(s) - np.log(rx + s) + log_A0
    return log_alive, np.where(t_x < T, log_gone, -np.inf)
