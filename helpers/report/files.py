"""The report's files: one HTML page, an Excel workbook, the customer table as CSV and Parquet.

:func:`create_report` is what ``python -m helpers report`` runs: load, analyse, write.

    >>> import pandas as pd, tempfile
    >>> from helpers.report.analysis import analyse
    >>> tx = pd.DataFrame({"customer_id": ["a", "b"], "amount": [50.0, 20.0],
    ...     "order_date": pd.to_datetime(["2024-01-02", "2024-02-01"])})
    >>> sorted(write_report(analyse(tx), tempfile.mkdtemp()))
    ['csv', 'html', 'parquet', 'xlsx']
"""
from __future__ import annotations

import time
from pathlib import Path

from helpers.i18n import t
from helpers.report.analysis import (DEMOS, N_ROWS, CustomerReport, _quiet, analyse, load_for_report,
                                     with_ids)
from helpers.report.html import to_html
from helpers.segments import SCHEMES
from helpers.validation import Interval, Options, validate_params

__all__ = ["create_report", "write_report", "FILES"]

FILES = {"html": "report.html", "xlsx": "report.xlsx", "csv": "customers.csv", "parquet": "customers.parquet"}


@validate_params(n_rows=Interval(int, 1, None))
def write_report(report: CustomerReport, out, *, n_rows: int = N_ROWS, progress=_quiet) -> dict:
    """Write ``report.html``, ``report.xlsx``, ``customers.csv`` and ``customers.parquet`` into ``out``.

    Returns ``{kind: path}``. ``n_rows``: the rows of each action list shown on the HTML page (the
    files hold every customer, ``customer_id`` first); ``progress`` receives one line per file.
    Text cells of the workbook and the CSV are neutralised against formula injection; the Parquet
    file keeps the values as they are.

    >>> import pandas as pd, tempfile
    >>> from helpers.report.analysis import analyse
    >>> tx = pd.DataFrame({"customer_id": ["a", "b"], "amount": [50.0, 20.0],
    ...     "order_date": pd.to_datetime(["2024-01-02", "2024-02-01"])})
    >>> paths = write_report(analyse(tx), tempfile.mkdtemp(), n_rows=5)
    >>> pd.read_parquet(paths["parquet"]).columns[0]
    'customer_id'
    """
    from helpers.data.exports import write_csv, write_parquet, write_workbook

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    paths = {kind: out / name for kind, name in FILES.items()}
    customers = with_ids(report.customers)
    steps = {"html": lambda p: p.write_text(to_html(report, n_rows=n_rows), encoding="utf-8"),
             "xlsx": lambda p: write_workbook(report.sheets(), p),
             "csv": lambda p: write_csv(customers, p),
             "parquet": lambda p: write_parquet(customers, p)}
    for kind, path in paths.items():
        progress(t("report_step_write", file=path))
        steps[kind](path)
    return paths


@validate_params(scheme=Options(*SCHEMES), demo=[Options(*DEMOS), None], n_rows=Interval(int, 1, None))
def create_report(source=None, out="build/report", *, columns: dict | None = None, as_of=None,
                  scheme: str = "cn8", demo: str | None = None, n_rows: int = N_ROWS,
                  progress=_quiet, **read) -> CustomerReport:
    """Load ``source`` (or a bundled ``demo``: ``"online_retail"``, ``"cdnow"``), analyse it and
    write every file into ``out``.

    What ``python -m helpers report`` runs. ``columns`` maps roles to your headers (as in
    :func:`helpers.data.load_transactions`); ``as_of`` and ``scheme`` as in
    :func:`helpers.report.analyse`; ``n_rows`` as in :func:`write_report`; ``progress`` receives
    one line per step; ``read`` holds reading options of :func:`helpers.data.load_transactions`
    (``encoding``, ``sheet``, ``header_row``, ``sep``, ``date_format``).

    >>> import pandas as pd, pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> pd.DataFrame({"customer_id": ["a", "b"], "amount": [50.0, 20.0],
    ...               "order_date": ["2024-01-02", "2024-02-01"]}).to_csv(folder / "orders.csv", index=False)
    >>> report = create_report(folder / "orders.csv", folder / "out", as_of="2024-03-01")
    >>> len(report.customers), sorted(p.name for p in (folder / "out").iterdir())[0]
    (2, 'customers.csv')
    """
    from helpers.errors import collect_warnings

    started = time.perf_counter()
    progress(t("report_step_load", source=demo or source))
    with collect_warnings() as warned:
        tx, data_report = load_for_report(source, columns=columns, demo=demo, **read)
    report = analyse(tx, data_report, as_of=as_of, scheme=scheme, progress=progress)
    report.notes[:0] = list(warned)
    for note in report.notes:
        progress(f"⚠ {note}")
    paths = write_report(report, out, n_rows=n_rows, progress=progress)
    progress(t("report_step_done", seconds=f"{time.perf_counter() - started:.1f}",
               files=", ".join(str(p) for p in paths.values())))
    return report
