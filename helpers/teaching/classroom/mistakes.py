"""Declared typical mistakes: which wrong answer an incorrect check gave, as an id the board can count.

Exercises diagnose mistakes themselves: an incorrect ``Outcome`` carries the id of the declared
``Mistake`` it makes (for a multiple-choice question, the wrong option chosen). ``DECLARED`` gives some
of them a short label for the board; any other id is labelled with the first sentence of the
exercise's own message for it::

    >>> from helpers.teaching.exercises import ch00
    >>> diagnose(ch00.q4, 900.0, ("ch00", "q4")), diagnose(ch00.q4, 300.0, ("ch00", "q4"))
    ('no_discount', None)
    >>> mistake_label("ch00", "q4", "no_discount", "en"), mistake_label("ch00", "q2", "not_a_share", "zh")
    ('CLV without the discount rate (m·r/(1−r))', '比例不在 0–1 之间')
"""
from __future__ import annotations

# the kit's class server, not part of the analysis API (docs/vocabulary.md covers that)
__all__: list[str] = []

import re

TYPICAL = "typical"

DECLARED: dict[tuple[str, str], tuple[str, dict]] = {
    ("ch00", "q1"): ("rows_kept", {"zh": "填了保留行数，不是读取行数", "en": "rows kept instead of rows read"}),
    ("ch00", "q2"): ("over_kept", {"zh": "除以保留行数，不是读取行数", "en": "divided by rows kept, not rows read"}),
    ("ch00", "q3"): ("excl_cancellation", {"zh": "以为取消单最多", "en": "cancellations taken for the largest reason"}),
    ("ch00", "q4"): ("no_discount", {"zh": "CLV 忘了折现率（m·r/(1−r)）", "en": "CLV without the discount rate (m·r/(1−r))"}),
}

#: Mistakes every numeric exercise can diagnose (helpers.teaching.exercises.core), in the board's words.
FRAMEWORK = {
    "invalid": {"zh": "不是有效的数字（缺失值、无穷大、文本……）", "en": "not a valid number (missing, infinite, text…)"},
    "precision": {"zh": "数值对，但小数位不够", "en": "right value, too few decimals"},
    "not_a_share": {"zh": "比例不在 0–1 之间", "en": "a share outside 0–1"},
}
GENERIC = {"zh": "典型错误（见培训师指南“学员常见困难”）", "en": "the typical mistake (trainer guide, “where students stumble”)"}
OTHER = {"zh": "其他错误", "en": "other wrong answers"}


def diagnose(problem, answer, where: tuple[str, str]) -> str | None:
    """The id of the declared mistake ``answer`` makes, or None (never raises; the answer stays here)."""
    try:
        outcome = problem.outcome(answer)
    except Exception:
        return None
    return outcome.mistake if outcome.status == "incorrect" else None


def _own_label(chapter: str, exercise: str, mistake: str, lang: str) -> str | None:
    """The exercise's own words for a mistake: its message's first sentence, or the option chosen."""
    from helpers.teaching.exercises import chapter_problems

    try:
        problem = chapter_problems(chapter).get(exercise)
    except ImportError:
        return None
    for declared in getattr(problem, "mistakes", ()) or ():
        if declared.id == mistake and isinstance(declared.message, dict):
            text = declared.message.get(lang, "")
            first = re.split(r"(?<=[。！？])|(?<=[.!?])\s", text, maxsplit=1)[0]
            return first.strip() or None
    options = getattr(problem, "options", None)
    if isinstance(options, dict) and isinstance(options.get(mistake), dict):
        return options[mistake].get(lang)
    return None


def mistake_label(chapter: str, exercise: str, mistake: str | None, lang: str) -> str:
    """What the board calls a mistake id (the id itself when it is not declared here)."""
    if not mistake:
        return OTHER[lang]
    declared = DECLARED.get((chapter, exercise))
    if declared and declared[0] == mistake:
        return declared[1][lang]
    if mistake == TYPICAL:
        return GENERIC[lang]
    if mistake in FRAMEWORK:
        return FRAMEWORK[mistake][lang]
    try:
        return _own_label(chapter, exercise, mistake, lang) or mistake
    except Exception:
        return mistake
