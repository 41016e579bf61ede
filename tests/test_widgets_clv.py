"""CLV calculator: moving a control recomputes the result (no browser needed)."""
import pytest

from helpers.clv import simple_clv
from helpers.teaching.widgets import ClvCalculator


def test_moving_sliders_updates_clv_and_summary():
    calc = ClvCalculator(chart=False)
    assert calc.result.clv == pytest.approx(266.6667, rel=1e-4)      # m=100, r=0.8, i=0.10 (docs/methods.md §3.6)
    before = calc.summary.value
    calc.controls["retention"].value = 0.9
    assert calc.result.clv == pytest.approx(450.0)
    assert calc.summary.value != before and "450.00" in calc.summary.value
    calc.controls["horizon"].value = 5
    assert calc.result.clv == pytest.approx(simple_clv(100, 0.9, 0.10, horizon=5))


def test_controls_are_named_as_the_parameters_they_drive():
    calc = ClvCalculator(chart=False, profit_per_period=200, retention=0.9)
    assert calc.result.clv == pytest.approx(simple_clv(profit_per_period=200, retention=0.9, discount=0.10))
    assert calc.result.economics.params["profit_per_period"] == 200


def test_chart_redraws_without_printing(capsys):
    calc = ClvCalculator(chart=True)
    calc.controls["discount"].value = 0.12
    assert calc.result.multiple == pytest.approx(0.8 / (1.12 - 0.8))
    assert capsys.readouterr().out == ""
