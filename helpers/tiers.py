"""Value tiers: ABC (Pareto) classes and the customer pyramid 金钻 / 白银 / 铜 / 铁.

Customers are ranked by value (sales or profit) from largest to smallest; equal values are
ordered by customer id, so the row order of the input never matters (docs/methods.md §2.4, §2.5).

    >>> from helpers.tiers import abc_classify
    >>> res = abc_classify([5000, 3000, 800, 400, 300, 200, 150, 80, 50, 20])
    >>> res.classes.tolist()[:4]
    ['abc_a', 'abc_a', 'abc_b', 'abc_b']

Pyramid tiers map by rank order to Zeithaml, Rust & Lemon (2001): 金钻 ↔ Platinum,
白银 ↔ Gold, 铜 ↔ Iron, 铁 ↔ Lead; the English labels say both ("Platinum (金钻)").
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from helpers.concentration import TOLERANCE, as_value_series, rank_descending
from helpers.errors import DataError
from helpers.i18n import label
from helpers.result import Classification

ABC_CLASSES = ("abc_a", "abc_b", "abc_c")
ABC_CUTOFFS = {"value": (0.80, 0.95), "count": (0.20, 0.50)}
TIERS = ("tier_diamond", "tier_silver", "tier_copper", "tier_iron")
PYRAMID_PRESETS = {                       # shares of customers per tier, top tier first (§2.4)
    "cn_1_4_15_80": (0.01, 0.04, 0.15, 0.80),
    "20_30_30_20": (0.20, 0.30, 0.30, 0.20),
    "profit_sign": (0.20, 0.30, 0.50),    # among customers with profit ≥ 0; profit < 0 → 铁 (Lead)
}


@dataclass
class TierClassification(Classification):
    """A classification of ranked customers whose summary also shows each class's value."""

    value_column: str = "value"
    order: tuple = field(default_factory=tuple)

    def summary(self) -> pd.DataFrame:
        """Customers, share of customers, value, share of value and strategy per class; every class listed.

        A class's value share uses the sum of the *positive* values when some are negative, so
        the shares of profitable classes are not inflated by losses elsewhere.
        """
        groups = self.table.groupby(self.class_col, observed=False)[self.value_column]
        counts = groups.size().reindex(self.order, fill_value=0)
        values = groups.sum().reindex(self.order, fill_value=0.0)
        total = self.table[self.value_column].clip(lower=0).sum()
        out = pd.DataFrame({self.class_col: list(self.order), "label": label(list(self.order)),
                            "customers": counts.to_numpy(), "customer_share": counts.to_numpy() / counts.sum(),
                            "value": values.to_numpy(), "value_share": values.to_numpy() / total,
                            "strategy": label(list(self.order), field="strategy")})
        return out


def _ranked_table(values, column, id_column) -> pd.DataFrame:
    ranked = rank_descending(as_value_series(values, column, id_column))
    n = len(ranked)
    positive_total = ranked.clip(lower=0).sum()
    table = pd.DataFrame({id_column: ranked.index, "value": ranked.to_numpy(), "rank": np.arange(1, n + 1)})
    table["cum_customer_share"] = table["rank"] / n
    table["cum_value_share"] = ranked.clip(lower=0).cumsum().to_numpy() / positive_total if positive_total else 0.0
    return table


def _level_by_crossing(before: np.ndarray, cumulative_cuts) -> np.ndarray:
    """Index of the first cut the share *before* each customer has not reached (the crosser is inside)."""
    return np.searchsorted(np.asarray(cumulative_cuts) - TOLERANCE, before, side="right")


def _level_by_le(share: np.ndarray, cumulative_cuts) -> np.ndarray:
    """Index of the first cut each customer's cumulative share stays within (``cum ≤ cut``)."""
    return np.searchsorted(np.asarray(cumulative_cuts) + TOLERANCE, share, side="left")


def abc_classify(values, cutoffs=None, rule: str = "crossing", by: str = "value", *,
                 column: str | None = None, id_column: str = "customer_id") -> TierClassification:
    """ABC (Pareto) classes of customers ranked by value (docs/methods.md §2.5).

    ``by="value"`` cuts the cumulative share of value at ``cutoffs`` (default 0.80, 0.95);
    ``by="count"`` cuts the cumulative share of customers (default 0.20, 0.50: top 20 % / next 30 % / rest).
    ``rule="crossing"``: A while the share *before* the customer is below the cut (the customer who
    crosses the line is A, so A reaches the cut); ``rule="le"``: A while the share *including* the
    customer is ≤ the cut. Values ≤ 0 are always C. Ties: value descending, then customer id.

    >>> abc_classify({"x": 90, "y": 8, "z": 2}).classes.tolist()
    ['abc_a', 'abc_b', 'abc_c']
    """
    if rule not in ("crossing", "le") or by not in ABC_CUTOFFS:
        raise ValueError(f"rule must be 'crossing' or 'le' and by 'value' or 'count', got {rule!r}, {by!r}")
    cutoffs = tuple(ABC_CUTOFFS[by] if cutoffs is None else cutoffs)
    table = _ranked_table(values, column, id_column)
    share = table["cum_value_share" if by == "value" else "cum_customer_share"].to_numpy()
    before = np.concatenate([[0.0], share[:-1]])
    level = _level_by_crossing(before, cutoffs) if rule == "crossing" else _level_by_le(share, cutoffs)
    level = np.where(table["value"].to_numpy() <= 0, 2, np.minimum(level, 2))
    table["abc_class"] = np.asarray(ABC_CLASSES)[level]
    thresholds = {"A_cutoff": cutoffs[0], "B_cutoff": cutoffs[1], **_lowest_values(table, "abc_class", ABC_CLASSES)}
    return TierClassification(table, thresholds, {"by": by, "rule": rule, "ties": "value desc, then id"},
                              class_col="abc_class", order=ABC_CLASSES)


def _lowest_values(table: pd.DataFrame, class_col: str, order) -> dict:
    """The smallest value that still reached each class (what a customer needs to get in)."""
    lowest = table.groupby(class_col)["value"].min()
    return {f"min_value_{c}": float(lowest[c]) for c in order[:-1] if c in lowest.index}


def _tiers_by_shares(table: pd.DataFrame, shares, eligible: np.ndarray) -> np.ndarray:
    """Tier index by share of (eligible) customers, crossing rule; equal values join the higher tier."""
    shares = np.asarray(shares, dtype=float)
    if np.any(shares < 0) or abs(shares.sum() - 1) > 1e-6:
        raise ValueError(f"shares must be non-negative and add up to 1, got {tuple(shares)}")
    n = int(eligible.sum())
    before = np.arange(n) / max(n, 1)
    level = np.full(len(table), len(TIERS) - 1)
    level[eligible] = np.minimum(_level_by_crossing(before, np.cumsum(shares)), len(shares) - 1)
    # a boundary must not split customers with equal value: all of them get the best tier among them
    return pd.Series(level).groupby(table["value"].to_numpy()).transform("min").to_numpy()


def _tiers_by_thresholds(values: np.ndarray, thresholds) -> np.ndarray:
    """Tier index from absolute lower bounds (金钻 ≥ t1, 白银 ≥ t2, 铜 ≥ t3, else 铁)."""
    cuts = np.asarray(thresholds, dtype=float)
    if cuts.shape != (3,) or np.any(np.diff(cuts) > 0):
        raise ValueError(f"thresholds must be three decreasing lower bounds, got {tuple(thresholds)}")
    return 3 - np.searchsorted(cuts[::-1], values, side="right")


def customer_pyramid(values, preset: str = "cn_1_4_15_80", shares=None, thresholds=None, *,
                     column: str | None = None, id_column: str = "customer_id") -> TierClassification:
    """Customer pyramid tiers 金钻 / 白银 / 铜 / 铁 (Zeithaml, Rust & Lemon 2001; docs/methods.md §2.4).

    ``preset``: ``"cn_1_4_15_80"`` (top 1 % / next 4 % / next 15 % / last 80 % of customers),
    ``"20_30_30_20"``, or ``"profit_sign"`` (profit < 0 → 铁; the others split 20/30/50 %).
    ``shares`` overrides the preset's shares (four, or three for ``profit_sign``); ``thresholds``
    — three absolute lower bounds, e.g. from the courseware — override both. Customers with equal
    value on a boundary all go to the higher tier.

    >>> customer_pyramid({"a": 50, "b": -5, "c": 20}, preset="profit_sign").classes.tolist()
    ['tier_diamond', 'tier_copper', 'tier_iron']
    """
    if preset not in PYRAMID_PRESETS:
        raise ValueError(f"preset must be one of {sorted(PYRAMID_PRESETS)}, got {preset!r}")
    table = _ranked_table(values, column, id_column)
    value = table["value"].to_numpy()
    used = tuple(PYRAMID_PRESETS[preset] if shares is None else shares)
    if len(used) != len(PYRAMID_PRESETS[preset]):
        raise ValueError(f"preset {preset!r} needs {len(PYRAMID_PRESETS[preset])} shares, got {used}")
    if thresholds is not None:
        level, used = _tiers_by_thresholds(value, thresholds), None
    else:
        eligible = value >= 0 if preset == "profit_sign" else np.ones(len(value), dtype=bool)
        level = _tiers_by_shares(table, used, eligible)
    table["tier"] = np.asarray(TIERS)[level]
    params = {"preset": None if thresholds is not None else preset, "shares": used,
              "ties": "equal values on a boundary → higher tier"}
    cut_info = {"lower_bounds": tuple(thresholds)} if thresholds is not None else {}
    return TierClassification(table, {**cut_info, **_lowest_values(table, "tier", TIERS)}, params,
                              class_col="tier", order=TIERS)


def cross_classes(first: TierClassification, second: TierClassification, id_column: str = "customer_id") -> pd.DataFrame:
    """Customers per pair of classes of two classifications of the same customers (e.g. ABC × pyramid).

    Rows are ``first``'s classes, columns ``second``'s, both in their own order and labelled in the
    active language; customers are matched by id, so the two tables may be in any order.

    >>> values = [5000, 3000, 800, 400, 300, 200, 150, 80, 50, 20]
    >>> cross_classes(abc_classify(values), customer_pyramid(values, preset="20_30_30_20")).to_numpy().tolist()
    [[2, 0, 0, 0], [0, 3, 0, 0], [0, 0, 3, 2]]
    """
    pairs = pd.DataFrame({"first": first.table.set_index(id_column)[first.class_col]}).join(
        second.table.set_index(id_column)[second.class_col].rename("second"), how="inner")
    counts = pd.crosstab(pairs["first"], pairs["second"]).reindex(
        index=list(first.order), columns=list(second.order), fill_value=0)
    counts.index, counts.columns = label(list(first.order)), label(list(second.order))
    return counts


def upgrade_candidates(pyramid: TierClassification, within: float = 0.2) -> pd.DataFrame:
    """Customers close to the next tier up: value within ``within`` (a fraction) below its entry value.

    The entry value of a tier is its absolute lower bound when the pyramid was built with
    ``thresholds``, else the lowest value that reached it (``min_value_<tier>``), so ``gap`` is how much more a customer must buy (or earn us) to move up — the
    list a team works through to push customers up the pyramid (docs/methods.md §2.4). Sorted by gap.

    >>> res = customer_pyramid({"a": 100, "b": 90, "c": 50, "d": 10}, shares=(0.25, 0.25, 0.25, 0.25))
    >>> upgrade_candidates(res)[["customer_id", "next_tier", "gap"]].values.tolist()
    [['b', 'tier_diamond', 10.0]]
    """
    order = list(pyramid.order)
    bounds = pyramid.thresholds.get("lower_bounds")
    entry = (dict(zip(order, map(float, bounds))) if bounds is not None
             else {tier: pyramid.thresholds.get(f"min_value_{tier}") for tier in order})
    table = pyramid.table
    next_tier = table[pyramid.class_col].map(lambda tier: order[order.index(tier) - 1] if order.index(tier) else None)
    target = next_tier.map(lambda tier: entry.get(tier) if tier else None).astype(float)
    out = table.assign(next_tier=next_tier, next_entry_value=target, gap=target - table["value"])
    close = out["gap"].gt(0) & out["gap"].le(within * out["next_entry_value"].abs())
    columns = [table.columns[0], "value", pyramid.class_col, "next_tier", "next_entry_value", "gap"]
    return out.loc[close, columns].sort_values(["gap", table.columns[0]], kind="mergesort").reset_index(drop=True)
