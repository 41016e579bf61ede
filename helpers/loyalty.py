"""Attitude-loyalty classes from brand-choice data via share of category requirements (docs/methods.md §3.9).

忠诚顾客 (brand loyal): the top brand's share of the customer's category purchases (SCR) ≥ 0.7;
品牌转移顾客 (shifting / split loyal): SCR < 0.7 but at most 3 brands cover ≥ 0.9 of purchases;
无品牌忠诚顾客 (switcher): everyone else. The thresholds are design defaults, not a standard.

    >>> import pandas as pd
    >>> from helpers.loyalty import attitude_loyalty
    >>> choices = pd.DataFrame({"customer_id": list("aaaabbbb"), "brand": list("xxxyxyzx")})
    >>> attitude_loyalty(choices).classes.tolist()
    ['brand_loyal', 'brand_shifting']
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from helpers.errors import format_rows, warn
from helpers.result import Classification
from helpers.data.survey import as_frame, caller_stacklevel, validate_answers

ATTITUDE_CLASSES = ("brand_loyal", "brand_shifting", "brand_switcher")


def _brand_shares(choices: pd.DataFrame, customer: str, brand: str, weight: str) -> pd.DataFrame:
    """Each customer's share of category purchases per brand, largest first (ties by brand name)."""
    volume = choices.groupby([customer, brand], observed=True)[weight].sum().reset_index()
    volume["share"] = volume[weight] / volume.groupby(customer)[weight].transform("sum")
    return volume.sort_values([customer, "share", brand], ascending=[True, False, True], kind="stable")


def _customer_table(shares: pd.DataFrame, customer: str, brand: str, weight: str,
                    split_brands: int) -> pd.DataFrame:
    ranked = shares.assign(rank=shares.groupby(customer).cumcount() + 1)
    grouped = ranked.groupby(customer)
    return pd.DataFrame({
        "purchases": grouped[weight].sum(),
        "n_brands": grouped[brand].size(),
        "top_brand": grouped[brand].first(),
        "top_share": grouped["share"].first(),
        "top_k_cover": ranked[ranked["rank"] <= split_brands].groupby(customer)["share"].sum(),
    })


def attitude_loyalty(brand_choices: pd.DataFrame, customer: str = "customer_id", brand: str = "brand",
                     weight: str | None = None, loyal_share: float = 0.7, split_brands: int = 3,
                     split_cover: float = 0.9) -> Classification:
    """Classify customers as brand loyal / shifting / switcher from their brand choices (§3.9).

    One row per purchase occasion; ``weight`` names a quantity column (default: each row counts 1).
    The table has per customer: purchases, n_brands, top_brand, top_share (SCR), top_k_cover (share
    of the ``split_brands`` largest brands) and the class id in ``attitude``. Rows without a customer
    or brand are dropped with a warning.
    """
    columns = [customer, brand] + ([weight] if weight else [])
    frame = as_frame(brand_choices, columns)
    params = {"customer": customer, "brand": brand, "weight": weight}
    if weight:
        weights = validate_answers(frame, [weight], scale=(0, np.inf))   # rejects text and negatives
        frame = frame.iloc[weights.kept_rows - 1].assign(**{weight: weights.data[weight].to_numpy()})
    else:
        weight = "_occasions"
        frame = frame.assign(**{weight: 1.0})
    incomplete = frame[[customer, brand]].isna().any(axis=1).to_numpy()     # index = input row − 1
    if incomplete.any():
        warn("warn_brand_dropped", stacklevel=caller_stacklevel(), n=int(incomplete.sum()), total=len(frame),
             rows=format_rows((frame.index[incomplete] + 1).tolist()), customer=customer, brand=brand)
    frame = frame[~incomplete]
    table = _customer_table(_brand_shares(frame, customer, brand, weight), customer, brand, weight, split_brands)
    table["attitude"] = np.select(
        [table["top_share"] >= loyal_share, table["top_k_cover"] >= split_cover],
        ATTITUDE_CLASSES[:2], ATTITUDE_CLASSES[2])
    return Classification(table, {"loyal_share": loyal_share, "split_brands": split_brands,
                                  "split_cover": split_cover},
                          params,
                          class_col="attitude")
