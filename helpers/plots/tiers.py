"""Charts of value tiers and concentration: Pareto/ABC, Lorenz curve, whale curve, customer pyramid.

    >>> from helpers.plots.tiers import plot_lorenz
    >>> ax = plot_lorenz([5000, 3000, 800, 400, 300, 200, 150, 80, 50, 20])
    >>> "0.699" in ax.get_legend().get_texts()[1].get_text()
    True
"""
from __future__ import annotations

import numpy as np

from helpers.concentration import WhaleCurve, gini, lorenz_curve, whale_curve
from helpers.i18n import label, t
from helpers.plots.base import decorate, get_ax
from helpers.tiers import TierClassification, abc_classify, customer_pyramid

# above this many customers single bars become unreadable, so the Pareto chart draws an area
MAX_BARS = 150
TIER_COLOURS = ("#7b6fd6", "#b8c2cc", "#c98a4b", "#6b6f75")   # diamond, silver, copper, iron
ABC_COLOURS = ("#66c2a5", "#fc8d62", "#8da0cb")


def _percent_axis(axis, xmax: float = 1.0):
    from matplotlib.ticker import PercentFormatter

    axis.set_major_formatter(PercentFormatter(xmax=xmax, decimals=0))


def _is_result(data, class_col: str) -> bool:
    return isinstance(data, TierClassification) and data.class_col == class_col


def plot_pareto(data, ax=None, **kw):
    """Pareto chart: values ranked from largest, cumulative share line and shaded ABC bands.

    ``data`` is an :func:`helpers.tiers.abc_classify` result, or values passed to it with ``**kw``.

    Parameters
    ----------
    {ax}

    {returns}
    """
    res = data if _is_result(data, "abc_class") else abc_classify(data, **kw)
    table = res.table
    ax = get_ax(ax)
    rank = table["rank"].to_numpy()
    if len(table) <= MAX_BARS:
        ax.bar(rank, table["value"], width=0.8, color="#8c8c8c")
    else:
        ax.fill_between(rank, table["value"], step="mid", color="#8c8c8c")
    for colour, (cls, group) in zip(ABC_COLOURS, table.groupby("abc_class", sort=True)):
        ax.axvspan(group["rank"].min() - 0.5, group["rank"].max() + 0.5, color=colour, alpha=0.25,
                   label=f"{label(cls)} · {len(group) / len(table):.0%}")
    share = ax.twinx()
    share.plot(rank, table["cum_value_share"], color="#d62728", marker="o" if len(table) <= 30 else None,
               label=t("tiers_legend_cum_share"))
    share.set_ylim(0, 1.05)
    _percent_axis(share.yaxis)
    share.set_ylabel(t("tiers_axis_cum_value_share"))
    share.grid(False)
    ax.legend(loc="center right")
    return decorate(ax, title="tiers_title_pareto", xlabel="tiers_axis_customers_ranked", ylabel="tiers_axis_value")


def plot_lorenz(data, ax=None, label_text: str | None = None, column: str | None = None, **kw):
    """Lorenz curve of non-negative values with the line of perfect equality; Gini in the legend (§2.6).

    Parameters
    ----------
    {ax}
    {kw} ``ax.plot``.

    {returns}
    """
    points = lorenz_curve(data, column=column)
    ax = get_ax(ax, figsize=(5, 5))
    ax.plot([0, 1], [0, 1], color="grey", linestyle="--", label=t("tiers_legend_equality"))
    text = label_text or t("tiers_legend_lorenz", gini=f"{gini(data, column=column):.3f}")
    ax.plot(points["customer_share"], points["value_share"], label=text, **kw)
    ax.fill_between(points["customer_share"], points["value_share"], points["customer_share"], alpha=0.15)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    _percent_axis(ax.xaxis)
    _percent_axis(ax.yaxis)
    ax.legend(loc="upper left")
    return decorate(ax, title="tiers_title_lorenz", xlabel="tiers_axis_cum_customer_share",
                    ylabel="tiers_axis_cum_value_share")


def plot_whale(data, ax=None, column: str | None = None, **kw):
    """Whale curve: cumulative profit in % of total against customers ranked by profit, peak marked (§2.7).

    Parameters
    ----------
    {ax}
    {kw} ``ax.plot``.

    {returns}
    """
    whale = data if isinstance(data, WhaleCurve) else whale_curve(data, column=column)
    curve = whale.curve
    ax = get_ax(ax)
    ax.plot(curve["customer_share"], curve["profit_pct"], **kw)
    ax.axhline(100, color="grey", linestyle="--", label=t("tiers_legend_total"))
    note = t("tiers_note_peak", peak=f"{whale.peak_pct:.1f}", share=f"{whale.peak_customer_share * 100:.0f}")
    ax.scatter([whale.peak_customer_share], [whale.peak_pct], color="#d62728", zorder=3, label=note)
    ax.set_xlim(0, 1)
    ax.set_ylim(min(0, curve["profit_pct"].min()), whale.peak_pct * 1.1)
    _percent_axis(ax.xaxis)
    _percent_axis(ax.yaxis, xmax=100)
    ax.legend(loc="lower right")
    return decorate(ax, title="tiers_title_whale", xlabel="tiers_axis_customer_share_ranked",
                    ylabel="tiers_axis_cum_profit_pct")


def _trapezoid(level: int, levels: int) -> np.ndarray:
    """Corners of band ``level`` (0 = top) of a pyramid of unit height and base width 2."""
    top, bottom = 1 - level / levels, 1 - (level + 1) / levels
    return np.array([(-(1 - bottom), bottom), (1 - bottom, bottom), (1 - top, top), (-(1 - top), top)])


def plot_pyramid(data, ax=None, **kw):
    """Customer pyramid: one band per tier (金钻 at the top) with customers and value share beside it.

    ``data`` is a :func:`helpers.tiers.customer_pyramid` result, or values passed to it with ``**kw``.

    Parameters
    ----------
    {ax}

    {returns}
    """
    from matplotlib.patches import Polygon

    res = data if _is_result(data, "tier") else customer_pyramid(data, **kw)
    summary = res.summary()
    ax = get_ax(ax, figsize=(8, 4.5))
    levels = len(summary)
    for level, row in summary.iterrows():
        corners = _trapezoid(level, levels)
        ax.add_patch(Polygon(corners, closed=True, facecolor=TIER_COLOURS[level], edgecolor="white"))
        middle = corners[:, 1].mean()
        note = t("tiers_note_pyramid", n=int(row["customers"]), customers=f"{row['customer_share']:.1%}",
                 value=f"{row['value_share']:.1%}")
        ax.text(1.05, middle, f"{row['label']}\n{note}", va="center", ha="left")
    ax.set_xlim(-1.05, 2.6)
    ax.set_ylim(0, 1.02)
    ax.set_axis_off()
    return decorate(ax, title="tiers_title_pyramid")
