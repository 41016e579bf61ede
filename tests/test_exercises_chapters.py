"""Every exercise of every chapter, walked generically: the solution passes; each declared mistake,
each wrong option and each wrong card gets its own reason; the placeholder and an empty quiz are
"not attempted"; invalid numbers get the invalid-number message; hints build up without giving the
solution away — in both languages."""
import math
import pkgutil
import re

import pytest

import helpers.teaching.exercises
from helpers.i18n import language, t
from helpers.teaching.exercises import (ChoiceProblem, ClassificationProblem, ItemsProblem, ThoughtProblem,
                                        ValueProblem, chapter_problems)
from helpers.teaching.exercises.core import _is_number

MODULES = sorted(m.name for m in pkgutil.iter_modules(helpers.teaching.exercises.__path__) if m.name.startswith("ch"))
PROBLEMS = [(m, name, q) for m in MODULES for name, q in chapter_problems(m).items()]
CHECKED = [(m, n, q) for m, n, q in PROBLEMS if not isinstance(q, ThoughtProblem)]
IDS = [f"{m}.{n}" for m, n, _ in CHECKED]
LANGS = ("zh", "en")
INVALID = [float("nan"), float("inf"), -float("inf"), 10 ** 400, "0.43", "abc", [1, 2], None, True]


def test_chapter_modules_load_no_data_at_import():
    import subprocess
    import sys

    code = ("import pandas as pd\n"
            "def refuse(*a, **k): raise AssertionError('data read at import')\n"
            "pd.read_csv = pd.read_parquet = pd.read_excel = refuse\n"
            f"for m in {MODULES!r}: __import__('helpers.teaching.exercises.' + m)\n")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_kit_has_all_its_checked_exercises():
    assert len(CHECKED) >= 65


@pytest.mark.parametrize("module, name, problem", [p for p in PROBLEMS if isinstance(p[2], ThoughtProblem)],
                         ids=lambda v: v if isinstance(v, str) else "")
def test_discussion_questions_have_a_model_answer(module, name, problem):
    assert problem.outcome("anything").status == "open"
    for lang in LANGS:
        with language(lang):
            assert problem.solution_explanation()


@pytest.mark.parametrize("module, name, problem", CHECKED, ids=IDS)
@pytest.mark.parametrize("lang", LANGS)
def test_solution_passes_and_placeholder_is_not_attempted(module, name, problem, lang):
    with language(lang):
        assert problem.name == f"{module}.{name}"
        assert problem.prompt(lang).strip(), "every exercise asks its question"
        problem.assert_unattempted()
        problem.assert_passed(problem.reference())
        assert problem.solution_code().strip() and problem.solution_explanation().strip()


@pytest.mark.parametrize("module, name, problem", CHECKED, ids=IDS)
def test_hints_build_up_without_giving_the_solution_away(module, name, problem):
    assert len(problem.hints) >= 3, "hints go concept → method → a near-complete step"

    def squash(text):
        return re.sub(r"\s+", "", text)

    code = problem.solution_code()
    final = code.strip().splitlines()[-1]
    right = final.split("=", 1)[1] if re.match(r"^\w+\s*=[^=]", final) else final
    for lang in LANGS:
        last = squash(problem.hints[-1][lang])
        assert squash(code) not in last and squash(right) not in last, (lang, problem.hints[-1][lang])


@pytest.mark.parametrize("module, name, problem", [p for p in CHECKED if isinstance(p[2], ValueProblem)],
                         ids=[i for i, p in zip(IDS, CHECKED) if isinstance(p[2], ValueProblem)])
@pytest.mark.parametrize("lang", LANGS)
def test_numeric_answers_diagnose_mistakes_precision_and_invalid_numbers(module, name, problem, lang):
    want = problem.reference()
    assert _is_number(want)
    assert problem.mistakes, "every numeric problem declares at least one typical mistake"
    if not float(want).is_integer():
        assert problem.decimals is not None, "a non-integer answer states its precision"
    with language(lang):
        if problem.decimals:
            assert problem.precision_note()[lang] in problem.prompt(lang)
            problem.assert_passed(round(want, problem.decimals))
            rough = round(want, problem.decimals - 1)
            if not math.isclose(rough, want, abs_tol=0.5 * 10 ** -problem.decimals):   # a declared mistake may win
                assert problem.outcome(rough).mistake in {"precision"} | {m.id for m in problem.mistakes}
        for mistake in problem.mistakes:
            if mistake.answer is None:
                continue
            result = problem.outcome(mistake.answer())
            assert (result.mistake, result.reason) == (mistake.id, mistake.message[lang]), mistake.id
        directions = (t("ex_too_high"), t("ex_too_low"))
        for bad in INVALID:
            result = problem.outcome(bad)
            assert result.status == "incorrect" and result.mistake == "invalid", (bad, result)
            assert not any(d in result.reason for d in directions), (bad, result.reason)
        far = want * 1.37 + 7.3
        result = problem.outcome(far)
        assert result.status == "incorrect" and f"{module}.{name}.hint()" in result.reason
        assert t("ex_too_high") in result.reason or result.mistake


@pytest.mark.parametrize("module, name, problem", [p for p in CHECKED if isinstance(p[2], ChoiceProblem)],
                         ids=[i for i, p in zip(IDS, CHECKED) if isinstance(p[2], ChoiceProblem)])
@pytest.mark.parametrize("lang", LANGS)
def test_every_wrong_option_has_its_own_reason(module, name, problem, lang):
    want = problem.reference()
    assert want in problem.options
    reasons = problem.reasons() if callable(problem.reasons) else problem.reasons
    assert set(reasons) == set(problem.options) - {want}, "a reason for every wrong option, none for the right one"
    with language(lang):
        seen = set()
        for option in problem.options:
            if option == want:
                continue
            result = problem.outcome(option)
            assert result.status == "incorrect" and result.mistake == option
            assert reasons[option][lang] in result.reason
            seen.add(result.reason)
        assert len(seen) == len(problem.options) - 1, "each wrong option gets a different reason"
        assert problem.outcome("no_such_option").mistake == "invalid"
        shown = problem.options[want][lang]
        if shown not in problem.options:         # a label that is not also an id: named, not chosen
            assert problem.outcome(shown).mistake == "label"


@pytest.mark.parametrize("module, name, problem", [p for p in CHECKED if isinstance(p[2], ClassificationProblem)],
                         ids=[i for i, p in zip(IDS, CHECKED) if isinstance(p[2], ClassificationProblem)])
@pytest.mark.parametrize("lang", LANGS)
def test_classification_quizzes_explain_every_wrong_card(module, name, problem, lang):
    want = problem.reference()
    classes = list(problem._options())
    assert set(want.values()) <= set(classes)
    with language(lang):
        assert problem.outcome({}).status == "unattempted"
        first = next(iter(want))
        partial = problem.outcome({first: want[first]})
        assert partial.status == "incorrect" and t("ex_quiz_partial", n=1, total=len(want), items="")[:4] in partial.reason
        for item, right in want.items():
            for wrong in classes:
                if wrong == right:
                    continue
                result = problem.outcome({**want, item: wrong})
                reason = problem.reason(item, wrong)
                assert result.status == "incorrect" and reason and reason in result.reason, (item, wrong)
                assert problem.class_label(right) in result.reason
            assert problem.reason(item)
        for mistake in problem.mistakes:
            if mistake.answer is not None:
                assert mistake.message[lang] in problem.outcome(mistake.answer()).reason
        assert problem.outcome("cn8").mistake == "invalid"
        assert problem.outcome({"no_such_card": classes[0]}).mistake == "invalid"


@pytest.mark.parametrize("module, name, problem", [p for p in CHECKED if isinstance(p[2], ItemsProblem)],
                         ids=[i for i, p in zip(IDS, CHECKED) if isinstance(p[2], ItemsProblem)])
@pytest.mark.parametrize("lang", LANGS)
def test_item_lists_name_what_is_missing_and_extra(module, name, problem, lang):
    want = list(problem.reference())
    assert problem.mistakes
    with language(lang):
        for mistake in problem.mistakes:
            result = problem.outcome(mistake.answer())
            assert result.mistake == mistake.id and mistake.message[lang] in result.reason
        result = problem.outcome(want[1:] + ["zz_extra"])
        assert repr(want[0]) in result.reason and "'zz_extra'" in result.reason
        assert problem.outcome(want[0]).mistake == "invalid"
        assert problem.outcome([]).status == "incorrect"
