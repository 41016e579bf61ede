"""Share of wallet: a customer's current value and the value still left in its wallet.

The customer value matrix (docs/methods.md §2.1) needs a *potential* value beside the current one. With
an estimate of the share of the customer's spending in our category that comes to us (share of
wallet, SOW), option (ii) of §2.1 gives both from three numbers per customer:

* wallet = revenue / SOW (the customer's whole spending in the category);
* current value CV = revenue × margin (the gross profit we earn now);
* potential value PV = (wallet − revenue) × margin (the profit still spent with competitors).

    >>> import pandas as pd
    >>> accounts = pd.DataFrame({"annual_revenue": [100.0], "share_of_wallet": [0.25], "gross_margin": [0.4]})
    >>> wallet_value(accounts)[["wallet", "current_value", "potential_value"]].iloc[0].tolist()
    [400.0, 40.0, 120.0]
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from helpers.errors import DataError

__all__ = ["wallet_value"]


def _numbers(data: pd.DataFrame, column: str) -> pd.Series:
    if column not in data.columns:
        raise DataError("err_wallet_missing_column", column=column, fix_key="fix_wallet_name_column",
                        columns=", ".join(map(str, data.columns)))
    values = pd.to_numeric(data[column], errors="coerce").astype(float)
    bad = np.flatnonzero(~np.isfinite(values.to_numpy()))
    if bad.size:
        raise DataError("err_wallet_not_numeric", column=column, rows=bad + 1, fix_key="fix_wallet_fill_or_drop")
    return values


def wallet_value(data: pd.DataFrame, *, revenue_col: str = "annual_revenue", share_col: str = "share_of_wallet",
                 margin_col: str | None = "gross_margin") -> pd.DataFrame:
    """A copy of ``data`` with ``wallet``, ``current_value`` and ``potential_value`` (docs/methods.md §2.1 (ii)).

    ``revenue_col`` holds our revenue per customer; ``share_col`` our share of its wallet, a
    fraction in (0, 1]; ``margin_col`` gross-margin fractions, or ``None`` to value revenue instead
    of profit. The caller's frame is not changed.

    >>> accounts = pd.DataFrame({"revenue": [100.0, 300.0], "sow": [0.25, 1.0]})
    >>> wallet_value(accounts, revenue_col="revenue", share_col="sow", margin_col=None)["potential_value"].tolist()
    [300.0, 0.0]
    """
    sales = _numbers(data, revenue_col)
    share = _numbers(data, share_col)
    outside = np.flatnonzero(~((share > 0) & (share <= 1)).to_numpy())
    if outside.size:
        raise DataError("err_wallet_share_range", column=share_col, rows=outside + 1,
                        fix_key="fix_wallet_share_range")
    rate = _numbers(data, margin_col) if margin_col is not None else 1.0
    wallet = sales / share
    return data.assign(wallet=wallet, current_value=sales * rate, potential_value=(wallet - sales) * rate)
