"""Out of core: 100 M transactions in Parquet → RFM → scores → segments under a 2.5 GB memory limit.

Two layouts of the same purchases (``benchmarks/transactions.py``, text customer ids, one customer
per twenty rows: 3.6 M customers at 100 M rows): ``orders`` (one row per order) and ``lines``
(invoice lines: every tenth row a second line of an order, so orders are counted distinct). Every
case runs DuckDB on a connection capped at ``MEMORY_LIMIT`` that spills to ``duckdb_spill`` in the
work directory (a real disk), and writes the segmented customers to Parquet:

| case | what runs |
|---|---|
| ``kit`` | ``rfm_table(scan_transactions(path, …), grain=…, collect=False)`` → ``rfm_score`` → ``rfm_segment(…, "r_rfm10")``, all in DuckDB, then ``write_parquet`` |
| ``kit_pandas`` | ``rfm_table(scan_transactions(path, …), grain=…)``: the aggregation in DuckDB, 3.6 M customers scored and segmented in pandas, then ``write_parquet`` |
| ``duckdb`` (reference) | the same pipeline as one raw DuckDB SQL query (``benchmarks/bench_rfm.py``), ``COPY … TO`` Parquet |

Target: ``kit`` ≤ 1.2× the raw SQL at the same memory limit, peak ≤ 3 GB, in both
layouts. ``tests/test_rfm_benchmark.py`` checks that every case writes pandas' segments.
Run: ``python benchmarks/run.py --only scale`` (100 M rows: two files of ~2 GB, written once).
"""
from __future__ import annotations

from functools import partial
from pathlib import Path

from benchmarks.bench_rfm import ARROW_TO_PANDAS_MODULES, KIT_DUCKDB_MODULES, rfm_sql, segment_table
from benchmarks.transactions import LAYOUTS, write_transactions

NAME = "scale"
REFERENCE = "duckdb"
SIZES = [100_000_000]
AS_OF = "2025-01-01"
MEMORY_LIMIT = "2.5GB"          # DuckDB keeps its buffers under it; the process peaks a little above
GRAIN = {"orders": "order", "lines": "line"}
# every module a run imports, before the clock (as in bench_rfm; tests/test_rfm_benchmark.py checks it)
_PARQUET_FROM_PANDAS = ["pyarrow.parquet", "pandas.core.arrays.arrow.extension_types", "helpers.data.exports"]
IMPORTS = {f"{layout}:{case}": modules for layout in LAYOUTS
           for case, modules in (("kit", KIT_DUCKDB_MODULES),
                                 ("kit_pandas", KIT_DUCKDB_MODULES + ARROW_TO_PANDAS_MODULES + _PARQUET_FROM_PANDAS),
                                 ("duckdb", ["duckdb", "pyarrow.compute", *ARROW_TO_PANDAS_MODULES]))}


def prepare(rows: int, workdir: Path) -> dict:
    """Both layouts of ``rows`` seeded transactions, each written once per size."""
    from helpers.segment_rules import R_RFM10, rule_cells

    workdir = Path(workdir)
    paths = {layout: str(write_transactions(workdir / f"scale_{layout}_{rows}.parquet", rows, layout, "text",
                                            customers_per_row=0.05)) for layout in LAYOUTS}
    return {"paths": paths, "as_of": AS_OF, "spill": str(workdir / "duckdb_spill"),
            "out": str(workdir / f"scale_segments_{rows}"), "segments": rule_cells(R_RFM10)}


def segments(rfm):
    """Scores and R ``rfm`` segments of an RFM table, where it lives."""
    from helpers.rfm import rfm_score
    from helpers.segments import rfm_segment

    return rfm_segment(rfm_score(rfm), "r_rfm10").table


def _out(params, layout: str, case: str) -> Path:
    out = Path(params["out"])
    out.mkdir(parents=True, exist_ok=True)
    return out / f"{layout}_{case}.parquet"


def kit(params, layout: str):
    from helpers.rfm import rfm_table, scan_transactions

    relation = scan_transactions(params["paths"][layout], memory_limit=MEMORY_LIMIT, temp_directory=params["spill"])
    table = segments(rfm_table(relation, params["as_of"], grain=GRAIN[layout], collect=False))
    path = _out(params, layout, "kit")
    table.write_parquet(str(path))
    return path


def kit_pandas(params, layout: str):
    from helpers.data.exports import write_parquet
    from helpers.rfm import rfm_table, scan_transactions

    relation = scan_transactions(params["paths"][layout], memory_limit=MEMORY_LIMIT, temp_directory=params["spill"])
    table = segments(rfm_table(relation, params["as_of"], grain=GRAIN[layout]))
    return write_parquet(table.reset_index(), _out(params, layout, "kit_pandas"))


def duckdb_sql(params, layout: str):
    import duckdb

    connection = duckdb.connect(config={"memory_limit": MEMORY_LIMIT, "temp_directory": params["spill"]})
    connection.register("segments", segment_table(params["segments"]))
    path = _out(params, layout, "duckdb")
    query = rfm_sql(params["paths"][layout], params["as_of"], distinct_orders=layout == "lines")
    connection.execute(f"COPY ({query}) TO '{path}' (FORMAT parquet)")
    return path


def cases() -> dict:
    """Every case on each layout: ``"orders:kit"``, ``"lines:duckdb"``, …"""
    implementations = {"kit": kit, "kit_pandas": kit_pandas, "duckdb": duckdb_sql}
    return {f"{layout}:{name}": partial(run, layout=layout) for layout in LAYOUTS
            for name, run in implementations.items()}
