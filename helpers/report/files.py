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
from functools import partial
from pathlib import Path

from helpers.i18n import t
from helpers.report.analysis import DEMOS, N_ROWS, CustomerReport, _analyse, _quiet, load_for_report, with_ids
from helpers.report.charts import chart_jobs, classification_jobs, draw
from helpers.report.html import page
from helpers.report.value import DISCOUNT, HORIZON, MARGIN
from helpers.report.worker import Worker, later
from helpers.segments import SCHEMES
from helpers.validation import Interval, Options, validate_params

# add_value_options and value_options serve the command line (helpers.__main__).
__all__ = ["create_report", "write_report", "FILES"]

FILES = {"html": "report.html", "xlsx": "report.xlsx", "csv": "customers.csv", "parquet": "customers.parquet"}


@validate_params(n_rows=Interval(int, 1, None))
def write_report(report: CustomerReport, out, *, n_rows: int = N_ROWS, progress=_quiet) -> dict:
    """Write ``report.html``, ``report.xlsx``, ``customers.csv`` and ``customers.parquet`` into ``out``.

    Returns ``{kind: path}``. ``n_rows``: the rows of each action list shown on the HTML page (the
    files hold every customer, ``customer_id`` first); ``progress`` receives one line per file.
    The page and the workbook are for people (headers, classes and formats in the active
    language, :mod:`helpers.report.tables`); the CSV and Parquet files are for machines (stable ids,
    English column names). Text that a spreadsheet would run as a formula never runs in the
    workbook or the CSV; the Parquet file keeps the values as they are.

    >>> import pandas as pd, tempfile
    >>> from helpers.report.analysis import analyse
    >>> tx = pd.DataFrame({"customer_id": ["a", "b"], "amount": [50.0, 20.0],
    ...     "order_date": pd.to_datetime(["2024-01-02", "2024-02-01"])})
    >>> paths = write_report(analyse(tx), tempfile.mkdtemp(), n_rows=5)
    >>> pd.read_parquet(paths["parquet"]).columns[0]
    'customer_id'
    """
    return _write(report, Path(out), n_rows, progress, None)


def _write(report: CustomerReport, out: Path, n_rows: int, progress, worker: Worker | None,
           drawing: tuple = ()) -> dict:
    """:func:`write_report`; ``drawing`` holds the charts handed to the ``worker`` already
    (``(names, pending)`` pairs), the others are handed to it first: it draws them while the other
    files are written (without a worker they are drawn here)."""
    from helpers.data.exports import write_csv, write_parquet, write_workbook
    from helpers.report.tables import workbook

    jobs = chart_jobs(report)
    given = {name for names, _ in drawing for name in names}
    rest = {name: job for name, job in jobs.items() if name not in given}
    drawing = [*drawing, (list(rest), later(worker, draw, rest))] if rest else list(drawing)
    out.mkdir(parents=True, exist_ok=True)
    paths = {kind: out / name for kind, name in FILES.items()}
    customers = with_ids(report.customers)
    sheets, formats = workbook(report)
    steps = {"xlsx": lambda p: write_workbook(sheets, p, number_formats=formats),
             "csv": lambda p: write_csv(customers, p),
             "parquet": lambda p: write_parquet(customers, p)}
    for kind, step in steps.items():                   # the page last: its charts may still be drawn
        progress(t("report_step_write", file=paths[kind]))
        step(paths[kind])
    progress(t("report_step_write", file=paths["html"]))
    charts = {}
    for _, pending in drawing:
        charts.update(pending.result())
    paths["html"].write_text(page(report, n_rows, charts), encoding="utf-8")
    return paths


@validate_params(scheme=Options(*SCHEMES), demo=[Options(*DEMOS), None], n_rows=Interval(int, 1, None),
                 horizon=Interval(int, 1, None), margin=Interval(float, 0, 1, closed="right"),
                 discount=Interval(float, 0, 1, closed="left"))
def create_report(source=None, out="build/report", *, columns: dict | None = None, as_of=None,
                  scheme: str = "cn8", demo: str | None = None, n_rows: int = N_ROWS, horizon: int = HORIZON,
                  margin: float = MARGIN, discount: float = DISCOUNT, currency: str | None = None,
                  progress=_quiet, **read) -> CustomerReport:
    """Load ``source`` (or a bundled ``demo``: ``"online_retail"``, ``"cdnow"``), analyse it and
    write every file into ``out``.

    What ``python -m helpers report`` runs. ``columns`` maps roles to your headers (as in
    :func:`helpers.data.load_transactions`); ``as_of``, ``scheme``, ``horizon``, ``margin``,
    ``discount`` and ``currency`` as in :func:`helpers.report.analyse` (a demo's currency is known:
    £ for Online Retail, $ for CDNOW); ``n_rows`` as in :func:`write_report`; ``progress``
    receives one line per step; ``read`` holds reading options of
    :func:`helpers.data.load_transactions` (``encoding``, ``sheet``, ``header_row``, ``sep``,
    ``date_format``).

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
    worker = Worker.start()         # imports the plotting and model libraries while the data load
    drawing = []                    # the charts handed to the worker: (names, pending)
    try:
        progress(t("report_step_load", source=demo or source))
        with collect_warnings() as warned:
            tx, data_report = load_for_report(source, columns=columns, demo=demo, **read)
        report = _analyse(tx, data_report, as_of=as_of, scheme=scheme, horizon=horizon, margin=margin,
                          discount=discount, currency=currency or DEMOS.get(demo), progress=progress,
                          classified=None if worker is None else partial(_draw_classes, worker, drawing),
                          worker=worker)
        report.notes[:0] = list(warned)
        for note in report.notes:
            progress(f"⚠ {note}")
        paths = _write(report, Path(out), n_rows, progress, worker, tuple(drawing))
    finally:
        if worker is not None:
            worker.close()
    progress(t("report_step_done", seconds=f"{time.perf_counter() - started:.1f}",
               files=", ".join(str(p) for p in paths.values())))
    return report


def _draw_classes(worker: Worker, drawing: list, segments, pyramid, matrix, states) -> None:
    """Hand the classification charts to the worker as soon as the classes are known."""
    from helpers.segments import segment_summary

    jobs = classification_jobs(segment_summary(segments), pyramid, matrix, states)
    drawing.append((list(jobs), worker.later(draw, jobs)))


# ---- the command line's options for the value forecast (python -m helpers report) ---------------

def _months(text: str) -> int:
    import argparse

    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(t("report_cli_err_months", value=text))
    return int(text)


def _rate(text: str, *, low_open: bool) -> float:
    """A share 0–1 given as ``0.3`` or ``30%``."""
    import argparse

    number = text.strip()
    try:
        value = float(number[:-1]) / 100 if number.endswith("%") else float(number)
    except ValueError:
        value = float("nan")
    if not (0 < value <= 1 if low_open else 0 <= value < 1):
        raise argparse.ArgumentTypeError(t("report_cli_err_margin" if low_open else "report_cli_err_discount",
                                           value=text))
    return value


def add_value_options(parser) -> None:
    """Add ``--horizon``, ``--margin``, ``--discount`` and ``--currency`` to the report's parser.

    >>> import argparse
    >>> parser = argparse.ArgumentParser()
    >>> add_value_options(parser)
    >>> value_options(parser.parse_args(["--margin", "30%", "--currency", "CNY"]))["margin"]
    0.3
    """
    from functools import partial

    def text(key: str, **values) -> str:           # argparse formats help with %: a literal % is %%
        return t(key, **values).replace("%", "%%")

    parser.add_argument("--horizon", type=_months, default=HORIZON, metavar="MONTHS",
                        help=text("report_cli_horizon", n=HORIZON))
    parser.add_argument("--margin", type=partial(_rate, low_open=True), default=MARGIN, metavar="SHARE",
                        help=text("report_cli_margin"))
    parser.add_argument("--discount", type=partial(_rate, low_open=False), default=DISCOUNT, metavar="RATE",
                        help=text("report_cli_discount", rate=DISCOUNT))
    parser.add_argument("--currency", metavar="CODE", help=text("report_cli_currency"))


def value_options(args) -> dict:
    """The value settings of parsed command-line ``args``, as keywords of :func:`create_report`."""
    return {name: getattr(args, name) for name in ("horizon", "margin", "discount", "currency")}
