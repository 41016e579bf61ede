"""The demo company's customer survey and brand-choice panel (see :mod:`helpers.demo` for the story).

Every answer of a respondent is ``centre + loading × latent + noise``, rounded and clipped to the
scale, where the latent satisfaction is partly driven by how often the respondent buys. Items of
one block share the latent (and a block factor), so their Cronbach's alpha is about 0.7–0.9, and
loyalty intentions follow satisfaction. Designed-in findings a course can discover:

* SERVQUAL: reliability has the largest negative gap (expectations high, delivery mediocre).
* Kano: ``secure_payment``/``easy_returns`` must-be, ``fast_delivery`` one-dimensional,
  ``birthday_gift``/``virtual_tryon`` attractive, ``paper_catalogue`` indifferent.
* IPA: two attributes in each quadrant (e.g. ``price`` and ``delivery_speed`` to concentrate on).
* Brand panel: loyal, split-loyal (≤ 3 brands) and switching buyers all occur.

    >>> import numpy as np
    >>> from helpers.demo.survey import hundred_points
    >>> hundred_points(np.array([[0.33, 0.33, 0.34]])).sum()
    np.int64(100)
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from helpers.data.datasets import SURVEY_ID_COLUMNS
from helpers.kano import CATEGORIES, EVALUATION_TABLE

__all__ = []   # the generators' parts are machinery; see helpers.demo

N_RESPONDENTS, SURVEY_START, SURVEY_DAYS = 400, pd.Timestamp("2025-09-01"), 91
MISSING_SHARE = 0.08  # respondents who skip one to three items (listwise deletion exercises)
# Every other survey column is a whole-number answer with a few skipped items: pandas' nullable Int64.

# SERVQUAL dimension -> (items, mean expectation, mean perception) on 1–7 (PZB 1988 item ranges)
SERVQUAL = {
    "tangibles": (range(1, 5), 5.3, 5.4),
    "reliability": (range(5, 10), 6.3, 5.0),
    "responsiveness": (range(10, 14), 5.9, 5.3),
    "assurance": (range(14, 18), 6.0, 5.6),
    "empathy": (range(18, 23), 5.5, 4.9),
}
IMPORTANCE_SHARES = {"tangibles": 11, "reliability": 32, "responsiveness": 22, "assurance": 19,
                     "empathy": 16}

# feature -> share of respondents per true category M, O, A, I, R, Q
KANO_FEATURES = {
    "secure_payment": (0.55, 0.20, 0.05, 0.15, 0.03, 0.02),
    "easy_returns": (0.45, 0.28, 0.08, 0.14, 0.03, 0.02),
    "fast_delivery": (0.20, 0.50, 0.12, 0.13, 0.03, 0.02),
    "birthday_gift": (0.05, 0.15, 0.50, 0.25, 0.03, 0.02),
    "virtual_tryon": (0.03, 0.10, 0.45, 0.35, 0.05, 0.02),
    "paper_catalogue": (0.05, 0.05, 0.12, 0.65, 0.10, 0.03),
}
# IPA attribute -> (mean importance, mean performance) on 1–7: two attributes per quadrant.
IPA_ATTRIBUTES = {
    "product_quality": (6.3, 5.9), "return_policy": (6.0, 5.7),
    "price": (6.2, 4.4), "delivery_speed": (6.0, 4.6),
    "staff_courtesy": (4.5, 6.0), "store_ambience": (4.3, 5.8),
    "app_usability": (4.6, 4.5), "loyalty_program": (4.4, 4.3),
}
LOYALTY_ITEMS = {"loy_repurchase": 3.9, "loy_recommend": 3.7, "loy_first_choice": 3.4,
                 "loy_more_purchases": 3.3}

BRANDS = ("yuejia", "lanjing", "qingshan", "baiwei", "xinyu", "hexie")
# brand-buyer type -> share of panel members
BRAND_BUYERS = {"loyal": 0.40, "split": 0.35, "switcher": 0.25}
N_PANEL = 300


def survey_table(rng: np.random.Generator, customers: pd.DataFrame, orders: pd.DataFrame) -> pd.DataFrame:
    """One row per respondent: CSAT, NPS, CES 2.0, ACSI, SERVQUAL, 100 points, Kano, IPA, loyalty."""
    first = orders.groupby("customer_id")["order_date"].min()
    eligible = first[first < SURVEY_START].index.sort_values()
    ids = np.sort(rng.choice(eligible, size=N_RESPONDENTS, replace=False))
    n_orders = orders["customer_id"].value_counts().reindex(ids).to_numpy(float)
    sat = _standardise(0.6 * _standardise(np.log(n_orders)) + 0.8 * rng.normal(size=N_RESPONDENTS))
    blocks = [
        pd.DataFrame({"respondent_id": [f"R{i:04d}" for i in range(1, N_RESPONDENTS + 1)],
                      "customer_id": ids,
                      "survey_date": SURVEY_START + pd.to_timedelta(
                          rng.integers(0, SURVEY_DAYS, N_RESPONDENTS), unit="D")}),
        _block(rng, sat, {"csat": 3.9}, 0.9, 0.6, (1, 5)),
        _block(rng, sat, {"nps": 7.9}, 1.8, 1.2, (0, 10)),
        _block(rng, sat, {"ces": 5.2}, 1.0, 0.9, (1, 7)),
        _block(rng, sat, {"acsi_sat": 7.8, "acsi_expect": 7.2, "acsi_ideal": 6.9}, 1.3, 0.8, (1, 10)),
        _servqual(rng, sat),
        _importance_points(rng),
        _kano(rng),
        _ipa(rng, sat),
        _block(rng, sat, LOYALTY_ITEMS, 0.9, 0.6, (1, 5)),
    ]
    return _with_skipped_items(rng, pd.concat(blocks, axis=1))


def _standardise(x: np.ndarray) -> np.ndarray:
    return (x - x.mean()) / x.std()


def _block(rng, latent, centres: dict, loading, noise, scale) -> pd.DataFrame:
    """Items ``centre + loading·latent + noise`` rounded and clipped to ``scale`` (one column each)."""
    low, high = scale
    n = len(latent)
    return pd.DataFrame({
        name: np.clip(np.round(centre + loading * latent + noise * rng.normal(size=n)), low, high).astype(int)
        for name, centre in centres.items()})


def _servqual(rng, sat) -> pd.DataFrame:
    """22 expectation items ``exp_01…`` and 22 perception items ``per_01…`` (1–7)."""
    n = len(sat)
    expectation = rng.normal(size=n)
    exp_blocks, per_blocks = [], []
    for items, mean_e, mean_p in SERVQUAL.values():
        dimension = 0.6 * sat + 0.5 * rng.normal(size=n)
        exp_blocks.append(_block(rng, expectation, {f"exp_{i:02d}": mean_e for i in items}, 0.5, 0.6, (1, 7)))
        per_blocks.append(_block(rng, dimension, {f"per_{i:02d}": mean_p for i in items}, 1.0, 0.6, (1, 7)))
    return pd.concat(exp_blocks + per_blocks, axis=1)


def hundred_points(shares: np.ndarray, step: int = 5) -> np.ndarray:
    """Turn rows of shares into whole points summing to 100, in multiples of ``step`` as people do.

    Largest remainders get the leftover steps (Hamilton's method), so every row sums to 100.
    """
    units = 100 // step
    raw = shares / shares.sum(axis=1, keepdims=True) * units
    points = np.floor(raw).astype(int)
    left = units - points.sum(axis=1)
    order = np.argsort(-(raw - points), axis=1, kind="stable")
    ranks = np.argsort(order, axis=1, kind="stable")
    points += ranks < left[:, None]
    return points * step


def _importance_points(rng) -> pd.DataFrame:
    """100-point importance allocation over the five SERVQUAL dimensions (``w_<dimension>``)."""
    shares = np.array(list(IMPORTANCE_SHARES.values()), float) / 100
    draws = rng.dirichlet(30 * shares, size=N_RESPONDENTS)
    return pd.DataFrame(hundred_points(draws), columns=[f"w_{d}" for d in IMPORTANCE_SHARES])


def kano_answer_pairs(category: str) -> list[tuple[int, int]]:
    """All (functional, dysfunctional) answers the evaluation table maps to ``category``."""
    return [(f + 1, d + 1) for f, row in enumerate(EVALUATION_TABLE) for d, c in enumerate(row) if c == category]


def _kano(rng) -> pd.DataFrame:
    """Functional/dysfunctional answers (1 like … 5 dislike) drawn from each feature's category mix."""
    pairs = {c: kano_answer_pairs(c) for c in CATEGORIES}
    columns = {}
    for feature, shares in KANO_FEATURES.items():
        categories = rng.choice(list(CATEGORIES), size=N_RESPONDENTS, p=shares)
        answers = np.array([pairs[c][rng.integers(len(pairs[c]))] for c in categories])
        columns[f"kano_{feature}_func"], columns[f"kano_{feature}_dysf"] = answers.T
    return pd.DataFrame(columns)


def _ipa(rng, sat) -> pd.DataFrame:
    """Importance ``imp_<attr>`` and performance ``perf_<attr>`` ratings (1–7)."""
    care = rng.normal(size=len(sat))
    importance = _block(rng, care, {f"imp_{a}": i for a, (i, _) in IPA_ATTRIBUTES.items()}, 0.3, 0.8, (1, 7))
    performance = _block(rng, sat, {f"perf_{a}": p for a, (_, p) in IPA_ATTRIBUTES.items()}, 0.6, 0.7, (1, 7))
    return pd.concat([importance, performance], axis=1)


def _with_skipped_items(rng, survey: pd.DataFrame) -> pd.DataFrame:
    """Blank one to three rating items for a few respondents; ids, dates and points stay complete."""
    answers = [c for c in survey.columns if c not in SURVEY_ID_COLUMNS]
    items = [c for c in answers if not c.startswith("w_")]
    survey = survey.astype(dict.fromkeys(answers, "Int64"))
    skipped = np.zeros((len(survey), len(items)), dtype=bool)
    for row in np.flatnonzero(rng.random(len(survey)) < MISSING_SHARE):
        skipped[row, rng.choice(len(items), size=rng.integers(1, 4), replace=False)] = True
    survey[items] = survey[items].mask(skipped)
    return survey


def brand_choices_table(rng: np.random.Generator, customers: pd.DataFrame) -> pd.DataFrame:
    """Which brand of one category (household paper) panel members bought on each occasion."""
    buyers = customers.loc[customers["lead_status"] == "customer", "customer_id"].to_numpy()
    panel = np.sort(rng.choice(buyers, size=N_PANEL, replace=False))
    kinds = rng.choice(list(BRAND_BUYERS), size=N_PANEL, p=list(BRAND_BUYERS.values()))
    choices = []
    for kind in kinds:
        shares = _brand_shares(rng, kind)
        choices.append(rng.choice(BRANDS, size=int(rng.integers(6, 16)), p=shares))
    sizes = [len(c) for c in choices]
    return pd.DataFrame({"customer_id": np.repeat(panel, sizes),
                         "occasion": np.concatenate([np.arange(1, k + 1) for k in sizes]),
                         "brand": np.concatenate(choices)})


def _brand_shares(rng, kind: str) -> np.ndarray:
    """Choice probabilities over ``BRANDS`` for one buyer of the given kind."""
    order = rng.permutation(len(BRANDS))
    if kind == "loyal":
        top = rng.uniform(0.82, 0.97)
        shares = np.r_[top, np.full(len(BRANDS) - 1, (1 - top) / (len(BRANDS) - 1))]
    elif kind == "split":
        k = int(rng.integers(2, 4))
        others = len(BRANDS) - k
        shares = np.r_[rng.dirichlet(np.full(k, 6.0)) * 0.97, np.full(others, 0.03 / others)]
    else:
        shares = rng.dirichlet(np.full(len(BRANDS), 3.0))
    return shares[np.argsort(order)]
