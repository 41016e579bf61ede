"""Buy-till-you-die models: the per-customer summary (:func:`btyd_summary`), BG/NBD, Pareto/NBD,
Gamma-Gamma, the shifted-beta-geometric model for contract customers, and CLV per customer.

Every model is a value (its published parameters) with a ``fit`` classmethod that also records
the log-likelihood, standard errors and 95 % intervals (``model.summary()``).

    >>> from helpers.btyd import BetaGeoModel
    >>> model = BetaGeoModel(r=0.243, alpha=4.414, a=0.793, b=2.426)
    >>> round(float(model.expected_purchases(39)), 3)
    1.197

Sources: docs/methods.md §3.7–3.8 and §8.9 (Pareto/NBD, sBG).
"""
from helpers.btyd.base import FittedModel, summary_arrays
from helpers.btyd.bgnbd import BetaGeoModel
from helpers.btyd.clv import customer_clv, frequency_recency_grid, holdout_comparison
from helpers.btyd.gamma_gamma import GammaGammaModel
from helpers.btyd.pareto_nbd import ParetoNBDModel
from helpers.btyd.sbg import ShiftedBetaGeoModel
from helpers.btyd.summary import btyd_summary

__all__ = ["btyd_summary", "BetaGeoModel", "ParetoNBDModel", "GammaGammaModel", "ShiftedBetaGeoModel",
           "customer_clv", "holdout_comparison", "frequency_recency_grid", "summary_arrays"]
