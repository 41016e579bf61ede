"""Tier explorer: breaks, method and pyramid preset recompute the tiers (no browser)."""
import matplotlib as mpl
import pandas as pd
import pytest

from helpers.plots.theme import apply_theme
from helpers.tiers import abc_classify, customer_pyramid
from helpers.teaching.widgets import TierExplorer

VALUES = [5000, 3000, 800, 400, 300, 200, 150, 80, 50, 20]     # docs/methods.md §8.3
PROFITS = {f"c{i}": v for i, v in enumerate([500, 300, 200, 100, 50, -20, -50, -80, -100, -150])}


def test_abc_default_reproduces_the_worked_example():
    explorer = TierExplorer(VALUES, chart=False)
    summary = explorer.result.summary()
    assert summary["customers"].tolist() == [2, 3, 5]
    assert summary["value_share"].tolist() == pytest.approx([0.80, 0.15, 0.05])
    assert "80.0%" in explorer.summary.value


def test_moving_breaks_and_method_matches_the_library():
    explorer = TierExplorer(VALUES, chart=False)
    explorer.controls["breaks"].value = (0.70, 0.90)
    explorer.controls["method"].value = "le"
    want = abc_classify(VALUES, breaks=(0.70, 0.90), method="le")
    pd.testing.assert_frame_equal(explorer.result.summary(), want.summary())
    assert explorer.result.thresholds["A_break"] == pytest.approx(0.70)
    explorer.controls["breaks"].value = (0.80, 0.80)                 # both handles together: no class B
    assert explorer.result.summary()["customers"].tolist()[1] == 0


def test_a_frame_with_value_and_customer_columns():
    frame = pd.DataFrame({"member": ["m1", "m2", "m3"], "sales": [70, 20, 10]})
    explorer = TierExplorer(frame, chart=False, value_col="sales", customer_col="member")
    assert explorer.result.classes.to_dict() == {"m1": "abc_a", "m2": "abc_a", "m3": "abc_b"}


def test_pyramid_presets():
    explorer = TierExplorer(PROFITS, chart=False, kind="pyramid", preset="profit_sign")
    want = customer_pyramid(PROFITS, preset="profit_sign")
    assert explorer.result.classes.tolist() == want.classes.tolist()
    assert explorer.result.summary()["customers"].tolist()[-1] == 5     # the five loss-makers are 铁 / Lead
    explorer.controls["preset"].value = "20_30_30_20"
    assert explorer.result.summary()["customers"].tolist() == [2, 3, 3, 2]


def test_chart_redraws_for_both_kinds(capsys):
    with mpl.rc_context():
        apply_theme()                      # the kit's CJK font: tier labels name 金钻 etc.
        explorer = TierExplorer(VALUES, chart=True)
        explorer.controls["kind"].value = "pyramid"
    assert explorer.result.class_col == "tier" and capsys.readouterr().out == ""
