"""Lifecycle charts: states, migration heatmap, the customer-flow diagram (客户流转模式图),
growth accounting and cohort retention. Axes-level, titles and labels from the catalogue.

    >>> import pandas as pd
    >>> from helpers.lifecycle import relationship_states
    >>> from helpers.plots.lifecycle import plot_state_distribution
    >>> tx = pd.DataFrame({"customer_id": ["a", "b", "b"], "amount": [5.0, 9.0, 4.0],
    ...                    "order_date": pd.to_datetime(["2024-06-01", "2024-05-01", "2024-06-10"])})
    >>> ax = plot_state_distribution(relationship_states(tx, as_of="2024-06-30"))
    >>> [float(bar.get_width()) for bar in ax.patches]
    [1.0, 1.0]

Every chart takes the data first, then keyword-only options and ``ax``; extra keywords go to the
one matplotlib (or seaborn) call that draws the main artist, named in each docstring.
"""
from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd

from helpers.i18n import get_language, t
from helpers.lifecycle import STATES, state_labels
from helpers.plots.base import VALUE_TEXT, decorate, get_ax, readable_ticks
from helpers.validation import Interval, Options, validate_params

__all__ = ["plot_state_distribution", "plot_migration_heatmap", "plot_customer_flow", "plot_growth_accounting",
           "plot_cohort_retention"]

#: Box centres of the flow diagram, laid out as the course draws it: the road to becoming a
#: customer along the top, the current customers in a group, warning and loss below, win-back
#: leading back.
FLOW_LAYOUT = {
    "non_customer": (0.0, 2.0), "prospect": (2.2, 2.0), "target": (4.4, 2.0),
    "new": (6.6, 2.0), "repeat": (8.8, 2.0), "loyal": (11.0, 2.0),
    "at_risk": (9.9, 0.5), "lost": (11.0, -1.0), "reactivated": (6.6, -1.0),
}
BOX_W, BOX_H = 1.4, 0.62
STATE_COLOURS = {"non_customer": "#d9d9d9", "prospect": "#c6dbef", "target": "#9ecae1", "new": "#c7e9c0",
                 "repeat": "#a1d99b", "loyal": "#74c476", "at_risk": "#fdd0a2", "lost": "#fc9272",
                 "reactivated": "#dadaeb"}


def _wrapped(text: str) -> str:
    """Break long (English) labels over two lines so they fit a box; Chinese labels have no spaces."""
    return textwrap.fill(text, 12) if get_language() == "en" else text


def _integer_ticks(axis) -> None:
    """Customer counts are whole numbers: no 0.5 ticks on small data."""
    from matplotlib.ticker import MaxNLocator

    axis.set_major_locator(MaxNLocator(integer=True))


def _colorbar_format(ax, *, percent: bool) -> None:
    """Colour-bar ticks as percentages (shares 0–1) or with thousands separators."""
    from matplotlib.ticker import PercentFormatter

    colorbar = ax.collections[0].colorbar if ax.collections else None
    if colorbar is not None:
        if percent:
            colorbar.ax.yaxis.set_major_formatter(PercentFormatter(xmax=1.0, decimals=0))
        else:
            readable_ticks(colorbar.ax.yaxis)


def plot_state_distribution(states, *, ax=None, **kw):
    """Horizontal bars: customers per relationship state, in the order of the flow model.

    ``states`` is a :func:`helpers.lifecycle.relationship_states` result (or a Series of state ids).

    Parameters
    ----------
    {ax}
    {kw} ``ax.barh``.

    {returns}

    >>> import pandas as pd
    >>> from helpers.i18n import language
    >>> with language("en"):
    ...     ax = plot_state_distribution(pd.Series(["lost", "new", "lost"]), height=0.5)
    >>> [tick.get_text() for tick in ax.get_yticklabels()], [float(bar.get_width()) for bar in ax.patches]
    (['First-time buyers', 'Lost customers'], [1.0, 2.0])
    """
    ids = states.classes if hasattr(states, "classes") else pd.Series(states)
    counts = ids.value_counts().reindex([s for s in STATES if s in set(ids)])
    ax = get_ax(ax)
    colours = [STATE_COLOURS[s] for s in counts.index]
    bars = ax.barh(state_labels(list(counts.index)), counts.to_numpy(),
                   **{"color": colours, "edgecolor": "grey", **kw})
    ax.bar_label(bars, padding=3, fmt="{:,.0f}", **VALUE_TEXT)
    ax.margins(x=0.12)                 # room for the count labels
    ax.invert_yaxis()
    _integer_ticks(ax.xaxis)
    readable_ticks(ax.xaxis)
    as_of = getattr(states, "params", {}).get("as_of", "")
    return decorate(ax, title=t("lc_plot_states_title", as_of=as_of), xlabel="lc_plot_customers",
                    ylabel="lc_plot_state")


@validate_params(kind=Options("counts", "probabilities"), drop_empty=Options(True, False))
def plot_migration_heatmap(matrix, *, kind: str = "counts", ax=None, drop_empty: bool = True, **kw):
    """Heatmap of a :class:`helpers.migration.TransitionMatrix`: ``kind="counts"`` or ``"probabilities"``.

    ``drop_empty`` hides states nobody was in at either date.

    Parameters
    ----------
    {ax}
    {kw} ``seaborn.heatmap``.

    {returns}

    >>> import pandas as pd
    >>> from helpers.migration import migration_matrix
    >>> tx = pd.DataFrame({"customer_id": ["a", "a"], "amount": [1.0, 1.0],
    ...                    "order_date": pd.to_datetime(["2024-01-05", "2024-03-01"])})
    >>> ax = plot_migration_heatmap(migration_matrix(tx, "2024-01-31", "2024-03-31"), kind="probabilities")
    >>> [text.get_text() for text in ax.texts]
    ['0%', '100%']
    """
    import seaborn as sns

    counts = matrix.counts
    frame = getattr(matrix, kind)
    if drop_empty:
        used = [s for s in counts.index if counts.loc[s].sum() + counts[s].sum() > 0]
        frame = frame.loc[used, used]
    ax = get_ax(ax, figsize=(7, 6))
    labelled = frame.set_axis(state_labels(list(frame.index)), axis=0).set_axis(
        state_labels(list(frame.columns)), axis=1)
    fmt = ",d" if kind == "counts" else ".0%"
    unit = t("lc_plot_customers") if kind == "counts" else t("lc_plot_probability")
    sns.heatmap(labelled, ax=ax, **{"annot": True, "fmt": fmt, "cmap": "Blues", "linewidths": 0.5,
                                    "cbar_kws": {"label": unit}, **kw})
    _colorbar_format(ax, percent=kind == "probabilities")
    ax.tick_params(axis="x", labelrotation=30)
    ax.tick_params(axis="y", labelrotation=0)
    ax.grid(False)
    title = t("lc_plot_migration_title", t0=matrix.params.get("t0", ""), t1=matrix.params.get("t1", ""))
    return decorate(ax, title=title, xlabel="lc_plot_to", ylabel="lc_plot_from")


def _arrow_label_point(start, end, rad):
    """Midpoint of matplotlib's ``arc3`` curve between two points (quadratic Bézier at t = ½)."""
    (x1, y1), (x2, y2) = start, end
    return (x1 + x2) / 2 + rad * (y2 - y1) / 2, (y1 + y2) / 2 - rad * (x2 - x1) / 2


@validate_params(rad=Interval(float, -1, 1))
def plot_customer_flow(flow, *, ax=None, rad: float = 0.2, **kw):
    """The 客户流转模式图 with counts: a box per state (customers at start → end) and an arrow per
    move with the number of customers who made it. Course arrows are solid (zero shown in grey),
    other observed moves dashed. ``flow`` is a :func:`helpers.migration.customer_flow` result.

    Parameters
    ----------
    {ax}
    {kw} ``ax.annotate`` (each arrow).

    {returns}

    >>> import pandas as pd
    >>> from helpers.migration import customer_flow
    >>> tx = pd.DataFrame({"customer_id": ["a"], "amount": [1.0], "order_date": pd.to_datetime(["2024-03-01"])})
    >>> flow = customer_flow(tx, "2024-01-31", "2024-03-31")
    >>> ax = plot_customer_flow(flow, rad=0.1)
    >>> sum(1 for text in ax.texts if getattr(text, "arrow_patch", None) is not None) == len(flow.edges)
    True
    """
    from matplotlib.patches import FancyBboxPatch

    ax = get_ax(ax, figsize=(13, 6))
    boxes = {}
    for state, (x, y) in FLOW_LAYOUT.items():
        box = FancyBboxPatch((x - BOX_W / 2, y - BOX_H / 2), BOX_W, BOX_H, boxstyle="round,pad=0.03",
                             facecolor=STATE_COLOURS[state], edgecolor="grey", zorder=4)   # above the arrows
        boxes[state] = ax.add_patch(box)
        start, end = flow.stocks.loc[state, ["start", "end"]]
        ax.text(x, y, f"{_wrapped(state_labels(state))}\n{start:,} → {end:,}", ha="center", va="center",
                fontsize=10, zorder=5)
    (gx0, gy), (gx1, _) = FLOW_LAYOUT["new"], FLOW_LAYOUT["loyal"]
    ax.add_patch(FancyBboxPatch((gx0 - BOX_W / 2 - 0.15, gy - BOX_H / 2 - 0.12), gx1 - gx0 + BOX_W + 0.3,
                                BOX_H + 0.5, boxstyle="round,pad=0.02", fill=False, linestyle="--",
                                edgecolor="#31a354"))
    ax.text((gx0 + gx1) / 2, gy + BOX_H / 2 + 0.2, t("lc_group_current"), ha="center", fontsize=9,
            color="#31a354")
    top = max(flow.edges["customers"].max(), 1)
    for edge in flow.edges.itertuples():
        start, end = FLOW_LAYOUT[edge.source], FLOW_LAYOUT[edge.target]
        colour = "#444444" if edge.customers and edge.course else "#aaaaaa"
        ax.annotate("", xy=end, xytext=start, arrowprops=dict(
            arrowstyle="-|>", color=colour, linestyle="-" if edge.course else "--",
            linewidth=1 + 2.5 * edge.customers / top, connectionstyle=f"arc3,rad={rad}",
            patchA=boxes[edge.source], patchB=boxes[edge.target], shrinkA=2, shrinkB=2), **{"zorder": 2, **kw})
        ax.text(*_arrow_label_point(start, end, rad), f"{edge.customers:,}", ha="center", va="center",
                fontsize=9, color=colour, zorder=3,
                bbox=dict(boxstyle="round,pad=0.15", facecolor="white", edgecolor="none"))
    xs, ys = zip(*FLOW_LAYOUT.values())
    ax.set_xlim(min(xs) - 1, max(xs) + 1)
    ax.set_ylim(min(ys) - 0.7, max(ys) + 0.9)
    ax.set_aspect("equal")
    ax.axis("off")
    return decorate(ax, title=t("lc_plot_flow_title", t0=flow.params.get("t0", ""), t1=flow.params.get("t1", "")))


def plot_growth_accounting(growth, *, ax=None, **kw):
    """Per period: new and resurrected customers stacked upwards, churned downwards.

    ``growth`` is a :func:`helpers.cohorts.growth_accounting` table.

    Parameters
    ----------
    {ax}

    {returns}

    >>> import pandas as pd
    >>> from helpers.cohorts import growth_accounting
    >>> tx = pd.DataFrame({"customer_id": ["a", "b"], "amount": [1.0, 1.0],
    ...                    "order_date": pd.to_datetime(["2024-01-05", "2024-04-01"])})
    >>> ax = plot_growth_accounting(growth_accounting(tx), width=0.6)
    >>> sorted(float(bar.get_height()) for bar in ax.patches)          # Q2: 1 new, 1 churned
    [-1.0, 0.0, 0.0, 0.0, 1.0, 1.0]
    """
    import seaborn as sns
    from matplotlib.patches import Patch

    ax = get_ax(ax, figsize=(max(6.0, 0.5 * len(growth) + 2), 4.5))
    palette = sns.color_palette()
    x = np.arange(len(growth))
    parts = [("new", growth["new"], 0, palette[0]), ("resurrected", growth["resurrected"], growth["new"], palette[2]),
             ("churned", -growth["churned"], 0, palette[1])]
    heights = np.concatenate([np.asarray(h, dtype=float) for _, h, _, _ in parts])
    bottoms = np.concatenate([np.broadcast_to(np.asarray(b, dtype=float), len(x)) for _, _, b, _ in parts])
    colours = [c for _, _, _, c in parts for _ in x]
    ax.bar(np.tile(x, len(parts)), heights, **{"bottom": bottoms, "color": colours, **kw})
    ax.axhline(0, color="grey", linewidth=0.8)
    ax.set_xticks(x, [str(p) for p in growth.index], rotation=45 if len(growth) > 8 else 0)
    ax.legend(handles=[Patch(color=c, label=t(f"lc_growth.{name}")) for name, _, _, c in parts])
    _integer_ticks(ax.yaxis)
    return decorate(ax, title="lc_plot_growth_title", xlabel="lc_plot_period", ylabel="lc_plot_customers")


def plot_cohort_retention(cohorts, *, ax=None, **kw):
    """Heatmap of cohort retention rates (rows: first-purchase period, columns: k periods later).

    ``cohorts`` is a :func:`helpers.cohorts.cohort_retention` result; unobserved cells stay blank.

    Parameters
    ----------
    {ax}
    {kw} ``seaborn.heatmap``.

    {returns}

    >>> import pandas as pd
    >>> from helpers.cohorts import cohort_retention
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b"], "amount": [1.0, 1.0, 1.0],
    ...                    "order_date": pd.to_datetime(["2024-01-05", "2024-04-01", "2024-02-01"])})
    >>> ax = plot_cohort_retention(cohort_retention(tx))
    >>> [text.get_text() for text in ax.texts]
    ['100%', '50%']
    """
    import seaborn as sns

    rates = cohorts.rates.rename(index=str)
    ax = get_ax(ax, figsize=(max(6.0, 0.6 * rates.shape[1] + 2), max(3.5, 0.4 * len(rates) + 1.5)))
    small = rates.shape[1] <= 16
    sns.heatmap(rates, ax=ax, **{"annot": small, "fmt": ".0%", "cmap": "YlGnBu", "vmin": 0, "vmax": 1,
                                 "linewidths": 0.5, "annot_kws": {"fontsize": 8},
                                 "cbar_kws": {"label": t("lc_plot_retention_rate")}, **kw})
    _colorbar_format(ax, percent=True)
    ax.tick_params(axis="y", labelrotation=0)
    ax.grid(False)
    return decorate(ax, title="lc_plot_cohort_title", xlabel="lc_plot_periods_since", ylabel="lc_plot_cohort")
