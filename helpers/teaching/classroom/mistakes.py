"""Declared typical mistakes: which wrong answer an incorrect check gave, as an id the board can count.

Today a problem declares one plausible wrong answer (``wrong=``, used by the kit's own tests); an
answer the problem's judge accepts against that wrong value is that mistake. ``DECLARED`` names it
(and labels it for the board) where the chapter has a name for it; any other problem with ``wrong=``
reports the id ``typical``. When exercises diagnose mistakes themselves (``Outcome.mistake``), their
id wins::

    >>> from helpers.teaching.exercises import ch00
    >>> diagnose(ch00.q4, 900.0, ("ch00", "q4")), diagnose(ch00.q4, 300.0, ("ch00", "q4"))
    ('no_discount', None)
    >>> mistake_label("ch00", "q4", "no_discount", "en")
    'CLV without the discount rate (m·r/(1−r))'
"""
from __future__ import annotations

# the kit's class server, not part of the analysis API (docs/vocabulary.md covers that)
__all__: list[str] = []

import dataclasses

TYPICAL = "typical"

DECLARED: dict[tuple[str, str], tuple[str, dict]] = {
    ("ch00", "q1"): ("rows_kept", {"zh": "填了保留行数，不是读取行数", "en": "rows kept instead of rows read"}),
    ("ch00", "q2"): ("share_of_kept", {"zh": "除以保留行数，不是读取行数", "en": "divided by rows kept, not rows read"}),
    ("ch00", "q3"): ("cancellations", {"zh": "以为取消单最多", "en": "cancellations taken for the largest reason"}),
    ("ch00", "q4"): ("no_discount", {"zh": "CLV 忘了折现率（m·r/(1−r)）", "en": "CLV without the discount rate (m·r/(1−r))"}),
}

GENERIC = {"zh": "典型错误（见培训师指南“学员常见困难”）", "en": "the typical mistake (trainer guide, “where students stumble”)"}
OTHER = {"zh": "其他错误", "en": "other wrong answers"}


def diagnose(problem, answer, where: tuple[str, str]) -> str | None:
    """The id of the declared mistake ``answer`` makes, or None (never raises; the answer stays here)."""
    wrong = getattr(problem, "wrong", None)
    if wrong is None or not hasattr(problem, "expected"):
        return None
    try:
        probe = dataclasses.replace(problem, expected=wrong)
        if probe.judge(answer) is None:
            return DECLARED.get(where, (TYPICAL, GENERIC))[0]
    except Exception:
        return None
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
    return mistake
