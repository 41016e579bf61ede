"""Satisfaction indices reproduce docs/methods.md §4.1–4.5, §4.10 and the §8.7 vectors."""
import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.errors import DataError, DataWarning
from helpers.i18n import language
from helpers.satisfaction import (acsi_index, ces, csat, disconfirmation, ipa_table, loyalty_zone, nps, nps_group,
                                  proportion_moe, z_value)
from helpers.validation import ParameterError

scores_0_10 = st.lists(st.integers(0, 10), min_size=1, max_size=60)


# --- NPS §4.3 / §8.7 ---

def test_nps_published_counts_100_promoters_30_passives_80_detractors():
    r = nps([10] * 100 + [8] * 30 + [0] * 80)
    assert r.nps == pytest.approx(9.5238, abs=1e-4)
    assert (r.promoters, r.passives, r.detractors, r.n) == (100, 30, 80, 210)


def test_nps_published_doctest_each_score_once_and_a_short_list():
    assert nps(range(11)).nps == pytest.approx(-45.4545, abs=1e-4)
    assert nps([1, 5, 5, 6, 7, 3, 9, 10, 10]).nps == pytest.approx(-22.2222, abs=1e-4)


def test_nps_standard_error_and_margin_follow_the_formula():
    r = nps([1, 5, 5, 6, 7, 3, 9, 10, 10])
    p_p, p_d = 3 / 9, 5 / 9
    se = 100 * math.sqrt((p_p + p_d - (p_p - p_d) ** 2) / 9)
    assert r.se == pytest.approx(se) and r.moe == pytest.approx(1.959964 * se, rel=1e-6)
    assert r.promoter_share + r.passive_share + r.detractor_share == pytest.approx(1)
    assert (r.promoter_share, r.detractor_share) == pytest.approx((p_p, p_d))
    assert r.nps == pytest.approx(100 * (r.promoter_share - r.detractor_share))   # NPS stays an index −100…100


@settings(max_examples=40, deadline=None)
@given(scores_0_10, st.randoms(use_true_random=False))
def test_nps_is_bounded_and_ignores_answer_order(scores, rnd):
    shuffled = scores[:]
    rnd.shuffle(shuffled)
    r = nps(scores)
    assert -100 <= r.nps <= 100 and r.promoters + r.passives + r.detractors == len(scores)
    assert nps(shuffled).nps == pytest.approx(r.nps)


def test_nps_groups_keep_the_respondent_index():
    groups = nps_group(pd.Series([9, 7, 6], index=pd.Index(["a", "b", "c"], name="respondent_id")))
    assert groups.to_dict() == {"a": "promoters", "b": "passives", "c": "detractors"}
    assert groups.index.name == "respondent_id"


def test_nps_rejects_scores_outside_0_to_10_and_reports_missing_ones():
    with pytest.raises(DataError, match=r"outside the scale 0–10.*rows.*: 2"):
        nps([10, 11])
    with pytest.warns(DataWarning, match="1 of 3"):
        assert nps([10, None, 0]).n_dropped == 1


# --- CSAT §4.2 ---

def test_csat_top_two_box_and_mean():
    r = csat([5, 4, 4, 3, 2, 5, 1, 4])
    assert (r.share, r.mean, r.n) == (0.625, 3.5, 8)
    assert r.moe == pytest.approx(proportion_moe(0.625, 8))
    assert r.moe == pytest.approx(1.959964 * math.sqrt(0.625 * 0.375 / 8), rel=1e-6)   # on the 0–1 scale
    assert csat([1, 2, 3, 4, 5]).share == 0.4


def test_csat_other_scales_and_top_boxes():
    assert csat([7, 6, 5, 1], scale=(1, 7), n_top_boxes=2).share == 0.5
    assert csat([7, 6, 5, 1], scale=(1, 7), n_top_boxes=3).share == 0.75
    with pytest.raises(DataError, match="'rating'.*non-numeric"):
        csat([5, "five"])


def test_proportion_moe_is_a_share():
    assert proportion_moe(0.5, 100) == pytest.approx(0.098, abs=1e-4)
    assert proportion_moe(0.5, 100, confidence=0.90) == pytest.approx(z_value(0.90) * 0.05)


# --- CES §4.4 ---

def test_ces_direction_is_explicit_per_version():
    v2 = ces([7, 6, 5, 4, 2], version=2)
    assert (v2.mean, v2.easy_share, v2.higher_is_better, v2.scale) == (4.8, 0.6, True, (1, 7))
    v1 = ces([1, 2, 3, 5], version=1)
    assert (v1.mean, v1.easy_share, v1.higher_is_better) == (2.75, 0.5, False)
    with pytest.raises(DataError, match="outside the scale 1–5"):
        ces([7], version=1)
    with pytest.raises(ParameterError, match="version"):
        ces([1], version=3)


# --- ACSI §4.5 / §8.7 ---

def test_acsi_index_equal_and_given_weights():
    assert acsi_index([8, 7, 7]).index == pytest.approx(70.3704, abs=1e-4)
    r = acsi_index([8, 7, 7], weights=(0.4, 0.3, 0.3))
    assert r.index == pytest.approx(71.1111, abs=1e-4) and sum(r.weights) == pytest.approx(1)


def test_acsi_from_answers_uses_item_means_and_normalises_weights():
    answers = pd.DataFrame({"x1": [8, 8, 8], "x2": [6, 7, 8], "x3": [7, 7, 7], "note": ["a", "b", "c"]})
    r = acsi_index(answers, weights=(4, 3, 3), item_cols=["x1", "x2", "x3"])
    assert r.index == pytest.approx(71.1111, abs=1e-4) and r.n == 3
    assert acsi_index([3.0, 5.0], scale=(1, 5)).index == pytest.approx(75.0)


def test_acsi_rejects_bad_weights_and_means_off_the_scale():
    with pytest.raises(DataError, match="differ in length"):
        acsi_index([8, 7, 7], weights=(0.5, 0.5))
    with pytest.raises(DataError, match="non-negative"):
        acsi_index([8, 7], weights=(1, -1))
    with pytest.raises(DataError, match="outside the scale 1–10"):
        acsi_index([11, 7, 7])


# --- disconfirmation §4.1 ---

def test_disconfirmation_difference_with_tolerance():
    res = disconfirmation([4.6, 4.1, 3.9, 3.0], [4.0, 4.0, 4.0, 4.0], tol=0.2)
    assert res.classes.tolist() == ["sat_satisfied", "sat_neutral", "sat_neutral", "sat_dissatisfied"]
    assert res.thresholds == {"satisfied_above": 0.2, "dissatisfied_below": -0.2}
    assert res.labels().tolist()[0] == "Satisfied"


def test_disconfirmation_ratio_and_input_checks():
    res = disconfirmation([6, 5, 4], [5, 5, 5], method="ratio", tol=0.1)
    assert res.table["disconfirmation"].tolist() == [1.2, 1.0, 0.8]
    assert res.classes.tolist() == ["sat_satisfied", "sat_neutral", "sat_dissatisfied"]
    with pytest.raises(DataError, match="above 0"):
        disconfirmation([1], [0], method="ratio")
    with pytest.raises(DataError, match="differ in length"):
        disconfirmation([1, 2], [1])
    with pytest.raises(ParameterError, match="method"):
        disconfirmation([1], [1], method="log")


def test_disconfirmation_keeps_the_respondent_index_of_a_series():
    perceived = pd.Series([4.5, None, 3.0], index=pd.Index(["r1", "r2", "r3"], name="respondent_id"))
    with pytest.warns(DataWarning, match="1 of 3"):
        res = disconfirmation(perceived, [4.0, 4.0, 4.0])
    assert res.table.index.tolist() == ["r1", "r3"] and res.table.index.name == "respondent_id"
    assert res.classes.to_dict() == {"r1": "sat_satisfied", "r3": "sat_dissatisfied"}


# --- satisfaction–loyalty zones §4.10 ---

def test_loyalty_zones_default_and_custom_breaks():
    res = loyalty_zone([1, 2, 3, 4, 5])
    assert res.classes.tolist() == ["zone_defection"] * 2 + ["zone_indifference"] * 2 + ["zone_affection"]
    assert res.thresholds == {"defection_max": 2, "indifference_max": 4}
    custom = loyalty_zone([1, 2, 3, 4, 5], breaks=(1, 3))
    assert custom.summary().set_index("zone")["customers"].to_dict() == {
        "zone_indifference": 2, "zone_affection": 2, "zone_defection": 1}
    with pytest.raises(DataError, match="outside the scale"):
        loyalty_zone([6])


def test_loyalty_zones_keep_the_respondent_index():
    ratings = pd.Series([5, 1, 3], index=pd.Index([101, 102, 103], name="respondent_id"))
    res = loyalty_zone(ratings)
    assert res.classes.to_dict() == {101: "zone_affection", 102: "zone_defection", 103: "zone_indifference"}
    assert res.table.index.name == "respondent_id"


# --- IPA table §4.8 ---

def test_ipa_table_means_n_and_gap_per_attribute():
    survey = pd.DataFrame({"imp_price": [7, 6, 5], "perf_price": [3, 4, None],
                           "imp_staff": [4, 4, 4], "perf_staff": [6, 7, 5]})
    with pytest.warns(DataWarning, match="1 of 3"):
        table = ipa_table(survey, ["imp_price", "imp_staff"], ["perf_price", "perf_staff"],
                          attributes=["price", "staff"])
    assert table.loc["price", ["importance", "performance", "n", "gap"]].tolist() == [6.5, 3.5, 2, -3.0]
    assert table.loc["staff", ["importance", "performance", "n", "gap"]].tolist() == [4.0, 6.0, 3, 2.0]
    with pytest.raises(DataError, match="no column 'perf_x'"):
        ipa_table(survey, ["imp_price"], ["perf_x"])
    with pytest.raises(DataError, match="differ in length"):
        ipa_table(survey, ["imp_price", "imp_staff"], ["perf_price"])


def test_results_have_a_readable_repr_and_html():
    r = nps([10, 9, 0])
    assert repr(r).startswith("NpsResult(nps=33.3333")
    assert "Net Promoter Score" in r._repr_html_() and "Responses used" in r._repr_html_()


def test_ipa_table_feeds_the_ipa_matrix():
    from helpers.matrices import ipa_matrix

    survey = pd.DataFrame({"imp_a": [7, 6], "perf_a": [2, 3], "imp_b": [2, 3], "perf_b": [6, 7]})
    table = ipa_table(survey, ["imp_a", "imp_b"], ["perf_a", "perf_b"], attributes=["a", "b"])
    assert ipa_matrix(table, scale=(1, 7)).classes.to_dict() == {"a": "ipa_concentrate", "b": "ipa_overkill"}


# --- one answer per respondent: a frame of several columns is refused, not half-scored ---

@pytest.mark.parametrize("measure", [nps, csat, ces, loyalty_zone])
def test_measures_of_one_answer_refuse_a_frame_of_several_columns(measure):
    survey = pd.DataFrame({"nps": [9, 10, 5], "csat": [5, None, 4]})
    with pytest.raises(DataError, match=r"several columns \(nps, csat\).*Fix: Pass the one column") as err:
        measure(survey)
    assert err.value.column == "nps, csat" and err.value.key == "err_sat_several_columns"
    with language("zh"), pytest.raises(DataError, match="多列（nps, csat）"):
        measure(survey)


def test_a_frame_of_one_column_is_one_answer_per_respondent():
    survey = pd.DataFrame({"nps": [9, 10, 5], "csat": [5, 3, 4]})
    assert nps(survey[["nps"]]).n == 3 and csat(survey[["csat"]]).share == pytest.approx(2 / 3)
    assert ces(survey[["csat"]], version=1).n == 3 and len(loyalty_zone(survey[["csat"]]).table) == 3


# --- settings are validated in one place, with the message in the active language ---

INVALID_SETTINGS = [
    (lambda: csat([4, 5], n_top_boxes=0), "n_top_boxes"),
    (lambda: csat([4, 5], n_top_boxes=5), "n_top_boxes"),
    (lambda: csat([4, 5], confidence=1.5), "confidence"),
    (lambda: csat([4, 5], scale=(5, 1)), "scale"),
    (lambda: nps([9, 10], confidence=0), "confidence"),
    (lambda: ces([5], version=3), "version"),
    (lambda: disconfirmation([4], [4], method="log"), "method"),
    (lambda: disconfirmation([4], [4], tol=-0.1), "tol"),
    (lambda: loyalty_zone([3], breaks=(4, 2)), "breaks"),
    (lambda: proportion_moe(1.5, 10), "p"),
    (lambda: proportion_moe(0.5, 0), "n"),
    (lambda: z_value(1.0), "confidence"),
]


@pytest.mark.parametrize("call,name", INVALID_SETTINGS)
def test_invalid_settings_raise_a_parameter_error_naming_the_parameter(call, name):
    with language("en"), pytest.raises(ParameterError, match=rf"^Parameter {name}\b") as err:
        call()
    assert err.value.name == name
    with language("zh"), pytest.raises(ParameterError, match=rf"^参数 {name}\b"):
        call()
