"""Growth accounting (docs/methods.md §3.4) and cohort retention (§3.5) on the §8.4 example."""
import numpy as np
import pandas as pd
import pytest

from helpers.cohorts import activity, cohort_retention, growth_accounting
from helpers.i18n import language
from helpers.validation import ParameterError
from test_lifecycle import domain_tx, tx_of


def test_growth_accounting_2024q2_and_2023q3():
    g = growth_accounting(domain_tx(), period="Q")
    q2 = g.loc[pd.Period("2024Q2")]
    assert q2[["active", "new", "retained", "resurrected", "churned"]].tolist() == [4, 2, 1, 1, 1]
    assert q2["quick_ratio"] == 3.0
    q3 = g.loc[pd.Period("2023Q3")]
    assert q3[["active", "new", "retained", "resurrected", "churned"]].tolist() == [1, 0, 1, 0, 1]


def test_growth_identity_holds_in_every_period():
    g = growth_accounting(domain_tx(), period="M")
    previous = g["active"].shift(1, fill_value=0)
    assert (g["active"] == previous + g["new"] + g["resurrected"] - g["churned"]).all()
    assert (g["active"] == g["new"] + g["retained"] + g["resurrected"]).all()


def test_every_period_is_listed_with_explicit_zeros():
    g = growth_accounting(domain_tx(), period="Q")
    assert [str(p) for p in g.index] == ["2023Q2", "2023Q3", "2023Q4", "2024Q1", "2024Q2"]
    assert g.loc[pd.Period("2023Q4"), ["active", "churned"]].tolist() == [0, 1]
    assert np.isinf(g.loc[pd.Period("2024Q1"), "quick_ratio"])     # nobody churned


def test_as_of_cuts_later_transactions_and_extends_periods():
    g = growth_accounting(domain_tx(), period="Q", as_of="2024-09-30")
    assert str(g.index[-1]) == "2024Q3" and g.iloc[-1]["churned"] == 4
    assert g.attrs["as_of"] == "2024-09-30"
    assert growth_accounting(domain_tx()).attrs["as_of"] == "2024-06-29"     # day after the last order
    assert growth_accounting(domain_tx(), "2024-09-30").attrs == {"period": "Q", "as_of": "2024-09-30",
                                                                 "returns_only": []}
    cut = growth_accounting(domain_tx(), period="Q", as_of="2024-03-31")
    assert str(cut.index[-1]) == "2024Q1" and cut["new"].sum() == 4


def test_cohort_counts_and_retention():
    c = cohort_retention(domain_tx(), period="Q")
    counts = c.counts.rename(index=str)
    assert counts.loc["2023Q2"].tolist() == [2, 1, 0, 0, 1]
    assert counts.loc["2024Q1"].dropna().tolist() == [2, 1]
    assert counts.loc["2024Q2"].dropna().tolist() == [2]
    assert c.rates.rename(index=str).loc["2023Q2"].tolist() == [1.0, 0.5, 0.0, 0.0, 0.5]
    assert list(c.counts.columns) == [0, 1, 2, 3, 4]
    assert c.sizes.tolist() == [2, 2, 2]
    assert c.counts.loc[pd.Period("2024Q1")].isna().tolist() == [False, False, True, True, True]


def test_unbounded_retention_counts_active_at_k_or_later():
    c = cohort_retention(domain_tx(), period="Q", unbounded=True)
    assert c.rates.rename(index=str).loc["2023Q2"].tolist() == [1.0, 1.0, 0.5, 0.5, 0.5]
    assert c.params["unbounded"] is True and c.params["through"] == "2024Q2" and c.params["period"] == "Q"


def test_monthly_triangle_has_no_missing_k_columns():
    c = cohort_retention(domain_tx(), period="M")
    n_months = len(pd.period_range("2023-05", "2024-06", freq="M"))
    assert list(c.counts.columns) == list(range(n_months))
    assert (c.rates[0] == 1.0).all()
    assert "100.0%" in c._repr_html_()


def test_returns_are_not_activity_and_zero_amount_orders_are():
    tx = tx_of([("a", "2024-01-10", 10), ("a", "2024-04-10", -10), ("b", "2024-04-10", 0)])
    act = activity(tx, period="Q")
    assert act.loc["a"].tolist() == [True, False] and act.loc["b"].tolist() == [False, True]


def test_transactions_may_name_their_columns():
    tx = domain_tx().rename(columns={"customer_id": "member", "order_date": "paid_on", "amount": "total"})
    named = dict(customer_col="member", date_col="paid_on", amount_col="total")
    pd.testing.assert_frame_equal(growth_accounting(tx, period="Q", **named), growth_accounting(domain_tx(), period="Q"))
    pd.testing.assert_frame_equal(cohort_retention(tx, **named).rates, cohort_retention(domain_tx()).rates)


@pytest.mark.parametrize("lang, words", [("en", "Parameter"), ("zh", "参数")])
def test_unbounded_must_be_true_or_false(lang, words):
    with language(lang), pytest.raises(ParameterError) as err:
        cohort_retention(domain_tx(), unbounded="yes")
    assert err.value.name == "unbounded" and "unbounded" in str(err.value) and words in str(err.value)


def test_options_are_keyword_only():
    with pytest.raises(TypeError):
        growth_accounting(domain_tx(), "2024-06-30", "Q")
