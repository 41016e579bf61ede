"""Small HTML pieces the explorers share: a result table with translated headers, a message box.

    >>> import pandas as pd
    >>> from helpers.teaching.widgets.display import frame_html
    >>> "50.0%" in frame_html(pd.DataFrame({"label": ["a"], "share": [0.5]}), share_cols=("share",))
    True
"""
from __future__ import annotations

from html import escape

import pandas as pd

from helpers.i18n import has, t
from helpers.validation import Interval, Options, validate_params

__all__: list[str] = []       # machinery of the explorers

# column of a summary table → catalogue key of its header
HEADERS = {"label": "wd_col_label", "customers": "wd_col_customers", "share": "wd_col_share",
           "customer_share": "wd_col_customer_share", "orders": "wd_col_orders", "revenue": "wd_col_revenue",
           "revenue_share": "wd_col_revenue_share", "value": "wd_col_value", "value_share": "wd_col_value_share",
           "aov": "wd_col_aov", "strategy": "wd_col_strategy"}


def _header(column: str) -> str:
    key = HEADERS.get(column, column)
    return t(key) if has(key) else column


@validate_params(decimals=Interval(int, 0, 10))
def frame_html(frame: pd.DataFrame, *, columns=None, share_cols=(), decimals: int = 2) -> str:
    """``frame`` (only ``columns``, in that order) as an HTML table with headers in the active language.

    Columns named in ``share_cols`` hold shares 0–1 and are shown as percentages, other floats
    with ``decimals`` digits.

    >>> html = frame_html(pd.DataFrame({"value": [1234.25], "x": [1]}), columns=["value"], decimals=1)
    >>> "1,234.2" in html, "<th>x</th>" in html
    (True, False)
    """
    shown = frame[list(columns)] if columns is not None else frame
    formatters = {_header(c): (lambda v: f"{v:.1%}") if c in share_cols else (lambda v: f"{v:,.{decimals}f}")
                  for c in shown.columns if pd.api.types.is_float_dtype(shown[c])}
    return shown.rename(columns=_header).to_html(index=False, formatters=formatters, border=0,
                                                 classes="crmkit-table")


@validate_params(kind=Options("error", "warning", "note"))
def message_html(text: str, kind: str = "error") -> str:
    """A coloured message (``kind`` error / warning / note) for what a control setting cannot do.

    >>> message_html("No answers yet", "note")
    '<p style="color:#57606a">No answers yet</p>'
    """
    colours = {"error": "#cf222e", "warning": "#9a6700", "note": "#57606a"}
    return f'<p style="color:{colours[kind]}">{escape(text)}</p>'
