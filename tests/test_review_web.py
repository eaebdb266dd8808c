"""`serve --edit`: the write routes exist only under --edit; off the loopback address they
need the token (401 without it), every write needs the page's CSRF token (403 without it);
what is written moves the pages and the API. Through TestClient and through real servers."""

from __future__ import annotations

import re
import subprocess
import sys
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from markupsafe import escape
from web_fixtures import document_id, fill_ledger, free_port

from fighterflows.web.app import create_app
from fighterflows.web.editing import EditSettings, is_loopback

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

LOCAL = "http://127.0.0.1:8000"
FORM = re.compile(
    r'action="(/review/[0-9a-f]+/confirm)"><input type="hidden" name="csrf" '
    r'value="([0-9a-f]+)"'
)


@pytest.fixture
def db(tmp_path: Path) -> str:
    return fill_ledger(tmp_path / "ledger.db")


def local_editor(db: str) -> TestClient:
    return TestClient(
        create_app(db, EditSettings.for_host("127.0.0.1")),
        base_url=LOCAL,
        raise_server_exceptions=False,
    )


def confirm_form(client: TestClient, page: str = "/place/FRA") -> tuple[str, str]:
    found = FORM.search(client.get(page).text)
    assert found, "no review form on the page"
    return found.group(1), found.group(2)


def reviews_of(client: TestClient) -> dict[str, str | None]:
    return {
        e["id"]: e["review"] for e in client.get("/api/estimates?limit=1000").json()["estimates"]
    }


def test_read_only_has_no_write_route_and_no_form(db: str) -> None:
    app = create_app(db)
    methods = {m for route in app.routes for m in getattr(route, "methods", None) or ()}
    assert methods <= {"GET", "HEAD"}
    with TestClient(app, base_url=LOCAL) as client:
        some = next(iter(reviews_of(client)))
        for path in (
            f"/review/{some}/confirm",
            f"/review/{some}/reject",
            "/review/add",
            f"/review/{some}/correct",
            f"/review/{some}/undo",
        ):
            assert client.post(path, data={"csrf": "x"}).status_code in (404, 405)
        assert client.get(f"/review/{some}").status_code == 404
        for page in ("/place/FRA", "/documents/2017-icsr-update", "/"):
            text = client.get(page).text
            assert 'name="csrf"' not in text and "review.js" not in text
        assert "set-cookie" not in client.get("/").headers


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.5.0.1", True),
        ("::1", True),
        ("[::1]", True),
        ("localhost", True),
        ("LOCALHOST", True),
        ("0.0.0.0", False),
        ("::", False),
        ("10.0.0.5", False),
        ("example.org", False),
        ("", False),
    ],
)
def test_which_addresses_are_this_machine(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback
    assert (EditSettings.for_host(host).token is None) is loopback


def test_on_loopback_a_form_writes_and_the_api_follows(db: str) -> None:
    with local_editor(db) as client:
        action, csrf = confirm_form(client)
        figure = action.split("/")[2]
        assert reviews_of(client)[figure] is None
        done = client.post(
            action, data={"csrf": csrf, "back": "/place/FRA"}, follow_redirects=False
        )
        assert done.status_code == 303 and done.headers["location"] == "/place/FRA"
        assert reviews_of(client)[figure] == "confirmed"
        assert 'class="tag review-confirmed"' in client.get("/place/FRA").text


@pytest.mark.parametrize(
    "csrf",
    [None, "", "0" * 40, "forged", "é"],
    ids=["missing", "empty", "zeros", "forged", "not-ascii"],
)
def test_a_write_without_the_page_csrf_token_is_403(db: str, csrf: str | None) -> None:
    with local_editor(db) as client:
        action, _ = confirm_form(client)
        data = {"note": "x"} if csrf is None else {"note": "x", "csrf": csrf}
        r = client.post(action, data=data, follow_redirects=False)
        assert r.status_code == 403 and "CSRF" in r.text
        assert set(reviews_of(client).values()) == {None}


def test_a_csrf_token_is_good_for_its_own_session_only(db: str) -> None:
    with local_editor(db) as mine, local_editor(db) as theirs:
        action, csrf = confirm_form(mine)
        theirs.get("/")  # a session of its own
        assert theirs.post(action, data={"csrf": csrf}).status_code == 403
        assert mine.post(action, data={"csrf": csrf}, follow_redirects=False).status_code == 303


def test_under_edit_a_page_is_never_shared_between_sessions(db: str) -> None:
    """The read-only server keeps answers per ledger state; under --edit a page carries its
    visitor's CSRF token, so two sessions of one server each get their own page."""
    app = create_app(db, EditSettings.for_host("127.0.0.1"))
    with TestClient(app, base_url=LOCAL) as mine, TestClient(app, base_url=LOCAL) as theirs:
        confirm_form(mine)  # the ledger reconciled: from now on a page could be kept
        action, my_csrf = confirm_form(mine)
        _, their_csrf = confirm_form(theirs)
        assert my_csrf != their_csrf
        done = theirs.post(action, data={"csrf": their_csrf}, follow_redirects=False)
        assert done.status_code == 303


def test_writes_from_another_site_are_refused(db: str) -> None:
    with local_editor(db) as client:
        action, csrf = confirm_form(client)
        foreign = client.post(
            action, data={"csrf": csrf}, headers={"origin": "http://evil.example"}
        )
        assert foreign.status_code == 403
        for site in ("cross-site", "same-site"):
            cross = client.post(action, data={"csrf": csrf}, headers={"sec-fetch-site": site})
            assert cross.status_code == 403
        # a name of another site resolving to 127.0.0.1 (DNS rebinding) may not write
        renamed = client.post(action, data={"csrf": csrf}, headers={"host": "evil.example"})
        assert renamed.status_code == 403
        assert 'name="csrf"' not in client.get("/place/FRA", headers={"host": "evil.example"}).text
        assert set(reviews_of(client).values()) == {None}


def test_off_loopback_writing_needs_the_token(db: str) -> None:
    settings = EditSettings.for_host("0.0.0.0", "s3cret-token")
    with TestClient(
        create_app(db, settings), base_url="http://10.1.2.3:8000", raise_server_exceptions=False
    ) as client:
        some = next(iter(reviews_of(client)))
        assert 'name="csrf"' not in client.get("/place/FRA").text  # no forms for strangers
        for path in (f"/review/{some}/confirm", f"/review/{some}/reject", "/review/add"):
            r = client.post(path, data={"csrf": "x", "why": "x"})
            assert r.status_code == 401 and "needs the token" in r.text
        assert client.get(f"/review/{some}").status_code == 401
        assert client.get("/place/FRA?token=wrong").status_code == 401
        assert client.get("/place/FRA?token=%C3%A9").status_code == 401  # any characters
        entered = client.get("/place/FRA?token=s3cret-token&flow=departed", follow_redirects=False)
        assert entered.status_code == 303
        assert entered.headers["location"] == "/place/FRA?flow=departed"
        assert "ff_token=s3cret-token" in entered.headers["set-cookie"]
        assert "HttpOnly" in entered.headers["set-cookie"]
        action, csrf = confirm_form(client)  # the cookie is kept: the forms show
        assert client.post(action, data={"csrf": "bad"}).status_code == 403
        assert client.post(action, data={"csrf": csrf}, follow_redirects=False).status_code == 303
    with TestClient(create_app(db, settings), base_url="http://10.1.2.3:8000") as script:
        script.get("/")
        assert script.post(action, data={"csrf": "x"}).status_code == 401
        headers = {"x-fighterflows-token": "s3cret-token"}
        assert script.post(action, data={"csrf": "x"}, headers=headers).status_code == 403
        page = script.get("/place/FRA", headers={"authorization": "token s3cret-token"}).text
        csrf = FORM.search(page)
        assert csrf is not None
        assert (
            script.post(
                action, data={"csrf": csrf.group(2)}, headers=headers, follow_redirects=False
            ).status_code
            == 303
        )


def test_bad_forms_say_why_and_change_nothing(db: str) -> None:
    with local_editor(db) as client:
        action, csrf = confirm_form(client)
        figure = action.split("/")[2]
        before = reviews_of(client)
        weird = client.post(
            action, data={"csrf": csrf, "back": "/x\r\nSet-Cookie: a=b"}, follow_redirects=False
        )
        assert weird.status_code == 303 and weird.headers["location"].startswith("/documents/")
        client.post(f"/review/{figure}/undo", data={"csrf": csrf})
        for path, data, status, message in [
            (
                f"/review/{figure}/correct",
                {"value": "abc", "why": "x"},
                422,
                "value: 'abc' is not a number",
            ),
            (f"/review/{figure}/reject", {"why": " "}, 422, "why: say why"),
            ("/review/zzzz/confirm", {}, 422, "no such estimate"),
            (
                "/review/add",
                {
                    "document": "2017-icsr-update",
                    "quote": "1,201",
                    "place": "FRA",
                    "flow": "departed",
                    "why": "x",
                },
                422,
                "is not in 2017-icsr-update",
            ),
            (
                "/review/add",
                {
                    "document": "2017-icsr-update",
                    "quote": "Syria",
                    "occurrence": "2",
                    "place": "FRA",
                    "flow": "departed",
                    "value": "5",
                    "why": "x",
                },
                422,
                "past the last",
            ),
            (
                "/review/add",
                {
                    "document": "2017-icsr-update",
                    "quote": "1,200",
                    "occurrence": "one",
                    "place": "FRA",
                    "flow": "departed",
                    "why": "x",
                },
                422,
                "not a whole number",
            ),
        ]:
            r = client.post(path, data={"csrf": csrf, **data})
            assert (r.status_code, str(escape(message)) in r.text) == (status, True), path
        assert (
            client.post(
                action,
                content=b"csrf=" + csrf.encode(),
                headers={"content-type": "application/json"},
            ).status_code
            == 415
        )
        huge = {"csrf": csrf, "note": "x" * 70_000}
        assert client.post(action, data=huge).status_code == 413
        assert reviews_of(client) == before


def test_adding_and_correcting_through_forms(db: str) -> None:
    with local_editor(db) as client:
        page = client.get("/documents/2017-icsr-update").text
        csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', page)
        assert csrf and 'id="add-figure"' in page and "/static/review.js" in page
        token = csrf.group(1)
        added = client.post(
            "/review/add",
            data={
                "csrf": token,
                "document": document_id("2017-icsr-update"),
                "quote": "Some 600",
                "occurrence": "1",
                "place": "Germans",
                "flow": "departed",
                "population": "total",
                "scope": "cumulative",
                "source": "ICSR",
                "as_of": "2017-06",
                "value": "",
                "why": "the extractor's span was 600 alone",
                "by": "ana",
            },
            follow_redirects=False,
        )
        assert added.status_code == 303
        figure = added.headers["location"].split("#e-")[1]
        stored = client.get(f"/api/estimates/{figure}").json()
        assert (
            stored["quote"],
            stored["place"],
            stored["value"],
            stored["qualifier"],
            stored["review"],
        ) == ("Some 600", "DEU", 600, "approx", "added")
        text = client.get(f"/api/documents/{document_id('2017-icsr-update')}").json()["text"]
        assert text[stored["start"] : stored["end"]] == "Some 600"
        review_page = client.get(f"/review/{figure}").text
        assert 'id="correct-form"' in review_page and "added" in review_page
        corrected = client.post(
            f"/review/{figure}/correct",
            data={
                "csrf": token,
                "place": "DEU",
                "flow": "departed",
                "population": "total",
                "scope": "cumulative",
                "source": "ICSR",
                "as_of": "2017-06",
                "value": "650",
                "low": "",
                "high": "",
                "qualifier": "approx",
                "why": "typo",
            },
            follow_redirects=False,
        )
        assert corrected.status_code == 303
        assert client.get(f"/api/estimates/{figure}").json()["value"] == 650
        listed = client.get("/documents/2017-icsr-update").text
        assert "Reviews (1)" in listed and "review-added" in listed
        undone = client.post(f"/review/{figure}/undo", data={"csrf": token}, follow_redirects=False)
        assert undone.status_code == 303
        assert client.get(f"/api/estimates/{figure}").status_code == 404


def test_the_report_shows_review_badges_and_no_forms(db: str, tmp_path: Path) -> None:
    from fighterflows.ledger import Ledger
    from fighterflows.web.report import render_report

    with local_editor(db) as client:
        action, csrf = confirm_form(client)
        client.post(action, data={"csrf": csrf})
    html = render_report(Ledger.open(db, writing=False))
    assert 'class="tag review-confirmed"' in html and 'name="csrf"' not in html


@pytest.fixture
def served(db: str) -> Iterator[tuple[str, str]]:
    """`fighterflows serve --edit` bound on 0.0.0.0, as a user starts it; its URL and the
    token it printed."""
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "fighterflows",
            "serve",
            "--db",
            db,
            "--host",
            "0.0.0.0",
            "--port",
            str(port),
            "--edit",
        ],
        cwd=Path(__file__).parents[1],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stderr is not None
        line = process.stderr.readline()
        found = re.search(r"\?token=(\S+)", line)
        assert found, line
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(url + "/api/places", timeout=5)
                break
            except httpx.TransportError:
                assert process.poll() is None and time.monotonic() < deadline
                time.sleep(0.2)
        yield url, found.group(1)
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_a_real_server_off_loopback_prints_a_token_and_asks_for_it(served: tuple[str, str]) -> None:
    url, token = served
    some = next(iter(httpx.get(url + "/api/estimates").json()["estimates"]))["id"]
    assert httpx.post(f"{url}/review/{some}/confirm", data={"csrf": "x"}).status_code == 401
    with httpx.Client(base_url=url, follow_redirects=True) as browser:
        assert browser.get(f"/?token={token}").status_code == 200
        assert browser.post(f"/review/{some}/confirm", data={"csrf": "x"}).status_code == 403
        page = browser.get("/place/FRA").text
        action, csrf = FORM.search(page).groups()  # type: ignore[union-attr]
        done = browser.post(action, data={"csrf": csrf})
        assert done.status_code == 200 and "review-confirmed" in done.text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--token", "long-enough"], "--token is for --edit"),
        (["--edit", "--host", "0.0.0.0", "--token", "short"], "a token is 8 to 128 letters"),
        (["--edit", "--host", "0.0.0.0", "--token", "has space in it"], "a token is 8 to 128"),
    ],
)
def test_serve_refuses_a_bad_token(db: str, args: list[str], message: str) -> None:
    from click.testing import CliRunner

    from fighterflows.cli import main

    result = CliRunner().invoke(main, ["serve", "--db", db, *args])
    assert result.exit_code == 2 and message in result.output


def test_the_map_the_report_and_the_claims_table_follow_a_rejection(db: str) -> None:
    from sqlalchemy import select

    from fighterflows.ledger import Ledger, schema
    from fighterflows.web.report import render_report

    link = 'class="country-link" data-code="GBR"'
    before = render_report(Ledger.open(db, writing=False))
    assert link in before and "Britons had returned" in before
    with local_editor(db) as client:
        (britons,) = client.get("/api/estimates?place=GBR").json()["estimates"]
        assert link in client.get("/").text
        csrf = FORM.search(client.get("/place/GBR").text)
        assert csrf is not None
        rejected = client.post(
            f"/review/{britons['id']}/reject",
            data={"csrf": csrf.group(2), "why": "not a count of fighters"},
            follow_redirects=False,
        )
        assert rejected.status_code == 303
        assert link not in client.get("/").text
        assert client.get("/place/GBR").status_code == 404
    ledger = Ledger.open(db, writing=False)
    after = render_report(ledger)
    assert link not in after and "Britons had returned" not in after
    with ledger.engine.connect() as c:
        claimed = " ".join(c.execute(select(schema.claims.c.estimate_ids)).scalars())
    assert britons["id"] not in claimed and claimed
