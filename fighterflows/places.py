"""Places: countries and the regions of the estimate contract, their codes, names, adjectives,
demonyms and members, and where a text names them. The one owner of this knowledge: the
extractor, the importer, the analysis, the CLI, the reviews and the web all ask here.

The words live in `fighterflows/data/`: `places.tsv` (country names, short and former names,
abbreviations, adjectives, demonyms, counted ethnic groups), `regions.yaml` (region slugs, their
aliases and members) and `places_not.tsv` (phrases that must yield nothing, so that an alias inside
them cannot fire: "New Mexico", "Indian Ocean", "LET US"). The matching rules are written at the
top of `places.tsv`. ISO codes and numeric ids come from pycountry.

All of it is compiled once into one regex built as a trie, so that a scan costs one pass over the
text whatever the number of aliases; leftmost-longest wins ("Papua New Guinea" over "Guinea").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources

import pycountry

from fighterflows.trie import APOSTROPHES, HYPHENS, trie_pattern
from fighterflows.yamldata import parse


class PlaceForm(StrEnum):
    NAME = "name"
    ADJECTIVE = "adjective"
    DEMONYM = "demonym"
    REGION = "region"
    ETHNIC = "ethnic"


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """Words naming a place: `text == source[start:end]`; `code` is ISO alpha-3 or a region slug."""

    start: int
    end: int
    text: str
    code: str
    form: PlaceForm


@dataclass(frozen=True, slots=True)
class AliasRow:
    """One line of the data: words that name `code` (None for a must-not-match phrase)."""

    alias: str
    code: str | None
    form: PlaceForm | None


@dataclass(frozen=True, slots=True)
class _Region:
    name: str
    aliases: tuple[str, ...]
    members: tuple[str, ...] | None  # None: every country
    lists: bool  # a list of its countries stands for it


@dataclass(frozen=True, slots=True)
class _Gazetteer:
    lookup: Mapping[str, tuple[str, PlaceForm] | None]
    pattern: re.Pattern[str]
    country_names: Mapping[str, str]
    regions: Mapping[str, _Region]


# The conflict zone the fighters went to: no figure is counted for its own people.
ZONE_CODES = frozenset({"SYR", "IRQ", "syria-iraq"})
_WORLD_ALL = "all"
_SPACES = re.compile(r"\s+")
# Typographic apostrophes and hyphens in a text match the plain ones of the data.
_KEY_CHARS = str.maketrans({**dict.fromkeys(APOSTROPHES, "'"), **dict.fromkeys(HYPHENS, "-")})


def find_places(text: str) -> list[PlaceMention]:
    """Every place named in `text`, sorted, non-overlapping, the longest match at each start."""
    g = _gazetteer()
    out: list[PlaceMention] = []
    for m in g.pattern.finditer(text):
        hit = g.lookup.get(_key(m.group()))
        if hit is not None:
            out.append(PlaceMention(m.start(), m.end(), m.group(), hit[0], hit[1]))
    return out


def lookup_place(name: str) -> str | None:
    """The code a whole name stands for, ignoring case: "France", "french", "FRA", "eu", "the UK".

    For names standing alone (table cells, command-line options), not running text: None when the
    name is not exactly one known alias, code or slug.
    """
    words = _key(name.strip())
    g = _gazetteer()
    if words in g.regions or words in g.country_names:
        return words
    if words.upper() in g.country_names:
        return words.upper()
    return _folded_index().get(words.casefold())


def is_region(code: str) -> bool:
    return code in _gazetteer().regions


def region_members(slug: str) -> frozenset[str]:
    """ISO alpha-3 codes of a region's members ("world": every country). KeyError if unknown."""
    members = _gazetteer().regions[slug].members
    if members is None:
        return frozenset(_gazetteer().country_names)
    return frozenset(members)


@cache
def list_regions() -> tuple[str, ...]:
    """The regions a list of their countries stands for (`lists: yes` in regions.yaml),
    smallest first: the first that holds a list's countries is the one they make up."""
    regions = _gazetteer().regions
    listed = [slug for slug, region in regions.items() if region.lists]
    return tuple(sorted(listed, key=lambda slug: len(region_members(slug))))


def members_of(code: str) -> frozenset[str] | None:
    """A region's members; None for a country (or anything that is no region)."""
    return region_members(code) if is_region(code) else None


def place_name(code: str) -> str:
    """Display name of a code or region slug ("GBR" -> "United Kingdom"); KeyError if unknown.

    Any valid ISO alpha-3 code has a name (pycountry's for territories outside the gazetteer).
    """
    g = _gazetteer()
    if code in g.regions:
        return g.regions[code].name
    if code in g.country_names:
        return g.country_names[code]
    # A valid ISO code outside the gazetteer (a territory such as HKG, from an imported table).
    country = pycountry.countries.get(alpha_3=code) if len(code) == 3 and code.isupper() else None
    if country is None:
        raise KeyError(code)
    return str(getattr(country, "common_name", None) or country.name)


@cache
def display_name(code: str) -> str:
    """`place_name`, or the code itself where it names nothing known (never raises)."""
    try:
        return place_name(code)
    except KeyError:
        return code


def is_country(code: str) -> bool:
    """A country's code (ISO alpha-3, upper case), not a region's slug."""
    return len(code) == 3 and code.isupper()


@cache
def place_adjective(code: str) -> str:
    """The adjective of a country ("BEL" -> "Belgian"): its first `adjective` row, else its
    display name; KeyError if unknown."""
    adjective = _first_adjectives().get(code)
    return adjective if adjective is not None else place_name(code)


@cache
def _first_adjectives() -> dict[str, str]:
    """Each country's first `adjective` row: read once, not once for each country asked."""
    out: dict[str, str] = {}
    for row in country_rows():
        if row.code is not None and row.form is PlaceForm.ADJECTIVE:
            out.setdefault(row.code, row.alias)
    return out


def all_countries() -> list[tuple[str, str]]:
    """(iso3, display name) for every country of the gazetteer, by name."""
    return sorted(_gazetteer().country_names.items(), key=lambda item: item[1])


@cache
def iso_numeric(code: str) -> str | None:
    """ISO 3166-1 numeric id ("826" for GBR), as the map's TopoJSON uses; None for XKX, regions."""
    country = pycountry.countries.get(alpha_3=code) if len(code) == 3 and code.isupper() else None
    return None if country is None else str(country.numeric)


# --- loading -------------------------------------------------------------------------------


def country_rows() -> list[AliasRow]:
    """The rows of places.tsv, in file order."""
    rows = []
    for cols in _tsv_rows("places.tsv", 3):
        rows.append(AliasRow(cols[1], cols[0], PlaceForm(cols[2])))
    return rows


def region_rows() -> list[AliasRow]:
    """One row per region alias of regions.yaml."""
    return [
        AliasRow(alias, slug, PlaceForm.REGION)
        for slug, region in _regions().items()
        for alias in region.aliases
    ]


def blocked_rows() -> list[tuple[str, str]]:
    """(phrase, the code it must not give) for every row of places_not.tsv."""
    return [(cols[0], cols[1]) for cols in _tsv_rows("places_not.tsv", 2)]


def alias_variants(alias: str) -> list[str]:
    """The spellings an alias also matches: capitalised at a sentence start, all capitals."""
    out = [alias]
    if alias[0].islower():
        out.append(alias[0].upper() + alias[1:])
    if sum(c.isalpha() for c in alias) >= 4:
        out.extend(v.upper() for v in list(out) if v.upper() != v)
    return out


def _key(words: str) -> str:
    """The lookup key of matched words: whitespace runs as one space, plain apostrophes, hyphens."""
    return _SPACES.sub(" ", words).translate(_KEY_CHARS)


def _data_text(name: str) -> str:
    return (resources.files("fighterflows") / "data" / name).read_text(encoding="utf-8")


def _tsv_rows(name: str, min_cols: int) -> Iterator[list[str]]:
    lines = (ln for ln in _data_text(name).splitlines() if ln.strip() and not ln.startswith("#"))
    next(lines)  # the column header
    for line in lines:
        cols = line.split("\t")
        if len(cols) < min_cols:
            raise ValueError(f"{name}: fewer than {min_cols} columns: {line!r}")
        yield cols


@cache
def _regions() -> dict[str, _Region]:
    raw = parse(_data_text("regions.yaml"))
    out = {}
    for slug, spec in raw.items():
        members = spec["members"]
        out[str(slug)] = _Region(
            name=str(spec["name"]),
            aliases=tuple(str(a) for a in spec["aliases"]),
            members=None if members == _WORLD_ALL else tuple(str(m) for m in members),
            lists=spec.get("lists") is True,
        )
    return out


def _build_lookup(rows: Iterable[AliasRow]) -> dict[str, tuple[str, PlaceForm] | None]:
    """Alias key -> (code, form), None for blocked phrases; written aliases beat variants."""
    rows = list(rows)
    lookup: dict[str, tuple[str, PlaceForm] | None] = {}
    for row in rows:
        target = None if row.code is None or row.form is None else (row.code, row.form)
        key = _key(row.alias)
        if key in lookup and lookup[key] != target:
            raise ValueError(f"alias {row.alias!r} names two places: {lookup[key]} and {target}")
        lookup[key] = target
    for row in rows:
        target = lookup[_key(row.alias)]
        for variant in alias_variants(row.alias)[1:]:
            lookup.setdefault(_key(variant), target)
    return lookup


def _trie_regex(keys: Iterable[str]) -> re.Pattern[str]:
    """One regex for all aliases (a trie: each text position costs one branch a character)."""
    # Not after "al-": "al-Iraqi", "al-Yemeni" are parts of Arabic names, not places; not before
    # "$": "US$", "NZ$" are currencies; not before a hyphen and a word of acting on others
    # ("the US-backed SDF", "Saudi-led coalition", "Turkish-trained rebels"): the country backs
    # or leads them, it does not count them (also when an alias with an article, "the US",
    # starts before the guarded phrase); "UK-based jihadists" are its residents and stay.
    return re.compile(
        r"(?<!\w)(?<!\b[aA]l-)" + trie_pattern(keys) + r"(?![\w$])(?![-‐‑–]" + _ACTING + r"\b)"
    )


# the second half of a compound in which a country acts on others: `_trie_regex`
_ACTING = (
    r"(?:backed|led|allied|aligned|run|funded|financed|sponsored|supported|controlled|trained|"
    r"armed|brokered|dominated)"
)


@cache
def _folded_index() -> dict[str, str]:
    """Case-folded alias -> code, without the few folds that two places share."""
    g = _gazetteer()
    names = [(region.name, slug) for slug, region in g.regions.items()]
    hits = [(key, hit[0]) for key, hit in g.lookup.items() if hit is not None]
    index: dict[str, str] = {}
    clashes: set[str] = set()
    for key, code in [*hits, *names]:
        folded = key.casefold()
        if index.setdefault(folded, code) != code:
            clashes.add(folded)
    return {k: v for k, v in index.items() if k not in clashes}


@cache
def _gazetteer() -> _Gazetteer:
    countries = country_rows()
    blocked = [AliasRow(phrase, None, None) for phrase, _ in blocked_rows()]
    lookup = _build_lookup([*countries, *region_rows(), *blocked])
    names: dict[str, str] = {}
    for row in countries:
        if row.form is PlaceForm.NAME and row.code is not None:
            names.setdefault(row.code, row.alias)
    return _Gazetteer(lookup, _trie_regex(lookup), names, _regions())
