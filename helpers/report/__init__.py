"""The analyst's report: transactions → every customer classification of the kit → files to act on.

:func:`analyse` runs the whole chain on a clean transactions frame — RFM table, scores, segments,
customer pyramid, Marcus matrix, relationship states, at-risk / win-back / per-segment action
lists — with one analysis date ``as_of`` for all of them, and returns a :class:`CustomerReport`.
The report renders itself as one self-contained HTML page (:func:`to_html`: CSS inline, charts
as embedded PNG, every text from the data escaped) and :func:`write_report` writes that page,
an Excel workbook, and the customer table as CSV and Parquet (:mod:`helpers.data.exports`).

    >>> import pandas as pd
    >>> from helpers.report import analyse
    >>> tx = pd.DataFrame({"customer_id": list("aabbc"), "amount": [50.0, 70.0, 20.0, 5.0, 900.0],
    ...     "order_date": pd.to_datetime(["2024-01-02", "2024-03-01", "2024-02-01", "2024-02-20", "2023-06-01"])})
    >>> rep = analyse(tx, as_of="2024-03-31")
    >>> rep.customers[["customer_id", "segment", "tier", "state"]].values.tolist()[0]
    ['a', 'cn8_general_value', 'tier_iron', 'repeat']

Command line: ``python -m helpers report FILE`` (see :mod:`helpers.__main__`). Sources: the
functions called, docs/methods.md §1–§3; revisit cadences from :func:`helpers.care.revisit_plan`.
"""
from __future__ import annotations

import base64
import io
import time
from dataclasses import dataclass, field
from functools import partial
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from helpers.i18n import has, label, t

if TYPE_CHECKING:
    from helpers.data.data_report import DataReport
    from helpers.lifecycle import RelationshipStates
    from helpers.matrices import MatrixClassification
    from helpers.rfm.scores import RFMScores
    from helpers.segments import Segmentation
    from helpers.tiers import TierClassification

TOP_N = 20
PYRAMID_PRESET = "cn_1_4_15_80"
LIFECYCLE_PRESET = "retail_quarterly"
VALUE_QUANTILE = 0.75          # the lists' "high value": revenue at or above this buyer percentile
REVISIT_MONTHS = 6             # horizon searched for each customer's next routine revisit
DEMOS = ("online_retail", "cdnow")
FILES = {"html": "report.html", "xlsx": "report.xlsx", "csv": "customers.csv", "parquet": "customers.parquet"}


def _quiet(_message: str) -> None:
    """The default progress sink: say nothing."""


@dataclass
class CustomerReport:
    """Everything :func:`analyse` found; ``customers`` has one row per customer with every class."""

    source: str
    as_of: pd.Timestamp
    scheme: str
    scores: RFMScores
    segments: Segmentation
    pyramid: TierClassification
    matrix: MatrixClassification
    states: RelationshipStates
    at_risk: pd.DataFrame
    win_back: pd.DataFrame
    customers: pd.DataFrame
    segment_actions: pd.DataFrame
    data_report: DataReport | None = None
    notes: list = field(default_factory=list)

    def segment_summary(self) -> pd.DataFrame:
        """Customers, orders, revenue, average order value and shares per segment."""
        from helpers.segments import segment_summary

        return segment_summary(self.segments)

    def thresholds(self) -> pd.DataFrame:
        """Every cut point the classifications used: ``section, item, value`` (values as text)."""
        rows = []
        params = self.scores.params
        section = t("report_thr_scores", method=params["method"], bins=params["bins"])
        for dim, limits in self.scores.thresholds.items():
            rows += [(section, t("report_thr_score_bin", dim=dim, score=score),
                      f"{_number(row.lower)} … {_number(row.upper)}") for score, row in limits.iterrows()]
        groups = {
            t("report_thr_scheme", scheme=self.scheme):
                {k: v for k, v in self.segments.thresholds.items() if not hasattr(v, "shape")},
            t("report_thr_pyramid", preset=PYRAMID_PRESET):
                {"shares": self.pyramid.params["shares"], **self.pyramid.thresholds},
            t("report_thr_matrix"): self.matrix.thresholds,
            t("report_thr_lifecycle", preset=LIFECYCLE_PRESET): self.states.thresholds,
            t("report_thr_lists"): {t("report_thr_value_cut", q=round(VALUE_QUANTILE * 100)):
                                    self.at_risk.attrs.get("value_threshold"),
                                    t("report_thr_revisit"): REVISIT_MONTHS},
        }
        rows += [(section, k, _number(v)) for section, items in groups.items() for k, v in items.items()]
        return pd.DataFrame(rows, columns=["section", "item", "value"])

    def sheets(self) -> dict:
        """The workbook's sheets, named in the active language: customers, the three action lists,
        thresholds and the data report."""
        sheets = {t("report_sheet_customers"): self.customers,
                  t("report_sheet_at_risk"): self.at_risk.reset_index(),
                  t("report_sheet_win_back"): self.win_back.reset_index(),
                  t("report_sheet_actions"): self.segment_actions,
                  t("report_sheet_thresholds"): self.thresholds()}
        if self.data_report is not None:
            sheets[t("report_sheet_data")] = self.data_report.to_frame()
        return sheets

    def _repr_html_(self) -> str:
        return f"<div><style>{_CSS}</style>{report_body(self)}</div>"


def _number(value) -> str:
    """A threshold as text: thousands separators, two decimals for fractions, lists joined."""
    if isinstance(value, (list, tuple)):
        return ", ".join(_number(v) for v in value)
    if isinstance(value, bool) or value is None:
        return str(value)
    if isinstance(value, (int, float)) or hasattr(value, "dtype"):
        number = float(value)
        return f"{number:,.0f}" if number.is_integer() else f"{number:,.2f}"
    return str(value)


def load_for_report(source=None, *, columns: dict | None = None, demo: str | None = None):
    """``(transactions, DataReport)`` from a file (``columns`` maps roles to headers) or a bundled demo."""
    from helpers.data import datasets
    from helpers.data import load_transactions

    if demo is not None:
        if demo not in DEMOS:
            raise ValueError(f"demo must be one of {DEMOS}, got {demo!r}")
        return datasets.load_online_retail() if demo == "online_retail" else datasets.load_cdnow()
    return load_transactions(source, columns)


def _customer_table(segments, pyramid, matrix, states) -> pd.DataFrame:
    """One row per customer: R/F/M values and scores, then each classification's id and label."""
    from helpers.lifecycle import state_labels

    base = segments.table
    columns = ["recency_days", "frequency", "monetary", "first_purchase", "last_purchase",
               "R", "F", "M", "rfm_cell", "segment"]
    out = base[columns].copy()
    out["segment_label"] = segments.labels()
    for result in (pyramid, matrix, states):
        table = result.table
        ids = (table if table.index.name == "customer_id" else table.set_index("customer_id"))[result.class_col]
        out[result.class_col] = ids.reindex(out.index).to_numpy()
    out["tier_label"] = label(out["tier"])
    out["cell_label"] = label(out["cell"])
    out["state_label"] = state_labels(out["state"])
    out.index.name = "customer_id"
    order = columns + ["segment_label", "tier", "tier_label", "cell", "cell_label", "state", "state_label"]
    return out[order].reset_index()


def _segment_actions(customers: pd.DataFrame, segments, as_of: pd.Timestamp) -> pd.DataFrame:
    """Every customer with its segment's strategy and the next routine revisit (day and channel)."""
    from helpers.care import revisit_plan

    plan = revisit_plan(customers[["customer_id", "tier"]], as_of,
                        as_of + pd.DateOffset(months=REVISIT_MONTHS))
    first = plan.groupby("customer_id", sort=False).first()   # the plan is sorted by day, then priority
    ids = customers["customer_id"].astype("string")
    channel = ids.map(first["channel"]).astype("string").fillna("")
    out = customers[["customer_id", "segment", "segment_label"]].assign(
        strategy=label(customers["segment"], "strategy"), tier_label=customers["tier_label"],
        monetary=customers["monetary"], revisit_date=ids.map(first["due_date"]).to_numpy(),
        channel_label=label(channel).to_numpy())
    rank = {s: i for i, s in enumerate(_segments_by_revenue(segments))}
    out = out.assign(_rank=out["segment"].map(rank))
    out = out.sort_values(["_rank", "monetary", "customer_id"], ascending=[True, False, True], kind="mergesort")
    return out.drop(columns="_rank").reset_index(drop=True)


def _segments_by_revenue(segments) -> list:
    """Segment ids, largest revenue first (the order of :func:`helpers.segments.segment_summary`)."""
    from helpers.segments import segment_summary

    return segment_summary(segments)["segment"].tolist()


def analyse(tx: pd.DataFrame, data_report=None, *, as_of=None, scheme: str = "cn8", source: str | None = None,
            progress=_quiet) -> CustomerReport:
    """Classify every customer of the clean transactions ``tx`` (from ``load_transactions``).

    ``as_of`` (default: the day after the last transaction) is used by every step; transactions
    after that day are left out (noted). ``scheme``: a :data:`helpers.segments.SCHEMES` name
    (``pymc`` scores quartiles, the others quintiles). The kit's DataWarnings are kept in ``notes``.
    """
    from helpers.errors import collect_warnings
    from helpers.lifecycle import at_risk_list, relationship_states, win_back_list
    from helpers.matrices import marcus_matrix
    from helpers.rfm.table import rfm_table
    from helpers.rfm.scores import rfm_score
    from helpers.segments import SCHEMES, rfm_segment
    from helpers.tiers import customer_pyramid

    if scheme not in SCHEMES:
        raise ValueError(f"scheme must be one of {SCHEMES}, got {scheme!r}")
    notes = []
    if as_of is not None:
        as_of = pd.Timestamp(as_of).normalize()
        later = tx["order_date"].dt.normalize() > as_of
        if later.any():
            notes.append(t("report_note_after_as_of", n=f"{int(later.sum()):,}", as_of=as_of.date()))
            tx = tx[~later]
    with collect_warnings() as warned:
        progress(t("report_step_segments", scheme=scheme))
        rfm = rfm_table(tx, as_of)
        as_of = rfm.attrs["as_of"]
        quartiles = scheme == "pymc"
        scores = rfm_score(rfm, bins=4 if quartiles else 5, method="qcut_drop" if quartiles else "r_rfm")
        segments = rfm_segment(scores, scheme)
        progress(t("report_step_tiers"))
        pyramid = customer_pyramid(rfm["monetary"], preset=PYRAMID_PRESET)
        matrix = marcus_matrix(rfm)
        states = relationship_states(tx, as_of, preset=LIFECYCLE_PRESET)
        progress(t("report_step_lists"))
        lists = {"value_quantile": VALUE_QUANTILE, "preset": LIFECYCLE_PRESET}
        at_risk, win_back = at_risk_list(tx, as_of, **lists), win_back_list(tx, as_of, **lists)
        customers = _customer_table(segments, pyramid, matrix, states)
        actions = _segment_actions(customers, segments, as_of)
    name = source or (data_report.source if data_report is not None else "DataFrame")
    return CustomerReport(name, as_of, scheme, scores, segments, pyramid, matrix, states, at_risk, win_back,
                          customers, actions, data_report, notes + list(warned))


# ---- HTML -------------------------------------------------------------------------------------

_CSS = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",Arial,sans-serif;margin:2em auto;
max-width:1100px;color:#222;line-height:1.45;padding:0 1em}
h1{border-bottom:3px solid #66c2a5;padding-bottom:.3em}h2{margin-top:2em;color:#2f6f5e}
table{border-collapse:collapse;margin:.6em 0;font-size:.9em}th,td{border:1px solid #ddd;padding:.25em .6em}
th{background:#f2f6f5;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}
img{max-width:100%;height:auto;display:block;margin:.6em 0}.note{color:#9a6700}.muted{color:#666}
"""


_NUMBER_FORMATS = {"pct": "{:.1%}", "money": "{:,.2f}", "int": "{:,.0f}"}


def _cell_html(value, fmt: str | None) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return "<td></td>"
    if fmt in _NUMBER_FORMATS:
        return f'<td class="n">{_NUMBER_FORMATS[fmt].format(float(value))}</td>'
    return f"<td>{escape(str(pd.Timestamp(value).date() if fmt == 'date' else value))}</td>"


def html_table(frame: pd.DataFrame, columns: dict, formats: dict | None = None) -> str:
    """A table of ``frame[columns]`` headed by catalogue keys, every cell escaped.

    ``columns`` maps column → header key; ``formats`` maps column → ``pct`` / ``money`` / ``int`` / ``date``.

    >>> html_table(pd.DataFrame({"customer_id": ["<b>"]}), {"customer_id": "id"})
    '<table><tr><th>id</th></tr><tr><td>&lt;b&gt;</td></tr></table>'
    """
    formats = formats or {}
    head = "".join(f"<th>{escape(t(key) if has(key) else key)}</th>" for key in columns.values())
    body = "".join("<tr>" + "".join(_cell_html(v, formats.get(c)) for c, v in zip(columns, row)) + "</tr>"
                   for row in frame[list(columns)].itertuples(index=False, name=None))
    return f"<table><tr>{head}</tr>{body}</table>"


def chart_png(plot, data, figsize=(8, 5)) -> str:
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


_SHARES = {"customers": "int", "customer_share": "pct", "share": "pct", "orders": "int", "revenue": "money",
           "revenue_share": "pct", "aov": "money", "value": "money", "value_share": "pct"}
_LIST_COLUMNS = {"customer_id": "report_col_customer_id", "state_label": "report_col_state",
                 "last_purchase": "report_col_last_purchase", "recency_days": "report_col_recency",
                 "orders": "report_col_orders", "revenue": "report_col_revenue", "action_text": "report_col_action"}
_LIST_FORMATS = {"last_purchase": "date", "recency_days": "int", "orders": "int", "revenue": "money"}


def _action_list_html(actions: pd.DataFrame, top: int) -> str:
    from helpers.lifecycle import state_labels

    if actions.empty:
        return f'<p class="muted">{escape(t("report_empty_list"))}</p>'
    shown = actions.head(top).reset_index().assign(state_label=lambda d: state_labels(d["state"]))
    note = t("report_top_n", n=len(shown), total=len(actions))
    return f'<p class="muted">{escape(note)}</p>' + html_table(shown, _LIST_COLUMNS, _LIST_FORMATS)


def _data_html(rep: CustomerReport) -> str:
    parts = []
    if rep.data_report is not None:
        facts = pd.DataFrame(list(rep.data_report.facts().items()), columns=["item", "value"])
        parts.append(html_table(facts, {"item": "report_col_item", "value": "report_col_threshold"}))
        parts.append(html_table(rep.data_report.to_frame(),
                                {"label": "report_col_reason", "rows": "report_col_rows", "share": "report_col_share",
                                 "first_rows": "report_col_first_rows"}, {"rows": "int", "share": "pct"}))
        notes = rep.data_report.note_texts() + rep.notes
    else:
        notes = rep.notes
    parts += [f'<p class="note">⚠ {escape(n)}</p>' for n in notes]
    return "".join(parts)


def _sections(rep: CustomerReport, top: int) -> list[tuple[str, str]]:
    from helpers.plots import plot_pyramid, plot_segment_sizes, plot_state_distribution, plot_value_matrix

    summary = rep.segment_summary()
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
        ("report_sec_data", _data_html(rep)),
        ("report_sec_segments", html_table(summary, seg_columns, _SHARES) + chart_png(plot_segment_sizes, summary)),
        ("report_sec_strategies", html_table(strategies, {"label": "report_col_segment",
                                                          "strategy": "report_col_strategy"})),
        ("report_sec_tiers", html_table(rep.pyramid.summary(), tier_columns, _SHARES)
         + chart_png(plot_pyramid, rep.pyramid)),
        ("report_sec_matrix", html_table(rep.matrix.summary(), cell_columns, _SHARES)
         + chart_png(partial(plot_value_matrix, log="auto"), rep.matrix, figsize=(7, 6))),
        ("report_sec_states", html_table(rep.states.summary(), state_columns, _SHARES)
         + chart_png(plot_state_distribution, rep.states)),
        ("report_sec_at_risk", _action_list_html(rep.at_risk, top)),
        ("report_sec_win_back", _action_list_html(rep.win_back, top)),
        ("report_sec_thresholds", html_table(rep.thresholds(), {"section": "report_col_section",
                                                                "item": "report_col_item",
                                                                "value": "report_col_threshold"})),
    ]


def report_body(rep: CustomerReport, top: int = TOP_N) -> str:
    """The report's content (title, sections, footer) as HTML, without the page around it."""
    from helpers import __version__

    intro = t("report_intro", source=rep.source, as_of=rep.as_of.date(), scheme=rep.scheme)
    sections = "".join(f"<h2>{escape(t(key))}</h2>{html}" for key, html in _sections(rep, top))
    return (f"<h1>{escape(t('report_title'))}</h1><p>{escape(intro)}</p>{sections}"
            f'<p class="muted">{escape(t("report_footer", version=__version__))}</p>')


def to_html(rep: CustomerReport, top: int = TOP_N) -> str:
    """The report as one HTML page that works offline: inline CSS, charts embedded, no scripts or links."""
    from helpers.i18n import get_language

    lang = "zh-CN" if get_language() == "zh" else "en"
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
            f"<title>{escape(t('report_title'))}</title><style>{_CSS}</style></head>"
            f"<body>{report_body(rep, top)}</body></html>")


def write_report(rep: CustomerReport, out, *, top: int = TOP_N, progress=_quiet) -> dict:
    """Write ``report.html``, ``report.xlsx``, ``customers.csv`` and ``customers.parquet`` into ``out``.

    Returns ``{kind: path}``. Text cells of the workbook and the CSV are neutralised against formula
    injection; the Parquet file keeps the values as they are.
    """
    from helpers.data.exports import write_csv, write_parquet, write_workbook

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    paths = {kind: out / name for kind, name in FILES.items()}
    steps = {"html": lambda p: p.write_text(to_html(rep, top), encoding="utf-8"),
             "xlsx": lambda p: write_workbook(rep.sheets(), p),
             "csv": lambda p: write_csv(rep.customers, p),
             "parquet": lambda p: write_parquet(rep.customers, p)}
    for kind, path in paths.items():
        progress(t("report_step_write", file=path))
        steps[kind](path)
    return paths


def create_report(source=None, out="build/report", *, columns: dict | None = None, as_of=None,
                  scheme: str = "cn8", demo: str | None = None, top: int = TOP_N, progress=_quiet) -> CustomerReport:
    """Load ``source`` (or a bundled ``demo``), analyse it and write every file into ``out``.

    What ``python -m helpers report`` runs; ``progress`` receives one line per step.
    """
    from helpers.errors import collect_warnings

    started = time.perf_counter()
    progress(t("report_step_load", source=demo or source))
    with collect_warnings() as warned:
        tx, data_report = load_for_report(source, columns=columns, demo=demo)
    rep = analyse(tx, data_report, as_of=as_of, scheme=scheme, progress=progress)
    rep.notes[:0] = list(warned)
    for note in rep.notes:
        progress(f"⚠ {note}")
    paths = write_report(rep, out, top=top, progress=progress)
    progress(t("report_step_done", seconds=f"{time.perf_counter() - started:.1f}",
               files=", ".join(str(p) for p in paths.values())))
    return rep
