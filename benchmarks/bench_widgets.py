"""Widget latency: what a class waits for after moving a control, at 100,000 customers.

Target: **median ≤ 100 ms per control change** for each explorer, measured as a class sees it:
the result recomputed, the summary table rewritten and the chart updated and rendered to PNG
pixels (the bytes the ``Image`` widget sends to the browser). The browser's own work (receiving
and showing a ~50 KB image) is not included.

Run this file for the per-change numbers (median, 90th percentile, worst, CPU time, how many
changes redrew the whole figure), with the machine's load average before and after::

    python benchmarks/bench_widgets.py                     # 100,000 customers, Chinese labels
    python benchmarks/bench_widgets.py --customers 20000 --rounds 3

With ``benchmarks/run.py`` (``make bench``) every explorer case builds its explorer and makes
:data:`CHANGES` control changes in a fresh process; the reference case takes exactly the
budget (it sleeps 100 ms per change), so a case's "× reference" is its mean time per change
over the target, building the explorer included (an upper bound of the mean).

The customers are a seeded synthetic RFM table (one customer per ten transaction rows of the
runner's ``--rows``: 100,000 at the default 1,000,000), skewed like real data.
"""
from __future__ import annotations

import argparse
import os
import statistics
import time
from itertools import cycle, islice
from pathlib import Path

import numpy as np

NAME = "widgets"
REFERENCE = "target_100ms"
CUSTOMERS_PER_ROW = 0.1
CHANGES = 40
TARGET_SECONDS = 0.100
# the control changes of a lesson, in turn: every setting is visited, then visited again
SCENARIOS = {
    "rfm": (("method", "rank_first"), ("scheme", "rfm11"), ("method", "qcut_drop"), ("scheme", "rf_grid"),
            ("method", "r_rfm"), ("scheme", "cn8"), ("scheme", "r_rfm10"), ("n_bins", 4), ("scheme", "pymc"),
            ("n_bins", 5), ("scheme", "r_rfm10")),
    "tiers": (("breaks", (0.75, 0.95)), ("breaks", (0.70, 0.95)), ("breaks", (0.70, 0.90)), ("method", "le"),
              ("breaks", (0.80, 0.90)), ("method", "crossing"), ("kind", "pyramid"), ("preset", "20_30_30_20"),
              ("preset", "profit_sign"), ("preset", "cn_1_4_15_80"), ("kind", "abc"), ("breaks", (0.80, 0.95))),
    "matrix": (("breaks", "median"), ("y", "recency_days"), ("breaks", "mean"), ("x", "monetary"),
               ("breaks", "midpoint"), ("y", "frequency"), ("breaks", "median"), ("x", "recency_days"),
               ("breaks", "mean"), ("y", "monetary"), ("x", "frequency")),
}
IMPORTS = {case: ["pandas", "ipywidgets", "matplotlib.figure", "helpers.teaching.widgets", "helpers.plots"]
           for case in ("rfm_explorer", "tier_explorer", "matrix_explorer")}


def synthetic_rfm(customers: int, seed: int = 20240101):
    """A per-customer table shaped like :func:`helpers.rfm.rfm_table`'s output, skewed like real data."""
    import pandas as pd

    rng = np.random.default_rng(seed)
    orders = 1 + rng.poisson(rng.gamma(0.8, 3.0, customers))
    revenue = np.round(orders * rng.lognormal(3.5, 0.8, customers), 2)
    return pd.DataFrame({"recency_days": rng.integers(1, 730, customers), "frequency": orders,
                         "monetary": revenue, "orders": orders, "revenue": revenue},
                        index=pd.Index([f"{i:08d}" for i in range(customers)], name="customer_id"))


def prepare(rows: int, workdir: Path) -> dict:
    """Write the synthetic RFM table once (Parquet)."""
    customers = max(10, int(rows * CUSTOMERS_PER_ROW))
    path = Path(workdir) / f"widgets_rfm_{customers}.parquet"
    if not path.exists():
        synthetic_rfm(customers).to_parquet(path)
    return {"path": str(path)}


def explorer(kind: str, rfm, chart: bool = True):
    """The explorer a lesson opens on these customers (its chart drawn with the kit's theme)."""
    from helpers.plots.theme import apply_theme
    from helpers.teaching.widgets import MatrixExplorer, RfmExplorer, TierExplorer

    apply_theme()
    if kind == "rfm":
        return RfmExplorer(rfm, chart=chart)
    if kind == "tiers":
        return TierExplorer(rfm["revenue"], chart=chart)
    return MatrixExplorer(rfm, value_cols=["frequency", "monetary", "recency_days"], chart=chart)


def changes(kind: str, n: int) -> list:
    """The first ``n`` control changes of a lesson with this explorer (its scenario, repeated)."""
    return list(islice(cycle(SCENARIOS[kind]), n))


def latencies(widget, moves, cold: bool = False) -> list[dict]:
    """Wall and CPU seconds of each control change of ``widget``, and whether it drew the whole figure.

    ``cold``: forget what the explorer computed before each change (only the RFM explorer keeps
    scores), so every change computes from scratch.
    """
    out = []
    for control, value in moves:
        if cold:
            widget.clear_cache()
        full = widget._live.full_renders if widget.chart is not None else 0
        start, cpu = time.perf_counter(), time.process_time()
        widget.controls[control].value = value
        out.append({"control": control, "wall": time.perf_counter() - start, "cpu": time.process_time() - cpu,
                    "full": widget.chart is not None and widget._live.full_renders > full})
    return out


def _case(kind: str):
    def run(params):
        import pandas as pd

        widget = explorer(kind, pd.read_parquet(params["path"]))
        latencies(widget, changes(kind, CHANGES))
    return run


def cases() -> dict:
    return {"target_100ms": lambda params: time.sleep(CHANGES * TARGET_SECONDS),
            "rfm_explorer": _case("rfm"), "tier_explorer": _case("tiers"), "matrix_explorer": _case("matrix")}


def _row(label: str, times: list[dict], customers: int) -> str:
    wall = [1000 * t["wall"] for t in times]
    cpu = [1000 * t["cpu"] for t in times]
    p90 = float(np.percentile(wall, 90))
    median = statistics.median(wall)
    mark = "met" if median <= 1000 * TARGET_SECONDS else "**missed**"
    return (f"| {label} | {customers:,} | {median:.0f} | {p90:.0f} | {max(wall):.0f} | {statistics.median(cpu):.0f} | "
            f"{sum(t['full'] for t in times)} of {len(times)} | {median / (1000 * TARGET_SECONDS):.2f} ({mark}) |")


def main(argv=None) -> None:
    import matplotlib

    from helpers.i18n import set_language

    matplotlib.use("Agg")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--changes", type=int, default=CHANGES)
    parser.add_argument("--rounds", type=int, default=1, help="lessons per explorer; all their changes count")
    parser.add_argument("--lang", default="zh", choices=("zh", "en"))
    args = parser.parse_args(argv)
    set_language(args.lang)
    rfm = synthetic_rfm(args.customers)
    load = os.getloadavg()
    print(f"{os.cpu_count()} CPUs, load average before: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    print("| explorer | customers | median ms | p90 ms | worst ms | median CPU ms | whole figure drawn "
          "| median ÷ 100 ms |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for kind, label in (("rfm", "RFM explorer"), ("tiers", "tier explorer"), ("matrix", "matrix explorer")):
        times = []
        for _ in range(args.rounds):
            times += latencies(explorer(kind, rfm), changes(kind, args.changes))
        print(_row(label, times, args.customers))
        by_control = {}
        for t in times:
            by_control.setdefault(t["control"], []).append(1000 * t["wall"])
        print("|  ↳ by control | | " + ", ".join(f"{c}: {statistics.median(v):.0f}" for c, v in by_control.items())
              + " | | | | | |")
    cold = []
    for _ in range(args.rounds):
        cold += latencies(explorer("rfm", rfm), changes("rfm", args.changes), cold=True)
    print(_row("RFM explorer, nothing cached", cold, args.customers))
    load = os.getloadavg()
    print(f"\nload average after: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    main()
