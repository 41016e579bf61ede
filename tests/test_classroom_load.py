"""Load on one hub's progress store: 40 simulated students (the kit's own recorder, one outbox each,
no kernels) send their check results at the same moment; then the hub is stopped and restarted while
they keep working. Every event is recorded exactly once and the board answers in under 2 s — with the
store in SQLite beside the hub (the default) and on a PostgreSQL server (``--db``)."""
from __future__ import annotations

import os
import threading
import time
import urllib.request

import pytest

from classroom_fixtures import (Classroom, classroom, classroom_on_postgresql, missing,  # noqa: F401  (fixtures)
                                postgres_url)
from helpers.teaching.classroom.hooks import HubRecorder, new_event
from helpers.teaching.classroom.store import Store

STUDENTS = 40
EXERCISES = ["q1", "q2", "q3", "q4"]

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(missing() is not None and os.environ.get("CI") != "true", reason=str(missing()))]


def work(recorder: HubRecorder, student: int, round_: int, pause: float, sent: list) -> None:
    """One student's round: for each exercise a hint, a wrong answer (a declared mistake for odd
    students), then the right one — 12 events."""
    for exercise in EXERCISES:
        for event in (new_event("hint", "ch00", exercise, hint=1),
                      new_event("check", "ch00", exercise, status="incorrect",
                                mistake="typical" if student % 2 else None),
                      new_event("check", "ch00", exercise, status="correct")):
            recorder.record(event)
            sent.append(event["id"])
            time.sleep(pause)


def board_seconds(room: Classroom, token: str) -> tuple[float, dict]:
    import json

    request = urllib.request.Request(f"{room.service}api/board", headers={"Authorization": f"token {token}"})
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=30) as response:
        data = json.loads(response.read())
    return time.perf_counter() - started, data


@pytest.mark.parametrize("server", ["classroom", "classroom_on_postgresql"])
def test_forty_students_at_once_and_a_hub_restart_lose_nothing(server, request, tmp_path):
    room = request.getfixturevalue(server)
    names = [f"{room.prefix}{n:03d}" for n in range(1, STUDENTS + 1)]
    tokens = {name: room.token_for(name) for name in names}
    trainer_token = room.token_for(room.trainer)
    recorders = [HubRecorder(room.service, tokens[name], folder=tmp_path / name) for name in names]
    sent = [[] for _ in names]

    # round 1: everybody at the same moment
    start = threading.Barrier(STUDENTS)

    def round_one(i):
        start.wait()
        work(recorders[i], i, 1, 0.0, sent[i])

    threads = [threading.Thread(target=round_one, args=(i,)) for i in range(STUDENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(r.wait_sent(60) for r in recorders)
    store = Store(room.settings()["store_url"] or f"sqlite:///{room.dir / 'hub' / 'progress.sqlite'}")
    assert store.engine.dialect.name == ("postgresql" if room.db else "sqlite")
    assert store.count_events() == STUDENTS * 12

    # round 2: the hub stops and comes back while the students keep checking
    threads = [threading.Thread(target=work, args=(recorders[i], i, 2, 0.15, sent[i])) for i in range(STUDENTS)]
    for thread in threads:
        thread.start()
    time.sleep(0.5)
    room.stop_hub()
    down = time.monotonic()
    time.sleep(1.0)
    room.start()
    restart_seconds = time.monotonic() - down
    for thread in threads:
        thread.join()
    assert all(r.wait_sent(120) for r in recorders), [r.outbox.pending() for r in recorders]

    events = store.events()
    ids = [e["event_id"] for e in events]
    assert len(ids) == len(set(ids)) == STUDENTS * 24, "none lost, none duplicated"
    assert set(ids) == {i for batch in sent for i in batch}
    per_student = {name: sum(1 for e in events if e["student"] == name) for name in names}
    assert set(per_student.values()) == {24}
    last = {(e["student"], e["exercise"]): e for e in events if e["kind"] == "check"}
    assert {e["attempt"] for e in last.values()} == {4}          # wrong, right, wrong, right
    assert {e["hints_used"] for e in last.values()} == {1}

    # the board: 40 students, all four exercises solved, refreshed in under 2 s
    timings = []
    for _ in range(3):
        seconds, data = board_seconds(room, trainer_token)
        timings.append(seconds)
    assert len(data["students"]) == STUDENTS
    assert all(data["grid"][name][f"ch00.{ex}"]["state"] == "correct" for name in names for ex in EXERCISES)
    mistakes = {m["mistake"]: m["students"] for m in data["mistakes"]["ch00.q1"]}
    assert mistakes == {"typical": STUDENTS // 2, None: STUDENTS // 2}
    assert max(timings) < 2.0, timings
    request = urllib.request.Request(f"{room.service}api/export.csv", headers={"Authorization": f"token {trainer_token}"})
    with urllib.request.urlopen(request, timeout=30) as response:
        rows = response.read().decode("utf-8-sig").splitlines()
    assert len(rows) == 1 + STUDENTS * 24 and rows[0].startswith("account,student,chapter,exercise")
    print(f"\nboard refresh {max(timings):.3f} s (server {data['seconds']:.3f} s); hub back after {restart_seconds:.1f} s")
