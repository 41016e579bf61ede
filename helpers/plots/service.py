"""Service charts: complaint Pareto, response times vs the 24 h target, revisit calendar,
experience heat-map and journey line. Axes-level; titles and labels in the active language.

    >>> import pandas as pd
    >>> from helpers.complaints import complaint_pareto
    >>> from helpers.plots.service import plot_complaint_pareto
    >>> ax = plot_complaint_pareto(complaint_pareto(pd.DataFrame({"category": list("aaabbc")})))
    >>> [float(bar.get_height()) for bar in ax.patches]
    [3.0, 2.0, 1.0]

Every chart takes the data first, then keyword-only options and ``ax``; extra keywords go to the
one matplotlib (or seaborn) call that draws the main artist, named in each docstring.
"""
from __future__ import annotations

import pandas as pd

from helpers.i18n import label, t
from helpers.plots.base import decorate, get_ax
from helpers.validation import Interval, Options, validate_params

__all__ = ["plot_complaint_pareto", "plot_response_times", "plot_revisit_calendar", "plot_experience_heatmap",
           "plot_journey_line"]


@validate_params(vital_share=Interval(float, 0, 1, closed="right"))
def plot_complaint_pareto(pareto: pd.DataFrame, *, by: str | None = None, vital_share: float = 0.8, ax=None, **kw):
    """Bars of complaints per group (vital few highlighted), cumulative share line and the ``vital_share`` line.

    ``pareto`` is the table of :func:`helpers.complaints.complaint_pareto`; ``by`` its group column
    (default: the first column). Extra keywords go to ``ax.bar``.

    Parameters
    ----------
    {ax}
    {kw} ``ax.bar``.

    {returns}

    >>> import pandas as pd
    >>> from helpers.complaints import complaint_pareto
    >>> pareto = complaint_pareto(pd.DataFrame({"channel": ["app", "app", "store"]}), by="channel", vital_share=0.5)
    >>> ax = plot_complaint_pareto(pareto, by="channel", vital_share=0.5, width=0.5)
    >>> [round(float(bar.get_width()), 1) for bar in ax.patches]
    [0.5, 0.5]
    """
    import seaborn as sns

    ax = get_ax(ax)
    by = by or pareto.columns[0]
    names = label(pareto[by].astype(str).tolist())
    palette = sns.color_palette()
    colours = [palette[1] if v else palette[7] for v in pareto["vital_few"]]
    ax.bar(names, pareto["complaints"], **{"color": colours, **kw})
    line = ax.twinx()
    line.plot(names, 100 * pareto["cum_share"], marker="o", color=palette[2])
    line.axhline(100 * vital_share, linestyle="--", color="grey")
    line.set_ylim(0, 105)
    line.set_ylabel(t("svc_cum_share"))
    line.grid(False)
    ax.tick_params(axis="x", rotation=30)
    for tick in ax.get_xticklabels():        # long category names end at their bar, not across the next one
        tick.set_horizontalalignment("right")
        tick.set_rotation_mode("anchor")
    return decorate(ax, title="svc_title_pareto", xlabel=t("svc_category"), ylabel=t("svc_complaints"))


@validate_params(sla_hours=Interval(float, 0, None, closed="neither"))
def plot_response_times(table: pd.DataFrame, *, sla_hours: float = 24, ax=None, **kw):
    """Histogram of first-response hours with the ``sla_hours`` target line.

    ``table`` is ``complaint_metrics(...).table`` (column ``frt_hours``); keywords go to ``sns.histplot``.

    Parameters
    ----------
    {ax}
    {kw} ``seaborn.histplot``.

    {returns}

    >>> import pandas as pd
    >>> ax = plot_response_times(pd.DataFrame({"frt_hours": [1.0, 5.0, 30.0]}), sla_hours=8, bins=3)
    >>> len(ax.patches), float(ax.get_lines()[0].get_xdata()[0])
    (3, 8.0)
    """
    import seaborn as sns

    ax = get_ax(ax)
    sns.histplot(x=table["frt_hours"].dropna(), ax=ax, **{"bins": 20, **kw})
    ax.axvline(sla_hours, color="firebrick", linestyle="--", label=t("svc_sla_line", hours=sla_hours))
    ax.legend()
    return decorate(ax, title="svc_title_response", xlabel=t("svc_frt_hours"), ylabel=t("svc_complaints"))


def plot_revisit_calendar(schedule: pd.DataFrame, *, period: str = "W", ax=None, **kw):
    """Heat-map of planned contacts per ``period`` (``"W"``: weeks from Monday; ``"M"`` months) and channel.

    ``schedule`` is a table of :mod:`helpers.care` (``due_date``, ``channel``); keywords go to ``sns.heatmap``.

    Parameters
    ----------
    {ax}
    {kw} ``seaborn.heatmap``.

    {returns}

    >>> import pandas as pd
    >>> from helpers.care import revisit_plan
    >>> customers = pd.DataFrame({"customer_id": ["a", "b"], "tier": ["tier_silver", "tier_iron"]})
    >>> ax = plot_revisit_calendar(revisit_plan(customers, "2024-01-01", "2024-12-31"), period="M", annot=True)
    >>> sorted(int(text.get_text()) for text in ax.texts if text.get_text() != "0")
    [1, 1, 1, 1, 1, 1, 1, 1]
    """
    import seaborn as sns

    ax = get_ax(ax, figsize=(10, 3.5))
    weeks = schedule["due_date"].dt.to_period(period).dt.start_time.dt.strftime("%Y-%m-%d")
    counts = pd.crosstab(label(schedule["channel"].astype(str)), weeks).sort_index()
    sns.heatmap(counts, ax=ax, **{"cmap": "Blues", "cbar_kws": {"label": t("svc_contacts")}, **kw})
    ax.tick_params(axis="y", rotation=0)
    xlabel = t("svc_week") if str(period).upper().startswith("W") else t("lc_plot_period")
    return decorate(ax, title="svc_title_calendar", xlabel=xlabel, ylabel=t("svc_channel"))


@validate_params(kind=Options("scores", "gaps"))
def plot_experience_heatmap(audit, *, kind: str = "scores", ax=None, **kw):
    """Touchpoint × module heat-map of an :class:`~helpers.experience.ExperienceAudit`.

    ``kind``: ``"scores"`` (0–5) or ``"gaps"`` (score − target, diverging colours).

    Parameters
    ----------
    {ax}
    {kw} ``seaborn.heatmap``.

    {returns}

    >>> import pandas as pd
    >>> from helpers.experience import experience_audit
    >>> scores = pd.DataFrame({"touchpoint": ["store"], "sense": [4], "feel": [3], "think": [2], "act": [3],
    ...                        "relate": [1]})
    >>> ax = plot_experience_heatmap(experience_audit(scores, target=3), kind="gaps")
    >>> [text.get_text() for text in ax.texts]
    ['1.0', '0.0', '-1.0', '0.0', '-2.0']
    """
    import seaborn as sns

    ax = get_ax(ax)
    matrix = getattr(audit, kind)
    matrix = matrix.rename(columns=lambda s: label(f"sem_{s}"))
    style = {"cmap": "RdYlGn", "vmin": 0, "vmax": 5} if kind == "scores" else {"cmap": "RdBu", "center": 0}
    unit = t("exp_colorbar_scores") if kind == "scores" else t("exp_colorbar_gaps")
    sns.heatmap(matrix, ax=ax, **{"annot": True, "fmt": ".1f", "cbar_kws": {"label": unit}, **style, **kw})
    ax.tick_params(axis="y", rotation=0)
    ax.grid(False)
    title = "exp_title_audit" if kind == "scores" else "exp_title_gaps"
    return decorate(ax, title=title, xlabel=t("exp_module"), ylabel=t("exp_touchpoint"))


def plot_journey_line(line: pd.DataFrame, *, ax=None, **kw):
    """Satisfaction per touchpoint in journey order (``helpers.experience.journey_line``) with the target.

    Parameters
    ----------
    {ax}
    {kw} ``ax.plot``.

    {returns}

    >>> import pandas as pd
    >>> from helpers.experience import journey_line
    >>> ratings = pd.DataFrame({"touchpoint": ["ad", "store"], "satisfaction": [3, 5]})
    >>> ax = plot_journey_line(journey_line(ratings, target=4), linewidth=3)
    >>> ax.get_lines()[0].get_linewidth(), ax.get_lines()[0].get_ydata().tolist()
    (3.0, [3.0, 5.0])
    """
    import seaborn as sns

    ax = get_ax(ax)
    palette = sns.color_palette()
    ax.plot(line["touchpoint"], line["score"], **{"marker": "o", "color": palette[0],
                                                  "label": t("exp_journey_score"), **kw})
    if line["target"].notna().any():
        ax.plot(line["touchpoint"], line["target"], linestyle="--", color="grey", label=t("exp_target"))
    below = line[line["below_target"]]
    ax.scatter(below["touchpoint"], below["score"], color="firebrick", zorder=3)
    ax.legend()
    return decorate(ax, title="exp_title_journey", xlabel=t("exp_touchpoint"), ylabel=t("exp_journey_score"))
