"""Kano categories and statistics reproduce docs/methods.md §4.7 and the §8.6 row (stp25kano 'Service app')."""
import math

import pandas as pd
import pytest

from helpers.errors import DataError, DataWarning
from helpers.i18n import language
from helpers.kano import EVALUATION_TABLE, evaluation_frame, kano_category, kano_stats, kano_table, select_category
from helpers.validation import ParameterError

SERVICE_APP = {"M": 95, "O": 123, "A": 45, "I": 33, "R": 0, "Q": 0}
# one (functional, dysfunctional) answer pair the evaluation table maps to each category
PAIR = {"M": (3, 5), "O": (1, 5), "A": (1, 3), "I": (3, 3), "R": (5, 1), "Q": (1, 1)}


def answers_for(counts: dict, attribute: str = "service_app") -> pd.DataFrame:
    pairs = [PAIR[c] for c, n in counts.items() for _ in range(n)]
    return pd.DataFrame(pairs, columns=[f"kano_{attribute}_func", f"kano_{attribute}_dysf"])


def assert_service_app_row(row):
    assert (row["M"], row["O"], row["A"], row["I"], row["R"], row["Q"], row["n"]) == (95, 123, 45, 33, 0, 0, 296)
    assert row["max"] == "kano_one_dimensional" and row["category"] == "kano_one_dimensional"
    assert round(row["total_strength"], 3) == 0.889
    assert round(row["category_strength"], 4) == 0.0946
    assert round(row["cs_plus"], 3) == 0.568 and round(row["cs_minus"], 3) == -0.736
    assert round(row["chi2"], 2) == 72.49
    assert row["fong_diff"] == 28 and round(row["fong_bound"], 2) == 19.36 and row["fong_significant"]


def test_service_app_statistics_from_counts():
    stats = kano_stats(SERVICE_APP)
    assert_service_app_row(stats)
    a, b, n = 123, 95, 296
    assert stats["fong_bound"] == pytest.approx(1.65 * math.sqrt((a + b) * (2 * n - a - b) / (2 * n)))
    assert stats["chi2"] == pytest.approx(sum((x - 74) ** 2 / 74 for x in (95, 123, 45, 33)))


def test_service_app_row_from_constructed_answer_pairs():
    res = kano_table(answers_for(SERVICE_APP), ["service_app"])
    assert_service_app_row(res.table.loc["service_app"])
    assert res.classes.tolist() == ["kano_one_dimensional"] and res.thresholds["tol"] == 0.05


def test_evaluation_table_matches_berger_et_al():
    table = evaluation_frame()
    assert table.loc[1].tolist() == ["Q", "A", "A", "A", "O"]
    assert table.loc[5].tolist() == ["R", "R", "R", "R", "Q"]
    assert table[5].tolist() == ["O", "M", "M", "M", "Q"]
    for letter, (f, d) in PAIR.items():
        assert EVALUATION_TABLE[f - 1][d - 1] == letter
    assert kano_category([1, 2, 4, 5], [4, 5, 2, 5]).tolist() == ["A", "M", "I", "Q"]


def test_priority_rule_prefers_m_then_o_then_a_then_i_within_tolerance():
    shares = {"M": 0.30, "O": 0.33, "A": 0.20, "I": 0.17, "R": 0.0, "Q": 0.0}
    assert select_category(shares, tol=0.05) == "M"          # M within 5 pp of the top O
    assert select_category(shares, tol=0.02) == "O"
    assert select_category({"M": 0.1, "O": 0.1, "A": 0.38, "I": 0.42, "R": 0, "Q": 0}) == "A"
    assert select_category({"M": 0.1, "O": 0.1, "A": 0.1, "I": 0.1, "R": 0.6, "Q": 0}) == "R"


def test_near_tie_changes_category_but_not_max():
    stats = kano_stats({"M": 40, "O": 43, "A": 10, "I": 7})
    assert stats["max"] == "kano_one_dimensional" and stats["category"] == "kano_must_be"
    assert not stats["fong_significant"]


def test_several_attributes_and_missing_answers_per_attribute():
    survey = pd.concat([answers_for({"A": 6, "I": 2}, "gift"), answers_for({"M": 5, "O": 3}, "pay")], axis=1)
    survey.loc[0, "kano_pay_dysf"] = None
    with pytest.warns(DataWarning, match="1 of 8"):
        res = kano_table(survey, ["gift", "pay"])
    assert res.classes.to_dict() == {"gift": "kano_attractive", "pay": "kano_must_be"}
    assert res.table.loc["pay", "n"] == 7 and res.table.loc["pay", "n_dropped"] == 1
    assert res.table.loc["gift", "cs_plus"] == pytest.approx(6 / 8)


def test_malformed_kano_answers_are_rejected():
    with pytest.raises(DataError, match=r"differ in length \(3 vs 2\)"):
        kano_category([1, 2, 3], [5, 5])
    with pytest.raises(DataError, match=r"'kano_app_dysf'.*outside the scale 1–5.*rows.*: 2"):
        kano_table(pd.DataFrame({"kano_app_func": [1, 1], "kano_app_dysf": [5, 6]}), ["app"])
    with pytest.raises(DataError, match="non-integer"):
        kano_category([1.5], [5])
    with pytest.raises(DataError, match="no column 'kano_app_dysf'"):
        kano_table(pd.DataFrame({"kano_app_func": [1]}), ["app"])


def test_column_patterns_and_tolerance_are_keywords():
    survey = answers_for({"M": 40, "O": 43, "A": 10, "I": 7}, "pay").rename(columns=lambda c: c.replace("kano_", "K_"))
    res = kano_table(survey, ["pay"], functional_pattern="K_{}_func", dysfunctional_pattern="K_{}_dysf",
                     tol=0.02)
    assert res.classes.tolist() == ["kano_one_dimensional"] and res.params["functional_pattern"] == "K_{}_func"


@pytest.mark.parametrize("call", [lambda: kano_stats(SERVICE_APP, tol=-0.1),
                                  lambda: select_category({"M": 1, "O": 0, "A": 0, "I": 0, "R": 0, "Q": 0}, tol=2),
                                  lambda: kano_table(answers_for(SERVICE_APP), ["service_app"], tol=1.5)])
def test_a_tolerance_outside_0_to_1_is_a_parameter_error(call):
    with language("en"), pytest.raises(ParameterError, match=r"^Parameter tol must be a number from 0 to 1"):
        call()
    with language("zh"), pytest.raises(ParameterError, match="^参数 tol"):
        call()
