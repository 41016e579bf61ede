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

import base64
import io
from functools import partial
from html import escape

import pandas as pd

from helpers.i18n import has, label, t
from helpers.report.analysis import N_ROWS, CustomerReport, with_ids
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
_NUMBER_FORMATS = {"share": "{:.1%}", "money": "{:,.2f}", "int": "{:,.0f}"}


def _cell_html(value, fmt: str | None) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return "<td></td>"
    if fmt in _NUMBER_FORMATS:
        return f'<td class="n">{_NUMBER_FORMATS[fmt].format(float(value))}</td>'
    return f"<td>{escape(str(pd.Timestamp(value).date() if fmt == 'date' else value))}</td>"


def _html_table(frame: pd.DataFrame, columns: dict, formats: dict | None = None) -> str:
    """A table of ``frame[columns]`` headed by catalogue keys, every cell escaped.

    ``columns`` maps column → header key; ``formats`` maps column → ``share`` (0–1 shown as %) /
    ``money`` / ``int`` / ``date``.

    >>> _html_table(pd.DataFrame({"customer_id": ["<b>"]}), {"customer_id": "id"})
    '<table><tr><th>id</th></tr><tr><td>&lt;b&gt;</td></tr></table>'
    """
    formats = formats or {}
    head = "".join(f"<th>{escape(t(key) if has(key) else key)}</th>" for key in columns.values())
    body = "".join("<tr>" + "".join(_cell_html(v, formats.get(c)) for c, v in zip(columns, row)) + "</tr>"
                   for row in frame[list(columns)].itertuples(index=False, name=None))
    return f"<table><tr>{head}</tr>{body}</table>"


def _chart_png(plot, data, figsize=(8, 5)) -> str:
    """``plot(data, ax=…)`` drawn with the kit theme as an ``<img>`` holding a base64 PNG."""
    import matplotlib as mpl
    from matplotlib.figure import Figure

    from helpers.plots.theme import apply_theme

    with mpl.rc_context():
        apply_theme()
        figure = Figure(figsize=figsize)
        ax = figure.subplots()
        plot(data, ax=ax)
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=90)
    encoded = base64.b64encode(buffer.getvalue()).decode("ascii")
    return f'<img alt="{escape(ax.get_title())}" src="data:image/png;base64,{encoded}">'


_SHARES = {"customers": "int", "customer_share": "share", "share": "share", "orders": "int", "revenue": "money",
           "revenue_share": "share", "aov": "money", "value": "money", "value_share": "share"}
_LIST_COLUMNS = {"customer_id": "report_col_customer_id", "state_label": "report_col_state",
                 "last_purchase": "report_col_last_purchase", "recency_days": "report_col_recency",
                 "orders": "report_col_orders", "revenue": "report_col_revenue", "action_text": "report_col_action"}
_LIST_FORMATS = {"last_purchase": "date", "recency_days": "int", "orders": "int", "revenue": "money"}


def _action_list_html(actions: pd.DataFrame, n_rows: int) -> str:
    from helpers.lifecycle import state_labels

    if actions.empty:
        return f'<p class="muted">{escape(t("report_empty_list"))}</p>'
    shown = with_ids(actions.head(n_rows))
    shown = shown.assign(state_label=state_labels(shown["state"]).to_numpy())
    note = t("report_top_n", n=len(shown), total=len(actions))
    return f'<p class="muted">{escape(note)}</p>' + _html_table(shown, _LIST_COLUMNS, _LIST_FORMATS)


def _data_html(report: CustomerReport) -> str:
    parts = []
    if report.data_report is not None:
        facts = pd.DataFrame(list(report.data_report.facts().items()), columns=["item", "value"])
        parts.append(_html_table(facts, {"item": "report_col_item", "value": "report_col_threshold"}))
        parts.append(_html_table(report.data_report.to_frame(),
                                 {"label": "report_col_reason", "rows": "report_col_rows",
                                  "share": "report_col_share", "first_rows": "report_col_first_rows"},
                                 {"rows": "int", "share": "share"}))
        notes = report.data_report.note_texts() + report.notes
    else:
        notes = report.notes
    parts += [f'<p class="note">⚠ {escape(n)}</p>' for n in notes]
    return "".join(parts)


def _sections(report: CustomerReport, n_rows: int) -> list[tuple[str, str]]:
    from helpers.plots import plot_pyramid, plot_segment_sizes, plot_state_distribution, plot_value_matrix

    summary = report.segment_summary()
    seg_columns = {"label": "report_col_segment", "customers": "report_col_customers",
                   "customer_share": "report_col_customer_share", "orders": "report_col_orders",
                   "revenue": "report_col_revenue", "revenue_share": "report_col_revenue_share",
                   "aov": "report_col_aov"}
    strategies = summary.assign(strategy=label(summary["segment"], "strategy"))
    tier_columns = {"label": "report_col_tier", "customers": "report_col_customers",
                    "customer_share": "report_col_customer_share", "value": "report_col_value",
                    "value_share": "report_col_value_share", "strategy": "report_col_strategy"}
    cell_columns = {"label": "report_col_cell", "customers": "report_col_customers", "share": "report_col_share",
                    "strategy": "report_col_strategy"}
    state_columns = {"label": "report_col_state", "customers": "report_col_customers", "share": "report_col_share"}
    return [
        ("report_sec_data", _data_html(report)),
        ("report_sec_segments", _html_table(summary, seg_columns, _SHARES) + _chart_png(plot_segment_sizes, summary)),
        ("report_sec_strategies", _html_table(strategies, {"label": "report_col_segment",
                                                           "strategy": "report_col_strategy"})),
        ("report_sec_tiers", _html_table(report.pyramid.summary(), tier_columns, _SHARES)
         + _chart_png(plot_pyramid, report.pyramid)),
        ("report_sec_matrix", _html_table(report.matrix.summary(), cell_columns, _SHARES)
         + _chart_png(partial(plot_value_matrix, log="auto"), report.matrix, figsize=(7, 6))),
        ("report_sec_states", _html_table(report.states.summary(), state_columns, _SHARES)
         + _chart_png(plot_state_distribution, report.states)),
        ("report_sec_at_risk", _action_list_html(report.at_risk, n_rows)),
        ("report_sec_win_back", _action_list_html(report.win_back, n_rows)),
        ("report_sec_thresholds", _html_table(report.thresholds(), {"section": "report_col_section",
                                                                    "item": "report_col_item",
                                                                    "value": "report_col_threshold"})),
    ]


@validate_params(n_rows=_N_ROWS)
def report_body(report: CustomerReport, *, n_rows: int = N_ROWS) -> str:
    """The report's content (title, sections, footer) as HTML, without the page around it.

    ``n_rows``: the rows of each action list shown (the files hold every customer).
    """
    from helpers import __version__

    intro = t("report_intro", source=report.source, as_of=report.as_of.date(), scheme=report.scheme)
    sections = "".join(f"<h2>{escape(t(key))}</h2>{html}" for key, html in _sections(report, n_rows))
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
    from helpers.i18n import get_language

    lang = "zh-CN" if get_language() == "zh" else "en"
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
            f"<title>{escape(t('report_title'))}</title><style>{CSS}</style></head>"
            f"<body>{report_body(report, n_rows=n_rows)}</body></html>")
