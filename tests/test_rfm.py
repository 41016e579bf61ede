"""rfm_table on every engine, and the BTYD summary against Hardie's CDNOW calibration summary."""
import datetime

import duckdb
import narwhals as nw
import numpy as np
import pandas as pd
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES
from helpers.data.engines import as_lazy, collect, day_number, to_customer_index, with_text
from helpers.errors import DataError, DataWarning
from helpers.btyd import btyd_summary
from helpers.i18n import language
from helpers.rfm import rfm_score, rfm_table, scan_transactions
from helpers.validation import ParameterError

CDNOW = FIXTURES / "cdnow"


def cdnow_sample() -> pd.DataFrame:
    """The CDNOW 1/10 sample as a clean transactions frame (customer_id = sample id)."""
    raw = pd.read_csv(CDNOW / "CDNOW_sample.txt", sep=r"\s+", header=None,
                      names=["master_id", "customer_id", "date", "cds", "amount"],
                      dtype={"customer_id": "str", "date": "str"})
    raw["customer_id"] = raw["customer_id"].astype(int).astype("str")
    raw["order_date"] = pd.to_datetime(raw["date"], format="%Y%m%d")
    return raw[["customer_id", "order_date", "amount"]]


def small_tx() -> pd.DataFrame:
    return pd.DataFrame({
        "customer_id": ["b", "a", "a", "a", "c"],
        "order_id": ["o3", "o1", "o2", "o2b", "o4"],
        "order_date": pd.to_datetime(["2024-03-01", "2024-01-01 09:00", "2024-02-01 10:00",
                                      "2024-02-01 15:00", "2024-03-10"], format="ISO8601"),
        "amount": [50.0, 10.0, 20.0, 30.0, 5.0],
    })


def test_rfm_table_counts_orders_and_defaults_as_of_to_the_day_after_the_last_purchase():
    out = rfm_table(small_tx())
    assert out.attrs["as_of"] == pd.Timestamp("2024-03-11")
    assert out.attrs["frequency"] == "orders" and out.attrs["order_col"] == "order_id"
    assert list(out.index) == ["a", "b", "c"]
    a = out.loc["a"]
    assert (a["recency_days"], a["frequency"], a["monetary"]) == (39, 3, 60.0)
    assert "purchase_days" not in out  # distinct days are only counted when asked for
    assert out.loc["c", "recency_days"] == 1


def test_rfm_table_falls_back_to_purchase_days_and_supports_mean_monetary():
    tx = small_tx().drop(columns="order_id")
    out = rfm_table(tx, as_of="2024-03-31", monetary="mean")
    assert out.attrs["frequency"] == "days" and out.attrs["order_col"] is None
    assert out.loc["a", "frequency"] == 2
    assert out.loc["a", "monetary"] == pytest.approx(30.0)
    assert out.loc["b", "recency_days"] == 30
    days = rfm_table(small_tx(), frequency="days")
    assert days.loc["a", "frequency"] == 2 and days.attrs["frequency"] == "days"
    assert days.loc["a", "orders"] == 3 and days.loc["a", "purchase_days"] == 2


def test_rfm_table_does_not_mutate_the_input_and_names_a_missing_column():
    tx = small_tx()
    before = tx.copy()
    rfm_table(tx)
    pd.testing.assert_frame_equal(tx, before)
    with pytest.raises(DataError, match="spend"):
        rfm_table(tx, amount_col="spend")


def test_rfm_table_columns_are_named_by_role_and_options_are_keyword_only():
    tx = small_tx().rename(columns={"customer_id": "member", "order_date": "day", "amount": "paid",
                                    "order_id": "invoice"})
    out = rfm_table(tx, customer_col="member", date_col="day", amount_col="paid", order_col="invoice")
    pd.testing.assert_frame_equal(out, rfm_table(small_tx()))
    assert out.index.name == "customer_id"
    with pytest.raises(TypeError):
        rfm_table(small_tx(), None, "customer_id")


@pytest.mark.parametrize("lang, text", [("en", "Parameter frequency must be one of 'orders', 'days'"),
                                        ("zh", "参数 frequency 应为以下之一：'orders', 'days'")])
def test_rfm_table_refuses_an_unknown_counting_rule_in_the_active_language(lang, text):
    with language(lang), pytest.raises(ParameterError, match=text):
        rfm_table(small_tx(), frequency="invoices")
    with language(lang), pytest.raises(ParameterError, match="monetary"):
        rfm_table(small_tx(), monetary="median")


def _engines(tx: pd.DataFrame):
    polars_frame = pl.from_pandas(tx)
    yield "pandas", tx
    yield "polars", polars_frame
    yield "polars-lazy", polars_frame.lazy()
    yield "duckdb", duckdb.from_arrow(polars_frame.to_arrow())


def test_polars_day_numbers_are_the_calendar_arithmetic_of_the_other_engines():
    # Polars counts a date's days itself; the other engines share the calendar arithmetic. Both must
    # give the local calendar day: before 1970, just before midnight, zoned, and in every time unit.
    moments = [datetime.datetime(1969, 12, 31, 23, 59), datetime.datetime(1970, 1, 1), datetime.datetime(1900, 3, 1, 12),
               datetime.datetime(2000, 2, 29, 23, 59, 59), datetime.datetime(2024, 12, 31, 0, 0, 1)]
    naive = pl.DataFrame({"d": moments})
    frames = [naive.with_columns(pl.col("d").cast(pl.Datetime(unit))) for unit in ("us", "ms")]
    frames.append(naive.with_columns(pl.col("d").cast(pl.Date)))
    frames += [naive.with_columns(pl.col("d").dt.replace_time_zone("UTC").dt.convert_time_zone(zone))
               for zone in ("Asia/Shanghai", "America/New_York")]
    for frame in frames:
        out = nw.from_native(frame).select(polars=day_number(nw.col("d"), nw.Implementation.POLARS),
                                           arithmetic=day_number(nw.col("d"), nw.Implementation.DUCKDB)).to_native()
        local_days = [(value if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)
                       else value.date()).toordinal() - 719_163 for value in frame["d"].to_list()]
        assert out["polars"].to_list() == out["arithmetic"].to_list() == local_days, frame.schema


def test_text_by_position_is_the_same_lookup_on_every_engine():
    # Polars gathers, DuckDB indexes a list literal, others map: quotes in texts or names change nothing
    texts = [f"it's {code}" for code in range(1000)]
    codes = pd.DataFrame({'cell "code"': [555, 0, 999, 111, 555]})
    expected = [texts[code] for code in codes['cell "code"']]
    otherwise = nw.col('cell "code"').replace_strict(dict(enumerate(texts)), return_dtype=nw.String)
    for name, frame in _engines(codes):
        out = collect(with_text(as_lazy(frame), 'cell "code"', texts, otherwise, "text's"))
        assert sorted(out["text's"].to_list()) == sorted(expected), name


def test_engines_agree_on_the_r_package_orders():
    tx = pd.read_csv(FIXTURES / "rfm_r_package" / "rfm_data_orders.csv", parse_dates=["order_date"])
    results = {name: rfm_table(frame, "2006-12-31", amount_col="revenue") for name, frame in _engines(tx)}
    for name, out in results.items():
        pd.testing.assert_frame_equal(out, results["pandas"], check_dtype=False, obj=name)


def test_a_polars_lazy_scan_is_never_materialised_only_summarised(tmp_path, monkeypatch):
    path = tmp_path / "tx.parquet"
    pl.from_pandas(small_tx()).write_parquet(path)
    heights = []
    original = pl.LazyFrame.collect

    def recording_collect(self, *args, **kwargs):
        out = original(self, *args, **kwargs)
        heights.append(out.height)
        return out

    monkeypatch.setattr(pl.LazyFrame, "collect", recording_collect)
    out = rfm_table(pl.scan_parquet(path))
    # checks on the order ids come back as one row; the aggregation as one row per customer
    assert sorted(heights) == [1] * (len(heights) - 1) + [len(out)]
    pd.testing.assert_frame_equal(out, rfm_table(small_tx()), check_dtype=False)


def _order_layouts() -> dict[str, pd.DataFrame]:
    """The same purchases with order ids laid out as the distinct-order counting sees them."""
    rng = np.random.default_rng(11)
    n = 400
    base = pd.DataFrame({
        "customer_id": pd.array(rng.choice(["a", "b", "c", "d"], n), dtype="str"),
        "order_date": pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 90, n), unit="D"),
        "amount": rng.integers(1, 500, n) / 10,
    })
    rising = base.assign(order_id=np.arange(n) * 3)
    late_repeat = rising.assign(order_id=np.r_[rising["order_id"][:-1], rising["order_id"].iloc[0]])
    late_repeat.loc[n - 1, "customer_id"] = late_repeat.loc[0, "customer_id"]
    return {
        "one row per order, ids rising": rising,
        "one row per order, ids shuffled": rising.assign(order_id=rng.permutation(rising["order_id"])),
        "line items: every order on two rows": base.assign(order_id=np.arange(n) // 2),
        "an id repeated only after the first rows": late_repeat,
        "two missing ids": rising.assign(order_id=rising["order_id"].astype("Int64").mask(
            rising.index.isin([3, 7]))),
    }


@pytest.mark.parametrize("layout", list(_order_layouts()))
@pytest.mark.parametrize("grain", ["auto", "line"])
def test_orders_are_counted_exactly_whatever_the_order_id_layout(layout, grain, monkeypatch):
    monkeypatch.setattr("helpers.rfm.table._SAMPLE_ROWS", 50)  # so a repeat can hide beyond the sample
    tx = _order_layouts()[layout]
    expected = tx.groupby("customer_id")["order_id"].nunique(dropna=False).sort_index()
    for name, frame in _engines(tx):
        out = rfm_table(frame, grain=grain)
        assert out["frequency"].tolist() == expected.tolist(), (name, grain)
        # the fast path (rows counted) is taken only where it is proven: rising ids in file order
        took_fast_path = out.attrs["grain"] == "order"
        assert took_fast_path == (grain == "auto" and layout == "one row per order, ids rising"
                                  and name != "duckdb"), (name, grain)


def test_a_stated_one_row_per_order_is_never_a_silent_miscount_of_order_lines(monkeypatch):
    layouts = _order_layouts()
    lines = layouts["line items: every order on two rows"]
    for name, frame in _engines(lines):
        with language("en"), pytest.raises(DataError, match="repeat within the first 100,000 rows.*grain=\"line\""):
            rfm_table(frame, grain="order")
    # one row per order, in any order: rows are counted, which is exact, and nothing is checked beyond the sample
    shuffled = layouts["one row per order, ids shuffled"]
    for name, frame in _engines(shuffled):
        out = rfm_table(frame, grain="order")
        assert out.attrs["grain"] == "order"
        assert out["frequency"].tolist() == shuffled.groupby("customer_id").size().sort_index().tolist(), name
    # a repeat past the first rows is the caller's statement: counted as another order, as documented
    monkeypatch.setattr("helpers.rfm.table._SAMPLE_ROWS", 50)
    late = layouts["an id repeated only after the first rows"]
    assert rfm_table(late, grain="order")["frequency"].sum() == len(late)
    assert rfm_table(late)["frequency"].sum() == len(late) - 1              # the default is exact


def test_customer_ids_held_as_the_index_are_read_as_the_column():
    # as the kit's own tables hold them; before, rfm_table and btyd_summary said the column was missing
    tx = pd.DataFrame({"customer_id": ["b", "a", "b"], "order_id": [1, 2, 3], "amount": [5.0, 7.0, 1.0],
                       "order_date": pd.to_datetime(["2024-01-02", "2024-01-05", "2024-02-01"])})
    indexed = tx.set_index("customer_id")
    pd.testing.assert_frame_equal(rfm_table(indexed), rfm_table(tx))
    pd.testing.assert_frame_equal(btyd_summary(indexed), btyd_summary(tx))
    assert indexed.index.name == "customer_id" and "customer_id" not in indexed.columns     # not changed


def test_an_id_written_as_a_number_in_some_rows_and_as_text_in_others_is_one_customer():
    # a spreadsheet's cells: 5, "5" and 5.0 in one object column; before, two customers with one id
    from helpers.lifecycle import relationship_states

    rng = np.random.default_rng(5)
    ids = rng.integers(0, 20, 120)
    tx = pd.DataFrame({"customer_id": ids.astype(str), "order_id": np.arange(120),
                       "amount": rng.integers(1, 99, 120) * 1.0,
                       "order_date": pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 200, 120), unit="D")})
    written = [[int(v), str(v), float(v)][k % 3] for k, v in enumerate(ids)]
    mixed = tx.assign(customer_id=pd.Series(written, dtype=object))
    out = rfm_table(mixed)
    assert out.index.is_unique and len(out) == tx["customer_id"].nunique()
    pd.testing.assert_frame_equal(out, rfm_table(tx))
    pd.testing.assert_frame_equal(btyd_summary(mixed), btyd_summary(tx))
    pd.testing.assert_frame_equal(relationship_states(mixed).table, relationship_states(tx).table)


def test_purchases_without_a_customer_id_are_nobody_s_and_are_counted(tmp_path):
    # walk-in buyers: an engine groups them as one customer with a missing id, which would be scored
    from helpers.lifecycle import relationship_states

    rng = np.random.default_rng(3)
    n = 300
    tx = pd.DataFrame({"customer_id": rng.integers(0, 40, n).astype(str), "order_id": np.arange(n),
                       "order_date": pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 300, n), unit="D"),
                       "amount": rng.integers(100, 50_000, n) / 100})
    anonymous = tx.index % 13 == 0
    tx.loc[anonymous, "customer_id"] = None
    known = tx[~anonymous]
    total = f"{tx.loc[anonymous, 'amount'].sum():,.2f}"
    tx.to_parquet(tmp_path / "tx.parquet")
    expected = rfm_score(rfm_table(known)).table
    with language("en"):
        with pytest.warns(DataWarning, match=rf"^{anonymous.sum()} orders \(total {total}\) have no customer id"):
            pandas = rfm_score(rfm_table(tx)).table
        for engine in (pl.from_pandas(tx).lazy(), duckdb.connect().read_parquet(str(tmp_path / "tx.parquet"))):
            with pytest.warns(DataWarning, match=rf"^{anonymous.sum()} orders \(total {total}\)"):
                scored = rfm_score(rfm_table(engine, collect=False)).table
            scored = collect(as_lazy(scored)).to_pandas().set_index("customer_id").sort_index()
            assert scored.index.tolist() == expected.index.tolist()
            assert (scored[["R", "F", "M"]] == expected[["R", "F", "M"]]).all().all()
        for step in (btyd_summary, relationship_states):
            with pytest.warns(DataWarning, match=rf"^{anonymous.sum()} transactions \(total {total}\)"):
                out = step(tx)
            alone = step(known)
            assert getattr(out, "table", out).index.tolist() == getattr(alone, "table", alone).index.tolist()
    pd.testing.assert_frame_equal(pandas, expected)


# the words of each cause (no such file, a folder, not Parquet) in each language
unreadable_words = pytest.mark.parametrize("lang, words", [
    ("zh", ["找不到文件", "是一个文件夹", "不是 Parquet 文件"]),
    ("en", ["does not exist", "is a folder", "is not a Parquet file"])])


@pytest.fixture
def unreadable(tmp_path):
    """A folder holding a CSV file (tx.csv) and a Parquet file cut short (cut.parquet)."""
    (tmp_path / "tx.csv").write_text("customer_id,order_date,amount\na,2024-01-01,1\n")
    whole = tmp_path / "whole.parquet"
    pd.DataFrame({"customer_id": ["a"] * 500, "amount": np.arange(500.0)}).to_parquet(whole)
    (tmp_path / "cut.parquet").write_bytes(whole.read_bytes()[:-40])
    return tmp_path


@unreadable_words
def test_scan_transactions_names_a_path_it_cannot_read_and_the_fix(unreadable, lang, words):
    # never DuckDB's own text: a missing path or pattern, a folder, a CSV, a Parquet file cut short
    cases = [(unreadable / "none.parquet", words[0]), (str(unreadable / "*.nothing"), words[0]), (unreadable, words[1]),
             (unreadable / "tx.csv", words[2]), (unreadable / "cut.parquet", words[2])]
    with language(lang):
        for path, word in cases:
            with pytest.raises(DataError) as err:
                scan_transactions(path)
            assert word in str(err.value) and str(path) in str(err.value), path
            assert "Error" not in str(err.value) and err.value.fix_key, path
    # a URL is DuckDB's to read (s3://, https://): the kit does not call it missing
    with pytest.raises(Exception) as err:
        scan_transactions("s3://crm-kit-no-such-bucket/tx/*.parquet")
    assert not isinstance(err.value, DataError)


@unreadable_words
def test_a_polars_scan_of_a_file_it_cannot_read_is_named_with_the_fix(unreadable, lang, words, monkeypatch):
    # the kit's first look at a user's pl.scan_parquet / pl.scan_csv reads the file: never Polars' own text
    folder = unreadable / '交易 "2024"'
    folder.mkdir()
    cases = [(pl.scan_parquet(unreadable / "none.parquet"), words[0], unreadable / "none.parquet"),
             (pl.scan_parquet(unreadable / "*.nothing"), words[0], unreadable / "*.nothing"),
             (pl.scan_csv(unreadable / "none.csv"), words[0], unreadable / "none.csv"),
             (pl.scan_parquet(folder), words[1], folder),
             (pl.scan_parquet(unreadable / "tx.csv"), words[2], None),
             (pl.scan_parquet(unreadable / "cut.parquet"), words[2], None)]
    with language(lang):
        for scan, word, path in cases:
            for step in (rfm_table, btyd_summary):
                with pytest.raises(DataError) as err:
                    step(scan)
                assert word in str(err.value) and (path is None or str(path) in str(err.value)), (step, path)
                assert "Error" not in str(err.value) and err.value.fix_key, (step, path)
    # a file it may not read (a root account reads every file: the operating system's refusal is simulated)
    def refused(self):
        raise PermissionError(f"Permission denied (os error 13): {unreadable / 'tx.parquet'}")

    monkeypatch.setattr(nw.LazyFrame, "collect_schema", refused)
    with language(lang), pytest.raises(DataError) as err:
        rfm_table(pl.scan_parquet(unreadable / "tx.parquet"))
    assert err.value.key == "err_data_locked" and str(unreadable / "tx.parquet") in str(err.value)


def test_scan_transactions_spills_under_its_memory_limit_and_changes_no_number(tmp_path):
    # invoice lines, two per order: the per-customer distinct-order count needs > 60 MB in memory
    rng = np.random.default_rng(7)
    n = 1_000_000
    tx = pd.DataFrame({
        "customer_id": ("c" + pd.Series(rng.integers(0, 20_000, n)).astype("str")).array,
        "order_id": np.arange(n) // 2,
        "order_date": pd.Timestamp("2024-01-01")
        + pd.to_timedelta(rng.integers(0, 10**7, n), unit="s"),
        "amount": rng.integers(1, 10_000, n) / 100,
    })
    path = tmp_path / "tx.parquet"
    tx.to_parquet(path, row_group_size=100_000)  # several row groups: read in parallel
    relation = scan_transactions(path, memory_limit="40MB", temp_directory=tmp_path / "spill")
    settings = relation.query("tx", "SELECT current_setting('memory_limit'), "
                                    "current_setting('temp_directory') FROM tx LIMIT 1")
    assert settings.fetchall() == [("38.1 MiB", str(tmp_path / "spill"))]
    pd.testing.assert_frame_equal(rfm_table(relation), rfm_table(tx), check_dtype=False)
    with pytest.raises(duckdb.OutOfMemoryException):  # the same limit without spilling is too small
        rfm_table(scan_transactions(path, memory_limit="40MB", temp_directory=""))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(st.characters(exclude_categories=["Cs"]), max_size=6), min_size=1, max_size=40, unique=True))
def test_text_ids_come_back_in_python_order_whatever_the_characters(ids):
    # Polars sorts them before pandas gets them, and the kit trusts that order without checking it again
    shuffled = list(reversed(ids))
    out = to_customer_index(nw.from_native(pl.DataFrame({"customer_id": shuffled, "n": range(len(ids))})),
                            "customer_id")
    assert out.index.tolist() == sorted(ids)
    assert out.loc[shuffled[0], "n"] == 0


transactions = st.lists(
    st.tuples(st.sampled_from(["c1", "c2", "c3", "c4"]), st.integers(0, 60),
              st.floats(0, 500, allow_nan=False).map(lambda v: round(v, 2))),
    min_size=1, max_size=30,
).map(lambda rows: pd.DataFrame({
    "customer_id": pd.array([r[0] for r in rows], dtype="str"),
    "order_id": pd.array([f"o{i}" for i in range(len(rows))], dtype="str"),
    "order_date": pd.Timestamp("2024-01-01") + pd.to_timedelta([r[1] for r in rows], unit="D"),
    "amount": [r[2] for r in rows],
}))


@settings(max_examples=15, deadline=None)
@given(transactions, st.randoms(use_true_random=False))
def test_engines_agree_and_row_order_changes_nothing(tx, rnd):
    expected = rfm_table(tx)
    shuffled = tx.sample(frac=1, random_state=rnd.randint(0, 10**6)).reset_index(drop=True)
    pd.testing.assert_frame_equal(rfm_table(shuffled), expected)
    for name, frame in list(_engines(tx))[1:]:
        pd.testing.assert_frame_equal(rfm_table(frame), expected, check_dtype=False, obj=name)
    assert expected["revenue"].sum() == pytest.approx(tx["amount"].sum())
    assert expected["frequency"].sum() == len(tx)


def test_btyd_summary_reproduces_hardies_cdnow_calibration_summary():
    summary = btyd_summary(cdnow_sample(), "1997-09-30", period="W")
    hardie = pd.read_csv(CDNOW / "cdnow_customers_summary_with_transactions.csv",
                         dtype={"ID": "string"}).set_index("ID")
    assert len(summary) == len(hardie) == 2357
    ours = summary.loc[hardie.index]
    assert (ours["x"] == hardie["x"]).all()
    # Hardie's file is rounded to 2 decimals
    for column in ("t_x", "T", "zbar"):
        assert np.abs(ours[column] - hardie[column]).max() <= 0.005 + 1e-9, column
    plain = pd.read_csv(CDNOW / "cdnow_customers_summary.csv", dtype={"ID": "string"}).set_index("ID")
    assert (ours["x"] == plain["frequency"]).all()
    assert np.abs(ours["t_x"] - plain["recency"]).max() <= 0.005 + 1e-9


def test_btyd_summary_customer_1_and_holdout_counts():
    summary = btyd_summary(cdnow_sample(), as_of="1997-09-30", holdout_end="1998-06-30", period="W")
    one = summary.loc["1"]
    assert (one["x"], round(one["t_x"], 2), round(one["T"], 2)) == (2, 30.43, 38.86)
    assert one["duration_holdout"] == pytest.approx(273 / 7)
    tx = cdnow_sample()
    holdout = tx[(tx["order_date"] > "1997-09-30") & (tx["order_date"] <= "1998-06-30")]
    expected = holdout.groupby("customer_id")["order_date"].nunique()
    assert summary["x_star"].sum() == expected.sum()
    assert summary.loc[expected.index, "x_star"].tolist() == expected.tolist()
    assert summary.attrs["as_of"] == pd.Timestamp("1997-09-30")
    assert summary.attrs["holdout_end"] == pd.Timestamp("1998-06-30") and summary.attrs["period"] == "W"


def test_btyd_summary_in_days_and_same_day_orders_count_once():
    tx = pd.DataFrame({"customer_id": ["a"] * 3, "amount": [10.0, 5.0, 7.0],
                       "order_date": pd.to_datetime(["2024-01-01", "2024-01-01", "2024-01-11"])})
    out = btyd_summary(tx, "2024-01-21", period="D")
    assert out.loc["a"].to_dict() == {"x": 1, "t_x": 10.0, "T": 20.0, "zbar": 7.0}
    # a purchase on as_of counts; by default as_of is the day after the last purchase (docs/vocabulary.md)
    assert btyd_summary(tx, "2024-01-11", period="D").loc["a", "x"] == 1
    default = btyd_summary(tx, period="D")
    assert default.attrs["as_of"] == pd.Timestamp("2024-01-12") and default.loc["a", "T"] == 11.0


def test_negative_amounts_are_warned_about():
    from helpers.errors import DataWarning

    tx = small_tx()
    tx.loc[0, "amount"] = -50.0
    with pytest.warns(DataWarning, match="1 customers have a negative total in 'amount'"):
        out = rfm_table(tx)
    assert out.loc["b", "monetary"] == -50.0


def test_untyped_dates_or_amounts_get_a_clear_error():
    tx = small_tx()
    with pytest.raises(DataError, match="order_date.*date-times.*load_transactions"):
        rfm_table(tx.assign(order_date=tx["order_date"].astype(str)))
    with pytest.raises(DataError, match="amount"):
        btyd_summary(tx.assign(amount=tx["amount"].astype(str)))


def test_order_ids_without_an_order_of_their_own_are_still_counted_exactly():
    tx = pl.DataFrame({"customer_id": ["a", "b", "a", "a"], "order_id": [[1], [2], [1], [3]],
                       "order_date": pd.to_datetime(["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04"]),
                       "amount": [1.0, 2.0, 3.0, 4.0]})
    assert rfm_table(tx.lazy())["frequency"].to_dict() == {"a": 2, "b": 1}
    assert rfm_table(tx.slice(0, 2).lazy())["frequency"].to_dict() == {"a": 1, "b": 1}


def test_totals_are_the_same_on_every_run_of_a_parallel_engine():
    # Polars' streaming engine adds in an order that changes from run to run; rounded to a
    # millionth of the currency, the totals (and everything computed from them) do not change
    from helpers.data import load_online_retail

    tx = pl.from_pandas(load_online_retail()[0][["customer_id", "order_id", "order_date", "amount"]]).lazy()
    runs = [rfm_table(tx)["monetary"] for _ in range(4)]
    assert all(run.equals(runs[0]) for run in runs)
    zbar = [btyd_summary(tx)["zbar"] for _ in range(4)]
    assert all(run.equals(zbar[0]) for run in zbar)
