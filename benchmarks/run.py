"""Run the kit's benchmarks: speed as ratios within one run, and peak memory per case.

    python benchmarks/run.py                 # every benchmark, default size
    python benchmarks/run.py --rows 10000000 --only rfm

Every ``benchmarks/bench_*.py`` module is discovered. A module defines ``NAME``, ``REFERENCE``
(the case ratios are relative to), ``prepare(rows, workdir) -> dict`` (writes its input once)
and ``cases() -> dict[name, function(params)]``; optional ``IMPORTS[case]`` lists modules imported
before the clock starts. Each case runs in a fresh process, started by a
small wrapper process, so that ``getrusage(RUSAGE_CHILDREN).ru_maxrss`` in the wrapper is the
peak memory of that case alone (imports included). Time is measured inside the case process,
after imports, around the function call. With ``--repeat N`` the cases run in N rounds (one run
of every case per round) and the fastest run of each case counts.
"""
from __future__ import annotations

import argparse
import importlib
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def discover(only: list[str] | None = None) -> list:
    """The benchmark modules of this folder (``bench_*.py``), optionally filtered by NAME."""
    sys.path.insert(0, str(ROOT))
    modules = [importlib.import_module(f"benchmarks.{p.stem}") for p in sorted(HERE.glob("bench_*.py"))]
    return [m for m in modules if not only or m.NAME in only]


def _worker(module: str, case: str, params: dict) -> None:
    """Inside the case process: import, time the call, print the seconds as JSON."""
    import time

    sys.path.insert(0, str(ROOT))
    bench = importlib.import_module(module)
    for name in getattr(bench, "IMPORTS", {}).get(case, []):
        importlib.import_module(name)
    fn = bench.cases()[case]
    start = time.perf_counter()
    fn(params)
    print(json.dumps({"seconds": time.perf_counter() - start}))


def _wrapper(module: str, case: str, params: dict) -> None:
    """Start the case process as this process's only child, then report its peak memory."""
    import resource

    done = subprocess.run([sys.executable, __file__, "--worker", module, case, json.dumps(params)],
                          capture_output=True, text=True, check=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
    result["peak_mb"] = kib / 1024
    print(json.dumps(result))


def measure(module: str, case: str, params: dict) -> dict:
    """Seconds and peak memory (MB) of one case, each in its own process."""
    done = subprocess.run([sys.executable, __file__, "--wrapper", module, case, json.dumps(params)],
                          capture_output=True, text=True)
    if done.returncode:
        return {"seconds": float("nan"), "peak_mb": float("nan"), "error": done.stderr.strip()[-300:]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def run_module(module, rows: int, workdir: Path, repeat: int) -> list[dict]:
    params = module.prepare(rows, workdir)
    names = list(module.cases())
    # rounds of one run per case: a busy spell of a shared machine falls on every case alike
    rounds = [[measure(module.__name__, case, params) for case in names] for _ in range(repeat)]
    results = []
    for i, case in enumerate(names):
        best = min((runs[i] for runs in rounds), key=lambda r: r["seconds"])
        results.append({"benchmark": module.NAME, "rows": rows, "case": case, **best})
    reference = next((r["seconds"] for r in results if r["case"] == module.REFERENCE), None)
    for r in results:
        r["ratio"] = r["seconds"] / reference if reference else float("nan")
    return results


def print_table(results: list[dict]) -> None:
    print("| benchmark | rows | case | seconds | × reference | peak MB |")
    print("|---|---:|---|---:|---:|---:|")
    for r in results:
        note = f" ({r['error']})" if "error" in r else ""
        print(f"| {r['benchmark']} | {r['rows']:,} | {r['case']} | {r['seconds']:.2f} | "
              f"{r['ratio']:.2f} | {r['peak_mb']:.0f} |{note}")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--only", nargs="*", help="benchmark NAMEs to run")
    parser.add_argument("--repeat", type=int, default=1, help="runs per case; the fastest counts")
    parser.add_argument("--workdir", type=Path, default=ROOT / "build" / "bench")
    args = parser.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    results = []
    for module in discover(args.only):
        results += run_module(module, args.rows, args.workdir, args.repeat)
    print_table(results)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] in ("--worker", "--wrapper"):
        role, module, case, params = sys.argv[1:5]
        (_worker if role == "--worker" else _wrapper)(module, case, json.loads(params))
    else:
        main()
