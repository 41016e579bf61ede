"""RFM explorer: tie policy, number of score bins and segment scheme → segment sizes and revenue shares.

The per-customer RFM table is computed once (:func:`helpers.rfm.rfm_table`); moving a control only
re-scores and re-segments it::

    >>> import pandas as pd
    >>> from helpers.teaching.widgets.rfm import RfmExplorer
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
from functools import lru_cache

import pandas as pd

from helpers.errors import DataError
from helpers.i18n import t
from helpers.rfm.scores import METHODS, rfm_score
from helpers.segments import SCHEMES, Segmentation, cn8_classify, rfm_segment, segment_summary
from helpers.teaching.widgets.base import Explorer, describe
from helpers.teaching.widgets.display import frame_html, message_html

__all__ = ["RfmExplorer"]

_SUMMARY_COLUMNS = ("label", "customers", "customer_share", "revenue", "revenue_share")
# settings whose scores (and segments) are kept: about 15 MB each at 100,000 customers
_CACHED_SCORES = 6


@dataclass(frozen=True)
class RfmOutcome:
    """Segmentation and its summary for one setting, the warnings it raised, or why it cannot be used."""

    segmentation: Segmentation | None = None
    summary: pd.DataFrame | None = None
    warnings: tuple = field(default_factory=tuple)
    error: str | None = None


def _caught(fn, *args, **kwargs) -> tuple:
    """``(result, warning texts)``; a DataError's message (active language) takes the result's place."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result = fn(*args, **kwargs)
        except DataError as exc:
            result = str(exc)
    return result, tuple(str(w.message) for w in caught)


class RfmExplorer(Explorer):
    """Segment a per-customer RFM table live (docs/methods.md §1.1–1.3).

    ``rfm`` comes from :func:`helpers.rfm.rfm_table` (it needs ``recency_days``, ``frequency``,
    ``monetary``, ``orders`` and ``revenue``). Controls, named as the parameters of
    :func:`helpers.rfm.rfm_score` and :func:`helpers.segments.rfm_segment`: ``method`` (tie
    policy), ``n_bins`` (3–5) and ``scheme`` (``r_rfm10``, ``rf_grid``, ``rfm11`` need 5 bins;
    ``cn8`` compares raw values with their means and ``pymc`` scores PyMC-Marketing's way, so both
    ignore the two score controls). ``pymc_rfm`` is the table the ``pymc`` scheme segments: purchase
    days and mean spend, ``rfm_table(tx, frequency="days", monetary="mean")`` (default ``rfm``; an
    RFM table of other counts gets the library's message instead). ``initial`` sets controls at the
    start; ``chart=False`` leaves out the chart.

    >>> import pandas as pd
    >>> rfm = pd.DataFrame({"recency_days": [3, 30, 90, 200, 400], "frequency": [9, 5, 3, 2, 1],
    ...     "monetary": [900.0, 500.0, 300.0, 200.0, 50.0], "orders": [9, 5, 3, 2, 1],
    ...     "revenue": [900.0, 500.0, 300.0, 200.0, 50.0]}, index=list("abcde"))
    >>> explorer = RfmExplorer(rfm, chart=False, scheme="pymc")
    >>> explorer.result.segmentation.params["n_bins"], explorer.result.error
    (4, None)
    """

    figsize = (7, 5)
    cache_size = 12           # a segmentation shares its scores' columns: a few MB each at 100,000 customers

    def __init__(self, rfm: pd.DataFrame, chart: bool = True, pymc_rfm: pd.DataFrame | None = None, **initial):
        self.rfm = rfm
        self.pymc_rfm = rfm if pymc_rfm is None else pymc_rfm
        # scores depend on the tie policy and n_bins only, so a new scheme re-segments without re-scoring;
        # cn8 does not use the scores at all. A setting seen before is shown again without computing.
        self._scores = lru_cache(maxsize=_CACHED_SCORES)(self._score)
        super().__init__(chart=chart, **initial)

    def make_controls(self) -> dict:
        import ipywidgets as w

        style = {"description_width": "initial"}
        return {
            "method": w.Dropdown(options=[(t(f"rfm_method.{m}"), m) for m in METHODS], value="r_rfm",
                                 description=describe("wd_rfm_method"), style=style),
            "n_bins": w.IntSlider(value=5, min=3, max=5, description=describe("wd_rfm_bins"), style=style),
            "scheme": w.Dropdown(options=[(t(f"rfm_scheme.{s}"), s) for s in SCHEMES], value="r_rfm10",
                                 description=describe("wd_rfm_scheme"), style=style),
        }

    def cache_key(self, values: dict):
        scheme = values["scheme"]
        return (scheme,) if scheme in ("cn8", "pymc") else tuple(values.values())    # they ignore the score controls

    def clear_cache(self) -> None:
        """Forget the scores and segments computed so far (e.g. after replacing ``self.rfm``)."""
        super().clear_cache()
        self._scores.cache_clear()

    def _score(self, method: str, n_bins: int):
        return _caught(rfm_score, self.rfm, n_bins=n_bins, method=method)

    def compute(self, method: str, n_bins: int, scheme: str) -> RfmOutcome:
        if scheme == "cn8":
            segmented, notes = _caught(cn8_classify, self.rfm)
        elif scheme == "pymc":           # PyMC-Marketing's quartiles of its own inputs
            segmented, notes = _caught(rfm_segment, self.pymc_rfm, "pymc")
        else:
            scored, notes = self._scores(method, n_bins)
            segmented, more = (scored, ()) if isinstance(scored, str) else _caught(rfm_segment, scored, scheme)
            notes += more
        if isinstance(segmented, str):
            return RfmOutcome(error=segmented)
        return RfmOutcome(segmented, segment_summary(segmented, data=self.rfm), tuple(dict.fromkeys(notes)))

    def summary_html(self, result: RfmOutcome) -> str:
        if result.error:
            return message_html(result.error)
        notes = "".join(message_html(text, "warning") for text in result.warnings)
        return frame_html(result.summary, columns=_SUMMARY_COLUMNS, share_cols=("customer_share", "revenue_share")) + notes

    def make_chart(self, figure):
        from helpers.plots.rfm import SegmentSizesChart

        return SegmentSizesChart(figure.add_subplot())

    def chart_data(self, result: RfmOutcome):
        return result.summary
