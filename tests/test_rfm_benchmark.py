"""The benchmark's hand-written pipelines compute what the kit computes (on a small input)."""
import warnings

import pandas as pd

from helpers.errors import DataWarning


def test_kit_polars_and_pandas_pipelines_agree(tmp_path):
    from benchmarks import bench_rfm
    from benchmarks.run import discover

    assert bench_rfm in discover(["rfm"])
    params = bench_rfm.prepare(3000, tmp_path)
    cases = bench_rfm.cases()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        kit = cases["kit"](params)
    polars = cases["polars"](params).to_pandas().set_index("customer_id").sort_index()
    pandas = cases["pandas"](params).sort_index()
    for other in (polars, pandas):
        assert list(other.index) == list(kit.index)
        assert (other["recency_days"].to_numpy() == kit["recency_days"].to_numpy()).all()
        assert (other["rfm_cell"].astype(str).to_numpy() == kit["rfm_cell"].to_numpy()).all()
        pd.testing.assert_series_equal(other["segment"].astype("str"), kit["segment"],
                                       check_names=False, check_index=False)


def test_scale_cases_give_the_segments_of_pandas_on_every_engine_and_layout(tmp_path):
    from benchmarks import bench_scale
    from helpers.rfm import rfm_table

    params = bench_scale.prepare(20_000, tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        tables = {name: case(params) for name, case in bench_scale.cases().items()}
        expected = {layout: bench_scale._segments(rfm_table(pd.read_parquet(path), params["as_of"]))
                    for layout, path in params["paths"].items()}
    assert len(tables) == 6
    for name, table in tables.items():
        layout = "lines" if name.endswith("_lines") else "orders"
        pd.testing.assert_frame_equal(table, expected[layout], check_dtype=False, obj=name)
    # the lines layout repeats order ids: fewer orders than rows, the same revenue
    orders, lines = (pd.read_parquet(params["paths"][k]) for k in ("orders", "lines"))
    assert expected["lines"]["frequency"].sum() == lines["order_id"].nunique() < len(lines)
    assert expected["orders"]["frequency"].sum() == len(orders)
