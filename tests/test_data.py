"""load_transactions on DataFrames: mapping, typing, accounting, immutability and order independence."""
import io
import subprocess
import sys

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.data.columns import map_columns, normalize_header, role_of
from helpers.data import load_transactions
from helpers.data.data_report import REASONS, DataReport
from helpers.errors import DataError, DataWarning
from helpers.i18n import language
from helpers.data.encodings import decode
from helpers.data.files import sniff_delimiter

pytestmark = pytest.mark.filterwarnings("ignore::helpers.errors.DataWarning")


def orders(**extra):
    frame = pd.DataFrame({"客户ID": ["c1", "c2", "c1", None, "c3"],
                          "订单日期": ["2024-01-05", "2024-01-06", "2024-01-05", "2024-01-07", "bad"],
                          "订单金额": [10.0, -5.0, 10.0, 7.0, 3.0]})
    return frame.assign(**extra)


def test_the_callers_frame_is_not_modified():
    frame = orders()
    before = frame.copy()
    load_transactions(frame)
    pd.testing.assert_frame_equal(frame, before)


def test_a_typed_frame_is_not_modified_either():
    frame = pd.DataFrame({"CustomerID": [17850.0, None, 13047.0],
                          "InvoiceDate": pd.to_datetime(["2024-01-05 10:00"] * 3).tz_localize("Asia/Shanghai"),
                          "Quantity": [2, -1, 3], "UnitPrice": [1.5, 2.0, 0.5]})
    before = frame.copy()
    clean, report = load_transactions(frame)
    pd.testing.assert_frame_equal(frame, before)
    assert clean["customer_id"].tolist() == ["17850", "13047"] and clean["amount"].tolist() == [3.0, 1.5]
    assert clean["order_date"].iloc[0] == pd.Timestamp("2024-01-05 10:00")


def test_every_row_is_accounted_for_with_first_rows():
    clean, report = load_transactions(orders())
    assert report.excluded == {"excl_missing_customer": 1, "excl_bad_date": 1, "excl_return": 1, "excl_duplicate": 1}
    assert report.first_rows == {"excl_missing_customer": [4], "excl_bad_date": [5], "excl_return": [2],
                                 "excl_duplicate": [3]}
    assert report.rows_read == 5 and report.rows_kept == 1 == len(clean)
    assert report.customers == 1 and report.orders == 1 and report.check() is report


def test_report_frame_has_every_reason_and_a_total_line():
    _, report = load_transactions(orders())
    frame = report.to_frame()
    assert frame["reason"].tolist() == [*REASONS, "kept", "total"]
    assert frame["rows"].iloc[:-1].sum() == frame["rows"].iloc[-1] == 5
    assert frame.loc[frame["reason"] == "excl_return", "label"].item() == "Return (negative amount or quantity)"
    with language("zh"):
        assert report.to_frame()["label"].iloc[-1] == "读取行数合计"


def test_report_renders_as_text_and_html():
    _, report = load_transactions(orders())
    text, html = str(report), report._repr_html_()
    assert "Missing customer id" in text and "客户ID" in text and "2024-01-05" in text
    assert "<table" in html and "Exact duplicate row" in html and "20.0%" in html


def test_check_refuses_an_unbalanced_report():
    report = DataReport(source="x", rows_read=3, rows_kept=1, excluded={"excl_return": 1})
    with pytest.raises(AssertionError, match="read 3"):
        report.check()


def test_large_share_of_excluded_rows_warns():
    with pytest.warns(DataWarning, match="Missing customer id' excluded 20%"):
        load_transactions(orders())


def test_explicit_columns_override_synonyms():
    frame = orders(卡号=["k1", "k2", "k3", "k4", "k5"])
    clean, report = load_transactions(frame, columns={"customer_id": "卡号"})
    assert report.columns["customer_id"] == "卡号" and "客户ID" in clean.columns
    with pytest.raises(DataError, match="There is no column 'nope'"):
        load_transactions(frame, columns={"customer_id": "nope"})
    with pytest.raises(DataError, match="'client' in columns= is not a column role"):
        load_transactions(frame, columns={"client": "卡号"})


@pytest.mark.parametrize("policy", ["returns", "duplicates"])
def test_invalid_policy_is_refused_in_the_active_language(policy):
    from helpers.validation import ParameterError

    with language("en"), pytest.raises(ParameterError, match=rf"^Parameter {policy} must be one of 'drop', 'keep'"):
        load_transactions(orders(), **{policy: "net"})
    with language("zh"), pytest.raises(ParameterError, match=rf"^参数 {policy} 应为以下之一：'drop', 'keep'"):
        load_transactions(orders(), **{policy: "net"})


@pytest.mark.parametrize("header, role", [
    ("Customer ID", "customer_id"), ("cust_id", "customer_id"), ("会员号", "customer_id"), ("用户ID", "customer_id"),
    ("InvoiceDate", "order_date"), ("下单时间", "order_date"), ("购买日期", "order_date"),
    ("销售额", "amount"), ("dollar_value", "amount"), ("Revenue", "amount"),
    ("InvoiceNo", "order_id"), ("订单编号", "order_id"), ("数量", "quantity"), ("UnitPrice", "unit_price"),
    ("Description", None),
])
def test_header_synonyms(header, role):
    assert role_of(header) == role


def test_header_comparison_ignores_case_spaces_and_underscores():
    assert normalize_header(" CUSTOMER_id ") == normalize_header("Customer ID") == "customerid"
    assert map_columns(["DATE", "amount", "Customer"]) == {"customer_id": "Customer", "order_date": "DATE",
                                                          "amount": "amount"}


def test_ambiguous_headers_name_both_in_both_languages():
    with pytest.raises(DataError, match="Both '金额' and 'Sales' look like amount"):
        map_columns(["客户ID", "日期", "金额", "Sales"])
    with language("zh"), pytest.raises(DataError, match="'金额' 和 'Sales' 两列都像是 amount"):
        map_columns(["客户ID", "日期", "金额", "Sales"])


def test_encoding_detection_order():
    assert decode("客户".encode("utf-8"))[0] == "utf-8"
    assert decode("\ufeff客户".encode("utf-8"))[:2] == ("utf-8-sig", "客户")
    assert decode("客户".encode("gbk"))[0] == "gb18030"
    assert sniff_delimiter(["a\tb\tc"]) == "\t" and sniff_delimiter(["a|b"]) == "|"


def test_delimiter_is_the_one_that_splits_most_lines_alike():
    lines = ["订单导出, 2024年6月", "会员号;下单时间;实付金额", "a;2024-06-01;1,5", "b;2024-06-02;2,5"]
    assert sniff_delimiter(lines) == ";"


def test_file_objects_are_read_like_paths():
    data = io.BytesIO("会员ID;交易日期;消费金额\nm1;2024-01-05;12,5\nm2;2024-01-06;7\n".encode("gbk"))
    clean, report = load_transactions(data)
    # "12,5" shows a decimal comma, so the whole column is read that way.
    assert clean["amount"].tolist() == [12.5, 7.0] and ("note_data_decimal_comma", {"n": 2}) in report.notes


def test_importing_the_data_modules_does_not_import_matplotlib():
    code = "import sys, helpers.data, helpers.data, helpers.data.data_report; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


# --- property: nothing lost, nothing depends on row order -------------------------------------

cells = {
    "customer_id": st.sampled_from(["c1", "c2", " c3 ", "", None, "17850.0"]),
    "order_date": st.sampled_from(["2024-01-05", "2024/01/06", "20240107", "2024-01-05T10:00+08:00", "bad", None]),
    "amount": st.sampled_from(["10", "¥1,200", "-4", "0", "N/A", None, "3.5"]),
    "order_id": st.sampled_from(["O1", "O2", "C9", "A1", None]),
}
messy_frames = st.lists(st.fixed_dictionaries(cells), min_size=1, max_size=25).map(pd.DataFrame)


def _outcome(frame, **kw):
    try:
        clean, report = load_transactions(frame, **kw)
    except DataError as err:
        return err.key, None, None
    ordered = clean.sort_values(list(clean.columns)).reset_index(drop=True)
    return report, ordered, (report.rows_read, report.rows_kept, report.excluded)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(messy_frames, st.randoms(use_true_random=False), st.sampled_from(["drop", "keep"]))
def test_loading_accounts_for_every_row_whatever_the_row_order(frame, rnd, policy):
    report, clean, counts = _outcome(frame, returns=policy, duplicates=policy)
    shuffled = frame.sample(frac=1, random_state=rnd.randrange(2**31)).reset_index(drop=True)
    report2, clean2, counts2 = _outcome(shuffled, returns=policy, duplicates=policy)
    if clean is None:
        assert report == report2  # the same error key
        return
    assert report.rows_read == report.rows_kept + sum(report.excluded.values()) == len(frame)
    assert counts == counts2
    pd.testing.assert_frame_equal(clean, clean2)
