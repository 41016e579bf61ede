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
        assert c["notebook"].startswith(c["id"] + "_")


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


SECTION_IDS = {s["id"]: s for c in CHAPTERS for s in c["sections"]}


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c["id"])
def test_every_chapter_is_cut_into_numbered_sections_with_minutes_and_a_level(chapter):
    sections = chapter["sections"]
    assert [s["id"] for s in sections] == [f"{chapter['id']}.{i}" for i in range(1, len(sections) + 1)]
    for s in sections:
        assert s["minutes"] > 0 and s["level"] in ("core", "optional") and set(s["title"]) == {"zh", "en"}, s
    assert any(s["level"] == "core" for s in sections), "a chapter needs a core"


@pytest.mark.parametrize("plan", sorted(SYLLABUS["plans"]))
def test_every_day_of_every_plan_fits_the_day(plan):
    spec = SYLLABUS["plans"][plan]
    breaks = sum(b["minutes"] for b in SYLLABUS["breaks"])
    chapters = {c["id"]: c for c in CHAPTERS}
    for day, plan_day in enumerate(spec["days"], start=1):
        optional = set(plan_day["optional"])
        assert optional <= SECTION_IDS.keys(), optional - SECTION_IDS.keys()
        assert all(SECTION_IDS[o]["level"] == "optional" and o.split(".")[0] in plan_day["chapters"]
                   for o in optional), (plan, day)
        taught = sum(s["minutes"] for cid in plan_day["chapters"] for s in chapters[cid]["sections"]
                     if s["level"] == "core" or s["id"] in optional)
        assert taught + breaks <= SYLLABUS["max_day_minutes"], (plan, day, taught + breaks)


@pytest.mark.parametrize("plan", sorted(SYLLABUS["plans"]))
def test_every_chapter_is_taught_once_or_left_to_self_study(plan):
    spec = SYLLABUS["plans"][plan]
    taught = [cid for d in spec["days"] for cid in d["chapters"]]
    assert len(taught) == len(set(taught))
    assert sorted(taught + spec.get("self_study", [])) == [c["id"] for c in CHAPTERS]


def test_the_two_plans_differ_as_documented():
    assert len(SYLLABUS["plans"]["three_day"]["days"]) == 3 and len(SYLLABUS["plans"]["two_day"]["days"]) == 2
    assert not any(d["optional"] for d in SYLLABUS["plans"]["two_day"]["days"]), "two days: core only"


GUIDE_WORDS = {"zh": {"core": "核心", "optional": "选讲", "taught": "讲"},
               "en": {"core": "core", "optional": "optional", "taught": "taught"}}


def _rows(text: str, first_cell_pattern: str) -> list[list[str]]:
    return [[c.strip() for c in line.strip().strip("|").split("|")] for line in text.splitlines()
            if re.match(rf"\|\s*{first_cell_pattern}", line)]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_trainer_guides_give_every_section_its_syllabus_minutes_level_and_plans(lang):
    """Each chapter plan's table of sections says what course/syllabus.yml says."""
    from helpers.teaching.syllabus import _taught

    guide = (ROOT / "course" / f"trainer-guide.{lang}.md").read_text(encoding="utf-8")
    words = GUIDE_WORDS[lang]
    taught = {plan: {s["id"] for _, (_, sections) in _taught(plan).items() for s in sections}
              for plan in ("three_day", "two_day")}
    rows = {r[0].split()[0]: r for r in _rows(guide, r"\d\d\.\d+ ") if len(r) == 5}
    assert sorted(rows) == sorted(SECTION_IDS), set(rows) ^ set(SECTION_IDS)
    for sid, (name, minutes, level, three, two) in rows.items():
        s = SECTION_IDS[sid]
        assert name == f"{sid} {s['title'][lang]}" and int(minutes) == s["minutes"], sid
        assert level == words[s["level"]], sid
        assert (three == words["taught"]) == (sid in taught["three_day"]), sid
        assert (two == words["taught"]) == (sid in taught["two_day"]), sid


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_trainer_guides_day_totals_match_the_plans(lang):
    from helpers.teaching.syllabus import day_plan

    guide = (ROOT / "course" / f"trainer-guide.{lang}.md").read_text(encoding="utf-8")
    totals = [int(r[3].strip("*")) for r in _rows(guide, r"\d \|") if r[2].startswith("**")]
    expected = [int(m) for plan in ("three_day", "two_day")
                for m in day_plan(plan, lang=lang).groupby("day")["minutes"].sum()]
    assert totals == expected
