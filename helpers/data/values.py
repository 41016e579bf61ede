"""Turning raw cell values into ids, numbers and dates, counting what had to be interpreted.

Each parser returns a :class:`Parsed`: the parsed Series (missing where a value cannot be read),
``facts`` (counts for the notes of the load report) and ``flags`` (exclusion reason → mask of the
values that are read but unusable). Policies (documented and tested):

* ids: text with surrounding spaces removed, exactly as shown otherwise (leading zeros kept);
  ``="0123"`` and ``'0123`` (spreadsheet tricks to keep zeros) lose the wrapper; whole-number
  floats (``17850.0``, or the text ``"17850.0"``) become ``17850`` — the same customer as
  ``17850``; ``NULL``, ``N/A``, ``-`` and the like are missing. Ids Excel turned into
  scientific notation (``1.23457E+17``) or stored as numbers of more than 15 digits have lost
  digits: a DataError names the rows.
* numbers: full-width characters normalised (``１２３``), currency signs and codes (¥ ￥ $ € £, RMB,
  CNY, 元 …) and spaces removed, ``(12.50)`` and ``12.50-`` read as negative. A column uses one
  decimal convention: ``1,234.50`` (decimal point) unless some value shows a decimal comma
  (``1.234,50``, ``12,5``), then every value is read that way (``1.500`` = 1500); a column mixing
  both is refused with the rows. Infinite values and absolute values of :data:`MAX_AMOUNT` or more
  are flagged ``excl_absurd_amount``.
* dates: ``date_format=`` when given; else Excel date cells, Excel serial numbers (``45292``; the
  workbook's 1900 or 1904 ``date_system``), ``YYYYMMDD`` digits, ISO 8601 (``-``, ``/``, ``.``
  or 年月日 separators), then ``d/m/Y`` or ``m/d/Y`` when the values themselves show the order
  (some first part > 12, or some second part > 12). If they do not, or show both, a DataError
  names the rows. Time-zone offsets (``+08:00``, ``Z``) are dropped: each value keeps its local
  wall time. Dates outside :data:`DATE_RANGE` — the placeholders systems write for "unknown"
  (``1900-01-01``, ``1970-01-01``, ``0000-00-00``, ``9999-12-31``) — are flagged
  ``excl_date_out_of_range``.

    >>> import pandas as pd
    >>> parse_numbers(pd.Series(["¥1,200", "3.5", "N/A"]))[0].tolist()
    [1200.0, 3.5, nan]
"""
from __future__ import annotations

import datetime as _dt
import unicodedata
from typing import NamedTuple

import numpy as np
import pandas as pd

from helpers.errors import DataError

__all__ = ["Parsed", "parse_ids", "parse_numbers", "parse_dates", "MAX_AMOUNT", "DATE_RANGE"]

#: Amounts (and quantities, unit prices) of this absolute size or more are not real: 1 trillion.
MAX_AMOUNT = 1e12
#: Usable dates lie strictly between these two placeholders (the Unix epoch and "2099-12-31").
DATE_RANGE = (pd.Timestamp("1970-01-01"), pd.Timestamp("2099-12-31"))
MISSING_TOKENS = frozenset({"null", "none", "nan", "nat", "n/a", "na", "#n/a", "-", "--", "—", "无", "空"})
_CURRENCY = r"[¥$€£\s\u00a0\u2009\u202f']|RMB|CNY|USD|HKD|EUR|GBP|人民币|元"
_TZ_SUFFIX = r"(?<=\d)(?:Z|[+-]\d\d:?\d\d)$"
_DMY = r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(.*)$"
_SERIAL = r"^\d{5}(\.\d+)?$"
_YEAR_FIRST = r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})"
_EXCEL_DAY0 = {1900: pd.Timestamp("1899-12-30"), 1904: pd.Timestamp("1904-01-01")}
_EXACT_DIGITS = 15          # Excel keeps 15 significant digits of a number


class Parsed(NamedTuple):
    """A parser's result: ``values``, ``facts`` (name → count) and ``flags`` (reason → mask).

    >>> values, facts, flags = parse_numbers(pd.Series(["inf", "5"]))
    >>> values.tolist(), flags["excl_absurd_amount"].tolist()
    ([nan, 5.0], [True, False])
    """

    values: pd.Series
    facts: dict
    flags: dict


def _text(values: pd.Series) -> pd.Series:
    """Values as stripped text, missing where empty."""
    text = values.astype("str").str.strip()
    return text.mask(values.isna() | (text == ""))


def _is_number(v) -> bool:
    return isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, (bool, np.bool_))


def parse_ids(values: pd.Series, column: str = "customer_id") -> Parsed:
    """Ids as text, as the file shows them (see the module's policies); ``column`` names the column
    in the DataError about ids whose digits were lost.

    >>> parse_ids(pd.Series([17850.0, None, "17850", "=\\"007\\""])).values.tolist()
    ['17850', nan, '17850', '007']
    """
    facts: dict = {}
    if pd.api.types.is_float_dtype(values) or values.dtype == object:
        numbers = values.map(lambda v: float(v) if _is_number(v) else np.nan)
        long = numbers.abs() >= 10 ** _EXACT_DIGITS
        if long.any():
            raise DataError("err_data_ids_digits_lost", column=column, rows=_rows(long),
                            example=f"{numbers[long].iloc[0]:.0f}", fix_key="fix_data_ids_as_text")
        whole = numbers.notna() & (numbers % 1 == 0)
        if pd.api.types.is_float_dtype(values) and whole.any():
            facts["ids_from_float"] = int(whole.sum())
        values = values.astype(object).where(~whole, numbers.map(lambda v: str(int(v)) if v == v else v))
    text = _text(values)
    short = text.str.len() <= max(map(len, MISSING_TOKENS))      # cheap filters first: ids are many
    text = text.mask(short & text.str.lower().isin(MISSING_TOKENS))
    wrapped = narrowed(text, text.str.startswith(("=", "'"), na=False),
                        lambda s: s.str.match(r'^(=?"[^"]*"|=[^"=]+|\'[^\']+)$', na=False))
    if wrapped.any():
        text = text.where(~wrapped, text.str.replace(r'^(=?"|=|\')|"$', "", regex=True).str.strip())
        facts["ids_unwrapped"] = int(wrapped.sum())
    scientific = narrowed(text, text.str.contains("+", regex=False, na=False),
                           lambda s: s.str.fullmatch(r"\d(\.\d+)?[eE]\+\d+", na=False))
    if scientific.any():
        raise DataError("err_data_ids_scientific", column=column, rows=_rows(scientific),
                        example=text[scientific].iloc[0], fix_key="fix_data_ids_as_text")
    floaty = narrowed(text, text.str.endswith("0", na=False), lambda s: s.str.fullmatch(r"\d+\.0+", na=False))
    if floaty.any():
        text = text.where(~floaty, text.str.replace(r"\.0+$", "", regex=True))
        facts["ids_from_float"] = facts.get("ids_from_float", 0) + int(floaty.sum())
    return Parsed(text, facts, {})


def narrowed(text: pd.Series, candidates: pd.Series, test) -> pd.Series:
    """``candidates`` kept where ``test`` (a regex check, slow) holds for their text: the cheap
    filter runs on every value, the slow test on the few it lets through.

    >>> text = pd.Series(["1.0", "10", None])
    >>> narrowed(text, text.str.endswith("0", na=False), lambda s: s.str.fullmatch(r"\\d+\\.0+")).tolist()
    [True, False, False]
    """
    hits = candidates.to_numpy(dtype=bool, copy=True)
    where = np.flatnonzero(hits)
    if len(where):
        hits[where] = test(text.iloc[where]).to_numpy(dtype=bool)
    return pd.Series(hits, index=text.index)


def _rows(mask: pd.Series) -> list[int]:
    return (np.flatnonzero(mask.to_numpy(dtype=bool)) + 1).tolist()


# --- numbers ------------------------------------------------------------------------------------

def _convention(core: pd.Series) -> pd.Series:
    """Per value: 'us' (decimal point), 'eu' (decimal comma), 'dot3'/'comma3' (could be either), ''."""
    has_dot, has_comma = core.str.contains(".", regex=False), core.str.contains(",", regex=False)
    last_dot, last_comma = core.str.rfind("."), core.str.rfind(",")
    kind = pd.Series("", index=core.index, dtype=object)
    both = has_dot & has_comma
    kind[both & (last_dot > last_comma)] = "us"
    kind[both & (last_comma > last_dot)] = "eu"
    only_dot, only_comma = has_dot & ~has_comma, has_comma & ~has_dot
    kind[only_dot] = np.where(core[only_dot].str.fullmatch(r"[1-9]\d{0,2}\.\d{3}"), "dot3",
                              np.where(core[only_dot].str.fullmatch(r"[1-9]\d{0,2}(\.\d{3}){2,}"), "eu", "us"))
    kind[only_comma] = np.where(core[only_comma].str.fullmatch(r"[1-9]\d{0,2},\d{3}"), "comma3",
                                np.where(core[only_comma].str.fullmatch(r"[1-9]\d{0,2}(,\d{3}){2,}"), "us", "eu"))
    return kind


def parse_numbers(values: pd.Series, column: str = "amount") -> Parsed:
    """Numbers as float (see the module's policies); ``column`` names the column in DataErrors.

    >>> numbers, facts, flags = parse_numbers(pd.Series(["1,200", "3"]))
    >>> numbers.tolist(), facts
    ([1200.0, 3.0], {'numbers_cleaned': 1})
    >>> parse_numbers(pd.Series(["1.234,50", "1.500"])).values.tolist()
    [1234.5, 1500.0]
    """
    facts: dict = {}
    if pd.api.types.is_bool_dtype(values):
        values = values.astype(object)
    if pd.api.types.is_numeric_dtype(values):
        numbers = values.astype("float64")
    else:
        if values.dtype == object:
            numbers = values.map(lambda v: float(v) if _is_number(v) else np.nan).astype("float64")
            text = _text(values.where(values.map(lambda v: isinstance(v, str))))
        else:
            numbers, text = pd.Series(np.nan, index=values.index), _text(values)
        text = text.dropna()
        short = text.str.len() <= max(map(len, MISSING_TOKENS))
        text = text[~(short & text.str.lower().isin(MISSING_TOKENS))]
        if len(text):
            parsed, facts = _numbers_from_text(text, column, values.index)
            numbers[parsed.index] = parsed
    absurd = ~np.isfinite(numbers) & numbers.notna() | (numbers.abs() >= MAX_AMOUNT)
    numbers = numbers.mask(absurd)
    return Parsed(numbers, facts, {"excl_absurd_amount": absurd})


def _numbers_from_text(text: pd.Series, column: str, index: pd.Index):
    """Numbers of non-missing texts, and the facts of what had to be interpreted."""
    fast = pd.to_numeric(text, errors="coerce").astype("float64")
    plain = fast.notna() & ~text.str.contains(r"[^0-9.+-]", na=True)
    if plain.all():      # the common case, fast: plain numbers, and no decimal comma elsewhere to weigh them against
        return fast, {}
    if not text[~plain].str.contains(r",|\..*\.").any():      # no value could show a decimal comma
        parsed, facts = _numbers_from_text_all(text[~plain], column, index)
        return pd.concat([fast[plain], parsed]).reindex(text.index), facts
    return _numbers_from_text_all(text, column, index)


def _numbers_from_text_all(text: pd.Series, column: str, index: pd.Index):
    """:func:`_numbers_from_text` for texts that need cleaning or weighing of decimal conventions."""
    facts: dict = {}
    special = text.str.fullmatch(r"[+-]?(inf|infinity|nan|\d+(\.\d+)?[eE][+-]?\d+)", case=False)
    normal = text.where(text.map(str.isascii), text.map(lambda s: unicodedata.normalize("NFKC", s)))
    normal = normal.str.replace("−", "-", regex=False)
    bare = normal.str.replace(_CURRENCY, "", regex=True)
    negative = bare.str.fullmatch(r"\(.*\)|-.*|.*\d-")
    core = bare.str.strip("()+-")
    readable = core.str.fullmatch(r"\d[\d.,]*|[.,]\d+") & ~special
    kind = _convention(core.where(readable, ""))
    eu, us = kind == "eu", kind == "us"
    if eu.any() and us.any():
        fewer = eu if eu.sum() <= us.sum() else us
        raise DataError("err_data_decimal_mixed", column=column, rows=np.flatnonzero(index.isin(kind.index[fewer])) + 1,
                        point=text[us].iloc[0], comma=text[eu].iloc[0], fix_key="fix_data_decimal_mixed")
    if eu.any():
        digits = core.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
        facts["decimal_comma"] = int(readable.sum())
    else:
        digits = core.str.replace(",", "", regex=False)
    parsed = pd.to_numeric(digits.where(readable), errors="coerce").astype("float64")
    parsed = parsed.where(~negative, -parsed)
    parsed[special] = pd.to_numeric(text[special], errors="coerce")
    plain = text.str.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)")
    cleaned = int((parsed.notna() & ~plain & ~special).sum())
    if cleaned:
        facts["numbers_cleaned"] = cleaned
    return parsed, facts


# --- dates --------------------------------------------------------------------------------------

def parse_dates(values: pd.Series, date_format: str | None = None, column: str = "order_date",
                date_system: int = 1900) -> Parsed:
    """Naive ``datetime64[ns]`` dates (missing where unreadable or out of range), facts and flags.

    ``date_format`` (e.g. ``"%d/%m/%Y"``) fixes the format of text dates; ``column`` is the column
    the values came from, named in the DataError when their day/month order cannot be told;
    ``date_system`` is the workbook's Excel date system (1900, or 1904 for old Mac workbooks) that
    serial numbers count in.

    >>> parse_dates(pd.Series(["2024-01-05 10:00+08:00", "20240106"])).values.dt.day.tolist()
    [5, 6]
    >>> parse_dates(pd.Series(["13/01/2024", "02/01/2024"])).facts
    {'dates_day_first': 2}
    >>> parse_dates(pd.Series([45292, "9999-12-31"])).flags["excl_date_out_of_range"].tolist()
    [False, True]
    """
    if isinstance(values.dtype, pd.DatetimeTZDtype):
        return _in_range(values.dt.tz_localize(None).astype("datetime64[ns]"), {"tz_dropped": int(values.notna().sum())},
                         pd.Series(False, index=values.index))
    if pd.api.types.is_datetime64_dtype(values):
        return _in_range(values.astype("datetime64[ns]"), {}, pd.Series(False, index=values.index))
    out = pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns]")
    outside = pd.Series(False, index=values.index)
    facts: dict = {}
    if values.dtype == object:
        kinds = values.map(lambda v: "date" if isinstance(v, (_dt.date, pd.Timestamp))
                           else "number" if _is_number(v) else "other")
    elif pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
        kinds = pd.Series("number", index=values.index).where(values.notna(), "other")
    else:
        kinds = pd.Series("other", index=values.index)
    stamps = values[kinds == "date"]
    if len(stamps):
        converted = stamps.map(_timestamp)
        outside[stamps.index] = converted.isna()
        out[stamps.index] = converted.astype("datetime64[ns]")
    serials = values[kinds == "number"].astype("float64")
    ymd = (serials % 1 == 0) & (serials >= 10_000_000) & (serials < 100_000_000)    # 20240105: YYYYMMDD
    as_text = values.where(kinds == "other").astype(object)
    as_text[serials.index[ymd]] = serials[ymd].astype("int64").astype(str)
    serials = serials[~ymd]
    text = _text(as_text)
    serial_text = text.str.fullmatch(_SERIAL, na=False)
    serials = pd.concat([serials, text[serial_text].astype("float64")])
    if len(serials):
        out[serials.index], outside[serials.index] = _from_serials(serials, date_system)
        facts["dates_serial"] = int(serials.notna().sum())
        text = text.mask(serial_text)
    if text.notna().any():
        dates, text_facts, text_outside = _parse_text_dates(text, date_format, column)
        filled = text.notna()
        out[filled] = dates[filled]
        outside |= text_outside
        facts.update(text_facts)
    facts = {k: v for k, v in facts.items() if v}
    return _in_range(out, facts, outside)


def _timestamp(value):
    try:
        stamp = pd.Timestamp(value)
        return (stamp.tz_localize(None) if stamp.tzinfo else stamp).as_unit("ns")
    except (ValueError, OverflowError, pd.errors.OutOfBoundsDatetime):
        return pd.NaT


def _from_serials(serials: pd.Series, date_system: int):
    """Excel serial day numbers (fractions are times of day) → dates, and the mask of impossible ones."""
    bad = ~np.isfinite(serials) | (serials < 61) | (serials > 2_958_465)      # before 1900-03-01 or after 9999
    days = serials.where(~bad, 0)
    dates = (_EXCEL_DAY0[date_system] + pd.to_timedelta(days, unit="D")).dt.round("s")
    return dates.where(~bad).astype("datetime64[ns]"), bad


def _in_range(dates: pd.Series, facts: dict, outside: pd.Series) -> Parsed:
    low, high = DATE_RANGE
    outside = outside | (dates.notna() & ((dates <= low) | (dates >= high)))
    return Parsed(dates.mask(outside), facts, {"excl_date_out_of_range": outside})


def _parse_text_dates(text: pd.Series, date_format: str | None, column: str):
    """Dates of texts (missing ones stay missing), facts, and the mask of out-of-range texts."""
    # Dates repeat a lot (one per order line): parse each distinct text once.
    codes, uniques = pd.factorize(text)
    uniq = pd.Series(uniques, dtype="str")
    dates, marks = _parse_texts(uniq, date_format)
    parts = uniq.str.extract(_YEAR_FIRST).astype(float)
    marks["out_of_range"] = dates.isna() & parts[0].notna() & (
        (parts[0] < 1678) | (parts[0] > 2261) | (parts[1] == 0) | (parts[2] == 0))
    rows_with = {name: np.isin(codes, np.flatnonzero(mark.to_numpy())) for name, mark in marks.items()}
    for key in ("err_data_dates_conflicting", "err_data_dates_ambiguous"):
        if key in rows_with and rows_with[key].any():
            raise DataError(key, column=column, rows=(np.flatnonzero(rows_with[key]) + 1).tolist(),
                            fix_key="fix_data_date_format")
    outside = pd.Series(rows_with.pop("out_of_range"), index=text.index)
    facts = {name: int(hit.sum()) for name, hit in rows_with.items() if hit.any()}
    taken = dates.to_numpy()[np.where(codes >= 0, codes, 0)]
    return (pd.Series(np.where(codes >= 0, taken, np.datetime64("NaT")), index=text.index, dtype="datetime64[ns]"),
            facts, outside)


def _parse_texts(text: pd.Series, date_format: str | None):
    """Dates of distinct, non-missing texts and masks of the texts each interpretation applied to."""
    marks = {"tz_dropped": text.str.contains(r"\d:\d\d") & text.str.contains(_TZ_SUFFIX)}
    text = text.where(~marks["tz_dropped"], text.str.replace(_TZ_SUFFIX, "", regex=True))
    if date_format:
        return _to_datetime(text, format=date_format), marks
    digits8 = text.str.fullmatch(r"\d{8}")
    dates = _to_datetime(text.where(~digits8), format="ISO8601")
    dates[digits8] = _to_datetime(text[digits8], format="%Y%m%d")
    retry = dates.isna()
    if retry.any():
        dates[retry] = _to_datetime(_iso_separators(text[retry]), format="ISO8601")
    retry = dates.isna()
    if retry.any():
        dates[retry], order = _day_month(text[retry])
        marks.update({name: mark.reindex(text.index, fill_value=False) for name, mark in order.items()})
    return dates, marks


def _to_datetime(text: pd.Series, **kw) -> pd.Series:
    """Parsed dates in nanoseconds; a date beyond what they hold (year 2262 and later) is missing."""
    parsed = pd.to_datetime(text, errors="coerce", **kw)
    if parsed.dtype != "datetime64[ns]":
        parsed = parsed.where((parsed >= pd.Timestamp.min) & (parsed <= pd.Timestamp.max))
    return parsed.astype("datetime64[ns]")


def _iso_separators(text: pd.Series) -> pd.Series:
    """``2024/01/05``, ``2024.01.05`` and ``2024年1月5日`` in ISO form (zero-padded)."""
    text = text.str.replace(r"[年月]", "-", regex=True).str.replace("日", "", regex=False)
    parts = text.str.extract(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(.*)$")
    return parts[0] + "-" + parts[1].str.zfill(2) + "-" + parts[2].str.zfill(2) + parts[3].str.rstrip()


def _day_month(text: pd.Series):
    """``d/m/Y`` or ``m/d/Y`` dates when the values show which; else a mask of the undecidable ones."""
    parts = text.str.extract(_DMY)
    matched = parts[0].notna()
    first, second = parts[0][matched].astype(int), parts[1][matched].astype(int)
    day_first, month_first = bool((first > 12).any()), bool((second > 12).any())
    missing = pd.Series(pd.NaT, index=text.index, dtype="datetime64[ns]")
    if not matched.any():
        return missing, {}
    if day_first == month_first:
        return missing, {"err_data_dates_conflicting" if day_first else "err_data_dates_ambiguous": matched}
    day, month = (parts[0], parts[1]) if day_first else (parts[1], parts[0])
    iso = parts[2] + "-" + month.str.zfill(2) + "-" + day.str.zfill(2) + parts[3].str.rstrip()
    return _to_datetime(iso, format="ISO8601"), {"dates_day_first" if day_first else "dates_month_first": matched}
