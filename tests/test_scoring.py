"""rfm_score: R rfm 0.3.0 reproduction (docs/methods.md §8.1), tie policies, breaks, nesting, warnings."""
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES
from rfm_strategies import rfm_tables as rfm_table_strategy
from helpers.errors import DataError, DataWarning
from helpers.i18n import language
from helpers.rfm import rfm_table
from helpers.rfm import rfm_score
from helpers.validation import ParameterError
from test_rfm import cdnow_sample

R_ORDERS = FIXTURES / "rfm_r_package" / "rfm_data_orders.csv"
# docs/methods.md §8.1 (R rfm 0.3.0, as_of 2006-12-31, n_bins 5, method r_rfm)
R_THRESHOLDS = {
    "R": ([1, 115, 181, 297.4, 482], [115, 181, 297.4, 482, 977]),
    "F": ([1, 4, 5, 6, 8], [4, 5, 6, 8, 15]),
    "M": ([12, 255.8, 382, 506.4, 666], [255.8, 382, 506.4, 666, 1489]),
}
# first rows printed in the package README (rfm_table_order on rfm_data_orders); names were
# later shortened in the data (suffixes such as "DVM" dropped), so they are matched by prefix
R_README_ROWS = {
    "Abbey O'Reilly": (205, 6, 472, 343), "Add Senger": (140, 3, 340, 412),
    "Aden Lesch": (194, 4, 405, 323), "Admiral Senger": (132, 5, 448, 433),
    "Agness O'Keefe": (90, 9, 843, 555), "Aileen Barton": (84, 9, 763, 555),
    "Ailene Hermann": (281, 8, 699, 355), "Aiyanna Bruen": (246, 4, 157, 321),
    "Ala Schmidt": (349, 3, 363, 212), "Alannah Borer": (619, 4, 196, 121),
}


@pytest.fixture(scope="module")
def r_rfm_table():
    tx = pd.read_csv(R_ORDERS, parse_dates=["order_date"])
    # R counts rows (one row = one order): give each row its own order id
    tx["order_id"] = tx.index.astype(str)
    return rfm_table(tx, "2006-12-31", amount_col="revenue")


@pytest.fixture(scope="module")
def r_scores(r_rfm_table):
    with warnings.catch_warnings():
        warnings.simplefilter("error", DataWarning)  # no empty bins, no heavy ties here
        return rfm_score(r_rfm_table)


def test_r_rfm_thresholds_reproduce_the_r_package(r_scores):
    for dim, (lower, upper) in R_THRESHOLDS.items():
        limits = r_scores.thresholds[dim].sort_values("lower")
        np.testing.assert_allclose(limits["lower"], lower, err_msg=dim)
        np.testing.assert_allclose(limits["upper"], upper, err_msg=dim)
    assert len(r_scores.table) == 995
    assert r_scores.n_bins == r_scores.params["n_bins"] == 5
    assert r_scores.params["order_col"] == "order_id"


def test_scores_match_the_rows_printed_by_the_r_package(r_scores):
    table = r_scores.table
    for name, (recency, orders, amount, score) in R_README_ROWS.items():
        row = table.loc[table.index.str.startswith(name)].iloc[0]
        assert (row["recency_days"], row["frequency"], row["monetary"]) == (recency, orders, amount)
        assert row["rfm_score"] == score, name


def test_explicit_breaks_of_the_package_docs_give_the_same_scores(r_rfm_table, r_scores):
    # the documented custom thresholds c(115,181,297,482), c(4,5,6,8), c(256,382,506,666)
    custom = rfm_score(r_rfm_table, breaks={"R": [115, 181, 297, 482], "F": [4, 5, 6, 8],
                                            "M": [256, 382, 506, 666]})
    changed = (custom.table["rfm_score"] != r_scores.table["rfm_score"]).sum()
    assert changed <= 5
    assert custom.params["method"] == "r_rfm+breaks"


def test_composite_codes_follow_domain_1_1(r_scores):
    t = r_scores.table
    assert (t["rfm_score"] == 100 * t["R"] + 10 * t["F"] + t["M"]).all()
    assert (t["rfm_cell"] == t["rfm_score"].astype(str)).all()
    assert (t["rfm_sum"] == t["R"] + t["F"] + t["M"]).all()
    best = t["recency_days"].idxmin()
    assert t.loc[best, "R"] == 5


def test_breaks_use_lower_inclusive_upper_exclusive():
    rfm = pd.DataFrame({"recency_days": [10, 20, 30], "frequency": [1, 2, 3],
                        "monetary": [5.0, 10.0, 15.0]}, index=["a", "b", "c"])
    scored = rfm_score(rfm, n_bins=2, breaks={"R": [20], "F": [2], "monetary": [10]})
    assert scored.table["R"].tolist() == [2, 1, 1]
    assert scored.table["F"].tolist() == [1, 2, 2]
    assert scored.table["M"].tolist() == [1, 2, 2]


def _scored_quietly(rfm, **kw):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        scored = rfm_score(rfm, **kw)
    return scored, [str(w.message) for w in caught if issubclass(w.category, DataWarning)]


def test_cdnow_heavy_ties_under_each_policy():
    rfm = rfm_table(cdnow_sample())
    one_share = (rfm["frequency"] == 1).mean()
    assert one_share > 0.5
    # r_rfm: ties share a score, so F=1 customers all get 1 and an F bin stays empty
    r_rfm, messages = _scored_quietly(rfm, method="r_rfm")
    assert (r_rfm.table.loc[rfm["frequency"] == 1, "F"] == 1).all()
    assert set(range(1, 6)) - set(r_rfm.table["F"]), "some F bin must be empty"
    assert any("empty score bins" in m for m in messages)
    assert any("share one value" in m for m in messages)
    # rank_first: five equal bins, tied F=1 customers spread over scores 1..3 by customer id
    rank_first, _ = _scored_quietly(rfm, method="rank_first")
    sizes = rank_first.table["F"].value_counts()
    assert sizes.max() - sizes.min() <= 1
    assert rank_first.table.loc[rfm["frequency"] == 1, "F"].nunique() > 1
    # qcut_drop: duplicate edges dropped → fewer than 5 F scores, relabelled 1..k
    qcut, _ = _scored_quietly(rfm, method="qcut_drop")
    k = qcut.table["F"].nunique()
    assert k < 5 and sorted(qcut.table["F"].unique()) == list(range(1, k + 1))


def test_nested_scores_f_within_r():
    rfm = rfm_table(cdnow_sample())
    nested, _ = _scored_quietly(rfm, method="rank_first", nested=True)
    for r, part in nested.table.groupby("R"):
        assert part["F"].value_counts().max() - part["F"].value_counts().min() <= 1, r
    assert set(nested.thresholds["F"]) == {"1", "2", "3", "4", "5"}
    assert "53" in nested.thresholds["M"]


rfm_tables = rfm_table_strategy(12, 5000, 5, 60)


@settings(max_examples=30, deadline=None)
@given(rfm_tables, st.sampled_from(["r_rfm", "rank_first", "qcut_drop"]), st.integers(0, 10**6))
def test_row_order_never_changes_scores(rfm, method, seed):
    expected, _ = _scored_quietly(rfm, method=method)
    shuffled, _ = _scored_quietly(rfm.sample(frac=1, random_state=seed), method=method)
    pd.testing.assert_frame_equal(shuffled.table, expected.table)
    # ties always share a score under r_rfm; scores never decrease with better values
    t = expected.table
    for dim, column, sign in (("R", "recency_days", -1), ("F", "frequency", 1), ("M", "monetary", 1)):
        ordered = t.assign(v=sign * t[column]).sort_values(["v", dim])
        if method != "rank_first":
            assert ordered[dim].is_monotonic_increasing, dim
        assert t[dim].between(1, 5).all()


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["int64", "int32", "int8", "uint32", "uint8", "float64"]), st.integers(0, 10**6),
       st.integers(1, 400), st.sampled_from([5, 700, 10**9]))
def test_order_statistics_are_numpy_quantiles_to_the_last_bit_in_memory_and_in_duckdb(dtype, seed, n, spread):
    # whole numbers of a small range are counted, others selected (in memory: Polars, and pandas
    # tables through linear_quantiles) or sorted (DuckDB's quantile_disc, also for whole numbers
    # with too many distinct values): always NumPy's quantiles
    from unittest import mock

    import duckdb
    import polars as pl
    import pyarrow as pa

    from helpers.data.engines import as_lazy
    from helpers.rfm.quantiles import linear_quantiles, quantiles, selected

    rng = np.random.default_rng(seed)
    low = 0 if dtype == "uint32" else -spread // 2
    values = (rng.integers(low, low + spread, n) if dtype != "float64" else rng.normal(0, spread, n).round(2))
    values = values.astype(dtype)
    positions = sorted(set(rng.integers(0, n, 5).tolist()) | {0, n - 1})
    assert selected(values, positions).tolist() == np.sort(values)[positions].tolist()
    levels = [0.2, 0.4, 0.5, 0.6, 0.8]
    expected = np.quantile(values.astype(float), levels).tolist()    # NumPy's int8 arithmetic overflows
    assert quantiles(as_lazy(pl.DataFrame({"x": values})), {"x": levels}, n)["x"] == expected
    assert linear_quantiles(values, levels).tolist() == expected
    relation = duckdb.connect().from_arrow(pa.table({"x": values, "y": values[::-1].copy()}))
    for most_counted in (100_000, 3):
        with mock.patch("helpers.rfm.quantiles._MOST_COUNTED", most_counted):
            found = quantiles(as_lazy(relation), {"x": levels, "y": levels[:2]}, n)
        assert found["x"] == expected and found["y"] == expected[:2], most_counted


@pytest.mark.parametrize("lang, text", [("en", "Parameter n_bins must be a whole number from 2 to 9; got 10"),
                                        ("zh", "参数 n_bins 应为介于 2 与 9 之间（含两端）的整数；收到的是 10")])
def test_invalid_settings_are_refused_naming_the_parameter(r_rfm_table, lang, text):
    with language(lang):
        with pytest.raises(ParameterError, match=text):
            rfm_score(r_rfm_table, n_bins=10)
        for bad in ({"n_bins": 1}, {"n_bins": 4.5}, {"method": "quantile"}, {"breaks": [1, 2]},
                    {"nested": "yes"}):
            with pytest.raises(ParameterError, match=next(iter(bad))):
                rfm_score(r_rfm_table, **bad)
    with pytest.raises(TypeError):             # options are keyword-only
        rfm_score(r_rfm_table, 5)


def test_result_renders_with_its_thresholds(r_scores):
    html = r_scores._repr_html_()
    assert "Thresholds used" in html and "r_rfm" in html
    assert r_scores.summary()["customers"].sum() == 995


def test_engine_tables_are_scored_in_the_engine_or_refused_with_the_fix(r_rfm_table):
    import polars as pl

    table = pl.from_pandas(r_rfm_table.reset_index())
    scored = rfm_score(table)
    assert isinstance(scored.table, pl.DataFrame)                          # stays in Polars
    expected = rfm_score(r_rfm_table).table["rfm_cell"]
    assert scored.table.sort("customer_id")["rfm_cell"].to_list() == expected.tolist()
    with language("en"), pytest.raises(DataError, match="Nested scoring.*collect=True"):
        rfm_score(table, nested=True)
    with language("zh"), pytest.raises(DataError, match="customer_id"):
        rfm_score(table.rename({"customer_id": "member"}))
