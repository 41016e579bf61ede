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


def pytest_configure(config):
    if not hasattr(config, "workerinput"):         # the run itself (not one of its xdist workers)
        config.repo_mode = ROOT.stat().st_mode


def pytest_sessionfinish(session):
    """A class server closes the kit's folder to other accounts, as in a real class (see
    helpers.teaching.classroom.prepare.close_repo); it stays closed while any test runs, since
    class servers of several test modules may run at once, and is reopened once every test is done."""
    mode = getattr(session.config, "repo_mode", None)
    if mode is not None and ROOT.stat().st_mode != mode:
        os.chmod(ROOT, mode)


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
