"""Kano model: answer pairs → categories, counts, Berger coefficients, strengths and tests (docs/methods.md §4.7).

Answers to the functional ("if the product HAS X…") and dysfunctional ("if it does NOT have
X…") questions are coded 1 Like, 2 Must-be, 3 Neutral, 4 Live-with, 5 Dislike. The evaluation
table (Berger et al. 1993) turns each pair into M must-be, O one-dimensional, A attractive,
I indifferent, R reverse or Q questionable.

    >>> from helpers.kano import kano_category, kano_stats
    >>> kano_category([1, 1, 3], [5, 3, 5]).tolist()
    ['O', 'A', 'M']
    >>> s = kano_stats({"M": 95, "O": 123, "A": 45, "I": 33, "R": 0, "Q": 0})
    >>> s["category"], round(s["cs_plus"], 3), round(s["cs_minus"], 3)
    ('kano_one_dimensional', 0.568, -0.736)
"""
from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from helpers.result import Classification
from helpers.data.survey import check_same_length, validate_answers
from helpers.validation import Interval, validate_params

__all__ = ["kano_table", "kano_category", "kano_stats", "select_category", "evaluation_frame"]

TOL = Interval(float, 0, 1)
KANO_SCALE = (1, 5)
# rows: functional answer 1..5, columns: dysfunctional answer 1..5 (Berger et al. 1993; stp25kano)
EVALUATION_TABLE = (
    ("Q", "A", "A", "A", "O"),
    ("R", "I", "I", "I", "M"),
    ("R", "I", "I", "I", "M"),
    ("R", "I", "I", "I", "M"),
    ("R", "R", "R", "R", "Q"),
)
CATEGORIES = ("M", "O", "A", "I", "R", "Q")
PRIORITY = ("M", "O", "A", "I")            # Matzler et al. (1996) "M > O > A > I"
CATEGORY_IDS = {
    "M": "kano_must_be", "O": "kano_one_dimensional", "A": "kano_attractive",
    "I": "kano_indifferent", "R": "kano_reverse", "Q": "kano_questionable",
}
FONG_Z = 1.65                              # Fong (1996), one-sided 5 % level


def evaluation_frame() -> pd.DataFrame:
    """The evaluation table as a frame (rows functional, columns dysfunctional answer), for display.

    >>> evaluation_frame().loc[1, 5]
    'O'
    """
    codes = range(1, 6)
    return pd.DataFrame(EVALUATION_TABLE, index=pd.Index(codes, name="functional"),
                        columns=pd.Index(codes, name="dysfunctional"))


def kano_category(functional, dysfunctional) -> pd.Series:
    """Category letter (M O A I R Q) of each respondent's answer pair; incomplete pairs are dropped (reported).

    ``functional`` / ``dysfunctional``: the answers (1–5) to the two questions, one per respondent.

    >>> kano_category([1, 3], [5, 5]).tolist()
    ['O', 'M']
    """
    check_same_length(functional, dysfunctional, ("functional", "dysfunctional"))
    pairs = pd.DataFrame({"functional": list(functional), "dysfunctional": list(dysfunctional)})
    answers = validate_answers(pairs, scale=KANO_SCALE, integer=True).data.astype(int)
    table = np.asarray(EVALUATION_TABLE)
    return pd.Series(table[answers["functional"] - 1, answers["dysfunctional"] - 1], name="kano")


@validate_params(tol=TOL)
def select_category(shares: Mapping[str, float], *, tol: float = 0.05) -> str:
    """Category by mode with the M > O > A > I rule (docs/methods.md §4.7; Matzler et al. 1996).

    Among M, O, A, I whose share is within ``tol`` of the top share, the first in priority wins;
    if R or Q is the strict mode it is returned as is.

    >>> select_category({"M": 0.40, "O": 0.43, "A": 0.1, "I": 0.07, "R": 0, "Q": 0})
    'M'
    """
    top = max(shares[c] for c in CATEGORIES)
    near = [c for c in PRIORITY if shares[c] >= top - tol - 1e-12]
    if near:
        return near[0]
    return max(("R", "Q"), key=lambda c: shares[c])


@validate_params(tol=TOL)
def kano_stats(counts: Mapping[str, int], *, tol: float = 0.05) -> dict:
    """All per-attribute Kano figures from the counts M O A I R Q (docs/methods.md §4.7, §8.6).

    Better/CS+ = (A+O)/(A+O+M+I); Worse/CS− = −(O+M)/(A+O+M+I); total strength = (A+O+M)/N
    (Lee & Newcomb 1997); category strength = top share − second share; Fong (1996): top two
    counts a, b differ iff |a−b| > 1.65·sqrt((a+b)(2N−a−b)/(2N)); χ² vs uniform over M, O, A, I.
    ``tol`` is the share within which the M > O > A > I rule decides (:func:`select_category`).

    >>> s = kano_stats({"M": 40, "O": 43, "A": 10, "I": 7})
    >>> s["max"], s["category"], s["fong_significant"]
    ('kano_one_dimensional', 'kano_must_be', False)
    """
    from scipy.stats import chisquare

    c = {k: int(counts.get(k, 0)) for k in CATEGORIES}
    n = sum(c.values())
    shares = {k: v / n for k, v in c.items()}
    maoi = c["M"] + c["O"] + c["A"] + c["I"]
    first, second = sorted(c.values(), reverse=True)[:2]
    fong_bound = FONG_Z * math.sqrt((first + second) * (2 * n - first - second) / (2 * n))
    chi2, chi2_p = chisquare([c[k] for k in PRIORITY]) if maoi else (math.nan, math.nan)
    return {
        **c, "n": n,
        "max": CATEGORY_IDS[max(CATEGORIES, key=lambda k: (c[k], -CATEGORIES.index(k)))],
        "category": CATEGORY_IDS[select_category(shares, tol=tol)],
        "cs_plus": (c["A"] + c["O"]) / maoi if maoi else math.nan,
        "cs_minus": -(c["O"] + c["M"]) / maoi if maoi else math.nan,
        "total_strength": (c["A"] + c["O"] + c["M"]) / n,
        "category_strength": (first - second) / n,
        "fong_diff": first - second,
        "fong_bound": fong_bound,
        "fong_significant": bool(first - second > fong_bound),
        "chi2": float(chi2),
        "chi2_p": float(chi2_p),
    }


@validate_params(tol=TOL)
def kano_table(survey: pd.DataFrame, attributes: Sequence[str], *, functional_pattern: str = "kano_{}_func",
               dysfunctional_pattern: str = "kano_{}_dysf", tol: float = 0.05) -> Classification:
    """Classify attributes from a respondent × answer frame (the column-name patterns take the attribute).

    One row per attribute: counts M O A I R Q, n, the modal ``max`` category, the ``category`` by
    the M > O > A > I rule, CS+ / CS−, strengths, Fong and χ² tests. Respondents with a missing
    answer are left out of that attribute only (warned, counted in ``n_dropped``).

    >>> df = pd.DataFrame({"kano_app_func": [1, 1, 1], "kano_app_dysf": [5, 5, 3]})
    >>> kano_table(df, ["app"]).classes.tolist()
    ['kano_one_dimensional']
    """
    rows = []
    for attribute in attributes:
        f_col, d_col = functional_pattern.format(attribute), dysfunctional_pattern.format(attribute)
        answers = validate_answers(survey, [f_col, d_col], scale=KANO_SCALE, integer=True)
        letters = kano_category(answers.data[f_col], answers.data[d_col])
        counts = letters.value_counts().reindex(CATEGORIES, fill_value=0)
        rows.append({"attribute": attribute, **kano_stats(counts, tol=tol), "n_dropped": answers.n_dropped})
    table = pd.DataFrame(rows).set_index("attribute")
    return Classification(table, {"tol": tol, "fong_z": FONG_Z},
                          {"functional_pattern": functional_pattern, "dysfunctional_pattern": dysfunctional_pattern},
                          class_col="category")
