"""Every step that reads transactions gives pandas' numbers on every engine (docs/methods.md §0).

pandas, Polars (eager and lazy), DuckDB and PySpark in local mode; on Spark with a session time
zone unlike the machine's, with order dates stored as ``TIMESTAMP_NTZ`` and as zoned
``TIMESTAMP`` written in that zone. Per-customer steps (scores, segments, 八类) are also run
inside the engine and compared with pandas. The Spark cases need pyspark and a Java runtime:
without them they are skipped with the reason, except in CI (``CI=true``), where a missing
engine is a failure. One small Spark session serves the whole module.
"""
import os
import shutil
import warnings
import zoneinfo

import duckdb
import numpy as np
import pandas as pd
import polars as pl
import pytest

from helpers.btyd import btyd_summary
from helpers.cohorts import activity, cohort_retention, growth_accounting
from helpers.errors import DataWarning
from helpers.i18n import language
from helpers.lifecycle import at_risk_list, relationship_states, win_back_list
from helpers.migration import customer_flow, migration_matrix, pooled_transition_matrix
from helpers.profitability import customer_profit
from helpers.report import analyse
from helpers.rfm import rfm_score, rfm_table
from helpers.segments import cn8_classify, rfm_segment, segment_summary

AS_OF = "2024-07-01"
ZONE = "Asia/Shanghai"
pytestmark = [pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning"),
              pytest.mark.filterwarnings("ignore:The copy keyword is deprecated"),   # pyspark's pandas conversion
              pytest.mark.filterwarnings("ignore::helpers.errors.DataWarning")]


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
               .config("spark.driver.memory", "512m").config("spark.sql.session.timeZone", ZONE)
               .getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def transactions(rows: int = 400, seed: int = 11) -> pd.DataFrame:
    """Seeded invoice lines over 18 months: several lines per order, times close to midnight, an
    order whose lines fall on two days, returns (negative orders) and a customer who only returned."""
    rng = np.random.default_rng(seed)
    minutes = rng.choice([5, 30, 600, 1410, 1435], rows)   # 00:05 … 23:55
    day = pd.Timestamp("2023-01-01") + pd.to_timedelta(rng.integers(0, 540, rows), unit="D")
    order = rng.integers(0, rows // 2, rows)
    amount = np.round(rng.lognormal(3, 1, rows), 2)
    amount[order % 23 == 0] *= -1                         # some whole orders are returns
    tx = pd.DataFrame({"customer_id": pd.array([f"C{c:02d}" for c in order % 40], dtype="str"),
                       "order_date": (day + pd.to_timedelta(minutes, unit="min")).astype("datetime64[ns]"),
                       "amount": amount,
                       "order_id": pd.array([f"SO{o:04d}" for o in order], dtype="str")})
    only_returns = pd.DataFrame({"customer_id": pd.array(["C99"], dtype="str"),
                                 "order_date": pd.to_datetime(["2024-03-01 12:00"]).astype("datetime64[ns]"),
                                 "amount": [-20.0], "order_id": pd.array(["SO9999"], dtype="str")})
    return pd.concat([tx, only_returns], ignore_index=True)


def _as_spark(session, frame: pd.DataFrame, zoned: bool):
    from pyspark.sql import types as T

    stamp = T.TimestampType() if zoned else T.TimestampNTZType()
    fields = {"customer_id": T.StringType(), "order_date": stamp, "amount": T.DoubleType(),
              "order_id": T.StringType()}
    schema = T.StructType([T.StructField(c, fields[c]) for c in frame.columns])
    zone = zoneinfo.ZoneInfo(ZONE)

    def value(column, v):
        if column == "order_date":
            moment = v.to_pydatetime()
            return moment.replace(tzinfo=zone) if zoned else moment
        return v.item() if hasattr(v, "item") else v

    rows = [tuple(value(c, v) for c, v in zip(frame.columns, row)) for row in frame.itertuples(index=False)]
    return session.createDataFrame(rows, schema)


ENGINES = ["pandas", "polars", "polars-lazy", "duckdb", pytest.param("spark", marks=pytest.mark.spark)]
# where days are cut from timestamps, also a zoned Spark TIMESTAMP (cut in the session time zone)
CLOCKS = ENGINES + [pytest.param("spark-zoned", marks=pytest.mark.spark)]


def _converter(request):
    """A function that puts a pandas transactions frame on the engine of the test's parameter."""
    name = request.param

    def convert(frame: pd.DataFrame):
        if name == "pandas":
            return frame
        if name.startswith("polars"):
            out = pl.from_pandas(frame)
            return out.lazy() if name == "polars-lazy" else out
        if name == "duckdb":
            return duckdb.from_arrow(pl.from_pandas(frame).to_arrow())
        return _as_spark(request.getfixturevalue("spark"), frame, zoned=name == "spark-zoned")

    convert.name = name
    convert.spark = name.startswith("spark")
    return convert


@pytest.fixture(params=ENGINES)
def on_engine(request):
    return _converter(request)


@pytest.fixture(params=CLOCKS)
def on_clock(request):
    return _converter(request)


def _collected(table) -> pd.DataFrame:
    """An engine table as pandas, indexed and sorted by customer id, as the pandas path returns it."""
    from helpers.data.engines import as_lazy, collect, to_customer_index

    if isinstance(table, pd.DataFrame):        # pandas input: the pandas table
        return table
    return to_customer_index(collect(as_lazy(table)), "customer_id")


def test_rfm_tables_are_equal(on_clock):
    on_engine = on_clock
    tx = transactions()
    frame = on_engine(tx)
    # Spark answers a query in about a second: it gets the settings that change the query most
    every = ({}, {"grain": "line"}, {"order_col": None, "monetary": "mean"}, {"frequency": "days"})
    for options in every[::3] if on_engine.spark else every:
        expected = rfm_table(tx, AS_OF, **options)
        got = rfm_table(frame, AS_OF, **options)
        pd.testing.assert_frame_equal(got, expected, obj=f"{on_engine.name} {options}")
        assert got.attrs == expected.attrs
        inside = _collected(rfm_table(frame, AS_OF, collect=False, **options))
        pd.testing.assert_frame_equal(inside, expected[inside.columns], check_dtype=False,
                                      obj=f"{on_engine.name} collect=False {options}")
    # the default as_of (the day after the last purchase) is found in the engine too
    assert _collected(rfm_table(frame, collect=False))["recency_days"].equals(rfm_table(tx)["recency_days"])


SCORINGS = [{"method": "r_rfm"}, {"method": "qcut_drop", "n_bins": 4}, {"method": "rank_first", "n_bins": 3},
            {"breaks": {"R": [30, 90], "F": [2, 4], "M": [100.0, 250.5]}, "n_bins": 3}]


def test_every_engine_warns_as_pandas_does(on_engine):
    # most customers buy once (F ties, empty F bins) and one only returned goods (negative revenue):
    # counted by NumPy for a Polars table in memory, by one query elsewhere, the warnings are the same
    tx = transactions()
    once = tx[~tx["customer_id"].isin(["C01", "C02", "C03"])].drop_duplicates("customer_id")
    tx = pd.concat([once, tx[tx["customer_id"].isin(["C01", "C02", "C03"])]], ignore_index=True)

    def warned(frame, **table_options):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", DataWarning)
            rfm_score(rfm_table(frame, AS_OF, **table_options))
        return sorted(str(w.message) for w in caught if issubclass(w.category, DataWarning))

    with language("en"):
        expected, got = warned(tx), warned(on_engine(tx), collect=False)
    assert any("empty" in m for m in expected) and any("negative" in m for m in expected), expected
    # a table scored in the engine is scored apart from its transactions: it names its own column
    assert [m.replace("a negative revenue (column 'revenue'; more", "a negative total in 'amount' (more")
            for m in got] == expected


def test_scores_segments_and_classes_are_computed_in_the_engine_as_in_pandas(on_engine):
    tx = transactions()
    frame = on_engine(tx)
    rfm = rfm_table(tx, AS_OF)
    inside = rfm_table(frame, AS_OF, collect=False)
    for options in SCORINGS[::2] if on_engine.spark else SCORINGS:
        expected, got = rfm_score(rfm, **options), rfm_score(inside, **options)
        table = _collected(got.table)
        columns = ["R", "F", "M", "rfm_score", "rfm_cell", "rfm_sum"]
        pd.testing.assert_frame_equal(table[columns], expected.table[columns], check_dtype=False, obj=str(options))
        for dim in "RFM":
            pd.testing.assert_frame_equal(got.thresholds[dim], expected.thresholds[dim], check_dtype=False)
        pd.testing.assert_frame_equal(got.summary(), expected.summary(), check_dtype=False)
    scored, expected_scores = rfm_score(inside), rfm_score(rfm)
    for scheme in ("r_rfm10",) if on_engine.spark else ("r_rfm10", "rf_grid", "rfm11"):
        got, expected = rfm_segment(scored, scheme), rfm_segment(expected_scores, scheme)
        assert _collected(got.table)["segment"].equals(expected.table["segment"]), scheme
        pd.testing.assert_frame_equal(got.summary(), expected.summary(), check_dtype=False)
        pd.testing.assert_frame_equal(segment_summary(got), segment_summary(expected), check_dtype=False)
        labels = got.labels()
        labels = labels if isinstance(labels, pd.Series) else _collected(labels)["label"]
        assert labels.rename("label").equals(expected.labels().rename("label")), scheme
    every = ({}, {"breaks": "median"}, {"basis": "score"}, {"dims": ("R", "F"), "labels": "alias"})
    for options in every[1:3] if on_engine.spark else every:
        source = scored if options.get("basis") == "score" else inside
        got, expected = cn8_classify(source, **options), cn8_classify(expected_scores if source is scored else rfm,
                                                                        **options)
        table = _collected(got.table)
        for column in ("cn8_code", "segment", "R_high", "F_high"):
            assert table[column].equals(expected.table[column]), (options, column)
        assert got.thresholds == pytest.approx(expected.thresholds)
    by_days = rfm_table(frame, AS_OF, frequency="days", monetary="mean", collect=False)
    got, expected = rfm_segment(by_days, "pymc"), rfm_segment(rfm_table(tx, AS_OF, frequency="days", monetary="mean"),
                                                              "pymc")
    assert _collected(got.table)["segment"].equals(expected.table["segment"])


def test_relationship_states_and_action_lists_are_equal(on_clock):
    on_engine = on_clock
    tx = transactions()
    frame = on_engine(tx)
    every = ({}, {"preset": "annual"}, {"individual": True, "churn_k": 2.0})
    for options in every[::2] if on_engine.spark else every:
        expected = relationship_states(tx, AS_OF, **options)
        got = relationship_states(frame, AS_OF, **options)
        pd.testing.assert_frame_equal(got.table, expected.table, obj=f"{on_engine.name} {options}")
        assert got.params == expected.params and got.thresholds == expected.thresholds
    assert relationship_states(frame).params == relationship_states(tx).params      # default as_of
    assert expected.params["returns_only"] == ["C99"]                               # named, not dropped silently
    for make in (at_risk_list,) if on_engine.spark else (at_risk_list, win_back_list):   # one code path
        pd.testing.assert_frame_equal(make(frame, "2024-03-31"), make(tx, "2024-03-31"), obj=make.__name__)


def test_migration_and_customer_flow_are_equal(on_engine):
    tx = transactions()
    frame = on_engine(tx)
    got, expected = migration_matrix(frame, "2023-12-31", "2024-06-30"), migration_matrix(tx, "2023-12-31", "2024-06-30")
    pd.testing.assert_frame_equal(got.counts, expected.counts)
    if on_engine.spark:             # the pooled matrix and the flow are pandas on top of the same states
        return
    dates = ["2023-09-30", "2023-12-31", "2024-03-31"]
    pd.testing.assert_frame_equal(pooled_transition_matrix(frame, dates).counts,
                                  pooled_transition_matrix(tx, dates).counts)
    flow, expected_flow = customer_flow(frame, "2023-12-31", "2024-06-30"), customer_flow(tx, "2023-12-31", "2024-06-30")
    pd.testing.assert_frame_equal(flow.edges, expected_flow.edges)


def test_growth_accounting_and_cohorts_are_equal(on_engine):
    tx = transactions()
    frame = on_engine(tx)
    for period in ("W",) if on_engine.spark else ("M", "Q", "W"):
        pd.testing.assert_frame_equal(growth_accounting(frame, period=period), growth_accounting(tx, period=period),
                                      obj=f"{on_engine.name} {period}")
    pd.testing.assert_frame_equal(activity(frame, AS_OF, period="D"), activity(tx, AS_OF, period="D"))
    for unbounded in (True,) if on_engine.spark else (False, True):
        got = cohort_retention(frame, AS_OF, period="Q", unbounded=unbounded)
        expected = cohort_retention(tx, AS_OF, period="Q", unbounded=unbounded)
        pd.testing.assert_frame_equal(got.counts, expected.counts)
        assert got.params == expected.params


def test_btyd_summaries_are_equal(on_clock):
    tx = transactions().query("amount > 0")
    frame = on_clock(tx)
    expected = btyd_summary(tx, "2024-01-31", "2024-06-30", period="D")
    pd.testing.assert_frame_equal(btyd_summary(frame, "2024-01-31", "2024-06-30", period="D"), expected)
    assert btyd_summary(frame).attrs == btyd_summary(tx).attrs                    # default as_of


def test_early_behaviour_is_equal(on_engine):
    from helpers.lookalike import early_behaviour

    tx = transactions()
    pd.testing.assert_frame_equal(early_behaviour(on_engine(tx), AS_OF, within_days=60),
                                  early_behaviour(tx, AS_OF, within_days=60))


def test_customer_profit_is_equal(on_engine):
    tx = transactions()
    options = {"margin": 0.3, "cost_per_order": 5.0, "cost_per_customer": 12.0}
    pd.testing.assert_frame_equal(customer_profit(on_engine(tx), **options), customer_profit(tx, **options))


@pytest.mark.parametrize("engine", ["pandas", "polars", "polars-lazy", "duckdb"])
def test_integer_customer_ids_stay_integers_on_every_engine(engine):
    tx = transactions().query("customer_id != 'C99'")
    tx = tx.assign(customer_id=tx["customer_id"].str[1:].astype("int64") * 7)      # 0, 7, …, 273
    frame = {"pandas": tx, "polars": pl.from_pandas(tx), "polars-lazy": pl.from_pandas(tx).lazy(),
             "duckdb": duckdb.from_arrow(pl.from_pandas(tx).to_arrow())}[engine]
    out = rfm_table(frame, AS_OF)
    assert out.index.dtype == "int64" and out.index.is_monotonic_increasing      # 7 before 14, not "14" < "7"
    pd.testing.assert_frame_equal(out, rfm_table(tx, AS_OF))
    assert relationship_states(frame, AS_OF).table.index.dtype == "int64"


def test_a_polars_lazy_scan_is_collected_on_the_streaming_engine(tmp_path, monkeypatch):
    path = tmp_path / "tx.parquet"
    transactions().to_parquet(path)
    engines = []
    original = pl.LazyFrame.collect

    def recording_collect(self, *args, **kwargs):
        engines.append(kwargs.get("engine"))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(pl.LazyFrame, "collect", recording_collect)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        got = rfm_table(pl.scan_parquet(path), AS_OF)
    # the first look, at the first rows for a repeated order id, reads a few: the in-memory engine
    # starts faster; what reads the whole file (the aggregation, any check of the ids' rise) streams
    assert engines[0] == "in-memory" and set(engines[1:]) == {"streaming"}, engines
    pd.testing.assert_frame_equal(got, rfm_table(transactions(), AS_OF))
    # a filter before the first rows would make the in-memory engine read the whole file: streamed
    engines.clear()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        rfm_table(pl.scan_parquet(path).filter(pl.col("amount") > 0), AS_OF)
    assert engines and set(engines) == {"streaming"}, engines


@pytest.mark.spark
def test_parquet_written_by_the_kit_is_read_back_by_spark_duckdb_polars_and_pandas(spark, tmp_path):
    from helpers.data.exports import write_parquet

    states = relationship_states(transactions(), AS_OF).table.reset_index()     # dates, NaT, text, counts
    path = write_parquet(states, tmp_path / "customers.parquet")
    by_spark = spark.read.parquet(str(path))
    assert dict(by_spark.dtypes)["last_purchase"] == "timestamp_ntz"      # naive stays naive
    rows = {r["customer_id"]: r for r in by_spark.collect()}
    for record in states.itertuples():
        row = rows[record.customer_id]
        assert row["last_purchase"] == record.last_purchase.to_pydatetime()
        assert (row["returned_on"] is None) == pd.isna(record.returned_on)
        assert row["state"] == record.state
    read = pd.read_parquet(path)
    assert str(read["last_purchase"].dtype) == "datetime64[us]"
    pd.testing.assert_frame_equal(read.astype(states.dtypes.to_dict()), states)
    assert pl.read_parquet(path)["last_purchase"].to_list() == states["last_purchase"].dt.to_pydatetime().tolist()
    assert duckdb.sql(f"SELECT max(last_purchase) FROM '{path}'").fetchall()[0][0] == states["last_purchase"].max()


def test_the_report_analyses_an_engine_frame_as_pandas(on_clock):
    tx = transactions(1500)
    got, expected = analyse(on_clock(tx), as_of="2024-03-31"), analyse(tx, as_of="2024-03-31")   # later rows cut
    for table in ("customers", "at_risk", "win_back", "segment_actions"):
        pd.testing.assert_frame_equal(getattr(got, table), getattr(expected, table), obj=f"{on_clock.name} {table}")
    assert got.notes == expected.notes and any("2024-03-31" in note for note in got.notes)


@pytest.mark.spark
def test_the_whole_report_runs_on_spark_with_a_small_driver_as_on_pandas(spark, tmp_path):
    """Three million invoice lines (about 170,000 customers) read by Spark, the driver held to
    512 MB: every table of the report equals pandas', and the report's files are the same."""
    from benchmarks.transactions import write_transactions
    from helpers.report import write_report

    assert spark.sparkContext.getConf().get("spark.driver.memory") == "512m"
    path = write_transactions(tmp_path / "lines.parquet", 3_000_000, "lines", "text")
    expected = analyse(pd.read_parquet(path), as_of="2024-12-01")       # the last month is left out, noted
    got = analyse(spark.read.parquet(str(path)), as_of="2024-12-01")
    for table in ("customers", "at_risk", "win_back", "segment_actions"):
        pd.testing.assert_frame_equal(getattr(got, table), getattr(expected, table), obj=table)
    assert len(got.customers) > 150_000 and got.customers["clv"].notna().all()
    pd.testing.assert_frame_equal(got.value.holdout, expected.value.holdout)
    assert got.notes == expected.notes and any("2024-12-01" in note for note in got.notes)
    files = write_report(got, tmp_path / "spark"), write_report(expected, tmp_path / "pandas")
    assert files[0]["csv"].read_bytes() == files[1]["csv"].read_bytes()
