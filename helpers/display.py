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
    ...     print(show(table, index=False))
             Tier Customers Share of revenue
    Platinum (金钻)        12            41.2%
         Lead (铁)     3,400             5.1%

Column labels live in ``helpers/locale/columns.yml`` (``col_<name>``); class ids in the topic
catalogues. A column without a label keeps its name (and a test keeps the notebooks free of them).
"""
from __future__ import annotations

from dataclasses import dataclass
from html import escape

import numpy as np
import pandas as pd

from helpers.i18n import get_language, has, label, t

__all__ = ["show", "Table", "column_label", "format_share", "format_money"]

#: Columns that hold money (shown with the data's currency and two decimals).
MONEY = frozenset({
    "amount", "revenue", "monetary", "value", "clv", "profit", "gross_profit", "expected_spend", "zbar",
    "holdout_spend", "aov", "average_purchase", "annual_revenue", "spend", "next_entry_value",
    "unit_price", "price", "min_value", "lower_bound", "cost_to_serve", "value_at_risk", "mean_spend",
})
#: Columns that hold shares 0–1 besides those named ``*_share`` / ``*_rate`` (shown as %).
SHARES = frozenset({"share", "prob_alive", "retention", "churn", "margin", "gross_margin", "share_of_wallet",
                    "cum_share", "loyal_share", "top_share", "coverage", "alpha", "standardized_alpha"})
CURRENCIES = {"GBP": "£", "USD": "$", "CNY": "¥", "EUR": "€"}


def column_label(name) -> str:
    """The label of a column name in the active language (the name itself when it has none).

    >>> from helpers.i18n import language
    >>> with language("zh"):
    ...     column_label("recency_days")
    '距上次购买天数'
    """
    key = f"col_{name}"
    return t(key) if isinstance(name, str) and has(key) else label(name) if isinstance(name, str) else str(name)


def _is_share(name: str) -> bool:
    return isinstance(name, str) and (name.endswith("_share") or name.endswith("_rate") or name in SHARES)


def _is_money(name: str) -> bool:
    return isinstance(name, str) and (name in MONEY or name.endswith("_revenue") or name.startswith("revenue_")
                                      and not _is_share(name))


def format_share(value, decimals: int = 1) -> str:
    """A share 0–1 as a percentage (``0.4123`` → ``'41.2%'``); missing values stay blank.

    >>> format_share(0.4123), format_share(float("nan"))
    ('41.2%', '')
    """
    return "" if value is None or pd.isna(value) else f"{value:.{decimals}%}"


def format_money(value, currency: str | None = None, decimals: int = 2) -> str:
    """Money with thousands separators and the currency symbol (``1234.5, "GBP"`` → ``'£1,234.50'``).

    >>> format_money(1234.5, "GBP"), format_money(-3, "¥", decimals=0)
    ('£1,234.50', '-¥3')
    """
    if value is None or pd.isna(value):
        return ""
    symbol = CURRENCIES.get(currency, currency) or ""
    sign = "-" if value < 0 else ""
    return f"{sign}{symbol}{abs(value):,.{decimals}f}"


def _format_number(value, decimals: int) -> str:
    if value is None or pd.isna(value):
        return ""
    if isinstance(value, (int, np.integer)) or float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.{decimals}f}"


def _format_column(values: pd.Series, name, currency, decimals: int) -> pd.Series:
    if pd.api.types.is_bool_dtype(values):
        return values.map(lambda v: "" if pd.isna(v) else t("display_yes") if v else t("display_no"))
    if pd.api.types.is_datetime64_any_dtype(values):
        stamps = values.dropna()
        midnight = bool((stamps == stamps.dt.normalize()).all())
        return values.dt.strftime("%Y-%m-%d" if midnight else "%Y-%m-%d %H:%M").fillna("")
    if pd.api.types.is_numeric_dtype(values):
        if _is_share(name):
            return values.map(lambda v: format_share(v))
        if _is_money(name):
            return values.map(lambda v: format_money(v, currency))
        if pd.api.types.is_integer_dtype(values):
            return values.map(lambda v: "" if pd.isna(v) else f"{int(v):,}")
        return values.map(lambda v: _format_number(v, decimals))
    return values.map(lambda v: "" if v is None or (not isinstance(v, (list, tuple, dict)) and pd.isna(v))
                      else label(v) if isinstance(v, str) else str(v))


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

    def __repr__(self) -> str:
        text = self.frame.to_string(index=self.index)
        return f"{self.caption}\n{text}" if self.caption else text

    def _repr_html_(self) -> str:
        html = self.frame.to_html(index=self.index, escape=True, border=0, classes="crm-table")
        caption = f"<div style='font-weight:600;margin:4px 0'>{escape(self.caption)}</div>" if self.caption else ""
        return f"<div class='crm-table-wrap'>{caption}{html}</div>"


def show(table, *, columns=None, currency: str | None = None, decimals: int = 2, index: bool = True,
         n_rows: int | None = None, caption: str | None = None) -> Table:
    """``table`` as readers should see it, in the active language (see the module docstring).

    ``columns`` picks (and orders) columns; ``currency`` (``"GBP"``, ``"¥"``…) defaults to
    ``table.attrs["currency"]``; ``n_rows`` keeps the first rows; ``index=False`` hides the index.
    A Series is shown as a one-column table; a dict as a two-column "what / value" table.

    >>> import pandas as pd
    >>> from helpers.i18n import language
    >>> with language("zh"):
    ...     print(show(pd.Series({"recency_days": 3, "monetary": 4310.4}, name="12347"), currency="GBP"))
                 12347
    距上次购买天数          3
    消费金额（M）  £4,310.40
    """
    if isinstance(table, dict):
        table = pd.Series(table)
    if isinstance(table, pd.Series):
        return _show_series(table, currency, decimals, n_rows, caption)
    frame = table if columns is None else table[list(columns)]
    if n_rows is not None:
        frame = frame.head(n_rows)
    currency = currency or table.attrs.get("currency")
    out = pd.DataFrame({column_label(c): _format_column(frame[c], c, currency, decimals) for c in frame.columns},
                       index=_labelled_index(frame.index))
    return Table(out, index=index, caption=caption)


def _labelled_index(index: pd.Index) -> pd.Index:
    if isinstance(index, pd.MultiIndex):
        return pd.MultiIndex.from_tuples([tuple(label(v) if isinstance(v, str) else v for v in row) for row in index],
                                         names=[column_label(n) if n else n for n in index.names])
    values = [label(v) if isinstance(v, str) else v for v in index]
    if isinstance(index, pd.DatetimeIndex):
        values = index.strftime("%Y-%m-%d")
    return pd.Index(values, name=column_label(index.name) if index.name else None)


def _show_series(series: pd.Series, currency, decimals, n_rows, caption) -> Table:
    """A Series of named values (one per row), each formatted by its own name."""
    if n_rows is not None:
        series = series.head(n_rows)
    currency = currency or series.attrs.get("currency")
    cells = [_format_column(pd.Series([v]), name, currency, decimals).iloc[0] for name, v in series.items()]
    column = column_label(series.name) if series.name is not None else t("display_value")
    out = pd.DataFrame({column: cells}, index=pd.Index([column_label(n) for n in series.index]))
    return Table(out, caption=caption)
