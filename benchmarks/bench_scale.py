"""Scale: N transactions in Parquet, larger than a comfortable pandas frame, → RFM → scores → segments.

The input is written in chunks (never the whole table in memory), in two layouts of the same
purchases: ``orders`` (one row per order, order ids rising) and ``lines`` (invoice lines: every
tenth row is a second line of the order before it, so order ids repeat and ``rfm_table`` must
count distinct orders per customer). Cases: the kit's ``rfm_table`` on a Polars lazy scan
(streaming engine), on a plain DuckDB relation, and on ``scan_transactions`` (DuckDB under a
memory limit, spilling to disk), for each layout (``*_lines``); all end in the same
per-customer pandas table, then ``rfm_score`` and ``rfm_segment``. Peak memory per case comes
from the runner (a fresh process, ``ru_maxrss``).
Run: ``python benchmarks/run.py --only scale --rows 100000000``.
"""
from __future__ import annotations

from functools import partial
from pathlib import Path

import numpy as np

NAME = "scale"
REFERENCE = "polars_lazy"
AS_OF = "2025-01-01"
CUSTOMERS_PER_ROW = 0.05          # twenty transactions per customer on average
CHUNK_ROWS = 5_000_000            # rows generated and written at a time
SPILL_DIR = "duckdb_spill"        # under the bench workdir: a real disk
_KIT = ["helpers.rfm", "helpers.rfm", "helpers.segments"]
LAYOUTS = ("orders", "lines")
IMPORTS = {name + suffix: [engine, "pyarrow", *_KIT] for suffix in ("", "_lines")
           for name, engine in (("polars_lazy", "polars"), ("duckdb_relation", "duckdb"),
                                ("duckdb_out_of_core", "duckdb"))}


def _chunk(rng, rows: int, first_row: int, customers: int, layout: str):
    """One seeded chunk as an Arrow table: Pareto-skewed customers over two years."""
    import pyarrow as pa

    who = np.minimum((rng.pareto(1.5, rows) * customers / 20).astype(np.int64), customers - 1)
    seconds = rng.integers(0, 730 * 86_400, rows)
    amounts = np.round(rng.lognormal(3.5, 0.8, rows), 2)
    order = np.arange(first_row, first_row + rows, dtype=np.int64)
    if layout == "lines":  # the second line shares the order, customer and time of the line before
        second = order % 10 == 9
        line_of = np.where(second, np.arange(rows) - 1, np.arange(rows))
        who, seconds, order = who[line_of], seconds[line_of], order - second
    ids = np.char.add("C", np.char.zfill(who.astype(str), 9))
    return pa.table({
        "customer_id": pa.array(ids, pa.string()),
        "order_id": pa.array(order),
        "order_date": pa.array(np.datetime64("2023-01-01T00:00:00", "us") + seconds.astype("timedelta64[s]")),
        "amount": pa.array(amounts),
    })


def _write(path: Path, rows: int, layout: str) -> None:
    """Write ``rows`` seeded transactions to one Parquet file, chunk by chunk (once per size)."""
    import pyarrow.parquet as pq

    rng = np.random.default_rng(20250101)
    customers = max(1, int(rows * CUSTOMERS_PER_ROW))
    unfinished = path.with_suffix(".partial")
    writer = None
    for start in range(0, rows, CHUNK_ROWS):
        table = _chunk(rng, min(CHUNK_ROWS, rows - start), start, customers, layout)
        writer = writer or pq.ParquetWriter(unfinished, table.schema)
        writer.write_table(table, row_group_size=1_000_000)
    writer.close()
    unfinished.rename(path)          # a half-written file is never mistaken for a finished one


def prepare(rows: int, workdir: Path) -> dict:
    """Both layouts of ``rows`` seeded transactions, each written once per size."""
    paths = {}
    for layout in LAYOUTS:
        path = Path(workdir) / f"scale_{layout}_{rows}.parquet"
        if not path.exists():
            _write(path, rows, layout)
        paths[layout] = str(path)
    return {"paths": paths, "as_of": AS_OF, "spill": str(Path(workdir) / SPILL_DIR)}


def _segments(rfm):
    from helpers.rfm import rfm_score
    from helpers.segments import rfm_segment

    return rfm_segment(rfm_score(rfm), "r_rfm10").table


def _polars_lazy(params, layout):
    import polars as pl

    from helpers.rfm import rfm_table

    return _segments(rfm_table(pl.scan_parquet(params["paths"][layout]), params["as_of"]))


def _duckdb_relation(params, layout):
    import duckdb

    from helpers.rfm import rfm_table

    connection = duckdb.connect()
    relation = connection.read_parquet(params["paths"][layout])
    return _segments(rfm_table(relation, params["as_of"]))


def _duckdb_out_of_core(params, layout):
    from helpers.rfm import rfm_table, scan_transactions

    relation = scan_transactions(params["paths"][layout], temp_directory=params["spill"])  # 3 GB limit
    return _segments(rfm_table(relation, params["as_of"]))


ENGINES = {"polars_lazy": _polars_lazy, "duckdb_relation": _duckdb_relation,
           "duckdb_out_of_core": _duckdb_out_of_core}


def cases() -> dict:
    """Every engine on each layout: ``polars_lazy`` (orders), ``polars_lazy_lines`` (lines), …"""
    return {name + ("" if layout == "orders" else f"_{layout}"): partial(run, layout=layout)
            for layout in LAYOUTS for name, run in ENGINES.items()}
