"""course/syllabus.yml matches the notebooks and the exercise modules."""
import re

import pytest
import yaml

from conftest import ROOT
from helpers.teaching.exercises import chapter_problems

SYLLABUS = yaml.safe_load((ROOT / "course" / "syllabus.yml").read_text(encoding="utf-8"))
CHAPTERS = SYLLABUS["chapters"]


def test_chapters_are_numbered_in_order_with_both_languages():
    assert [c["id"] for c in CHAPTERS] == [f"{i:02d}" for i in range(len(CHAPTERS))]
    for c in CHAPTERS:
        for field in ("title", "topics", "objectives"):
            assert set(c[field]) == {"zh", "en"}, (c["id"], field)
        assert c["minutes"] > 0 and c["notebook"].startswith(c["id"] + "_")


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c["id"])
def test_chapter_has_notebooks_and_checked_exercises(chapter):
    problems = chapter_problems(chapter["exercises_module"])
    assert len(problems) >= 3, "at least three exercises per chapter"
    for lang in ("zh", "en"):
        path = ROOT / "notebooks" / lang / chapter["notebook"]
        assert path.is_file(), path
        text = path.read_text(encoding="utf-8")
        for name in problems:
            assert re.search(rf"{chapter['exercises_module']}\.{name}\.check\(", text), (path.name, name)


def test_trainer_guides_have_a_plan_for_every_chapter():
    for lang, heading in (("zh", "## 第 {n} 章"), ("en", "## Chapter {n} ")):
        guide = (ROOT / "course" / f"trainer-guide.{lang}.md").read_text(encoding="utf-8")
        for c in CHAPTERS:
            assert heading.format(n=int(c["id"])) in guide, (lang, c["id"])
