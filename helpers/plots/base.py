"""Small pieces every chart uses: getting an Axes, titles and labels from the catalogue.

    >>> from helpers.i18n import language
    >>> ax = get_ax()
    >>> with language("en"):
    ...     decorate(ax, title="sat_nps_title_groups", xlabel="my own label").get_title()
    'NPS by group'
"""
from __future__ import annotations

from helpers.i18n import get_language, t

__all__ = ["get_ax", "decorate", "VALUE_TEXT", "with_unit", "currency_of", "readable_ticks"]

#: How numbers written on a chart look: above the grid lines, on a light box, so no line cuts through them.
VALUE_TEXT = {"zorder": 5, "bbox": {"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none",
                                    "alpha": 0.85}}


def get_ax(ax=None, figsize=(7, 4.5)):
    """Return ``ax``, or a new Axes of ``figsize`` inches, with the kit font registered.

    >>> get_ax(figsize=(4, 3)).figure.get_size_inches().tolist()
    [4.0, 3.0]
    """
    from helpers.plots.theme import quiet_known_library_warnings, register_font

    register_font()
    quiet_known_library_warnings()
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, ax = plt.subplots(figsize=figsize)
    return ax


def decorate(ax, *, title: str | None = None, xlabel: str | None = None, ylabel: str | None = None):
    """Set title and axis labels given as catalogue keys (or plain text when not a key); return ``ax``.

    >>> decorate(get_ax(), xlabel="Orders", ylabel="sat_count_axis").get_xlabel()
    'Orders'
    """
    from helpers.i18n import has

    def text(v):
        return t(v) if v and has(v) else v

    if title is not None:
        ax.set_title(text(title))
    if xlabel is not None:
        ax.set_xlabel(text(xlabel))
    if ylabel is not None:
        ax.set_ylabel(text(ylabel))
    return ax


def with_unit(text: str, unit: str | None) -> str:
    """An axis or colour-bar label with its unit in brackets (none: the label as it is).

    >>> from helpers.i18n import language
    >>> with language("zh"):
    ...     with_unit("价值", "£")
    '价值（£）'
    >>> with language("en"):
    ...     with_unit("Value", "£"), with_unit("Value", None)
    ('Value (£)', 'Value')
    """
    if not unit:
        return text
    return f"{text}（{unit}）" if get_language() == "zh" else f"{text} ({unit})"


def currency_of(data) -> str | None:
    """The currency symbol of a result or table (its ``attrs["currency"]``), or None.

    >>> import pandas as pd
    >>> frame = pd.DataFrame({"amount": [1.0]})
    >>> frame.attrs["currency"] = "GBP"
    >>> currency_of(frame), currency_of(pd.DataFrame())
    ('£', None)
    """
    from helpers.display import CURRENCIES

    table = getattr(data, "table", data)
    code = getattr(table, "attrs", {}).get("currency")
    return CURRENCIES.get(code, code) if code else None


def _plain(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")


def _tick(value, _position=None) -> str:
    """A tick label: separators below 10,000; 万 (zh) or k / M (en) above, so long axes stay legible."""
    value = float(value)
    size = abs(value)
    if size < 10_000:
        return _plain(value)
    if get_language() == "zh":
        return f"{_plain(value / 10_000)}万"
    return f"{_plain(value / 1_000_000)}M" if size >= 1_000_000 else f"{_plain(value / 1_000)}k"


def readable_ticks(axis) -> None:
    """Tick labels as plain numbers (no 1e6 offset, no 10⁶): 2,500 · 25万 / 250k · 150万 / 1.5M.

    >>> from helpers.i18n import language
    >>> ax = get_ax()
    >>> _ = ax.plot([0, 2_500_000], [0, 1])
    >>> readable_ticks(ax.xaxis)
    >>> with language("zh"):
    ...     ax.xaxis.get_major_formatter()(1_500_000), ax.xaxis.get_major_formatter()(2_500)
    ('150万', '2,500')
    >>> with language("en"):
    ...     ax.xaxis.get_major_formatter()(1_500_000), ax.xaxis.get_major_formatter()(250_000)
    ('1.5M', '250k')
    """
    from matplotlib.ticker import FuncFormatter

    axis.set_major_formatter(FuncFormatter(_tick))
