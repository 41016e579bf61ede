"""Attitude-loyalty classes from brand choices (docs/methods.md §3.9): SCR thresholds, determinism, input checks."""
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.errors import DataError, DataWarning
from helpers.i18n import language
from helpers.loyalty import attitude_loyalty
from helpers.validation import ParameterError


def choices(purchases: dict[str, str]) -> pd.DataFrame:
    """One row per purchase occasion: {"c1": "aaab"} → c1 bought brand a three times and b once."""
    return pd.DataFrame([(c, b) for c, brands in purchases.items() for b in brands],
                        columns=["customer_id", "brand"])


PANEL = {
    "loyal": "aaaaaaab",        # SCR 7/8 = 0.875
    "at_cut": "aaaaaaabcd",     # SCR 0.7 exactly -> loyal
    "split": "aaaabbbccd",      # SCR 0.4, top 3 cover 0.9 -> shifting
    "switch": "aabbccddef",     # SCR 0.2, top 3 cover 0.6 -> switcher
}


def test_classes_follow_share_of_category_requirements():
    res = attitude_loyalty(choices(PANEL))
    assert res.classes.to_dict() == {"at_cut": "brand_loyal", "loyal": "brand_loyal",
                                     "split": "brand_shifting", "switch": "brand_switcher"}
    assert res.table.loc["loyal", "top_share"] == pytest.approx(0.875)
    split = res.table.loc["split"]
    assert (split["n_brands"], split["top_brand"], split["top_k_cover"]) == (4, "a", pytest.approx(0.9))
    assert res.thresholds == {"loyal_share": 0.7, "n_split_brands": 3, "cover_share": 0.9}
    assert res.table.index.name == "customer_id"


def test_thresholds_are_parameters():
    res = attitude_loyalty(choices(PANEL), loyal_share=0.8, n_split_brands=2, cover_share=0.6)
    assert res.classes.to_dict() == {"at_cut": "brand_shifting", "loyal": "brand_loyal",
                                     "split": "brand_shifting", "switch": "brand_switcher"}


def test_labels_and_strategies_in_both_languages():
    res = attitude_loyalty(choices(PANEL))
    with language("zh"):
        assert set(res.labels()) == {"忠诚顾客", "品牌转移顾客", "无品牌忠诚顾客"}
    assert res.summary()["label"].tolist()[0] == "Brand loyal"


def test_quantity_weighting_and_tied_top_brands():
    frame = pd.DataFrame({"customer_id": ["c"] * 3, "brand": ["b", "a", "z"], "qty": [2.0, 2.0, 1.0]})
    res = attitude_loyalty(frame, weight_col="qty")
    assert res.table.loc["c", ["purchases", "top_brand", "top_share"]].tolist() == [5.0, "a", 0.4]
    assert res.classes["c"] == "brand_shifting"          # three brands cover all purchases


@settings(max_examples=20, deadline=None)
@given(st.randoms(use_true_random=False))
def test_row_order_does_not_change_the_result(rnd):
    frame = choices(PANEL)
    shuffled = frame.sample(frac=1, random_state=rnd.randint(0, 10_000))
    pd.testing.assert_frame_equal(attitude_loyalty(shuffled).table, attitude_loyalty(frame).table)


def test_missing_values_are_counted_and_bad_input_rejected():
    frame = choices(PANEL)
    frame.loc[0, "brand"] = None
    with pytest.warns(DataWarning, match="1 of 38 purchase rows without .customer_id. or .brand."):
        assert attitude_loyalty(frame).table.loc["loyal", "purchases"] == 7
    with pytest.raises(DataError, match="no column 'brand_name'"):
        attitude_loyalty(choices(PANEL), brand_col="brand_name")
    bad = choices(PANEL).assign(qty=1.0)
    bad.loc[2, "qty"] = -1.0
    with pytest.raises(DataError, match=r"'qty'.*outside the scale.*rows.*: 3"):
        attitude_loyalty(bad, weight_col="qty")
    original = choices(PANEL)
    attitude_loyalty(original)
    assert list(original.columns) == ["customer_id", "brand"]


def test_customer_and_brand_columns_are_named_by_their_roles():
    frame = choices(PANEL).rename(columns={"customer_id": "member", "brand": "label"})
    res = attitude_loyalty(frame, customer_col="member", brand_col="label")
    assert res.table.index.name == "member" and res.classes["split"] == "brand_shifting"


@pytest.mark.parametrize("kwargs, name", [({"loyal_share": 70}, "loyal_share"), ({"cover_share": -0.1}, "cover_share"),
                                          ({"n_split_brands": 0}, "n_split_brands"),
                                          ({"n_split_brands": 2.5}, "n_split_brands")])
@pytest.mark.parametrize("lang, words", [("en", "Parameter"), ("zh", "参数")])
def test_invalid_settings_raise_a_parameter_error_naming_the_parameter(kwargs, name, lang, words):
    with language(lang), pytest.raises(ParameterError) as err:
        attitude_loyalty(choices(PANEL), **kwargs)
    assert err.value.name == name and str(err.value).startswith(f"{words} {name} ")
