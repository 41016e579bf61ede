"""Every exercise of every chapter: the solution passes, a plausible wrong answer fails with a
useful message, and the placeholder counts as not attempted."""
import pkgutil

import pytest

import helpers.teaching.exercises
from helpers.teaching.exercises import ThoughtProblem, chapter_problems

MODULES = sorted(m.name for m in pkgutil.iter_modules(helpers.teaching.exercises.__path__) if m.name.startswith("ch"))
PROBLEMS = [(m, name, q) for m in MODULES for name, q in chapter_problems(m).items()]


def test_chapter_modules_load_no_data_at_import():
    import subprocess
    import sys

    code = ("import pandas as pd\n"
            "def refuse(*a, **k): raise AssertionError('data read at import')\n"
            "pd.read_csv = pd.read_parquet = pd.read_excel = refuse\n"
            f"for m in {MODULES!r}: __import__('helpers.teaching.exercises.' + m)\n")
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize("module, name, problem", PROBLEMS, ids=[f"{m}.{n}" for m, n, _ in PROBLEMS])
def test_exercise(module, name, problem):
    if isinstance(problem, ThoughtProblem):
        assert problem.model_answer, "a discussion question needs a model answer"
        return
    problem.assert_unattempted()
    problem.assert_passed(problem.reference())
    assert problem.wrong is not None, "declare a plausible wrong answer"
    problem.assert_failed(problem.wrong())
    assert problem.hints and problem.model_answer
