"""Buy-till-you-die models: the per-customer summary (:func:`btyd_summary`), BG/NBD, Pareto/NBD,
Gamma-Gamma, the shifted-beta-geometric model for contract customers, and CLV per customer.

Every model is a value (its published parameters) with a ``fit`` classmethod that also records
the log-likelihood, standard errors and 95 % intervals (``model.summary()``).

    >>> from helpers.btyd import BetaGeoModel
    >>> model = BetaGeoModel(r=0.243, alpha=4.414, a=0.793, b=2.426)
    >>> round(float(model.expected_purchases(39)), 3)
    1.197

Sources: docs/methods.md §3.7–3.8 and §8.9 (Pareto/NBD, sBG).

The names below are loaded when first used (PEP 562): :func:`btyd_summary` reads transactions and
needs no SciPy, so that a step that only summarises (the report's, before its second process
fits the models) does not wait for SciPy's import.
"""
from helpers.lazy import lazy_names

__all__ = ["btyd_summary", "BetaGeoModel", "ParetoNBDModel", "GammaGammaModel", "ShiftedBetaGeoModel",
           "customer_clv", "holdout_comparison", "frequency_recency_grid", "summary_arrays"]

_HOMES = {"btyd_summary": "summary", "BetaGeoModel": "bgnbd", "ParetoNBDModel": "pareto_nbd",
          "GammaGammaModel": "gamma_gamma", "ShiftedBetaGeoModel": "sbg", "customer_clv": "clv",
          "holdout_comparison": "clv", "frequency_recency_grid": "clv", "summary_arrays": "base",
          "FittedModel": "base"}

__getattr__, __dir__ = lazy_names(__name__, _HOMES, globals())
