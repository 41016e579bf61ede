"""Run the kit's benchmarks: speed as ratios within one run, peak memory per case, the machine's load.

    python benchmarks/run.py                          # every benchmark at its own sizes (make bench)
    python benchmarks/run.py --only rfm --rows 10000000 --repeat 3

Every ``benchmarks/bench_*.py`` module is discovered. A module defines ``NAME``, ``prepare(rows,
workdir) -> dict`` (writes its seeded input once), ``cases() -> dict[name, function(params)]`` and
what the ratios are relative to: ``REFERENCE`` (one case) or ``REFERENCES`` (several peers: the
ratio is to the fastest of them, the memory ratio to that same peer). Cases named
``"group:case"`` are compared within their group (one input layout, say). Optional: ``SIZES``
(the ``rows`` it runs at by default; without it, ``--rows``), ``IMPORTS[case]`` (modules imported
before the clock starts). Each case runs in a fresh process started by a small wrapper process,
so that ``getrusage(RUSAGE_CHILDREN).ru_maxrss`` in the wrapper is the peak memory of that case
alone (imports included). Time is measured inside the case process, after imports, around the
function call. With ``--repeat N`` the cases run in N rounds, one run of every case per round
(interleaved, each group's order rotated from round to round: :func:`round_order`), and the
fastest run of each case counts: a busy spell of a shared machine then falls on every case alike.
The 1-minute load average is printed with every result (the load while that case's best run
ran): ratios measured at a load above the number of cores say little.
Inputs are written to ``--workdir`` (default: ``crm-kit-bench`` in the system's temporary
directory, never inside the repository; large sizes need tens of GB: check ``df -h``).
"""
from __future__ import annotations

import argparse
import importlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_ROWS = 1_000_000


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
    """Seconds and peak memory (MB) of one case, each in its own process, and the load meanwhile."""
    done = subprocess.run([sys.executable, __file__, "--wrapper", module, case, json.dumps(params)],
                          capture_output=True, text=True)
    load = os.getloadavg()[0]
    if done.returncode:
        return {"seconds": float("nan"), "peak_mb": float("nan"), "load": load,
                "error": done.stderr.strip()[-300:]}
    return {**json.loads(done.stdout.strip().splitlines()[-1]), "load": load}


def _group(case: str) -> tuple[str, str]:
    return tuple(case.split(":", 1)) if ":" in case else ("", case)


def _with_ratios(module, results: list[dict]) -> list[dict]:
    """Each case's time and peak memory relative to the fastest reference of its group."""
    references = getattr(module, "REFERENCES", None) or (module.REFERENCE,)
    for r in results:
        group, _ = _group(r["case"])
        peers = [p for p in results if _group(p["case"]) in {(group, ref) for ref in references}
                 and p["seconds"] == p["seconds"]]
        fastest = min(peers, key=lambda p: p["seconds"], default=None)
        r["reference"] = _group(fastest["case"])[1] if fastest else ""
        r["ratio"] = r["seconds"] / fastest["seconds"] if fastest else float("nan")
        r["peak_ratio"] = r["peak_mb"] / fastest["peak_mb"] if fastest else float("nan")
    return results


def round_order(names: list[str], round_: int) -> list[str]:
    """The order of the cases in round ``round_``: groups stay together (one input read after
    another), each group's cases rotated by the round, so that over as many rounds as a group has
    cases each of them runs once in every place. The first run after another input's runs is slower
    (5–8 % measured here), so a fixed order would charge it to one case.

    >>> round_order(["a:kit", "a:peer", "b:kit", "b:peer"], 1)
    ['a:peer', 'a:kit', 'b:peer', 'b:kit']
    """
    groups: dict[str, list[str]] = {}
    for name in names:
        groups.setdefault(_group(name)[0], []).append(name)
    order = []
    for members in groups.values():
        k = round_ % len(members)
        order += members[k:] + members[:k]
    return order


def run_module(module, rows: int, workdir: Path, repeat: int) -> list[dict]:
    params = module.prepare(rows, workdir)
    names = list(module.cases())
    # rounds of one run per case: a busy spell of a shared machine falls on every case alike
    rounds = [{case: measure(module.__name__, case, params) for case in round_order(names, r)}
              for r in range(repeat)]
    results = []
    for case in names:
        runs = [r[case] for r in rounds]
        best = min(runs, key=lambda r: r["seconds"] if r["seconds"] == r["seconds"] else float("inf"))
        results.append({"benchmark": module.NAME, "rows": rows, "case": case, **best,
                        "runs": [round(r["seconds"], 3) for r in runs]})
    return _with_ratios(module, results)


def print_table(results: list[dict]) -> None:
    print("| benchmark | rows | case | seconds | × fastest peer | peak MB | peak × that peer | load (1 min) |")
    print("|---|---:|---|---:|---:|---:|---:|---:|")
    for r in results:
        note = f" ({r['error']})" if "error" in r else ""
        peer = f" ({r['reference']})" if r.get("reference") and _group(r["case"])[1] != r["reference"] else ""
        print(f"| {r['benchmark']} | {r['rows']:,} | {r['case']} | {r['seconds']:.2f} | {r['ratio']:.2f}{peer} | "
              f"{r['peak_mb']:,.0f} | {r['peak_ratio']:.2f} | {r['load']:.1f} |{note}")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, help="input size (default: each benchmark's SIZES, else 1,000,000)")
    parser.add_argument("--only", nargs="*", help="benchmark NAMEs to run")
    parser.add_argument("--repeat", type=int, default=1, help="interleaved rounds; the fastest run counts")
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "crm-kit-bench")
    parser.add_argument("--json", type=Path, help="also write the results to this JSON file")
    args = parser.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    print(f"cores: {os.cpu_count()}, load before: {os.getloadavg()[0]:.1f}, workdir: {args.workdir}")
    results = []
    for module in discover(args.only):
        sizes = [args.rows] if args.rows else getattr(module, "SIZES", [DEFAULT_ROWS])
        for rows in sizes:
            results += run_module(module, rows, args.workdir, args.repeat)
    print_table(results)
    print(f"load after: {os.getloadavg()[0]:.1f}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] in ("--worker", "--wrapper"):
        role, module, case, params = sys.argv[1:5]
        (_worker if role == "--worker" else _wrapper)(module, case, json.loads(params))
    else:
        main()
