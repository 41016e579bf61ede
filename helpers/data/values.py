"""Turning raw cell values into ids, numbers and dates, counting what had to be interpreted.

Each parser returns the parsed Series (missing where a value cannot be read) and a dict of
facts for the load report. Policies (documented and tested):

* ids: text with surrounding spaces removed; whole-number floats (``17850.0``) become ``17850``.
* numbers: plain numbers first; then currency signs (¥ ￥ $ € £, RMB, CNY, 元) and thousands
  separators (``1,200``) are removed; anything else (``N/A``, ``1,5``) is not a number.
* dates: ``date_format=`` when given; else ``YYYYMMDD`` digits, ISO 8601 (``-``, ``/``, ``.`` or
  年月日 separators), then ``d/m/Y`` or ``m/d/Y`` when the values themselves show the order (some
  first part > 12, or some second part > 12). If they do not, or show both, a DataError names the
  rows. Time-zone offsets (``+08:00``, ``Z``) are dropped: each value keeps its local wall time.

    >>> import pandas as pd
    >>> parse_numbers(pd.Series(["¥1,200", "3.5", "N/A"]))[0].tolist()
    [1200.0, 3.5, nan]
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from helpers.errors import DataError

__all__ = ["parse_ids", "parse_numbers", "parse_dates"]

_CURRENCY = r"[¥￥$€£\s]|RMB|CNY|元"
_THOUSANDS = r"^-?\d{1,3}(,\d{3})+(\.\d+)?$"
_TZ_SUFFIX = r"(?<=\d)(?:Z|[+-]\d\d:?\d\d)$"
_DMY = r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(.*)$"


def _text(values: pd.Series) -> pd.Series:
    """Values as stripped text, missing where empty."""
    text = values.astype("str").str.strip()
    return text.mask(values.isna() | (text == ""))


def parse_ids(values: pd.Series) -> tuple[pd.Series, dict]:
    """Ids as text; whole-number floats lose their ``.0`` (Excel and R write ids as floats).

    >>> parse_ids(pd.Series([17850.0, None]))[0].tolist()
    ['17850', nan]
    """
    if pd.api.types.is_float_dtype(values) and (values.dropna() % 1 == 0).all():
        return _text(values.astype("Int64")), {"ids_from_float": int(values.notna().sum())}
    text = _text(values)
    if text.notna().any() and text.dropna().str.fullmatch(r"\d+\.0").all():
        return text.str.slice(0, -2), {"ids_from_float": int(text.notna().sum())}
    return text, {}


def parse_numbers(values: pd.Series) -> tuple[pd.Series, dict]:
    """Numbers as float; currency signs and thousands separators removed (counted).

    >>> numbers, facts = parse_numbers(pd.Series(["1,200", "3"]))
    >>> numbers.tolist(), facts
    ([1200.0, 3.0], {'numbers_cleaned': 1})
    """
    if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
        return values.astype("float64"), {}
    numbers = pd.to_numeric(values, errors="coerce").astype("float64")
    text = _text(values)
    retry = numbers.isna() & text.notna()
    if retry.any():
        cleaned = text[retry].str.replace(_CURRENCY, "", regex=True)
        cleaned = cleaned.where(~cleaned.str.fullmatch(_THOUSANDS), cleaned.str.replace(",", ""))
        numbers[retry] = pd.to_numeric(cleaned, errors="coerce")
    rescued = int((retry & numbers.notna()).sum())
    return numbers.astype("float64"), ({"numbers_cleaned": rescued} if rescued else {})


def parse_dates(values: pd.Series, date_format: str | None = None, column: str = "order_date"):
    """Naive ``datetime64[ns]`` dates (missing where unreadable) and facts about what was read.

    ``date_format`` (e.g. ``"%d/%m/%Y"``) fixes the format; ``column`` is the column the values
    came from, named in the DataError when their day/month order cannot be told.

    >>> parse_dates(pd.Series(["2024-01-05 10:00+08:00", "20240106"]))[0].dt.day.tolist()
    [5, 6]
    >>> parse_dates(pd.Series(["13/01/2024", "02/01/2024"]))[1]
    {'dates_day_first': 2}
    """
    if isinstance(values.dtype, pd.DatetimeTZDtype):
        return values.dt.tz_localize(None).astype("datetime64[ns]"), {"tz_dropped": int(values.notna().sum())}
    if pd.api.types.is_datetime64_dtype(values):
        return values.astype("datetime64[ns]"), {}
    text = _text(values.astype("Int64") if pd.api.types.is_integer_dtype(values) else values)
    # Dates repeat a lot (one per order line): parse each distinct text once.
    codes, uniques = pd.factorize(text)
    if len(uniques) == 0:
        return pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns]"), {}
    dates, marks = _parse_texts(pd.Series(uniques, dtype="str"), date_format)
    rows_with = {name: np.isin(codes, np.flatnonzero(mark.to_numpy())) for name, mark in marks.items()}
    for key in ("err_data_dates_conflicting", "err_data_dates_ambiguous"):
        if key in rows_with:
            raise DataError(key, column=column, rows=(np.flatnonzero(rows_with[key]) + 1).tolist(),
                            fix_key="fix_data_date_format")
    facts = {name: int(hit.sum()) for name, hit in rows_with.items() if hit.any()}
    taken = dates.to_numpy()[np.where(codes >= 0, codes, 0)]
    return pd.Series(np.where(codes >= 0, taken, np.datetime64("NaT")), index=values.index,
                     dtype="datetime64[ns]"), facts


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
    return pd.to_datetime(text, errors="coerce", **kw).astype("datetime64[ns]")


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
