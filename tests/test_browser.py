"""The dashboard and the report in a real browser: Debian's Chromium driven by Playwright.

Every page must load with no console error (a CSP violation is one), the map must draw and
link, highlighted sentences must show, hostile text must stay text, and the report must render
from a file:// URL with every network request refused. Screenshots go to artifacts/screenshots/.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from web_fixtures import (
    CHROMIUM,
    CHROMIUM_ARGS,
    COURIER,
    COURIER_URL,
    HOSTILE_IMG,
    HOSTILE_SCRIPT,
    SCREENSHOTS,
    LiveServer,
    fill_ledger,
)

from fighterflows.ledger import Ledger
from fighterflows.web.report import write_report

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]
REQUIRE = os.environ.get("FIGHTERFLOWS_REQUIRE_SERVICES") == "1"


def missing(reason: str) -> None:
    if REQUIRE:
        pytest.fail(f"{reason} (required: FIGHTERFLOWS_REQUIRE_SERVICES=1)")
    pytest.skip(f"SKIPPED FOR A MISSING SERVICE: {reason}")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        missing(f"{CHROMIUM} not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("the playwright package is not installed")
    with sync_playwright() as p:
        try:
            launched = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        except Exception as error:  # a broken browser install must say so, not hang
            missing(f"Chromium would not start: {error}")
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("browser")


@pytest.fixture(scope="module")
def server(folder: Path) -> Iterator[LiveServer]:
    live = LiveServer(fill_ledger(folder / "ledger.db"))
    live.start()
    yield live
    live.stop()


class Watch:
    """What a page did: console errors, uncaught exceptions, dialogs, requests off the server."""

    def __init__(self, allowed: tuple[str, ...]) -> None:
        self.allowed = allowed
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.outside: list[str] = []

    def attach(self, context: Any, page: Any) -> None:
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("dialog", self.on_dialog)
        context.route("**/*", self.on_route)

    def on_dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def on_route(self, route: Any) -> None:
        url = route.request.url
        if url.startswith(self.allowed):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def assert_clean(self) -> None:
        assert self.errors == []
        assert self.dialogs == []
        assert self.outside == []


@pytest.fixture
def page(browser: Any, server: LiveServer) -> Iterator[tuple[Any, Watch]]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    watch = Watch((server.url + "/",))
    watch.attach(context, tab)
    yield tab, watch
    context.close()


def shoot(tab: Any, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize(
    ("path", "name", "heading"),
    [
        ("/", "overview", "who went, who came back"),
        ("/place/FRA", "place-FRA", "France"),
        ("/conflicts", "conflicts", "Conflicts"),
        ("/documents", "documents", "Documents"),
        ("/documents/2017-soufan-returnees", "document", "2017 Soufan Returnees"),
        ("/search?q=soufan", "search", "Search"),
        ("/docs", "api-docs", "fighterflows API"),
        ("/place/NOWHERE", "not-found", "404"),
    ],
)
def test_every_page_loads_clean(
    page: tuple[Any, Watch], server: LiveServer, path: str, name: str, heading: str
) -> None:
    tab, watch = page
    response = tab.goto(server.url + path, wait_until="networkidle")
    assert heading in tab.locator("h1").inner_text()
    shoot(tab, name)
    if response.status == 404:  # Chromium logs the page's own status; nothing else may fail
        assert watch.errors == [
            "Failed to load resource: the server responded with a status of 404 (Not Found)"
        ]
        watch.errors.clear()
    else:
        assert response.status == 200
    watch.assert_clean()


def test_the_map_draws_countries_and_switches_flows(
    page: tuple[Any, Watch], server: LiveServer
) -> None:
    tab, watch = page
    tab.goto(server.url + "/", wait_until="networkidle")
    assert tab.locator("figure.map path.country").count() > 150
    france = tab.locator('path.country[data-code="FRA"]')
    box = france.bounding_box()
    assert box is not None and box["width"] > 10 and box["height"] > 10

    def fill(code: str) -> str:
        return str(
            tab.locator(f'path.country[data-code="{code}"]').evaluate(
                "e => getComputedStyle(e).fill"
            )
        )

    departed_fill, nothing = fill("FRA"), fill("ITA")
    assert departed_fill != nothing
    tab.click('.map-controls button[data-flow="returned"]')
    assert tab.locator("figure.map").get_attribute("data-flow") == "returned"
    returned_fill = fill("FRA")
    assert returned_fill not in (departed_fill, nothing)
    shoot(tab, "overview-returned")
    # per million residents: France's shade comes from its rate bins, the legend swaps
    assert tab.locator("ul.legend.only-rate").is_hidden()
    tab.click('.map-controls button[data-measure="rate"]')
    assert tab.locator("figure.map").get_attribute("data-measure") == "rate"
    assert (
        tab.locator('.map-controls button[data-measure="rate"]').get_attribute("aria-pressed")
        == "true"
    )
    assert tab.locator("ul.legend.only-count").is_hidden()
    assert "per million residents" in tab.locator("ul.legend.only-rate").inner_text()
    assert fill("FRA") not in (returned_fill, nothing)
    assert fill("ITA") == nothing
    tab.click('.map-controls button[data-measure="count"]')
    assert fill("FRA") == returned_fill
    shoot(tab, "overview-rate")
    watch.assert_clean()


def test_the_filter_form_narrows_the_table(page: tuple[Any, Watch], server: LiveServer) -> None:
    tab, watch = page
    tab.goto(server.url + "/", wait_until="networkidle")
    tab.select_option('form.filters select[name="flow"]', "returned")
    tab.click('form.filters button[type="submit"]')
    tab.wait_for_load_state("networkidle")
    flows = tab.locator("#table tbody tr td:nth-child(2)").all_inner_texts()
    assert flows and set(flows) == {"returned"}
    assert "flow=returned" in tab.url
    watch.assert_clean()


def test_the_measure_filter_keeps_events_apart(page: tuple[Any, Watch], server: LiveServer) -> None:
    tab, watch = page
    tab.goto(server.url + "/", wait_until="networkidle")
    tab.select_option('form.filters select[name="scope"]', "event")
    tab.click('form.filters button[type="submit"]')
    tab.wait_for_load_state("networkidle")
    measures = tab.locator("#table tbody tr td:nth-child(4)").all_inner_texts()
    assert measures == ["events since 2019-03-05 (sum)"] and "scope=event" in tab.url
    tab.goto(server.url + "/place/FRA", wait_until="networkidle")
    assert tab.get_by_role("heading", name="Events (1)").is_visible()
    watch.assert_clean()


def test_a_table_sorts_by_the_clicked_column(page: tuple[Any, Watch], server: LiveServer) -> None:
    tab, watch = page
    tab.goto(server.url + "/", wait_until="networkidle")

    def best() -> list[int]:
        texts = tab.locator("#table tbody tr td:nth-child(6)").all_inner_texts()
        return [int(t.replace(",", "")) for t in texts]

    header = tab.locator("#table thead th", has_text="Best")
    header.click()
    assert best() == sorted(best()) and len(best()) == 8
    assert header.get_attribute("aria-sort") == "ascending"
    header.click()
    assert best() == sorted(best(), reverse=True)
    watch.assert_clean()


def test_clicking_a_country_opens_its_page(page: tuple[Any, Watch], server: LiveServer) -> None:
    tab, watch = page
    tab.goto(server.url + "/", wait_until="networkidle")
    tab.click('a.country-link[data-code="DEU"] path')
    tab.wait_for_url("**/place/DEU")
    assert "Germany" in tab.locator("h1").inner_text()
    watch.assert_clean()


def test_a_highlighted_sentence_is_visible_and_links_to_its_document(
    page: tuple[Any, Watch], server: LiveServer
) -> None:
    tab, watch = page
    tab.goto(server.url + "/place/FRA", wait_until="networkidle")
    icsr = tab.locator("li.claim", has=tab.locator("a", has_text="2017-icsr-update")).first
    mark = icsr.locator("blockquote.sentence mark.figure").first
    assert mark.is_visible()
    assert mark.inner_text() == "1,200"
    assert tab.locator("svg.timeline circle").count() >= 5
    tab.locator("li.claim a", has_text="2017-icsr-update").first.click()
    tab.wait_for_url("**/documents/**")
    target = tab.locator("mark.figure:target")
    assert target.inner_text() == "1,200" and target.is_visible()
    watch.assert_clean()


def test_hostile_text_shows_as_text_and_runs_nothing(
    page: tuple[Any, Watch], server: LiveServer
) -> None:
    tab, watch = page
    for path in ("/documents/hostile-page", "/place/GBR", "/search?q=evil"):
        tab.goto(server.url + path, wait_until="networkidle")
        tab.wait_for_timeout(200)  # an onerror handler would have fired by now
        assert tab.locator("main img").count() == 0
        assert tab.locator("main script").count() == 0
    tab.goto(server.url + "/documents/hostile-page", wait_until="networkidle")
    text = tab.locator("pre.doc-text").inner_text()
    assert HOSTILE_SCRIPT in text and HOSTILE_IMG in text
    shoot(tab, "hostile-document")
    watch.assert_clean()


def test_the_report_renders_offline(browser: Any, folder: Path) -> None:
    ledger = Ledger.open(str(folder / "ledger.db"))
    path = folder / "report.html"
    try:
        write_report(ledger, path)
    finally:
        ledger.close()
    context = browser.new_context(offline=True, viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    watch = Watch((path.as_uri(),))
    watch.attach(context, tab)
    tab.goto(path.as_uri(), wait_until="load")
    assert tab.locator("figure.map path.country").count() > 150
    assert tab.locator("section.place").count() == 4
    assert tab.locator("svg.timeline").count() >= 5
    tab.click('.map-controls button[data-flow="returned"]')  # the inline script ran
    assert tab.locator("figure.map").get_attribute("data-flow") == "returned"
    tab.click('a.country-link[data-code="BEL"] path')
    assert tab.evaluate("location.hash") == "#place-BEL"
    shoot(tab, "report")
    context.close()
    watch.assert_clean()


def test_a_claim_s_citation_copies_to_the_clipboard(browser: Any, server: LiveServer) -> None:
    import httpx

    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, permissions=["clipboard-read", "clipboard-write"]
    )
    tab = context.new_page()
    watch = Watch((server.url + "/",))
    watch.attach(context, tab)
    tab.goto(server.url + "/place/FRA", wait_until="networkidle")
    claim = tab.locator(
        "ol.claims > li.claim", has=tab.locator("blockquote mark.figure", has_text="1,910")
    ).first
    cite = claim.locator("details.cite")
    assert not cite.locator("pre.cite-bibtex").is_visible()  # folded until asked for
    cite.locator("summary").click()
    expected = next(
        c["citation"]
        for c in httpx.get(server.url + "/api/places/FRA").json()["claims"]
        if c["quote"] == "1,910"
    )
    for form, wanted in (("bibtex", expected["bibtex"]), ("text", expected["text"])):
        button = cite.locator(f'button.copy[data-form="{form}"]')
        assert button.is_visible()
        button.click()
        tab.wait_for_function("b => b.textContent === 'Copied'", arg=button.element_handle())
        assert tab.evaluate("navigator.clipboard.readText()") == wanted
    assert COURIER in expected["text"]
    shoot(tab, "place-FRA-citation")
    context.close()
    watch.assert_clean()


def test_a_document_links_where_it_was_published(
    page: tuple[Any, Watch], server: LiveServer
) -> None:
    tab, watch = page
    tab.goto(server.url + "/documents/2017-soufan-returnees", wait_until="networkidle")
    link = tab.locator("dl.doc-meta a", has_text="courier.example")
    assert link.get_attribute("href") == COURIER_URL
    assert tab.locator("dl.doc-meta dd", has_text=COURIER).is_visible()
    tab.locator("details.cite summary").click()
    assert "@misc{" in tab.locator("details.cite pre.cite-bibtex").inner_text()
    shoot(tab, "document-citation")
    watch.assert_clean()


def test_without_a_clipboard_copy_selects_the_citation(browser: Any, server: LiveServer) -> None:
    context = browser.new_context()
    # a browser with no clipboard API (an old one, or a page not in a secure context)
    context.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined})")
    tab = context.new_page()
    watch = Watch((server.url + "/",))
    watch.attach(context, tab)
    tab.goto(server.url + "/documents/2017-soufan-returnees", wait_until="networkidle")
    cite = tab.locator("details.cite")
    cite.locator("summary").click()
    button = cite.locator('button.copy[data-form="csl"]')
    button.click()
    tab.wait_for_function("b => b.textContent !== 'Copy'", arg=button.element_handle())
    assert button.inner_text() == "Selected: press Ctrl+C"
    selected = tab.evaluate("window.getSelection().toString()")
    assert selected == cite.locator("pre.cite-csl").inner_text() and '"URL"' in selected
    context.close()
    watch.assert_clean()
