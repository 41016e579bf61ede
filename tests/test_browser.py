"""A widget in a real browser: JupyterLab in headless Chromium runs a Chinese notebook, a slider moves,
the shown result changes. Needs Debian's ``chromium`` (``/usr/bin/chromium``); skipped without it
outside CI. The screenshot goes to ``test-artifacts/browser-widget.png``.
"""
from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest

from helpers.teaching.authoring import Chapter

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parent.parent
SCREENSHOT = ROOT / "test-artifacts" / "browser-widget.png"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]
NOTEBOOK = "widget_demo.ipynb"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists() and os.environ.get("CI") != "true",
                       reason="needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _write_notebook(folder: Path) -> None:
    """A Chinese notebook with the kit's setup cell and the CLV calculator, and quiet Lab settings."""
    chapter = Chapter("99_widget_demo")
    chapter.md(zh="# 客户终生价值计算器", en="# CLV calculator")
    chapter.code("from helpers.teaching.widgets import ClvCalculator\nClvCalculator()")
    notebook = chapter.notebook("zh")
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    nbformat.write(notebook, folder / NOTEBOOK)
    notifications = folder / ".settings" / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
    notifications.parent.mkdir(parents=True)
    notifications.write_text('{"fetchNews": "false", "checkForUpdates": false}')


def _wait_until_up(url: str, server: subprocess.Popen, timeout: float = 40) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"JupyterLab exited with code {server.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"JupyterLab did not answer at {url} within {timeout} s")


@pytest.fixture
def lab(tmp_path):
    """A JupyterLab server on a free local port serving ``tmp_path``; always terminated."""
    _write_notebook(tmp_path)
    port, token = _free_port(), secrets.token_hex(16)
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path / ".runtime"),
           "JUPYTERLAB_WORKSPACES_DIR": str(tmp_path / ".workspaces"),
           "JUPYTERLAB_SETTINGS_DIR": str(tmp_path / ".settings")}
    command = [sys.executable, "-m", "jupyterlab", "--no-browser", f"--port={port}", "--ip=127.0.0.1",
               f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={tmp_path}",
               "--allow-root", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
               "--LabApp.news_url=None", "--LabApp.extension_manager=readonly"]
    log = open(tmp_path / "lab.log", "w")
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_until_up(f"{base}/api/status?token={token}", server)
        yield f"{base}/lab/tree/{NOTEBOOK}?token={token}"
    finally:
        _stop(server)
        log.close()


def _stop(server: subprocess.Popen) -> None:
    """Terminate the server's process group; on SIGTERM the server shuts its kernels down first."""
    for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, None)):
        try:
            os.killpg(server.pid, sig)
        except ProcessLookupError:
            return
        try:
            server.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


def _accept_kernel(page) -> None:
    """Wait for the kernel; accept the preselected Python kernel if Lab asks which one to start."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    select = page.get_by_role("button", name="Select", exact=True)
    try:
        select.click(timeout=8_000)
    except PlaywrightTimeout:
        pass
    page.get_by_text("Python 3 (ipykernel) | Idle").first.wait_for(timeout=30_000)


def test_moving_a_slider_changes_the_shown_result(lab):
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        try:
            page.goto(lab)
            page.locator(".jp-Notebook").first.wait_for(timeout=30_000)
            _accept_kernel(page)
            page.get_by_role("menuitem", name="Run", exact=True).click()
            page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
            result = page.locator(".widget-html-content").filter(has_text="CLV =").first
            result.wait_for(timeout=60_000)              # kernel start + the kit's imports on a busy machine
            assert "266.67" in result.inner_text()         # m = 100, r = 0.8, i = 0.10 (docs/methods.md §3.6)
            expect(page.get_by_text("每期利润").first).to_be_visible()
            page.locator(".widget-slider .noUi-handle").first.focus()
            page.keyboard.press("ArrowRight")              # margin 100 → 110
            # waited for, not read once: the output may pass through an intermediate state on a busy machine
            expect(result).to_contain_text("293.33", timeout=15_000)
            page.get_by_text("Python 3 (ipykernel) | Idle").first.wait_for(timeout=20_000)   # chart redrawn
            chart = page.locator(".widget-image").first          # the explorer's chart, at the figure's size
            expect(chart).to_be_visible()
            assert chart.evaluate("img => [img.naturalWidth, Math.round(img.getBoundingClientRect().width)]") == [700, 700]
            picture = chart.get_attribute("src")
            page.locator(".widget-slider .noUi-handle").nth(1).focus()
            page.keyboard.press("ArrowRight")              # retention 0.80 → 0.85: the marker moves
            expect(chart).not_to_have_attribute("src", picture, timeout=10_000)
            SCREENSHOT.parent.mkdir(exist_ok=True)
            page.screenshot(path=str(SCREENSHOT), full_page=True)
        except Exception:
            SCREENSHOT.parent.mkdir(exist_ok=True)         # what the page showed, for the failure report
            page.screenshot(path=str(SCREENSHOT.with_name("browser-widget-failure.png")), full_page=True)
            raise
        finally:
            browser.close()
