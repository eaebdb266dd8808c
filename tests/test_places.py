"""find_places and the gazetteer's public functions: table cases, properties, speed."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fighterflows.places import (
    PlaceForm,
    PlaceMention,
    all_countries,
    country_rows,
    find_places,
    is_region,
    iso_numeric,
    lookup_place,
    place_name,
    region_members,
    region_rows,
)

CASES = Path(__file__).resolve().parent / "cases" / "places.tsv"


def _load_cases() -> list[tuple[str, str, list[tuple[str, str]]]]:
    lines = [ln for ln in CASES.read_text(encoding="utf-8").splitlines() if ln and ln[0] != "#"]
    out = []
    for line in lines[1:]:
        group, text, expected = line.split("\t")
        text = text.replace("\\n", "\n")
        pairs = []
        if expected != "-":
            for item in expected.replace("\\n", "\n").split(" ; "):
                code, _, words = item.partition("=")
                pairs.append((code, words))
        out.append((group, text, pairs))
    return out


CASE_ROWS = _load_cases()


@pytest.mark.parametrize(
    ("text", "expected"),
    [pytest.param(t, e, id=f"{g}: {t[:50]}") for g, t, e in CASE_ROWS],
)
def test_table(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.code, m.text) for m in find_places(text)] == expected


def test_mention_offsets_and_form() -> None:
    text = "About 850 Britons went; the UK says so."
    got = find_places(text)
    assert got == [
        PlaceMention(10, 17, "Britons", "GBR", PlaceForm.DEMONYM),
        PlaceMention(24, 30, "the UK", "GBR", PlaceForm.NAME),
    ]


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("France", PlaceForm.NAME),
        ("French", PlaceForm.ADJECTIVE),
        ("Frenchmen", PlaceForm.DEMONYM),
        ("Uyghurs", PlaceForm.ETHNIC),
        ("Western Europe", PlaceForm.REGION),
    ],
)
def test_forms(text: str, form: PlaceForm) -> None:
    assert [m.form for m in find_places(text)] == [form]


@pytest.mark.xfail(strict=True, reason="KNOWN AMBIGUITY: the US state of Georgia reads as GEO")
def test_georgia_the_us_state_is_not_the_country() -> None:
    assert [m.code for m in find_places("residents of Atlanta, Georgia")] == []


# --- properties ---------------------------------------------------------------------------

ALIASES = sorted({row.alias for row in [*country_rows(), *region_rows()]})
# Separators that no alias contains, so that two neighbours cannot join into a longer alias.
SEPARATORS = st.sampled_from([", ", "; ", " (", ") ", " from ", " / ", ",\n"])


@settings(deadline=None)  # timing is the speed test's job; cores are shared
@given(st.text(max_size=300))
def test_any_text_gives_anchored_sorted_disjoint_mentions(text: str) -> None:
    mentions = find_places(text)
    for m in mentions:
        assert text[m.start : m.end] == m.text
    for a, b in itertools.pairwise(mentions):
        assert a.end <= b.start


@settings(deadline=None)  # timing is the speed test's job; cores are shared
@given(st.lists(st.sampled_from(ALIASES), min_size=1, max_size=6), st.data())
def test_aliases_joined_by_separators_are_all_found(
    aliases: list[str], data: st.DataObject
) -> None:
    text = ""
    spans = []
    for alias in aliases:
        text += data.draw(SEPARATORS)
        spans.append((len(text), alias))
        text += alias
    text += "."
    found = {(m.start, m.text) for m in find_places(text)}
    assert found == set(spans), text


@settings(deadline=None)  # timing is the speed test's job; cores are shared
@given(st.text(alphabet=st.sampled_from("usUS .,!?\n"), max_size=40))
def test_the_pronoun_us_never_matches(text: str) -> None:
    assert all(m.text in ("US", "U.S.") for m in find_places(text))
    assert not any(m.text in ("us", "Us", "uS") for m in find_places(text))


# --- the other public functions ----------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("GBR", "United Kingdom"),
        ("USA", "United States"),
        ("RUS", "Russia"),
        ("XKX", "Kosovo"),
        ("PSE", "Palestine"),
        ("LCA", "Saint Lucia"),
        ("eu", "European Union"),
        ("world", "World"),
        ("syria-iraq", "Syria and Iraq"),
        ("HKG", "Hong Kong"),
    ],
)
def test_place_name(code: str, name: str) -> None:
    assert place_name(code) == name


def test_place_name_of_unknown_code_raises() -> None:
    with pytest.raises(KeyError):
        place_name("ZZZ")


@pytest.mark.parametrize(
    ("code", "numeric"),
    [
        ("GBR", "826"),
        ("USA", "840"),
        ("AFG", "004"),
        ("TWN", "158"),
        ("PSE", "275"),
        ("XKX", None),
        ("eu", None),
        ("nope", None),
    ],
)
def test_iso_numeric(code: str, numeric: str | None) -> None:
    assert iso_numeric(code) == numeric


def test_is_region() -> None:
    assert is_region("eu") and is_region("world") and is_region("syria-iraq")
    assert not is_region("GBR") and not is_region("Europe")


@pytest.mark.parametrize(
    ("slug", "members"),
    [
        ("western-balkans", {"ALB", "BIH", "XKX", "MNE", "MKD", "SRB"}),
        ("central-asia", {"KAZ", "KGZ", "TJK", "TKM", "UZB"}),
        ("north-america", {"USA", "CAN"}),
        ("syria-iraq", {"SYR", "IRQ"}),
    ],
)
def test_region_members(slug: str, members: set[str]) -> None:
    assert region_members(slug) == members


def test_eu_of_2017_has_28_members_with_the_uk() -> None:
    eu = region_members("eu")
    assert len(eu) == 28 and "GBR" in eu and "NOR" not in eu


def test_world_is_every_country() -> None:
    assert region_members("world") == {code for code, _ in all_countries()}


def test_unknown_region_raises() -> None:
    with pytest.raises(KeyError):
        region_members("atlantis")


def test_all_countries_are_unique_and_named() -> None:
    countries = all_countries()
    assert len(countries) == len({c for c, _ in countries}) == 197
    assert ("GBR", "United Kingdom") in countries


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("France", "FRA"),
        ("french", "FRA"),
        ("FRA", "FRA"),
        ("gbr", "GBR"),
        ("the UK", "GBR"),
        ("united kingdom", "GBR"),
        ("bosnia and herzegovina", "BIH"),
        ("Côte D'Ivoire", "CIV"),
        ("Kosovo", "XKX"),
        ("eu", "eu"),
        ("EU", "eu"),
        ("World", "world"),
        ("western balkans", "western-balkans"),
        ("Former Soviet Union", "former-soviet-union"),
        ("  Tunisia ", "TUN"),
        ("Atlantis", None),
        ("France and Belgium", None),
        ("", None),
    ],
)
def test_lookup_place_takes_whole_names_in_any_case(name: str, code: str | None) -> None:
    assert lookup_place(name) == code
