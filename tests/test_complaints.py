"""Complaint metrics and Pareto: the worked example of docs/methods.md §8.8, checks, properties, charts."""
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.complaints import complaint_metrics, complaint_metrics_by, complaint_pareto
from helpers.errors import DataError, DataWarning
from helpers.i18n import language
from helpers.validation import ParameterError

AS_OF = "2024-05-06 09:00"
# docs/methods.md §8.8: id, received, first response, resolved, category (year 2024)
SECTION_8_8 = [
    ("K1", "05-01 09:00", "05-01 11:00", "05-02 09:00", "delivery"),
    ("K2", "05-01 15:00", "05-02 16:00", "05-04 15:00", "quality"),
    ("K3", "05-02 10:00", "05-02 10:30", "05-02 14:00", "delivery"),
    ("K4", "05-03 08:00", "05-03 20:00", None, "billing"),
    ("K5", "05-03 12:00", "05-05 12:00", "05-08 12:00", "delivery"),
    ("K6", "05-04 09:00", "05-04 09:15", "05-04 10:00", "quality"),
    ("K7", "05-04 18:00", "05-05 17:59", "05-06 18:00", "delivery"),
    ("K8", "05-05 09:00", None, None, "staff attitude"),
]


@pytest.fixture
def complaints():
    def stamp(v):
        return None if v is None else f"2024-{v}"

    rows = [(k, stamp(r), stamp(f), stamp(s), c) for k, r, f, s, c in SECTION_8_8]
    df = pd.DataFrame(rows, columns=["complaint_id", "received_at", "first_response_at", "resolved_at", "category"])
    df["channel"] = ["phone", "app", "phone", "app", "phone", "app", "phone", "phone"]
    return df


def test_section_8_8_response_and_resolution(complaints):
    m = complaint_metrics(complaints, as_of=AS_OF).metrics
    assert (m["sla_eligible"], m["within_sla"]) == (8, 5)          # K8: exactly 24 h old, unanswered = breach
    assert m["within_sla_rate"] == pytest.approx(0.625)
    assert m["resolved"] == 6 and m["resolution_rate"] == pytest.approx(0.75)
    assert m["resolution_hours_mean"] == pytest.approx(44.833, abs=1e-3)
    assert m["resolution_hours_median"] == pytest.approx(36)
    assert m["resolution_hours_p90"] == pytest.approx(96)
    assert m["backlog"] == 2


def test_section_8_8_per_complaint_hours(complaints):
    table = complaint_metrics(complaints, as_of=AS_OF).table
    assert table.index.name == "complaint_id" and table.index.tolist() == [f"K{i}" for i in range(1, 9)]
    frt = [2, 25, 0.5, 12, 48, 0.25, 23 + 59 / 60, np.nan]
    np.testing.assert_allclose(table["frt_hours"], frt)
    np.testing.assert_allclose(table["resolution_hours"].dropna(), [24, 72, 4, 120, 1, 48])
    assert table.loc[["K1", "K4", "K8"], "status"].tolist() == ["cmp_status_resolved", "cmp_status_in_progress",
                                                        "cmp_status_new"]
    assert table.loc["K8", "open_age_hours"] == 24


def test_censoring_at_as_of_drops_resolutions_after_it(complaints):
    m = complaint_metrics(complaints, as_of=AS_OF, censor_at_as_of=True).metrics
    resolved_by_as_of = pd.Series([24, 72, 4, 1])          # K5 and K7 close after as_of
    assert m["resolution_rate"] == pytest.approx(4 / 8)
    assert m["resolution_hours_mean"] == pytest.approx(resolved_by_as_of.mean())
    assert m["resolution_hours_median"] == pytest.approx(resolved_by_as_of.median())
    assert m["resolution_hours_p90"] == pytest.approx(resolved_by_as_of.quantile(0.9))
    assert m["within_sla_rate"] == pytest.approx(0.625)    # both responses came before as_of
    assert m["backlog"] == 4


def test_young_unanswered_complaint_is_not_eligible(complaints):
    m = complaint_metrics(complaints, as_of="2024-05-06 08:59").metrics
    assert (m["sla_eligible"], m["within_sla"]) == (7, 5)


def test_default_as_of_is_the_day_after_the_last_receipt(complaints):
    result = complaint_metrics(complaints)
    assert result.params["as_of"] == pd.Timestamp("2024-05-06")


def test_flags_and_orders(complaints):
    df = complaints.assign(first_contact_resolution=["yes", "no", "yes", None, "no", "是", "no", None],
                           reopened=[0, 1, 0, 0, 0, 0, 0, 0], escalated=[False] * 7 + [True])
    m = complaint_metrics(df, as_of=AS_OF, orders=pd.DataFrame({"order_id": [f"o{i}" for i in range(400)]})).metrics
    assert m["fcr_rate"] == pytest.approx(3 / 6)
    assert m["reopen_rate"] == pytest.approx(1 / 6)
    assert m["escalation_rate"] == pytest.approx(1 / 8)
    assert m["complaints_per_1000_orders"] == pytest.approx(20)


def test_section_8_8_pareto(complaints):
    p = complaint_pareto(complaints)
    assert p["category"].tolist() == ["delivery", "quality", "billing", "staff attitude"]
    assert p["cum_share"].tolist() == pytest.approx([0.5, 0.75, 0.875, 1.0])
    assert p["vital_few"].tolist() == [True, True, True, False]
    assert complaint_pareto(complaints, vital_share=0.5)["vital_few"].tolist() == [True, False, False, False]


def test_pareto_ties_are_ordered_by_name_and_missing_is_uncategorised():
    df = pd.DataFrame({"category": ["b", "a", None, "b", "a"]})
    with pytest.warns(DataWarning, match="uncategorised"):
        p = complaint_pareto(df)
    assert p["category"].tolist() == ["a", "b", "cmp_uncategorised"]


def test_metrics_by_channel_share_one_as_of(complaints):
    by = complaint_metrics_by(complaints, by="channel", as_of=AS_OF)
    assert by["channel"].tolist() == ["app", "phone"]
    assert by["received"].sum() == 8
    assert by.set_index("channel").loc["app", "within_sla"] == 2     # K4, K6 (K2 took 25 h)
    keyed = complaint_metrics_by(complaints.set_index("complaint_id"), by="channel", as_of=AS_OF)
    pd.testing.assert_frame_equal(keyed, by)


def test_complaint_ids_may_be_the_index_or_a_named_column(complaints):
    base = complaint_metrics(complaints, as_of=AS_OF)
    keyed = complaint_metrics(complaints.set_index("complaint_id"), as_of=AS_OF)
    pd.testing.assert_frame_equal(keyed.table, base.table)
    named = complaint_metrics(complaints.rename(columns={"complaint_id": "ticket"}), as_of=AS_OF,
                              complaint_col="ticket")
    assert named.metrics == pytest.approx(base.metrics, nan_ok=True)


@pytest.mark.parametrize("lang, words", [("en", "Parameter"), ("zh", "参数")])
@pytest.mark.parametrize("call, name", [
    (lambda df: complaint_metrics(df, as_of=AS_OF, sla_hours=0), "sla_hours"),
    (lambda df: complaint_metrics(df, as_of=AS_OF, censor_at_as_of="yes"), "censor_at_as_of"),
    (lambda df: complaint_metrics_by(df, by="channel", sla_hours=-24), "sla_hours"),
    (lambda df: complaint_pareto(df, vital_share=80), "vital_share"),
])
def test_invalid_settings_raise_a_parameter_error_naming_the_parameter(complaints, call, name, lang, words):
    with language(lang), pytest.raises(ParameterError) as err:
        call(complaints)
    assert err.value.name == name and name in str(err.value) and words in str(err.value)


def test_complaints_received_after_as_of_are_left_out_with_a_warning(complaints):
    with pytest.warns(DataWarning, match="after as_of"):
        m = complaint_metrics(complaints, as_of="2024-05-05 00:00").metrics
    assert m["received"] == 7


@pytest.mark.parametrize("column, value, row, needle", [
    ("first_response_at", "2024-05-01 08:00", 1, "before 'received_at'"),
    ("resolved_at", "soon", 3, "not dates"),
    ("received_at", None, 2, "empty cells"),
    ("complaint_id", "K1", 2, "repeats ids"),
])
def test_malformed_input_names_column_rows_and_fix(complaints, column, value, row, needle):
    complaints.loc[row - 1, column] = value
    with pytest.raises(DataError) as err:
        complaint_metrics(complaints, as_of=AS_OF)
    message = str(err.value)
    assert needle in message and column in message and f"rows (data rows counted from 1): {row}" in message
    assert "Fix:" in message


def test_missing_column_and_bad_flag_messages(complaints):
    with pytest.raises(DataError, match="'resolved_at' is missing.*Fix: Rename"):
        complaint_metrics(complaints.drop(columns="resolved_at"))
    with pytest.raises(DataError, match="'reopened'.*yes/no.*: 2"):
        complaint_metrics(complaints.assign(reopened=[0, "maybe"] + [0] * 6), as_of=AS_OF)
    with language("zh"), pytest.raises(DataError, match="缺少列“resolved_at”"):
        complaint_metrics(complaints.drop(columns="resolved_at"))


@settings(max_examples=10, deadline=None)
@given(st.permutations(range(8)))
def test_results_do_not_depend_on_row_order(order):
    rows = [(k, f"2024-{r}", f"2024-{f}" if f else None, f"2024-{s}" if s else None, c)
            for k, r, f, s, c in SECTION_8_8]
    df = pd.DataFrame(rows, columns=["complaint_id", "received_at", "first_response_at", "resolved_at", "category"])
    shuffled = df.iloc[list(order)]
    base, other = complaint_metrics(df, as_of=AS_OF), complaint_metrics(shuffled, as_of=AS_OF)
    assert other.metrics == pytest.approx(base.metrics, nan_ok=True)
    pd.testing.assert_frame_equal(other.table, base.table)
    pd.testing.assert_frame_equal(complaint_pareto(shuffled), complaint_pareto(df))


def test_caller_frame_is_not_changed(complaints):
    before = complaints.copy()
    complaint_metrics(complaints, as_of=AS_OF, censor_at_as_of=True)
    pd.testing.assert_frame_equal(complaints, before)


def test_summary_has_labels_and_html(complaints):
    result = complaint_metrics(complaints, as_of=AS_OF)
    summary = result.summary()
    assert summary.set_index("metric").loc["within_sla_rate", "label"] == "First response on-time rate"
    assert "2024-05-06 09:00" in result._repr_html_()


def test_charts_are_titled_and_labelled(complaints):
    from helpers.plots.service import plot_complaint_pareto, plot_response_times

    ax = plot_complaint_pareto(complaint_pareto(complaints))
    assert ax.get_title() == "Complaint Pareto chart" and len(ax.patches) == 4
    ax = plot_response_times(complaint_metrics(complaints, as_of=AS_OF).table)
    assert ax.get_title() == "First-response time" and ax.get_xlabel() == "First response (hours)"
    assert any(line.get_xdata()[0] == 24 for line in ax.get_lines())
    ax = plot_complaint_pareto(complaint_pareto(complaints), vital_share=0.5, color="black")
    assert ax.patches[0].get_facecolor()[:3] == (0.0, 0.0, 0.0)          # keywords reach ax.bar
    with pytest.raises(ParameterError, match="vital_share"):
        plot_complaint_pareto(complaint_pareto(complaints), vital_share=1.5)
    with pytest.raises(ParameterError, match="sla_hours"):
        plot_response_times(complaint_metrics(complaints, as_of=AS_OF).table, sla_hours=0)


def test_empty_or_non_table_input_is_explained(complaints):
    with pytest.raises(DataError, match="no rows.*Fix"):
        complaint_metrics(complaints.iloc[:0])
    with pytest.raises(DataError, match="Expected a table.*list"):
        complaint_pareto([1, 2])
