"""The self-contained report: one file, its own strict policy, escaped text, nothing remote."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from web_fixtures import HOSTILE_IMG, HOSTILE_SCRIPT, HOSTILE_SOURCE, fill_large_ledger, fill_ledger

from fighterflows.ledger import Ledger
from fighterflows.web.report import (
    CLAIMS_PER_PLACE,
    CONFLICTS_SHOWN,
    csp_hash,
    json_for_html,
    write_report,
)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("report")
    ledger = Ledger.open(fill_ledger(folder / "ledger.db"))
    try:
        write_report(ledger, folder / "report.html")
    finally:
        ledger.close()
    return (folder / "report.html").read_text(encoding="utf-8")


def inline(html: str, tag: str) -> list[str]:
    return re.findall(rf"<{tag}>(.*?)</{tag}>", html, flags=re.S)


def test_the_policy_allows_exactly_the_inline_style_and_script(report: str) -> None:
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', report)
    assert policy is not None
    csp = policy.group(1).replace("&#39;", "'")
    styles, scripts = inline(report, "style"), inline(report, "script")
    assert len(styles) == 1 and len(scripts) == 1
    assert f"style-src {csp_hash(styles[0])};" in csp
    assert f"script-src {csp_hash(scripts[0])};" in csp
    assert csp.startswith("default-src 'none';")


def test_nothing_is_loaded_from_outside_the_file(report: str) -> None:
    targets = re.findall(r'(?:src|href|action)="([^"]*)"', report)
    assert [t for t in targets if not t.startswith(("#", "data:"))] == []
    assert '<link rel="stylesheet"' not in report


def test_it_has_the_map_the_table_the_conflicts_and_a_section_per_place(report: str) -> None:
    assert report.count('class="country') > 150
    assert '<table class="data rows" id="table">' in report
    assert 'id="conflicts"' in report and "misquote" in report
    for code in ("FRA", "DEU", "BEL", "GBR"):
        assert f'id="place-{code}"' in report
        assert f'href="#place-{code}"' in report
    assert report.count('<svg class="timeline"') >= 5


def test_untrusted_text_is_escaped(report: str) -> None:
    for raw in (HOSTILE_SCRIPT, HOSTILE_IMG, HOSTILE_SOURCE):
        assert raw not in report
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in report


def test_the_data_block_cannot_close_its_element(report: str) -> None:
    block = re.search(
        r'<script type="application/json" id="fighterflows-data">(.*?)</script>', report, flags=re.S
    )
    assert block is not None
    assert "<" not in block.group(1)
    assert json_for_html({"x": "</script><b>"}) == '{"x": "\\u003c/script>\\u003cb>"}'


def test_an_empty_ledger_still_makes_a_report(tmp_path: Path) -> None:
    ledger = Ledger.open(str(tmp_path / "empty.db"))
    write_report(ledger, tmp_path / "r.html")
    ledger.close()
    html = (tmp_path / "r.html").read_text()
    assert "No conflict." in html and "No figures match." in html


@pytest.fixture(scope="module")
def large_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("large")
    ledger = Ledger.open(fill_large_ledger(folder / "large.db"))
    try:
        write_report(ledger, folder / "report.html")
    finally:
        ledger.close()
    return folder / "report.html"


def test_the_report_of_5000_documents_stays_a_file_one_can_open(large_report: Path) -> None:
    # Every claim of every place with three sentences each made this ledger's report 10.4 MB.
    assert large_report.stat().st_size < 5_000_000


def test_each_place_of_a_large_report_is_folded_with_the_claims_that_count(
    large_report: Path,
) -> None:
    html = large_report.read_text(encoding="utf-8")
    sections = re.findall(
        r'<section class="place" id="place-([^"]+)">(.*?)</section>', html, flags=re.S
    )
    assert len(sections) == 150
    for code, body in sections:
        assert "<details>" in body, code  # folded: the map and the index open it
        listed = body.count('<li class="claim"')
        total = re.search(r"<h3>Claims \(([\d,]+)\)</h3>", body)
        assert total is not None and 0 < listed <= CLAIMS_PER_PLACE
        more = int(total.group(1).replace(",", "")) - listed
        assert (f"{more:,} more claim" in body) == (more > 0), code
        for claim in re.findall(r'<li class="claim" id="c-([0-9a-f]+)">', body):
            assert f'href="#c-{claim}"' in body  # its chart point leads to it


def test_a_large_report_shows_the_first_conflicts(large_report: Path) -> None:
    html = large_report.read_text(encoding="utf-8")
    total = re.search(r'<h2 id="conflicts">Conflicts \(([\d,]+)\)</h2>', html)
    assert total is not None and int(total.group(1).replace(",", "")) > CONFLICTS_SHOWN
    assert html.count('<li class="conflict">') == CONFLICTS_SHOWN
    assert f"The first {CONFLICTS_SHOWN} of {total.group(1)}" in html


def test_a_small_report_is_unfolded(report: str) -> None:
    assert report.count("<details open>") == 4
