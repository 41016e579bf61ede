"""The benchmarks' pipelines — the kit's and the hand-written peers' — give the same customers the
same numbers, scores and segments (on a small input)."""
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import polars as pl
import pytest

from helpers.errors import DataWarning


def _as_table(result) -> pd.DataFrame:
    """Any case's output (a frame, an Arrow table, a Parquet file) as pandas, indexed by customer id."""
    if isinstance(result, (str, Path)):
        result = pd.read_parquet(result)
    if isinstance(result, pl.DataFrame):
        result = result.to_pandas()
    elif not isinstance(result, pd.DataFrame):      # an Arrow table
        result = result.to_pandas()
    if "customer_id" in result.columns:
        result = result.set_index("customer_id")
    return result.sort_index()[["recency_days", "frequency", "monetary", "R", "F", "M", "segment"]]


def test_the_polars_and_duckdb_paths_run_without_pandas_in_the_process(tmp_path):
    # pandas and pyarrow weigh 67 MB: a Polars pipeline through the kit must not import them, warnings included;
    # on DuckDB (whose results narwhals reads as Arrow) pandas stays out too
    script = """
import sys, datetime, warnings, polars as pl
from helpers.rfm import rfm_score, rfm_table
from helpers.segments import rfm_segment

def segmented(who):
    tx = pl.LazyFrame({"customer_id": who, "order_id": range(len(who)), "amount": [c * 1.5 + k for k, c in enumerate(who)],
                       "order_date": [datetime.datetime(2024, 3, 31) - datetime.timedelta(days=c) for c in who]})
    return rfm_segment(rfm_score(rfm_table(tx, "2024-04-01", grain="order", collect=False)), "r_rfm10")

# customer c has c orders, the last c days before the end of March, amounts that differ: no warning
seg = segmented([c for c in range(1, 51) for _ in range(c)])
out = seg.table.collect()
with warnings.catch_warnings(record=True) as caught:      # everyone bought once: F ties, empty bins
    warnings.simplefilter("always")
    segmented(list(range(1, 51))).table.collect()
print(sorted(m for m in ("pandas", "pyarrow") if m in sys.modules), out.height, len(caught))
import duckdb
path = sys.argv[1]
pl.LazyFrame({"customer_id": [1, 1, 2], "order_id": [1, 2, 3], "amount": [5.0, 7.0, -1.0],
              "order_date": [datetime.datetime(2024, 3, d) for d in (1, 9, 20)]}).sink_parquet(path)
with warnings.catch_warnings(record=True) as caught:      # a negative total, ties, empty bins
    warnings.simplefilter("always")
    rows = rfm_segment(rfm_score(rfm_table(duckdb.connect().read_parquet(path), "2024-04-01", grain="order",
                                           collect=False)), "r_rfm10").table.fetchall()
print("pandas" in sys.modules, len(rows), len(caught) > 1, seg.thresholds["R"].index.name)
"""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "tx.parquet")], capture_output=True,
                          text=True, cwd=Path(__file__).resolve().parent.parent, check=True)
    # nothing until the thresholds are read; reading them gives the usual pandas table
    assert done.stdout.split() == ["[]", "50", "2", "False", "2", "True", "score"], done.stdout + done.stderr


@pytest.fixture(scope="module")
def bench_params(tmp_path_factory):
    from benchmarks import bench_rfm

    return bench_rfm.prepare(30_000, tmp_path_factory.mktemp("bench"))


@pytest.fixture(scope="module")
def rfm_outputs(bench_params):
    from benchmarks import bench_rfm

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        return {name: case(bench_params) if name.endswith(bench_rfm.FLOORS) else _as_table(case(bench_params))
                for name, case in bench_rfm.cases().items()}


@pytest.mark.parametrize("module, group", [("bench_rfm", "orders-int"), ("bench_rfm", "lines-text"),
                                           ("bench_scale", "orders"), ("bench_scale", "lines")])
def test_no_case_pays_for_an_import_on_the_clock(bench_params, tmp_path_factory, module, group):
    # the harness imports a case's IMPORTS before the clock: a run that imported more (a library's
    # lazy import: pandas inside DuckDB, numpy.ma inside Polars) would time that import as work
    import importlib
    import json
    import subprocess
    import sys

    bench = importlib.import_module(f"benchmarks.{module}")
    params = bench_params if module == "bench_rfm" else bench.prepare(30_000, tmp_path_factory.mktemp(module))
    script = """
import importlib, json, sys
bench = importlib.import_module(f"benchmarks.{sys.argv[1]}")
case, params = sys.argv[2], json.loads(sys.argv[3])
for name in bench.IMPORTS[case]:
    importlib.import_module(name)
before = set(sys.modules)
bench.cases()[case](params)
print(json.dumps(sorted(set(sys.modules) - before)))
"""
    for case in [c for c in bench.cases() if c.startswith(f"{group}:")]:
        done = subprocess.run([sys.executable, "-c", script, module, case, json.dumps(params, default=str)],
                              capture_output=True, text=True, cwd=Path(__file__).resolve().parent.parent, check=True)
        assert json.loads(done.stdout.splitlines()[-1]) == [], case


@pytest.mark.parametrize("group", ["orders-int", "orders-text", "lines-int", "lines-text"])
def test_the_kit_and_the_hand_written_peers_give_identical_outputs(rfm_outputs, group):
    kit = rfm_outputs[f"{group}:kit"]
    for peer in ("kit_duckdb", "kit_auto", "polars", "duckdb"):
        other = rfm_outputs[f"{group}:{peer}"]
        assert list(other.index) == list(kit.index), peer
        for column in ("recency_days", "frequency", "R", "F", "M", "segment"):
            assert (other[column].to_numpy() == kit[column].to_numpy()).all(), (peer, column)
        # sums of the same cents in another order may differ in the last bit
        np.testing.assert_allclose(other["monetary"], kit["monetary"], rtol=1e-12)
    assert kit.index.dtype == ("int64" if group.endswith("int") else "str")
    # the floor is the same aggregation, without the scores
    floor = rfm_outputs[f"{group}:polars_aggregation"].to_pandas().set_index("customer_id").sort_index()
    assert list(floor.index) == list(kit.index) and (floor["frequency"] == kit["frequency"]).all()
    np.testing.assert_allclose(floor["monetary"], kit["monetary"], rtol=1e-12)


def test_the_layouts_hold_the_same_purchases_counted_as_orders(rfm_outputs):
    orders, lines = rfm_outputs["orders-text:kit"], rfm_outputs["lines-text:kit"]
    assert orders["frequency"].sum() == 30_000 and lines["frequency"].sum() == 27_000   # 9 orders per 10 lines


def test_scale_cases_give_the_segments_of_pandas_on_every_engine_and_layout(tmp_path):
    from benchmarks import bench_scale
    from helpers.rfm import rfm_table

    params = bench_scale.prepare(20_000, tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        tables = {name: _as_table(case(params)) for name, case in bench_scale.cases().items()}
        expected = {layout: _as_table(bench_scale.segments(rfm_table(pd.read_parquet(path), params["as_of"])))
                    for layout, path in params["paths"].items()}
    assert set(tables) == {f"{layout}:{case}" for layout in ("orders", "lines")
                           for case in ("kit", "kit_pandas", "duckdb")}
    for name, table in tables.items():
        pd.testing.assert_frame_equal(table, expected[name.split(":")[0]], check_dtype=False, obj=name, rtol=1e-12)
    assert tables["lines:kit"]["frequency"].sum() == 18_000          # 9 orders per 10 lines


def test_scoring_cases_give_the_segments_of_pandas(tmp_path):
    from benchmarks import bench_scoring

    params = bench_scoring.prepare(5_000, tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        tables = {name: case(params) for name, case in bench_scoring.cases().items()}
    expected = _as_table(tables["pandas"])
    for name in ("polars", "duckdb"):
        pd.testing.assert_frame_equal(_as_table(tables[name]), expected, check_dtype=False, obj=name)


def test_every_case_runs_in_every_place_of_its_group_over_the_rounds():
    # the first run after another input's runs is slower: no case may always be first
    from benchmarks import bench_rfm
    from benchmarks.run import _group, round_order

    names = list(bench_rfm.cases())
    groups = {_group(name)[0] for name in names}
    size = len(names) // len(groups)
    rounds = [round_order(names, r) for r in range(size)]
    for order in rounds:
        assert sorted(order) == sorted(names)
        starts = [i for i, name in enumerate(order) if i == 0 or _group(order[i - 1])[0] != _group(name)[0]]
        assert len(starts) == len(groups)                       # each input's cases run together
    for name in names:
        places = {order.index(name) % size for order in rounds}
        assert places == set(range(size)), name
