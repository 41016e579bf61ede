"""python -m helpers report: files written, numbers equal to the library's, hostile text kept inert."""
import html
import subprocess
import sys
from html.parser import HTMLParser

import numpy as np
import openpyxl
import pandas as pd
import pytest

from helpers.__main__ import main
from helpers.data import load_transactions
from helpers.i18n import get_language, t
from helpers.lifecycle import at_risk_list, win_back_list
from helpers.report import FILES, analyse, create_report
from helpers.rfm import rfm_table
from helpers.rfm import rfm_score
from helpers.segments import rfm_segment, segment_summary
from helpers.validation import ParameterError

from conftest import ROOT

LINK_ID = '=HYPERLINK("x")'
SCRIPT_ID = "<script>alert('id')</script>"
SCRIPT_TEXT = "<script>alert('desc')</script>"
AMOUNT_HEADER = "实付<b>金额</b>"          # a header that must be shown escaped
AS_OF = "2024-07-01"


def synthetic_orders(seed: int = 7) -> pd.DataFrame:
    """A few hundred orders with Chinese headers; two hostile customer ids with known states.

    ``LINK_ID`` spends most and was last seen a year before AS_OF (lost → win-back list);
    ``SCRIPT_ID`` spends much and was last seen 120 days before (at risk → at-risk list).
    """
    rng = np.random.default_rng(seed)
    ids = [f"C{i:03d}" for i in range(60)] + ["@SUM(1+1)"]
    rows = []
    for n, cid in enumerate(ids):
        for k in range(1 + n % 7):
            day = pd.Timestamp("2023-01-01") + pd.Timedelta(days=int(rng.integers(0, 540)))
            rows.append((cid, day, round(float(rng.lognormal(4, 0.7)), 2)))
    rows += [(LINK_ID, pd.Timestamp("2023-05-01") + pd.Timedelta(days=30 * k), 5000.0) for k in range(3)]
    rows += [(SCRIPT_ID, pd.Timestamp("2024-03-03") - pd.Timedelta(days=40 * k), 3000.0) for k in range(3)]
    frame = pd.DataFrame(rows, columns=["会员号", "下单时间", AMOUNT_HEADER])
    frame["订单号"] = [f"SO{i:05d}" for i in range(len(frame))]
    frame["商品描述"] = np.where(np.arange(len(frame)) % 5 == 0, SCRIPT_TEXT, "茶叶礼盒")
    frame["下单时间"] = frame["下单时间"].dt.strftime("%Y/%m/%d")
    return frame


def ids(frame: pd.DataFrame) -> list:
    """The customer ids of a per-customer table, whether they are its index or a column."""
    return (frame["customer_id"] if "customer_id" in frame.columns else frame.index.to_series()).tolist()


class Tables(HTMLParser):
    """The text of every table cell, grouped by the <h2> section the table is in."""

    def __init__(self):
        super().__init__()
        self.sections, self._heading, self._row, self._text, self._in = {}, None, None, "", None

    def handle_starttag(self, tag, attrs):
        if tag in ("h2", "td", "th"):
            self._in, self._text = tag, ""
        elif tag == "tr":
            self._row = []

    def handle_endtag(self, tag):
        if tag == "h2":
            self._heading = self._text
            self.sections[self._heading] = []
        elif tag in ("td", "th"):
            self._row.append(self._text)
        elif tag == "tr" and self._heading is not None:
            self.sections[self._heading].append(self._row)
        self._in = None if tag in ("h2", "td", "th") else self._in

    def handle_data(self, data):
        if self._in:
            self._text += data


@pytest.fixture(scope="module")
def gbk_csv(tmp_path_factory):
    path = tmp_path_factory.mktemp("in") / "订单&<x>.csv"
    synthetic_orders().to_csv(path, index=False, encoding="gbk")
    return path


@pytest.fixture(scope="module")
def csv_report(gbk_csv, tmp_path_factory):
    """The report on the GBK file, run in-process once for the module (language: en)."""
    from helpers.i18n import language

    out = tmp_path_factory.mktemp("out")
    with language("en"):
        code = main(["report", str(gbk_csv), "--columns", f"amount={AMOUNT_HEADER}", "--as-of", AS_OF,
                     "--lang", "en", "--out", str(out)])
    return code, out


@pytest.fixture(scope="module")
def library(gbk_csv):
    """What the library gives for the same file, step by step."""
    tx, report = load_transactions(gbk_csv, {"amount": AMOUNT_HEADER})
    rfm = rfm_table(tx, AS_OF)
    segments = rfm_segment(rfm_score(rfm), "cn8")
    return {"tx": tx, "report": report, "rfm": rfm, "segments": segments,
            "at_risk": at_risk_list(tx, AS_OF), "win_back": win_back_list(tx, AS_OF)}


def test_the_report_writes_every_file(csv_report):
    code, out = csv_report
    assert code == 0
    assert all((out / name).stat().st_size > 0 for name in FILES.values())


def test_html_is_self_contained_and_escapes_every_text_from_the_data(csv_report, gbk_csv):
    page = (csv_report[1] / "report.html").read_text(encoding="utf-8")
    assert "<script" not in page.lower()
    assert "http://" not in page and "https://" not in page and "<link" not in page
    assert page.count('src="data:image/png;base64,') == 4
    for raw in (LINK_ID, SCRIPT_ID, AMOUNT_HEADER, gbk_csv.name):
        assert html.escape(raw) in page
    assert "<b>金额</b>" not in page and "<x>" not in page


def test_html_counts_equal_the_library(csv_report, library):
    page = (csv_report[1] / "report.html").read_text(encoding="utf-8")
    sections = Tables()
    sections.feed(page)
    reasons = {row[0]: row[1] for row in sections.sections[t("report_sec_data")] if len(row) == 4}
    assert reasons[t("data_report_read")] == f"{library['report'].rows_read:,}"
    assert reasons[t("data_report_kept")] == f"{library['report'].rows_kept:,}"
    expected = segment_summary(library["segments"])
    shown = sections.sections[t("report_sec_segments")][1:]
    assert [(r[0], r[1]) for r in shown] == [(lbl, f"{n:,}") for lbl, n in zip(expected["label"], expected["customers"])]
    at_risk = sections.sections[t("report_sec_at_risk")][1:]
    assert [r[0] for r in at_risk] == library["at_risk"].index[:20].tolist()
    assert SCRIPT_ID in [r[0] for r in at_risk]
    assert LINK_ID in [r[0] for r in sections.sections[t("report_sec_win_back")][1:]]


def test_workbook_sheets_match_the_library_and_hold_no_formulas(csv_report, library):
    book = openpyxl.load_workbook(csv_report[1] / "report.xlsx")
    keys = ["customers", "at_risk", "win_back", "actions", "thresholds", "data"]
    assert book.sheetnames == [t(f"report_sheet_{k}") for k in keys]
    rows = {k: book[t(f"report_sheet_{k}")].max_row - 1 for k in keys}
    assert rows["customers"] == rows["actions"] == len(library["rfm"])
    assert rows["at_risk"] == len(library["at_risk"]) and rows["win_back"] == len(library["win_back"])
    cells = [c for sheet in book for row in sheet.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    ids = [c.value for c in book[t("report_sheet_customers")]["A"][1:]]
    assert LINK_ID in ids and "@SUM(1+1)" in ids and SCRIPT_ID in ids   # kept as text, marked as text


def test_csv_and_parquet_round_trip(csv_report, library):
    out = csv_report[1]
    parquet = pd.read_parquet(out / "customers.parquet")
    assert parquet["customer_id"].tolist() == library["rfm"].index.tolist()
    assert parquet["segment"].tolist() == library["segments"].classes.tolist()
    csv = pd.read_csv(out / "customers.csv", encoding="utf-8-sig", dtype={"customer_id": str})
    expected = ["'" + i if i.startswith(("=", "@")) else i for i in library["rfm"].index]
    assert csv["customer_id"].tolist() == expected
    pd.testing.assert_series_equal(csv["monetary"], parquet["monetary"])


def test_report_on_an_excel_file_as_a_subprocess_in_chinese(tmp_path):
    orders = synthetic_orders(seed=3).rename(columns={"会员号": "CustomerID", "下单时间": "InvoiceDate",
                                                     AMOUNT_HEADER: "amount", "订单号": "InvoiceNo"})
    source = tmp_path / "orders.xlsx"
    orders.to_excel(source, index=False)
    done = subprocess.run([sys.executable, "-m", "helpers", "report", str(source), "--lang", "zh",
                           "--scheme", "r_rfm10", "--out", str(tmp_path / "out")],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "读取" in done.stderr and "完成" in done.stderr
    book = openpyxl.load_workbook(tmp_path / "out" / "report.xlsx")
    assert book.sheetnames[0] == t("report_sheet_customers", lang="zh")
    tx, _ = load_transactions(source)
    assert book[book.sheetnames[0]].max_row - 1 == tx["customer_id"].nunique()
    assert "<h1>客户价值分析报告</h1>" in (tmp_path / "out" / "report.html").read_text(encoding="utf-8")


def test_a_missing_file_is_a_data_error_with_exit_code_2(tmp_path, capsys):
    assert main(["report", str(tmp_path / "nope.csv"), "--out", str(tmp_path)]) == 2
    assert "nope.csv" in capsys.readouterr().err


def test_a_missing_column_names_it_with_exit_code_2(tmp_path, capsys):
    source = tmp_path / "orders.csv"
    synthetic_orders().drop(columns=AMOUNT_HEADER).to_csv(source, index=False)
    assert main(["report", str(source), "--lang", "en", "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "amount" in err and "Fix:" in err
    assert get_language() == "en"


def test_other_failures_exit_with_1(tmp_path, monkeypatch, capsys):
    import helpers.report.files

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(helpers.report.files, "load_for_report", broken)
    assert main(["report", "--demo", "cdnow", "--out", str(tmp_path)]) == 1
    assert "disk full" in capsys.readouterr().err


def test_analysis_date_applies_to_every_step_and_later_rows_are_noted():
    tx, _ = load_transactions(synthetic_orders(), {"amount": AMOUNT_HEADER})
    rep = analyse(tx, as_of="2024-01-01")
    assert rep.as_of == pd.Timestamp("2024-01-01")
    assert rep.states.params["as_of"] == "2024-01-01"
    assert rep.at_risk.attrs["as_of"] == "2024-01-01"
    assert rep.customers["recency_days"].min() >= 0
    later = int((tx["order_date"] > "2024-01-01").sum())
    assert any(f"{later:,}" in note for note in rep.notes)


def test_every_customer_once_with_every_class_and_row_order_irrelevant():
    tx, _ = load_transactions(synthetic_orders(), {"amount": AMOUNT_HEADER})
    rep = analyse(tx, as_of=AS_OF, scheme="pymc")
    shuffled = analyse(tx.sample(frac=1, random_state=1), as_of=AS_OF, scheme="pymc")
    table = rep.customers
    assert table.index.name == "customer_id" and rep.segment_actions.index.name == "customer_id"
    assert table.index.is_unique and len(table) == tx["customer_id"].nunique()
    assert set(rep.segment_actions.index) == set(table.index)
    assert table[["segment", "tier", "cell", "state"]].notna().all().all()
    pd.testing.assert_frame_equal(table, shuffled.customers)
    assert rep.segment_actions["revisit_date"].between(rep.as_of, rep.as_of + pd.DateOffset(months=6)).all()


def test_rows_shown_per_list_and_invalid_settings(tmp_path, gbk_csv, capsys):
    from helpers.i18n import language

    with language("en"):
        assert main(["report", str(gbk_csv), "--columns", f"amount={AMOUNT_HEADER}", "--as-of", AS_OF,
                     "--rows", "1", "--out", str(tmp_path)]) == 0
        page = (tmp_path / "report.html").read_text(encoding="utf-8")
        sections = Tables()
        sections.feed(page)
        assert len(sections.sections[t("report_sec_at_risk")]) == 1 + 1      # header and one customer
        with pytest.raises(SystemExit):
            main(["report", str(gbk_csv), "--rows", "0"])
        assert "--rows" in capsys.readouterr().err
        for bad, name in (({"scheme": "rfm10"}, "scheme"), ({"n_rows": 0}, "n_rows"), ({"demo": "tea"}, "demo")):
            with pytest.raises(ParameterError, match=name):
                create_report(gbk_csv, tmp_path, **bad)
    with language("zh"), pytest.raises(ParameterError, match="参数 scheme 应为以下之一"):
        analyse(load_transactions(gbk_csv, {"amount": AMOUNT_HEADER})[0], scheme="rfm")
