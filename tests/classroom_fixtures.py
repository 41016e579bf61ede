"""A real class server for the classroom tests: ``python -m helpers classroom start`` in a temporary
folder, on free ports, with accounts under a random prefix that are removed afterwards.

Needs root (the hub creates one system user per student), the npm proxy (``make test`` installs it
into ``.node/``) and a system Python with venv (the students' Python; built once in
``/var/tmp/crm-classroom-test-venv``, reused by later runs, about a minute the first time).
"""
from __future__ import annotations

import glob
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT

STUDENT_VENV = Path(os.environ.get("CRMKIT_TEST_STUDENT_VENV", "/var/tmp/crm-classroom-test-venv"))
PROXY = ROOT / ".node" / "node_modules" / ".bin" / "configurable-http-proxy"


def missing() -> str | None:
    """Why a class server cannot run here (None: it can)."""
    if os.geteuid() != 0:
        return "the class server runs as root (it creates a system user per student)"
    if not PROXY.exists() and not shutil.which("configurable-http-proxy"):
        return "configurable-http-proxy is missing (make test installs it with npm into .node/)"
    if not shutil.which("useradd"):
        return "useradd is missing"
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Classroom:
    """One class server; ``start()`` / ``stop()`` may be called again (a restart mid-class)."""

    def __init__(self, lang: str = "zh", db: str | None = None):
        self.dir = Path(tempfile.mkdtemp(prefix="crm-classroom-", dir="/tmp"))
        os.chmod(self.dir, 0o755)
        self.prefix = "t" + secrets.token_hex(2)
        self.code = f"{secrets.randbelow(10**6):06d}"
        self.trainer_password = secrets.token_hex(6)
        self.port, self.hub_port, self.api_port, self.service_port = (free_port() for _ in range(4))
        self.lang = lang
        self.db = db                # the progress store's URL (None: SQLite beside the hub)
        self.log_path = self.dir / "hub.log"
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def service(self) -> str:
        return f"http://127.0.0.1:{self.service_port}/services/progress/"

    @property
    def trainer(self) -> str:
        return f"{self.prefix}-trainer"

    def settings(self) -> dict:
        return json.loads((self.dir / "hub" / "settings.json").read_text())

    def start(self, timeout: float = 900) -> None:
        command = [sys.executable, "-m", "helpers", "classroom", "start", "--dir", str(self.dir),
                   "--venv", str(STUDENT_VENV), "--lang", self.lang, "--code", self.code,
                   "--trainer-password", self.trainer_password, "--prefix", self.prefix,
                   "--port", str(self.port), "--hub-port", str(self.hub_port),
                   "--proxy-api-port", str(self.api_port), "--service-port", str(self.service_port),
                   "--stuck-minutes", "10"]
        if PROXY.exists():
            command += ["--proxy", str(PROXY)]
        if self.db:
            command += ["--db", self.db]
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        log = open(self.log_path, "a")
        self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                                        start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the class server exited ({self.process.returncode}):\n{self.log()[-3000:]}")
            if self._answers(f"{self.url}/hub/api/") and self._answers(f"{self.service}api/health"):
                return
            time.sleep(0.5)
        raise TimeoutError(f"the class server did not come up:\n{self.log()[-3000:]}")

    @staticmethod
    def _answers(url: str) -> bool:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.status == 200
        except OSError:
            return False

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def stop_hub(self) -> None:
        """Stop the hub only (as Ctrl+C does): students' servers keep running."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)

    def api(self, method: str, path: str, body=None, token: str | None = None):
        token = token or self.settings()["admin_token"]
        request = urllib.request.Request(f"{self.url}/hub/api/{path}", method=method,
                                         data=None if body is None else json.dumps(body).encode(),
                                         headers={"Authorization": f"token {token}"})
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read().decode() or "null")

    def token_for(self, user: str) -> str:
        """An API token of ``user`` (created through the admin service), as a kernel would hold."""
        try:
            self.api("POST", f"users/{user}")
        except urllib.error.HTTPError as err:     # already there
            if err.code != 409:
                raise
        return self.api("POST", f"users/{user}/tokens", {"note": "test", "expires_in": 3600})["token"]

    def close(self) -> None:
        """End of class: stop everything, remove the test accounts and the folder."""
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        subprocess.run([sys.executable, "-m", "helpers", "classroom", "stop", "--dir", str(self.dir)],
                       cwd=ROOT, env=env, capture_output=True, timeout=180)
        self.stop_hub()
        import pwd

        for entry in pwd.getpwall():
            if entry.pw_name.startswith(self.prefix):
                subprocess.run(["userdel", "--remove", entry.pw_name], capture_output=True)
        shutil.rmtree(self.dir, ignore_errors=True)     # the kit's folder stays closed until the run ends (conftest)


def _initdb() -> str | None:
    return shutil.which("initdb") or next(iter(sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))), None)


@pytest.fixture(scope="module")
def postgres_url():
    """A throw-away PostgreSQL cluster on a Unix socket (as the ``postgres`` user when run as root)."""
    initdb = _initdb()
    if initdb is None:
        if os.environ.get("CI") == "true":
            pytest.fail("initdb is missing (apt-get install postgresql)")
        pytest.skip("PostgreSQL is not installed (initdb missing)")
    bindir = os.path.dirname(os.path.realpath(initdb))
    folder = Path(tempfile.mkdtemp(prefix="crm-pg-", dir="/tmp"))      # reachable by the postgres user
    os.chmod(folder, 0o777)
    data, sockets = folder / "data", folder / "sock"
    sockets.mkdir()
    os.chmod(sockets, 0o777)
    as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    subprocess.run(as_postgres + [f"{bindir}/initdb", "-D", str(data), "-U", "crm", "--auth=trust", "-E", "UTF8",
                                  "--locale=C.UTF-8"], check=True, capture_output=True)
    subprocess.run(as_postgres + [f"{bindir}/pg_ctl", "-D", str(data), "-w", "-l", str(folder / "log"), "-o",
                                  f"-k {sockets} -p {port} -c listen_addresses=''", "start"], check=True,
                   capture_output=True)
    try:
        yield f"postgresql+psycopg://crm@/postgres?host={sockets}&port={port}"
    finally:
        subprocess.run(as_postgres + [f"{bindir}/pg_ctl", "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def classroom():
    """One class server in Chinese for a whole test module, closed afterwards."""
    room = Classroom(lang="zh")
    try:
        room.start()
        yield room
    finally:
        room.close()


@pytest.fixture(scope="module")
def classroom_on_postgresql(postgres_url):
    """The class server with its progress store on a PostgreSQL server (``--db``)."""
    room = Classroom(lang="zh", db=postgres_url)
    try:
        room.start()
        yield room
    finally:
        room.close()
