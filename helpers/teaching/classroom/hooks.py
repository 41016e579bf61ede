"""Recording progress where it happens: the exercise framework calls :func:`notify` after every
``check()``, quiz check, ``hint()`` and ``solution()``; this module turns it into an event and sends it.

What leaves the notebook is the outcome only — kind, chapter, exercise, status, the id of a declared
mistake, a hint number, a time — never the answer. Where it goes:

- in a class server (``$CRMKIT_CLASSROOM_URL`` set by the hub): to the progress service, through an
  outbox in the student's home (``~/.crm-value-kit/``), so nothing is lost while the hub restarts;
  events carry ids, so a resent event is recorded once;
- on a single laptop: into the local store (``~/.local/share/crm-value-kit/progress.sqlite`` or
  ``$CRMKIT_PROGRESS_DB``), for :func:`helpers.teaching.classroom.my_progress`;
- nowhere with ``CRMKIT_PROGRESS=off`` (the kit's test runs).
"""
from __future__ import annotations

# the kit's class server, not part of the analysis API (docs/vocabulary.md covers that)
__all__: list[str] = []

import atexit
import contextlib
import getpass
import json
import os
import re
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from datetime import datetime, timezone
from pathlib import Path

_CHAPTER_MODULE = re.compile(r"^helpers\.teaching\.exercises\.(ch\d\d)$")
_located: dict[int, tuple[str, str] | None] = {}
_state: dict = {"recorder": None, "override": None}
_lock = threading.Lock()


def locate(problem) -> tuple[str, str] | None:
    """(chapter module, problem name) of a problem declared in ``helpers.teaching.exercises.chNN``."""
    key = id(problem)
    if key in _located and _located[key] is not None:
        return _located[key]
    found = None
    for name, module in list(sys.modules.items()):
        match = _CHAPTER_MODULE.match(name)
        if match and module is not None:
            for attr, value in vars(module).items():
                if value is problem:
                    found = (match.group(1), attr)
                    break
        if found:
            break
    _located[key] = found
    return found


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def new_event(kind: str, chapter: str, exercise: str, **fields) -> dict:
    event = {"id": uuid.uuid4().hex, "kind": kind, "chapter": chapter, "exercise": exercise, "at": now_iso()}
    event.update({k: v for k, v in fields.items() if v is not None})
    return event


class LocalRecorder:
    """A single laptop: the student's own store, solutions always available."""

    mode = "local"

    def __init__(self, path: Path | None = None, student: str | None = None):
        from helpers.teaching.classroom.store import Store, local_store_path

        self.path = Path(path) if path else local_store_path()
        self.store = Store.at(self.path)
        self.student = student or getpass.getuser()

    def record(self, event: dict) -> None:
        self.store.add_events(self.student, [event])

    def solution_text(self, chapter: str, exercise: str, lang: str) -> str | None:
        return None

    def events(self) -> list[dict]:
        return self.store.events(self.student)

    def flush(self, timeout: float = 0) -> bool:
        return True


class Outbox:
    """Events waiting to be sent, one JSON line each, in a folder only the student can read.
    ``add`` appends (and syncs) under a file lock; ``take`` hands out whole batches, which stay on
    disk until :meth:`done` — a failed send is simply retried."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.path = self.folder / "outbox.jsonl"
        self._lockfile = self.folder / "outbox.lock"

    @contextlib.contextmanager
    def _locked(self):
        import fcntl

        with open(self._lockfile, "a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def add(self, event: dict) -> None:
        line = json.dumps(event, ensure_ascii=False) + "\n"
        with self._locked(), open(self.path, "a", encoding="utf-8") as out:
            out.write(line)
            out.flush()
            os.fsync(out.fileno())

    def take(self) -> list[Path]:
        """Batches to send: the outbox becomes a pending batch; earlier unsent batches come first."""
        with self._locked():
            if self.path.exists() and self.path.stat().st_size:
                self.path.rename(self.folder / f"pending-{time.time_ns():020d}-{uuid.uuid4().hex[:8]}.jsonl")
        return sorted(self.folder.glob("pending-*.jsonl"))

    @staticmethod
    def read(batch: Path) -> list[dict]:
        events = []
        with contextlib.suppress(FileNotFoundError):
            for line in batch.read_text(encoding="utf-8").splitlines():
                with contextlib.suppress(ValueError):
                    events.append(json.loads(line))
        return events

    @staticmethod
    def done(batch: Path) -> None:
        batch.unlink(missing_ok=True)

    def pending(self) -> int:
        count = sum(len(self.read(b)) for b in self.folder.glob("pending-*.jsonl"))
        return count + (len(self.read(self.path)) if self.path.exists() else 0)


class HubRecorder:
    """A class server: events go to the progress service through the outbox; a background thread
    sends them, and retries (2 s, 4 s, … up to 30 s) while the service is unreachable."""

    mode = "hub"

    def __init__(self, url: str, token: str, folder: Path | None = None, timeout: float = 5.0):
        self.url = url.rstrip("/") + "/"
        self.token = token
        self.timeout = timeout
        self.outbox = Outbox(folder or Path.home() / ".crm-value-kit")
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._send_lock = threading.Lock()

    # -- HTTP
    def _request(self, method: str, path: str, body=None):
        data = None if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
        request = urllib.request.Request(self.url + path, data=data, method=method, headers={
            "Authorization": f"token {self.token}", "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=self.timeout) as response:
            return json.loads(response.read().decode("utf-8") or "null")

    # -- sending
    def flush(self, timeout: float = 0) -> bool:
        """Send what is waiting now; True when nothing is left (waits up to ``timeout`` s for the
        background sender first)."""
        with self._send_lock:
            for batch in self.outbox.take():
                events = self.outbox.read(batch)
                try:
                    for start in range(0, len(events), 200):
                        self._request("POST", "api/events", events[start:start + 200])
                except (OSError, ValueError, urllib.error.URLError):
                    return False
                self.outbox.done(batch)
        return self.outbox.pending() == 0

    def _run(self) -> None:
        delay = 2.0
        while True:
            self._wake.wait(timeout=delay)
            self._wake.clear()
            if self.flush():
                delay = 30.0                                   # nothing waiting: look again now and then
            else:
                delay = 2.0 if delay >= 30 else min(delay * 2, 30.0)   # 2, 4, 8, 16, 30 s, then again

    def _ensure_thread(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._run, name="crmkit-progress", daemon=True)
            self._thread.start()

    def record(self, event: dict) -> None:
        self.outbox.add(event)
        self._ensure_thread()
        self._wake.set()

    def wait_sent(self, timeout: float) -> bool:
        """For tests and shutdown: wait until the outbox is empty (True) or ``timeout`` passes."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.outbox.pending() == 0:
                return True
            self._ensure_thread()
            self._wake.set()
            time.sleep(0.2)
        return self.outbox.pending() == 0

    # -- reading
    def solution_text(self, chapter: str, exercise: str, lang: str) -> str | None:
        from helpers.i18n import t

        try:
            answer = self._request("GET", f"api/solution/{chapter}/{exercise}?lang={lang}")
        except (OSError, ValueError, urllib.error.URLError):
            answer = None
        if answer and answer.get("released"):
            return t("ex_solution", lang=lang, text=answer.get("text", ""))
        return t("cr_solution_held", lang=lang)

    def events(self) -> list[dict]:
        rows = self._request("GET", "api/me")["events"]
        for row in rows:
            row["at"] = datetime.fromisoformat(row["at"])
        return rows


def recorder():
    """The recorder for this process: one set with :func:`use`, else none with ``CRMKIT_PROGRESS=off``,
    else the class server's (``$CRMKIT_CLASSROOM_URL`` and the server's API token), else the laptop's."""
    with _lock:
        if _state["override"] is not None:
            return _state["override"]
        if os.environ.get("CRMKIT_PROGRESS", "").lower() == "off":
            return None
        if _state["recorder"] is None:
            url = os.environ.get("CRMKIT_CLASSROOM_URL")
            token = os.environ.get("JUPYTERHUB_API_TOKEN")
            _state["recorder"] = HubRecorder(url, token) if url and token else LocalRecorder()
        return _state["recorder"]


def use(recorder_or_none) -> None:
    """Make ``recorder_or_none`` this process's recorder (None: back to the default); for tests and
    simulations."""
    with _lock:
        _state["override"] = recorder_or_none


def notify(event: str, problem, *args) -> str | None:
    """Called by the exercise framework; see the module docstring. Returns the text ``solution()``
    shows instead of the model answer while it is held back (class server), else None."""
    where = locate(problem)
    if where is None:
        return None
    rec = recorder()
    if rec is None:
        return None
    chapter, exercise = where
    if event in ("check", "quiz"):
        answer, outcome = args
        mistake = getattr(outcome, "mistake", None)
        if outcome.status == "incorrect" and mistake is None:
            from helpers.teaching.classroom.mistakes import diagnose

            mistake = diagnose(problem, answer, where)
        rec.record(new_event(event, chapter, exercise, status=outcome.status,
                             mistake=mistake if outcome.status == "incorrect" else None))
        return None
    if event == "hint":
        rec.record(new_event("hint", chapter, exercise, hint=int(args[0])))
        return None
    if event == "solution":
        from helpers.i18n import get_language

        rec.record(new_event("solution", chapter, exercise))
        return rec.solution_text(chapter, exercise, get_language())
    return None


@atexit.register
def _last_flush() -> None:      # pragma: no cover - best effort when a kernel shuts down
    rec = _state.get("override") or _state.get("recorder")
    if isinstance(rec, HubRecorder):
        with contextlib.suppress(Exception):
            rec.flush()
