"""Look-alike targeting: the profile index, the score, the AUC and early behaviour (docs/methods.md §2.10)."""
import numpy as np
import pandas as pd
import pytest

from helpers.errors import DataError
from helpers.i18n import language
from helpers.lookalike import early_behaviour, lookalike_profile

BASE = pd.DataFrame({"customer_id": ["a", "b", "c", "d", "e", "f"],
                     "channel": ["store", "store", "app", "app", "app", None],
                     "orders": [9, 7, 1, 2, 1, 3]})


def test_index_is_the_smoothed_ratio_of_seed_share_to_base_share():
    profile = lookalike_profile(BASE, ["a", "b"], feature_cols=["channel"])
    store = profile.table.loc[("channel", "store")]
    assert (store["customers"], store["seeds"]) == (2, 2)
    assert store["seed_share"] == 1.0 and store["customer_share"] == pytest.approx(2 / 6)
    # (2 + 1) / (2 + 3) over (2 + 1) / (6 + 3): three values, missing included
    assert store["lookalike_index"] == pytest.approx(100 * (3 / 5) / (3 / 9))
    assert list(profile.table.loc["channel"].index) == ["app", "store", "look_missing"]


def test_score_is_the_geometric_mean_of_the_trait_indices_and_ranks_ties_together():
    profile = lookalike_profile(BASE, ["a", "b"], feature_cols=["channel", "orders"], n_bins=2)
    scored = profile.score(BASE)
    index = profile.table["lookalike_index"]
    a = scored.loc["a"]
    assert a["lookalike_score"] == pytest.approx(np.sqrt(index[("channel", "store")] * index[("orders", a["orders"])]))
    assert scored["rank"].tolist() == sorted(scored["rank"].tolist())
    assert scored.loc["a", "rank"] == scored.loc["b", "rank"] == 1


def test_numbers_are_binned_at_base_quantiles_and_new_values_fall_in_the_end_bins():
    profile = lookalike_profile(BASE, ["a"], feature_cols=["orders"], n_bins=2)
    assert profile.thresholds == {"orders": [2.5]}
    traits = profile.traits(pd.DataFrame({"customer_id": ["x", "y"], "orders": [0, 40]}))
    assert traits["orders"].tolist() == ["≤ 2.5", "> 2.5"]


def test_unseen_values_are_neutral_and_counted():
    profile = lookalike_profile(BASE, ["a", "b"], feature_cols=["channel"])
    scored = profile.score(pd.DataFrame({"customer_id": ["x"], "channel": ["kiosk"]}))
    assert scored.loc["x", "lookalike_score"] == pytest.approx(100.0)
    assert scored.loc["x", "unknown_traits"] == 1


def test_auc_is_one_when_the_traits_separate_seeds_and_half_when_they_do_not():
    assert lookalike_profile(BASE, ["a", "b"], feature_cols=["channel"]).metrics["auc"] == 1.0
    same = BASE.assign(channel="store")
    assert lookalike_profile(same, ["a", "b"], feature_cols=["channel"]).metrics["auc"] == 0.5


def test_result_ignores_row_order_and_leaves_the_input_alone():
    before = BASE.copy()
    one = lookalike_profile(BASE, ["a", "c"], feature_cols=["channel", "orders"])
    two = lookalike_profile(BASE.iloc[::-1].set_index("customer_id"), ["c", "a"], feature_cols=["channel", "orders"])
    pd.testing.assert_frame_equal(one.table, two.table)
    assert one.metrics == two.metrics
    pd.testing.assert_frame_equal(BASE, before)


@pytest.mark.parametrize("lang, words", [("en", "2 seed customers are not in the customer table"),
                                         ("zh", "有 2 位种子客户不在客户表中")])
def test_seeds_outside_the_table_are_named(lang, words):
    with language(lang), pytest.raises(DataError) as err:
        lookalike_profile(BASE, ["a", "zz", "yy"], feature_cols=["channel"])
    assert words in str(err.value) and "yy, zz" in str(err.value)


@pytest.mark.parametrize("seeds", [[], ["a", "b", "c", "d", "e", "f"]])
def test_a_profile_needs_seeds_and_other_customers(seeds):
    with pytest.raises(DataError, match="seeds"):
        lookalike_profile(BASE, seeds, feature_cols=["channel"])


def test_missing_feature_column_and_duplicate_ids_are_data_errors():
    with pytest.raises(DataError, match="age"):
        lookalike_profile(BASE, ["a"], feature_cols=["age"])
    with pytest.raises(DataError):
        lookalike_profile(pd.concat([BASE, BASE.head(1)]), ["a"], feature_cols=["channel"])
    with pytest.raises(DataError, match="feature_cols"):
        lookalike_profile(BASE, ["a"], feature_cols=[])


def test_early_behaviour_counts_the_first_days_and_flags_incomplete_windows():
    tx = pd.DataFrame({"customer_id": ["a", "a", "a", "b", "b"], "order_id": ["1", "2", "3", "4", "5"],
                       "amount": [10.0, 30.0, 99.0, 5.0, 7.0],
                       "order_date": pd.to_datetime(["2024-01-01", "2024-01-30", "2024-01-31",
                                                     "2024-06-01", "2024-06-02"])})
    early = early_behaviour(tx, as_of="2024-06-30", within_days=30)
    assert early.loc["a", "orders"] == 2 and early.loc["a", "aov"] == 20.0     # day 30 is outside
    assert bool(early.loc["a", "complete"]) and not bool(early.loc["b", "complete"])
    shuffled = early_behaviour(tx.sample(frac=1, random_state=1), as_of="2024-06-30", within_days=30)
    pd.testing.assert_frame_equal(early, shuffled)


def test_demo_company_loyalty_shows_in_the_first_90_days_not_in_demographics():
    from helpers.data import load_demo
    from helpers.lifecycle import relationship_states

    orders, customers = load_demo("orders"), load_demo("customers")
    states = relationship_states(orders, "2026-01-01")
    loyal = states.table.index[states.classes == "loyal"]
    buyers = customers.set_index("customer_id").loc[states.table.index]
    demographic = lookalike_profile(buyers, loyal, feature_cols=["gender", "age", "city_tier", "channel"])
    early = early_behaviour(orders, "2026-01-01")
    base = early[early["complete"]]
    behaviour = lookalike_profile(base, base.index.intersection(loyal), feature_cols=["orders", "aov"])
    assert round(demographic.metrics["auc"], 2) == 0.54
    assert round(behaviour.metrics["auc"], 2) == 0.85
    assert round(behaviour.table.loc[("orders", "> 3"), "seed_share"], 3) == 0.478
