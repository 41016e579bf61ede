"""Revisit plans, event revisits and the care calendar: cadences, merging, determinism, checks."""
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.care import (build_schedule, call_list, care_calendar, cn_holidays, default_revisit_rules, event_revisits,
                          revisit_plan)
from helpers.errors import DataError
from helpers.i18n import language
from helpers.validation import ParameterError


@pytest.fixture
def customers():
    return pd.DataFrame({"customer_id": ["c1", "c2", "c3", "c4", "c5"],
                         "tier": ["tier_diamond", "tier_silver", "tier_copper", "tier_iron", "tier_diamond"],
                         "birthday": ["1992-02-29", "1985-07-01", None, "2000-12-31", "1979-10-01"]})


def _per_customer(plan, reason):
    return plan[plan["reason"].eq(reason) | plan["reasons"].str.contains(reason)].groupby("customer_id").size()


def test_default_cadence_per_tier_over_a_year(customers):
    plan = revisit_plan(customers, "2024-01-01", "2024-12-31", spread=False)
    per_customer = plan.groupby("customer_id").size()
    # 金钻: 12 monthly contacts, 4 of them on a visit day (merged into the visit); 白银 6; 铜 4; 铁 2
    assert per_customer.to_dict() == {"c1": 12, "c2": 6, "c3": 4, "c4": 2, "c5": 12}
    assert _per_customer(plan, "revisit_visit").to_dict() == {"c1": 4, "c5": 4}
    visits = plan[plan["reason"] == "revisit_visit"]
    assert set(visits["reasons"]) == {"revisit_visit+revisit_personal"}
    assert set(visits["channel"]) == {"contact_visit"}
    assert plan.loc[plan["customer_id"] == "c4", "due_date"].dt.month.tolist() == [1, 7]


def test_spread_staggers_customers_of_a_tier_within_the_first_cycle(customers):
    plan = revisit_plan(customers, "2024-01-01", "2024-12-31")
    calls = plan[plan["reasons"].str.contains("revisit_personal")]
    first = calls.groupby("customer_id")["due_date"].min()
    assert first.to_dict() == {"c1": pd.Timestamp("2024-01-01"), "c5": pd.Timestamp("2024-01-16")}
    assert plan["due_date"].between("2024-01-01", "2024-12-31").all()


def test_rules_can_be_overridden(customers):
    rules = default_revisit_rules()
    rules.loc[rules["tier"] == "tier_iron", ["every_months", "channel"]] = [12, "contact_email"]
    plan = revisit_plan(customers, "2024-01-01", "2024-12-31", rules=rules)
    iron = plan[plan["tier"] == "tier_iron"]
    assert len(iron) == 1 and iron["channel"].item() == "contact_email"


def test_event_revisits_after_complaint_and_purchase_merge_on_the_same_day(customers):
    complaints = pd.DataFrame({"customer_id": ["c1", "c2"], "resolved_at": ["2024-05-02 09:00", None]})
    orders = pd.DataFrame({"customer_id": ["c1", "c1", "c3"],
                           "order_date": ["2024-04-26", "2024-04-26 15:00", "2024-03-01"]})
    plan = event_revisits(complaints, orders, customers)
    c1 = plan[plan["customer_id"] == "c1"]
    # complaint closed 05-02 09:00 + 24 h = 05-03, the same day as 7 d after the 04-26 orders
    assert c1["due_date"].dt.strftime("%m-%d").tolist() == ["05-03", "05-26"]
    assert c1["reasons"].tolist() == ["revisit_after_complaint+revisit_purchase_7d", "revisit_purchase_30d"]
    assert c1["tier"].unique().tolist() == ["tier_diamond"]
    assert set(plan["customer_id"]) == {"c1", "c3"}          # an open complaint triggers nothing yet
    window = event_revisits(complaints, orders, customers, start="2024-04-01", end="2024-05-10")
    assert window["due_date"].dt.strftime("%m-%d").tolist() == ["05-03"]


def test_build_schedule_merges_across_sources_and_keeps_most_urgent(customers):
    plan = revisit_plan(customers, "2024-05-01", "2024-05-31", spread=False)
    events = event_revisits(orders=pd.DataFrame({"customer_id": ["c2"], "order_date": ["2024-04-24"]}))
    merged = build_schedule(events, plan)
    day = merged[(merged["customer_id"] == "c2") & (merged["due_date"] == "2024-05-01")]
    assert day["reason"].item() == "revisit_purchase_7d"          # priority 3 ties routine 3; id order
    assert day["reasons"].item() == "revisit_purchase_7d+revisit_routine"
    assert not merged.duplicated(["customer_id", "due_date"]).any()


# 春节, 元宵, 端午, 中秋 as printed in Chinese calendars (万年历)
PUBLISHED_LUNAR_DATES = {
    2023: ["2023-01-22", "2023-02-05", "2023-06-22", "2023-09-29"],
    2024: ["2024-02-10", "2024-02-24", "2024-06-10", "2024-09-17"],
    2025: ["2025-01-29", "2025-02-12", "2025-05-31", "2025-10-06"],
    2026: ["2026-02-17", "2026-03-03", "2026-06-19", "2026-09-25"],
    2027: ["2027-02-06", "2027-02-20", "2027-06-09", "2027-09-15"],
}


def test_cn_holidays_lunar_festivals_match_the_published_dates():
    days = cn_holidays(list(PUBLISHED_LUNAR_DATES))
    found = days.set_index([days["date"].dt.year, "holiday"])["date"].dt.strftime("%Y-%m-%d")
    for year, dates in PUBLISHED_LUNAR_DATES.items():
        names = ["hol_spring_festival", "hol_lantern", "hol_dragon_boat", "hol_mid_autumn"]
        assert [found[(year, name)] for name in names] == dates


def test_cn_holidays_any_year_fixed_days_and_the_lantern_festival():
    days = cn_holidays(range(2020, 2041))
    assert len(days) == 21 * 8 and set(days["date"].dt.year) == set(range(2020, 2041))
    national = days[days["holiday"] == "hol_national_day"]["date"].dt.strftime("%m-%d")
    assert set(national) == {"10-01"}
    lantern = days[days["holiday"] == "hol_lantern"]["date"].to_numpy()
    spring = days[days["holiday"] == "hol_spring_festival"]["date"].to_numpy()
    assert ((lantern - spring) == pd.Timedelta(days=14)).all()    # 正月十五 is 14 days after 正月初一
    spring = pd.Series(spring)
    assert spring.dt.strftime("%m-%d").between("01-21", "02-20").all()   # 春节 always falls in this window


def test_care_calendar_birthdays_holidays_and_channels(customers):
    cal = care_calendar(customers, 2025)
    birthdays = cal[cal["reasons"].str.contains("care_birthday")].set_index("customer_id")
    assert birthdays["due_date"].dt.strftime("%m-%d").to_dict() == {
        "c1": "02-28", "c2": "07-01", "c4": "12-31", "c5": "10-01"}
    # c5's birthday falls on National Day: one contact, the birthday first
    assert birthdays.loc["c5", "reasons"] == "care_birthday+hol_national_day"
    assert set(cal.loc[cal["tier"] == "tier_diamond", "channel"]) == {"contact_gift"}
    assert set(cal.loc[cal["tier"] == "tier_iron", "channel"]) == {"contact_sms"}
    assert len(cal) == 5 * 8 + 4 - 1                                 # 8 care days each, 4 birthdays, 1 merged
    leap = care_calendar(customers, [2024], holidays=None)
    assert leap.set_index("customer_id").loc["c1", "due_date"] == pd.Timestamp("2024-02-29")


def test_care_calendar_with_own_holidays_table(customers):
    own = pd.DataFrame({"holiday": ["hol_store_anniversary"], "date": ["2025-09-09"]})
    cal = care_calendar(customers, [2025], holidays=own, birthday_col=None)
    assert len(cal) == 5 and set(cal["reason"]) == {"hol_store_anniversary"}


@pytest.mark.parametrize("change, needle", [
    (lambda c: c.assign(tier=["tier_diamond", "gold", "tier_copper", None, "tier_diamond"]), "'tier' has unknown"),
    (lambda c: c.drop(columns="tier"), "'tier' is missing"),
    (lambda c: c.assign(customer_id=["c1", "c1", "c3", "c4", "c5"]), "'customer_id' repeats"),
])
def test_malformed_customers_name_column_rows_and_fix(customers, change, needle):
    with pytest.raises(DataError, match=needle) as err:
        revisit_plan(change(customers), "2024-01-01", "2024-03-31")
    assert "Fix:" in str(err.value)


def test_bad_dates_and_window_are_reported(customers):
    with pytest.raises(DataError, match="'birthday'.*rows.*: 1"):
        care_calendar(customers.assign(birthday=["1990-02-29"] + [None] * 4), 2025)
    with pytest.raises(DataError, match="end"):
        revisit_plan(customers, "2024-05-01", "2024-01-01")


@settings(max_examples=5, deadline=None)
@given(st.permutations(range(5)))
def test_schedules_do_not_depend_on_row_order(order):
    customers = pd.DataFrame({"customer_id": ["c1", "c2", "c3", "c4", "c5"],
                              "tier": ["tier_diamond", "tier_silver", "tier_copper", "tier_iron", "tier_diamond"],
                              "birthday": ["1992-02-29", "1985-07-01", None, "2000-12-31", "1979-10-01"]})
    shuffled = customers.iloc[list(order)]
    pd.testing.assert_frame_equal(revisit_plan(shuffled, "2024-01-01", "2024-12-31"),
                                  revisit_plan(customers, "2024-01-01", "2024-12-31"))
    pd.testing.assert_frame_equal(care_calendar(shuffled, 2025), care_calendar(customers, 2025))


def test_revisit_calendar_chart(customers):
    from helpers.plots.service import plot_revisit_calendar

    ax = plot_revisit_calendar(revisit_plan(customers, "2024-01-01", "2024-03-31"))
    assert ax.get_title() == "Revisit and care calendar" and ax.get_ylabel() == "Channel"
    assert "Phone call" in [tick.get_text() for tick in ax.get_yticklabels()]
    monthly = plot_revisit_calendar(revisit_plan(customers, "2024-01-01", "2024-03-31"), period="M", annot=True)
    assert monthly.get_xlabel() == "Period" and len(monthly.get_xticklabels()) == 3


def test_event_inputs_and_rules_are_checked(customers):
    with pytest.raises(DataError, match="'order_date' is missing.*Fix: Rename"):
        event_revisits(orders=pd.DataFrame({"customer_id": ["c1"], "date": ["2024-01-01"]}))
    with pytest.raises(DataError, match="'resolved_at'.*not dates.*: 1"):
        event_revisits(complaints=pd.DataFrame({"customer_id": ["c1"], "resolved_at": ["later"]}))
    rules = default_revisit_rules().assign(every_months=[3, 1, 0, 3, 6])
    with pytest.raises(DataError, match="'every_months' has values outside.*: 3"):
        revisit_plan(customers, "2024-01-01", "2024-12-31", rules=rules)
    with pytest.raises(ParameterError, match="holidays"):
        care_calendar(customers, 2025, holidays="us")


@pytest.mark.parametrize("lang, words", [("en", "Parameter"), ("zh", "参数")])
@pytest.mark.parametrize("call, name", [
    (lambda c: care_calendar(c, 2025, holidays="us"), "holidays"),
    (lambda c: care_calendar(c, 2025, channels=["contact_sms"]), "channels"),
    (lambda c: revisit_plan(c, "2024-01-01", "2024-03-31", spread="yes"), "spread"),
])
def test_invalid_settings_raise_a_parameter_error_naming_the_parameter(customers, call, name, lang, words):
    with language(lang), pytest.raises(ParameterError) as err:
        call(customers)
    assert err.value.name == name and name in str(err.value) and words in str(err.value)


def test_customer_ids_may_be_the_index_or_a_named_column(customers):
    keyed = customers.set_index("customer_id")
    pd.testing.assert_frame_equal(revisit_plan(keyed, "2024-01-01", "2024-12-31"),
                                  revisit_plan(customers, "2024-01-01", "2024-12-31"))
    pd.testing.assert_frame_equal(care_calendar(keyed, 2025), care_calendar(customers, 2025))
    named = customers.rename(columns={"customer_id": "member"})
    pd.testing.assert_frame_equal(revisit_plan(named, "2024-01-01", "2024-12-31", customer_col="member"),
                                  revisit_plan(customers, "2024-01-01", "2024-12-31"))
    pd.testing.assert_frame_equal(care_calendar(named, 2025, customer_col="member"), care_calendar(customers, 2025))
    orders = pd.DataFrame({"member": ["c1"], "paid_on": ["2024-04-26"]})
    events = event_revisits(orders=orders, customers=named, customer_col="member", date_col="paid_on")
    assert events["customer_id"].tolist() == ["c1", "c1"] and set(events["tier"]) == {"tier_diamond"}
    plan = revisit_plan(customers, "2024-01-01", "2024-01-31", spread=False)
    details = pd.DataFrame({"city": ["Shanghai"]}, index=pd.Index(["c1"], name="customer_id"))
    assert call_list(plan, "2024-01-01", "2024-01-31", details=details)["City"].tolist()[0] == "Shanghai"


def test_call_list_keeps_window_and_channels_with_labels_and_details(customers):
    plan = revisit_plan(customers, "2024-01-01", "2024-03-31", spread=False)
    details = pd.DataFrame({"customer_id": ["c1", "c2", "c9"], "city": ["Shanghai", "Beijing", "Wuhan"]})
    calls = call_list(plan, "2024-01-01", "2024-01-31", channels=["contact_visit", "contact_phone"], details=details)
    # January, no spread: c1 and c5 (金钻) on a visit day with the monthly call merged in, c2 (白银) by phone
    assert calls["Customer"].tolist() == ["c1", "c5", "c2"]
    assert calls["Reason"].tolist()[0] == "Quarterly visit + Monthly personal contact"
    assert calls["Channel"].tolist() == ["Visit", "Visit", "Phone call"]
    assert calls["Tier"].tolist() == ["Platinum (金钻)", "Platinum (金钻)", "Gold (白银)"]
    assert calls["City"].isna().tolist() == [False, True, False] and calls["City"][2] == "Beijing"
    assert calls["Priority"].tolist() == [1, 1, 3]
    assert list(calls.columns[-2:]) == ["Outcome (fill in)", "Notes"]
    assert (calls["Due date"] == "2024-01-01").all()


def test_call_list_of_an_empty_window_is_empty(customers):
    plan = revisit_plan(customers, "2024-01-01", "2024-03-31")
    assert call_list(plan, "2025-01-01", "2025-01-31").empty
