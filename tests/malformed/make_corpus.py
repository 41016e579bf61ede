"""Writes the generated files of the malformed-input corpus (tests/malformed/), deterministically.

The files are shaped like real exports: store POS systems (流水, 会员卡号, 合计 lines), e-commerce
back offices (Taobao/Tmall, JD, Pinduoduo, Youzan: ``="…"`` order numbers, GBK CSV, amounts with
units), ERP reports (Kingdee/Yonyou style: titles, two-row merged headers, 价税合计, .xls) and
workbooks passed around by email (several sheets, notes, serial dates, text ids, formulas). Each
file's expected outcome is asserted in tests/test_data_corpus.py.

    python tests/malformed/make_corpus.py        # rewrites the generated files in place

Same script, same bytes: workbooks get fixed timestamps. ``.xls`` files need ``xlwt`` (a writer
used here only; the kit reads ``.xls`` with ``xlrd``).
"""
from __future__ import annotations

import codecs
import datetime as dt
import gzip
import io
import re
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXED = (2024, 7, 1, 0, 0, 0)
FILES: dict = {}


def corpus(name):
    def register(make):
        FILES[name] = make
        return make
    return register


def csv_text(rows, sep=",", newline="\n") -> str:
    import csv

    buffer = io.StringIO()
    csv.writer(buffer, delimiter=sep, lineterminator=newline).writerows(rows)
    return buffer.getvalue()


def lines(*rows, sep=",", newline="\n") -> str:
    """Rows written as they are (no quoting), for files that must keep a raw shape."""
    return newline.join(sep.join(str(c) for c in row) for row in rows) + newline


def xlsx(sheets: dict, *, epoch_1904=False, formats: dict | None = None, merges: dict | None = None,
         cached: dict | None = None) -> bytes:
    """A workbook from ``{sheet: rows}``; ``formats[(sheet, cell)]`` number formats, ``merges[sheet]``
    merged ranges, ``cached[(sheet, cell)]`` the value Excel would have stored with a formula."""
    import openpyxl
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    book = openpyxl.Workbook()
    book.remove(book.active)
    if epoch_1904:
        book.epoch = CALENDAR_MAC_1904
    for title, rows in sheets.items():
        ws = book.create_sheet(title)
        for row in rows:
            ws.append(list(row))
        for rng in (merges or {}).get(title, []):
            ws.merge_cells(rng)
    for (title, ref), fmt in (formats or {}).items():
        book[title][ref].number_format = fmt
    book.properties.created = book.properties.modified = dt.datetime(*FIXED)
    buffer = io.BytesIO()
    book.save(buffer)
    return _fixed_zip(buffer.getvalue(), cached or {}, list(sheets))


def _fixed_zip(raw: bytes, cached: dict, titles: list) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(raw))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in sorted(source.infolist(), key=lambda i: i.filename):
            data = source.read(item.filename)
            if item.filename == "docProps/core.xml":
                data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2024-07-01T00:00:00Z", data)
            match = re.match(r"xl/worksheets/sheet(\d+)\.xml", item.filename)
            if match and cached:
                title = titles[int(match.group(1)) - 1]
                for (sheet, ref), value in cached.items():
                    if sheet == title:
                        data = re.sub(rb'(<c r="' + ref.encode() + rb'"[^>]*>)(<f>[^<]*</f>)(<v\s*/>|<v></v>)?',
                                      lambda m: m.group(1) + m.group(2) + b"<v>" + str(value).encode() + b"</v>",
                                      data)
            info = zipfile.ZipInfo(item.filename, date_time=FIXED)
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, data)
    return out.getvalue()


def xls(sheets: dict, formats: dict | None = None) -> bytes:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    styles = {}
    for title, rows in sheets.items():
        ws = book.add_sheet(title)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                fmt = (formats or {}).get((title, r, c))
                if isinstance(value, (dt.date, dt.datetime)):
                    fmt = fmt or "yyyy-mm-dd"
                if fmt:
                    style = styles.setdefault(fmt, xlwt.easyxf(num_format_str=fmt))
                    ws.write(r, c, value, style)
                elif value is not None:
                    ws.write(r, c, value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


D = dt.datetime

# --- store POS exports --------------------------------------------------------------------------

@corpus("pos_title_and_total.csv")
def _():
    return lines(["XX便利店 销售流水"], ["门店：上海徐汇店", "导出时间：2024-07-01 09:30"], [],
                 ["流水号", "会员卡号", "交易时间", "商品名称", "数量", "单价", "实收金额"],
                 ["P0001", "000123", "2024-06-01 10:02", "矿泉水", 2, "2.00", "4.00"],
                 ["P0002", "000456", "2024-06-01 10:15", "面包", 1, "6.50", "6.50"],
                 ["P0003", "000123", "2024-06-02 18:40", "牛奶", 3, "5.00", "15.00"],
                 ["P0004", "", "2024-06-02 19:00", "口香糖", 1, "3.00", "3.00"],
                 ["合计", "", "", "", 7, "", "28.50"]).encode("gbk")


@corpus("pos_notes_footer.csv")
def _():
    return lines(["会员卡号", "消费时间", "消费金额", "门店"],
                 ["880001", "2024/6/1 9:30", "35.5", "一店"], ["880002", "2024/6/1 9:45", "12", "一店"],
                 ["880001", "2024/6/3 20:10", "8.8", "二店"], [], ["制表人：张三"],
                 ["备注：以上数据未经审计"]).encode("utf-8-sig")


@corpus("pos_subtotals.xlsx")
def _():
    head = ["门店", "会员号", "交易日期", "实收金额"]
    return xlsx({"销售": [["2024年6月各店销售明细"], head,
                          ["一店", "M01", D(2024, 6, 1), 100], ["一店", "M02", D(2024, 6, 2), 50],
                          ["小计", None, None, 150], ["二店", "M01", D(2024, 6, 3), 80],
                          ["小计", None, None, 80], ["总计", None, None, 230]]})


@corpus("pos_serial_dates.csv")
def _():
    return lines(["会员号", "日期", "金额"], ["A1", 45444, "10"], ["A2", "45445.5", "20"],
                 ["A3", 45446, "30"]).encode("utf-8")


@corpus("pos_fullwidth_numbers.csv")
def _():
    return lines(["会员号", "日期", "实收金额"], ["A1", "2024-06-01", "１２３．５０"], ["A2", "2024-06-02", '"￥1,234.00"'],
                 ["A3", "2024-06-03", "56元"]).encode("gb18030")


@corpus("pos_member_zero_format.xlsx")
def _():
    rows = [["会员卡号", "消费日期", "消费金额"], [123, D(2024, 6, 1), 10.5], [4567, D(2024, 6, 2), 20],
            [123, D(2024, 6, 5), 7]]
    return xlsx({"Sheet1": rows}, formats={("Sheet1", f"A{r}"): "000000" for r in (2, 3, 4)})


@corpus("pos_section_note_rows.csv")
def _():
    return lines(["小票号", "会员号", "交易时间", "金额"], ["T1", "V1", "2024-06-01", "50"],
                 ["T2", "V2", "2024-06-01", "60"], ["——以下为退货——"], ["T3", "V1", "2024-06-02", "-50"]
                 ).encode("gbk")


@corpus("pos_gzipped_gbk.csv.gz")
def _():
    text = lines(["会员号", "下单时间", "实付金额"], ["甲001", "2024-06-01", "9.9"], ["乙002", "2024-06-02", "19.9"])
    return gzip.compress(text.encode("gbk"), mtime=0)


# --- e-commerce back offices --------------------------------------------------------------------

@corpus("taobao_orders_gbk.csv")
def _():
    rows = [["订单编号", "买家会员名", "买家实际支付金额", "订单状态", "订单创建时间", "宝贝标题"],
            ['="3756012345678901234"', "tb_小明", "128.00", "交易成功", "2024-06-01 10:00:00", "夏季T恤"],
            ['="3756012345678901235"', "tb_小红", "59.90", "交易成功", "2024-06-01 11:20:00", "帆布包, 大号"],
            ['="3756012345678901236"', "tb_小明", "0.00", "交易关闭", "2024-06-02 09:00:00", "袜子"]]
    return csv_text(rows).encode("gbk")


@corpus("taobao_tab_prefixed_ids.csv")
def _():
    rows = [["订单编号", "买家会员名", "实付款", "创建时间"], ["\t202406010001", "买家A", "88", "2024-06-01 08:00"],
            ["\t202406010002", "买家B", "66", "2024-06-01 09:00"]]
    return csv_text(rows).encode("utf-8-sig")


@corpus("jd_two_amounts.xlsx")
def _():
    return xlsx({"订单": [["订单号", "下单时间", "用户账号", "订单金额", "支付金额"],
                          ["J1", D(2024, 6, 1), "jd_a", 100, 90], ["J2", D(2024, 6, 2), "jd_b", 50, 50]]})


@corpus("pdd_units_in_headers.csv")
def _():
    return lines(["订单号", "商品", "商品总价(元)", "用户实付金额(元)", "订单成交时间", "用户ID"],
                 ["240601-1", "纸巾", "19.9", "15.9", "2024-06-01 12:00:00", "u001"],
                 ["240601-2", "洗衣液", "39.9", "35.9", "2024-06-01 13:00:00", "u002"]).encode("utf-8")


@corpus("youzan_second_sheet.xlsx")
def _():
    return xlsx({"导出说明": [["本文件由有赞后台导出"], ["导出时间", D(2024, 7, 1, 9, 0)]],
                 "订单明细": [["订单号", "下单时间", "会员编号", "订单实付金额", "订单状态"],
                           ["E1", D(2024, 6, 1, 10), "Y001", 99, "已完成"],
                           ["E2", D(2024, 6, 2, 11), "Y002", 199, "已完成"],
                           ["E3", D(2024, 6, 3, 12), "Y001", 29, "已完成"]]})


@corpus("youzan_total_count_line.csv")
def _():
    return lines(["序号", "订单号", "会员编号", "下单时间", "订单实付金额"], [1, "E1", "Y1", "2024-06-01", "10"],
                 [2, "E2", "Y2", "2024-06-02", "20"], ["合计：2笔", "", "", "", "30"]).encode("utf-8")


@corpus("shop_amounts_with_units.csv")
def _():
    return lines(["会员号", "下单时间", "实付金额"], ["A", "2024-06-01", '"1,200元"'], ["B", "2024-06-02", "RMB 300"],
                 ["C", "2024-06-03", "¥-50"], ["D", "2024-06-04", "(80.00)"]).encode("utf-8")


@corpus("shop_chinese_dates.csv")
def _():
    return lines(["会员号", "下单时间", "实付金额"], ["A", "2024年6月1日 10:30", "1"], ["B", "2024年06月02日", "2"],
                 ["C", "2024/6/3 8:05:09", "3"]).encode("utf-8")


@corpus("shop_bilingual_header.csv")
def _():
    return lines(["客户ID", "下单日期", "实付金额"], ["Customer ID", "Order date", "Amount"],
                 ["c1", "2024-06-01", "5"], ["c2", "2024-06-02", "6"]).encode("utf-8")


# --- ERP reports ----------------------------------------------------------------------------------

@corpus("kingdee_merged_header.xlsx")
def _():
    rows = [["销售出库单序时簿"], ["组织：华东事业部", None, None, "期间：2024年6月"],
            ["单据编号", "日期", "客户", None, "物料", "数量", "金额", None],
            [None, None, "客户编码", "客户名称", None, None, "含税单价", "价税合计"],
            ["XSCK001", D(2024, 6, 3), "C0001", "华联超市", "茶叶", 10, 50, 500],
            ["XSCK002", D(2024, 6, 5), "C0002", "永辉超市", "月饼", 5, 80, 400],
            ["XSCK003", D(2024, 6, 9), "C0001", "华联超市", "绿茶", 2, 60, 120],
            ["合计", None, None, None, None, 17, None, 1020]]
    return xlsx({"销售出库": rows}, merges={"销售出库": ["A3:A4", "B3:B4", "C3:D3", "E3:E4", "F3:F4", "G3:H3"]})


@corpus("yonyou_invoice.xls")
def _():
    rows = [["销售发票列表"], [], ["发票号", "开票日期", "客户编码", "客户名称", "价税合计"],
            ["FP01", D(2024, 6, 1), "00101", "甲公司", 1130.0], ["FP02", D(2024, 6, 8), "00102", "乙公司", 565.0],
            ["合计", None, None, None, 1695.0]]
    return xls({"发票": rows})


@corpus("kingdee_numbers_as_codes.xls")
def _():
    rows = [["客户编码", "单据日期", "价税合计"], [101, D(2024, 6, 1), 10.0], [102, D(2024, 6, 2), 20.0]]
    return xls({"Sheet1": rows}, formats={("Sheet1", r, 0): "00000" for r in (1, 2)})


@corpus("erp_pipe_title.txt")
def _():
    return lines(["销售明细表 2024-06"], ["客户编号", "单据日期", "单据编号", "价税合计"],
                 ["K01", "2024-06-01", "D1", "1,000.00"], ["K02", "2024-06-02", "D2", "2,500.50"],
                 sep="|").encode("gbk")


@corpus("erp_quantity_price_gbk.csv")
def _():
    return lines(["单据编号", "客户编码", "单据日期", "销售数量", "含税单价"], ["S1", "K1", "2024-06-01", "3", "9.90"],
                 ["S2", "K2", "2024-06-02", "1", "99"], ["S3", "K1", "2024-06-03", "-1", "9.90"]).encode("gbk")


@corpus("erp_crlf_quoted.csv")
def _():
    rows = [["客户编号", "单据日期", "价税合计", "备注"], ["K1", "2024-06-01", "10", "第一行\n第二行"],
            ["K2", "2024-06-02", "20", "含,逗号"]]
    return csv_text(rows, newline="\r\n").encode("gbk")


# --- workbooks passed around by email -------------------------------------------------------------

@corpus("email_three_sheets.xlsx")
def _():
    return xlsx({"说明": [["本表为6月会员消费数据，请勿外传"], ["数据口径：实付金额"]],
                 "汇总": [["门店", "销售额"], ["一店", 300], ["二店", 200]],
                 "明细": [["会员号", "消费日期", "实付金额"], ["V1", D(2024, 6, 1), 100],
                        ["V2", D(2024, 6, 2), 200], ["V1", D(2024, 6, 9), 200]]})


@corpus("email_first_sheet_empty.xlsx")
def _():
    return xlsx({"Sheet1": [], "数据": [["客户ID", "日期", "金额"], ["a", D(2024, 6, 1), 1], ["b", D(2024, 6, 2), 2]]})


@corpus("email_1904_serials.xlsx")
def _():
    return xlsx({"订单": [["客户ID", "日期", "金额"], ["a", 43980, 5], ["b", 43981, 6]]}, epoch_1904=True)


@corpus("email_text_ids.xlsx")
def _():
    return xlsx({"订单": [["客户ID", "订单号", "日期", "金额"], ["000123", "0001", D(2024, 6, 1), 5],
                          ["000124", "0002", D(2024, 6, 2), 6], ["123", "0003", D(2024, 6, 3), 7]]})


@corpus("email_formulas_cached.xlsx")
def _():
    rows = [["客户ID", "日期", "数量", "单价", "金额"], ["a", D(2024, 6, 1), 2, 3.5, "=C2*D2"],
            ["b", D(2024, 6, 2), 1, 10, "=C3*D3"]]
    return xlsx({"订单": rows}, cached={("订单", "E2"): 7, ("订单", "E3"): 10})


@corpus("email_formulas_uncalculated.xlsx")
def _():
    rows = [["客户ID", "日期", "数量", "单价", "金额"], ["a", D(2024, 6, 1), 2, 3.5, "=C2*D2"],
            ["b", D(2024, 6, 2), 1, 10, "=C3*D3"]]
    return xlsx({"订单": rows})


@corpus("email_numbers_as_text.xlsx")
def _():
    return xlsx({"订单": [["客户ID", "日期", "金额"], ["a", "2024-06-01", "1,234.50"], ["b", "2024-06-02", " 99 "],
                          ["c", "2024-06-03", "#N/A"]]})


@corpus("email_blank_rows_and_columns.xlsx")
def _():
    return xlsx({"订单": [[], [None, "客户ID", None, "日期", "金额", None, "渠道"],
                          [None, "a", None, D(2024, 6, 1), 1, None, "门店"], [],
                          [None, "b", None, D(2024, 6, 2), 2, "x", "线上"]]})


@corpus("email_two_year_sheets.xlsx")
def _():
    head = ["客户ID", "日期", "金额"]
    return xlsx({"2023": [head, ["a", D(2023, 6, 1), 1]], "2024": [head, ["a", D(2024, 6, 1), 2], ["b", D(2024, 6, 2), 3]]})


@corpus("email_no_customer_column.xlsx")
def _():
    return xlsx({"Sheet1": [["6月订单"], ["联系人", "日期", "金额"], ["k1", D(2024, 6, 1), 1]]})


@corpus("email_header_only.xlsx")
def _():
    return xlsx({"Sheet1": [["客户ID", "日期", "金额"]]})


@corpus("email_long_ids_as_numbers.xlsx")
def _():
    return xlsx({"订单": [["订单号", "客户ID", "日期", "金额"], [375601234567890123, "a", D(2024, 6, 1), 1],
                          [375601234567890124, "b", D(2024, 6, 2), 2]]})


@corpus("email_error_cells.xlsx")
def _():
    return xlsx({"订单": [["客户ID", "日期", "金额"], ["a", D(2024, 6, 1), "#DIV/0!"], ["b", D(2024, 6, 2), 5],
                          ["c", D(2024, 6, 3), 6]]})


@corpus("email_sentinel_excel_dates.xlsx")
def _():
    return xlsx({"订单": [["客户ID", "日期", "金额"], ["a", D(9999, 12, 31), 1], ["b", D(1900, 1, 1), 2],
                          ["c", D(2024, 6, 3), 3]]})


@corpus("email_csv_named_xlsx.xlsx")
def _():
    return lines(["客户ID", "日期", "金额"], ["a", "2024-06-01", "1"], ["b", "2024-06-02", "2"]).encode("utf-8")


# --- encodings -------------------------------------------------------------------------------------

@corpus("big5_traditional.csv")
def _():
    return lines(["客戶編號", "訂單日期", "金額", "姓名"], ["H001", "2024-06-01", "100", "陳大文"],
                 ["H002", "2024-06-02", "200", "李小龍"]).encode("big5")


@corpus("latin1_names.csv")
def _():
    return lines(["customer_id", "order_date", "amount", "name"], ["E1", "2024-06-01", "10", "Renée"],
                 ["E2", "2024-06-02", "20", "Müller"], ["E3", "2024-06-03", "30", "José"]).encode("latin-1")


@corpus("utf8_with_one_gbk_line.csv")
def _():
    return (lines(["会员号", "下单时间", "实付金额", "姓名"], ["A", "2024-06-01", "1", "张三"]).encode("utf-8")
            + lines(["B", "2024-06-02", "2", "李四"]).encode("gbk")
            + lines(["C", "2024-06-03", "3", "王五"]).encode("utf-8"))


@corpus("utf8_with_latin1_line.csv")
def _():
    return (lines(["会员号", "下单时间", "实付金额", "姓名"], ["A", "2024-06-01", "1", "张三"],
                  ["C", "2024-06-03", "3", "王五"]).encode("utf-8") + lines(["B", "2024-06-02", "2", "Renée"]).encode("latin-1"))


@corpus("utf16_excel_unicode_text.txt")
def _():
    return codecs.BOM_UTF16_LE + lines(["会员号", "下单时间", "实付金额"], ["A", "2024-06-01", "1"], ["B", "2024-06-02", "2"],
                                       sep="\t", newline="\r\n").encode("utf-16-le")


@corpus("utf16_be_bom.csv")
def _():
    return codecs.BOM_UTF16_BE + lines(["客户ID", "日期", "金额"], ["a", "2024-06-01", "1"]).encode("utf-16-be")


@corpus("utf32_bom.csv")
def _():
    return codecs.BOM_UTF32_LE + lines(["客户ID", "日期", "金额"], ["a", "2024-06-01", "1"]).encode("utf-32-le")


@corpus("shift_jis.csv")
def _():
    return lines(["顧客", "日付", "金額", "名前"], ["J1", "2024-06-01", "100", "山田太郎"]).encode("shift_jis")


# --- values -----------------------------------------------------------------------------------------

@corpus("sentinel_dates.csv")
def _():
    return lines(["客户ID", "日期", "金额"], ["a", "9999-12-31", "1"], ["b", "1900-01-01", "2"], ["c", "0000-00-00", "3"],
                 ["d", "1970-01-01", "4"], ["e", "2024-06-01", "5"]).encode("utf-8")


@corpus("absurd_amounts.csv")
def _():
    return lines(["客户ID", "日期", "金额"], ["a", "2024-06-01", "inf"], ["b", "2024-06-01", "Infinity"],
                 ["c", "2024-06-01", "1e400"], ["d", "2024-06-01", "2e15"], ["e", "2024-06-01", "12.5"]).encode("utf-8")


@corpus("decimal_comma_semicolon.csv")
def _():
    return lines(["Kunde", "customer_id", "date", "amount"], ["Müller", "K1", "01.06.2024", "1.234,50"],
                 ["Schmidt", "K2", "15.06.2024", "1.500"], ["Meier", "K3", "20.06.2024", "12,5"], sep=";").encode("utf-8")


@corpus("decimal_mixed.csv")
def _():
    return lines(["客户ID", "日期", "金额"], ["a", "2024-06-01", '"1.234,50"'], ["b", "2024-06-02", '"1,234.50"'],
                 ["c", "2024-06-03", "99.5"]).encode("utf-8")


@corpus("float_ids_mixed.csv")
def _():
    return lines(["客户ID", "日期", "金额"], ["123.0", "2024-06-01", "1"], ["123", "2024-06-02", "2"],
                 ["0456", "2024-06-03", "3"]).encode("utf-8")


@corpus("scientific_ids.csv")
def _():
    return lines(["订单号", "客户ID", "日期", "金额"], ["1.23457E+17", "a", "2024-06-01", "1"],
                 ["1.23457E+17", "b", "2024-06-02", "2"]).encode("utf-8")


@corpus("duplicate_amount_headers.csv")
def _():
    return lines(["客户ID", "日期", "金额", "金额"], ["a", "2024-06-01", "1", "2"]).encode("utf-8")


@corpus("duplicate_note_headers.csv")
def _():
    return lines(["客户ID", "日期", "金额", "备注", "备注"], ["a", "2024-06-01", "1", "x", "y"]).encode("utf-8")


@corpus("long_field.csv")
def _():
    return lines(["客户ID", "日期", "金额", "商品清单"], ["a", "2024-06-01", "1", "茶叶" + "x" * 140_000],
                 ["b", "2024-06-02", "2", "短"]).encode("utf-8")


@corpus("ragged_row.csv")
def _():
    return lines(["客户ID", "日期", "金额", "地址"], ["a", "2024-06-01", "1", "上海"],
                 ["b", "2024-06-02", "2", "北京,朝阳区"], ["c", "2024-06-03", "3", "广州"]).encode("utf-8")


@corpus("unclosed_quote.csv")
def _():
    return lines(["客户ID", "日期", "金额", "备注"], ["a", "2024-06-01", "1", "ok"], ["b", "2024-06-02", "2", '"没有闭合'],
                 ["c", "2024-06-03", "3", "ok"]).encode("utf-8")


@corpus("wrapped_ids.csv")
def _():
    return lines(["客户ID", "日期", "金额"], ['"=""000123"""', "2024-06-01", "1"], ["'000124", "2024-06-02", "2"],
                 ["000125", "2024-06-03", "3"]).encode("utf-8")


@corpus("null_tokens.csv")
def _():
    return lines(["客户ID", "日期", "金额", "备注"], ["NULL", "2024-06-01", "1", "NA"], ["N/A", "2024-06-02", "2", "None"],
                 ["-", "2024-06-03", "3", "null"], ["a", "2024-06-04", "4", "NA"]).encode("utf-8")


@corpus("trailing_delimiters.csv")
def _():
    return lines(["客户ID", "日期", "金额", ""], ["a", "2024-06-01", "1", ""], ["b", "2024-06-02", "2", ""]).encode("utf-8")


@corpus("unnamed_column_with_data.csv")
def _():
    return lines(["客户ID", "日期", "金额", ""], ["a", "2024-06-01", "1", "门店"], ["b", "2024-06-02", "2", "线上"]
                 ).encode("utf-8")


@corpus("fullwidth_headers.csv")
def _():
    return lines(["\u200b客户ＩＤ", "订单日期", "金额（元）"], ["a", "2024-06-01", "1"]).encode("utf-8")


@corpus("day_first_dots.csv")
def _():
    return lines(["客户ID", "日期", "金额"], ["a", "31.05.2024", "1"], ["b", "01.06.2024", "2"]).encode("utf-8")


@corpus("header_row_override.csv")
def _():
    return lines(["客户ID", "日期", "金额"], ["汇总", "2024-06", "3"], [], ["会员号", "下单时间", "实付金额", "订单号"],
                 ["m1", "2024-06-01", "1", "o1"], ["m2", "2024-06-02", "2", "o2"]).encode("utf-8")


# --- not a table, or not one this kit can read as it is ---------------------------------------------

@corpus("html_saved_as.xls")
def _():
    return ("<html><head><meta charset='utf-8'></head><body><table><tr><td>客户ID</td><td>日期</td><td>金额</td></tr>"
            "<tr><td>a</td><td>2024-06-01</td><td>1</td></tr></table></body></html>").encode("utf-8")


@corpus("password_protected.xlsx")
def _():
    # The start of an encrypted OOXML file: an OLE2 container holding an "EncryptionInfo" stream.
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    entry = "EncryptionInfo".encode("utf-16-le").ljust(64, b"\x00")
    return header + entry + b"\x00" * 448


@corpus("truncated.xlsx")
def _():
    return xlsx({"订单": [["客户ID", "日期", "金额"], ["a", D(2024, 6, 1), 1]]})[:300]


@corpus("spreadsheet.ods")
def _():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in (("mimetype", b"application/vnd.oasis.opendocument.spreadsheet"),
                           ("content.xml", b"<office:document-content/>")):
            archive.writestr(zipfile.ZipInfo(name, date_time=FIXED), data)
    return out.getvalue()


@corpus("letter.docx")
def _():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(zipfile.ZipInfo("word/document.xml", date_time=FIXED), b"<w:document/>")
    return out.getvalue()


@corpus("folder_instead_of_file")
def _():
    return None      # a folder: made by write()


def write(folder: Path = HERE) -> list[Path]:
    """Write every generated file into ``folder``; returns their paths."""
    written = []
    for name, make in FILES.items():
        path = folder / name
        data = make()
        if data is None:
            path.mkdir(exist_ok=True)
            (path / ".keep").write_text("a folder where a file is expected\n", encoding="utf-8")
        else:
            path.write_bytes(data)
        written.append(path)
    return written


if __name__ == "__main__":
    for path in write():
        print(path.relative_to(HERE.parent.parent))
