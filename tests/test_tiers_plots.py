"""Charts of tiers, concentration and value matrices: titled, labelled, showing the computed numbers."""
import pandas as pd
import pytest

from helpers.i18n import language
from helpers.matrices import ipa_matrix, marcus_matrix, social_style
from helpers.plots.matrices import plot_value_matrix
from helpers.plots.tiers import plot_lorenz, plot_pareto, plot_pyramid, plot_whale
from helpers.tiers import abc_classify, customer_pyramid
from helpers.validation import ParameterError

SALES = [5000, 3000, 800, 400, 300, 200, 150, 80, 50, 20]
PROFIT = [500, 300, 200, 100, 50, -20, -50, -80, -100, -150]


def _texts(ax):
    return " ".join(t.get_text() for t in ax.texts)


def test_pareto_shows_the_abc_bands_and_cumulative_share():
    ax = plot_pareto(abc_classify(SALES))
    assert ax.get_title() == "Pareto chart with ABC classes" and ax.get_xlabel()
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["Class A · 20%", "Class B · 30%", "Class C · 50%"]
    assert len(ax.patches) >= 10


def test_pareto_draws_an_area_for_many_customers():
    ax = plot_pareto(list(range(1, 400)))
    assert ax.collections


def test_lorenz_legend_has_the_gini_in_the_active_language():
    with language("zh"):
        ax = plot_lorenz(SALES)
        assert "基尼系数 = 0.699" in ax.get_legend().get_texts()[1].get_text()
        assert ax.get_title() == "洛伦兹曲线"


def test_whale_marks_the_peak():
    ax = plot_whale(PROFIT)
    assert "153.3" in ax.get_legend().get_texts()[1].get_text()
    assert ax.get_ylabel() == "Cumulative profit (% of total)"


def test_pyramid_writes_counts_and_value_shares_per_tier():
    ax = plot_pyramid(customer_pyramid(PROFIT, preset="20_30_30_20"))
    text = _texts(ax)
    assert "Platinum (金钻)" in text and "2 customers (20.0%)" in text
    assert len(ax.collections) == 1 and len(ax.collections[0].get_paths()) == 4     # one band per tier


def test_keywords_go_to_the_main_artist_of_each_chart():
    ax = plot_pareto(SALES, color="black")
    assert all(p.get_facecolor()[:3] == (0.0, 0.0, 0.0) for p in ax.patches[:10])
    ax = plot_lorenz(SALES, linewidth=4, label="shop")
    assert ax.lines[1].get_linewidth() == 4 and ax.get_legend().get_texts()[1].get_text() == "shop"
    ax = plot_whale(PROFIT, linestyle=":")
    assert ax.lines[0].get_linestyle() == ":"
    ax = plot_pyramid(PROFIT, alpha=0.5)
    assert ax.collections[0].get_alpha() == 0.5
    rfm = pd.DataFrame({"customer_id": list("abcd"), "frequency": [10, 10, 2, 2], "monetary": [2000, 200, 800, 40]})
    ax = plot_value_matrix(marcus_matrix(rfm), marker="s", alpha=0.3)
    assert ax.collections[0].get_alpha() == 0.3


def test_value_matrix_chart_has_split_lines_and_cell_counts():
    rfm = pd.DataFrame({"customer_id": list("abcd"), "frequency": [10, 10, 2, 2], "monetary": [2000, 200, 800, 40]})
    ax = plot_value_matrix(marcus_matrix(rfm), size_col="monetary")
    assert ax.get_xlabel() == "Average purchase amount" and ax.get_ylabel() == "Number of purchases"
    assert "Best customers\n1 (25%)" in _texts(ax)
    assert len(ax.lines) == 2


def test_value_matrix_chart_on_log_axes_keeps_every_cell_note_inside_its_own_cell():
    # a heavy tail: on linear axes nearly all points would sit in one corner
    rfm = pd.DataFrame({"customer_id": list("abcdef"), "frequency": [1, 2, 3, 5, 40, 300],
                        "monetary": [10, 25, 30, 90, 4000, 90000]})
    result = marcus_matrix(rfm)
    ax = plot_value_matrix(result, log="xy")
    assert (ax.get_xscale(), ax.get_yscale()) == ("log", "log")
    (x_cut,), (y_cut,) = result.thresholds["average_purchase"], result.thresholds["purchase_frequency"]
    notes = [t for t in ax.texts if "\n" in t.get_text()]
    assert len(notes) == 4
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    assert 0 < x0 and 0 < y0
    sides = {(tx < x_cut, ty < y_cut) for tx, ty in (note.get_position() for note in notes)}
    assert sides == {(True, True), (True, False), (False, True), (False, False)}
    assert all(x0 < tx < x1 and y0 < ty < y1 for tx, ty in (n.get_position() for n in notes))


def test_value_matrix_chart_keeps_zero_values_on_a_symmetric_log_axis():
    rfm = pd.DataFrame({"customer_id": list("abcd"), "frequency": [10, 10, 2, 2], "monetary": [0, 200, 800, 40]})
    ax = plot_value_matrix(marcus_matrix(rfm), log="x")
    assert (ax.get_xscale(), ax.get_yscale()) == ("symlog", "linear")
    assert ax.get_xlim()[0] < 0 < ax.get_xlim()[1]          # the £0 customer is inside the chart
    assert ax.xaxis.get_transform().linthresh == 10          # linear below the smallest spend (20 per purchase)
    with pytest.raises(ValueError, match="'z'"):
        plot_value_matrix(marcus_matrix(rfm), log="z")


def test_value_matrix_chart_auto_log_picks_only_heavy_tailed_axes():
    rfm = pd.DataFrame({"customer_id": list("abcdef"), "frequency": [1, 2, 3, 5, 40, 300],
                        "monetary": [10, 25, 30, 90, 4000, 9000]})
    # purchases: max 300 = 75 × the median 4; average purchase: max 100 = 6.6 × the median 15.25
    ax = plot_value_matrix(marcus_matrix(rfm), log="auto")
    assert (ax.get_xscale(), ax.get_yscale()) == ("linear", "log")
    means = pd.DataFrame({"importance": [6, 6, 2, 2], "performance": [2, 6, 2, 6]}, index=list("abcd"))
    ax = plot_value_matrix(ipa_matrix(means), log="auto")
    assert (ax.get_xscale(), ax.get_yscale()) == ("linear", "linear")


def test_value_matrix_chart_works_for_ipa_and_social_styles():
    means = pd.DataFrame({"importance": [6, 6, 2, 2], "performance": [2, 6, 2, 6]}, index=list("abcd"))
    ax = plot_value_matrix(ipa_matrix(means))
    assert "I Concentrate here" in _texts(ax) and "a" in _texts(ax)
    answers = pd.DataFrame({"a1": [5, 2], "r1": [1, 4]})
    with language("zh"):
        ax = plot_value_matrix(social_style(answers, ["a1"], ["r1"]))
        assert "控制型" in _texts(ax) and ax.get_title() == "沟通风格（社交风格）"


@pytest.mark.parametrize("lang, words", [("en", "Parameter log"), ("zh", "参数 log")])
def test_an_unknown_log_setting_names_the_parameter(lang, words):
    rfm = pd.DataFrame({"frequency": [10, 2], "monetary": [2000, 40]})
    with language(lang), pytest.raises(ParameterError, match=words):
        plot_value_matrix(marcus_matrix(rfm), log="xz")
