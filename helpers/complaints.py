"""Complaint handling metrics: 24 h first response, resolution, backlog, FCR, Pareto (docs/methods.md §5).

    >>> import pandas as pd
    >>> from helpers.complaints import complaint_metrics
    >>> complaints = pd.DataFrame({"complaint_id": ["K1", "K2"], "category": ["delivery", "quality"],
    ...     "received_at": ["2024-05-01 09:00", "2024-05-01 15:00"],
    ...     "first_response_at": ["2024-05-01 11:00", "2024-05-02 16:00"],
    ...     "resolved_at": ["2024-05-02 09:00", None]})
    >>> complaint_metrics(complaints, as_of="2024-05-06").metrics["within_sla_rate"]
    0.5

The input checks at the end of this module are shared by the other service modules
(care, experience, key accounts) so that every one of them reports bad data the same way.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from helpers.data.engines import resolve_as_of
from helpers.errors import DataError, warn
from helpers.i18n import label, t
from helpers.validation import Interval, Options, validate_params

__all__ = ["ComplaintMetrics", "complaint_metrics", "complaint_metrics_by", "complaint_pareto", "STATUSES"]

STATUSES = ("cmp_status_new", "cmp_status_in_progress", "cmp_status_resolved")
UNCATEGORISED = "cmp_uncategorised"
FLAG_VALUES = {True: True, False: False, 1: True, 0: False, "1": True, "0": False,
               "true": True, "false": False, "yes": True, "no": False, "y": True, "n": False,
               "是": True, "否": False}
HOUR = pd.Timedelta(hours=1)
_SLA_HOURS = Interval(float, 0, None, closed="neither")
_FLAG = Options(True, False)


@dataclass
class ComplaintMetrics:
    """Service metrics of a set of complaints: ``metrics`` (name → value; rates 0–1) and the
    per-complaint ``table`` (indexed by ``complaint_id``).

    >>> import pandas as pd
    >>> from helpers.i18n import language
    >>> df = pd.DataFrame({"complaint_id": ["K1"], "received_at": ["2024-05-01 09:00"],
    ...                    "first_response_at": ["2024-05-01 10:00"], "resolved_at": ["2024-05-01 12:00"]})
    >>> result = complaint_metrics(df, as_of="2024-05-02")
    >>> float(result.table.loc["K1", "frt_hours"]), result.metrics["resolution_hours_mean"]
    (1.0, 3.0)
    >>> with language("en"):
    ...     result.summary().loc[0, "label"]
    'Complaints received'
    """

    metrics: dict
    table: pd.DataFrame
    params: dict = field(default_factory=dict)

    def summary(self) -> pd.DataFrame:
        """One row per metric: id, label in the active language, value."""
        names = list(self.metrics)
        return pd.DataFrame({"metric": names, "label": label([f"cmp_m_{n}" for n in names]),
                             "value": list(self.metrics.values())})

    def _view(self):
        from helpers.display import result_view

        return result_view(None, (t("result_params"), self.params), (None, self.summary()))

    def __repr__(self) -> str:
        return repr(self._view())

    def _repr_html_(self) -> str:
        return self._view()._repr_html_()


@validate_params(sla_hours=_SLA_HOURS, censor_at_as_of=_FLAG)
def complaint_metrics(complaints: pd.DataFrame, as_of=None, *, sla_hours: float = 24,
                      censor_at_as_of: bool = False, orders=None, complaint_col: str = "complaint_id",
                      received_col: str = "received_at", response_col: str = "first_response_at",
                      resolved_col: str = "resolved_at", fcr_col: str = "first_contact_resolution",
                      reopened_col: str = "reopened", escalated_col: str = "escalated") -> ComplaintMetrics:
    """First response within ``sla_hours``, resolution rate and times, backlog, FCR, reopen, escalation.

    Eligible for the response SLA are complaints answered, or unanswered for ``sla_hours`` or
    longer at ``as_of`` (a breach); younger unanswered ones are left out. Resolution times are
    over resolved complaints (mean, median, P90 by pandas' linear quantile). With
    ``censor_at_as_of`` a response or resolution after ``as_of`` counts as not yet happened.
    ``orders`` (a count, or an orders frame: distinct ``order_id`` or rows) adds complaints per
    1,000 orders. Flag columns (FCR, reopened, escalated) are used when present. Rates are 0–1.
    ``as_of`` (a moment: deadlines need hours) defaults to the day after the last receipt; the
    complaint ids may be a column ``complaint_col`` or the index. Source: docs/methods.md §5,
    worked in §8.8.

    >>> import pandas as pd
    >>> complaints = pd.DataFrame({"complaint_id": ["K1", "K2", "K3"],
    ...     "received_at": ["2024-05-01 09:00", "2024-05-04 09:00", "2024-05-05 20:00"],
    ...     "first_response_at": ["2024-05-01 11:00", None, None], "resolved_at": [None, None, None]})
    >>> m = complaint_metrics(complaints, as_of="2024-05-06 09:00")
    >>> m.metrics["sla_eligible"], m.metrics["within_sla_rate"]        # K3 is only 13 hours old
    (2, 0.5)
    >>> complaint_metrics(complaints, as_of="2024-05-06 09:00", sla_hours=72).metrics["within_sla_rate"]
    1.0
    """
    table, as_of = _complaint_table(complaints, as_of, sla_hours, censor_at_as_of, complaint_col=complaint_col,
                                    received_col=received_col, response_col=response_col,
                                    resolved_col=resolved_col, fcr_col=fcr_col,
                                    reopened_col=reopened_col, escalated_col=escalated_col)
    metrics = _summarise_complaints(table)
    n_orders = _count_orders(orders)
    if n_orders is not None:
        metrics["complaints_per_1000_orders"] = 1000 * len(table) / n_orders if n_orders else np.nan
    params = {"as_of": as_of, "sla_hours": sla_hours, "censor_at_as_of": censor_at_as_of}
    return ComplaintMetrics(metrics, table, params)


@validate_params(sla_hours=_SLA_HOURS, censor_at_as_of=_FLAG)
def complaint_metrics_by(complaints: pd.DataFrame, by: str = "category", as_of=None, *, sla_hours: float = 24,
                         censor_at_as_of: bool = False, complaint_col: str = "complaint_id",
                         received_col: str = "received_at", response_col: str = "first_response_at",
                         resolved_col: str = "resolved_at", fcr_col: str = "first_contact_resolution",
                         reopened_col: str = "reopened", escalated_col: str = "escalated") -> pd.DataFrame:
    """The metrics of :func:`complaint_metrics` per ``by`` group (category, channel, store_id…).

    All groups share one ``as_of`` (the overall default when not given); one row per group,
    the group in column ``by``, sorted by group.

    >>> import pandas as pd
    >>> complaints = pd.DataFrame({"complaint_id": ["K1", "K2"], "channel": ["app", "phone"],
    ...     "received_at": ["2024-05-01 09:00", "2024-05-01 10:00"],
    ...     "first_response_at": ["2024-05-01 10:00", "2024-05-03 10:00"], "resolved_at": [None, None]})
    >>> complaint_metrics_by(complaints, by="channel", as_of="2024-05-04")[["channel", "within_sla_rate"]].values.tolist()
    [['app', 1.0], ['phone', 0.0]]
    """
    complaints = id_as_column(complaints, complaint_col)
    check_columns(complaints, [by])
    table, as_of = _complaint_table(complaints, as_of, sla_hours, censor_at_as_of, extra=[by],
                                    complaint_col=complaint_col, received_col=received_col,
                                    response_col=response_col, resolved_col=resolved_col, fcr_col=fcr_col,
                                    reopened_col=reopened_col, escalated_col=escalated_col)
    groups = table[by].astype("string").fillna(UNCATEGORISED)
    rows = {name: _summarise_complaints(part) for name, part in table.groupby(groups, sort=True)}
    out = pd.DataFrame.from_dict(rows, orient="index")
    out.index.name = by
    out.attrs["as_of"] = as_of
    return out.reset_index()


@validate_params(vital_share=Interval(float, 0, 1, closed="right"))
def complaint_pareto(complaints: pd.DataFrame, by: str = "category", *, vital_share: float = 0.8) -> pd.DataFrame:
    """Complaint counts per ``by`` value, largest first (ties by name), share, cumulative share, vital few.

    The vital few are the groups up to and including the one whose cumulative share crosses
    ``vital_share`` (docs/methods.md §5). Missing values are counted as ``cmp_uncategorised`` with a
    warning. Shares are 0–1.

    >>> import pandas as pd
    >>> pareto = complaint_pareto(pd.DataFrame({"category": list("aaaabbc")}), vital_share=0.5)
    >>> pareto["cum_share"].round(2).tolist(), pareto["vital_few"].tolist()
    ([0.57, 0.86, 1.0], [True, False, False])
    """
    check_columns(complaints, [by])
    values = complaints[by].astype("string")
    if values.isna().any():
        warn("cmp_warn_uncategorised", column=by, n=int(values.isna().sum()))
        values = values.fillna(UNCATEGORISED)
    counts = values.value_counts().rename_axis(by).reset_index(name="complaints")
    counts = counts.sort_values(["complaints", by], ascending=[False, True], ignore_index=True)
    total = counts["complaints"].sum()
    cum = counts["complaints"].cumsum()
    counts["share"] = counts["complaints"] / total
    counts["cum_share"] = cum / total
    # integer comparison: a group is vital when the groups before it have not yet reached `vital_share`
    counts["vital_few"] = (cum - counts["complaints"]) < vital_share * total
    return counts


def _complaint_table(df: pd.DataFrame, as_of=None, sla_hours: float = 24, censor_at_as_of: bool = False,
                     *, complaint_col: str = "complaint_id", received_col: str = "received_at",
                     response_col: str = "first_response_at", resolved_col: str = "resolved_at",
                     fcr_col: str = "first_contact_resolution", reopened_col: str = "reopened",
                     escalated_col: str = "escalated", extra=()) -> tuple[pd.DataFrame, pd.Timestamp]:
    """Per complaint: FRT hours, SLA eligibility and result, status, resolution and open age hours.

    Validates the input (see :func:`complaint_metrics`) and returns ``(table, as_of used)``;
    the table is indexed and sorted by ``complaint_id`` so results never depend on row order.
    """
    df = id_as_column(df, complaint_col)
    check_columns(df, [complaint_col, received_col, response_col, resolved_col])
    check_unique(df, complaint_col)
    stamps = {c: parse_timestamps(df, c) for c in (received_col, response_col, resolved_col)}
    received = stamps[received_col]
    _check_no_missing(received, received_col)
    for col in (response_col, resolved_col):
        _check_not_before(stamps[col], received, col, received_col)
    as_of = resolve_as_of(as_of, received, keep_time=True)
    late = received > as_of
    if late.any():
        warn("cmp_warn_after_as_of", column=received_col, n=int(late.sum()), as_of=as_of)
    keep = ~late
    response, resolved = stamps[response_col], stamps[resolved_col]
    if censor_at_as_of:
        response = response.where(response <= as_of)
        resolved = resolved.where(resolved <= as_of)
    flags = {name: _parse_flags(df, col) for name, col in
             (("first_contact_resolution", fcr_col), ("reopened", reopened_col), ("escalated", escalated_col))
             if col in df.columns}
    out = pd.DataFrame({"complaint_id": df[complaint_col].astype("string").to_numpy(), "received_at": received,
                        "first_response_at": response, "resolved_at": resolved, **flags})
    for col in list(extra) + [c for c in ("customer_id", "category", "channel", "store_id") if c in df.columns]:
        out[col] = df[col].to_numpy()
    out = out[keep.to_numpy()]
    out["frt_hours"] = (out["first_response_at"] - out["received_at"]) / HOUR
    age = (as_of - out["received_at"]) / HOUR
    answered = out["first_response_at"].notna()
    out["sla_eligible"] = answered | (age >= sla_hours)
    out["within_sla"] = (out["frt_hours"] <= sla_hours).where(out["sla_eligible"]).astype("boolean")
    is_resolved = out["resolved_at"].notna()
    out["resolution_hours"] = (out["resolved_at"] - out["received_at"]) / HOUR
    out["open_age_hours"] = age.where(~is_resolved)
    out["status"] = np.select([is_resolved, answered], STATUSES[2:0:-1], STATUSES[0])
    return out.set_index("complaint_id").sort_index(), as_of


def _summarise_complaints(table: pd.DataFrame) -> dict:
    """The §5 metrics of a per-complaint table made by :func:`_complaint_table`."""
    resolved = table[table["resolved_at"].notna()]
    hours = resolved["resolution_hours"]
    eligible = table["sla_eligible"].sum()
    within = table["within_sla"].sum()
    out = {"received": len(table), "sla_eligible": int(eligible), "within_sla": int(within),
           "within_sla_rate": _ratio(within, eligible), "resolved": len(resolved),
           "resolution_rate": _ratio(len(resolved), len(table)),
           "resolution_hours_mean": hours.mean(), "resolution_hours_median": hours.median(),
           "resolution_hours_p90": hours.quantile(0.9, interpolation="linear") if len(hours) else np.nan,
           "backlog": int(table["open_age_hours"].notna().sum()),
           "backlog_age_hours_mean": table["open_age_hours"].mean(),
           "backlog_age_hours_max": table["open_age_hours"].max()}
    if "first_contact_resolution" in table:
        out["fcr_rate"] = _ratio(resolved["first_contact_resolution"].sum(), len(resolved))
    if "reopened" in table:
        out["reopen_rate"] = _ratio(resolved["reopened"].sum(), len(resolved))
    if "escalated" in table:
        out["escalation_rate"] = _ratio(table["escalated"].sum(), len(table))
    return {k: (float(v) if isinstance(v, (float, np.floating)) else v) for k, v in out.items()}


def _ratio(numerator, denominator) -> float:
    return float(numerator) / float(denominator) if denominator else np.nan


def _count_orders(orders) -> int | None:
    if orders is None:
        return None
    if isinstance(orders, pd.DataFrame):
        return int(orders["order_id"].nunique()) if "order_id" in orders else len(orders)
    return int(orders)


# ---- input checks shared by the service modules -------------------------------------------------

def id_as_column(frame, column: str):
    """``frame`` with its ids as the column ``column``, also when they are its (named) index.

    >>> keyed = pd.DataFrame({"tier": ["tier_iron"]}, index=pd.Index(["c1"], name="customer_id"))
    >>> id_as_column(keyed, "customer_id").columns.tolist()
    ['customer_id', 'tier']
    """
    if isinstance(frame, pd.DataFrame) and column not in frame.columns and frame.index.name == column:
        return frame.reset_index()
    return frame


def check_columns(df: pd.DataFrame, columns, allow_empty: bool = False) -> None:
    """Raise a DataError when ``df`` is not a table, has no rows, or lacks a required column."""
    if not isinstance(df, pd.DataFrame):
        raise DataError("svc_err_not_a_table", fix_key="svc_fix_not_a_table", got=type(df).__name__)
    for col in columns:
        if col not in df.columns:
            raise DataError("svc_err_missing_column", column=col, fix_key="svc_fix_map_column",
                            found=", ".join(map(str, df.columns)))
    if df.empty and not allow_empty:
        raise DataError("svc_err_empty_table", fix_key="svc_fix_empty_table")


def _bad_rows(mask: pd.Series) -> list[int]:
    """1-based data-row numbers where ``mask`` is true."""
    return [i + 1 for i in np.flatnonzero(np.asarray(mask, dtype=bool))]


def _raise_rows(key: str, mask, column: str, fix_key: str, **values) -> None:
    if np.asarray(mask, dtype=bool).any():
        raise DataError(key, column=column, rows=_bad_rows(mask), fix_key=fix_key, **values)


def check_unique(df: pd.DataFrame, column) -> None:
    """Raise when ``column`` (or a list of key columns) repeats an id (rows of the later occurrences)."""
    columns = [column] if isinstance(column, str) else list(column)
    _raise_rows("svc_err_duplicate_id", df[columns].duplicated(), " + ".join(columns), "svc_fix_unique_id")


def _check_no_missing(values: pd.Series, column: str) -> None:
    """Raise when ``values`` has missing entries."""
    _raise_rows("svc_err_missing_value", values.isna(), column, "svc_fix_fill_value")


def parse_timestamps(df: pd.DataFrame, column: str) -> pd.Series:
    """``df[column]`` as naive datetime64[ns]; empty cells become NaT, unparseable ones raise."""
    raw = df[column]
    parsed = pd.to_datetime(raw, errors="coerce", format="mixed") if raw.dtype.kind != "M" else raw
    if getattr(parsed.dt, "tz", None) is not None:
        parsed = parsed.dt.tz_convert(None)
    _raise_rows("svc_err_bad_timestamp", parsed.isna() & raw.notna() & (raw.astype("string").str.strip() != ""),
                column, "svc_fix_timestamp")
    return parsed.astype("datetime64[ns]").reset_index(drop=True)


def _check_not_before(later: pd.Series, earlier: pd.Series, column: str, earlier_column: str) -> None:
    """Raise when a timestamp in ``later`` precedes its ``earlier`` counterpart."""
    _raise_rows("svc_err_before", later < earlier, column, "svc_fix_timestamp_order", other=earlier_column)


def parse_numbers(df: pd.DataFrame, column: str, low=None, high=None, allow_missing: bool = False) -> pd.Series:
    """``df[column]`` as float, checked to be numeric and within ``[low, high]``."""
    raw = df[column].reset_index(drop=True)
    values = pd.to_numeric(raw, errors="coerce").astype("float64")
    _raise_rows("svc_err_not_numeric", values.isna() & raw.notna(), column, "svc_fix_numeric")
    if not allow_missing:
        _check_no_missing(values, column)
    outside = (values < (-np.inf if low is None else low)) | (values > (np.inf if high is None else high))
    _raise_rows("svc_err_out_of_range", outside, column, "svc_fix_range", low=low, high=high)
    return values


def _parse_flags(df: pd.DataFrame, column: str) -> pd.Series:
    """Yes/no column (bool, 0/1, true/false, yes/no, 是/否) as nullable boolean; other values raise."""
    raw = df[column].reset_index(drop=True)
    keys = raw.map(lambda v: v.strip().lower() if isinstance(v, str) else v)
    known = keys.map(lambda v: v in FLAG_VALUES if pd.notna(v) else True)
    _raise_rows("svc_err_bad_flag", ~known.astype(bool), column, "svc_fix_flag")
    return keys.map(lambda v: FLAG_VALUES[v] if pd.notna(v) else pd.NA).astype("boolean")


def check_known(values: pd.Series, allowed, column: str, fix_key: str) -> None:
    """Raise when ``values`` holds an id outside ``allowed`` (missing values included)."""
    _raise_rows("svc_err_unknown_value", ~values.isin(list(allowed)), column, fix_key,
                allowed=", ".join(map(str, allowed)))
