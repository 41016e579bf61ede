"""The demo company: committed files match the generator, keys hold, and the designed stories show."""
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from conftest import ROOT
from helpers.data.datasets import DEMO_DIR, TABLES, demo_label, load_demo
from helpers.demo import END, START, generate_demo
from helpers.demo.survey import IPA_ATTRIBUTES, KANO_FEATURES, LOYALTY_ITEMS, SERVQUAL
from helpers.kano import EVALUATION_TABLE
from helpers.i18n import has, language

LAST_MOMENT = END + pd.Timedelta(days=1) - pd.Timedelta(seconds=1)
AS_OF = END + pd.Timedelta(days=1)
# demo column -> (tables using it), for the label catalogue check
CATEGORICAL = {
    "gender": ["customers"], "city": ["customers", "stores"], "city_tier": ["customers", "stores"],
    "channel": ["customers", "orders", "complaints", "contacts"], "member_level": ["customers"],
    "lead_status": ["customers"], "category": ["complaints"], "purpose": ["contacts"],
    "outcome": ["contacts"], "industry": ["key_accounts"], "title": ["stakeholders"],
    "role": ["stakeholders"], "touchpoint": ["touchpoints"], "brand": ["brand_choices"],
}


@pytest.fixture(scope="module")
def demo():
    return {name: load_demo(name) for name in TABLES}


@pytest.fixture(scope="module")
def generated():
    return generate_demo(seed=2024)


def _alpha(items: pd.DataFrame) -> float:
    """Cronbach's alpha with listwise deletion (docs/methods.md §4.9)."""
    items = items.dropna().astype(float)
    k = items.shape[1]
    return k / (k - 1) * (1 - items.var(ddof=1).sum() / items.sum(axis=1).var(ddof=1))


def test_generator_reproduces_every_committed_file(demo, generated):
    assert sorted(p.stem for p in DEMO_DIR.glob("*.csv")) == sorted(TABLES)
    for name in TABLES:
        pd.testing.assert_frame_equal(generated[name], demo[name], check_exact=True, obj=name)


def test_files_are_small_and_utf8():
    files = list(DEMO_DIR.glob("*.csv"))
    assert sum(f.stat().st_size for f in files) < 3_000_000
    for f in files:
        f.read_bytes().decode("utf-8")


def test_loading_parses_dates_and_rejects_unknown_tables(demo):
    assert demo["orders"]["order_date"].dtype == "datetime64[ns]"
    assert demo["complaints"]["resolved_at"].dtype == "datetime64[ns]"
    assert demo["survey"]["csat"].dtype == "Int64"
    assert demo["customers"]["is_target"].dtype == bool
    with pytest.raises(KeyError, match="customers"):
        load_demo("no_such_table")


def test_ids_are_unique(demo):
    for table, key in [("customers", ["customer_id"]), ("orders", ["order_id"]), ("stores", ["store_id"]),
                       ("survey", ["respondent_id"]), ("survey", ["customer_id"]),
                       ("brand_choices", ["customer_id", "occasion"]), ("complaints", ["complaint_id"]),
                       ("contacts", ["contact_id"]), ("key_accounts", ["account_id"]),
                       ("key_accounts", ["name"]), ("stakeholders", ["person"]),
                       ("touchpoints", ["touchpoint"]), ("experience_target", ["touchpoint"])]:
        assert not demo[table].duplicated(key).any(), (table, key)


def test_foreign_keys_are_valid(demo):
    customers = set(demo["customers"]["customer_id"])
    for table in ("orders", "survey", "brand_choices", "complaints", "contacts"):
        assert set(demo[table]["customer_id"]) <= customers, table
    stores = set(demo["stores"]["store_id"])
    assert set(demo["orders"]["store_id"].dropna()) <= stores
    assert set(demo["complaints"]["store_id"].dropna()) <= stores
    pairs = demo["orders"].set_index("order_id")["customer_id"]
    complaints = demo["complaints"]
    assert (pairs.reindex(complaints["order_id"]).to_numpy() == complaints["customer_id"].to_numpy()).all()
    assert set(demo["stakeholders"]["account_id"]) <= set(demo["key_accounts"]["account_id"])
    assert demo["experience_target"]["touchpoint"].tolist() == demo["touchpoints"]["touchpoint"].tolist()


def test_no_dates_outside_the_story(demo):
    for table, columns in [("orders", ["order_date"]), ("customers", ["signup_date", "birthday"]),
                           ("complaints", ["received_at", "first_response_at", "resolved_at"]),
                           ("contacts", ["contacted_at"]), ("stakeholders", ["last_contact"]),
                           ("survey", ["survey_date"])]:
        for column in columns:
            assert demo[table][column].max() <= LAST_MOMENT, (table, column)
    assert demo["orders"]["order_date"].min() >= START
    assert demo["customers"]["signup_date"].min() >= START


def test_time_runs_forward_for_each_customer_and_complaint(demo):
    customers, orders, complaints = demo["customers"], demo["orders"], demo["complaints"]
    first = orders.groupby("customer_id")["order_date"].min()
    signup = customers.set_index("customer_id")["signup_date"].reindex(first.index)
    assert (signup <= first).all()
    ordered = orders.set_index("order_id")["order_date"].reindex(complaints["order_id"]).to_numpy()
    assert (complaints["received_at"].to_numpy() > ordered).all()
    assert (complaints["first_response_at"].dropna() >= complaints.loc[
        complaints["first_response_at"].notna(), "received_at"]).all()
    resolved = complaints.dropna(subset=["resolved_at"])
    assert (resolved["resolved_at"] >= resolved["first_response_at"]).all()
    age = (END - customers["birthday"]).dt.days / 365.25
    assert (customers["age"] - age).abs().max() < 1


def test_crm_table_has_prospects_and_targets_who_never_bought(demo):
    customers = demo["customers"]
    buyers = set(demo["orders"]["customer_id"])
    assert 2000 <= len(customers) <= 4000
    assert set(customers.loc[customers["lead_status"] == "customer", "customer_id"]) == buyers
    leads = customers[customers["lead_status"] != "customer"]
    assert set(leads["lead_status"]) == {"prospect", "target"}
    assert (leads["is_target"] == (leads["lead_status"] == "target")).all()


def test_top_fifth_of_buyers_brings_most_of_the_revenue(demo):
    revenue = demo["orders"].groupby("customer_id")["amount"].sum().sort_values(ascending=False)
    top = revenue.head(int(len(revenue) * 0.2)).sum() / revenue.sum()
    assert 0.6 <= top <= 0.8


def test_many_buyers_churn_some_return_and_a_core_stays_loyal(demo):
    orders = demo["orders"].sort_values(["customer_id", "order_date"])
    recency = (AS_OF - orders.groupby("customer_id")["order_date"].max()).dt.days
    assert 0.35 <= (recency > 180).mean() <= 0.75
    gap = orders.groupby("customer_id")["order_date"].diff().dt.days
    back = orders.loc[gap > 180].groupby("customer_id")["order_date"].max()
    assert ((AS_OF - back).dt.days <= 90).sum() >= 10          # reactivated in the last quarter
    recent = orders[orders["order_date"] > AS_OF - pd.Timedelta(days=365)]
    assert (recent["customer_id"].value_counts() >= 4).sum() >= 100
    assert (orders["customer_id"].value_counts() == 1).mean() > 0.2


def test_acquisition_continues_over_the_three_years(demo):
    first = demo["orders"].groupby("customer_id")["order_date"].min()
    assert first.dt.year.value_counts().reindex([2023, 2024, 2025]).min() > 500


def test_double_11_618_and_spring_festival_shape_the_year(demo):
    orders = demo["orders"]
    monthly = orders.groupby([orders["order_date"].dt.year, orders["order_date"].dt.month])["amount"].sum()
    for year in (2023, 2024, 2025):
        assert monthly[year].idxmax() == 11, year
        assert monthly[year][6] > monthly[year][5]
    daily = orders.groupby("order_date").size()
    eve = daily.loc["2024-01-20":"2024-02-07"].mean()
    holiday = daily.loc["2024-02-10":"2024-02-16"].mean()
    assert eve > holiday


def test_orders_are_clean(demo):
    orders = demo["orders"]
    assert orders.notna().drop(columns="store_id").all().all()
    assert (orders["amount"] > 0).all() and (orders["quantity"] >= 1).all()
    assert orders["store_id"].isna().eq(orders["channel"] != "store").all()


def test_survey_scales_missing_answers_and_point_allocations(demo):
    survey = demo["survey"]
    assert 350 <= len(survey) <= 450
    for columns, low, high in [(["csat"], 1, 5), (["nps"], 0, 10), (["ces"], 1, 7),
                               (list(survey.filter(regex="^acsi_")), 1, 10),
                               (list(survey.filter(regex="^(exp|per|imp|perf)_")), 1, 7),
                               (list(survey.filter(regex="^(kano|loy)_")), 1, 5)]:
        values = survey[columns].stack()
        assert values.between(low, high).all(), columns
    assert len(survey.filter(regex="^exp_").columns) == len(survey.filter(regex="^per_").columns) == 22
    points = survey.filter(regex="^w_")
    assert points.shape[1] == 5 and (points.sum(axis=1) == 100).all()
    incomplete = survey.isna().any(axis=1).mean()
    assert 0.02 <= incomplete <= 0.15


def test_multi_item_blocks_are_reliable_and_loyalty_follows_satisfaction(demo):
    survey = demo["survey"]
    blocks = [survey.filter(regex="^acsi_"), survey[list(LOYALTY_ITEMS)], survey.filter(regex="^perf_")]
    for items, _, _ in SERVQUAL.values():
        blocks += [survey[[f"exp_{i:02d}" for i in items]], survey[[f"per_{i:02d}" for i in items]]]
    for block in blocks:
        assert 0.6 <= _alpha(block) <= 0.95, list(block)
    pair = survey[["csat", "loy_repurchase"]].dropna().astype(float)
    assert pair.corr().iloc[0, 1] > 0.3


def test_servqual_reliability_gap_is_the_largest(demo):
    survey = demo["survey"]
    gaps = {d: (survey[[f"per_{i:02d}" for i in items]].astype(float).mean().mean()
                - survey[[f"exp_{i:02d}" for i in items]].astype(float).mean().mean())
            for d, (items, _, _) in SERVQUAL.items()}
    assert min(gaps, key=gaps.get) == "reliability"
    assert gaps["reliability"] < -0.8


def test_kano_features_fall_into_different_categories(demo):
    survey = demo["survey"]
    modes = {}
    for feature in KANO_FEATURES:
        pairs = survey[[f"kano_{feature}_func", f"kano_{feature}_dysf"]].dropna().astype(int)
        categories = [EVALUATION_TABLE[f - 1][d - 1] for f, d in pairs.itertuples(index=False)]
        modes[feature] = pd.Series(categories).mode()[0]
    assert {"M", "O", "A", "I"} <= set(modes.values())


def test_ipa_attributes_fill_all_four_quadrants(demo):
    survey = demo["survey"]
    importance = pd.Series({a: survey[f"imp_{a}"].mean() for a in IPA_ATTRIBUTES})
    performance = pd.Series({a: survey[f"perf_{a}"].mean() for a in IPA_ATTRIBUTES})
    quadrants = set(zip(importance >= importance.mean(), performance >= performance.mean()))
    assert len(quadrants) == 4


def test_brand_panel_has_loyal_split_and_switching_buyers(demo):
    choices = demo["brand_choices"]
    shares = pd.crosstab(choices["customer_id"], choices["brand"], normalize="index")
    ranked = np.sort(shares.to_numpy(), axis=1)[:, ::-1]
    loyal = ranked[:, 0] >= 0.7
    split = ~loyal & (ranked[:, :3].sum(axis=1) >= 0.9)
    assert loyal.sum() >= 30 and split.sum() >= 30 and (~loyal & ~split).sum() >= 30


def test_complaints_pareto_response_tail_and_open_cases(demo):
    complaints = demo["complaints"]
    assert 250 <= len(complaints) <= 350
    shares = complaints["category"].value_counts(normalize=True)
    assert shares.iloc[0] >= 0.25 and shares.iloc[:3].sum() >= 0.6
    hours = (complaints["first_response_at"] - complaints["received_at"]).dt.total_seconds() / 3600
    assert 0.8 <= (hours <= 24).mean() <= 0.95 and (hours > 48).any()
    assert complaints["first_response_at"].isna().any() and complaints["resolved_at"].isna().any()
    fcr = complaints["first_contact_resolution"]
    assert complaints.loc[fcr, "resolved_at"].notna().all() and not complaints.loc[fcr, "reopened"].any()
    assert set(complaints["channel"]) == {"hotline", "online", "store", "social"}


def test_contact_log_covers_every_purpose_and_channel(demo):
    contacts = demo["contacts"]
    assert set(contacts["purpose"]) == {"revisit", "care", "complaint_followup", "birthday", "holiday"}
    assert set(contacts["channel"]) == {"phone", "wechat", "sms", "visit", "email"}


def test_some_key_accounts_lack_a_decider(demo):
    accounts, people = demo["key_accounts"], demo["stakeholders"]
    assert 30 <= len(accounts) <= 50
    with_decider = set(people.loc[people["role"] == "decider", "account_id"])
    assert 0 < len(set(accounts["account_id"]) - with_decider) < len(accounts) / 2
    assert set(people["role"]) == {"initiator", "user", "influencer", "decider", "buyer", "gatekeeper",
                                   "approver"}
    assert people["influence"].between(1, 5).all() and people["attitude"].between(-2, 2).all()
    assert (people["last_contact"] < END - pd.Timedelta(days=180)).any()


def test_experience_audit_has_weak_late_touchpoints(demo):
    audit, target = demo["touchpoints"], demo["experience_target"]
    sems = ["sense", "feel", "think", "act", "relate"]
    assert audit[sems].stack().between(0, 5).all()
    assert audit["step"].tolist() == list(range(1, len(audit) + 1))
    gap = (audit.set_index("touchpoint")[sems] - target.set_index("touchpoint")[sems]).mean(axis=1)
    assert gap.idxmin() in {"delivery", "after_sales"}
    assert audit["satisfaction"].between(1, 5).all()


def test_every_categorical_id_has_labels_in_both_languages(demo):
    for column, tables in CATEGORICAL.items():
        ids = set().union(*(set(demo[t][column].dropna()) for t in tables))
        missing = [i for i in ids if not has(f"demo_{column}.{i}")]
        assert not missing, (column, missing)
    with language("zh"):
        assert demo_label(pd.Series(["shanghai", "unknown"]), "city").tolist() == ["上海", "unknown"]
    assert demo_label("tmall", "channel") == "Tmall"


def test_importing_the_demo_does_not_import_matplotlib():
    code = "import sys, helpers.demo; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "False"
