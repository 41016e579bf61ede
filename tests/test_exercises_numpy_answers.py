"""Answers computed with pandas are NumPy scalars (``series.sum()`` → ``numpy.int64``): they count as numbers."""
import numpy as np
import pandas as pd

from helpers.teaching.exercises.core import ValueProblem

HINTS = [{"zh": "数一数", "en": "count them"}]


def test_numpy_scalars_are_judged_as_numbers():
    counts = pd.Series(["555", "111", "555"])
    q = ValueProblem(var="n", expected=lambda: (counts == "555").sum(), hints=HINTS, model_answer="n = 2")
    q.assert_passed(2)
    q.assert_passed(np.int64(2))
    q.assert_passed(np.float64(2.0))
    assert "too low" in q.assert_failed(np.int64(1))
    assert "number" in q.assert_failed(np.bool_(True))
    assert "number" in q.assert_failed(True)
