"""Scores and segments of N customers: in pandas, or where the per-customer table lives (Polars, DuckDB).

Input: a seeded per-customer RFM table (``recency_days``, ``frequency``, ``monetary``, ``orders``,
``revenue``; a ``customer_id`` column of text ids; skewed like real data: 60 % one-time buyers) in
Parquet. ``--rows`` is the number of customers. Each case reads it, scores it (``r_rfm``, 5 bins)
and segments it (``r_rfm10``):

| case | what runs |
|---|---|
| ``pandas`` (reference) | ``pd.read_parquet`` → ``rfm_score`` → ``rfm_segment`` in pandas |
| ``polars`` | ``pl.scan_parquet`` → ``rfm_score`` → ``rfm_segment`` in Polars (breaks by one sort per column), collected |
| ``duckdb`` | ``duckdb.read_parquet`` → the same in DuckDB (breaks from aggregates), written to Parquet |

This is the measurement behind "up to how many customers pandas is the better choice"
(docs/methods.md §1.1, "Scores in the engine").
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

NAME = "scoring"
REFERENCE = "pandas"
SIZES = [100_000, 1_000_000, 10_000_000]
_KIT = ["helpers.rfm", "helpers.segments"]
IMPORTS = {"pandas": ["pandas", "pyarrow", *_KIT], "polars": ["polars", *_KIT], "duckdb": ["duckdb", *_KIT]}


def prepare(rows: int, workdir: Path) -> dict:
    """A seeded per-customer table of ``rows`` customers, written once."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = Path(workdir) / f"scoring_customers_{rows}.parquet"
    if not path.exists():
        rng = np.random.default_rng(7)
        frequency = np.where(rng.random(rows) < 0.6, 1, 2 + rng.geometric(0.3, rows))
        revenue = np.round(frequency * rng.lognormal(3.5, 0.8, rows), 2)
        table = pa.table({"customer_id": pa.array(np.char.add("C", np.char.zfill(np.arange(rows).astype(str), 9))),
                          "recency_days": pa.array(rng.integers(1, 730, rows)),
                          "frequency": pa.array(frequency), "monetary": pa.array(revenue),
                          "orders": pa.array(frequency), "revenue": pa.array(revenue)})
        pq.write_table(table, path.with_suffix(".partial"), row_group_size=1_000_000)
        path.with_suffix(".partial").rename(path)
    return {"path": str(path), "out": str(Path(workdir) / f"scoring_segments_{rows}.parquet")}


def _segments(rfm):
    from helpers.rfm import rfm_score
    from helpers.segments import rfm_segment

    return rfm_segment(rfm_score(rfm), "r_rfm10").table


def pandas(params):
    import pandas as pd

    return _segments(pd.read_parquet(params["path"]).set_index("customer_id"))


def polars(params):
    import polars as pl

    return _segments(pl.scan_parquet(params["path"])).collect()


def duckdb(params):
    import duckdb

    _segments(duckdb.connect().read_parquet(params["path"])).write_parquet(params["out"])
    return params["out"]


def cases() -> dict:
    return {"pandas": pandas, "polars": polars, "duckdb": duckdb}
