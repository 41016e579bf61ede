"""The analyst's report end to end: load, classify, write HTML + Excel + CSV + Parquet.

Cases: the bundled Online Retail data (541,909 rows read, 4,339 customers; target < 15 s) and
the CDNOW master (69,659 rows, 23,570 customers: more customers, fewer rows). Nothing is imported
before the clock starts, so the time is what an analyst waits for after Python has started.
``--rows`` does not apply (the datasets are fixed).
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


def cases() -> dict:
    return {"online_retail": _report("online_retail"), "cdnow": _report("cdnow")}
