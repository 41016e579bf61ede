"""The class server for real: JupyterHub on localhost, two students and the trainer in Chromium.

Each student signs in (name, class code, own password), opens chapter 00 of the student edition, answers
one exercise right and one with the declared typical mistake and runs the check cells; the trainer's
board shows both outcomes and the mistake; a student can open neither the other's notebook nor the
answer key — not through the server, not with ``open()`` in a kernel; a solution the trainer releases
becomes visible. Screenshots: ``build/artifacts/classroom-board.png`` (and the students' pages).
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from classroom_fixtures import Classroom, classroom, missing  # noqa: F401  (classroom: a fixture)
from conftest import ROOT

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
ARTIFACTS = ROOT / "build" / "artifacts"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists() and os.environ.get("CI") != "true",
                       reason="needs Debian's chromium at /usr/bin/chromium"),
    pytest.mark.skipif(missing() is not None and os.environ.get("CI") != "true", reason=str(missing())),
]


def _artifact(name: str) -> str:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return str(ARTIFACTS / name)


def sign_in(page, room: Classroom, name: str, password: str, code: str = "") -> None:
    page.goto(f"{room.url}/hub/login")
    page.fill("#username_input", name)
    page.fill("#code_input", code)
    page.fill("#password_input", password)
    page.click("#login_submit")


def wait_for_notebook(page) -> None:
    page.locator(".jp-Notebook .jp-Cell").first.wait_for(timeout=180_000)
    page.locator(".jp-Notebook-ExecutionIndicator, #jp-main-statusbar").first.wait_for(timeout=60_000)
    page.get_by_text(re.compile(r"Python 3 \(ipykernel\) \| (空闲|Idle)")).first.wait_for(timeout=120_000)


def cell(page, text: str):
    return page.locator(".jp-Notebook .jp-Cell").filter(has_text=text).first


def focus_editor(page, target) -> None:
    """Put the cursor in the cell's editor — and make sure it is there: keys typed in command mode
    would be commands (``a`` inserts a cell)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for _ in range(5):
        target.scroll_into_view_if_needed()
        target.locator(".cm-content").first.click()
        try:
            target.locator(".cm-editor.cm-focused").wait_for(timeout=5_000)
            return
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
    raise AssertionError("could not put the cursor in the cell")


def run(page, text: str, new_source: str | None = None):
    """Run the cell containing ``text`` (after replacing its source) and return its output area."""
    cells = page.locator(".jp-Notebook .jp-Cell")
    index = cells.evaluate_all("(els, text) => els.findIndex(e => e.textContent.includes(text))", text)
    assert index >= 0, f"no cell with {text!r}"
    target = cells.nth(index)
    focus_editor(page, target)
    if new_source is not None:
        page.keyboard.press("Control+A")
        page.keyboard.type(new_source)
    before = target.locator(".jp-InputPrompt").inner_text()
    page.keyboard.press("Control+Enter")
    prompt = target.locator(".jp-InputPrompt")
    handle = prompt.element_handle()
    page.wait_for_function("([el, before]) => el.innerText.includes('*') || el.innerText !== before",
                           arg=[handle, before], timeout=60_000)          # started (a trainer's [1] stays [1])
    page.wait_for_function("el => /\\[\\d+\\]/.test(el.innerText)", arg=handle, timeout=120_000)   # finished
    return target.locator(".jp-OutputArea")


def run_new_cell(page, source: str):
    """Append a cell at the end of the notebook, run it, return its output area."""
    from playwright.sync_api import expect

    last = page.locator(".jp-Notebook .jp-Cell").last
    for _ in range(5):                                         # select the last cell (command mode)
        last.scroll_into_view_if_needed()
        last.locator(".jp-InputPrompt, .jp-InputArea-prompt").first.click()
        page.keyboard.press("Escape")
        if "jp-mod-active" in (last.get_attribute("class") or ""):
            break
    expect(last).to_have_class(re.compile("jp-mod-active"))
    count = page.locator(".jp-Notebook .jp-Cell").count()
    page.keyboard.press("b")
    page.wait_for_function("n => document.querySelectorAll('.jp-Notebook .jp-Cell').length > n", arg=count)
    new = page.locator(".jp-Notebook .jp-Cell").last
    expect(new).to_have_class(re.compile("jp-mod-active"))
    focus_editor(page, new)
    page.keyboard.type(f"exec({source!r})" if "\n" in source else source)    # the editor would re-indent lines
    page.keyboard.press("Control+Enter")
    prompt = new.locator(".jp-InputPrompt")
    page.wait_for_function("el => /\\[\\d+\\]/.test(el.innerText)", arg=prompt.element_handle(), timeout=120_000)
    return new.locator(".jp-OutputArea")


def answer(page, placeholder: str, source: str, check: str) -> str:
    run(page, placeholder, source)
    return run(page, check).inner_text()


def test_two_students_and_the_trainer(classroom):
    from playwright.sync_api import expect, sync_playwright

    room = classroom
    home = room.dir / "home"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        pages = {}
        try:
            # a wrong class code is refused with a message in the class language
            wrong = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
            sign_in(wrong, room, "王五", "abcd1234", code="000000" if room.code != "000000" else "111111")
            expect(wrong.locator(".login_error")).to_contain_text("班级码不对")

            for name, password in (("张三", "zhang-pw"), ("李四", "li-pw-4")):
                page = browser.new_context(viewport={"width": 1280, "height": 1000}).new_page()
                sign_in(page, room, name, password, room.code)
                pages[name] = page
            accounts = {}
            for name, page in pages.items():
                wait_for_notebook(page)
                accounts[name] = re.search(r"/user/([^/]+)/", page.url).group(1)
                assert "/lab/tree/notebooks/zh/00_start_here.ipynb" in page.url
                expect(page.get_by_text("文件", exact=True).first).to_be_visible()     # JupyterLab in Chinese
            zhang, li = pages["张三"], pages["李四"]
            assert accounts["张三"] != accounts["李四"]

            # each student: one exercise right, one with the declared typical mistake
            for page in (zhang, li):
                run(page, "helpers.setup(")
            assert "正确" in answer(zhang, "clv_at_90 = ____", "clv_at_90 = 450.0", "ch00.q4.check()")
            assert "不对" in answer(zhang, "biggest_reason = ____", "biggest_reason = 'excl_cancellation'",
                                    "ch00.q3.check()")
            assert "不对" in answer(li, "clv_at_90 = ____", "clv_at_90 = 900.0", "ch00.q4.check()")
            assert "正确" in answer(li, "biggest_reason = ____", "biggest_reason = 'excl_missing_customer'",
                                    "ch00.q3.check()")
            zhang.screenshot(path=_artifact("classroom-student.png"))

            # isolation through the server: the other student's notebook, the hub's view of them, the board
            other = f"{room.url}/user/{accounts['李四']}/api/contents/notebooks/zh/00_start_here.ipynb"
            assert zhang.request.get(other).status in (403, 404)
            assert zhang.request.get(f"{room.url}/user/{accounts['李四']}/lab").status in (403, 404) or \
                "/hub/" in zhang.request.get(f"{room.url}/user/{accounts['李四']}/lab").url
            assert zhang.request.get(f"{room.url}/hub/api/users/{accounts['李四']}").status in (403, 404)
            zhang.goto(f"{room.url}/services/progress/board")
            expect(zhang.locator("body")).to_contain_text("403")
            zhang.go_back()
            wait_for_notebook(zhang)

            # isolation in the kernel: open() of the other's notebook and of the answer key fails
            targets = [home / accounts["李四"] / "notebooks" / "zh" / "00_start_here.ipynb",
                       home / room.trainer / "notebooks" / "zh" / "00_start_here.ipynb",
                       room.dir / "editions" / "trainer" / "zh" / "00_start_here.ipynb",
                       ROOT / "notebooks" / "zh" / "00_start_here.ipynb",
                       ROOT / "course" / "trainer-guide.zh.md",
                       room.dir / "hub" / "settings.json"]
            probe = ("import os\nfor p in " + repr([str(t) for t in targets]) + ":\n"
                     "    try:\n        open(p).read(10); print('READ', p)\n"
                     "    except OSError as e:\n        print('DENIED', type(e).__name__, p)\n"
                     "from helpers.teaching.exercises import ch00 as c\nprint('MODEL', repr(c.q4.model_answer))")
            output = run_new_cell(zhang, probe).inner_text()
            assert "READ" not in output, output
            assert output.count("DENIED") == len(targets), output
            assert "MODEL ''" in output, output                  # the kit students import has no model answers

            # the solution is held back until the trainer releases it
            held = run_new_cell(zhang, "ch00.q4.solution()").inner_text()
            assert "解答将在讲解后开放" in held, held
            mine = run_new_cell(zhang, "from helpers.teaching.classroom import my_progress; my_progress()").inner_text()
            assert "已答对 1 题" in mine, mine
            zhang.keyboard.press("Control+s")                    # saved, for the collection below

            # the trainer: the trainer edition, and the board with both outcomes and the declared mistake
            trainer = browser.new_context(viewport={"width": 1400, "height": 900}).new_page()
            sign_in(trainer, room, "trainer", room.trainer_password)
            wait_for_notebook(trainer)
            expect(cell(trainer, "rows_read = report.rows_read")).to_be_attached()   # a solution cell
            run(trainer, "helpers.setup(")
            assert "参考答案" in run_new_cell(trainer, "ch00.q3.solution()").inner_text()   # the trainer: always
            trainer.goto(f"{room.url}/services/progress/board")
            grid = trainer.locator("#grid")
            for account, exercise, state in ((accounts["张三"], "q4", "correct"), (accounts["张三"], "q3", "mistake"),
                                             (accounts["李四"], "q4", "mistake"), (accounts["李四"], "q3", "correct")):
                expect(grid.locator(f'td[data-cell="{account}:ch00.{exercise}"]')).to_have_class(state, timeout=30_000)
            expect(grid.locator(f'td[data-cell="{accounts["李四"]}:ch00.q4"]')).to_contain_text("CLV 忘了折现率")
            expect(trainer.locator("#mistakes")).to_contain_text("以为取消单最多")
            expect(grid).to_contain_text("张三")
            expect(grid).to_contain_text("李四")
            trainer.screenshot(path=_artifact("classroom-board.png"), full_page=True)

            # release q4's solution: the student now sees it
            trainer.locator('button[data-release="ch00.q4"]').click()
            expect(trainer.locator('button[data-release="ch00.q4"]')).to_have_class(re.compile("on"), timeout=15_000)
            shown = run_new_cell(zhang, "ch00.q4.solution()").inner_text()
            assert "参考答案" in shown and "calc.controls['retention'].value = 0.9" in shown, shown
            still_held = run_new_cell(zhang, "ch00.q3.solution()").inner_text()
            assert "解答将在讲解后开放" in still_held
            trainer.screenshot(path=_artifact("classroom-board-released.png"), full_page=True)
            collect_and_export(room, accounts)
        except Exception:
            for name, page in pages.items():
                page.screenshot(path=_artifact(f"classroom-failure-{list(pages).index(name) + 1}.png"))
            raise
        finally:
            browser.close()


def collect_and_export(room: Classroom, accounts: dict) -> None:
    """After class: a folder and a zip per student (their notebooks), and the progress in CSV."""
    import subprocess
    import sys
    import zipfile

    out = room.dir / "collected"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-m", "helpers", "classroom", "collect", "--dir", str(room.dir), "--out", str(out)],
                   cwd=ROOT, env=env, check=True, capture_output=True, timeout=120)
    archive = out / f"张三_{accounts['张三']}.zip"
    with zipfile.ZipFile(archive) as z:
        names = z.namelist()
        assert "notebooks/zh/00_start_here.ipynb" in names
        assert "'excl_cancellation'" in z.read("notebooks/zh/00_start_here.ipynb").decode()
    assert (out / f"李四_{accounts['李四']}.zip").exists()
    csv = (out / "progress.csv").read_text(encoding="utf-8-sig")
    assert "张三" in csv and "李四" in csv and "no_discount" in csv and "excl_cancellation" in csv
    assert (out / "progress.xlsx").exists()
