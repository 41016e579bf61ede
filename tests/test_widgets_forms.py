"""Social-style form and Kano question pair: answers → style / category via the library (no browser)."""
import itertools

import matplotlib as mpl
import pandas as pd
import pytest

from helpers.i18n import language
from helpers.kano import CATEGORY_IDS, EVALUATION_TABLE
from helpers.matrices import social_style
from helpers.plots.theme import apply_theme
from helpers.teaching.widgets import KanoForm, SocialStyleAssessment
from helpers.teaching.widgets.forms import ASSERTIVENESS_ITEMS, RESPONSIVENESS_ITEMS


def _answer(form, **answers):
    for item, value in answers.items():
        form.controls[item].value = value
    return form.result.table.iloc[0]


def test_each_quadrant_reaches_its_style():
    form = SocialStyleAssessment(chart=False)
    assert form.result.classes.iloc[0] == "style_expressive"          # all 3 = midpoint → both high (§2.8)
    high, low = dict.fromkeys(ASSERTIVENESS_ITEMS, 5), dict.fromkeys(ASSERTIVENESS_ITEMS, 1)
    warm, cool = dict.fromkeys(RESPONSIVENESS_ITEMS, 4), dict.fromkeys(RESPONSIVENESS_ITEMS, 2)
    for answers, style in (({**high, **cool}, "style_driver"), ({**low, **warm}, "style_amiable"),
                           ({**low, **cool}, "style_analytical"), ({**high, **warm}, "style_expressive")):
        assert _answer(form, **answers)["cell"] == style


def test_axis_scores_are_item_means_from_the_library():
    answers = {"a1": 5, "a2": 4, "a3": 2, "a4": 2, "r1": 1, "r2": 2, "r3": 3, "r4": 2}
    row = _answer(SocialStyleAssessment(chart=False), **answers)
    want = social_style(pd.DataFrame([answers]), list(ASSERTIVENESS_ITEMS), list(RESPONSIVENESS_ITEMS)).table.iloc[0]
    assert (row["assertiveness"], row["responsiveness"]) == pytest.approx((3.25, 2.0))
    assert row["cell"] == want["cell"] == "style_driver"


def test_items_and_result_in_chinese(capsys):
    with mpl.rc_context(), language("zh"):
        apply_theme()
        form = SocialStyleAssessment(chart=True, a1=1, a2=1, a3=1, a4=1)
        assert "亲和型" in form.summary.value and "主导" in form.controls["a2"].description
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize("functional,dysfunctional", list(itertools.product(range(1, 6), repeat=2)))
def test_kano_form_follows_the_evaluation_table(functional, dysfunctional):
    form = KanoForm(functional=functional, dysfunctional=dysfunctional)
    letter = EVALUATION_TABLE[functional - 1][dysfunctional - 1]
    assert (form.result.letter, form.result.category) == (letter, CATEGORY_IDS[letter])


def test_kano_form_shows_feature_category_and_highlighted_cell():
    form = KanoForm("fast delivery")
    assert "fast delivery" in form.controls["functional"].description
    form.controls["functional"].value = 1
    form.controls["dysfunctional"].value = 3
    assert form.result.category == "kano_attractive"
    assert "Attractive (A)" in form.summary.value and form.summary.value.count("#ffd33d") == 1
