"""Added value (附加价值): gift packs of different grades for orders above spend thresholds.

When products are alike, added value sets them apart and raises what customers expect to buy:
a small gift from one order value, a better one from a higher value (满额赠). Before a campaign,
the order history answers three questions per grade: how many orders would earn it, what the gifts
would cost against the revenue they come with, and how many orders fell just short of the next
grade — the customers a visible threshold may move up (docs/methods.md §6).

    >>> import pandas as pd
    >>> orders = pd.DataFrame({"order_id": ["o1", "o2", "o3", "o4"], "amount": [50.0, 190.0, 250.0, 800.0]})
    >>> plan = gift_pack_grades(orders, breaks=(200, 500), costs=(10, 40))
    >>> plan["orders"].tolist(), plan["near_next"].tolist()
    ([2, 1, 1], [1, 0, 0])
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from helpers.complaints import check_columns, check_unique, parse_numbers
from helpers.errors import DataError
from helpers.validation import Interval, Numbers, validate_params

__all__ = ["gift_pack_grades"]


@validate_params(breaks=Numbers(None, 0, None, closed="neither", monotonic="increasing"),
                 costs=Numbers(None, 0, None, closed="left"), within_share=Interval(float, 0, 1))
def gift_pack_grades(orders: pd.DataFrame, *, breaks, costs, within_share: float = 0.1,
                     amount_col: str = "amount", order_col: str = "order_id") -> pd.DataFrame:
    """Orders, revenue and gift cost per gift grade, and the orders just below the next grade.

    ``breaks`` are the order values from which each grade applies (increasing); ``costs`` the cost
    of one gift of each grade (same length). Grade 0 is the orders below the first threshold (no
    gift); an order exactly on a threshold earns that grade. One row per grade: ``min_amount``,
    ``gift_cost`` (per gift), ``orders``, ``order_share`` (0–1), ``revenue``, ``gift_spend``
    (orders × gift cost), ``cost_share`` (gift spend ÷ the grade's revenue, 0–1) and ``near_next``:
    orders within ``within_share`` below the next grade's threshold. ``frame.attrs`` holds the
    totals: ``gift_spend`` and ``cost_share`` of all revenue. Orders with a negative value
    (returns) are an error: net them first.

    >>> orders = pd.DataFrame({"order_id": ["a", "b", "c"], "amount": [99.0, 200.0, 450.0]})
    >>> plan = gift_pack_grades(orders, breaks=(100, 400), costs=(5, 20))
    >>> plan["gift_spend"].tolist(), round(plan.attrs["cost_share"], 4)
    ([0.0, 5.0, 20.0], 0.0334)
    """
    breaks, costs = [float(b) for b in breaks], [float(c) for c in costs]
    if len(costs) != len(breaks):
        raise DataError("offer_err_costs", fix_key="offer_fix_costs", n_breaks=len(breaks), n_costs=len(costs))
    check_columns(orders, [amount_col])
    if order_col in orders.columns:
        check_unique(orders, order_col)
    amount = parse_numbers(orders, amount_col, low=0)
    grade = np.searchsorted(np.asarray(breaks), amount.to_numpy(), side="right")
    table = pd.DataFrame({"min_amount": [0.0, *breaks], "gift_cost": [0.0, *costs]},
                         index=pd.RangeIndex(len(breaks) + 1, name="grade"))
    by_grade = amount.groupby(grade)
    table["orders"] = by_grade.size().reindex(table.index, fill_value=0).astype("int64")
    table["order_share"] = table["orders"] / len(amount)
    table["revenue"] = by_grade.sum().reindex(table.index, fill_value=0.0)
    table["gift_spend"] = table["orders"] * table["gift_cost"]
    table["cost_share"] = (table["gift_spend"] / table["revenue"]).where(table["revenue"] > 0, 0.0)
    next_min = table["min_amount"].shift(-1)
    table["near_next"] = [int(((amount >= m * (1 - within_share)) & (amount < m)).sum()) if pd.notna(m) else 0
                          for m in next_min]
    total = float(amount.sum())
    table.attrs = {"gift_spend": float(table["gift_spend"].sum()),
                   "cost_share": float(table["gift_spend"].sum() / total) if total > 0 else 0.0,
                   "within_share": within_share}
    return table
