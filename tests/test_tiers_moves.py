"""Comparing two tierings of the same customers, and the customers close to the next tier up."""
import pytest

from helpers.i18n import language
from helpers.tiers import abc_classify, cross_classes, customer_pyramid, upgrade_candidates
from helpers.validation import ParameterError

SALES = [5000, 3000, 800, 400, 300, 200, 150, 80, 50, 20]


def test_cross_classes_counts_every_customer_once_and_matches_by_id():
    abc = abc_classify(SALES)
    pyramid = customer_pyramid(SALES, preset="20_30_30_20")
    pyramid.table = pyramid.table.iloc[::-1]               # another row order must not matter
    assert pyramid.table.index.name == "customer_id"
    counts = cross_classes(abc, pyramid)
    assert counts.to_numpy().tolist() == [[2, 0, 0, 0], [0, 3, 0, 0], [0, 0, 3, 2]]
    assert counts.index.tolist() == ["Class A", "Class B", "Class C"]
    assert counts.columns[0] == "Platinum (金钻)"


def test_upgrade_candidates_are_within_the_given_share_below_the_next_entry_value():
    pyramid = customer_pyramid(SALES, preset="20_30_30_20")   # entry values 3000, 300, 80
    out = upgrade_candidates(pyramid, within_share=0.5)
    # 50 → 80 (gap 30 ≤ 40), 200 → 300 (100 ≤ 150), 150 → 300 (150 ≤ 150); 800 → 3000 and 20 → 80 are too far
    assert out.index.tolist() == [9, 6, 7]
    assert out["gap"].tolist() == pytest.approx([30, 100, 150])
    assert out["next_tier"].tolist() == ["tier_copper", "tier_silver", "tier_silver"]
    assert upgrade_candidates(pyramid, within_share=0.0).empty


def test_with_absolute_breaks_the_gap_is_to_the_lower_bound():
    pyramid = customer_pyramid({"a": 7500, "b": 2900, "c": 100}, breaks=(8000, 3000, 1000))
    out = upgrade_candidates(pyramid, within_share=0.1)
    assert out["gap"].to_dict() == {"b": 100.0, "a": 500.0}


@pytest.mark.parametrize("lang, words", [("en", "Parameter within_share"), ("zh", "参数 within_share")])
def test_within_share_is_a_share(lang, words):
    pyramid = customer_pyramid(SALES, preset="20_30_30_20")
    with language(lang), pytest.raises(ParameterError, match=words):
        upgrade_candidates(pyramid, within_share=20)
