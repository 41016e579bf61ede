"""Frames on any engine: pandas, Polars (eager or lazy), DuckDB relations and PySpark DataFrames.

The steps that read transactions are written once with ``narwhals`` expressions on the frame
:func:`as_lazy` returns, and run where the data lives; :func:`collect` brings the (small) result
back. On Spark, store order dates as ``TIMESTAMP_NTZ`` (or set ``spark.sql.session.timeZone`` to
the zone they were written in): days are cut in the session time zone.

    >>> import pandas as pd
    >>> frame = as_lazy(pd.DataFrame({"customer_id": ["a", "b"], "amount": [1.0, 2.0]}))
    >>> float(collect(frame.select(nw.col("amount").sum())).item())
    3.0
"""
from __future__ import annotations

import narwhals as nw
import pandas as pd

from helpers.errors import DataError

# Machinery of the kit's time-based functions: importable, but nothing here is called by users.
__all__: list[str] = []


def as_lazy(tx) -> nw.LazyFrame:
    """Any supported frame (pandas, Polars eager/lazy, DuckDB, PySpark) as a narwhals LazyFrame.

    >>> import pandas as pd
    >>> as_lazy(pd.DataFrame({"amount": [1.0]})).collect_schema().names()
    ['amount']
    """
    frame = nw.from_native(tx)
    return frame.lazy() if isinstance(frame, nw.DataFrame) else frame


def require_transactions(frame: nw.LazyFrame, columns, date_col: str, amount_col: str) -> None:
    """Columns present, dates typed as dates, amounts numeric (else a DataError naming the fix).

    >>> import pandas as pd
    >>> frame = as_lazy(pd.DataFrame({"order_date": pd.to_datetime(["2024-01-01"]), "amount": ["9"]}))
    >>> require_transactions(frame, ["order_date", "amount"], "order_date", "amount")
    Traceback (most recent call last):
    helpers.errors.DataError: ...
    """
    schema = frame.collect_schema()
    for column in columns:
        if column not in schema:
            raise DataError("err_rfm_missing_column", column=column, fix_key="fix_rfm_map_column")
    if not (schema[date_col] == nw.Datetime or schema[date_col] == nw.Date):
        raise DataError("err_rfm_column_type", column=date_col, kind=str(schema[date_col]),
                        fix_key="fix_rfm_column_type")
    if not schema[amount_col].is_numeric():
        raise DataError("err_rfm_column_type", column=amount_col, kind=str(schema[amount_col]),
                        fix_key="fix_rfm_column_type")


def collect(frame: nw.LazyFrame) -> nw.DataFrame:
    """Run the lazy query where the data lives; the (small) result comes back eager.

    Polars runs it on its streaming engine, which reads a file larger than memory in batches.

    >>> import polars as pl
    >>> collect(as_lazy(pl.LazyFrame({"amount": [1.0, 2.0]})).select(nw.col("amount").sum())).item()
    3.0
    """
    if frame.implementation is nw.Implementation.POLARS:
        return frame.collect(engine="streaming")
    return frame.collect()


def as_day(values: pd.Series) -> pd.Series:
    """Dates (any resolution, no time zone) as midnight timestamps in nanoseconds.

    >>> as_day(pd.Series(pd.to_datetime(["2024-03-01 15:30"]))).tolist()
    [Timestamp('2024-03-01 00:00:00')]
    """
    return pd.to_datetime(values).astype("datetime64[ns]").dt.normalize()


def resolve_as_of(as_of, last, *, keep_time: bool = False) -> pd.Timestamp:
    """The analysis date every time-based function uses.

    ``as_of`` given: that day (midnight; with ``keep_time`` the exact moment, as complaint
    deadlines need). Not given: the day after ``last`` — the latest date of the data (a Timestamp
    or the Series of dates) — so that a purchase on the last day is one day old. No dates at all
    is a DataError.

    >>> resolve_as_of(None, pd.Series(pd.to_datetime(["2024-03-01 15:00", "2024-02-01 09:00"])))
    Timestamp('2024-03-02 00:00:00')
    >>> resolve_as_of("2024-06-30 18:00", None)
    Timestamp('2024-06-30 00:00:00')
    """
    if as_of is not None:
        stamp = pd.Timestamp(as_of)
        return stamp if keep_time else stamp.normalize()
    latest = last.max() if isinstance(last, pd.Series) else last
    if latest is None or pd.isna(latest):
        raise DataError("err_as_of_no_dates", fix_key="fix_as_of_no_dates")
    return pd.Timestamp(latest).normalize() + pd.Timedelta(days=1)
