"""Survey simulator: answer counts → NPS and CSAT with their margins of error.

Move the counts of promoters / passives / detractors (0–10 question) and of each 1–5 rating, and
see how the scores and — with the sample size — their margins of error change::

    >>> from helpers.teaching.widgets.survey import SurveySimulator
    >>> sim = SurveySimulator(chart=False, promoters=100, passives=30, detractors=80)
    >>> round(sim.result.nps.nps, 4)
    9.5238
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from helpers.errors import DataError
from helpers.i18n import t
from helpers.satisfaction import NPS_GROUPS, CsatResult, NpsResult, csat, nps
from helpers.teaching.widgets.base import Explorer, describe
from helpers.teaching.widgets.display import message_html

__all__ = ["SurveySimulator"]

# a 0–10 score that stands for each NPS group (any score of the group gives the same NPS)
GROUP_SCORE = {"detractors": 0, "passives": 8, "promoters": 10}
RATINGS = (1, 2, 3, 4, 5)


@dataclass(frozen=True)
class SurveyOutcome:
    """NPS and CSAT of the simulated answers (None, with the reason, when there are no answers).

    >>> outcome = SurveySimulator(chart=False, rating_4=3, rating_5=1, rating_1=0, rating_2=0, rating_3=0).result
    >>> outcome.csat.share, outcome.errors
    (1.0, ())
    """

    nps: NpsResult | None
    csat: CsatResult | None
    errors: tuple = ()


def simulated_answers(counts: dict, score_of: dict) -> np.ndarray:
    """One answer per respondent: ``counts[k]`` copies of ``score_of[k]``.

    >>> simulated_answers({"a": 2, "b": 1}, {"a": 5, "b": 1}).tolist()
    [5, 5, 1]
    """
    keys = list(score_of)
    return np.repeat([score_of[k] for k in keys], [int(counts[k]) for k in keys])


class SurveySimulator(Explorer):
    """NPS (docs/methods.md §4.3) and CSAT top-2-box (§4.2) of simulated answer counts, with margins of error.

    Controls: ``promoters``, ``passives``, ``detractors`` (respondents per NPS group), ``rating_1`` …
    ``rating_5`` (respondents per 1–5 rating) and ``confidence`` of the margins of error; pass any
    of them as keywords to start there.

    >>> sim = SurveySimulator(chart=False, promoters=50, passives=30, detractors=20)
    >>> round(sim.result.nps.nps, 1), round(sim.result.nps.moe, 1)
    (30.0, 15.3)
    >>> sim.controls["promoters"].value = 200
    >>> round(sim.result.nps.nps, 1)
    72.0
    """

    def make_controls(self) -> dict:
        import ipywidgets as w

        style = {"description_width": "initial"}

        def count(key, value):
            return w.IntSlider(value=value, min=0, max=1000, step=1, description=describe(key), style=style)

        groups = {g: count(f"sat_nps_{g}", v) for g, v in zip(NPS_GROUPS, (20, 30, 50))}
        ratings = {f"rating_{r}": count(f"wd_survey_rating_{r}", v) for r, v in zip(RATINGS, (5, 10, 15, 40, 30))}
        confidence = w.FloatSlider(value=0.95, min=0.80, max=0.99, step=0.01, style=style,
                                   description=describe("wd_survey_confidence"))
        return {**groups, **ratings, "confidence": confidence}

    def compute(self, confidence: float, **counts) -> SurveyOutcome:
        results, errors = {}, []
        for name, measure, score_of in (("nps", nps, GROUP_SCORE),
                                        ("csat", csat, {f"rating_{r}": r for r in RATINGS})):
            try:
                results[name] = measure(simulated_answers(counts, score_of), confidence=confidence)
            except DataError as exc:          # no answers yet: say so instead of a score
                results[name] = None
                errors.append(str(exc).split("\n")[0])
        return SurveyOutcome(results["nps"], results["csat"], tuple(errors))

    def summary_html(self, result: SurveyOutcome) -> str:
        level = f"{self.values['confidence']:.0%}"
        lines = []
        if result.nps is not None:
            lines.append(t("wd_survey_nps", nps=f"{result.nps.nps:+.1f}", moe=f"{result.nps.moe:.1f}",
                           n=result.nps.n, level=level))
        if result.csat is not None:
            lines.append(t("wd_survey_csat", csat=f"{result.csat.share:.1%}", moe=f"{100 * result.csat.moe:.1f}",
                           mean=f"{result.csat.mean:.2f}", n=result.csat.n, level=level))
        return "".join(f"<p><b>{line}</b></p>" for line in lines) + "".join(map(message_html, result.errors))

    def draw(self, result: SurveyOutcome, ax) -> None:
        from helpers.plots.satisfaction import plot_nps

        if result.nps is None:
            ax.set_axis_off()
            return
        plot_nps(result.nps, ax=ax)
