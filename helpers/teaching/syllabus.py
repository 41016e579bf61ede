"""The course plan (``course/syllabus.yml``) as tables for notebooks and guides.

Every chapter is cut into sections, each with its minutes and a level: ``core`` sections are
taught in every plan, ``optional`` ones when a plan lists them. A plan (``three_day``,
``two_day``) says which chapters each day covers and which optional sections it adds; a day's
sections plus its breaks fit in ``max_day_minutes``.

    >>> from helpers.teaching.syllabus import chapter_table, day_plan
    >>> chapter_table("en").loc[0, "notebook"]
    '00_start_here.ipynb'
    >>> bool((day_plan("two_day", lang="en").groupby("day")["minutes"].sum() <= 420).all())
    True
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from helpers.i18n import get_language, t
from helpers.validation import Options, validate_params

__all__ = ["syllabus", "chapter_table", "day_plan", "PLANS"]

SYLLABUS = Path(__file__).resolve().parents[2] / "course" / "syllabus.yml"
PLANS = ("three_day", "two_day")


@lru_cache(maxsize=1)
def syllabus() -> dict:
    """The parsed syllabus.

    >>> sorted(syllabus()["plans"])
    ['three_day', 'two_day']
    """
    import yaml

    return yaml.safe_load(SYLLABUS.read_text(encoding="utf-8"))


def _taught(plan: str) -> dict[str, tuple[int, list[dict]]]:
    """Chapter id → (day, the sections the plan teaches), for the chapters the plan covers."""
    chapters = {c["id"]: c for c in syllabus()["chapters"]}
    taught = {}
    for day, spec in enumerate(syllabus()["plans"][plan]["days"], start=1):
        extra = set(spec.get("optional", []))
        for cid in spec["chapters"]:
            taught[cid] = (day, [s for s in chapters[cid]["sections"]
                                 if s["level"] == "core" or s["id"] in extra])
    return taught


@validate_params(plan=Options(*PLANS))
def chapter_table(lang: str | None = None, *, plan: str = "three_day") -> pd.DataFrame:
    """One row per chapter: number, title, the day and minutes it gets in ``plan``, all its minutes,
    topics and notebook, in one language (chapters a plan leaves to self-study have no day).

    >>> table = chapter_table("en", plan="two_day")
    >>> int(table.loc[0, "Minutes"]) <= int(table.loc[0, "All sections"])
    True
    """
    lang = lang or get_language()
    taught = _taught(plan)
    rows = []
    for c in syllabus()["chapters"]:
        day, sections = taught.get(c["id"], (None, []))
        rows.append({
            t("course_chapter", lang=lang): c["id"],
            t("course_title", lang=lang): c["title"][lang],
            t("course_day", lang=lang): day if day is not None else t("course_self_study", lang=lang),
            t("course_minutes", lang=lang): sum(s["minutes"] for s in sections),
            t("course_all_minutes", lang=lang): sum(s["minutes"] for s in c["sections"]),
            t("course_topics", lang=lang): "; ".join(c["topics"][lang]),
            "notebook": c["notebook"],
        })
    return pd.DataFrame(rows)


@validate_params(plan=Options(*PLANS))
def day_plan(plan: str = "three_day", *, lang: str | None = None) -> pd.DataFrame:
    """The sections a plan teaches, day by day, with the breaks: ``day, chapter, section, title,
    level, minutes``.

    >>> plan = day_plan("three_day", lang="en")
    >>> plan.groupby("day")["minutes"].sum().tolist()
    [400, 420, 419]
    """
    lang = lang or get_language()
    rows = []
    by_day: dict[int, list] = {}
    for cid, (day, sections) in _taught(plan).items():
        by_day.setdefault(day, []).extend((cid, s) for s in sections)
    for day in sorted(by_day):
        for cid, s in by_day[day]:
            rows.append({"day": day, "chapter": cid, "section": s["id"], "title": s["title"][lang],
                         "level": s["level"], "minutes": s["minutes"]})
        for pause in syllabus()["breaks"]:
            rows.append({"day": day, "chapter": "", "section": "", "title": pause["title"][lang],
                         "level": "break", "minutes": pause["minutes"]})
    return pd.DataFrame(rows)
