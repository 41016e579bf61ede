"""Satisfaction measures: disconfirmation, CSAT, NPS, CES, ACSI-style index, loyalty zones, IPA table.

    >>> from helpers.satisfaction import nps, csat
    >>> round(nps([1, 5, 5, 6, 7, 3, 9, 10, 10]).nps, 4)
    -22.2222
    >>> csat([5, 4, 4, 3, 2, 5, 1, 4]).pct
    62.5

Formulas: docs/methods.md §4.1–4.5, §4.8 (IPA inputs), §4.10. Percentages are on 0–100.
Answers are validated by :mod:`helpers.data.survey` (scale bounds, listwise deletion reported).
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import NormalDist

import numpy as np
import pandas as pd

from helpers.errors import DataError
from helpers.result import Classification
from helpers.data.survey import SurveyScore, as_frame, check_same_length, check_scale, validate_answers

SATISFACTION_STATES = ("sat_satisfied", "sat_neutral", "sat_dissatisfied")
LOYALTY_ZONES = ("zone_defection", "zone_indifference", "zone_affection")


def z_value(confidence: float) -> float:
    """Two-sided normal quantile, e.g. 1.96 for 95 %."""
    return NormalDist().inv_cdf(0.5 + confidence / 2)


def proportion_moe(p: float, n: int, confidence: float = 0.95) -> float:
    """Margin of error, in percentage points, of a share ``p`` (0–1) from ``n`` answers (normal approx.).

    >>> round(proportion_moe(0.5, 100), 2)
    9.8
    """
    return 100 * z_value(confidence) * math.sqrt(p * (1 - p) / n)


# --- §4.1 expectation–disconfirmation -------------------------------------------------------------

def disconfirmation(perceived, expected, mode: str = "diff", tol: float = 0) -> Classification:
    """Satisfied / neutral / dissatisfied from perceived vs expected quality (docs/methods.md §4.1, Oliver 1980).

    ``mode="diff"``: d = P − E, satisfied if d > tol, dissatisfied if d < −tol;
    ``mode="ratio"``: d = P / E, satisfied if d > 1 + tol, dissatisfied if d < 1 − tol.

    >>> disconfirmation([4.5, 4.0, 3.0], [4.0, 4.0, 4.0]).classes.tolist()
    ['sat_satisfied', 'sat_neutral', 'sat_dissatisfied']
    """
    if mode not in ("diff", "ratio"):
        raise ValueError(f"mode must be 'diff' or 'ratio', got {mode!r}")
    perceived, expected = np.atleast_1d(perceived), np.atleast_1d(expected)
    check_same_length(perceived, expected, ("perceived", "expected"))
    answers = validate_answers(pd.DataFrame({"perceived": perceived, "expected": expected}))
    p, e = answers.data["perceived"], answers.data["expected"]
    if mode == "ratio":
        not_positive = (e <= 0).to_numpy()
        if not_positive.any():
            raise DataError("err_sat_ratio_expected", column="expected", rows=answers.kept_rows[not_positive].tolist(),
                            fix_key="fix_sat_ratio_expected")
        d, centre = p / e, 1.0
    else:
        d, centre = p - e, 0.0
    state = np.select([d > centre + tol, d < centre - tol], SATISFACTION_STATES[::2], SATISFACTION_STATES[1])
    table = pd.DataFrame({"perceived": p, "expected": e, "disconfirmation": d, "state": state})
    return Classification(table, {"satisfied_above": centre + tol, "dissatisfied_below": centre - tol},
                          {"mode": mode, "tol": tol, "n_dropped": answers.n_dropped}, class_col="state")


# --- §4.2 CSAT -------------------------------------------------------------------------------------

@dataclass(frozen=True, repr=False)
class CsatResult(SurveyScore):
    """CSAT: % in the top ``top`` boxes, mean rating, n, margin of error (pp) and the answers dropped."""

    pct: float
    mean: float
    n: int
    moe: float
    scale: tuple
    top: int
    n_dropped: int = 0


def csat(ratings, scale=(1, 5), top: int = 2, confidence: float = 0.95) -> CsatResult:
    """CSAT % = 100 · #(rating in the top ``top`` boxes) / #answers (docs/methods.md §4.2).

    >>> csat([1, 2, 3, 4, 5]).pct
    40.0
    """
    low, high = check_scale(scale)
    answers = validate_answers(ratings, scale=scale, integer=True)
    r = answers.data.iloc[:, 0]
    share = float((r > high - top).mean())
    return CsatResult(100 * share, float(r.mean()), answers.n, proportion_moe(share, answers.n, confidence),
                      (low, high), top, answers.n_dropped)


# --- §4.3 NPS --------------------------------------------------------------------------------------

NPS_GROUPS = ("detractors", "passives", "promoters")


@dataclass(frozen=True, repr=False)
class NpsResult(SurveyScore):
    """NPS with group counts and shares (%), its standard error and margin of error (points)."""

    nps: float
    promoters: int
    passives: int
    detractors: int
    pct_promoters: float
    pct_passives: float
    pct_detractors: float
    n: int
    se: float
    moe: float
    n_dropped: int = 0


def nps_group(scores) -> pd.Series:
    """detractors (0–6) / passives (7–8) / promoters (9–10) for each 0–10 score (Reichheld 2003).

    >>> nps_group([6, 7, 9]).tolist()
    ['detractors', 'passives', 'promoters']
    """
    s = pd.Series(np.asarray(scores, dtype=float))
    return pd.Series(np.select([s >= 9, s >= 7], ["promoters", "passives"], "detractors"), name="nps_group")


def nps(scores, confidence: float = 0.95) -> NpsResult:
    """NPS = 100 · (#promoters − #detractors) / N on a 0–10 scale (docs/methods.md §4.3).

    SE = 100 · sqrt((p_P + p_D − (p_P − p_D)²) / N); margin of error = z · SE.

    >>> round(nps(range(11)).nps, 4)
    -45.4545
    """
    answers = validate_answers(scores, scale=(0, 10), integer=True, name="nps")
    counts = nps_group(answers.data.iloc[:, 0]).value_counts().reindex(NPS_GROUPS, fill_value=0)
    n = answers.n
    p_p, p_d = float(counts["promoters"] / n), float(counts["detractors"] / n)
    se = 100 * math.sqrt((p_p + p_d - (p_p - p_d) ** 2) / n)
    return NpsResult(100 * (p_p - p_d), int(counts["promoters"]), int(counts["passives"]),
                     int(counts["detractors"]), 100 * p_p, 100 * float(counts["passives"] / n), 100 * p_d,
                     n, se, z_value(confidence) * se, answers.n_dropped)


# --- §4.4 CES --------------------------------------------------------------------------------------

CES_VERSIONS = {
    # version: (scale, higher_is_better, answers counted as "easy")
    1: ((1, 5), False, (1, 2)),     # "How much effort did you personally have to put forth?" 1 = very low
    2: ((1, 7), True, (5, 7)),      # "The company made it easy for me…" 5–7 = agree
}


@dataclass(frozen=True, repr=False)
class CesResult(SurveyScore):
    """CES mean, % of answers on the easy side (v2: % agree 5–7; v1: % answering 1–2) and direction."""

    version: int
    mean: float
    pct_easy: float
    higher_is_better: bool
    n: int
    scale: tuple
    n_dropped: int = 0


def ces(scores, version: int = 2) -> CesResult:
    """Customer Effort Score (docs/methods.md §4.4; Dixon et al. 2010 / 2013); ``version`` fixes the direction.

    >>> r = ces([7, 6, 5, 2], version=2)
    >>> r.mean, r.pct_easy, r.higher_is_better
    (5.0, 75.0, True)
    """
    if version not in CES_VERSIONS:
        raise ValueError(f"version must be 1 or 2, got {version!r}")
    scale, higher_is_better, (easy_low, easy_high) = CES_VERSIONS[version]
    answers = validate_answers(scores, scale=scale, integer=True, name="ces")
    s = answers.data.iloc[:, 0]
    pct_easy = 100 * float(s.between(easy_low, easy_high).mean())
    return CesResult(version, float(s.mean()), pct_easy, higher_is_better, answers.n, scale, answers.n_dropped)


# --- §4.5 ACSI-style index -------------------------------------------------------------------------

@dataclass(frozen=True, repr=False)
class AcsiResult(SurveyScore):
    """ACSI-style index (0–100) with the item means and normalised weights used."""

    index: float
    means: tuple
    weights: tuple
    n: int | None
    scale: tuple
    n_dropped: int = 0


def acsi_index(data, weights=None, scale=(1, 10), columns: Sequence[str] | None = None) -> AcsiResult:
    """Index = 100 · Σ w_i (X̄_i − min) / (max − min), weights normalised to Σw = 1 (docs/methods.md §4.5).

    ``data`` is a sequence of item means, or a frame of answers (``columns``; default all).

    >>> round(acsi_index([8, 7, 7]).index, 4)
    70.3704
    """
    low, high = check_scale(scale)
    if isinstance(data, pd.DataFrame):
        answers = validate_answers(data, columns, scale=scale)
        means, n, dropped = answers.data.mean(), answers.n, answers.n_dropped
    else:
        means = validate_answers(list(data), scale=scale, name="mean").data["mean"]
        n, dropped = None, 0
    k = len(means)
    w = np.full(k, 1 / k) if weights is None else np.asarray(weights, dtype=float)
    check_same_length(w, means, ("weights", "items"))
    if (w < 0).any() or w.sum() <= 0:
        raise DataError("err_sat_weights", column="weights", fix_key="fix_sat_weights")
    w = w / w.sum()
    index = 100 * float(np.dot(w, (means.to_numpy() - low) / (high - low)))
    return AcsiResult(index, tuple(float(m) for m in means), tuple(float(x) for x in w), n, (low, high), dropped)


# --- §4.10 satisfaction–loyalty zones ----------------------------------------------------------------

def loyalty_zone(ratings, cuts=(2, 4), scale=(1, 5)) -> Classification:
    """Jones & Sasser (1995) zones: rating ≤ cuts[0] defection, ≤ cuts[1] indifference, else affection.

    Default cut points are the kit's reading of the published figure for 1–5 ratings (docs/methods.md §4.10).

    >>> loyalty_zone([1, 3, 5]).classes.tolist()
    ['zone_defection', 'zone_indifference', 'zone_affection']
    """
    low_cut, high_cut = cuts
    if not low_cut < high_cut:
        raise ValueError(f"cuts must be increasing, got {cuts!r}")
    answers = validate_answers(ratings, scale=scale)
    r = answers.data.iloc[:, 0]
    zone = np.select([r <= low_cut, r <= high_cut], LOYALTY_ZONES[:2], LOYALTY_ZONES[2])
    table = pd.DataFrame({"rating": r, "zone": zone})
    return Classification(table, {"defection_max": low_cut, "indifference_max": high_cut},
                          {"scale": scale, "n_dropped": answers.n_dropped}, class_col="zone")


# --- §4.8 importance–performance inputs ------------------------------------------------------------

def ipa_table(survey: pd.DataFrame, importance_cols: Sequence[str], performance_cols: Sequence[str],
              attributes: Sequence[str] | None = None, scale=None) -> pd.DataFrame:
    """Per attribute: mean importance, mean performance, n and gap = performance − importance (§4.8).

    Columns are paired in order; a respondent missing either answer of a pair is left out of
    that attribute only (counted in ``n_dropped``). The result feeds ``helpers.matrices.ipa_matrix``.

    >>> df = pd.DataFrame({"imp_a": [5, 4], "perf_a": [3, 3]})
    >>> ipa_table(df, ["imp_a"], ["perf_a"], attributes=["a"])["gap"].tolist()
    [-1.5]
    """
    check_same_length(list(importance_cols), list(performance_cols), ("importance_cols", "performance_cols"))
    attributes = list(importance_cols) if attributes is None else list(attributes)
    check_same_length(attributes, list(importance_cols), ("attributes", "importance_cols"))
    as_frame(survey, [*importance_cols, *performance_cols])
    rows = []
    for attribute, imp, perf in zip(attributes, importance_cols, performance_cols):
        answers = validate_answers(survey, [imp, perf], scale=scale)
        means = answers.data.mean()
        rows.append({"attribute": attribute, "importance": means[imp], "performance": means[perf],
                     "n": answers.n, "n_dropped": answers.n_dropped})
    table = pd.DataFrame(rows).set_index("attribute")
    table["gap"] = table["performance"] - table["importance"]
    return table
