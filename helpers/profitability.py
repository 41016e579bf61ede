"""Customer profit when only sales are recorded: gross margin minus an activity-based cost to serve.

Most transaction files hold revenue, not profit. The whale curve (docs/methods.md §2.7) needs profit,
so this module estimates it the way activity-based costing does (Kaplan & Cooper 1998,
*Cost & Effect*, ch. 10): every order earns the gross margin on its value and costs a fixed
amount to handle (picking, packing, delivery, payment), and every customer costs a fixed amount
to acquire and keep on the books::

    profit = margin × revenue − cost_per_order × orders − cost_per_customer

The three figures are assumptions the analyst states (a design default of the kit, not a
published standard); the result is a *proxy* for comparing customers, not accounting profit.

    >>> import pandas as pd
    >>> from helpers.profitability import customer_profit
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b"], "order_id": ["1", "2", "3"],
    ...                    "order_date": pd.to_datetime(["2024-01-01", "2024-02-01", "2024-01-05"]),
    ...                    "amount": [100.0, 200.0, 50.0]})
    >>> customer_profit(tx, margin=0.3, cost_per_order=10, cost_per_customer=5)["profit"].tolist()
    [65.0, 0.0]
"""
from __future__ import annotations

import pandas as pd

from helpers.rfm.table import rfm_table


def customer_profit(tx, margin: float, cost_per_order: float = 0.0, cost_per_customer: float = 0.0, *,
                    customer: str = "customer_id", date: str = "order_date", amount: str = "amount",
                    order: str | None = "order_id") -> pd.DataFrame:
    """Revenue, orders, gross profit, cost to serve and profit per customer (index: sorted customer id).

    ``margin`` is the gross margin as a fraction of revenue (0.35 = 35 %); ``cost_per_order`` the
    cost of handling one order; ``cost_per_customer`` the fixed cost of one customer over the
    window (acquisition, membership, mailings). Orders are distinct ``order`` ids, or purchase
    days when the column is absent (as in :func:`helpers.rfm.rfm_table`).
    """
    if not 0 <= margin <= 1:
        raise ValueError(f"margin is a fraction of revenue between 0 and 1, got {margin!r}")
    if cost_per_order < 0 or cost_per_customer < 0:
        raise ValueError(f"costs must not be negative, got {cost_per_order!r}, {cost_per_customer!r}")
    per_customer = rfm_table(tx, customer=customer, date=date, amount=amount, order=order)
    out = per_customer[["revenue", "orders"]].copy()
    out["gross_profit"] = margin * out["revenue"]
    out["cost_to_serve"] = cost_per_order * out["orders"] + cost_per_customer
    out["profit"] = out["gross_profit"] - out["cost_to_serve"]
    out.attrs.update(margin=margin, cost_per_order=cost_per_order, cost_per_customer=cost_per_customer)
    return out
