"""The progress store: every check, quiz, hint and solution request of every student, as outcomes only.

SQLite beside the hub by default (write-ahead log, so the board reads while the service writes), or
any SQLAlchemy URL such as ``postgresql+psycopg://user@host/db`` for a bigger set-up::

    >>> store = Store("sqlite://")                      # in memory, for the example
    >>> store.add_events("s001", [{"id": "s001-event-1", "kind": "check", "chapter": "ch00", "exercise": "q4",
    ...                             "status": "incorrect", "mistake": "no_discount",
    ...                             "at": "2026-03-02T09:15:00+00:00"}])
    (1, 0)
    >>> store.add_events("s001", [{"id": "s001-event-1", "kind": "check", "chapter": "ch00", "exercise": "q4",
    ...                             "status": "incorrect", "at": "2026-03-02T09:15:00+00:00"}])
    (0, 1)
    >>> [(e["exercise"], e["status"], e["attempt"]) for e in store.events()]
    [('q4', 'incorrect', 1)]

Events carry a client-made ``id``: a resent event (after a network failure or a hub restart) is
recorded once. Nothing in an event holds an answer: kind, chapter, exercise, status, the id of a
declared mistake, a hint number and a time. Attempt numbers, hints used and time on an exercise are
derived when reading (:func:`annotate`), so they cannot disagree with the events.
"""
from __future__ import annotations

# the kit's class server, not part of the analysis API (docs/vocabulary.md covers that)
__all__: list[str] = []

import hashlib
import hmac
import os
import re
import secrets
import unicodedata
from datetime import datetime, timezone
from pathlib import Path

import sqlalchemy as sa

KINDS = ("check", "quiz", "hint", "solution")
STATUSES = ("correct", "incorrect", "unattempted", "open")
ANSWERED = ("correct", "incorrect")
_CHAPTER = re.compile(r"^ch\d\d$")
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,31}$")
_MISTAKE = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")
_EVENT_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")

metadata = sa.MetaData()

EVENTS = sa.Table(
    "progress_events", metadata,
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("event_id", sa.String(64), nullable=False, unique=True),
    sa.Column("student", sa.String(64), nullable=False, index=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("chapter", sa.String(8), nullable=False),
    sa.Column("exercise", sa.String(32), nullable=False),
    sa.Column("status", sa.String(16)),
    sa.Column("mistake", sa.String(64)),
    sa.Column("hint", sa.Integer),
    sa.Column("at", sa.DateTime, nullable=False),          # when it happened (UTC, as the kernel saw it)
    sa.Column("received", sa.DateTime, nullable=False),    # when the store got it (UTC)
)

STUDENTS = sa.Table(
    "classroom_students", metadata,
    sa.Column("account", sa.String(64), primary_key=True),        # the hub and system user name
    sa.Column("display_name", sa.String(80), nullable=False),     # as the student typed it: 张三
    sa.Column("name_key", sa.String(80), nullable=False, unique=True),
    sa.Column("password_hash", sa.String(200)),                   # None: set at the next sign-in
    sa.Column("created", sa.DateTime, nullable=False),
    sa.Column("last_login", sa.DateTime),
)

RELEASES = sa.Table(
    "solution_releases", metadata,
    sa.Column("chapter", sa.String(8), primary_key=True),
    sa.Column("exercise", sa.String(32), primary_key=True),
    sa.Column("released_at", sa.DateTime, nullable=False),
)


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def sqlite_url(path: Path | str) -> str:
    return f"sqlite:///{Path(path).resolve()}"


def make_engine(url: str) -> sa.Engine:
    """An engine for ``url``; SQLite files get the write-ahead log and a generous busy timeout."""
    if url in ("sqlite://", "sqlite:///:memory:"):      # one shared in-memory database (examples, tests)
        from sqlalchemy.pool import StaticPool

        return sa.create_engine(url, connect_args={"check_same_thread": False}, poolclass=StaticPool)
    if url.startswith("sqlite"):
        engine = sa.create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

        @sa.event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection, _record):
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.close()

        return engine
    return sa.create_engine(url, pool_pre_ping=True)


def _insert(engine: sa.Engine, table: sa.Table):
    """An INSERT that skips rows whose unique key already exists (SQLite and PostgreSQL)."""
    if engine.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert(table)


def _parse_time(value) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if when.tzinfo is not None:
        when = when.astimezone(timezone.utc).replace(tzinfo=None)
    return when


def clean_event(raw: dict, now: datetime | None = None) -> dict | None:
    """The fields the store keeps, validated; None for anything malformed. Unknown fields are dropped,
    so an answer sent by mistake is never stored."""
    now = now or utcnow()
    if not isinstance(raw, dict):
        return None
    kind, chapter, exercise = raw.get("kind"), raw.get("chapter"), raw.get("exercise")
    event_id = raw.get("id")
    if kind not in KINDS or not isinstance(event_id, str) or not _EVENT_ID.match(event_id):
        return None
    if not isinstance(chapter, str) or not _CHAPTER.match(chapter):
        return None
    if not isinstance(exercise, str) or not _NAME.match(exercise):
        return None
    status = raw.get("status") if kind in ("check", "quiz") else None
    if kind in ("check", "quiz") and status not in STATUSES:
        return None
    mistake = raw.get("mistake") if status == "incorrect" else None
    if mistake is not None and not (isinstance(mistake, str) and _MISTAKE.match(mistake)):
        mistake = None
    hint = raw.get("hint") if kind == "hint" else None
    if kind == "hint" and not (isinstance(hint, int) and 1 <= hint <= 99):
        return None
    at = _parse_time(raw.get("at")) or now
    if at > now:          # a kernel clock ahead of the hub's: keep the order, not the future
        at = now
    return {"event_id": event_id, "kind": kind, "chapter": chapter, "exercise": exercise,
            "status": status, "mistake": mistake, "hint": hint, "at": at, "received": now}


def annotate(rows) -> list[dict]:
    """Events in time order with what follows from the ones before: ``attempt`` (the n-th answered
    check of that exercise by that student; 0 for a check run before answering), ``hints_used``
    (the highest hint asked for so far) and ``seconds`` since the student's first event on it."""
    out = []
    attempts: dict = {}
    hints: dict = {}
    first: dict = {}
    for row in sorted(rows, key=lambda r: (r["at"], r["seq"])):
        key = (row["student"], row["chapter"], row["exercise"])
        first.setdefault(key, row["at"])
        if row["kind"] == "hint":
            hints[key] = max(hints.get(key, 0), row["hint"] or 0)
        event = dict(row)
        if row["kind"] in ("check", "quiz") and row["status"] in ANSWERED:
            attempts[key] = attempts.get(key, 0) + 1
            event["attempt"] = attempts[key]
        else:
            event["attempt"] = 0 if row["kind"] in ("check", "quiz") else None
        event["hints_used"] = hints.get(key, 0)
        event["seconds"] = round((row["at"] - first[key]).total_seconds())
        out.append(event)
    return out


# ---------------------------------------------------------------- names and passwords

def name_key(name: str) -> str:
    """The form two spellings of one name share: NFKC, inner spaces collapsed, case folded
    (``" 张三 "`` and ``"张三"``; ``"Li Lei"`` and ``"li  lei"``)."""
    return " ".join(unicodedata.normalize("NFKC", name).split()).casefold()


def clean_display_name(name: str) -> str | None:
    """The name as shown on the board, or None when it cannot be a person's name."""
    text = " ".join(unicodedata.normalize("NFKC", name or "").split())
    if not 1 <= len(text) <= 40:
        return None
    if any(unicodedata.category(ch).startswith("C") or ch in "/\\<>\"'`" for ch in text):
        return None
    return text


def hash_password(password: str, salt: bytes | None = None) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, 200_000)
    return f"pbkdf2_sha256$200000${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        _, rounds, salt, digest = stored.split("$")
    except ValueError:
        return False
    mine = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), bytes.fromhex(salt), int(rounds))
    return hmac.compare_digest(mine.hex(), digest)


class SignInError(Exception):
    """A sign-in refused, with the catalogue key of the reason shown to the student."""

    def __init__(self, key: str):
        super().__init__(key)
        self.key = key


class Store:
    """Events, the class roster and solution releases in one database."""

    def __init__(self, url: str):
        self.url = url
        self.engine = make_engine(url)
        metadata.create_all(self.engine)

    @classmethod
    def at(cls, path: Path | str) -> "Store":
        """A SQLite store in the file ``path`` (created, with its folder, when missing)."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        return cls(sqlite_url(path))

    # ---- events
    def add_events(self, student: str, raw_events: list[dict]) -> tuple[int, int]:
        """Record events of ``student``; returns (recorded, skipped) where skipped counts events
        already recorded (same id) and malformed ones."""
        now = utcnow()
        rows = [e for e in (clean_event(r, now) for r in raw_events) if e is not None]
        for row in rows:
            row["student"] = student
        malformed = len(raw_events) - len(rows)
        if not rows:
            return 0, malformed
        statement = (_insert(self.engine, EVENTS).on_conflict_do_nothing(index_elements=["event_id"])
                     .returning(EVENTS.c.seq))
        recorded = 0
        with self.engine.begin() as conn:
            for row in rows:                     # one by one: RETURNING says exactly which were new
                recorded += len(conn.execute(statement, row).fetchall())
        return recorded, len(rows) - recorded + malformed

    def events(self, student: str | None = None) -> list[dict]:
        """All events (or one student's), annotated, in time order."""
        query = sa.select(EVENTS)
        if student is not None:
            query = query.where(EVENTS.c.student == student)
        with self.engine.connect() as conn:
            rows = [dict(r._mapping) for r in conn.execute(query)]
        return annotate(rows)

    def count_events(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(EVENTS)).scalar_one()

    # ---- releases
    def release(self, chapter: str, exercise: str, released: bool = True) -> None:
        with self.engine.begin() as conn:
            conn.execute(RELEASES.delete().where(RELEASES.c.chapter == chapter, RELEASES.c.exercise == exercise))
            if released:
                conn.execute(RELEASES.insert().values(chapter=chapter, exercise=exercise, released_at=utcnow()))

    def released(self) -> set[tuple[str, str]]:
        with self.engine.connect() as conn:
            return {(r.chapter, r.exercise) for r in conn.execute(sa.select(RELEASES))}

    # ---- roster
    def students(self) -> list[dict]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(STUDENTS).order_by(STUDENTS.c.account))
            return [{k: v for k, v in r._mapping.items() if k != "password_hash"} for r in rows]

    def display_names(self) -> dict[str, str]:
        return {s["account"]: s["display_name"] for s in self.students()}

    def sign_in(self, name: str, password: str, prefix: str, max_students: int = 200) -> dict:
        """The account of the student called ``name``: created at the first sign-in (the password
        given then becomes theirs), checked afterwards. Raises :class:`SignInError`."""
        display = clean_display_name(name)
        if display is None:
            raise SignInError("cr_login_bad_name")
        if len(password or "") < 4:
            raise SignInError("cr_login_short_password")
        key = name_key(display)
        with self.engine.begin() as conn:
            row = conn.execute(sa.select(STUDENTS).where(STUDENTS.c.name_key == key)).first()
            if row is None:
                count = conn.execute(sa.select(sa.func.count()).select_from(STUDENTS)).scalar_one()
                if count >= max_students:
                    raise SignInError("cr_login_full")
                accounts = {r.account for r in conn.execute(sa.select(STUDENTS.c.account))}
                n = count + 1
                while f"{prefix}{n:03d}" in accounts:
                    n += 1
                account = f"{prefix}{n:03d}"
                conn.execute(STUDENTS.insert().values(
                    account=account, display_name=display, name_key=key, password_hash=hash_password(password),
                    created=utcnow(), last_login=utcnow()))
                return {"account": account, "display_name": display, "new": True}
            if row.password_hash is None:       # reset by the trainer: this password becomes the new one
                conn.execute(STUDENTS.update().where(STUDENTS.c.account == row.account)
                             .values(password_hash=hash_password(password), last_login=utcnow()))
            elif not verify_password(password, row.password_hash):
                raise SignInError("cr_login_wrong_password")
            else:
                conn.execute(STUDENTS.update().where(STUDENTS.c.account == row.account).values(last_login=utcnow()))
            return {"account": row.account, "display_name": row.display_name, "new": False}

    def reset_password(self, name: str) -> str | None:
        """Forget the password of the student called ``name`` (their next sign-in sets a new one);
        returns the account, or None when nobody has that name."""
        key = name_key(clean_display_name(name) or name)
        with self.engine.begin() as conn:
            row = conn.execute(sa.select(STUDENTS).where(
                sa.or_(STUDENTS.c.name_key == key, STUDENTS.c.account == name))).first()
            if row is None:
                return None
            conn.execute(STUDENTS.update().where(STUDENTS.c.account == row.account).values(password_hash=None))
            return row.account

    def add_student(self, name: str, prefix: str) -> dict:
        """Put a student on the roster before class (their first sign-in sets the password)."""
        display = clean_display_name(name)
        if display is None:
            raise SignInError("cr_login_bad_name")
        key = name_key(display)
        with self.engine.begin() as conn:
            row = conn.execute(sa.select(STUDENTS).where(STUDENTS.c.name_key == key)).first()
            if row is not None:
                return {"account": row.account, "display_name": row.display_name, "new": False}
            accounts = {r.account for r in conn.execute(sa.select(STUDENTS.c.account))}
            n = len(accounts) + 1
            while f"{prefix}{n:03d}" in accounts:
                n += 1
            account = f"{prefix}{n:03d}"
            conn.execute(STUDENTS.insert().values(account=account, display_name=display, name_key=key,
                                                  password_hash=None, created=utcnow()))
            return {"account": account, "display_name": display, "new": True}

    def dispose(self) -> None:
        self.engine.dispose()


def local_store_path() -> Path:
    """Where a single laptop keeps its own progress: ``$CRMKIT_PROGRESS_DB``, else the user's data
    folder (``~/.local/share/crm-value-kit/progress.sqlite``)."""
    if os.environ.get("CRMKIT_PROGRESS_DB"):
        return Path(os.environ["CRMKIT_PROGRESS_DB"])
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "crm-value-kit" / "progress.sqlite"
