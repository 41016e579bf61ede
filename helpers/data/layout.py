"""Where the table starts in a sheet or text file: the header row (or two), and the column names.

Exports of Chinese POS, e-commerce and ERP systems put a title, an export time, filter settings or
blank rows above the header, often a two-row header (a group row with merged cells over the
column names, or a second row of English names), and totals below. :func:`find_header` looks at
the first :data:`SCAN_ROWS` rows of a grid (lists of cell values) and picks the row — or the
pair of rows — whose names stand for the most column roles (:func:`helpers.data.columns.role_of`);
a table without any known header starts at its first row of text labels as wide as the rows
below it. :func:`column_names` turns the header row(s) into names: a blank cell under a merged
group takes the group's name, a blank cell over data is named after its position.

    >>> grid = [["2024年6月 销售明细"], ["导出时间：2024-07-01"], [],
    ...         ["会员号", "下单时间", "实付金额"], ["007", "2024-06-01", "12.5"]]
    >>> find_header(grid)
    (3, 1)
    >>> column_names(grid, 3, 1)[0]
    ['会员号', '下单时间', '实付金额']
"""
from __future__ import annotations

import datetime as _dt
import re

from helpers.data.columns import role_of

__all__ = ["SCAN_ROWS"]      # machinery of the reader (helpers.data.files)

#: Rows searched for the header: title and notes blocks of real exports are far shorter.
SCAN_ROWS = 60
_NUMBER = re.compile(r"^[\s¥￥$€£+\-(]*\d[\d,.\s]*[)%]?\s*(元)?$")
_DATE = re.compile(r"^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}")


def blank(value) -> bool:
    """Whether a cell holds nothing (None, NaN or only spaces).

    >>> blank(None), blank("  "), blank(0)
    (True, True, False)
    """
    if value is None:
        return True
    if isinstance(value, float):
        return value != value
    return isinstance(value, str) and not value.strip()


def _label(value) -> bool:
    """A cell a header could hold: text that is not a number or a date."""
    if not isinstance(value, str):
        return False
    text = value.strip()
    return bool(text) and not _NUMBER.match(text) and not _DATE.match(text)


def _filled(row) -> list[int]:
    return [j for j, v in enumerate(row) if not blank(v)]


def _header_like(row) -> bool:
    filled = _filled(row)
    return bool(filled) and all(_label(row[j]) for j in filled)


def _roles(names) -> int:
    return len({r for r in (role_of(n) for n in names if n) if r})


def _text(value) -> str:
    if blank(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (_dt.datetime, _dt.date)):
        return value.isoformat()
    return " ".join(str(value).split())


def column_names(grid, start: int, n_rows: int, width: int | None = None) -> tuple[list[str], list[int]]:
    """The names of a header of ``n_rows`` rows (1 or 2) starting at row ``start`` (0-based).

    With two rows, a name is the lower cell, or the group above it when the lower cell is empty
    (a merged cell keeps its text in its first cell, so the group is carried to the right over the
    blank cells of the group row). Returns the names (``""`` where nothing names a column) and the
    positions of blank header cells that were filled from the group.

    >>> grid = [["订单号", "客户信息", None, "金额"], [None, "会员号", "姓名", None]]
    >>> column_names(grid, 0, 2)
    (['订单号', '会员号', '姓名', '金额'], [0, 3])
    """
    rows = [list(grid[start + k]) for k in range(n_rows)]
    width = width if width is not None else max(len(r) for r in rows)
    rows = [r + [None] * (width - len(r)) for r in rows]
    if n_rows == 1:
        return [_text(v) for v in rows[0][:width]], []
    top, bottom = rows
    group, filled_from_group, names = "", [], []
    for j in range(width):
        if not blank(top[j]):
            group = _text(top[j])
        if not blank(bottom[j]):
            names.append(_text(bottom[j]))
        else:
            names.append(_text(top[j]) if not blank(top[j]) else group)
            filled_from_group.append(j)
    return names, filled_from_group


def find_header(grid, header_row: int | None = None) -> tuple[int, int]:
    """``(first header row, number of header rows)`` of ``grid`` (0-based row, 1 or 2 rows).

    ``header_row`` (1-based, as the user counts rows) fixes the header to that one row. Otherwise
    every row (and pair of rows) among the first :data:`SCAN_ROWS` is scored by the distinct
    column roles its names stand for; the best wins, a single row over a pair when they tie,
    the earlier over the later. When no row names any role, the header is the first row of text
    labels at least as wide as most rows below it.

    >>> find_header([["订单信息", None, "金额信息"], ["订单号", "会员号", "实付金额"], ["1", "a", "2"]])
    (1, 1)
    >>> find_header([["Q1", "Q2"], ["5", "4"]])
    (0, 1)
    """
    if header_row is not None:
        return header_row - 1, 1
    scan = [list(r) for r in grid[:SCAN_ROWS]]
    candidates = []           # (roles named, two rows, earlier) → (row, rows)
    for i, row in enumerate(scan):
        if len(_filled(row)) < 2 or not _header_like(row):
            continue
        single = _roles(column_names(scan, i, 1)[0])
        candidates.append(((single, 0, -i), (i, 1)))
        if i + 2 < len(scan) and _header_like(scan[i + 1]) and not _header_like(scan[i + 2]):
            pair = _roles(column_names(scan, i, 2)[0])
            if _two_row_header(scan[i], scan[i + 1], single):
                candidates.append(((pair, 1, -i), (i, 2)))
    if candidates:
        key, where = max(candidates, key=lambda c: c[0])
        if key[0] > 0:
            return where
    return _first_label_row(scan), 1


def _two_row_header(top, bottom, top_roles: int) -> bool:
    """Whether two rows of labels form one header: a group row over names (merged cells leave the
    lower cell of some column blank) or names in two languages (both rows name roles)."""
    width = max(len(top), len(bottom))
    top, bottom = list(top) + [None] * (width - len(top)), list(bottom) + [None] * (width - len(bottom))
    merged = any(not blank(a) and blank(b) for a, b in zip(top, bottom))
    return merged or (top_roles > 0 and _roles(_text(v) for v in bottom) > 0)


def _first_label_row(scan) -> int:
    """The first row of text labels at least as wide as the typical row below it (else row 0)."""
    widths = [len(_filled(r)) for r in scan]
    for i, row in enumerate(scan):
        below = [w for w in widths[i + 1:] if w]
        if not below or not _header_like(row):
            continue
        typical = sorted(below)[len(below) // 2]
        if widths[i] >= max(2, typical) or (widths[i] >= 1 and typical == 1):
            return i
    return 0
