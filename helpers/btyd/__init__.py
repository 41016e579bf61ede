"""Buy-till-you-die models: the per-customer summary (:func:`btyd_summary`), BG/NBD, Gamma-Gamma and CLV.

    >>> from helpers.btyd import BetaGeoModel
    >>> model = BetaGeoModel(r=0.243, alpha=4.414, a=0.793, b=2.426)
    >>> round(float(model.expected_purchases(39)), 3)
    1.197
"""
from helpers.btyd.models import (BetaGeoModel, GammaGammaModel, customer_clv, frequency_recency_grid,
                                 holdout_comparison, summary_arrays)
from helpers.btyd.summary import btyd_summary

__all__ = ["btyd_summary", "BetaGeoModel", "GammaGammaModel", "customer_clv", "holdout_comparison",
           "frequency_recency_grid", "summary_arrays"]
