"""A first open that just works (``make lab``): working copies in ``work/<lang>/`` (git-ignored) that
are trusted, so saved widgets render before anything runs; JupyterLab in Chinese for the zh edition,
without the news question; the committed notebooks stay untouched. Screenshot:
``build/artifacts/lab-first-open.png``."""
from __future__ import annotations

import hashlib
import json
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

from conftest import ROOT
from helpers.teaching.classroom import lab

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


def _fake_repo(tmp_path: Path) -> Path:
    for lang in ("zh", "en"):
        (tmp_path / "notebooks" / lang).mkdir(parents=True)
        nb = nbformat.v4.new_notebook()
        nb.cells = [nbformat.v4.new_markdown_cell(f"# {lang}")]
        nbformat.write(nb, tmp_path / "notebooks" / lang / "00_start_here.ipynb")
    return tmp_path


def test_working_copies_are_made_once_and_never_overwrite_your_work(tmp_path, monkeypatch):
    monkeypatch.setenv("JUPYTER_DATA_DIR", str(tmp_path / "data"))
    repo = _fake_repo(tmp_path)
    copy = repo / "work" / "zh" / "00_start_here.ipynb"
    assert lab.working_copies(repo, "zh") == [copy]
    from nbformat.sign import NotebookNotary

    assert NotebookNotary().check_signature(nbformat.read(copy, as_version=4))       # trusted
    assert lab.working_copies(repo, "zh") == []                                       # nothing to do

    source = repo / "notebooks" / "zh" / "00_start_here.ipynb"
    nb = nbformat.read(source, as_version=4)
    nb.cells.append(nbformat.v4.new_markdown_cell("new upstream"))
    nbformat.write(nb, source)
    assert lab.working_copies(repo, "zh") == [copy]                                   # refreshed: not edited
    assert "new upstream" in copy.read_text()

    mine = nbformat.read(copy, as_version=4)
    mine.cells.append(nbformat.v4.new_markdown_cell("my notes"))
    nbformat.write(mine, copy)
    nb.cells.append(nbformat.v4.new_markdown_cell("another upstream change"))
    nbformat.write(nb, source)
    assert lab.working_copies(repo, "zh") == []                                       # edited: kept
    assert "my notes" in copy.read_text()


def test_the_zh_edition_starts_in_chinese_without_news_and_the_en_edition_in_english(tmp_path):
    zh = json.loads((lab.lab_settings(tmp_path, "zh") / "overrides.json").read_text())
    en = json.loads((lab.lab_settings(tmp_path, "en") / "overrides.json").read_text())
    assert zh["@jupyterlab/translation-extension:plugin"]["locale"] == "zh_CN"
    assert en["@jupyterlab/translation-extension:plugin"]["locale"] == "en"
    assert zh["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"
    command = lab.lab_command(tmp_path, "zh")
    assert "--LabApp.default_url=/lab/tree/work/zh/00_start_here.ipynb" in command


def _digests(folder: Path) -> dict:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("*.ipynb"))}


def _git_status() -> str:
    """Changes to tracked files anywhere, and new files where JupyterLab could put them (the notebooks'
    folders, the top of the clone); other tests running alongside write only git-ignored folders."""
    def git(*args):
        return subprocess.run(["git", "status", "--porcelain", *args], cwd=ROOT, capture_output=True, text=True).stdout

    untracked = [line for line in git("--untracked-files=all").splitlines()
                 if line.startswith("??") and (line[3:].startswith("notebooks/") or "/" not in line[3:].rstrip("/"))]
    return git("--untracked-files=no") + "\n".join(untracked)


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.skipif(not CHROMIUM.exists() and os.environ.get("CI") != "true", reason="needs Debian's chromium")
def test_make_lab_opens_a_chinese_lab_with_live_widgets_and_leaves_git_clean(tmp_path):
    from playwright.sync_api import expect, sync_playwright

    committed = _digests(ROOT / "notebooks" / "zh")
    status_before = _git_status()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    token = secrets.token_hex(16)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
           "JUPYTERLAB_WORKSPACES_DIR": str(tmp_path / "workspaces"),
           "JUPYTERLAB_SETTINGS_DIR": str(tmp_path / "user-settings"),       # a new user: no settings of their own
           "JUPYTER_DATA_DIR": str(tmp_path / "data"), "CRMKIT_PROGRESS": "off"}
    log = open(tmp_path / "lab.log", "w")
    server = subprocess.Popen([sys.executable, "-m", "helpers", "lab", "--lang", "zh", "--", "--no-browser",
                               f"--port={port}", "--ip=127.0.0.1", f"--IdentityProvider.token={token}"],
                              cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
                break
            except OSError:
                assert server.poll() is None, (tmp_path / "lab.log").read_text()
                time.sleep(0.5)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 1000})
            try:
                page.goto(f"{base}/?token={token}")          # the default URL: the zh start page, a working copy
                page.locator(".jp-Notebook .jp-Cell").first.wait_for(timeout=120_000)
                assert "/lab/tree/work/zh/00_start_here.ipynb" in page.url
                expect(page.get_by_text("文件", exact=True).first).to_be_visible()      # the Chinese interface
                calculator = page.locator(".jp-OutputArea .widget-slider").first          # saved widget state
                calculator.scroll_into_view_if_needed(timeout=90_000)
                expect(calculator).to_be_visible(timeout=90_000)
                assert page.locator(".jp-Notebook").get_by_text("VBox(children=").count() == 0
                assert page.get_by_text("Jupyter news").count() == 0
                assert page.get_by_text("Jupyter 新闻").count() == 0
                page.screenshot(path=str(_artifact("lab-first-open.png")))
                expect(page.locator('[data-command="RISE:preview"]').first).to_be_attached()  # slides in the lab
                page.keyboard.press("Control+s")                                          # save, as autosave would
                page.wait_for_timeout(3000)
                # presenting in the lab (jupyterlab-rise, reveal.js bundled): a Chinese slide, nothing from the web
                outside = []
                page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base)
                           else (outside.append(route.request.url), route.abort()))
                page.goto(f"{base}/rise/work/zh/00_start_here.ipynb?token={token}")
                page.locator(".reveal.ready").wait_for(timeout=120_000)
                page.wait_for_timeout(2000)
                present = page.locator(".reveal .slides > section.present")
                if "helpers.setup(" in present.inner_text():          # notebooks built before the setup cell was skipped
                    page.keyboard.press("ArrowRight")
                    page.wait_for_timeout(1000)
                expect(present).to_contain_text("从这里开始", timeout=30_000)
                page.screenshot(path=str(_artifact("lab-rise-slide.png")))
                assert not outside, outside
            finally:
                browser.close()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
        log.close()
    assert _digests(ROOT / "notebooks" / "zh") == committed
    assert _git_status() == status_before
    assert not list((ROOT / "notebooks" / "zh").glob("build")) and not list((ROOT / "notebooks" / "zh").glob(".ipynb_checkpoints"))


def _artifact(name: str) -> Path:
    folder = ROOT / "build" / "artifacts"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name


def test_an_explorer_redrawn_by_a_later_cell_shows_one_chart(tmp_path):
    """Run All: the chart of an explorer whose control a later cell sets is replaced, not doubled (the
    chapter 03 RFM explorer did show a stale second chart). nbclient keeps the widget state as a browser does."""
    from nbclient import NotebookClient

    from helpers.teaching.authoring import WIDGET_STATE

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("import helpers\nhelpers.setup(lang='zh')\n"
                                          "from helpers.teaching.widgets import ClvCalculator\ncalc = ClvCalculator()\ncalc"),
                nbformat.v4.new_code_cell("calc.controls['retention'].value = 0.9"),
                nbformat.v4.new_code_cell("calc.controls['profit_per_period'].value = 120")]
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}},
                   env={**os.environ, "PYTHONPATH": str(ROOT), "CRMKIT_PROGRESS": "off"}).execute()
    state = nb.metadata["widgets"][WIDGET_STATE]["state"]
    charts = [m for m in state.values() if m["model_name"] == "ImageModel"]     # the chart is one image, redrawn
    outputs = [m["state"].get("outputs", []) for m in state.values() if m["model_name"] == "OutputModel"]
    assert len(charts) == 1 and not any(outputs)
