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

import numpy as np
import pandas as pd

from helpers.data.engines import resolve_as_of
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


def require_columns(frame: pd.DataFrame, columns) -> None:
    """Raise a :class:`DataError` naming the first expected column ``frame`` lacks."""
    for col in columns:
        if col not in frame.columns:
            raise DataError("lc_err_missing_column", column=col, fix_key="lc_fix_missing_column",
                            found=", ".join(map(str, frame.columns)))


def _with_id_column(frame: pd.DataFrame, customer_col: str) -> pd.DataFrame:
    """``frame`` with its ``customer_col`` as a column, also when the ids are its (named) index."""
    if customer_col not in frame.columns and frame.index.name == customer_col:
        return frame.reset_index()
    return frame


def orders_table(tx: pd.DataFrame, as_of, *, customer_col: str = "customer_id", date_col: str = "order_date",
                 amount_col: str = "amount", order_col: str = "order_id") -> pd.DataFrame:
    """One row per order up to ``as_of`` (inclusive): customer_id, day, amount (summed).

    Orders are ``order_col`` values when that column exists, else purchase days. Sorted by
    customer and day, so results never depend on the input's row order. Machinery shared with
    :mod:`helpers.cohorts`.

    >>> tx = pd.DataFrame({"customer_id": ["a", "a"], "amount": [1.0, 2.0],
    ...                    "order_date": pd.to_datetime(["2024-01-05", "2024-01-05"])})
    >>> orders_table(tx, pd.Timestamp("2024-02-01"))["amount"].tolist()      # one purchase day
    [3.0]
    """
    tx = _with_id_column(tx, customer_col)
    require_columns(tx, [customer_col, date_col, amount_col])
    day = tx[date_col].dt.normalize()
    keep = day <= as_of
    frame = pd.DataFrame({"customer_id": tx.loc[keep, customer_col].astype("string"), "day": day[keep],
                          "amount": tx.loc[keep, amount_col].astype(float)})
    if order_col in tx.columns:     # an order spread over several days counts on its first day
        frame["order"] = tx.loc[keep, order_col].astype("string")
        per_order = frame.groupby(["customer_id", "order"], dropna=False).agg(
            day=("day", "min"), amount=("amount", "sum"))
    else:
        per_order = frame.groupby(["customer_id", "day"]).agg(amount=("amount", "sum"))
    per_order = per_order.reset_index()[["customer_id", "day", "amount"]]
    return per_order.sort_values(["customer_id", "day", "amount"], kind="stable").reset_index(drop=True)


def purchases(orders: pd.DataFrame) -> pd.DataFrame:
    """The orders that are purchases (total >= 0; negative totals are returns).

    >>> purchases(pd.DataFrame({"amount": [5.0, -5.0, 0.0]}))["amount"].tolist()
    [5.0, 0.0]
    """
    return orders[orders["amount"] >= 0]


def _history(orders: pd.DataFrame, as_of: pd.Timestamp, p: dict, individual: dict | None) -> pd.DataFrame:
    """Per-customer recency, order counts, first/last purchase, return day and churn threshold."""
    buys = purchases(orders)
    days = buys.drop_duplicates(["customer_id", "day"])
    gap = days.groupby("customer_id")["day"].diff().dt.days
    g = buys.groupby("customer_id")
    hist = pd.DataFrame({
        "first_purchase": g["day"].min(),
        "last_purchase": g["day"].max(),
        "orders": g.size(),
        "orders_in_window": buys[(as_of - buys["day"]).dt.days <= p["loyal_window_days"]]
        .groupby("customer_id").size(),
    })
    hist["orders_in_window"] = hist["orders_in_window"].fillna(0).astype(int)
    hist["recency_days"] = (as_of - hist["last_purchase"]).dt.days
    hist["churn_days"] = float(p["churn_days"])
    if individual is not None:
        # docs/methods.md §3.2: churn_days_i = k × median inter-purchase time_i, never below the floor.
        median_gap = gap.groupby(days["customer_id"]).median().dropna()
        hist.loc[median_gap.index, "churn_days"] = np.maximum(individual["k"] * median_gap, individual["floor"])
    long_gap = gap > hist["churn_days"].reindex(days["customer_id"]).to_numpy()
    hist["returned_on"] = days.loc[long_gap, ["customer_id", "day"]].groupby("customer_id")["day"].max()
    hist["revenue"] = orders.groupby("customer_id")["amount"].sum()
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
def relationship_states(tx: pd.DataFrame, as_of=None, crm: pd.DataFrame | None = None, *,
                        preset: str = "retail_quarterly", active_days: int | None = None,
                        churn_days: int | None = None, loyal_window_days: int | None = None,
                        n_loyal_orders: int | None = None, individual: bool = False,
                        churn_k: float = 2.5, churn_floor_days: int | None = None,
                        customer_col: str = "customer_id", date_col: str = "order_date",
                        amount_col: str = "amount", order_col: str = "order_id") -> RelationshipStates:
    """The relationship state of every customer at ``as_of`` (docs/methods.md §3.2), class column ``state``.

    The table is indexed by ``customer_id``. The day limits come from ``preset``
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
    tx = _with_id_column(tx, customer_col)
    require_columns(tx, [customer_col, date_col, amount_col])
    as_of = resolve_as_of(as_of, tx[date_col])
    orders = orders_table(tx, as_of, customer_col=customer_col, date_col=date_col, amount_col=amount_col,
                          order_col=order_col)
    table = _classify(_history(orders, as_of, p, ind), as_of, p)
    returns_only = sorted(set(orders["customer_id"]) - set(table.index))   # no purchase by as_of: no state
    if returns_only:
        warn("lc_warn_returns_only", n=len(returns_only), ids=format_rows(returns_only, len(returns_only)))
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
              "orders": order_col if order_col in tx.columns else "purchase_days", "crm": crm is not None,
              "returns_only": returns_only}
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
                 value_quantile: float = 0.75, **state_kwargs) -> pd.DataFrame:
    """Customers to contact before they are gone: at_risk ones, and those lost for at most
    ``recently_lost_days`` beyond their churn threshold (default ``active_days``).

    Indexed by ``customer_id``; each row has the state, last purchase, recency, orders, revenue and
    a suggested ``action`` (id and ``action_text``): ``save_call`` for high-value at-risk customers
    (revenue at or above the ``value_quantile`` of all buyers), ``reminder`` for other at-risk
    ones, ``win_back_offer`` for the recently lost. Most valuable first. ``state_kwargs`` go to
    :func:`relationship_states`; ``attrs`` hold ``as_of`` and the ``value_threshold`` used.

    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a", "b"], "amount": [50.0, 10.0],
    ...                    "order_date": pd.to_datetime(["2024-02-01", "2024-06-01"])})
    >>> at_risk_list(tx, "2024-06-30")["action"].to_dict()
    {'a': 'save_call'}
    """
    res = relationship_states(tx, as_of, **state_kwargs)
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
                  **state_kwargs) -> pd.DataFrame:
    """Lost customers worth winning back (revenue at or above the ``value_quantile`` of all buyers;
    action ``win_back_offer``) and reactivated ones to welcome back (``welcome_back``).

    Same columns and index as :func:`at_risk_list`, most valuable first.

    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a", "b", "b"], "amount": [90.0, 10.0, 5.0],
    ...                    "order_date": pd.to_datetime(["2023-01-01", "2023-01-01", "2024-06-01"])})
    >>> win_back_list(tx, "2024-06-30")["action"].to_dict()
    {'a': 'win_back_offer', 'b': 'welcome_back'}
    """
    res = relationship_states(tx, as_of, **state_kwargs)
    tab = res.table
    cut = _value_cut(res, value_quantile)
    actions = pd.Series(np.select([(tab["state"] == "lost") & (tab["revenue"] >= cut),
                                   tab["state"] == "reactivated"],
                                  ["win_back_offer", "welcome_back"], default=""), index=tab.index)
    return _action_list(res, actions, cut)
