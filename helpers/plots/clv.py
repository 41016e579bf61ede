"""Charts for customer lifetime value: BG/NBD heatmaps, holdout check, margin multiples, Markov projection.

    >>> from helpers.btyd import BetaGeoModel
    >>> from helpers.plots.clv import plot_prob_alive_matrix
    >>> ax = plot_prob_alive_matrix(BetaGeoModel(0.243, 4.414, 0.793, 2.426), T=38.86)
    >>> ax.get_title() == t("clv_plot_prob_alive_title")
    True
"""
from __future__ import annotations

import numpy as np

from helpers.btyd import frequency_recency_grid
from helpers.clv import margin_multiple
from helpers.i18n import label, t
from helpers.plots.base import decorate, get_ax


def _plot_grid(grid, title: str, ax=None, **kw):
    """Heatmap of a frequency × recency grid, frequency growing upwards (best customers top right)."""
    import seaborn as sns

    ax = get_ax(ax, figsize=(8, 5))
    kw = {"cmap": "viridis", "cbar": True, **kw}
    sns.heatmap(grid.iloc[::-1], ax=ax, **kw)
    return decorate(ax, title=title, xlabel="clv_axis_recency", ylabel="clv_axis_frequency")


def plot_prob_alive_matrix(model, T, max_frequency=20, ax=None, **kw):
    """P(alive) of a customer of age ``T`` by frequency x and recency t_x (FHL 2005 eq. 11).

    Impossible cells (x = 0, t_x > 0) stay blank. ``kw`` go to ``seaborn.heatmap``.

    Parameters
    ----------
    {ax}
    {kw} ``seaborn.heatmap``.

    {returns}
    """
    grid = frequency_recency_grid(model, T, "prob_alive", max_frequency=max_frequency)
    return _plot_grid(grid, t("clv_plot_prob_alive_title"), ax, **{"vmin": 0, "vmax": 1, **kw})


def plot_expected_purchases_matrix(model, T, t_ahead=1.0, max_frequency=20, ax=None, **kw):
    """Expected purchases in the next ``t_ahead`` time units by frequency x and recency t_x (FHL 2005 eq. 10).

    Parameters
    ----------
    {ax}
    {kw} ``seaborn.heatmap``.

    {returns}
    """
    grid = frequency_recency_grid(model, T, "expected_purchases", t=t_ahead, max_frequency=max_frequency)
    return _plot_grid(grid, t("clv_plot_expected_purchases_title", t=f"{t_ahead:g}"), ax, **kw)


def plot_holdout_comparison(table, ax=None, **kw):
    """Mean holdout purchases, actual vs predicted, by calibration frequency (a ``holdout_comparison`` table).

    Parameters
    ----------
    {ax}

    {returns}
    """
    ax = get_ax(ax)
    positions = np.arange(len(table))
    ax.plot(positions, table["actual"], marker="o", label=t("clv_legend_actual"), **kw)
    ax.plot(positions, table["predicted"], marker="s", linestyle="--", label=t("clv_legend_predicted"), **kw)
    ax.set_xticks(positions, table["frequency"])
    ax.legend()
    return decorate(ax, title="clv_plot_holdout_title", xlabel="clv_axis_frequency",
                    ylabel="clv_axis_holdout_purchases")


def plot_margin_multiple(discounts=(0.05, 0.10, 0.15), retention=None, ax=None, **kw):
    """Margin multiple r/(1+i−r) against retention r, one curve per discount rate i (docs/methods.md §3.6).

    Parameters
    ----------
    {ax}
    {kw} ``ax.plot`` (each curve).

    {returns}
    """
    ax = get_ax(ax)
    retention = np.linspace(0, 0.95, 96) if retention is None else np.asarray(retention, dtype=float)
    for rate in discounts:
        ax.plot(retention, margin_multiple(retention, rate), label=t("clv_legend_discount", rate=f"{rate:.0%}"), **kw)
    ax.legend()
    return decorate(ax, title="clv_plot_margin_multiple_title", xlabel="clv_axis_retention",
                    ylabel="clv_axis_margin_multiple")


def plot_state_projection(projection, ax=None, **kw):
    """Customers per state over time, one line per state (a ``project_states`` table; ids shown as labels).

    Parameters
    ----------
    {ax}
    {kw} ``ax.plot`` (each state's line).

    {returns}
    """
    ax = get_ax(ax)
    for state in projection.columns:
        ax.plot(projection.index, projection[state], marker="o", label=label(str(state)), **kw)
    ax.legend(title=t("clv_legend_state"))
    return decorate(ax, title="clv_plot_projection_title", xlabel="clv_axis_period", ylabel="clv_axis_customers")
