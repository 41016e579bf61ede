"""Per-customer RFM table (recency, frequency, monetary value), computed where the data lives.

The aggregation (transactions → one row per customer) is written once with ``narwhals``, so a
pandas frame, a Polars DataFrame or LazyFrame (it stays lazy until the single ``collect``, which
runs on Polars' streaming engine), a DuckDB relation and a PySpark DataFrame (the aggregation runs
on Spark) all give the same numbers. By default the result is a small pandas table;
``collect=False`` keeps it in the engine (for 100 M customers, scored and segmented there too).
For Parquet files too large to aggregate in memory, :func:`scan_transactions` gives a DuckDB
relation that spills to disk under a memory limit. On Spark, store order dates as
``TIMESTAMP_NTZ`` (or set ``spark.sql.session.timeZone`` to the zone they were written in): days
are cut in the session time zone.

    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b"], "amount": [10.0, 20.0, 5.0],
    ...     "order_date": pd.to_datetime(["2024-01-01", "2024-01-05", "2024-01-03"])})
    >>> rfm_table(tx)[["recency_days", "frequency", "monetary"]].to_dict("index")
    {'a': {'recency_days': 1, 'frequency': 2, 'monetary': 30.0}, 'b': {'recency_days': 3, 'frequency': 1, 'monetary': 5.0}}

Definitions: docs/methods.md §0 (recency in days, frequency = distinct orders, monetary = total)
and §1.4 (how orders are counted: ``grain``).
"""
from __future__ import annotations

import glob
from pathlib import Path

import narwhals as nw

from helpers.data.engines import (as_lazy, collect as run_query, collect_first_rows, day, day_number, day_number_of,
                                  is_pandas, latest_date, require_transactions, resolve_as_of, rounded, schema_of,
                                  to_customer_index, warn_missing_customers)
from helpers.errors import DataError, warn
from helpers.lazy import deferred
from helpers.validation import Instance, Options, validate_params

pd = deferred("pandas")

__all__ = ["rfm_table", "scan_transactions", "GRAINS"]

#: How rows relate to orders: learnt exactly (``"auto"``), one row per order, or order lines.
GRAINS = ("auto", "order", "line")
_SAMPLE_ROWS = 100_000  # rows looked at first for a repeated order id
_DAY = "__purchase_day"


def scan_transactions(path, *, memory_limit: str = "3GB", temp_directory=None):
    """A lazy DuckDB relation over Parquet transactions, for :func:`rfm_table` out of core.

    For files whose per-customer state does not fit in memory (above all one hash entry per
    distinct order, which invoice lines need). The relation runs on its own DuckDB connection
    whose buffer pool is capped at ``memory_limit``; aggregation beyond it spills to
    ``temp_directory`` (DuckDB's default: ``.tmp`` in the working directory; choose a real disk,
    not a RAM-backed ``/tmp``). The limit must hold the per-customer result; measurements at
    100 M rows are in benchmarks/README.md ("Out of core").
    ``path`` is a Parquet file or a glob of them (``"tx/*.parquet"``), local or any URL DuckDB reads
    (``s3://…``). A local path that does not exist, a folder or a file that is not Parquet is a
    DataError that names it.

    >>> import pandas as pd, tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "tx.parquet"
    >>> pd.DataFrame({"customer_id": ["a", "a"], "order_id": ["1", "2"], "amount": [1.0, 2.0],
    ...     "order_date": pd.to_datetime(["2024-01-01", "2024-01-03"])}).to_parquet(path)
    >>> rfm_table(scan_transactions(path, memory_limit="500MB"))["frequency"].tolist()
    [2]

    Source: DuckDB documentation, "Memory management" and "Tuning workloads".
    """
    import duckdb

    source = str(path)
    if "://" not in source:         # a local path or pattern (DuckDB reads s3://, https:// … itself)
        if Path(source).is_dir():
            raise DataError("err_data_is_folder", source=source, fix_key="fix_data_parquet_glob")
        if not glob.glob(source):
            raise DataError("err_data_no_file", source=source, fix_key="fix_data_no_file")
    config = {"memory_limit": memory_limit}
    if temp_directory is not None:
        config["temp_directory"] = str(temp_directory)
    # the relation keeps its connection alive, so the limit travels with it
    try:
        return duckdb.connect(config=config).read_parquet(source)
    except duckdb.InvalidInputException:       # read, but no Parquet in it (another format, a cut file)
        raise DataError("err_data_not_parquet", source=source, fix_key="fix_data_not_parquet") from None


def _distinct_is_rows(frame: nw.LazyFrame, column: str) -> bool:
    """Whether every value of ``column`` differs (``frame``: the first rows of the transactions)."""
    distinct, rows = collect_first_rows(frame.select(nw.col(column).n_unique().alias("distinct"),
                                                     nw.len().alias("rows"))).rows()[0]
    return distinct == rows


def _rising(frame: nw.LazyFrame, column: str, dtype) -> bool:
    """Whether ``column`` (numbers, text or dates, no missing value) rises from row to row.

    Only Polars frames can prove it (a file is scanned in its own order; pandas input is handed to
    Polars). DuckDB and Spark promise no row order in a query: False.
    """
    if not (dtype.is_numeric() or dtype.is_temporal() or dtype == nw.String):
        return False
    if frame.implementation is not nw.Implementation.POLARS:
        return False
    import polars as pl

    ids = pl.col(column)
    rising = (ids.null_count() == 0) & (ids > ids.shift(1)).slice(1).all()
    return bool(frame.to_native().select(rising).collect(engine="streaming").item())


def _order_grain(frame: nw.LazyFrame, order_col: str, grain: str, dtype) -> str:
    """``"order"`` (count rows) or ``"line"`` (count distinct order ids) for these transactions.

    ``grain="line"`` is taken as stated. ``"order"`` is the caller's statement that each row is
    one order: trusted, except that the first rows are looked at, and a repeated id there (order
    lines show one at once) is a DataError rather than a silent miscount. ``"auto"`` is always
    exact: a repeat among the first rows means lines; ids that rise from row to row (a Polars or
    pandas frame, read in file order) prove one row per order in one linear pass; otherwise the
    distinct orders are counted.
    """
    if grain == "line":
        return "line"
    if not _distinct_is_rows(frame.head(_SAMPLE_ROWS), order_col):
        if grain == "order":
            raise DataError("err_rfm_grain_order", column=order_col, n=f"{_SAMPLE_ROWS:,}",
                            fix_key="fix_rfm_grain_order")
        return "line"
    if grain == "order" or _rising(frame, order_col, dtype):
        return "order"
    return "line"


def _aggregations(date_col: str, amount_col: str, order_col: str | None, grain: str | None, days: bool,
                  first: bool) -> dict:
    """One aggregation pass, by output column: (first and) last purchase, revenue, orders (rows or
    distinct ids), purchase days."""
    aggregations = {"last_purchase": nw.col(date_col).max(), "revenue": nw.col(amount_col).sum()}
    if first:
        aggregations = {"first_purchase": nw.col(date_col).min(), **aggregations}
    if order_col:
        aggregations["orders"] = nw.len() if grain == "order" else nw.col(order_col).n_unique()
    if days:
        aggregations["purchase_days"] = nw.col(_DAY).n_unique()
    return aggregations


def _finish_pandas(result, customer_col: str, as_of, frequency: str, monetary: str, amount_col: str) -> pd.DataFrame:
    out = to_customer_index(result, customer_col)
    for column in ("first_purchase", "last_purchase"):
        out[column] = pd.to_datetime(out[column]).astype("datetime64[ns]")
    for column in ("orders", "purchase_days"):
        if column in out:
            out[column] = out[column].astype("int64")
    if "orders" not in out:                 # without order ids every purchase day counts as one order
        out["orders"] = out["purchase_days"]
    anonymous = out.index.isna()
    if anonymous.any():                     # the purchases without a customer id: nobody's
        warn_missing_customers(customer_col, rows=int(anonymous.sum()), orders=out.loc[anonymous, "orders"].sum(),
                               revenue=out.loc[anonymous, "revenue"].sum())
        out = out.loc[~anonymous]
    out["revenue"] = out["revenue"].astype("float64")
    as_of_day = resolve_as_of(as_of, out["last_purchase"])
    count = out["orders"] if frequency == "orders" else out["purchase_days"]
    table = out.assign(
        recency_days=(as_of_day - out["last_purchase"].dt.normalize()).dt.days.astype("int64"),
        frequency=count,
        monetary=out["revenue"] / count if monetary == "mean" else out["revenue"])
    negative = int((table["revenue"] < 0).sum())
    if negative:
        warn("warn_rfm_negative_amounts", n=negative, column=amount_col)
    table = table[["recency_days", "frequency", "monetary", *out.columns]]
    return table, as_of_day


def _finish_engine(result: nw.LazyFrame, columns: list[str], frame: nw.LazyFrame, customer_col: str,
                   date_col: str, as_of, frequency: str, monetary: str):
    """The per-customer table as a lazy query of the input's engine (no sort: engines keep no order);
    ``columns`` are the aggregated columns of ``result``."""
    as_of_number = day_number_of(as_of if as_of is not None else resolve_as_of(None, latest_date(frame, date_col)))
    if "orders" not in columns:
        result, columns = result.with_columns(nw.col("purchase_days").alias("orders")), [*columns, "orders"]
    count = nw.col("orders") if frequency == "orders" else nw.col("purchase_days")
    value = nw.col("revenue") / count if monetary == "mean" else nw.col("revenue")
    table = result.select(
        nw.col(customer_col).alias("customer_id"),
        (nw.lit(as_of_number) - day_number(nw.col("last_purchase"), frame.implementation)).alias("recency_days"),
        count.alias("frequency"), value.alias("monetary"), *columns)
    return table


@validate_params(frequency=Options("orders", "days"), monetary=Options("sum", "mean"), grain=Options(*GRAINS),
                 collect=Instance(bool))
def rfm_table(tx, as_of=None, *, customer_col: str = "customer_id", date_col: str = "order_date",
              amount_col: str = "amount", order_col: str | None = "order_id", frequency: str = "orders",
              monetary: str = "sum", grain: str = "auto", collect: bool = True):
    """Recency (days), frequency and monetary value per customer, indexed by ``customer_id`` in id order.

    ``tx`` may be pandas, Polars (eager or lazy), a DuckDB relation, a PySpark DataFrame, or
    anything narwhals reads. ``frequency="orders"`` counts the orders of ``order_col`` when that
    column exists, else distinct purchase days (``"days"`` always counts days); ``monetary="sum"``
    is total spend, ``"mean"`` spend per counted order/day. ``grain`` says how rows relate to
    orders: ``"auto"`` (default) finds out exactly, ``"order"`` states one row per order (rows are
    counted: the fast path; a repeated id among the first 100,000 rows is a DataError),
    ``"line"`` states order lines (distinct ids are counted). Also returned: ``first_purchase``,
    ``last_purchase``, ``revenue``, ``orders`` and, when days are counted, ``purchase_days``. Recency is whole days
    from the last purchase day to ``as_of`` (default: the day after the last purchase, see
    :func:`helpers.data.engines.resolve_as_of`). Text ids become ``str``; whole-number ids stay
    integers. ``.attrs`` records ``as_of``, what was counted (``frequency``, ``monetary``), the
    order column used (``order_col``, None for days), the ``grain`` used and the ``currency`` of a
    pandas ``tx`` that names one.

    ``collect=False`` keeps the table where the data lives — a lazy frame of the input's engine
    with a ``customer_id`` column, in no particular order, without ``first_purchase`` (pandas
    input: the usual table) — for :func:`helpers.rfm.rfm_score` and
    :func:`helpers.segments.rfm_segment` to run there too.

    Purchases without a customer id (walk-in or unregistered buyers) count for no customer: the
    table leaves them out with a DataWarning giving their orders and amount (an engine table
    holds them as one row with a missing id, which :func:`helpers.rfm.rfm_score` leaves out and
    counts the same way).

    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a"], "order_date": pd.to_datetime(["2024-01-01"]),
    ...                    "amount": [9.0]})
    >>> rfm_table(tx, as_of="2024-01-11").attrs["as_of"]
    Timestamp('2024-01-11 00:00:00')
    >>> import polars as pl
    >>> rfm_table(pl.from_pandas(tx).lazy(), as_of="2024-01-11", collect=False).collect()["recency_days"].item()
    10

    Source: docs/methods.md §0 and §1.4; R package ``rfm`` ``rfm_table_order``.
    """
    frame = as_lazy(tx, [customer_col, date_col, amount_col, order_col])
    schema = schema_of(frame)     # resolved once: a scan's schema costs a plan resolution each time
    order_used = order_col if order_col and order_col in schema else None
    counted_by = "orders" if frequency == "orders" and order_used else "days"
    required = [customer_col, date_col, amount_col] + ([order_used] if order_used else [])
    require_transactions(frame, required, date_col, amount_col, schema=schema)
    grain_used = _order_grain(frame, order_used, grain, schema[order_used]) if order_used else None
    if counted_by == "days":  # the day column first, so that every aggregation stays simple on every engine
        frame = frame.with_columns(day(nw.col(date_col)).alias(_DAY))
    aggregations = _aggregations(date_col, amount_col, order_used, grain_used, days=counted_by == "days",
                                 first=collect or is_pandas(tx))
    columns = list(aggregations)
    result = frame.group_by(customer_col).agg(*[e.alias(c) for c, e in aggregations.items()]).with_columns(
        *rounded("revenue"))
    if getattr(schema[date_col], "time_zone", None):   # a zoned Spark TIMESTAMP: local time
        result = result.with_columns(*[nw.col(c).cast(nw.Datetime("us")) for c in ("first_purchase", "last_purchase")
                                       if c in columns])
    if collect or is_pandas(tx):
        table, as_of_day = _finish_pandas(run_query(result), customer_col, as_of, counted_by, monetary, amount_col)
        table.attrs.update(as_of=as_of_day, frequency=counted_by, monetary=monetary,
                           order_col=order_used, grain=grain_used)
        if getattr(tx, "attrs", {}).get("currency"):      # the currency of the amounts, for display
            table.attrs["currency"] = tx.attrs["currency"]
        return table
    table = _finish_engine(result, columns, frame, customer_col, date_col, as_of, counted_by, monetary)
    if isinstance(nw.from_native(tx), nw.DataFrame):      # eager input (Polars DataFrame): eager result
        return run_query(table).to_native()
    return table.to_native()
