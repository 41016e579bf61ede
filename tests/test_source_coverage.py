"""course/source-coverage.md: the 60 source topics, each taught with data (D) or an exercise or case (E),
at sections that exist in the chapter sources."""
import re

import pytest

from conftest import ROOT

COVERAGE = ROOT / "course" / "source-coverage.md"
CHAPTERS = ROOT / "course" / "chapters"
REFERENCE = re.compile(r"(\d\d)「([^」]+)」")
HOW = {"data", "exercise", "case", "checklist"}


def _rows() -> list[list[str]]:
    rows = []
    for line in COVERAGE.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and cells[0].isdigit():
            rows.append(cells)
    return rows


def _headings(chapter: str) -> set[str]:
    (source,) = CHAPTERS.glob(f"{chapter}_*.py")
    return {m.group(1).strip() for m in re.finditer(r'^(?:ch\.md\(zh=")?#{2,3} ([^"\n]+)"?', source.read_text(encoding="utf-8"), re.MULTILINE)}


def test_the_table_has_the_sixty_topics_once_each():
    assert [int(row[0]) for row in _rows()] == list(range(1, 61))


@pytest.mark.parametrize("row", _rows(), ids=lambda row: f"topic {row[0]}")
def test_every_topic_is_taught_with_data_or_an_exercise_at_sections_that_exist(row):
    number, topic, where, how, level, _ = row
    assert level in {"D", "E"}, f"topic {number}: level {level!r}"
    kinds = {kind.strip() for kind in how.split(",")}
    assert kinds and kinds <= HOW, f"topic {number}: how {how!r}"
    assert ("data" in kinds) == (level == "D"), f"topic {number}: level {level} but taught with {how}"
    references = REFERENCE.findall(where)
    assert references, f"topic {number} names no chapter section"
    missing = [f"{chapter}「{title}」" for chapter, title in references if title not in _headings(chapter)]
    assert not missing, f"topic {number}: no such section in the chapter sources: {missing}"


def test_the_case_files_the_table_names_exist():
    names = set(re.findall(r"`([a-z_]+)`", COVERAGE.read_text(encoding="utf-8")))
    cases = {path.stem.split(".")[0] for path in (ROOT / "course" / "cases").glob("*.md")}
    assert {"guided_selling", "listening_roleplay", "complaint_roleplay", "key_account_defection"} <= names
    assert {n for n in names if n in cases or n.endswith(("_roleplay", "_selling", "_defection"))} <= cases
