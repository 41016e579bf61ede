"""Relationship states (docs/methods.md §3.2) and the churn / win-back lists, on the §8.4 example."""
import numpy as np
import pandas as pd
import pytest

from conftest import FIXTURES
from helpers.errors import DataError
from helpers.i18n import language
from helpers.lifecycle import (STATES, at_risk_list, relationship_states, state_labels,
                               win_back_list)
from helpers.validation import ParameterError


def domain_tx() -> pd.DataFrame:
    """The constructed transactions of docs/methods.md §8.4 (C1…C6)."""
    tx = pd.read_csv(FIXTURES / "lifecycle_8_4.csv", dtype={"customer_id": "string"})
    return tx.assign(order_date=pd.to_datetime(tx["order_date"]), amount=tx["amount"].astype(float))


def tx_of(rows, **extra) -> pd.DataFrame:
    """A transactions frame from (customer, date, amount) tuples."""
    tx = pd.DataFrame(rows, columns=["customer_id", "order_date", "amount"])
    return tx.assign(order_date=pd.to_datetime(tx["order_date"]), amount=tx["amount"].astype(float), **extra)


def states_of(res) -> dict:
    return res.table["state"].to_dict()


def test_states_at_end_of_march_2024():
    res = relationship_states(domain_tx(), as_of="2024-03-31")
    assert states_of(res) == {"C1": "repeat", "C3": "repeat", "C4": "lost", "C5": "lost"}


def test_states_at_end_of_june_2024():
    res = relationship_states(domain_tx(), as_of="2024-06-30")
    assert states_of(res) == {"C1": "loyal", "C2": "new", "C3": "at_risk", "C4": "lost",
                              "C5": "reactivated", "C6": "repeat"}
    row = res.table
    assert row.index.name == "customer_id" and row.index.is_unique
    assert row.loc["C3", "recency_days"] == 131
    assert row.loc["C5", "returned_on"] == pd.Timestamp("2024-06-01")
    assert row.loc["C1", ["orders", "orders_in_window"]].tolist() == [5, 5]
    assert row.loc["C1", "revenue"] == 500.0
    assert row.loc["C3", "rule"].startswith("2:") and row.loc["C5", "rule"].startswith("3:")


def test_thresholds_params_and_default_as_of_are_reported():
    res = relationship_states(domain_tx())
    assert res.thresholds == {"active_days": 90, "churn_days": 180, "loyal_window_days": 365, "n_loyal_orders": 4}
    assert res.params["as_of"] == "2024-06-29"          # day after the last order (2024-06-28)
    assert res.params["preset"] == "retail_quarterly"
    assert res.table.loc["C6", "recency_days"] == 1
    assert "2024-06-29" in res._repr_html_()


def test_explicit_thresholds_override_the_preset():
    res = relationship_states(domain_tx(), "2024-06-30", churn_days=120, n_loyal_orders=6)
    assert res.thresholds["churn_days"] == 120
    assert states_of(res)["C3"] == "lost" and states_of(res)["C1"] == "repeat"
    short_window = relationship_states(domain_tx(), "2024-06-30", loyal_window_days=30)
    assert states_of(short_window)["C1"] == "repeat"          # only 2 of C1's orders fall within 30 days


@pytest.mark.parametrize("lang, words", [("en", "must be one of"), ("zh", "应为")])
@pytest.mark.parametrize("call, name", [
    (lambda: relationship_states(domain_tx(), preset="weekly"), "preset"),
    (lambda: relationship_states(domain_tx(), churn_days=-5), "churn_days"),
    (lambda: relationship_states(domain_tx(), n_loyal_orders=2.5), "n_loyal_orders"),
    (lambda: relationship_states(domain_tx(), individual=True, churn_k=0), "churn_k"),
    (lambda: at_risk_list(domain_tx(), value_quantile=75), "value_quantile"),
    (lambda: win_back_list(domain_tx(), value_quantile=-0.1), "value_quantile"),
])
def test_invalid_settings_raise_a_parameter_error_naming_the_parameter(call, name, lang, words):
    with language(lang), pytest.raises(ParameterError) as err:
        call()
    assert name in str(err.value) and err.value.name == name
    if name == "preset":
        assert words in str(err.value) and "retail_quarterly" in str(err.value)


def test_summary_and_labels_use_the_state_catalogue():
    res = relationship_states(domain_tx(), "2024-06-30")
    assert set(res.summary()["label"]) == set(state_labels(list(res.classes)))
    assert res.labels().iloc[0] == "Loyal customers"
    with language("zh"):
        assert state_labels(["new", "repeat", "loyal", "at_risk", "lost", "reactivated"]) == [
            "初次购买客户", "重复购买客户", "忠诚客户", "流失预警客户", "流失客户", "挽回客户"]
        assert state_labels("prospect") == "潜在客户"
    assert all(state_labels(s, "strategy") != s for s in STATES)


def test_single_purchase_customer_moves_from_new_to_at_risk_to_lost():
    tx = tx_of([("a", "2024-01-01", 10)])
    assert [states_of(relationship_states(tx, d))["a"] for d in ("2024-01-01", "2024-04-30", "2024-12-31")] \
        == ["new", "at_risk", "lost"]
    # boundaries: recency 90 is still active, 180 still at risk
    assert states_of(relationship_states(tx, "2024-03-31"))["a"] == "new"          # 90 days
    assert states_of(relationship_states(tx, "2024-06-29"))["a"] == "at_risk"      # 180 days
    assert states_of(relationship_states(tx, "2024-06-30"))["a"] == "lost"         # 181 days


def test_crm_people_without_purchases_become_prospects_targets_or_non_customers():
    crm = pd.DataFrame({"customer_id": ["C1", "P1", "P2", "P3", "P4"],
                        "is_target": [True, True, False, False, None],
                        "lead_status": [None, "prospect", "non_customer", "", None]})
    res = relationship_states(domain_tx(), "2024-06-30", crm=crm)
    states = states_of(res)
    assert states["C1"] == "loyal"                       # buyers are classified by their purchases
    assert [states[p] for p in ("P1", "P2", "P3", "P4")] == ["target", "non_customer", "prospect", "prospect"]
    crm_rows = res.table.loc[["P1", "P2"]]
    assert crm_rows["orders"].isna().all() and crm_rows["rule"].str.startswith("0:").all()
    assert len(res.table) == res.table.index.nunique() == 10
    keyed = relationship_states(domain_tx(), "2024-06-30", crm=crm.set_index("customer_id"))
    pd.testing.assert_frame_equal(keyed.table, res.table)        # the CRM ids may be its index


def test_crm_customers_are_classified_by_purchases_and_are_prospects_before_their_first():
    crm = pd.DataFrame({"customer_id": ["C1", "C5", "P1"], "lead_status": ["customer", "Customer", "customer"],
                        "is_target": [False, True, True]})
    states = states_of(relationship_states(domain_tx(), "2024-06-30", crm=crm))
    assert (states["C1"], states["C5"], states["P1"]) == ("loyal", "reactivated", "target")
    before_first_order = states_of(relationship_states(domain_tx(), "2023-12-31", crm=crm))
    assert before_first_order["C1"] == "prospect"       # C1 buys first on 2024-01-05


def test_unknown_lead_status_names_column_rows_and_fix():
    crm = pd.DataFrame({"customer_id": ["P1", "P2", "P3"], "lead_status": ["prospect", "hot", "cold"]})
    with pytest.raises(DataError) as err:
        relationship_states(domain_tx(), "2024-06-30", crm=crm)
    assert "lead_status" in str(err.value) and "2, 3" in str(err.value) and "non_customer" in str(err.value)


def test_missing_column_names_the_column():
    with pytest.raises(DataError, match="amount"):
        relationship_states(domain_tx().drop(columns="amount"))


def test_zero_amount_orders_count_and_returns_do_not():
    tx = tx_of([("a", "2024-01-10", 0), ("a", "2024-06-01", 30),
                ("b", "2024-06-01", 50), ("b", "2024-06-10", -20)])
    table = relationship_states(tx, "2024-06-30").table
    assert table.loc["a", ["state", "orders"]].tolist() == ["repeat", 2]
    assert table.loc["b", ["state", "orders", "recency_days", "revenue"]].tolist() == ["new", 1, 29, 30.0]


def test_orders_are_order_ids_when_present_else_purchase_days():
    rows = [("a", "2024-06-01", 10), ("a", "2024-06-01", 20)]
    assert relationship_states(tx_of(rows), "2024-06-30").table.loc["a", "orders"] == 1
    res = relationship_states(tx_of(rows, order_id=["o1", "o2"]), "2024-06-30")
    assert res.table.loc["a", "orders"] == 2 and res.params["orders"] == "order_id"


def test_individual_churn_threshold_is_k_times_median_gap_with_a_floor():
    res = relationship_states(domain_tx(), "2024-06-30", individual=True, churn_k=2.5)
    table = res.table
    c1_gaps = pd.Series(pd.to_datetime(["2024-01-05", "2024-03-10", "2024-05-02", "2024-06-15",
                                        "2024-06-25"])).diff().dt.days
    assert table.loc["C1", "churn_days"] == 2.5 * c1_gaps.median()
    assert table.loc["C3", "churn_days"] == 90                    # 2.5 × 36 = 90 = floor (active_days)
    assert table.loc["C3", "state"] == "lost"                     # 131 > 90
    assert table.loc["C2", "churn_days"] == 180                   # one order: the common threshold
    assert res.thresholds["churn_floor_days"] == 90
    floored = relationship_states(domain_tx(), "2024-06-30", individual=True, churn_floor_days=150)
    assert states_of(floored)["C3"] == "at_risk"


def test_annual_preset_follows_de_bruyn_managerial_segments():
    tx = tx_of([("new_active", "2015-06-01", 50),
                ("active_high", "2013-01-01", 150), ("active_high", "2015-06-01", 150),
                ("active_low", "2013-01-01", 50), ("active_low", "2015-06-01", 50),
                ("new_warm", "2014-06-01", 50),
                ("warm_high", "2012-01-01", 200), ("warm_high", "2014-06-01", 200),
                ("warm_low", "2012-01-01", 20), ("warm_low", "2014-06-01", 20),
                ("cold", "2013-06-01", 500), ("inactive", "2011-06-01", 500)])
    res = relationship_states(tx, "2016-01-01", preset="annual")
    table = res.table
    expected = {"new_active": "new_active", "active_high": "active_high_value", "active_low": "active_low_value",
                "new_warm": "new_warm", "warm_high": "warm_high_value", "warm_low": "warm_low_value",
                "cold": "cold", "inactive": "inactive"}
    assert table["managerial_segment"].to_dict() == expected
    assert table.loc[["cold", "new_warm"], "state"].eq("at_risk").all()
    assert table.loc["inactive", "state"] == "lost" and table.loc["new_active", "state"] == "new"
    assert res.thresholds["active_days"] == 365 and res.thresholds["churn_days"] == 1095


def test_at_risk_list_orders_by_value_and_suggests_actions():
    tx = domain_tx()
    revenue = tx.groupby("customer_id")["amount"].sum()
    out = at_risk_list(tx, "2024-06-30", value_quantile=0.5)
    assert out.attrs["value_threshold"] == revenue.median()
    assert out.index.name == "customer_id"
    assert out[["state", "action"]].reset_index().values.tolist() == [["C3", "at_risk", "save_call"]]
    assert out.loc["C3", "recency_days"] == 131 and out.loc["C3", "last_purchase"] == pd.Timestamp("2024-02-20")
    assert at_risk_list(tx, "2024-06-30").loc["C3", "action"] == "reminder"      # below the top quartile
    # at 2024-03-31: C4 lost 243 days ago (≤ 180 + 90) is recent; C5 (326 days) is not
    march = at_risk_list(tx, "2024-03-31")
    assert march["action"].to_dict() == {"C4": "win_back_offer"}
    assert march.loc["C4", "action_text"] == "Send a win-back offer and ask why they left"
    assert at_risk_list(tx, "2024-03-31", recently_lost_days=30).empty        # 243 > 180 + 30


def test_win_back_list_has_valuable_lost_and_reactivated_customers():
    out = win_back_list(domain_tx(), "2024-06-30", value_quantile=0.5)
    assert out["action"].to_dict() == {"C4": "win_back_offer", "C5": "welcome_back"}
    assert out.index.tolist() == ["C4", "C5"]
    assert list(out["revenue"]) == sorted(out["revenue"], reverse=True)
    # at 2024-03-31 C4 (550) and C5 (80) are lost; only C4 is above the median revenue (285)
    march = win_back_list(domain_tx(), "2024-03-31", value_quantile=0.5)
    assert march.index.tolist() == ["C4"] and march.attrs["value_threshold"] == 285.0


def test_caller_frame_is_not_changed_and_row_order_is_irrelevant():
    tx = domain_tx()
    before = tx.copy()
    res = relationship_states(tx, "2024-06-30")
    pd.testing.assert_frame_equal(tx, before)
    shuffled = tx.sample(frac=1, random_state=np.random.default_rng(7).integers(1 << 31))
    pd.testing.assert_frame_equal(relationship_states(shuffled, "2024-06-30").table, res.table)
