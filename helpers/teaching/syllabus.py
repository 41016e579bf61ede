"""The course plan (``course/syllabus.yml``) as tables for notebooks and guides.

    >>> from helpers.teaching.syllabus import chapter_table
    >>> chapter_table().iloc[0]["notebook"]
    '00_start_here.ipynb'
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from helpers.i18n import get_language, t

SYLLABUS = Path(__file__).resolve().parents[2] / "course" / "syllabus.yml"


@lru_cache(maxsize=1)
def syllabus() -> dict:
    """The parsed syllabus."""
    import yaml

    return yaml.safe_load(SYLLABUS.read_text(encoding="utf-8"))


def chapter_table(lang: str | None = None) -> pd.DataFrame:
    """One row per chapter: number, title, day, minutes, topics and notebook, in one language.

    >>> chapter_table("en").loc[0, "notebook"]
    '00_start_here.ipynb'
    """
    lang = lang or get_language()
    rows = [{
        t("course_chapter"): c["id"],
        t("course_title"): c["title"][lang],
        t("course_day"): c["day"],
        t("course_minutes"): c["minutes"],
        t("course_topics"): "; ".join(c["topics"][lang]),
        "notebook": c["notebook"],
    } for c in syllabus()["chapters"]]
    return pd.DataFrame(rows)
