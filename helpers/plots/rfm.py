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
from helpers.plots.base import currency_of, decorate, get_ax, readable_ticks, with_unit
from helpers.plots.live import ARTISTS, FULL, LiveChart

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
    value_text = t(_VALUE_LABELS[value_col]) if value_col in _VALUE_LABELS else value_col
    unit = currency_of(table) if value_col == "monetary" else t("rfm_unit_days") if value_col == "recency_days" else None
    options = {"annot": True, "fmt": ",.0f", "cmap": "Blues", "linewidths": 0.5,
               "cbar_kws": {"label": with_unit(t("rfm_heatmap_mean", value=value_text), unit)}}
    sns.heatmap(grid, ax=ax, **{**options, **kw})
    if ax.collections and ax.collections[0].colorbar is not None:
        readable_ticks(ax.collections[0].colorbar.ax.yaxis)
    ax.grid(False)  # an R×F cell without customers must look empty, not show the theme's grid through it
    return decorate(ax, title=with_unit(t("rfm_heatmap_title", value=value_text), unit),
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
    order (largest revenue first). While the same segments are shown on the same share axis,
    only the bars and the segment axis (names in their new order) are drawn again. ``kw`` go to
    ``ax.barh``.

    >>> import pandas as pd
    >>> from helpers.plots.base import get_ax
    >>> chart = SegmentSizesChart(get_ax())
    >>> summary = pd.DataFrame({"label": ["A", "B"], "customer_share": [0.3, 0.7], "revenue_share": [0.6, 0.4]})
    >>> chart.update(summary)
    'full'
    >>> chart.update(summary.iloc[::-1].assign(revenue_share=[0.5, 0.2]))     # B first now
    'artists'
    >>> [t.get_text() for t in chart.ax.get_yticklabels()], [float(b.get_width()) for b in chart.ax.patches[2:]]
    (['A', 'B'], [0.2, 0.5])
    """

    _BAR_HEIGHT = 0.4

    def __init__(self, ax, **kw):
        super().__init__(ax)
        self.kw = kw
        self._drawn = None             # (the set of segments, end of the share axis) laid out
        self._bars: list = []
        self._legend = None

    def update(self, summary) -> str:
        shares = summary.set_index("label")[["customer_share", "revenue_share"]].iloc[::-1]
        widths = shares.to_numpy(dtype=float)
        drawn = (frozenset(shares.index), _share_limit(float(widths.max(initial=0.0))))
        change = ARTISTS
        if self._drawn is None:
            self._frame()
        if drawn != self._drawn:
            if self._drawn is None or len(drawn[0]) != len(self._drawn[0]):
                self._set_rows(len(shares))
            self.ax.set_xlim(0, drawn[1])
            self._drawn = self.key = drawn           # the names (their room) and the share axis: the rest is fixed
            change = FULL
        self.ax.set_yticks(np.arange(len(shares)), list(shares.index))
        for bar, width in zip(self._bars, widths.T.ravel()):    # customer-share bars, then revenue-share bars
            bar.set_width(width)
        return change

    def _frame(self) -> None:
        """What stays whatever the segments: share axis, titles, legend."""
        from matplotlib.patches import Patch

        ax = self.ax
        ax.set_autoscale_on(False)
        ax.xaxis.set_major_formatter("{x:.0%}")
        handles = [Patch(color=self.kw.get("color", f"C{i}"), label=t(key))
                   for i, key in enumerate(("seg_customer_share", "seg_revenue_share"))]
        self._legend = ax.legend(handles=handles, loc="lower right")
        decorate(ax, title="seg_sizes_title", xlabel="seg_share", ylabel="seg_segment")

    def _set_rows(self, n_rows: int) -> None:
        """One pair of bars per segment."""
        for bar in self._bars:
            bar.remove()
        y = np.arange(n_rows)
        self._bars = []
        for i in range(2):
            self._bars += self.ax.barh(y + (i - 0.5) * self._BAR_HEIGHT, np.zeros(n_rows), height=self._BAR_HEIGHT,
                                       **{"color": f"C{i}", **self.kw}).patches
        self.ax.set_ylim(-0.5, n_rows - 0.5)
        # the segment axis (names, grid lines) under the bars, the legend over them; a new order of
        # the same names keeps the layout, so only these are drawn again
        self.dynamic = [self.ax.yaxis, *self._bars, self._legend]


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
