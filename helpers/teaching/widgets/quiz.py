"""Classification quiz: one card per customer (or case), a class to pick for each, a Check button.

    >>> from helpers.teaching.widgets.quiz import ClassificationQuiz
    >>> quiz = ClassificationQuiz([{"id": "A", "text": "Bought yesterday, 12 orders, ¥9,000"}],
    ...                           classes=["champions", "lost"], expected={"A": "champions"})
    >>> quiz.dropdowns["A"].value = "champions"
    >>> quiz.check().score
    1

Cards are the rows of a DataFrame (id = index, every column shown) or dicts (``id`` optional;
``text`` may be ``{"zh": ..., "en": ...}``). The answer key is ``expected`` (card id → class id)
or a linked :class:`~helpers.teaching.exercises.core.ClassificationProblem` (``problem.quiz()``
builds the quiz from the problem's cards), so ``problem.check(quiz.answers)`` judges the same
answers. Check marks each card √ or × (characters of the shipped CJK font, no emoji) and explains
every wrong card: the class it belongs to and why. Nothing picked yet is "not attempted"; some
cards left open are "n of m answered".
"""
from __future__ import annotations

from dataclasses import dataclass
from html import escape

import pandas as pd

from helpers.i18n import LANGUAGES, get_language, label, t
from helpers.teaching.exercises.core import (MARKS, ClassificationProblem, Outcome, _classroom,
                                             _inline_html, catalogue_options)

__all__ = ["ClassificationQuiz"]

UNANSWERED = ""          # the value of the dropdown's "(choose)" entry
CARD_STYLE = ("border:1px solid #d0d7de;border-radius:6px;padding:6px 10px;margin:4px;"
              "min-width:180px;background:#f6f8fa")
_MARK_HTML = {True: f"<b style='color:#1a7f37'>{MARKS['correct']}</b>",
              False: f"<b style='color:#cf222e'>{MARKS['incorrect']}</b>", None: ""}


@dataclass(frozen=True)
class QuizFeedback:
    """Per-card verdict (True = right, False = wrong, None = not answered), score and the overall outcome.

    >>> quiz = ClassificationQuiz([{"id": "A", "text": "x"}, {"id": "B", "text": "y"}], ["lost", "new"],
    ...                           expected={"A": "lost", "B": "new"})
    >>> quiz.dropdowns["A"].value = "lost"
    >>> feedback = quiz.check()
    >>> feedback.marks, feedback.score, feedback.total
    ({'A': True, 'B': None}, 1, 2)
    """

    marks: dict
    score: int
    total: int
    outcome: Outcome


def _card_items(cards) -> dict[str, dict]:
    """Card id → the fields shown on the card, in the given order."""
    if isinstance(cards, pd.DataFrame):
        return {str(i): fields for i, fields in cards.to_dict("index").items()}   # keeps each column's type
    items = {}
    for n, card in enumerate(cards, start=1):
        fields = dict(card)
        items[str(fields.pop("id", n))] = fields
    return items


def _field_text(value) -> str:
    if isinstance(value, dict) and get_language() in value:
        return value[get_language()]
    return f"{value:,.2f}" if isinstance(value, float) else str(value)


def _card_html(card_id: str, fields: dict) -> str:
    """A small card: its id as heading, a free ``text`` as a paragraph, other fields as a table."""
    text = fields.get("text")
    rows = "".join(f"<tr><th style='text-align:left;padding-right:8px'>{escape(str(k))}</th>"
                   f"<td>{escape(_field_text(v))}</td></tr>" for k, v in fields.items() if k != "text")
    body = ((f"<p>{escape(_field_text(text))}</p>" if text is not None else "")
            + (f"<table>{rows}</table>" if rows else ""))
    return f'<div style="{CARD_STYLE}"><b>{escape(card_id)}</b>{body}</div>'


class ClassificationQuiz:
    """Pick a class for every card, then press Check (or call :meth:`check`).

    ``cards`` are the rows of a DataFrame or dicts (see the module); ``classes`` are class ids
    (labels in the active language are shown, or ``labels`` when given, e.g.
    ``state_labels(classes)`` for ids kept under a catalogue prefix); ``expected`` maps card id →
    class id, or ``problem`` (a ClassificationProblem whose expected value is that mapping) gives it.

    >>> from helpers.i18n import language
    >>> with language("en"):
    ...     quiz = ClassificationQuiz([{"id": "A", "text": "12 orders"}], ["champions", "lost"])
    >>> quiz.dropdowns["A"].options[1]
    ('Champions', 'champions')
    >>> quiz.check() is None             # no answer key: the quiz says so instead of scoring
    True
    """

    def __init__(self, cards, classes, *, expected: dict | None = None,
                 problem: ClassificationProblem | None = None, labels=None):
        import ipywidgets as w

        self.cards = _card_items(cards)
        self.classes = list(classes)
        shown = label(self.classes) if labels is None else list(labels)
        if problem is None and expected is not None:
            options = (catalogue_options(self.classes) if labels is None
                       else {c: {lang: text for lang in LANGUAGES} for c, text in zip(self.classes, shown)})
            key = dict(expected)
            problem = ClassificationProblem(var="answers", expected=lambda: key, options=options)
        self.problem = problem
        options = [(t("wd_quiz_choose"), UNANSWERED)] + list(zip(shown, self.classes))
        self.dropdowns = {cid: w.Dropdown(options=options, value=UNANSWERED, layout=w.Layout(width="180px"))
                          for cid in self.cards}
        self.marks = {cid: w.HTML() for cid in self.cards}
        self.button = w.Button(description=t("wd_quiz_check"), button_style="primary")
        self.button.on_click(lambda _: self.check())
        self.feedback = w.HTML()
        boxes = [w.VBox([w.HTML(_card_html(cid, fields)), w.HBox([self.dropdowns[cid], self.marks[cid]])])
                 for cid, fields in self.cards.items()]
        self.view = w.VBox([w.HBox(boxes, layout=w.Layout(flex_flow="row wrap")), self.button, self.feedback])
        self.result: QuizFeedback | None = None

    @property
    def answers(self) -> dict:
        """Card id → chosen class id, for the cards answered so far."""
        return {cid: d.value for cid, d in self.dropdowns.items() if d.value != UNANSWERED}

    def check(self) -> QuizFeedback | None:
        """Mark every card √ / ×, explain the wrong ones and return the feedback (None without an answer key)."""
        if self.problem is None:
            self.feedback.value = f"<p>{escape(t('wd_quiz_no_key'))}</p>"
            return None
        answers = self.answers
        outcome = self.problem.outcome(answers)
        marks = self.problem.item_marks(answers)
        for cid, mark in marks.items():
            if cid in self.marks:
                self.marks[cid].value = _MARK_HTML[mark]
        _classroom("quiz", self.problem, answers, outcome)      # progress: the outcome only
        score, total = sum(mark is True for mark in marks.values()), len(marks)
        self.result = QuizFeedback(marks, score, total, outcome)
        colour = {"correct": "#1a7f37", "unattempted": "#9a6700"}.get(outcome.status, "#cf222e")
        head = t("wd_quiz_score", score=score, total=total) if outcome.status != "unattempted" else ""
        self.feedback.value = (f"<div style='color:{colour}'><b>{MARKS[outcome.status]} "
                               f"{escape(t('ex_title_' + outcome.status))}</b> {escape(head)}"
                               f"<div>{_inline_html(outcome.reason)}</div></div>")
        return self.result

    def _ipython_display_(self):
        from IPython.display import display

        display(self.view)
