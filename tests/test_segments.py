"""Segment schemes (docs/methods.md §1.2, §1.3): rule semantics, grids, 八类 mapping, custom rule checks."""
import itertools
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rfm_strategies import rfm_tables as rfm_table_strategy

from conftest import FIXTURES
from helpers.data.datasets import load_cdnow
from helpers.errors import DataError, DataWarning
from helpers.i18n import language
from helpers.rfm import rfm_score, rfm_table
from helpers.segment_rules import CN8, PYMC, PYMC_OTHER, R_RFM10, RFM11, check_rules, rule_cells, score_cells
from helpers.segments import cn8_classify, rfm_segment, rule_segment, segment_summary
from helpers.validation import ParameterError
from test_scoring import r_rfm_table, r_scores  # noqa: F401  (module fixtures)


def quiet(fn, *args, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        return fn(*args, **kw)


def test_r_rfm10_first_match_wins_and_unmatched_cells_are_others():
    cells = rule_cells(R_RFM10)
    assert cells["555"] == "champions"            # also inside Potential Loyalist's ranges
    assert cells["544"] == "potential_loyalist"   # not Loyal Customers (rule 3)
    assert cells["215"] == "others"
    assert cells["111"] == "lost"
    assert cells["333"] == "potential_loyalist"
    report = check_rules(R_RFM10)
    assert report.unreachable == [] and "215" in report.uncovered
    assert ("champions", "potential_loyalist", 1) in report.overlaps


def test_r_rfm10_on_the_r_package_data(r_scores):  # noqa: F811
    seg = rfm_segment(r_scores, "r_rfm10")
    table = seg.table
    cells = rule_cells(R_RFM10)
    assert (table["segment"] == table["rfm_cell"].map(cells)).all()
    assert set(table.loc[table["rfm_cell"] == "555", "segment"]) == {"champions"}
    assert seg.params["scheme"] == "r_rfm10" and seg.params["method"] == "r_rfm"
    assert seg.thresholds["R"].equals(r_scores.thresholds["R"])


def test_rf_grid_covers_all_25_cells_in_regex_order():
    seg = _segment_all_cells("rf_grid")
    rf = seg.set_index(seg["rfm_cell"].str[:2])["segment"].groupby(level=0).first()
    assert rf["11"] == "hibernating" and rf["15"] == "cant_lose_them"
    assert rf["33"] == "need_attention" and rf["41"] == "promising" and rf["51"] == "new_customers"
    assert rf["55"] == "champions" and rf["45"] == "loyal_customers" and rf["52"] == "potential_loyalist"
    assert "others" not in set(seg["segment"])
    assert seg.groupby(seg["rfm_cell"].str[:2])["segment"].nunique().max() == 1  # M ignored


def test_rfm11_is_a_partition_and_fm_rule_is_a_parameter():
    cells = [c for cs in RFM11.values() for c in cs]
    assert len(cells) == len(set(cells)) == 25
    ceil = _segment_all_cells("rfm11").set_index("rfm_cell")["segment"]
    floor = _segment_all_cells("rfm11", fm="floor").set_index("rfm_cell")["segment"]
    assert ceil["545"] == "champions"     # FM = ceil(4.5) = 5 → (5,5)
    assert ceil["312"] == "need_attention"  # FM = ceil(1.5) = 2 → (3,2)
    assert floor["312"] == "promising"    # FM = 1 → (3,1)
    assert ceil["111"] == "lost" and ceil["112"] == "hibernating"


def _all_cells_scored(n_bins):
    cells = list(itertools.product(range(1, n_bins + 1), repeat=3))
    rfm = pd.DataFrame({"recency_days": [n_bins + 1 - r for r, _, _ in cells],
                        "frequency": [f for _, f, _ in cells],
                        "monetary": [float(m) for _, _, m in cells]},
                       index=[f"c{i:03d}" for i in range(len(cells))])
    breaks = {dim: [k + 0.5 for k in range(1, n_bins)] for dim in "RFM"}
    return quiet(rfm_score, rfm, n_bins=n_bins, breaks=breaks)


def _segment_all_cells(scheme, **kw):
    scored = _all_cells_scored(4 if scheme == "pymc" else 5)
    assert scored.table["rfm_cell"].nunique() == len(scored.table)
    return rfm_segment(scored, scheme, **kw).table


def test_pymc_scheme_needs_quartile_scores_and_uses_the_default_config(r_rfm_table):  # noqa: F811
    with pytest.raises(DataError, match="n_bins=4"):
        rfm_segment(_all_cells_scored(5), "pymc")
    seg = _segment_all_cells("pymc").set_index("rfm_cell")["segment"]
    assert seg["444"] == "pymc_premium" and seg["111"] == "pymc_inactive"
    assert seg["144"] == "pymc_top_spender" and seg["441"] == "pymc_other"


PYMC_FIXTURES = FIXTURES / "pymc_marketing"
PYMC_NAMES = {"pymc_premium": "Premium Customer", "pymc_repeat": "Repeat Customer", "pymc_top_spender": "Top Spender",
              "pymc_at_risk": "At Risk Customer", "pymc_inactive": "Inactive Customer", "pymc_other": "Other"}


def _pymc_reference(name: str) -> pd.DataFrame:
    return pd.read_csv(PYMC_FIXTURES / f"{name}_segments.csv",
                       dtype={"customer_id": "str", "rfm_score": "str"}).set_index("customer_id")


@pytest.mark.parametrize("name", ["small", "cdnow_sample"])
def test_the_pymc_scheme_gives_pymc_marketings_own_labels(name):
    if name == "small":
        tx = pd.read_csv(PYMC_FIXTURES / "small_transactions.csv", parse_dates=["order_date"])
    else:
        tx = load_cdnow(sample=True)[0]
    reference = _pymc_reference(name)
    rfm = rfm_table(tx, frequency="days", monetary="mean")
    seg = quiet(rfm_segment, rfm, "pymc")
    assert seg.params["method"] == "qcut_drop" and seg.params["n_bins"] == 4
    table = seg.table.loc[reference.index]
    assert (table["frequency"] == reference["frequency"]).all()          # purchase days
    np.testing.assert_allclose(table["monetary"], reference["monetary_value"])   # mean spend per day
    assert (table["rfm_cell"] == reference["rfm_score"]).all()
    assert (table["segment"].map(PYMC_NAMES) == reference["segment"]).all()


def test_the_pymc_scheme_refuses_inputs_pymc_marketing_would_not_score(r_rfm_table):  # noqa: F811
    tx = load_cdnow(sample=True)[0]
    with language("en"), pytest.raises(DataError, match="M = total spend.*monetary=\"mean\""):
        rfm_segment(rfm_table(tx), "pymc")                               # total spend, not its mean
    by_days = rfm_table(tx, frequency="days", monetary="mean")
    with language("zh"), pytest.raises(DataError, match="评分方法是“R rfm 分位点（并列同分）”"):
        rfm_segment(quiet(rfm_score, by_days, n_bins=4), "pymc")         # R rfm's breaks, not quartiles
    # what the kit's scheme used to do (total spend) gives another label to 29 % of them
    old = quiet(rfm_score, rfm_table(tx), n_bins=4, method="qcut_drop").table["rfm_cell"]
    reference = _pymc_reference("cdnow_sample")
    cells = {code: segment for segment, codes in PYMC.items() for code in codes}
    old_labels = old.map(lambda cell: PYMC_NAMES[cells.get(cell, PYMC_OTHER)])
    moved = (old_labels.reindex(reference.index) != reference["segment"]).mean()
    assert 0.28 < moved < 0.30


def _eight_customers():
    """One customer per 八类 code: recency 1 (recent) / 100, frequency 9 / 1, monetary 900 / 10."""
    codes = ["".join(bits) for bits in itertools.product("10", repeat=3)]
    rfm = pd.DataFrame({"recency_days": [1 if c[0] == "1" else 100 for c in codes],
                        "frequency": [9 if c[1] == "1" else 1 for c in codes],
                        "monetary": [900.0 if c[2] == "1" else 10.0 for c in codes]},
                       index=pd.Index([f"code_{c}" for c in codes], name="customer_id"))
    return rfm, codes


def test_cn8_mapping_table_all_eight_codes():
    rfm, codes = _eight_customers()
    seg = cn8_classify(rfm)
    expected = {"111": "重要价值客户", "101": "重要发展客户", "011": "重要保持客户",
                "001": "重要挽留客户", "110": "一般价值客户", "100": "一般发展客户",
                "010": "一般保持客户", "000": "一般挽留客户"}
    with language("zh"):
        labels = seg.labels()
    for code in codes:
        assert seg.table.loc[f"code_{code}", "cn8_code"] == code
        assert seg.table.loc[f"code_{code}", "segment"] == CN8[code]
        assert labels[f"code_{code}"] == expected[code]
    assert seg.thresholds["R"] == pytest.approx(50.5)


def test_cn8_best_customer_is_important_value_and_the_swapped_direction_pitfall():
    rfm, _ = _eight_customers()
    best = rfm.assign(score=-rfm["recency_days"] + rfm["frequency"] + rfm["monetary"])["score"].idxmax()
    seg = cn8_classify(rfm)
    assert seg.table.loc[best, "segment"] == "cn8_important_value"
    assert bool(seg.table.loc[best, "R_high"]) is True
    # the widely copied snippet sets the R digit when recency_days − mean ≥ 0 (= LESS recent):
    naive_r = (rfm["recency_days"] - rfm["recency_days"].mean() >= 0).astype(int).astype(str)
    naive_code = naive_r[best] + seg.table.loc[best, "cn8_code"][1:]
    assert CN8[naive_code] == "cn8_important_keep"   # 重要保持客户: wrong for the best customer


def test_cn8_score_basis_thresholds_and_rf_variant(r_scores):  # noqa: F811
    by_score = cn8_classify(r_scores, basis="score")
    assert by_score.thresholds["R"] == pytest.approx(r_scores.table["R"].mean())
    recent = r_scores.table["R"] >= by_score.thresholds["R"]
    assert (by_score.table["R_high"] == recent).all()
    median = cn8_classify(r_scores.table, breaks="median")
    assert median.thresholds["F"] == r_scores.table["frequency"].median()
    assert median.params["breaks"] == "median"
    fixed = cn8_classify(r_scores.table, breaks={"R": 100, "F": 5, "M": 500})
    assert fixed.params["breaks"] == "custom" and fixed.thresholds == {"R": 100.0, "F": 5.0, "M": 500.0}
    assert (fixed.table["R_high"] == (r_scores.table["recency_days"] <= 100)).all()
    rf = cn8_classify(r_scores.table, dims=["R", "F"])
    assert set(rf.table["segment"]) <= {"cn4_important_value", "cn4_important_winback",
                                        "cn4_important_deepen", "cn4_important_retain"}
    with language("zh"):
        alias = cn8_classify(r_scores.table, labels="alias")
        assert "高价值客户" in set(alias.labels())
        assert "高价值客户" in set(alias.summary()["label"])
    assert rfm_segment(r_scores, "cn8", basis="score").params["basis"] == "score"


@pytest.mark.parametrize("lang, text", [("en", "Parameter scheme must be one of 'r_rfm10', 'rf_grid', 'rfm11', 'pymc', 'cn8'; got 'rfm10'"),
                                        ("zh", "参数 scheme 应为以下之一：'r_rfm10', 'rf_grid', 'rfm11', 'pymc', 'cn8'；收到的是 'rfm10'")])
def test_unknown_settings_are_refused_naming_the_parameter(r_scores, lang, text):  # noqa: F811
    with language(lang):
        with pytest.raises(ParameterError, match=text):
            rfm_segment(r_scores, "rfm10")
        with pytest.raises(ParameterError, match="fm"):
            rfm_segment(r_scores, "rfm11", fm="up")
        for bad in ({"basis": "scores"}, {"breaks": "mode"}, {"breaks": 3}, {"dims": ("F", "M")},
                    {"labels": "platform"}):
            with pytest.raises(ParameterError, match=next(iter(bad))):
                cn8_classify(r_scores.table, **bad)
        with pytest.raises(ParameterError, match="n_bins"):
            check_rules(R_RFM10, n_bins=1)
    with pytest.raises(TypeError):                 # options are keyword-only
        cn8_classify(r_scores.table, "score")


def test_rule_tables_without_their_columns_are_a_data_error():
    with language("en"), pytest.raises(DataError, match="r_min.*Fix: Give one rule per row"):
        check_rules(pd.DataFrame({"segment": ["all"], "r_max": [5]}))
    # a row of a listed table that lost a value names the row, not a pandas error about columns
    with language("en"), pytest.raises(DataError, match="do not hold 7 values.*rows.*: 2\\..*Fix: Give one rule"):
        rule_cells([("all", 1, 5, 1, 5, 1, 5), ("low", 1, 2, 1, 5, 1)])
    assert len(score_cells(n_bins=3)) == 27


def test_the_shipped_rule_table_is_a_fresh_frame_each_time():
    from helpers.segment_rules import R_RFM10 as first      # not this module's copy: other tests read it
    first.loc[0, "segment"] = "changed"
    from helpers.segment_rules import R_RFM10 as again
    assert again.loc[0, "segment"] == "champions"
    assert rule_cells(again)["555"] == "champions"


def test_custom_rule_table_is_checked_and_warned_about(r_scores):  # noqa: F811
    rules = [("best", 4, 5, 4, 5, 1, 5), ("shadowed", 5, 5, 5, 5, 1, 5), ("low", 1, 2, 1, 5, 1, 5)]
    report = check_rules(rules)
    assert report.unreachable == ["shadowed"]
    assert ("best", "shadowed", 5) in report.overlaps
    assert "311" in report.uncovered and len(report.uncovered) == 25 + 2 * 3 * 5
    with pytest.warns(DataWarning, match="1 rules never used"):
        seg = rule_segment(r_scores, rules)
    assert (seg.table.loc[seg.table["R"] == 3, "segment"] == "others").all()
    assert seg.params["rule_check"].unreachable == ["shadowed"]


def test_segment_summary_adds_up(r_scores, r_rfm_table):  # noqa: F811
    seg = rfm_segment(r_scores)
    summary = segment_summary(seg)
    assert summary["customers"].sum() == 995
    assert summary["revenue"].sum() == pytest.approx(r_rfm_table["revenue"].sum())
    assert summary["customer_share"].sum() == pytest.approx(1)
    assert summary["revenue_share"].sum() == pytest.approx(1)
    row = summary.set_index("segment").loc["champions"]
    assert row["aov"] == pytest.approx(row["revenue"] / row["orders"])
    assert row["label"] == "Champions"
    assert segment_summary(seg, r_rfm_table).equals(summary)


def test_segmentation_renders_and_has_strategies(r_scores):  # noqa: F811
    seg = rfm_segment(r_scores, "rfm11")
    html = seg._repr_html_()
    assert "Thresholds used" in html and "rfm11" in html
    strategies = seg.strategies()
    assert strategies["strategy"].str.len().min() > 10


rfm_tables = rfm_table_strategy(8, 3000, 8, 50)


@settings(max_examples=10, deadline=None)
@given(rfm_tables, st.integers(0, 10**6))
def test_every_customer_gets_exactly_one_segment_in_every_scheme(rfm, seed):
    shuffled = rfm.sample(frac=1, random_state=seed)
    for scheme in ("r_rfm10", "rf_grid", "rfm11", "pymc", "cn8"):
        seg = quiet(rfm_segment, rfm, scheme)
        assert seg.table.index.is_unique and len(seg.table) == len(rfm)
        assert seg.table["segment"].notna().all()
        again = quiet(rfm_segment, shuffled, scheme)
        pd.testing.assert_series_equal(again.classes, seg.classes, obj=scheme)
