"""python -m helpers report: files written, numbers equal to the library's, hostile text kept inert,
customer value with the quality of its fit, the page and workbook in the reader's language."""
import html
import re
import subprocess
import sys
import threading
from html.parser import HTMLParser

import numpy as np
import openpyxl
import pandas as pd
import pytest

from helpers.__main__ import main
from helpers.btyd import BetaGeoModel, GammaGammaModel, btyd_summary, customer_clv
from helpers.data import load_transactions
from helpers.errors import DataWarning, collect_warnings, warn
from helpers.i18n import get_language, language, t
from helpers.lifecycle import at_risk_list, win_back_list
from helpers.report import FILES, analyse, create_report, write_report
from helpers.report.analysis import _analyse, load_for_report
from helpers.report.files import _write
from helpers.report.worker import Worker, later
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


def synthetic_orders(seed: int = 7, *, days: int = 547, n_customers: int = 150) -> pd.DataFrame:
    """Orders of ``n_customers`` customers (about a thousand orders) who buy and leave as BG/NBD
    assumes (a gamma-distributed rate of purchases, a beta-distributed chance to leave after each
    purchase), with Chinese headers, over ``days`` days from 2023-01-01 (2024-06-30 by default);
    two hostile customer ids with known states.

    ``LINK_ID`` spends most and was last seen a year before AS_OF (lost → win-back list);
    ``SCRIPT_ID`` spends much and was last seen 120 days before (at risk → at-risk list).
    """
    rng = np.random.default_rng(seed)
    start = pd.Timestamp("2023-01-01")
    rows = []
    for n, cid in enumerate([f"C{i:03d}" for i in range(n_customers)] + ["@SUM(1+1)"]):
        rate, leave = rng.gamma(0.9, 1 / 40), rng.beta(1.0, 5.0)          # purchases a day; P(leave) after one
        day = 0.0 if n == 0 else float(rng.uniform(0, days * 2 / 3))
        while day < days:
            rows.append((cid, start + pd.Timedelta(days=int(day)), round(float(rng.lognormal(4, 0.7)), 2)))
            if rng.random() < leave:
                break
            day += float(rng.exponential(1 / rate))
    if days == 547:
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
    assert page.count('src="data:image/png;base64,') == 5          # four classifications and the holdout check
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


SHEETS = ["customers", "segments", "at_risk", "win_back", "model", "holdout", "thresholds", "data"]


def test_workbook_sheets_match_the_library_and_hold_no_formulas(csv_report, library):
    book = openpyxl.load_workbook(csv_report[1] / "report.xlsx")
    assert book.sheetnames == [t(f"report_sheet_{k}") for k in SHEETS]
    rows = {k: book[t(f"report_sheet_{k}")].max_row - 1 for k in SHEETS}
    assert rows["customers"] == len(library["rfm"])
    assert rows["segments"] == library["segments"].classes.nunique()
    assert rows["at_risk"] == len(library["at_risk"]) and rows["win_back"] == len(library["win_back"])
    assert rows["model"] == 7 and rows["holdout"] >= 2                # BG/NBD r, α, a, b; Gamma-Gamma p, q, γ
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
    # for machines: the stable ids and English names, value columns included
    assert {"segment", "tier", "state", "prob_alive", "expected_purchases", "clv"} <= set(parquet.columns)
    assert parquet["segment"].str.startswith("cn8_").all()


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
    page = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert "<h1>客户价值分析报告</h1>" in page and t("report_sec_model", lang="zh") in page


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


# ---- customer value: P(alive), expected purchases and CLV from BG/NBD + Gamma-Gamma ----

HOLDOUT_END = pd.Timestamp(AS_OF)
CALIBRATION_END = HOLDOUT_END - pd.Timedelta(weeks=26)    # the last third of 547 days, in whole weeks


@pytest.fixture(scope="module")
def value_report(library):
    return analyse(library["tx"], as_of=AS_OF)


def test_value_per_customer_equals_the_btyd_library(value_report, library):
    summary = btyd_summary(library["tx"], AS_OF)
    bg, gg = BetaGeoModel.fit(summary), GammaGammaModel.fit(summary)
    expected = customer_clv(bg, gg, summary, horizon=12, margin=1.0, discount=0.01, step_length=4.345)
    got = value_report.customers
    expected = expected.reindex(got.index)
    for column in ("expected_purchases", "expected_spend", "clv"):
        np.testing.assert_allclose(got[column], expected[column], rtol=1e-12)
    one_time = summary["x"].reindex(got.index).eq(0)
    assert one_time.any() and got.loc[one_time, "prob_alive"].isna().all()     # BG/NBD would say 1: left blank
    np.testing.assert_allclose(got.loc[~one_time, "prob_alive"], expected.loc[~one_time, "prob_alive"], rtol=1e-12)
    assert value_report.value.purchase_model.params == bg.params


def test_value_per_segment_and_the_value_at_risk_add_up(value_report):
    customers, segments = value_report.customers, value_report.segment_value()
    assert segments["segment"].tolist() == value_report.segment_summary()["segment"].tolist()
    by_segment = customers.groupby("segment")["clv"].sum().reindex(segments["segment"])
    np.testing.assert_allclose(segments["clv_total"], by_segment)
    assert segments["customers"].sum() == len(customers) and segments["clv_share"].sum() == pytest.approx(1)
    np.testing.assert_allclose(segments["clv_mean"], segments["clv_total"] / segments["customers"])
    at_risk = value_report.at_risk
    np.testing.assert_array_equal(at_risk["clv"].to_numpy(), customers.loc[at_risk.index, "clv"].to_numpy())
    assert at_risk["clv"].notna().all()
    risk = value_report.value_at_risk()
    assert risk["customers"] == len(at_risk)
    assert risk["clv"] == pytest.approx(customers.loc[at_risk.index, "clv"].sum())
    assert risk["clv_share"] == pytest.approx(risk["clv"] / customers["clv"].sum())


def test_the_fit_is_shown_with_intervals_and_checked_on_a_holdout(value_report, library):
    value = value_report.value
    table = value.parameters()
    assert table["model"].tolist() == ["BG/NBD"] * 4 + ["Gamma-Gamma"] * 3
    assert table["parameter"].tolist() == ["r", "alpha", "a", "b", "p", "q", "gamma"]
    assert (table["ci_lower"] < table["estimate"]).all() and (table["estimate"] < table["ci_upper"]).all()
    assert value.holdout.attrs["calibration_end"] == CALIBRATION_END and value.holdout.attrs["weeks"] == 26
    calibration = btyd_summary(library["tx"], CALIBRATION_END, HOLDOUT_END)
    from helpers.btyd import holdout_comparison
    expected = holdout_comparison(BetaGeoModel.fit(calibration), calibration)
    pd.testing.assert_frame_equal(value.holdout, expected, check_like=True)
    assert value.holdout_totals()["actual"] == calibration["x_star"].sum()
    assert value_report.value.params | {"horizon": 12, "margin": 1.0, "discount": 0.01} == value.params


def test_margin_and_horizon_change_the_value_as_stated(value_report, library):
    scaled = analyse(library["tx"], as_of=AS_OF, margin=0.3)
    np.testing.assert_allclose(scaled.customers["clv"], 0.3 * value_report.customers["clv"], rtol=1e-12)
    shorter = analyse(library["tx"], as_of=AS_OF, horizon=3)
    assert (shorter.customers["expected_purchases"] < value_report.customers["expected_purchases"]).all()
    for bad in ({"margin": 0.0}, {"margin": 1.5}, {"discount": 1.0}, {"horizon": 0}):
        with pytest.raises(ParameterError, match=next(iter(bad))):
            analyse(library["tx"], **bad)


def test_value_options_on_the_command_line(gbk_csv, capsys):
    for lang in ("zh", "en"):
        with language(lang), pytest.raises(SystemExit) as done:
            main(["report", "--help"])
        assert done.value.code == 0
        shown = capsys.readouterr().out
        assert all(option in shown for option in ("--horizon", "--margin", "--discount", "--currency"))
        assert "30%" in shown
    for option, bad in (("--margin", "150%"), ("--discount", "-1"), ("--horizon", "half")):
        with pytest.raises(SystemExit):
            main(["report", str(gbk_csv), option, bad])
        assert option in capsys.readouterr().err


def _one_purchase_each(n: int = 40) -> pd.DataFrame:
    days = pd.Timestamp("2024-01-01") + pd.to_timedelta(np.arange(n) * 5, unit="D")
    return pd.DataFrame({"customer_id": [f"K{i:02d}" for i in range(n)], "order_date": days,
                         "amount": np.linspace(20, 400, n).round(2)})


def test_without_repeat_buyers_the_report_says_why_and_the_rest_is_unaffected(tmp_path):
    source = tmp_path / "once.csv"
    _one_purchase_each().to_csv(source, index=False)
    assert main(["report", str(source), "--lang", "en", "--out", str(tmp_path / "out")]) == 0
    page = html.unescape((tmp_path / "out" / "report.html").read_text(encoding="utf-8"))
    reason = t("report_value_few_repeaters", n="0", needed=20)
    assert t("report_value_not_fitted", reason=reason) in page
    book = openpyxl.load_workbook(tmp_path / "out" / "report.xlsx")
    assert book.sheetnames == [t(f"report_sheet_{k}") for k in SHEETS if k not in ("model", "holdout")]
    headers = [c.value for c in book[t("report_sheet_customers")][1]]
    assert "P(alive)" not in headers and not [h for h in headers if "CLV" in h]
    thresholds = {row[1]: row[2] for row in book[t("report_sheet_thresholds")].iter_rows(values_only=True)}
    assert thresholds[t("report_thr_not_fitted")] == reason
    parquet = pd.read_parquet(tmp_path / "out" / "customers.parquet")
    assert parquet["clv"].isna().all() and len(parquet) == 40          # the same columns, for machines
    tx, _ = load_transactions(source)
    with collect_warnings():                       # one purchase each: the F scores tie (the report notes it)
        expected = rfm_segment(rfm_score(rfm_table(tx)), "cn8").classes
    assert parquet.set_index("customer_id")["segment"].to_dict() == expected.to_dict()


def test_too_short_a_history_is_not_fitted_and_says_how_long_it_is():
    rng = np.random.default_rng(5)
    tx = pd.DataFrame({"customer_id": rng.integers(0, 60, 400).astype(str), "amount": rng.gamma(3, 30, 400),
                       "order_date": pd.Timestamp("2024-03-01") + pd.to_timedelta(rng.integers(0, 30, 400), "D")})
    report = analyse(tx)
    assert not report.value.fitted and report.customers["clv"].isna().all()
    assert report.value.reason == t("report_value_short_history", days="30", needed=56)
    assert report.segment_summary()["customers"].sum() == 60


def test_a_fit_that_gives_no_finite_forecast_is_not_used():
    # every customer buys at the same steady pace: BG/NBD's rate parameters run off to infinity
    rng = np.random.default_rng(7)
    rows = [(f"C{n:03d}", pd.Timestamp("2023-01-01") + pd.Timedelta(days=int(rng.integers(0, 540))),
             round(float(rng.lognormal(4, 0.7)), 2)) for n in range(60) for _ in range(1 + n % 7)]
    report = analyse(pd.DataFrame(rows, columns=["customer_id", "order_date", "amount"]), as_of=AS_OF)
    # on data this flat the spend model's convergence turns on the last bit of the mean spends, so
    # either failure may be met first: both leave the forecast out and say why
    assert report.value.reason in (t("report_value_degenerate", model="BG/NBD"),
                                   t("report_value_not_converged", model="Gamma-Gamma"))
    assert report.customers["clv"].isna().all() and report.value.parameters().empty


def test_a_history_too_short_for_a_holdout_still_gets_its_forecast():
    orders = synthetic_orders(days=70, n_customers=400)
    tx, _ = load_transactions(orders, {"amount": AMOUNT_HEADER})
    report = analyse(tx)
    assert report.value.fitted and report.value.holdout is None
    assert report.value.holdout_reason == t("report_value_no_holdout", days="70", needed=84)
    assert report.customers["clv"].notna().all()


# ---- the page and the workbook in the reader's language ----

SNAKE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")


@pytest.fixture(scope="module")
def zh_report(gbk_csv, tmp_path_factory):
    """The report on the GBK file in Chinese, amounts in yuan."""
    out = tmp_path_factory.mktemp("zh")
    with language("zh"):
        code = main(["report", str(gbk_csv), "--columns", f"amount={AMOUNT_HEADER}", "--as-of", AS_OF,
                     "--lang", "zh", "--currency", "CNY", "--out", str(out)])
    assert code == 0
    return openpyxl.load_workbook(out / "report.xlsx"), (out / "report.html").read_text(encoding="utf-8")


def test_the_zh_workbook_shows_people_words_not_identifiers(zh_report):
    book, _ = zh_report
    for sheet in book:
        headers = [str(c.value) for c in sheet[1]]
        assert not [h for h in headers if SNAKE.search(h) or h.isascii() and h not in ("R", "F", "M")], headers
    customers = book[t("report_sheet_customers", lang="zh")]
    texts = [c.value for row in customers.iter_rows(min_row=2, min_col=2) for c in row if isinstance(c.value, str)]
    assert texts and not [v for v in texts if SNAKE.search(v)]            # labels, never cn8_…, tier_…, lc_…
    words = [c.value for row in book[t("report_sheet_thresholds", lang="zh")].iter_rows() for c in row]
    assert not [w for w in words if isinstance(w, str) and SNAKE.search(w)]   # no min_value_tier_diamond
    with language("zh"):
        assert t("report_thr_tier_min", tier=t("tier_diamond")) in words


def test_the_workbook_types_and_formats_money_shares_and_dates(zh_report):
    from helpers.display import column_label
    from helpers.report.tables import header

    book, page = zh_report
    sheet = book[t("report_sheet_customers", lang="zh")]
    with language("zh"):
        where = {c.value: c.column_letter for c in sheet[1]}
        money, share = sheet[f"{where[column_label('monetary')]}2"], sheet[f"{where[column_label('prob_alive')]}2"]
        clv = sheet[f"{where[header('clv', horizon=12)]}2"]
        day = sheet[f"{where[column_label('last_purchase')]}2"]
    assert money.number_format == clv.number_format == '"¥"#,##0.00' and isinstance(money.value, float)
    assert share.number_format == "0.0%"
    assert day.number_format == "yyyy-mm-dd" and day.value == day.value.replace(hour=0, minute=0)
    assert sheet.freeze_panes == "B2" and sheet.auto_filter.ref.startswith("A1:")
    assert all(sheet.column_dimensions[c].width >= 8 for c in where.values())
    assert "¥" in page and "£" not in page


def test_the_workbook_shows_estimates_as_the_page_does(zh_report):
    # four significant digits written out, whatever the size: never Excel's General 1.80813E-05
    from helpers.report.tables import cell_text

    assert cell_text(float("inf"), "estimate") == "∞" and cell_text(float("-inf"), "money", "CNY") == "-∞"
    book, page = zh_report
    sheet = book[t("report_sheet_model", lang="zh")]
    cells = [c for row in sheet.iter_rows(min_row=2, min_col=3) for c in row if isinstance(c.value, float)]
    assert cells
    for cell in cells:
        decimals = cell.number_format.partition(".")[2]
        assert cell.number_format.startswith("#,##0") and f"{cell.value:,.{len(decimals)}f}" == cell_text(cell.value, "estimate")
        assert cell_text(cell.value, "estimate") in page


def test_the_demos_state_their_currency(tmp_path):
    report = create_report(demo="cdnow", out=tmp_path, n_rows=3)
    assert report.currency == "USD"
    book = openpyxl.load_workbook(tmp_path / "report.xlsx")
    segments = book[t("report_sheet_segments")]
    formats = {c.number_format for c in segments[2]}
    assert '"$"#,##0.00' in formats and "0.0%" in formats
    assert "$" in (tmp_path / "report.html").read_text(encoding="utf-8")


# ---- the second process: the value models and the charts, or here ----

def test_the_report_is_the_same_whichever_process_fits_and_draws(tmp_path, gbk_csv):
    with language("en"):
        report = create_report(gbk_csv, tmp_path / "worker", columns={"amount": AMOUNT_HEADER}, as_of=AS_OF)
        tx, data_report = load_for_report(gbk_csv, columns={"amount": AMOUNT_HEADER})
        alone = _analyse(tx, data_report, as_of=AS_OF)            # no worker: every step here
        here = write_report(alone, tmp_path / "here")["html"].read_text(encoding="utf-8")
    worker = Worker.start()
    if worker is None:
        pytest.skip("one core: every step runs here")
    worker.close()
    assert report.value.fitted
    pd.testing.assert_frame_equal(report.customers, alone.customers)
    assert report.notes == alone.notes
    assert (tmp_path / "worker" / "report.html").read_text(encoding="utf-8") == here


def test_a_failing_worker_leaves_every_step_to_this_process(tmp_path, gbk_csv):
    failing = Worker.start(command=[sys.executable, "-c", "raise SystemExit(3)"])
    if failing is None:
        pytest.skip("one core: no worker is started")
    tx, data_report = load_for_report(gbk_csv, columns={"amount": AMOUNT_HEADER})
    try:
        report = _analyse(tx, data_report, as_of=AS_OF, worker=failing)
        page = _write(report, tmp_path / "a", 20, lambda _line: None, failing)["html"]
    finally:
        failing.close()
    alone = _analyse(tx, data_report, as_of=AS_OF)
    pd.testing.assert_frame_equal(report.customers, alone.customers)
    assert page.read_text(encoding="utf-8") == write_report(alone, tmp_path / "b")["html"].read_text(encoding="utf-8")


def test_a_step_that_fails_in_the_worker_runs_here_and_its_warnings_reach_this_process():
    worker = Worker.start()
    if worker is None:
        pytest.skip("one core: no worker is started")
    try:
        with pytest.warns(DataWarning):
            stays = later(worker, _warn_and_return, lambda: 5)      # a lambda cannot be handed over: runs now
        unpicklable = later(worker, _warn_and_return, threading.Lock)  # its result cannot travel back
        fine = later(worker, _warn_and_return, 7)
        with pytest.warns(DataWarning):
            assert fine.result() == 7
        with pytest.warns(DataWarning):
            assert isinstance(unpicklable.result(), type(threading.Lock()))
        assert stays.result()() == 5
    finally:
        worker.close()


def _warn_and_return(value):
    warn("warn_rfm_empty_bins", dim="F", scores="2")
    return value() if value is threading.Lock else value


def test_a_worker_started_ahead_is_the_one_the_report_uses():
    from helpers.report import worker as module

    Worker.prestart()
    ahead = list(module._AHEAD)
    if not ahead:
        pytest.skip("one core: no worker is started")
    Worker.prestart()                         # a second start ahead replaces (and stops) the first
    assert ahead[0]._process.poll() is not None and len(module._AHEAD) == 1
    worker = Worker.start()
    try:
        assert worker is not ahead[0] and not module._AHEAD
        assert later(worker, max, 2, 7).result() == 7
    finally:
        worker.close()


@pytest.mark.parametrize("engine", ["pandas", "polars"])
def test_a_frame_without_the_standard_columns_is_told_how_to_get_them(engine):
    import polars as pl

    from helpers.errors import DataError

    tx = pd.DataFrame({"会员号": ["a"], "order_date": pd.to_datetime(["2024-01-01"]), "amount": [1.0]})
    frame = pl.from_pandas(tx) if engine == "polars" else tx
    with language("zh"), pytest.raises(DataError, match="customer_id.*load_transactions") as refused:
        analyse(frame, as_of="2024-02-01")
    assert refused.value.column == "customer_id"
