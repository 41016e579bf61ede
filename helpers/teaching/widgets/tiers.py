"""Tier explorer: ABC breaks and method, or a customer-pyramid preset → tier counts and value shares.

    >>> from helpers.teaching.widgets.tiers import TierExplorer
    >>> explorer = TierExplorer([5000, 3000, 800, 400, 300, 200, 150, 80, 50, 20], chart=False)
    >>> explorer.result.summary()["customers"].tolist()
    [2, 3, 5]
"""
from __future__ import annotations

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

    def __init__(self, values, chart: bool = True, *, value_col: str | None = None,
                 customer_col: str = "customer_id", **initial):
        self.values_in = values
        self.options = {"value_col": value_col, "customer_col": customer_col}
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
            "preset": w.Dropdown(options=[(describe(f"wd_tier_preset_{p}"), p) for p in PYRAMID_PRESETS],
                                 value="cn_1_4_15_80", description=describe("wd_tier_preset"), style=style),
        }

    def compute(self, kind: str, breaks, method: str, preset: str) -> TierClassification:
        if kind == "abc":
            return abc_classify(self.values_in, breaks=tuple(breaks), method=method, **self.options)
        return customer_pyramid(self.values_in, preset=preset, **self.options)

    def summary_html(self, result: TierClassification) -> str:
        return frame_html(result.summary(), columns=_SUMMARY_COLUMNS, share_cols=("customer_share", "value_share"))

    def draw(self, result: TierClassification, ax) -> None:
        from helpers.plots.tiers import plot_pareto, plot_pyramid

        (plot_pareto if result.class_col == "abc_class" else plot_pyramid)(result, ax=ax)
