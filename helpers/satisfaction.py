"""Satisfaction measures: disconfirmation, CSAT, NPS, CES, ACSI-style index, loyalty zones, IPA table.

    >>> from helpers.satisfaction import nps, csat
    >>> round(nps([1, 5, 5, 6, 7, 3, 9, 10, 10]).nps, 4)
    -22.2222
    >>> csat([5, 4, 4, 3, 2, 5, 1, 4]).share
    0.625

Formulas: docs/methods.md §4.1–4.5, §4.8 (IPA inputs), §4.10. Shares (``share``, ``*_share``) and
the CSAT margin of error are on 0–1; NPS is an index from −100 to 100 with its standard error and
margin of error in the same points; the ACSI-style index runs from 0 to 100.
Answers are validated by :mod:`helpers.data.survey` (scale bounds, listwise deletion reported);
settings by :mod:`helpers.validation`.
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
from helpers.data.survey import (SurveyScore, as_frame, check_one_column, check_same_length, check_scale,
                                 numeric_answers, validate_answers)
from helpers.validation import Interval, Options, check_param, validate_params

__all__ = ["disconfirmation", "csat", "nps", "ces", "acsi_index", "loyalty_zone", "ipa_table", "nps_group",
           "proportion_moe", "z_value", "CsatResult", "NpsResult", "CesResult", "AcsiResult"]

CONFIDENCE = Interval(float, 0, 1, closed="neither")
SATISFACTION_STATES = ("sat_satisfied", "sat_neutral", "sat_dissatisfied")
LOYALTY_ZONES = ("zone_defection", "zone_indifference", "zone_affection")


@validate_params(confidence=CONFIDENCE)
def z_value(confidence: float) -> float:
    """Two-sided normal quantile of a ``confidence`` level (0–1).

    >>> round(z_value(0.95), 4)
    1.96
    """
    return NormalDist().inv_cdf(0.5 + confidence / 2)


@validate_params(p=Interval(float, 0, 1), n=Interval(int, 1, None), confidence=CONFIDENCE)
def proportion_moe(p: float, n: int, *, confidence: float = 0.95) -> float:
    """Margin of error of a share ``p`` (0–1) from ``n`` answers, on the same 0–1 scale (normal approx.).

    z · sqrt(p (1 − p) / n); 0.098 reads "± 9.8 percentage points".

    >>> round(proportion_moe(0.5, 100), 4)
    0.098
    """
    return z_value(confidence) * math.sqrt(p * (1 - p) / n)


# --- §4.1 expectation–disconfirmation -------------------------------------------------------------

@validate_params(method=Options("diff", "ratio"), tol=Interval(float, 0, None))
def disconfirmation(perceived, expected, *, method: str = "diff", tol: float = 0) -> Classification:
    """Satisfied / neutral / dissatisfied from perceived vs expected quality (docs/methods.md §4.1, Oliver 1980).

    ``method="diff"``: d = P − E, satisfied if d > tol, dissatisfied if d < −tol;
    ``method="ratio"``: d = P / E, satisfied if d > 1 + tol, dissatisfied if d < 1 − tol.
    The table keeps the index of a ``perceived`` Series (e.g. respondent ids), else positions.

    >>> disconfirmation([4.5, 4.0, 3.0], [4.0, 4.0, 4.0]).classes.tolist()
    ['sat_satisfied', 'sat_neutral', 'sat_dissatisfied']
    >>> disconfirmation([6, 4], [5, 5], method="ratio", tol=0.1).table["disconfirmation"].tolist()
    [1.2, 0.8]
    """
    index = perceived.index if isinstance(perceived, pd.Series) else None
    perceived, expected = np.atleast_1d(perceived), np.atleast_1d(expected)
    check_same_length(perceived, expected, ("perceived", "expected"))
    answers = validate_answers(pd.DataFrame({"perceived": perceived, "expected": expected}, index=index))
    p, e = answers.data["perceived"], answers.data["expected"]
    if method == "ratio":
        not_positive = (e <= 0).to_numpy()
        if not_positive.any():
            raise DataError("err_sat_ratio_expected", column="expected", rows=answers.kept_rows[not_positive].tolist(),
                            fix_key="fix_sat_ratio_expected")
        d, centre = p / e, 1.0
    else:
        d, centre = p - e, 0.0
    state = np.select([d > centre + tol, d < centre - tol], SATISFACTION_STATES[::2], SATISFACTION_STATES[1])
    table = pd.DataFrame({"perceived": p.to_numpy(), "expected": e.to_numpy(), "disconfirmation": d.to_numpy(),
                          "state": state}, index=answers.index)
    return Classification(table, {"satisfied_above": centre + tol, "dissatisfied_below": centre - tol},
                          {"method": method, "tol": tol, "n_dropped": answers.n_dropped}, class_col="state")


# --- §4.2 CSAT -------------------------------------------------------------------------------------

@dataclass(frozen=True, repr=False)
class CsatResult(SurveyScore):
    """CSAT: the ``share`` (0–1) in the top ``n_top_boxes`` boxes, mean rating, n, the margin of
    error of the share (0–1) and the answers dropped.

    >>> r = csat([5, 4, 4, 3, 2, 5, 1, 4])
    >>> r.share, r.mean, r.n, round(r.moe, 3)
    (0.625, 3.5, 8, 0.335)
    """

    _share_fields = ("share", "moe")

    share: float
    mean: float
    n: int
    moe: float
    scale: tuple
    n_top_boxes: int
    n_dropped: int = 0


@validate_params(n_top_boxes=Interval(int, 1, None), confidence=CONFIDENCE)
def csat(ratings, *, scale=(1, 5), n_top_boxes: int = 2, confidence: float = 0.95) -> CsatResult:
    """CSAT = #(rating in the top ``n_top_boxes`` boxes) / #answers, a share 0–1 (docs/methods.md §4.2).

    ``ratings``: one answer per respondent (a list, Series or one-column frame) on ``scale``;
    ``moe`` is the margin of error of the share at ``confidence``, also on 0–1.

    >>> csat([1, 2, 3, 4, 5]).share
    0.4
    >>> csat([7, 6, 5, 1], scale=(1, 7), n_top_boxes=3).share
    0.75
    """
    low, high = check_scale(scale)
    check_param("n_top_boxes", n_top_boxes, Interval(int, 1, high - low))
    check_one_column(ratings, "csat")
    answers = validate_answers(ratings, scale=scale, integer=True)
    r = answers.data.iloc[:, 0]
    share = float((r > high - n_top_boxes).mean())
    return CsatResult(share, float(r.mean()), answers.n, proportion_moe(share, answers.n, confidence=confidence),
                      (low, high), n_top_boxes, answers.n_dropped)


# --- §4.3 NPS --------------------------------------------------------------------------------------

NPS_GROUPS = ("detractors", "passives", "promoters")


@dataclass(frozen=True, repr=False)
class NpsResult(SurveyScore):
    """NPS (an index from −100 to 100) with group counts and shares (0–1), its standard error and
    margin of error (both in NPS points).

    >>> r = nps([10] * 100 + [8] * 30 + [0] * 80)
    >>> round(r.nps, 2), r.promoters, round(r.promoter_share, 4)
    (9.52, 100, 0.4762)
    """

    _share_fields = ("promoter_share", "passive_share", "detractor_share")

    nps: float
    promoters: int
    passives: int
    detractors: int
    promoter_share: float
    passive_share: float
    detractor_share: float
    n: int
    se: float
    moe: float
    n_dropped: int = 0


def nps_group(scores) -> pd.Series:
    """detractors (0–6) / passives (7–8) / promoters (9–10) for each 0–10 score (Reichheld 2003).

    A Series keeps its index (e.g. respondent ids); a missing answer has no group (missing).

    >>> nps_group([6, 7, 9, None]).tolist()
    ['detractors', 'passives', 'promoters', nan]
    >>> nps_group(pd.Series([10, 3], index=["r1", "r2"])).to_dict()
    {'r1': 'promoters', 'r2': 'detractors'}
    """
    index = scores.index if isinstance(scores, pd.Series) else None
    s = numeric_answers(pd.Series(list(scores), dtype=object), "nps", (0, 10), True).to_numpy()
    groups = np.select([s >= 9, s >= 7, s >= 0], ["promoters", "passives", "detractors"], "")
    return pd.Series(groups, index=index, name="nps_group").replace("", np.nan)


@validate_params(confidence=CONFIDENCE)
def nps(scores, *, confidence: float = 0.95) -> NpsResult:
    """NPS = 100 · (#promoters − #detractors) / N on a 0–10 scale (docs/methods.md §4.3).

    SE = 100 · sqrt((p_P + p_D − (p_P − p_D)²) / N); margin of error = z · SE, in NPS points.
    ``scores``: one 0–10 answer per respondent (a list, Series or one-column frame).

    >>> round(nps(range(11)).nps, 4)
    -45.4545
    >>> round(nps(range(11)).detractor_share, 4)
    0.6364
    """
    check_one_column(scores, "nps")
    answers = validate_answers(scores, scale=(0, 10), integer=True, name="nps")
    counts = nps_group(answers.data.iloc[:, 0]).value_counts().reindex(NPS_GROUPS, fill_value=0)
    n = answers.n
    p_p, p_d = float(counts["promoters"] / n), float(counts["detractors"] / n)
    se = 100 * math.sqrt((p_p + p_d - (p_p - p_d) ** 2) / n)
    return NpsResult(100 * (p_p - p_d), int(counts["promoters"]), int(counts["passives"]),
                     int(counts["detractors"]), p_p, float(counts["passives"] / n), p_d,
                     n, se, z_value(confidence) * se, answers.n_dropped)


# --- §4.4 CES --------------------------------------------------------------------------------------

CES_VERSIONS = {
    # version: (scale, higher_is_better, answers counted as "easy")
    1: ((1, 5), False, (1, 2)),     # "How much effort did you personally have to put forth?" 1 = very low
    2: ((1, 7), True, (5, 7)),      # "The company made it easy for me…" 5–7 = agree
}


@dataclass(frozen=True, repr=False)
class CesResult(SurveyScore):
    """CES mean, the share (0–1) of answers on the easy side (v2: agree 5–7; v1: answering 1–2)
    and the direction of the scale.

    >>> r = ces([1, 2, 3, 5], version=1)
    >>> r.mean, r.easy_share, r.higher_is_better
    (2.75, 0.5, False)
    """

    _share_fields = ("easy_share",)

    version: int
    mean: float
    easy_share: float
    higher_is_better: bool
    n: int
    scale: tuple
    n_dropped: int = 0


@validate_params(version=Options(*CES_VERSIONS))
def ces(scores, *, version: int = 2) -> CesResult:
    """Customer Effort Score (docs/methods.md §4.4; Dixon et al. 2010 / 2013); ``version`` fixes the direction.

    ``scores``: one answer per respondent (a list, Series or one-column frame).

    >>> r = ces([7, 6, 5, 2], version=2)
    >>> r.mean, r.easy_share, r.higher_is_better
    (5.0, 0.75, True)
    """
    scale, higher_is_better, (easy_low, easy_high) = CES_VERSIONS[version]
    check_one_column(scores, "ces")
    answers = validate_answers(scores, scale=scale, integer=True, name="ces")
    s = answers.data.iloc[:, 0]
    easy_share = float(s.between(easy_low, easy_high).mean())
    return CesResult(version, float(s.mean()), easy_share, higher_is_better, answers.n, scale, answers.n_dropped)


# --- §4.5 ACSI-style index -------------------------------------------------------------------------

@dataclass(frozen=True, repr=False)
class AcsiResult(SurveyScore):
    """ACSI-style index (0–100) with the item means and normalised weights used.

    >>> r = acsi_index([8, 7, 7], weights=(2, 1, 1))
    >>> round(r.index, 2), r.weights
    (72.22, (0.5, 0.25, 0.25))
    """

    index: float
    means: tuple
    weights: tuple
    n: int | None
    scale: tuple
    n_dropped: int = 0


def acsi_index(data, *, weights=None, scale=(1, 10), item_cols: Sequence[str] | None = None) -> AcsiResult:
    """Index = 100 · Σ w_i (X̄_i − min) / (max − min), weights normalised to Σw = 1 (docs/methods.md §4.5).

    ``data`` is a sequence of item means, or a frame of answers (``item_cols``; default all).

    >>> round(acsi_index([8, 7, 7]).index, 4)
    70.3704
    >>> answers = pd.DataFrame({"x1": [8, 8], "x2": [6, 8], "x3": [7, 7], "note": ["a", "b"]})
    >>> round(acsi_index(answers, item_cols=["x1", "x2", "x3"]).index, 4)
    70.3704
    """
    low, high = check_scale(scale)
    if isinstance(data, pd.DataFrame):
        answers = validate_answers(data, item_cols, scale=scale)
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

def loyalty_zone(ratings, *, breaks=(2, 4), scale=(1, 5)) -> Classification:
    """Jones & Sasser (1995) zones: rating ≤ breaks[0] defection, ≤ breaks[1] indifference, else affection.

    Default cut points are the kit's reading of the published figure for 1–5 ratings (docs/methods.md §4.10).
    ``ratings``: one answer per respondent; the table keeps the index of a Series (e.g. respondent ids).

    >>> loyalty_zone([1, 3, 5]).classes.tolist()
    ['zone_defection', 'zone_indifference', 'zone_affection']
    >>> loyalty_zone([1, 3, 5], breaks=(1, 2)).classes.tolist()
    ['zone_defection', 'zone_affection', 'zone_affection']
    """
    low_cut, high_cut = check_scale(breaks, "breaks")
    check_scale(scale)
    check_one_column(ratings, "loyalty_zone")
    answers = validate_answers(ratings, scale=scale)
    r = answers.data.iloc[:, 0]
    zone = np.select([r <= low_cut, r <= high_cut], LOYALTY_ZONES[:2], LOYALTY_ZONES[2])
    table = pd.DataFrame({"rating": r.to_numpy(), "zone": zone}, index=answers.index)
    return Classification(table, {"defection_max": low_cut, "indifference_max": high_cut},
                          {"breaks": (low_cut, high_cut), "scale": scale, "n_dropped": answers.n_dropped},
                          class_col="zone")


# --- §4.8 importance–performance inputs ------------------------------------------------------------

def ipa_table(survey: pd.DataFrame, importance_cols: Sequence[str], performance_cols: Sequence[str], *,
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
