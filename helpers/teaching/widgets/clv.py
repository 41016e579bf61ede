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

    def draw(self, result: ClvOutcome, ax) -> None:
        from helpers.plots.base import decorate

        r = np.linspace(0.05, 0.95, 91)
        ax.plot(r, margin_multiple(r, self.values["discount"]))
        ax.axvline(self.values["retention"], color="grey", linestyle="--")
        decorate(ax, title="wd_clv_chart_title", xlabel="wd_retention", ylabel="wd_multiple")
