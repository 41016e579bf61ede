"""Customer migration between relationship states: transition matrices and the customer flow.

The states of :func:`helpers.lifecycle.relationship_states` are taken at two snapshot dates
t0 < t1; ``N_ij`` counts customers in state i at t0 and j at t1 and ``P_ij = N_ij / Σ_j N_ij``
(docs/methods.md §3.3). Customers unknown at t0 (first purchase between the dates, not in the CRM
table) start in ``prospect``.

    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b"], "amount": [1.0, 1.0, 1.0],
    ...                    "order_date": pd.to_datetime(["2024-01-05", "2024-03-01", "2024-03-02"])})
    >>> m = migration_matrix(tx, "2024-01-31", "2024-03-31")
    >>> int(m.counts.loc["new", "repeat"]), int(m.counts.loc["prospect", "new"])
    (1, 1)
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from helpers.errors import DataError, warn
from helpers.i18n import t
from helpers.lifecycle import STATES, relationship_states, state_labels
from helpers.validation import Options, validate_params

__all__ = ["COURSE_ARROWS", "TransitionMatrix", "CustomerFlow", "migration_matrix", "pooled_transition_matrix",
           "customer_flow"]

#: The arrows of the course's customer-flow diagram (客户流转模式图): 潜在 → 目标 → 初次 → 重复 →
#: 忠诚 (prospects may also buy without being targeted), any current customer → 流失预警 → 流失 →
#: 挽回, and prospects/targets dropping out.
COURSE_ARROWS = (
    ("non_customer", "prospect"), ("prospect", "target"), ("prospect", "non_customer"),
    ("target", "non_customer"), ("target", "new"), ("prospect", "new"), ("new", "repeat"), ("repeat", "loyal"),
    ("new", "at_risk"), ("repeat", "at_risk"), ("loyal", "at_risk"), ("at_risk", "lost"),
    ("lost", "reactivated"), ("reactivated", "repeat"),
)
ORIGIN = "prospect"


def _view(params: dict, table: pd.DataFrame, **kw):
    """Parameters, then the table with its state ids labelled (helpers.display)."""
    from helpers.display import result_view, show

    return result_view(None, (t("result_params"), params), (None, show(table, **kw)))


@dataclass
class TransitionMatrix:
    """``counts`` N_ij and row ``probabilities`` P_ij (rows = state at start, columns = at end;
    every state present, zeros explicit; rows without customers have missing probabilities).

    >>> import pandas as pd
    >>> from helpers.i18n import language
    >>> tx = pd.DataFrame({"customer_id": ["a", "a"], "amount": [1.0, 1.0],
    ...                    "order_date": pd.to_datetime(["2024-01-05", "2024-03-01"])})
    >>> m = migration_matrix(tx, "2024-01-31", "2024-03-31")
    >>> float(m.probabilities.loc["new", "repeat"])
    1.0
    >>> with language("en"):
    ...     m.labelled("probabilities").loc["First-time buyers", "Repeat buyers"].item()
    1.0
    """

    counts: pd.DataFrame
    probabilities: pd.DataFrame
    params: dict = field(default_factory=dict)

    @validate_params(kind=Options("counts", "probabilities"))
    def labelled(self, kind: str = "counts") -> pd.DataFrame:
        """``counts`` or ``probabilities`` with state labels in the active language."""
        frame = getattr(self, kind)
        return frame.set_axis(state_labels(list(frame.index)), axis=0).set_axis(
            state_labels(list(frame.columns)), axis=1)

    def _repr_html_(self) -> str:
        return _view(self.params, self.counts)._repr_html_()


def _states_at(tx, dates, crm, state_kwargs) -> list[pd.Series]:
    """The state of every customer at each date (index customer_id)."""
    return [relationship_states(tx, d, crm, **state_kwargs).table["state"] for d in dates]


def _counts(before: pd.Series, after: pd.Series) -> pd.DataFrame:
    origin = before.reindex(after.index).fillna(ORIGIN).rename("from")
    counts = pd.crosstab(origin, after.rename("to"))
    return counts.reindex(index=pd.Index(STATES, name="from"), columns=pd.Index(STATES, name="to"),
                          fill_value=0)


def _matrix(counts: pd.DataFrame, params: dict) -> TransitionMatrix:
    totals = counts.sum(axis=1).replace(0, np.nan)
    return TransitionMatrix(counts, counts.div(totals, axis=0), params)


def _snapshot_dates(dates) -> list[pd.Timestamp]:
    days = [pd.Timestamp(d).normalize() for d in dates]
    if len(days) < 2 or any(b <= a for a, b in zip(days, days[1:])):
        raise DataError("lc_err_dates_order", column="dates", fix_key="lc_fix_dates_order")
    return days


def migration_matrix(tx: pd.DataFrame, t0, t1, crm: pd.DataFrame | None = None,
                     **state_kwargs) -> TransitionMatrix:
    """Transition counts and probabilities between the states at ``t0`` and ``t1`` (docs/methods.md §3.3).

    ``t0`` < ``t1`` are the two analysis dates; ``crm`` and ``state_kwargs`` go to
    :func:`helpers.lifecycle.relationship_states` (preset, thresholds, ``*_col`` names).

    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a", "b"], "amount": [1.0, 1.0],
    ...                    "order_date": pd.to_datetime(["2024-01-05", "2024-01-10"])})
    >>> m = migration_matrix(tx, "2024-01-31", "2024-04-30", active_days=30)
    >>> int(m.counts.loc["new", "at_risk"]), m.params["t1"]
    (2, '2024-04-30')
    """
    days = _snapshot_dates([t0, t1])
    before, after = _states_at(tx, days, crm, state_kwargs)
    return _matrix(_counts(before, after), {"t0": days[0].date().isoformat(), "t1": days[1].date().isoformat()})


def pooled_transition_matrix(tx: pd.DataFrame, dates, crm: pd.DataFrame | None = None,
                             **state_kwargs) -> TransitionMatrix:
    """One matrix from all consecutive pairs of the increasing analysis ``dates`` (counts summed;
    docs/methods.md §3.3); ``crm`` and ``state_kwargs`` as in :func:`migration_matrix`.

    Pooling assumes equally long periods: intervals differing by more than 10 % give a warning
    (calendar quarters or months, a day or three apart, do not).

    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a", "a"], "amount": [1.0, 1.0],
    ...                    "order_date": pd.to_datetime(["2024-01-05", "2024-05-01"])})
    >>> m = pooled_transition_matrix(tx, ["2024-01-31", "2024-04-30", "2024-07-29"])
    >>> int(m.counts.to_numpy().sum()), int(m.counts.loc["new", "at_risk"])
    (2, 1)
    """
    days = _snapshot_dates(dates)
    lengths = sorted({(b - a).days for a, b in zip(days, days[1:])})
    if lengths[-1] > 1.1 * lengths[0]:
        warn("lc_warn_unequal_periods", lengths=", ".join(map(str, lengths)))
    states = _states_at(tx, days, crm, state_kwargs)
    counts = sum(_counts(a, b) for a, b in zip(states, states[1:]))
    return _matrix(counts, {"dates": [d.date().isoformat() for d in days], "pairs": len(days) - 1})


@dataclass
class CustomerFlow:
    """Data behind the 客户流转模式图: ``stocks`` (customers per state at start and end) and
    ``edges`` (source, target, customers, ``course``: whether the course diagram draws that arrow).
    Every course arrow is listed (zeros included), then any other observed move.

    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a"], "amount": [1.0], "order_date": pd.to_datetime(["2024-03-01"])})
    >>> flow = customer_flow(tx, "2024-01-31", "2024-03-31")
    >>> flow.stocks.loc["new"].tolist(), len(flow.edges) == len(COURSE_ARROWS)
    ([0, 1], True)
    """

    stocks: pd.DataFrame
    edges: pd.DataFrame
    params: dict = field(default_factory=dict)

    def _repr_html_(self) -> str:
        return _view(self.params, self.edges)._repr_html_()


def customer_flow(tx: pd.DataFrame, t0, t1, crm: pd.DataFrame | None = None, **state_kwargs) -> CustomerFlow:
    """How many customers moved along each arrow of the customer-flow model between ``t0`` and ``t1``.

    ``crm`` and ``state_kwargs`` as in :func:`migration_matrix`.

    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a", "a"], "amount": [1.0, 1.0],
    ...                    "order_date": pd.to_datetime(["2024-01-05", "2024-03-01"])})
    >>> f = customer_flow(tx, "2024-01-31", "2024-03-31")
    >>> f.edges.query("customers > 0")[["source", "target", "customers"]].values.tolist()
    [['new', 'repeat', 1]]
    """
    matrix = migration_matrix(tx, t0, t1, crm, **state_kwargs)
    counts = matrix.counts
    moves = counts.stack().rename("customers").reset_index().set_axis(["source", "target", "customers"], axis=1)
    moves = moves[moves["source"] != moves["target"]]
    course = pd.DataFrame(COURSE_ARROWS, columns=["source", "target"])
    course["course"] = True
    edges = course.merge(moves, how="outer", on=["source", "target"])
    edges = edges[edges["course"].fillna(False).astype(bool) | (edges["customers"] > 0)]
    order = {s: i for i, s in enumerate(STATES)}
    edges = edges.assign(course=edges["course"].fillna(False).astype(bool),
                         customers=edges["customers"].astype(int),
                         _a=edges["source"].map(order), _b=edges["target"].map(order))
    edges = edges.sort_values(["course", "_a", "_b"], ascending=[False, True, True])
    stocks = pd.DataFrame({"start": counts.sum(axis=1), "end": counts.sum(axis=0)})
    stocks.index.name = "state"
    return CustomerFlow(stocks, edges.drop(columns=["_a", "_b"]).reset_index(drop=True), matrix.params)
