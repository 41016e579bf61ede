"""Engines for data beyond memory: the RFM aggregation on PySpark (local mode) and on Polars' streaming engine.

The Spark tests need pyspark and a Java runtime. Without them they are skipped with the reason,
except in CI (``CI=true``), where a missing engine is a failure.
"""
import os
import shutil

import numpy as np
import pandas as pd
import pytest

from helpers.rfm import rfm_table

AS_OF = "2024-07-01"


def _spark_missing() -> str | None:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return "pyspark is not installed (pip install -e '.[scale]')"
    if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        return "no Java runtime (install default-jre-headless or set JAVA_HOME)"
    return None


@pytest.fixture(scope="module")
def spark():
    """One small local Spark session for the module: one core, one shuffle partition, quiet logs."""
    missing = _spark_missing()
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(missing)
        pytest.skip(missing)
    from pyspark.sql import SparkSession

    # a session time zone unlike the machine's: naive (NTZ) order dates must not move
    session = (SparkSession.builder.master("local[1]").appName("crm-kit-tests")
               .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
               .config("spark.sql.shuffle.partitions", "1").config("spark.default.parallelism", "1")
               .config("spark.driver.memory", "512m").config("spark.sql.session.timeZone", "Asia/Shanghai")
               .getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def transactions(rows: int = 300, seed: int = 11) -> pd.DataFrame:
    """Seeded orders with several lines per order and times close to midnight."""
    rng = np.random.default_rng(seed)
    minutes = rng.choice([5, 30, 600, 1410, 1435], rows)   # 00:05 … 23:55
    day = pd.Timestamp("2023-01-01") + pd.to_timedelta(rng.integers(0, 540, rows), unit="D")
    order = rng.integers(0, rows // 2, rows)
    return pd.DataFrame({"customer_id": [f"C{c:02d}" for c in order % 40],
                         "order_date": (day + pd.to_timedelta(minutes, unit="min")).astype("datetime64[ns]"),
                         "amount": np.round(rng.lognormal(3, 1, rows), 2),
                         "order_id": [f"SO{o:04d}" for o in order]})


def _as_spark(session, frame: pd.DataFrame):
    from pyspark.sql import types as T

    schema = T.StructType([T.StructField("customer_id", T.StringType()),
                           T.StructField("order_date", T.TimestampNTZType()),
                           T.StructField("amount", T.DoubleType()), T.StructField("order_id", T.StringType())])
    rows = [(c, d.to_pydatetime(), a, o) for c, d, a, o in frame.itertuples(index=False)]
    return session.createDataFrame(rows, schema)


@pytest.mark.spark
@pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning")
@pytest.mark.filterwarnings("ignore:The copy keyword is deprecated")   # inside pyspark's pandas conversion
def test_spark_gives_the_same_customer_table_as_pandas(spark):
    tx = transactions()
    # an order whose lines fall on two days still counts once; order ids are per customer here
    frame = _as_spark(spark, tx)
    pd.testing.assert_frame_equal(rfm_table(frame), rfm_table(tx))
    by_day = dict(order_col=None, monetary="mean")
    got, expected = rfm_table(frame, AS_OF, **by_day), rfm_table(tx, AS_OF, **by_day)
    pd.testing.assert_frame_equal(got, expected)
    assert got.attrs == expected.attrs


def test_a_polars_lazy_scan_is_collected_on_the_streaming_engine(tmp_path, monkeypatch):
    import polars as pl

    path = tmp_path / "tx.parquet"
    transactions().to_parquet(path)
    engines = []
    original = pl.LazyFrame.collect

    def recording_collect(self, *args, **kwargs):
        engines.append(kwargs.get("engine"))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(pl.LazyFrame, "collect", recording_collect)
    got = rfm_table(pl.scan_parquet(path), AS_OF)
    assert engines and set(engines) == {"streaming"}  # the aggregation and the order-id checks
    pd.testing.assert_frame_equal(got, rfm_table(transactions(), AS_OF))
