"""Gift packs of different grades for orders above spend thresholds (docs/methods.md §6)."""
import pandas as pd
import pytest

from helpers.errors import DataError
from helpers.offers import gift_pack_grades
from helpers.validation import ParameterError

ORDERS = pd.DataFrame({"order_id": ["o1", "o2", "o3", "o4", "o5"], "amount": [50.0, 185.0, 200.0, 480.0, 800.0]})


def test_grades_count_orders_revenue_and_gift_spend_with_thresholds_inclusive():
    plan = gift_pack_grades(ORDERS, breaks=(200, 500), costs=(10, 40))
    assert plan["orders"].tolist() == [2, 2, 1]
    assert plan["revenue"].tolist() == [235.0, 680.0, 800.0]
    assert plan["gift_spend"].tolist() == [0.0, 20.0, 40.0]
    assert plan["cost_share"].round(4).tolist() == [0.0, round(20 / 680, 4), 0.05]
    assert plan.attrs["cost_share"] == pytest.approx(60 / 1715)
    assert plan["order_share"].sum() == pytest.approx(1.0)


def test_near_next_counts_orders_just_below_the_next_threshold():
    plan = gift_pack_grades(ORDERS, breaks=(200, 500), costs=(10, 40), within_share=0.1)
    assert plan["near_next"].tolist() == [1, 1, 0]        # 185 is within 10 % of 200, 480 within 10 % of 500
    assert gift_pack_grades(ORDERS, breaks=(200, 500), costs=(10, 40), within_share=0.0)["near_next"].sum() == 0


def test_same_result_whatever_the_row_order_and_input_untouched():
    before = ORDERS.copy()
    one = gift_pack_grades(ORDERS, breaks=(200, 500), costs=(10, 40))
    two = gift_pack_grades(ORDERS.iloc[::-1], breaks=(200, 500), costs=(10, 40))
    pd.testing.assert_frame_equal(one, two)
    pd.testing.assert_frame_equal(ORDERS, before)


def test_bad_settings_and_data_say_what_to_fix():
    with pytest.raises(DataError, match="each grade needs one cost|每个档次要有一个成本"):
        gift_pack_grades(ORDERS, breaks=(200, 500), costs=(10,))
    with pytest.raises(ParameterError):
        gift_pack_grades(ORDERS, breaks=(500, 200), costs=(10, 40))
    with pytest.raises(DataError):
        gift_pack_grades(ORDERS.assign(amount=[50.0, -5.0, 1, 2, 3]), breaks=(200,), costs=(10,))
    with pytest.raises(DataError):
        gift_pack_grades(pd.concat([ORDERS, ORDERS.head(1)]), breaks=(200,), costs=(10,))
