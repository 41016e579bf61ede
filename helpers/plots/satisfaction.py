"""Charts for satisfaction surveys: NPS bar, CSAT distribution, SERVQUAL gaps, Kano Better–Worse, alpha.

Each takes the data first, then keyword-only options, ``ax=None`` and ``**kw`` for the one
matplotlib call that draws the main artist (the shared texts: :mod:`helpers.plots._docstrings`).

    >>> from helpers.plots.satisfaction import plot_nps
    >>> ax = plot_nps([10, 9, 8, 3, 10])
    >>> "NPS" in ax.get_title()
    True

The importance–performance chart is the ValueMatrix plot of :mod:`helpers.matrices`.
"""
from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from helpers.display import column_label
from helpers.i18n import label, t
from helpers.kano import CATEGORY_IDS
from helpers.plots.base import VALUE_TEXT, decorate, get_ax
from helpers.reliability import ACCEPTABLE_ALPHA
from helpers.satisfaction import NPS_GROUPS, NpsResult, csat, nps

__all__ = ["plot_nps", "plot_csat", "plot_servqual_gaps", "plot_kano", "plot_alpha_if_deleted"]

NPS_COLORS = {"detractors": "#d7191c", "passives": "#bdbdbd", "promoters": "#1a9641"}
EXPECTATION_COLOR, PERCEPTION_COLOR, GAP_COLOR = "#9ecae1", "#3182bd", "#e6550d"
KANO_SPLIT = 0.5                           # quadrant boundary of the Better–Worse diagram


def _as_nps(data) -> NpsResult:
    return data if isinstance(data, NpsResult) else nps(data)


def _legend_patches(colors: dict, keys: dict):
    """Legend handles for bars drawn in one call: one coloured patch per label."""
    from matplotlib.patches import Patch

    return [Patch(facecolor=colors[k], label=t(keys[k])) for k in keys]


def plot_nps(data, *, ax=None, **kw):
    """Stacked horizontal bar of detractors / passives / promoters (% of respondents), one bar per group.

    Parameters
    ----------
    data : scores, NpsResult or mapping
        0–10 scores (a list, Series or one-column frame), an :class:`~helpers.satisfaction.NpsResult`,
        or a mapping name → scores/result to compare groups (channels, stores…).
    {ax}
    {kw} ``ax.barh`` (all segments).

    {returns}

    >>> ax = plot_nps({"store": [10, 9, 3], "online": [7, 8, 10]}, alpha=0.8)
    >>> [t.get_text() for t in ax.get_yticklabels()], len(ax.patches)
    (['store', 'online'], 6)
    """
    groups = dict(data) if isinstance(data, Mapping) else {"": data}
    results = {name: _as_nps(d) for name, d in groups.items()}
    ax = get_ax(ax, figsize=(7, 1.2 + 0.6 * len(results)))
    names = list(results)
    # one segment per group and NPS class, class by class (detractors first), in one call
    widths = np.array([[100 * getattr(r, f"{group.removesuffix('s')}_share") for r in results.values()]
                       for group in NPS_GROUPS])
    lefts = np.vstack([np.zeros(len(names)), widths.cumsum(axis=0)[:-1]])
    colors = [NPS_COLORS[group] for group in NPS_GROUPS for _ in names]
    ax.barh(names * len(NPS_GROUPS), widths.ravel(), left=lefts.ravel(), color=colors, **kw)
    for x0, width, y in zip(lefts.ravel(), widths.ravel(), list(range(len(names))) * len(NPS_GROUPS)):
        if width >= 6:
            ax.text(x0 + width / 2, y, f"{width:.0f}%", ha="center", va="center", color="white")
    for y, r in enumerate(results.values()):
        ax.text(102, y, f"NPS {r.nps:+.1f}", va="center", **VALUE_TEXT)
    ax.set_xlim(0, 127)
    ax.set_xticks(range(0, 101, 20))          # the scale ends at 100 %: the margin holds the NPS notes
    ax.grid(False, axis="y")
    ax.legend(handles=_legend_patches(NPS_COLORS, {g: f"sat_nps_{g}" for g in NPS_GROUPS}),
              loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=3, frameon=False, fontsize="small")
    only = next(iter(results.values()))
    if len(results) == 1:
        title = t("sat_nps_title", nps=f"{only.nps:+.1f}", n=only.n)
    else:
        title = t("sat_nps_title_groups")
    ax.set_title(title, pad=28)
    return decorate(ax, xlabel="sat_share_axis")


def plot_csat(ratings, *, scale=(1, 5), n_top_boxes: int = 2, ax=None, **kw):
    """Bars of how many answered each rating, the top ``n_top_boxes`` boxes highlighted; CSAT in the title.

    Parameters
    ----------
    {ratings}
    scale : (low, high)
        The rating scale; CSAT is computed by :func:`helpers.satisfaction.csat`.
    n_top_boxes : int
        How many of the top answers count as satisfied (2: top-2-box).
    {ax}
    {kw} ``ax.bar``.

    {returns}

    >>> ax = plot_csat([5, 4, 4, 3, 2, 5, 1, 4], edgecolor="black")
    >>> [int(p.get_height()) for p in ax.patches]
    [1, 1, 1, 3, 2]
    """
    result = csat(ratings, scale=scale, n_top_boxes=n_top_boxes)
    values = pd.to_numeric(pd.Series(np.asarray(ratings).ravel()), errors="coerce").dropna()
    levels = np.arange(scale[0], scale[1] + 1)
    counts = values.value_counts().reindex(levels, fill_value=0)
    colors = [NPS_COLORS["promoters"] if level > scale[1] - n_top_boxes else NPS_COLORS["passives"]
              for level in levels]
    ax = get_ax(ax)
    ax.bar([str(level) for level in levels], counts.to_numpy(), color=colors, **kw)
    ax.set_title(t("sat_csat_title", share=f"{result.share:.1%}", mean=f"{result.mean:.2f}", n=result.n))
    return decorate(ax, xlabel="sat_rating_axis", ylabel="sat_count_axis")


def plot_servqual_gaps(result, *, ax=None, **kw):
    """Expectation vs perception bars per SERVQUAL dimension with the gap (P − E) marked on top.

    Parameters
    ----------
    result : ServqualResult
        What :func:`helpers.servqual.servqual` returned.
    {ax}
    {kw} ``ax.bar`` (expectation and perception bars).

    {returns}

    >>> import pandas as pd
    >>> from helpers.servqual import servqual
    >>> df = pd.DataFrame({"exp_01": [6, 7], "per_01": [5, 5], "exp_02": [4, 4], "per_02": [5, 6]})
    >>> ax = plot_servqual_gaps(servqual(df, dimensions={"sq_tangibles": (1,), "sq_empathy": (2,)}))
    >>> [t.get_text() for t in ax.texts]
    ['-1.50', '+1.50']
    """
    dims = result.dimensions
    x = np.arange(len(dims))
    ax = get_ax(ax, figsize=(8, 4.5))
    colors = [EXPECTATION_COLOR] * len(dims) + [PERCEPTION_COLOR] * len(dims)
    ax.bar(np.concatenate([x - 0.2, x + 0.2]), np.concatenate([dims["expectation"], dims["perception"]]), 0.4,
           color=colors, **kw)
    for xi, (top, gap) in enumerate(zip(dims[["expectation", "perception"]].max(axis=1), dims["gap"])):
        ax.annotate(f"{gap:+.2f}", (xi, top), xytext=(0, 4), textcoords="offset points", ha="center",
                    color=GAP_COLOR if gap < 0 else PERCEPTION_COLOR, **VALUE_TEXT)
    ax.set_xticks(x, label(list(dims.index)))
    low, high = result.params["scale"]
    ax.set_ylim(low, high + 0.6)
    ax.legend(handles=_legend_patches({"e": EXPECTATION_COLOR, "p": PERCEPTION_COLOR},
                                      {"e": "sq_expectation", "p": "sq_perception"}),
              loc="lower right", frameon=True)
    weighted = "–" if result.weighted is None else f"{result.weighted:.2f}"
    ax.set_title(t("sq_plot_title", unweighted=f"{result.unweighted:.2f}", weighted=weighted))
    return decorate(ax, ylabel="sq_mean_axis")


def _kano_quadrants(ax) -> None:
    ax.axvline(KANO_SPLIT, color="grey", lw=0.8)
    ax.axhline(KANO_SPLIT, color="grey", lw=0.8)
    corners = {"A": (0.02, 0.98, "left", "top"), "O": (0.98, 0.98, "right", "top"),
               "I": (0.02, 0.02, "left", "bottom"), "M": (0.98, 0.02, "right", "bottom")}
    for letter, (x, y, ha, va) in corners.items():
        ax.text(x, y, t(CATEGORY_IDS[letter]), transform=ax.transAxes, ha=ha, va=va, color="grey")


def plot_kano(table, *, ax=None, **kw):
    """Better (CS+) against |Worse| (|CS−|) per attribute, with the four Kano quadrants labelled.

    Parameters
    ----------
    table : Classification or DataFrame
        The result of :func:`helpers.kano.kano_table` (or its ``table``), one row per attribute.
    {ax}
    {kw} ``ax.scatter`` (the attributes' points; ``s`` defaults to 60).

    {returns}

    >>> import pandas as pd
    >>> from helpers.kano import kano_stats
    >>> ax = plot_kano(pd.DataFrame([kano_stats({"M": 95, "O": 123, "A": 45, "I": 33})], index=["app"]))
    >>> [round(float(v), 3) for v in ax.collections[0].get_offsets()[0]]
    [0.736, 0.568]
    """
    frame = getattr(table, "table", table)
    ax = get_ax(ax, figsize=(6, 6))
    worse, better = frame["cs_minus"].abs(), frame["cs_plus"]
    ax.scatter(worse, better, s=kw.pop("s", 60), zorder=3, **kw)
    for name, x, y in zip(frame.index, worse, better):
        ax.annotate(str(name), (x, y), xytext=(5, 4), textcoords="offset points", fontsize="small", **VALUE_TEXT)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    _kano_quadrants(ax)
    return decorate(ax, title="kano_better_worse_title", xlabel="kano_worse", ylabel="kano_better")


def plot_alpha_if_deleted(result, *, ax=None, **kw):
    """Alpha if each item were deleted, against the scale's alpha and the 0.7 rule of thumb.

    Bars above the current alpha point at items that weaken the scale. Items are shown by their
    labels in the active language (survey columns such as ``loy_repurchase`` have catalogue labels).

    Parameters
    ----------
    result : AlphaResult
        What :func:`helpers.reliability.cronbach_alpha` returned.
    {ax}
    {kw} ``ax.barh``.

    {returns}

    >>> import pandas as pd
    >>> from helpers.reliability import cronbach_alpha
    >>> items = pd.DataFrame({"q1": [1, 2, 3, 4], "q2": [2, 2, 4, 4], "q3": [1, 3, 3, 5]})
    >>> len(plot_alpha_if_deleted(cronbach_alpha(items)).patches)
    3
    """
    items = result.items["alpha_if_deleted"]
    ax = get_ax(ax)
    colors = [GAP_COLOR if a > result.alpha else PERCEPTION_COLOR for a in items]
    ax.barh([str(column_label(i)) for i in items.index], items.to_numpy(), color=colors, **kw)
    ax.axvline(result.alpha, color="black", lw=1, label=t("rel_current_alpha", alpha=f"{result.alpha:.3f}"))
    ax.axvline(ACCEPTABLE_ALPHA, color="grey", ls="--", lw=1, label=t("rel_acceptable", alpha=ACCEPTABLE_ALPHA))
    ax.set_xlim(0, 1)
    ax.invert_yaxis()
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2, frameon=False, fontsize="small")
    ax.set_title(t("rel_alpha_title"), pad=24)
    return decorate(ax, xlabel="rel_alpha_axis", ylabel="rel_item_axis")
