"""collect_warnings keeps the kit's DataWarnings as notes and lets other warnings through."""
import warnings

import pytest

from helpers.errors import collect_warnings, warn
from helpers.i18n import t


def test_data_warnings_are_kept_in_order_and_not_shown():
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # anything that escapes would raise here
        with collect_warnings() as notes:
            warn("warn_rfm_empty_bins", dim="F", scores="2")
            warn("warn_rfm_empty_bins", dim="F", scores="2")  # repeated warnings are all kept
            warn("warn_rfm_ties", dim="F", share="51%", value=1)
    assert notes == [t("warn_rfm_empty_bins", dim="F", scores="2")] * 2 + [
        t("warn_rfm_ties", dim="F", share="51%", value=1)]
    assert repr(notes).count("⚠") == 3
    assert "<li>" in notes._repr_html_()


def test_other_warnings_pass_through():
    with pytest.warns(RuntimeWarning, match="not a data note"):
        with collect_warnings() as notes:
            warnings.warn("not a data note", RuntimeWarning)
    assert notes == []


def test_a_warning_points_at_the_first_caller_outside_the_kit():
    """Through decorators and nested kit calls, the warning names this file (the user's line)."""
    import pandas as pd

    from helpers.data import load_transactions
    from helpers.errors import DataWarning

    orders = pd.DataFrame({"customer_id": ["a", None, None], "order_date": ["2024-01-01"] * 3, "amount": [1.0] * 3})
    with pytest.warns(DataWarning) as record:
        load_transactions(orders)
    assert {w.filename for w in record} == {__file__}
    with pytest.warns(DataWarning) as record:
        warn("warn_rfm_ties", dim="F", share="51%", value=1)
    assert record[0].filename == __file__
