"""Survey simulator: answer counts → NPS and CSAT with margins of error (no browser)."""
import matplotlib as mpl
import pytest

from helpers.plots.theme import apply_theme
from helpers.satisfaction import csat, nps, proportion_moe
from helpers.teaching.widgets import SurveySimulator

CSAT_EXAMPLE = [5, 4, 4, 3, 2, 5, 1, 4]          # docs/methods.md §4.2 → 62.5 %
NO_RATINGS = {f"rating_{r}": 0 for r in range(1, 6)}


def test_worked_examples():
    counts = {f"rating_{r}": CSAT_EXAMPLE.count(r) for r in range(1, 6)}
    sim = SurveySimulator(chart=False, promoters=100, passives=30, detractors=80, **counts)
    assert sim.result.nps.nps == pytest.approx(9.5238, abs=1e-4)            # docs/methods.md §4.3
    assert sim.result.csat.share == pytest.approx(0.625) and sim.result.csat.mean == pytest.approx(3.5)
    assert sim.result.csat.moe == pytest.approx(proportion_moe(0.625, 8))
    assert "+9.5" in sim.summary.value and "62.5%" in sim.summary.value
    assert f"± {100 * proportion_moe(0.625, 8):.1f} points" in sim.summary.value      # shown in percentage points


def test_more_answers_narrow_the_margin_of_error():
    sim = SurveySimulator(chart=False, promoters=50, passives=30, detractors=20)
    before = sim.result.nps.moe
    assert before == pytest.approx(nps([10] * 50 + [8] * 30 + [0] * 20).moe)
    for group, n in (("promoters", 500), ("passives", 300), ("detractors", 200)):
        sim.controls[group].value = n
    assert sim.result.nps.nps == pytest.approx(30.0)
    assert sim.result.nps.moe == pytest.approx(before / 10 ** 0.5, rel=1e-9)
    sim.controls["confidence"].value = 0.90
    assert sim.result.csat.moe == pytest.approx(csat([1] * 5 + [2] * 10 + [3] * 15 + [4] * 40 + [5] * 30, confidence=0.90).moe)


def test_no_answers_is_a_message_not_an_error():
    sim = SurveySimulator(chart=False, **NO_RATINGS)
    assert sim.result.csat is None and sim.result.nps is not None
    assert len(sim.result.errors) == 1 and "color" in sim.summary.value


def test_chart_redraws_silently(capsys):
    with mpl.rc_context():
        apply_theme()
        sim = SurveySimulator(chart=True)
        sim.controls["promoters"].value = 80
        sim.controls["detractors"].value = 0
    assert sim.result.nps.detractors == 0 and capsys.readouterr().out == ""


def test_result_tables_show_shares_as_percent_and_check_their_settings():
    import pandas as pd

    from helpers.i18n import language
    from helpers.teaching.widgets.display import frame_html, message_html
    from helpers.validation import ParameterError

    html = frame_html(pd.DataFrame({"label": ["a"], "share": [0.25], "value": [3.14159]}), share_cols=("share",),
                      decimals=3)
    assert "25.0%" in html and "3.142" in html
    with language("en"), pytest.raises(ParameterError, match="^Parameter decimals"):
        frame_html(pd.DataFrame({"x": [1.0]}), decimals=-1)
    with language("zh"), pytest.raises(ParameterError, match="^参数 kind"):
        message_html("x", kind="loud")
