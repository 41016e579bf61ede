"""Customer profit proxy: margin × revenue − cost per order × orders − cost per customer."""
import pandas as pd
import pytest

from helpers.concentration import whale_curve
from helpers.profitability import customer_profit


def _tx():
    return pd.DataFrame({
        "customer_id": ["a", "a", "b", "c", "c", "c"],
        "order_id": ["1", "2", "3", "4", "4", "5"],          # order 4 has two lines
        "order_date": pd.to_datetime(["2024-01-01", "2024-02-01", "2024-01-05",
                                      "2024-03-01", "2024-03-01", "2024-03-09"]),
        "amount": [100.0, 200.0, 50.0, 10.0, 20.0, 30.0],
    })


def test_profit_is_margin_on_revenue_minus_the_cost_to_serve():
    out = customer_profit(_tx(), margin=0.3, cost_per_order=10, cost_per_customer=5)
    assert out.index.tolist() == ["a", "b", "c"]
    assert out["orders"].tolist() == [2, 1, 2]
    assert out["gross_profit"].tolist() == pytest.approx([90, 15, 18])
    assert out["cost_to_serve"].tolist() == pytest.approx([25, 15, 25])
    assert out["profit"].tolist() == pytest.approx([65, 0, -7])
    assert out.attrs["cost_per_order"] == 10


def test_without_costs_profit_is_the_gross_margin_and_row_order_does_not_matter():
    tx = _tx()
    shuffled = customer_profit(tx.sample(frac=1, random_state=3), margin=0.5)
    assert shuffled["profit"].tolist() == pytest.approx([150, 25, 30])
    assert tx.equals(_tx())                                # the caller's frame is untouched


def test_cost_to_serve_makes_small_customers_unprofitable_and_feeds_the_whale_curve():
    whale = whale_curve(customer_profit(_tx(), margin=0.3, cost_per_order=10, cost_per_customer=5)["profit"])
    assert whale.peak_profit_share == pytest.approx(65 / 58)
    assert whale.unprofitable_share == pytest.approx(1 / 3)


@pytest.mark.parametrize("kw", [{"margin": 1.5}, {"margin": 0.3, "cost_per_order": -1}])
def test_impossible_assumptions_are_refused(kw):
    with pytest.raises(ValueError):
        customer_profit(_tx(), **kw)
