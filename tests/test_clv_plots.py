"""CLV charts: titled and labelled in the active language, drawing what they say."""
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from helpers.btyd import BetaGeoModel
from helpers.clv import margin_multiple, project_states
from helpers.i18n import label, language
from helpers.plots.clv import (plot_expected_purchases_matrix, plot_holdout_comparison, plot_margin_multiple,
                               plot_prob_alive_matrix, plot_state_projection)

MODEL = BetaGeoModel(r=0.243, alpha=4.414, a=0.793, b=2.426)


def test_prob_alive_heatmap_puts_high_frequency_on_top():
    ax = plot_prob_alive_matrix(MODEL, T=38.86, max_frequency=4)
    assert ax.get_title() == "Probability that the customer is alive P(alive)"
    assert ax.get_xlabel() == "Customer age at last purchase t_x" and ax.get_ylabel() == "Repeat purchases x"
    cells = ax.collections[0].get_array().reshape(5, 39)
    assert cells[-1, 0] == 1.0                           # bottom row x = 0, t_x = 0
    assert cells[0, -1] == pytest.approx(MODEL.prob_alive(4, 38, 38.86))


def test_expected_purchases_heatmap_in_chinese():
    with language("zh"):
        ax = plot_expected_purchases_matrix(MODEL, T=38.86, t_ahead=39, max_frequency=3)
    assert ax.get_title() == "未来 39 个时间单位的预期购买次数"
    assert ax.get_ylabel() == "重复购买次数 x"


def test_holdout_comparison_chart():
    table = pd.DataFrame({"frequency": ["0", "1", "2+"], "customers": [10, 5, 2],
                          "actual": [0.2, 0.7, 2.0], "predicted": [0.25, 0.6, 1.8]})
    ax = plot_holdout_comparison(table)
    actual, predicted = ax.get_lines()
    assert actual.get_ydata().tolist() == [0.2, 0.7, 2.0] and predicted.get_label() == "Predicted (BG/NBD)"
    assert [tick.get_text() for tick in ax.get_xticklabels()] == ["0", "1", "2+"]
    assert ax.get_title() == "Holdout purchases: predicted vs actual"


def test_margin_multiple_curves():
    ax = plot_margin_multiple(discounts=(0.10, 0.12), retention=[0.6, 0.8, 0.9])
    first = ax.get_lines()[0]
    assert first.get_label() == "Discount rate i = 10%"
    assert first.get_ydata() == pytest.approx([margin_multiple(r, 0.10) for r in (0.6, 0.8, 0.9)])
    assert ax.get_xlabel() == "Retention rate r"


def test_state_projection_lines_per_state():
    projection = project_states(pd.Series([100.0, 0.0], index=["new", "lost"]), [[.7, .3], [0, 1]], horizon=3)
    ax = plot_state_projection(projection)
    lines = ax.get_lines()
    assert [line.get_label() for line in lines] == label(["new", "lost"])
    assert np.allclose(lines[1].get_ydata(), projection["lost"])
    assert ax.get_legend().get_title().get_text() == "State"


def test_importing_the_models_does_not_import_matplotlib():
    code = "import sys, helpers.clv, helpers.btyd; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
