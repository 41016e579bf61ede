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
from helpers.i18n import t
from helpers.plots.base import currency_of, decorate, get_ax, readable_ticks, with_unit
from helpers.plots.live import ARTISTS, FULL, NOTHING, LiveChart
from helpers.tiers import ABC_CLASSES, TierClassification, abc_classify, customer_pyramid

__all__ = ["plot_pareto", "plot_lorenz", "plot_whale", "plot_pyramid", "ParetoChart", "PyramidChart"]

# above this many customers single bars become unreadable, so the Pareto chart draws an area
_MAX_BARS = 150
# a curve through more ranked customers than this is drawn through this many (a few per pixel)
_MAX_CURVE_POINTS = 2000
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
    ax = get_ax(ax)
    ParetoChart(ax, **kw).update(res)
    return ax


def _curve_points(n: int) -> np.ndarray:
    """Positions of the ranked customers a curve is drawn through: all of them up to
    :data:`_MAX_CURVE_POINTS`, else evenly spaced ones (first and last included). A ranked curve is
    monotone, so the skipped points lie between their neighbours, less than a pixel apart.

    >>> _curve_points(5).tolist(), len(_curve_points(100_000)), _curve_points(100_000)[[0, -1]].tolist()
    ([0, 1, 2, 3, 4], 2000, [0, 99999])
    """
    if n <= _MAX_CURVE_POINTS:
        return np.arange(n)
    return np.unique(np.linspace(0, n - 1, _MAX_CURVE_POINTS).round().astype(int))


class ParetoChart(LiveChart):
    """The chart of :func:`plot_pareto`, updated in place by the tier explorer.

    ``update(result)`` takes an :func:`helpers.tiers.abc_classify` result. Values and cumulative
    share are drawn when they change; new breaks or a new method only move the ABC bands and
    rewrite the legend. ``kw`` go to ``ax.bar`` or ``ax.fill_between``.

    >>> from helpers.tiers import abc_classify
    >>> values = [5000, 3000, 800, 400, 300, 200, 150, 80, 50, 20]
    >>> chart = ParetoChart(get_ax())
    >>> chart.update(abc_classify(values)), chart.update(abc_classify(values, breaks=(0.4, 0.9)))
    ('full', 'artists')
    >>> chart.bands[0].get_width()            # class A: the first customer only
    1.0
    """

    def __init__(self, ax, **kw):
        super().__init__(ax)
        self.kw = kw
        self.bands: list = []
        self._values = None
        self._share = self._legend = None

    def update(self, result) -> str:
        table = result.table
        values = table["value"].to_numpy()
        change = ARTISTS
        if self._values is None or not np.array_equal(values, self._values):
            self._draw_values(table)
            self._values = values
            self.key = ("pareto", len(values), hash(values.tobytes()))
            change = FULL
        # ABC cuts a ranked list, so each class is one run of ranks: its count says where it ends
        summary = result.summary()
        ends = np.cumsum(summary["customers"].to_numpy())
        n = len(table)
        for band, text, first, last, (_, row) in zip(self.bands, self._legend.get_texts(),
                                                      np.concatenate([[0], ends[:-1]]), ends, summary.iterrows()):
            band.set_x(first + 0.5)
            band.set_width(float(last - first))
            text.set_text(f"{row['label']} · {(last - first) / n:.0%}")
        return change

    def _draw_values(self, table) -> None:
        ax = self.ax
        if self._share is not None:      # drawn before: start again (a first drawing keeps what the caller drew)
            self._share.remove()
            ax.clear()
        rank, value, at = table["rank"].to_numpy(), table["value"].to_numpy(), _curve_points(len(table))
        if len(table) <= _MAX_BARS:
            ax.bar(rank, value, **{"width": 0.8, "color": "#8c8c8c", **self.kw})
        else:
            ax.fill_between(rank[at], value[at], **{"step": "mid", "color": "#8c8c8c", **self.kw})
        self.bands = [ax.axvspan(0.5, 0.5, color=colour, alpha=0.25) for colour in _ABC_COLOURS]
        share = self._share = ax.twinx()
        line, = share.plot(rank[at], table["cum_value_share"].to_numpy()[at], color="#d62728",
                           marker="o" if len(table) <= 30 else None, label=t("tiers_legend_cum_share"))
        share.set_ylim(0, 1.05)
        _percent_axis(share.yaxis)
        share.set_ylabel(t("tiers_axis_cum_value_share"))
        share.grid(False)
        # below the cumulative line, which rises to the top right
        self._legend = ax.legend(handles=self.bands, labels=list(ABC_CLASSES), loc="lower right", framealpha=0.9)
        readable_ticks(ax.xaxis)
        readable_ticks(ax.yaxis)
        decorate(ax, title="tiers_title_pareto", xlabel="tiers_axis_customers_ranked",
                 ylabel=with_unit(t("tiers_axis_value"), currency_of(table)))
        self.dynamic = [*self.bands, line, self._legend]      # redrawn in this order: the legend on top


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
    res = data if _is_result(data, "tier") else customer_pyramid(data)
    ax = get_ax(ax, figsize=(8, 4.5))
    PyramidChart(ax, **kw).update(res)
    return ax


class PyramidChart(LiveChart):
    """The chart of :func:`plot_pyramid`, updated in place by the tier explorer: the bands stay, the
    notes beside them (tier, customers, value share) are rewritten. The notes stand outside the
    bands' Axes and take part in the layout, so new notes lay the figure out again.
    ``kw`` go to the ``PolyCollection``.

    >>> from helpers.tiers import customer_pyramid
    >>> chart = PyramidChart(get_ax())
    >>> values = [5000, 3000, 800, 400, 300, 200, 150, 80, 50, 20]
    >>> chart.update(customer_pyramid(values)), chart.update(customer_pyramid(values))
    ('full', 'nothing')
    """

    def __init__(self, ax, **kw):
        super().__init__(ax)
        self.kw = kw
        self._levels = None
        self._notes: list = []

    def update(self, result) -> str:
        summary = result.summary()
        if self._levels != len(summary):
            self._draw_bands(len(summary))
        notes = [f"{row['label']}\n" + t("tiers_note_pyramid", n=f"{int(row['customers']):,}",
                                           customers=f"{row['customer_share']:.1%}", value=f"{row['value_share']:.1%}")
                 for _, row in summary.iterrows()]
        if notes == [note.get_text() for note in self._notes]:
            return NOTHING
        for note, text in zip(self._notes, notes):
            note.set_text(text)
        self.key = ("pyramid", *notes)
        return FULL

    def _draw_bands(self, levels: int) -> None:
        from matplotlib.collections import PolyCollection

        ax = self.ax
        if self._levels is not None:     # drawn before: start again
            ax.clear()
        bands = [_trapezoid(level, levels) for level in range(levels)]
        ax.add_collection(PolyCollection(bands, **{"facecolors": _TIER_COLOURS[:levels], "edgecolors": "white",
                                                   **self.kw}))
        self._notes = [ax.text(1.05, band[:, 1].mean(), "", va="center", ha="left") for band in bands]
        ax.set_xlim(-1.05, 2.6)
        ax.set_ylim(0, 1.02)
        ax.set_axis_off()
        decorate(ax, title="tiers_title_pyramid")
        self._levels = levels
