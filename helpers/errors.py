"""Errors and warnings the kit raises, with messages in the active language.

A :class:`DataError` names the column, the first offending rows and the fix::

    >>> from helpers.errors import DataError
    >>> err = DataError("err_data_missing_column", column="amount", found="金额2", accepted="金额, amount")
    >>> "amount" in str(err)
    True
"""
from __future__ import annotations

from collections.abc import Iterable
from contextlib import contextmanager

from helpers.i18n import t

MAX_ROWS_SHOWN = 5


def format_rows(rows: Iterable[int], total: int | None = None) -> str:
    """Show the first offending row numbers (1-based data rows) and how many there are."""
    rows = list(rows)
    total = len(rows) if total is None else total
    shown = ", ".join(str(r) for r in rows[:MAX_ROWS_SHOWN])
    more = t("msg_rows_more", n=total - MAX_ROWS_SHOWN) if total > MAX_ROWS_SHOWN else ""
    return shown + more


class DataError(ValueError):
    """Input data the kit cannot use. ``str(err)`` says what, where, and how to fix it.

    Parameters are catalogue keys (see ``helpers/locale``) and the values they format with;
    ``rows`` are 1-based data-row numbers (the header is not counted).
    """

    def __init__(self, key: str, *, column: str | None = None, rows: Iterable[int] | None = None,
                 n_rows: int | None = None, fix_key: str | None = None, **values):
        self.key, self.column, self.fix_key, self.values = key, column, fix_key, values
        self.rows = list(rows) if rows is not None else []
        self.n_rows = len(self.rows) if n_rows is None else n_rows
        super().__init__(self._message())

    def _message(self) -> str:
        parts = [t(self.key, column=self.column, **self.values)]
        if self.rows:
            parts.append(t("msg_rows", rows=format_rows(self.rows, self.n_rows)))
        if self.fix_key:
            parts.append(t("msg_fix", fix=t(self.fix_key, column=self.column, **self.values)))
        return " ".join(parts)


class DataWarning(UserWarning):
    """Suspicious but usable data (empty score bins, heavy ties, negative amounts…)."""


def warn(key: str, stacklevel: int = 3, **values) -> None:
    """Issue a :class:`DataWarning` whose text comes from the catalogue."""
    import warnings

    warnings.warn(t(key, **values), DataWarning, stacklevel=stacklevel)


class WarningNotes(list):
    """The DataWarning messages :func:`collect_warnings` kept; a notebook shows them as notes."""

    def __repr__(self) -> str:
        return "\n".join(f"⚠ {message}" for message in self)

    def _repr_html_(self) -> str:
        from html import escape

        items = "".join(f"<li>{escape(message)}</li>" for message in self)
        return f'<ul style="color:#9a6700;margin:0">{items}</ul>'


@contextmanager
def collect_warnings():
    """Keep the kit's DataWarnings raised inside the block as a list instead of printing them.

    For a notebook that discusses a warning (e.g. heavy ties in RFM scores): display the list to
    show the messages. Other warnings are shown as usual.

    >>> with collect_warnings() as notes:
    ...     warn("warn_rfm_empty_bins", dim="F", scores="2")
    >>> len(notes)
    1
    """
    import warnings

    notes = WarningNotes()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", DataWarning)
        yield notes
    for item in caught:
        if issubclass(item.category, DataWarning):
            notes.append(str(item.message))
        else:  # not ours to keep: show it as Python would have
            warnings.showwarning(item.message, item.category, item.filename, item.lineno)
