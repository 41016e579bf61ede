"""CLV charts: titled and labelled in the active language, drawing what they say."""
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from helpers.btyd import BetaGeoModel, ShiftedBetaGeoModel
from helpers.clv import margin_multiple, project_states
from helpers.i18n import label, language
from helpers.plots.clv import (plot_expected_purchases_matrix, plot_holdout_comparison, plot_margin_multiple,
                               plot_prob_alive_matrix, plot_state_projection, plot_survival_projection)
from helpers.validation import ParameterError

MODEL = BetaGeoModel(r=0.243, alpha=4.414, a=0.793, b=2.426, period="W")


def test_prob_alive_heatmap_puts_high_frequency_on_top():
    ax = plot_prob_alive_matrix(MODEL, T=38.86, max_frequency=4)
    assert ax.get_title() == "Probability that the customer is alive P(alive)"
    assert ax.get_xlabel() == "Customer age at last purchase t_x" and ax.get_ylabel() == "Repeat purchases x"
    cells = ax.collections[0].get_array().reshape(5, 39)
    assert cells[-1, 0] == 1.0                           # bottom row x = 0, t_x = 0
    assert cells[0, -1] == pytest.approx(MODEL.prob_alive(4, 38, 38.86))


def test_expected_purchases_heatmap_in_chinese():
    with language("zh"):
        ax = plot_expected_purchases_matrix(MODEL, T=38.86, horizon=39, max_frequency=3)
    assert ax.get_title() == "未来 39 周的预期购买次数"
    assert ax.get_ylabel() == "重复购买次数 x"
    cells = ax.collections[0].get_array().reshape(4, 39)
    assert cells[0, 30] == pytest.approx(MODEL.conditional_expected_purchases(39, 3, 30, 38.86))


def test_expected_purchases_title_names_the_time_unit():
    days = BetaGeoModel(r=0.243, alpha=4.414, a=0.793, b=2.426, period="D")
    assert plot_expected_purchases_matrix(days, T=38.86, horizon=1, max_frequency=2).get_title() == \
        "Expected purchases in the next 1 day"
    unknown = BetaGeoModel(r=0.243, alpha=4.414, a=0.793, b=2.426)
    assert plot_expected_purchases_matrix(unknown, T=38.86, horizon=39, max_frequency=2).get_title() == \
        "Expected purchases in the next 39 time units"
    with pytest.raises(ParameterError, match="horizon"):
        plot_expected_purchases_matrix(MODEL, T=38.86, horizon=0)


def test_holdout_comparison_chart():
    table = pd.DataFrame({"frequency": ["0", "1", "2+"], "customers": [10, 5, 2],
                          "actual": [0.2, 0.7, 2.0], "predicted": [0.25, 0.6, 1.8]})
    ax = plot_holdout_comparison(table)
    actual, predicted = ax.get_lines()
    assert actual.get_ydata().tolist() == [0.2, 0.7, 2.0] and predicted.get_label() == "Predicted (BG/NBD)"
    assert [tick.get_text() for tick in ax.get_xticklabels()] == ["0", "1", "2+"]
    assert ax.get_title() == "Holdout purchases: predicted vs actual"


def test_holdout_chart_passes_keywords_to_the_predicted_line_only():
    table = pd.DataFrame({"frequency": ["0", "1+"], "customers": [10, 5], "actual": [0.2, 0.9],
                          "predicted": [0.25, 0.8]})
    table.attrs["model"] = "Pareto/NBD"
    actual, predicted = plot_holdout_comparison(table, label="x", color="red").get_lines()
    assert predicted.get_label() == "x" and predicted.get_color() == "red"
    assert actual.get_label() == "Actual" and actual.get_color() != "red"
    assert plot_holdout_comparison(table).get_lines()[1].get_label() == "Predicted (Pareto/NBD)"


def test_margin_multiple_curves():
    ax = plot_margin_multiple(discount=(0.10, 0.12), retention=[0.6, 0.8, 0.9])
    first = ax.get_lines()[0]
    assert first.get_label() == "Discount rate i = 10%"
    assert first.get_ydata() == pytest.approx([margin_multiple(r, 0.10) for r in (0.6, 0.8, 0.9)])
    assert ax.get_xlabel() == "Retention rate r"
    assert len(plot_margin_multiple(discount=0.1).get_lines()) == 1
    with pytest.raises(ParameterError, match="discount"):
        plot_margin_multiple(discount=(0.1, 10))
    with language("zh"), pytest.raises(ParameterError, match="参数 retention"):
        plot_margin_multiple(retention=[0.5, 2])


def test_state_projection_lines_per_state():
    projection = project_states(pd.Series([100.0, 0.0], index=["new", "lost"]), [[.7, .3], [0, 1]], horizon=3)
    ax = plot_state_projection(projection)
    lines = ax.get_lines()
    assert [line.get_label() for line in lines] == label(["new", "lost"])
    assert np.allclose(lines[1].get_ydata(), projection["lost"])
    assert ax.get_legend().get_title().get_text() == "State"


def test_survival_projection_draws_model_curve_and_actual_dots():
    counts = [1000, 631, 468, 382, 326, 289, 262, 241]
    model = ShiftedBetaGeoModel.fit(counts, period="Y")
    with language("zh"):
        ax = plot_survival_projection(model, counts, horizon=12, label="普通客户", linewidth=3)
    curve, dots, end = ax.get_lines()
    assert curve.get_xdata().tolist() == list(range(13)) and curve.get_linewidth() == 3
    assert curve.get_ydata() == pytest.approx(model.survival(np.arange(13)))
    assert dots.get_ydata()[:8] == pytest.approx(np.array(counts) / 1000) and np.isnan(dots.get_ydata()[8:]).all()
    assert end.get_xdata()[0] == 7
    assert ax.get_title() == "合同客户留存：sBG 模型预测与实际" and ax.get_xlabel() == "获客后的时长（年）"
    assert [text.get_text() for text in ax.get_legend().get_texts()] == ["普通客户：模型预测", "普通客户：实际", "拟合所用数据截止"]
    # a second cohort on the same axes adds its curve and dots, not a second end-of-data line
    plot_survival_projection(ShiftedBetaGeoModel(0.668, 3.806, period="Y"), [1000, 869, 743, 653, 593, 551, 517, 491],
                             ax=ax)
    assert len(ax.get_lines()) == 5


def test_importing_the_models_does_not_import_matplotlib():
    code = "import sys, helpers.clv, helpers.btyd; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
