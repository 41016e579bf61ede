"""What loading did to the data: every row read is either kept or excluded for a stated reason.

``rows_read == rows_kept + sum(excluded.values())`` always holds (:meth:`DataReport.check`).

    >>> from helpers.data.data_report import DataReport
    >>> rep = DataReport(source="orders.csv", rows_read=5, rows_kept=4,
    ...                  excluded={"excl_return": 1}, first_rows={"excl_return": [3]})
    >>> rep.check().rows_kept
    4
"""
from __future__ import annotations

from dataclasses import dataclass, field

from helpers.errors import format_rows
from helpers.i18n import label, t

__all__ = ["DataReport"]

#: Exclusion reasons, in the order they are tested (a row counts under the first that applies).
REASONS = ("excl_total_row", "excl_note_row", "excl_missing_customer", "excl_date_out_of_range", "excl_bad_date",
           "excl_absurd_amount", "excl_bad_amount", "excl_cancellation", "excl_adjustment", "excl_return",
           "excl_duplicate")


@dataclass
class DataReport:
    """The accounting of one load: source, where the table was, columns used, rows kept and excluded by reason.

    ``sheet`` is the workbook sheet read and ``header_row`` the row (from 1) of the column headers
    (None for a frame); ``notes`` are ``(catalogue key, values)`` pairs so they render in the
    active language.

    >>> rep = DataReport(source="orders.csv", rows_read=3, rows_kept=2, excluded={"excl_duplicate": 1},
    ...                  first_rows={"excl_duplicate": [3]}, notes=[("note_data_zero_amounts", {"n": 1})])
    >>> rep.rows_excluded, rep
    (1, DataReport('orders.csv': 3 read, 2 kept, 1 excluded))
    """

    source: str
    rows_read: int
    rows_kept: int
    encoding: str | None = None
    sheet: str | None = None
    header_row: int | None = None
    columns: dict = field(default_factory=dict)
    excluded: dict = field(default_factory=dict)
    first_rows: dict = field(default_factory=dict)
    notes: list = field(default_factory=list)
    date_min: object = None
    date_max: object = None
    customers: int = 0
    orders: int = 0

    @property
    def rows_excluded(self) -> int:
        """Rows excluded for any reason.

        >>> DataReport(source="x", rows_read=5, rows_kept=3, excluded={"excl_return": 2}).rows_excluded
        2
        """
        return sum(self.excluded.values())

    def check(self) -> DataReport:
        """Assert that every row read is accounted for; return the report for chaining.

        >>> DataReport(source="x", rows_read=5, rows_kept=5).check().rows_kept
        5
        """
        if self.rows_read != self.rows_kept + self.rows_excluded:
            raise AssertionError(t("data_report_unbalanced", read=self.rows_read, kept=self.rows_kept,
                                   excluded=self.rows_excluded))
        return self

    def note_texts(self) -> list[str]:
        """The notes in the active language.

        >>> from helpers.i18n import language
        >>> with language("en"):
        ...     DataReport(source="x", rows_read=1, rows_kept=1,
        ...                notes=[("note_data_zero_amounts", {"n": 1})]).note_texts()
        ['1 rows with amount 0 were kept (e.g. free items).']
        """
        return [t(key, **values) for key, values in self.notes]

    def to_frame(self):
        """One row per exclusion reason (all reasons, zeros included), then kept and read lines.

        ``share`` is the share (0–1) of the rows read.

        >>> rep = DataReport(source="x", rows_read=4, rows_kept=3, excluded={"excl_return": 1})
        >>> rep.to_frame().set_index("reason").loc[["excl_return", "kept"], "share"].tolist()
        [0.25, 0.75]
        """
        import pandas as pd

        rows = [{"reason": r, "label": label(r), "rows": self.excluded.get(r, 0),
                 "first_rows": format_rows(self.first_rows.get(r, []), self.excluded.get(r, 0))}
                for r in REASONS]
        rows.append({"reason": "kept", "label": t("data_report_kept"), "rows": self.rows_kept, "first_rows": ""})
        rows.append({"reason": "total", "label": t("data_report_read"), "rows": self.rows_read, "first_rows": ""})
        frame = pd.DataFrame(rows)
        frame["share"] = frame["rows"] / max(self.rows_read, 1)
        return frame

    def facts(self) -> dict:
        """Source, encoding, sheet, header row, columns, date range, customers and orders as labelled texts.

        >>> from helpers.i18n import language
        >>> with language("en"):
        ...     DataReport(source="orders.csv", rows_read=1, rows_kept=1).facts()["Source"]
        'orders.csv'
        """
        from helpers.display import column_label

        mapping = ", ".join(f"{column_label(role)} ← '{header}'" for role, header in self.columns.items())
        span = f"{_day(self.date_min)} … {_day(self.date_max)}"
        where = {}
        if self.sheet is not None:
            where[t("data_report_sheet")] = self.sheet
        if self.header_row is not None:
            where[t("data_report_header_row")] = str(self.header_row)
        return {t("data_report_source"): self.source, t("data_report_encoding"): self.encoding or "—", **where,
                t("data_report_columns"): mapping, t("data_report_dates"): span,
                t("data_report_customers"): f"{self.customers:,}", t("data_report_orders"): f"{self.orders:,}"}

    def __repr__(self) -> str:
        return (f"DataReport({self.source!r}: {self.rows_read:,} read, {self.rows_kept:,} kept, "
                f"{self.rows_excluded:,} excluded)")

    def __str__(self) -> str:
        lines = [f"{k}: {v}" for k, v in self.facts().items()]
        table = self.to_frame()
        shown = table[(table["rows"] > 0) | table["reason"].isin(["kept", "total"])]
        width = max(_width(s) for s in shown["label"])
        lines += [f"  {lbl}{' ' * (width - _width(lbl))}  {n:>10,}  {first}".rstrip()
                  for lbl, n, first in zip(shown["label"], shown["rows"], shown["first_rows"])]
        lines += [f"* {note}" for note in self.note_texts()]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        from helpers.display import result_view, show

        table = self.to_frame()[["label", "rows", "share", "first_rows"]]
        table.columns = [t("data_report_reason"), t("data_report_rows"), "share", t("data_report_first_rows")]
        return result_view(None, (None, self.facts()), (None, show(table)), (None, self.note_texts()))._repr_html_()


def _day(value) -> str:
    """A timestamp as text to the minute, without the time when it is midnight."""
    if value is None or value != value:
        return "—"
    text = str(value)[:19]
    return text[:10] if text.endswith("00:00:00") else text[:16]


def _width(text: str) -> int:
    """Columns a text takes in a terminal: East Asian wide characters take two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
