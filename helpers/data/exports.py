"""Writing result tables for spreadsheets and other tools: Excel workbook, CSV and Parquet.

Text that a spreadsheet would run as a formula — starting with ``=``, ``+``, ``-``, ``@``, a tab
or a carriage return (OWASP, *CSV Injection*) — never runs: in the Excel workbook such a cell
keeps its text exactly and is stored as text with Excel's "quote prefix" mark (what typing
``'=1+1`` in Excel does), so it shows ``=HYPERLINK("…")`` and stays text when edited. A CSV file
has no cell types: there the text gets a leading apostrophe, OWASP's remedy. Numbers, dates and
Parquet files are written unchanged.

    >>> neutralise('=HYPERLINK("http://x")')
    '\\'=HYPERLINK("http://x")'
    >>> neutralise("12345"), neutralise(-5)
    ('12345', -5)

Source: OWASP, https://owasp.org/www-community/attacks/CSV_Injection .
"""
from __future__ import annotations

import math
import re
import unicodedata
from pathlib import Path

import numpy as np
import pandas as pd

from helpers.display import format_value
from helpers.errors import warn

__all__ = ["write_csv", "write_parquet", "write_workbook", "neutralise_frame", "neutralise"]

#: First characters that make a spreadsheet read a text cell as a formula (OWASP CSV Injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: Rows an Excel sheet holds, the header row included.
EXCEL_MAX_ROWS = 1_048_576
#: Characters an Excel sheet name may not contain, and its maximum length.
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_SHEET_MAX = 31
#: Control characters the xlsx format cannot store (tab, newline and carriage return can).
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def neutralise(value):
    """``value`` with a leading apostrophe when it is text a spreadsheet would run as a formula.

    >>> neutralise("@SUM(A1)"), neutralise("ok"), neutralise(-1)
    ("'@SUM(A1)", 'ok', -1)
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells and column names are neutralised (numbers unchanged).

    >>> neutralise_frame(pd.DataFrame({"id": ["-1", "a"], "n": [-1, 2]}))["id"].tolist()
    ["'-1", 'a']
    """
    out = frame.rename(columns=lambda c: neutralise(str(c)))
    for column in out.columns:
        if _is_text(out[column]):
            out[column] = out[column].map(neutralise, na_action="ignore")
    return out


def _is_text(values: pd.Series) -> bool:
    return pd.api.types.is_string_dtype(values) or values.dtype == object


def write_csv(frame: pd.DataFrame, path) -> Path:
    """``frame`` as UTF-8 CSV with a byte-order mark (so Excel shows Chinese text), neutralised.

    >>> import tempfile, pathlib
    >>> out = write_csv(pd.DataFrame({"id": ["=1+1"]}), pathlib.Path(tempfile.mkdtemp()) / "a.csv")
    >>> out.read_text(encoding="utf-8-sig").splitlines()
    ['id', "'=1+1"]
    """
    path = Path(path)
    neutralise_frame(frame).to_csv(path, index=False, encoding="utf-8-sig")
    return path


def write_parquet(frame: pd.DataFrame, path) -> Path:
    """``frame`` as Parquet, values unchanged (a data format, never opened as a spreadsheet).

    Timestamps are stored in microseconds, which every reader understands (Spark cannot read
    pandas' nanoseconds; DuckDB, Polars and pandas read both).

    >>> import tempfile, pathlib, pyarrow.parquet as pq
    >>> out = write_parquet(pd.DataFrame({"id": ["=1+1"], "day": pd.to_datetime(["2024-01-02"])}),
    ...                     pathlib.Path(tempfile.mkdtemp()) / "a.parquet")
    >>> pd.read_parquet(out)["id"].tolist(), str(pq.read_schema(out).field("day").type)
    (['=1+1'], 'timestamp[us]')
    """
    path = Path(path)
    plain = frame.copy(deep=False)
    plain.attrs = {}  # pandas stores attrs as JSON metadata; the kit's attrs hold Timestamps
    # microseconds lose nothing the kit's dates hold; a sub-microsecond value would be an error
    plain.to_parquet(path, index=False, coerce_timestamps="us")
    return path


def sheet_name(text: str, taken=()) -> str:
    """A valid, unused Excel sheet name: forbidden characters replaced, at most 31 characters.

    >>> sheet_name("At risk: top/all"), sheet_name("x" * 40, taken={"x" * 31})
    ('At risk_ top_all', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxx_2')
    """
    base = _SHEET_FORBIDDEN.sub("_", str(text)).strip("'") or "Sheet"
    name, n = base[:_SHEET_MAX], 1
    while name.casefold() in {t.casefold() for t in taken}:
        n += 1
        suffix = f"_{n}"
        name = base[:_SHEET_MAX - len(suffix)] + suffix
    return name


def _display_width(text: str) -> int:
    """Columns a text takes in a spreadsheet: East Asian wide characters count twice."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _column_width(frame: pd.DataFrame, column) -> float:
    """A readable width: the widest of the header and the first rows (numbers ~12), within 8…50."""
    values = frame[column]
    if pd.api.types.is_numeric_dtype(values) or pd.api.types.is_datetime64_any_dtype(values):
        longest = 12
    else:
        longest = max([0, *(_display_width(str(v)) for v in values.head(200).dropna())])
    return float(min(max(_display_width(str(column)), longest) + 2, 50))


def _excel_days(values: pd.Series) -> pd.Series:
    """Timestamps as Excel serial days (1900 date system), as Excel stores dates."""
    stamps = pd.to_datetime(values)
    if stamps.dt.tz is not None:
        stamps = stamps.dt.tz_localize(None)
    return (stamps - pd.Timestamp("1899-12-30")) / pd.Timedelta(days=1)


#: Excel keeps 15 significant digits: whole numbers from here on (long ids) are written as text.
_EXACT_DIGITS = 10**15


def _column_cells(values: pd.Series):
    """``(kind, cells)`` of one column: ``"number"`` (floats and ints; missing as None, infinite
    as the text ``"∞"`` or ``"-∞"``),
    ``"date"`` (Excel serial days) or ``"text"`` (cleaned strings, and whole numbers too long for
    Excel to keep exactly; missing as None)."""
    too_long = pd.api.types.is_integer_dtype(values) and bool((values.abs() >= _EXACT_DIGITS).any())
    if too_long or pd.api.types.is_bool_dtype(values) or not (pd.api.types.is_numeric_dtype(values)
                                                               or pd.api.types.is_datetime64_any_dtype(values)):
        cells = [None if v is None or (not isinstance(v, str) and pd.isna(v)) else _ILLEGAL_XML.sub("", str(v))
                 for v in values.tolist()]
        return "text", cells
    kind = "date" if pd.api.types.is_datetime64_any_dtype(values) else "number"
    numbers = _excel_days(values) if kind == "date" else values.astype(float)
    cells = numbers.astype(object).where(numbers.notna(), None).tolist()
    if kind == "number" and np.isinf(numbers).any():     # Excel has no infinity: "∞" as text, as shown
        cells = [format_value(c) if c is not None and math.isinf(c) else c for c in cells]
    return kind, cells


def write_workbook(sheets: dict, path, *, number_formats: dict | None = None) -> Path:
    """One Excel sheet per entry of ``sheets`` (``{name: frame}``): header row bold, frozen and
    filterable, the first column frozen, numbers and dates typed and formatted, text kept as text.

    ``number_formats`` maps a column header to an Excel number format (``"0.0%"``,
    ``'"£"#,##0.00'``), or to a function giving each value its own (numbers of any size shown
    to the same significant digits), in every sheet that has the column; dates without one show as
    ``yyyy-mm-dd`` (``yyyy-mm-dd hh:mm`` when a time is set). Text a spreadsheet would run as a
    formula is written as text, unchanged, with Excel's "quote prefix" mark (as typing ``'=1+1``
    does). Names are made valid (:func:`sheet_name`). A frame longer than a sheet holds is cut at
    :data:`EXCEL_MAX_ROWS` with a DataWarning (the CSV and Parquet files keep every row).
    Written with XlsxWriter, one row at a time (its constant-memory mode).

    >>> import tempfile, pathlib, openpyxl
    >>> out = write_workbook({"ids": pd.DataFrame({"id": ["@SUM(A1)"], "share": [0.25]})},
    ...                      pathlib.Path(tempfile.mkdtemp()) / "a.xlsx", number_formats={"share": "0.0%"})
    >>> row = openpyxl.load_workbook(out)["ids"][2]
    >>> row[0].value, row[0].data_type, row[0].quotePrefix, row[1].value, row[1].number_format
    ('@SUM(A1)', 's', True, 0.25, '0.0%')
    """
    import xlsxwriter

    from helpers.data.progress import progress_bar

    path = Path(path)
    number_formats = number_formats or {}
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_numbers": False,
                                           "strings_to_formulas": False, "strings_to_urls": False})
    header_format = book.add_format({"bold": True})
    header_as_text = book.add_format({"bold": True, "quote_prefix": True})
    as_text = book.add_format({"quote_prefix": True})
    formats: dict = {}

    def number_format(code: str):
        if code not in formats:
            formats[code] = book.add_format({"num_format": code})
        return formats[code]

    taken: list[str] = []
    with progress_bar(sum(min(len(f), EXCEL_MAX_ROWS - 1) for f in sheets.values()), "write") as bar:
        for name, frame in sheets.items():
            title = sheet_name(name, taken)
            taken.append(title)
            if len(frame) >= EXCEL_MAX_ROWS:
                warn("warn_report_sheet_truncated", sheet=title, rows=len(frame), kept=EXCEL_MAX_ROWS - 1)
                frame = frame.iloc[:EXCEL_MAX_ROWS - 1]
            sheet = book.add_worksheet(title)
            columns = [_column_cells(frame[column]) for column in frame.columns]
            marks = []      # each cell's own format (a quote prefix, a number format), if any
            for j, (column, (kind, cells)) in enumerate(zip(frame.columns, columns)):
                code = number_formats.get(column)
                if code is None and kind == "date":
                    times = [c % 1 for c in cells if c is not None]
                    code = "yyyy-mm-dd hh:mm" if any(times) else "yyyy-mm-dd"
                if kind == "text":
                    marks.append([as_text if isinstance(c, str) and c.startswith(FORMULA_STARTS) else None
                                  for c in cells])
                elif callable(code):
                    marks.append([None if c is None or isinstance(c, str) else number_format(code(c)) for c in cells])
                else:
                    marks.append(None)
                column_format = number_format(code) if code and not callable(code) else None
                sheet.set_column(j, j, _column_width(frame, column), column_format)
                text = _ILLEGAL_XML.sub("", str(column))
                sheet.write_string(0, j, text, header_as_text if text.startswith(FORMULA_STARTS) else header_format)
            sheet.freeze_panes(1, 1 if len(frame.columns) > 1 else 0)
            if len(frame.columns):
                sheet.autofilter(0, 0, len(frame), len(frame.columns) - 1)
            for i, row in enumerate(zip(*(cells for _, cells in columns)), start=1):
                for j, value in enumerate(row):
                    if value is not None:
                        write = sheet.write_string if isinstance(value, str) else sheet.write_number
                        if marks[j] is None:
                            write(i, j, value)
                        else:
                            write(i, j, value, marks[j][i - 1])
                if not i % 1000:
                    bar.update(1000)
            bar.update(len(frame) % 1000)
    book.close()
    return path
