"""The report as one self-contained HTML page: CSS inline, charts as embedded PNG, every text escaped.

    >>> import pandas as pd
    >>> from helpers.report.analysis import analyse
    >>> tx = pd.DataFrame({"customer_id": ["a", "b", "b"], "amount": [50.0, 20.0, 30.0],
    ...     "order_date": pd.to_datetime(["2024-01-02", "2024-02-01", "2024-03-01"])})
    >>> page = to_html(analyse(tx, as_of="2024-03-31"), n_rows=5)
    >>> page.startswith("<!DOCTYPE html>"), "<script" in page
    (True, False)
"""
from __future__ import annotations

from html import escape

import pandas as pd

from helpers.display import CURRENCIES, format_money, format_share
from helpers.i18n import label, t
from helpers.report.analysis import N_ROWS, CustomerReport
from helpers.report.tables import (HOLDOUT_COLUMNS, SEGMENT_COLUMNS, VALUE_COLUMNS, View, cell_text, list_view,
                                   parameter_view, people)
from helpers.validation import Interval, validate_params

# report_body is the part CustomerReport shows in a notebook; to_html the whole page.
__all__ = ["to_html"]

CSS = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",Arial,sans-serif;margin:2em auto;
max-width:1100px;color:#222;line-height:1.45;padding:0 1em}
h1{border-bottom:3px solid #66c2a5;padding-bottom:.3em}h2{margin-top:2em;color:#2f6f5e}
table{border-collapse:collapse;margin:.6em 0;font-size:.9em}th,td{border:1px solid #ddd;padding:.25em .6em}
th{background:#f2f6f5;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}
img{max-width:100%;height:auto;display:block;margin:.6em 0}.note{color:#9a6700}.muted{color:#666}
"""

_N_ROWS = Interval(int, 1, None)
_NUMERIC = {"money", "share", "int", "number", "estimate"}


def _html_table(view: View, currency: str | None = None) -> str:
    """A :class:`~helpers.report.tables.View` as an HTML table: headers and every cell escaped,
    numbers right-aligned and formatted by their kind.

    >>> from helpers.report.tables import View
    >>> _html_table(View(pd.DataFrame({"id": ["<b>"], "n": [1234]}), {"id": "text", "n": "int"}))
    '<table><tr><th>id</th><th>n</th></tr><tr><td>&lt;b&gt;</td><td class="n">1,234</td></tr></table>'
    """
    kinds = [view.kinds[c] for c in view.frame.columns]
    head = "".join(f"<th>{escape(str(c))}</th>" for c in view.frame.columns)
    cells = [[f'<td class="n">{escape(cell_text(v, k, currency))}</td>' if k in _NUMERIC
              else f"<td>{escape(cell_text(v, k, currency))}</td>" for v in column]
             for column, k in zip((view.frame[c].tolist() for c in view.frame.columns), kinds)]
    body = "".join(f"<tr>{''.join(row)}</tr>" for row in zip(*cells))
    return f"<table><tr>{head}</tr>{body}</table>"


def _paragraphs(texts, css: str = "muted") -> str:
    return "".join(f'<p class="{css}">{escape(text)}</p>' for text in texts)


def _notes(texts) -> str:
    return "".join(f'<p class="note">⚠ {escape(text)}</p>' for text in texts)


def _action_list_html(report: CustomerReport, actions: pd.DataFrame, n_rows: int) -> str:
    if actions.empty:
        return _paragraphs([t("report_empty_list")])
    note = t("report_top_n", n=min(n_rows, len(actions)), total=f"{len(actions):,}")
    return _paragraphs([note]) + _html_table(list_view(report, actions.head(n_rows)), report.currency)


def _at_risk_html(report: CustomerReport, n_rows: int) -> str:
    risk = report.value_at_risk()
    if not report.value.fitted or report.at_risk.empty:
        return _action_list_html(report, report.at_risk, n_rows)
    sentence = t("report_value_at_risk", n=f"{risk['customers']:,}", clv=format_money(risk["clv"], report.currency),
                 share=format_share(risk["clv_share"]), horizon=report.value.params["horizon"])
    return f"<p><b>{escape(sentence)}</b></p>" + _action_list_html(report, report.at_risk, n_rows)


def _data_html(report: CustomerReport) -> str:
    parts = []
    if report.data_report is not None:
        facts = pd.DataFrame(list(report.data_report.facts().items()), columns=["item", "setting"])
        parts.append(_html_table(people(facts, ["item", "setting"])))
        parts.append(_html_table(people(report.data_report.to_frame(),
                                        [("label", "reason"), "rows", "share", "first_rows"])))
        notes = report.data_report.note_texts() + report.notes
    else:
        notes = report.notes
    return "".join(parts) + _notes(notes)


def _overview_html(report: CustomerReport) -> str:
    """The figures a business reader looks for first."""
    money = report.currency
    customers = report.customers
    facts = [(t("report_fact_customers"), f"{len(customers):,}"),
             (t("report_fact_orders"), f"{int(customers['frequency'].sum()):,}"),
             (t("report_fact_revenue"), format_money(float(customers["monetary"].sum()), money))]
    if report.value.fitted:
        horizon = report.value.params["horizon"]
        risk = report.value_at_risk()
        facts += [(t("report_fact_purchases", horizon=horizon), f"{customers['expected_purchases'].sum():,.0f}"),
                  (t("report_fact_clv", horizon=horizon), format_money(float(customers["clv"].sum()), money)),
                  (t("report_fact_value_at_risk", n=f"{risk['customers']:,}"),
                   format_money(risk["clv"], money) + f" ({format_share(risk['clv_share'])})")]
    return _html_table(people(pd.DataFrame(facts, columns=["item", "setting"]), ["item", "setting"]))


def _value_html(report: CustomerReport) -> str:
    """Value per segment, or why there is none."""
    value = report.value
    params = value.params
    if not value.fitted:
        return f'<p class="note">⚠ {escape(t("report_value_not_fitted", reason=value.reason))}</p>'
    intro = t("report_value_intro", horizon=params["horizon"], margin=format_share(params["margin"], 0),
              discount=format_share(params["discount"], 1),
              margin_note=t("report_value_margin_none") if params["margin"] == 1 else "")
    table = people(report.segment_value(), VALUE_COLUMNS, horizon=params["horizon"])
    return _paragraphs([intro], "") + _html_table(table, report.currency) + _paragraphs([t("report_value_one_time")])


def _model_html(report: CustomerReport, charts: dict) -> str:
    """How the value was forecast and how good the forecast is."""
    value = report.value
    if not value.fitted:
        return _paragraphs([t("report_model_intro")], "") + _notes([t("report_value_not_fitted", reason=value.reason)]
                                                                    + value.notes)
    parts = [_paragraphs([t("report_model_intro")], ""), _html_table(parameter_view(report))]
    summary = value.holdout_summary()
    if summary is None:
        parts.append(_paragraphs([t("report_labelled", label=t("report_thr_holdout"), text=value.holdout_reason)]))
    else:
        parts.append(_paragraphs([t("report_labelled", label=t("report_thr_holdout"), text=summary),
                                  t("report_value_holdout_table")], ""))
        parts.append(_html_table(people(value.holdout, HOLDOUT_COLUMNS)))
        parts.append(charts["holdout"])
    return "".join(parts) + _notes(value.caveats() + value.notes)


def _sections(report: CustomerReport, n_rows: int, charts: dict) -> list[tuple[str, str]]:
    summary = report.segment_summary()
    strategies = summary.assign(strategy=label(summary["segment"], "strategy"))
    tiers = people(report.pyramid.summary(), [("label", "tier"), "customers", "customer_share", "value",
                                              "value_share", "strategy"])
    cells = people(report.matrix.summary(), [("label", "cell"), "customers", "share", "strategy"])
    states = people(report.states.summary(), [("label", "state"), "customers", "share"])
    money = report.currency
    return [
        ("report_sec_overview", _overview_html(report)),
        ("report_sec_data", _data_html(report)),
        ("report_sec_segments", _html_table(people(summary, SEGMENT_COLUMNS), money)
         + charts["segments"]),
        ("report_sec_value", _value_html(report)),
        ("report_sec_strategies", _html_table(people(strategies, [("label", "segment"), "strategy"]))),
        ("report_sec_tiers", _html_table(tiers, money) + charts["tiers"]),
        ("report_sec_matrix", _html_table(cells, money) + charts["matrix"]),
        ("report_sec_states", _html_table(states, money) + charts["states"]),
        ("report_sec_at_risk", _at_risk_html(report, n_rows)),
        ("report_sec_win_back", _action_list_html(report, report.win_back, n_rows)),
        ("report_sec_model", _model_html(report, charts)),
        ("report_sec_thresholds", _html_table(people(report.thresholds(), ["section", "item", ("value", "setting")]))),
    ]


@validate_params(n_rows=_N_ROWS)
def report_body(report: CustomerReport, *, n_rows: int = N_ROWS) -> str:
    """The report's content (title, sections, footer) as HTML, without the page around it.

    ``n_rows``: the rows of each action list shown (the files hold every customer).
    """
    from helpers.report.charts import chart_jobs, draw

    return _body(report, n_rows, draw(chart_jobs(report)))


def _body(report: CustomerReport, n_rows: int, charts: dict) -> str:
    """:func:`report_body` with its charts already drawn (``{name: <img>}``, :mod:`helpers.report.charts`)."""
    from helpers import __version__

    currency = CURRENCIES.get(report.currency, report.currency) if report.currency else t("report_no_currency")
    intro = t("report_intro", source=report.source, as_of=report.as_of.date(),
              scheme=t(f"report_scheme.{report.scheme}"), currency=currency)
    sections = "".join(f"<h2>{escape(t(key))}</h2>{html}" for key, html in _sections(report, n_rows, charts))
    return (f"<h1>{escape(t('report_title'))}</h1><p>{escape(intro)}</p>{sections}"
            f'<p class="muted">{escape(t("report_footer", version=__version__))}</p>')


@validate_params(n_rows=_N_ROWS)
def to_html(report: CustomerReport, *, n_rows: int = N_ROWS) -> str:
    """The report as one HTML page that works offline: inline CSS, charts embedded, no scripts or links.

    ``report`` comes from :func:`helpers.report.analyse`; ``n_rows`` is the number of rows of each
    action list shown on the page (default 20).

    >>> import pandas as pd
    >>> from helpers.i18n import language
    >>> from helpers.report.analysis import analyse
    >>> tx = pd.DataFrame({"customer_id": ["a", "b"], "amount": [50.0, 20.0],
    ...     "order_date": pd.to_datetime(["2024-01-02", "2024-02-01"])})
    >>> with language("en"):
    ...     "<title>Customer value report</title>" in to_html(analyse(tx))
    True
    """
    from helpers.report.charts import chart_jobs, draw

    return page(report, n_rows, draw(chart_jobs(report)))


def page(report: CustomerReport, n_rows: int, charts: dict) -> str:
    """:func:`to_html` with its charts already drawn (``{name: <img>}``, :mod:`helpers.report.charts`)."""
    from helpers.i18n import get_language

    lang = "zh-CN" if get_language() == "zh" else "en"
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
            f"<title>{escape(t('report_title'))}</title><style>{CSS}</style></head>"
            f"<body>{_body(report, n_rows, charts)}</body></html>")
