"""Self-assessment forms: the social-style questionnaire and a Kano question pair.

    >>> from helpers.teaching.widgets.forms import KanoForm, SocialStyleAssessment
    >>> SocialStyleAssessment(chart=False, a1=5, a2=4, r1=1, r2=2).result.classes.iloc[0]
    'style_driver'
    >>> KanoForm(functional=1, dysfunctional=5).result.category
    'kano_one_dimensional'
"""
from __future__ import annotations

from dataclasses import dataclass
from html import escape

import pandas as pd

from helpers.i18n import has, label, t
from helpers.kano import CATEGORY_IDS, KANO_SCALE, evaluation_frame, kano_category
from helpers.matrices import MatrixClassification, social_style
from helpers.teaching.widgets.base import Explorer, describe

__all__ = ["KanoForm", "SocialStyleAssessment"]

ASSERTIVENESS_ITEMS = ("a1", "a2", "a3", "a4")      # ask ↔ tell (Merrill & Reid 1981)
RESPONSIVENESS_ITEMS = ("r1", "r2", "r3", "r4")     # controls emotions ↔ emotes
_LIKERT = (1, 5)
KANO_ANSWERS = tuple(range(KANO_SCALE[0], KANO_SCALE[1] + 1))


class SocialStyleAssessment(Explorer):
    """Eight 1–5 statements, four per axis → axis means and the social style (docs/methods.md §2.8).

    Scored with :func:`helpers.matrices.social_style` (mean ≥ scale midpoint 3 → high). A
    practitioner heuristic for class discussion, not a validated psychometric test. The answers
    ``a1``…``a4`` (assertiveness) and ``r1``…``r4`` (responsiveness) may be given as keywords.

    >>> form = SocialStyleAssessment(chart=False, a1=1, a2=2, a3=1, a4=2, r1=5, r2=4, r3=4, r4=5)
    >>> form.result.classes.iloc[0], float(form.result.table["responsiveness"].iloc[0])
    ('style_amiable', 4.5)
    """

    figsize = (6, 5)

    def make_controls(self) -> dict:
        import ipywidgets as w

        style = {"description_width": "initial"}
        return {item: w.IntSlider(value=3, min=_LIKERT[0], max=_LIKERT[1], description=describe(f"wd_ss_{item}"),
                                  style=style, layout=w.Layout(width="95%"))
                for item in ASSERTIVENESS_ITEMS + RESPONSIVENESS_ITEMS}

    def compute(self, **answers) -> MatrixClassification:
        return social_style(pd.DataFrame([answers]), list(ASSERTIVENESS_ITEMS), list(RESPONSIVENESS_ITEMS),
                            scale=_LIKERT)

    def summary_html(self, result: MatrixClassification) -> str:
        row = result.table.iloc[0]
        style = row[result.class_col]
        head = t("wd_ss_result", assertiveness=f"{row['assertiveness']:.2f}",
                 responsiveness=f"{row['responsiveness']:.2f}", style=label(style))
        return (f"<p><b>{escape(head)}</b></p><p>{escape(label(style, 'strategy'))}</p>"
                f"<p><i>{escape(t('wd_ss_disclaimer'))}</i></p>")

    def draw(self, result: MatrixClassification, ax) -> None:
        from helpers.plots.matrices import plot_value_matrix

        plot_value_matrix(result, ax=ax, point_labels=False)


@dataclass(frozen=True)
class KanoAnswer:
    """One respondent's answer pair for a feature and its Kano category (letter and id).

    >>> KanoForm(functional=1, dysfunctional=3).result
    KanoAnswer(functional=1, dysfunctional=3, letter='A', category='kano_attractive')
    """

    functional: int
    dysfunctional: int
    letter: str
    category: str


class KanoForm(Explorer):
    """The functional / dysfunctional question pair for one feature → its Kano category (docs/methods.md §4.7).

    ``feature`` is a text or a catalogue key (default: an example feature); ``**initial`` sets the
    ``functional`` and ``dysfunctional`` answers (1 like … 5 dislike). The evaluation table of
    :mod:`helpers.kano` is shown with the chosen cell highlighted.

    >>> form = KanoForm("fast delivery", functional=1, dysfunctional=4)
    >>> form.result.letter, form.result.category
    ('A', 'kano_attractive')
    >>> form.controls["dysfunctional"].value = 5
    >>> form.result.category
    'kano_one_dimensional'
    """

    def __init__(self, feature: str = "wd_kano_example_feature", **initial):
        self.feature = describe(feature)
        super().__init__(chart=False, **initial)

    def make_controls(self) -> dict:
        import ipywidgets as w

        style = {"description_width": "initial"}
        options = [(t(f"wd_kano_answer_{a}"), a) for a in KANO_ANSWERS]
        return {question: w.Dropdown(options=options, value=3, style=style, layout=w.Layout(width="95%"),
                                     description=t(f"wd_kano_{question}", feature=self.feature))
                for question in ("functional", "dysfunctional")}

    def compute(self, functional: int, dysfunctional: int) -> KanoAnswer:
        letter = kano_category([functional], [dysfunctional]).iloc[0]
        return KanoAnswer(functional, dysfunctional, letter, CATEGORY_IDS[letter])

    def summary_html(self, result: KanoAnswer) -> str:
        head = t("wd_kano_result", category=label(result.category), letter=result.letter)
        strategy = label(result.category, "strategy") if has(f"{result.category}.strategy") else ""
        return f"<p><b>{escape(head)}</b></p><p>{escape(strategy)}</p>" + self._table_html(result)

    def _table_html(self, result: KanoAnswer) -> str:
        """The evaluation table, answer labels on both axes, the respondent's cell highlighted."""
        table = evaluation_frame()
        answers = [t(f"wd_kano_answer_{a}") for a in KANO_ANSWERS]
        head = "".join(f"<th>{escape(a)}</th>" for a in answers)
        chosen = (result.functional, result.dysfunctional)

        def cell(f, d):
            mark = "background:#ffd33d;font-weight:bold;" if (f, d) == chosen else ""
            return f"<td style='text-align:center;{mark}'>{table.loc[f, d]}</td>"

        rows = [f"<tr><th>{escape(name)}</th>{''.join(cell(f, d) for d in table.columns)}</tr>"
                for f, name in zip(table.index, answers)]
        caption = escape(t("wd_kano_table_caption"))
        return f"<table><caption>{caption}</caption><tr><th></th>{head}</tr>{''.join(rows)}</table>"
