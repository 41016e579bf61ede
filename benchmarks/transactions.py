"""Seeded synthetic transactions for the benchmarks, written to Parquet chunk by chunk.

Customers are Pareto-skewed (a few buy very often), times are spread over two years to the
second, amounts are lognormal in cents. Two layouts of the same purchases:

- ``orders``: one row per order, order ids rising in file order;
- ``lines``: invoice lines — every tenth row is a second line of the order before it (same
  customer, same time), so order ids repeat and orders must be counted distinct.

Customer ids are whole numbers (``ids="int"``) or text (``"text"``: ``C000012345``). The generator
never holds more than one chunk; a half-written file is never mistaken for a finished one.

    >>> import tempfile, pathlib, pyarrow.parquet as pq
    >>> path = write_transactions(pathlib.Path(tempfile.mkdtemp()) / "t.parquet", 1000, "lines", "text")
    >>> table = pq.read_table(path)
    >>> table.num_rows, table.column("customer_id").type, len(set(table.column("order_id").to_pylist()))
    (1000, DataType(string), 900)
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

LAYOUTS = ("orders", "lines")
IDS = ("int", "text")
CHUNK_ROWS = 5_000_000            # rows generated and written at a time


def _chunk(rng, rows: int, first_row: int, customers: int, layout: str, ids: str):
    import pyarrow as pa

    who = np.minimum((rng.pareto(1.5, rows) * customers / 20).astype(np.int64), customers - 1)
    seconds = rng.integers(0, 730 * 86_400, rows)
    amounts = np.round(rng.lognormal(3.5, 0.8, rows), 2)
    order = np.arange(first_row, first_row + rows, dtype=np.int64)
    if layout == "lines":  # the second line shares the order, customer and time of the line before
        second = order % 10 == 9
        line_of = np.where(second, np.arange(rows) - 1, np.arange(rows))
        who, seconds, order = who[line_of], seconds[line_of], order - second
    customer = (pa.array(np.char.add("C", np.char.zfill(who.astype(str), 9)), pa.string()) if ids == "text"
                else pa.array(who))
    return pa.table({
        "customer_id": customer,
        "order_id": pa.array(order),
        "order_date": pa.array(np.datetime64("2023-01-01T00:00:00", "us") + seconds.astype("timedelta64[s]")),
        "amount": pa.array(amounts),
    })


def write_transactions(path, rows: int, layout: str, ids: str, *, customers_per_row: float = 0.1,
                       seed: int = 20250101) -> Path:
    """Write ``rows`` seeded transactions to one Parquet file (1 M-row row groups), once."""
    import pyarrow.parquet as pq

    path = Path(path)
    if path.exists():
        return path
    rng = np.random.default_rng(seed)
    customers = max(1, int(rows * customers_per_row))
    unfinished = path.with_suffix(".partial")
    writer = None
    for start in range(0, rows, CHUNK_ROWS):
        table = _chunk(rng, min(CHUNK_ROWS, rows - start), start, customers, layout, ids)
        writer = writer or pq.ParquetWriter(unfinished, table.schema)
        writer.write_table(table, row_group_size=1_000_000)
    writer.close()
    unfinished.rename(path)
    return path
