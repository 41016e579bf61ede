"""Customer profit proxy: margin × revenue − cost per order × orders − cost per customer."""
import pandas as pd
import pytest

from helpers.concentration import whale_curve
from helpers.i18n import language
from helpers.profitability import customer_profit
from helpers.validation import ParameterError


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


@pytest.mark.parametrize("kw, name", [({"margin": 1.5}, "margin"), ({"margin": 35}, "margin"),
                                      ({"margin": 0.3, "cost_per_order": -1}, "cost_per_order"),
                                      ({"margin": 0.3, "cost_per_customer": -5}, "cost_per_customer")])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_impossible_assumptions_are_refused_naming_the_parameter(kw, name, lang):
    with language(lang), pytest.raises(ParameterError, match=f"{name} "):
        customer_profit(_tx(), **kw)


def test_columns_are_named_by_role_and_the_margin_is_keyword_only():
    tx = _tx().rename(columns={"customer_id": "member", "order_id": "invoice", "amount": "paid", "order_date": "day"})
    out = customer_profit(tx, margin=0.3, customer_col="member", order_col="invoice", amount_col="paid", date_col="day")
    pd.testing.assert_frame_equal(out, customer_profit(_tx(), margin=0.3))
    with pytest.raises(TypeError):
        customer_profit(_tx(), 0.3)
