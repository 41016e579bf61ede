"""Shared test setup: a fixed language per test and a non-interactive matplotlib backend."""
import os
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")
# exercise checks record progress on a laptop; a test run must not write into the user's data folder
os.environ.setdefault("CRMKIT_PROGRESS", "off")

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
