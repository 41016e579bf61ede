"""Customer lifetime value from simple assumptions: margin multiples, retention economics, Markov chains.

Probability models fitted to transactions (BG/NBD, Gamma-Gamma) live in :mod:`helpers.btyd`.

    >>> from helpers.clv import simple_clv, markov_clv
    >>> round(simple_clv(100, retention=0.8, discount=0.10), 2)
    266.67
    >>> markov_clv([[.6, .3, .1], [.2, .5, .3], [0, 0, 1]], [100, 20, 0], discount=0.10).round(1).tolist()
    [302.5, 137.5, 0.0]

Sources: docs/methods.md §3.3 (Markov CLV), §3.5 (retention), §3.6 (simple CLV).
"""
from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np
import pandas as pd

from helpers.errors import DataError

ROW_SUM_TOLERANCE = 1e-6


def _scalar_or_array(value):
    """Return a Python float for 0-d results so scalar inputs give scalar outputs."""
    value = np.asarray(value, dtype=float)
    return float(value) if value.ndim == 0 else value


def _check_rates(retention, discount, infinite: bool):
    """Retention in [0, 1], discount > −1; an infinite discounted sum also needs r < 1 + i."""
    r, i = np.asarray(retention, dtype=float), np.asarray(discount, dtype=float)
    if np.any((r < 0) | (r > 1)):
        raise DataError("err_clv_retention_range", column="retention", fix_key="fix_clv_retention_range")
    if np.any(i <= -1) or (infinite and np.any(r >= 1 + i)):
        raise DataError("err_clv_discount_range", column="discount", fix_key="fix_clv_discount_range")
    return r, i


def margin_multiple(retention, discount):
    """Margin multiple r / (1 + i − r): infinite-horizon CLV per unit of margin per period.

    Margins arrive at period end, the current period is excluded (Gupta & Lehmann 2003;
    Farris et al., *Marketing Metrics*; docs/methods.md §3.6).

    >>> round(margin_multiple(0.8, 0.10), 3)
    2.667
    """
    r, i = _check_rates(retention, discount, infinite=True)
    return _scalar_or_array(r / (1 + i - r))


def simple_clv(margin, retention, discount, horizon=None, include_current=False, acquisition_cost=0.0):
    """CLV of a customer with constant margin ``margin`` per period and retention ``retention``.

    Infinite horizon: m·r/(1+i−r); finite horizon H: Σ_{t=1..H} m·r^t/(1+i)^t. With
    ``include_current`` the margin of the current period is added (m·(1+i)/(1+i−r) for an
    infinite horizon); ``acquisition_cost`` is subtracted ("CLV net"). Vectorised over arrays.
    Source: docs/methods.md §3.6 (Gupta & Lehmann 2003).

    >>> round(simple_clv(100, 0.8, 0.10, include_current=True), 2)
    366.67
    >>> round(simple_clv(100, 0.8, 0.10, horizon=1), 2)
    72.73
    """
    r, i = _check_rates(retention, discount, infinite=horizon is None)
    m = np.asarray(margin, dtype=float)
    if horizon is None:
        future = m * r / (1 + i - r)
    else:
        if horizon < 0:
            raise DataError("err_clv_horizon", column="horizon", fix_key="fix_clv_horizon")
        ratio = r / (1 + i)
        terms = ratio[..., None] ** np.arange(1, int(horizon) + 1)
        future = m * terms.sum(axis=-1)
    current = m if include_current else 0.0
    return _scalar_or_array(future + current - np.asarray(acquisition_cost, dtype=float))


def expected_lifetime(retention):
    """Expected number of periods a customer stays with constant retention r: 1/(1−r) (docs/methods.md §3.5).

    >>> round(expected_lifetime(0.8), 6)
    5.0
    """
    r, _ = _check_rates(retention, 0.0, infinite=False)
    with np.errstate(divide="ignore"):
        return _scalar_or_array(1 / (1 - r))


def customer_retention_rate(start, new, end):
    """Customer retention rate CRR = (E − N)/S for one period (docs/methods.md §3.5); churn = 1 − CRR.

    ``start`` S customers at the start, ``new`` N acquired during the period, ``end`` E at the end.

    >>> customer_retention_rate(200, 40, 210)
    0.85
    """
    s, n, e = (np.asarray(v, dtype=float) for v in (start, new, end))
    if np.any(s <= 0) or np.any(n < 0) or np.any(n > e):
        raise DataError("err_clv_crr_counts", column="start", fix_key="fix_clv_crr_counts")
    return _scalar_or_array((e - n) / s)


@dataclass(frozen=True)
class RetentionEconomics:
    """Why keeping a customer pays: cost ratio, customer value, effect of better retention.

    Built by :func:`retention_economics`; ``table()`` lists the figures with labels.
    """

    cost_ratio: float
    clv_retained: float
    clv_acquired: float
    clv_improved: float
    value_increase: float
    lifetime: float
    lifetime_improved: float
    params: dict

    def table(self) -> pd.DataFrame:
        """The figures as rows ``metric`` (id), ``label`` (active language) and ``value``."""
        from helpers.i18n import label

        ids = [f.name for f in fields(self) if f.name != "params"]
        out = pd.DataFrame({"metric": ids, "value": [getattr(self, i) for i in ids]})
        out.insert(1, "label", label(out["metric"].map(lambda i: f"clv_econ_{i}")))
        return out

    def _repr_html_(self) -> str:
        return self.table().to_html(index=False, float_format=lambda v: f"{v:,.2f}")


def retention_economics(acquisition_cost, retention_cost, margin, retention, discount,
                        retention_gain=0.05) -> RetentionEconomics:
    """The arithmetic behind "winning a new customer costs about five times keeping one".

    Per customer and period the firm earns ``margin`` and spends ``retention_cost`` to keep the
    customer; winning a new customer costs ``acquisition_cost`` once. With net margin
    m = margin − retention_cost (current period included, docs/methods.md §3.6):

    * ``cost_ratio`` = acquisition_cost / retention_cost;
    * ``clv_retained`` = m·(1+i)/(1+i−r): value of a customer the firm already has;
    * ``clv_acquired`` = clv_retained − acquisition_cost: value of winning a new one;
    * ``clv_improved``, ``value_increase``: the same customer when retention rises by
      ``retention_gain`` (5 points, the rule of thumb of Reichheld & Sasser 1990, HBR 68(5));
    * ``lifetime`` / ``lifetime_improved`` = 1/(1−r) periods.

    >>> econ = retention_economics(250, 50, 150, retention=0.8, discount=0.10)
    >>> econ.cost_ratio, round(econ.clv_acquired, 2), round(econ.value_increase, 2)
    (5.0, 116.67, 0.2)
    """
    if retention_cost <= 0:
        raise DataError("err_clv_retention_cost", column="retention_cost", fix_key="fix_clv_retention_cost")
    improved = retention + retention_gain
    net = margin - retention_cost
    kept = simple_clv(net, retention, discount, include_current=True)
    better = simple_clv(net, improved, discount, include_current=True)
    return RetentionEconomics(
        cost_ratio=acquisition_cost / retention_cost,
        clv_retained=kept,
        clv_acquired=kept - acquisition_cost,
        clv_improved=better,
        value_increase=better / kept - 1 if kept else float("nan"),
        lifetime=expected_lifetime(retention),
        lifetime_improved=expected_lifetime(improved),
        params=dict(acquisition_cost=acquisition_cost, retention_cost=retention_cost, margin=margin,
                    retention=retention, discount=discount, retention_gain=retention_gain),
    )


def _transition_matrix(P, states=None) -> pd.DataFrame:
    """Validate a transition matrix (square, entries ≥ 0, rows sum to 1) and label its states."""
    if isinstance(P, pd.DataFrame):
        states = list(P.index) if states is None else list(states)
        P = P.to_numpy(dtype=float)
    P = np.asarray(P, dtype=float)
    if P.ndim != 2 or P.shape[0] != P.shape[1]:
        raise DataError("err_clv_matrix_square", column="P", shape=str(P.shape), fix_key="fix_clv_matrix_square")
    bad = np.flatnonzero((np.abs(P.sum(axis=1) - 1) > ROW_SUM_TOLERANCE) | (P < 0).any(axis=1) | np.isnan(P).any(axis=1))
    if bad.size:
        raise DataError("err_clv_matrix_rows", column="P", rows=bad + 1, fix_key="fix_clv_matrix_rows")
    states = list(range(len(P))) if states is None else list(states)
    if len(states) != len(P):
        raise DataError("err_clv_states_length", column="states", fix_key="fix_clv_states_length")
    return pd.DataFrame(P, index=states, columns=states)


def _state_vector(values, states, column) -> np.ndarray:
    if isinstance(values, pd.Series):
        values = values.reindex(states)
    values = np.asarray(values, dtype=float)
    if values.shape[-1] != len(states) or np.isnan(values).any():
        raise DataError("err_clv_vector_length", column=column, n=len(states), fix_key="fix_clv_vector_length")
    return values


def markov_clv(P, R, discount, horizon=None, states=None) -> pd.Series:
    """Expected discounted value of a customer starting in each state (Pfeifer & Carraway 2000).

    ``P`` is the per-period transition matrix (array or DataFrame with state ids), ``R`` the reward
    per period in each state (margin − cost), ``discount`` d per period. The reward of the current
    period counts undiscounted: V = Σ_{t≥0} (P/(1+d))^t R = (I − P/(1+d))⁻¹ R; with ``horizon`` H
    the sum stops after H periods (t = 0 … H−1). Source: docs/methods.md §3.3, §8.4.

    >>> markov_clv([[.6, .3, .1], [.2, .5, .3], [0, 0, 1]], [100, 20, 0], 0.10, horizon=1).tolist()
    [100.0, 20.0, 0.0]
    """
    P = _transition_matrix(P, states)
    reward = _state_vector(R, list(P.index), "R")
    step = P.to_numpy() / (1 + discount)
    if horizon is None:
        value = np.linalg.solve(np.eye(len(P)) - step, reward)
    else:
        value, term = np.zeros(len(P)), reward
        for _ in range(int(horizon)):
            value, term = value + term, step @ term
    return pd.Series(value, index=P.index, name="clv")


def project_states(s0, P, periods, acquisitions=None, states=None) -> pd.DataFrame:
    """Customers per state over ``periods`` periods: s_{t+1} = s_t·P + a_t (docs/methods.md §3.3).

    ``s0`` holds the customers per state now; ``acquisitions`` the new customers entering each
    period (one vector for every period, or one row per period). Row ``period`` 0 is ``s0``.

    >>> project_states([100, 0], [[.5, .5], [0, 1]], periods=2).iloc[-1].tolist()
    [25.0, 75.0]
    """
    if states is None and isinstance(s0, pd.Series) and not isinstance(P, pd.DataFrame):
        states = s0.index
    P = _transition_matrix(P, states)
    names = list(P.index)
    current = _state_vector(s0, names, "s0")
    new = np.zeros((periods, len(names)))
    if acquisitions is not None:
        new = np.broadcast_to(_state_vector(acquisitions, names, "acquisitions"), new.shape)
    rows = [current]
    for t in range(periods):
        current = current @ P.to_numpy() + new[t]
        rows.append(current)
    out = pd.DataFrame(rows, columns=names)
    out.index.name = "period"
    return out
