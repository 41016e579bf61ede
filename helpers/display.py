"""Tables for people: column names and class ids in the active language, numbers formatted to read.

Result tables keep stable English ids (``recency_days``, ``tier_iron``) so code can rely on them;
:func:`show` turns a table into what a reader should see — labelled headers, labelled classes,
thousands separators, shares as %, money with its currency, dates without 00:00:00 — and shows it
once, the same way in a notebook (HTML) and as text::

    >>> import pandas as pd
    >>> from helpers.i18n import language
    >>> table = pd.DataFrame({"tier": ["tier_diamond", "tier_iron"], "customers": [12, 3400],
    ...                       "revenue_share": [0.4123, 0.0512]})
    >>> with language("en"):
    ...     print(show(table))
             Tier Customers Share of revenue
    Platinum (金钻)        12            41.2%
         Lead (铁)     3,400             5.1%

Column labels live in ``helpers/locale/columns.yml`` (``col_<name>``); class ids in the topic
catalogues (an id column such as ``state`` or a demo column such as ``city`` is looked up in its
own group first: ``lc_state.<id>``, ``demo_city.<id>``). A column without a label keeps its name
(and ``tests/test_notebook_outputs.py`` keeps the notebooks free of them).

Result objects render themselves through :func:`result_view`, so a classification, a cohort table
or a fitted model reads like the tables the notebooks show.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

import numpy as np

from helpers.i18n import get_language, has, label, t
from helpers.lazy import deferred

pd = deferred("pandas")     # numbers and text are formatted without it (a warning of a Polars pipeline)

__all__ = ["show", "Table", "column_label", "cell_label", "is_money", "format_share", "format_money", "format_value",
           "result_view", "Sections"]

#: Columns that hold money (shown with the data's currency).
MONEY = frozenset({
    "amount", "revenue", "monetary", "value", "clv", "profit", "gross_profit", "expected_spend", "zbar",
    "holdout_spend", "aov", "average_purchase", "annual_revenue", "spend", "next_entry_value",
    "unit_price", "price", "min_value", "lower_bound", "cost_to_serve", "value_at_risk", "mean_spend",
    "current_value", "potential_value", "wallet", "clv_retained", "clv_acquired", "clv_improved",
    "population_mean_spend", "total_spend", "value_threshold",
})
#: Name prefixes of money columns (``min_value_abc_a``: the lowest value of class A).
_MONEY_PREFIXES = ("revenue_", "clv_", "min_value")
#: Columns that hold shares 0–1 besides those named ``*_share`` / ``*_rate`` (shown as %).
SHARES = frozenset({"share", "prob_alive", "retention", "churn", "margin", "gross_margin", "share_of_wallet",
                    "cum_share", "loyal_share", "top_share", "coverage", "proportion", "value_increase",
                    "cum_customer_share", "cum_value_share", "revenue_growth", "top_k_cover", "probability",
                    "A_break", "B_break", "cross_subsidy", "shares", "selective_min", "monopoly_min"})
CURRENCIES = {"GBP": "£", "USD": "$", "CNY": "¥", "EUR": "€"}
#: Catalogue groups tried first for the ids of a column (then ``demo_<column>``, then the global keys);
#: a group ending in "_" is a prefix of flat keys (``sem_feel``).
NAMESPACES = {"state": ("lc_state",), "from": ("lc_state",), "to": ("lc_state",), "source": ("lc_state",),
              "target": ("lc_state",), "state_label": ("lc_state",), "action": ("lc_action",),
              "segment": ("lc_segment",), "rule": ("lc_rule",), "frequency": ("rfm_frequency_basis",),
              "breaks": ("display_breaks",), "x_breaks": ("display_breaks",), "y_breaks": ("display_breaks",),
              "basis": ("display_basis",), "labels": ("display_labels",), "roles": ("demo_role",),
              "missing_roles": ("demo_role",), "directions": ("display_direction",), "top_brand": ("demo_brand",),
              "event": ("care_event",), "sem": ("sem_",), "attribute": ("demo_attribute", "demo_feature"),
              "preset": ("tier_preset", "lc_preset")}
#: Column names with a number or an id inside (survey items ``per_05``, ``imp_price``; ``min_value_abc_a``):
#: the key of their label, whose ``{item}`` is the number or the id's label.
_ITEM_PATTERNS = (
    (re.compile(r"^exp_(\d+)$"), "col_item_expectation"), (re.compile(r"^per_(\d+)$"), "col_item_perception"),
    (re.compile(r"^imp_(\w+)$"), "col_item_importance"), (re.compile(r"^perf_(\w+)$"), "col_item_performance"),
    (re.compile(r"^min_value_(\w+)$"), "col_min_value_of"),
)
#: Other catalogue prefixes whose entries label columns (the complaint metrics: ``cmp_m_fcr_rate``;
#: a tie rule or a segment scheme side by side with others: ``r_rfm``, ``rfm11``).
_COLUMN_PREFIXES = ("cmp_m_", "sem_", "btyd_col_", "sbg_cohort.", "rfm_method.", "rfm_scheme.")
#: Settings whose value is a column name (shown with the column's label).
_COLUMN_VALUED = frozenset({"by", "value_col", "name", "orders"})


def column_label(name, column=None) -> str:
    """The label of a column name in the active language (the name itself when it has none).

    ``column`` names the axis the name belongs to (a crosstab's ``columns.name``, e.g. ``"to"``): a
    name that is an id of that column is looked up as :func:`cell_label` does.

    >>> from helpers.i18n import language
    >>> with language("zh"):
    ...     column_label("recency_days"), column_label("imp_price"), column_label("lost", column="to")
    ('距上次购买天数', '重要性：价格', '流失客户')
    """
    if not isinstance(name, str):
        return _format_scalar(name)
    for key in (f"col_{name}", *(f"{prefix}{name}" for prefix in _COLUMN_PREFIXES)):
        if has(key):
            return t(key)
    for pattern, item_key in _ITEM_PATTERNS:
        found = pattern.match(name)
        if found:
            part = found.group(1)
            what = cell_label(part, "attribute")
            return t(item_key, item=what if what != part else part.lstrip("0") or part)
    return cell_label(name, column)


def cell_label(value, column=None):
    """The label of one id in the active language: first in the group of its ``column``, then globally.

    >>> from helpers.i18n import language
    >>> with language("en"):
    ...     cell_label("lost", "state"), cell_label("lost"), cell_label("shanghai", "city"), cell_label("x9")
    ('Lost customers', 'Lost', 'Shanghai', 'x9')
    """
    if not isinstance(value, str):
        return value
    for joint, shown in (("+", " + "), (", ", "、" if get_language() == "zh" else ", ")):
        parts = value.split(joint)
        if len(parts) > 1:                 # several ids joined ("a+b", "user, decider"): each labelled
            labels = [cell_label(part, column) for part in parts]
            if all(text != part for text, part in zip(labels, parts)):
                return shown.join(labels)
    if column is not None:
        for group in (*NAMESPACES.get(column, ()), f"demo_{column}"):
            key = f"{group}{value}" if group.endswith("_") else f"{group}.{value}"   # "sem_": flat keys
            if has(key):
                return t(key)
    return label(value)


def _is_share(name) -> bool:
    return isinstance(name, str) and (name.endswith("_share") or name.endswith("_rate") or name in SHARES)


def is_money(name) -> bool:
    """Whether a column of this name holds money (shown with the data's currency).

    >>> is_money("monetary"), is_money("revenue_share"), is_money("min_value_tier_iron")
    (True, False, True)
    """
    return isinstance(name, str) and not _is_share(name) and (
        name in MONEY or name.endswith("_revenue") or name.startswith(_MONEY_PREFIXES))


def format_share(value, decimals: int = 1) -> str:
    """A share 0–1 as a percentage (``0.4123`` → ``'41.2%'``); missing values stay blank.

    >>> format_share(0.4123), format_share(float("nan"))
    ('41.2%', '')
    """
    return "" if _missing(value) else _no_negative_zero(f"{value:.{decimals}%}")


def format_money(value, currency: str | None = None, decimals: int = 2) -> str:
    """Money with thousands separators and the currency symbol (``1234.5, "GBP"`` → ``'£1,234.50'``).

    >>> format_money(1234.5, "GBP"), format_money(-3, "¥", decimals=0)
    ('£1,234.50', '-¥3')
    """
    if _missing(value):
        return ""
    symbol = CURRENCIES.get(currency, currency) or ""
    text = f"{abs(value):,.{decimals}f}"
    sign = "-" if value < 0 and text.strip("0.,") else ""
    return f"{sign}{symbol}{text}"


def _missing(value) -> bool:
    """None, NaN, NaT or pandas' NA; pandas is asked only about values that are not plain numbers or text."""
    if value is None:
        return True
    if isinstance(value, (float, np.floating)):
        return value != value
    if isinstance(value, (int, np.integer, str)):
        return False
    return bool(pd.isna(value))


def _no_negative_zero(text: str) -> str:
    return text[1:] if text.startswith("-") and not text.strip("-0.,%") else text


def _fixed(value: float, digits: int) -> str:
    if np.isinf(value):
        return "∞" if value > 0 else "-∞"
    return _no_negative_zero(f"{value:,.{digits}f}")


def _number(value, decimals: int) -> str:
    if isinstance(value, (bool, np.bool_)):
        return t("display_yes") if value else t("display_no")
    if isinstance(value, (int, np.integer)):
        return f"{value:,}"
    return _fixed(float(value), 0 if float(value).is_integer() else decimals)


def _format_scalar(value, decimals: int = 2, column=None) -> str:
    """One value of any kind as text: ids labelled, numbers with separators, dates without midnight."""
    if isinstance(value, (int, float, np.integer, np.floating, bool, np.bool_)):
        return "" if _missing(value) else _number(value, decimals)
    if isinstance(value, dict):
        return "; ".join(f"{column_label(k)}: {_format_scalar(v, decimals, column)}" for k, v in value.items())
    if column == "scale" and isinstance(value, (list, tuple)) and len(value) == 2:      # a rating scale
        return f"{_format_scalar(value[0])}–{_format_scalar(value[1])}"
    if isinstance(value, (list, tuple, set, frozenset, np.ndarray, pd.Index, pd.Series)):
        items = [_format_scalar(v, decimals, column) for v in (sorted(value) if isinstance(value, (set, frozenset))
                                                              else list(value))]
        return ("、" if get_language() == "zh" else ", ").join(items)
    if not isinstance(value, str) and _missing(value):
        return ""
    if isinstance(value, (pd.Timestamp, np.datetime64)) or hasattr(value, "isoformat"):
        stamp = pd.Timestamp(value)
        return stamp.strftime("%Y-%m-%d" if stamp == stamp.normalize() else "%Y-%m-%d %H:%M")
    if isinstance(value, pd.Period):
        return str(value)
    if isinstance(value, str):
        named_column = column in _COLUMN_VALUED or (isinstance(column, str) and column.endswith("_col"))
        return column_label(value) if named_column else str(cell_label(value, column))
    return str(value)


def format_value(value, name=None, *, currency: str | None = None, decimals: int = 2) -> str:
    """One value as a reader sees it, formatted by what ``name`` says it is (share, money, id, date…).

    >>> from helpers.i18n import language
    >>> with language("en"):
    ...     format_value(0.25, "revenue_share"), format_value(3.14159), format_value("tier_iron", "tier")
    ('25.0%', '3.14', 'Lead (铁)')
    >>> format_value(pd.Timestamp("2011-12-10")), format_value(2048.0, "monetary", currency="GBP")
    ('2011-12-10', '£2,048')
    """
    if isinstance(value, (list, tuple)) and (_is_share(name) or is_money(name)):
        items = [format_value(v, name, currency=currency, decimals=decimals) for v in value]
        return ("、" if get_language() == "zh" else ", ").join(items)
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, (bool, np.bool_)):
        if _is_share(name):
            return format_share(value)
        if is_money(name):
            return format_money(value, currency, 0 if not _missing(value) and float(value).is_integer() else 2)
    return _format_scalar(value, decimals, name)


def _format_column(values: pd.Series, name, currency, decimals: int, shares, money) -> pd.Series:
    if pd.api.types.is_bool_dtype(values):
        return values.map(lambda v: "" if pd.isna(v) else t("display_yes") if v else t("display_no"))
    if pd.api.types.is_datetime64_any_dtype(values):
        stamps = values.dropna()
        midnight = bool((stamps == stamps.dt.normalize()).all())
        return values.dt.strftime("%Y-%m-%d" if midnight else "%Y-%m-%d %H:%M").fillna("")
    if pd.api.types.is_numeric_dtype(values):
        numbers = values.astype(float)
        finite = numbers[np.isfinite(numbers)]
        whole = bool(np.isclose(finite % 1, 0).all())
        if name in shares or (name not in money and _is_share(name)):
            return numbers.map(format_share)
        if name in money or is_money(name):
            return numbers.map(lambda v: format_money(v, currency, 0 if whole else decimals))
        return numbers.map(lambda v: "" if pd.isna(v) else _fixed(v, 0 if whole else decimals))
    return values.map(lambda v: format_value(v, name, currency=currency, decimals=decimals))


@dataclass(frozen=True)
class Table:
    """A formatted table: every cell already text, headers labelled. Renders as HTML and as text.

    >>> import pandas as pd
    >>> print(Table(pd.DataFrame({"A": ["1"]}), index=False, caption="t"))
    t
    A
    1
    """

    frame: pd.DataFrame
    index: bool = True
    caption: str | None = None
    header: bool = True

    def __repr__(self) -> str:
        text = self.frame.to_string(index=self.index, header=self.header)
        return f"{self.caption}\n{text}" if self.caption else text

    def _repr_html_(self) -> str:
        html = self.frame.to_html(index=self.index, header=self.header, escape=True, border=0, classes="crm-table")
        caption = f"<div style='font-weight:600;margin:4px 0'>{escape(self.caption)}</div>" if self.caption else ""
        return f"<div class='crm-table-wrap'>{caption}{html}</div>"


def show(table, *, columns=None, currency: str | None = None, decimals: int = 2, index: bool | None = None,
         n_rows: int | None = None, caption: str | None = None, share_cols=(), money_cols=()) -> Table:
    """``table`` as readers should see it, in the active language (see the module docstring).

    ``columns`` picks (and orders) columns; ``currency`` (``"GBP"``, ``"¥"``…) defaults to
    ``table.attrs["currency"]``; ``n_rows`` keeps the first rows; ``index=False`` hides the index
    (default: shown unless it is a plain row number). ``share_cols`` and ``money_cols`` name
    further columns (or rows of named values) that hold shares 0–1 or money. A Series of named
    values (a row, a dict) is shown one value per row, each formatted by its own name; a Series
    with a named index (``value_counts``) as a one-column table. A table with ``metric`` and
    ``value`` columns formats each value by its metric.

    >>> import pandas as pd
    >>> from helpers.i18n import language
    >>> with language("zh"):
    ...     print(show(pd.Series({"recency_days": 3, "monetary": 4310.4}, name="12347"), currency="GBP"))
                 12347
    距上次购买天数          3
    消费金额（M）  £4,310.40
    >>> with language("en"):
    ...     print(show(pd.Series(["lost", "new", "lost"], name="state").value_counts()))
                     Count
    State
    Lost customers       2
    First-time buyers    1
    """
    shares, money = frozenset(share_cols), frozenset(money_cols)
    if isinstance(table, dict) and table and all(isinstance(v, pd.Series) for v in table.values()):
        table = pd.DataFrame(table)              # columns side by side
    elif isinstance(table, dict):
        table = pd.Series(table, dtype=object)
    if isinstance(table, pd.Series):
        if table.index.name is None and table.name not in ("count", "proportion"):
            return _show_named_values(table, currency, decimals, n_rows, caption, shares, money)
        table = table.to_frame(table.name if table.name is not None else "value")
    frame = table if columns is None else table[list(columns)]
    if n_rows is not None:
        frame = frame.head(n_rows)
    currency = currency or table.attrs.get("currency")
    metrics = {"metric", "value"} <= set(frame.columns)
    if metrics:
        values = [format_value(v, m, currency=currency, decimals=decimals) if m not in shares | money
                  else format_share(v) if m in shares else format_money(v, currency)
                  for m, v in zip(frame["metric"], frame["value"])]
        frame = frame.assign(value=pd.Series(values, index=frame.index, dtype=object))
        if "label" in frame.columns:             # the label names the metric for readers
            frame = frame.drop(columns="metric").rename(columns={"label": "metric"})
    group = frame.columns.name
    cells = {i: _format_column(frame.iloc[:, i], c, currency, decimals, shares, money).to_numpy()
             for i, c in enumerate(frame.columns)}
    out = pd.DataFrame(cells, index=_labelled_index(frame.index))
    out.columns = [_header(c, group, metrics, table.attrs) for c in frame.columns]
    out.columns.name = column_label(group) if isinstance(group, str) else None
    if index is None:
        index = not (isinstance(frame.index, pd.RangeIndex) and frame.index.name is None)
    return Table(out, index=index, caption=caption)


def _header(name, group, metrics: bool, attrs: dict) -> str:
    """A column's header: its label; "value" of a metric table is 值; an interval's ends name its level."""
    if name == "value" and metrics:
        return t("display_value")
    if name in ("lower", "upper") and "confidence" in attrs:          # a model summary's interval
        return t(f"btyd_col_{name}", confidence=f"{attrs['confidence']:.0%}")
    return column_label(name, group)


def _labelled_index(index: pd.Index) -> pd.Index:
    if isinstance(index, pd.MultiIndex):
        rows = [tuple(_format_scalar(v, column=n) for v, n in zip(row, index.names)) for row in index]
        return pd.MultiIndex.from_tuples(rows, names=[column_label(n) if n else n for n in index.names])
    values = [_format_scalar(v, column=index.name) for v in index]
    if index.name in (None, "item"):     # rows named by column names (a transposed table, survey items)
        values = [column_label(v) if isinstance(v, str) and s == v else s for v, s in zip(index, values)]
    return pd.Index(values, name=column_label(index.name) if index.name else None, dtype=object)


def _show_named_values(series: pd.Series, currency, decimals, n_rows, caption, shares, money) -> Table:
    """A Series of named values (one per row), each formatted by its own name."""
    if n_rows is not None:
        series = series.head(n_rows)
    currency = currency or series.attrs.get("currency") or (series["currency"] if "currency" in series.index else None)
    cells = [format_share(v) if n in shares else format_money(v, currency) if n in money
             else format_value(v, n, currency=currency, decimals=decimals) for n, v in series.items()]
    column = column_label(series.name) if series.name is not None else t("display_value")
    out = pd.DataFrame({column: cells}, index=pd.Index([column_label(n) for n in series.index], dtype=object))
    return Table(out, caption=caption, header=series.name is not None)


@dataclass(frozen=True)
class Sections:
    """A result object as a reader sees it: a title, then headed tables (or lists of notes).

    Renders as HTML in a notebook and as text in a console (and in nbval's comparisons).

    >>> print(result_view("Tiers", ("Thresholds used", {"min_value": 10.5}), (None, ["a note"])))
    Tiers
    Thresholds used
    min_value  10.50
    • a note
    """

    title: str | None
    parts: tuple

    def __repr__(self) -> str:
        lines = [self.title] if self.title else []
        for heading, part in self.parts:
            lines += ([heading] if heading else []) + (
                [f"• {note}" for note in part] if isinstance(part, list) else [repr(part)])
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        pieces = [f"<b>{escape(self.title)}</b>"] if self.title else []
        for heading, part in self.parts:
            body = (f"<ul style='margin:2px 0'>{''.join(f'<li>{escape(n)}</li>' for n in part)}</ul>"
                    if isinstance(part, list) else part._repr_html_())
            pieces.append(f"<div style='margin-top:6px'><b>{escape(heading)}</b>{body}</div>" if heading else body)
        return f"<div>{''.join(pieces)}</div>"


def result_view(title: str | None, *parts) -> Sections:
    """What a result object shows: an optional title, then ``(heading, table)`` parts shown with :func:`show`.

    A part's table may be a frame, a Series, a dict (parameters, thresholds), a :class:`Table` or a
    list of notes (texts); empty parts are left out. Result classes return it from ``_repr_html_``
    and ``__repr__`` so they read like the tables the notebooks show.

    >>> "<b>Tiers</b>" in result_view("Tiers", ("Thresholds used", {"min_value": 10.0}))._repr_html_()
    True
    """
    kept = []
    for heading, part in parts:
        if part is None or len(part.frame if isinstance(part, Table) else part) == 0:
            continue
        kept.append((heading, part if isinstance(part, (Table, list)) else show(part)))
    return Sections(title, tuple(kept))
