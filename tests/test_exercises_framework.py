"""The exercise framework: never raises, clear outcomes, hints and solutions in both languages."""
import pandas as pd
import pytest

from helpers.teaching.exercises import (ChoiceProblem, FrameProblem, FunctionProblem, ThoughtProblem,
                               ValueProblem, ____)
from helpers.i18n import language

HINTS = [{"zh": "第一条提示", "en": "first hint"}, {"zh": "第二条提示", "en": "second hint"}]


def test_value_problem_with_tolerance_and_direction():
    q = ValueProblem(var="x", expected=lambda: 0.85, hints=HINTS, model_answer="x = 0.85")
    q.assert_unattempted()
    q.assert_passed(0.8500000001)
    assert "too high" in q.assert_failed(0.9)
    assert "too low" in q.assert_failed(0.1)
    assert "number" in q.assert_failed("0.85")


def test_check_never_raises_even_when_the_answer_breaks(capsys):
    class Weird:
        def __eq__(self, other):
            raise RuntimeError("boom")

    q = ValueProblem(var="x", expected=lambda: "a")
    assert q.outcome(Weird()).status == "incorrect"
    q.check(Weird())
    assert "RuntimeError" in capsys.readouterr().out


def test_check_reads_the_notebook_variable(monkeypatch, capsys):
    import __main__

    q = ValueProblem(var="answer_for_test", expected=lambda: 3)
    monkeypatch.setattr(__main__, "answer_for_test", 3, raising=False)
    q.check()
    assert "Correct" in capsys.readouterr().out
    monkeypatch.setattr(__main__, "answer_for_test", ____)
    q.check()
    assert "Not attempted" in capsys.readouterr().out


def test_frame_problem_ignores_row_order_but_not_values():
    want = pd.DataFrame({"segment": ["a", "b"], "n": [2, 1]}).set_index("segment")
    q = FrameProblem(var="t", expected=lambda: want)
    q.assert_passed(want.iloc[::-1])
    assert "values differ" in q.assert_failed(want.assign(n=[2, 5]))
    assert "rows" in q.assert_failed(want.iloc[:1])
    assert "DataFrame" in q.assert_failed([1, 2])


def test_frame_problem_tolerance_is_rel_tol_like_the_other_problems():
    want = pd.Series([1.0, 2.0])
    FrameProblem(var="s", expected=lambda: want, rel_tol=1e-2).assert_passed(want * 1.001)
    assert "values differ" in FrameProblem(var="s", expected=lambda: want).assert_failed(want * 1.001)


def test_function_problem_names_the_failing_case():
    q = FunctionProblem(var="f", cases=lambda: [((2, 3), 6), ((0, 5), 0)], model=lambda a, b: a * b)
    q.assert_passed(q.reference())
    reason = q.assert_failed(lambda a, b: a + b)
    assert "f(2, 3)" in reason and "6" in reason
    assert "function" in q.assert_failed(5)


def test_choice_and_classification_quiz():
    q = ChoiceProblem(var="c", expected=lambda: "b", options={"a": "A", "b": "B"})
    q.assert_passed("b")
    q.assert_failed("a")
    assert "options" in q.assert_failed("z")
    quiz = ChoiceProblem(var="c", expected=lambda: {"Li": "driver", "Wang": "amiable"})
    quiz.assert_passed({"Li": "driver", "Wang": "amiable"})
    assert "Wang" in quiz.assert_failed({"Li": "driver", "Wang": "analytical"})


def test_thought_question_has_no_automatic_check(capsys):
    q = ThoughtProblem(var="idea", model_answer={"zh": "参考答案", "en": "model answer"})
    assert q.outcome("anything").status == "open"
    q.solution()
    assert "model answer" in capsys.readouterr().out


@pytest.mark.parametrize("lang, word", [("zh", "提示 2/2"), ("en", "Hint 2/2")])
def test_hints_are_multi_level_and_in_the_active_language(capsys, lang, word):
    q = ValueProblem(expected=lambda: 1, hints=HINTS)
    with language(lang):
        q.hint(5)
    assert word in capsys.readouterr().out
