"""RFM pipeline: transactions in Parquet → per-customer RFM → scores → R ``rfm`` 10 segments.

Cases: the kit (``rfm_table`` on a Polars lazy scan, ``rfm_score``, ``rfm_segment``), the same
steps hand-written in Polars, plain pandas, and lifetimes' / PyMC-Marketing's summaries when
those packages happen to be installed (they are optional peers, never installed for this).
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np

NAME = "rfm"
REFERENCE = "polars"
AS_OF = "2024-01-01"
CUSTOMERS_PER_ROW = 0.1  # ten transactions per customer on average
# imported before the clock starts (import time is not pipeline time; memory still counts it)
IMPORTS = {"kit": ["polars", "pyarrow", "helpers.rfm", "helpers.rfm", "helpers.segments"],
           "polars": ["polars"], "pandas": ["pandas", "pyarrow"],
           "lifetimes": ["pandas", "pyarrow", "lifetimes.utils"],
           "pymc_marketing": ["pandas", "pyarrow", "pymc_marketing.clv.utils"]}


def prepare(rows: int, workdir: Path) -> dict:
    """Write seeded synthetic transactions (customer_id, order_id, order_date, amount) once."""
    import polars as pl

    path = Path(workdir) / f"rfm_tx_{rows}.parquet"
    if not path.exists():
        rng = np.random.default_rng(20240101)
        customers = max(1, int(rows * CUSTOMERS_PER_ROW))
        # skewed activity: some customers buy far more often than others
        who = np.minimum((rng.pareto(1.5, rows) * customers / 20).astype(np.int64), customers - 1)
        days = rng.integers(0, 730, rows)
        frame = pl.DataFrame({
            "customer_id": pl.Series(who).cast(pl.String).str.zfill(8),
            "order_id": np.arange(rows, dtype=np.int64),
            "order_date": pl.Series(np.datetime64("2022-01-01") + days.astype("timedelta64[D]"))
                            .cast(pl.Datetime("us")),
            "amount": np.round(rng.lognormal(3.5, 0.8, rows), 2),
        })
        frame.write_parquet(path)
    from helpers.segment_rules import R_RFM10, rule_cells

    # the hand-written pipelines get the segment of each score cell as plain data
    return {"path": str(path), "as_of": AS_OF, "segments": rule_cells(R_RFM10)}


def _kit(params):
    import polars as pl

    from helpers.rfm import rfm_table
    from helpers.rfm import rfm_score
    from helpers.segments import rfm_segment

    rfm = rfm_table(pl.scan_parquet(params["path"]), params["as_of"])
    return rfm_segment(rfm_score(rfm), "r_rfm10").table


def _r_rfm_scores(values: np.ndarray, reverse: bool) -> np.ndarray:
    """R rfm binning written out by hand: breaks = type-7 quantiles + 1, [lower, upper)."""
    breaks = np.quantile(values, [0.2, 0.4, 0.6, 0.8]) + 1
    bins = np.searchsorted(breaks, values, side="right") + 1
    return 6 - bins if reverse else bins


def _polars(params):
    import polars as pl

    as_of = pl.lit(np.datetime64(params["as_of"], "us"))
    rfm = (pl.scan_parquet(params["path"]).group_by("customer_id")
           .agg(pl.col("order_date").max().alias("last"), pl.col("order_id").n_unique().alias("frequency"),
                pl.col("amount").sum().alias("monetary"))
           .with_columns(((as_of - pl.col("last")).dt.total_days()).alias("recency_days"))
           .collect())
    scores = {dim: _r_rfm_scores(rfm[col].to_numpy(), dim == "R")
              for dim, col in (("R", "recency_days"), ("F", "frequency"), ("M", "monetary"))}
    cell = (pl.Series(scores["R"]).cast(pl.String) + pl.Series(scores["F"]).cast(pl.String)
            + pl.Series(scores["M"]).cast(pl.String))
    return rfm.with_columns(cell.alias("rfm_cell"),
                            cell.replace_strict(params["segments"]).alias("segment"))


def _pandas(params):
    import pandas as pd

    tx = pd.read_parquet(params["path"])
    rfm = tx.groupby("customer_id").agg(last=("order_date", "max"), frequency=("order_id", "nunique"),
                                        monetary=("amount", "sum"))
    rfm["recency_days"] = (pd.Timestamp(params["as_of"]) - rfm["last"]).dt.days
    scores = {dim: _r_rfm_scores(rfm[col].to_numpy(), dim == "R")
              for dim, col in (("R", "recency_days"), ("F", "frequency"), ("M", "monetary"))}
    rfm["rfm_cell"] = [f"{r}{f}{m}" for r, f, m in zip(scores["R"], scores["F"], scores["M"])]
    rfm["segment"] = rfm["rfm_cell"].map(params["segments"])
    return rfm


def _lifetimes(params):
    import pandas as pd
    from lifetimes.utils import summary_data_from_transaction_data

    tx = pd.read_parquet(params["path"])
    return summary_data_from_transaction_data(tx, "customer_id", "order_date", "amount",
                                              observation_period_end=params["as_of"])


def _pymc_marketing(params):
    import pandas as pd
    from pymc_marketing.clv.utils import rfm_summary

    tx = pd.read_parquet(params["path"])
    return rfm_summary(tx, "customer_id", "order_date", "amount", observation_period_end=params["as_of"])


def cases() -> dict:
    """The cases to run; optional peers only when they are installed."""
    out = {"kit": _kit, "polars": _polars, "pandas": _pandas}
    if importlib.util.find_spec("lifetimes"):
        out["lifetimes"] = _lifetimes
    if importlib.util.find_spec("pymc_marketing"):
        out["pymc_marketing"] = _pymc_marketing
    return out
