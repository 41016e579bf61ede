"""BG/NBD (Fader, Hardie & Lee 2005): how often customers buy and when they leave, from x, t_x, T.

While alive, a customer buys at a Poisson rate λ ~ gamma(r, α); after each purchase they leave
for good with probability p ~ beta(a, b). Times are in the summary's unit (CDNOW: weeks).

    >>> model = BetaGeoModel(r=0.243, alpha=4.414, a=0.793, b=2.426, period="W")
    >>> round(model.conditional_expected_purchases(39, x=2, t_x=30.43, T=38.86), 3)
    1.226

Sources: docs/methods.md §3.7; Fader, Hardie & Lee (2005) *Marketing Science* 24(2):275–284 and
http://brucehardie.com/notes/004/.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from helpers.btyd.base import FittedModel, dot as _dot, group_rows, maximise, row_weights, summary_arrays
from helpers.clv import _scalar_or_array as _scalar

__all__ = ["BetaGeoModel"]


@dataclass
class BetaGeoModel(FittedModel):
    """BG/NBD model: Poisson purchases at a gamma(r, α) rate, beta(a, b) dropout after each purchase.

    Create it with published parameters or fit it with :meth:`fit`; ``period`` is the time unit
    of the summary it was fitted on (``"W"`` weeks, ``"D"`` days; charts name it).

    >>> model = BetaGeoModel(r=0.243, alpha=4.414, a=0.793, b=2.426)
    >>> round(model.prob_alive(x=2, t_x=30.43, T=38.86), 4)
    0.7266
    """

    r: float
    alpha: float
    a: float
    b: float
    period: str | None = None
    _title = "btyd_title_bgnbd"
    _name = "BG/NBD"

    @property
    def params(self) -> dict:
        """``{"r", "alpha", "a", "b"}``.

        >>> BetaGeoModel(0.243, 4.414, 0.793, 2.426).params["b"]
        2.426
        """
        return {"r": self.r, "alpha": self.alpha, "a": self.a, "b": self.b}

    @staticmethod
    def customer_log_likelihood(r, alpha, a, b, x, t_x, T):
        """ln L_i (Fader, Hardie & Lee 2005, eq. 6), in log space; docs/methods.md §3.7.

        L = B(a,b+x)/B(a,b) · Γ(r+x)α^r/Γ(r) · [(α+T)^−(r+x) + 1{x>0}·a/(b+x−1)·(α+t_x)^−(r+x)],
        since B(a+1, b+x−1)/B(a, b+x) = a/(b+x−1).

        >>> round(float(BetaGeoModel.customer_log_likelihood(0.243, 4.414, 0.793, 2.426, 0, 0, 38.86)), 4)
        -0.5547
        """
        from scipy.special import betaln, gammaln

        common = gammaln(r + x) - gammaln(r) + r * np.log(alpha) + betaln(a, b + x) - betaln(a, b)
        still_alive = -(r + x) * np.log(alpha + T)
        dropped = np.where(x > 0, np.log(a) - np.log(b + np.maximum(x, 1) - 1) - (r + x) * np.log(alpha + t_x),
                           -np.inf)
        return common + np.logaddexp(still_alive, dropped)

    @classmethod
    def fit(cls, summary: pd.DataFrame, *, x_col="x", t_x_col="t_x", T_col="T",
            weight_col: str | None = None) -> BetaGeoModel:
        """Maximum-likelihood fit to a calibration summary (start r = α = a = b = 1), with standard errors.

        Identical customers are evaluated once; the gradient is analytic (digamma terms for the
        parts that depend on x only, evaluated once per distinct x). ``weight_col`` names a
        column of counts when each row stands for several customers. On the CDNOW summary this
        gives r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4 (FHL 2005, §5).

        >>> from helpers.btyd import btyd_summary
        >>> from helpers.data import load_cdnow
        >>> model = BetaGeoModel.fit(btyd_summary(load_cdnow(sample=True)[0], "1997-09-30"))
        >>> {name: round(value, 3) for name, value in model.params.items()}, round(model.log_likelihood, 1)
        ({'r': 0.243, 'alpha': 4.414, 'a': 0.793, 'b': 2.426}, -9582.4)
        """
        xs, txs, Ts = summary_arrays(summary, x_col, t_x_col, T_col)
        weights = row_weights(summary, weight_col)
        (x, t_x, T), w = group_rows([xs, txs, Ts], weights)
        theta, ll, ok, cov = maximise(_log_likelihood(x, t_x, T, w), np.ones(4))
        model = cls(*(float(v) for v in theta), period=summary.attrs.get("period"))
        return model._record_fit(ll, weights.sum(), ok, cov)

    def expected_purchases(self, horizon):
        """Unconditional E[X(t)] for a new customer over ``horizon`` periods (FHL 2005 eq. 9; docs/methods.md §3.7).

        E[X(t)] = (a+b−1)/(a−1) · [1 − (α/(α+t))^r · ₂F₁(r, b; a+b−1; t/(α+t))], evaluated as
        (a+b−1)/(a−1) · [1 − (α/(α+t))^(a−1) · ₂F₁(a+b−1−r, a−1; a+b−1; t/(α+t))] (Euler's
        transformation ₂F₁(A,B;C;z) = (1−z)^(C−A−B) ₂F₁(C−A, C−B; C; z): small parameters, no overflow).

        >>> round(BetaGeoModel(0.243, 4.414, 0.793, 2.426).expected_purchases(39), 3)
        1.197
        """
        horizon = np.asarray(horizon, dtype=float)
        return _scalar(self._purchases_ahead(horizon, x=0.0, age=0.0))

    def _purchases_ahead(self, t, x, age):
        """(a+b+x−1)/(a−1) · [1 − ((α+age)/(α+age+t))^(a−1) · ₂F₁(a+b−1−r, a−1; a+b+x−1; t/(α+age+t))]:

        the bracket of eqs. 9 (x = 0, age = 0) and 10 (x, age = T) after Euler's transformation.
        """
        from scipy.special import hyp2f1

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
        """P(alive | x, t_x, T) = 1 / (1 + 1{x>0}·a/(b+x−1)·((α+T)/(α+t_x))^(r+x)).

        Fader, Hardie & Lee (2008) "Computing P(alive) using the BG/NBD model",
        http://brucehardie.com/notes/021/; docs/methods.md §3.7.

        >>> round(BetaGeoModel(0.243, 4.414, 0.793, 2.426).prob_alive(2, 30.43, 38.86), 4)
        0.7266
        """
        from scipy.special import expit

        x, t_x, T = (np.asarray(v, dtype=float) for v in (x, t_x, T))
        return _scalar(expit(-self._log_dropout_odds(x, t_x, T)))

    def conditional_expected_purchases(self, horizon, x, t_x, T):
        """E[Y(t) | x, t_x, T]: expected purchases in the next ``horizon`` periods (FHL 2005 eq. 10).

        (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))] · P(alive),
        the hypergeometric term evaluated after Euler's transformation (see ``expected_purchases``).
        Arrays broadcast.

        >>> round(BetaGeoModel(0.243, 4.414, 0.793, 2.426).conditional_expected_purchases(39, 2, 30.43, 38.86), 3)
        1.226
        """
        from scipy.special import expit

        t, x, t_x, T = (np.asarray(v, dtype=float) for v in (horizon, x, t_x, T))
        return _scalar(self._purchases_ahead(t, x, T) * expit(-self._log_dropout_odds(x, t_x, T)))


def _log_likelihood(x, t_x, T, w):
    """Σ w·ℓ and its gradient in (r, α, a, b) for grouped customers (FHL 2005 eq. 6).

    ℓ = A(x) + ln(e^B + e^C): A = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b) depends on x
    only (evaluated per distinct x), B = −(r+x) ln(α+T), C = ln a − ln(b+x−1) − (r+x) ln(α+t_x)
    (x > 0). With s = e^C/(e^B + e^C): ∂ℓ/∂r = ψ(r+x) − ψ(r) + ln α − (1−s) ln(α+T) − s ln(α+t_x);
    ∂ℓ/∂α = r/α − (r+x)[(1−s)/(α+T) + s/(α+t_x)]; ∂ℓ/∂a = ψ(a+b) − ψ(a+b+x) + s/a;
    ∂ℓ/∂b = ψ(b+x) − ψ(a+b+x) − ψ(b) + ψ(a+b) − s/(b+x−1).
    """
    from scipy.special import betaln, digamma, gammaln

    xu, inverse = np.unique(x, return_inverse=True)
    wx = np.bincount(inverse, weights=w)
    total = w.sum()
    repeat = x > 0
    rx = x[repeat]

    def log_likelihood(theta):
        r, alpha, a, b = theta
        per_x = (gammaln(r + xu) - gammaln(r) + r * np.log(alpha) + betaln(a, b + xu) - betaln(a, b))
        psi_abx = digamma(a + b + xu)
        d_r = _dot(wx, digamma(r + xu)) + total * (np.log(alpha) - digamma(r))
        d_a = total * digamma(a + b) - _dot(wx, psi_abx)
        d_b = _dot(wx, digamma(b + xu) - psi_abx) + total * (digamma(a + b) - digamma(b))

        log_T, log_tx = np.log(alpha + T), np.log(alpha + t_x)
        B = -(r + x) * log_T
        C = np.full_like(B, -np.inf)
        C[repeat] = np.log(a) - np.log(b + rx - 1) - (r + rx) * log_tx[repeat]
        mix = np.logaddexp(B, C)
        s = np.exp(C - mix)
        value = _dot(wx, per_x) + _dot(w, mix)
        ws = w * s
        d_r -= _dot(w, log_T) - _dot(ws, log_T - log_tx)
        d_alpha = total * r / alpha - _dot(w, (r + x) * ((1 - s) / (alpha + T) + s / (alpha + t_x)))
        d_a += ws.sum() / a
        d_b -= _dot(ws[repeat], 1 / (b + rx - 1))
        return value, np.array([d_r, d_alpha, d_a, d_b])

    return log_likelihood
