"""Exercises for the course chapters: ``from helpers.teaching.exercises import ch03`` then ``ch03.q1.check()``.

One module per chapter (``ch01`` … ``ch14``) declares its problems; :mod:`helpers.teaching.exercises.core`
holds the framework. Importing a chapter module loads no data.
"""
from helpers.teaching.exercises.core import (
    ChoiceProblem,
    FrameProblem,
    FunctionProblem,
    Outcome,
    Problem,
    ThoughtProblem,
    ValueProblem,
    ____,
)

__all__ = ["Problem", "ValueProblem", "FrameProblem", "FunctionProblem", "ChoiceProblem",
           "ThoughtProblem", "Outcome", "____", "chapter_problems"]


def chapter_problems(chapter: str) -> dict[str, Problem]:
    """The problems a chapter module declares, by name (``chapter_problems("ch03")``)."""
    from importlib import import_module

    module = import_module(f"helpers.teaching.exercises.{chapter}")
    return {name: obj for name, obj in vars(module).items() if isinstance(obj, Problem)}
