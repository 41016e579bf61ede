"""Widget update latency: the RFM explorer re-scoring and re-segmenting 100,000 customers.

Target: median < 100 ms per control change for the computation and the table update (chart off).
With ``benchmarks/run.py`` every case makes the same 20 control changes (ratios against the bare
library calls); run this file directly for the median and spread of single changes::

    python benchmarks/bench_widgets.py --customers 100000

The per-customer table is a seeded synthetic RFM table (one customer per ten transaction rows of
the runner's ``--rows``). "Chart on" renders each chart to PNG as the notebook's inline backend does.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import statistics
import time
from itertools import cycle, islice
from pathlib import Path

import numpy as np

NAME = "widgets"
REFERENCE = "library"
CUSTOMERS_PER_ROW = 0.1
CHANGES = 20
# (control, value) pairs moved in turn. "cold": the explorer's score cache is cleared before each
# change, so every change re-scores; "warm": as in class, scores of a tie policy seen before are reused.
# cn8 is timed once on its own (see cn8_seconds): it does not re-score, its cost is the library's.
SETTINGS = (("method", "rank_first"), ("scheme", "rfm11"), ("method", "qcut_drop"), ("scheme", "rf_grid"),
            ("method", "r_rfm"), ("scheme", "r_rfm10"))
IMPORTS = {case: ["pandas", "ipywidgets", "helpers.teaching.widgets.rfm", "helpers.segments"]
           for case in ("library", "explorer", "explorer_chart")}


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


def _settings(n: int = CHANGES) -> list[tuple[str, str]]:
    return list(islice(cycle(SETTINGS), n))


def _inline_charts():
    """Render figures to PNG as a notebook does (inline backend, an IPython shell, the kit's theme
    and CJK font; the text output is discarded)."""
    import matplotlib
    from IPython.core.interactiveshell import InteractiveShell

    from helpers.plots.theme import apply_theme

    matplotlib.use("module://matplotlib_inline.backend_inline")
    InteractiveShell.instance()
    apply_theme()
    return contextlib.redirect_stdout(io.StringIO())


def latencies(rfm, chart: bool, changes: int = CHANGES, cold: bool = True) -> list[tuple[float, float]]:
    """(wall, CPU) seconds of each of ``changes`` control changes of an :class:`RfmExplorer` on ``rfm``.

    CPU time is this process's own; on a busy machine it is the steadier of the two.
    """
    from helpers.teaching.widgets.rfm import RfmExplorer

    quiet = _inline_charts() if chart else contextlib.nullcontext()
    with quiet:
        explorer = RfmExplorer(rfm, chart=chart)
        times = []
        for control, value in _settings(changes):
            if cold:
                explorer.clear_cache()
            start, cpu = time.perf_counter(), time.process_time()
            explorer.controls[control].value = value
            times.append((time.perf_counter() - start, time.process_time() - cpu))
    return times


def cn8_seconds(rfm) -> float:
    """Seconds of one switch to the RFM 八类 scheme (computed, not cached)."""
    from helpers.teaching.widgets.rfm import RfmExplorer

    explorer = RfmExplorer(rfm, chart=False)
    start = time.perf_counter()
    explorer.controls["scheme"].value = "cn8"
    return time.perf_counter() - start


def _library(params):
    """The same settings computed by the library alone (no widgets): the floor of any explorer."""
    import pandas as pd

    from helpers.rfm import rfm_score
    from helpers.segments import rfm_segment, segment_summary

    rfm = pd.read_parquet(params["path"])
    values = {"method": "r_rfm", "scheme": "r_rfm10"}
    for control, value in _settings():
        values[control] = value
        segment_summary(rfm_segment(rfm_score(rfm, method=values["method"]), values["scheme"]), data=rfm)


def _explorer(params, chart: bool = False):
    import pandas as pd

    latencies(pd.read_parquet(params["path"]), chart=chart, cold=not chart)


def cases() -> dict:
    return {"library": _library, "explorer": _explorer,
            "explorer_chart": lambda params: _explorer(params, chart=True)}


def main(argv=None) -> None:
    from helpers.i18n import set_language

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--changes", type=int, default=CHANGES)
    args = parser.parse_args(argv)
    rfm = synthetic_rfm(args.customers)
    set_language("zh")        # as in a Chinese notebook
    print("| customers | chart | scores | median ms | min ms | max ms | median CPU ms | changes |")
    print("|---:|---|---|---:|---:|---:|---:|---:|")
    for chart, cold in ((False, True), (False, False), (True, False)):
        wall, cpu = zip(*latencies(rfm, chart, args.changes, cold))
        ms = [1000 * s for s in wall]
        print(f"| {args.customers:,} | {'on' if chart else 'off'} | {'cold' if cold else 'warm'} | "
              f"{statistics.median(ms):.0f} | {min(ms):.0f} | {max(ms):.0f} | {1000 * statistics.median(cpu):.0f} | "
              f"{len(ms)} |")
    print(f"\nswitch to cn8 (RFM 八类), {args.customers:,} customers: {1000 * cn8_seconds(rfm):.0f} ms")


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    main()
