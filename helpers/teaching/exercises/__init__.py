"""Exercises for the course chapters: ``from helpers.teaching.exercises import ch03`` then ``ch03.q1.check()``.

One module per chapter (``ch00`` … ``ch14``) declares its problems; :mod:`helpers.teaching.exercises.core`
holds the framework. Importing a chapter module loads no data.
"""
from helpers.teaching.exercises.core import (
    AS_PERCENT,
    ChoiceProblem,
    ClassificationProblem,
    FrameProblem,
    FunctionProblem,
    ItemsProblem,
    Mistake,
    Outcome,
    Problem,
    ThoughtProblem,
    ValueProblem,
    ____,
    catalogue_options,
    meaning_reasons,
)

__all__ = ["Problem", "ValueProblem", "ItemsProblem", "ChoiceProblem", "ClassificationProblem", "FrameProblem",
           "FunctionProblem", "ThoughtProblem", "Outcome", "Mistake", "AS_PERCENT", "catalogue_options", "meaning_reasons", "____",
           "chapter_problems"]


def chapter_problems(chapter: str) -> dict[str, Problem]:
    """The problems a chapter module declares, by name.

    >>> sorted(chapter_problems("ch00"))
    ['q1', 'q2', 'q3', 'q4', 'q5']
    """
    from importlib import import_module

    module = import_module(f"helpers.teaching.exercises.{chapter}")
    return {name: obj for name, obj in vars(module).items() if isinstance(obj, Problem)}
