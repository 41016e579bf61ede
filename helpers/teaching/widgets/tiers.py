"""Tier explorer: ABC breaks and method, or a customer-pyramid preset → tier counts and value shares.

    >>> from helpers.teaching.widgets.tiers import TierExplorer
    >>> explorer = TierExplorer([5000, 3000, 800, 400, 300, 200, 150, 80, 50, 20], chart=False)
    >>> explorer.result.summary()["customers"].tolist()
    [2, 3, 5]

The customers are ranked once, when the explorer is made; moving a control only cuts the ranked
list again (the result is the library's, indexed by customer id).
"""
from __future__ import annotations

from dataclasses import replace

import pandas as pd

from helpers.concentration import as_value_series, rank_descending
from helpers.i18n import t
from helpers.plots.live import FULL, LiveChart
from helpers.tiers import ABC_BREAKS, PYRAMID_PRESETS, TierClassification, abc_classify, customer_pyramid
from helpers.teaching.widgets.base import Explorer, describe
from helpers.teaching.widgets.display import frame_html

__all__ = ["TierExplorer"]

_SUMMARY_COLUMNS = ("label", "customers", "customer_share", "value", "value_share", "strategy")


class TierExplorer(Explorer):
    """ABC classes (docs/methods.md §2.5) or pyramid tiers (§2.4) of customer values, recomputed live.

    ``values``: anything :func:`helpers.tiers.abc_classify` takes (a Series / dict of values per
    customer, a list, or a frame with ``value_col`` and ``customer_col``). Controls (also settable
    as keywords, ``**initial``): ``kind`` (``abc`` or ``pyramid``); for ABC the ``breaks`` (A, B) of
    the cumulative value share and the ``method`` (``crossing`` / ``le``); for the pyramid the
    ``preset`` shares.

    >>> explorer = TierExplorer({"x": 70, "y": 20, "z": 10}, chart=False, method="le")
    >>> explorer.result.classes.tolist()
    ['abc_a', 'abc_b', 'abc_c']
    """

    figsize = (8, 4.5)
    cache_size = 6           # a ranked table per setting: ~5 MB at 100,000 customers

    def __init__(self, values, chart: bool = True, *, value_col: str | None = None,
                 customer_col: str = "customer_id", **initial):
        self.values_in = values
        self.options = {"value_col": value_col, "customer_col": customer_col}
        ranked = rank_descending(as_value_series(values, value_col, customer_col))
        # the ranked values by position: the library ranks them again in no time (ties are
        # already in id order, so positions keep it) and the ids are put back afterwards
        self._ids = ranked.index
        self._ranked = pd.Series(ranked.to_numpy(), name=ranked.name)
        super().__init__(chart=chart, **initial)

    def make_controls(self) -> dict:
        import ipywidgets as w

        style = {"description_width": "initial"}
        return {
            "kind": w.ToggleButtons(options=[(describe(f"wd_tier_kind_{k}"), k) for k in ("abc", "pyramid")],
                                    value="abc", description=describe("wd_tier_kind"), style=style),
            "breaks": w.FloatRangeSlider(value=ABC_BREAKS["value"], min=0.5, max=1.0, step=0.01,
                                         description=describe("wd_tier_cutoffs"), readout_format=".0%", style=style),
            "method": w.Dropdown(options=[(describe(f"wd_tier_rule_{r}"), r) for r in ("crossing", "le")],
                                 value="crossing", description=describe("wd_tier_rule"), style=style),
            "preset": w.Dropdown(options=[(t(f"tier_preset.{p}"), p) for p in PYRAMID_PRESETS],
                                 value="cn_1_4_15_80", description=describe("wd_tier_preset"), style=style),
        }

    def cache_key(self, values: dict):
        v = values                     # the pyramid ignores the ABC controls and the other way round
        return ("abc", tuple(v["breaks"]), v["method"]) if v["kind"] == "abc" else ("pyramid", v["preset"])

    def compute(self, kind: str, breaks, method: str, preset: str) -> TierClassification:
        if kind == "abc":
            result = abc_classify(self._ranked, breaks=tuple(breaks), method=method)
        else:
            result = customer_pyramid(self._ranked, preset=preset)
        return replace(result, table=result.table.set_axis(self._ids[result.table.index.to_numpy()], axis=0))

    def summary_html(self, result: TierClassification) -> str:
        return frame_html(result.summary(), columns=_SUMMARY_COLUMNS, share_cols=("customer_share", "value_share"))

    def make_chart(self, figure):
        return _TierChart(figure)


class _TierChart(LiveChart):
    """The Pareto chart for ABC classes, the pyramid for tiers; a new kind draws a new chart."""

    def __init__(self, figure):
        super().__init__(None)
        self.figure, self.kind, self.chart = figure, None, None

    def update(self, result: TierClassification) -> str:
        from helpers.plots.tiers import ParetoChart, PyramidChart

        if result.class_col == self.kind:
            change = self.chart.update(result)
        else:
            self.figure.clear()
            self.chart = (ParetoChart if result.class_col == "abc_class" else PyramidChart)(self.figure.add_subplot())
            self.chart.update(result)
            self.kind, change = result.class_col, FULL
        self.ax, self.dynamic, self.key = self.chart.ax, self.chart.dynamic, self.chart.key
        return change
