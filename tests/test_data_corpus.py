"""Files shaped like real exports (tests/malformed/make_corpus.py): each loads with the right rows kept
and every exclusion counted, or fails with a DataError whose fix is right for its cause — in both
languages, with no third-party text, and on the command line with a command-line option."""
import re
import sys
from pathlib import Path

import pandas as pd
import pytest

from helpers.data import load_table, load_transactions
from helpers.errors import DataError
from helpers.i18n import has, language, t

pytestmark = pytest.mark.filterwarnings("ignore::helpers.errors.DataWarning")
CORPUS = Path(__file__).resolve().parent / "malformed"
sys.path.insert(0, str(CORPUS))
import make_corpus  # noqa: E402

T = pd.Timestamp

# name → (rows read, rows kept, excluded, {column: values kept}, notes expected, facts)
LOADS = {
    "pos_title_and_total.csv": (5, 3, {"excl_total_row": 1, "excl_missing_customer": 1},
                                {"customer_id": ["000123", "000456", "000123"], "amount": [4.0, 6.5, 15.0]},
                                ["note_data_header_row"], {"encoding": "gb18030", "header_row": 4}),
    "pos_notes_footer.csv": (5, 3, {"excl_note_row": 2}, {"amount": [35.5, 12.0, 8.8]}, [],
                             {"encoding": "utf-8-sig"}),
    "pos_subtotals.xlsx": (6, 3, {"excl_total_row": 3}, {"customer_id": ["M01", "M02", "M01"]},
                           ["note_data_header_row"], {"sheet": "销售", "header_row": 2}),
    "pos_serial_dates.csv": (3, 3, {}, {"order_date": [T("2024-06-01"), T("2024-06-02 12:00"), T("2024-06-03")]},
                             ["note_data_dates_serial"], {}),
    "pos_fullwidth_numbers.csv": (3, 3, {}, {"amount": [123.5, 1234.0, 56.0]}, ["note_data_numbers_cleaned"],
                                  {"encoding": "gb18030"}),
    "pos_member_zero_format.xlsx": (3, 3, {}, {"customer_id": ["000123", "004567", "000123"]}, [], {}),
    "pos_section_note_rows.csv": (4, 2, {"excl_note_row": 1, "excl_return": 1}, {"order_id": ["T1", "T2"]}, [], {}),
    "pos_gzipped_gbk.csv.gz": (2, 2, {}, {"customer_id": ["甲001", "乙002"]}, [], {"encoding": "gb18030"}),
    "taobao_orders_gbk.csv": (3, 3, {}, {"order_id": ["3756012345678901234", "3756012345678901235",
                                                      "3756012345678901236"], "商品标题" if False else "宝贝标题":
                                         ["夏季T恤", "帆布包, 大号", "袜子"]},
                              ["note_data_ids_unwrapped", "note_data_zero_amounts"], {"encoding": "gb18030"}),
    "taobao_tab_prefixed_ids.csv": (2, 2, {}, {"order_id": ["202406010001", "202406010002"]}, [], {}),
    "pdd_units_in_headers.csv": (2, 2, {}, {"amount": [15.9, 35.9], "customer_id": ["u001", "u002"]}, [], {}),
    "youzan_second_sheet.xlsx": (3, 3, {}, {"amount": [99.0, 199.0, 29.0]}, ["note_data_sheet_chosen"],
                                 {"sheet": "订单明细"}),
    "youzan_total_count_line.csv": (3, 2, {"excl_total_row": 1}, {"amount": [10.0, 20.0]}, [], {}),
    "shop_amounts_with_units.csv": (4, 2, {"excl_return": 2}, {"amount": [1200.0, 300.0]},
                                    ["note_data_numbers_cleaned"], {}),
    "shop_chinese_dates.csv": (3, 3, {}, {"order_date": [T("2024-06-01 10:30"), T("2024-06-02"),
                                                         T("2024-06-03 08:05:09")]}, [], {}),
    "shop_bilingual_header.csv": (2, 2, {}, {"customer_id": ["c1", "c2"]}, ["note_data_header_rows"], {}),
    "kingdee_merged_header.xlsx": (4, 3, {"excl_total_row": 1},
                                   {"customer_id": ["C0001", "C0002", "C0001"], "amount": [500.0, 400.0, 120.0],
                                    "客户名称": ["华联超市", "永辉超市", "华联超市"]},
                                   ["note_data_header_rows"], {"header_row": 3}),
    "yonyou_invoice.xls": (3, 2, {"excl_total_row": 1}, {"customer_id": ["00101", "00102"], "amount": [1130.0, 565.0]},
                           ["note_data_header_row"], {"sheet": "发票", "header_row": 3}),
    "kingdee_numbers_as_codes.xls": (2, 2, {}, {"customer_id": ["00101", "00102"]}, [], {}),
    "erp_pipe_title.txt": (2, 2, {}, {"amount": [1000.0, 2500.5]}, ["note_data_header_row"], {"encoding": "gb18030"}),
    "erp_quantity_price_gbk.csv": (3, 2, {"excl_return": 1}, {"order_id": ["S1", "S2"]}, ["note_data_amount_derived"], {}),
    "erp_crlf_quoted.csv": (2, 2, {}, {"备注": ["第一行\n第二行", "含,逗号"]}, [], {}),
    "email_three_sheets.xlsx": (3, 3, {}, {"amount": [100.0, 200.0, 200.0]}, ["note_data_sheet_chosen"], {"sheet": "明细"}),
    "email_first_sheet_empty.xlsx": (2, 2, {}, {"customer_id": ["a", "b"]}, [], {"sheet": "数据"}),
    "email_1904_serials.xlsx": (2, 2, {}, {"order_date": [T("2024-05-30"), T("2024-05-31")]},
                                ["note_data_dates_serial"], {}),
    "email_text_ids.xlsx": (3, 3, {}, {"customer_id": ["000123", "000124", "123"], "order_id": ["0001", "0002", "0003"]},
                            [], {}),
    "email_formulas_cached.xlsx": (2, 2, {}, {"amount": [7.0, 10.0]}, [], {}),
    "email_numbers_as_text.xlsx": (3, 2, {"excl_bad_amount": 1}, {"amount": [1234.5, 99.0]}, [], {}),
    "email_blank_rows_and_columns.xlsx": (2, 2, {}, {"渠道": ["门店", "线上"], "column_6": [None, "x"]},
                                          ["note_data_unnamed_columns", "note_data_blank_rows"], {"header_row": 2}),
    "email_two_year_sheets.xlsx": (1, 1, {}, {"order_date": [T("2023-06-01")]}, ["note_data_sheet_chosen"], {"sheet": "2023"}),
    "email_error_cells.xlsx": (3, 2, {"excl_bad_amount": 1}, {"customer_id": ["b", "c"]}, [], {}),
    "email_sentinel_excel_dates.xlsx": (3, 1, {"excl_date_out_of_range": 2}, {"customer_id": ["c"]}, [], {}),
    "email_csv_named_xlsx.xlsx": (2, 2, {}, {"customer_id": ["a", "b"]}, [], {"encoding": "utf-8"}),
    "big5_traditional.csv": (2, 2, {}, {"姓名": ["陳大文", "李小龍"]}, ["note_data_encoding_detected"], {"encoding": "big5"}),
    "utf8_with_one_gbk_line.csv": (3, 3, {}, {"姓名": ["张三", "李四", "王五"]}, ["note_data_mixed_encoding"], {}),
    "utf16_excel_unicode_text.txt": (2, 2, {}, {"customer_id": ["A", "B"]}, [], {"encoding": "utf-16"}),
    "utf16_be_bom.csv": (1, 1, {}, {"customer_id": ["a"]}, [], {"encoding": "utf-16"}),
    "utf32_bom.csv": (1, 1, {}, {"customer_id": ["a"]}, [], {"encoding": "utf-32"}),
    "sentinel_dates.csv": (5, 1, {"excl_date_out_of_range": 4}, {"customer_id": ["e"]}, [], {}),
    "absurd_amounts.csv": (5, 1, {"excl_absurd_amount": 4}, {"amount": [12.5]}, [], {}),
    "decimal_comma_semicolon.csv": (3, 3, {}, {"amount": [1234.5, 1500.0, 12.5], "Kunde": ["Müller", "Schmidt", "Meier"]},
                                    ["note_data_decimal_comma", "note_data_day_first"], {}),
    "float_ids_mixed.csv": (3, 3, {}, {"customer_id": ["123", "123", "0456"]}, ["note_data_ids_from_float"], {}),
    "long_field.csv": (2, 2, {}, {"商品清单": ["茶叶" + "x" * 140_000, "短"]}, [], {}),
    "wrapped_ids.csv": (3, 3, {}, {"customer_id": ["000123", "000124", "000125"]}, ["note_data_ids_unwrapped"], {}),
    "null_tokens.csv": (4, 1, {"excl_missing_customer": 3}, {"customer_id": ["a"], "备注": ["NA"]}, [], {}),
    "trailing_delimiters.csv": (2, 2, {}, {"customer_id": ["a", "b"]}, [], {}),
    "unnamed_column_with_data.csv": (2, 2, {}, {"column_4": ["门店", "线上"]}, ["note_data_unnamed_columns"], {}),
    "fullwidth_headers.csv": (1, 1, {}, {"customer_id": ["a"]}, [], {}),
    "day_first_dots.csv": (2, 2, {}, {"order_date": [T("2024-05-31"), T("2024-06-01")]}, ["note_data_day_first"], {}),
    "header_row_override.csv": (2, 2, {}, {"order_id": ["o1", "o2"]}, ["note_data_header_row"], {"header_row": 4}),
}

# name → (error key, fix key, values the message must name)
ERRORS = {
    "jd_two_amounts.xlsx": ("err_data_ambiguous_header", "fix_data_ambiguous_header", ["订单金额", "支付金额"]),
    "email_formulas_uncalculated.xlsx": ("err_data_formulas_uncalculated", "fix_data_formulas_uncalculated", ["订单", "2"]),
    "email_no_customer_column.xlsx": ("err_data_missing_column", "fix_data_missing_column_file", ["Sheet1", "联系人"]),
    "email_header_only.xlsx": ("err_data_header_only", "fix_data_header_only", ["客户ID"]),
    "email_long_ids_as_numbers.xlsx": ("err_data_ids_digits_lost", "fix_data_ids_as_text", ["订单号", "1, 2"]),
    "latin1_names.csv": ("err_data_encoding", "fix_data_encoding", ["cp1252"]),
    "utf8_with_latin1_line.csv": ("err_data_mixed_encoding", "fix_data_mixed_encoding", ["4"]),
    "shift_jis.csv": ("err_data_encoding", "fix_data_encoding", ["cp932"]),
    "decimal_mixed.csv": ("err_data_decimal_mixed", "fix_data_decimal_mixed", ["1.234,50", "1,234.50"]),
    "scientific_ids.csv": ("err_data_ids_scientific", "fix_data_ids_as_text", ["订单号", "1.23457E+17"]),
    "duplicate_amount_headers.csv": ("err_data_duplicate_header", "fix_data_duplicate_header", ["金额", "C, D"]),
    "duplicate_note_headers.csv": ("err_data_duplicate_header", "fix_data_duplicate_header", ["备注", "D, E"]),
    "ragged_row.csv": ("err_data_ragged", "fix_data_ragged", ["3", "5", "4"]),
    "unclosed_quote.csv": ("err_data_unclosed_quote", "fix_data_unclosed_quote", ["3"]),
    "html_saved_as.xls": ("err_data_html", "fix_data_html", []),
    "password_protected.xlsx": ("err_data_encrypted", "fix_data_encrypted", []),
    "truncated.xlsx": ("err_data_damaged", "fix_data_damaged", []),
    "spreadsheet.ods": ("err_data_not_table", "fix_data_save_xlsx", ["OpenDocument"]),
    "letter.docx": ("err_data_not_table", "fix_data_not_table", ["Word"]),
    "folder_instead_of_file": ("err_data_is_folder", "fix_data_no_file", []),
}
# Text that only pandas, openpyxl, xlrd, pyarrow or Python itself would write.
FOREIGN = re.compile(r"Error tokenizing|C error|Traceback|openpyxl|xlrd|pyarrow|Excel file format|Errno|"
                     r"codec can't|Unnamed: |\.py\b|line \d+, in")


def test_every_generated_file_has_an_asserted_outcome():
    assert set(make_corpus.FILES) == set(LOADS) | set(ERRORS)
    assert len([p for p in CORPUS.iterdir() if p.name != "make_corpus.py"]) >= 80


def test_generating_the_corpus_again_gives_the_same_bytes(tmp_path):
    pytest.importorskip("xlwt")
    for path in make_corpus.write(tmp_path):
        if path.is_file():
            assert path.read_bytes() == (CORPUS / path.name).read_bytes(), path.name


@pytest.mark.parametrize("name", sorted(LOADS))
def test_file_loads_with_every_row_accounted_for(name):
    read, kept, excluded, values, notes, facts = LOADS[name]
    clean, report = load_transactions(CORPUS / name, **({"header_row": 4} if name == "header_row_override.csv" else {}))
    assert (report.rows_read, report.rows_kept, report.excluded) == (read, kept, excluded)
    assert report.rows_read == report.rows_kept + sum(report.excluded.values()) and len(clean) == kept
    for column, expected in values.items():
        got = [None if pd.isna(v) else v for v in clean[column].tolist()]
        assert got == expected, column
    assert {key for key, _ in report.notes} >= set(notes)
    for field, value in facts.items():
        assert getattr(report, field) == value, field
    for lang in ("zh", "en"):     # the report renders in both languages, every note filled in
        with language(lang):
            text = str(report) + report._repr_html_()
        assert "{" not in "".join(report.note_texts()) and text


@pytest.mark.parametrize("name", sorted(ERRORS))
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_file_fails_with_the_right_fix(name, lang):
    key, fix_key, named = ERRORS[name]
    with language(lang), pytest.raises(DataError) as info:
        load_transactions(CORPUS / name)
    err = info.value
    assert (err.key, err.fix_key) == (key, fix_key)
    message = str(err)
    assert t("msg_fix", lang=lang, fix="").strip() in message and not re.search(r"\{\w+\}", message)
    for part in named:
        assert part in message, (part, message)
    assert not FOREIGN.search(message), message
    if lang == "zh":     # what went wrong and the fix are both told in Chinese
        told, fix = message.split("解决办法：")
        assert re.search(r"[\u4e00-\u9fff]", told) and re.search(r"[\u4e00-\u9fff]", fix)


@pytest.mark.parametrize("name", sorted(ERRORS))
def test_a_fix_naming_a_python_argument_has_a_command_line_twin(name):
    fix_key = ERRORS[name][1]
    text = t(fix_key, lang="en")
    if re.search(r"\b(encoding|sheet|header_row|columns|date_format|sep)=", text):
        assert has(f"{fix_key}_cli")
        assert not re.search(r"\b(encoding|sheet|header_row|columns|date_format|sep)=",
                             t(f"{fix_key}_cli", lang="en").replace("ROLE=", ""))


def test_overrides_choose_the_sheet_and_the_header_row():
    _, report = load_transactions(CORPUS / "email_two_year_sheets.xlsx", sheet="2024")
    assert report.sheet == "2024" and report.rows_kept == 2 and report.notes == []
    clean, report = load_transactions(CORPUS / "email_two_year_sheets.xlsx", sheet=1)
    assert report.sheet == "2024"
    with pytest.raises(DataError) as info:       # the summary row's header: the table below is wider
        load_transactions(CORPUS / "header_row_override.csv", header_row=1)
    assert info.value.key == "err_data_ragged" and info.value.values["line"] == 4
    assert "header_row=" in str(info.value)
    with pytest.raises(DataError, match="header_row=99 is out of range"), language("en"):
        load_transactions(CORPUS / "header_row_override.csv", header_row=99)
    with pytest.raises(DataError, match="has no sheet 6"), language("en"):
        load_transactions(CORPUS / "email_two_year_sheets.xlsx", sheet=6)


def test_an_explicit_encoding_reads_a_file_the_detector_refuses():
    clean, report = load_transactions(CORPUS / "latin1_names.csv", encoding="cp1252")
    assert clean["name"].tolist() == ["Renée", "Müller", "José"] and report.encoding == "cp1252"
    with language("en"), pytest.raises(DataError, match="is not in utf-8 .line 2"):
        load_transactions(CORPUS / "latin1_names.csv", encoding="utf-8")
    with language("en"), pytest.raises(DataError, match="'klingon' is not a known encoding"):
        load_transactions(CORPUS / "latin1_names.csv", encoding="klingon")


def test_load_table_reads_the_same_layouts_and_keeps_ids_as_text():
    table = load_table(CORPUS / "kingdee_merged_header.xlsx")
    assert table.attrs["sheet"] == "销售出库" and table.attrs["header_row"] == 3
    assert table["客户编码"].tolist()[:2] == ["C0001", "C0002"] and table["数量"].tolist() == [10, 5, 2, 17]
    codes = load_table(CORPUS / "float_ids_mixed.csv")
    assert codes["客户ID"].tolist() == ["123.0", "123", "0456"] and codes["金额"].tolist() == [1, 2, 3]


def test_the_callers_file_object_and_frame_are_not_modified():
    raw = (CORPUS / "pos_title_and_total.csv").read_bytes()
    import io

    handle = io.BytesIO(raw)
    load_transactions(handle)
    assert handle.getvalue() == raw
    frame = pd.DataFrame({"客户ID": ["a", "合计"], "日期": ["2024-06-01", None], "金额": ["1,5", "1,5"]})
    before = frame.copy()
    load_transactions(frame)
    pd.testing.assert_frame_equal(frame, before)
