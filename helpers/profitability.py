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
from helpers.validation import Interval, validate_params

__all__ = ["customer_profit"]


@validate_params(margin=Interval(float, 0, 1), cost_per_order=Interval(float, 0, None),
                 cost_per_customer=Interval(float, 0, None))
def customer_profit(tx, *, margin: float, cost_per_order: float = 0.0, cost_per_customer: float = 0.0,
                    customer_col: str = "customer_id", date_col: str = "order_date", amount_col: str = "amount",
                    order_col: str | None = "order_id") -> pd.DataFrame:
    """Revenue, orders, gross profit, cost to serve and profit per customer (index: sorted ``customer_id``).

    ``margin`` is the gross margin as a share of revenue, 0–1 (0.35 = 35 %); ``cost_per_order`` the
    cost of handling one order; ``cost_per_customer`` the fixed cost of one customer over the
    window (acquisition, membership, mailings); both money, not negative. Orders are distinct
    ``order_col`` ids, or purchase days when the column is absent (as in :func:`helpers.rfm.rfm_table`).

    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a", "b"], "order_date": pd.to_datetime(["2024-01-01", "2024-01-02"]),
    ...                    "amount": [100.0, 20.0]})
    >>> customer_profit(tx, margin=0.4, cost_per_order=10)["profit"].to_dict()
    {'a': 30.0, 'b': -2.0}
    """
    per_customer = rfm_table(tx, customer_col=customer_col, date_col=date_col, amount_col=amount_col,
                             order_col=order_col)
    out = per_customer[["revenue", "orders"]].copy()
    out["gross_profit"] = margin * out["revenue"]
    out["cost_to_serve"] = cost_per_order * out["orders"] + cost_per_customer
    out["profit"] = out["gross_profit"] - out["cost_to_serve"]
    out.attrs.update(margin=margin, cost_per_order=cost_per_order, cost_per_customer=cost_per_customer)
    return out
