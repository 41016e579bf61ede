"""Share of wallet → current and potential value (docs/methods.md §2.1 option (ii))."""
import pandas as pd
import pytest

from helpers.errors import DataError
from helpers.wallet import wallet_value

ACCOUNTS = pd.DataFrame({"annual_revenue": [100.0, 300.0], "share_of_wallet": [0.25, 1.0], "gross_margin": [0.4, 0.2]})


def test_wallet_current_and_potential_value():
    out = wallet_value(ACCOUNTS)
    # wallet = revenue / SOW; CV = revenue × margin; PV = (wallet − revenue) × margin
    assert out["wallet"].tolist() == [400.0, 300.0]
    assert out["current_value"].tolist() == [40.0, 60.0]
    assert out["potential_value"].tolist() == [120.0, 0.0]


def test_without_margin_values_revenue_and_leaves_the_input_alone():
    before = ACCOUNTS.copy()
    out = wallet_value(ACCOUNTS, margin_col=None)
    assert out["current_value"].tolist() == [100.0, 300.0] and out["potential_value"].tolist() == [300.0, 0.0]
    pd.testing.assert_frame_equal(ACCOUNTS, before)


@pytest.mark.parametrize("share", [0.0, 1.5, float("nan")])
def test_a_share_outside_zero_to_one_names_column_and_row(share):
    bad = ACCOUNTS.assign(share_of_wallet=[0.5, share])
    with pytest.raises(DataError) as err:
        wallet_value(bad)
    assert err.value.column == "share_of_wallet" and err.value.rows == [2]


def test_missing_column_is_named():
    with pytest.raises(DataError, match="revenue_col="):
        wallet_value(ACCOUNTS.drop(columns="annual_revenue"))


def test_columns_are_named_by_their_roles():
    renamed = ACCOUNTS.rename(columns={"annual_revenue": "sales", "share_of_wallet": "sow", "gross_margin": "gm"})
    out = wallet_value(renamed, revenue_col="sales", share_col="sow", margin_col="gm")
    assert out["potential_value"].tolist() == [120.0, 0.0]
