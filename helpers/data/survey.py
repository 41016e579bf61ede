"""Survey answers → a validated numeric frame, in one place for every survey measure.

Every satisfaction, SERVQUAL, Kano, reliability and loyalty function validates its answers here:
columns present, answers numeric, inside the scale, whole numbers when the scale is discrete, and
rows with a missing answer removed *listwise* with a count that is reported (a
:class:`~helpers.errors.DataWarning`, plus ``n_dropped`` on the result) — never silently.

    >>> from helpers.data.survey import validate_answers
    >>> ok = validate_answers([5, 4, 3], scale=(1, 5), integer=True)
    >>> ok.n, ok.n_dropped
    (3, 0)

Source: docs/methods.md §4 ("drop non-responses; report n; scale bounds are parameters").
"""
from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from helpers.errors import DataError, format_rows, warn
from helpers.i18n import has, t

__all__ = ["validate_answers", "as_frame", "reverse_scored"]

_KIT = Path(__file__).resolve().parents[1]   # the helpers package


@dataclass(frozen=True)
class Responses:
    """Answers kept after validation (positional index) and the 1-based rows deletion dropped.

    ``index`` holds the labels the kept rows had in the caller's Series or frame (positions for a
    list), so a per-respondent result can keep the respondent ids as its index.

    >>> from helpers.errors import collect_warnings
    >>> with collect_warnings():         # the dropped answer is reported as a DataWarning
    ...     ok = validate_answers(pd.Series([5, None, 3], index=["r1", "r2", "r3"]), scale=(1, 5))
    >>> ok.n, ok.dropped_rows, ok.index.tolist()
    (2, (2,), ['r1', 'r3'])
    """

    data: pd.DataFrame
    n_input: int
    dropped_rows: tuple[int, ...] = ()
    index: pd.Index | None = None

    @property
    def n(self) -> int:
        """Respondents used."""
        return len(self.data)

    @property
    def kept_rows(self) -> np.ndarray:
        """1-based input rows of the answers kept (to point errors at the caller's rows)."""
        return np.setdiff1d(np.arange(1, self.n_input + 1), self.dropped_rows)

    @property
    def n_dropped(self) -> int:
        """Respondents removed because an answer was missing."""
        return len(self.dropped_rows)


def data_rows(mask) -> list[int]:
    """1-based data-row numbers where ``mask`` is true (the numbers a DataError shows).

    >>> data_rows([False, True, True])
    [2, 3]
    """
    return (np.flatnonzero(np.asarray(mask, dtype=bool)) + 1).tolist()


def caller_stacklevel() -> int:
    """The ``stacklevel`` for :func:`helpers.errors.warn` that points at the first caller outside the kit.

    Counted for a ``warn`` called by the function that calls this one, so a notebook user sees
    the warning at their own line, however deep inside ``helpers`` it was raised. (``warn`` now
    does this by itself when no ``stacklevel`` is given.)

    >>> caller_stacklevel() >= 2
    True
    """
    frame, level = sys._getframe(1), 2
    while frame is not None and Path(frame.f_code.co_filename).resolve().is_relative_to(_KIT):
        frame, level = frame.f_back, level + 1
    return level


def check_scale(scale, name: str = "scale") -> tuple[float, float]:
    """``scale`` as (low, high) with low < high, else a :class:`~helpers.validation.ParameterError`.

    >>> check_scale((1, 5))
    (1, 5)
    """
    try:
        low, high = scale
        ordered = bool(low < high)
    except (TypeError, ValueError):
        ordered = False
    if not ordered:
        from helpers.validation import ParameterError

        raise ParameterError(name, t("param_increasing_pair"), scale)
    return low, high


def check_one_column(data, name: str) -> None:
    """A measure of one answer per respondent refuses a frame of several columns (a DataError).

    Scoring the first column and deleting respondents for blanks in the others would be silent
    and wrong; the message names the columns and asks for one.

    >>> check_one_column(pd.DataFrame({"nps": [9, 10]}), "nps")
    """
    if isinstance(data, pd.DataFrame) and data.shape[1] > 1:
        raise DataError("err_sat_several_columns", column=", ".join(map(str, data.columns[:12])),
                        fix_key="fix_sat_several_columns", measure=name)


def as_frame(data, item_cols: Sequence[str] | None = None, name: str = "rating") -> pd.DataFrame:
    """Answers as a frame of ``item_cols`` (a new object, positional index); 1-D input becomes column ``name``.

    >>> as_frame([4, 5], name="csat").columns.tolist()
    ['csat']
    """
    return _with_labels(data, item_cols, name)[0]


def _with_labels(data, item_cols, name) -> tuple[pd.DataFrame, pd.Index]:
    """The frame :func:`as_frame` returns and the row labels it had (positions for a list)."""
    if isinstance(data, pd.DataFrame):
        frame = data
    elif isinstance(data, pd.Series):
        frame = data.to_frame(name if data.name is None else data.name)
    else:
        if np.ndim(data) != 1:
            raise DataError("err_sat_shape", column=name, fix_key="fix_sat_shape", shape=np.shape(data))
        frame = pd.DataFrame({name: list(data)})
    columns = list(frame.columns) if item_cols is None else list(item_cols)
    for column in columns:
        if column not in frame.columns:
            raise DataError("err_sat_missing_column", column=column, fix_key="fix_sat_missing_column",
                            available=", ".join(map(str, frame.columns[:12])))
    return frame[columns].reset_index(drop=True), frame.index


def _blank(raw: pd.Series) -> pd.Series:
    """Empty or whitespace-only text counts as a missing answer, not as a wrong one."""
    return raw.map(lambda v: isinstance(v, str) and not v.strip()).astype(bool)


def numeric_answers(raw: pd.Series, column, scale, integer: bool) -> pd.Series:
    """One column of answers as floats, missing where blank; a DataError names the rows of a
    non-numeric, out-of-scale or (with ``integer``) fractional answer.

    >>> numeric_answers(pd.Series([9, None, " "]), "nps", (0, 10), True).tolist()
    [9.0, nan, nan]
    """
    missing = raw.isna() | _blank(raw)
    values = pd.to_numeric(raw.where(~missing), errors="coerce").astype("float64")
    wrong = values.isna() & ~missing
    if wrong.any():
        raise DataError("err_sat_not_numeric", column=column, rows=data_rows(wrong),
                        fix_key="fix_sat_not_numeric", example=raw[wrong].iloc[0])
    if scale is not None:
        low, high = check_scale(scale)
        outside = values.notna() & ((values < low) | (values > high))
        if outside.any():
            raise DataError("err_sat_out_of_scale", column=column, rows=data_rows(outside),
                            fix_key="fix_sat_out_of_scale", low=low, high=high,
                            example=values[outside].iloc[0])
    if integer:
        fractional = values.notna() & (values != values.round())
        if fractional.any():
            raise DataError("err_sat_not_integer", column=column, rows=data_rows(fractional),
                            fix_key="fix_sat_not_integer", example=values[fractional].iloc[0])
    return values


def validate_answers(data, item_cols: Sequence[str] | None = None, scale=None, *, integer: bool = False,
                     name: str = "rating") -> Responses:
    """Validate survey answers and delete incomplete rows listwise (counted, warned, reported).

    ``data`` is a frame (use ``item_cols``; default all its columns), a Series or a list;
    ``scale`` = (low, high), None, or a mapping column → (low, high) when columns use different
    scales; ``integer`` requires whole-number answers (Likert, 0–10, Kano codes); ``name`` is the
    column name of 1-D answers (a list) in the result and in messages.

    >>> validate_answers([1, 2], scale=(1, 5)).data["rating"].tolist()
    [1.0, 2.0]
    """
    if isinstance(scale, Mapping):
        for column, bounds in scale.items():
            if bounds is not None:
                check_scale(bounds, f"scale[{column!r}]")
    elif scale is not None:
        check_scale(scale)
    frame, labels = _with_labels(data, item_cols, name)
    if frame.shape[0] == 0 or frame.shape[1] == 0:
        raise DataError("err_sat_empty", column=name, fix_key="fix_sat_empty")
    scales = scale if isinstance(scale, Mapping) else dict.fromkeys(frame.columns, scale)
    numeric = pd.DataFrame({c: numeric_answers(frame[c], c, scales.get(c), integer) for c in frame.columns})
    incomplete = numeric.isna().any(axis=1)
    dropped = data_rows(incomplete)
    if dropped and len(dropped) == len(numeric):
        raise DataError("err_sat_no_complete_rows", column=", ".join(map(str, frame.columns)),
                        fix_key="fix_sat_empty")
    if dropped:
        warn("warn_sat_dropped", n=len(dropped), total=len(numeric), rows=format_rows(dropped))
    kept = numeric[~incomplete].reset_index(drop=True)
    return Responses(kept, n_input=len(numeric), dropped_rows=tuple(dropped), index=labels[~incomplete.to_numpy()])


def reverse_scored(frame: pd.DataFrame, item_cols: Sequence[str], scale) -> pd.DataFrame:
    """A copy with ``item_cols`` reverse-scored (low + high − x), for negatively worded items.

    >>> reverse_scored(pd.DataFrame({"q": [1.0, 7.0]}), ["q"], (1, 7))["q"].tolist()
    [7.0, 1.0]
    """
    low, high = check_scale(scale)
    out = frame.copy()
    for column in item_cols:
        out[column] = low + high - out[column]
    return out


def check_same_length(first, second, names: tuple[str, str]) -> None:
    """Paired answers (functional/dysfunctional, perceived/expected) must have equal lengths.

    >>> check_same_length([1, 2], [3, 4], ("perceived", "expected"))
    """
    if len(first) != len(second):
        raise DataError("err_sat_length_mismatch", column=f"{names[0]} / {names[1]}",
                        fix_key="fix_sat_length_mismatch", first=len(first), second=len(second))


class SurveyScore:
    """Readable text and notebook display for the small frozen results of survey measures.

    Fields listed in ``_share_fields`` hold shares 0–1; the notebook display shows them as %.
    """

    _share_fields: tuple = ()

    def _shown(self) -> dict:
        def short(v):
            return round(float(v), 4) if isinstance(v, (float, np.floating)) else v

        return {k: short(v) for k, v in asdict(self).items()}

    def __repr__(self) -> str:
        inner = ", ".join(f"{k}={v!r}" for k, v in self._shown().items())
        return f"{type(self).__name__}({inner})"

    def _repr_html_(self) -> str:
        from helpers.display import format_share, show

        shown = {}
        for key, value in asdict(self).items():
            if key == "scale":
                value = f"{value[0]}–{value[1]}"
            elif key in self._share_fields:
                value = format_share(value)
            shown[_text(f"sat_field_{key}", key)] = value
        title = _text(f"sat_title_{type(self).__name__.lower()}", type(self).__name__)
        return show(shown, caption=title)._repr_html_()


def _text(key: str, default: str) -> str:
    return t(key) if has(key) else default
