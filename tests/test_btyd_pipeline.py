"""From CDNOW transactions to BG/NBD, Pareto/NBD, Gamma-Gamma and CLV through the kit's own summary step."""
import pandas as pd
import pytest

from helpers.btyd import BetaGeoModel, GammaGammaModel, ParetoNBDModel, customer_clv, holdout_comparison

from conftest import FIXTURES


@pytest.fixture(scope="module")
def summary():
    from helpers.data import load_cdnow
    from helpers.btyd import btyd_summary

    transactions, _ = load_cdnow(sample=True)
    return btyd_summary(transactions, as_of="1997-09-30", holdout_end="1998-06-30")


def test_models_fitted_from_transactions_match_the_published_estimates(summary):
    bgnbd = BetaGeoModel.fit(summary)
    assert {k: round(v, 3) for k, v in bgnbd.params.items()} == {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}
    assert round(bgnbd.log_likelihood, 1) == -9582.4
    gg = GammaGammaModel.fit(summary)
    # unrounded mean spends reproduce the CLVTools test value LL = −4055.9177
    assert gg.log_likelihood == pytest.approx(-4055.9177, abs=5e-4)
    assert (round(gg.p, 2), round(gg.q, 2), round(gg.gamma, 2)) == (6.25, 3.74, 15.44)


def test_pareto_nbd_from_transactions_matches_the_published_estimates(summary):
    # Fader, Hardie & Lee (2005) and Hardie's note 008 on the CDNOW calibration period (docs/methods.md §3.7):
    # r = 0.553, α = 10.578, s = 0.606, β = 11.669, LL = −9594.98
    model = ParetoNBDModel.fit(summary)
    assert {k: round(v, 3) for k, v in model.params.items()} == {"r": 0.553, "alpha": 10.578, "s": 0.606,
                                                                 "beta": 11.669}
    assert round(model.log_likelihood, 2) == -9594.98 and model.converged and model.period == "W"
    table = model.summary()
    for name, value in {"r": 0.553, "alpha": 10.578, "s": 0.606, "beta": 11.669}.items():
        assert table.loc[name, "lower"] < value < table.loc[name, "upper"]


def test_holdout_defaults_read_the_summary_columns(summary):
    table = holdout_comparison(BetaGeoModel.fit(summary), summary)
    fixture = pd.read_csv(FIXTURES / "cdnow" / "cdnow_holdout.csv")
    assert (table["actual"] * table["customers"]).sum() == pytest.approx(fixture["x_star"].sum())


def test_customer_clv_keeps_customer_ids(summary):
    bgnbd, gg = BetaGeoModel.fit(summary), GammaGammaModel.fit(summary)
    table = customer_clv(bgnbd, gg, summary, horizon=12, margin=0.3, discount=0.01, step_length=52 / 12)
    assert table.index.equals(summary.index) and table.index.name == "customer_id"
    assert (table["clv"] >= 0).all() and table["clv"].idxmax() in summary.index[summary["x"] > 0]


def test_pareto_nbd_drives_clv_and_the_holdout_check_like_bg_nbd(summary):
    pnbd, gg = ParetoNBDModel.fit(summary), GammaGammaModel.fit(summary)
    table = customer_clv(pnbd, gg, summary, horizon=12, margin=0.3, discount=0.01, step_length=52 / 12)
    assert table.index.equals(summary.index) and (table["clv"] >= 0).all()
    assert table["prob_alive"].between(0, 1).all() and table["prob_alive"].min() < 0.5
    holdout = holdout_comparison(pnbd, summary)
    assert holdout.attrs["model"] == "Pareto/NBD" and holdout["predicted"].is_monotonic_increasing
    # both models forecast the 1,882 holdout purchases within 15 % (FHL 2005 fig. 4 shows both a little low)
    assert (holdout["predicted"] * holdout["customers"]).sum() == pytest.approx(1882, rel=0.15)
