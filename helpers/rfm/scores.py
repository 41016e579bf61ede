"""RFM scores 1…n (n = best) with a named, reproducible tie policy.

    >>> import pandas as pd
    >>> from helpers.rfm.scores import rfm_score
    >>> rfm = pd.DataFrame({"recency_days": [1, 50, 300], "frequency": [9, 3, 1],
    ...                     "monetary": [900.0, 120.0, 15.0]}, index=["a", "b", "c"])
    >>> rfm_score(rfm, n_bins=3, method="rank_first").table["rfm_cell"].tolist()
    ['333', '222', '111']

Policies (docs/methods.md §1.1, tie policies):

* ``"r_rfm"`` — interior breaks ``Q(k/n) + 1`` (type-7 quantile); bin i is ``[lower_i, upper_i)``
  with ``lower = [min, breaks]``, ``upper = [breaks, max + 1]``; ties always share a score.
  Reproduces R ``rfm`` 0.3.0 (docs/methods.md §8.1).
* ``"rank_first"`` — equal-size bins of ``rank(method="first")`` after sorting by customer id,
  so tied customers are split deterministically (Kaggle / "Miuul" tutorials).
* ``"qcut_drop"`` — ``pd.qcut(x, n, duplicates="drop")`` relabelled 1…k (PyMC-Marketing).

Explicit ``breaks`` (interior boundaries, ``[lower, upper)``) override the policy per dimension.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from helpers.errors import warn
from helpers.result import Classification
from helpers.validation import Instance, Interval, Options, validate_params

# RFMScores is the result rfm_score returns (users read it, never build it): importable, not listed.
__all__ = ["rfm_score", "METHODS"]

METHODS = ("r_rfm", "rank_first", "qcut_drop")
# dimension → (column of the RFM table, whether a larger value is better)
_DIMENSIONS = {"R": ("recency_days", False), "F": ("frequency", True), "M": ("monetary", True)}
_TIE_SHARE_WARNING = 0.5


@dataclass(repr=False)      # the readable repr of Classification
class RFMScores(Classification):
    """Per-customer R, F, M scores; ``thresholds[dim]`` is a table of bin ``lower``/``upper``.

    What :func:`rfm_score` returns; ``n_bins`` is the number of score bins it was asked for.

    >>> import pandas as pd
    >>> rfm = pd.DataFrame({"recency_days": [5, 40], "frequency": [3, 1],
    ...                     "monetary": [60.0, 20.0]}, index=["a", "b"])
    >>> scores = rfm_score(rfm, n_bins=2, method="rank_first")
    >>> scores.n_bins, scores.thresholds["R"]["upper"].tolist()
    (2, [40, 5])
    """

    class_col: str = "rfm_cell"

    @property
    def n_bins(self) -> int:
        """The number of score bins (the best score)."""
        return self.params["n_bins"]


def _bins_from_breaks(values: pd.Series, breaks) -> tuple[pd.Series, pd.DataFrame]:
    """Bin number 1…len(breaks)+1 of each value under the ``[lower, upper)`` rule."""
    breaks = np.asarray(breaks, dtype=float)
    bins = np.searchsorted(breaks, values.to_numpy(dtype=float), side="right") + 1
    lower = np.concatenate([[values.min()], breaks])
    upper = np.concatenate([breaks, [values.max() + 1]])
    return pd.Series(bins, index=values.index), pd.DataFrame({"lower": lower, "upper": upper})


def _r_rfm_breaks(values: pd.Series, n: int) -> np.ndarray:
    """R ``rfm``'s interior breaks: type-7 quantiles at k/n plus one (docs/methods.md §1.1)."""
    return np.quantile(values.to_numpy(dtype=float), np.arange(1, n) / n) + 1


def _rank_first_bins(values: pd.Series, n: int) -> tuple[pd.Series, pd.DataFrame]:
    # sorting by customer id first makes the split of tied values independent of row order
    ordered = values.sort_index(kind="stable")
    ranks = ordered.rank(method="first")
    bins = pd.qcut(ranks, n, labels=False) + 1
    limits = ordered.groupby(bins).agg(["min", "max"]).reindex(range(1, n + 1))
    return bins.reindex(values.index).astype("int64"), limits.set_axis(["lower", "upper"], axis=1)


def _qcut_drop_bins(values: pd.Series, n: int) -> tuple[pd.Series, pd.DataFrame]:
    if values.nunique() < 2:  # qcut cannot cut a constant; everyone shares the single bin
        limits = pd.DataFrame({"lower": [values.min()], "upper": [values.max()]})
        return pd.Series(1, index=values.index, dtype="int64"), limits
    codes, edges = pd.qcut(values, n, labels=False, retbins=True, duplicates="drop")
    return (codes + 1).astype("int64"), pd.DataFrame({"lower": edges[:-1], "upper": edges[1:]})


def _bin(values: pd.Series, n: int, method: str, breaks=None) -> tuple[pd.Series, pd.DataFrame]:
    """Bin numbers (1 = smallest values) and the per-bin limits actually used."""
    if breaks is not None:
        return _bins_from_breaks(values, breaks)
    if method == "r_rfm":
        return _bins_from_breaks(values, _r_rfm_breaks(values, n))
    if method == "rank_first":
        return _rank_first_bins(values, n)
    return _qcut_drop_bins(values, n)


def _to_scores(bins: pd.Series, limits: pd.DataFrame, higher_is_better: bool):
    """Scores with n = best: recency bins are reversed (smallest days → highest score)."""
    n = len(limits)
    limits = limits.assign(bin=range(1, n + 1))
    if higher_is_better:
        return bins, limits.assign(score=limits["bin"])
    return n + 1 - bins, limits.assign(score=n + 1 - limits["bin"])


def _check_bins(dim: str, values: pd.Series, scores: pd.Series, limits: pd.DataFrame) -> None:
    empty = sorted(set(limits["score"]) - set(scores.unique()))
    if empty:
        warn("warn_rfm_empty_bins", dim=dim, scores=", ".join(map(str, empty)))
    # a value held by more than half the customers is necessarily the median: no full count needed
    median = values.median()
    top_share = (values == median).mean() if len(values) else 0.0
    if top_share > _TIE_SHARE_WARNING:
        warn("warn_rfm_ties", dim=dim, share=f"{top_share:.0%}", value=median)


def _score_dimension(values, n, method, breaks, higher_is_better, dim, check=True):
    bins, limits = _bin(values, n, method, breaks)
    scores, limits = _to_scores(bins, limits, higher_is_better)
    if check:
        _check_bins(dim, values, scores, limits)
    return scores.astype("int64"), limits.set_index("score").sort_index()[["lower", "upper"]]


def _score_nested(values, groups, n, method, higher_is_better, dim):
    """Score within each group (F within R, M within R×F: the nested sort, docs/methods.md §1.1).

    The limits are keyed by the group's scores as text: ``"5"`` (R = 5) or ``"53"`` (R = 5, F = 3).
    """
    scores, limits = [], {}
    for key, part in values.groupby(groups, sort=True):
        s, lim = _score_dimension(part, n, method, None, higher_is_better, dim, check=False)
        scores.append(s)
        limits["".join(map(str, key))] = lim
    return pd.concat(scores).reindex(values.index), limits


def _as_text(values: pd.Series) -> pd.Series:
    """``values.astype(str)``, converting each distinct value once (scores have few of them)."""
    codes, distinct = pd.factorize(values)
    return pd.Series(distinct.astype(str)[codes], index=values.index)


def _breaks_for(breaks, dim: str, column: str):
    if not breaks:
        return None
    return breaks.get(dim, breaks.get(column))


@validate_params(n_bins=Interval(int, 2, 9), method=Options(*METHODS), breaks=[Instance(dict), None],
                 nested=Instance(bool))
def rfm_score(rfm: pd.DataFrame, *, n_bins: int = 5, method: str = "r_rfm", breaks: dict | None = None,
              nested: bool = False, weights=(1, 1, 1)) -> RFMScores:
    """Score an RFM table (from :func:`helpers.rfm.rfm_table`): R, F, M in 1…``n_bins``, best = ``n_bins``.

    ``n_bins`` is 2–9 (one digit per score). Adds ``rfm_cell`` (``"543"``), ``rfm_score``
    (100R + 10F + M) and ``rfm_sum`` (weighted R + F + M). ``method`` is the tie policy (above).
    ``breaks`` maps ``"R"``/``"F"``/``"M"`` (or the column name) to interior boundaries.
    ``nested=True`` scores F within each R score and M within each R×F cell.
    Warns (DataWarning) on empty score bins and when more than half the customers tie on a value.

    >>> import pandas as pd
    >>> rfm = pd.DataFrame({"recency_days": [5, 40], "frequency": [3, 1],
    ...                     "monetary": [60.0, 20.0]}, index=["a", "b"])
    >>> rfm_score(rfm, n_bins=2, method="rank_first").table["rfm_score"].tolist()
    [222, 111]

    Source: docs/methods.md §1.1; R ``rfm`` 0.3.0 ``rfm_table_order``.
    """
    table = rfm if rfm.index.is_monotonic_increasing else rfm.sort_index(kind="stable")
    out = table.copy(deep=False)
    thresholds = {}
    for dim, (column, higher_is_better) in _DIMENSIONS.items():
        values = table[column]
        dim_breaks = _breaks_for(breaks, dim, column)
        if nested and dim != "R" and dim_breaks is None:
            groups = [out["R"]] if dim == "F" else [out["R"], out["F"]]
            out[dim], thresholds[dim] = _score_nested(values, groups, n_bins, method, higher_is_better, dim)
        else:
            out[dim], thresholds[dim] = _score_dimension(values, n_bins, method, dim_breaks,
                                                         higher_is_better, dim)
    out["rfm_score"] = 100 * out["R"] + 10 * out["F"] + out["M"]
    out["rfm_cell"] = _as_text(out["rfm_score"])      # one digit per score: n_bins ≤ 9
    wr, wf, wm = weights
    out["rfm_sum"] = wr * out["R"] + wf * out["F"] + wm * out["M"]
    params = {"n_bins": n_bins, "method": method if breaks is None else f"{method}+breaks",
              "nested": nested, "weights": tuple(weights), **rfm.attrs}
    return RFMScores(out, thresholds, params)
