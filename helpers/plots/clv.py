"""Charts for customer lifetime value: BTYD heatmaps, holdout check, sBG survival, margin multiples, Markov projection.

Titles and labels follow the active language and name the model's real time unit ("未来 39 周").
Every chart takes the data first, then keyword-only options, ``ax`` (draw on it, or a new figure
when None) and ``**kw`` for the chart's main artist.

    >>> from helpers.btyd import BetaGeoModel
    >>> from helpers.plots.clv import plot_prob_alive_matrix
    >>> ax = plot_prob_alive_matrix(BetaGeoModel(0.243, 4.414, 0.793, 2.426), T=38.86)
    >>> ax.get_title() == t("clv_plot_prob_alive_title")
    True

Sources: docs/methods.md §3.6–3.8 and §8.9 (sBG).
"""
from __future__ import annotations

import numpy as np

from helpers.clv import margin_multiple
from helpers.i18n import has, label, t
from helpers.plots.base import decorate, get_ax
from helpers.validation import Interval, Numbers, validate_params

__all__ = ["plot_prob_alive_matrix", "plot_expected_purchases_matrix", "plot_holdout_comparison",
           "plot_survival_projection", "plot_margin_multiple", "plot_state_projection"]


def _time_unit(period, n=None) -> str:
    """The name of a time unit in the active language (``"W"`` → 周 / weeks; unknown → time units).

    >>> from helpers.i18n import language
    >>> with language("en"):
    ...     _time_unit("W"), _time_unit("W", 1), _time_unit(None)
    ('weeks', 'week', 'time units')
    """
    key = f"btyd_unit_{period}" if period is not None and has(f"btyd_unit_{period}") else "btyd_unit_none"
    return t(key + "_one" if n == 1 else key)


def _plot_grid(grid, title: str, ax=None, **kw):
    """Heatmap of a frequency × recency grid, frequency growing upwards (best customers top right)."""
    import seaborn as sns

    ax = get_ax(ax, figsize=(8, 5))
    sns.heatmap(grid.iloc[::-1], ax=ax, **{"cmap": "viridis", "cbar": True, **kw})
    return decorate(ax, title=title, xlabel="clv_axis_recency", ylabel="clv_axis_frequency")


@validate_params(max_frequency=Interval(int, 0, None))
def plot_prob_alive_matrix(model, T, *, max_frequency=20, ax=None, **kw):
    """P(alive) of a customer of age ``T`` by frequency x and recency t_x (Hardie's note 021; docs/methods.md §3.7).

    Works for any purchase model (BG/NBD, Pareto/NBD). Impossible cells (x = 0, t_x > 0) stay blank.

    Parameters
    ----------
    model : BetaGeoModel or ParetoNBDModel
        A fitted purchase model (or one built from published parameters).
    T : float
        The customers' age at ``as_of``, in the model's periods (CDNOW: 38.86 weeks).
    max_frequency : int
        The highest repeat-purchase count shown (rows 0 … max_frequency).
    {ax}
    {kw} ``seaborn.heatmap``.

    {returns}

    >>> from helpers.btyd import BetaGeoModel
    >>> ax = plot_prob_alive_matrix(BetaGeoModel(0.243, 4.414, 0.793, 2.426), T=38.86, max_frequency=4)
    >>> ax.collections[0].get_array().shape      # 5 frequencies × 39 recencies
    (5, 39)
    """
    from helpers.btyd import frequency_recency_grid      # SciPy: only for these two charts

    grid = frequency_recency_grid(model, T, quantity="prob_alive", max_frequency=max_frequency)
    return _plot_grid(grid, t("clv_plot_prob_alive_title"), ax, **{"vmin": 0, "vmax": 1, **kw})


@validate_params(horizon=Interval(float, 0, None, closed="neither"), max_frequency=Interval(int, 0, None))
def plot_expected_purchases_matrix(model, T, *, horizon=1.0, max_frequency=20, ax=None, **kw):
    """Expected purchases in the next ``horizon`` periods by frequency x and recency t_x (FHL 2005 eq. 10).

    The title names the model's time unit (``model.period``: "未来 39 周", "the next 39 weeks").

    Parameters
    ----------
    model : BetaGeoModel or ParetoNBDModel
        A fitted purchase model (or one built from published parameters).
    T : float
        The customers' age at ``as_of``, in the model's periods.
    horizon : float
        How many periods ahead the purchases are counted.
    max_frequency : int
        The highest repeat-purchase count shown.
    {ax}
    {kw} ``seaborn.heatmap``.

    {returns}

    >>> from helpers.btyd import BetaGeoModel
    >>> from helpers.i18n import language
    >>> with language("en"):
    ...     plot_expected_purchases_matrix(BetaGeoModel(0.243, 4.414, 0.793, 2.426, period="W"), T=38.86,
    ...                                    horizon=39, max_frequency=3).get_title()
    'Expected purchases in the next 39 weeks'
    """
    from helpers.btyd import frequency_recency_grid

    grid = frequency_recency_grid(model, T, quantity="expected_purchases", horizon=horizon, max_frequency=max_frequency)
    title = t("clv_plot_expected_purchases_title", t=f"{horizon:g}",
              unit=_time_unit(getattr(model, "period", None), horizon))
    return _plot_grid(grid, title, ax, **kw)


def plot_holdout_comparison(table, *, ax=None, **kw):
    """Mean holdout purchases, actual vs predicted, by calibration frequency (a ``holdout_comparison`` table).

    Parameters
    ----------
    table : DataFrame
        A :func:`helpers.btyd.holdout_comparison` table (``frequency``, ``actual``, ``predicted``); its
        ``attrs["model"]`` names the model in the legend.
    {ax}
    {kw} ``ax.plot`` of the predicted line (the model's curve), e.g. ``label="Pareto/NBD"``.

    {returns}

    >>> import pandas as pd
    >>> table = pd.DataFrame({"frequency": ["0", "1+"], "customers": [10, 5], "actual": [0.2, 0.9],
    ...                       "predicted": [0.25, 0.8]})
    >>> [line.get_ydata().tolist() for line in plot_holdout_comparison(table).get_lines()]
    [[0.2, 0.9], [0.25, 0.8]]
    """
    ax = get_ax(ax)
    positions = np.arange(len(table))
    model = table.attrs.get("model", "BG/NBD")
    ax.plot(positions, table["actual"], marker="o", label=t("clv_legend_actual"))
    ax.plot(positions, table["predicted"],
            **{"marker": "s", "linestyle": "--", "label": t("btyd_legend_predicted", model=model), **kw})
    ax.set_xticks(positions, table["frequency"])
    ax.legend()
    return decorate(ax, title="clv_plot_holdout_title", xlabel="clv_axis_frequency",
                    ylabel="clv_axis_holdout_purchases")


@validate_params(horizon=[Interval(int, 1, None), None])
def plot_survival_projection(model, survival=None, *, horizon=None, label=None, ax=None, **kw):
    """Share of a cohort still active by period: the sBG model's curve, the cohort's actual shares as dots.

    A dotted line marks the end of the data; call again with the same ``ax`` to compare cohorts.

    Parameters
    ----------
    model : ShiftedBetaGeoModel
        A fitted sBG model (its ``period`` names the time axis).
    survival : list, Series or None
        The cohort's counts still active at period 0, 1, …; None draws the model alone.
    horizon : int, optional
        The last period drawn (default 12, and at least the periods of the data).
    label : str, optional
        The cohort's name in the legend ("Regular: projected", "Regular: actual").
    {ax}
    {kw} ``ax.plot`` of the model's curve.

    {returns}

    >>> from helpers.btyd import ShiftedBetaGeoModel
    >>> ax = plot_survival_projection(ShiftedBetaGeoModel(0.704, 1.182, period="Y"), [1000, 631, 468], horizon=5)
    >>> ax.get_lines()[0].get_ydata()[:3].round(3).tolist()
    [1.0, 0.627, 0.474]
    """
    from matplotlib.ticker import PercentFormatter

    ax = get_ax(ax)
    n_observed = 0 if survival is None else len(survival) - 1
    table = model.projection(survival, horizon=max(horizon or 12, n_observed))
    projected = t("btyd_legend_predicted", model="sBG") if label is None else t("btyd_legend_projected", cohort=label)
    line, = ax.plot(table.index, table["survival_rate"], **{"label": projected, **kw})
    if survival is not None:
        actual = t("clv_legend_actual") if label is None else t("btyd_legend_actual", cohort=label)
        ax.plot(table.index, table["actual_survival_rate"], linestyle="none", marker="o", color=line.get_color(),
                label=actual)
        if not any(other.get_gid() == "fitted_until" for other in ax.get_lines()):
            ax.axvline(n_observed, color="grey", linestyle=":", gid="fitted_until", label=t("btyd_legend_fitted_until"))
    ax.set_ylim(0, 1.02)
    ax.yaxis.set_major_formatter(PercentFormatter(1.0))
    ax.legend()
    return decorate(ax, title="btyd_plot_survival_title",
                    xlabel=t("btyd_axis_tenure", unit=_time_unit(model.period)), ylabel="btyd_axis_survival")


@validate_params(discount=[Interval(float, 0, 1), Numbers(None, 0, 1)], retention=[Numbers(None, 0, 1), None])
def plot_margin_multiple(*, discount=(0.05, 0.10, 0.15), retention=None, ax=None, **kw):
    """Margin multiple r/(1+i−r) against retention r, one curve per discount rate i (docs/methods.md §3.6).

    Parameters
    ----------
    discount : float or sequence of floats
        One discount rate or several (0–1), one curve each.
    retention : sequence of floats, optional
        The retention rates on the x axis (default 0 … 0.95).
    {ax}
    {kw} ``ax.plot`` (each curve).

    {returns}

    >>> ax = plot_margin_multiple(discount=0.10, retention=[0.8, 0.9])
    >>> ax.get_lines()[0].get_ydata().round(3).tolist()
    [2.667, 4.5]
    """
    rates = np.atleast_1d(np.asarray(discount, dtype=float)).tolist()
    ax = get_ax(ax)
    retention = np.linspace(0, 0.95, 96) if retention is None else np.asarray(retention, dtype=float)
    for rate in rates:
        ax.plot(retention, margin_multiple(retention, rate),
                **{"label": t("clv_legend_discount", rate=f"{rate:.0%}"), **kw})
    ax.legend()
    return decorate(ax, title="clv_plot_margin_multiple_title", xlabel="clv_axis_retention",
                    ylabel="clv_axis_margin_multiple")


def plot_state_projection(projection, *, ax=None, **kw):
    """Customers per state over time, one line per state (a ``project_states`` table; ids shown as labels).

    Parameters
    ----------
    projection : DataFrame
        A :func:`helpers.clv.project_states` table: one row per period, one column per state.
    {ax}
    {kw} ``ax.plot`` (each state's line).

    {returns}

    >>> import pandas as pd
    >>> from helpers.clv import project_states
    >>> projection = project_states(pd.Series([100.0, 0.0], index=["new", "lost"]), [[0.7, 0.3], [0, 1]], horizon=2)
    >>> len(plot_state_projection(projection).get_lines())
    2
    """
    ax = get_ax(ax)
    for state in projection.columns:
        ax.plot(projection.index, projection[state], **{"marker": "o", "label": label(str(state)), **kw})
    ax.legend(title=t("clv_legend_state"))
    return decorate(ax, title="clv_plot_projection_title", xlabel="clv_axis_period", ylabel="clv_axis_customers")
