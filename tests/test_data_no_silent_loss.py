"""No silent loss: every function that takes transactions or survey answers accounts for every
customer / respondent it was given — in its result, in a count the result carries, or in a
DataWarning that names them — or raises a DataError. Never a row that just disappears."""
import warnings

import pandas as pd
import pytest

from helpers.errors import DataError, DataWarning

# One customer of each awkward kind: repeat buyer, only a return, only a free (0) order, a purchase
# fully returned, and one whose id looks like a number.
TX = pd.DataFrame({
    "customer_id": ["BUYER", "BUYER", "RETURN-ONLY", "FREE-ONLY", "NETTED", "NETTED", "0042"],
    "order_id": ["o1", "o2", "o3", "o4", "o5", "o6", "o7"],
    "amount": [10.0, 20.0, -5.0, 0.0, 30.0, -30.0, 12.0],
    "order_date": pd.to_datetime(["2024-01-05", "2024-03-01", "2024-02-01", "2024-04-01", "2024-05-01",
                                  "2024-05-02", "2024-05-20"]),
})
CUSTOMERS = set(TX["customer_id"])
AS_OF = "2024-07-01"


def accounted(call):
    """The result of ``call`` and the texts of the DataWarnings it raised (in English)."""
    from helpers.i18n import language

    with language("en"), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = call()
    return result, " ".join(str(w.message) for w in caught if issubclass(w.category, DataWarning))


def named(ids, result_ids, warned: str, extra=()) -> set:
    """The ids neither in the result, nor named by a warning or the result's own list."""
    return {i for i in ids if i not in set(result_ids) and i not in warned and i not in set(extra)}


# --- transactions: every customer is in the result or named -------------------------------------

def _per_customer():
    from helpers.btyd.summary import btyd_summary
    from helpers.lifecycle import relationship_states
    from helpers.profitability import customer_profit
    from helpers.report.analysis import analyse
    from helpers.rfm.table import rfm_table

    return {
        "rfm_table": lambda: (rfm_table(TX, as_of=AS_OF), lambda r: r.index, ()),
        "btyd_summary": lambda: (btyd_summary(TX), lambda r: r.index, ()),
        "customer_profit": lambda: (customer_profit(TX, margin=0.3), lambda r: r.index, ()),
        "relationship_states": lambda: (relationship_states(TX, as_of=AS_OF), lambda r: r.table.index,
                                        relationship_states(TX, as_of=AS_OF).params["returns_only"]),
        "analyse": lambda: (analyse(TX, as_of=AS_OF), lambda r: r.customers.index, ()),
    }


@pytest.mark.parametrize("name", sorted(_per_customer()))
def test_per_customer_results_hold_or_name_every_customer(name):
    (result, ids_of, extra), warned = accounted(_per_customer()[name])
    assert not named(CUSTOMERS, ids_of(result), warned, extra), name


def test_relationship_states_names_a_customer_whose_only_order_is_a_return():
    from helpers.lifecycle import relationship_states

    with pytest.warns(DataWarning, match="RETURN-ONLY"):
        states = relationship_states(TX, as_of=AS_OF)
    assert states.params["returns_only"] == ["RETURN-ONLY"] and "RETURN-ONLY" not in states.table.index
    assert set(states.table.index) | set(states.params["returns_only"]) == CUSTOMERS


def test_migration_and_flow_count_every_customer_with_a_state_and_name_the_others():
    from helpers.migration import customer_flow, migration_matrix

    flow, warned = accounted(lambda: customer_flow(TX, "2024-03-31", AS_OF))
    assert flow.stocks["end"].sum() == len(CUSTOMERS) - 1 and "RETURN-ONLY" in warned
    matrix, warned = accounted(lambda: migration_matrix(TX, "2024-03-31", AS_OF))
    assert int(matrix.counts.to_numpy().sum()) == len(CUSTOMERS) - 1 and "RETURN-ONLY" in warned


def test_cohorts_count_or_name_every_customer():
    from helpers.cohorts import cohort_retention, growth_accounting

    cohorts, warned = accounted(lambda: cohort_retention(TX))
    assert int(cohorts.sizes.sum()) + len(cohorts.params["returns_only"]) == len(CUSTOMERS)
    assert cohorts.params["returns_only"] == ["RETURN-ONLY"] and "RETURN-ONLY" in warned
    growth, warned = accounted(lambda: growth_accounting(TX))
    assert int(growth["new"].sum()) + len(growth.attrs["returns_only"]) == len(CUSTOMERS)
    assert "RETURN-ONLY" in warned


def test_the_loader_accounts_for_every_row_of_a_messy_frame():
    from helpers.data import load_transactions

    frame = TX.astype({"amount": object}).assign(amount=["10", "20", "-5", "0", "inf", "-30", "1.2e13"])
    frame.loc[len(frame)] = ["合计", None, "57", None]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        clean, report = load_transactions(frame)
    assert report.rows_read == len(frame) == report.rows_kept + sum(report.excluded.values())
    assert report.excluded == {"excl_total_row": 1, "excl_absurd_amount": 2, "excl_return": 2}


# --- survey answers: every respondent is used or counted as dropped --------------------------------

R5 = pd.Series([5, 4, None, 3, 2, 5, " "])
R10 = pd.Series([10, 9, None, 3, 7, 0, ""])
R7 = pd.Series([1, 2, None, 7, 5, 3, None])


def _counted():
    from helpers import satisfaction as s
    from helpers.reliability import cronbach_alpha
    from helpers.servqual import servqual

    items = pd.DataFrame({"q1": [7, 8, None, 9, 10, 6, 7], "q2": [7, 8, 9, 9, 10, 6, None]})
    survey = pd.DataFrame({**{f"exp_{i:02d}": [5, 6, None, 7, 6, 5, 4] for i in range(1, 23)},
                           **{f"per_{i:02d}": [4, 5, 6, 7, 6, 5, 4] for i in range(1, 23)}})
    return {
        "csat": lambda: s.csat(R5), "nps": lambda: s.nps(R10), "ces": lambda: s.ces(R7),
        "acsi_index": lambda: s.acsi_index(items), "cronbach_alpha": lambda: cronbach_alpha(items),
        "servqual": lambda: servqual(survey),
    }


@pytest.mark.parametrize("name", sorted(_counted()))
def test_survey_measures_count_every_respondent(name):
    result, warned = accounted(_counted()[name])
    assert result.n + result.n_dropped == 7 and result.n_dropped >= 1 and warned


def test_per_respondent_classes_keep_or_count_every_respondent():
    from helpers.satisfaction import disconfirmation, loyalty_zone, nps_group

    zones, _ = accounted(lambda: loyalty_zone(R5))
    assert len(zones.table) + zones.params["n_dropped"] == 7
    states, _ = accounted(lambda: disconfirmation(R5, pd.Series([4, 4, 4, None, 4, 4, 4])))
    assert len(states.table) + states.params["n_dropped"] == 7
    groups = nps_group(R10)
    assert len(groups) == 7 and groups.isna().sum() == 2 and groups.iloc[0] == "promoters"
    with pytest.raises(DataError):
        nps_group([11, 3])


def test_ipa_and_kano_count_the_dropped_answers_per_attribute():
    from helpers.kano import kano_table
    from helpers.satisfaction import ipa_table

    ipa, _ = accounted(lambda: ipa_table(pd.DataFrame({"i1": [5, 4, None, 3], "i2": [4, 4, 4, 4], "p1": [3, 4, 5, None],
                                                       "p2": [2, 3, 4, 5]}), ["i1", "i2"], ["p1", "p2"]))
    assert (ipa["n"] + ipa["n_dropped"]).tolist() == [4, 4]
    kano, _ = accounted(lambda: kano_table(pd.DataFrame({"kano_a_func": [1, 2, None, 5, 3],
                                                         "kano_a_dysf": [5, 4, 3, 1, 3]}), ["a"]))
    classes = [c for c in ("M", "O", "A", "I", "R", "Q") if c in kano.table.columns]
    assert int(kano.table.loc["a", classes].sum() + kano.table.loc["a", "n_dropped"]) == 5


@pytest.mark.parametrize("measure", ["nps", "csat", "ces", "loyalty_zone"])
def test_one_answer_measures_refuse_a_frame_of_several_columns(measure):
    from helpers import satisfaction

    with pytest.raises(DataError, match="q2"):
        getattr(satisfaction, measure)(pd.DataFrame({"q1": [5, 4], "q2": [None, 3]}))


def test_attitude_loyalty_counts_a_choice_without_a_customer():
    from helpers.loyalty import attitude_loyalty

    result, warned = accounted(lambda: attitude_loyalty(pd.DataFrame({"customer_id": ["x", "x", "y", None],
                                                                      "brand": ["A", "A", "B", "B"]})))
    assert result.table["purchases"].sum() == 3 and "rows 4" in warned


def test_survey_answers_are_never_modified():
    from helpers.satisfaction import csat, nps

    answers = R10.copy()
    nps(answers)
    pd.testing.assert_series_equal(answers, R10)
    frame = pd.DataFrame({"csat": R5})
    before = frame.copy()
    csat(frame)
    pd.testing.assert_frame_equal(frame, before)
