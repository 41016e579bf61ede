"""After class: the progress as CSV (one row per event) and as an Excel workbook (events, a students ×
exercises grid, the common mistakes), in the class language. No answers: there are none to export.

    >>> from helpers.teaching.classroom.store import Store
    >>> store = Store("sqlite://")
    >>> frames = progress_frames(store, "en")
    >>> list(frames), list(frames["events"].columns)[:4]
    (['events', 'grid', 'mistakes'], ['account', 'student', 'chapter', 'exercise'])
"""
from __future__ import annotations

# the kit's class server, not part of the analysis API (docs/vocabulary.md covers that)
__all__: list[str] = []

from pathlib import Path

EVENT_COLUMNS = ["account", "student", "chapter", "exercise", "kind", "status", "mistake", "mistake_label",
                 "attempt", "hints_used", "seconds", "at_utc", "received_utc"]


def progress_frames(store, lang: str, trainer: str | None = None) -> dict:
    """``events`` (one row per event), ``grid`` (state of every student × exercise) and ``mistakes``."""
    import pandas as pd

    from helpers.i18n import t
    from helpers.teaching.classroom.mistakes import mistake_label
    from helpers.teaching.classroom.progress import cells, common_mistakes, exercise_catalogue

    names = store.display_names()
    events = [e for e in store.events() if e["student"] != trainer]
    rows = [{"account": e["student"], "student": names.get(e["student"], e["student"]), "chapter": e["chapter"],
             "exercise": e["exercise"], "kind": e["kind"], "status": e["status"], "mistake": e["mistake"],
             "mistake_label": mistake_label(e["chapter"], e["exercise"], e["mistake"], lang)
             if e["status"] == "incorrect" else None,
             "attempt": e["attempt"], "hints_used": e["hints_used"], "seconds": e["seconds"],
             "at_utc": e["at"], "received_utc": e["received"]} for e in events]
    frame = pd.DataFrame(rows, columns=EVENT_COLUMNS)

    table = cells(events)
    columns = [f"{c['chapter']}.{ex}" for c in exercise_catalogue() for ex in c["exercises"]]
    accounts = sorted(set(names) | {e["student"] for e in events} - {trainer})
    grid_rows = []
    for account in accounts:
        row = {t("cr_col_student", lang=lang): names.get(account, account), "account": account}
        for column in columns:
            chapter, exercise = column.split(".")
            cell = table.get((account, chapter, exercise))
            row[column] = t(f"cr_state_{cell['state']}", lang=lang) if cell else ""
        grid_rows.append(row)
    grid = pd.DataFrame(grid_rows, columns=[t("cr_col_student", lang=lang), "account"] + columns)

    mistake_rows = [{"chapter": chapter, "exercise": exercise, "mistake": mistake,
                     "mistake_label": mistake_label(chapter, exercise, mistake, lang), "students": n}
                    for (chapter, exercise), items in sorted(common_mistakes(events).items())
                    for mistake, n in items]
    mistakes = pd.DataFrame(mistake_rows, columns=["chapter", "exercise", "mistake", "mistake_label", "students"])
    return {"events": frame, "grid": grid, "mistakes": mistakes}


def write_csv(store, path: Path, lang: str, trainer: str | None = None) -> Path:
    """The events as CSV (UTF-8 with a byte-order mark); a name a spreadsheet would run as a formula
    (a student who signed in as ``=1+1``) is written as text (:func:`helpers.data.exports.write_csv`)."""
    from helpers.data.exports import write_csv as write_frame

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_frame(progress_frames(store, lang, trainer)["events"], path)


def write_excel(store, path: Path, lang: str, trainer: str | None = None) -> Path:
    """The three tables as sheets of one workbook, formulas never run, times typed
    (:func:`helpers.data.exports.write_workbook`)."""
    from helpers.data.exports import write_workbook
    from helpers.i18n import t

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    frames = progress_frames(store, lang, trainer)
    return write_workbook({t(f"cr_sheet_{key}", lang=lang): frame for key, frame in frames.items()}, path)
