"""Customer relationship states (客户关系阶段) from transactions, and the churn / win-back lists.

Each customer gets exactly one state at ``as_of``; the rules of docs/methods.md §3.2 are tried in order
and the first that matches wins:

====  ===============  ======================================================================
rule  state            condition (recency in days since the last purchase, ``as_of`` included)
====  ===============  ======================================================================
0     prospect/target  in the CRM table, no purchase (``non_customer`` if its lead_status says so)
1     lost             recency_days > churn_days
2     at_risk          active_days < recency_days <= churn_days
3     reactivated      returned after a gap > churn_days, the return within the last active_days
4     new              active and exactly one order ever
5     loyal            active and >= n_loyal_orders orders within loyal_window_days days
6     repeat           otherwise (active, two or more orders)
====  ===============  ======================================================================

    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b"], "amount": [10.0, 20.0, 5.0],
    ...                    "order_date": pd.to_datetime(["2024-01-05", "2024-06-01", "2023-01-01"])})
    >>> relationship_states(tx, as_of="2024-06-30").table["state"].to_dict()
    {'a': 'repeat', 'b': 'lost'}

An order is one ``order_id`` (or, without that column, one purchase day). Orders whose total is
negative are returns: they reduce revenue but are not purchases. Zero-amount orders are purchases.
"""
from __future__ import annotations

import narwhals as nw
import numpy as np
import pandas as pd

from helpers.data.engines import (MONEY_DECIMALS, as_lazy, collect, day_number, day_number_of, latest_date,
                                  require_transactions, resolve_as_of, rounded, schema_of,
                                  to_customer_index, without_missing_customers)
from helpers.errors import DataError, format_rows, warn
from helpers.i18n import label
from helpers.result import Classification
from helpers.validation import Interval, Options, validate_params

__all__ = ["STATES", "LEAD_STATUSES", "PRESETS", "RelationshipStates", "relationship_states", "at_risk_list",
           "win_back_list", "state_labels"]

#: Every state, in the order of the course's flow diagram (潜在 → 目标 → 现实 → 流失 → 挽回).
STATES = ("non_customer", "prospect", "target", "new", "repeat", "loyal", "at_risk", "lost",
          "reactivated")
NO_PURCHASE_STATES = ("non_customer", "prospect", "target")
#: ``lead_status`` values a CRM table may hold; ``customer`` marks buyers (classified by their purchases).
BUYER_STATUS = "customer"
LEAD_STATUSES = NO_PURCHASE_STATES + (BUYER_STATUS,)

#: Threshold presets (docs/methods.md §3.2). "annual" follows De Bruyn's managerial segmentation:
#: active <= 1 year, warm/cold 1–3 years (at risk), inactive > 3 years (lost); its loyalty rule
#: (3 orders in 3 years) is a design default.
PRESETS = {
    "retail_quarterly": {"active_days": 90, "churn_days": 180, "loyal_window_days": 365, "n_loyal_orders": 4},
    "annual": {"active_days": 365, "churn_days": 1095, "loyal_window_days": 1095, "n_loyal_orders": 3},
}
#: De Bruyn's managerial segments (ESSEC, *Foundations of Marketing Analytics*), added by preset "annual".
MANAGERIAL = {"warm_days": 730, "new_days": 365, "new_warm_days": 730, "high_value": 100.0}

_RULES = (
    ("lost", "1: recency_days > churn_days"),
    ("at_risk", "2: active_days < recency_days <= churn_days"),
    ("reactivated", "3: returned after a gap > churn_days, within active_days"),
    ("new", "4: active, orders == 1"),
    ("loyal", "5: active, orders_in_window >= n_loyal_orders"),
    ("repeat", "6: active, orders >= 2"),
)
CRM_RULE = "0: in CRM, no purchase"
_DAY = "__day"
_PERIOD = "__period"


def state_labels(ids, field: str | None = None):
    """Labels (or ``field="strategy"``) of state ids in the active language.

    >>> from helpers.i18n import language
    >>> with language("en"):
    ...     state_labels(["new", "lost"])
    ['First-time buyers', 'Lost customers']
    """
    def key(i):
        return f"lc_state.{i}"

    if isinstance(ids, str):
        return label(key(ids), field)
    if hasattr(ids, "map"):
        return label(ids.map(key), field)
    return label([key(i) for i in ids], field)


class RelationshipStates(Classification):
    """A :class:`~helpers.result.Classification` whose labels are the lifecycle-state labels.

    ``table`` is indexed by ``customer_id``; ``thresholds`` are the day limits used, ``params`` the
    analysis date and settings.

    >>> import pandas as pd
    >>> from helpers.i18n import language
    >>> tx = pd.DataFrame({"customer_id": ["a", "b"], "amount": [10.0, 5.0],
    ...                    "order_date": pd.to_datetime(["2024-06-01", "2023-01-01"])})
    >>> res = relationship_states(tx, as_of="2024-06-30")
    >>> with language("en"):
    ...     res.labels().to_dict()
    {'a': 'First-time buyers', 'b': 'Lost customers'}
    """

    def labels(self) -> pd.Series:
        return state_labels(self.classes)

    def summary(self) -> pd.DataFrame:
        out = super().summary()
        out["label"] = state_labels(out[self.class_col])
        return out


def require_columns(frame, columns) -> None:
    """Raise a :class:`DataError` naming the first expected column ``frame`` lacks (any engine).

    >>> require_columns(pd.DataFrame({"a": [1]}), ["a"])
    """
    names = list(frame.columns) if isinstance(frame, pd.DataFrame) else schema_of(as_lazy(frame)).names()
    for col in columns:
        if col not in names:
            raise DataError("lc_err_missing_column", column=col, fix_key="lc_fix_missing_column",
                            found=", ".join(map(str, names)))


def _with_id_column(frame, customer_col: str):
    """``frame`` with its ``customer_col`` as a column, also when the ids are its (named) index."""
    if isinstance(frame, pd.DataFrame) and customer_col not in frame.columns and frame.index.name == customer_col:
        return frame.reset_index()
    return frame


def transactions_frame(tx, customer_col: str, date_col: str, amount_col: str,
                       order_col: str | None = None) -> nw.LazyFrame:
    """``tx`` on its engine (pandas: Polars), its columns checked (present, dates as dates,
    amounts as numbers), without the transactions that have no customer id (counted in a warning).

    >>> tx = pd.DataFrame({"customer_id": ["a"], "amount": [1.0], "order_date": pd.to_datetime(["2024-01-05"])})
    >>> transactions_frame(tx, "customer_id", "order_date", "amount").collect_schema().names()
    ['customer_id', 'amount', 'order_date']
    """
    tx = _with_id_column(tx, customer_col)
    require_columns(tx, [customer_col, date_col, amount_col])
    frame = as_lazy(tx, [customer_col, date_col, amount_col, order_col])
    require_transactions(frame, [], date_col, amount_col)
    return without_missing_customers(frame, customer_col, amount_col)[0]


#: Calendar periods as integer keys an engine computes (docs/methods.md §3.4), and their pandas ordinals.
PERIODS = ("D", "W", "M", "Q", "Y")


def period_key(date: nw.Expr, day: nw.Expr, period: str) -> nw.Expr:
    """The calendar period of a date as an integer, on every engine (``day`` is its day number)."""
    if period == "D":
        return day
    if period == "W":           # weeks from Monday to Sunday; 1970-01-01 was a Thursday
        return (day + 3) // 7
    year = date.dt.year().cast(nw.Int64)
    if period == "Y":
        return year
    month = date.dt.month().cast(nw.Int64) - 1
    return year * 12 + month if period == "M" else year * 4 + month // 3


def as_periods(keys, period: str) -> pd.PeriodIndex:
    """:func:`period_key` values as pandas Periods (``"W"`` weeks end on Sunday, as pandas' ``W``).

    >>> as_periods([2024 * 4 + 1], "Q")
    PeriodIndex(['2024Q2'], dtype='period[Q-DEC]')
    """
    keys = np.asarray(keys, dtype="int64")
    offset = {"D": 0, "W": -1, "M": 1970 * 12, "Q": 1970 * 4, "Y": 1970}[period]
    return pd.PeriodIndex.from_ordinals(keys - offset, freq=period)


def orders_frame(frame: nw.LazyFrame, as_of: pd.Timestamp, *, customer_col: str = "customer_id",
                 date_col: str = "order_date", amount_col: str = "amount", order_col: str = "order_id",
                 period: str | None = None) -> nw.LazyFrame:
    """One row per order up to ``as_of`` (inclusive), where the data lives: ``customer_id``,
    ``day`` (the order's first day, a day number: :func:`helpers.data.engines.day_number`) and
    ``amount`` (summed over its lines); with ``period``, also the ``period`` of that first day
    (:func:`period_key`). Orders are ``order_col`` values when that column exists, else purchase
    days. Machinery shared with :mod:`helpers.cohorts`.

    >>> tx = pd.DataFrame({"customer_id": ["a", "a"], "amount": [1.0, 2.0],
    ...                    "order_date": pd.to_datetime(["2024-01-05", "2024-01-05"])})
    >>> orders = orders_frame(as_lazy(tx), pd.Timestamp("2024-02-01"))
    >>> collect(orders).to_native()["amount"].tolist()      # one purchase day
    [3.0]
    """
    rows = frame.with_columns(day_number(nw.col(date_col), frame.implementation).alias(_DAY)).filter(
        nw.col(_DAY) <= day_number_of(as_of))
    keys = []
    if period is not None:
        rows = rows.with_columns(period_key(nw.col(date_col), nw.col(_DAY), period).alias(_PERIOD))
        keys = [nw.col(_PERIOD).min().alias("period")]
    if order_col in frame.collect_schema():     # an order spread over several days counts on its first day
        orders = rows.group_by(customer_col, order_col).agg(nw.col(_DAY).min().alias("day"),
                                                           nw.col(amount_col).sum().alias("amount"), *keys)
    else:
        orders = rows.group_by(customer_col, _DAY).agg(nw.col(amount_col).sum().alias("amount"), *keys)
        orders = orders.rename({_DAY: "day"})
    return orders.select(nw.col(customer_col).alias("customer_id"), "day",
                         nw.col("amount").cast(nw.Float64).round(MONEY_DECIMALS),
                         *(["period"] if period is not None else []))


def purchases(orders):
    """The orders that are purchases (total >= 0; negative totals are returns).

    >>> purchases(pd.DataFrame({"amount": [5.0, -5.0, 0.0]}))["amount"].tolist()
    [5.0, 0.0]
    """
    if isinstance(orders, pd.DataFrame):
        return orders[orders["amount"] >= 0]
    return orders.filter(nw.col("amount") >= 0)


def as_dates(day_numbers: pd.Series) -> pd.Series:
    """Day numbers (days from 1970-01-01) as midnight timestamps; missing stays missing.

    >>> as_dates(pd.Series([19723, None])).tolist()
    [Timestamp('2024-01-01 00:00:00'), NaT]
    """
    return (pd.Timestamp("1970-01-01") + pd.to_timedelta(day_numbers, unit="D")).astype("datetime64[ns]")


def _history(orders: nw.LazyFrame, as_of: pd.Timestamp, p: dict, individual: dict | None) -> pd.DataFrame:
    """Per-customer recency, order counts, first/last purchase, return day, churn threshold and
    revenue, computed where the data lives (one small row per customer comes back)."""
    today = day_number_of(as_of)
    buys = purchases(orders)
    in_window = ((today - nw.col("day")) <= p["loyal_window_days"]).cast(nw.Int64).alias("_in_window")
    per_buyer = buys.with_columns(in_window).group_by("customer_id").agg(
        nw.col("day").min().alias("first_purchase"), nw.col("day").max().alias("last_purchase"),
        nw.len().alias("orders"), nw.col("_in_window").sum().alias("orders_in_window"))
    days = buys.select("customer_id", "day").unique()
    days = days.with_columns((nw.col("day") - nw.col("day").shift(1).over("customer_id", order_by="day")).alias("gap"))
    threshold = nw.lit(float(p["churn_days"]))
    if individual is not None:
        # docs/methods.md §3.2: churn_days_i = k × median inter-purchase time_i, never below the floor.
        median_gap = days.group_by("customer_id").agg(nw.col("gap").median().alias("median_gap"))
        days = days.join(median_gap, on="customer_id", how="left")
        own = nw.max_horizontal(individual["k"] * nw.col("median_gap"), nw.lit(float(individual["floor"])))
        threshold = nw.when(nw.col("median_gap").is_null()).then(threshold).otherwise(own)
        per_buyer = per_buyer.join(median_gap, on="customer_id", how="left")
    returned = days.filter(nw.col("gap") > threshold).group_by("customer_id").agg(
        nw.col("day").max().alias("returned_on"))
    revenue = orders.group_by("customer_id").agg(nw.col("amount").sum().alias("revenue")).with_columns(
        *rounded("revenue"))
    hist = revenue.join(per_buyer, on="customer_id", how="left").join(returned, on="customer_id", how="left")
    hist = to_customer_index(collect(hist), "customer_id")
    for column in ("first_purchase", "last_purchase", "returned_on"):
        hist[column] = as_dates(hist[column])
    hist["recency_days"] = (as_of - hist["last_purchase"]).dt.days
    hist["churn_days"] = float(p["churn_days"])
    if individual is not None:
        own = np.maximum(individual["k"] * hist["median_gap"], individual["floor"])
        hist["churn_days"] = own.where(hist.pop("median_gap").notna(), hist["churn_days"])
    return hist


def _classify(hist: pd.DataFrame, as_of: pd.Timestamp, p: dict) -> pd.DataFrame:
    """Apply rules 1–6 of docs/methods.md §3.2 in order (``np.select`` keeps the first match)."""
    r, active = hist["recency_days"], hist["recency_days"] <= p["active_days"]
    since_return = (as_of - hist["returned_on"]).dt.days
    conditions = [
        r > hist["churn_days"],
        (r > p["active_days"]) & (r <= hist["churn_days"]),
        active & (since_return <= p["active_days"]),
        active & (hist["orders"] == 1),
        active & (hist["orders_in_window"] >= p["n_loyal_orders"]),
        active,
    ]
    states, rules = zip(*_RULES)
    out = hist.copy()
    out["state"] = np.select(conditions, states, default="repeat")
    out["rule"] = np.select(conditions, rules, default=rules[-1])
    return out


def _managerial_segment(hist: pd.DataFrame, as_of: pd.Timestamp) -> pd.Series:
    """De Bruyn's segments: recency band, then newness, then average order value (>= 100 high)."""
    r = hist["recency_days"]
    age = (as_of - hist["first_purchase"]).dt.days
    high = hist["revenue"] / hist["orders"] >= MANAGERIAL["high_value"]
    active, warm = r <= PRESETS["annual"]["active_days"], r <= MANAGERIAL["warm_days"]
    cold = r <= PRESETS["annual"]["churn_days"]
    conditions = [active & (age <= MANAGERIAL["new_days"]), active & high, active,
                  warm & (age <= MANAGERIAL["new_warm_days"]), warm & high, warm, cold]
    names = ["new_active", "active_high_value", "active_low_value", "new_warm", "warm_high_value",
             "warm_low_value", "cold"]
    return pd.Series(np.select(conditions, names, default="inactive"), index=hist.index)


def _crm_states(crm: pd.DataFrame, customer_col: str, buyers: pd.Index) -> pd.DataFrame:
    """Rule 0: CRM entries without purchases → target (``is_target``), non_customer or prospect."""
    crm = _with_id_column(crm, customer_col)
    require_columns(crm, [customer_col])
    ids = crm[customer_col].astype("string")
    state = pd.Series("prospect", index=crm.index, dtype=object)
    if "lead_status" in crm.columns:
        status = crm["lead_status"].astype("string").str.strip().str.lower().replace("", pd.NA).fillna("prospect")
        bad = ~status.isin(LEAD_STATUSES)
        if bad.any():
            raise DataError("lc_err_lead_status", column="lead_status", fix_key="lc_fix_lead_status",
                            rows=np.flatnonzero(bad.to_numpy()) + 1, allowed=", ".join(LEAD_STATUSES))
        # A CRM "customer" without a purchase by as_of (e.g. an earlier snapshot) is still a prospect.
        state = status.replace(BUYER_STATUS, "prospect").astype(object)
    if "is_target" in crm.columns:
        state = state.where(~crm["is_target"].fillna(False).astype(bool), "target")
    out = pd.DataFrame({"customer_id": ids.to_numpy(), "state": state.to_numpy()}).drop_duplicates("customer_id")
    out = out[~out["customer_id"].isin(buyers)].set_index("customer_id")
    out["rule"] = CRM_RULE
    return out


_DAYS = [Interval(int, 1, None), None]


@validate_params(preset=Options(*PRESETS), active_days=_DAYS, churn_days=_DAYS, loyal_window_days=_DAYS,
                 n_loyal_orders=_DAYS, individual=Options(True, False),
                 churn_k=Interval(float, 0, None, closed="neither"), churn_floor_days=[Interval(int, 0, None), None])
def relationship_states(tx, as_of=None, crm: pd.DataFrame | None = None, *,
                        preset: str = "retail_quarterly", active_days: int | None = None,
                        churn_days: int | None = None, loyal_window_days: int | None = None,
                        n_loyal_orders: int | None = None, individual: bool = False,
                        churn_k: float = 2.5, churn_floor_days: int | None = None,
                        customer_col: str = "customer_id", date_col: str = "order_date",
                        amount_col: str = "amount", order_col: str = "order_id") -> RelationshipStates:
    """The relationship state of every customer at ``as_of`` (docs/methods.md §3.2), class column ``state``.

    ``tx`` may live on any engine (pandas, Polars, DuckDB, Spark): the orders are aggregated there
    and one row per customer comes back. The table is indexed by ``customer_id``. Customers whose
    only orders by ``as_of`` are returns have no state (listed in ``params["returns_only"]``).
    The day limits come from ``preset``
    (:data:`PRESETS`); ``active_days``, ``churn_days``, ``loyal_window_days`` and ``n_loyal_orders``
    override them one by one. A customer whose only orders by ``as_of`` are returns has no state:
    they are listed in ``params["returns_only"]`` and a DataWarning names them. ``crm`` (optional) lists known people: ``customer_col`` (a column
    or the index) plus optional ``is_target`` (bool) and ``lead_status`` (``prospect`` /
    ``target`` / ``non_customer`` / ``customer``); those without purchases by ``as_of`` get rule 0
    (a ``customer`` who has not bought yet counts as a prospect). ``individual=True`` replaces
    churn_days per customer by ``churn_k`` × their median days between purchases, at least
    ``churn_floor_days`` (default ``active_days``).

    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["C5", "C5"], "amount": [80.0, 90.0],
    ...                    "order_date": pd.to_datetime(["2023-05-10", "2024-06-01"])})
    >>> res = relationship_states(tx, as_of="2024-06-30")
    >>> res.table.loc["C5", "state"], int(res.table.loc["C5", "recency_days"])
    ('reactivated', 29)
    >>> relationship_states(tx, as_of="2024-06-30", churn_days=400).table.loc["C5", "state"]
    'repeat'
    """
    given = {"active_days": active_days, "churn_days": churn_days, "loyal_window_days": loyal_window_days,
             "n_loyal_orders": n_loyal_orders}
    p = {**PRESETS[preset], **{k: v for k, v in given.items() if v is not None}}
    ind = ({"k": churn_k, "floor": p["active_days"] if churn_floor_days is None else churn_floor_days}
           if individual else None)
    frame = transactions_frame(tx, customer_col, date_col, amount_col, order_col)
    as_of = resolve_as_of(as_of, None if as_of is not None else latest_date(frame, date_col))
    orders = orders_frame(frame, as_of, customer_col=customer_col, date_col=date_col, amount_col=amount_col,
                          order_col=order_col)
    history = _history(orders, as_of, p, ind)
    buyers = history["orders"].notna()        # a customer whose only orders are returns has no state
    returns_only = history.index[~buyers].tolist()
    if returns_only:
        warn("lc_warn_returns_only", n=len(returns_only), ids=format_rows(returns_only, len(returns_only)))
    table = _classify(history[buyers], as_of, p)
    if preset == "annual":
        table["managerial_segment"] = _managerial_segment(table, as_of)
    if crm is not None:
        table = pd.concat([table, _crm_states(crm, customer_col, table.index)])
    if not individual:
        table = table.drop(columns="churn_days")
    front = ["state", "rule", "recency_days", "orders", "orders_in_window", "first_purchase",
             "last_purchase", "returned_on", "revenue"]
    table = table[front + [c for c in table.columns if c not in front]].sort_index()
    table.index.name = "customer_id"
    counts = ["recency_days", "orders", "orders_in_window"]      # missing for CRM-only rows
    table[counts] = table[counts].astype("Int64")
    thresholds = dict(p, **({"churn_k": ind["k"], "churn_floor_days": ind["floor"]} if ind else {}))
    params = {"as_of": as_of.date().isoformat(), "preset": preset, "individual": individual,
              "orders": order_col if order_col in frame.collect_schema() else "purchase_days",
              "crm": crm is not None, "returns_only": returns_only}
    if "currency" in getattr(tx, "attrs", {}):          # the currency of the amounts, for display
        table.attrs["currency"] = tx.attrs["currency"]
    return RelationshipStates(table, thresholds, params, class_col="state")


ACTION_COLUMNS = ["state", "last_purchase", "recency_days", "orders", "revenue"]


def _action_list(res: RelationshipStates, actions: pd.Series, value_cut: float) -> pd.DataFrame:
    """Rows of ``res`` that got an action (non-empty), indexed by customer_id, most valuable first, ties by id."""
    chosen = actions[actions != ""]
    out = res.table.loc[chosen.index, ACTION_COLUMNS].assign(action=chosen)
    out["action_text"] = label(("lc_action." + out["action"]).tolist())
    out = out.sort_values(["revenue", "customer_id"], ascending=[False, True])
    out.attrs.update(as_of=res.params["as_of"], value_threshold=value_cut,
                     **{k: v for k, v in res.table.attrs.items() if k == "currency"})
    return out


def _value_cut(res: RelationshipStates, value_quantile: float) -> float:
    """Revenue at ``value_quantile`` among buyers: customers at or above it count as high value."""
    return float(res.table["revenue"].dropna().quantile(value_quantile))


@validate_params(recently_lost_days=[Interval(int, 0, None), None], value_quantile=Interval(float, 0, 1))
def at_risk_list(tx: pd.DataFrame, as_of=None, *, recently_lost_days: int | None = None,
                 value_quantile: float = 0.75, states: RelationshipStates | None = None,
                 **state_kwargs) -> pd.DataFrame:
    """Customers to contact before they are gone: at_risk ones, and those lost for at most
    ``recently_lost_days`` beyond their churn threshold (default ``active_days``).

    Indexed by ``customer_id``; each row has the state, last purchase, recency, orders, revenue and
    a suggested ``action`` (id and ``action_text``): ``save_call`` for high-value at-risk customers
    (revenue at or above the ``value_quantile`` of all buyers), ``reminder`` for other at-risk
    ones, ``win_back_offer`` for the recently lost. Most valuable first. ``state_kwargs`` go to
    :func:`relationship_states`, unless ``states`` gives its result for ``tx`` at ``as_of`` already;
    ``attrs`` hold ``as_of`` and the ``value_threshold`` used.

    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a", "b"], "amount": [50.0, 10.0],
    ...                    "order_date": pd.to_datetime(["2024-02-01", "2024-06-01"])})
    >>> at_risk_list(tx, "2024-06-30")["action"].to_dict()
    {'a': 'save_call'}
    """
    res = relationship_states(tx, as_of, **state_kwargs) if states is None else states
    tab, p = res.table, res.thresholds
    extra = p["active_days"] if recently_lost_days is None else recently_lost_days
    churn = tab.get("churn_days", p["churn_days"])
    cut = _value_cut(res, value_quantile)
    recently_lost = (tab["state"] == "lost") & (tab["recency_days"] <= churn + extra)
    at_risk = tab["state"] == "at_risk"
    actions = pd.Series(np.select([at_risk & (tab["revenue"] >= cut), at_risk, recently_lost],
                                  ["save_call", "reminder", "win_back_offer"], default=""), index=tab.index)
    return _action_list(res, actions, cut)


@validate_params(value_quantile=Interval(float, 0, 1))
def win_back_list(tx: pd.DataFrame, as_of=None, *, value_quantile: float = 0.75,
                  states: RelationshipStates | None = None, **state_kwargs) -> pd.DataFrame:
    """Lost customers worth winning back (revenue at or above the ``value_quantile`` of all buyers;
    action ``win_back_offer``) and reactivated ones to welcome back (``welcome_back``).

    Same columns and index as :func:`at_risk_list`, most valuable first; ``states`` as there.

    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a", "b", "b"], "amount": [90.0, 10.0, 5.0],
    ...                    "order_date": pd.to_datetime(["2023-01-01", "2023-01-01", "2024-06-01"])})
    >>> win_back_list(tx, "2024-06-30")["action"].to_dict()
    {'a': 'win_back_offer', 'b': 'welcome_back'}
    """
    res = relationship_states(tx, as_of, **state_kwargs) if states is None else states
    tab = res.table
    cut = _value_cut(res, value_quantile)
    actions = pd.Series(np.select([(tab["state"] == "lost") & (tab["revenue"] >= cut),
                                   tab["state"] == "reactivated"],
                                  ["win_back_offer", "welcome_back"], default=""), index=tab.index)
    return _action_list(res, actions, cut)
