"""The analysis behind the report: transactions → every customer classification of the kit and
each customer's value, on one date.

:func:`analyse` runs the whole chain on a clean transactions frame — RFM table, scores, segments,
customer pyramid, Marcus matrix, relationship states, at-risk / win-back / per-segment action
lists, and P(alive), expected purchases and CLV from BG/NBD + Gamma-Gamma
(:mod:`helpers.report.value`) — with one analysis date ``as_of`` for all of them, and returns a
:class:`CustomerReport`.

    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": list("aabbc"), "amount": [50.0, 70.0, 20.0, 5.0, 900.0],
    ...     "order_date": pd.to_datetime(["2024-01-02", "2024-03-01", "2024-02-01", "2024-02-20", "2023-06-01"])})
    >>> report = analyse(tx, as_of="2024-03-31")
    >>> report.customers.loc["a", ["segment", "tier", "state"]].tolist()
    ['cn8_general_value', 'tier_iron', 'repeat']

Sources: the functions called, docs/methods.md §1–§3; revisit cadences from
:func:`helpers.care.revisit_plan`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import narwhals as nw
import pandas as pd

from helpers.data.engines import as_lazy, collect, day, is_pandas, require_transactions, resolve_as_of, schema_of
from helpers.i18n import label, t
from helpers.report.value import DISCOUNT, HORIZON, MARGIN, CustomerValue, purchase_histories, value_from
from helpers.report.worker import later
from helpers.segments import SCHEMES
from helpers.validation import Interval, Options, validate_params

if TYPE_CHECKING:
    from helpers.data.data_report import DataReport
    from helpers.lifecycle import RelationshipStates
    from helpers.matrices import MatrixClassification
    from helpers.rfm.scores import RFMScores
    from helpers.segments import Segmentation
    from helpers.tiers import TierClassification

# CustomerReport is what analyse returns (read, never built by users); load_for_report is the
# loading step create_report and the command line share.
__all__ = ["analyse"]

N_ROWS = 20                    # list rows shown on the HTML page
_PYRAMID_PRESET = "cn_1_4_15_80"
_LIFECYCLE_PRESET = "retail_quarterly"
_VALUE_QUANTILE = 0.75         # the lists' "high value": revenue at or above this buyer percentile
_REVISIT_MONTHS = 6            # horizon searched for each customer's next routine revisit
#: The bundled datasets the report runs on, with the currency of their amounts.
DEMOS = {"online_retail": "GBP", "cdnow": "USD"}
_COLUMNS = ["customer_id", "order_date", "amount"]      # what the report reads (order_id when there is one)
#: The per-customer value columns (:mod:`helpers.report.value`), blank when the models were not fitted.
VALUE_COLUMNS = ["prob_alive", "expected_purchases", "expected_spend", "clv"]


def _quiet(_message: str) -> None:
    """The default progress sink: say nothing."""


def with_ids(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with its entity id as the first column (a table keyed by a named index is reset).

    >>> with_ids(pd.DataFrame({"tier": ["x"]}, index=pd.Index(["a"], name="customer_id"))).columns.tolist()
    ['customer_id', 'tier']
    """
    return frame.reset_index() if frame.index.name is not None else frame


def _ids_and(frame: pd.DataFrame, column: str) -> pd.Series:
    """``frame[column]`` keyed by customer id, whether the id is the index or a column."""
    keyed = frame.set_index("customer_id") if "customer_id" in frame.columns else frame
    return keyed[column]


@dataclass
class CustomerReport:
    """Everything :func:`analyse` found; ``customers`` has one row per customer (index ``customer_id``)
    with every class and the value columns, ``segment_actions`` one row per customer with its
    strategy and next revisit, ``value`` the BTYD models behind the value columns.

    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a", "b", "b"], "amount": [50.0, 20.0, 30.0],
    ...     "order_date": pd.to_datetime(["2024-01-02", "2024-02-01", "2024-03-01"])})
    >>> report = analyse(tx, as_of="2024-03-31")
    >>> report.customers.index.name, report.thresholds().columns.tolist(), report.value.fitted
    ('customer_id', ['section', 'item', 'value'], False)
    """

    source: str
    as_of: pd.Timestamp
    scheme: str
    scores: RFMScores
    segments: Segmentation
    pyramid: TierClassification
    matrix: MatrixClassification
    states: RelationshipStates
    at_risk: pd.DataFrame
    win_back: pd.DataFrame
    customers: pd.DataFrame
    segment_actions: pd.DataFrame
    value: CustomerValue
    data_report: DataReport | None = None
    notes: list = field(default_factory=list)
    currency: str | None = None

    def segment_summary(self) -> pd.DataFrame:
        """Customers, orders, revenue, average order value and shares per segment."""
        from helpers.segments import segment_summary

        return segment_summary(self.segments)

    def segment_value(self) -> pd.DataFrame:
        """Per segment (in the order of :meth:`segment_summary`): ``customers``, ``prob_alive_mean``
        (over its repeat buyers), ``expected_purchases`` and ``clv_total`` over the horizon,
        ``clv_share`` of all customers' CLV and ``clv_mean`` per customer (blank when not fitted)."""
        per = self.customers.groupby("segment", sort=False)
        out = pd.DataFrame({"customers": per.size(), "prob_alive_mean": per["prob_alive"].mean(),
                            "expected_purchases": per["expected_purchases"].sum(min_count=1),
                            "clv_total": per["clv"].sum(min_count=1)})
        out["clv_share"] = out["clv_total"] / out["clv_total"].sum()
        out["clv_mean"] = out["clv_total"] / out["customers"]
        order = self.segment_summary()[["segment", "label"]]
        return order.join(out, on="segment").reset_index(drop=True)

    def value_at_risk(self) -> dict:
        """The expected CLV of the customers on the at-risk list: ``customers``, ``clv`` and its
        ``clv_share`` of all customers' CLV (blank when the models were not fitted)."""
        clv = self.customers["clv"]
        at_risk = clv.reindex(self.at_risk.index)
        total = at_risk.sum(min_count=1)
        return {"customers": len(self.at_risk), "clv": total, "clv_share": total / clv.sum(min_count=1)}

    def thresholds(self) -> pd.DataFrame:
        """Every cut point and setting the report used, in words: ``section, item, value`` (values as text)."""
        from helpers.report.tables import threshold_rows

        return pd.DataFrame(threshold_rows(self), columns=["section", "item", "value"])

    def sheets(self) -> dict:
        """The workbook's sheets for people, named and headed in the active language (see
        :func:`helpers.report.tables.workbook`)."""
        from helpers.report.tables import workbook

        return workbook(self)[0]

    def _repr_html_(self) -> str:
        from helpers.report.html import CSS, report_body

        return f"<div><style>{CSS}</style>{report_body(self)}</div>"


@validate_params(demo=[Options(*DEMOS), None])
def load_for_report(source=None, *, columns: dict | None = None, demo: str | None = None, **read):
    """``(transactions, DataReport)`` from a file (``columns`` maps roles to headers) or a bundled demo.

    ``read`` holds the reading options of :func:`helpers.data.load_transactions` (``encoding``,
    ``sheet``, ``header_row``, ``sep``, ``date_format``).

    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "orders.csv"
    >>> _ = path.write_text("会员号,下单时间,实付金额\\nC1,2024-01-02,99.5\\n", encoding="utf-8")
    >>> tx, data_report = load_for_report(path)
    >>> tx.columns[:3].tolist(), data_report.rows_kept
    (['customer_id', 'order_date', 'amount'], 1)
    """
    from helpers.data import datasets
    from helpers.data import load_transactions

    if demo is not None:
        return datasets.load_online_retail() if demo == "online_retail" else datasets.load_cdnow()
    return load_transactions(source, columns, **read)


def _labels(ids: pd.Series, labels=label, field: str | None = None) -> pd.Series:
    """``labels(ids, field)`` (default :func:`helpers.i18n.label`), looked up once per distinct id."""
    distinct = list(pd.unique(ids.to_numpy()))
    return ids.map(dict(zip(distinct, labels(distinct, field))))


def _customer_table(segments, pyramid, matrix, states, value: CustomerValue) -> pd.DataFrame:
    """One row per customer (index ``customer_id``): R/F/M values and scores, each classification's
    id and label, then the value columns (blank when the models were not fitted)."""
    from helpers.lifecycle import state_labels

    base = segments.table
    columns = ["recency_days", "frequency", "monetary", "first_purchase", "last_purchase",
               "R", "F", "M", "rfm_cell", "segment"]
    out = base[columns].copy()
    out["segment_label"] = segments.labels()
    for result in (pyramid, matrix, states):
        out[result.class_col] = _ids_and(result.table, result.class_col).reindex(out.index).to_numpy()
    out["tier_label"] = _labels(out["tier"])
    out["cell_label"] = _labels(out["cell"])
    out["state_label"] = _labels(out["state"], state_labels)
    out.index.name = "customer_id"
    order = columns + ["segment_label", "tier", "tier_label", "cell", "cell_label", "state", "state_label"]
    values = value.table.reindex(out.index.astype(str)).set_axis(out.index)   # BTYD summaries key ids as text
    return out[order].join(values.astype(float))


def _segment_actions(customers: pd.DataFrame, segments, as_of: pd.Timestamp) -> pd.DataFrame:
    """Every customer (index ``customer_id``) with its segment's strategy and the next routine
    revisit (day and channel), in the order of the segments' revenue."""
    from helpers.care import revisit_plan

    plan = revisit_plan(customers[["tier"]].reset_index(), as_of, as_of + pd.DateOffset(months=_REVISIT_MONTHS))
    first = plan.groupby("customer_id", sort=False).first()   # the plan is sorted by day, then priority
    ids = customers.index.to_series().astype("string")
    channel = ids.map(first["channel"]).astype("string").fillna("")
    out = customers[["segment", "segment_label"]].assign(
        strategy=_labels(customers["segment"], field="strategy").to_numpy(), tier_label=customers["tier_label"],
        monetary=customers["monetary"], revisit_date=ids.map(first["due_date"]).to_numpy(),
        channel_label=_labels(channel).to_numpy())
    rank = {s: i for i, s in enumerate(_segments_by_revenue(segments))}
    out = out.assign(_rank=out["segment"].map(rank)).reset_index()
    out = out.sort_values(["_rank", "monetary", "customer_id"], ascending=[True, False, True], kind="mergesort")
    return out.drop(columns="_rank").set_index("customer_id")


def _segments_by_revenue(segments) -> list:
    """Segment ids, largest revenue first (the order of :func:`helpers.segments.segment_summary`)."""
    from helpers.segments import segment_summary

    return segment_summary(segments)["segment"].tolist()


def _with_value(actions: pd.DataFrame, customers: pd.DataFrame) -> pd.DataFrame:
    """An action list with each customer's ``prob_alive`` and ``clv`` before its action columns."""
    value = customers[["prob_alive", "clv"]].reindex(actions.index)
    at = actions.columns.get_loc("action")
    out = pd.concat([actions.iloc[:, :at], value, actions.iloc[:, at:]], axis=1)
    out.attrs = dict(actions.attrs)
    return out


def _require_columns(tx) -> None:
    """The report reads the standard columns: a DataError naming the first one missing (or typed
    wrongly) and how to get them, before any step runs."""
    from helpers.errors import DataError

    frame = as_lazy(tx)
    schema = schema_of(frame)
    for column in _COLUMNS:
        if column not in schema:
            raise DataError("err_rfm_missing_column", column=column, fix_key="fix_report_columns")
    require_transactions(frame, _COLUMNS, "order_date", "amount", schema=schema)


def _until(tx, as_of: pd.Timestamp) -> tuple:
    """``(transactions up to the day as_of, how many were later)``, where the transactions live."""
    if is_pandas(tx):
        later = tx["order_date"].dt.normalize() > as_of
        return (tx[~later] if later.any() else tx), int(later.sum())
    frame = as_lazy(tx)
    after = day(nw.col("order_date")) > as_of.to_pydatetime()
    later = int(collect(frame.select(after.cast(nw.Int64).sum())).item() or 0)
    if not later:
        return tx, 0
    kept = frame.filter(~after)
    return (collect(kept).to_native() if isinstance(nw.from_native(tx), nw.DataFrame) else kept.to_native()), later


@validate_params(scheme=Options(*SCHEMES), horizon=Interval(int, 1, None),
                 margin=Interval(float, 0, 1, closed="right"), discount=Interval(float, 0, 1, closed="left"))
def analyse(tx, data_report=None, *, as_of=None, scheme: str = "cn8", source: str | None = None,
            horizon: int = HORIZON, margin: float = MARGIN, discount: float = DISCOUNT,
            currency: str | None = None, progress=_quiet) -> CustomerReport:
    """Classify every customer of the clean transactions ``tx`` (from ``load_transactions``, or a
    Polars, DuckDB or Spark frame with the same columns) and forecast their value. The steps that
    read transactions run where ``tx`` lives; the per-customer tables of the report are pandas.

    ``as_of`` (default: the day after the last transaction, :func:`helpers.data.engines.resolve_as_of`)
    is used by every step; transactions after that day are left out (noted). ``scheme``: a
    :data:`helpers.segments.SCHEMES` name (``pymc`` scores quartiles, the others quintiles).
    ``horizon`` (months), ``margin`` (a share of spend) and ``discount`` (per month) set the CLV
    (:func:`helpers.report.value.customer_value`; defaults 12, 1 and 0.01). ``currency`` names the
    currency of the amounts for people (``"GBP"``, ``"¥"``…; default ``tx.attrs["currency"]``,
    else none). ``data_report`` (the :class:`~helpers.data.DataReport` of the load) and ``source``
    (a name for the data) go into the report; ``progress`` receives one line of text per step. The
    kit's DataWarnings are kept in ``notes``.

    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a", "b", "b"], "amount": [50.0, 20.0, 30.0],
    ...     "order_date": pd.to_datetime(["2024-01-02", "2024-02-01", "2024-03-01"])})
    >>> report = analyse(tx, scheme="r_rfm10")
    >>> str(report.as_of.date()), report.customers["frequency"].to_dict()
    ('2024-03-02', {'a': 1, 'b': 2})
    """
    return _analyse(tx, data_report, as_of=as_of, scheme=scheme, source=source, horizon=horizon, margin=margin,
                    discount=discount, currency=currency, progress=progress)


def _analyse(tx, data_report=None, *, as_of=None, scheme="cn8", source=None, horizon=HORIZON, margin=MARGIN,
             discount=DISCOUNT, currency=None, progress=_quiet, classified=None, worker=None) -> CustomerReport:
    """:func:`analyse`; ``classified(segments, pyramid, matrix, states)``, when given, is told the
    classes as soon as they are known (:func:`helpers.report.create_report` starts drawing charts);
    the value models are fitted in ``worker`` (:mod:`helpers.report.worker`) while the customers
    are classified here."""
    from helpers.errors import collect_warnings
    from helpers.lifecycle import at_risk_list, relationship_states, win_back_list
    from helpers.matrices import marcus_matrix
    from helpers.rfm.scores import rfm_score
    from helpers.rfm.table import rfm_table
    from helpers.segments import rfm_segment
    from helpers.tiers import customer_pyramid

    _require_columns(tx)
    currency = currency or getattr(tx, "attrs", {}).get("currency")
    notes = []
    if as_of is not None:
        as_of = resolve_as_of(as_of, None)
        tx, cut = _until(tx, as_of)
        if cut:
            notes.append(t("report_note_after_as_of", n=f"{cut:,}", as_of=as_of.date()))
    with collect_warnings() as warned:
        rfm = rfm_table(tx, as_of)
        as_of = rfm.attrs["as_of"]
        progress(t("report_step_value", horizon=horizon))     # first: the models are fitted while the rest runs
        valued = later(worker, value_from, purchase_histories(tx, as_of), horizon=horizon, margin=margin,
                       discount=discount)
        progress(t("report_step_segments", scheme=scheme))
        quartiles = scheme == "pymc"      # PyMC-Marketing scores purchase days and mean spend per day
        scored = rfm_table(tx, as_of, frequency="days", monetary="mean") if quartiles else rfm
        scores = rfm_score(scored, n_bins=4 if quartiles else 5, method="qcut_drop" if quartiles else "r_rfm")
        segments = rfm_segment(scores, scheme)
        progress(t("report_step_tiers"))
        pyramid = customer_pyramid(rfm["monetary"], preset=_PYRAMID_PRESET)
        matrix = marcus_matrix(rfm)                      # the RFM table keeps its customer_id index
        states = relationship_states(tx, as_of, preset=_LIFECYCLE_PRESET)
        if classified is not None:
            classified(segments, pyramid, matrix, states)
        progress(t("report_step_lists"))
        lists = {"value_quantile": _VALUE_QUANTILE, "states": states}
        at_risk, win_back = at_risk_list(tx, as_of, **lists), win_back_list(tx, as_of, **lists)
        value = valued.result()
        customers = _customer_table(segments, pyramid, matrix, states, value)
        at_risk, win_back = _with_value(at_risk, customers), _with_value(win_back, customers)
        actions = _segment_actions(customers, segments, as_of)
    name = source or (data_report.source if data_report is not None else "DataFrame")
    return CustomerReport(name, as_of, scheme, scores, segments, pyramid, matrix, states, at_risk, win_back,
                          customers, actions, value, data_report, notes + list(warned), currency)
