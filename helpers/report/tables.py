"""The report's tables as people read them, for the HTML page and the workbook alike.

Headers are in the report's language (the kit's column labels, ``col_<name>`` in
``helpers/locale/columns.yml``, or the report's own wording, ``report_col_<name>``, where it states
the forecast horizon); classes are shown by their labels, never their ids; each column has a
*kind* that decides how its values read — money with the data's currency, shares as %, whole
numbers with thousands separators, dates without time. The HTML page turns values into text
(:func:`cell_text`, with :func:`helpers.display.format_money` and
:func:`helpers.display.format_share`); the workbook keeps them as numbers and dates and gives each
column an Excel number format (:func:`excel_format`), so people can still sort and sum them.
The CSV and Parquet exports are for machines and keep the stable ids and English column names.

    >>> from helpers.i18n import language
    >>> frame = pd.DataFrame({"segment_label": ["重要价值客户"], "monetary": [1234.5], "prob_alive": [0.25]})
    >>> with language("en"):
    ...     view = people(frame, [("segment_label", "segment"), "monetary", "prob_alive"])
    >>> view.frame.columns.tolist(), [cell_text(v, view.kinds[c], "GBP") for c, v in view.frame.iloc[0].items()]
    (['Segment', 'Spend (M)', 'P(alive)'], ['重要价值客户', '£1,234.50', '25.0%'])
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from helpers.display import CURRENCIES, column_label, format_money, format_share, format_value
from helpers.i18n import has, label, t

__all__ = ["people", "cell_text", "excel_format", "workbook", "threshold_rows"]

#: How the report shows each of its columns (every other column is text).
KINDS = {
    "money": ("monetary", "revenue", "aov", "value", "clv", "clv_total", "clv_mean", "expected_spend"),
    "share": ("customer_share", "revenue_share", "value_share", "share", "prob_alive", "prob_alive_mean",
              "clv_share"),
    "int": ("recency_days", "frequency", "orders", "customers", "rows", "R", "F", "M"),
    "number": ("expected_purchases", "actual", "predicted"),
    "estimate": ("estimate", "se", "ci_lower", "ci_upper"),
    "date": ("first_purchase", "last_purchase", "revisit_date"),
}
_KIND = {name: kind for kind, names in KINDS.items() for name in names}
_NUMBER_FORMATS = {"share": "0.0%", "int": "#,##0", "number": "#,##0.00", "date": "yyyy-mm-dd"}


def header(name: str, **values) -> str:
    """The header of column ``name`` in the active language: the report's own wording
    (``report_col_<name>``, formatted with ``values``) or the kit's column label.

    >>> from helpers.i18n import language
    >>> with language("zh"):
    ...     header("recency_days"), header("clv", horizon=12)
    ('距上次购买天数', '客户价值 CLV（未来 12 个月）')
    """
    key = f"report_col_{name}"
    return t(key, **values) if has(key) else column_label(name)


@dataclass(frozen=True)
class View:
    """A table for people: ``frame`` with headers as columns (values typed), ``kinds`` by header."""

    frame: pd.DataFrame
    kinds: dict


def people(frame: pd.DataFrame, columns, **values) -> View:
    """``frame[columns]`` for people: each entry of ``columns`` is a column name or a pair
    ``(column, name)`` that shows ``column`` under ``name``'s header and kind (``("segment_label",
    "segment")``: the labels under the header "Segment"). Dates lose their time; ``values`` fill
    the headers' placeholders (``horizon``).

    >>> view = people(pd.DataFrame({"last_purchase": pd.to_datetime(["2024-01-02 10:30"])}), ["last_purchase"])
    >>> view.frame.iloc[0, 0], list(view.kinds.values())
    (Timestamp('2024-01-02 00:00:00'), ['date'])
    """
    pairs = [c if isinstance(c, tuple) else (c, c) for c in columns]
    out, kinds = {}, {}
    for column, name in pairs:
        title, kind = header(name, **values), _KIND.get(name, "text")
        data = frame[column]
        out[title] = data.dt.normalize() if kind == "date" and pd.api.types.is_datetime64_any_dtype(data) else data
        kinds[title] = kind
    return View(pd.DataFrame(out, index=frame.index).reset_index(drop=True), kinds)


def cell_text(value, kind: str, currency: str | None = None) -> str:
    """One value as the HTML page shows it (``kind`` from :data:`KINDS`; missing values blank).

    >>> cell_text(0.1234, "share"), cell_text(1234.5, "money", "USD"), cell_text(3061.2, "estimate")
    ('12.3%', '$1,234.50', '3,061')
    >>> cell_text(1.8081e-05, "estimate"), cell_text(0.82554, "estimate")      # four digits, never 1.808e-05
    ('0.00001808', '0.8255')
    """
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, (float, np.floating)) and np.isinf(value):
        return format_value(value)          # "∞", as every table of the kit shows it
    if kind == "money":
        return format_money(float(value), currency)
    if kind == "share":
        return format_share(float(value))
    if kind == "int":
        return f"{float(value):,.0f}"
    if kind == "number":
        return f"{float(value):,.2f}"
    if kind == "estimate":           # four significant digits, written out
        number = float(f"{float(value):.4g}")
        if number == 0 or not np.isfinite(number):
            return f"{number:g}"
        return f"{number:,.{_estimate_decimals(number)}f}"
    if kind == "date":
        return str(pd.Timestamp(value).date())
    return str(value)


def _estimate_decimals(value: float) -> int:
    """Decimal places that show four significant digits of ``value`` written out (not 1.808e-05).

    >>> _estimate_decimals(1.8081e-05), _estimate_decimals(0.82554), _estimate_decimals(3061.2)
    (8, 4, 0)
    """
    number = float(f"{float(value):.4g}")
    if number == 0 or not np.isfinite(number):
        return 0
    return max(3 - int(np.floor(np.log10(abs(number)))), 0)


def _estimate_format(value: float) -> str:
    """The Excel format of one estimate: four significant digits, as the HTML page shows it."""
    decimals = _estimate_decimals(value)
    return "#,##0." + "0" * decimals if decimals else "#,##0"


def excel_format(kind: str, currency: str | None = None):
    """The Excel number format of a column of ``kind`` (None for text); for estimates, of each
    value (a function: four significant digits whatever the size).

    >>> excel_format("money", "GBP"), excel_format("money"), excel_format("share"), excel_format("text")
    ('"£"#,##0.00', '#,##0.00', '0.0%', None)
    >>> excel_format("estimate")(1.8081e-05), excel_format("estimate")(3061.2)
    ('#,##0.00000000', '#,##0')
    """
    if kind == "money":
        symbol = CURRENCIES.get(currency, currency) or ""
        return f'"{symbol}"#,##0.00' if symbol else "#,##0.00"
    if kind == "estimate":
        return _estimate_format
    return _NUMBER_FORMATS.get(kind)


# ---- the report's tables ------------------------------------------------------------------------

LIST_COLUMNS = ["customer_id", ("state_label", "state"), "last_purchase", "recency_days", "orders", "revenue",
                "prob_alive", "clv", "action_text"]
SEGMENT_COLUMNS = [("label", "segment"), "customers", "customer_share", "orders", "revenue", "revenue_share", "aov"]
VALUE_COLUMNS = [("label", "segment"), "customers", "prob_alive_mean", "expected_purchases", "clv_total",
                 "clv_share", "clv_mean"]
PARAMETER_COLUMNS = ["model", "parameter", "estimate", "se", "ci_lower", "ci_upper"]
HOLDOUT_COLUMNS = [("frequency", "calibration_repeats"), "customers", "actual", "predicted"]
_VALUE_ONLY = ("prob_alive", "prob_alive_mean", "expected_purchases", "clv", "clv_total", "clv_share", "clv_mean")


def value_columns(report, columns: list) -> list:
    """``columns`` without the value columns when the report's models were not fitted."""
    if report.value.fitted:
        return columns
    return [c for c in columns if (c[1] if isinstance(c, tuple) else c) not in _VALUE_ONLY]


def list_view(report, actions: pd.DataFrame) -> View:
    """An action list (at-risk, win-back) for people."""
    from helpers.lifecycle import state_labels

    table = actions.reset_index().assign(state_label=lambda f: state_labels(f["state"]))
    return people(table, value_columns(report, LIST_COLUMNS), horizon=report.value.params["horizon"])


def segment_view(report) -> View:
    """Segments with size, revenue, value and strategy, in the order of their revenue."""
    summary = report.segment_summary()
    table = summary.merge(report.segment_value().drop(columns=["label", "customers"]), on="segment", how="left")
    table["strategy"] = label(table["segment"], "strategy")
    columns = SEGMENT_COLUMNS + VALUE_COLUMNS[2:] + ["strategy"]
    return people(table, value_columns(report, columns), horizon=report.value.params["horizon"])


def parameter_view(report) -> View:
    """The value models' parameters with standard errors and 95 % intervals, named by their symbols."""
    table = report.value.parameters()
    from helpers.report.value import SYMBOLS

    return people(table.assign(parameter=table["parameter"].replace(SYMBOLS)), PARAMETER_COLUMNS)


def customer_view(report) -> View:
    """Every customer with its classes, value and next revisit, in the order of the segment actions
    (segments by revenue, then spend)."""
    actions = report.segment_actions
    table = report.customers.loc[actions.index].join(actions[["revisit_date", "channel_label"]]).reset_index()
    columns = ["customer_id", ("segment_label", "segment"), ("tier_label", "tier"), ("cell_label", "cell"),
               ("state_label", "state"), "rfm_cell", "recency_days", "frequency", "monetary", "last_purchase",
               "prob_alive", "expected_purchases", "clv", "revisit_date", ("channel_label", "revisit_channel")]
    return people(table, value_columns(report, columns), horizon=report.value.params["horizon"])


def workbook(report) -> tuple[dict, dict]:
    """``(sheets, number_formats)`` for :func:`helpers.data.exports.write_workbook`: the customers,
    the segments (strategy and value), the two action lists, the value model's parameters and
    holdout check (when fitted), the thresholds and settings in words, and the data report."""
    views = {t("report_sheet_customers"): customer_view(report),
             t("report_sheet_segments"): segment_view(report),
             t("report_sheet_at_risk"): list_view(report, report.at_risk),
             t("report_sheet_win_back"): list_view(report, report.win_back)}
    if report.value.fitted:
        views[t("report_sheet_model")] = parameter_view(report)
    if report.value.holdout is not None:
        views[t("report_sheet_holdout")] = people(report.value.holdout, HOLDOUT_COLUMNS)
    views[t("report_sheet_thresholds")] = people(report.thresholds(), ["section", "item", ("value", "setting")])
    if report.data_report is not None:
        views[t("report_sheet_data")] = people(report.data_report.to_frame(),
                                               [("label", "reason"), "rows", "share", "first_rows"])
    formats = {title: excel_format(kind, report.currency) for view in views.values()
               for title, kind in view.kinds.items() if excel_format(kind, report.currency)}
    return {name: view.frame for name, view in views.items()}, formats


# ---- thresholds and settings in words -----------------------------------------------------------

def _days(n) -> str:
    return t("report_thr_days", n=_plain(n))


def _plain(value) -> str:
    number = float(value)
    return f"{number:,.0f}" if number.is_integer() else f"{number:,.2f}"


def _joined(items) -> str:
    """Items listed as the active language lists them (、 in Chinese)."""
    return t("report_list_sep").join(items)


def threshold_rows(report) -> list:
    """``(section, item, value)`` rows in words: every cut point the classifications used and the
    settings of the value forecast (values as text, money with the currency)."""
    def money(value) -> str:
        return format_money(float(value), report.currency)

    units = {"R": _days, "F": _plain, "M": money}
    dims = {"R": "recency_days", "F": "frequency", "M": "monetary"}
    rows = []
    params = report.scores.params
    section = t("report_thr_scores", n_bins=params["n_bins"])
    rows.append((section, t("report_thr_method"), t(f"report_thr_method_{params['method']}")))
    for dim, limits in report.scores.thresholds.items():
        rows += [(section, t("report_thr_score_bin", dim=column_label(dims[dim]), score=score),
                  f"{units[dim](row.lower)} … {units[dim](row.upper)}") for score, row in limits.iterrows()]
    if report.scheme == "cn8":
        section = t("report_thr_cn8")
        rows += [(section, t(f"report_thr_cn8_{dim}"), units[dim](value))
                 for dim, value in report.segments.thresholds.items() if dim in units]
    section = t("report_thr_pyramid")
    tiers = [label(tier) for tier in report.pyramid.class_order]
    shares = _joined(format_share(s, 0) for s in report.pyramid.params["shares"])
    rows.append((section, t("report_thr_tier_shares", tiers=_joined(tiers)), shares))
    rows += [(section, t("report_thr_tier_min", tier=label(key.removeprefix("min_value_"))), money(value))
             for key, value in report.pyramid.thresholds.items()]
    section = t("report_thr_matrix")
    kinds = {"average_purchase": money, "purchase_frequency": _plain}
    rows += [(section, t("report_thr_mean_cut", dim=column_label(name)), kinds.get(name, _plain)(values[0]))
             for name, values in report.matrix.thresholds.items()]
    section = t("report_thr_lifecycle")
    rows += [(section, t(f"report_thr_lc_{name}"), _days(value) if name.endswith("_days") else _plain(value))
             for name, value in report.states.thresholds.items()]
    from helpers.report.analysis import _REVISIT_MONTHS, _VALUE_QUANTILE

    section = t("report_thr_lists")
    rows.append((section, t("report_thr_value_cut", q=round(_VALUE_QUANTILE * 100)),
                 money(report.at_risk.attrs["value_threshold"])))
    rows.append((section, t("report_thr_revisit"), t("report_thr_months", n=_REVISIT_MONTHS)))
    return rows + value_rows(report)


def value_rows(report) -> list:
    """The settings and the facts of the value forecast, in words."""
    value = report.value
    params = value.params
    section = t("report_thr_value")
    rows = [(section, t("report_thr_horizon"), t("report_thr_months", n=params["horizon"])),
            (section, t("report_thr_margin"), format_share(params["margin"], 0)
             + ("" if params["margin"] < 1 else t("report_thr_margin_none"))),
            (section, t("report_thr_discount"), format_share(params["discount"], 1))]
    if not value.fitted:
        return rows + [(section, t("report_thr_not_fitted"), value.reason)]
    bg = value.purchase_model
    rows += [(section, t("report_thr_fitted_on"), t("report_thr_customers", n=f"{bg.n_customers:,}")),
             (section, t("report_thr_log_likelihood", model=bg._name), f"{bg.log_likelihood:,.1f}")]
    summary = value.holdout_summary()
    return rows + [(section, t("report_thr_holdout"), value.holdout_reason if summary is None else summary)]
