"""End to end in a real browser: Debian's chromium driven by Playwright (never `playwright install`:
the browser is the system's). Open the folder, open a plan with an error, fix it in the editor and
watch the diagnostic go, save, download the .docx and open it."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys

import pytest

from conftest import MINIMAL_PLAN

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None:
    if os.environ.get("CI"):
        pytest.fail("CI needs chromium for the browser tests: apt-get install chromium", pytrace=False)
    pytest.skip("chromium is not installed (apt-get install chromium)", allow_module_level=True)

if os.environ.get("CI"):
    import playwright.sync_api as playwright  # in CI a missing Playwright is a failure, not a skip
else:
    playwright = pytest.importorskip("playwright.sync_api")

ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]

BROKEN = MINIMAL_PLAN.replace("date: 2023-09-25", "date: 2023-09-31")


@pytest.fixture
def server(tmp_path):
    root = tmp_path / "ke-hoach"
    (root / "plans").mkdir(parents=True)
    (root / "plans" / "ra-soat.yaml").write_text(BROKEN, encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "kehoach", "serve", str(root), "--port", "0", "--no-browser"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        url = process.stdout.readline().strip()
        assert "?token=" in url, process.stderr.read()
        yield url, root
    finally:
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=20)


@pytest.fixture
def page(tmp_path):
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 1366, "height": 768}, accept_downloads=True, locale="vi-VN")
        yield context.new_page()
        context.close()
        browser.close()


def test_fix_an_error_in_the_browser_and_download_the_word_file(server, page, tmp_path):
    import docx

    url, root = server
    page.goto(url)
    row = page.locator("table.specs tr", has_text="plans/ra-soat.yaml")
    assert "1 lỗi" in row.inner_text()
    page.screenshot(path=str(tmp_path / "folder.png"))

    row.locator("a").click()
    diagnostics = page.locator("#diagnostics li")
    diagnostics.first.wait_for()
    assert diagnostics.count() == 1 and "KH-S006" in diagnostics.first.inner_text()
    assert page.locator("#gutter span.error").inner_text() == "3"

    # Fix it the way a clerk would: put the cursor on the date, delete the day, type another.
    editor = page.locator("#text")
    text = editor.input_value()
    offset = text.index("2023-09-31") + len("2023-09-")
    editor.focus()
    editor.evaluate("(el, at) => el.setSelectionRange(at, at + 2)", offset)
    page.keyboard.type("25")
    page.wait_for_function("document.getElementById('summary').textContent === 'Không có lỗi nào.'")
    assert page.locator("#diagnostics li").count() == 0
    assert page.locator("#gutter span.error").count() == 0
    page.wait_for_function("document.getElementById('preview').textContent.includes('KẾ HOẠCH')")
    page.screenshot(path=str(tmp_path / "plan.png"))

    page.click(".tabs button[data-tab=calendar]")
    assert page.locator("#pane-calendar").is_visible() and not page.locator("#pane-preview").is_visible()
    assert page.locator("#calendar").inner_text() == "Kế hoạch này không có lịch kiểm tra."
    page.click(".tabs button[data-tab=preview]")

    page.click("#save")
    page.wait_for_function("document.getElementById('message').textContent.startsWith('Đã lưu')")
    assert "date: 2023-09-25" in (root / "plans" / "ra-soat.yaml").read_text(encoding="utf-8")
    assert list((root / ".kehoach-backup" / "plans").iterdir())

    with page.expect_download() as download:
        page.click("#docx")
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name == "ra-soat.docx"
    paragraphs = [p.text for p in docx.Document(str(saved)).paragraphs]
    assert "I. MỤC ĐÍCH, YÊU CẦU: Rà soát đúng quy trình./." in paragraphs
    assert any("ngày 25 tháng 9 năm 2023" in cell.text for t in docx.Document(str(saved)).tables
               for r in t.rows for cell in r.cells)


def test_at_1366_wide_the_page_is_readable_without_scrolling_sideways(tmp_path, page):
    """The shipped plan with its long paragraphs: the editor wraps with a number per logical line,
    the preview is the A4 page zoomed to fit, with the header lines where Word has them, calendar
    labels are ≥ 11 px."""
    root = tmp_path / "ke-hoach"
    shutil.copytree("plans", root / "plans")
    shutil.copytree("schedules", root / "schedules")
    process = subprocess.Popen(
        [sys.executable, "-m", "kehoach", "serve", str(root), "--port", "0", "--no-browser"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        url = process.stdout.readline().strip()
        page.goto(url.replace("/?token", "/ke-hoach/plans/2021-ngoc-hoi-kiem-tra.yaml?token"))
        editor = page.locator("#text")
        lines = editor.input_value().count("\n") + 1
        assert max(len(line) for line in editor.input_value().splitlines()) > 200
        assert editor.evaluate("el => el.scrollWidth <= el.clientWidth")
        assert page.locator("#gutter span").count() == lines
        # Every wrapped row is accounted for: the numbers are as tall as the text they stand beside.
        assert abs(page.evaluate("document.getElementById('gutter').scrollHeight - "
                                 "document.getElementById('text').scrollHeight")) <= 2
        tall = page.evaluate("Array.from(document.querySelectorAll('#gutter span'), s => s.offsetHeight)")
        assert max(tall) > 18 and min(tall) == 18

        page.wait_for_function("document.getElementById('preview').textContent.includes('KẾ HOẠCH')")
        assert page.evaluate("(p => p.scrollWidth <= p.clientWidth)(document.getElementById('pane-preview'))")
        for style in ("s-KHQuocHieu", "s-KHTieuNgu", "s-KHCoQuanChuQuan"):
            height, line_height = page.evaluate(
                f"(() => {{ const p = document.querySelector('#preview p.{style}'); "
                "return [p.getBoundingClientRect().height, parseFloat(getComputedStyle(p).fontSize) * 1.6]; })()")
            assert height < line_height, style

        page.click(".tabs button[data-tab=calendar]")
        sizes = page.evaluate("Array.from(document.querySelectorAll('#calendar svg text'), "
                              "t => t.getScreenCTM().a * parseFloat(t.getAttribute('font-size')))")
        assert sizes and min(sizes) >= 11
        page.screenshot(path=str(tmp_path / "plan-1366.png"))
    finally:
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=20)
