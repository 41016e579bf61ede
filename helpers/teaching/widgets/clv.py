"""CLV calculator: profit per period, retention, discount rate, horizon → CLV and the retention economics.

    >>> calc = ClvCalculator(chart=False, retention=0.9)
    >>> round(calc.result.clv, 2)
    450.0
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from helpers.clv import margin_multiple, retention_economics, simple_clv
from helpers.i18n import t
from helpers.plots.live import ARTISTS, FULL, NOTHING, LiveChart
from helpers.teaching.widgets.base import Explorer, describe

__all__ = ["ClvCalculator"]


@dataclass(frozen=True)
class ClvOutcome:
    """What the calculator shows: CLV (infinite or finite horizon) and the retention economics."""

    clv: float
    multiple: float
    economics: object


class ClvCalculator(Explorer):
    """Move the sliders; CLV = m·r/(1+i−r) (docs/methods.md §3.6) and the "5×" comparison update live.

    Controls (named as the parameters of :func:`helpers.clv.simple_clv` and
    :func:`helpers.clv.retention_economics`): ``profit_per_period`` m, ``retention`` r,
    ``discount`` i, ``horizon`` (0 means an infinite horizon), ``acquisition_cost``,
    ``retention_cost``. ``initial`` sets controls at the start; ``chart=False`` leaves out the chart.

    >>> calc = ClvCalculator(chart=False, profit_per_period=200)
    >>> round(calc.result.clv, 2), calc.result.economics.cost_ratio
    (533.33, 5.0)
    """

    def make_controls(self) -> dict:
        import ipywidgets as w

        style = {"description_width": "initial"}
        return {
            "profit_per_period": w.FloatSlider(value=100, min=10, max=500, step=10,
                                               description=describe("wd_profit_per_period"), style=style),
            "retention": w.FloatSlider(value=0.8, min=0.05, max=0.95, step=0.05, description=describe("wd_retention"), style=style),
            "discount": w.FloatSlider(value=0.10, min=0.0, max=0.3, step=0.01, description=describe("wd_discount"), style=style),
            "horizon": w.IntSlider(value=0, min=0, max=20, description=describe("wd_horizon"), style=style),
            "acquisition_cost": w.FloatSlider(value=250, min=0, max=1000, step=10, description=describe("wd_acquisition_cost"), style=style),
            "retention_cost": w.FloatSlider(value=50, min=5, max=200, step=5, description=describe("wd_retention_cost"), style=style),
        }

    def compute(self, profit_per_period, retention, discount, horizon, acquisition_cost, retention_cost) -> ClvOutcome:
        clv = simple_clv(profit_per_period, retention, discount, horizon=horizon or None)
        econ = retention_economics(acquisition_cost, retention_cost, profit_per_period, retention, discount)
        return ClvOutcome(float(clv), float(margin_multiple(retention, discount)), econ)

    def summary_html(self, result: ClvOutcome) -> str:
        head = t("wd_clv_result", clv=f"{result.clv:,.2f}", multiple=f"{result.multiple:.3f}")
        return f"<p><b>{head}</b></p>" + result.economics._repr_html_()

    def make_chart(self, figure):
        return _MultipleChart(figure.add_subplot())

    def chart_data(self, result: ClvOutcome) -> tuple:
        return self.values["retention"], self.values["discount"]


class _MultipleChart(LiveChart):
    """The margin multiple against retention at the chosen discount rate, the chosen retention marked.

    Only these two controls change the chart: a new retention moves the marker, a new discount
    rate redraws the curve; the other controls leave the picture as it is.
    """

    _RETENTION = np.linspace(0.05, 0.95, 91)

    def __init__(self, ax):
        super().__init__(ax)
        self._shown = None

    def update(self, data: tuple) -> str:
        from helpers.plots.base import decorate

        retention, discount = data
        if self._shown is None:
            self.curve, = self.ax.plot(self._RETENTION, margin_multiple(self._RETENTION, discount))
            self.marker = self.ax.axvline(retention, color="grey", linestyle="--")
            decorate(self.ax, title="wd_clv_chart_title", xlabel="wd_retention", ylabel="wd_multiple")
            self.dynamic = [self.curve, self.marker]
            change = FULL
        elif self._shown[1] != discount:
            self.curve.set_ydata(margin_multiple(self._RETENTION, discount))
            self.ax.relim()
            self.ax.autoscale_view()
            change = FULL               # the multiple's axis follows the curve
        else:
            change = ARTISTS if self._shown[0] != retention else NOTHING
        self.marker.set_xdata([retention, retention])
        self._shown, self.key = data, discount          # the discount rate fixes the curve and its axis
        return change
