"""ClassificationQuiz shows given labels for class ids that are not top-level catalogue keys."""
from helpers.lifecycle import state_labels
from helpers.teaching.widgets import ClassificationQuiz


def test_quiz_shows_given_labels_and_keeps_ids_as_answers():
    classes = ["new", "lost"]
    quiz = ClassificationQuiz([{"id": "A", "text": "one order, 400 days ago"}], classes,
                              expected={"A": "lost"}, labels=state_labels(classes))
    shown = dict(quiz.dropdowns["A"].options)
    assert shown["Lost customers"] == "lost" and shown["First-time buyers"] == "new"
    quiz.dropdowns["A"].value = "lost"
    assert quiz.answers == {"A": "lost"} and quiz.check().outcome.passed
