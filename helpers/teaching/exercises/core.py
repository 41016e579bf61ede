"""Exercises with instant feedback that diagnoses the mistake, in the style of Kaggle's learntools.

A chapter module declares its problems as data — the question, the expected answer, the typical
mistakes with the message that names each of them, hints and the model answer — and the framework
does the rest::

    >>> from helpers.i18n import language
    >>> from helpers.teaching.exercises.core import Mistake, ValueProblem, ____
    >>> q = ValueProblem(var="revenue_share", expected=lambda: 0.4318, decimals=2,
    ...                  question={"zh": "冠军客户的收入占比是多少？", "en": "What share of revenue do Champions bring?"},
    ...                  mistakes=[Mistake("customer_share", answer=lambda: 0.076,
    ...                                    message={"zh": "这是客户占比，题目问的是收入占比。",
    ...                                             "en": "That is the share of customers; the question asks for revenue."})],
    ...                  hints=[{"zh": "看 revenue_share 列。", "en": "Read the revenue_share column."}],
    ...                  model_answer="revenue_share = summary.loc['champions', 'revenue_share']")
    >>> q.outcome(____).status, q.outcome(0.43).status, q.outcome(0.4318).status
    ('unattempted', 'correct', 'correct')
    >>> with language("en"):
    ...     q.outcome(0.076).reason, q.outcome(0.076).mistake
    ('That is the share of customers; the question asks for revenue.', 'customer_share')
    >>> with language("en"):
    ...     q.outcome(float("nan")).reason[:28]
    'This is not a valid number: '

In a notebook the student writes ``revenue_share = ...`` and runs ``q.check()`` (the answer is read
from the notebook's variables) or ``q.check(answer)``; ``q.hint()``, ``q.hint(2)``, ``q.solution()``.
``check()`` never raises: it reports correct, incorrect (with the diagnosis), not attempted, or — for
discussion questions — open. Expected values are callables, evaluated when an answer is judged, so
importing a chapter loads no data. Marks are characters every CJK font has (√ × ○), not emoji.
"""
from __future__ import annotations

import copy
import math
import numbers
import re
import sys
from dataclasses import dataclass, field
from html import escape
from typing import Any, Callable

from helpers.i18n import LANGUAGES, get_language, label, t
from helpers.validation import ParameterError

Text = dict  # {"zh": ..., "en": ...}


class _Blank:
    """The placeholder students replace: ``answer = ____``."""

    def __repr__(self) -> str:
        return "____"


____ = _Blank()


@dataclass(frozen=True)
class Outcome:
    """The result of checking one answer: ``status`` (correct / incorrect / unattempted / open / error),
    the ``reason`` shown to the student and, for a recognised mistake, its id.

    >>> Outcome("incorrect", "too high").passed, Outcome("correct").passed
    (False, True)
    """

    status: str
    reason: str = ""
    mistake: str | None = None

    @property
    def passed(self) -> bool:
        return self.status == "correct"


def _require(name: str, value, description_key: str, ok: bool) -> None:
    if not ok:
        raise ParameterError(name, t(description_key), value)


def _check_text(name: str, value) -> None:
    """A text in every language (``{"zh": …, "en": …}``)."""
    _require(name, value, "ex_decl_text", isinstance(value, dict) and all(value.get(lang) for lang in LANGUAGES))


@dataclass(frozen=True)
class Mistake:
    """A typical wrong answer and the message that names it ("这是客户占比，题目问的是收入占比").

    Declare the wrong ``answer`` (a callable giving it, compared at the problem's precision) or a
    ``test`` (``test(answer, expected) -> bool``); ``message`` is shown when the student's answer
    is this mistake, ``id`` is recorded in the :class:`Outcome`.

    >>> m = Mistake("mean", answer=lambda: 3.5, message={"zh": "这是平均数。", "en": "That is the mean."})
    >>> m.id, m.answer()
    ('mean', 3.5)
    """

    id: str
    message: Text
    answer: Callable[[], Any] | None = None
    test: Callable[[Any, Any], bool] | None = None

    def __post_init__(self):
        _check_text("message", self.message)
        _require("answer", self.answer, "ex_decl_mistake", (self.answer is None) != (self.test is None))
        for name in ("answer", "test"):
            value = getattr(self, name)
            _require(name, value, "ex_decl_callable", value is None or callable(value))


def _looks_like_percent(got, want) -> bool:
    return _finite(want) and want != 0 and math.isclose(got / 100, want, rel_tol=0.02)


#: The answer given in percent (43.2) where the question asks for a share (0.432).
AS_PERCENT = Mistake("percent", test=_looks_like_percent,
                     message={lang: t("ex_mistake_percent", lang=lang) for lang in LANGUAGES})


# --- showing feedback ------------------------------------------------------------------------------

_COLOURS = {"correct": "#1a7f37", "incorrect": "#cf222e", "unattempted": "#9a6700", "open": "#0969da",
            "error": "#9a6700", "hint": "#8250df", "solution": "#57606a"}
#: Marks drawn from the shipped CJK font (helpers/fonts), so they show without an emoji font.
MARKS = {"correct": "√", "incorrect": "×", "unattempted": "○", "open": "◎", "error": "△", "hint": "※",
         "solution": "▶"}


def _sentences(*parts: str) -> str:
    """Sentences joined as the language writes them: a space after Latin text, none after full-width punctuation.

    >>> _sentences("不对。", "看提示。"), _sentences("Wrong.", "See the hint.")
    ('不对。看提示。', 'Wrong. See the hint.')
    """
    out = ""
    for part in (p.strip() for p in parts if p and p.strip()):
        out += ("" if not out or out[-1] in "。！？：；）」”" else " ") + part
    return out


def _text(value: Text | str | None) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else value[get_language()]


def _inline_html(text: str) -> str:
    """Escape text, show `code` spans as code and **bold** as bold, and keep line breaks."""
    parts = re.split(r"`([^`]+)`", escape(text))
    html = "".join(f"<code>{p}</code>" if i % 2 else re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", p)
                   for i, p in enumerate(parts))
    return html.replace("\n", "<br>")


def _plain(text: str) -> str:
    """The text as a terminal shows it: markdown bold marks dropped."""
    return re.sub(r"\*\*(.+?)\*\*", r"\1", text)


def highlight(code: str) -> str:
    """Python code as a syntax-coloured HTML block (pygments, inline styles).

    >>> highlight("x = 1").startswith("<div")
    True
    """
    from pygments import highlight as render
    from pygments.formatters import HtmlFormatter
    from pygments.lexers import PythonLexer

    return render(code, PythonLexer(), HtmlFormatter(noclasses=True, style="default"))


@dataclass(frozen=True)
class Feedback:
    """One message of an exercise — a verdict, a hint or a solution — shown as coloured HTML in a
    notebook and as plain text elsewhere (its ``repr``).

    >>> from helpers.i18n import language
    >>> with language("en"):
    ...     print(repr(Feedback("incorrect", "Not yet", "Your answer is too high.")))
    × Not yet: Your answer is too high.
    """

    kind: str
    title: str
    body: str = ""
    code: str = ""

    def __repr__(self) -> str:
        head, body = f"{MARKS[self.kind]} {self.title}", _plain(self.body)
        if self.code or "\n" in body:
            return "\n".join(part for part in (head, self.code, body) if part)
        return head + (t("ex_title_sep") + body if body else "")

    def _repr_html_(self) -> str:
        colour = _COLOURS[self.kind]
        head = f'<b style="color:{colour}">{MARKS[self.kind]} {escape(self.title)}</b>'
        code = highlight(self.code) if self.code else ""
        body = _inline_html(self.body)
        box = f'<div style="border-left:3px solid {colour};padding:2px 10px;font-family:sans-serif">'
        if code or "\n" in self.body:
            return f"{box}{head}{code}<div>{body}</div></div>"
        return f"{box}{head} {body}</div>"


def _classroom(event: str, problem: "Problem", *args) -> str | None:
    """Tell the progress recorder (:mod:`helpers.teaching.classroom.hooks`) what just happened: outcomes
    only, never the answer. For ``"solution"`` it returns the text to show instead (held back until the
    trainer releases it), or None. Recording never breaks an exercise."""
    try:
        from helpers.teaching.classroom import hooks

        return hooks.notify(event, problem, *args)
    except Exception:  # pragma: no cover - recording is best effort
        return None


def _emit(message: Feedback) -> None:
    """Display in a notebook (HTML and text), print elsewhere."""
    try:
        from IPython import get_ipython
        from IPython.display import display

        shell = get_ipython()
    except ImportError:  # pragma: no cover - IPython ships with the kit
        shell = None
    if shell is not None:
        display(message)
    else:
        print(repr(message))


# --- reading answers -------------------------------------------------------------------------------

def _is_number(value) -> bool:
    """A real number, NumPy scalars included (``series.sum()`` gives ``numpy.int64``); not a bool."""
    import numpy as np

    return (isinstance(value, numbers.Real) and not isinstance(value, (bool, np.bool_))) or (
        isinstance(value, numbers.Number) and not isinstance(value, numbers.Complex))


def _finite(value) -> bool:
    try:
        return math.isfinite(value)
    except (TypeError, OverflowError):
        return False


def _kind(value) -> str:
    """What a container is, in words of the active language."""
    import numpy as np
    import pandas as pd

    for types, key in (((pd.DataFrame,), "ex_kind_frame"), ((pd.Series, pd.Index), "ex_kind_series"),
                       ((np.ndarray,), "ex_kind_array"), ((dict,), "ex_kind_dict"), ((tuple,), "ex_kind_tuple"),
                       ((set, frozenset), "ex_kind_set"), ((list,), "ex_kind_list")):
        if isinstance(value, types):
            return t(key)
    return type(value).__name__


def _shown(value, limit: int = 40) -> str:
    """A short repr of a value for a message (NumPy scalars as plain numbers)."""
    if hasattr(value, "item") and getattr(value, "ndim", None) == 0:
        value = value.item()
    text = repr(value)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _number_or_reason(answer) -> tuple[float | None, str | None, str | None]:
    """(the answer as a float, None, None), or (None, why it is not a valid number, mistake id)."""
    import numpy as np
    import pandas as pd

    if answer is None:
        return None, t("ex_none"), "invalid"
    if isinstance(answer, (bool, np.bool_)):
        return None, t("ex_bool"), "invalid"
    if isinstance(answer, str):
        try:
            float(answer.replace(",", "").strip().rstrip("%"))
            return None, t("ex_text_number", got=_shown(answer)), "invalid"
        except ValueError:
            return None, t("ex_text", got=_shown(answer)), "invalid"
    if isinstance(answer, (list, tuple, set, frozenset, dict, np.ndarray, pd.Series, pd.Index, pd.DataFrame)):
        size = answer.size if isinstance(answer, (np.ndarray, pd.DataFrame)) else len(answer)
        key = "ex_one_value" if size == 1 else "ex_many_values"
        return None, t(key, kind=_kind(answer), n=size), "invalid"
    if answer is pd.NA or answer is pd.NaT:
        return None, t("ex_invalid_number", why=t("ex_nan")), "invalid"
    if not _is_number(answer):
        return None, t("ex_want_number", got=type(answer).__name__), "invalid"
    try:
        got = float(answer)
    except OverflowError:
        return None, t("ex_invalid_number", why=t("ex_huge")), "invalid"
    except (TypeError, ValueError):
        return None, t("ex_want_number", got=type(answer).__name__), "invalid"
    if math.isnan(got):
        return None, t("ex_invalid_number", why=t("ex_nan")), "invalid"
    if math.isinf(got):
        return None, t("ex_invalid_number", why=t("ex_inf")), "invalid"
    return got, None, None


# --- problems --------------------------------------------------------------------------------------

@dataclass(kw_only=True)
class Problem:
    """Base class: a named answer variable, the question, hints, a model answer and a way to judge.

    Subclasses implement :meth:`judge` (given the answer and the reference; ``None`` when correct,
    else an :class:`Outcome`).
    ``model_answer`` is the solution code, written once: the chapter's solution cell is this code
    (``Chapter.exercise``) and ``solution()`` shows it highlighted, followed by ``explanation``.

    >>> from helpers.teaching.exercises.core import ThoughtProblem
    >>> isinstance(ThoughtProblem(var="idea", explanation={"zh": "…", "en": "…"}), Problem)
    True
    """

    var: str = "answer"
    question: Text | None = None
    hints: list[Text] = field(default_factory=list)
    model_answer: str = ""
    explanation: Text | None = None
    mistakes: list[Mistake] = field(default_factory=list)

    def __post_init__(self):
        if self.question is not None:
            _check_text("question", self.question)
        for hint in self.hints:
            _check_text("hints", hint)
        if self.explanation is not None:
            _check_text("explanation", self.explanation)
        _require("mistakes", self.mistakes, "ex_decl_mistakes",
                 isinstance(self.mistakes, list) and all(isinstance(m, Mistake) for m in self.mistakes))

    # -- naming and text -------------------------------------------------------------------------

    @property
    def name(self) -> str:
        """``ch03.q1`` for a problem of a chapter module (how students call it), else its variable."""
        for module_name, module in list(sys.modules.items()):
            if module_name.startswith("helpers.teaching.exercises.ch"):
                for attr, obj in vars(module).items():
                    if obj is self:
                        return f"{module_name.rsplit('.', 1)[1]}.{attr}"
        return self.var

    def _call(self, method: str) -> str:
        return f"{self.name}.{method}"

    def _pointer(self) -> str:
        """The sentence that sends a student to the hints."""
        return t("ex_hint_pointer", call=self._call("hint()")) if self.hints else ""

    def precision_note(self) -> Text:
        """What the question adds about the precision expected (empty unless numeric with decimals)."""
        return {lang: "" for lang in LANGUAGES}

    def prompt(self, lang: str | None = None) -> str:
        """The question as the notebook asks it, with the precision expected (markdown).

        >>> q = ValueProblem(var="x", expected=lambda: 0.5, decimals=2,
        ...                  question={"zh": "比例是多少？", "en": "What is the share?"})
        >>> q.prompt("en")
        'What is the share? Round to 2 decimal places.'
        """
        lang = lang or get_language()
        return (self.question or {}).get(lang, "") + self.precision_note()[lang]

    # -- judging ---------------------------------------------------------------------------------

    def reference(self) -> Any:
        """A correct answer (tests check that it passes)."""
        return self.expected()

    def judge(self, answer: Any, want: Any) -> Outcome | None:  # pragma: no cover - abstract
        raise NotImplementedError

    def _wrong(self, reason: str, mistake: str | None = None, pointer: bool = False) -> Outcome:
        return Outcome("incorrect", _sentences(reason, self._pointer() if pointer else ""), mistake)

    def outcome(self, answer: Any) -> Outcome:
        """Judge ``answer`` without displaying anything; never raises."""
        if isinstance(answer, _Blank):
            return Outcome("unattempted", t("ex_unattempted", var=self.var))
        try:
            want = self.reference()
        except Exception as exc:  # the reference data failed: not the student's fault
            from helpers.errors import DataError

            why = str(exc) if isinstance(exc, DataError) else t("ex_reference_failed")
            return Outcome("error", t("ex_check_failed", why=why))
        try:
            verdict = self.judge(answer, want)
        except Exception:  # a student's answer may be anything: report, never raise
            return self._wrong(t("ex_unusable", got=type(answer).__name__), "invalid")
        if verdict is None:
            return Outcome("correct", _text(self.explanation) or t("ex_correct"))
        return verdict

    def _answer_from_caller(self) -> Any:
        """The notebook variable named ``var`` (the student's answer), or the blank."""
        import __main__

        return getattr(__main__, self.var, _UNDEFINED)

    def check(self, answer: Any = ____) -> None:
        """Show whether the answer is correct (reads the variable ``var`` when no answer is given)."""
        try:
            if isinstance(answer, _Blank):
                answer = self._answer_from_caller()
            if answer is _UNDEFINED:
                result = Outcome("unattempted", t("ex_undefined", var=self.var))
            else:
                result = self.outcome(answer)
            _classroom("check", self, answer, result)
            _emit(Feedback(result.status, t(f"ex_title_{result.status}"), result.reason))
        except Exception:  # pragma: no cover - display itself failed; say so in plain text
            print(t("ex_title_error"))

    def hint(self, n: int = 1) -> None:
        """Show hint ``n`` (1 = gentlest; the last one is still not the full solution)."""
        try:
            if not self.hints:
                _emit(Feedback("hint", t("ex_no_hint")))
                return
            n = min(max(int(n), 1), len(self.hints))
            _classroom("hint", self, n)
            more = (t("ex_more_hints", call=self._call(f"hint({n + 1})")) if n < len(self.hints)
                    else t("ex_last_hint", call=self._call("solution()")))
            _emit(Feedback("hint", t("ex_title_hint", n=n, total=len(self.hints)),
                           _text(self.hints[n - 1]) + "\n" + more))
        except Exception:  # pragma: no cover
            print(t("ex_no_hint"))

    def solution_code(self) -> str:
        """The model answer's code (what the chapter's solution cell runs)."""
        return self.model_answer

    def solution_explanation(self) -> str:
        """Why the model answer is right, in the active language."""
        return _text(self.explanation)

    def solution(self) -> None:
        """Show the model answer as highlighted code, followed by its explanation (in a class server:
        once the trainer has released it; until then, a note that it is held back)."""
        try:
            held = _classroom("solution", self)
            if held is not None:
                _emit(Feedback("solution", t("ex_title_solution"), held))
                return
            code, why = self.solution_code(), self.solution_explanation()
            _emit(Feedback("solution", t("ex_title_solution"), why or ("" if code else t("ex_no_solution")), code))
        except Exception:  # pragma: no cover
            print(t("ex_no_solution"))

    # -- for tests -------------------------------------------------------------------------------

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


class _Undefined:
    """The notebook has no variable of that name yet."""


_UNDEFINED = _Undefined()


def _require_expected(problem) -> None:
    _require("expected", problem.expected, "ex_decl_expected", callable(problem.expected))


@dataclass(kw_only=True)
class ValueProblem(Problem):
    """A number, accepted at the precision the question states (``decimals`` after the point;
    ``None``: exactly, for counts), or any other value compared with ``==``.

    Checking order: not a valid number (NaN, inf, 10**400, text, a list…) → correct → a declared
    mistake → right but too rough → outside 0–1 where the question asks for a share (it declares
    :data:`AS_PERCENT`) → too high / too low with a pointer to the hints.

    >>> q = ValueProblem(var="n", expected=lambda: 328,
    ...                  mistakes=[Mistake("111", answer=lambda: 330, message={"zh": "这是 111 的人数。",
    ...                                                                      "en": "That is the count of 111."})])
    >>> [q.outcome(a).status for a in (328, 328.0, 330, 10**400)]
    ['correct', 'correct', 'incorrect', 'incorrect']
    >>> ValueProblem(var="x")
    Traceback (most recent call last):
    TypeError: ValueProblem.__init__() missing 1 required keyword-only argument: 'expected'
    """

    expected: Callable[[], Any]
    decimals: int | None = None

    def __post_init__(self):
        super().__post_init__()
        _require_expected(self)
        _require("decimals", self.decimals, "ex_decl_decimals",
                 self.decimals is None or (isinstance(self.decimals, int) and 0 <= self.decimals <= 12))

    def precision_note(self) -> Text:
        if self.decimals is None:
            return super().precision_note()
        key = {0: "ex_precision_whole", 1: "ex_precision_one"}.get(self.decimals, "ex_precision")
        return {lang: t(key, lang=lang, decimals=self.decimals) for lang in LANGUAGES}

    def _tolerance(self, want: float) -> float:
        if self.decimals is not None:
            return 0.5 * 10 ** -self.decimals + 1e-9 * max(1.0, abs(want))
        return 0.0 if float(want).is_integer() else 1e-9 * max(1.0, abs(want))

    def _close(self, got: float, want: float) -> bool:
        return abs(got - float(want)) <= self._tolerance(float(want))

    def _too_rough(self, got: float, want: float) -> bool:
        """The right value rounded to fewer decimals than asked (0.4 or 0.43 for 0.4318 at 3 decimals)."""
        return self.decimals is not None and any(
            abs(got - round(float(want), k)) <= 1e-9 * max(1.0, abs(want)) for k in range(self.decimals))

    def _mistake_matches(self, mistake: Mistake, answer, got, want) -> bool:
        if mistake.test is not None:
            return bool(mistake.test(got if got is not None else answer, want))
        wrong = mistake.answer()
        if got is not None and _is_number(wrong):
            return self._close(got, float(wrong))
        return answer == wrong

    def judge(self, answer, want):
        if not _is_number(want):
            if answer == want:
                return None
            for mistake in self.mistakes:
                if self._mistake_matches(mistake, answer, None, want):
                    return self._wrong(_text(mistake.message), mistake.id)
            return self._wrong(t("ex_wrong_value", got=_shown(answer)), pointer=True)
        got, invalid, mistake_id = _number_or_reason(answer)
        if invalid:
            return self._wrong(invalid, mistake_id)
        if self._close(got, want):
            return None
        for mistake in self.mistakes:
            if self._mistake_matches(mistake, answer, got, want):
                return self._wrong(_text(mistake.message), mistake.id)
        if self._too_rough(got, want):
            return self._wrong(t("ex_too_rough", decimals=self.decimals), "precision")
        if abs(got) > 1e12 * max(1.0, abs(float(want))):
            return self._wrong(t("ex_invalid_number", why=t("ex_huge")), "invalid")
        if not 0 <= got <= 1 and any(m.id == AS_PERCENT.id for m in self.mistakes):   # a share question
            return self._wrong(t("ex_not_a_share", got=_shown(answer)), "not_a_share", pointer=True)
        return self._wrong(t("ex_too_high") if got > want else t("ex_too_low"), pointer=True)


def _items_of(answer) -> list | None:
    """An answer of several items as a list (list, tuple, set, Index, Series, array), else None."""
    import numpy as np
    import pandas as pd

    if isinstance(answer, (list, tuple)):
        return list(answer)
    if isinstance(answer, (set, frozenset)):
        return sorted(answer, key=str)
    if isinstance(answer, (pd.Index, pd.Series, np.ndarray)):
        return [x.item() if hasattr(x, "item") else x for x in list(answer)]
    return None


def signed(value: float, decimals: int = 2) -> str:
    """A number with its sign and a true minus sign, as feedback shows gaps: ``−1.28``, ``+0.10``.

    >>> signed(-1.2802), signed(0.0982)
    ('−1.28', '+0.10')
    """
    return f"{value:+.{decimals}f}".replace("-", "−")


def _listing(items) -> str:
    return t("ex_list_sep").join(_shown(i) for i in items)


@dataclass(kw_only=True)
class ItemsProblem(Problem):
    """Several items (ids) as a list; feedback names the items missing and the items extra.

    >>> from helpers.i18n import language
    >>> q = ItemsProblem(var="vital_few", expected=lambda: ["delivery", "quality", "returns"])
    >>> with language("en"):
    ...     print(q.outcome(["delivery", "billing"]).reason)
    Missing (2): 'quality', 'returns'. Not part of the answer (1): 'billing'.
    """

    expected: Callable[[], list]
    ignore_order: bool = True

    def __post_init__(self):
        super().__post_init__()
        _require_expected(self)

    def judge(self, answer, want):
        want = list(want)
        items = _items_of(answer)
        if items is None:
            key = "ex_items_text" if isinstance(answer, str) else "ex_items_type"
            return self._wrong(t(key, got=_shown(answer) if isinstance(answer, str) else _kind(answer),
                                 example=_shown(want[:2])), "invalid")
        if not items:
            return self._wrong(t("ex_items_empty", n=len(want)), "invalid", pointer=True)
        doubled = sorted({i for i in items if items.count(i) > 1}, key=str)
        if doubled:
            return self._wrong(t("ex_items_duplicate", items=_listing(doubled)), "duplicate")
        if set(items) == set(want):
            if self.ignore_order or items == want:
                return None
            return self._wrong(t("ex_items_order"), "order", pointer=True)
        for mistake in self.mistakes:
            if mistake.test is not None and mistake.test(items, want):
                return self._wrong(_text(mistake.message), mistake.id)
            if mistake.answer is not None and set(items) == set(mistake.answer()):
                return self._wrong(_text(mistake.message), mistake.id)
        missing = [i for i in want if i not in items]
        extra = [i for i in items if i not in want]
        parts = ([t("ex_items_missing", n=len(missing), items=_listing(missing))] if missing else []) + (
            [t("ex_items_extra", n=len(extra), items=_listing(extra))] if extra else [])
        return self._wrong(_sentences(*parts), pointer=True)


def _resolve(value):
    return value() if callable(value) else value


@dataclass(kw_only=True)
class ChoiceProblem(Problem):
    """A single-choice question: the answer is one option id. Every wrong option carries the
    reason it is wrong (``reasons``: option id → text, or a callable computing them from the data).

    >>> from helpers.i18n import language
    >>> q = ChoiceProblem(var="c", expected=lambda: "b",
    ...                   options={"a": {"zh": "甲", "en": "A"}, "b": {"zh": "乙", "en": "B"}},
    ...                   reasons={"a": {"zh": "甲只看金额。", "en": "A looks at spend only."}})
    >>> with language("en"):
    ...     q.outcome("a").reason, q.outcome("b").status
    ("You chose 'a' (A): A looks at spend only.", 'correct')
    """

    expected: Callable[[], Any]
    options: dict = field(default_factory=dict)
    reasons: dict | Callable[[], dict] = field(default_factory=dict)

    def __post_init__(self):
        super().__post_init__()
        _require_expected(self)
        _require("options", self.options, "ex_decl_options", isinstance(self.options, dict) and len(self.options) >= 2)
        for option in self.options.values():
            _check_text("options", option)
        if isinstance(self.reasons, dict):
            _require("reasons", self.reasons, "ex_decl_reasons", set(self.reasons) <= set(self.options))
            for reason in self.reasons.values():
                _check_text("reasons", reason)

    def option_label(self, option) -> str:
        """``'rank_first' (equal-size bins of the rank)`` in the active language."""
        return t("ex_option", id=repr(option), label=_text(self.options[option]))

    def _menu(self) -> str:
        return t("ex_list_sep").join(self.option_label(o) for o in self.options)

    def judge(self, answer, want):
        try:
            known = answer in self.options
        except TypeError:      # unhashable: a list, a dict …
            known = False
        if not known:
            if not isinstance(answer, str):
                return self._wrong(t("ex_choice_type", got=_kind(answer), options=self._menu()), "invalid")
            named = [o for o, text in self.options.items()
                     if answer.strip().lower() in {text[lang].strip().lower() for lang in LANGUAGES}]
            if named:
                return self._wrong(t("ex_choice_label", got=_shown(answer), option=repr(named[0])), "label")
            return self._wrong(t("ex_not_an_option", got=_shown(answer), options=self._menu()), "invalid")
        if answer == want:
            return None
        for mistake in self.mistakes:
            if (mistake.answer is not None and mistake.answer() == answer) or (
                    mistake.test is not None and mistake.test(answer, want)):
                return self._wrong(_text(mistake.message), mistake.id, pointer=True)
        reason = _resolve(self.reasons).get(answer)
        return self._wrong(t("ex_wrong_option", choice=self.option_label(answer), reason=_text(reason)),
                           str(answer), pointer=True)


def meaning_reasons(key: dict, meanings: dict, options) -> Callable[[str, Any], Text]:
    """Card reasons from what each class means: the card's class and, for a wrong choice, what that class is.

    ``key`` maps card → class, ``meanings`` class → text, ``options`` class → label text (or a
    callable giving them). For quizzes whose cards carry no data a rule could be computed from.

    >>> why = meaning_reasons({"R1": "rel_transaction"},
    ...                       {"rel_transaction": {"zh": "每次交易各自独立", "en": "each sale stands alone"},
    ...                        "rel_partnership": {"zh": "共同计划、共同投入", "en": "joint plans and investment"}},
    ...                       catalogue_options(["rel_transaction", "rel_partnership"]))
    >>> why("R1", "rel_partnership")["en"]
    '“Transactional”: each sale stands alone. “Partnership” is: joint plans and investment.'
    """
    def reason(card, chosen=None) -> Text:
        labels, right = _resolve(options), key[card]
        out = {}
        for lang in LANGUAGES:
            text = t("ex_class_meaning", lang=lang, label=labels[right][lang], meaning=meanings[right][lang])
            if chosen in meanings and chosen != right:
                text = _sentences(text, t("ex_class_meaning_other", lang=lang, label=labels[chosen][lang],
                                         meaning=meanings[chosen][lang]))
            out[lang] = text
        return out

    return reason


def catalogue_options(ids, labels=label) -> dict:
    """Options ``{id: {"zh": label, "en": label}}`` from the catalogue labels of ``ids`` (or a
    ``labels`` function such as ``state_labels``), for a question whose classes are kit ids.

    >>> catalogue_options(["tier_diamond"])["tier_diamond"]["zh"]
    '金钻客户'
    """
    from helpers.i18n import language

    out = {}
    for i in ids:
        texts = {}
        for lang in LANGUAGES:
            with language(lang):
                texts[lang] = str(labels([i])[0])
        out[i] = texts
    return out


@dataclass(kw_only=True)
class ClassificationProblem(Problem):
    """Put every card (item) in a class: the answer maps card id → class id (``quiz.answers``).

    Feedback: nothing answered → not attempted; partly answered → "n of m answered"; then, for every
    wrong card, the class it belongs to and why (``reasons(card, chosen)`` computes it from the
    card's data, or ``reasons`` maps card → text). A declared mistake is named when every wrong card
    follows it and they are at least half of the cards it gets wrong. ``options`` are the classes (id → label text);
    ``cards`` (dicts with ``id`` and ``text``, or a callable giving them) make :meth:`quiz`. The
    model answer and its explanation are generated from the answer key and the reasons.

    >>> from helpers.i18n import language
    >>> q = ClassificationProblem(var="styles", expected=lambda: {"P1": "style_driver", "P2": "style_amiable"},
    ...                           options=catalogue_options(["style_driver", "style_amiable"]),
    ...                           reasons={"P1": {"zh": "说 + 克制。", "en": "Tells, controlled."},
    ...                                    "P2": {"zh": "问 + 外露。", "en": "Asks, emotional."}})
    >>> with language("en"):
    ...     q.outcome({}).status, q.outcome({"P1": "style_amiable"}).reason.splitlines()[0]
    ('unattempted', '1 of 2 cards answered; still to answer: P2.')
    """

    expected: Callable[[], dict]
    options: dict | Callable[[], dict] = field(default_factory=dict)
    cards: list | Callable[[], list] | None = None
    reasons: dict | Callable[[str, Any], Text] = field(default_factory=dict)

    def __post_init__(self):
        super().__post_init__()
        _require_expected(self)

    def _options(self) -> dict:
        return _resolve(self.options)

    @property
    def quiz_var(self) -> str:
        """The notebook variable of this problem's quiz: ``quiz_q4`` for ``ch03.q4``."""
        return "quiz_" + self.name.rsplit(".", 1)[-1]

    def prompt(self, lang: str | None = None) -> str:
        """The question, then how to hand the quiz's answers to the check."""
        lang = lang or get_language()
        return _sentences(super().prompt(lang), t("ex_quiz_instruction", lang=lang, answers=self.var, quiz=self.quiz_var))

    def class_label(self, cls) -> str:
        options = self._options()
        return _text(options[cls]) if cls in options else str(label(str(cls)))

    def reason(self, item, chosen=None) -> str:
        """Why ``item`` belongs to its class (and, given ``chosen``, why not to that one), as a sentence."""
        text = _text(self.reasons(item, chosen) if callable(self.reasons) else self.reasons.get(item))
        return text[:1].upper() + text[1:]

    def item_marks(self, answers: dict) -> dict:
        """Card id → True (right), False (wrong) or None (not answered)."""
        want = self.expected()
        return {item: (answers[item] == cls) if answers.get(item) not in (None, "") else None
                for item, cls in want.items()}

    def judge(self, answer, want):
        import pandas as pd

        if isinstance(answer, pd.Series):
            answer = answer.to_dict()
        if not isinstance(answer, dict):
            return self._wrong(t("ex_quiz_type", got=_kind(answer) if not isinstance(answer, str) else _shown(answer),
                                 quiz=self.quiz_var),
                               "invalid")
        answers = {str(k): v for k, v in answer.items() if v not in (None, "")}
        if not answers:
            return Outcome("unattempted", t("ex_quiz_unattempted", total=len(want), var=self.var, quiz=self.quiz_var))
        unknown = [k for k in answers if k not in want]
        if unknown:
            return self._wrong(t("ex_quiz_unknown_items", items=_listing(unknown), valid=_listing(want)), "invalid")
        options = self._options()
        strange = [(k, v) for k, v in answers.items() if options and v not in options]
        if strange:
            item, got = strange[0]
            return self._wrong(t("ex_quiz_unknown_class", item=item, got=_shown(got), options=_listing(options)), "invalid")
        missing = [k for k in want if k not in answers]
        wrong = [k for k in want if k in answers and answers[k] != want[k]]
        if not missing and not wrong:
            return None
        lines, mistake_id = [], ("incomplete" if missing and not wrong else None)
        if missing:
            lines.append(t("ex_quiz_partial", n=len(want) - len(missing), total=len(want),
                           items=t("ex_list_sep").join(map(str, missing))))
        if wrong:
            for mistake in self.mistakes:
                if mistake.answer is not None:
                    key = mistake.answer()
                    pattern = [k for k in want if key.get(k) != want[k]]      # the cards this mistake gets wrong
                    matches = all(answers[k] == key.get(k) for k in wrong) and 2 * len(wrong) >= len(pattern)
                else:
                    matches = mistake.test(answers, want)
                if matches:
                    lines.append(_text(mistake.message))
                    mistake_id = mistake.id
                    break
            lines.append(t("ex_quiz_wrong", n=len(wrong), answered=len(answers)))
            lines += [t("ex_quiz_item", item=k, chosen=self.class_label(answers[k]), right=self.class_label(want[k]),
                        reason=self.reason(k, answers[k])).strip() for k in wrong]
        elif missing:
            lines.append(t("ex_quiz_answered_right", n=len(answers)))
        return Outcome("incorrect", "\n".join(lines), mistake_id)

    def solution_code(self) -> str:
        if self.model_answer:
            return self.model_answer
        pairs = [f"{k!r}: {v!r}" for k, v in self.expected().items()]
        lines, line = [], ""
        for pair in pairs:
            if line and len(line) + len(pair) > 90:
                lines.append(line.rstrip())
                line = ""
            line += pair + ", "
        lines.append(line.rstrip(", "))
        indent = " " * (len(self.var) + 4)
        return f"{self.var} = {{" + ("\n" + indent).join(lines) + "}"

    def solution_explanation(self) -> str:
        if self.explanation is not None:
            return _text(self.explanation)
        return "\n".join(t("ex_quiz_solution_item", item=k, right=self.class_label(v), reason=self.reason(k)).strip()
                         for k, v in self.expected().items())

    def quiz(self):
        """The cards as a :class:`~helpers.teaching.widgets.ClassificationQuiz` judged by this problem."""
        from helpers.teaching.widgets.quiz import ClassificationQuiz

        options = self._options()
        return ClassificationQuiz(_resolve(self.cards), classes=list(options), problem=self,
                                  labels=[_text(text) for text in options.values()])


@dataclass(kw_only=True)
class FrameProblem(Problem):
    """A DataFrame or Series; ``ignore_order`` compares after sorting rows by index.

    >>> import pandas as pd
    >>> q = FrameProblem(var="s", expected=lambda: pd.Series([1.0, 2.0]))
    >>> q.outcome(pd.Series([1.0, 2.0])).status, q.outcome(pd.Series([1.0, 5.0])).status
    ('correct', 'incorrect')
    """

    expected: Callable[[], Any]
    ignore_order: bool = True
    rel_tol: float = 1e-6

    def __post_init__(self):
        super().__post_init__()
        _require_expected(self)

    def judge(self, answer, want):
        import numpy as np
        import pandas as pd

        if not isinstance(answer, type(want)):
            return self._wrong(t("ex_want_type", want=_kind(want), got=_kind(answer)), "invalid")
        if isinstance(want, pd.DataFrame) and set(answer.columns) != set(want.columns):
            return self._wrong(t("ex_columns", want=t("ex_list_sep").join(map(str, want.columns)),
                                 got=t("ex_list_sep").join(map(str, answer.columns))), "columns")
        if len(answer) != len(want):
            return self._wrong(t("ex_length", want=len(want), got=len(answer)), "length", pointer=True)
        a, w = (answer.sort_index(), want.sort_index()) if self.ignore_order else (answer, want)
        if not a.index.equals(w.index):
            return self._wrong(t("ex_index"), "index", pointer=True)
        if isinstance(want, pd.DataFrame):
            a = a[list(want.columns)]
        a, w = pd.DataFrame(a), pd.DataFrame(w)
        for column in w.columns:
            got, exp = a[column].to_numpy(), w[column].to_numpy()
            if np.issubdtype(exp.dtype, np.number) and np.issubdtype(got.dtype, np.number):
                same = np.isclose(got.astype(float), exp.astype(float), rtol=self.rel_tol, equal_nan=True)
            else:
                same = got == exp
            if not same.all():
                row = int(np.flatnonzero(~same)[0])
                return self._wrong(t("ex_values_differ", n=int((~same).sum()), row=repr(w.index[row]),
                                     column=column, want=_shown(exp[row]), got=_shown(got[row])), pointer=True)
        return None


@dataclass(kw_only=True)
class FunctionProblem(Problem):
    """A function the student writes, checked on test cases ``[(args, expected), …]``; a case that
    raises is reported with the call and its arguments.

    >>> from helpers.i18n import language
    >>> q = FunctionProblem(var="margin", cases=lambda: [((100, 60), 0.4), ((0, 0), 0.0)],
    ...                     model=lambda revenue, cost: (revenue - cost) / revenue if revenue else 0.0)
    >>> with language("en"):
    ...     q.outcome(lambda revenue, cost: (revenue - cost) / revenue).reason
    'margin(0, 0) failed with ZeroDivisionError: look at what your function does with these arguments.'
    """

    cases: Callable[[], list[tuple[tuple, Any]]]
    model: Callable | None = None              # a correct implementation
    rel_tol: float = 1e-6

    def __post_init__(self):
        super().__post_init__()
        _require("cases", self.cases, "ex_decl_expected", callable(self.cases))

    def reference(self):
        return self.model

    def judge(self, answer, want):
        if not callable(answer):
            return self._wrong(t("ex_want_function", got=_kind(answer)), "invalid")
        for args, want in self.cases():
            call = f"{self.var}({', '.join(map(repr, args))})"
            try:
                got = answer(*copy.deepcopy(args))
            except Exception as exc:
                return self._wrong(t("ex_function_raised", call=call, error=type(exc).__name__), "raised")
            if got is None and want is not None:
                return self._wrong(t("ex_function_none", call=call), "no_return")
            if isinstance(want, float) and _is_number(got):
                same = math.isclose(float(got), want, rel_tol=self.rel_tol, abs_tol=1e-9)
            else:
                same = got == want
            if not same:
                return self._wrong(t("ex_function_case", call=call, want=_shown(want), got=_shown(got)), pointer=True)
        return None


@dataclass(kw_only=True)
class ThoughtProblem(Problem):
    """A question for discussion: no automatic check; ``solution()`` shows the model answer
    (``explanation``) after the discussion.

    >>> ThoughtProblem(var="idea", explanation={"zh": "参考答案", "en": "model answer"}).outcome("x").status
    'open'
    """

    def reference(self):
        return None

    def outcome(self, answer: Any = ____) -> Outcome:
        return Outcome("open", t("ex_open"))

    def check(self, answer: Any = ____) -> None:
        _classroom("check", self, answer, self.outcome(answer))
        _emit(Feedback("open", t("ex_title_open"), t("ex_open")))
