"""Case-study data: the airline segments land where the case text says; the quiz cards are complete."""
from helpers.teaching.cases import AIRLINE_CAPABILITY, AIRLINE_VALUE, PORTRAIT_STYLES, airline_segments, style_portraits
from helpers.i18n import language
from helpers.matrices import target_selection_matrix


def test_airline_segments_fill_the_quadrants_as_the_case_describes():
    result = target_selection_matrix(airline_segments(), AIRLINE_VALUE, AIRLINE_CAPABILITY)
    cells = dict(zip(result.table["segment_id"], result.classes))
    assert cells == {"air_leisure": "q_focus", "air_vfr": "q_focus", "air_students": "q_focus",
                     "air_small_business": "q_opportunistic", "air_corporate": "q_opportunistic",
                     "air_premium": "q_abandon", "air_tour_groups": "q_passive", "air_migrant_workers": "q_passive"}
    # students: 0.4·3 + 0.3·2 + 0.3·4 = 3.0, exactly on the line, counts as high
    students = result.table.set_index("segment_id").loc["air_students"]
    assert students["customer_value"] == 3.0 and students["customer_value_distance"] == 0.0


def test_segment_names_follow_the_language():
    with language("zh"):
        assert "学生与年轻人" in airline_segments().index
    assert "Students & young people" in airline_segments().index


def test_every_portrait_has_both_languages_and_a_style():
    cards = style_portraits()
    assert [c["id"] for c in cards] == list(PORTRAIT_STYLES)
    assert all(c["text"]["zh"] and c["text"]["en"] for c in cards)
    assert set(PORTRAIT_STYLES.values()) == {"style_driver", "style_expressive", "style_amiable", "style_analytical"}
