"""Offline slides: a chapter exported with nbconvert loads reveal.js, MathJax and the widget renderer from
local files only, Chinese renders, trainer notes are speaker notes, and solutions stay out.
The screenshot goes to ``build/artifacts/slides-zh.png``."""
from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pytest

from conftest import ROOT
from helpers.teaching.classroom import slides

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
ARTIFACTS = ROOT / "build" / "artifacts"
needs_node = pytest.mark.skipif(not (slides.NODE_MODULES / "reveal.js").exists() and os.environ.get("CI") != "true",
                                reason="needs the npm packages `make slides` installs into .node/")


def test_slides_leave_out_solutions_and_keep_trainer_notes_as_notes():
    nb = nbformat.read(ROOT / "notebooks" / "zh" / "00_start_here.ipynb", as_version=4)
    shown = slides.slides_notebook(nb)
    assert not any("solution" in c.metadata.get("tags", []) for c in shown.cells)
    notes = [c for c in shown.cells if "trainer-only" in c.metadata.get("tags", [])]
    assert notes and all(c.metadata["slideshow"]["slide_type"] == "notes" for c in notes)
    assert len(slides.slides_notebook(nb, with_solutions=True).cells) == len(nb.cells)


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    out = tmp_path_factory.mktemp("slides")
    return slides.export_chapters(["00", "01"], ["zh"], out)


@needs_node
def test_an_exported_chapter_refers_only_to_local_files(exported):
    html = exported[0].read_text(encoding="utf-8")
    for tag in ('src="../assets/require.js"', 'src="../assets/jquery.min.js"', "../assets/reveal.js/dist/reveal.js",
                "../assets/reveal.js/plugin/notes/notes.js", "../assets/mathjax/MathJax.js"):
        assert tag in html
    for cdn in ("cdnjs.cloudflare.com", "unpkg.com", "cdn.jsdelivr.net"):
        assert cdn not in html
    assert '<aside class="notes">' in html and "培训师备注" in html
    assert "rows_read = report.rows_read" not in html           # a solution cell of chapter 00


@needs_node
@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists() and os.environ.get("CI") != "true", reason="needs Debian's chromium")
def test_a_chinese_slide_renders_offline_with_formulas(exported):
    from playwright.sync_api import sync_playwright

    chapter01 = next(p for p in exported if p.name.startswith("01_"))
    outside = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 800})

        def offline(route):
            if route.request.url.startswith("file://"):
                route.continue_()
            else:
                outside.append(route.request.url)
                route.abort()

        page.route("**/*", offline)
        try:
            page.goto(chapter01.as_uri())
            page.locator(".reveal.ready").wait_for(timeout=30_000)
            assert "为什么要对客户分类" in page.locator(".reveal .slides section.present").first.inner_text()
            page.screenshot(path=str(_artifact("slides-zh.png")))
            # the slide with the Gini formula: MathJax (local) typesets it
            index = page.evaluate("""() => Array.from(document.querySelectorAll('.reveal .slides > section'))
                                             .findIndex(s => s.textContent.includes('G = '))""")
            assert index > 0
            page.goto(chapter01.as_uri() + f"#/{index}")
            page.locator(".reveal .slides > section.present .mjx-chtml").first.wait_for(timeout=30_000)
            page.evaluate("new Promise(done => MathJax.Hub.Queue(() => done(true)))")   # typesetting finished
            shown_twice = ".reveal .slides > section.present math, .reveal .slides > section.present .MJXp-math"
            assert page.locator(shown_twice).count() == 0           # typeset, and shown once
            page.screenshot(path=str(_artifact("slides-zh-formula.png")))
            assert page.evaluate("document.fonts.check('16px \"Noto Sans CJK SC\"') || document.fonts.check('16px \"CRMKit Sans SC\"')")
        finally:
            browser.close()
    assert not outside, f"the slides asked the internet for {outside}"


def _artifact(name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS / name
