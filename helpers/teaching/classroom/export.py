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


#: The workbook's columns (for people: the words, not the ids of kinds, results and mistakes)
_PEOPLE_COLUMNS = {"events": ["account", "student", "chapter", "exercise", "kind", "status", "mistake_label",
                              "attempt", "hints_used", "seconds", "at_utc", "received_utc"],
                   "mistakes": ["chapter", "exercise", "mistake_label", "students"]}
_HEADERS = {"account": "cr_col_account", "student": "cr_col_student", "chapter": "cr_col_chapter",
            "exercise": "cr_col_exercise", "kind": "cr_col_kind", "status": "cr_col_result",
            "mistake_label": "cr_col_mistake", "attempt": "cr_col_attempt", "hints_used": "cr_col_hints",
            "seconds": "cr_col_seconds", "at_utc": "cr_col_at", "received_utc": "cr_col_received",
            "students": "cr_col_students"}


def people_frames(frames: dict, lang: str) -> dict:
    """:func:`progress_frames` for people: headers, kinds and results in ``lang``, mistakes by their
    description only.

    >>> import pandas as pd
    >>> events = pd.DataFrame([{"account": "crm001", "student": "张三", "chapter": "ch00", "exercise": "q4",
    ...     "kind": "check", "status": "incorrect", "mistake": "no_discount", "mistake_label": "…", "attempt": 1,
    ...     "hints_used": 0, "seconds": 30, "at_utc": None, "received_utc": None}])
    >>> empty = pd.DataFrame(columns=["chapter", "exercise", "mistake", "mistake_label", "students"])
    >>> out = people_frames({"events": events, "grid": pd.DataFrame({"account": []}), "mistakes": empty}, "zh")
    >>> out["events"].iloc[0, :6].tolist()
    ['crm001', '张三', 'ch00', 'q4', '检查', '答错']
    """
    from helpers.i18n import t

    def header(column: str) -> str:
        return t(_HEADERS[column], lang=lang) if column in _HEADERS else column

    events = frames["events"].assign(
        kind=frames["events"]["kind"].map(lambda kind: t(f"cr_kind_{kind}", lang=lang)),
        status=frames["events"]["status"].map(lambda status: t(f"cr_state_{status}", lang=lang), na_action="ignore"))
    return {"events": events[_PEOPLE_COLUMNS["events"]].rename(columns=header),
            "grid": frames["grid"].rename(columns=header),
            "mistakes": frames["mistakes"][_PEOPLE_COLUMNS["mistakes"]].rename(columns=header)}


def write_excel(store, path: Path, lang: str, trainer: str | None = None) -> Path:
    """The three tables as sheets of one workbook for people (:func:`people_frames`): formulas never
    run, times typed (:func:`helpers.data.exports.write_workbook`). The CSV keeps the ids."""
    from helpers.data.exports import write_workbook
    from helpers.i18n import t

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    frames = people_frames(progress_frames(store, lang, trainer), lang)
    return write_workbook({t(f"cr_sheet_{key}", lang=lang): frame for key, frame in frames.items()}, path)
