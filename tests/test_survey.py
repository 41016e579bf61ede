"""Survey validation in one place: shapes, columns, numbers, scale bounds, listwise deletion reported."""
import numpy as np
import pandas as pd
import pytest

from helpers.errors import DataError, DataWarning
from helpers.i18n import language
from helpers.data.survey import check_same_length, reverse_scored, validate_answers
from helpers.validation import ParameterError


def test_clean_answers_pass_through_as_floats_with_counts():
    ok = validate_answers(pd.DataFrame({"q1": [1, 2, 3], "q2": [3, 4, 5]}), scale=(1, 5), integer=True)
    assert ok.data.to_numpy().tolist() == [[1, 3], [2, 4], [3, 5]]
    assert (ok.n, ok.n_input, ok.n_dropped) == (3, 3, 0)


def test_listwise_deletion_is_counted_warned_and_names_the_rows():
    frame = pd.DataFrame({"q1": [1, None, 3, 4], "q2": [2, 2, " ", 4]})
    with pytest.warns(DataWarning, match=r"2 of 4 responses.*rows 2, 3"):
        ok = validate_answers(frame)
    assert ok.dropped_rows == (2, 3) and ok.n == 2
    assert ok.kept_rows.tolist() == [1, 4]


def test_the_callers_row_labels_of_kept_answers_are_kept():
    frame = pd.DataFrame({"q": [1, None, 3]}, index=pd.Index(["a", "b", "c"], name="respondent_id"))
    with pytest.warns(DataWarning):
        ok = validate_answers(frame, item_cols=["q"])
    assert ok.index.tolist() == ["a", "c"] and ok.index.name == "respondent_id"
    assert ok.data.index.tolist() == [0, 1]                       # the data itself stays positional
    assert validate_answers([4, 5]).index.tolist() == [0, 1]


def test_nullable_integer_columns_with_pd_na_are_missing_answers():
    frame = pd.DataFrame({"q": pd.array([1, pd.NA, 5], dtype="Int64")})
    with pytest.warns(DataWarning):
        assert validate_answers(frame, scale=(1, 5)).data["q"].tolist() == [1.0, 5.0]


def test_text_answer_names_column_row_and_fix():
    with pytest.raises(DataError, match=r"'q2'.*non-numeric.*'very good'.*rows.*: 3\..*Fix: Code text") as err:
        validate_answers(pd.DataFrame({"q1": [1, 2, 3], "q2": ["1", "2", "very good"]}))
    assert err.value.column == "q2" and err.value.rows == [3]


def test_out_of_scale_and_fractional_answers_are_rejected():
    with pytest.raises(DataError, match=r"outside the scale 1–5.*rows.*: 2, 4") as err:
        validate_answers([1, 6, 3, 0], scale=(1, 5))
    assert err.value.key == "err_sat_out_of_scale"
    with pytest.raises(DataError, match="non-integer"):
        validate_answers([1, 2.5], scale=(1, 5), integer=True)


def test_per_column_scales():
    frame = pd.DataFrame({"r": [1, 7], "points": [40, 60]})
    assert validate_answers(frame, scale={"r": (1, 7), "points": (0, 100)}).n == 2
    with pytest.raises(DataError, match="'points'"):
        validate_answers(frame.assign(points=[40, 160]), scale={"r": (1, 7), "points": (0, 100)})


def test_missing_column_empty_input_and_no_complete_row():
    with pytest.raises(DataError, match=r"no column 'q9'.*columns: q1") as err:
        validate_answers(pd.DataFrame({"q1": [1]}), ["q9"])
    assert err.value.fix_key == "fix_sat_missing_column"
    with pytest.raises(DataError, match="no answers"):
        validate_answers([])
    with pytest.raises(DataError, match="no complete response"):
        validate_answers(pd.DataFrame({"a": [1, None], "b": [None, 2]}))


def test_wrong_shapes_are_rejected():
    with pytest.raises(DataError, match=r"wrong shape \(got \(2, 2\)\)"):
        validate_answers(np.ones((2, 2)))
    with pytest.raises(DataError, match=r"differ in length \(3 vs 2\)") as err:
        check_same_length([1, 2, 3], [1, 2], ("functional", "dysfunctional"))
    assert "functional / dysfunctional" in str(err.value)


def test_messages_follow_the_active_language():
    with language("zh"), pytest.raises(DataError, match="超出量表"):
        validate_answers([9], scale=(1, 5))


def test_reverse_scoring_and_the_callers_frame_is_untouched():
    frame = pd.DataFrame({"q": [1.0, 2.0, 7.0], "p": [1.0, 1.0, 1.0]})
    out = reverse_scored(frame, ["q"], (1, 7))
    assert out["q"].tolist() == [7.0, 6.0, 1.0] and out["p"].tolist() == [1.0, 1.0, 1.0]
    assert frame["q"].tolist() == [1.0, 2.0, 7.0]
    with pytest.raises(ParameterError, match="low < high"):
        reverse_scored(frame, ["q"], (7, 1))


@pytest.mark.parametrize("scale", [(5, 1), (3, 3), 5, "1-5"])
def test_a_scale_that_is_not_an_increasing_pair_is_a_parameter_error(scale):
    with language("en"), pytest.raises(ParameterError, match=r"^Parameter scale must be a pair \(low, high\)"):
        validate_answers([1, 2], scale=scale)
    with language("zh"), pytest.raises(ParameterError, match="^参数 scale 应为两个数"):
        validate_answers([1, 2], scale=scale)
    with pytest.raises(ParameterError, match=r"scale\['q'\]"):
        validate_answers(pd.DataFrame({"q": [1]}), scale={"q": scale})


def _every_measure():
    """Each public survey function called with answers whose 2nd row holds text instead of a number."""
    from helpers.kano import kano_category, kano_table
    from helpers.loyalty import attitude_loyalty
    from helpers.reliability import cronbach_alpha
    from helpers.satisfaction import acsi_index, ces, csat, disconfirmation, ipa_table, loyalty_zone, nps
    from helpers.servqual import servqual

    bad = [1, "x", 2]
    frame = pd.DataFrame({"a": [1, 2, 3], "b": bad})
    return {
        "csat": lambda: csat(bad), "nps": lambda: nps(bad), "ces": lambda: ces(bad),
        "acsi_index": lambda: acsi_index(frame),
        "disconfirmation": lambda: disconfirmation(bad, [1, 1, 1]),
        "loyalty_zone": lambda: loyalty_zone(bad),
        "ipa_table": lambda: ipa_table(frame, ["a"], ["b"]),
        "servqual": lambda: servqual(frame.rename(columns={"a": "exp_01", "b": "per_01"}),
                                     dimensions={"sq_tangibles": (1,)}),
        "kano_category": lambda: kano_category([1, 1, 1], bad),
        "kano_table": lambda: kano_table(frame.rename(columns={"a": "kano_x_func", "b": "kano_x_dysf"}), ["x"]),
        "cronbach_alpha": lambda: cronbach_alpha(frame),
        "attitude_loyalty": lambda: attitude_loyalty(frame.assign(customer_id="c", brand="k"), weight_col="b"),
    }


@pytest.mark.parametrize("name", sorted(_every_measure()))
def test_every_survey_function_names_column_row_and_fix_for_malformed_answers(name):
    with pytest.raises(DataError) as err:
        _every_measure()[name]()
    assert err.value.key == "err_sat_not_numeric" and err.value.rows == [2]
    assert err.value.fix_key == "fix_sat_not_numeric" and err.value.column in str(err.value)


def test_dropped_answers_warning_points_at_the_callers_line():
    from helpers.satisfaction import nps

    with pytest.warns(DataWarning) as record:
        nps([10, None])
    assert record[0].filename == __file__


def test_survey_modules_do_not_import_matplotlib():
    import subprocess
    import sys

    code = ("import sys, helpers.data.survey, helpers.satisfaction, helpers.servqual, helpers.kano, "
            "helpers.reliability, helpers.loyalty; print('matplotlib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
