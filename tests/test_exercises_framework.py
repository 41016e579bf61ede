"""The exercise framework: declared mistakes, precision, invalid numbers, option reasons, item lists,
quizzes, hints, solutions and function checks — never raising, in both languages."""
import pandas as pd
import pytest

from helpers.i18n import language
from helpers.teaching.exercises import (AS_PERCENT, ChoiceProblem, ClassificationProblem, FrameProblem,
                                        FunctionProblem, ItemsProblem, Mistake, ThoughtProblem, ValueProblem, ____)
from helpers.validation import ParameterError

HINTS = [{"zh": "第一条提示", "en": "first hint"}, {"zh": "第二条提示", "en": "second hint"}]
QUESTION = {"zh": "冠军客户的收入占比是多少？", "en": "What share of revenue do Champions bring?"}
CUSTOMER_SHARE = Mistake("customer_share", answer=lambda: 0.076,
                         message={"zh": "这是客户占比，题目问的是收入占比。",
                                  "en": "That is the share of customers; the question asks for revenue."})


def _share_problem(**kw):
    return ValueProblem(var="x", question=QUESTION, expected=lambda: 0.4318, decimals=3, hints=HINTS,
                        mistakes=[CUSTOMER_SHARE, AS_PERCENT], model_answer="x = s.loc['champions', 'revenue_share']", **kw)


def test_a_problem_without_an_expected_answer_is_an_error_when_declared():
    with pytest.raises(TypeError, match="expected"):
        ValueProblem(var="x")
    with pytest.raises(ParameterError):
        ValueProblem(var="x", expected=0.5)                 # a value, not a callable
    with pytest.raises(ParameterError):
        Mistake("m", message={"zh": "只有中文"})              # a message in every language, and an answer or a test


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_declared_mistakes_are_named_with_their_own_message(lang):
    q = _share_problem()
    with language(lang):
        result = q.outcome(0.076)
        assert (result.status, result.mistake, result.reason) == ("incorrect", "customer_share",
                                                                  CUSTOMER_SHARE.message[lang])
        assert q.outcome(43.18).mistake == "percent"
        for outside in (2, -0.3, 1.5):                          # a share question: outside 0–1 is said so
            result = q.outcome(outside)
            assert result.mistake == "not_a_share" and str(outside) in result.reason


def test_answers_at_the_stated_precision_pass_and_rougher_ones_are_told_so():
    q = _share_problem()
    for good in (0.4318, 0.432, 0.43180001):
        q.assert_passed(good)
    with language("en"):
        assert q.prompt() == QUESTION["en"] + " Round to 3 decimal places."
        for rough in (0.43, 0.4):
            result = q.outcome(rough)
            assert result.mistake == "precision" and "3 digits after the decimal point" in result.reason
    with language("zh"):
        assert "保留 3 位小数" in q.prompt() and "3 位小数" in q.outcome(0.43).reason


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), -float("inf"), 10 ** 400, 1e300, "0.43", "abc", [0.43],
                                 [1, 2], pd.Series([0.43]), None, True, pd.NA, 1 + 2j])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_invalid_numbers_get_a_reason_never_a_direction_or_an_exception(bad, lang):
    q = _share_problem()
    with language(lang):
        result = q.outcome(bad)
        assert result.status == "incorrect" and result.mistake == "invalid", result
        assert not any(word in result.reason for word in ("偏大", "偏小", "too high", "too low", "Error", "Traceback"))


def test_a_wrong_answer_that_is_no_declared_mistake_gets_a_direction_and_a_hint_pointer():
    q = _share_problem()
    with language("en"):
        assert q.outcome(0.9).reason.startswith("Your answer is too high. Stuck? Run `x.hint()`.")
        assert "too low" in q.outcome(0.1).reason


def test_counts_are_exact_and_numpy_scalars_are_numbers():
    import numpy as np

    q = ValueProblem(var="n", expected=lambda: (pd.Series(["555", "111", "555"]) == "555").sum(),
                     mistakes=[Mistake("one", answer=lambda: 1, message={"zh": "一", "en": "one"})])
    for good in (2, np.int64(2), np.float64(2.0), 2.0):
        q.assert_passed(good)
    assert q.outcome(np.int64(1)).mistake == "one"
    assert q.outcome(np.bool_(True)).mistake == "invalid"
    assert q.outcome(2.4).status == "incorrect"


def test_check_never_raises_even_when_the_answer_or_the_reference_breaks(capsys):
    class Weird:
        def __eq__(self, other):
            raise RuntimeError("boom")

    q = ValueProblem(var="x", expected=lambda: "a")
    assert q.outcome(Weird()).status == "incorrect"
    q.check(Weird())
    broken = ValueProblem(var="x", expected=lambda: 1 / 0)
    assert broken.outcome(1).status == "error"
    broken.check(1)
    out = capsys.readouterr().out
    assert "boom" not in out and "ZeroDivisionError" not in out and "Traceback" not in out


def test_check_reads_the_notebook_variable_and_knows_an_undefined_one(monkeypatch, capsys):
    import __main__

    q = ValueProblem(var="answer_for_test", expected=lambda: 3)
    monkeypatch.delattr(__main__, "answer_for_test", raising=False)
    with language("en"):
        q.check()
        assert "There is no variable `answer_for_test` yet" in capsys.readouterr().out
        monkeypatch.setattr(__main__, "answer_for_test", 3, raising=False)
        q.check()
        assert "√ Correct" in capsys.readouterr().out
        monkeypatch.setattr(__main__, "answer_for_test", ____)
        q.check()
        assert "○ Not attempted" in capsys.readouterr().out


def test_every_wrong_option_gets_its_reason_and_names_are_recognised():
    q = ChoiceProblem(var="rule", expected=lambda: "rank_first",
                      options={"r_rfm": {"zh": "R rfm 分位点规则", "en": "R rfm quantile breaks"},
                               "rank_first": {"zh": "按名次等分", "en": "equal-size bins of the rank"}},
                      reasons={"r_rfm": {"zh": "取值相同必定同分。", "en": "Equal values always share a score."}}, hints=HINTS)
    with language("en"):
        result = q.outcome("r_rfm")
        assert result.mistake == "r_rfm" and "Equal values always share a score." in result.reason
        assert "hint()" in result.reason
        assert q.outcome("按名次等分").mistake == "label"
        assert "'rank_first'" in q.outcome("按名次等分").reason
        assert q.outcome("qcut").mistake == "invalid" and "'r_rfm'" in q.outcome("qcut").reason
        assert q.outcome(["r_rfm"]).mistake == "invalid"


def test_item_lists_name_the_missing_and_the_extra_items_and_the_order():
    q = ItemsProblem(var="vital_few", expected=lambda: ["delivery", "quality", "returns", "billing"], ignore_order=False,
                     mistakes=[Mistake("before_crossing", answer=lambda: ["delivery", "quality", "returns"],
                                       message={"zh": "少了越线的那一类。", "en": "The crossing category is missing."})])
    with language("en"):
        q.assert_passed(["delivery", "quality", "returns", "billing"])
        assert q.outcome(["delivery", "quality", "returns"]).mistake == "before_crossing"
        reason = q.outcome(["delivery", "quality", "staff"]).reason
        assert "Missing (2): 'returns', 'billing'." in reason and "Not part of the answer (1): 'staff'." in reason
    with language("zh"):
        assert "缺少（2 项）：'returns'、'billing'。" in q.outcome(["delivery", "quality", "staff"]).reason
        assert q.outcome(["quality", "delivery", "returns", "billing"]).mistake == "order"
        assert q.outcome(["delivery", "delivery"]).mistake == "duplicate"
        assert q.outcome("delivery").mistake == "invalid"
        assert q.outcome(pd.Index(["delivery", "quality", "returns", "billing"])).passed


def test_classification_quiz_not_attempted_partly_answered_and_per_card_reasons():
    q = ClassificationProblem(var="styles", expected=lambda: {"P1": "style_driver", "P2": "style_amiable"},
                              options={"style_driver": {"zh": "控制型", "en": "Driver"},
                                       "style_amiable": {"zh": "亲和型", "en": "Amiable"}},
                              reasons=lambda card, chosen: {"zh": f"{card} 的理由", "en": f"why {card}"
                                                            + (f", not {chosen}" if chosen else "")})
    with language("en"):
        assert q.outcome({}).status == "unattempted"
        assert q.outcome({"P1": ""}).status == "unattempted"
        partial = q.outcome({"P1": "style_driver"})
        assert partial.status == "incorrect" and partial.mistake == "incomplete"
        assert "1 of 2 cards answered; still to answer: P2." in partial.reason
        wrong = q.outcome({"P1": "style_amiable", "P2": "style_amiable"}).reason
        assert "Card P1: you chose “Amiable”, it is “Driver”. Why P1, not style_amiable" in wrong
        assert q.outcome({"P9": "style_driver"}).mistake == "invalid"
        assert q.outcome({"P1": "style_boss"}).mistake == "invalid"
        assert q.solution_code() == "styles = {'P1': 'style_driver', 'P2': 'style_amiable'}"
        assert "Card P2 → “Amiable”: Why P2" in q.solution_explanation()


def test_hints_progress_and_the_last_one_points_to_the_solution(capsys):
    q = _share_problem()
    with language("en"):
        q.hint()
        first = capsys.readouterr().out
        q.hint(9)
        last = capsys.readouterr().out
    assert "Hint 1/2" in first and "x.hint(2)" in first
    assert "Hint 2/2" in last and "x.solution()" in last


@pytest.mark.parametrize("lang, word", [("zh", "提示 2/2"), ("en", "Hint 2/2")])
def test_hints_are_in_the_active_language(capsys, lang, word):
    with language(lang):
        _share_problem().hint(5)
    assert word in capsys.readouterr().out


def test_solution_is_highlighted_code_with_its_explanation():
    from helpers.teaching.exercises.core import Feedback

    q = _share_problem(explanation={"zh": "约 0.432。", "en": "About 0.432."})
    with language("en"):
        message = Feedback("solution", "Solution", q.solution_explanation(), q.solution_code())
        html = message._repr_html_()
    assert "<pre" in html and "<span style=" in html and "&lt;br&gt;" not in html
    assert "About 0.432." in html and "√" not in html


def test_marks_are_characters_not_emoji():
    from helpers.teaching.exercises.core import MARKS

    assert all(ord(ch) < 0x2600 for mark in MARKS.values() for ch in mark)


def test_frame_problem_ignores_row_order_but_not_values():
    want = pd.DataFrame({"segment": ["a", "b"], "n": [2, 1]}).set_index("segment")
    q = FrameProblem(var="t", expected=lambda: want)
    q.assert_passed(want.iloc[::-1])
    with language("en"):
        assert "row 'b', column n: expected 1, got 5" in q.assert_failed(want.assign(n=[2, 5]))
        assert "rows" in q.assert_failed(want.iloc[:1])
        assert "table" in q.assert_failed([1, 2])


def test_frame_problem_tolerance_is_rel_tol_like_the_other_problems():
    want = pd.Series([1.0, 2.0])
    FrameProblem(var="s", expected=lambda: want, rel_tol=1e-2).assert_passed(want * 1.001)
    FrameProblem(var="s", expected=lambda: want).assert_failed(want * 1.001)


def test_function_problem_names_the_failing_call_and_its_arguments():
    q = FunctionProblem(var="f", cases=lambda: [((2, 3), 6), ((0, 5), 0)], model=lambda a, b: a * b)
    q.assert_passed(q.reference())
    with language("en"):
        assert "f(2, 3) should return 6" in q.assert_failed(lambda a, b: a + b)
        raised = q.assert_failed(lambda a, b: (a * b) // (a - 2))
        assert raised.startswith("f(2, 3) failed with ZeroDivisionError")
        assert "return" in q.assert_failed(lambda a, b: None)
        assert "function" in q.assert_failed(5)


def test_function_problem_does_not_let_the_student_mutate_the_cases():
    cases = [(([3, 1, 2],), [1, 2, 3])]
    q = FunctionProblem(var="f", cases=lambda: cases)
    q.assert_passed(lambda values: sorted(values))
    q.outcome(lambda values: values.sort() or values)
    assert cases[0][0][0] == [3, 1, 2]


def test_thought_question_has_no_automatic_check(capsys):
    q = ThoughtProblem(var="idea", explanation={"zh": "参考答案", "en": "model answer"})
    assert q.outcome("anything").status == "open"
    with language("en"):
        q.solution()
    assert "model answer" in capsys.readouterr().out


def test_a_quiz_mistake_is_named_only_when_the_wrong_cards_follow_its_pattern():
    key = {"1": "a", "2": "a", "3": "a", "4": "a"}
    q = ClassificationProblem(var="c", expected=lambda: key, options={c: {"zh": c, "en": c} for c in "ab"},
                              reasons={k: {"zh": "理由", "en": "why"} for k in key},
                              mistakes=[Mistake("all_b", answer=lambda: {k: "b" for k in key},
                                                message={"zh": "全选了 b。", "en": "All b."})])
    assert q.outcome({**key, "1": "b"}).mistake is None                    # one card of four: no pattern yet
    assert q.outcome({**key, "1": "b", "2": "b"}).mistake == "all_b"


def test_markdown_emphasis_and_code_in_messages_render_in_html_and_drop_in_text():
    from helpers.teaching.exercises.core import Feedback

    message = Feedback("incorrect", "Not yet", "for **this** customer, read `pareto`")
    with language("en"):
        assert repr(message) == "× Not yet: for this customer, read `pareto`"
    assert "<b>this</b>" in message._repr_html_() and "<code>pareto</code>" in message._repr_html_()
