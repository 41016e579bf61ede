"""A second Python process for the report's steps that do not wait on each other: the value
models and the charts.

Loading and classifying the transactions takes about as long as importing the plotting and
model libraries, fitting BG/NBD and Gamma-Gamma and drawing five charts. On a machine with two
or more cores :func:`helpers.report.create_report` therefore starts a :class:`Worker` (a second
Python running :func:`serve`) before it loads the data: the worker imports its libraries while
the data load, fits the models as soon as the purchase histories are known, and draws the charts
while this process writes the files.

A step is handed over with :func:`later`: a module-level function and its arguments, which
travel pickled in a private temporary folder (one line on the worker's stdin names each), so
that handing over never waits for the worker. :meth:`Pending.result` gives what the function
returned, and re-raises the warnings it raised, so that the report keeps them as if it had run
here. Without a worker (one core, no process could be started) the step runs at once; when the
worker fails or takes too long, it runs here when its result is asked for. The report is the
same either way (tested).

    >>> import math
    >>> later(None, math.factorial, 5).result()
    120
"""
from __future__ import annotations

import os
import pickle
import subprocess
import sys
import tempfile
import threading
import warnings
from pathlib import Path

# Worker, later and serve serve helpers.report.files and helpers.report.analysis.
__all__: list = []

_TIMEOUT = 300          # seconds a step may take in the worker before it runs here instead
_AHEAD: list = []       # a worker started ahead (Worker.prestart) for the next report


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:          # macOS, Windows
        return os.cpu_count() or 1


class Pending:
    """The result of a step handed to the worker (or already computed here)."""

    def __init__(self, function, args: tuple, kwargs: dict, worker: Worker | None = None, path: Path | None = None):
        self._call = (function, args, kwargs)
        self._worker, self._path = worker, path
        if worker is None:
            self._value = function(*args, **kwargs)

    def result(self):
        """What the function returned: from the worker, or computed here if the worker could not."""
        if self._worker is not None:
            returned = self._worker._returned(self._path)
            self._worker = None
            if returned is None:
                function, args, kwargs = self._call
                self._value = function(*args, **kwargs)
            else:
                self._value, caught = returned
                for message, category in caught:
                    warnings.warn(message, category, stacklevel=2)
        return self._value


def later(worker: Worker | None, function, *args, **kwargs) -> Pending:
    """``function(*args, **kwargs)`` in the ``worker`` (computed at once when it is ``None``).

    >>> later(None, sorted, [3, 1, 2]).result()
    [1, 2, 3]
    """
    if worker is None:
        return Pending(function, args, kwargs)
    return worker.later(function, *args, **kwargs)


class Worker:
    """A second Python process that runs steps of the report (see the module).

    :meth:`start` it early (it imports its libraries at once), hand it steps with :meth:`later`
    as their data become ready, take each :meth:`Pending.result`, then :meth:`close` it. ``None``
    from :meth:`start` (one core, or no process could be started) means: run the steps here.

    >>> worker = Worker.start()
    >>> worker is None or worker.later(max, 2, 7).result() == 7
    True
    >>> worker is None or worker.close() is None
    True
    """

    def __init__(self, process: subprocess.Popen, folder: tempfile.TemporaryDirectory):
        self._process, self._folder = process, folder
        self._steps = 0
        self._finished: dict = {}           # path of a step → whether the worker wrote its result
        self._changed = threading.Condition()
        threading.Thread(target=self._listen, daemon=True).start()

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
    def start(cls, command=None) -> Worker | None:
        if command is None and _AHEAD:
            return _AHEAD.pop()
        if _cores() < 2:
            return None
        root = str(Path(__file__).resolve().parents[2])            # the folder that holds helpers/
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")])))
        folder = tempfile.TemporaryDirectory(prefix="crm-report-worker-")
        try:
            command = command or [sys.executable, "-c", "from helpers.report.worker import serve; serve()"]
            process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                       stderr=subprocess.DEVNULL, env=env)
        except OSError:
            folder.cleanup()
            return None
        return cls(process, folder)

    def later(self, function, *args, **kwargs) -> Pending:
        """Hand ``function(*args, **kwargs)`` over; the worker runs it while this process goes on."""
        from helpers.i18n import get_language

        path = Path(self._folder.name) / f"step{self._steps}.pickle"
        self._steps += 1
        try:
            step = pickle.dumps((get_language(), function, args, kwargs), protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:       # noqa: BLE001 — e.g. a lambda: what cannot be handed over runs here
            return Pending(function, args, kwargs)
        path.write_bytes(step)
        try:
            self._process.stdin.write(f"{path}\n".encode())
            self._process.stdin.flush()
        except OSError:             # the worker has gone: the step runs here when its result is asked for
            pass
        return Pending(function, args, kwargs, self, path)

    def _listen(self) -> None:
        """Note each step the worker reports (``ok`` or ``failed``); at its end, every step as failed."""
        for line in self._process.stdout:
            status, _, path = line.decode().strip().partition(" ")
            with self._changed:
                self._finished[path] = status == "ok"
                self._changed.notify_all()
        with self._changed:
            self._finished[None] = False
            self._changed.notify_all()

    def _returned(self, path: Path):
        """``(value, warnings)`` of a step, or ``None`` when the worker did not run it."""
        with self._changed:
            self._changed.wait_for(lambda: str(path) in self._finished or None in self._finished, timeout=_TIMEOUT)
            done = self._finished.get(str(path), False)
        if not done:
            return None
        return pickle.loads(path.with_suffix(".result").read_bytes())

    def close(self) -> None:
        """Stop the worker and remove its files."""
        if self._process.poll() is None:
            self._process.kill()
        self._process.wait()
        for stream in (self._process.stdin, self._process.stdout):
            try:
                stream.close()
            except OSError:         # a step written to a worker that had gone
                pass
        self._folder.cleanup()


def _run(lang: str, function, args: tuple, kwargs: dict):
    """``function(*args, **kwargs)`` in language ``lang``, with the warnings it raised."""
    from helpers.i18n import language

    with warnings.catch_warnings(record=True) as caught, language(lang):
        warnings.simplefilter("always")
        value = function(*args, **kwargs)
    return value, [(item.message, item.category) for item in caught]


def serve() -> None:
    """The worker: import the libraries the steps need, then run each step named on stdin and
    write its result beside it (``ok PATH`` or ``failed PATH`` on stdout)."""
    import matplotlib.figure  # noqa: F401  (imported before the steps arrive: that is the point)
    import scipy.optimize  # noqa: F401  (the value models' fits)

    import helpers.plots  # noqa: F401
    import helpers.report.charts  # noqa: F401
    import helpers.report.value  # noqa: F401
    from helpers.btyd import BetaGeoModel, GammaGammaModel, customer_clv  # noqa: F401

    for line in sys.stdin:
        path = Path(line.strip())
        try:
            lang, function, args, kwargs = pickle.loads(path.read_bytes())
            path.with_suffix(".result").write_bytes(pickle.dumps(_run(lang, function, args, kwargs),
                                                                 protocol=pickle.HIGHEST_PROTOCOL))
            status = "ok"
        except Exception:       # noqa: BLE001 — whatever went wrong, the step runs again in the report's process
            status = "failed"
        sys.stdout.write(f"{status} {path}\n")
        sys.stdout.flush()
    os._exit(0)             # skip the interpreter's teardown: nothing waits for it
