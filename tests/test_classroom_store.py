"""The progress store (SQLite with its write-ahead log, and a real PostgreSQL when ``initdb`` is on the
machine), the roster behind the sign-in, the recording hook of the exercise framework, the board's
arithmetic and the exports."""
from __future__ import annotations

import threading
import uuid
from datetime import datetime, timedelta

import pytest

from classroom_fixtures import postgres_url  # noqa: F401  (a fixture)
from helpers.teaching.classroom import hooks, my_progress
from helpers.teaching.classroom.progress import cells, common_mistakes, stuck
from helpers.teaching.classroom.store import SignInError, Store, clean_event

T0 = datetime(2026, 3, 2, 9, 0)


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    if request.param == "sqlite":
        s = Store.at(tmp_path / "progress.sqlite")
    else:
        import sqlalchemy as sa

        s = Store(request.getfixturevalue("postgres_url"))
        with s.engine.begin() as conn:          # a clean slate for each test
            for table in ("progress_events", "classroom_students", "solution_releases"):
                conn.execute(sa.text(f"DELETE FROM {table}"))
    yield s
    s.dispose()


def event(kind="check", exercise="q4", status="incorrect", mistake=None, minutes=0, **more):
    e = {"id": uuid.uuid4().hex, "kind": kind, "chapter": "ch00", "exercise": exercise,
         "at": (T0 + timedelta(minutes=minutes)).isoformat() + "Z"}
    if kind in ("check", "quiz"):
        e["status"] = status
        e["mistake"] = mistake
    e.update(more)
    return e


def test_a_resent_event_is_recorded_once(store):
    first = event(mistake="no_discount")
    assert store.add_events("s001", [first]) == (1, 0)
    assert store.add_events("s001", [first, event(status="correct", minutes=1)]) == (1, 1)
    rows = store.events()
    assert [(r["status"], r["mistake"], r["attempt"]) for r in rows] == [("incorrect", "no_discount", 1), ("correct", None, 2)]


def test_answers_and_unknown_fields_never_reach_the_store(store):
    leaky = event(status="incorrect", answer=900.0, code="clv_at_90 = 900")
    store.add_events("s001", [leaky, {"kind": "check"}, event(kind="nonsense"), event(exercise="../etc")])
    rows = store.events()
    assert len(rows) == 1
    assert "answer" not in rows[0] and "code" not in rows[0]
    assert clean_event({"id": "x" * 10, "kind": "hint", "chapter": "ch00", "exercise": "q1", "hint": 0}) is None


def test_attempts_hints_and_time_follow_from_the_events(store):
    store.add_events("s001", [event(kind="hint", hint=1, minutes=0), event(status="unattempted", minutes=1),
                              event(mistake="no_discount", minutes=2), event(kind="hint", hint=2, minutes=3),
                              event(status="correct", minutes=5)])
    checks = [r for r in store.events() if r["kind"] == "check"]
    assert [(r["attempt"], r["hints_used"], r["seconds"]) for r in checks] == [(0, 1, 60), (1, 1, 120), (2, 2, 300)]


def test_concurrent_writers_lose_and_duplicate_nothing(store):
    batches = {f"s{i:03d}": [event(minutes=j % 50) for j in range(25)] for i in range(40)}

    def post(student):
        for e in batches[student]:
            store.add_events(student, [e])
        store.add_events(student, batches[student][:5])      # a resend

    threads = [threading.Thread(target=post, args=(s,)) for s in batches]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    ids = [r["event_id"] for r in store.events()]
    assert len(ids) == len(set(ids)) == 40 * 25


def test_chinese_names_sign_in_with_their_own_password(store):
    first = store.sign_in("张三", "zhang-pw", prefix="crm")
    assert first == {"account": "crm001", "display_name": "张三", "new": True}
    assert store.sign_in(" 张三 ", "zhang-pw", prefix="crm")["account"] == "crm001"     # same person
    assert store.sign_in("Li  Lei", "li-password", prefix="crm")["account"] == "crm002"
    assert store.sign_in("li lei", "li-password", prefix="crm")["account"] == "crm002"
    with pytest.raises(SignInError) as err:
        store.sign_in("张三", "someone-else", prefix="crm")
    assert err.value.key == "cr_login_wrong_password"
    with pytest.raises(SignInError):
        store.sign_in("<script>", "abcd", prefix="crm")
    with pytest.raises(SignInError):
        store.sign_in("王五", "abc", prefix="crm")                  # too short
    assert store.reset_password("张三") == "crm001"
    assert store.sign_in("张三", "a-new-one", prefix="crm")["account"] == "crm001"
    assert store.display_names() == {"crm001": "张三", "crm002": "Li Lei"}
    assert "password_hash" not in store.students()[0]


def test_releases(store):
    store.release("ch00", "q4")
    store.release("ch00", "q3")
    store.release("ch00", "q3", released=False)
    assert store.released() == {("ch00", "q4")}


def test_the_board_counts_states_mistakes_and_who_is_stuck():
    def e(student, exercise, status, mistake=None, minutes=0, kind="check"):
        return {"student": student, "kind": kind, "chapter": "ch00", "exercise": exercise, "status": status,
                "mistake": mistake, "attempt": 0, "hints_used": 0, "at": T0 + timedelta(minutes=minutes)}

    from helpers.teaching.classroom.store import annotate

    rows = [dict(r, seq=n) for n, r in enumerate([
        e("a", "q4", "incorrect", "no_discount", 1), e("a", "q4", "incorrect", "no_discount", 2),
        e("a", "q4", "incorrect", None, 3),
        e("b", "q4", "incorrect", "no_discount", 1), e("b", "q4", "correct", None, 4),
        e("c", "q3", "unattempted", None, 0)])]
    events = annotate(rows)
    table = cells(events)
    assert table[("a", "ch00", "q4")]["state"] == "incorrect" and table[("a", "ch00", "q4")]["attempts"] == 3
    assert table[("b", "ch00", "q4")]["state"] == "correct"
    assert table[("c", "ch00", "q3")]["state"] == "unattempted"
    assert common_mistakes(events)[("ch00", "q4")] == [("no_discount", 2), (None, 1)]
    now = T0 + timedelta(minutes=14)
    found = stuck(events, now, wrong_attempts=3, idle_minutes=12)
    assert found["a"]["reason"] == "attempts"
    assert found["c"]["reason"] == "idle" and "b" not in found


def test_the_exercise_framework_records_outcomes_on_a_laptop(tmp_path):
    from helpers.i18n import language
    from helpers.teaching.exercises import ch00

    recorder = hooks.LocalRecorder(tmp_path / "mine.sqlite", student="me")
    hooks.use(recorder)
    try:
        with language("en"):
            ch00.q4.check(900.0)
            ch00.q4.hint()
            ch00.q4.check(450.0)
            ch00.q4.solution()                       # always available on a laptop
            page = my_progress()
    finally:
        hooks.use(None)
    rows = recorder.events()
    assert [(r["kind"], r["status"], r["mistake"]) for r in rows] == [
        ("check", "incorrect", "no_discount"), ("hint", None, None), ("check", "correct", None), ("solution", None, None)]
    assert "1 solved" in page.summary and "✓ correct" in page._repr_html_()


def test_the_outbox_keeps_events_until_the_service_takes_them(tmp_path):
    recorder = hooks.HubRecorder("http://127.0.0.1:9/services/progress/", "token", folder=tmp_path, timeout=0.5)
    for n in range(3):
        recorder.outbox.add(event(minutes=n))
    assert recorder.flush() is False                 # nobody listening: the events wait on disk
    assert recorder.outbox.pending() == 3
    assert recorder.solution_text("ch00", "q4", "zh") == "🔒 解答将在讲解后开放"


def test_exports_have_no_answers(store, tmp_path):
    from helpers.teaching.classroom.export import write_csv, write_excel

    store.sign_in("张三", "zhang-pw", prefix="crm")
    store.add_events("crm001", [event(mistake="no_discount"), event(status="correct", minutes=1)])
    csv = write_csv(store, tmp_path / "p.csv", "zh").read_text(encoding="utf-8-sig")
    assert "张三" in csv and "no_discount" in csv and "CLV 忘了折现率" in csv
    import openpyxl

    book = openpyxl.load_workbook(write_excel(store, tmp_path / "p.xlsx", "zh"))
    assert book.sheetnames == ["记录", "学员×练习", "常见错误"]
    grid = [[c.value for c in row] for row in book["学员×练习"].iter_rows()]
    assert grid[0][:2] == ["学员", "账号"] and grid[1][:2] == ["张三", "crm001"] and "正确" in grid[1]
    # a workbook for people: words in the class language, no ids of kinds, results or mistakes
    events = [[c.value for c in row] for row in book["记录"].iter_rows()]
    assert events[0][:7] == ["账号", "学员", "章", "练习", "类型", "结果", "典型错误"]
    assert events[1][4:7] == ["检查", "答错", "CLV 忘了折现率（m·r/(1−r)）"] and events[2][5] == "正确"
    words = {c.value for sheet in book.worksheets for row in sheet.iter_rows() for c in row}
    assert not words & {"check", "incorrect", "correct", "no_discount", "mistake_label", "students"}


def test_a_name_that_reads_as_a_formula_stays_text_in_the_exports(store, tmp_path):
    # a student may sign in as "=1+1": the trainer's spreadsheet must show it, never run it
    import openpyxl

    from helpers.teaching.classroom.export import write_csv, write_excel

    store.sign_in("=1+1", "pw-one", prefix="crm")
    store.add_events("crm001", [event(status="correct")])
    rows = write_csv(store, tmp_path / "p.csv", "en").read_text(encoding="utf-8-sig").splitlines()
    assert rows[1].split(",")[1] == "'=1+1"
    book = openpyxl.load_workbook(write_excel(store, tmp_path / "p.xlsx", "en"))
    for sheet in book.worksheets:
        cells = [c for row in sheet.iter_rows() for c in row if c.value is not None]
        assert not [c.coordinate for c in cells if c.data_type == "f"], sheet.title
    names = [c for row in book.worksheets[0].iter_rows() for c in row if c.value == "=1+1"]
    assert names and all(c.data_type == "s" and c.quotePrefix for c in names)


def test_a_quiz_check_is_recorded_with_its_exercise(tmp_path):
    from helpers.teaching.exercises import ch02
    from helpers.teaching.widgets.quiz import ClassificationQuiz

    recorder = hooks.LocalRecorder(tmp_path / "quiz.sqlite", student="me")
    hooks.use(recorder)
    try:
        quiz = ClassificationQuiz(ch02.quiz_cards(), ch02.QUIZ_STATES, problem=ch02.q4)
        quiz.check()                                          # nothing chosen yet
        for card, state in ch02.q4.expected().items():
            quiz.dropdowns[card].value = state
        quiz.check()
    finally:
        hooks.use(None)
    assert [(r["kind"], r["chapter"], r["exercise"], r["status"], r["attempt"]) for r in recorder.events()] == [
        ("quiz", "ch02", "q4", "unattempted", 0), ("quiz", "ch02", "q4", "correct", 1)]


def test_the_progress_service_ends_with_its_hub(tmp_path):
    # a hub killed outright cannot stop its services: the service must notice and stop by itself,
    # or it would hold the port and answer the next class with this one's settings
    import json
    import os
    import signal
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    from conftest import ROOT

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    settings = tmp_path / "service.json"
    settings.write_text(json.dumps({"store_url": f"sqlite:///{tmp_path / 'progress.sqlite'}", "cookie_secret": "ab" * 32}))
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CRMKIT_CLASSROOM_SETTINGS": str(settings),
           "JUPYTERHUB_SERVICE_URL": f"http://127.0.0.1:{port}", "JUPYTERHUB_API_TOKEN": "test",
           "JUPYTERHUB_SERVICE_PREFIX": "/services/progress/"}
    hub = subprocess.Popen(["bash", "-c", f"{sys.executable} -m helpers.teaching.classroom.service "
                                          f"2>{tmp_path / 'log'} & echo $!; wait"],
                           stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    service = int(hub.stdout.readline())
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/services/progress/api/health", timeout=2) as r:
                assert r.status == 200
                break
        except OSError:
            assert time.monotonic() < deadline, (tmp_path / "log").read_text()
            time.sleep(0.3)
    hub.send_signal(signal.SIGKILL)
    hub.wait()
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            os.kill(service, 0)
        except ProcessLookupError:
            break
        time.sleep(0.2)
    else:
        os.kill(service, signal.SIGKILL)
        raise AssertionError("the progress service outlived its hub")
    assert "the hub has gone" in (tmp_path / "log").read_text()
