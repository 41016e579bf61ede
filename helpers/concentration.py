"""How concentrated customer value is: Lorenz curve, Gini, whale curve, Sherden's 80/20/30.

Sources: docs/methods.md §2.6 (Lorenz, Gini) and §2.7 (whale curve — Kaplan & Cooper 1998; Sherden 1994,
*Market Ownership*, as quoted by Kotler & Keller; cross-subsidy ratio after Storbacka / van Raaij).

    >>> from helpers.concentration import gini, cross_subsidy
    >>> round(gini([1, 2, 3, 4, 5]), 5)
    0.26667
    >>> round(cross_subsidy([500, 300, 200, 100, 50, -20, -50, -80, -100, -150]), 3)
    0.348

Naming: every ``*_share`` is a fraction 0–1. ``*_profit_share`` and ``loss_share`` are fractions of
total profit (1.533 means 153.3 % of it), ``customer_share`` and ``unprofitable_share`` fractions of
the customers (0.5 means half of them); charts and chapters show them as %.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from helpers.errors import DataError
from helpers.validation import Instance, Interval, validate_params

__all__ = ["lorenz_curve", "gini", "whale_curve", "WhaleCurve", "sherden_check", "SherdenCheck", "cross_subsidy"]

# Float sums such as 0.5 + 0.3 must still count as reaching a cut-off of 0.8.
TOLERANCE = 1e-9


def as_value_series(values, value_col: str | None = None, customer_col: str = "customer_id") -> pd.Series:
    """One number per customer as a float Series indexed by customer id (for :mod:`helpers.tiers`).

    ``values`` is a Series (index = ids), a dict, a list (ids 1..n) or a DataFrame with the
    ``value_col`` and a ``customer_col`` (or the index as ids). Missing values and repeated ids
    (e.g. transactions instead of one row per customer) are a DataError.

    >>> as_value_series({"a": 3, "b": 1}).tolist()
    [3.0, 1.0]
    """
    if isinstance(values, pd.DataFrame):
        if value_col is None or value_col not in values.columns:
            raise DataError("err_conc_missing_column", column=value_col, fix_key="fix_conc_name_column",
                            columns=", ".join(map(str, values.columns)))
        ids = values[customer_col] if customer_col in values.columns else values.index
        series = pd.Series(values[value_col].to_numpy(), index=pd.Index(ids, name=customer_col), name=value_col)
    elif isinstance(values, pd.Series):
        series = values.copy()
    elif isinstance(values, dict):
        series = pd.Series(values)
    else:
        values = list(values)
        series = pd.Series(values, index=pd.RangeIndex(1, len(values) + 1))
    series = pd.to_numeric(series, errors="coerce").astype(float)
    name = value_col or series.name or "value"
    if series.empty:
        raise DataError("err_conc_empty", column=str(name), fix_key="fix_conc_empty")
    missing = np.flatnonzero(series.isna().to_numpy())
    if missing.size:
        raise DataError("err_conc_missing_values", column=str(name), rows=missing + 1,
                        fix_key="fix_conc_fill_or_drop")
    duplicated = np.flatnonzero(series.index.duplicated(keep="first"))
    if duplicated.size:
        raise DataError("err_conc_duplicate_ids", column=customer_col, rows=duplicated + 1,
                        fix_key="fix_conc_one_row_per_customer")
    if series.index.name is None:
        series.index.name = customer_col
    series.attrs = {"currency": values.attrs["currency"]} if "currency" in getattr(values, "attrs", {}) else {}
    return series.rename(name)


def rank_descending(values: pd.Series) -> pd.Series:
    """Values sorted from largest to smallest; equal values in id order (so row order never matters).

    >>> rank_descending(pd.Series({"b": 5.0, "a": 5.0, "c": 9.0})).index.tolist()
    ['c', 'a', 'b']
    """
    frame = pd.DataFrame({"value": values.to_numpy(), "id": values.index})
    frame = frame.sort_values(["value", "id"], ascending=[False, True], kind="mergesort")
    return pd.Series(frame["value"].to_numpy(), index=pd.Index(frame["id"], name=values.index.name),
                     name=values.name)


def _top_count(n: int, share: float) -> int:
    """How many of ``n`` ranked customers make up the top ``share`` (rounded up, so 20 % of 7 is 2).

    >>> _top_count(7, 0.2)
    2
    """
    return min(n, math.ceil(n * share - TOLERANCE))


def _non_negative(values: pd.Series) -> pd.Series:
    negative = np.flatnonzero((values < 0).to_numpy())
    if negative.size:
        raise DataError("err_conc_negative", column=str(values.name), rows=negative + 1,
                        fix_key="fix_conc_use_whale")
    if values.sum() <= 0:
        raise DataError("err_conc_total_not_positive", column=str(values.name), fix_key="fix_conc_positive_total")
    return values


def lorenz_curve(values, *, value_col: str | None = None) -> pd.DataFrame:
    """Lorenz points ``(i/n, Σ_{j≤i} x_(j) / Σ x)`` of values sorted ascending, from (0, 0) (docs/methods.md §2.6).

    ``values``: one non-negative number per customer (a Series, dict, list, or a frame with ``value_col``).

    >>> lorenz_curve([0, 0, 0, 0, 10])["value_share"].tolist()
    [0.0, 0.0, 0.0, 0.0, 0.0, 1.0]
    """
    x = np.sort(_non_negative(as_value_series(values, value_col)).to_numpy())
    n = len(x)
    return pd.DataFrame({"customer_share": np.arange(n + 1) / n,
                         "value_share": np.concatenate([[0.0], np.cumsum(x) / x.sum()])})


@validate_params(small_sample=Instance(bool))
def gini(values, *, small_sample: bool = False, value_col: str | None = None) -> float:
    """Gini coefficient ``G = 2 Σ i·x_(i) / (n Σ x) − (n+1)/n``; ``small_sample`` multiplies by n/(n−1) (§2.6).

    >>> gini([0, 0, 0, 0, 10])
    0.8
    >>> gini([0, 0, 0, 0, 10], small_sample=True)
    1.0
    """
    x = np.sort(_non_negative(as_value_series(values, value_col)).to_numpy())
    n = len(x)
    g = 2 * np.sum(np.arange(1, n + 1) * x) / (n * x.sum()) - (n + 1) / n
    if small_sample:
        g *= n / (n - 1) if n > 1 else float("nan")
    return round(float(g), 12)        # drop float noise so worked examples print as 0.8, not 0.8000000000000003


@dataclass
class WhaleCurve:
    """Cumulative profit (a share of total profit) against the share of customers ranked from most profitable.

    ``curve`` starts at (0, 0) (columns ``customer_share`` and ``profit_share``, both 0–1);
    ``peak_profit_share`` is the highest point (1.533 = 153.3 % of total profit), reached after
    ``peak_customer_share`` of the customers; ``loss_share`` is what the unprofitable customers
    lose, as a share of total profit; ``unprofitable_share`` is the share of customers who lose money.

    >>> whale_curve([10, 5, -3]).metrics()["loss_share"]
    0.25
    """

    curve: pd.DataFrame
    total: float
    peak_profit_share: float
    peak_customer_share: float
    loss_share: float
    unprofitable_share: float

    def metrics(self) -> dict:
        """The headline numbers as a dict (for printing or a report).

        >>> sorted(whale_curve([10, 5, -3]).metrics())[:2]
        ['loss_share', 'peak_customer_share']
        """
        return {"total": self.total, "peak_profit_share": self.peak_profit_share,
                "peak_customer_share": self.peak_customer_share, "loss_share": self.loss_share,
                "unprofitable_share": self.unprofitable_share}


def _profit_ranked(profit, value_col: str | None) -> pd.Series:
    ranked = rank_descending(as_value_series(profit, value_col))
    if ranked.sum() <= 0:
        raise DataError("err_conc_total_not_positive", column=str(ranked.name), fix_key="fix_conc_positive_total")
    return ranked


def whale_curve(profit, *, value_col: str | None = None) -> WhaleCurve:
    """The whale curve of customer profitability (Kaplan & Cooper 1998; docs/methods.md §2.7).

    ``profit``: one profit number per customer (a Series, dict, list, or a frame with ``value_col``);
    losses are allowed, but the total must be positive.

    >>> w = whale_curve([500, 300, 200, 100, 50, -20, -50, -80, -100, -150])
    >>> round(w.peak_profit_share, 3), w.peak_customer_share, round(w.loss_share, 3)
    (1.533, 0.5, 0.533)
    """
    ranked = _profit_ranked(profit, value_col)
    total, n = float(ranked.sum()), len(ranked)
    cumulative = np.concatenate([[0.0], np.cumsum(ranked.to_numpy())]) / total
    ids = np.concatenate([[None], ranked.index.to_numpy(dtype=object)])      # None: the origin point
    curve = pd.DataFrame({ranked.index.name: ids, "customer_share": np.arange(n + 1) / n,
                          "profit_share": cumulative})
    peak = int(np.argmax(cumulative))
    negatives = ranked[ranked < 0]
    return WhaleCurve(curve=curve, total=total, peak_profit_share=float(cumulative[peak]),
                      peak_customer_share=peak / n, loss_share=float(-negatives.sum() / total),
                      unprofitable_share=len(negatives) / n)


@dataclass
class SherdenCheck:
    """Sherden's 80/20/30 rule: the top 20 % earn ~80 % of profit, about half of it lost on the bottom 30 %.

    ``top_profit_share`` is the top ``top_share`` customers' profit and ``bottom_loss_share`` the
    bottom ``bottom_share`` customers' loss, both as shares of total profit; the ``rule_*`` fields
    are what the rule says (0.8 and 0.4).

    >>> s = sherden_check([10, 5, -3])
    >>> s.rule_top_profit_share, round(s.top_profit_share, 3)
    (0.8, 0.833)
    """

    top_share: float
    bottom_share: float
    top_profit_share: float
    bottom_loss_share: float
    rule_top_profit_share: float = 0.8
    rule_bottom_loss_share: float = 0.4


@validate_params(top_share=Interval(float, 0, 1, closed="right"), bottom_share=Interval(float, 0, 1, closed="right"))
def sherden_check(profit, *, top_share: float = 0.20, bottom_share: float = 0.30,
                  value_col: str | None = None) -> SherdenCheck:
    """Profit of the top ``top_share`` and loss on the bottom ``bottom_share`` of customers, as shares of total profit (§2.7).

    ``bottom_loss_share`` is minus the bottom group's net profit over total profit (negative when
    that group is profitable). Group sizes are rounded up (20 % of 7 customers is 2).

    >>> s = sherden_check([500, 300, 200, 100, 50, -20, -50, -80, -100, -150])
    >>> round(s.top_profit_share, 3), round(s.bottom_loss_share, 3)
    (1.067, 0.44)
    """
    ranked = _profit_ranked(profit, value_col)
    total, n = float(ranked.sum()), len(ranked)
    top_sum = ranked.iloc[:_top_count(n, top_share)].sum()
    bottom_sum = ranked.iloc[n - _top_count(n, bottom_share):].sum()
    return SherdenCheck(top_share=top_share, bottom_share=bottom_share, top_profit_share=float(top_sum / total),
                        bottom_loss_share=float(-bottom_sum / total))


def cross_subsidy(profit, *, value_col: str | None = None) -> float:
    """How much of the profit earned is given away: ``−Σ negative profit / Σ positive profit`` (§2.7).

    0 means no customer is subsidised; 1 means the losses eat all the profit earned.

    >>> cross_subsidy([10, 5, -3])
    0.2
    """
    p = as_value_series(profit, value_col)
    gained = p[p > 0].sum()
    if gained <= 0:
        raise DataError("err_conc_total_not_positive", column=str(p.name), fix_key="fix_conc_positive_total")
    return round(float(-p[p < 0].sum() / gained), 12)      # float noise, as in gini()
