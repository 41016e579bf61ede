"""Cronbach's alpha agrees with an independent covariance-matrix computation (docs/methods.md §4.9)."""
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.errors import DataError, DataWarning
from helpers.reliability import cronbach_alpha


def alpha_from_covariance(x: np.ndarray) -> float:
    """α = k/(k−1) · (1 − trace(C) / sum(C)), C the sample covariance matrix of the items."""
    c = np.cov(x, rowvar=False, ddof=1)
    k = c.shape[0]
    return k / (k - 1) * (1 - np.trace(c) / c.sum())


def standardized_from_correlation(x: np.ndarray) -> float:
    r = np.corrcoef(x, rowvar=False)
    k = r.shape[0]
    r_bar = (r.sum() - k) / (k * (k - 1))
    return k * r_bar / (1 + (k - 1) * r_bar)


def scale_items(seed: int, n: int = 200, k: int = 5, noise: float = 0.8) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    latent = rng.normal(size=(n, 1))
    values = np.clip(np.round(4 + latent + noise * rng.normal(size=(n, k))), 1, 7)
    return pd.DataFrame(values, columns=[f"q{i}" for i in range(1, k + 1)])


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10_000), st.integers(2, 6), st.floats(0.3, 2.0))
def test_alpha_matches_covariance_matrix_computation(seed, k, noise):
    items = scale_items(seed, n=60, k=k, noise=noise)
    if items.sum(axis=1).var() == 0 or (items.var() == 0).any():
        return
    res = cronbach_alpha(items)
    assert res.alpha == pytest.approx(alpha_from_covariance(items.to_numpy()), abs=1e-9)
    assert res.standardized_alpha == pytest.approx(standardized_from_correlation(items.to_numpy()), abs=1e-9)


def test_item_diagnostics_match_independent_computations():
    items = scale_items(1)
    res = cronbach_alpha(items)
    x = items.to_numpy()
    for j, name in enumerate(items.columns):
        rest = np.delete(x, j, axis=1)
        row = res.items.loc[name]
        assert row["alpha_if_deleted"] == pytest.approx(alpha_from_covariance(rest), abs=1e-9)
        assert row["item_total_r"] == pytest.approx(np.corrcoef(x[:, j], x.sum(axis=1))[0, 1], abs=1e-9)
        corrected = np.corrcoef(x[:, j], rest.sum(axis=1))[0, 1]
        assert row["corrected_item_total_r"] == pytest.approx(corrected, abs=1e-9)


def test_deleting_a_pure_noise_item_raises_alpha():
    items = scale_items(7)
    items["noise"] = np.random.default_rng(99).integers(1, 8, size=len(items)).astype(float)
    res = cronbach_alpha(items)
    assert res.items["alpha_if_deleted"].idxmax() == "noise"
    assert res.items.loc["noise", "alpha_if_deleted"] > res.alpha
    assert (res.items.drop(index="noise")["alpha_if_deleted"] < res.alpha).all()
    assert res.items["corrected_item_total_r"].idxmin() == "noise"


def test_listwise_deletion_is_reported_and_n_is_the_rows_used():
    items = scale_items(3, n=50)
    items.loc[[4, 10], "q2"] = None
    with pytest.warns(DataWarning, match=r"2 of 50.*rows 5, 11"):
        res = cronbach_alpha(items)
    assert (res.n, res.n_dropped, res.k) == (48, 2, 5)
    assert res.alpha == pytest.approx(alpha_from_covariance(items.dropna().to_numpy()), abs=1e-9)


def test_alpha_of_a_consistent_scale_is_acceptable_and_readable():
    res = cronbach_alpha(scale_items(5, noise=0.5))
    assert res.acceptable and repr(res).startswith("AlphaResult(alpha=0.9")
    assert "Alpha" in res._repr_html_() or "alpha" in res._repr_html_()


def test_malformed_item_sets_are_rejected():
    with pytest.raises(DataError, match="at least 2 items"):
        cronbach_alpha(pd.DataFrame({"q1": [1, 2, 3]}))
    with pytest.raises(DataError, match="does not vary"):
        cronbach_alpha(pd.DataFrame({"q1": [3, 3], "q2": [4, 4]}))
    with pytest.raises(DataError, match=r"'q2'.*non-numeric.*rows.*: 2"):
        cronbach_alpha(pd.DataFrame({"q1": [1, 2], "q2": [3, "n/a?"]}))
    with pytest.raises(DataError, match="outside the scale 1–5"):
        cronbach_alpha(pd.DataFrame({"q1": [1, 2], "q2": [3, 6]}), scale=(1, 5))


def test_item_cols_pick_the_scale_from_a_wider_survey():
    items = scale_items(3, noise=0.5)
    survey = items.assign(respondent_id=[f"r{i}" for i in range(len(items))], other=1.0)
    assert cronbach_alpha(survey, item_cols=list(items.columns)).alpha == pytest.approx(cronbach_alpha(items).alpha)


def test_a_reversed_scale_is_a_parameter_error_in_both_languages():
    from helpers.i18n import language
    from helpers.validation import ParameterError

    items = scale_items(4)
    with language("en"), pytest.raises(ParameterError, match=r"^Parameter scale must be a pair"):
        cronbach_alpha(items, scale=(7, 1))
    with language("zh"), pytest.raises(ParameterError, match="^参数 scale"):
        cronbach_alpha(items, scale=(7, 1))
