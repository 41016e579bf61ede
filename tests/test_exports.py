"""Exports: formula-injection neutralising (OWASP), Excel workbook, CSV and Parquet files."""
import openpyxl
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.errors import DataWarning
from helpers.data.exports import (FORMULA_STARTS, neutralise, neutralise_frame, sheet_name, write_csv,
                             write_parquet, write_workbook)
import helpers.data.exports


@pytest.mark.parametrize("start", FORMULA_STARTS)
def test_each_formula_start_gets_an_apostrophe(start):
    assert neutralise(start + "cmd|' /C calc'!A0") == "'" + start + "cmd|' /C calc'!A0"


@given(st.text())
def test_neutralised_text_never_starts_a_formula_and_keeps_its_content(text):
    out = neutralise(text)
    assert not out.startswith(FORMULA_STARTS)
    assert out in (text, "'" + text)
    assert neutralise(out) == out


def test_numbers_and_missing_values_are_left_alone():
    frame = pd.DataFrame({"id": ["-7", None, "ok"], "amount": [-7.0, 1.0, None], "n": [-1, 2, 3]})
    out = neutralise_frame(frame)
    assert out["id"].tolist()[0] == "'-7" and pd.isna(out["id"][1])
    pd.testing.assert_series_equal(out["amount"], frame["amount"])
    assert frame["id"][0] == "-7"                                  # the caller's frame is unchanged


def test_sheet_names_are_valid_and_unique():
    assert sheet_name("a/b:c*d?[e]") == "a_b_c_d__e_"
    assert len(sheet_name("客户" * 30)) == 31
    assert sheet_name("Customers", taken=["customers"]) == "Customers_2"


def test_workbook_stores_hostile_text_as_text(tmp_path):
    frame = pd.DataFrame({"customer_id": ['=HYPERLINK("http://x","y")', "+1", "@A1", "\tx", "ok\x07"],
                          "when": pd.to_datetime(["2024-01-01"] * 5), "amount": [1.5, -2.0, 0.0, None, 3.0]})
    path = write_workbook({"ids": frame, "IDS": frame.head(1)}, tmp_path / "x.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["ids", "IDS_2"]
    cells = list(book["ids"].iter_rows(min_row=2, values_only=False))
    # The text is kept as it is, stored as text and marked as text (Excel's quote prefix).
    assert [row[0].value for row in cells] == ['=HYPERLINK("http://x","y")', "+1", "@A1", "\tx", "ok"]
    assert all(row[0].data_type == "s" for row in cells)
    assert [row[0].quotePrefix for row in cells] == [True, True, True, True, False]
    assert cells[1][2].value == -2.0 and cells[3][2].value is None
    assert cells[0][1].value == pd.Timestamp("2024-01-01").to_pydatetime()


def test_a_sheet_too_long_for_excel_is_cut_with_a_warning(tmp_path, monkeypatch):
    monkeypatch.setattr(helpers.data.exports, "EXCEL_MAX_ROWS", 4)
    with pytest.warns(DataWarning, match="first 3"):
        path = write_workbook({"big": pd.DataFrame({"x": range(10)})}, tmp_path / "big.xlsx")
    assert openpyxl.load_workbook(path)["big"].max_row == 4


def test_csv_has_a_bom_for_excel_and_neutralised_text(tmp_path):
    frame = pd.DataFrame({"客户": ["张三", "=1+1"], "金额": [-5.0, 2.0]})
    path = write_csv(frame, tmp_path / "x.csv")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(path, encoding="utf-8-sig")
    assert back["客户"].tolist() == ["张三", "'=1+1"] and back["金额"].tolist() == [-5.0, 2.0]


def test_parquet_keeps_values_unchanged(tmp_path):
    frame = pd.DataFrame({"id": ["=1+1", "a"], "day": pd.to_datetime(["2024-01-01", "2024-02-01"])})
    frame.attrs["as_of"] = pd.Timestamp("2024-03-01")
    back = pd.read_parquet(write_parquet(frame, tmp_path / "x.parquet"))
    assert back["id"].tolist() == ["=1+1", "a"]
    assert back["day"].tolist() == frame["day"].tolist()
    assert frame.attrs                                             # the caller's attrs are kept


def test_workbook_gives_each_value_its_own_format_when_asked(tmp_path):
    frame = pd.DataFrame({"estimate": [1.8081e-05, 3061.2, None, float("inf")], "formula": ["=1+1", "a", "b", "c"],
                          "upper": [1.0, float("-inf"), float("nan"), 2.0]})
    digits = {1.8081e-05: "0.00000000", 3061.2: "#,##0", 1.0: "0.0", 2.0: "0.0"}
    formats = {"estimate": lambda v: digits[v], "upper": lambda v: digits[v]}
    path = write_workbook({"s": frame}, tmp_path / "t.xlsx", number_formats=formats)
    sheet = openpyxl.load_workbook(path)["s"]
    assert [sheet["A2"].number_format, sheet["A3"].number_format] == ["0.00000000", "#,##0"]
    assert sheet["A2"].value == 1.8081e-05 and sheet["A4"].value is None          # the value itself, unrounded
    assert sheet["B2"].quotePrefix and not sheet["B3"].quotePrefix
    # Excel has no infinity (xlsxwriter refuses it): shown as the kit's tables show it, never an error
    assert (sheet["A5"].value, sheet["C3"].value, sheet["C4"].value) == ("∞", "-∞", None)


def test_workbook_types_formats_and_keeps_long_ids_exact(tmp_path):
    frame = pd.DataFrame({"id": [123456789012345678, 7], "spend": [1234.5, None], "share": [0.25, 1.0],
                          "day": pd.to_datetime(["2024-01-02", None]), "when": pd.to_datetime(["2024-01-02 10:30"] * 2)})
    path = write_workbook({"s": frame}, tmp_path / "t.xlsx", number_formats={"spend": '"¥"#,##0.00', "share": "0.0%"})
    sheet = openpyxl.load_workbook(path)["s"]
    row = {c.column_letter: c for c in sheet[2]}
    assert row["A"].value == "123456789012345678" and row["A"].data_type == "s"    # beyond Excel's 15 digits
    assert row["B"].number_format == '"¥"#,##0.00' and row["C"].number_format == "0.0%"
    assert row["D"].number_format == "yyyy-mm-dd" and row["E"].number_format == "yyyy-mm-dd hh:mm"
    assert sheet["B3"].value is None and sheet["D3"].value is None
    assert sheet.freeze_panes == "B2" and sheet.auto_filter.ref == "A1:E3"
