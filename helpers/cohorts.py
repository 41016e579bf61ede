"""Period growth accounting (new / retained / resurrected / churned) and cohort retention.

A customer is *active* in a period when they made at least one purchase in it (orders as in
:func:`helpers.lifecycle.orders_frame`: returns are not purchases). A customer whose only orders
are returns belongs to no cohort: a DataWarning names them, and ``returns_only`` lists them (in
the ``attrs`` of :func:`activity` and :func:`growth_accounting`, the ``params`` of a
:class:`CohortRetention`). Periods are calendar periods
(``period="Q"`` quarters, ``"M"`` months, ``"W"`` weeks ending on Sunday, ``"D"`` days, ``"Y"``
years) from the first purchase's period to the period of ``as_of`` (default: the period of the
last purchase), with explicit zeros. The transactions may live on any engine (pandas, Polars,
DuckDB, Spark): the distinct (customer, period) pairs are found there.

    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b"], "amount": [1.0, 2.0, 3.0],
    ...                    "order_date": pd.to_datetime(["2024-01-05", "2024-04-01", "2024-05-01"])})
    >>> growth_accounting(tx)[["active", "new", "retained"]].to_dict("list")
    {'active': [1, 2], 'new': [1, 1], 'retained': [0, 1]}
"""
from __future__ import annotations

from dataclasses import dataclass, field

import narwhals as nw
import numpy as np
import pandas as pd

from helpers.data.engines import collect, latest_date, resolve_as_of, to_customer_index
from helpers.errors import format_rows, warn
from helpers.i18n import t
from helpers.lifecycle import PERIODS, as_periods, orders_frame, transactions_frame
from helpers.validation import Options, validate_params

__all__ = ["activity", "growth_accounting", "cohort_retention", "CohortRetention"]


@validate_params(period=Options(*PERIODS))
def activity(tx, as_of=None, *, period: str = "Q", customer_col: str = "customer_id",
             date_col: str = "order_date", amount_col: str = "amount", order_col: str = "order_id") -> pd.DataFrame:
    """Customer × period table of booleans: did the customer buy in that period?

    Indexed by ``customer_id``; columns run over every period from the first purchase to the end
    period (see module docs). ``tx`` may live on any engine: the distinct (customer, period)
    pairs are found there.

    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a", "b"], "amount": [1.0, 2.0],
    ...                    "order_date": pd.to_datetime(["2024-01-05", "2024-04-01"])})
    >>> activity(tx, period="Q").astype(int).values.tolist()
    [[1, 0], [0, 1]]
    """
    frame = transactions_frame(tx, customer_col, date_col, amount_col, order_col)
    day = resolve_as_of(as_of, None if as_of is not None else latest_date(frame, date_col))
    orders = orders_frame(frame, day, customer_col=customer_col, date_col=date_col, amount_col=amount_col,
                          order_col=order_col, period=period)
    # one query: the distinct (customer, period, is it a purchase) triples; returns are not purchases
    kinds = orders.select("customer_id", "period", (nw.col("amount") >= 0).alias("purchase")).unique()
    every = to_customer_index(collect(kinds), "customer_id")
    pairs = every[every["purchase"].to_numpy(dtype=bool)]
    returns_only = sorted(set(every.index).difference(pairs.index))
    if returns_only:
        warn("cohort_warn_returns_only", n=len(returns_only), ids=format_rows(returns_only, len(returns_only)))
    bought = as_periods(pairs["period"], period)
    end = None if as_of is None else pd.Timestamp(as_of).to_period(period)
    periods = pd.period_range(bought.min(), bought.max() if end is None else end, freq=period, name="period")
    customers, ids = pd.factorize(pairs.index, sort=True)
    values = np.zeros((len(ids), len(periods)), dtype=bool)
    values[customers, bought.asi8 - periods.asi8[0]] = True
    active = pd.DataFrame(values, index=pd.Index(ids, name="customer_id"), columns=periods)
    active.attrs.update(as_of=day.date().isoformat(), returns_only=returns_only)
    return active


def growth_accounting(tx, as_of=None, *, period: str = "Q", customer_col: str = "customer_id",
                      date_col: str = "order_date", amount_col: str = "amount",
                      order_col: str = "order_id") -> pd.DataFrame:
    """Growth accounting per period (docs/methods.md §3.4; J. Hsu, Social Capital).

    With A_p the customers active in period p: new = A_p ∩ {first purchase in p}; retained =
    A_p ∩ A_{p−1}; resurrected (回流) = A_p − A_{p−1} − new; churned = A_{p−1} − A_p; so
    ``|A_p| = |A_{p−1}| + new + resurrected − churned``. Quick ratio = (new + resurrected) / churned
    (inf when nobody churned, NaN when nothing happened). Indexed by period; ``attrs`` hold
    ``period`` and ``as_of``. The ``*_col`` keywords name the columns of ``tx``.

    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a", "b"], "amount": [1.0, 1.0],
    ...                    "order_date": pd.to_datetime(["2024-01-05", "2024-04-01"])})
    >>> growth_accounting(tx).loc["2024Q2", ["new", "churned", "quick_ratio"]].tolist()
    [1.0, 1.0, 1.0]
    """
    active = activity(tx, as_of, period=period, customer_col=customer_col, date_col=date_col,
                      amount_col=amount_col, order_col=order_col)
    before = active.shift(1, axis=1, fill_value=False)
    first = active.idxmax(axis=1)               # first active period of each customer
    new = pd.DataFrame({p: first == p for p in active.columns}, index=active.index)
    out = pd.DataFrame({
        "active": active.sum(),
        "new": new.sum(),
        "retained": (active & before).sum(),
        "resurrected": (active & ~before & ~new).sum(),
        "churned": (before & ~active).sum(),
    }).astype(int)
    with np.errstate(divide="ignore", invalid="ignore"):
        out["quick_ratio"] = (out["new"] + out["resurrected"]) / out["churned"].astype(float)
    out.index.name = "period"
    out.attrs.update(period=period, as_of=active.attrs["as_of"], returns_only=active.attrs["returns_only"])
    return out


@dataclass
class CohortRetention:
    """Cohort × k tables: ``counts`` (customers of cohort c active k periods later, or at k or
    later when ``unbounded``), ``rates`` (counts / cohort size) and the cohort ``sizes``.
    Cells not yet observed are missing; observed ones are explicit zeros.

    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b"], "amount": [1.0, 1.0, 1.0],
    ...                    "order_date": pd.to_datetime(["2024-01-05", "2024-04-01", "2024-04-02"])})
    >>> result = cohort_retention(tx)
    >>> result.sizes.tolist(), result.counts.loc["2024Q1"].tolist()
    ([1, 1], [1, 1])
    """

    counts: pd.DataFrame
    rates: pd.DataFrame
    sizes: pd.Series
    params: dict = field(default_factory=dict)

    def _repr_html_(self) -> str:
        from helpers.display import result_view, show

        rates = show(self.rates.rename_axis(index="cohort", columns="k"), share_cols=self.rates.columns)
        return result_view(None, (t("result_params"), self.params), (None, rates))._repr_html_()


@validate_params(unbounded=Options(True, False))
def cohort_retention(tx, as_of=None, *, period: str = "Q", unbounded: bool = False,
                     customer_col: str = "customer_id", date_col: str = "order_date", amount_col: str = "amount",
                     order_col: str = "order_id") -> CohortRetention:
    """Retention by first-purchase cohort (docs/methods.md §3.5).

    ``retention(c, k) = |A_{c+k} ∩ cohort_c| / |cohort_c|`` (k = 0 → 1); ``unbounded=True`` counts
    customers active at k *or later*. Every k from 0 to the oldest cohort's age is a column;
    cohorts without any new customer are left out. The ``*_col`` keywords name the columns of ``tx``.

    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b"], "amount": [1.0, 1.0, 1.0],
    ...                    "order_date": pd.to_datetime(["2024-01-05", "2024-07-01", "2024-02-01"])})
    >>> cohort_retention(tx).rates.loc["2024Q1"].tolist()
    [1.0, 0.0, 0.5]
    """
    active = activity(tx, as_of, period=period, customer_col=customer_col, date_col=date_col,
                      amount_col=amount_col, order_col=order_col)
    ordinals = active.columns.asi8
    values = active.to_numpy()
    first = values.argmax(axis=1)                # index of each customer's cohort period
    n_periods = len(ordinals)
    # shifted[i, k]: customer i active k periods after their cohort (False beyond the data)
    idx = first[:, None] + np.arange(n_periods)
    rows = np.arange(len(values))[:, None]
    shifted = values[rows, np.minimum(idx, n_periods - 1)] & (idx < n_periods)
    if unbounded:                                # active at k or later
        shifted = np.flip(np.logical_or.accumulate(np.flip(shifted, axis=1), axis=1), axis=1)
    cohort = pd.Series(active.columns[first], index=active.index)
    counts = pd.DataFrame(shifted, index=cohort.to_numpy()).groupby(level=0).sum()
    counts.index = pd.PeriodIndex(counts.index, freq=active.columns.freq, name="cohort")
    counts.columns.name = "k"
    observed = np.subtract.outer(ordinals[-1] - counts.index.asi8, counts.columns.to_numpy()) >= 0
    counts = counts.astype("Int64").where(observed)
    sizes = counts[0].astype(int).rename("customers")
    rates = counts.astype(float).div(sizes, axis=0)
    params = {"period": period, "unbounded": unbounded, "as_of": active.attrs["as_of"],
              "through": str(active.columns[-1]), "returns_only": active.attrs["returns_only"]}
    return CohortRetention(counts, rates, sizes, params)
