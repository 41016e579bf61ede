"""Property: a file in a random layout and encoding either loads with every cell value exactly as
written, or fails with a DataError — never a wrong value, never another exception."""
import csv
import datetime as dt
import io
import warnings
from decimal import Decimal

import openpyxl
import pandas as pd
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

from helpers.data import load_transactions
from helpers.data.transactions import TOTAL_WORDS
from helpers.data.values import MISSING_TOKENS
from helpers.errors import DataError, DataWarning

# Simplified Chinese for most encodings; traditional for Big5 (Hong Kong / Taiwan systems).
SCRIPTS = {
    "simplified": {"headers": ["订单号", "会员号", "下单时间", "实付金额", "备注"], "total": "合计",
                   "ids": "0123456789ABCXYZ甲乙丙", "texts": "abcXYZ 0123,;|\"'é茶叶月饼喆—（）",
                   "titles": ["2024年6月 销售明细", "XX便利店 流水报表", "Orders export"],
                   "notes": [["导出时间：2024-07-01 09:30", "操作员：张三"], ["门店：一店", "", "统计口径：实付"]]},
    "traditional": {"headers": ["訂單編號", "會員編號", "訂單日期", "實付金額", "備註"], "total": "合計",
                    "ids": "0123456789ABCXYZ甲乙丙陳", "texts": "abcXYZ 0123,;|\"'茶葉月餅陳大文—",
                    "titles": ["2024年6月 銷售明細", "Orders export"],
                    "notes": [["匯出時間：2024-07-01 09:30", "操作員：陳大文"]]},
}
DATE_FORMATS = ["%Y-%m-%d %H:%M", "%Y/%m/%d", "%Y-%m-%d", "%Y年%m月%d日"]


def _ids(script):
    return st.text(script["ids"], min_size=1, max_size=8).filter(
        lambda s: s.strip() == s and s.lower() not in MISSING_TOKENS and s not in TOTAL_WORDS)


def _texts(script):
    return st.text(script["texts"], min_size=1, max_size=12).filter(
        lambda s: s.strip() == s and s.strip() != "" and s.lower() not in MISSING_TOKENS)


amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999.99"), places=2)
moments = st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2030, 12, 31)).map(
    lambda d: d.replace(second=0, microsecond=0))


def _layouts(script):
    return st.fixed_dictionaries({
    "titles": st.lists(st.sampled_from(script["titles"]), max_size=2),
    "notes": st.lists(st.sampled_from(script["notes"]), max_size=2),
    "blank_above": st.integers(0, 2),
    "blank_inside": st.booleans(),
    "total": st.booleans(),
    "date_format": st.sampled_from(DATE_FORMATS),
    "thousands": st.booleans(),
    })


formats = st.one_of(
    st.tuples(st.just("csv"), st.sampled_from([",", ";", "\t", "|"]),
              st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32", "gb18030", "big5"])),
    st.tuples(st.just("xlsx"), st.sampled_from(["typed", "text"]), st.just(None)),
)


def _money(amount: Decimal, thousands: bool) -> str:
    return f"{amount:,.2f}" if thousands else f"{amount:.2f}"


def _grid(data, layout, script, typed: bool):
    """The sheet as rows of cells (text, or Excel types when ``typed``)."""
    grid = [[title] for title in layout["titles"]] + [list(n) for n in layout["notes"]]
    grid += [[] for _ in range(layout["blank_above"])] + [script["headers"]]
    body = []
    for i, (cid, moment, amount, text) in enumerate(data):
        when = moment if typed else moment.strftime(layout["date_format"])
        money = float(amount) if typed else _money(amount, layout["thousands"])
        body.append([f"O{i + 1}", cid, when, money, text])
    if layout["blank_inside"] and len(body) > 1:
        body.insert(1, [])
    grid += body
    if layout["total"]:
        total = sum(a for *_, a, _t in data)
        grid.append([script["total"], None, None, float(total) if typed else _money(total, False), None])
    return grid


def _file(data, layout, script, kind, option, encoding) -> bytes:
    if kind == "xlsx":
        book = openpyxl.Workbook()
        for row in _grid(data, layout, script, typed=option == "typed"):
            book.active.append(row)
        buffer = io.BytesIO()
        book.save(buffer)
        return buffer.getvalue()
    out = io.StringIO()
    csv.writer(out, delimiter=option, lineterminator="\n").writerows(
        [["" if c is None else c for c in row] for row in _grid(data, layout, script, typed=False)])
    try:
        return out.getvalue().encode(encoding)
    except UnicodeEncodeError:
        assume(False)      # the text cannot be written in that encoding: no such file exists


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(formats, st.data())
def test_a_file_round_trips_every_value_or_fails_with_a_data_error(fmt, draw):
    kind, option, encoding = fmt
    script = SCRIPTS["traditional" if encoding == "big5" else draw.draw(st.sampled_from(sorted(SCRIPTS)))]
    data = draw.draw(st.lists(st.tuples(_ids(script), moments, amounts, _texts(script)), min_size=1, max_size=8))
    layout = draw.draw(_layouts(script))
    raw = _file(data, layout, script, kind, option, encoding)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DataWarning)
            clean, report = load_transactions(io.BytesIO(raw))
    except DataError as err:
        event(f"{kind} {encoding or option}: DataError {err.key}")
        return
    event(f"{kind} {encoding or option}: loaded")
    expected_dates = [pd.Timestamp(m if kind == "xlsx" and option == "typed" else
                                   dt.datetime.strptime(m.strftime(layout["date_format"]), layout["date_format"]))
                      for _, m, _, _ in data]
    assert report.rows_read == len(data) + layout["total"]
    assert report.excluded == ({"excl_total_row": 1} if layout["total"] else {})
    assert clean["order_id"].tolist() == [f"O{i + 1}" for i in range(len(data))]
    assert clean["customer_id"].tolist() == [cid for cid, *_ in data]
    assert clean["order_date"].tolist() == expected_dates
    assert clean["amount"].tolist() == [float(a) for *_, a, _ in data]
    assert clean[script["headers"][4]].tolist() == [text for *_, text in data]
