"""RFM explorer: changing tie policy, bins or scheme re-segments the RFM table (no browser)."""
import numpy as np
import matplotlib as mpl
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.plots.theme import apply_theme
from helpers.i18n import label, language
from helpers.rfm import METHODS, rfm_score
from helpers.segments import SCHEMES, cn8_classify, rfm_segment, segment_summary
from helpers.teaching.widgets import RfmExplorer


@pytest.fixture(scope="module")
def rfm():
    rng = np.random.default_rng(7)
    n = 300
    frequency = rng.integers(1, 15, n)
    revenue = np.round(rng.gamma(2.0, 60.0, n) * frequency, 2)
    return pd.DataFrame({"recency_days": rng.integers(1, 500, n), "frequency": frequency, "monetary": revenue,
                         "orders": frequency, "revenue": revenue},
                        index=pd.Index([f"c{i:03d}" for i in range(n)], name="customer_id"))


def test_default_matches_the_library(rfm):
    explorer = RfmExplorer(rfm, chart=False)
    want = segment_summary(rfm_segment(rfm_score(rfm, n_bins=5, method="r_rfm"), "r_rfm10"), data=rfm)
    pd.testing.assert_frame_equal(explorer.result.summary, want)
    assert explorer.result.summary["customers"].sum() == len(rfm)
    assert explorer.result.summary["revenue_share"].sum() == pytest.approx(1.0)
    assert label(want["segment"].iloc[0]) in explorer.summary.value


def test_moving_controls_resegments(rfm):
    explorer = RfmExplorer(rfm, chart=False)
    explorer.controls["scheme"].value = "cn8"
    want = segment_summary(cn8_classify(rfm), data=rfm)
    pd.testing.assert_frame_equal(explorer.result.summary, want)
    explorer.controls["n_bins"].value = 4
    explorer.controls["method"].value = "qcut_drop"
    explorer.controls["scheme"].value = "pymc"
    want = segment_summary(rfm_segment(rfm, "pymc"), data=rfm)
    assert explorer.result.summary["segment"].tolist() == want["segment"].tolist()
    assert explorer.result.segmentation.params["method"] == "qcut_drop"


def test_pymc_segments_its_own_table_whatever_the_score_controls(rfm):
    orders = rfm.copy()
    orders.attrs.update(frequency="orders", monetary="sum")          # as rfm_table states it
    days = rfm.assign(frequency=np.maximum(1, rfm["frequency"] - 1), monetary=rfm["revenue"] / rfm["frequency"])
    days.attrs.update(frequency="days", monetary="mean")
    explorer = RfmExplorer(orders, chart=False, pymc_rfm=days, scheme="pymc")
    want = segment_summary(rfm_segment(days, "pymc"), data=orders)
    for control, value in (("n_bins", 3), ("method", "rank_first"), ("n_bins", 5)):
        explorer.controls[control].value = value
        pd.testing.assert_frame_equal(explorer.result.summary, want)
    refused = RfmExplorer(orders, chart=False, scheme="pymc")      # no table of PyMC-Marketing's inputs
    assert refused.result.summary is None and "rfm_table(tx, frequency=" in refused.result.error


def test_unusable_setting_shows_the_library_message(rfm):
    explorer = RfmExplorer(rfm, chart=False, n_bins=3)
    assert explorer.result.summary is None and explorer.result.error
    assert explorer.result.error.split("\n")[0] in explorer.summary.value.replace("&#x27;", "'")


def test_labels_follow_the_language_and_chart_redraws_silently(rfm, capsys):
    with mpl.rc_context(), language("zh"):
        apply_theme()                      # the kit's CJK font for the Chinese chart
        explorer = RfmExplorer(rfm, chart=True)
        assert "销售额占比" in explorer.summary.value
        explorer.controls["method"].value = "rank_first"
        names = [t.get_text() for t in explorer.figure.axes[0].get_yticklabels()]
    assert names[::-1] == explorer.result.summary["label"].tolist()        # the chart shows this setting
    assert bytes(explorer.image.value[:4]) == b"\x89PNG" and capsys.readouterr().out == ""


def test_a_setting_without_segments_hides_the_chart_under_its_message(rfm):
    explorer = RfmExplorer(rfm, chart=True)         # English labels: no CJK font needed
    explorer.controls["n_bins"].value = 3                    # r_rfm10 needs 5 bins
    assert explorer.result.error and explorer.image.layout.display == "none"
    explorer.controls["scheme"].value = "cn8"
    assert explorer.image.layout.display is None


def test_caller_table_is_not_changed(rfm):
    before = rfm.copy()
    explorer = RfmExplorer(rfm, chart=False)
    explorer.controls["method"].value = "rank_first"
    pd.testing.assert_frame_equal(rfm, before)


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(METHODS), st.integers(3, 5), st.sampled_from(SCHEMES))
def test_every_setting_places_each_customer_once_or_explains_why_not(rfm, method, n_bins, scheme):
    explorer = RfmExplorer(rfm, chart=False, method=method, n_bins=n_bins, scheme=scheme)
    if explorer.result.error:
        assert explorer.result.summary is None and scheme != "cn8"
    else:
        assert explorer.result.summary["customers"].sum() == len(rfm)
        assert explorer.result.segmentation.table.index.is_unique
