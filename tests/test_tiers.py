"""ABC classes and the customer pyramid reproduce docs/methods.md §2.4, §2.5 and §8.3."""
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.i18n import language
from helpers.tiers import ABC_CLASSES, TIERS, abc_classify, customer_pyramid
from helpers.validation import ParameterError

SALES = [5000, 3000, 800, 400, 300, 200, 150, 80, 50, 20]
PROFIT = [500, 300, 200, 100, 50, -20, -50, -80, -100, -150]


@pytest.mark.parametrize("method", ["crossing", "le"])
def test_abc_reproduces_the_worked_example_under_both_rules(method):
    res = abc_classify(SALES, method=method)
    assert res.table["cum_value_share"].round(3).tolist() == [.5, .8, .88, .92, .95, .97, .985, .993, .998, 1.0]
    assert res.classes.tolist() == ["abc_a"] * 2 + ["abc_b"] * 3 + ["abc_c"] * 5
    summary = res.summary().set_index("abc_class")
    assert summary["customer_share"].tolist() == pytest.approx([0.2, 0.3, 0.5])
    assert summary["value_share"].tolist() == pytest.approx([0.8, 0.15, 0.05])
    assert res.thresholds["A_break"] == 0.8 and res.thresholds["min_value_abc_a"] == 3000


def test_crossing_rule_puts_the_customer_who_crosses_the_line_into_a():
    values = {"a": 70, "b": 20, "c": 10}
    assert abc_classify(values, method="crossing").classes.tolist() == ["abc_a", "abc_a", "abc_b"]
    assert abc_classify(values, method="le").classes.tolist() == ["abc_a", "abc_b", "abc_c"]


def test_count_preset_is_top_20_next_30_rest():
    res = abc_classify(list(range(20, 0, -1)), by="count")
    assert res.summary()["customers"].tolist() == [4, 6, 10]


def test_non_positive_values_are_always_c():
    res = abc_classify({"a": 10, "b": 0, "c": -5}, breaks=(0.99, 1.0))
    assert res.table["abc_class"].to_dict() == {"a": "abc_a", "b": "abc_c", "c": "abc_c"}


def test_abc_ties_are_broken_by_id_not_by_row_order():
    frame = pd.DataFrame({"customer_id": ["z", "m", "a"], "sales": [50.0, 50.0, 50.0]})
    res = abc_classify(frame, breaks=(0.5, 0.95), value_col="sales")
    assert res.table.index.tolist() == ["a", "m", "z"] and res.table.index.name == "customer_id"
    assert res.classes.tolist() == ["abc_a", "abc_a", "abc_b"]


def test_pyramid_presets_on_the_worked_profits():
    assert customer_pyramid(PROFIT, preset="20_30_30_20").summary()["customers"].tolist() == [2, 3, 3, 2]
    sign = customer_pyramid(PROFIT, preset="profit_sign")
    assert sign.summary()["customers"].tolist() == [1, 2, 2, 5]
    assert set(sign.table.loc[sign.table["value"] < 0, "tier"]) == {"tier_iron"}


def test_cn_preset_on_200_customers_is_2_8_30_160():
    res = customer_pyramid(list(range(200, 0, -1)))
    assert res.summary()["customers"].tolist() == [2, 8, 30, 160]


def test_courseware_breaks_override_the_preset():
    res = customer_pyramid(PROFIT, preset="20_30_30_20", breaks=(400, 100, 0))
    assert res.summary()["customers"].tolist() == [1, 3, 1, 5]
    assert res.params["preset"] is None and res.thresholds["breaks"] == (400, 100, 0)


def test_equal_values_on_a_boundary_go_to_the_higher_tier():
    res = customer_pyramid({"a": 5, "b": 5, "c": 5, "d": 1, "e": 1}, shares=(0.2, 0.2, 0.2, 0.4))
    assert res.classes.tolist() == ["tier_diamond"] * 3 + ["tier_iron"] * 2


def test_pyramid_labels_and_strategies_exist_in_both_languages():
    from helpers.i18n import label, language

    assert label(list(TIERS))[0] == "Platinum (金钻)"
    with language("zh"):
        assert label(list(TIERS)) == ["金钻客户", "白银客户", "铜客户", "铁客户"]
        assert all(label(list(TIERS + ABC_CLASSES), field="strategy"))


def test_bad_shares_are_rejected():
    with pytest.raises(ParameterError, match="adding up to 1"):
        customer_pyramid(SALES, shares=(0.5, 0.5, 0.5, 0.5))
    with pytest.raises(ParameterError, match="3 numbers"):
        customer_pyramid(SALES, preset="profit_sign", shares=(0.25, 0.25, 0.25, 0.25))


@pytest.mark.parametrize("call, name", [
    (lambda: abc_classify(SALES, method="lt"), "method"),
    (lambda: abc_classify(SALES, by="profit"), "by"),
    (lambda: abc_classify(SALES, breaks=(0.95, 0.8)), "breaks"),
    (lambda: abc_classify(SALES, breaks=0.8), "breaks"),
    (lambda: customer_pyramid(SALES, preset="10_90"), "preset"),
    (lambda: customer_pyramid(SALES, breaks=(1000, 3000, 8000)), "breaks"),
])
@pytest.mark.parametrize("lang, words", [("en", "Parameter"), ("zh", "参数")])
def test_invalid_options_raise_a_parameter_error_naming_the_parameter(call, name, lang, words):
    with language(lang), pytest.raises(ParameterError) as err:
        call()
    assert err.value.name == name and str(err.value).startswith(f"{words} {name} ")


@settings(max_examples=15, deadline=None)
@given(st.dictionaries(st.text("abcdef", min_size=1, max_size=3), st.integers(-50, 500), min_size=1, max_size=25),
       st.randoms())
def test_every_customer_gets_one_class_whatever_the_row_order(values, rnd):
    items = list(values.items())
    rnd.shuffle(items)
    for classify in (abc_classify, customer_pyramid):
        a, b = classify(values).table, classify(dict(items)).table
        pd.testing.assert_frame_equal(a, b)
        assert len(a) == len(values) and a.index.is_unique


def test_no_customers_is_a_data_error():
    from helpers.errors import DataError

    with pytest.raises(DataError, match="no customers"):
        abc_classify([])


@settings(max_examples=15, deadline=None)
@given(st.lists(st.integers(0, 20), min_size=1, max_size=40))
def test_equal_values_never_straddle_a_tier_and_crossing_a_reaches_its_cut(values):
    tiers = customer_pyramid(values, preset="20_30_30_20").table
    assert (tiers.groupby("value")["tier"].nunique() == 1).all()
    if sum(values) > 0:
        summary = abc_classify(values).summary()
        assert summary["value_share"].iloc[0] >= 0.8 - 1e-9
