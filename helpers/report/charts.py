"""The report's charts: PNG images drawn with the kit's plots, in this process or in a second one.

Drawing the five charts — with the imports of matplotlib and seaborn they need — takes about as
long as loading and classifying Online Retail. :func:`helpers.report.create_report` therefore
starts a :class:`ChartWorker` (a second Python running :func:`serve`) before it loads the data: on a
machine with two or more cores the worker imports the plotting libraries while the data load,
and draws the charts while the workbook and the CSV and Parquet files are written. When it cannot
start or fails, the charts are drawn in this process (:func:`draw`); the page is the same either
way.

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
import threading
from html import escape
from pathlib import Path

# draw and ChartWorker serve helpers.report.html and helpers.report.files.
__all__ = ["chart_jobs"]


def chart_jobs(report) -> dict:
    """The report's charts to draw: ``{name: (plot function name in helpers.plots, keywords, data, figsize)}``.

    Functions are named, not imported, so that preparing the jobs never imports matplotlib.
    """
    jobs = {"segments": ("plot_segment_sizes", {}, report.segment_summary(), (8, 5)),
            "tiers": ("plot_pyramid", {}, report.pyramid, (8, 5)),
            "matrix": ("plot_value_matrix", {"log": "auto"}, report.matrix, (7, 6)),
            "states": ("plot_state_distribution", {}, report.states, (8, 5))}
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
    """Each job of :func:`chart_jobs` as an ``<img>`` (``{name: html}``), in ``lang`` (default: the active language)."""
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

    :meth:`start` it early (it imports the plotting libraries at once), :meth:`submit` the jobs,
    do other work, then take the :meth:`result`. ``None`` from :meth:`start` (one core, or no
    process could be started) or from :meth:`result` (the worker failed) means: draw here.

    >>> worker = ChartWorker.start()
    >>> worker is None or worker.close() is None
    True
    """

    def __init__(self, process: subprocess.Popen):
        self._process, self._thread, self._output = process, None, None

    @classmethod
    def start(cls) -> ChartWorker | None:
        if _cores() < 2:
            return None
        root = str(Path(__file__).resolve().parents[2])            # the folder that holds helpers/
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")])))
        try:
            process = subprocess.Popen([sys.executable, "-c", "from helpers.report.charts import serve; serve()"],
                                       stdin=subprocess.PIPE,
                                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        except OSError:
            return None
        return cls(process)

    def submit(self, jobs: dict, lang: str) -> None:
        """Send the jobs; the worker draws them while this process goes on."""
        payload = pickle.dumps((lang, jobs), protocol=pickle.HIGHEST_PROTOCOL)

        def exchange():
            try:
                self._output = self._process.communicate(payload)
            except OSError:
                self._output = None

        self._thread = threading.Thread(target=exchange, daemon=True)
        self._thread.start()

    def result(self) -> dict | None:
        """The drawn charts, or None when the worker failed."""
        self._thread.join()
        if self._output is None or self._process.returncode != 0:
            return None
        if self._output[1]:                    # the worker's warnings, as drawing here would show them
            sys.stderr.write(self._output[1].decode("utf-8", "replace"))
        return pickle.loads(self._output[0])

    def close(self) -> None:
        """Stop the worker if it still runs (e.g. the report failed before its charts were needed)."""
        if self._process.poll() is None:
            self._process.kill()
        self._process.wait()


def serve() -> None:
    """The worker: import the plotting libraries, then draw the jobs read from stdin onto stdout."""
    import matplotlib.figure  # noqa: F401  (imported before the jobs arrive: that is the point)

    import helpers.plots  # noqa: F401
    from helpers.plots.theme import apply_theme

    apply_theme()
    lang, jobs = pickle.loads(sys.stdin.buffer.read())
    sys.stdout.buffer.write(pickle.dumps(draw(jobs, lang), protocol=pickle.HIGHEST_PROTOCOL))

