"""Key accounts: weighted scoring and buying-centre coverage on hand-made fixtures (docs/methods.md §2.9)."""
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.accounts import account_types, buying_centre_coverage, key_account_scores
from helpers.errors import DataError, DataWarning
from helpers.i18n import language
from helpers.result import Classification
from helpers.validation import ParameterError


@pytest.fixture
def accounts():
    return pd.DataFrame({"account_id": ["A", "B", "C", "D", "E"],
                         "revenue": [900, 500, 100, 500, 300],
                         "growth": [0.1, 0.3, 0.5, 0.3, 0.1],
                         "cost_to_serve": [40, 20, 10, 20, 30]})


CRITERIA = {"revenue": 0.5, "growth": 0.3, "cost_to_serve": 0.2}


def _expected_scores(accounts):
    """Hand computation: min–max normalise, flip cost (lower is better), weight, scale to 0–100."""
    norm = (accounts[list(CRITERIA)] - accounts[list(CRITERIA)].min()) / (
        accounts[list(CRITERIA)].max() - accounts[list(CRITERIA)].min())
    norm["cost_to_serve"] = 1 - norm["cost_to_serve"]
    return 100 * sum(w * norm[c] for c, w in CRITERIA.items())


def test_weighted_scores_follow_min_max_and_directions(accounts):
    res = key_account_scores(accounts, CRITERIA, directions={"cost_to_serve": "lower"}, n_top=2)
    scores = res.table["score"]
    assert res.table.index.name == "account_id"
    expected = _expected_scores(accounts).set_axis(accounts["account_id"])
    pd.testing.assert_series_equal(scores.sort_index(), expected.sort_index(), check_names=False)
    # A: 0.5·1 + 0 + 0 = 50; B = D: 0.5·0.5 + 0.3·0.5 + 0.2·(2/3) = 53.33; C: 0.3 + 0.2 = 50
    assert scores["B"] == pytest.approx(53.333, abs=1e-3)
    assert isinstance(res, Classification)


def test_ties_share_rank_and_the_boundary_tie_is_included(accounts):
    res = key_account_scores(accounts, CRITERIA, directions={"cost_to_serve": "lower"}, n_top=1)
    table = res.table
    assert table.index.tolist()[:2] == ["B", "D"] and table["rank"].tolist()[:2] == [1, 1]
    assert sorted(table.index[table["segment"] == "acc_key"]) == ["B", "D"]
    assert res.thresholds["key_score_min"] == pytest.approx(table["score"].max())


def test_breaks_and_share_selection(accounts):
    by_breaks = key_account_scores(accounts, CRITERIA, directions={"cost_to_serve": "lower"}, breaks=50)
    assert (by_breaks.table["segment"] == "acc_key").sum() == 4               # A, B, C, D ≥ 50
    by_share = key_account_scores(accounts, {"revenue": 1})                   # default: top 20 % = 1 account
    assert by_share.table.index[by_share.table["segment"] == "acc_key"].tolist() == ["A"]
    assert by_share.params["weights"] == {"revenue": 1.0} and by_share.params["top_share"] == 0.2
    by_explicit_share = key_account_scores(accounts, {"revenue": 1}, top_share=0.4)    # 2 of 5 accounts
    assert by_explicit_share.table.index[by_explicit_share.classes == "acc_key"].tolist() == ["A", "B", "D"]


def test_constant_criterion_warns_and_scores_half(accounts):
    with pytest.warns(DataWarning, match="'region_fit'"):
        res = key_account_scores(accounts.assign(region_fit=3), {"region_fit": 1, "revenue": 1})
    assert (res.table["region_fit_norm"] == 0.5).all()


@pytest.mark.parametrize("kwargs, needle", [
    ({"criteria": {"revenue": -1}}, "criteria"),
    ({"criteria": {"profit": 1}}, "'profit' is missing"),
    ({"criteria": CRITERIA, "directions": {"growth": "up"}}, "directions"),
])
def test_bad_parameters_are_explained(accounts, kwargs, needle):
    with pytest.raises(DataError, match=needle) as err:
        key_account_scores(accounts, **kwargs)
    assert "Fix:" in str(err.value)


@pytest.mark.parametrize("kwargs, name", [
    ({"n_top": 2, "breaks": 50}, "n_top"),
    ({"top_share": 0.2, "n_top": 2}, "top_share"),
    ({"top_share": 20}, "top_share"),
    ({"n_top": 0}, "n_top"),
    ({"n_top": 2.5}, "n_top"),
    ({"breaks": 150}, "breaks"),
])
@pytest.mark.parametrize("lang, words", [("en", "Parameter"), ("zh", "参数")])
def test_bad_selection_settings_raise_a_parameter_error(accounts, kwargs, name, lang, words):
    with language(lang), pytest.raises(ParameterError) as err:
        key_account_scores(accounts, CRITERIA, **kwargs)
    assert err.value.name == name and str(err.value).startswith(f"{words} {name} ")


def test_non_numeric_criterion_names_rows(accounts):
    with pytest.raises(DataError, match=r"'revenue'.*not numbers.*: 3.*Fix"):
        key_account_scores(accounts.assign(revenue=[900, 500, "n/a", 500, 300]), CRITERIA)


@settings(max_examples=10, deadline=None)
@given(st.permutations(range(5)))
def test_scores_do_not_depend_on_row_order(order):
    accounts = pd.DataFrame({"account_id": list("ABCDE"), "revenue": [900, 500, 100, 500, 300],
                             "growth": [0.1, 0.3, 0.5, 0.3, 0.1], "cost_to_serve": [40, 20, 10, 20, 30]})
    base = key_account_scores(accounts, CRITERIA, n_top=2).table
    pd.testing.assert_frame_equal(key_account_scores(accounts.iloc[list(order)], CRITERIA, n_top=2).table, base)


@pytest.fixture
def stakeholders():
    return pd.DataFrame({
        "account_id": ["A", "A", "A", "A", "B", "B", "C"],
        "person": ["Wang", "Li", "Zhang", "Zhao", "Chen", "Liu", "Sun"],
        "role": ["decider", "user, influencer", "buyer; gatekeeper", "approver", "decider", "user", "buyer"],
        "influence": [5, 3, 2, 4, 4, 1, 3],
        "attitude": [2, 1, 0, -1, -1, 2, 1],
        "last_contact": ["2024-06-01", "2024-05-01", "2024-01-15", "2024-06-20", "2024-06-20", "2024-06-25", None],
    })


def test_coverage_support_index_and_risks(stakeholders):
    res = buying_centre_coverage(stakeholders, as_of="2024-06-30")
    table = res.table
    assert table.index.name == "account_id"
    # A: Zhang (buyer, gatekeeper) last contacted 167 days ago → not covered; approver is not a default role
    assert table.loc["A", "roles_covered"] == 3 and table.loc["A", "coverage"] == pytest.approx(3 / 5)
    assert table.loc["A", "missing_roles"] == "buyer, gatekeeper"
    assert table.loc["A", "unstaffed_roles"] == ""
    assert table.loc["A", "support_index"] == 5 * 2 + 3 * 1 + 2 * 0 + 4 * -1            # 9
    assert table.loc["B", "support_index"] == 4 * -1 + 1 * 2                            # −2
    assert table["risk_negative_decider"].to_dict() == {"A": False, "B": True, "C": False}
    assert table["risk_no_decider_contact"].to_dict() == {"A": False, "B": False, "C": True}
    assert table["status"].to_dict() == {"A": "acc_gaps", "B": "acc_at_risk", "C": "acc_at_risk"}
    assert res.params["as_of"] == pd.Timestamp("2024-06-30")


def test_roles_and_window_are_parameters(stakeholders):
    res = buying_centre_coverage(stakeholders, as_of="2024-06-30", within_days=365,
                                 roles=("decider", "buyer", "approver"))
    assert res.table.loc["A", "coverage"] == 1.0
    assert res.table.loc["A", "status"] == "acc_fully_covered"
    default = buying_centre_coverage(stakeholders)
    assert default.params["as_of"] == pd.Timestamp("2024-06-26")       # day after the last contact
    renamed = stakeholders.rename(columns={"person": "name", "account_id": "client"})
    same = buying_centre_coverage(renamed, "2024-06-30", account_col="client", stakeholder_col="name")
    pd.testing.assert_frame_equal(same.table, buying_centre_coverage(stakeholders, as_of="2024-06-30").table)


def test_a_contact_on_the_analysis_day_counts(stakeholders):
    stakeholders.loc[2, "last_contact"] = "2024-06-30 16:45"         # Zhang (buyer, gatekeeper), that afternoon
    res = buying_centre_coverage(stakeholders, as_of="2024-06-30")
    assert res.table.loc["A", "missing_roles"] == ""


@pytest.mark.parametrize("lang, words", [("en", "Parameter within_days"), ("zh", "参数 within_days")])
def test_within_days_is_a_whole_number_of_days(stakeholders, lang, words):
    with language(lang), pytest.raises(ParameterError, match=words):
        buying_centre_coverage(stakeholders, as_of="2024-06-30", within_days=-5)


@pytest.mark.parametrize("column, value, needle", [
    ("influence", 7, r"'influence' has values outside 1–5.*: 2"),
    ("attitude", "x", r"'attitude' has values that are not numbers.*: 2"),
    ("role", "boss", r"'role' has unknown values.*: 2.*Fix: Write roles"),
    ("last_contact", "yesterday", r"'last_contact' has values that are not dates.*: 2"),
    ("person", "Wang", r"'account_id \+ person' repeats ids.*: 2"),
])
def test_malformed_stakeholders_name_column_rows_and_fix(stakeholders, column, value, needle):
    stakeholders[column] = stakeholders[column].astype(object)
    stakeholders.loc[1, column] = value
    with pytest.raises(DataError, match=needle):
        buying_centre_coverage(stakeholders, as_of="2024-06-30")


def test_charts(accounts, stakeholders):
    from helpers.plots.accounts import plot_buying_centre, plot_key_account_scores

    ax = plot_buying_centre(buying_centre_coverage(stakeholders, as_of="2024-06-30"))
    assert ax.get_title() == "Buying-centre coverage"
    assert [t.get_text() for t in ax.get_xticklabels()] == ["User", "Influencer", "Decider", "Buyer", "Gatekeeper"]
    ax = plot_key_account_scores(key_account_scores(accounts, CRITERIA, n_top=2))
    assert ax.get_title() == "Key-account scores" and len(ax.patches) == 5


@settings(max_examples=5, deadline=None)
@given(st.permutations(range(7)))
def test_coverage_does_not_depend_on_row_order(order):
    people = pd.DataFrame({
        "account_id": ["A", "A", "A", "A", "B", "B", "C"], "person": ["p1", "p2", "p3", "p4", "q1", "q2", "r1"],
        "role": ["decider", "user, influencer", "buyer", "approver", "decider", "user", "buyer"],
        "influence": [5, 3, 2, 4, 4, 1, 3], "attitude": [2, 1, 0, -1, -1, 2, 1],
        "last_contact": ["2024-06-01", "2024-05-01", "2024-01-15", "2024-06-20", "2024-06-20", "2024-06-25", None]})
    base = buying_centre_coverage(people, as_of="2024-06-30").table
    pd.testing.assert_frame_equal(buying_centre_coverage(people.iloc[list(order)], as_of="2024-06-30").table, base)


def test_account_types_by_share_of_wallet_with_cuts_to_the_higher_type():
    acc = pd.DataFrame({"account_id": ["D", "C", "B", "A"], "share_of_wallet": [0.05, 0.3, 0.59, 0.6]})
    res = account_types(acc)
    assert res.classes.to_dict() == {
        "A": "acc_type_monopoly", "B": "acc_type_selective", "C": "acc_type_selective", "D": "acc_type_intensive"}
    assert res.thresholds == {"selective_min": 0.3, "monopoly_min": 0.6}
    moved = account_types(acc, breaks=(0.1, 0.5))
    assert moved.table["account_type"]["B"] == "acc_type_monopoly"


def test_account_types_explain_bad_input():
    acc = pd.DataFrame({"account_id": ["A"], "share_of_wallet": [0.5]})
    with pytest.raises(DataError, match="wallet"):
        account_types(acc, share_col="wallet")


@pytest.mark.parametrize("breaks", [(0.6, 0.3), (0.0, 0.5), (0.3, 1.2), 0.5])
@pytest.mark.parametrize("lang, words", [("en", "Parameter breaks"), ("zh", "参数 breaks")])
def test_account_type_breaks_are_two_increasing_shares(breaks, lang, words):
    acc = pd.DataFrame({"account_id": ["A"], "share_of_wallet": [0.5]})
    with language(lang), pytest.raises(ParameterError, match=words):
        account_types(acc, breaks=breaks)


def test_account_types_reject_shares_outside_0_1():
    with pytest.raises(DataError, match="share_of_wallet"):
        account_types(pd.DataFrame({"account_id": ["A", "B"], "share_of_wallet": [0.5, 45]}))


def test_account_types_by_distribution_keep_share_of_wallet_as_the_indicator():
    acc = pd.DataFrame({"account_id": ["A", "B", "C", "D"], "share_of_wallet": [0.9, 0.45, 0.5, 0.1],
                        "distribution": ["dist_exclusive", "dist_exclusive", " dist_selective", "dist_intensive"]})
    res = account_types(acc, distribution_col="distribution")
    assert res.classes.to_dict() == {"A": "acc_type_monopoly", "B": "acc_type_monopoly",
                                     "C": "acc_type_selective", "D": "acc_type_intensive"}
    assert res.table["wallet_type"]["B"] == "acc_type_selective"
    assert res.table["agrees"].to_dict() == {"A": True, "B": False, "C": True, "D": True}
    assert res.params["basis"] == "distribution"
    assert account_types(acc).params["basis"] == "share_of_wallet"
    pd.testing.assert_frame_equal(acc, pd.DataFrame({"account_id": ["A", "B", "C", "D"],
                                                     "share_of_wallet": [0.9, 0.45, 0.5, 0.1],
                                                     "distribution": ["dist_exclusive", "dist_exclusive",
                                                                      " dist_selective", "dist_intensive"]}))


@pytest.mark.parametrize("lang, words", [("en", "dist_exclusive (exclusive dealing)"), ("zh", "dist_exclusive（独家包销）")])
def test_account_types_name_the_allowed_arrangements(lang, words):
    acc = pd.DataFrame({"account_id": ["A", "B"], "share_of_wallet": [0.9, 0.2], "distribution": ["exclusive", None]})
    with language(lang), pytest.raises(DataError) as err:
        account_types(acc, distribution_col="distribution")
    assert words in str(err.value) and "1, 2" in str(err.value).replace("[", "").replace("]", "")


def test_distributor_case_reads_the_three_mismatches():
    from helpers.teaching.cases import distributor_accounts

    res = account_types(distributor_accounts(), distribution_col="distribution")
    assert sorted(res.table.index[~res.table["agrees"]]) == ["D02", "D04", "D08"]
    assert res.summary().set_index("account_type")["customers"].to_dict() == {
        "acc_type_intensive": 3, "acc_type_selective": 3, "acc_type_monopoly": 2}
