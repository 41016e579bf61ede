"""The malformed-input corpus (tests/malformed/): each file gives a clear error or exact counts."""
from pathlib import Path

import pandas as pd
import pytest

from helpers.data import load_table, load_transactions
from helpers.errors import DataError, DataWarning
from helpers.i18n import language

# Small files trip the large-share warning on purpose; tests that are about it use pytest.warns.
pytestmark = pytest.mark.filterwarnings("ignore::helpers.errors.DataWarning")
CORPUS = Path(__file__).resolve().parent / "malformed"


def load(name, **kw):
    return load_transactions(CORPUS / name, **kw)


def error_of(name, **kw) -> DataError:
    with pytest.raises(DataError) as info:
        load(name, **kw)
    return info.value


def test_corpus_has_at_least_eighty_files():
    assert len([p for p in CORPUS.iterdir() if p.name != "make_corpus.py"]) >= 80


# --- fatal problems: message names the column, the rows and the fix ---------------------------

@pytest.mark.parametrize("name, expected", [
    ("empty.csv", ["empty.csv is empty", "Fix: export the data again"]),
    ("header_only.csv", ["header (customer_id, order_date, amount) but no data rows", "Fix:"]),
    ("not_a_table.png", ["is not a table (PNG)", "Fix: give a CSV, Excel"]),
    ("not_a_table.json", ["is not a table (JSON)", "Fix: give a CSV"]),
    ("undecodable.csv", ["The text encoding of", "cannot be told", 'encoding="cp1252"']),
    ("missing_customer_column.csv", ["No customer_id column", "Headers found: 'order_date', 'amount'",
                                     "客户编号", "Customer ID", 'columns={"customer_id": "your header"}']),
    ("ambiguous_headers.csv", ["Both '客户ID' and 'CustomerID' look like customer_id",
                               'columns={"customer_id": "客户ID"}']),
    ("all_dates_bad.csv", ["column 'order_date' could be read as a date", "rows", "1, 2", "date_format="]),
    ("all_amounts_bad.csv", ["column 'amount' could be read as a number", "1, 2", "Fix: check that the amount"]),
    ("ambiguous_day_month.csv", ["'order_date' could be day/month/year or month/day/year",
                                 "(data rows counted from 1): 2, 3", 'date_format="%d/%m/%Y"']),
])
def test_fatal_problems_name_what_where_and_the_fix(name, expected):
    message = str(error_of(name))
    for part in expected:
        assert part in message, (part, message)


def test_fatal_messages_follow_the_active_language():
    with language("zh"):
        assert "缺少 customer_id 列" in str(error_of("missing_customer_column.csv"))
        message = str(error_of("ambiguous_day_month.csv"))
        assert "无法判断" in message and "问题行" in message and "2, 3" in message and "解决办法" in message
        assert "无法确定" in str(error_of("undecodable.csv")) and 'encoding="cp1252"' in str(error_of("undecodable.csv"))


def test_an_explicit_encoding_overrides_detection():
    clean, report = load("undecodable.csv", encoding="latin-1")
    assert report.encoding == "latin-1" and clean["customer_id"].iloc[0] == "ÿþÿ"


def test_missing_file_names_the_path():
    assert "does not exist" in str(error_of("no_such_file.csv"))


# --- encodings, delimiters and file types -----------------------------------------------------

@pytest.mark.parametrize("name, encoding, mapping, kept", [
    ("gbk_chinese_headers.csv", "gb18030", {"customer_id": "客户编号", "order_date": "下单时间", "amount": "实付金额"}, 3),
    ("utf8_bom.csv", "utf-8-sig", {"customer_id": "Customer ID", "order_date": "Order Date", "amount": "Amount"}, 2),
    ("semicolon.csv", "utf-8", {"customer_id": "cust_id", "order_date": "date", "amount": "revenue"}, 2),
    ("tab_separated.tsv", "utf-8", {"customer_id": "Customer", "order_date": "Date", "amount": "Sales"}, 2),
    ("gzipped.csv.gz", "utf-8", {"customer_id": "customer_id", "order_date": "order_date", "amount": "amount"}, 2),
    ("whitespace_separated.txt", "utf-8", {"customer_id": "customer_id", "order_date": "date",
                                           "amount": "dollar_value", "quantity": "number_of_cds"}, 3),
])
def test_text_files_are_decoded_split_and_mapped(name, encoding, mapping, kept):
    clean, report = load(name)
    assert report.encoding == encoding and report.columns == mapping
    assert report.rows_read == report.rows_kept == kept
    assert clean["customer_id"].dtype == "str" and clean["order_date"].dtype == "datetime64[ns]"
    assert clean["amount"].dtype == "float64"


def test_gbk_values_and_extra_columns_survive():
    clean, _ = load("gbk_chinese_headers.csv")
    assert clean.columns.tolist() == ["customer_id", "order_date", "amount", "商品"]
    assert clean["商品"].tolist() == ["茶叶", "月饼", "绿茶"] and clean["amount"].sum() == pytest.approx(243.7)


def test_ids_keep_leading_zeros():
    clean, _ = load("whitespace_separated.txt")
    assert clean["customer_id"].tolist() == ["00001", "00002", "00002"]


def test_excel_file_with_chinese_headers_and_a_return():
    clean, report = load("orders.xlsx")
    assert report.encoding is None and report.columns["customer_id"] == "客户号"
    assert report.excluded == {"excl_return": 1} and report.first_rows == {"excl_return": [3]}
    assert clean["amount"].tolist() == [100.0, 250.0]


def test_excel_sheet_by_name_and_a_missing_sheet():
    assert load("orders.xlsx", sheet="订单")[1].rows_kept == 2
    message = str(error_of("orders.xlsx", sheet="Sheet9"))
    assert "has no sheet Sheet9; its sheets are: '订单'" in message and 'sheet="its name"' in message


def test_parquet_file_with_time_zone_keeps_local_wall_time():
    clean, report = load("orders.parquet")
    assert clean["order_date"].tolist() == [pd.Timestamp("2024-01-05 23:30"), pd.Timestamp("2024-01-06 08:00")]
    assert clean["order_date"].dtype == "datetime64[ns]"
    assert ("note_data_tz_dropped", {"n": 2}) in report.notes


# --- rows excluded for stated reasons ---------------------------------------------------------

def test_unparseable_and_missing_dates_are_excluded_with_their_rows():
    clean, report = load("unparseable_dates.csv")
    assert report.excluded == {"excl_bad_date": 3} and report.first_rows["excl_bad_date"] == [2, 3, 4]
    assert clean["customer_id"].tolist() == ["A1", "A5"]


def test_mixed_date_formats_are_all_read_day_first_when_a_day_shows_it():
    clean, report = load("mixed_date_formats.csv")
    assert clean["order_date"].dt.strftime("%Y-%m-%d").tolist() == [
        "2024-01-05", "2024-01-06", "2024-01-07", "2024-01-08", "2024-01-13", "2024-01-02"]
    assert ("note_data_day_first", {"n": 2}) in report.notes


def test_explicit_date_format_resolves_day_month_ambiguity():
    clean, report = load("ambiguous_day_month.csv", date_format="%m/%d/%Y")
    # ISO values do not follow the given format: they are excluded and counted, not guessed.
    assert report.excluded == {"excl_bad_date": 1} and report.first_rows["excl_bad_date"] == [1]
    assert clean["order_date"].dt.strftime("%Y-%m-%d").tolist() == ["2024-01-02", "2024-03-04"]


def test_time_zone_offsets_are_dropped_keeping_local_time():
    clean, report = load("tz_aware_dates.csv")
    assert clean["order_date"].dt.strftime("%Y-%m-%d %H:%M").tolist() == [
        "2024-01-05 23:30", "2024-01-05 10:00", "2024-01-06 09:15"]
    assert ("note_data_tz_dropped", {"n": 3}) in report.notes
    assert "time zone" in str(report)


def test_a_decimal_comma_beside_a_decimal_point_is_refused_with_its_row():
    # "1,5" shows a decimal comma, "99.5" a decimal point: one column cannot be read both ways.
    err = error_of("non_numeric_amounts.csv")
    assert err.key == "err_data_decimal_mixed" and err.rows == [4]
    assert "a decimal point (e.g. 99.5) and a decimal comma (e.g. 1,5)" in str(err)


def test_negative_amounts_are_returns_unless_kept_for_netting():
    clean, report = load("negative_amounts.csv")
    assert report.excluded == {"excl_return": 1} and report.first_rows["excl_return"] == [2]
    assert ("note_data_zero_amounts", {"n": 1}) in report.notes and 0.0 in clean["amount"].tolist()
    netted, report = load("negative_amounts.csv", returns="keep")
    assert netted["amount"].sum() == 120.0 and report.rows_kept == 4
    assert ("note_data_returns_kept", {"n": 1}) in report.notes


def test_cancellations_adjustments_and_returns_online_retail_style():
    clean, report = load("cancellations.csv")
    assert report.excluded == {"excl_missing_customer": 1, "excl_cancellation": 1,
                               "excl_adjustment": 1, "excl_return": 1}
    assert report.first_rows == {"excl_missing_customer": [3], "excl_cancellation": [2],
                                 "excl_adjustment": [4], "excl_return": [6]}
    assert clean["order_id"].tolist() == ["536365", "536366"]
    assert clean["amount"].tolist() == pytest.approx([6 * 2.55, 6 * 1.85])
    kept, report = load("cancellations.csv", returns="keep")
    assert report.excluded == {"excl_missing_customer": 1, "excl_adjustment": 1}
    assert kept["order_id"].tolist() == ["536365", "C536379", "536366", "536367"]


def test_exact_duplicates_are_dropped_or_kept():
    clean, report = load("duplicates.csv")
    assert report.excluded == {"excl_duplicate": 2} and report.first_rows["excl_duplicate"] == [2, 5]
    assert clean["sku"].tolist() == ["x", "y", "x"]
    kept, report = load("duplicates.csv", duplicates="keep")
    assert report.rows_kept == 5 and ("note_data_duplicates_kept", {"n": 2}) in report.notes


def test_missing_and_blank_customer_ids_are_excluded():
    with pytest.warns(DataWarning):
        clean, report = load("missing_ids.csv")
    assert report.excluded == {"excl_missing_customer": 2}
    assert report.first_rows["excl_missing_customer"] == [2, 3]
    assert clean["customer_id"].tolist() == ["A1", "A2"]


def test_float_ids_lose_their_decimal_part():
    clean, report = load("float_ids.csv")
    assert clean["customer_id"].tolist() == ["17850", "13047"]
    assert ("note_data_ids_from_float", {"n": 2}) in report.notes


def test_amount_is_derived_from_quantity_and_unit_price():
    clean, report = load("quantity_price.csv")
    assert clean["amount"].tolist() == pytest.approx([19.8, 100.0, 0.0])
    assert clean.columns.tolist()[:6] == ["customer_id", "order_date", "amount", "order_id", "quantity", "unit_price"]
    assert report.notes[0] == ("note_data_amount_derived", {"quantity": "数量", "price": "单价"})
    assert "amount = '数量' × '单价'" in str(report)
    with language("zh"):
        assert "金额 = '数量' × '单价'" in str(report)


def test_report_speaks_both_languages():
    _, report = load("cancellations.csv")
    assert "Cancellation (order id starting with C)" in str(report)
    with language("zh"):
        assert "取消的订单" in str(report) and "读取行数合计" in report._repr_html_()


def test_load_table_reads_any_table_with_the_same_detection():
    table = load_table(CORPUS / "gbk_chinese_headers.csv")
    assert table.attrs["encoding"] == "gb18030" and table["实付金额"].dtype == "float64"
    with pytest.raises(DataError, match="not a table"):
        load_table(CORPUS / "not_a_table.png")
