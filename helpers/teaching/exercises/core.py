"""Exercises with instant feedback, in the style of Kaggle's learntools.

A chapter module declares its problems as data; the framework does the rest::

    >>> from helpers.teaching.exercises.core import ValueProblem, ____
    >>> q = ValueProblem(var="answer", expected=lambda: 42,
    ...                  hints=[{"zh": "六乘以七", "en": "six times seven"}],
    ...                  model_answer="answer = 6 * 7")
    >>> q.outcome(____).status
    'unattempted'
    >>> q.outcome(41).status, q.outcome(42).status
    ('incorrect', 'correct')

In a notebook the student writes ``answer = ...`` and runs ``q.check()`` (the answer is read from
the notebook's variables) or ``q.check(answer)``; ``q.hint()``, ``q.hint(2)``, ``q.solution()``.
``check()`` never raises: it reports correct, incorrect (with a reason) or not attempted.
Expected values are callables, evaluated on first use, so importing a chapter loads no data.
"""
from __future__ import annotations

import math
import numbers
from dataclasses import dataclass, field
from typing import Any, Callable

from helpers.i18n import get_language, t


class _Blank:
    """The placeholder students replace: ``answer = ____``."""

    def __repr__(self) -> str:
        return "____"


____ = _Blank()
Text = dict  # {"zh": ..., "en": ...}


@dataclass(frozen=True)
class Outcome:
    """The result of checking one answer: ``status`` is correct / incorrect / unattempted / open;
    ``mistake`` is the id of the declared typical mistake an incorrect answer makes, when known."""

    status: str
    reason: str = ""
    mistake: str | None = None

    @property
    def passed(self) -> bool:
        return self.status == "correct"


def _text(value: Text | str) -> str:
    return value if isinstance(value, str) else value[get_language()]


def _classroom(event: str, problem: "Problem", *args) -> str | None:
    """Tell the progress recorder (:mod:`helpers.teaching.classroom.hooks`) what just happened: outcomes
    only, never the answer. For ``"solution"`` it returns the text to show instead (held back until the
    trainer releases it), or None. Recording never breaks an exercise."""
    try:
        from helpers.teaching.classroom import hooks

        return hooks.notify(event, problem, *args)
    except Exception:  # pragma: no cover - recording is best effort
        return None


def _show(kind: str, body: str) -> None:
    """Display feedback as coloured HTML in a notebook, as plain text elsewhere."""
    colours = {"correct": "#1a7f37", "incorrect": "#cf222e", "unattempted": "#9a6700",
               "open": "#0969da", "hint": "#8250df", "solution": "#57606a"}
    try:
        from IPython import get_ipython
        from IPython.display import HTML, display
    except ImportError:  # pragma: no cover - IPython ships with the kit
        get_ipython = None
    if get_ipython is not None and get_ipython() is not None:
        from html import escape

        html = escape(body).replace("\n", "<br>")
        display(HTML(f'<div style="color:{colours[kind]};font-family:sans-serif">{html}</div>'))
    else:
        print(body)


@dataclass
class Problem:
    """Base class: a named answer variable, hints, a solution and a way to judge an answer.

    Subclasses implement :meth:`judge` (return ``None`` when correct, else the reason).
    """

    var: str = "answer"
    hints: list[Text] = field(default_factory=list)
    model_answer: Text | str = ""             # what solution() shows
    wrong: Callable[[], Any] | None = None    # a plausible wrong answer, for the kit's tests

    def reference(self) -> Any:
        """A correct answer (tests check that it passes)."""
        return self.expected()

    def judge(self, answer: Any) -> str | None:  # pragma: no cover - abstract
        raise NotImplementedError

    def outcome(self, answer: Any) -> Outcome:
        """Judge ``answer`` without displaying anything; never raises."""
        if isinstance(answer, _Blank):
            return Outcome("unattempted", t("ex_unattempted", var=self.var))
        try:
            reason = self.judge(answer)
        except Exception as exc:  # a student's answer may be anything: report, never raise
            return Outcome("incorrect", t("ex_error", error=f"{type(exc).__name__}: {exc}"))
        return Outcome("correct", t("ex_correct")) if reason is None else Outcome("incorrect", reason)

    def _answer_from_caller(self) -> Any:
        """The notebook variable named ``var`` (the student's answer), or the blank."""
        try:
            import __main__

            return getattr(__main__, self.var, ____)
        except Exception:  # pragma: no cover
            return ____

    def check(self, answer: Any = ____) -> None:
        """Show whether the answer is correct (reads the variable ``var`` when no answer is given)."""
        if isinstance(answer, _Blank):
            answer = self._answer_from_caller()
        result = self.outcome(answer)
        _classroom("check", self, answer, result)
        _show(result.status, result.reason)

    def hint(self, n: int = 1) -> None:
        """Show hint ``n`` (1 = gentlest)."""
        if not self.hints:
            _show("hint", t("ex_no_hint"))
            return
        n = min(max(n, 1), len(self.hints))
        _classroom("hint", self, n)
        more = t("ex_more_hints", next=n + 1) if n < len(self.hints) else ""
        _show("hint", t("ex_hint", n=n, total=len(self.hints), text=_text(self.hints[n - 1])) + more)

    def solution(self) -> None:
        """Show the solution (in a class server: once the trainer has released it)."""
        held = _classroom("solution", self)
        _show("solution", held if held is not None else t("ex_solution", text=_text(self.model_answer)))

    def assert_passed(self, answer: Any) -> None:
        """For tests: the answer is judged correct."""
        result = self.outcome(answer)
        assert result.passed, result.reason

    def assert_failed(self, answer: Any) -> str:
        """For tests: the answer is judged incorrect with a reason; returns the reason."""
        result = self.outcome(answer)
        assert result.status == "incorrect", result
        assert result.reason, "an incorrect answer needs a helpful reason"
        return result.reason

    def assert_unattempted(self) -> None:
        """For tests: the placeholder is reported as not attempted."""
        assert self.outcome(____).status == "unattempted"


def _is_number(value) -> bool:
    """A real number, NumPy scalars included (``series.sum()`` gives ``numpy.int64``); not a bool."""
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


@dataclass
class ValueProblem(Problem):
    """A number (with relative/absolute tolerance) or any value compared with ``==``."""

    expected: Callable[[], Any] = lambda: None
    rel_tol: float = 1e-6
    abs_tol: float = 1e-9

    def judge(self, answer):
        want = self.expected()
        if _is_number(want):
            if not _is_number(answer):
                return t("ex_want_number", got=type(answer).__name__)
            if math.isclose(float(answer), float(want), rel_tol=self.rel_tol, abs_tol=self.abs_tol):
                return None
            return t("ex_too_high") if answer > want else t("ex_too_low")
        return None if answer == want else t("ex_wrong_value", got=repr(answer))


@dataclass
class FrameProblem(Problem):
    """A DataFrame or Series; ``ignore_order`` compares after sorting rows by index."""

    expected: Callable[[], Any] = lambda: None
    ignore_order: bool = True
    rel_tol: float = 1e-6

    def judge(self, answer):
        import pandas as pd

        want = self.expected()
        if not isinstance(answer, type(want)):
            return t("ex_want_type", want=type(want).__name__, got=type(answer).__name__)
        if isinstance(want, pd.DataFrame) and set(answer.columns) != set(want.columns):
            return t("ex_columns", want=", ".join(map(str, want.columns)), got=", ".join(map(str, answer.columns)))
        if len(answer) != len(want):
            return t("ex_length", want=len(want), got=len(answer))
        a, w = (answer.sort_index(), want.sort_index()) if self.ignore_order else (answer, want)
        if isinstance(want, pd.DataFrame):
            a = a[list(want.columns)]
        try:
            check = pd.testing.assert_frame_equal if isinstance(want, pd.DataFrame) else pd.testing.assert_series_equal
            check(a, w, check_dtype=False, check_names=False, rtol=self.rel_tol)
        except AssertionError as exc:
            return t("ex_values_differ", detail=str(exc).splitlines()[0])
        return None


@dataclass
class FunctionProblem(Problem):
    """A function the student writes, checked on test cases ``[(args, expected), …]``."""

    cases: Callable[[], list[tuple[tuple, Any]]] = lambda: []
    model: Callable | None = None              # a correct implementation
    rel_tol: float = 1e-6

    def reference(self):
        return self.model

    def judge(self, answer):
        if not callable(answer):
            return t("ex_want_function", got=type(answer).__name__)
        for args, want in self.cases():
            got = answer(*args)
            same = (math.isclose(got, want, rel_tol=self.rel_tol, abs_tol=1e-9)
                    if isinstance(want, float) and isinstance(got, (int, float)) else got == want)
            if not same:
                call = f"{self.var}({', '.join(map(repr, args))})"
                return t("ex_function_case", call=call, want=repr(want), got=repr(got))
        return None


@dataclass
class ChoiceProblem(Problem):
    """A multiple-choice question (one option id) or a classification of several items
    (``expected`` maps item → class id; feedback names the items that are wrong)."""

    expected: Callable[[], Any] = lambda: None
    options: dict = field(default_factory=dict)     # option id → {"zh":…, "en":…}

    def judge(self, answer):
        want = self.expected()
        if isinstance(want, dict):
            if not isinstance(answer, dict):
                return t("ex_want_type", want="dict", got=type(answer).__name__)
            wrong = [k for k in want if answer.get(k) != want[k]]
            return t("ex_items_wrong", n=len(wrong), total=len(want), items=", ".join(map(str, wrong))) if wrong else None
        if self.options and answer not in self.options:
            return t("ex_not_an_option", options=", ".join(map(str, self.options)))
        return None if answer == want else t("ex_wrong_choice")


@dataclass
class ThoughtProblem(Problem):
    """A question for discussion: no automatic check; the solution gives a model answer."""

    def reference(self):
        return None

    def outcome(self, answer: Any = ____) -> Outcome:
        return Outcome("open", t("ex_open"))

    def check(self, answer: Any = ____) -> None:
        _classroom("check", self, answer, self.outcome(answer))
        _show("open", t("ex_open"))
