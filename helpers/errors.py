"""Errors and warnings the kit raises, with messages in the active language.

A :class:`DataError` names the column, the first offending rows and the fix::

    >>> from helpers.errors import DataError
    >>> err = DataError("err_data_missing_column", column="amount", found="金额2", accepted="金额, amount")
    >>> "amount" in str(err)
    True
"""
from __future__ import annotations

import sys
from collections.abc import Iterable
from contextlib import contextmanager
from pathlib import Path

from helpers.i18n import t

__all__ = ["DataError", "DataWarning", "warn", "collect_warnings", "WarningNotes", "format_rows"]

MAX_ROWS_SHOWN = 5
_KIT = Path(__file__).resolve().parent      # the helpers package


def format_rows(rows: Iterable[int], n_rows: int | None = None) -> str:
    """Show the first offending row numbers (1-based data rows) and how many there are.

    ``n_rows`` is the number of offending rows when ``rows`` lists only the first of them.

    >>> from helpers.i18n import language
    >>> with language("en"):
    ...     format_rows([2, 3]), format_rows(range(1, 6), n_rows=9)
    ('2, 3', '1, 2, 3, 4, 5 and 4 more')
    """
    rows = list(rows)
    n_rows = len(rows) if n_rows is None else n_rows
    shown = ", ".join(str(r) for r in rows[:MAX_ROWS_SHOWN])
    more = t("msg_rows_more", n=f"{n_rows - MAX_ROWS_SHOWN:,}") if n_rows > MAX_ROWS_SHOWN else ""
    return shown + more


class DataError(ValueError):
    """Input data the kit cannot use. ``str(err)`` says what, where, and how to fix it.

    Parameters are catalogue keys (see ``helpers/locale``) and the values they format with:
    ``key`` the message, ``column`` the column it is about, ``rows`` the 1-based data-row
    numbers (the header is not counted; ``n_rows`` how many when only the first are given),
    ``fix_key`` the fix.

    >>> from helpers.i18n import language
    >>> with language("en"):
    ...     err = DataError("err_sat_not_numeric", column="csat", rows=[2], example="good",
    ...                     fix_key="fix_sat_not_numeric")
    >>> err.column, err.rows
    ('csat', [2])
    >>> str(err).startswith("Column 'csat' holds non-numeric answers (e.g. 'good').")
    True
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
    """Suspicious but usable data (empty score bins, heavy ties, negative amounts…).

    >>> issubclass(DataWarning, UserWarning)
    True
    """


def warn(key: str, *, stacklevel: int | None = None, **values) -> None:
    """Issue a :class:`DataWarning` whose text comes from the catalogue.

    The warning points at the first caller outside ``helpers`` (the notebook line that called the
    kit), however deep inside the kit — decorators included — it was raised; an explicit
    ``stacklevel`` (as for :func:`warnings.warn`, counted from the caller of ``warn``) overrides it.

    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn("warn_sat_dropped", n=1, total=3, rows="2")
    >>> caught[0].category.__name__
    'DataWarning'
    """
    import warnings

    level = _outside_the_kit() if stacklevel is None else stacklevel
    warnings.warn(t(key, **values), DataWarning, stacklevel=level)


def _outside_the_kit() -> int:
    """The ``stacklevel`` of the first frame outside ``helpers``, for ``warnings.warn`` called in :func:`warn`."""
    frame, level = sys._getframe(2), 2       # 0: this function, 1: warn, 2: the caller of warn
    while frame is not None and Path(frame.f_code.co_filename).resolve().is_relative_to(_KIT):
        frame, level = frame.f_back, level + 1
    return level


class WarningNotes(list):
    """The DataWarning messages :func:`collect_warnings` kept; a notebook shows them as notes.

    >>> WarningNotes(["3 of 400 responses were dropped"])
    ⚠ 3 of 400 responses were dropped
    """

    def __init__(self, messages=()):
        super().__init__(messages)

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
