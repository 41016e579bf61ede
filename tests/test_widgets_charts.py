"""Explorer charts updated in place: the picture equals a fresh explorer's, results equal the library's,
the density keeps every customer, and a change stays far below the 100 ms budget (the slow test)."""
import io
import statistics
import time

import matplotlib as mpl
import numpy as np
import pandas as pd
import pytest
from PIL import Image

from benchmarks.bench_widgets import SCENARIOS, explorer, synthetic_rfm
from helpers.errors import DataError
from helpers.i18n import language, t
from helpers.matrices import Axis, ValueMatrix
from helpers.plots.base import get_ax
from helpers.plots.matrices import MatrixChart, plot_value_matrix
from helpers.plots.theme import apply_theme
from helpers.rfm import rfm_score
from helpers.segments import cn8_classify, rfm_segment, segment_summary
from helpers.teaching.widgets import ClvCalculator, MatrixExplorer, RfmExplorer, TierExplorer
from helpers.tiers import abc_classify, customer_pyramid
from helpers.validation import ParameterError


@pytest.fixture(scope="module")
def customers():
    return synthetic_rfm(3000, seed=11)


@pytest.fixture(autouse=True)
def _theme():
    with mpl.rc_context():
        apply_theme()                  # the kit's font: Chinese labels render
        yield


def _pixels(explorer) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(bytes(explorer.image.value))).convert("RGBA"))


def _same_picture(moved, fresh) -> None:
    a, b = _pixels(moved), _pixels(fresh)
    assert a.shape == b.shape
    differing = int((a != b).any(axis=2).sum())
    assert differing == 0, f"{differing} pixels differ from a fresh explorer at {fresh.values}"


def _move(widget, moves) -> None:
    for control, value in moves:
        widget.controls[control].value = value


RFM_MOVES = [("method", "rank_first"), ("scheme", "rfm11"), ("method", "qcut_drop"), ("n_bins", 3),
             ("n_bins", 5), ("scheme", "cn8"), ("scheme", "r_rfm10"), ("method", "r_rfm"), ("method", "rank_first")]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_rfm_chart_after_many_changes_is_the_fresh_chart(customers, lang):
    with language(lang):
        moved = RfmExplorer(customers)
        _move(moved, RFM_MOVES)
        full = moved._live.full_renders
        moved.controls["method"].value = "r_rfm"              # same segments, same share axis
        _same_picture(moved, RfmExplorer(customers, **moved.values))
    assert moved._live.full_renders == full                   # only the bars and names were drawn again


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_tier_chart_after_many_changes_is_the_fresh_chart(customers, lang):
    with language(lang):
        moved = TierExplorer(customers["revenue"])
        full = moved._live.full_renders
        _move(moved, [("breaks", (0.70, 0.90)), ("method", "le"), ("breaks", (0.80, 0.80))])
        assert moved._live.full_renders == full               # the breaks only move the bands
        _same_picture(moved, TierExplorer(customers["revenue"], **moved.values))
        _move(moved, [("kind", "pyramid"), ("preset", "20_30_30_20")])
        _same_picture(moved, TierExplorer(customers["revenue"], **moved.values))
        moved.controls["kind"].value = "abc"
        _same_picture(moved, TierExplorer(customers["revenue"], **moved.values))


@pytest.mark.parametrize("rows", [300, 6000])             # points, and a density above 5,000 customers
def test_matrix_chart_after_many_changes_is_the_fresh_chart(customers, rows):
    table = synthetic_rfm(rows, seed=3)
    cols = ["frequency", "monetary", "recency_days"]
    moved = MatrixExplorer(table, cols)
    assert moved.chart.density == (rows > 5000)
    full = moved._live.full_renders
    _move(moved, [("breaks", "median"), ("breaks", "mean")])
    assert moved._live.full_renders == full                   # new cut lines: lines, colours, notes only
    _move(moved, SCENARIOS["matrix"])
    _same_picture(moved, MatrixExplorer(table, cols, **moved.values))
    moved.controls["y"].value = "frequency"                   # same as x: a message, no chart
    assert moved.image.layout.display == "none"
    moved.controls["x"].value = "recency_days"
    _same_picture(moved, MatrixExplorer(table, cols, **moved.values))


def test_clv_chart_redraws_only_for_retention_and_discount():
    moved = ClvCalculator()
    before = bytes(moved.image.value)
    full = moved._live.full_renders
    moved.controls["profit_per_period"].value = 300
    assert bytes(moved.image.value) == before and moved._live.full_renders == full
    _move(moved, [("retention", 0.6), ("discount", 0.2), ("horizon", 4)])
    _same_picture(moved, ClvCalculator(**moved.values))


def test_rfm_results_equal_the_library_after_every_change(customers):
    moved = RfmExplorer(customers, chart=False)
    for control, value in RFM_MOVES + list(SCENARIOS["rfm"]):
        moved.controls[control].value = value
        method, n_bins, scheme = moved.values["method"], moved.values["n_bins"], moved.values["scheme"]
        try:
            want = (cn8_classify(customers) if scheme == "cn8" else rfm_segment(customers, "pymc") if scheme == "pymc"
                    else rfm_segment(rfm_score(customers, n_bins=n_bins, method=method), scheme))
        except DataError as refused:            # the explorer shows the library's message instead of a table
            assert moved.result.summary is None and moved.result.error == str(refused)
            continue
        pd.testing.assert_frame_equal(moved.result.segmentation.table, want.table)
        pd.testing.assert_frame_equal(moved.result.summary, segment_summary(want, data=customers))


def test_tier_results_equal_the_library_after_every_change(customers):
    values = customers["revenue"].sample(frac=1, random_state=5)        # any row order
    moved = TierExplorer(values, chart=False)
    for control, value in SCENARIOS["tiers"]:
        moved.controls[control].value = value
        v = moved.values
        want = (abc_classify(values, breaks=v["breaks"], method=v["method"]) if v["kind"] == "abc"
                else customer_pyramid(values, preset=v["preset"]))
        pd.testing.assert_frame_equal(moved.result.table, want.table)
        assert (moved.result.thresholds, moved.result.params) == (want.thresholds, want.params)


def test_tier_explorer_keeps_ties_in_id_order():
    values = pd.Series([5.0, 7.0, 5.0, 5.0, 1.0], index=["d", "a", "b", "c", "e"])
    moved = TierExplorer(values, chart=False, kind="pyramid", preset="20_30_30_20")
    pd.testing.assert_frame_equal(moved.result.table, customer_pyramid(values, preset="20_30_30_20").table)
    assert moved.result.table.index.tolist() == ["a", "b", "c", "d", "e"]


def test_density_keeps_every_customer_in_the_colour_of_its_cell():
    table = synthetic_rfm(8000, seed=4)
    result = ValueMatrix(Axis("frequency", "median"), Axis("monetary", "mean")).classify(table)
    chart = MatrixChart(get_ax(), log="auto")
    chart.update(result)
    xe, ye = chart._x.bin_edges(60), chart._y.bin_edges(60)
    hist, _, _ = np.histogram2d(table["frequency"], table["monetary"], bins=[xe, ye])
    assert chart.density and hist.sum() == len(table)                 # no customer falls outside the bins
    colours = chart._points.get_facecolor().reshape(len(ye) - 1, len(xe) - 1, 4)
    (x_cut,), (y_cut,) = result.thresholds["frequency"], result.thresholds["monetary"]
    ids = result.matrix.cell_ids()
    for i, j in [(0, 0), (len(xe) - 2, len(ye) - 2), (5, len(ye) - 2), (len(xe) - 2, 3)]:
        cell = ids[(int(xe[i] >= x_cut), int(ye[j] >= y_cut))]
        assert np.allclose(colours[j, i, :3], chart._cell_colour[cell][:3])
        assert (colours[j, i, 3] > 0) == (hist[i, j] > 0)                # empty bins stay blank
    notes = {cell: text.get_text() for cell, text in chart._notes.items()}
    for _, row in result.summary().iterrows():
        assert f"{row['customers']:,}" in notes[row["cell"]]            # the counts written are exact


def test_density_is_chosen_above_5000_points_and_refuses_bubbles():
    small, large = synthetic_rfm(200, seed=1), synthetic_rfm(5001, seed=1)
    axes = ValueMatrix(Axis("frequency"), Axis("monetary"))
    assert len(plot_value_matrix(axes.classify(small)).collections) == 1             # one scatter
    ax = plot_value_matrix(axes.classify(large))
    assert type(ax.collections[0]).__name__ == "QuadMesh"
    assert type(plot_value_matrix(axes.classify(large), size_col="monetary").collections[0]).__name__ == \
        "PathCollection"                                                           # bubbles: a scatter
    assert len(plot_value_matrix(axes.classify(large), point_labels=True).texts) > 5000          # names: points
    for lang, words in (("en", "Parameter kind"), ("zh", "参数 kind")):
        with language(lang), pytest.raises(ParameterError, match=words):
            plot_value_matrix(axes.classify(small), kind="density", size_col="monetary")
    with pytest.raises(ParameterError, match="point_labels"):
        plot_value_matrix(axes.classify(small), kind="density", point_labels=True)


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["rfm", "tiers", "matrix"])
def test_a_change_at_100000_customers_stays_far_below_the_budget(kind):
    """Median CPU time per change with the chart rendered; the target is 100 ms (benchmarks/bench_widgets.py
    measures it properly). CPU time, not wall time, so other jobs on the machine do not fail the test."""
    widget = explorer(kind, synthetic_rfm(100_000))
    seconds = []
    for control, value in SCENARIOS[kind]:
        start = time.process_time()
        widget.controls[control].value = value
        seconds.append(time.process_time() - start)
    median = 1000 * statistics.median(seconds)
    assert median < 300, (f"{kind} explorer: median {median:.0f} ms of CPU per change at 100,000 customers, "
                          f"3× the 100 ms target; run benchmarks/bench_widgets.py to see which control is slow")


def test_a_notebook_chart_keeps_what_the_caller_drew_on_its_axes(customers):
    from helpers.plots import plot_pareto, plot_pyramid, plot_segment_sizes

    for plot, data in ((plot_pareto, abc_classify(customers["revenue"])),
                       (plot_pyramid, customer_pyramid(customers["revenue"])),
                       (plot_segment_sizes, rfm_segment(rfm_score(customers), "r_rfm10")),
                       (plot_value_matrix, ValueMatrix(Axis("frequency"), Axis("monetary")).classify(customers))):
        ax = get_ax()
        mine = ax.axhline(0.5, label="target")
        assert plot(data, ax=ax) is ax and mine in ax.lines, plot.__name__


def test_going_back_to_a_setting_reuses_its_picture_and_stays_right(customers):
    table = synthetic_rfm(6000, seed=3)
    cols = ["frequency", "monetary", "recency_days"]
    for widget, control, away, back, fresh in (
            (MatrixExplorer(table, cols), "x", "recency_days", "frequency", lambda v: MatrixExplorer(table, cols, **v)),
            (RfmExplorer(customers), "scheme", "rfm11", "r_rfm10", lambda v: RfmExplorer(customers, **v)),
            (TierExplorer(customers["revenue"]), "kind", "pyramid", "abc",
             lambda v: TierExplorer(customers["revenue"], **v))):
        widget.controls[control].value = away
        full = widget._live.full_renders
        widget.controls[control].value = back
        assert widget._live.full_renders == full, type(widget).__name__        # nothing laid out or drawn again
        _same_picture(widget, fresh(widget.values))


@pytest.mark.parametrize("log", ["", "auto"])
def test_density_counts_equal_numpys_histogram(log):
    table = synthetic_rfm(7000, seed=8)
    result = ValueMatrix(Axis("monetary", "median"), Axis("recency_days", "mean")).classify(table)
    chart = MatrixChart(get_ax(), log=log)
    chart.update(result)
    xe, ye = chart._x.bin_edges(60), chart._y.bin_edges(60)
    want, _, _ = np.histogram2d(table["monetary"], table["recency_days"], bins=[xe, ye])
    got = chart._x.bin_of_each(xe) * (len(ye) - 1) + chart._y.bin_of_each(ye)
    assert np.array_equal(np.bincount(got, minlength=want.size).reshape(want.shape), want)


def test_a_new_language_redraws_the_chart_in_it(customers):
    with language("en"):
        moved = RfmExplorer(customers)
    with language("zh"):
        moved.controls["method"].value = "rank_first"
        assert moved.figure.axes[0].get_title() == t("seg_sizes_title")
        _same_picture(moved, RfmExplorer(customers, **moved.values))
        moved.controls["method"].value = "r_rfm"                  # a result kept from the English start
        assert "冠军客户" in moved.summary.value
