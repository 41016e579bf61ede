"""Reading a table from a file: CSV/TSV/TXT (optionally gzip-compressed), Excel (.xlsx, .xls) or Parquet.

Text files are decoded as :mod:`helpers.data.encodings` says (``encoding=`` overrides). The
delimiter is the one of ``, ; TAB |`` that splits most lines into the same number of fields
(``sep=`` overrides), or runs of whitespace when none does. The header is found as
:mod:`helpers.data.layout` says — below titles, notes and blank rows, one or two rows —
(``header_row=`` overrides), and in a workbook the sheet whose header names the most column
roles is read (``sheet=`` overrides). Values are read as the file shows them: text stays text
(ids keep their leading zeros), Excel cells keep their types (dates, numbers, and formulas as the
values Excel last calculated), and a number formatted with leading zeros (``000123``) is read as
that text. Whatever had to be decided is stated in ``info["notes"]`` for the DataReport.

    >>> import io
    >>> frame, info = read_table(io.BytesIO("客户ID,金额\\n007,12.5\\n".encode("gb18030")))
    >>> info["encoding"], frame.iloc[0, 0]
    ('gb18030', '007')
"""
from __future__ import annotations

import csv
import datetime as _dt
import gzip
import io
import re
import zipfile
from pathlib import Path

from helpers.data.encodings import decode
from helpers.data.layout import SCAN_ROWS, blank, column_names, find_header
from helpers.data.progress import progress_bar
from helpers.errors import DataError

__all__ = ["DELIMITERS"]      # the reader is machinery: analysts call helpers.data.load_table

DELIMITERS = (",", ";", "\t", "|")
_MAGIC = {b"\x89PNG": "PNG", b"\xff\xd8\xff": "JPEG", b"GIF8": "GIF", b"%PDF": "PDF", b"Rar!": "RAR",
          b"7z\xbc\xaf": "7z"}
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZERO_PADDED = re.compile(r'^0{2,}(;.*)?$')            # Excel number format "000000": a code shown with zeros
_UNCACHED_FORMULA = re.compile(rb"<f(?:\s[^>]*)?(?:/>|>[^<]*</f>)\s*(?:<v>\s*</v>|<v\s*/>)?\s*</c>")
#: Text longer than this is read by the multi-threaded Arrow reader when its layout allows.
_ARROW_FROM = 1_000_000
csv.field_size_limit(2**31 - 1)   # a cell may hold a long text (addresses, item lists, JSON blobs)


def read_table(source, *, encoding: str | None = None, sheet=None, header_row: int | None = None,
               sep: str | None = None, as_text: bool = True):
    """Read ``source`` (path or binary file object) into a DataFrame plus reading facts.

    Returns ``(frame, info)``: ``info`` holds ``source`` (name), ``format``, ``encoding`` (None for
    Excel/Parquet), ``sheet`` (the sheet read, or None), ``header_row`` (1-based row of the
    header's first row, or None), ``date_system`` (1900 or 1904 for Excel, else None) and
    ``notes`` (``(catalogue key, values)`` pairs). ``as_text=False`` turns columns whose every
    value is a number into numbers.

    >>> import io
    >>> frame, info = read_table(io.BytesIO(b"id|n\\n7|1\\n"), as_text=False)
    >>> info["format"], frame["n"].tolist()
    ('text', [1])
    """
    name = _name(source)
    raw = _read_bytes(source, name)
    if raw[:2] == b"\x1f\x8b":
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError):
            raise DataError("err_data_damaged", source=name, what="gzip", fix_key="fix_data_damaged") from None
    if not raw.strip():
        raise DataError("err_data_empty", source=name, fix_key="fix_data_empty")
    if sheet is not None and not isinstance(sheet, (str, int)):
        raise DataError("err_data_sheet_type", source=name, sheet=repr(sheet), fix_key="fix_data_sheet")
    info = {"source": name, "format": "text", "encoding": None, "sheet": None, "header_row": None,
            "date_system": None, "notes": []}
    kind = _format(raw, name)
    if kind == "parquet":
        info["format"] = "parquet"
        return _read_parquet(raw, name), info
    if kind in ("xlsx", "xls"):
        info["format"] = "excel"
        grid, info["sheet"], info["date_system"], notes = (_xlsx_grid if kind == "xlsx" else _xls_grid)(raw, name, sheet)
        info["notes"] += notes
        frame = _frame_from_grid(grid, name, header_row, info)
    else:
        info["encoding"], text, notes = decode(raw, name, encoding)
        info["notes"] += notes
        frame = _read_text(text, name, sep, header_row, info)
    return (frame if as_text else _inferred(frame)), info


def _name(source) -> str:
    return str(source) if isinstance(source, (str, Path)) else getattr(source, "name", type(source).__name__)


def _read_bytes(source, name: str) -> bytes:
    if isinstance(source, (str, Path)):
        path = Path(source)
        if path.is_dir():
            raise DataError("err_data_is_folder", source=name, fix_key="fix_data_no_file")
        if not path.is_file():
            raise DataError("err_data_no_file", source=name, fix_key="fix_data_no_file")
        try:
            return path.read_bytes()
        except PermissionError:
            raise DataError("err_data_locked", source=name, fix_key="fix_data_locked") from None
    if not hasattr(source, "read"):
        raise DataError("err_data_source_type", source=name, fix_key="fix_data_source_type")
    data = source.read()
    return data.encode("utf-8") if isinstance(data, str) else data


def _format(raw: bytes, name: str) -> str:
    """``xlsx``, ``xls``, ``parquet`` or ``text``, from the bytes (the file name only breaks ties)."""
    head = raw[:16]
    for magic, what in _MAGIC.items():
        if head.startswith(magic):
            raise DataError("err_data_not_table", source=name, what=what, fix_key="fix_data_not_table")
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(raw, name)
    if head.startswith(_OLE):
        if "EncryptionInfo".encode("utf-16-le") in raw:
            raise DataError("err_data_encrypted", source=name, fix_key="fix_data_encrypted")
        return "xls"
    if head.startswith(b"PAR1"):
        return "parquet"
    start = raw.lstrip(b"\xef\xbb\xbf \t\r\n")[:200].lower()
    if start.startswith((b"<html", b"<!doctype html", b"<table", b"<?xml")) or b"<html" in start:
        raise DataError("err_data_html", source=name, fix_key="fix_data_html")
    if raw.lstrip()[:1] in (b"{", b"["):
        raise DataError("err_data_not_table", source=name, what="JSON", fix_key="fix_data_not_table")
    if b"\x00" in raw[:4096] and not _utf16_or_32(raw):
        raise DataError("err_data_not_table", source=name, what="binary", fix_key="fix_data_not_table")
    return "text"


def _utf16_or_32(raw: bytes) -> bool:
    """Text in UTF-16/32 (a byte-order mark, or NUL bytes at every other position of ASCII text)."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        return True
    sample = raw[:4096]
    return sample[1::2].count(0) > 0.4 * len(sample) / 2 or sample[0::2].count(0) > 0.4 * len(sample) / 2


def _zip_kind(raw: bytes, name: str) -> str:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(raw)).namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise DataError("err_data_damaged", source=name, what="zip", fix_key="fix_data_damaged") from None
    if "xl/workbook.xml" in names or "xl/workbook.bin" in names:
        if "xl/workbook.bin" in names:
            raise DataError("err_data_not_table", source=name, what="Excel .xlsb", fix_key="fix_data_save_xlsx")
        return "xlsx"
    what = ("OpenDocument (.ods)" if "content.xml" in names else "Word" if "word/document.xml" in names
            else "zip")
    raise DataError("err_data_not_table", source=name, what=what,
                    fix_key="fix_data_save_xlsx" if what.startswith("Open") else "fix_data_not_table")


def _read_parquet(raw: bytes, name: str):
    import pandas as pd

    try:
        return pd.read_parquet(io.BytesIO(raw))
    except Exception:  # pyarrow raises several types for a damaged or truncated file
        raise DataError("err_data_damaged", source=name, what="Parquet", fix_key="fix_data_damaged") from None


# --- text files -------------------------------------------------------------------------------

def sniff_delimiter(lines) -> str | None:
    """The delimiter that splits most lines into the same number (≥ 2) of fields; None: whitespace.

    ``lines`` are the first lines of the file (a title line without delimiters does not count).

    >>> sniff_delimiter(["a;b;c", "1;2,5;3"]), sniff_delimiter(["id  date  amount", "1  x  2"])
    (';', None)
    """
    lines = [line for line in lines if line.strip()]
    best, best_key = None, (0, 0)
    for d in DELIMITERS:
        counts = [line.count(d) for line in lines]
        used = [c for c in counts if c]
        if not used:
            continue
        typical = max(set(used), key=lambda c: (used.count(c), c))
        key = (used.count(typical), typical)
        if key > best_key:
            best, best_key = d, key
    return best


def _records(text: str, sep: str | None, limit: int):
    """The first ``limit`` records as lists of fields, with the line each ends on (1-based)."""
    if sep is None:
        lines = text.splitlines()[:limit]
        return [line.split() for line in lines], list(range(1, len(lines) + 1))
    reader = csv.reader(io.StringIO(text[:2_000_000]), delimiter=sep)
    records, ends = [], []
    for row in reader:
        records.append(row)
        ends.append(reader.line_num)
        if len(records) >= limit:
            break
    return records, ends


def _read_text(text: str, name: str, sep: str | None, header_row: int | None, info: dict):
    import pandas as pd

    sep = sep or sniff_delimiter(text[:200_000].splitlines()[:100])
    head, ends = _records(text, sep, SCAN_ROWS + 2 if header_row is None else header_row + 2)
    start, n_rows = _header(head, name, header_row)
    names, _ = column_names(head, start, n_rows)
    body_line = ends[start + n_rows - 1]          # lines of the file up to the end of the header
    offset = _offset_of_line(text, body_line)
    body = text[offset:]
    options = dict(header=None, dtype=str, keep_default_na=False, na_values=[""], skip_blank_lines=True,
                   index_col=False)
    width = max([len(names), *(len(r) for r in head[start + n_rows:])])
    try:
        if sep is None:
            frame = pd.read_csv(io.StringIO(body), sep=r"\s+", names=range(width), **options)
        else:
            frame = _read_body(body, sep, width, options)
    except pd.errors.EmptyDataError:
        frame = pd.DataFrame(columns=range(width), dtype=str)
    except (pd.errors.ParserError, ValueError) as exc:
        raise _misshapen(body, sep, width, body_line, name, str(exc)) from None
    wide = [j for j in frame.columns if j >= len(names) and not frame[j].map(blank).all()]
    if wide:
        line, fields = _first_wide_line(body, sep, len(names))
        raise DataError("err_data_ragged", source=name, line=body_line + line, fields=fields, width=len(names),
                        sep=_sep_name(sep), fix_key="fix_data_ragged")
    info["header_row"] = start + 1
    return _finish(frame, names, start, n_rows, name, info)


def _first_wide_line(body: str, sep, width: int) -> tuple[int, int]:
    """The line (within ``body``, from 1) of the first record with a filled field beyond ``width``."""
    rows = (((i, line.split()) for i, line in enumerate(body.splitlines(), 1)) if sep is None
            else _numbered(csv.reader(io.StringIO(body), delimiter=sep)))
    for line, row in rows:
        if any(not blank(v) for v in row[width:]):
            return line, len(row)
    return 1, width + 1


def _numbered(reader):
    for row in reader:
        yield reader.line_num, row


def _read_body(body: str, sep: str, width: int, options: dict):
    import pandas as pd

    names = range(width)
    if len(body) > _ARROW_FROM:     # large, regular files: the multi-threaded Arrow reader is several times faster
        try:
            arrow = {k: v for k, v in options.items() if k not in ("skip_blank_lines", "index_col")}
            frame = pd.read_csv(io.BytesIO(body.encode("utf-8")), sep=sep, engine="pyarrow", names=names, **arrow)
            return frame.dropna(how="all").reset_index(drop=True)
        except Exception:  # Arrow refuses some valid files (long fields across blocks, ragged rows): the C reader decides
            pass
    n_lines = body.count("\n")
    if n_lines < 200_000:
        return pd.read_csv(io.StringIO(body), sep=sep, names=names, **options)
    parts = []
    with progress_bar(n_lines, "read") as bar:
        for chunk in pd.read_csv(io.StringIO(body), sep=sep, names=names, chunksize=100_000, **options):
            parts.append(chunk)
            bar.update(len(chunk))
    return pd.concat(parts, ignore_index=True)


def _offset_of_line(text: str, n_lines: int) -> int:
    """The position where line ``n_lines + 1`` of ``text`` starts."""
    offset = 0
    for _ in range(n_lines):
        found = text.find("\n", offset)
        if found < 0:
            return len(text)
        offset = found + 1
    return offset


def _misshapen(body: str, sep, width: int, before: int, name: str, message: str) -> DataError:
    """The DataError for a text whose rows do not split into the header's columns."""
    if "EOF inside string" in message or "EOF" in message:
        reader = csv.reader(io.StringIO(body), delimiter=sep or ",")
        start = ended = 0
        try:
            for _ in reader:          # the last record is the one the open quote ran to the end of the file
                start, ended = ended + 1, reader.line_num
        except csv.Error:
            start = ended + 1
        return DataError("err_data_unclosed_quote", source=name, line=before + start,
                         fix_key="fix_data_unclosed_quote")
    found = re.search(r"line (\d+), saw (\d+)", message)
    line = before + int(found.group(1)) if found else before + 1
    fields = int(found.group(2)) if found else width + 1
    return DataError("err_data_ragged", source=name, line=line, fields=fields, width=width,
                     sep=_sep_name(sep), fix_key="fix_data_ragged")


def _sep_name(sep) -> str:
    return {"\t": "TAB", None: "whitespace"}.get(sep, sep)


# --- Excel ------------------------------------------------------------------------------------

def _pick_sheet(heads: dict, sheet, name: str):
    """The sheet to read: the one asked for, else the one whose header names the most roles."""
    titles = list(heads)
    if isinstance(sheet, int):
        if not 0 <= sheet < len(titles):
            raise DataError("err_data_no_sheet", source=name, sheet=sheet,
                            sheets=_listing(titles), fix_key="fix_data_sheet")
        return titles[sheet], []
    if isinstance(sheet, str):
        if sheet not in heads:
            raise DataError("err_data_no_sheet", source=name, sheet=sheet, sheets=_listing(titles),
                            fix_key="fix_data_sheet")
        return sheet, []
    from helpers.data.columns import role_of

    def score(title):
        grid = heads[title]
        if not any(any(not blank(v) for v in row) for row in grid):
            return (-1,)
        start, n = find_header(grid)
        roles = {role_of(h) for h in column_names(grid, start, n)[0]} - {None}
        return (len(roles & {"customer_id", "order_date", "amount"}), len(roles))

    scores = {title: score(title) for title in titles}
    chosen = max(titles, key=lambda title: (scores[title], -titles.index(title)))
    if scores[chosen] == (-1,):
        raise DataError("err_data_empty", source=name, fix_key="fix_data_empty")
    notes = [("note_data_sheet_chosen", {"sheet": chosen, "others": _listing([t for t in titles if t != chosen])})]
    return chosen, (notes if len(titles) > 1 else [])


def _listing(items) -> str:
    return ", ".join(f"'{i}'" for i in items)


def _shown(value, number_format: str | None):
    """A numeric cell formatted with leading zeros (``000123``) is read as the text Excel shows."""
    if number_format and isinstance(value, (int, float)) and not isinstance(value, bool) \
            and float(value).is_integer() and _ZERO_PADDED.match(number_format):
        return str(int(value)).zfill(len(number_format.split(";")[0]))
    return value


def _xlsx_grid(raw: bytes, name: str, sheet):
    import openpyxl
    from openpyxl.utils.datetime import MAC_EPOCH

    try:
        book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many types for a damaged or foreign file
        raise DataError("err_data_damaged", source=name, what="Excel", fix_key="fix_data_damaged") from None
    try:
        sheets = {ws.title: ws for ws in book.worksheets}
        if not sheets:
            raise DataError("err_data_empty", source=name, fix_key="fix_data_empty")
        heads = {title: [[c for c in row] for row in ws.iter_rows(max_row=SCAN_ROWS + 2, values_only=True)]
                 for title, ws in sheets.items()}
        title, notes = _pick_sheet(heads, sheet, name)
        ws = sheets[title]
        uncached = _uncached_formulas(raw, ws)
        if uncached:
            raise DataError("err_data_formulas_uncalculated", source=name, sheet=title, n=uncached,
                            fix_key="fix_data_formulas_uncalculated")
        grid = []
        with progress_bar(ws.max_row, "read") as bar:
            for row in ws.iter_rows():
                grid.append([_shown(c.value, getattr(c, "number_format", None)) for c in row])
                bar.update(1)
        system = 1904 if book.epoch == MAC_EPOCH else 1900
    finally:
        book.close()
    return grid, title, system, notes


def _uncached_formulas(raw: bytes, ws) -> int:
    """Formula cells of the sheet with no value stored (written by a program, never calculated)."""
    path = getattr(ws, "_worksheet_path", None)
    if not path:
        return 0
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        return len(_UNCACHED_FORMULA.findall(archive.read(path)))


def _xls_grid(raw: bytes, name: str, sheet):
    import xlrd

    try:
        book = xlrd.open_workbook(file_contents=raw, formatting_info=True, on_demand=True)
    except Exception:  # xlrd raises many types for a damaged or foreign file
        raise DataError("err_data_damaged", source=name, what="Excel .xls", fix_key="fix_data_damaged") from None
    sheets = {s.name: s for s in book.sheets()}
    heads = {title: [[_xls_value(book, s, r, c) for c in range(s.ncols)] for r in range(min(s.nrows, SCAN_ROWS + 2))]
             for title, s in sheets.items()}
    title, notes = _pick_sheet(heads, sheet, name)
    s = sheets[title]
    grid = [[_xls_value(book, s, r, c) for c in range(s.ncols)] for r in range(s.nrows)]
    return grid, title, 1904 if book.datemode else 1900, notes


def _xls_value(book, s, r: int, c: int):
    import xlrd

    cell = s.cell(r, c)
    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return None
    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate_as_datetime(cell.value, book.datemode)
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return None if cell.value == 0 else f"#DATE({cell.value})"
    if cell.ctype == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(cell.value, "#ERROR")
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return bool(cell.value)
    if cell.ctype == xlrd.XL_CELL_NUMBER:
        fmt = book.format_map.get(book.xf_list[cell.xf_index].format_key)
        value = int(cell.value) if float(cell.value).is_integer() else cell.value
        return _shown(value, fmt.format_str if fmt else None)
    return cell.value


# --- from a grid of cells to a frame ------------------------------------------------------------

def _header(grid, name: str, header_row: int | None):
    if header_row is not None and not 1 <= header_row <= len(grid):
        raise DataError("err_data_header_row", source=name, row=header_row, n=len(grid), fix_key="fix_data_header_row")
    start, n_rows = find_header(grid, header_row)
    if start >= len(grid) or all(blank(v) for v in grid[start]):
        raise DataError("err_data_header_row_empty", source=name, row=start + 1, fix_key="fix_data_header_row")
    return start, n_rows


def _frame_from_grid(grid, name: str, header_row: int | None, info: dict):
    import pandas as pd

    start, n_rows = _header(grid, name, header_row)
    body = [row for row in grid[start + n_rows:] if any(not blank(v) for v in row)]
    width = max([len(r) for r in grid[start:start + n_rows]] + [len(r) for r in body] + [0])
    names, _ = column_names(grid, start, n_rows, width)
    frame = pd.DataFrame([list(r) + [None] * (width - len(r)) for r in body], columns=range(width), dtype=object)
    info["header_row"] = start + 1
    frame = _finish(frame, names, start, n_rows, name, info)
    filled = [i for i, row in enumerate(grid) if any(not blank(v) for v in row)]
    inner_blank = filled[-1] - (start + n_rows - 1) - len(body) if body else 0
    if inner_blank:
        info["notes"].append(("note_data_blank_rows", {"n": inner_blank}))
    return frame


def _finish(frame, names: list, start: int, n_rows: int, name: str, info: dict):
    """Name the columns: drop empty unnamed ones, name the other unnamed ones, refuse duplicates."""
    import pandas as pd

    width = frame.shape[1]
    names = list(names) + [""] * (width - len(names))
    empty = [j for j in range(width) if not names[j] and frame[j].map(blank).all()]
    frame = frame.drop(columns=empty)
    unnamed = [j for j in frame.columns if not names[j]]
    for j in unnamed:
        names[j] = f"column_{j + 1}"
    if unnamed:
        info["notes"].append(("note_data_unnamed_columns", {"columns": ", ".join(names[j] for j in unnamed)}))
    kept = [names[j] for j in frame.columns]
    seen: dict = {}
    for j, header in zip(frame.columns, kept):
        seen.setdefault(header, []).append(j)
    duplicated = {h: js for h, js in seen.items() if len(js) > 1}
    if duplicated:
        from openpyxl.utils import get_column_letter

        header, js = next(iter(duplicated.items()))
        raise DataError("err_data_duplicate_header", source=name, column=header,
                        positions=", ".join(get_column_letter(j + 1) for j in js), fix_key="fix_data_duplicate_header")
    frame.columns = pd.Index(kept, dtype=object)
    if start or n_rows > 1:
        key = "note_data_header_rows" if n_rows > 1 else "note_data_header_row"
        info["notes"].append((key, {"row": start + 1, "last": start + n_rows, "skipped": start}))
    return frame.reset_index(drop=True)


def _inferred(frame):
    """Columns whose every value is a number (and no text with a leading zero, as ids have) as numbers."""
    import pandas as pd

    out = frame.copy()
    for column in out.columns:
        values = out[column]
        if pd.api.types.is_numeric_dtype(values) or pd.api.types.is_datetime64_any_dtype(values):
            continue
        present = values[~values.map(blank)]
        if present.empty or present.map(lambda v: isinstance(v, (_dt.date, _dt.time, bool))).any():
            continue
        text = present.astype(str).str.strip()
        if text.str.match(r"^-?0\d").any():
            continue
        numbers = pd.to_numeric(text, errors="coerce")
        if numbers.notna().all():
            out[column] = pd.to_numeric(values.where(~values.map(blank)), errors="coerce")
            if (out[column].dropna() % 1 == 0).all() and out[column].notna().all():
                out[column] = out[column].astype("int64")
    return out
