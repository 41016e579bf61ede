"""The report's charts: PNG images drawn with the kit's plots, in this process or in a second one.

Drawing the five charts — with the imports of matplotlib and seaborn they need — takes about as
long as loading and classifying Online Retail. :func:`helpers.report.create_report` therefore
starts a :class:`ChartWorker` (a second Python running :func:`serve`) before it loads the data:
on a machine with two or more cores the worker imports the plotting libraries while the data
load, draws the four classification charts while the customer value is forecast, and the holdout
chart while the workbook and the CSV and Parquet files are written. When it cannot start or
fails, the charts are drawn in this process (:func:`draw`); the page is the same either way.

    >>> import pandas as pd
    >>> from helpers.report.analysis import analyse
    >>> tx = pd.DataFrame({"customer_id": ["a", "b", "b"], "amount": [50.0, 20.0, 30.0],
    ...     "order_date": pd.to_datetime(["2024-01-02", "2024-02-01", "2024-03-01"])})
    >>> sorted(chart_jobs(analyse(tx)))
    ['matrix', 'segments', 'states', 'tiers']
"""
from __future__ import annotations

import base64
import io
import os
import pickle
import subprocess
import sys
import tempfile
from html import escape
from pathlib import Path

# draw, classification_jobs, ChartWorker and serve serve helpers.report.html and helpers.report.files.
__all__ = ["chart_jobs"]

_TIMEOUT = 300          # seconds the worker may take once every chart is asked for
_AHEAD: list = []       # a worker started ahead (ChartWorker.prestart) for the next report


def classification_jobs(summary, pyramid, matrix, states) -> dict:
    """The charts of the classifications: ``{name: (plot function name in helpers.plots, keywords,
    data, figsize)}``. Functions are named, not imported: preparing jobs never imports matplotlib."""
    return {"segments": ("plot_segment_sizes", {}, summary, (8, 5)),
            "tiers": ("plot_pyramid", {}, pyramid, (8, 5)),
            "matrix": ("plot_value_matrix", {"log": "auto"}, matrix, (7, 6)),
            "states": ("plot_state_distribution", {}, states, (8, 5))}


def chart_jobs(report) -> dict:
    """Every chart of the report's page: the classifications' and, when there is one, the holdout check's."""
    jobs = classification_jobs(report.segment_summary(), report.pyramid, report.matrix, report.states)
    if report.value.holdout is not None:
        jobs["holdout"] = ("plot_holdout_comparison", {}, report.value.holdout, (7, 4))
    return jobs


def _png(plot, data, figsize) -> str:
    """``plot(data, ax=…)`` drawn with the kit theme as an ``<img>`` holding a base64 PNG."""
    import matplotlib as mpl
    from matplotlib.figure import Figure

    from helpers.plots.theme import apply_theme

    with mpl.rc_context():
        apply_theme()
        figure = Figure(figsize=figsize)
        ax = figure.subplots()
        plot(data, ax=ax)
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=90)
    encoded = base64.b64encode(buffer.getvalue()).decode("ascii")
    return f'<img alt="{escape(ax.get_title())}" src="data:image/png;base64,{encoded}">'


def draw(jobs: dict, lang: str | None = None) -> dict:
    """Each job as an ``<img>`` (``{name: html}``), in ``lang`` (default: the active language)."""
    from functools import partial

    import helpers.plots
    from helpers.i18n import get_language, language

    with language(lang or get_language()):
        return {name: _png(partial(getattr(helpers.plots, plot), **keywords), data, figsize)
                for name, (plot, keywords, data, figsize) in jobs.items()}


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:          # macOS, Windows
        return os.cpu_count() or 1


class ChartWorker:
    """A second Python process that draws the report's charts (see the module).

    :meth:`start` it early (it imports the plotting libraries at once), :meth:`submit` jobs as
    their data become ready — each batch is drawn while this process goes on — then take the
    :meth:`result`. ``None`` from :meth:`start` (one core, or no process could be started) means:
    draw here; :meth:`result` holds the charts the worker drew (none when it failed).

    Batches travel as files in a private temporary folder (one line on the worker's stdin names
    each), so that handing over data never waits for the worker.

    >>> worker = ChartWorker.start()
    >>> worker is None or worker.close() is None
    True
    """

    def __init__(self, process: subprocess.Popen, folder: tempfile.TemporaryDirectory, errors):
        self._process, self._folder, self._errors = process, folder, errors
        self.submitted: list = []

    @classmethod
    def prestart(cls) -> None:
        """Start a worker now for the next :meth:`start` to hand out: ``python -m helpers report``
        calls this first thing, so that the worker's imports overlap with the command's own."""
        import atexit

        while _AHEAD:
            _AHEAD.pop().close()
        worker = cls.start()
        if worker is not None:
            _AHEAD.append(worker)
            atexit.register(worker.close)          # e.g. --help: the report never asks for it

    @classmethod
    def start(cls, command=None) -> ChartWorker | None:
        if command is None and _AHEAD:
            return _AHEAD.pop()
        if _cores() < 2:
            return None
        root = str(Path(__file__).resolve().parents[2])            # the folder that holds helpers/
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")])))
        folder = tempfile.TemporaryDirectory(prefix="crm-report-charts-")
        errors = open(Path(folder.name) / "stderr.txt", "w+b")     # noqa: SIM115 (closed in close())
        try:
            process = subprocess.Popen(command or [sys.executable, "-c", "from helpers.report.charts import serve; serve()"],
                                       stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=errors, env=env)
        except OSError:
            errors.close()
            folder.cleanup()
            return None
        return cls(process, folder, errors)

    def submit(self, jobs: dict, lang: str) -> None:
        """Hand a batch of jobs over; the worker draws it while this process goes on."""
        if not jobs:
            return
        path = Path(self._folder.name) / f"batch{len(self.submitted)}.pickle"
        path.write_bytes(pickle.dumps((lang, jobs), protocol=pickle.HIGHEST_PROTOCOL))
        self.submitted.append((path, list(jobs)))
        try:
            self._process.stdin.write(f"{path}\n".encode())
            self._process.stdin.flush()
        except OSError:             # the worker has gone: result() draws nothing, the charts are drawn here
            pass

    def result(self) -> dict:
        """The charts the worker drew, by name (those missing are to be drawn here)."""
        try:
            self._process.stdin.close()
            self._process.wait(timeout=_TIMEOUT)
        except (OSError, subprocess.TimeoutExpired):
            self._process.kill()
            return {}
        drawn = {}
        for path, _names in self.submitted:
            done = path.with_suffix(".png.pickle")
            if self._process.returncode == 0 and done.exists():
                drawn.update(pickle.loads(done.read_bytes()))
        self._errors.seek(0)
        warnings = self._errors.read().decode("utf-8", "replace")
        if warnings and self._process.returncode == 0:        # its warnings, as drawing here would show them
            sys.stderr.write(warnings)
        return drawn

    def close(self) -> None:
        """Stop the worker if it still runs and remove its files."""
        if self._process.poll() is None:
            self._process.kill()
        self._process.wait()
        if self._process.stdin and not self._process.stdin.closed:
            self._process.stdin.close()
        self._errors.close()
        self._folder.cleanup()


def serve() -> None:
    """The worker: import the plotting libraries, then draw each batch named on stdin into a file beside it."""
    import matplotlib.figure  # noqa: F401  (imported before the jobs arrive: that is the point)

    import helpers.plots  # noqa: F401
    from helpers.plots.theme import apply_theme

    apply_theme()
    for line in sys.stdin:
        path = Path(line.strip())
        lang, jobs = pickle.loads(path.read_bytes())
        path.with_suffix(".png.pickle").write_bytes(pickle.dumps(draw(jobs, lang), protocol=pickle.HIGHEST_PROTOCOL))
    sys.stderr.flush()
    os._exit(0)             # everything is written: skip the interpreter's teardown, which the report would wait for
