"""The bundled datasets load with the documented counts (datasets/README.md, helpers.data)."""
import pandas as pd
import pytest

from helpers.data import datasets_dir, load_cdnow, load_online_retail


@pytest.fixture(scope="module")
def cdnow():
    return load_cdnow()


@pytest.fixture(scope="module")
def online_retail():
    return load_online_retail()


def test_bundled_files_are_compressed_and_small():
    files = [p for p in datasets_dir().rglob("*") if p.suffix in (".gz", ".parquet")]
    assert {p.name for p in files} >= {"cdnow_master.csv.gz", "cdnow_sample.csv.gz", "online_retail.parquet"}
    assert all(p.stat().st_size < 10_000_000 for p in files)


def test_cdnow_master_counts(cdnow):
    clean, report = cdnow
    assert report.rows_read == report.rows_kept == len(clean) == 69_659 and report.excluded == {}
    assert report.customers == 23_570 == clean["customer_id"].nunique()
    assert clean["amount"].sum() == pytest.approx(2_500_315.63)
    assert (report.date_min, report.date_max) == (pd.Timestamp("1997-01-01"), pd.Timestamp("1998-06-30"))
    assert ("note_data_zero_amounts", {"n": 80}) in report.notes
    assert ("note_data_duplicates_kept", {"n": 255}) in report.notes


def test_cdnow_ids_are_zero_padded_text_and_first_purchases_in_q1_1997(cdnow):
    clean, _ = cdnow
    assert clean["customer_id"].str.len().eq(5).all() and clean["customer_id"].iloc[0] == "00001"
    first = clean.groupby("customer_id")["order_date"].min()
    assert first.max() == pd.Timestamp("1997-03-25")


def test_cdnow_sample_is_one_tenth_of_the_master(cdnow):
    sample, report = load_cdnow(sample=True)
    assert report.rows_read == report.rows_kept == 6_919 and report.customers == 2_357
    assert set(sample["customer_id"]) <= set(cdnow[0]["customer_id"])
    assert sample.columns.tolist() == ["customer_id", "order_date", "amount", "quantity", "sample_id"]


def test_online_retail_counts(online_retail):
    clean, report = online_retail
    assert report.rows_read == 541_909 and report.rows_kept == 392_732 == len(clean)
    assert report.excluded == {"excl_missing_customer": 135_080, "excl_cancellation": 8_905, "excl_duplicate": 5_192}
    assert report.customers == 4_339 and report.orders == 18_536
    assert (report.date_min, report.date_max) == (pd.Timestamp("2010-12-01 08:26"), pd.Timestamp("2011-12-09 12:50"))
    assert report.notes[0][0] == "note_data_amount_derived"
    assert ("note_data_zero_amounts", {"n": 40}) in report.notes


def test_online_retail_types_and_derived_amount(online_retail):
    clean, _ = online_retail
    assert clean.columns.tolist() == ["customer_id", "order_date", "amount", "order_id", "quantity", "unit_price",
                                      "StockCode", "Description", "Country"]
    assert clean["order_date"].dtype == "datetime64[ns]" and clean["customer_id"].dtype == "str"
    assert (clean["amount"] == clean["quantity"] * clean["unit_price"]).all()
    assert clean["customer_id"].iloc[0] == "17850" and (clean["amount"] >= 0).all()



def test_reports_name_the_bundled_file_the_same_way_everywhere(cdnow):
    assert cdnow[1].source == "datasets/cdnow/cdnow_master.csv.gz"
    assert repr(cdnow[1]) == "DataReport('datasets/cdnow/cdnow_master.csv.gz': 69,659 read, 69,659 kept, 0 excluded)"
