"""Matrix explorer: choosing axes and break rule reclassifies the quadrants (no browser)."""
import matplotlib as mpl
import numpy as np
import pandas as pd
import pytest

from helpers.display import column_label
from helpers.matrices import HIGH_HIGH, HIGH_X, HIGH_Y, LOW_LOW, marcus_matrix
from helpers.plots.theme import apply_theme
from helpers.teaching.widgets import MatrixExplorer
from helpers.teaching.widgets.matrix import QUADRANTS

RFM = pd.DataFrame({"customer_id": ["a", "b", "c", "d"], "frequency": [10, 9, 1, 2],
                    "monetary": [2000, 90, 500, 20], "average_purchase": [200.0, 10.0, 500.0, 10.0]})


def test_quadrants_match_the_marcus_preset():
    explorer = MatrixExplorer(RFM, ["average_purchase", "frequency", "monetary"], chart=False)
    marcus = marcus_matrix(RFM)          # x = average purchase, y = frequency, mean split (docs/methods.md §2.3)
    preset_cell = {"marcus_best": QUADRANTS[HIGH_HIGH], "marcus_frequent": QUADRANTS[HIGH_Y],
                   "marcus_spenders": QUADRANTS[HIGH_X], "marcus_uncertain": QUADRANTS[LOW_LOW]}
    assert explorer.result.classes.tolist() == [preset_cell[c] for c in marcus.classes]
    assert explorer.result.thresholds["frequency"] == pytest.approx([5.5])
    assert explorer.result.table.index.tolist() == ["a", "b", "c", "d"]          # rows named by customer id


def test_moving_controls_changes_axes_and_breaks():
    explorer = MatrixExplorer(RFM, chart=False)
    assert [value for _, value in explorer.controls["x"].options] == ["frequency", "monetary", "average_purchase"]
    explorer.controls["breaks"].value = "median"
    assert explorer.result.thresholds["monetary"] == pytest.approx([np.median(RFM["monetary"])])
    explorer.controls["breaks"].value = "midpoint"
    assert explorer.result.thresholds["frequency"] == pytest.approx([5.5])     # (1 + 10) / 2
    explorer.controls["y"].value = "average_purchase"
    assert set(explorer.result.thresholds) == {"frequency", "average_purchase"}
    assert explorer.result.summary()["customers"].sum() == len(RFM)


def test_scale_midpoint_and_same_axis_message():
    ratings = pd.DataFrame({"value": [5, 1, 3], "fit": [2, 5, 3]})
    explorer = MatrixExplorer(ratings, chart=False, scale=(1, 5), breaks="midpoint")
    assert explorer.result.classes.tolist() == [QUADRANTS[HIGH_X], QUADRANTS[HIGH_Y], QUADRANTS[HIGH_HIGH]]
    explorer.controls["y"].value = "value"
    assert isinstance(explorer.result, str) and "different columns" in explorer.summary.value


def test_a_single_numeric_column_is_refused_in_both_languages():
    from helpers.i18n import language
    from helpers.validation import ParameterError

    for lang, words in (("en", "Parameter value_cols"), ("zh", "参数 value_cols")):
        with language(lang), pytest.raises(ParameterError, match=words):
            MatrixExplorer(RFM[["customer_id", "frequency"]], chart=False)


def test_chart_redraws_silently(capsys):
    with mpl.rc_context():
        apply_theme()
        explorer = MatrixExplorer(RFM, chart=True)
        explorer.controls["x"].value = "average_purchase"
    assert explorer.figure.axes[0].get_xlabel() == column_label("average_purchase") and capsys.readouterr().out == ""


def test_columns_are_offered_and_drawn_with_their_labels():
    from helpers.i18n import language

    with mpl.rc_context(), language("zh"):
        apply_theme()
        explorer = MatrixExplorer(RFM, chart=True)
        assert explorer.controls["x"].options[0] == ("购买次数（F）", "frequency")
        assert explorer.figure.axes[0].get_ylabel() == "消费金额（M）"
        assert "购买次数（F） = 5.50" in explorer.summary.value
