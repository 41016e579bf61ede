"""Internal consistency of a multi-item scale: Cronbach's alpha and its item diagnostics (docs/methods.md §4.9).

α = k/(k−1) · (1 − Σ s²_i / s²_total) with sample variances (ddof = 1) after listwise deletion;
standardised α = k·r̄ / (1 + (k−1)·r̄), r̄ the mean inter-item correlation (Cronbach 1951).
A rule of thumb calls α ≥ 0.7 acceptable.

    >>> import pandas as pd
    >>> from helpers.reliability import cronbach_alpha
    >>> items = pd.DataFrame({"q1": [1, 2, 3, 4], "q2": [2, 2, 4, 4], "q3": [1, 3, 3, 5]})
    >>> round(cronbach_alpha(items).alpha, 4)
    0.9333
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

import numpy as np
import pandas as pd

from helpers.errors import DataError
from helpers.i18n import t
from helpers.data.survey import validate_answers

__all__ = ["cronbach_alpha", "AlphaResult"]

ACCEPTABLE_ALPHA = 0.7


def alpha_from_items(items: pd.DataFrame) -> float:
    """Raw Cronbach's alpha of complete numeric items (no validation; see :func:`cronbach_alpha`).

    >>> round(float(alpha_from_items(pd.DataFrame({"q1": [1, 2, 3], "q2": [1, 3, 3]}))), 4)
    0.9231
    """
    k = items.shape[1]
    total_variance = items.sum(axis=1).var(ddof=1)
    return k / (k - 1) * (1 - items.var(ddof=1).sum() / total_variance)


def standardized_alpha(items: pd.DataFrame) -> float:
    """α from the mean off-diagonal correlation r̄: k·r̄ / (1 + (k−1)·r̄).

    >>> round(float(standardized_alpha(pd.DataFrame({"q1": [1, 2, 3], "q2": [1, 3, 3]}))), 4)
    0.9282
    """
    k = items.shape[1]
    corr = items.corr().to_numpy()
    r_bar = corr[~np.eye(k, dtype=bool)].mean()
    return k * r_bar / (1 + (k - 1) * r_bar)


@dataclass(frozen=True)
class AlphaResult:
    """Raw and standardised alpha, the items table (alpha if deleted, item–total correlations) and n.

    >>> r = cronbach_alpha(pd.DataFrame({"q1": [1, 2, 3, 4], "q2": [2, 2, 4, 4], "q3": [1, 3, 3, 5]}))
    >>> r.k, r.n, r.acceptable, r.items.index.tolist()
    (3, 4, True, ['q1', 'q2', 'q3'])
    """

    alpha: float
    standardized_alpha: float
    k: int
    n: int
    n_dropped: int
    items: pd.DataFrame

    @property
    def acceptable(self) -> bool:
        """α ≥ 0.7 (rule of thumb)."""
        return self.alpha >= ACCEPTABLE_ALPHA

    def __repr__(self) -> str:
        return (f"AlphaResult(alpha={self.alpha:.4f}, standardized_alpha={self.standardized_alpha:.4f}, "
                f"k={self.k}, n={self.n}, n_dropped={self.n_dropped})")

    def _repr_html_(self) -> str:
        head = t("rel_summary", alpha=f"{self.alpha:.3f}", std=f"{self.standardized_alpha:.3f}",
                 k=self.k, n=self.n, dropped=self.n_dropped)
        from helpers.display import show

        items = show(self.items, decimals=3)._repr_html_()      # items by their labels (column names of the survey)
        return f"<div><b>{escape(t('sat_title_alpharesult'))}</b> — {escape(head)}{items}</div>"


def _item_table(items: pd.DataFrame) -> pd.DataFrame:
    total = items.sum(axis=1)
    k = items.shape[1]
    rows = {}
    for column in items.columns:
        rest = items.drop(columns=column)
        rows[column] = {
            "alpha_if_deleted": alpha_from_items(rest) if k > 2 else np.nan,
            "item_total_r": items[column].corr(total),
            "corrected_item_total_r": items[column].corr(total - items[column]),
            "mean": items[column].mean(),
            "sd": items[column].std(ddof=1),
        }
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "item"
    return table


def cronbach_alpha(data: pd.DataFrame, *, item_cols: Sequence[str] | None = None, scale=None) -> AlphaResult:
    """Cronbach's alpha of ``item_cols`` (default: all columns) with item diagnostics (docs/methods.md §4.9).

    Rows with a missing answer are deleted listwise; how many is warned and kept in ``n_dropped``.
    ``items`` holds per item: alpha if deleted, item–total and corrected item–total correlations.
    ``scale`` = (low, high) rejects answers outside it.

    >>> items = pd.DataFrame({"q1": [1, 2, 3, 4], "q2": [2, 2, 4, 4], "q3": [1, 3, 3, 5], "id": list("abcd")})
    >>> round(cronbach_alpha(items, item_cols=["q1", "q2", "q3"], scale=(1, 5)).alpha, 4)
    0.9333
    """
    answers = validate_answers(data, item_cols, scale=scale)
    items = answers.data
    if items.shape[1] < 2:
        raise DataError("err_rel_too_few_items", column=", ".join(map(str, items.columns)),
                        fix_key="fix_rel_too_few_items", k=items.shape[1])
    if answers.n < 2 or items.sum(axis=1).var(ddof=1) == 0:
        raise DataError("err_rel_no_variance", column=", ".join(map(str, items.columns)),
                        fix_key="fix_rel_no_variance", n=answers.n)
    return AlphaResult(float(alpha_from_items(items)), float(standardized_alpha(items)), items.shape[1],
                       answers.n, answers.n_dropped, _item_table(items))
