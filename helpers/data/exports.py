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

import re
from pathlib import Path

import pandas as pd

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

    >>> import tempfile, pathlib
    >>> out = write_parquet(pd.DataFrame({"id": ["=1+1"]}), pathlib.Path(tempfile.mkdtemp()) / "a.parquet")
    >>> pd.read_parquet(out)["id"].tolist()
    ['=1+1']
    """
    path = Path(path)
    plain = frame.copy(deep=False)
    plain.attrs = {}  # pandas stores attrs as JSON metadata; the kit's attrs hold Timestamps
    plain.to_parquet(path, index=False)
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


def _value(value):
    """A Python value openpyxl stores as it is: text cleaned of control characters, missing as empty."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, str):
        return _ILLEGAL_XML.sub("", value)
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if hasattr(value, "item"):  # NumPy scalars
        return value.item()
    return value


def _cell(sheet, value):
    """A cell for a write-only sheet: text that would run as a formula is stored as text, marked so."""
    from openpyxl.cell import WriteOnlyCell

    value = _value(value)
    if not (isinstance(value, str) and value.startswith(FORMULA_STARTS)):
        return value
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"          # a string, never a formula
    cell.quotePrefix = True       # Excel's own mark of text typed as '=…
    return cell


def _column_width(frame: pd.DataFrame, column) -> float:
    """A readable width: the longest of the header and the first rows, within 8…50 characters."""
    sample = frame[column].head(200).astype("string").fillna("")
    longest = max([len(str(column)), *sample.str.len().tolist()])
    return float(min(max(longest + 2, 8), 50))


def write_workbook(sheets: dict, path) -> Path:
    """One Excel sheet per entry of ``sheets`` (``{name: frame}``), header row bold and frozen, text kept as text.

    Names are made valid (:func:`sheet_name`). A frame longer than a sheet holds is cut at
    :data:`EXCEL_MAX_ROWS` with a DataWarning (the CSV and Parquet files keep every row). Text a
    spreadsheet would run as a formula is stored as text, unchanged (see the module).

    >>> import tempfile, pathlib, openpyxl
    >>> out = write_workbook({"ids": pd.DataFrame({"id": ["@SUM(A1)"]})},
    ...                      pathlib.Path(tempfile.mkdtemp()) / "a.xlsx")
    >>> cell = openpyxl.load_workbook(out)["ids"]["A2"]
    >>> cell.value, cell.data_type, cell.quotePrefix
    ('@SUM(A1)', 's', True)
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import Cell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    from helpers.data.progress import progress_bar

    path = Path(path)
    book = Workbook(write_only=True)
    taken: list[str] = []
    with progress_bar(sum(min(len(f), EXCEL_MAX_ROWS - 1) for f in sheets.values()), "write") as bar:
        for name, frame in sheets.items():
            title = sheet_name(name, taken)
            taken.append(title)
            if len(frame) >= EXCEL_MAX_ROWS:
                warn("warn_report_sheet_truncated", sheet=title, rows=len(frame), kept=EXCEL_MAX_ROWS - 1)
                frame = frame.iloc[:EXCEL_MAX_ROWS - 1]
            sheet = book.create_sheet(title)
            sheet.freeze_panes = "A2"
            for i, column in enumerate(frame.columns, start=1):
                sheet.column_dimensions[get_column_letter(i)].width = _column_width(frame, column)
            header = []
            for column in frame.columns:
                cell = _cell(sheet, str(column))
                cell = cell if isinstance(cell, Cell) else WriteOnlyCell(sheet, value=cell)
                cell.font = Font(bold=True)
                header.append(cell)
            sheet.append(header)
            for row in frame.itertuples(index=False, name=None):
                sheet.append([_cell(sheet, v) for v in row])
                bar.update(1)
    book.save(path)
    return path
