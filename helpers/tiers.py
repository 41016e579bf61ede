"""Value tiers: ABC (Pareto) classes and the customer pyramid 金钻 / 白银 / 铜 / 铁.

Customers are ranked by value (sales or profit) from largest to smallest; equal values are
ordered by customer id, so the row order of the input never matters (docs/methods.md §2.4, §2.5).

    >>> from helpers.tiers import abc_classify
    >>> res = abc_classify([5000, 3000, 800, 400, 300, 200, 150, 80, 50, 20])
    >>> res.classes.tolist()[:4]
    ['abc_a', 'abc_a', 'abc_b', 'abc_b']

Result tables are indexed by customer id (ids 1…n for a plain list), in rank order.

Pyramid tiers map by rank order to Zeithaml, Rust & Lemon (2001): 金钻 ↔ Platinum,
白银 ↔ Gold, 铜 ↔ Iron, 铁 ↔ Lead; the English labels say both ("Platinum (金钻)").
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from helpers.concentration import TOLERANCE, as_value_series, rank_descending
from helpers.i18n import label
from helpers.result import Classification
from helpers.validation import Interval, Numbers, Options, check_param, validate_params

__all__ = ["abc_classify", "customer_pyramid", "TierClassification", "cross_classes", "upgrade_candidates"]

ABC_CLASSES = ("abc_a", "abc_b", "abc_c")
ABC_BREAKS = {"value": (0.80, 0.95), "count": (0.20, 0.50)}
TIERS = ("tier_diamond", "tier_silver", "tier_copper", "tier_iron")
PYRAMID_PRESETS = {                       # shares of customers per tier, top tier first (§2.4)
    "cn_1_4_15_80": (0.01, 0.04, 0.15, 0.80),
    "20_30_30_20": (0.20, 0.30, 0.30, 0.20),
    "profit_sign": (0.20, 0.30, 0.50),    # among customers with profit ≥ 0; profit < 0 → 铁 (Lead)
}


@dataclass(repr=False)      # the readable repr of Classification
class TierClassification(Classification):
    """A classification of ranked customers whose summary also shows each class's value.

    ``table`` is indexed by customer id in rank order and holds each customer's ``value_col``
    (``"value"``), rank, cumulative shares and class; ``class_order`` lists the classes, best first.

    >>> abc_classify({"x": 90, "y": 8, "z": 2}).table.loc["y", "abc_class"]
    'abc_b'
    """

    value_col: str = "value"
    class_order: tuple = field(default_factory=tuple)

    def summary(self) -> pd.DataFrame:
        """Customers, share of customers, value, share of value and strategy per class; every class listed.

        A class's value share uses the sum of the *positive* values when some are negative, so
        the shares of profitable classes are not inflated by losses elsewhere.

        >>> abc_classify({"x": 90, "y": 8, "z": 2}).summary()["value_share"].round(2).tolist()
        [0.9, 0.08, 0.02]
        """
        groups = self.table.groupby(self.class_col, observed=False)[self.value_col]
        counts = groups.size().reindex(self.class_order, fill_value=0)
        values = groups.sum().reindex(self.class_order, fill_value=0.0)
        total = self.table[self.value_col].clip(lower=0).sum()
        out = pd.DataFrame({self.class_col: list(self.class_order), "label": label(list(self.class_order)),
                            "customers": counts.to_numpy(), "customer_share": counts.to_numpy() / counts.sum(),
                            "value": values.to_numpy(), "value_share": values.to_numpy() / total,
                            "strategy": label(list(self.class_order), field="strategy")})
        return out


def _ranked_table(values, value_col, customer_col) -> pd.DataFrame:
    """Value, rank and cumulative shares of every customer, indexed by customer id, best first."""
    series = as_value_series(values, value_col, customer_col)
    ranked = rank_descending(series)
    n = len(ranked)
    positive_total = ranked.clip(lower=0).sum()
    table = pd.DataFrame({"value": ranked.to_numpy(), "rank": np.arange(1, n + 1)}, index=ranked.index)
    table.attrs.update(series.attrs)          # the currency of the values, for display
    table["cum_customer_share"] = table["rank"] / n
    table["cum_value_share"] = ranked.clip(lower=0).cumsum().to_numpy() / positive_total if positive_total else 0.0
    return table


def _level_by_crossing(before: np.ndarray, cumulative_cuts) -> np.ndarray:
    """Index of the first cut the share *before* each customer has not reached (the crosser is inside)."""
    return np.searchsorted(np.asarray(cumulative_cuts) - TOLERANCE, before, side="right")


def _level_by_le(share: np.ndarray, cumulative_cuts) -> np.ndarray:
    """Index of the first cut each customer's cumulative share stays within (``cum ≤ cut``)."""
    return np.searchsorted(np.asarray(cumulative_cuts) + TOLERANCE, share, side="left")


@validate_params(breaks=[None, Numbers(2, 0, 1, closed="right", monotonic="increasing", strict=False)],
                 method=Options("crossing", "le"), by=Options("value", "count"))
def abc_classify(values, *, breaks=None, method: str = "crossing", by: str = "value",
                 value_col: str | None = None, customer_col: str = "customer_id") -> TierClassification:
    """ABC (Pareto) classes of customers ranked by value (docs/methods.md §2.5).

    ``values``: one number per customer (a Series indexed by customer id, a dict, a list, or a
    frame with ``value_col`` and ``customer_col``). ``by="value"`` cuts the cumulative share of
    value at ``breaks`` (default 0.80, 0.95); ``by="count"`` cuts the cumulative share of customers
    (default 0.20, 0.50: top 20 % / next 30 % / rest).
    ``method="crossing"``: A while the share *before* the customer is below the cut (the customer who
    crosses the line is A, so A reaches the cut); ``method="le"``: A while the share *including* the
    customer is ≤ the cut. Values ≤ 0 are always C. Ties: value descending, then customer id.
    The result's ``thresholds`` hold the breaks used (``A_break``, ``B_break``) and the lowest value
    that reached each class (``min_value_<class>``).

    >>> abc_classify({"x": 90, "y": 8, "z": 2}).classes.tolist()
    ['abc_a', 'abc_b', 'abc_c']
    >>> abc_classify({"x": 70, "y": 20, "z": 10}, method="le").classes.to_dict()
    {'x': 'abc_a', 'y': 'abc_b', 'z': 'abc_c'}
    """
    breaks = tuple(ABC_BREAKS[by] if breaks is None else breaks)
    table = _ranked_table(values, value_col, customer_col)
    share = table["cum_value_share" if by == "value" else "cum_customer_share"].to_numpy()
    before = np.concatenate([[0.0], share[:-1]])
    level = _level_by_crossing(before, breaks) if method == "crossing" else _level_by_le(share, breaks)
    level = np.where(table["value"].to_numpy() <= 0, 2, np.minimum(level, 2))
    table["abc_class"] = pd.Index(ABC_CLASSES).take(level)     # no per-row string conversion
    thresholds = {"A_break": breaks[0], "B_break": breaks[1], **_lowest_values(table, "abc_class", ABC_CLASSES)}
    return TierClassification(table, thresholds, {"by": by, "method": method, "ties": "ties_value_then_id"},
                              class_col="abc_class", class_order=ABC_CLASSES)


def _lowest_values(table: pd.DataFrame, class_col: str, order) -> dict:
    """The smallest value that still reached each class (what a customer needs to get in)."""
    lowest = table.groupby(class_col)["value"].min()
    return {f"min_value_{c}": float(lowest[c]) for c in order[:-1] if c in lowest.index}


def _tiers_by_shares(table: pd.DataFrame, shares, eligible: np.ndarray) -> np.ndarray:
    """Tier index by share of (eligible) customers, crossing rule; equal values join the higher tier."""
    shares = np.asarray(shares, dtype=float)
    n = int(eligible.sum())
    before = np.arange(n) / max(n, 1)
    level = np.full(len(table), len(TIERS) - 1)
    level[eligible] = np.minimum(_level_by_crossing(before, np.cumsum(shares)), len(shares) - 1)
    # a boundary must not split customers with equal value: all of them get the best tier among them
    return pd.Series(level).groupby(table["value"].to_numpy()).transform("min").to_numpy()


def _tiers_by_breaks(values: np.ndarray, breaks) -> np.ndarray:
    """Tier index from absolute lower bounds (金钻 ≥ b1, 白银 ≥ b2, 铜 ≥ b3, else 铁)."""
    cuts = np.asarray(breaks, dtype=float)
    return 3 - np.searchsorted(cuts[::-1], values, side="right")


@validate_params(preset=Options(*PYRAMID_PRESETS), shares=[None, Numbers(None, 0, 1, total=1)],
                 breaks=[None, Numbers(3, monotonic="decreasing", strict=False)])
def customer_pyramid(values, *, preset: str = "cn_1_4_15_80", shares=None, breaks=None,
                     value_col: str | None = None, customer_col: str = "customer_id") -> TierClassification:
    """Customer pyramid tiers 金钻 / 白银 / 铜 / 铁 (Zeithaml, Rust & Lemon 2001; docs/methods.md §2.4).

    ``values``: one number per customer, as for :func:`abc_classify`.
    ``preset``: ``"cn_1_4_15_80"`` (top 1 % / next 4 % / next 15 % / last 80 % of customers),
    ``"20_30_30_20"``, or ``"profit_sign"`` (profit < 0 → 铁; the others split 20/30/50 %).
    ``shares`` overrides the preset's shares (four, or three for ``profit_sign``, adding up to 1);
    ``breaks`` — three absolute lower bounds, highest first, e.g. from the courseware — override
    both. Customers with equal value on a boundary all go to the higher tier.

    >>> customer_pyramid({"a": 50, "b": -5, "c": 20}, preset="profit_sign").classes.tolist()
    ['tier_diamond', 'tier_copper', 'tier_iron']
    >>> customer_pyramid({"a": 9000, "b": 3500, "c": 20}, breaks=(8000, 3000, 1000)).classes.tolist()
    ['tier_diamond', 'tier_silver', 'tier_iron']
    """
    if shares is not None:
        check_param("shares", shares, Numbers(len(PYRAMID_PRESETS[preset]), 0, 1, total=1))
    table = _ranked_table(values, value_col, customer_col)
    value = table["value"].to_numpy()
    used = tuple(PYRAMID_PRESETS[preset] if shares is None else shares)
    if breaks is not None:
        level, used = _tiers_by_breaks(value, breaks), None
    else:
        eligible = value >= 0 if preset == "profit_sign" else np.ones(len(value), dtype=bool)
        level = _tiers_by_shares(table, used, eligible)
    table["tier"] = pd.Index(TIERS).take(level)
    params = {"preset": None if breaks is not None else preset, "shares": used,
              "ties": "ties_higher_tier"}
    cut_info = {"breaks": tuple(breaks)} if breaks is not None else {}
    return TierClassification(table, {**cut_info, **_lowest_values(table, "tier", TIERS)}, params,
                              class_col="tier", class_order=TIERS)


def cross_classes(first: TierClassification, second: TierClassification) -> pd.DataFrame:
    """Customers per pair of classes of two classifications of the same customers (e.g. ABC × pyramid).

    Rows are ``first``'s classes, columns ``second``'s, both in their own order and labelled in the
    active language; customers are matched by the tables' index (customer id), so the two tables
    may be in any order.

    >>> values = [5000, 3000, 800, 400, 300, 200, 150, 80, 50, 20]
    >>> cross_classes(abc_classify(values), customer_pyramid(values, preset="20_30_30_20")).to_numpy().tolist()
    [[2, 0, 0, 0], [0, 3, 0, 0], [0, 0, 3, 2]]
    """
    pairs = pd.concat([first.classes.rename("first"), second.classes.rename("second")], axis=1, join="inner")
    counts = pd.crosstab(pairs["first"], pairs["second"]).reindex(
        index=list(first.class_order), columns=list(second.class_order), fill_value=0)
    counts.index, counts.columns = label(list(first.class_order)), label(list(second.class_order))
    return counts


@validate_params(within_share=Interval(float, 0, 1))
def upgrade_candidates(pyramid: TierClassification, *, within_share: float = 0.2) -> pd.DataFrame:
    """Customers close to the next tier up: value within ``within_share`` (0–1) below its entry value.

    The entry value of a tier is its absolute lower bound when the pyramid was built with
    ``breaks``, else the lowest value that reached it (``min_value_<tier>``), so ``gap`` is how much
    more a customer must buy (or earn us) to move up — the list a team works through to push
    customers up the pyramid (docs/methods.md §2.4). Indexed by customer id, sorted by gap.

    >>> res = customer_pyramid({"a": 100, "b": 90, "c": 50, "d": 10}, shares=(0.25, 0.25, 0.25, 0.25))
    >>> upgrade_candidates(res)[["next_tier", "gap"]].to_dict("index")
    {'b': {'next_tier': 'tier_diamond', 'gap': 10.0}}
    """
    order = list(pyramid.class_order)
    bounds = pyramid.thresholds.get("breaks")
    entry = (dict(zip(order, map(float, bounds))) if bounds is not None
             else {tier: pyramid.thresholds.get(f"min_value_{tier}") for tier in order})
    table = pyramid.table
    value = table[pyramid.value_col]
    next_tier = table[pyramid.class_col].map(lambda tier: order[order.index(tier) - 1] if order.index(tier) else None)
    target = next_tier.map(lambda tier: entry.get(tier) if tier else None).astype(float)
    out = table.assign(next_tier=next_tier, next_entry_value=target, gap=target - value)
    close = out["gap"].gt(0) & out["gap"].le(within_share * out["next_entry_value"].abs())
    columns = [pyramid.value_col, pyramid.class_col, "next_tier", "next_entry_value", "gap"]
    picked = out.loc[close, columns]
    ranks = np.lexsort((picked.index.to_numpy(), picked["gap"].to_numpy()))      # by gap, then id
    return picked.iloc[ranks]
