"""Places as people type them, and the places a typo meant (issue 12, item 8)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from web_fixtures import fill_ledger

from fighterflows.cli import main
from fighterflows.placenames import close_to, did_you_mean, resolve


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("Belgium", "BEL"),
        ("belgium", "BEL"),
        ("BELGIUM", "BEL"),
        ("BEL", "BEL"),
        ("bel", "BEL"),
        ("Britons", "GBR"),
        ("uk", "GBR"),
        ("the UK", "GBR"),
        ("United Kingdom", "GBR"),
        ("Kosovo", "XKX"),
        ("eu", "eu"),
        ("Western Balkans", "western-balkans"),
        ("  France ", "FRA"),
        ("Narnia", None),
        ("Belguim", None),
        ("", None),
    ],
)
def test_resolve(typed: str, code: str | None) -> None:
    assert resolve(typed) == code


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("Belguim", "BEL"),
        ("Frnace", "FRA"),
        ("Germnay", "DEU"),
        ("Tunsia", "TUN"),
        ("Autsria", "AUT"),
        ("Western Balkns", "western-balkans"),
        ("Belgains", "BEL"),
    ],
)
def test_a_typo_is_close_to_the_place_it_meant(typed: str, first: str) -> None:
    assert close_to(typed)[0] == first


@pytest.mark.parametrize("typed", ["Narnia", "xyz", "the moon", "1,200"])
def test_nothing_is_offered_for_what_names_no_place(typed: str) -> None:
    assert close_to(typed) == [] and did_you_mean(typed) == ""


def test_guesses_can_be_kept_to_the_places_a_ledger_has() -> None:
    assert close_to("Austria") == ["AUT", "AUS"]
    assert close_to("Austria", among={"AUS", "FRA"}) == ["AUS"]
    assert did_you_mean("Belguim") == "did you mean Belgium?"


@pytest.mark.parametrize(
    ("place", "words"),
    [
        ("Belguim", "'Belguim' is not a place we know; did you mean Belgium?"),
        ("Narnia", "'Narnia' is not a place we know"),
    ],
)
def test_the_cli_says_which_place_was_meant(tmp_path: Path, place: str, words: str) -> None:
    db = fill_ledger(tmp_path / "l.db")
    for args in (["table", "--place", place], ["timeline", place], ["table", "--explain", place]):
        result = CliRunner().invoke(main, [*args, "--db", db])
        assert result.exit_code == 2
        assert words in result.output
        assert "did you mean" not in result.output or place != "Narnia"
