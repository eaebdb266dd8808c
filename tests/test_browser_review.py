"""Reviewing in a real browser (Debian's Chromium through Playwright) against `serve --edit`
on 127.0.0.1: confirm, reject and correct a claim on a place page, and add a missed figure by
selecting its words in a document. No console error (a CSP violation is one), no request
leaves the server. Screenshots go to artifacts/screenshots/."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_browser import Watch, browser, missing, shoot  # noqa: F401  (the browser fixture)
from web_fixtures import DOCUMENTS, fill_ledger, free_port

from fighterflows.ledger import Ledger
from fighterflows.web.app import create_app
from fighterflows.web.editing import EditSettings

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]
assert missing  # the same rule for a missing browser as the other browser tests


class EditServer:
    """`serve --edit` on 127.0.0.1 in a thread: uvicorn with the edit settings."""

    def __init__(self, db: str) -> None:
        import uvicorn

        self.port = free_port()
        app = create_app(db, EditSettings.for_host("127.0.0.1"))
        self.server = uvicorn.Server(
            uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        )
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> EditServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            assert self.thread.is_alive() and time.monotonic() < deadline, "no uvicorn"
            time.sleep(0.05)
        return self

    def __exit__(self, *_: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture
def server(ledger_url: str) -> Iterator[EditServer]:
    """On SQLite and on a real PostgreSQL."""
    if "://" in ledger_url:
        ledger = Ledger.open(ledger_url)
        for new in DOCUMENTS:
            ledger.add_document(new)
        ledger.close()
    else:
        fill_ledger(Path(ledger_url))
    with EditServer(ledger_url) as live:
        yield live


@pytest.fixture
def page(browser: Any, server: EditServer) -> Iterator[tuple[Any, Watch]]:  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    watch = Watch((server.url + "/",))
    watch.attach(context, tab)
    yield tab, watch
    context.close()


def claim(tab: Any, document: str) -> Any:
    """The claim on a place page stated in `document`."""
    return tab.locator("li.claim", has=tab.locator("a", has_text=document)).first


def test_confirm_and_reject_on_a_place_page(page: tuple[Any, Watch], server: EditServer) -> None:
    tab, watch = page
    tab.goto(server.url + "/place/FRA", wait_until="networkidle")
    icsr = claim(tab, "2017-icsr-update")
    icsr.locator("button.confirm").first.click()
    tab.wait_for_load_state("networkidle")
    assert tab.url == server.url + "/place/FRA"
    icsr = claim(tab, "2017-icsr-update")
    assert icsr.locator(".tag.review-confirmed").inner_text() == "confirmed"
    assert icsr.locator("button.confirm").count() == 0
    shoot(tab, "review-confirmed")

    tab.goto(server.url + "/conflicts", wait_until="networkidle")
    assert "400" in tab.locator("ul.conflicts").inner_text()  # the misquote, 271 vs 400
    tab.goto(server.url + "/place/FRA", wait_until="networkidle")
    wire = claim(tab, "2017-wire-misquote")
    wire.locator('input[name="why"]').first.fill("the wire misquotes the Soufan Center's 271")
    wire.locator("button.reject").first.click()
    tab.wait_for_load_state("networkidle")
    assert tab.locator("li.claim", has=tab.locator("a", has_text="2017-wire-misquote")).count() == 0
    tab.goto(server.url + "/conflicts", wait_until="networkidle")
    assert "400" not in tab.locator("main").inner_text()
    tab.goto(server.url + "/documents/2017-wire-misquote", wait_until="networkidle")
    row = tab.locator("#review-list tbody tr").first
    assert "rejected" in row.inner_text() and "misquotes" in row.inner_text()
    assert tab.locator("pre.doc-text mark.figure").count() == 0
    row.locator("button.restore").click()  # the analyst changes her mind
    tab.wait_for_load_state("networkidle")
    assert tab.locator("pre.doc-text mark.figure").inner_text() == "400"
    watch.assert_clean()


def test_correct_a_figure_from_its_review_page(page: tuple[Any, Watch], server: EditServer) -> None:
    tab, watch = page
    tab.goto(server.url + "/place/DEU", wait_until="networkidle")
    before = tab.locator("table.data tbody tr").first.inner_text()
    claim(tab, "2017-icsr-update").locator("a.correct").first.click()
    tab.wait_for_url("**/review/**")
    form = tab.locator("#correct-form")
    assert form.locator('input[name="value"]').input_value() == "600"
    form.locator('input[name="value"]').fill("650")
    form.locator('select[name="qualifier"]').select_option("exact")
    form.locator('input[name="source"]').fill(
        "International Centre for the Study of Radicalisation"
    )
    form.locator('input[name="why"]').fill("the ICSR table says 650")
    shoot(tab, "review-correct-form")
    form.locator('button[type="submit"]').click()
    tab.wait_for_url("**/place/DEU")
    tab.wait_for_load_state("networkidle")
    corrected = claim(tab, "2017-icsr-update")
    assert "650" in corrected.locator(".claim-head").inner_text()
    assert "International Centre for the Study of Radicalisation" in corrected.inner_text()
    assert corrected.locator(".tag.review-corrected").count() == 1
    assert tab.locator("table.data tbody tr").first.inner_text() != before
    watch.assert_clean()


def test_add_a_missed_figure_by_selecting_its_words(
    page: tuple[Any, Watch], server: EditServer
) -> None:
    tab, watch = page
    tab.goto(server.url + "/documents/2018-belgian-report", wait_until="networkidle")
    assert tab.locator("pre.doc-text mark.figure").count() == 2
    # select "413 Belgians" in the text as a reader would, then let go of the mouse
    tab.evaluate("""() => {
        const pre = document.getElementById('text');
        const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
        let node, offset = -1, text = '';
        while ((node = walker.nextNode())) {
            const at = (text + node.textContent).indexOf('413 Belgians');
            if (at >= 0 && at >= text.length - 3) { offset = at - text.length; break; }
            text += node.textContent;
        }
        const mark = pre.querySelector('mark');
        const range = document.createRange();
        range.setStart(mark.firstChild, 0);
        const after = mark.nextSibling;
        range.setEnd(after, ' Belgians'.length);
        const selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        pre.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
    }""")
    form = tab.locator("#add-figure")
    assert form.locator('input[name="quote"]').input_value() == "413 Belgians"
    assert form.locator('input[name="occurrence"]').input_value() == "1"
    form.locator('input[name="place"]').fill("Belgium")
    form.locator('select[name="flow"]').select_option("detained")
    form.locator('select[name="scope"]').select_option("current")
    form.locator('input[name="why"]').fill("they are held, says the next paragraph")
    shoot(tab, "review-add-selected")
    form.locator('button[type="submit"]').click()
    tab.wait_for_load_state("networkidle")
    assert "#e-" in tab.url
    target = tab.locator("mark.figure:target")
    assert target.inner_text() == "413 Belgians" and target.is_visible()
    row = tab.locator("#review-list tbody tr").first
    assert "added" in row.inner_text() and "detained" in row.inner_text()
    shoot(tab, "review-added")
    tab.goto(server.url + "/place/BEL?flow=detained", wait_until="networkidle")
    assert tab.locator("li.claim .tag.review-added").count() == 1
    watch.assert_clean()


def test_a_bad_addition_is_refused_in_words(page: tuple[Any, Watch], server: EditServer) -> None:
    tab, watch = page
    tab.goto(server.url + "/documents/2018-belgian-report", wait_until="networkidle")
    form = tab.locator("#add-figure")
    form.locator('input[name="quote"]').fill("414 Belgians")
    form.locator('input[name="place"]').fill("Belgium")
    form.locator('input[name="why"]').fill("test")
    response_status: list[int] = []
    tab.on("response", lambda r: r.url.endswith("/review/add") and response_status.append(r.status))
    form.locator('button[type="submit"]').click()
    tab.wait_for_load_state("networkidle")
    assert response_status == [422]
    assert "'414 Belgians' is not in 2018-belgian-report" in tab.locator("main").inner_text()
    assert watch.errors == [
        "Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)"
    ]
    watch.errors.clear()
    watch.assert_clean()


def test_the_review_forms_fit_a_phone(browser: Any, server: EditServer) -> None:  # noqa: F811
    context = browser.new_context(viewport={"width": 390, "height": 844})
    tab = context.new_page()
    watch = Watch((server.url + "/",))
    watch.attach(context, tab)
    tab.goto(server.url + "/place/FRA", wait_until="networkidle")
    review_page = tab.locator("a.correct").first.get_attribute("href")
    for path in ("/place/FRA", "/documents/2018-belgian-report", review_page):
        tab.goto(server.url + path, wait_until="networkidle")
        assert tab.evaluate("document.documentElement.scrollWidth") <= 390, path
    shoot(tab, "review-page-phone")
    context.close()
    watch.assert_clean()
