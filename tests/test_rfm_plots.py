"""RFM charts draw, are titled and labelled in the active language."""
import matplotlib.pyplot as plt

from helpers.i18n import language
from helpers.plots.rfm import plot_rfm_heatmap, plot_score_distribution, plot_segment_sizes
from helpers.segments import rfm_segment, segment_summary
from test_scoring import r_rfm_table, r_scores  # noqa: F401  (module fixtures)


def test_heatmap_shows_mean_monetary_by_r_and_f(r_scores):  # noqa: F811
    ax = plot_rfm_heatmap(r_scores)
    assert ax.get_title() == "Mean Monetary value by R × F score"
    assert ax.get_ylabel() == "R score (recency)"
    cell = r_scores.table.query("R == 5 and F == 5")["monetary"].mean()
    texts = [tx.get_text() for tx in ax.texts]
    assert f"{cell:.0f}" in texts


def test_segment_sizes_and_score_distribution_in_chinese(r_scores):  # noqa: F811
    seg = rfm_segment(r_scores)
    with language("zh"):
        ax = plot_segment_sizes(seg)
        assert ax.get_title() == "各细分的客户占比与收入占比"
        assert "冠军客户" in [t.get_text() for t in ax.get_yticklabels()]
        ax2 = plot_score_distribution(r_scores)
        assert ax2.get_ylabel() == "客户数"
    assert len(ax2.patches) == 15
    fig, axis = plt.subplots()
    assert plot_segment_sizes(segment_summary(seg), ax=axis) is axis


def test_heatmap_leaves_cells_without_customers_blank(r_scores):  # noqa: F811
    sparse = r_scores.table.query("not (R == 5 and F == 1)")
    with plt.rc_context({"axes.grid": True}):  # the kit's theme draws a grid
        ax = plot_rfm_heatmap(sparse)
    assert not any(line.get_visible() for line in ax.get_xgridlines() + ax.get_ygridlines())
    assert len(ax.texts) == 24  # one annotation per cell with customers
