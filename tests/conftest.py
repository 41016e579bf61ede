"""Shared test setup: a fixed language per test and a non-interactive matplotlib backend."""
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def _language():
    """Every test starts in English and leaves the language as it found it."""
    from helpers.i18n import get_language, set_language

    before = get_language()
    set_language("en")
    yield
    set_language(before)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")
