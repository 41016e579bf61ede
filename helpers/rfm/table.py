"""Per-customer RFM table (recency, frequency, monetary value), computed where the data lives.

The aggregation (transactions → one row per customer) is written once with ``narwhals``, so a
pandas frame, a Polars DataFrame or LazyFrame (it stays lazy until the single ``collect``, which
runs on Polars' streaming engine), a DuckDB relation and a PySpark DataFrame (the aggregation runs
on Spark) all give the same numbers; the result is always a small pandas table. For Parquet files
too large to aggregate in memory, :func:`scan_transactions` gives a DuckDB relation that spills to
disk under a memory limit. On Spark, store order dates as ``TIMESTAMP_NTZ`` (or set
``spark.sql.session.timeZone`` to the zone they were written in): days are cut in the session
time zone.

    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b"], "amount": [10.0, 20.0, 5.0],
    ...     "order_date": pd.to_datetime(["2024-01-01", "2024-01-05", "2024-01-03"])})
    >>> rfm_table(tx)[["recency_days", "frequency", "monetary"]].to_dict("index")
    {'a': {'recency_days': 1, 'frequency': 2, 'monetary': 30.0}, 'b': {'recency_days': 3, 'frequency': 1, 'monetary': 5.0}}

Definitions: docs/methods.md §0 (recency in days, frequency = distinct orders, monetary = total).
"""
from __future__ import annotations

import narwhals as nw
import pandas as pd

from helpers.data.engines import as_lazy, collect, require_transactions, resolve_as_of
from helpers.errors import warn
from helpers.validation import Options, validate_params

__all__ = ["rfm_table", "scan_transactions"]

_DAY = "__purchase_day"
_SAMPLE_ROWS = 100_000  # rows looked at first for repeated order ids


def scan_transactions(path, *, memory_limit: str = "3GB", temp_directory=None):
    """A lazy DuckDB relation over Parquet transactions, for :func:`rfm_table` out of core.

    For files whose per-customer state does not fit in memory (above all one hash entry per
    distinct order, which invoice lines need). The relation runs on its own DuckDB connection
    whose buffer pool is capped at ``memory_limit``; aggregation beyond it spills to
    ``temp_directory`` (DuckDB's default: ``.tmp`` in the working directory; choose a real disk,
    not a RAM-backed ``/tmp``). The limit must still hold the per-customer result: 100 M invoice
    lines of 3.6 M customers took 31 s with a process peak of 3.0 GB at the default 3 GB, where
    Polars' in-memory aggregation peaks at 8.8 GB; one row per order runs at a 1 GB limit
    (benchmarks/README.md, "RFM at scale").
    ``path`` is a Parquet file or a glob of them (``"tx/*.parquet"``).

    >>> import pandas as pd, tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "tx.parquet"
    >>> pd.DataFrame({"customer_id": ["a", "a"], "order_id": ["1", "2"], "amount": [1.0, 2.0],
    ...     "order_date": pd.to_datetime(["2024-01-01", "2024-01-03"])}).to_parquet(path)
    >>> rfm_table(scan_transactions(path, memory_limit="500MB"))["frequency"].tolist()
    [2]

    Source: DuckDB documentation, "Memory management" and "Tuning workloads".
    """
    import duckdb

    config = {"memory_limit": memory_limit}
    if temp_directory is not None:
        config["temp_directory"] = str(temp_directory)
    # the relation keeps its connection alive, so the limit travels with it
    return duckdb.connect(config=config).read_parquet(str(path))


def _distinct_is_rows(frame: nw.LazyFrame, column: str) -> bool:
    distinct, rows = collect(frame.select(nw.col(column).n_unique().alias("distinct"),
                                           nw.len().alias("rows"))).row(0)
    return distinct == rows


def _strictly_increasing(frame: nw.LazyFrame, column: str) -> bool:
    """Whether ``column`` (numbers, text or dates) rises from row to row of a Polars frame
    (other engines and other types: False).

    Only Polars keeps a row order in a lazy query (a file is scanned in its own order).
    """
    dtype = frame.collect_schema()[column]
    orderable = dtype.is_numeric() or dtype.is_temporal() or dtype == nw.String
    if frame.implementation is not nw.Implementation.POLARS or not orderable:
        return False
    import polars as pl

    ids = pl.col(column)
    rising = (ids.null_count() == 0) & (ids > ids.shift(1)).slice(1).all()
    return bool(frame.to_native().select(rising).collect(engine="streaming").item())


def _one_row_per_order(frame: nw.LazyFrame, order_col: str) -> bool:
    """Whether no order id repeats, so each customer's distinct orders are simply its rows.

    Counting distinct ids inside every customer costs as much as the rest of the aggregation,
    and an order-level table (one row per order) does not need it. Line-item tables repeat an id
    on the lines of each order, which the first rows show at once; ids that rise from row to row
    (the usual export order) prove uniqueness in one linear pass; otherwise one count of the
    distinct ids in the whole table decides.
    """
    if not _distinct_is_rows(frame.head(_SAMPLE_ROWS), order_col):
        return False
    return _strictly_increasing(frame, order_col) or _distinct_is_rows(frame, order_col)


def _customer_aggregates(tx, customer_col: str, date_col: str, amount_col: str, order_col: str | None,
                         days: bool) -> pd.DataFrame:
    """One row per customer: first/last purchase, revenue, and distinct orders and/or days.

    One aggregation pass over the data; distinct orders are counted only when an order id
    repeats (:func:`_one_row_per_order`), distinct purchase days only when ``days``.
    """
    frame = as_lazy(tx)
    required = [customer_col, date_col, amount_col] + ([order_col] if order_col else [])
    require_transactions(frame, required, date_col, amount_col)
    aggregations = [
        nw.col(date_col).min().alias("first_purchase"),
        nw.col(date_col).max().alias("last_purchase"),
        nw.col(amount_col).sum().alias("revenue"),
        nw.col(amount_col).min().alias("_min_amount"),
    ]
    if order_col:
        orders = nw.len() if _one_row_per_order(frame, order_col) else nw.col(order_col).n_unique()
        aggregations.append(orders.alias("orders"))
    if days:
        # the day column is added first so every aggregation stays simple on every engine
        frame = frame.with_columns(nw.col(date_col).dt.truncate("1d").alias(_DAY))
        aggregations.append(nw.col(_DAY).n_unique().alias("purchase_days"))
    result = collect(frame.group_by(customer_col).agg(*aggregations))
    if result.schema[customer_col] == nw.String:  # the engine sorts text ids faster than pandas
        result = result.sort(customer_col)
    out = result.to_pandas().rename(columns={customer_col: "customer_id"})
    out["customer_id"] = out["customer_id"].astype("str")
    for column in ("first_purchase", "last_purchase"):
        out[column] = pd.to_datetime(out[column]).astype("datetime64[ns]")
    for column in ("orders", "purchase_days"):
        if column in out:
            out[column] = out[column].astype("int64")
    out["revenue"] = out["revenue"].astype("float64")
    negative = int((out.pop("_min_amount") < 0).sum())
    if negative:
        warn("warn_rfm_negative_amounts", n=negative, column=amount_col)
    out = out.set_index("customer_id")
    return out if out.index.is_monotonic_increasing else out.sort_index()


@validate_params(frequency=Options("orders", "days"), monetary=Options("sum", "mean"))
def rfm_table(tx, as_of=None, *, customer_col: str = "customer_id", date_col: str = "order_date",
              amount_col: str = "amount", order_col: str | None = "order_id", frequency: str = "orders",
              monetary: str = "sum") -> pd.DataFrame:
    """Recency (days), frequency and monetary value per customer, indexed by sorted ``customer_id``.

    ``tx`` may be pandas, Polars (eager or lazy), a DuckDB relation, or anything narwhals reads.
    ``frequency="orders"`` counts distinct ``order_col`` ids when that column exists, else distinct
    purchase days (``"days"`` always counts days); ``monetary="sum"`` is total spend, ``"mean"``
    spend per counted order/day. Also returned: ``first_purchase``, ``last_purchase``,
    ``revenue``, ``orders`` and, when days are counted, ``purchase_days``. Recency is whole days
    from the last purchase day to ``as_of`` (default: the day after the last purchase, see
    :func:`helpers.data.engines.resolve_as_of`); ``.attrs`` records ``as_of``, what was counted
    (``frequency``, ``monetary``), the order column used (``order_col``, None for days) and the
    ``currency`` of a pandas ``tx`` that names one.

    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a"], "order_date": pd.to_datetime(["2024-01-01"]),
    ...                    "amount": [9.0]})
    >>> rfm_table(tx, as_of="2024-01-11").attrs["as_of"]
    Timestamp('2024-01-11 00:00:00')

    Source: docs/methods.md §0 and §1; R package ``rfm`` ``rfm_table_order``.
    """
    names = as_lazy(tx).collect_schema().names()
    order_used = order_col if order_col and order_col in names else None
    counted_by = "orders" if frequency == "orders" and order_used else "days"
    table = _customer_aggregates(tx, customer_col, date_col, amount_col, order_used, days=counted_by == "days")
    if not order_used:  # without order ids every purchase day counts as one order
        table["orders"] = table["purchase_days"]
    as_of_day = resolve_as_of(as_of, table["last_purchase"])
    count = table["orders"] if counted_by == "orders" else table["purchase_days"]
    out = table.assign(
        recency_days=(as_of_day - table["last_purchase"].dt.normalize()).dt.days.astype("int64"),
        frequency=count,
        monetary=table["revenue"] / count if monetary == "mean" else table["revenue"])
    out = out[["recency_days", "frequency", "monetary", *table.columns]]
    out.attrs.update(as_of=as_of_day, frequency=counted_by, monetary=monetary, order_col=order_used)
    if getattr(tx, "attrs", {}).get("currency"):      # the currency of the amounts, for display
        out.attrs["currency"] = tx.attrs["currency"]
    return out
