"""Tests on the gazetteer's data files: places.tsv, regions.yaml, places_not.tsv."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pycountry
import pytest

from fighterflows.places import (
    AliasRow,
    PlaceForm,
    alias_variants,
    all_countries,
    blocked_rows,
    country_rows,
    find_places,
    is_region,
    list_regions,
    region_members,
    region_rows,
)

UN_MEMBERS_FILE = Path(__file__).resolve().parent / "cases" / "places_un_members.tsv"
# Observers (Palestine, the Holy See), Kosovo and Taiwan, which the contract also counts.
EXTRA = {"PSE", "VAT", "XKX", "TWN"}
# No adjective or demonym of their own: "Dominican" is read as the Dominican Republic's,
# "Congolese" as the DRC's (see places.tsv), and the Holy See has none in English.
NO_ADJECTIVE = {"DMA", "COG", "VAT"}
CONTRACT = Path(__file__).resolve().parents[1] / "docs" / "estimate-format.md"


def _contract_slugs() -> frozenset[str]:
    """The slugs of the contract's table of regions (the block after "Regions (slug → ...")."""
    table = CONTRACT.read_text(encoding="utf-8").split("\nRegions (slug")[1].split("\n\n")[1]
    return frozenset(re.findall(r"(?m)^\| `([a-z-]+)` \| ", table))


CONTRACT_SLUGS = _contract_slugs()


def _un_members() -> set[str]:
    lines = UN_MEMBERS_FILE.read_text(encoding="utf-8").splitlines()
    rows = [ln.split("\t")[0] for ln in lines if ln and not ln.startswith("#")]
    return set(rows[1:])


ALL_ROWS: list[AliasRow] = [*country_rows(), *region_rows()]
BY_CODE: dict[str, set[PlaceForm]] = defaultdict(set)
for _row in country_rows():
    assert _row.code is not None and _row.form is not None
    BY_CODE[_row.code].add(_row.form)


def test_un_member_list_has_193() -> None:
    assert len(_un_members()) == 193


def test_every_un_member_observer_kosovo_and_taiwan_is_present() -> None:
    assert set(BY_CODE) == _un_members() | EXTRA


@pytest.mark.parametrize("code", sorted(_un_members() | EXTRA))
def test_each_country_has_a_name_and_an_adjective_or_demonym(code: str) -> None:
    forms = BY_CODE[code]
    assert PlaceForm.NAME in forms
    if code not in NO_ADJECTIVE:
        assert forms & {PlaceForm.ADJECTIVE, PlaceForm.DEMONYM}


@pytest.mark.parametrize("code", sorted(BY_CODE))
def test_each_code_is_iso_alpha3_or_kosovo(code: str) -> None:
    assert code == "XKX" or pycountry.countries.get(alpha_3=code) is not None


def test_all_countries_matches_the_data() -> None:
    assert {code for code, _ in all_countries()} == set(BY_CODE)


def test_each_alias_and_variant_names_exactly_one_place() -> None:
    seen: dict[str, set[tuple[str | None, PlaceForm | None]]] = defaultdict(set)
    for row in ALL_ROWS:
        seen[row.alias].add((row.code, row.form))
    clashes = {alias: targets for alias, targets in seen.items() if len(targets) > 1}
    assert clashes == {}
    written = {row.alias for row in ALL_ROWS}
    raw_count: dict[str, int] = defaultdict(int)
    for row in ALL_ROWS:
        raw_count[row.alias] += 1
    assert {a: n for a, n in raw_count.items() if n > 1} == {}
    # A derived spelling (capitalised, all capitals) must not name another place.
    target = {row.alias: row.code for row in ALL_ROWS}
    for row in ALL_ROWS:
        for variant in alias_variants(row.alias)[1:]:
            if variant in written:
                assert target[variant] == row.code, (row.alias, variant)


@pytest.mark.parametrize("row", ALL_ROWS, ids=lambda r: f"{r.code}:{r.alias}")
def test_each_alias_alone_is_found_whole(row: AliasRow) -> None:
    assert [(m.code, m.text, m.form) for m in find_places(row.alias)] == [
        (row.code, row.alias, row.form)
    ]


@pytest.mark.parametrize("row", ALL_ROWS, ids=lambda r: f"{r.code}:{r.alias}")
def test_each_variant_alone_is_found_whole(row: AliasRow) -> None:
    for variant in alias_variants(row.alias)[1:]:
        assert [(m.code, m.text) for m in find_places(variant)] == [(row.code, variant)]


def test_aliases_are_clean() -> None:
    for row in ALL_ROWS:
        assert row.alias == row.alias.strip() and "  " not in row.alias, row.alias
        assert row.alias[0].isalnum() and (row.alias[-1].isalnum() or row.alias[-1] == "."), row


@pytest.mark.parametrize("slug", sorted(CONTRACT_SLUGS))
def test_each_contract_region_exists_with_valid_members(slug: str) -> None:
    assert is_region(slug)
    members = region_members(slug)
    assert members and members <= set(BY_CODE)


def test_regions_are_exactly_the_contracts() -> None:
    assert {row.code for row in region_rows()} == CONTRACT_SLUGS


def test_the_contract_names_its_regions() -> None:
    assert {"world", "eu", "west", "syria-iraq", "north-america"} <= CONTRACT_SLUGS


def test_lists_stand_for_the_regions_of_countries_only() -> None:
    # Not the world, the West (a list of Western countries is not "the West") or the zone.
    assert set(list_regions()) == CONTRACT_SLUGS - {"world", "west", "syria-iraq"}


def test_a_list_region_is_the_smallest_that_holds_its_countries() -> None:
    sizes = [len(region_members(slug)) for slug in list_regions()]
    assert sizes == sorted(sizes)
    # Central Asia lies inside the former Soviet Union, the Western Balkans inside Europe.
    order = list_regions()
    assert order.index("central-asia") < order.index("former-soviet-union")
    assert order.index("western-balkans") < order.index("europe")


def test_region_aliases_have_the_region_form() -> None:
    assert all(row.form is PlaceForm.REGION for row in region_rows())


BLOCKED = blocked_rows()


@pytest.mark.parametrize(("phrase", "wrong"), BLOCKED, ids=[p for p, _ in BLOCKED])
def test_must_not_match_phrase_does_not_give_its_code(phrase: str, wrong: str) -> None:
    for variant in alias_variants(phrase):
        assert wrong not in {m.code for m in find_places(variant)}, variant
        assert wrong not in {m.code for m in find_places(f"They said {variant} today.")}


@pytest.mark.parametrize(("phrase", "wrong"), BLOCKED, ids=[p for p, _ in BLOCKED])
def test_must_not_match_phrase_is_needed(phrase: str, wrong: str) -> None:
    """The guard holds an alias that would give the wrong code: a stale guard fails here."""
    inside = [
        row.alias
        for row in ALL_ROWS
        if row.code == wrong and re.search(rf"(?<!\w){re.escape(row.alias)}(?!\w)", phrase)
    ]
    assert inside, phrase


@pytest.mark.parametrize(("phrase", "wrong"), BLOCKED, ids=[p for p, _ in BLOCKED])
def test_must_not_match_phrase_is_no_alias(phrase: str, wrong: str) -> None:
    assert phrase not in {row.alias for row in ALL_ROWS}
