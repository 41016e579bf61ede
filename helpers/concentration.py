"""How concentrated customer value is: Lorenz curve, Gini, whale curve, Sherden's 80/20/30.

Sources: docs/methods.md §2.6 (Lorenz, Gini) and §2.7 (whale curve — Kaplan & Cooper 1998; Sherden 1994,
*Market Ownership*, as quoted by Kotler & Keller; cross-subsidy ratio after Storbacka / van Raaij).

    >>> from helpers.concentration import gini, cross_subsidy
    >>> round(gini([1, 2, 3, 4, 5]), 5)
    0.26667
    >>> round(cross_subsidy([500, 300, 200, 100, 50, -20, -50, -80, -100, -150]), 3)
    0.348

Naming: ``*_pct`` are percentages of total profit (153.3 means 153.3 %), ``*_share`` are
fractions of customers (0.5 means half of them).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from helpers.errors import DataError

# Float sums such as 0.5 + 0.3 must still count as reaching a cut-off of 0.8.
TOLERANCE = 1e-9


def as_value_series(values, column: str | None = None, id_column: str = "customer_id") -> pd.Series:
    """One number per customer as a float Series indexed by customer id.

    ``values`` is a Series (index = ids), a dict, a list (ids 1..n) or a DataFrame with the
    value ``column`` and an ``id_column`` (or the index as ids). Missing values and repeated ids
    (e.g. transactions instead of one row per customer) are a DataError.

    >>> as_value_series({"a": 3, "b": 1}).tolist()
    [3.0, 1.0]
    """
    if isinstance(values, pd.DataFrame):
        if column is None or column not in values.columns:
            raise DataError("err_conc_missing_column", column=column, fix_key="fix_conc_name_column",
                            columns=", ".join(map(str, values.columns)))
        ids = values[id_column] if id_column in values.columns else values.index
        series = pd.Series(values[column].to_numpy(), index=pd.Index(ids, name=id_column), name=column)
    elif isinstance(values, pd.Series):
        series = values.copy()
    elif isinstance(values, dict):
        series = pd.Series(values)
    else:
        values = list(values)
        series = pd.Series(values, index=pd.RangeIndex(1, len(values) + 1))
    series = pd.to_numeric(series, errors="coerce").astype(float)
    name = column or series.name or "value"
    if series.empty:
        raise DataError("err_conc_empty", column=str(name), fix_key="fix_conc_empty")
    missing = np.flatnonzero(series.isna().to_numpy())
    if missing.size:
        raise DataError("err_conc_missing_values", column=str(name), rows=missing + 1,
                        fix_key="fix_conc_fill_or_drop")
    duplicated = np.flatnonzero(series.index.duplicated(keep="first"))
    if duplicated.size:
        raise DataError("err_conc_duplicate_ids", column=id_column, rows=duplicated + 1,
                        fix_key="fix_conc_one_row_per_customer")
    if series.index.name is None:
        series.index.name = id_column
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


def top_count(n: int, share: float) -> int:
    """How many of ``n`` ranked customers make up the top ``share`` (rounded up, so 20 % of 7 is 2)."""
    return min(n, math.ceil(n * share - TOLERANCE))


def _non_negative(values: pd.Series) -> pd.Series:
    negative = np.flatnonzero((values < 0).to_numpy())
    if negative.size:
        raise DataError("err_conc_negative", column=str(values.name), rows=negative + 1,
                        fix_key="fix_conc_use_whale")
    if values.sum() <= 0:
        raise DataError("err_conc_total_not_positive", column=str(values.name), fix_key="fix_conc_positive_total")
    return values


def lorenz_curve(values, column: str | None = None) -> pd.DataFrame:
    """Lorenz points ``(i/n, Σ_{j≤i} x_(j) / Σ x)`` of values sorted ascending, from (0, 0) (§2.6).

    >>> lorenz_curve([0, 0, 0, 0, 10])["value_share"].tolist()
    [0.0, 0.0, 0.0, 0.0, 0.0, 1.0]
    """
    x = np.sort(_non_negative(as_value_series(values, column)).to_numpy())
    n = len(x)
    return pd.DataFrame({"customer_share": np.arange(n + 1) / n,
                         "value_share": np.concatenate([[0.0], np.cumsum(x) / x.sum()])})


def gini(values, small_sample: bool = False, column: str | None = None) -> float:
    """Gini coefficient ``G = 2 Σ i·x_(i) / (n Σ x) − (n+1)/n``; ``small_sample`` multiplies by n/(n−1) (§2.6).

    >>> gini([0, 0, 0, 0, 10])
    0.8
    """
    x = np.sort(_non_negative(as_value_series(values, column)).to_numpy())
    n = len(x)
    g = 2 * np.sum(np.arange(1, n + 1) * x) / (n * x.sum()) - (n + 1) / n
    if small_sample:
        g *= n / (n - 1) if n > 1 else float("nan")
    return round(float(g), 12)        # drop float noise so worked examples print as 0.8, not 0.8000000000000003


@dataclass
class WhaleCurve:
    """Cumulative profit (% of total) against the share of customers ranked from most profitable.

    ``curve`` starts at (0, 0); ``peak_pct`` is the highest point, reached after
    ``peak_customer_share`` of the customers; ``loss_pct`` is what the unprofitable customers lose.
    """

    curve: pd.DataFrame
    total: float
    peak_pct: float
    peak_customer_share: float
    loss_pct: float
    unprofitable_share: float

    def metrics(self) -> dict:
        """The headline numbers as a dict (for printing or a report)."""
        return {"total": self.total, "peak_pct": self.peak_pct, "peak_customer_share": self.peak_customer_share,
                "loss_pct": self.loss_pct, "unprofitable_share": self.unprofitable_share}


def _profit_ranked(profit, column: str | None) -> pd.Series:
    ranked = rank_descending(as_value_series(profit, column))
    if ranked.sum() <= 0:
        raise DataError("err_conc_total_not_positive", column=str(ranked.name), fix_key="fix_conc_positive_total")
    return ranked


def whale_curve(profit, column: str | None = None) -> WhaleCurve:
    """The whale curve of customer profitability (Kaplan & Cooper 1998; docs/methods.md §2.7).

    >>> w = whale_curve([500, 300, 200, 100, 50, -20, -50, -80, -100, -150])
    >>> round(w.peak_pct, 1), w.peak_customer_share, round(w.loss_pct, 1)
    (153.3, 0.5, 53.3)
    """
    ranked = _profit_ranked(profit, column)
    total, n = float(ranked.sum()), len(ranked)
    cumulative = np.concatenate([[0.0], np.cumsum(ranked.to_numpy())]) / total * 100
    ids = np.concatenate([[None], ranked.index.to_numpy(dtype=object)])      # None: the origin point
    curve = pd.DataFrame({ranked.index.name: ids, "customer_share": np.arange(n + 1) / n,
                          "profit_pct": cumulative})
    peak = int(np.argmax(cumulative))
    negatives = ranked[ranked < 0]
    return WhaleCurve(curve=curve, total=total, peak_pct=float(cumulative[peak]), peak_customer_share=peak / n,
                      loss_pct=float(-negatives.sum() / total * 100), unprofitable_share=len(negatives) / n)


@dataclass
class SherdenCheck:
    """Sherden's 80/20/30 rule: the top 20 % earn ~80 % of profit, about half of it lost on the bottom 30 %."""

    top_share: float
    bottom_share: float
    top_pct: float
    bottom_loss_pct: float
    rule_top_pct: float = 80.0
    rule_bottom_loss_pct: float = 40.0


def sherden_check(profit, top: float = 0.20, bottom: float = 0.30, column: str | None = None) -> SherdenCheck:
    """Profit of the top ``top`` customers and loss on the bottom ``bottom`` customers, in % of total (§2.7).

    ``bottom_loss_pct`` is minus the bottom group's net profit (negative when that group is profitable).

    >>> s = sherden_check([500, 300, 200, 100, 50, -20, -50, -80, -100, -150])
    >>> round(s.top_pct, 1), round(s.bottom_loss_pct, 1)
    (106.7, 44.0)
    """
    ranked = _profit_ranked(profit, column)
    total, n = float(ranked.sum()), len(ranked)
    top_sum = ranked.iloc[:top_count(n, top)].sum()
    bottom_sum = ranked.iloc[n - top_count(n, bottom):].sum()
    return SherdenCheck(top_share=top, bottom_share=bottom, top_pct=float(top_sum / total * 100),
                        bottom_loss_pct=float(-bottom_sum / total * 100))


def cross_subsidy(profit, column: str | None = None) -> float:
    """How much of the profit earned is given away: ``−Σ negative profit / Σ positive profit`` (§2.7).

    0 means no customer is subsidised; 1 means the losses eat all the profit earned.

    >>> cross_subsidy([10, 5, -3])
    0.2
    """
    p = as_value_series(profit, column)
    gained = p[p > 0].sum()
    if gained <= 0:
        raise DataError("err_conc_total_not_positive", column=str(p.name), fix_key="fix_conc_positive_total")
    return round(float(-p[p < 0].sum() / gained), 12)      # float noise, as in gini()
