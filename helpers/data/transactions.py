"""Loading transactions (and other tables) into the kit's clean, typed frame, with full accounting.

``load_transactions`` reads a file or a DataFrame, finds the columns by their headers (Chinese or
English synonyms, see :mod:`helpers.data.columns`), types the values (:mod:`helpers.data.values`) and
excludes unusable rows for stated reasons, each row under the first reason that applies:

1. ``excl_total_row`` — a total or subtotal line (合计, 总计, 小计, 汇总, Total…) of a report;
2. ``excl_note_row`` — a line holding one text only (a note or a section title, 备注：…, 制表人：…);
3. ``excl_missing_customer`` — no customer id;
4. ``excl_bad_date`` — date missing or unreadable;
5. ``excl_date_out_of_range`` — a placeholder or impossible date (9999-12-31, 1900-01-01, 0000-00-00);
6. ``excl_bad_amount`` — amount (or quantity / unit price it is derived from) missing or not a number;
7. ``excl_absurd_amount`` — an infinite amount, or one of a trillion or more;
8. ``excl_cancellation`` — order id starting with "C" (Online Retail cancellations);
9. ``excl_adjustment`` — order id starting with "A" (Online Retail bad-debt adjustments);
10. ``excl_return`` — negative amount or quantity;
11. ``excl_duplicate`` — exact copy of an earlier row (all columns equal).

``returns="keep"`` keeps cancellations and returns (to net them); ``duplicates="keep"`` keeps
copies. Zero amounts are kept and noted. The :class:`~helpers.data.data_report.DataReport` states
``rows_read = rows_kept + Σ excluded``, the first row numbers (data rows from 1, the row under
the header being 1) per reason, and where the table was found (sheet, header row).

    >>> import pandas as pd
    >>> orders = pd.DataFrame({"会员号": ["a", "a", None], "下单时间": ["2024-01-05", "2024-01-05", "2024-02-01"],
    ...                        "实付金额": ["¥1,200", "¥1,200", "30"]})
    >>> clean, report = load_transactions(orders)
    >>> clean["amount"].tolist(), report.excluded
    ([1200.0], {'excl_missing_customer': 1, 'excl_duplicate': 1})
"""
from __future__ import annotations

import re

from helpers.data.columns import REQUIRED, map_columns, require_roles
from helpers.data.data_report import REASONS, DataReport
from helpers.data.progress import progress_bar
from helpers.errors import DataError, warn
from helpers.i18n import label
from helpers.data.values import narrowed, parse_dates, parse_ids, parse_numbers
from helpers.validation import Interval, Options, validate_params

__all__ = ["load_transactions", "load_table"]

STANDARD = ("customer_id", "order_date", "amount", "order_id", "quantity", "unit_price")
#: A reason excluding more than this share of the rows triggers a DataWarning.
LARGE_SHARE = 0.10
_FACT_NOTES = {"ids_from_float": "note_data_ids_from_float", "ids_unwrapped": "note_data_ids_unwrapped",
               "numbers_cleaned": "note_data_numbers_cleaned", "decimal_comma": "note_data_decimal_comma",
               "tz_dropped": "note_data_tz_dropped", "dates_day_first": "note_data_day_first",
               "dates_month_first": "note_data_month_first", "dates_serial": "note_data_dates_serial"}
#: A cell holding one of these words (optionally followed by ':' and more) marks a total line.
TOTAL_WORDS = ("合计", "总计", "小计", "总合计", "汇总", "本页合计", "本页小计", "累计", "合計", "總計", "小計",
               "total", "totals", "subtotal", "sub-total", "grand total", "sum")
_TOTAL = re.compile(r"^\s*(" + "|".join(re.escape(w) for w in TOTAL_WORDS) + r")\s*([:：].*)?\s*$", re.IGNORECASE)


@validate_params(header_row=[Interval(int, 1, None), None])
def load_table(source, *, encoding: str | None = None, sheet=None, header_row: int | None = None,
               sep: str | None = None):
    """Any table (survey, complaints, CRM list…) read like transactions, without their rules.

    Column types are inferred (a column of numbers becomes numbers, unless a value has a leading
    zero, as ids do); ``frame.attrs`` holds ``source``, ``encoding``, ``sheet``, ``header_row``
    and ``notes``. ``encoding``, ``sheet`` (an Excel sheet's name, or its position from 0),
    ``header_row`` (the row of the column headers, counted from 1 as a spreadsheet shows it) and
    ``sep`` (the delimiter) override what the reader detects.

    >>> import io
    >>> load_table(io.BytesIO(b"nps;csat\\n9;4\\n")).columns.tolist()
    ['nps', 'csat']
    """
    raw, info = _read(source, dict(encoding=encoding, sheet=sheet, header_row=header_row, sep=sep), as_text=False)
    raw.attrs.update({k: info[k] for k in ("source", "encoding", "sheet", "header_row", "notes")})
    return raw


@validate_params(returns=Options("drop", "keep"), duplicates=Options("drop", "keep"),
                 header_row=[Interval(int, 1, None), None])
def load_transactions(source, columns: dict | None = None, *, returns: str = "drop", duplicates: str = "drop",
                      encoding: str | None = None, sheet=None, header_row: int | None = None,
                      sep: str | None = None, date_format: str | None = None):
    """Clean transactions and the :class:`~helpers.data.data_report.DataReport` of how they were obtained.

    ``source``: a path (CSV/TSV/TXT, optionally ``.gz``; ``.xlsx``, ``.xls``; ``.parquet``) or a
    DataFrame (never modified). ``columns`` maps roles to your headers, e.g. ``{"customer_id": "卡号"}``.
    ``returns`` / ``duplicates``: ``"drop"`` (default) or ``"keep"`` cancellations and returns /
    exact copies. ``encoding``, ``sheet``, ``header_row``, ``sep`` as in :func:`load_table`;
    ``date_format`` (e.g. ``"%d/%m/%Y"``) when the dates do not show their order.
    Returns ``(frame, report)``; the frame has ``customer_id`` (str), ``order_date``
    (datetime64[ns]), ``amount`` (float), and ``order_id``, ``quantity``, ``unit_price`` when
    present, then your other columns. Source: docs/methods.md §0.

    >>> import pandas as pd
    >>> orders = pd.DataFrame({"客户ID": ["a", "a"], "日期": ["05/01/2024", "05/01/2024"], "金额": [10, 10]})
    >>> clean, report = load_transactions(orders, duplicates="keep", date_format="%d/%m/%Y")
    >>> clean["order_date"].dt.month.tolist(), report.rows_kept
    ([1, 1], 2)
    """
    raw, info = _read(source, dict(encoding=encoding, sheet=sheet, header_row=header_row, sep=sep), as_text=True)
    mapping = map_columns(raw.columns, columns)
    derived = "amount" not in mapping and {"quantity", "unit_price"} <= mapping.keys()
    require_roles(mapping, raw.columns, [r for r in REQUIRED if not (derived and r == "amount")], info)
    frame, notes, flags = _typed(raw, mapping, derived, date_format, info.get("date_system") or 1900)
    reason = _reasons(frame, raw, mapping, flags, returns, duplicates)
    _refuse_useless(frame, reason, mapping)
    notes = info["notes"] + notes + _policy_notes(frame, raw, reason, returns, duplicates)
    kept = frame[reason.isna()].reset_index(drop=True)
    report = _report(info, mapping, raw, kept, reason, notes)
    for r, n in report.excluded.items():
        if n > LARGE_SHARE * report.rows_read and r not in ("excl_total_row", "excl_note_row"):
            warn("warn_data_large_share", reason=r, label=label(r), share=f"{n / report.rows_read:.0%}")
    return kept, report.check()


def _read(source, read: dict, as_text: bool):
    """The raw frame (a copy, positional index) and reading facts; empty inputs are refused."""
    import pandas as pd

    from helpers.data.files import read_table

    if isinstance(source, pd.DataFrame):
        raw = source.copy()
        info = {"source": "DataFrame", "format": "frame", "encoding": None, "sheet": None, "header_row": None,
                "date_system": None, "notes": []}
    else:
        raw, info = read_table(source, as_text=as_text, **read)
    if raw.shape[1] == 0:
        raise DataError("err_data_empty", source=info["source"], fix_key="fix_data_empty")
    if len(raw) == 0:
        raise DataError("err_data_header_only", source=info["source"],
                        found=", ".join(map(str, raw.columns)), fix_key="fix_data_header_only")
    raw.columns = [str(c).replace("\u200b", "").replace("\ufeff", "").strip() for c in raw.columns]
    return raw.reset_index(drop=True), info


def _typed(raw, mapping: dict, derived: bool, date_format, date_system: int):
    """The frame with standard names and types, notes on what had to be interpreted, and the
    masks of values that were read but cannot be used (reason → mask)."""
    frame = raw.rename(columns={header: role for role, header in mapping.items()})
    facts: dict = {}
    flags: dict = {}

    def put(role, parsed):
        frame[role] = parsed.values
        for k, v in parsed.facts.items():
            facts[k] = facts.get(k, 0) + v
        for k, v in parsed.flags.items():
            flags[k] = flags[k] | v if k in flags else v

    steps = [("customer_id", lambda: parse_ids(frame["customer_id"], column=mapping["customer_id"])),
             ("order_date", lambda: parse_dates(frame["order_date"], date_format, column=mapping["order_date"],
                                                date_system=date_system))]
    steps += [(role, lambda role=role: parse_numbers(frame[role], column=mapping[role]))
              for role in ("amount", "quantity", "unit_price") if role in mapping]
    if "order_id" in mapping:
        steps.append(("order_id", lambda: parse_ids(frame["order_id"], column=mapping["order_id"])))
    with progress_bar(len(steps), "types", unit="columns") as bar:
        for role, step in steps:
            put(role, step())
            bar.update(1)
    notes = [(_FACT_NOTES[k], {"n": v}) for k, v in facts.items()]
    if derived:
        frame["amount"] = frame["quantity"] * frame["unit_price"]
        notes.insert(0, ("note_data_amount_derived", {"quantity": mapping["quantity"], "price": mapping["unit_price"]}))
    order = [c for c in STANDARD if c in frame] + [c for c in frame if c not in STANDARD]
    return frame[order], notes, flags


def _filled(values):
    """Cells that hold something (not missing, not only spaces)."""
    import pandas as pd

    if pd.api.types.is_string_dtype(values) or values.dtype == object:
        text = values.astype("string")
        return (text.notna() & (text.str.strip() != "")).fillna(False).astype(bool)
    return values.notna()


def _layout_rows(raw, mapping: dict):
    """Masks of total lines and of note lines (one text cell only) among the raw rows."""
    import pandas as pd

    filled = pd.DataFrame({j: _filled(raw.iloc[:, j]) for j in range(raw.shape[1])})
    keys = [raw.columns.get_loc(mapping[r]) for r in ("customer_id", "order_id", "order_date") if r in mapping]
    total = pd.Series(False, index=raw.index)
    for j in dict.fromkeys([*keys, 0]):
        values = raw.iloc[:, j]
        if pd.api.types.is_string_dtype(values) or values.dtype == object:
            text = values.astype("string")
            hint = text.str.contains("|".join(map(re.escape, TOTAL_WORDS)), case=False).fillna(False).astype(bool)
            total |= narrowed(text, hint, lambda s: s.map(lambda v: bool(_TOTAL.match(v))))   # few rows: exact test
    single = filled.sum(axis=1) == 1
    customer = filled.iloc[:, raw.columns.get_loc(mapping["customer_id"])]
    note = pd.Series(False, index=raw.index)
    for i in single[single & ~total].index:          # few rows: look at each
        value = raw.iloc[i, int(filled.loc[i].to_numpy().argmax())]
        wordy = isinstance(value, str) and re.search(r"[^\W\d_]", value) is not None
        # An id alone in the customer column is a transaction without date or amount, not a note.
        note_like = isinstance(value, str) and (re.search(r"[:：—\s]", value.strip()) is not None or len(value) >= 12)
        note[i] = wordy and (not customer[i] or note_like)
    return total, note


def _reasons(frame, raw, mapping: dict, flags: dict, returns: str, duplicates: str):
    """The exclusion reason of every row (missing = kept); the first reason that applies wins."""
    import pandas as pd

    order_id = frame["order_id"].str.upper() if "order_id" in frame else pd.Series("", index=frame.index)
    negative = frame["amount"] < 0
    if "quantity" in frame:
        negative |= frame["quantity"] < 0
    total, note = _layout_rows(raw, mapping)
    no = pd.Series(False, index=frame.index)
    tests = {
        "excl_total_row": total,
        "excl_note_row": note,
        "excl_missing_customer": frame["customer_id"].isna(),
        "excl_date_out_of_range": flags.get("excl_date_out_of_range", no),
        "excl_bad_date": frame["order_date"].isna(),
        "excl_absurd_amount": flags.get("excl_absurd_amount", no),
        "excl_bad_amount": frame["amount"].isna(),
        "excl_cancellation": order_id.str.startswith("C", na=False) & (returns == "drop"),
        "excl_adjustment": order_id.str.startswith("A", na=False),
        "excl_return": negative & (returns == "drop"),
    }
    reason = pd.Series(None, index=frame.index, dtype="object")
    for name, hit in tests.items():
        reason = reason.mask(reason.isna() & hit.to_numpy(dtype=bool), name)
    if duplicates == "drop":
        reason = reason.mask(reason.isna() & _copies(raw, reason), "excl_duplicate")
    return reason


def _copies(raw, reason):
    """Rows equal in every column to an earlier row still kept."""
    candidates = raw[reason.isna()]
    return candidates.duplicated(keep="first").reindex(raw.index, fill_value=False)


def _refuse_useless(frame, reason, mapping: dict) -> None:
    """A DataError when a required column has no usable value at all (a wrong column or format)."""
    checks = (("order_date", ("excl_bad_date", "excl_date_out_of_range"), "err_data_no_dates", "fix_data_date_format"),
              ("amount", ("excl_bad_amount", "excl_absurd_amount"), "err_data_no_amounts", "fix_data_amount_format"))
    reached = ~reason.isin(["excl_missing_customer", "excl_total_row", "excl_note_row"])  # rows whose values were looked at
    for role, why, key, fix in checks:
        if reached.any() and reason[reached].isin(why).all():
            rows = (reason.index[reached] + 1).tolist()
            if (reason[reached] == why[1]).all():
                key, fix = f"{key}_in_range", "fix_data_placeholder_values"
            raise DataError(key, column=mapping.get(role, role), rows=rows, fix_key=fix)
    if reason.notna().all():
        raise DataError("err_data_nothing_kept", rows=(reason.index + 1).tolist(), fix_key="fix_data_nothing_kept")


def _policy_notes(frame, raw, reason, returns: str, duplicates: str) -> list:
    """Notes on kept rows a reader should know about: zero amounts, kept returns, kept copies."""
    kept = reason.isna()
    notes = []
    zero = int((frame["amount"][kept] == 0).sum())
    if zero:
        notes.append(("note_data_zero_amounts", {"n": zero}))
    if returns == "keep":
        negative = int((frame["amount"][kept] < 0).sum())
        notes.append(("note_data_returns_kept", {"n": negative}))
    if duplicates == "keep":
        notes.append(("note_data_duplicates_kept", {"n": int(raw[kept].duplicated().sum())}))
    return notes


def _report(info: dict, mapping: dict, raw, kept, reason, notes) -> DataReport:
    counts = reason.value_counts()
    excluded = {r: int(counts[r]) for r in REASONS if r in counts}
    first_rows = {r: (reason.index[reason == r][:5] + 1).tolist() for r in excluded}
    orders = kept["order_id"].nunique() if "order_id" in kept else len(kept)
    return DataReport(source=info["source"], encoding=info["encoding"], sheet=info.get("sheet"),
                      header_row=info.get("header_row"), columns=mapping, rows_read=len(raw),
                      rows_kept=len(kept), excluded=excluded, first_rows=first_rows, notes=notes,
                      date_min=kept["order_date"].min(), date_max=kept["order_date"].max(),
                      customers=int(kept["customer_id"].nunique()), orders=int(orders))
