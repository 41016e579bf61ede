"""Satisfaction charts: titled, labelled, in the active language, and drawn from the results."""
import numpy as np
import pandas as pd
import pytest

from helpers.i18n import language
from helpers.kano import kano_stats
from helpers.plots import plot_alpha_if_deleted, plot_csat, plot_kano, plot_nps, plot_servqual_gaps
from helpers.reliability import cronbach_alpha
from helpers.servqual import servqual


def test_nps_bar_stacks_shares_to_100_and_names_the_score():
    ax = plot_nps([10] * 100 + [8] * 30 + [0] * 80)
    widths = [p.get_width() for p in ax.patches]
    assert sum(widths) == pytest.approx(100)
    assert widths == pytest.approx([100 * 80 / 210, 100 * 30 / 210, 100 * 100 / 210])   # detractors first
    assert ax.get_title() == "NPS = +9.5 (n = 210)"
    assert [t.get_text() for t in ax.get_legend().get_texts()][0] == "Detractors (0–6)"


def test_nps_bar_compares_groups():
    ax = plot_nps({"store": [10, 9, 3], "online": [7, 8, 10]})
    assert len(ax.patches) == 6 and [t.get_text() for t in ax.get_yticklabels()] == ["store", "online"]


def test_csat_distribution_counts_each_rating():
    ax = plot_csat([5, 4, 4, 3, 2, 5, 1, 4])
    assert [p.get_height() for p in ax.patches] == [1, 1, 1, 3, 2]
    assert "CSAT = 62.5%" in ax.get_title() and ax.get_xlabel() == "Rating"
    top3 = plot_csat([5, 4, 3, 1], n_top_boxes=3)
    assert "CSAT = 75.0%" in top3.get_title()


def test_servqual_gap_chart_shows_expectation_perception_and_gap():
    survey = pd.DataFrame({"exp_01": [6, 7], "per_01": [5, 5], "exp_02": [4, 4], "per_02": [5, 6]})
    res = servqual(survey, dimensions={"sq_tangibles": (1,), "sq_empathy": (2,)})
    with language("zh"):
        ax = plot_servqual_gaps(res)
        assert [t.get_text() for t in ax.get_xticklabels()] == ["有形性", "移情性"]
        assert "SERVQUAL" in ax.get_title()
    assert [t.get_text() for t in ax.texts] == ["-1.50", "+1.50"]


def test_kano_scatter_places_attributes_by_better_and_worse():
    table = pd.DataFrame([kano_stats({"M": 95, "O": 123, "A": 45, "I": 33})], index=["service_app"])
    ax = plot_kano(table)
    x, y = ax.collections[0].get_offsets()[0]
    assert (round(x, 3), round(y, 3)) == (0.736, 0.568)
    texts = [t.get_text() for t in ax.texts]
    assert "service_app" in texts and {"Attractive", "One-dimensional", "Must-be", "Indifferent"} <= set(texts)
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()


def test_alpha_if_deleted_bars_one_per_item():
    rng = np.random.default_rng(0)
    latent = rng.normal(size=(80, 1))
    items = pd.DataFrame(np.round(4 + latent + rng.normal(size=(80, 3))), columns=["q1", "q2", "q3"])
    res = cronbach_alpha(items)
    ax = plot_alpha_if_deleted(res)
    assert [p.get_width() for p in ax.patches] == pytest.approx(res.items["alpha_if_deleted"].tolist())
    assert ax.get_title() == "Alpha if item deleted"


def test_keywords_reach_the_main_artist_of_every_chart():
    """``**kw`` go to the one call that draws the main artist: every bar / point gets them."""
    survey = pd.DataFrame({"exp_01": [6, 7], "per_01": [5, 5], "exp_02": [4, 4], "per_02": [5, 6]})
    res = servqual(survey, dimensions={"sq_tangibles": (1,), "sq_empathy": (2,)})
    rng = np.random.default_rng(0)
    items = pd.DataFrame(np.round(4 + rng.normal(size=(40, 1)) + rng.normal(size=(40, 3))), columns=["a", "b", "c"])
    charts = {
        "nps": plot_nps({"x": [10, 9, 3], "y": [7, 8, 10]}, alpha=0.5),
        "csat": plot_csat([5, 4, 3], alpha=0.5),
        "servqual": plot_servqual_gaps(res, alpha=0.5),
        "alpha": plot_alpha_if_deleted(cronbach_alpha(items), alpha=0.5),
    }
    for name, ax in charts.items():
        assert ax.patches and all(p.get_alpha() == 0.5 for p in ax.patches), name
    kano = plot_kano(pd.DataFrame([kano_stats({"M": 95, "O": 123, "A": 45, "I": 33})], index=["app"]), alpha=0.5, s=20)
    assert kano.collections[0].get_alpha() == 0.5 and kano.collections[0].get_sizes().tolist() == [20]


def test_options_are_keyword_only():
    import inspect

    for plot in (plot_nps, plot_csat, plot_servqual_gaps, plot_kano, plot_alpha_if_deleted):
        params = list(inspect.signature(plot).parameters.values())
        assert params[0].kind is params[0].POSITIONAL_OR_KEYWORD
        assert all(p.kind in (p.KEYWORD_ONLY, p.VAR_KEYWORD) for p in params[1:]), plot.__name__


def test_plot_docstrings_carry_the_shared_parameter_texts():
    import helpers.plots as plots

    for name in dir(plots):
        if name.startswith("plot_"):
            doc = getattr(plots, name).__doc__
            assert "{ax}" not in doc and "{kw}" not in doc and "{returns}" not in doc, name
    assert "ax : matplotlib Axes, optional" in plot_nps.__doc__ and "``ax.barh``" in plot_nps.__doc__
