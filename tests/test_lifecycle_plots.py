"""Lifecycle charts draw, are titled and labelled in the active language."""
import pytest
from matplotlib.axes import Axes

from helpers.cohorts import cohort_retention, growth_accounting
from helpers.i18n import language
from helpers.lifecycle import relationship_states
from helpers.migration import customer_flow, migration_matrix
from helpers.plots import (plot_cohort_retention, plot_customer_flow, plot_growth_accounting,
                           plot_migration_heatmap, plot_state_distribution)
from helpers.validation import ParameterError
from test_lifecycle import domain_tx


def texts(ax) -> list[str]:
    return [x.get_text() for x in ax.texts]


def test_state_distribution_shows_every_present_state_in_flow_order():
    ax = plot_state_distribution(relationship_states(domain_tx(), "2024-06-30"))
    assert isinstance(ax, Axes) and "2024-06-30" in ax.get_title()
    assert [x.get_text() for x in ax.get_yticklabels()][:3] == ["First-time buyers", "Repeat buyers", "Loyal customers"]
    assert ax.get_xlabel() == "Customers"


@pytest.mark.parametrize("kind, first", [("counts", "0"), ("probabilities", "0%")])
def test_migration_heatmap_counts_or_probabilities(kind, first):
    m = migration_matrix(domain_tx(), "2024-03-31", "2024-06-30")
    ax = plot_migration_heatmap(m, kind=kind)
    assert ax.get_ylabel() == "State at start" and "2024-03-31" in ax.get_title()
    assert texts(ax)[0] == first
    assert len(ax.get_yticklabels()) == 7            # non-customers and targets never occur here


def test_customer_flow_diagram_has_a_box_per_state_and_counts_on_arrows():
    flow = customer_flow(domain_tx(), "2024-03-31", "2024-06-30")
    with language("zh"):
        ax = plot_customer_flow(flow)
        shown = " ".join(texts(ax))
        assert "流失客户\n2 → 1" in shown and "挽回客户" in shown and "现实客户" in shown
        assert ax.get_title().startswith("客户流转模式图")
    arrows = [a for a in ax.texts if getattr(a, "arrow_patch", None) is not None]
    assert len(arrows) == len(flow.edges)


def test_growth_accounting_bars_go_up_for_new_and_down_for_churned():
    g = growth_accounting(domain_tx(), period="Q")
    ax = plot_growth_accounting(g)
    heights = [p.get_height() for p in ax.patches]
    assert min(heights) == -1 and max(heights) == 2
    assert [x.get_text() for x in ax.get_legend().get_texts()] == ["New", "Resurrected", "Churned"]
    assert ax.get_title() == "Growth accounting per period"
    one_call = plot_growth_accounting(g, hatch="//")          # every bar comes from the one ax.bar call
    assert {p.get_hatch() for p in one_call.patches} == {"//"}


def test_cohort_heatmap_annotates_rates():
    ax = plot_cohort_retention(cohort_retention(domain_tx(), period="Q"))
    assert texts(ax)[:5] == ["100%", "50%", "0%", "0%", "50%"]
    assert ax.get_xlabel() == "Periods since first purchase (k)"


@pytest.mark.parametrize("lang, words", [("en", "Parameter"), ("zh", "参数")])
def test_invalid_chart_options_name_the_parameter(lang, words):
    m = migration_matrix(domain_tx(), "2024-03-31", "2024-06-30")
    with language(lang), pytest.raises(ParameterError) as err:
        plot_migration_heatmap(m, kind="shares")
    assert err.value.name == "kind" and words in str(err.value)
    with language(lang), pytest.raises(ParameterError) as err:
        m.labelled("shares")
    assert err.value.name == "kind"
    with pytest.raises(TypeError):
        plot_migration_heatmap(m, "probabilities")               # options are keyword-only


def test_keywords_reach_the_main_artist():
    ax = plot_state_distribution(relationship_states(domain_tx(), "2024-06-30"), color="black")
    assert all(p.get_facecolor()[:3] == (0.0, 0.0, 0.0) for p in ax.patches)
    ax = plot_cohort_retention(cohort_retention(domain_tx(), period="Q"), annot=False)
    assert texts(ax) == []
