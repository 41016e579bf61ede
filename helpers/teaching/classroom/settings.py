"""The settings of one class server, kept in ``<classroom dir>/hub/settings.json`` (readable by root
only: it holds the class code and the trainer's password), so a restart keeps code, ports and URLs.

    >>> s = ClassroomSettings(dir=Path("/srv/crm-classroom"))
    >>> s.hub_dir, s.trainer_account, s.service_url
    (PosixPath('/srv/crm-classroom/hub'), 'crm-trainer', 'http://127.0.0.1:8010/services/progress/')
"""
from __future__ import annotations

# the kit's class server, not part of the analysis API (docs/vocabulary.md covers that)
__all__: list[str] = []

import json
import os
import secrets
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

DEFAULT_DIR = Path("/srv/crm-classroom")
TRAINER_LOGINS = ("trainer", "培训师")


def _code() -> str:
    return f"{secrets.randbelow(10**6):06d}"


def _password() -> str:
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    return "".join(secrets.choice(alphabet) for _ in range(10))


@dataclass
class ClassroomSettings:
    dir: Path = DEFAULT_DIR
    lang: str = "zh"
    class_code: str = field(default_factory=_code)
    trainer_password: str = field(default_factory=_password)
    prefix: str = "crm"                  # student accounts crm001, crm002 …; the trainer crm-trainer
    ip: str = "0.0.0.0"
    port: int = 8000
    hub_port: int = 8081
    proxy_api_port: int = 8001
    service_port: int = 8010
    store_url: str = ""                  # empty: SQLite beside the hub
    max_students: int = 200
    stuck_attempts: int = 3
    stuck_minutes: int = 10
    refresh_seconds: int = 5
    repo: Path = Path(".")
    venv: Path | None = None             # the students' Python (default <dir>/venv)
    proxy_command: str = ""
    admin_token: str = field(default_factory=lambda: secrets.token_hex(24))
    cookie_secret: str = field(default_factory=lambda: secrets.token_hex(32))
    student_url: str = ""

    # -- places
    @property
    def hub_dir(self) -> Path:
        return Path(self.dir) / "hub"

    @property
    def home_dir(self) -> Path:
        return Path(self.dir) / "home"

    @property
    def kit_dir(self) -> Path:
        return Path(self.dir) / "kit"

    @property
    def editions_dir(self) -> Path:
        return Path(self.dir) / "editions"

    @property
    def lab_settings_dir(self) -> Path:
        return Path(self.dir) / "lab" / self.lang / "settings"

    @property
    def student_venv(self) -> Path:
        return Path(self.venv) if self.venv else Path(self.dir) / "venv"

    @property
    def settings_file(self) -> Path:
        return self.hub_dir / "settings.json"

    @property
    def store(self) -> str:
        from helpers.teaching.classroom.store import sqlite_url

        return self.store_url or sqlite_url(self.hub_dir / "progress.sqlite")

    @property
    def trainer_account(self) -> str:
        return f"{self.prefix}-trainer"

    @property
    def service_url(self) -> str:
        return f"http://127.0.0.1:{self.service_port}/services/progress/"

    def home_of(self, account: str) -> Path:
        return self.home_dir / account

    # -- the file
    def to_json(self) -> dict:
        data = asdict(self)
        return {k: str(v) if isinstance(v, Path) else v for k, v in data.items()}

    def save(self) -> Path:
        self.hub_dir.mkdir(parents=True, exist_ok=True)
        os.chmod(self.hub_dir, 0o700)
        path = self.settings_file
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.to_json(), ensure_ascii=False, indent=2), encoding="utf-8")
        os.chmod(tmp, 0o600)
        tmp.replace(path)
        return path

    @classmethod
    def load(cls, path: Path) -> "ClassroomSettings":
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        for key in ("dir", "repo", "venv"):
            if values.get(key):
                values[key] = Path(values[key])
        return cls(**values)

    def service_settings(self) -> dict:
        """What the progress service needs (written beside the settings, also root-only)."""
        return {"store_url": self.store, "lang": self.lang, "trainer": self.trainer_account,
                "stuck_attempts": self.stuck_attempts, "stuck_minutes": self.stuck_minutes,
                "refresh_seconds": self.refresh_seconds, "student_url": self.student_url,
                "cookie_secret": self.cookie_secret}
