"""Every exercise is asked in the notebook right before its answer cell, in both editions, and no prose
before it gives the answer away; the feedback shows without an emoji font."""
import re
from pathlib import Path

import pytest

from conftest import ROOT
from helpers.teaching.authoring import LANGS, load_chapter
from helpers.teaching.exercises import ClassificationProblem, ThoughtProblem, chapter_problems
from helpers.teaching.exercises.core import _is_number

CHAPTERS = sorted((ROOT / "course" / "chapters").glob("[0-9][0-9]_*.py"))
CHECK = re.compile(r"^(ch\d\d)\.(\w+)\.check\(\)", re.M)
CJK = re.compile(r"[\u4e00-\u9fff]")


def _chapter(path: Path):
    return path.stem[:2], load_chapter(path).cells


@pytest.fixture(scope="module", params=CHAPTERS, ids=lambda p: p.stem[:2])
def chapter(request):
    return _chapter(request.param)


def _checks(cells):
    """(index, module, problem name) of every cell that runs a check."""
    for i, cell in enumerate(cells):
        m = CHECK.match(cell.text["en"]) if cell.kind == "code" else None
        if m:
            yield i, m.group(1), m.group(2)


def test_every_checked_exercise_is_asked_right_before_its_answer_cell(chapter):
    number, cells = chapter
    problems = chapter_problems(f"ch{number}")
    asked = {}
    for i, module, name in _checks(cells):
        assert module == f"ch{number}", (module, name)
        problem = problems[name]
        if isinstance(problem, ThoughtProblem):
            asked[name] = i
            continue
        assert "exercise-check" in cells[i].tags
        solution, answer = cells[i - 1], cells[i - 2]
        assert "solution" in solution.tags and solution.text["en"] == problem.solution_code()
        assert answer.text["en"].startswith(f"{problem.var} = ____")
        question = cells[i - 4] if isinstance(problem, ClassificationProblem) else cells[i - 3]
        if isinstance(problem, ClassificationProblem):
            assert cells[i - 3].text["en"] == f"{problem.quiz_var} = {module}.{name}.quiz()\n{problem.quiz_var}"
        assert question.kind == "markdown" and "exercise-question" in question.tags, (name, question.text["en"][:80])
        for lang in LANGS:
            assert problem.prompt(lang) in question.text[lang]
        assert CJK.search(question.text["zh"]) and not CJK.search(problem.prompt("en").replace("吴欣玲", ""))
        asked[name] = i
    assert set(asked) == set(problems), f"exercises never asked in the chapter: {set(problems) - set(asked)}"


def _forms(value) -> list[re.Pattern]:
    """How a numeric answer could be written in prose: 328, 4,339, 0.434, 43.4 %, 43.4%. (Whole percentages such
    as "43 %" are left out: too many other numbers of a chapter round to them.)"""
    number = r"(?<![\d.,]){}(?![\d]|[.,]\d)"
    if not _is_number(value):
        return []
    value = float(value)
    if value.is_integer():
        n = int(value)
        return [re.compile(number.format(re.escape(f"{n:,}"))), re.compile(number.format(re.escape(str(n))))] if abs(n) >= 10 else []
    texts = {f"{value:.{d}f}" for d in (2, 3)} | {f"{value:.1f}"} if abs(value) >= 10 else {f"{value:.{d}f}" for d in (2, 3)}
    found = [re.compile(number.format(re.escape(text))) for text in texts]
    if abs(value) <= 2:
        found.append(re.compile(number.format(re.escape(f"{100 * value:.1f}")) + r"\s?%"))
    return found


#: Numbers in the prose before an exercise that equal its answer by coincidence (exercise → phrases).
COINCIDENCES = {"ch11.q5": ["1 月的 31 天", "31 days of January"]}


def test_no_prose_before_an_exercise_gives_its_answer(chapter):
    number, cells = chapter
    problems = chapter_problems(f"ch{number}")
    for i, _, name in _checks(cells):
        problem = problems[name]
        if isinstance(problem, ThoughtProblem):
            continue
        patterns = _forms(problem.reference())
        for lang in LANGS:
            prose = "\n".join(c.text[lang] for c in cells[:i] if c.kind == "markdown" and "trainer-only" not in c.tags)
            for phrase in COINCIDENCES.get(f"ch{number}.{name}", []):
                prose = prose.replace(phrase, "")
            hits = [p.pattern for p in patterns if p.search(prose)]
            assert not hits, f"ch{number}.{name} ({lang}): the prose before the exercise shows its answer {hits}"


def test_feedback_marks_and_messages_need_no_emoji_font():
    """Every character of the feedback texts and marks is in the kit's bundled CJK font (no emoji)."""
    import yaml
    from fontTools.ttLib import TTFont

    from helpers.plots.theme import FONT_FILE
    from helpers.teaching.exercises.core import MARKS

    glyphs = TTFont(FONT_FILE).getBestCmap()
    entries = yaml.safe_load((ROOT / "helpers" / "locale" / "exercises.yml").read_text(encoding="utf-8"))
    texts = [text for entry in entries.values() for text in entry.values()] + list(MARKS.values())
    missing = sorted({ch for text in texts for ch in text if ord(ch) > 127 and ord(ch) not in glyphs})
    assert not missing, f"characters the shipped font cannot draw: {missing}"
