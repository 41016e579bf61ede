"""RFM: the per-customer table (:func:`rfm_table`) and its 1…n scores (:func:`rfm_score`).

    >>> import pandas as pd
    >>> from helpers.rfm import rfm_score, rfm_table
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b"], "amount": [10.0, 20.0, 5.0],
    ...     "order_date": pd.to_datetime(["2024-01-01", "2024-01-05", "2024-01-03"])})
    >>> rfm_score(rfm_table(tx), n_bins=2, method="rank_first").table["rfm_cell"].tolist()
    ['222', '111']
"""
from helpers.rfm.scores import METHODS, RFMScores, rfm_score
from helpers.rfm.table import rfm_table, scan_transactions

__all__ = ["rfm_table", "scan_transactions", "rfm_score", "METHODS"]
