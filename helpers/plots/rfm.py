"""RFM charts: R×F heatmap, segment sizes with revenue share, score distributions.

    >>> import pandas as pd
    >>> from helpers.rfm.scores import rfm_score
    >>> from helpers.i18n import t
    >>> from helpers.plots.rfm import plot_rfm_heatmap
    >>> rfm = pd.DataFrame({"recency_days": [3, 40, 200], "frequency": [6, 2, 1],
    ...                     "monetary": [600.0, 90.0, 20.0]}, index=["a", "b", "c"])
    >>> ax = plot_rfm_heatmap(rfm_score(rfm, n_bins=3, method="rank_first"))
    >>> ax.get_xlabel() == t("rfm_f_score")
    True
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

from helpers.i18n import t
from helpers.plots.base import decorate, get_ax
from helpers.plots.live import ARTISTS, FIGURE, LAYOUT, LiveChart, most

__all__ = ["plot_rfm_heatmap", "plot_segment_sizes", "plot_score_distribution", "SegmentSizesChart"]

_VALUE_LABELS = {"monetary": "rfm_monetary", "frequency": "rfm_frequency",
                 "recency_days": "rfm_recency_days"}


def plot_rfm_heatmap(scored, *, value_col: str = "monetary", ax=None, **kw):
    """Mean ``value_col`` of the customers in each R score × F score cell (R ``rfm_heatmap``).

    ``scored`` is an :class:`~helpers.rfm.RFMScores` (or its table); ``kw`` go to
    ``seaborn.heatmap`` (e.g. ``cmap``, ``fmt``).

    Parameters
    ----------
    {ax}
    {kw} ``seaborn.heatmap``.

    {returns}

    >>> import pandas as pd
    >>> from helpers.rfm import rfm_score
    >>> rfm = pd.DataFrame({"recency_days": [3, 40, 200], "frequency": [6, 2, 1],
    ...                     "monetary": [600.0, 90.0, 20.0]}, index=["a", "b", "c"])
    >>> ax = plot_rfm_heatmap(rfm_score(rfm, n_bins=3, method="rank_first"), value_col="frequency")
    >>> sorted(text.get_text() for text in ax.texts)
    ['1', '2', '6']
    """
    import seaborn as sns

    table = getattr(scored, "table", scored)
    scores = range(1, int(table[["R", "F"]].max().max()) + 1)
    grid = (table.pivot_table(index="R", columns="F", values=value_col, aggfunc="mean")
            .reindex(index=list(scores)[::-1], columns=list(scores)))
    ax = get_ax(ax)
    options = {"annot": True, "fmt": ".0f", "cmap": "Blues", "linewidths": 0.5,
               "cbar_kws": {"label": t(_VALUE_LABELS[value_col])} if value_col in _VALUE_LABELS else {}}
    sns.heatmap(grid, ax=ax, **{**options, **kw})
    ax.grid(False)  # an R×F cell without customers must look empty, not show the theme's grid through it
    value_text = t(_VALUE_LABELS[value_col]) if value_col in _VALUE_LABELS else value_col
    return decorate(ax, title=t("rfm_heatmap_title", value=value_text),
                    xlabel="rfm_f_score", ylabel="rfm_r_score")


def plot_segment_sizes(segmented, *, ax=None, **kw):
    """Share of customers and share of revenue per segment, as paired horizontal bars.

    ``segmented`` is a segmentation result (summarised with
    :func:`helpers.segments.segment_summary`) or such a summary table.

    Parameters
    ----------
    {ax}
    {kw} ``ax.barh`` (each of the two bar series).

    {returns}

    >>> import pandas as pd
    >>> from helpers.segments import rfm_segment
    >>> rfm = pd.DataFrame({"recency_days": [5, 300], "frequency": [8, 1], "monetary": [800.0, 10.0],
    ...                     "orders": [8, 1], "revenue": [800.0, 10.0]}, index=["a", "b"])
    >>> ax = plot_segment_sizes(rfm_segment(rfm, "rfm11"))
    >>> len(ax.patches)                       # two segments × (customer share, revenue share)
    4
    """
    from helpers.segments import segment_summary

    summary = segmented if isinstance(segmented, pd.DataFrame) else segment_summary(segmented)
    ax = get_ax(ax, figsize=(7, 0.45 * len(summary) + 1.5))
    SegmentSizesChart(ax, **kw).update(summary)
    return ax


def _share_limit(largest: float, step: float = 0.1) -> float:
    """The end of a share axis: the largest share plus 5 %, rounded up to a multiple of ``step``.

    Rounded so that most changes of the shares keep the axis (and an explorer's saved background).

    >>> _share_limit(0.39), _share_limit(0.33), _share_limit(0.0)
    (0.5, 0.4, 0.1)
    """
    return max(step, round(math.ceil(round(largest * 1.05 / step, 9)) * step, 9))


class SegmentSizesChart(LiveChart):
    """The chart of :func:`plot_segment_sizes`, updated in place by the RFM explorer.

    ``update(summary)`` takes a :func:`helpers.segments.segment_summary` table, drawn in its row
    order (largest revenue first). The same segments keep their places when the shares change,
    so a class sees the bars grow and shrink; other segments replace the rows. ``kw`` go to
    ``ax.barh``.

    >>> import pandas as pd
    >>> from helpers.plots.base import get_ax
    >>> chart = SegmentSizesChart(get_ax())
    >>> summary = pd.DataFrame({"label": ["A", "B"], "customer_share": [0.3, 0.7], "revenue_share": [0.6, 0.4]})
    >>> chart.update(summary)
    'layout'
    >>> chart.update(summary.assign(customer_share=[0.4, 0.6]))
    'artists'
    >>> [round(bar.get_width(), 2) for bar in chart.ax.patches[:2]]      # B below A, customer shares
    [0.6, 0.4]
    """

    _BAR_HEIGHT = 0.4

    def __init__(self, ax, **kw):
        super().__init__(ax)
        self.kw = kw
        self.rows: tuple = ()          # segment labels, bottom row first
        self._end = None               # where the share axis ends
        self._bars, self._legend = [], None
        self._laid_out: tuple = ()     # the names the layout was made for
        self._room = -1.0              # and the width (pixels) of the widest of them, once measured

    def update(self, summary) -> str:
        shares = summary.set_index("label")[["customer_share", "revenue_share"]].iloc[::-1]
        end = _share_limit(float(shares.to_numpy(dtype=float).max(initial=0.0)))
        change = ARTISTS
        if self._legend is None:
            self._frame()
            change = LAYOUT
        if end != self._end:
            self.ax.set_xlim(0, end)
            self._end = end
            change = most(change, FIGURE)
        if set(self.rows) != set(shares.index):
            change = most(change, self._set_rows(tuple(shares.index)))
        widths = shares.loc[list(self.rows)].to_numpy(dtype=float)
        for bar, width in zip(self._bars, widths.T.ravel()):    # customer-share bars, then revenue-share bars
            bar.set_width(width)
        return change

    def _frame(self) -> None:
        """Share axis, titles and legend: what stays while the segments change."""
        from matplotlib.patches import Patch

        ax = self.ax
        ax.xaxis.set_major_formatter("{x:.0%}")
        decorate(ax, title="seg_sizes_title", xlabel="seg_share", ylabel="seg_segment")
        ax.set_autoscale_on(False)
        handles = [Patch(color=self.kw.get("color", f"C{i}"), label=t(key))
                   for i, key in enumerate(("seg_customer_share", "seg_revenue_share"))]
        self._legend = ax.legend(handles=handles, loc="lower right")

    def _set_rows(self, rows: tuple) -> str:
        """Bars and names of these segments: LAYOUT when a name is wider than the room laid out, else FIGURE."""
        ax = self.ax
        for bar in self._bars:
            bar.remove()
        y = np.arange(len(rows))
        self._bars = []
        for i in range(2):
            self._bars += ax.barh(y + (i - 0.5) * self._BAR_HEIGHT, np.zeros(len(rows)), height=self._BAR_HEIGHT,
                                  **{"color": f"C{i}", **self.kw}).patches
        ax.set_yticks(y, list(rows))
        ax.set_ylim(-0.5, len(rows) - 0.5)
        first, self.rows = not self.rows, rows
        self.dynamic = self._bars + [self._legend]      # the legend is drawn over the bars
        if first:
            self._laid_out = rows
            return LAYOUT
        # the names are measured only when they change after the first drawing (an explorer)
        if self._room < 0:
            self._room = self._width(self._laid_out)
        width = self._width(rows)
        if width <= self._room:
            return FIGURE
        self._room, self._laid_out = width, rows
        return LAYOUT

    def _width(self, names) -> float:
        """Width in pixels of the widest of these names, written as the segment names are."""
        from matplotlib.text import Text

        renderer = self.ax.figure.canvas.get_renderer()
        label = self.ax.get_yticklabels()[0]
        return max(Text(text=name, fontproperties=label.get_fontproperties(), figure=self.ax.figure)
                   .get_window_extent(renderer).width for name in names)


def plot_score_distribution(scored, *, ax=None, **kw):
    """Customers per score (1…n) for R, F and M side by side; shows empty or crowded bins.

    Parameters
    ----------
    {ax}
    {kw} ``DataFrame.plot.bar``.

    {returns}

    >>> import pandas as pd
    >>> from helpers.rfm import rfm_score
    >>> rfm = pd.DataFrame({"recency_days": [3, 40, 200], "frequency": [6, 2, 1],
    ...                     "monetary": [600.0, 90.0, 20.0]}, index=["a", "b", "c"])
    >>> ax = plot_score_distribution(rfm_score(rfm, n_bins=3, method="rank_first"))
    >>> [int(bar.get_height()) for bar in ax.patches][:3]  # one customer with each R score
    [1, 1, 1]
    """
    table = getattr(scored, "table", scored)
    counts = pd.DataFrame({dim: table[dim].value_counts() for dim in ("R", "F", "M")})
    counts = counts.reindex(range(1, int(counts.index.max()) + 1)).fillna(0).astype(int)
    counts.index.name = t("rfm_score_value")
    ax = get_ax(ax)
    counts.plot.bar(ax=ax, rot=0, **kw)
    ax.legend(title=t("rfm_dimension"))
    return decorate(ax, title="rfm_score_dist_title", xlabel="rfm_score_value", ylabel="rfm_customers")
