"""Transition matrices and the customer flow (docs/methods.md §3.3) on the §8.4 example."""
import warnings

import numpy as np
import pandas as pd
import pytest

from helpers.errors import DataError, DataWarning
from helpers.lifecycle import STATES
from helpers.migration import (COURSE_ARROWS, customer_flow, migration_matrix,
                               pooled_transition_matrix)
from test_lifecycle import domain_tx, tx_of


def nonzero(counts: pd.DataFrame) -> dict:
    cells = counts.stack()
    return {k: int(v) for k, v in cells[cells > 0].items()}


def test_transition_counts_between_march_and_june_2024():
    m = migration_matrix(domain_tx(), "2024-03-31", "2024-06-30")
    assert nonzero(m.counts) == {("lost", "lost"): 1, ("lost", "reactivated"): 1,
                                 ("prospect", "new"): 1, ("prospect", "repeat"): 1,
                                 ("repeat", "at_risk"): 1, ("repeat", "loyal"): 1}
    assert m.params == {"t0": "2024-03-31", "t1": "2024-06-30"}


def test_every_state_is_a_row_and_a_column_and_rows_sum_to_one():
    m = migration_matrix(domain_tx(), "2024-03-31", "2024-06-30")
    assert list(m.counts.index) == list(m.counts.columns) == list(STATES)
    assert list(m.probabilities.index) == list(STATES)
    used = m.counts.sum(axis=1) > 0
    np.testing.assert_allclose(m.probabilities[used].sum(axis=1), 1.0)
    assert m.probabilities[~used].isna().all().all()
    assert m.probabilities.loc["lost", "reactivated"] == 0.5
    assert m.labelled().index[0] == "Non-customers"


def test_crm_prospects_and_targets_are_origins():
    tx = pd.concat([domain_tx(), tx_of([("T1", "2024-05-01", 10)])], ignore_index=True)
    crm = pd.DataFrame({"customer_id": ["C2", "T1", "P9"], "is_target": [False, True, False]})
    m = migration_matrix(tx, "2024-03-31", "2024-06-30", crm=crm)
    assert m.counts.loc["target", "new"] == 1            # T1 was targeted, then bought
    assert m.counts.loc["prospect", "new"] == 1          # C2 was a CRM prospect
    assert m.counts.loc["prospect", "prospect"] == 1     # P9 never bought
    assert m.counts.loc["prospect", "repeat"] == 1       # C6, unknown before, counted from prospect


def test_state_options_reach_the_classifier():
    m = migration_matrix(domain_tx(), "2024-03-31", "2024-06-30", churn_days=120)
    assert m.counts.loc["repeat", "lost"] == 1           # C3: 131 days > 120


def test_pooled_matrix_sums_consecutive_pairs():
    tx, dates = domain_tx(), ["2023-12-31", "2024-03-31", "2024-06-30"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")                    # calendar quarters count as equal periods
        pooled = pooled_transition_matrix(tx, dates)
    expected = (migration_matrix(tx, dates[0], dates[1]).counts
                + migration_matrix(tx, dates[1], dates[2]).counts)
    pd.testing.assert_frame_equal(pooled.counts, expected)
    assert pooled.params["pairs"] == 2
    with pytest.warns(DataWarning, match="91, 183"):
        pooled_transition_matrix(tx, ["2023-12-31", "2024-03-31", "2024-09-30"])


def test_snapshot_dates_must_increase():
    with pytest.raises(DataError, match="increasing"):
        migration_matrix(domain_tx(), "2024-06-30", "2024-03-31")
    with pytest.raises(DataError):
        pooled_transition_matrix(domain_tx(), ["2024-03-31"])


def test_customer_flow_counts_the_course_arrows():
    flow = customer_flow(domain_tx(), "2024-03-31", "2024-06-30")
    edges = flow.edges.set_index(["source", "target"])
    assert set(COURSE_ARROWS) <= set(edges.index)
    assert edges.loc[("lost", "reactivated"), "customers"] == 1
    assert edges.loc[("repeat", "loyal"), "customers"] == 1
    assert edges.loc[("prospect", "new"), ["customers", "course"]].tolist() == [1, True]
    assert edges.loc[("prospect", "repeat"), ["customers", "course"]].tolist() == [1, False]
    assert edges.loc[("new", "repeat"), "customers"] == 0
    assert flow.stocks.loc["lost"].tolist() == [2, 1]
    assert flow.stocks["start"].sum() == flow.stocks["end"].sum() == 6
    assert "Reactivated customers" in flow._repr_html_()
