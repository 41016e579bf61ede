"""The analyst's report end to end: load, classify, forecast customer value, write HTML + Excel + CSV + Parquet.

Cases: the bundled Online Retail data (541,909 rows read, 4,339 customers; target ≤ 3 s) and the
CDNOW master (69,659 rows, 23,570 customers: more customers, fewer rows), each twice:

- ``online_retail`` / ``cdnow``: ``create_report(demo=...)`` in the case process; nothing is
  imported before the clock starts, so the time is what an analyst waits for after Python has
  started;
- ``*_cli``: ``python -m helpers report --demo ...`` as a command, Python's own start included —
  what the analyst types.

Both start the report's second process (:mod:`helpers.report.worker`: value models and charts); the peak
memory ``run.py`` reports is the larger of the two processes. ``--rows`` does not apply (the
datasets are fixed). Print the machine's load (``uptime``) with every run: on the shared 2-core
machine a busy spell slows every case several times over.
"""
from __future__ import annotations

from pathlib import Path

NAME = "report"
REFERENCE = "online_retail"


def prepare(rows: int, workdir: Path) -> dict:
    return {"out": str(Path(workdir) / "report")}


def _report(demo: str):
    def run(params):
        from helpers.report import create_report

        return create_report(demo=demo, out=Path(params["out"]) / demo)

    return run


def _command(demo: str):
    def run(params):
        import subprocess
        import sys

        subprocess.run([sys.executable, "-m", "helpers", "report", "--demo", demo, "--out",
                        str(Path(params["out"]) / f"{demo}_cli")], check=True, capture_output=True)

    return run


def cases() -> dict:
    return {"online_retail": _report("online_retail"), "online_retail_cli": _command("online_retail"),
            "cdnow": _report("cdnow"), "cdnow_cli": _command("cdnow")}
