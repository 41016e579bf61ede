"""Charts of value tiers and concentration: Pareto/ABC, Lorenz curve, whale curve, customer pyramid.

    >>> from helpers.plots.tiers import plot_lorenz
    >>> ax = plot_lorenz([5000, 3000, 800, 400, 300, 200, 150, 80, 50, 20])
    >>> "0.699" in ax.get_legend().get_texts()[1].get_text()
    True

Every chart takes the data first, then keyword-only options, ``ax`` (draw on it, or a new figure
when None) and ``**kw`` for the chart's main artist.
"""
from __future__ import annotations

import numpy as np

from helpers.concentration import WhaleCurve, gini, lorenz_curve, whale_curve
from helpers.i18n import label, t
from helpers.plots.base import currency_of, decorate, get_ax, readable_ticks, with_unit
from helpers.tiers import TierClassification, abc_classify, customer_pyramid

__all__ = ["plot_pareto", "plot_lorenz", "plot_whale", "plot_pyramid"]

# above this many customers single bars become unreadable, so the Pareto chart draws an area
_MAX_BARS = 150
_TIER_COLOURS = ("#7b6fd6", "#b8c2cc", "#c98a4b", "#6b6f75")   # diamond, silver, copper, iron
_ABC_COLOURS = ("#66c2a5", "#fc8d62", "#8da0cb")


def _percent_axis(axis, xmax: float = 1.0):
    from matplotlib.ticker import PercentFormatter

    axis.set_major_formatter(PercentFormatter(xmax=xmax, decimals=0))


def _is_result(data, class_col: str) -> bool:
    return isinstance(data, TierClassification) and data.class_col == class_col


def plot_pareto(data, *, ax=None, **kw):
    """Pareto chart: values ranked from largest, cumulative share line and shaded ABC bands.

    Parameters
    ----------
    data : TierClassification, or values
        An :func:`helpers.tiers.abc_classify` result, or one value per customer classified with its
        defaults (classify them yourself for other breaks or method).
    {ax}
    {kw} ``ax.bar`` (the bars), or ``ax.fill_between`` (the area drawn instead above 150 customers).

    {returns}

    >>> ax = plot_pareto([5000, 3000, 800, 400, 300, 200, 150, 80, 50, 20], color="black")
    >>> len(ax.patches) >= 10, ax.patches[0].get_facecolor()[:3]
    (True, (0.0, 0.0, 0.0))
    """
    res = data if _is_result(data, "abc_class") else abc_classify(data)
    table = res.table
    ax = get_ax(ax)
    rank = table["rank"].to_numpy()
    if len(table) <= _MAX_BARS:
        ax.bar(rank, table["value"], **{"width": 0.8, "color": "#8c8c8c", **kw})
    else:
        ax.fill_between(rank, table["value"], **{"step": "mid", "color": "#8c8c8c", **kw})
    for colour, (cls, group) in zip(_ABC_COLOURS, table.groupby("abc_class", sort=True)):
        ax.axvspan(group["rank"].min() - 0.5, group["rank"].max() + 0.5, color=colour, alpha=0.25,
                   label=f"{label(cls)} · {len(group) / len(table):.0%}")
    share = ax.twinx()
    share.plot(rank, table["cum_value_share"], color="#d62728", marker="o" if len(table) <= 30 else None,
               label=t("tiers_legend_cum_share"))
    share.set_ylim(0, 1.05)
    _percent_axis(share.yaxis)
    share.set_ylabel(t("tiers_axis_cum_value_share"))
    share.grid(False)
    ax.legend(loc="lower right", framealpha=0.9)   # below the cumulative line, which rises to the top right
    readable_ticks(ax.xaxis)
    readable_ticks(ax.yaxis)
    return decorate(ax, title="tiers_title_pareto", xlabel="tiers_axis_customers_ranked",
                    ylabel=with_unit(t("tiers_axis_value"), currency_of(res)))


def plot_lorenz(data, *, ax=None, label: str | None = None, value_col: str | None = None, **kw):
    """Lorenz curve of non-negative values with the line of perfect equality; Gini in the legend (§2.6).

    Parameters
    ----------
    data : Series, dict, list or frame
        One value per customer, as :func:`helpers.concentration.lorenz_curve` takes it.
    label : str, optional
        The curve's legend text; default: "Lorenz curve (Gini = …)" in the active language.
    value_col : str, optional
        The value column when ``data`` is a frame.
    {ax}
    {kw} ``ax.plot`` (the curve).

    {returns}

    >>> ax = plot_lorenz([5, 1, 1, 1], label="shop A", linewidth=3)
    >>> ax.get_legend().get_texts()[1].get_text(), ax.lines[1].get_linewidth()
    ('shop A', 3.0)
    """
    points = lorenz_curve(data, value_col=value_col)
    ax = get_ax(ax, figsize=(5, 5))
    ax.plot([0, 1], [0, 1], color="grey", linestyle="--", label=t("tiers_legend_equality"))
    text = label or t("tiers_legend_lorenz", gini=f"{gini(data, value_col=value_col):.3f}")
    ax.plot(points["customer_share"], points["value_share"], label=text, **kw)
    ax.fill_between(points["customer_share"], points["value_share"], points["customer_share"], alpha=0.15)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    _percent_axis(ax.xaxis)
    _percent_axis(ax.yaxis)
    ax.legend(loc="upper left")
    return decorate(ax, title="tiers_title_lorenz", xlabel="tiers_axis_cum_customer_share",
                    ylabel="tiers_axis_cum_value_share")


def plot_whale(data, *, ax=None, value_col: str | None = None, **kw):
    """Whale curve: cumulative profit as % of total against customers ranked by profit, peak marked (§2.7).

    Parameters
    ----------
    data : WhaleCurve, or profits
        A :func:`helpers.concentration.whale_curve` result, or one profit per customer.
    value_col : str, optional
        The profit column when ``data`` is a frame.
    {ax}
    {kw} ``ax.plot`` (the curve).

    {returns}

    >>> ax = plot_whale([500, 300, 200, 100, 50, -20, -50, -80, -100, -150], color="black")
    >>> "153.3" in ax.get_legend().get_texts()[1].get_text()
    True
    """
    whale = data if isinstance(data, WhaleCurve) else whale_curve(data, value_col=value_col)
    curve = whale.curve
    ax = get_ax(ax)
    ax.plot(curve["customer_share"], curve["profit_share"], **kw)
    ax.axhline(1, color="grey", linestyle="--", label=t("tiers_legend_total"))
    note = t("tiers_note_peak", peak=f"{whale.peak_profit_share * 100:.1f}",
             share=f"{whale.peak_customer_share * 100:.0f}")
    ax.scatter([whale.peak_customer_share], [whale.peak_profit_share], color="#d62728", zorder=3, label=note)
    ax.set_xlim(0, 1)
    ax.set_ylim(min(0, curve["profit_share"].min()), whale.peak_profit_share * 1.1)
    _percent_axis(ax.xaxis)
    _percent_axis(ax.yaxis)
    ax.legend(loc="lower right")
    return decorate(ax, title="tiers_title_whale", xlabel="tiers_axis_customer_share_ranked",
                    ylabel="tiers_axis_cum_profit_share")


def _trapezoid(level: int, levels: int) -> np.ndarray:
    """Corners of band ``level`` (0 = top) of a pyramid of unit height and base width 2."""
    top, bottom = 1 - level / levels, 1 - (level + 1) / levels
    return np.array([(-(1 - bottom), bottom), (1 - bottom, bottom), (1 - top, top), (-(1 - top), top)])


def plot_pyramid(data, *, ax=None, **kw):
    """Customer pyramid: one band per tier (金钻 at the top) with customers and value share beside it.

    Parameters
    ----------
    data : TierClassification, or values
        A :func:`helpers.tiers.customer_pyramid` result, or one value per customer tiered with its
        defaults (tier them yourself for another preset, shares or breaks).
    {ax}
    {kw} ``PolyCollection`` (the bands, e.g. ``alpha=0.6`` or ``facecolors=[...]``).

    {returns}

    >>> ax = plot_pyramid([5000, 3000, 800, 400, 300, 200, 150, 80, 50, 20], alpha=0.6)
    >>> len(ax.collections[0].get_paths()), ax.collections[0].get_alpha()
    (4, 0.6)
    """
    from matplotlib.collections import PolyCollection

    res = data if _is_result(data, "tier") else customer_pyramid(data)
    summary = res.summary()
    ax = get_ax(ax, figsize=(8, 4.5))
    levels = len(summary)
    bands = [_trapezoid(level, levels) for level in range(levels)]
    ax.add_collection(PolyCollection(bands, **{"facecolors": _TIER_COLOURS[:levels], "edgecolors": "white", **kw}))
    for level, row in summary.iterrows():
        middle = bands[level][:, 1].mean()
        note = t("tiers_note_pyramid", n=f"{int(row['customers']):,}", customers=f"{row['customer_share']:.1%}",
                 value=f"{row['value_share']:.1%}")
        ax.text(1.05, middle, f"{row['label']}\n{note}", va="center", ha="left")
    ax.set_xlim(-1.05, 2.6)
    ax.set_ylim(0, 1.02)
    ax.set_axis_off()
    return decorate(ax, title="tiers_title_pyramid")
