"""Customer lifetime value from simple assumptions: margin multiples, retention economics, Markov chains.

Probability models fitted to transactions (BG/NBD, Gamma-Gamma) live in :mod:`helpers.btyd`.

    >>> from helpers.clv import simple_clv, markov_clv
    >>> round(simple_clv(100, retention=0.8, discount=0.10), 2)
    266.67
    >>> markov_clv([[.6, .3, .1], [.2, .5, .3], [0, 0, 1]], [100, 20, 0], discount=0.10).round(1).tolist()
    [302.5, 137.5, 0.0]

Rates are fractions per period: ``retention`` in [0, 1], ``discount`` in [0, 1). A rate outside
its range (80 for 80 %, a negative discount) is a :class:`~helpers.validation.ParameterError`
naming the parameter, for single numbers and for every entry of an array.

Sources: docs/methods.md §3.3 (Markov CLV), §3.5 (retention), §3.6 (simple CLV).
"""
from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np
import pandas as pd

from helpers.errors import DataError
from helpers.validation import Instance, Interval, check_param, validate_params

# RetentionEconomics is what retention_economics returns (read, never built by users): not listed.
__all__ = ["simple_clv", "margin_multiple", "expected_lifetime", "customer_retention_rate",
           "retention_economics", "markov_clv", "project_states"]

_ROW_SUM_TOLERANCE = 1e-6
_ARRAY = Instance(list, tuple, np.ndarray, pd.Series)   # the simple formulas are vectorised
_RETENTION = Interval(float, 0, 1)                      # a probability per period
_DISCOUNT = Interval(float, 0, 1, closed="left")        # a rate per period; 0 = no discounting
_RATES = {"retention": [_RETENTION, _ARRAY], "discount": [_DISCOUNT, _ARRAY]}
_HORIZON = [Interval(int, 0, None), None]               # whole periods; None = infinite


def _scalar_or_array(value):
    """Return a Python float for 0-d results so scalar inputs give scalar outputs."""
    value = np.asarray(value, dtype=float)
    return float(value) if value.ndim == 0 else value


def _each(name: str, value, spec) -> np.ndarray:
    """``value`` as a float array after checking every entry against ``spec`` (a ParameterError names ``name``)."""
    array = np.asarray(value, dtype=float)
    for entry in np.unique(array):
        check_param(name, float(entry), spec)
    return array


def _check_rates(retention, discount, infinite: bool):
    """Retention in [0, 1], discount in [0, 1); an infinite discounted sum also needs r < 1 + i."""
    r, i = _each("retention", retention, _RETENTION), _each("discount", discount, _DISCOUNT)
    if infinite and np.any(r >= 1 + i):
        # only r = 1 with i = 0 gets here: every customer stays forever and nothing is discounted
        check_param("retention", 1.0, Interval(float, 0, 1, closed="left"))
    return r, i


@validate_params(**_RATES)
def margin_multiple(retention, discount):
    """Margin multiple r / (1 + i − r): infinite-horizon CLV per unit of profit per period.

    Profits arrive at period end, the current period is excluded (Gupta & Lehmann 2003;
    Farris et al., *Marketing Metrics*; docs/methods.md §3.6).

    >>> round(margin_multiple(0.8, 0.10), 3)
    2.667
    """
    r, i = _check_rates(retention, discount, infinite=True)
    return _scalar_or_array(r / (1 + i - r))


@validate_params(**_RATES, horizon=_HORIZON, include_current=Instance(bool),
                 acquisition_cost=[Interval(float, 0, None), _ARRAY])
def simple_clv(profit_per_period, retention, discount, horizon=None, *, include_current=False,
               acquisition_cost=0.0):
    """CLV of a customer who leaves ``profit_per_period`` (money) each period and stays with ``retention``.

    Infinite horizon: m·r/(1+i−r); finite ``horizon`` H periods: Σ_{t=1..H} m·r^t/(1+i)^t, where
    m = ``profit_per_period``, r = ``retention``, i = ``discount``. With ``include_current`` the
    profit of the current period is added (m·(1+i)/(1+i−r) for an infinite horizon);
    ``acquisition_cost`` is subtracted ("CLV net"). Vectorised over arrays.
    Source: docs/methods.md §3.6 (Gupta & Lehmann 2003).

    >>> round(simple_clv(100, 0.8, 0.10, include_current=True), 2)
    366.67
    >>> round(simple_clv(100, 0.8, 0.10, horizon=1), 2)
    72.73
    >>> from helpers.i18n import language
    >>> with language("en"):
    ...     simple_clv(100, 0.8, discount=-0.5)
    Traceback (most recent call last):
    helpers.validation.ParameterError: Parameter discount must be ...; got -0.5.
    """
    r, i = _check_rates(retention, discount, infinite=horizon is None)
    m = np.asarray(profit_per_period, dtype=float)
    if horizon is None:
        future = m * r / (1 + i - r)
    else:
        ratio = r / (1 + i)
        terms = ratio[..., None] ** np.arange(1, int(horizon) + 1)
        future = m * terms.sum(axis=-1)
    current = m if include_current else 0.0
    return _scalar_or_array(future + current - np.asarray(acquisition_cost, dtype=float))


@validate_params(retention=_RATES["retention"])
def expected_lifetime(retention):
    """Expected number of periods a customer stays with constant retention r: 1/(1−r) (docs/methods.md §3.5).

    ``retention`` = 1 gives an infinite lifetime.

    >>> round(expected_lifetime(0.8), 6)
    5.0
    """
    r = _each("retention", retention, _RETENTION)
    with np.errstate(divide="ignore"):
        return _scalar_or_array(1 / (1 - r))


def customer_retention_rate(n_start, n_new, n_end):
    """Customer retention rate CRR = (E − N)/S for one period (docs/methods.md §3.5); churn = 1 − CRR.

    ``n_start`` S customers at the start, ``n_new`` N acquired during the period, ``n_end`` E at
    the end (numbers or arrays of them). Counts that cannot describe one period (S ≤ 0, N < 0,
    N > E) are a DataError.

    >>> customer_retention_rate(200, 40, 210)
    0.85
    """
    s, n, e = (np.asarray(v, dtype=float) for v in (n_start, n_new, n_end))
    if np.any(s <= 0) or np.any(n < 0) or np.any(n > e):
        raise DataError("err_clv_crr_counts", column="n_start", fix_key="fix_clv_crr_counts")
    return _scalar_or_array((e - n) / s)


@dataclass(frozen=True)
class RetentionEconomics:
    """Why keeping a customer pays: cost ratio, customer value, effect of better retention.

    Built by :func:`retention_economics`; ``table()`` lists the figures with labels.

    >>> econ = retention_economics(250, 50, 150, retention=0.8, discount=0.10)
    >>> econ.table()["metric"].tolist()[:2], round(econ.clv_retained, 2)
    (['cost_ratio', 'clv_retained'], 366.67)
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

    def _view(self):
        from helpers.display import show

        return show(self.table())            # each value formatted by its metric (money, %, periods)

    def __repr__(self) -> str:
        return repr(self._view())

    def _repr_html_(self) -> str:
        return self._view()._repr_html_()


@validate_params(acquisition_cost=Interval(float, 0, None), retention_cost=Interval(float, 0, None, closed="right"),
                 retention=_RETENTION, discount=_DISCOUNT, retention_gain=Interval(float, 0, 1))
def retention_economics(acquisition_cost, retention_cost, profit_per_period, retention, discount, *,
                        retention_gain=0.05) -> RetentionEconomics:
    """The arithmetic behind "winning a new customer costs about five times keeping one".

    Per customer and period the firm earns ``profit_per_period`` (money) and spends
    ``retention_cost`` (> 0) to keep the customer; winning a new customer costs
    ``acquisition_cost`` once. With net profit m = profit_per_period − retention_cost (current
    period included, docs/methods.md §3.6):

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
    check_param("retention_gain", retention_gain, Interval(float, 0, round(1 - retention, 12)))
    improved = retention + retention_gain
    net = profit_per_period - retention_cost
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
        params=dict(acquisition_cost=acquisition_cost, retention_cost=retention_cost,
                    profit_per_period=profit_per_period,
                    retention=retention, discount=discount, retention_gain=retention_gain),
    )


def _transition_matrix(transitions, states=None) -> pd.DataFrame:
    """Validate a transition matrix (square, entries ≥ 0, rows sum to 1) and label its states."""
    if isinstance(transitions, pd.DataFrame):
        states = list(transitions.index) if states is None else list(states)
        transitions = transitions.to_numpy(dtype=float)
    P = np.asarray(transitions, dtype=float)
    if P.ndim != 2 or P.shape[0] != P.shape[1]:
        raise DataError("err_clv_matrix_square", column="transitions", shape=str(P.shape),
                        fix_key="fix_clv_matrix_square")
    bad = np.flatnonzero((np.abs(P.sum(axis=1) - 1) > _ROW_SUM_TOLERANCE) | (P < 0).any(axis=1) | np.isnan(P).any(axis=1))
    if bad.size:
        raise DataError("err_clv_matrix_rows", column="transitions", rows=bad + 1, fix_key="fix_clv_matrix_rows")
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


@validate_params(discount=_DISCOUNT, horizon=_HORIZON)
def markov_clv(transitions, rewards, discount, horizon=None, states=None) -> pd.Series:
    """Expected discounted value of a customer starting in each state (Pfeifer & Carraway 2000).

    ``transitions`` is the per-period transition matrix P (array or DataFrame with state ids as
    index and columns; ``states`` names the rows of an array), ``rewards`` R the profit per
    period in each state (margin − cost), ``discount`` d per period. The reward of the current
    period counts undiscounted: V = Σ_{t≥0} (P/(1+d))^t R = (I − P/(1+d))⁻¹ R; with ``horizon`` H
    the sum stops after H periods (t = 0 … H−1). The infinite sum needs d > 0.
    Source: docs/methods.md §3.3, §8.4.

    >>> markov_clv([[.6, .3, .1], [.2, .5, .3], [0, 0, 1]], [100, 20, 0], 0.10, horizon=1).tolist()
    [100.0, 20.0, 0.0]
    """
    if horizon is None:   # P is stochastic, so I − P is singular: only discounting makes the sum finite
        check_param("discount", discount, Interval(float, 0, 1, closed="neither"))
    P = _transition_matrix(transitions, states)
    reward = _state_vector(rewards, list(P.index), "rewards")
    step = P.to_numpy() / (1 + discount)
    if horizon is None:
        value = np.linalg.solve(np.eye(len(P)) - step, reward)
    else:
        value, term = np.zeros(len(P)), reward
        for _ in range(int(horizon)):
            value, term = value + term, step @ term
    return pd.Series(value, index=P.index, name="clv")


@validate_params(horizon=Interval(int, 0, None))
def project_states(initial, transitions, horizon, acquisitions=None, states=None) -> pd.DataFrame:
    """Customers per state over ``horizon`` periods: s_{t+1} = s_t·P + a_t (docs/methods.md §3.3).

    ``initial`` holds the customers per state now (a Series indexed by state names them);
    ``transitions`` is the matrix P as in :func:`markov_clv`; ``acquisitions`` the new customers
    entering each period (one vector for every period, or one row per period). Row ``period`` 0
    is ``initial``.

    >>> project_states([100, 0], [[.5, .5], [0, 1]], horizon=2).iloc[-1].tolist()
    [25.0, 75.0]
    """
    if states is None and isinstance(initial, pd.Series) and not isinstance(transitions, pd.DataFrame):
        states = initial.index
    P = _transition_matrix(transitions, states)
    names = list(P.index)
    current = _state_vector(initial, names, "initial")
    new = np.zeros((horizon, len(names)))
    if acquisitions is not None:
        new = np.broadcast_to(_state_vector(acquisitions, names, "acquisitions"), new.shape)
    rows = [current]
    for t in range(horizon):
        current = current @ P.to_numpy() + new[t]
        rows.append(current)
    out = pd.DataFrame(rows, columns=names)
    out.index.name = "period"
    return out
