"""Case-study data of the course: the low-cost airline's segments (chapter 5), the people of the
personality-style quiz (chapter 7), the own-label distributors (chapter 8). The stories are in
``course/cases/``.

    >>> from helpers.teaching.cases import airline_segments, AIRLINE_VALUE, AIRLINE_CAPABILITY
    >>> from helpers.matrices import target_selection_matrix
    >>> segments = airline_segments()
    >>> len(segments), sorted(target_selection_matrix(segments, AIRLINE_VALUE, AIRLINE_CAPABILITY).classes.unique())
    (8, ['q_abandon', 'q_focus', 'q_opportunistic', 'q_passive'])
"""
from __future__ import annotations

import pandas as pd

from helpers.i18n import catalogue, label

# Analysts' 1–5 ratings (5 = best) of Skylark Air's candidate segments (course/cases/low_cost_airline.*.md)
_AIRLINE_RATINGS = {
    #                        size profit growth fit low_cost_to_serve direct_reach
    "air_leisure":          (5, 3, 4, 5, 5, 5),
    "air_vfr":              (4, 3, 3, 4, 4, 4),
    "air_students":         (3, 2, 4, 5, 4, 5),
    "air_small_business":   (3, 4, 4, 3, 3, 2),
    "air_corporate":        (4, 5, 3, 1, 1, 2),
    "air_premium":          (2, 4, 2, 1, 1, 2),
    "air_tour_groups":      (4, 2, 2, 4, 4, 3),
    "air_migrant_workers":  (3, 2, 2, 4, 4, 2),
}
_RATING_COLUMNS = ["size", "profit", "growth", "fit", "low_cost_to_serve", "direct_reach"]

AIRLINE_VALUE = {"size": 0.4, "profit": 0.3, "growth": 0.3}
"""Customer value of a segment: weighted mean of its size, profit per passenger and growth ratings."""
AIRLINE_CAPABILITY = ["fit", "low_cost_to_serve", "direct_reach"]
"""Skylark's ability to satisfy a segment: plain mean of these three ratings."""

# The six people of the chapter 7 quiz and their styles (course/cases/two_executives.*.md)
PORTRAIT_STYLES = {"P1": "style_driver", "P2": "style_amiable", "P3": "style_expressive",
                   "P4": "style_analytical", "P5": "style_driver", "P6": "style_amiable"}


def airline_segments() -> pd.DataFrame:
    """The eight segments with their six ratings, indexed by segment name in the active language;
    ``segment_id`` keeps the stable id.

    >>> len(airline_segments())
    8
    """
    table = pd.DataFrame.from_dict(_AIRLINE_RATINGS, orient="index", columns=_RATING_COLUMNS)
    table.insert(0, "segment_id", table.index)
    table.index = pd.Index(label(list(table.index)), name="segment")
    return table


def style_portraits() -> list[dict]:
    """The quiz cards: ``{"id": "P1", "text": {"zh": ..., "en": ...}}`` for each of the six people.

    >>> [card["id"] for card in style_portraits()]
    ['P1', 'P2', 'P3', 'P4', 'P5', 'P6']
    """
    entries = catalogue()
    return [{"id": pid, "text": {lang: entries[f"case_portrait_{pid.lower()}"][lang] for lang in ("zh", "en")}}
            for pid in PORTRAIT_STYLES]


# Yuejia Living's own-label range is sold through distributors in eight cities without a Yuejia store
# (chapter 8). Per distributor: city, how Yuejia distributes there, how many Yuejia distributors the
# city has, how many brands of the category the distributor carries, Yuejia's sales to it (yuan a
# year) and Yuejia's share of its purchases in the category.
_DISTRIBUTORS = {
    #       city            distribution       in_city brands  revenue    share
    "D01": ("lanzhou",      "dist_exclusive",   1,      1,     1_860_000, 0.92),
    "D02": ("kunming",      "dist_exclusive",   1,      3,     1_240_000, 0.46),
    "D03": ("nanning",      "dist_selective",   3,      3,       980_000, 0.41),
    "D04": ("taiyuan",      "dist_selective",   3,      2,     1_420_000, 0.68),
    "D05": ("jinan",        "dist_selective",   4,      4,       760_000, 0.33),
    "D06": ("fuzhou",       "dist_intensive",  26,      7,       640_000, 0.18),
    "D07": ("nanchang",     "dist_intensive",  31,      6,       520_000, 0.22),
    "D08": ("shijiazhuang", "dist_intensive",  28,      5,       590_000, 0.36),
}


def distributor_accounts() -> pd.DataFrame:
    """The eight own-label distributors of chapter 8, one row each: ``account_id``, ``city`` (a
    label in the active language), ``distribution`` (``dist_exclusive`` / ``dist_selective`` /
    ``dist_intensive``), ``dealers_in_city``, ``brands_carried``, ``annual_revenue`` and
    ``share_of_wallet`` — the input of ``account_types(..., distribution_col="distribution")``.

    >>> dealers = distributor_accounts()
    >>> len(dealers), int(dealers["distribution"].value_counts()["dist_intensive"])
    (8, 3)
    """
    table = pd.DataFrame.from_dict(_DISTRIBUTORS, orient="index",
                                   columns=["city", "distribution", "dealers_in_city", "brands_carried",
                                            "annual_revenue", "share_of_wallet"])
    table["city"] = label([f"case_city_{city}" for city in table["city"]])
    table["annual_revenue"] = table["annual_revenue"].astype(float)
    table = table.rename_axis("account_id").reset_index()
    table.attrs["currency"] = "CNY"
    return table


# Customers in Yuejia Living's survey also rated the other shop they use most — the fictitious rival
# Bluewhale Home — on the eight attributes of the importance–performance analysis (chapter 9): mean
# performance 1–7 of the 388 complete answers.
_RIVAL_PERFORMANCE = {"product_quality": 5.60, "return_policy": 6.10, "price": 5.10, "delivery_speed": 5.50,
                      "staff_courtesy": 5.00, "store_ambience": 5.10, "app_usability": 5.50, "loyalty_program": 4.60}


def rival_performance() -> pd.Series:
    """The rival's mean performance (1–7) per attribute id, from the same survey (chapter 9).

    >>> float(rival_performance()["delivery_speed"])
    5.5
    """
    return pd.Series(_RIVAL_PERFORMANCE, name="rival").rename_axis("attribute")


# Tea-packaging case (chapter 13, course/cases/tea_packaging.*.md): 40 tasters each rated the same
# own-label green tea three times, served next to a box of each colour, in random order. Fictitious
# data; the effect sizes follow studies of colour and taste expectations (Spence 2015).
TEA_BOXES = ("tea_box_green", "tea_box_red", "tea_box_yellow")
_TEA_EFFECTS = {            # taste, freshness (1–7), price willing to pay (yuan per 100 g)
    "tea_box_green": (0.3, 0.9, 6.0),
    "tea_box_red": (0.4, -0.2, 12.0),
    "tea_box_yellow": (-0.4, -0.6, -7.0),
}


def tea_tasting(seed: int = 2026) -> pd.DataFrame:
    """One row per taster and box colour: ``taster``, ``box_colour``, ``taste`` and ``freshness``
    (1–7) and ``price_willing`` (yuan per 100 g, in steps of 5). Same seed, same table.

    >>> tasting = tea_tasting()
    >>> len(tasting), sorted(tasting["box_colour"].unique())
    (120, ['tea_box_green', 'tea_box_red', 'tea_box_yellow'])
    """
    import numpy as np

    rng = np.random.default_rng(seed)
    n = 40
    base_taste, base_fresh = rng.normal(4.6, 0.7, n), rng.normal(4.4, 0.7, n)
    base_price = rng.normal(68, 12, n)
    rows = []
    for colour, (taste, fresh, price) in _TEA_EFFECTS.items():
        rows.append(pd.DataFrame({
            "taster": [f"T{i:02d}" for i in range(1, n + 1)],
            "box_colour": colour,
            "taste": np.clip(np.rint(base_taste + taste + rng.normal(0, 0.6, n)), 1, 7).astype(int),
            "freshness": np.clip(np.rint(base_fresh + fresh + rng.normal(0, 0.6, n)), 1, 7).astype(int),
            "price_willing": (np.maximum(np.rint((base_price + price + rng.normal(0, 6, n)) / 5), 4) * 5).astype(float),
        }))
    table = pd.concat(rows, ignore_index=True)
    table.attrs["currency"] = "CNY"
    return table
