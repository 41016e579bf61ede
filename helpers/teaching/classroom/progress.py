"""From events to progress: one cell per student and exercise, who is stuck, the common mistakes.

Pure functions over the annotated events of :class:`~helpers.teaching.classroom.store.Store`, used by
the trainer board, the exports and a student's own progress page::

    >>> from datetime import datetime
    >>> t0 = datetime(2026, 3, 2, 9, 0)
    >>> events = [
    ...     {"student": "s1", "kind": "check", "chapter": "ch00", "exercise": "q4", "status": "incorrect",
    ...      "mistake": "no_discount", "attempt": 1, "hints_used": 0, "at": t0, "seconds": 0},
    ...     {"student": "s1", "kind": "check", "chapter": "ch00", "exercise": "q4", "status": "correct",
    ...      "mistake": None, "attempt": 2, "hints_used": 1, "at": t0, "seconds": 60}]
    >>> cell = cells(events)[("s1", "ch00", "q4")]
    >>> cell["state"], cell["attempts"], cell["hints"], cell["mistakes"]
    ('correct', 2, 1, {'no_discount': 1})
"""
from __future__ import annotations

# the kit's class server, not part of the analysis API (docs/vocabulary.md covers that)
__all__: list[str] = []

import re
from collections import Counter
from datetime import datetime, timedelta

STATE_ORDER = ("correct", "mistake", "incorrect", "open", "unattempted", "seen")


def cells(events: list[dict]) -> dict[tuple, dict]:
    """(student, chapter, exercise) → state (correct; mistake — the last answer made a declared
    mistake; incorrect — another wrong answer; open — a discussion question checked; unattempted —
    checked before answering; seen — only hints or the solution asked for), attempts, hints used,
    the mistakes made (id → count), the last mistake, first and last time."""
    out: dict[tuple, dict] = {}
    for e in events:
        key = (e["student"], e["chapter"], e["exercise"])
        cell = out.setdefault(key, {"state": "seen", "attempts": 0, "hints": 0, "mistakes": Counter(),
                                    "mistake": None, "first": e["at"], "last": e["at"], "correct_at": None,
                                    "solution_seen": False})
        cell["last"] = max(cell["last"], e["at"])
        cell["hints"] = max(cell["hints"], e.get("hints_used") or 0)
        if e["kind"] == "solution":
            cell["solution_seen"] = True
        if e["kind"] not in ("check", "quiz"):
            continue
        status = e["status"]
        if status in ("correct", "incorrect"):
            cell["attempts"] = max(cell["attempts"], e.get("attempt") or 0)
        if status == "correct":
            cell["state"] = "correct"
            cell["correct_at"] = cell["correct_at"] or e["at"]
        elif status == "incorrect":
            if e.get("mistake"):
                cell["mistakes"][e["mistake"]] += 1
            if cell["state"] != "correct":
                cell["state"] = "mistake" if e.get("mistake") else "incorrect"
                cell["mistake"] = e.get("mistake")
        elif status == "open" and cell["state"] in ("seen", "unattempted"):
            cell["state"] = "open"
        elif status == "unattempted" and cell["state"] == "seen":
            cell["state"] = "unattempted"
    for cell in out.values():
        cell["mistakes"] = dict(cell["mistakes"])
    return out


def stuck(events: list[dict], now: datetime, wrong_attempts: int = 3, idle_minutes: int = 10) -> dict[str, dict]:
    """Students who look stuck → the reason: ``attempts`` (``wrong_attempts`` or more wrong answers to an
    exercise not yet solved, the latest one named) or ``idle`` (no event for ``idle_minutes`` while
    the class was working: someone else had one in that time)."""
    table = cells(events)
    out: dict[str, dict] = {}
    for (student, chapter, exercise), cell in sorted(table.items(), key=lambda kv: kv[1]["last"]):
        if cell["state"] in ("mistake", "incorrect") and cell["attempts"] >= wrong_attempts:
            out[student] = {"reason": "attempts", "chapter": chapter, "exercise": exercise,
                            "attempts": cell["attempts"], "since": cell["first"]}
    last_seen: dict[str, datetime] = {}
    for e in events:
        last_seen[e["student"]] = max(last_seen.get(e["student"], e["at"]), e["at"])
    if last_seen:
        window = timedelta(minutes=idle_minutes)
        class_active = max(last_seen.values()) >= now - window
        for student, seen in last_seen.items():
            if class_active and seen < now - window and student not in out:
                out[student] = {"reason": "idle", "minutes": int((now - seen).total_seconds() // 60), "since": seen}
    return out


def common_mistakes(events: list[dict]) -> dict[tuple[str, str], list[tuple[str | None, int]]]:
    """(chapter, exercise) → [(mistake id or None for other wrong answers, number of students), …],
    most frequent first; a student counts once per mistake."""
    seen: dict[tuple, set] = {}
    for e in events:
        if e["kind"] in ("check", "quiz") and e["status"] == "incorrect":
            seen.setdefault((e["chapter"], e["exercise"], e.get("mistake")), set()).add(e["student"])
    out: dict[tuple[str, str], list] = {}
    for (chapter, exercise, mistake), students in seen.items():
        out.setdefault((chapter, exercise), []).append((mistake, len(students)))
    for key in out:
        out[key].sort(key=lambda item: (-item[1], item[0] or "~"))
    return out


def _natural(name: str):
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]


def exercise_catalogue() -> list[dict]:
    """The course's chapters with their exercises in order: ``[{"chapter": "ch00", "id": "00",
    "title": {"zh": …, "en": …}, "exercises": ["q1", …]}, …]``."""
    from helpers.teaching.exercises import chapter_problems
    from helpers.teaching.syllabus import syllabus

    out = []
    for chapter in syllabus()["chapters"]:
        module = chapter["exercises_module"]
        out.append({"chapter": module, "id": chapter["id"], "title": chapter["title"],
                    "exercises": sorted(chapter_problems(module), key=_natural)})
    return out


STATE_ICONS = {"correct": "✓", "mistake": "✗", "incorrect": "✗", "open": "◆", "unattempted": "…", "seen": "○"}


class ProgressPage:
    """A student's own progress: one row per exercise they touched (a table, shown as HTML)."""

    def __init__(self, events: list[dict], lang: str):
        import pandas as pd

        from helpers.i18n import t
        from helpers.teaching.classroom.mistakes import mistake_label

        self.lang = lang
        order = {(c["chapter"], ex): (i, j) for i, c in enumerate(exercise_catalogue())
                 for j, ex in enumerate(c["exercises"])}
        rows = []
        for (_, chapter, exercise), cell in sorted(cells(events).items(),
                                                   key=lambda kv: order.get(kv[0][1:], (99, 99))):
            state = t(f"cr_state_{cell['state']}", lang=lang)
            if cell["state"] == "mistake":
                state += f" · {mistake_label(chapter, exercise, cell['mistake'], lang)}"
            rows.append({t("cr_col_chapter", lang=lang): chapter[2:], t("cr_col_exercise", lang=lang): exercise,
                         t("cr_col_state", lang=lang): f"{STATE_ICONS[cell['state']]} {state}",
                         t("cr_col_attempts", lang=lang): cell["attempts"], t("cr_col_hints", lang=lang): cell["hints"]})
        self.table = pd.DataFrame(rows)
        solved = sum(1 for cell in cells(events).values() if cell["state"] == "correct")
        self.summary = t("cr_my_summary", lang=lang, solved=solved, touched=len(rows))

    def _repr_html_(self) -> str:
        from html import escape

        if self.table.empty:
            from helpers.i18n import t

            return f"<p>{escape(t('cr_my_empty', lang=self.lang))}</p>"
        return f"<p><b>{escape(self.summary)}</b></p>" + self.table.to_html(index=False, escape=True)

    def __repr__(self) -> str:
        return self.summary + ("\n" + self.table.to_string(index=False) if not self.table.empty else "")
