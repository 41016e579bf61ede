"""BTYD fitting: BG/NBD + Gamma-Gamma (and Pareto/NBD) on the full CDNOW master, 23,570 customers.

Input: the kit's weekly summary of the CDNOW master (``btyd_summary(load_cdnow()[0], period="W")``:
x, t_x, T, zbar for 23,570 customers, 11,104 distinct ``x, t_x, T``), written once to Parquet.
Each case reads that file and fits the models; the reading is the same for every case.

| case | what runs |
|---|---|
| ``kit`` | ``BetaGeoModel.fit`` + ``GammaGammaModel.fit`` (grouped customers, analytic gradients, L-BFGS-B, standard errors) |
| ``lifetimes`` (reference when installed) | lifetimes' ``BetaGeoFitter`` + ``GammaGammaFitter`` on the same columns |
| ``kit_pareto_nbd`` / ``lifetimes_pareto_nbd`` | the Pareto/NBD fits |

lifetimes is an optional peer, never installed by the kit; without it the kit's cases run alone
(ratios against ``kit``). ``--rows`` does not apply (the dataset is fixed). The kit's first fit in
a fresh process also loads the message catalogue (~0.1 s) for the DataWarning the master's one
repeat customer with $0 spend raises; in a notebook ``helpers.setup()`` has loaded it already.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

NAME = "btyd"
HAVE_LIFETIMES = importlib.util.find_spec("lifetimes") is not None
REFERENCE = "lifetimes" if HAVE_LIFETIMES else "kit"
# helpers.btyd loads its models when first used and SciPy's optimiser when first fitting; lifetimes
# imports both with itself: both are imported before the clock starts.
_KIT = ["pandas", "pyarrow", "scipy.optimize", "helpers.btyd.summary"]
IMPORTS = {"kit": _KIT + ["helpers.btyd.bgnbd", "helpers.btyd.gamma_gamma"], "kit_pareto_nbd": _KIT + ["helpers.btyd.pareto_nbd"],
           "lifetimes": ["pandas", "pyarrow", "lifetimes"], "lifetimes_pareto_nbd": ["pandas", "pyarrow", "lifetimes"]}


def prepare(rows: int, workdir: Path) -> dict:
    """Write the CDNOW master's weekly BTYD summary once (``rows`` is ignored)."""
    path = Path(workdir) / "btyd_cdnow_master_summary.parquet"
    if not path.exists():
        from helpers.btyd import btyd_summary
        from helpers.data import load_cdnow

        summary = btyd_summary(load_cdnow()[0], period="W").reset_index()
        summary.attrs = {}                       # as_of and period are not needed (and not JSON)
        summary.to_parquet(path)
    return {"path": str(path)}


def _summary(params):
    import pandas as pd

    return pd.read_parquet(params["path"])


def _kit(params):
    from helpers.btyd import BetaGeoModel, GammaGammaModel

    summary = _summary(params)
    return BetaGeoModel.fit(summary), GammaGammaModel.fit(summary)


def _kit_pareto_nbd(params):
    from helpers.btyd import ParetoNBDModel

    return ParetoNBDModel.fit(_summary(params))


def _lifetimes(params):
    from lifetimes import BetaGeoFitter, GammaGammaFitter

    summary = _summary(params)
    bgnbd = BetaGeoFitter().fit(summary["x"], summary["t_x"], summary["T"])
    repeat = summary[(summary["x"] > 0) & (summary["zbar"] > 0)]
    return bgnbd, GammaGammaFitter().fit(repeat["x"], repeat["zbar"])


def _lifetimes_pareto_nbd(params):
    from lifetimes import ParetoNBDFitter

    summary = _summary(params)
    return ParetoNBDFitter().fit(summary["x"], summary["t_x"], summary["T"])


def cases() -> dict:
    """The kit's fits, and lifetimes' when it is installed."""
    out = {"kit": _kit, "kit_pareto_nbd": _kit_pareto_nbd}
    if HAVE_LIFETIMES:
        out.update(lifetimes=_lifetimes, lifetimes_pareto_nbd=_lifetimes_pareto_nbd)
    return out
