"""RFM explorer: tie policy, number of score bins and segment scheme → segment sizes and revenue shares.

The per-customer RFM table is computed once (:func:`helpers.rfm.rfm_table`); moving a control only
re-scores and re-segments it::

    >>> import pandas as pd
    >>> from helpers.widgets.rfm import RfmExplorer
    >>> rfm = pd.DataFrame({"recency_days": [3, 30, 90, 200, 400], "frequency": [9, 5, 3, 2, 1],
    ...     "monetary": [900.0, 500.0, 300.0, 200.0, 50.0], "orders": [9, 5, 3, 2, 1],
    ...     "revenue": [900.0, 500.0, 300.0, 200.0, 50.0]}, index=list("abcde"))
    >>> explorer = RfmExplorer(rfm, chart=False)
    >>> explorer.result.summary["segment"].tolist()[0]
    'champions'

Settings a scheme cannot use (e.g. ``rf_grid`` on 4 bins) show the library's message and its fix
instead of a table; warnings (ties, empty bins) are shown under the table.
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import pandas as pd

from helpers.errors import DataError
from helpers.scoring import METHODS, rfm_score
from helpers.segments import SCHEMES, Segmentation, rfm_segment, segment_summary
from helpers.widgets.base import Explorer, describe
from helpers.widgets.display import frame_html, message_html

SUMMARY_COLUMNS = ("label", "customers", "customer_share", "revenue", "revenue_share")


@dataclass(frozen=True)
class RfmOutcome:
    """Segmentation and its summary for one setting, the warnings it raised, or why it cannot be used."""

    segmentation: Segmentation | None = None
    summary: pd.DataFrame | None = None
    warnings: tuple = field(default_factory=tuple)
    error: str | None = None


class RfmExplorer(Explorer):
    """Segment a per-customer RFM table live (DOMAIN.md §1.1–1.3).

    ``rfm`` comes from :func:`helpers.rfm.rfm_table` (it needs ``recency_days``, ``frequency``,
    ``monetary``, ``orders`` and ``revenue``). Controls: ``method`` (tie policy), ``bins`` (3–5) and
    ``scheme`` (``r_rfm10``, ``rf_grid``, ``rfm11`` need 5 bins, ``pymc`` 4; ``cn8`` compares raw
    values with their means and ignores the scores).
    """

    figsize = (7, 5)

    def __init__(self, rfm: pd.DataFrame, chart: bool = True, **initial):
        self.rfm = rfm
        super().__init__(chart=chart, **initial)

    def make_controls(self) -> dict:
        import ipywidgets as w

        style = {"description_width": "initial"}
        return {
            "method": w.Dropdown(options=[(describe(f"wd_rfm_method_{m}"), m) for m in METHODS], value="r_rfm",
                                 description=describe("wd_rfm_method"), style=style),
            "bins": w.IntSlider(value=5, min=3, max=5, description=describe("wd_rfm_bins"), style=style),
            "scheme": w.Dropdown(options=[(describe(f"wd_rfm_scheme_{s}"), s) for s in SCHEMES], value="r_rfm10",
                                 description=describe("wd_rfm_scheme"), style=style),
        }

    def compute(self, method: str, bins: int, scheme: str) -> RfmOutcome:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                scored = self.rfm if scheme == "cn8" else rfm_score(self.rfm, bins=bins, method=method)
                segmented = rfm_segment(scored, scheme)
            except DataError as exc:
                return RfmOutcome(error=str(exc))
            summary = segment_summary(segmented, data=self.rfm)
        return RfmOutcome(segmented, summary, tuple(dict.fromkeys(str(w.message) for w in caught)))

    def summary_html(self, result: RfmOutcome) -> str:
        if result.error:
            return message_html(result.error)
        notes = "".join(message_html(text, "warning") for text in result.warnings)
        return frame_html(result.summary, SUMMARY_COLUMNS, percent=("customer_share", "revenue_share")) + notes

    def draw(self, result: RfmOutcome, ax) -> None:
        from helpers.plots.rfm import plot_segment_sizes

        if result.summary is None:
            ax.set_axis_off()
            return
        plot_segment_sizes(result.summary, ax=ax)
