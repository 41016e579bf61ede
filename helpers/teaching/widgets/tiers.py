"""Tier explorer: ABC cut-offs and rule, or a customer-pyramid preset → tier counts and value shares.

    >>> from helpers.teaching.widgets.tiers import TierExplorer
    >>> explorer = TierExplorer([5000, 3000, 800, 400, 300, 200, 150, 80, 50, 20], chart=False)
    >>> explorer.result.summary()["customers"].tolist()
    [2, 3, 5]
"""
from __future__ import annotations

from helpers.tiers import ABC_CUTOFFS, PYRAMID_PRESETS, TierClassification, abc_classify, customer_pyramid
from helpers.teaching.widgets.base import Explorer, describe
from helpers.teaching.widgets.display import frame_html

SUMMARY_COLUMNS = ("label", "customers", "customer_share", "value", "value_share", "strategy")


class TierExplorer(Explorer):
    """ABC classes (docs/methods.md §2.5) or pyramid tiers (§2.4) of customer values, recomputed live.

    ``values``: anything :func:`helpers.tiers.abc_classify` takes (a Series / dict of values per
    customer, a list, or a frame with ``column`` and ``id_column``). Controls: ``kind`` (``abc`` or
    ``pyramid``); for ABC the ``cutoffs`` (A, B) of the cumulative value share and the ``rule``
    (``crossing`` / ``le``); for the pyramid the ``preset`` shares.
    """

    def __init__(self, values, chart: bool = True, *, column: str | None = None, id_column: str = "customer_id",
                 **initial):
        self.values_in = values
        self.options = {"column": column, "id_column": id_column}
        super().__init__(chart=chart, **initial)

    def make_controls(self) -> dict:
        import ipywidgets as w

        style = {"description_width": "initial"}
        return {
            "kind": w.ToggleButtons(options=[(describe(f"wd_tier_kind_{k}"), k) for k in ("abc", "pyramid")],
                                    value="abc", description=describe("wd_tier_kind"), style=style),
            "cutoffs": w.FloatRangeSlider(value=ABC_CUTOFFS["value"], min=0.5, max=1.0, step=0.01,
                                          description=describe("wd_tier_cutoffs"), readout_format=".0%", style=style),
            "rule": w.Dropdown(options=[(describe(f"wd_tier_rule_{r}"), r) for r in ("crossing", "le")],
                               value="crossing", description=describe("wd_tier_rule"), style=style),
            "preset": w.Dropdown(options=[(describe(f"wd_tier_preset_{p}"), p) for p in PYRAMID_PRESETS],
                                 value="cn_1_4_15_80", description=describe("wd_tier_preset"), style=style),
        }

    def compute(self, kind: str, cutoffs, rule: str, preset: str) -> TierClassification:
        if kind == "abc":
            return abc_classify(self.values_in, cutoffs=tuple(cutoffs), rule=rule, **self.options)
        return customer_pyramid(self.values_in, preset=preset, **self.options)

    def summary_html(self, result: TierClassification) -> str:
        return frame_html(result.summary(), columns=SUMMARY_COLUMNS, share_cols=("customer_share", "value_share"))

    def draw(self, result: TierClassification, ax) -> None:
        from helpers.plots.tiers import plot_pareto, plot_pyramid

        (plot_pareto if result.class_col == "abc_class" else plot_pyramid)(result, ax=ax)
