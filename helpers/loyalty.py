"""Attitude-loyalty classes from brand-choice data via share of category requirements (docs/methods.md §3.9).

忠诚顾客 (brand loyal): the top brand's share of the customer's category purchases (SCR) ≥ 0.7;
品牌转移顾客 (shifting / split loyal): SCR < 0.7 but at most 3 brands cover ≥ 0.9 of purchases;
无品牌忠诚顾客 (switcher): everyone else. The cut points are design defaults, not a standard.

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
from helpers.validation import Interval, validate_params

__all__ = ["attitude_loyalty"]

ATTITUDE_CLASSES = ("brand_loyal", "brand_shifting", "brand_switcher")


def _brand_shares(choices: pd.DataFrame, customer_col: str, brand_col: str, weight_col: str) -> pd.DataFrame:
    """Each customer's share of category purchases per brand, largest first (ties by brand name)."""
    volume = choices.groupby([customer_col, brand_col], observed=True)[weight_col].sum().reset_index()
    volume["share"] = volume[weight_col] / volume.groupby(customer_col)[weight_col].transform("sum")
    return volume.sort_values([customer_col, "share", brand_col], ascending=[True, False, True], kind="stable")


def _customer_table(shares: pd.DataFrame, customer_col: str, brand_col: str, weight_col: str,
                    n_split_brands: int) -> pd.DataFrame:
    ranked = shares.assign(rank=shares.groupby(customer_col).cumcount() + 1)
    grouped = ranked.groupby(customer_col)
    return pd.DataFrame({
        "purchases": grouped[weight_col].sum(),
        "n_brands": grouped[brand_col].size(),
        "top_brand": grouped[brand_col].first(),
        "top_share": grouped["share"].first(),
        "top_k_cover": ranked[ranked["rank"] <= n_split_brands].groupby(customer_col)["share"].sum(),
    })


@validate_params(loyal_share=Interval(float, 0, 1), n_split_brands=Interval(int, 1), cover_share=Interval(float, 0, 1))
def attitude_loyalty(brand_choices: pd.DataFrame, *, customer_col: str = "customer_id", brand_col: str = "brand",
                     weight_col: str | None = None, loyal_share: float = 0.7, n_split_brands: int = 3,
                     cover_share: float = 0.9) -> Classification:
    """Classify customers as brand loyal / shifting / switcher from their brand choices (§3.9).

    One row per purchase occasion; ``weight_col`` names a quantity column (default: each row
    counts 1). Loyal: the top brand's share (SCR) ≥ ``loyal_share``; shifting: the
    ``n_split_brands`` largest brands cover ≥ ``cover_share`` of purchases; else switcher.
    The table, indexed by customer id, has per customer: purchases, n_brands, top_brand,
    top_share (SCR), top_k_cover (share of the ``n_split_brands`` largest brands) and the class id
    in ``attitude``. Rows without a customer or brand are dropped with a warning.

    >>> choices = pd.DataFrame({"member": list("aaaabbbb"), "label": list("xxxyxyzx")})
    >>> res = attitude_loyalty(choices, customer_col="member", brand_col="label", n_split_brands=2)
    >>> res.classes.to_dict()
    {'a': 'brand_loyal', 'b': 'brand_switcher'}
    >>> float(res.table.loc["b", "top_k_cover"])
    0.75
    """
    columns = [customer_col, brand_col] + ([weight_col] if weight_col else [])
    frame = as_frame(brand_choices, columns)
    params = {"customer_col": customer_col, "brand_col": brand_col, "weight_col": weight_col}
    if weight_col:
        weights = validate_answers(frame, [weight_col], scale=(0, np.inf))   # rejects text and negatives
        frame = frame.iloc[weights.kept_rows - 1].assign(**{weight_col: weights.data[weight_col].to_numpy()})
    else:
        weight_col = "_occasions"
        frame = frame.assign(**{weight_col: 1.0})
    incomplete = frame[[customer_col, brand_col]].isna().any(axis=1).to_numpy()     # index = input row − 1
    if incomplete.any():
        warn("warn_brand_dropped", stacklevel=caller_stacklevel(), n=int(incomplete.sum()), total=len(frame),
             rows=format_rows((frame.index[incomplete] + 1).tolist()), customer=customer_col, brand=brand_col)
    frame = frame[~incomplete]
    table = _customer_table(_brand_shares(frame, customer_col, brand_col, weight_col), customer_col, brand_col,
                            weight_col, n_split_brands)
    table["attitude"] = np.select(
        [table["top_share"] >= loyal_share, table["top_k_cover"] >= cover_share],
        ATTITUDE_CLASSES[:2], ATTITUDE_CLASSES[2])
    return Classification(table, {"loyal_share": loyal_share, "n_split_brands": n_split_brands,
                                  "cover_share": cover_share},
                          params,
                          class_col="attitude")
