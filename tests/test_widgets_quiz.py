"""Classification quiz: picking classes and pressing Check gives per-card feedback (no browser)."""
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.teaching.exercises.core import ClassificationProblem, catalogue_options
from helpers.i18n import language
from helpers.teaching.widgets import ClassificationQuiz

CARDS = pd.DataFrame({"recency_days": [3, 400, 20], "frequency": [12, 1, 2], "monetary": [9000.0, 30.0, 150.0]},
                     index=pd.Index(["C1", "C2", "C3"], name="customer_id"))
KEY = {"C1": "champions", "C2": "lost", "C3": "promising"}
CLASSES = ["champions", "promising", "lost"]


def test_answers_and_check_mark_each_card():
    quiz = ClassificationQuiz(CARDS, CLASSES, expected=KEY)
    assert quiz.answers == {} and quiz.dropdowns["C1"].label == "(choose)"
    assert "<td>12</td>" in quiz.view.children[0].children[0].children[0].value     # integers stay integers
    quiz.dropdowns["C1"].value = "champions"
    quiz.dropdowns["C2"].value = "promising"
    feedback = quiz.check()
    assert quiz.answers == {"C1": "champions", "C2": "promising"}
    assert feedback.marks == {"C1": True, "C2": False, "C3": None}
    assert (feedback.score, feedback.total, feedback.outcome.status) == (1, 3, "incorrect")
    assert "√" in quiz.marks["C1"].value and "×" in quiz.marks["C2"].value and quiz.marks["C3"].value == ""
    assert "1 of 3 right" in quiz.feedback.value
    assert "2 of 3 cards answered; still to answer: C3." in quiz.feedback.value
    assert "Card C2: you chose “Promising”, it is “Lost”." in quiz.feedback.value


def test_button_checks_and_all_right_passes():
    quiz = ClassificationQuiz(CARDS, CLASSES, expected=KEY)
    for card, cls in KEY.items():
        quiz.dropdowns[card].value = cls
    quiz.button.click()
    assert quiz.result.outcome.passed and quiz.result.score == 3


def test_linked_problem_judges_the_same_answers():
    problem = ClassificationProblem(var="rfm_quiz", expected=lambda: KEY, options=catalogue_options(CLASSES))
    quiz = ClassificationQuiz(CARDS, CLASSES, problem=problem)
    quiz.dropdowns["C3"].value = "lost"
    assert problem.outcome(quiz.answers).status == "incorrect"
    assert quiz.check().outcome == problem.outcome(quiz.answers)


def test_unanswered_and_keyless_quizzes_do_not_raise():
    quiz = ClassificationQuiz(CARDS, CLASSES, expected=KEY)
    assert quiz.check().outcome.status == "unattempted"
    assert "Not attempted" in quiz.feedback.value and "0 of 3 right" not in quiz.feedback.value
    open_quiz = ClassificationQuiz(CARDS, CLASSES)
    assert open_quiz.check() is None and "no answer key" in open_quiz.feedback.value


def test_case_text_cards_show_the_active_language():
    cards = [{"text": {"zh": "说话直接，注重结果", "en": "Direct, wants results"}},
             {"id": "B", "text": "Asks many detailed questions"}]
    with language("zh"):
        quiz = ClassificationQuiz(cards, ["style_driver", "style_analytical"],
                                  expected={"1": "style_driver", "B": "style_analytical"})
        html = quiz.view.children[0].children[0].children[0].value
        assert "说话直接" in html
        assert ("控制型", "style_driver") in quiz.dropdowns["1"].options
    assert set(quiz.cards) == {"1", "B"}


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(["", *CLASSES]), min_size=3, max_size=3))
def test_score_counts_exactly_the_right_answers(picks):
    quiz = ClassificationQuiz(CARDS, CLASSES, expected=KEY)
    for card, pick in zip(KEY, picks):
        quiz.dropdowns[card].value = pick
    right = sum(pick == KEY[card] for card, pick in zip(KEY, picks))
    feedback = quiz.check()
    assert feedback.score == right and feedback.outcome.passed == (right == len(KEY))
    assert quiz.answers == {card: pick for card, pick in zip(KEY, picks) if pick}


def test_a_kit_quiz_explains_a_wrong_card_by_the_dimension_that_decides():
    from helpers.teaching.exercises import ch03

    with language("zh"):
        quiz = ch03.q4.quiz()
        for card, cls in ch03.q4.expected().items():
            quiz.dropdowns[card].value = cls
        quiz.dropdowns["2"].value = "cn8_important_value"
        quiz.check()
    assert "卡片 2：你选了「重要价值客户」，应为「重要保持客户」" in quiz.feedback.value
    assert "200 天 &gt; 90 天 → R 远" in quiz.feedback.value and "区别在于 R" in quiz.feedback.value
