"""SERVQUAL gap scores (Parasuraman, Zeithaml & Berry 1988, *J. Retailing* 64(1):12–40; docs/methods.md §4.6).

22 paired items — expectation E and perception P on a 7-point scale — grouped into five
dimensions. Item gap G = P − E; dimension gap = mean of its item gaps; unweighted SERVQUAL =
mean of the five dimension gaps (or of the 22 item gaps); weighted SERVQUAL = per respondent
Σ_d (points_d / 100) · gap_d over a 100-point importance allocation, then averaged.

    >>> from helpers.servqual import servqual_score
    >>> round(servqual_score([0.2, -1.1, -0.7, -0.3, -0.7]), 2)
    -0.52
    >>> round(servqual_score([0.2, -1.1, -0.7, -0.3, -0.7], [10, 35, 25, 15, 15]), 2)
    -0.69
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from html import escape

import numpy as np
import pandas as pd

from helpers.errors import DataError
from helpers.i18n import t
from helpers.data.survey import check_same_length, check_scale, reverse_scored, validate_answers
from helpers.validation import Options, validate_params

__all__ = ["servqual", "servqual_score", "ServqualResult"]

SERVQUAL_DIMENSIONS = {            # PZB 1988 item numbers per dimension
    "sq_tangibles": tuple(range(1, 5)),
    "sq_reliability": tuple(range(5, 10)),
    "sq_responsiveness": tuple(range(10, 14)),
    "sq_assurance": tuple(range(14, 18)),
    "sq_empathy": tuple(range(18, 23)),
}
POINTS_TOTAL = 100
POINTS_TOLERANCE = 0.5             # allow rounding in hand-entered allocations


def servqual_score(gaps: Sequence[float], weights: Sequence[float] | None = None) -> float:
    """Mean of the dimension ``gaps``, or Σ (w_d / Σ w) · gap_d with importance ``weights`` (§4.6).

    ``weights`` are one respondent's importance points per dimension (they need not sum to 100).

    >>> servqual_score([1.0, -1.0])
    0.0
    >>> servqual_score([1.0, -1.0], weights=[75, 25])
    0.5
    """
    gaps = np.asarray(gaps, dtype=float)
    if weights is None:
        return float(gaps.mean())
    w = np.asarray(weights, dtype=float)
    check_same_length(w, gaps, ("weights", "gaps"))
    return float(np.dot(w / w.sum(), gaps))


@dataclass(frozen=True)
class ServqualResult:
    """Item and dimension gaps, the unweighted and (optional) weighted SERVQUAL scores and n.

    ``items`` has per item its dimension, mean expectation, perception and gap; ``dimensions`` the
    same per dimension (plus mean ``points`` when weights were given).

    >>> df = pd.DataFrame({"exp_01": [6, 7], "per_01": [5, 6], "exp_02": [5, 5], "per_02": [6, 6]})
    >>> r = servqual(df, dimensions={"sq_tangibles": (1,), "sq_empathy": (2,)})
    >>> r.dimensions["gap"].tolist(), r.unweighted, r.weighted
    ([-1.0, 1.0], 0.0, None)
    """

    items: pd.DataFrame
    dimensions: pd.DataFrame
    unweighted: float
    weighted: float | None
    n: int
    n_dropped: int = 0
    params: dict = field(default_factory=dict)

    def __repr__(self) -> str:
        weighted = "None" if self.weighted is None else f"{self.weighted:.4f}"
        gaps = ", ".join(f"{d}={g:+.4f}" for d, g in self.dimensions["gap"].items())
        return (f"ServqualResult(unweighted={self.unweighted:.4f}, weighted={weighted}, n={self.n}, "
                f"n_dropped={self.n_dropped}, gaps: {gaps})")

    def _repr_html_(self) -> str:
        from helpers.display import show

        weighted = "–" if self.weighted is None else f"{self.weighted:.2f}"
        scores = t("sq_scores", unweighted=f"{self.unweighted:.2f}", weighted=weighted, n=self.n,
                   dropped=self.n_dropped)
        dims = show(self.dimensions, decimals=2)._repr_html_()
        return f"<div><b>{escape(t('sq_title'))}</b> — {escape(scores)}{dims}</div>"


def _item_columns(template: str, dimensions: Mapping[str, Sequence[int]]) -> dict[int, str]:
    return {item: template.format(item) for items in dimensions.values() for item in items}


def _weight_columns(weights, dimensions) -> dict[str, str] | None:
    if weights is None or isinstance(weights, Mapping):
        return weights
    return {d: weights.format(dimension=d.removeprefix("sq_")) for d in dimensions}


def _check_points(points: pd.DataFrame, rows: np.ndarray) -> None:
    """Each respondent's allocation must sum to 100 (within rounding); ``rows`` are the input rows."""
    off = ((points.sum(axis=1) - POINTS_TOTAL).abs() > POINTS_TOLERANCE).to_numpy()
    if off.any():
        raise DataError("err_sq_points_sum", column=", ".join(points.columns), rows=rows[off].tolist(),
                        fix_key="fix_sq_points_sum", total=POINTS_TOTAL)


@validate_params(method=Options("dimensions", "items"))
def servqual(survey: pd.DataFrame, *, expectation_pattern: str = "exp_{:02d}", perception_pattern: str = "per_{:02d}",
             dimensions: Mapping[str, Sequence[int]] | None = None, weights=None, reverse: Sequence[int] = (),
             scale=(1, 7), method: str = "dimensions") -> ServqualResult:
    """SERVQUAL from a respondent × item frame (docs/methods.md §4.6).

    ``expectation_pattern`` / ``perception_pattern`` are column-name patterns formatted with the
    item number; ``dimensions`` maps dimension ids to item numbers (default PZB 1988); ``weights``
    is a mapping dimension → points column, or a pattern such as ``"w_{dimension}"``
    (``tangibles``…); ``reverse`` lists negatively worded items to reverse-score; ``method`` =
    "dimensions" (PZB: mean of the dimension gaps) or "items" (mean of the item gaps) for the
    unweighted score.

    >>> df = pd.DataFrame({"exp_01": [6, 7], "per_01": [5, 6], "exp_02": [5, 5], "per_02": [6, 6]})
    >>> servqual(df, dimensions={"sq_tangibles": (1, 2)}).unweighted
    0.0
    >>> df3 = df.assign(exp_03=[4, 4], per_03=[5, 5])
    >>> dims = {"sq_tangibles": (1,), "sq_empathy": (2, 3)}
    >>> servqual(df3, dimensions=dims).unweighted, round(servqual(df3, dimensions=dims, method="items").unweighted, 4)
    (0.0, 0.3333)
    """
    check_scale(scale)
    dimensions = dict(SERVQUAL_DIMENSIONS if dimensions is None else dimensions)
    exp_cols = _item_columns(expectation_pattern, dimensions)
    per_cols = _item_columns(perception_pattern, dimensions)
    weight_cols = _weight_columns(weights, dimensions)
    all_weight_cols = list(weight_cols.values()) if weight_cols else []
    scales = dict.fromkeys([*exp_cols.values(), *per_cols.values()], scale)
    scales.update(dict.fromkeys(all_weight_cols, (0, POINTS_TOTAL)))
    answers = validate_answers(survey, list(scales), scale=scales)
    reversed_cols = [c for item in reverse for c in (exp_cols[item], per_cols[item])]
    data = reverse_scored(answers.data, reversed_cols, scale)
    item_gaps = pd.DataFrame({i: data[per_cols[i]] - data[exp_cols[i]] for i in exp_cols})
    items = pd.DataFrame({
        "dimension": [d for d, its in dimensions.items() for _ in its],
        "expectation": [data[exp_cols[i]].mean() for i in exp_cols],
        "perception": [data[per_cols[i]].mean() for i in per_cols],
    }, index=pd.Index(list(exp_cols), name="item"))
    items["gap"] = items["perception"] - items["expectation"]
    dims = items.groupby("dimension", sort=False)[["expectation", "perception", "gap"]].mean()
    unweighted = servqual_score(dims["gap"] if method == "dimensions" else items["gap"])
    weighted = None
    if weight_cols:
        points = answers.data[[weight_cols[d] for d in dimensions]]
        _check_points(points, answers.kept_rows)
        gaps_by_respondent = pd.DataFrame({d: item_gaps[list(its)].mean(axis=1) for d, its in dimensions.items()})
        per_respondent = [servqual_score(g, p) for g, p in zip(gaps_by_respondent.to_numpy(), points.to_numpy())]
        weighted = float(np.mean(per_respondent))
        dims["points"] = points.mean().to_numpy()
    return ServqualResult(items, dims, unweighted, weighted, answers.n, answers.n_dropped,
                          {"scale": scale, "method": method, "reverse": tuple(reverse),
                           "weights": weight_cols, "dimensions": dimensions})
