"""RFM pipeline: Parquet transactions → recency / frequency / monetary → R ``rfm`` scores → 10 segments.

Four inputs of the same size (``benchmarks/transactions.py``): one row per order or invoice lines
(every tenth row a second line of an order), with integer or text customer ids. In each group
(``orders-int``, ``lines-text``, …) the kit is compared with the code an analyst would write by
hand for that layout, in Polars and in DuckDB SQL (count rows for one row per order, distinct
orders for invoice lines); ratios are to the faster of the two.

| case | what runs |
|---|---|
| ``kit`` | the documented fast path: ``rfm_table(pl.scan_parquet(path), grain=…, collect=False)`` → ``rfm_score`` → ``rfm_segment(…, "r_rfm10")``, all in Polars, the result a Polars frame |
| ``kit_auto`` | the default: ``rfm_table(pl.scan_parquet(path))`` (``grain="auto"``: proves or counts) → pandas → scores → segments |
| ``polars`` | hand-written Polars: one lazy ``group_by`` (``pl.len()`` or ``n_unique``), NumPy quantile breaks, scores, a cell → segment lookup |
| ``duckdb`` | hand-written DuckDB SQL: one query (``count(*)`` or ``count(DISTINCT order_id)``, ``quantile_cont`` breaks, scores, a join on the segment table), fetched as Arrow |
| ``polars_aggregation`` | not a pipeline: the Polars ``group_by`` of ``polars`` alone (last purchase, orders, revenue per customer), the least any pipeline on Polars does; it bounds what the kit on Polars can reach |

Every pipeline (all cases but the ``FLOORS``) ends with the same per-customer table (ids, R/F/M
values, scores, segment);
``tests/test_rfm_benchmark.py`` checks that on a small input. Targets: the kit ≤ 1.0× the
faster hand-written peer at 3 M and 10 M rows, peak memory ≤ the peer's + 20 %.
"""
from __future__ import annotations

from functools import partial
from pathlib import Path

import numpy as np

from benchmarks.transactions import IDS, LAYOUTS, write_transactions

NAME = "rfm"
REFERENCES = ("polars", "duckdb")
FLOORS = ("polars_aggregation",)    # timed beside the pipelines, not one of them
SIZES = [3_000_000, 10_000_000]
AS_OF = "2025-01-01"
GRAIN = {"orders": "order", "lines": "line"}
# Imports are not timed: every module a case's run imports, its libraries' lazy ones included
# (narwhals' Polars backend; numpy.ma, which Polars imports to read a NumPy array; pandas, which
# DuckDB imports to register a table), is imported before the clock
# (tests/test_rfm_benchmark.py checks that a run imports nothing more).
_KIT = ["polars", "narwhals", "narwhals._namespace", "narwhals._polars.namespace", "narwhals._polars.dataframe",
        "narwhals._polars.group_by", "narwhals.group_by", "narwhals._interchange.dataframe",
        "helpers.rfm", "helpers.segments"]    # no pandas: the fast path never imports it
KIT_DUCKDB_MODULES = ["duckdb", "pyarrow", "pyarrow.compute", "narwhals", "narwhals._namespace",
                      "narwhals._duckdb.namespace", "narwhals._duckdb.dataframe", "narwhals._duckdb.group_by",
                      "narwhals.group_by", "narwhals._arrow.dataframe", "narwhals._interchange.dataframe",
                      "helpers.rfm", "helpers.segments"]    # no pandas either
ARROW_TO_PANDAS_MODULES = ["pandas", "pyarrow", "pyarrow.pandas_compat", "pyarrow.vendored.version"]
IMPORTS = {f"{layout}-{ids}:{case}": modules for layout in LAYOUTS for ids in IDS
           for case, modules in (("kit", _KIT), ("kit_auto", _KIT + ARROW_TO_PANDAS_MODULES),
                                 ("kit_duckdb", KIT_DUCKDB_MODULES),
                                 ("polars", ["polars", "numpy", "numpy.ma"]), ("polars_aggregation", ["polars"]),
                                 ("duckdb", ["duckdb", "pyarrow.compute", *ARROW_TO_PANDAS_MODULES]))}


def prepare(rows: int, workdir: Path) -> dict:
    """The four inputs of ``rows`` transactions (written once per size) and the segment table."""
    from helpers.segment_rules import R_RFM10, rule_cells

    paths = {f"{layout}-{ids}": str(write_transactions(Path(workdir) / f"rfm_{layout}_{ids}_{rows}.parquet",
                                                        rows, layout, ids))
             for layout in LAYOUTS for ids in IDS}
    # the hand-written pipelines get the segment of each score cell as plain data ("555": "champions")
    return {"paths": paths, "as_of": AS_OF, "segments": rule_cells(R_RFM10)}


def _kit_in_engine(tx, params, group: str):
    """The fast path's calls on transactions of any engine; the result stays in that engine."""
    from helpers.rfm import rfm_score, rfm_table
    from helpers.segments import rfm_segment

    rfm = rfm_table(tx, params["as_of"], grain=GRAIN[group.split("-")[0]], collect=False)
    return rfm_segment(rfm_score(rfm), "r_rfm10").table


def kit(params, group: str):
    import polars as pl

    return _kit_in_engine(pl.scan_parquet(params["paths"][group]), params, group).collect()


def kit_duckdb(params, group: str):
    import duckdb

    return _kit_in_engine(duckdb.connect().read_parquet(params["paths"][group]), params, group).to_arrow_table()


def kit_auto(params, group: str):
    import polars as pl

    from helpers.rfm import rfm_score, rfm_table
    from helpers.segments import rfm_segment

    rfm = rfm_table(pl.scan_parquet(params["paths"][group]), params["as_of"])
    return rfm_segment(rfm_score(rfm), "r_rfm10").table


def _scores(values: np.ndarray, reverse: bool) -> np.ndarray:
    """R rfm binning written out by hand: breaks = type-7 quantiles + 1, [lower, upper)."""
    breaks = np.quantile(values, [0.2, 0.4, 0.6, 0.8]) + 1
    bins = np.searchsorted(breaks, values, side="right") + 1
    return 6 - bins if reverse else bins


def _per_customer(path: str, group: str):
    """The hand-written aggregation: last purchase, orders (rows or distinct ids), revenue."""
    import polars as pl

    orders = pl.len() if group.startswith("orders") else pl.col("order_id").n_unique()
    return pl.scan_parquet(path).group_by("customer_id").agg(
        pl.col("order_date").max().alias("last_purchase"), orders.alias("frequency"),
        pl.col("amount").sum().alias("monetary"))


def polars_aggregation(params, group: str):
    return _per_customer(params["paths"][group], group).collect()


def polars(params, group: str):
    import polars as pl

    as_of = pl.lit(np.datetime64(params["as_of"], "us"))
    rfm = (_per_customer(params["paths"][group], group)
           .with_columns((as_of - pl.col("last_purchase").dt.truncate("1d")).dt.total_days().alias("recency_days"))
           .collect())
    r, f, m = (_scores(rfm[c].to_numpy(), c == "recency_days") for c in ("recency_days", "frequency", "monetary"))
    cell = pl.Series("rfm_score", 100 * r + 10 * f + m)
    segments = {int(c): segment for c, segment in params["segments"].items()}
    return rfm.with_columns(pl.Series("R", r), pl.Series("F", f), pl.Series("M", m), cell,
                            cell.replace_strict(segments, return_dtype=pl.String).alias("segment"))


def rfm_sql(path: str, as_of: str, distinct_orders: bool) -> str:
    """The whole pipeline as one DuckDB query, as an analyst writes it (needs a ``segments`` table)."""
    orders = "count(DISTINCT order_id)" if distinct_orders else "count(*)"

    def score(column, breaks, reverse):
        bins = " + ".join(f"({column} >= {breaks}[{k}] + 1)::INT" for k in range(1, 5))
        return f"6 - (1 + {bins})" if reverse else f"1 + {bins}"

    return f"""
        WITH rfm AS (
            SELECT customer_id, date_diff('day', max(order_date)::DATE, DATE '{as_of}') AS recency_days,
                   {orders} AS frequency, sum(amount) AS monetary
            FROM read_parquet('{path}') GROUP BY customer_id),
        breaks AS (
            SELECT quantile_cont(recency_days, [0.2, 0.4, 0.6, 0.8]) AS r,
                   quantile_cont(frequency, [0.2, 0.4, 0.6, 0.8]) AS f,
                   quantile_cont(monetary, [0.2, 0.4, 0.6, 0.8]) AS m FROM rfm),
        scored AS (
            SELECT rfm.*, {score("recency_days", "r", True)} AS R, {score("frequency", "f", False)} AS F,
                   {score("monetary", "m", False)} AS M
            FROM rfm, breaks)
        SELECT scored.*, 100 * R + 10 * F + M AS rfm_score, segments.segment
        FROM scored JOIN segments ON segments.cell = 100 * R + 10 * F + M"""


def segment_table(segments: dict):
    """The cell → segment mapping as an Arrow table, for SQL joins."""
    import pyarrow as pa

    return pa.table({"cell": [int(c) for c in segments], "segment": list(segments.values())})


def duckdb_sql(params, group: str):
    import duckdb

    connection = duckdb.connect()
    connection.register("segments", segment_table(params["segments"]))
    query = rfm_sql(params["paths"][group], params["as_of"], distinct_orders=group.startswith("lines"))
    return connection.sql(query).to_arrow_table()


IMPLEMENTATIONS = {"kit": kit, "kit_duckdb": kit_duckdb, "kit_auto": kit_auto, "polars": polars, "duckdb": duckdb_sql,
                   "polars_aggregation": polars_aggregation}


def cases() -> dict:
    """Every implementation on every input: ``"orders-int:kit"``, ``"lines-text:duckdb"``, …"""
    return {f"{layout}-{ids}:{name}": partial(run, group=f"{layout}-{ids}")
            for layout in LAYOUTS for ids in IDS for name, run in IMPLEMENTATIONS.items()}
