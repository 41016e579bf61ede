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

import pandas as pd

from helpers.i18n import t
from helpers.plots.base import currency_of, decorate, get_ax, readable_ticks, with_unit

__all__ = ["plot_rfm_heatmap", "plot_segment_sizes", "plot_score_distribution"]

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
    {kw} ``DataFrame.plot.barh``.

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
    shares = summary.set_index("label")[["customer_share", "revenue_share"]]
    shares = shares.set_axis([t("seg_customer_share"), t("seg_revenue_share")], axis=1)
    ax = get_ax(ax, figsize=(7, 0.45 * len(shares) + 1.5))
    shares.iloc[::-1].plot.barh(ax=ax, width=0.8, **kw)
    ax.xaxis.set_major_formatter("{x:.0%}")
    ax.legend(loc="lower right")
    return decorate(ax, title="seg_sizes_title", xlabel="seg_share", ylabel="seg_segment")


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
