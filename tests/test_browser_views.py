"""Issue 12's pages in a real browser, at a desktop's 1366×900 and a phone's 390×844: downloads
that keep the filters, nothing wider than the screen, charts that can be read, switched, hovered,
tapped, followed and downloaded, names that resolve, a skip link.

Debian's Chromium through Playwright, against a real uvicorn on the hand-made ledger of
web_fixtures (fixtures shared with test_browser.py).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit
from xml.etree import ElementTree

import pytest
from test_browser import Watch, browser, folder, shoot  # noqa: F401 (fixtures)
from web_fixtures import Fig, LiveServer, fill_large_ledger, fill_ledger, make_document

from fighterflows.ledger import Ledger
from fighterflows.model import Flow
from fighterflows.web.report import write_report

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

SIZES = {"desktop": (1366, 900), "phone": (390, 844)}
# A document as a crawl stores it: an address and words longer than a phone is wide.
LONG_URI = (
    "/home/analyst/projects/fighterflowscorpus/newsagencywire/europe/returnees/2017/07/"
    "30/europefivethousandhavereturned.md"
)
LONG_WORDS = (
    "Officials said 5,000 Europeans had returned "
    "(https://example.org/reports/foreignfighters/returneeseurope/2017estimate)."
)


@pytest.fixture(scope="module")
def server(folder: Path) -> Iterator[LiveServer]:  # noqa: F811
    db = fill_ledger(folder / "views.db")
    new = make_document(
        "2017-wire-long",
        "2017-07-30",
        [LONG_WORDS],
        [Fig("5,000", "europe", Flow.RETURNED, 5000, "Officials", "2017-07")],
    )
    ledger = Ledger.open(db)
    ledger.add_document(
        dataclasses.replace(new, document=dataclasses.replace(new.document, uri=LONG_URI))
    )
    ledger.close()
    live = LiveServer(db)
    live.start()
    yield live
    live.stop()


@pytest.fixture(params=list(SIZES))
def size(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def tab(browser: Any, server: LiveServer, size: str) -> Iterator[tuple[Any, Watch]]:  # noqa: F811
    width, height = SIZES[size]
    context = browser.new_context(
        viewport={"width": width, "height": height},
        has_touch=size == "phone",
        accept_downloads=True,
    )
    page = context.new_page()
    watch = Watch((server.url + "/", "data:", "blob:"))
    watch.attach(context, page)
    yield page, watch
    context.close()


def query(url: str, drop: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    return sorted((k, v) for k, v in parse_qsl(urlsplit(url).query) if k not in drop)


# -- item 2 ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/?flow=returned&as_of=2018",
        "/place/FRA?flow=returned&population=total",
        "/conflicts?kind=disagreement&flow=departed",
    ],
)
def test_the_csv_and_json_links_match_the_view(
    tab: tuple[Any, Watch], server: LiveServer, path: str
) -> None:
    page, watch = tab
    page.goto(server.url + path, wait_until="networkidle")
    csv_url = page.locator("a.csv").get_attribute("href")
    json_url = page.locator("a.twin").get_attribute("href")
    assert query(csv_url, drop=("format",)) == query(page.url) == query(json_url)
    body = page.request.get(server.url + csv_url).text()
    records = body.strip().splitlines()[1:]
    if path.startswith("/?"):
        assert len(records) == page.locator("tr.row").count() > 0
        assert all(",returned," in r for r in records)
    watch.assert_clean()


# -- item 5 ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/place/FRA",
        "/place/GBR",
        "/documents/2017-soufan-returnees",
        "/documents/2017-wire-long",
        "/documents",
        "/conflicts",
        "/place/europe",
        "/search?q=fr",
        "/docs",
    ],
)
def test_nothing_is_wider_than_the_screen(
    tab: tuple[Any, Watch], server: LiveServer, size: str, path: str
) -> None:
    page, watch = tab
    page.goto(server.url + path, wait_until="networkidle")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    for chart in page.locator("svg.timeline").all():
        box = chart.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= SIZES[size][0]
    shoot(page, f"issue12-{size}-{path.strip('/').replace('/', '_') or 'home'}")
    watch.assert_clean()


def test_the_best_figure_is_on_screen(
    tab: tuple[Any, Watch], server: LiveServer, size: str
) -> None:
    page, watch = tab
    page.goto(server.url + "/", wait_until="networkidle")
    width = SIZES[size][0]
    for cell in page.locator("#table tr.row td.best").all():
        cell.scroll_into_view_if_needed()
        box = cell.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
        assert re.fullmatch(r"[\d,]+", cell.inner_text().strip())
    assert page.locator("#table tr.row td.place a").first.is_visible()
    watch.assert_clean()


def test_chart_text_is_readable(tab: tuple[Any, Watch], server: LiveServer) -> None:
    page, watch = tab
    page.goto(server.url + "/place/FRA", wait_until="networkidle")
    shown = page.evaluate("""() => Array.from(document.querySelectorAll('svg.timeline text'))
        .map(t => parseFloat(getComputedStyle(t).fontSize) * t.ownerSVGElement.getScreenCTM().a)""")
    assert shown and min(shown) >= 11
    watch.assert_clean()


# -- item 7 ---------------------------------------------------------------------------------


def points(page: Any, figure: str) -> Any:
    """The chart points of the claims of `figure` ("1,910": their tooltip gives it)."""
    return page.locator(f'svg.timeline .pt[data-tip*=": {figure} ("]')


def test_a_misreport_is_a_marked_point_off_its_source_line(
    tab: tuple[Any, Watch], server: LiveServer
) -> None:
    page, watch = tab
    page.goto(server.url + "/place/FRA?flow=returned&population=total", wait_until="networkidle")
    misreport = points(page, "400")
    assert misreport.count() == 1
    assert "misreport" in (misreport.get_attribute("class") or "")
    circle = misreport.locator("circle")
    x, y = float(circle.get_attribute("cx")), float(circle.get_attribute("cy"))
    soufan = page.locator("button.source-switch", has_text="Soufan Center").get_attribute(
        "data-source"
    )
    lines = page.locator(f'path.series[data-source="{soufan}"]').all()
    for path in lines:  # no line of the source runs through its misreport
        assert f"{x:.1f},{y:.1f}" not in (path.get_attribute("d") or "")
    assert page.locator(".legend .key-ring").is_visible()
    assert page.locator("svg.timeline .band rect").count() >= 1
    watch.assert_clean()


def test_a_source_can_be_switched_off_and_on(tab: tuple[Any, Watch], server: LiveServer) -> None:
    page, watch = tab
    page.goto(server.url + "/place/FRA", wait_until="networkidle")
    button = page.locator("button.source-switch", has_text="Soufan Center")
    index = button.get_attribute("data-source")
    mine = page.locator(f'svg.timeline .pt[data-source="{index}"]')
    assert mine.count() == 3 and mine.first.is_visible()
    button.click()
    assert button.get_attribute("aria-pressed") == "false"
    assert all(not p.is_visible() for p in mine.all())
    others = page.locator("svg.timeline .pt").count() - mine.count()
    assert others > 0 and page.locator("svg.timeline .pt:visible").count() == others
    button.click()
    assert mine.first.is_visible()
    page.locator(".switch-all button", has_text="none").click()
    assert page.locator("svg.timeline .pt:visible").count() == 0
    page.locator(".switch-all button", has_text="all").click()
    assert page.locator("svg.timeline .pt:visible").count() == mine.count() + others
    watch.assert_clean()


def test_a_point_shows_its_figure_and_leads_to_its_claim(
    tab: tuple[Any, Watch], server: LiveServer, size: str
) -> None:
    page, watch = tab
    page.goto(server.url + "/place/FRA", wait_until="networkidle")
    point = points(page, "1,910")
    tip = page.locator("figure.chart .tip:visible")
    if size == "phone":  # a first tap shows the tooltip, a second follows the link
        point.locator("circle").tap()
        assert "Soufan Center, 2017-10: 1,910" in tip.inner_text()
        assert "Tap again" in tip.inner_text()
        assert "#c-" not in page.url
        point.locator("circle").tap()
    else:
        point.locator("circle").hover()
        assert "Soufan Center, 2017-10: 1,910" in tip.inner_text()
        point.locator("circle").click()
    page.wait_for_url(re.compile(r"#c-[0-9a-f]+$"))
    claim = page.locator("li.claim:target")
    assert claim.is_visible() and "1,910" in claim.locator("mark.figure").inner_text()
    watch.assert_clean()


def test_a_point_is_reached_and_followed_with_the_keyboard(
    tab: tuple[Any, Watch], server: LiveServer
) -> None:
    page, watch = tab
    page.goto(server.url + "/place/FRA", wait_until="networkidle")
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('.pt')"):
            break
    focused = page.evaluate("document.activeElement.getAttribute('data-tip')")
    tip = page.locator("figure.chart .tip:visible")
    assert tip.count() == 1 and focused in tip.inner_text()
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == focused
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"#c-[0-9a-f]+$"))
    assert page.locator("li.claim:target").is_visible()
    watch.assert_clean()


def test_a_chart_downloads_as_svg_and_png(
    tab: tuple[Any, Watch], server: LiveServer, tmp_path: Path
) -> None:
    page, watch = tab
    page.goto(server.url + "/place/FRA", wait_until="networkidle")
    page.locator("button.source-switch", has_text="ICSR").click()  # what is shown is saved
    figure = page.locator("figure.chart").first
    with page.expect_download() as svg_download:
        figure.locator('button[data-download="svg"]').click()
    assert svg_download.value.suggested_filename == "fighterflows-FRA-departed-total.svg"
    svg_path = tmp_path / "chart.svg"
    svg_download.value.save_as(svg_path)
    root = ElementTree.parse(svg_path).getroot()
    ns = "{http://www.w3.org/2000/svg}"
    assert root.tag == f"{ns}svg"
    circles = list(root.iter(f"{ns}circle"))
    assert len(circles) == 2  # ICSR's point is off, the other two sources' are there
    assert all(c.get("fill", "").startswith("rgb(") for c in circles)
    texts = [t.text or "" for t in root.iter(f"{ns}text")]
    assert texts[0].startswith("departed · total") and "Soufan Center" in texts
    assert "ICSR" not in texts
    with page.expect_download() as png_download:
        figure.locator('button[data-download="png"]').click()
    png_path = tmp_path / "chart.png"
    png_download.value.save_as(png_path)
    data = png_path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(data[16:20], "big") == 960  # twice the chart's width
    watch.assert_clean()


# -- items 8 and 9 --------------------------------------------------------------------------


def test_a_place_is_found_by_its_name(tab: tuple[Any, Watch], server: LiveServer) -> None:
    page, watch = tab
    response = page.goto(server.url + "/place/Belgium", wait_until="networkidle")
    assert response.status == 200 and page.url.endswith("/place/BEL")
    assert "Belgium" in page.locator("h1").inner_text()
    page.goto(server.url + "/", wait_until="networkidle")
    page.fill('header form input[name="q"]', "Belguim")
    page.press('header form input[name="q"]', "Enter")
    page.wait_for_load_state("networkidle")
    page.locator(".did-you-mean a", has_text="Belgium").click()
    page.wait_for_url("**/place/BEL")
    watch.assert_clean()


def test_the_skip_link_is_the_first_stop_and_moves_to_the_content(
    tab: tuple[Any, Watch], server: LiveServer, size: str
) -> None:
    page, watch = tab
    page.goto(server.url + "/place/FRA", wait_until="networkidle")
    page.keyboard.press("Tab")
    skip = page.locator("a.skip")
    assert page.evaluate("document.activeElement.className") == "skip"
    box = skip.bounding_box()
    assert box is not None and box["y"] >= 0 and box["x"] + box["width"] <= SIZES[size][0]
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    watch.assert_clean()


def test_a_bad_date_is_a_page_in_words(tab: tuple[Any, Watch], server: LiveServer) -> None:
    page, watch = tab
    response = page.goto(server.url + "/?flow=returned&as_of=yesterday", wait_until="networkidle")
    assert response.status == 422
    text = page.locator("main").inner_text()
    assert "'yesterday' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)" in text
    assert "pattern" not in text and "\\d" not in text
    page.locator("main a", has_text="without as_of").click()
    page.wait_for_url("**/?flow=returned")
    watch.errors.clear()  # Chromium logs the 422 itself
    watch.assert_clean()


@pytest.fixture(scope="module")
def large_report(folder: Path) -> Path:  # noqa: F811
    ledger = Ledger.open(fill_large_ledger(folder / "large.db"))
    try:
        write_report(ledger, folder / "large-report.html")
    finally:
        ledger.close()
    return folder / "large-report.html"


def test_the_report_of_5000_documents_is_short_and_opens_a_place_on_demand(
    browser: Any,  # noqa: F811
    large_report: Path,
    size: str,
) -> None:
    width, height = SIZES[size]
    context = browser.new_context(offline=True, viewport={"width": width, "height": height})
    page = context.new_page()
    watch = Watch((large_report.as_uri(),))
    watch.attach(context, page)
    page.goto(large_report.as_uri(), wait_until="load", timeout=120_000)
    tall = page.evaluate("document.documentElement.scrollHeight")
    assert tall < 30_000  # all of it unfolded was 1.9 million px tall at 1366 px
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    for code, follow in (
        ("DEU", 'a.country-link[data-code="DEU"] path'),
        ("FRA", 'ul.index a[href="#place-FRA"]'),
    ):
        folded = page.locator(f"#place-{code} details")
        assert folded.get_attribute("open") is None
        page.locator(follow).click()
        assert page.evaluate("location.hash") == f"#place-{code}"
        assert folded.get_attribute("open") == ""
        assert page.locator(f"#place-{code} svg.timeline").first.is_visible()
    context.close()
    watch.assert_clean()
