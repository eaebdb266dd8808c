"""Checks on the hand-written corpora: the bundled sample and the planted conflicts corpus.

The sample corpus is package data shipped to users, and its hand gold is data/sample-gold.yaml;
these tests keep the articles well-formed, the gold consistent with the texts and the contract,
and the texts in our own words (no long sentence copied from the shared seeds or corpus).
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pycountry
import pytest
import yaml

from fighterflows.model import Flow, Kind, Population, Qualifier
from fighterflows.places import is_region

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "fighterflows" / "data" / "sample"
CONFLICTS = ROOT / "tests" / "corpora" / "conflicts"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"

OPEN_LOW = frozenset({Qualifier.AT_MOST, Qualifier.LESS_THAN})
OPEN_HIGH = frozenset({Qualifier.AT_LEAST, Qualifier.MORE_THAN})
INTERVAL = frozenset({Qualifier.RANGE, Qualifier.VAGUE})
FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.DOTALL)
SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+|\n+")


def split_article(path: Path) -> tuple[dict[str, Any], str]:
    """Front matter and body, the body stripped as the Markdown reader gives it."""
    text = path.read_text(encoding="utf-8")
    match = FRONT.match(text)
    assert match, f"{path.name}: no YAML front matter"
    meta = yaml.safe_load(match.group(1))
    assert isinstance(meta, dict), f"{path.name}: front matter is not a mapping"
    return meta, text[match.end() :].strip()


def iso_date(value: object) -> str | None:
    """The value as YYYY-MM-DD if it is a valid calendar date, else None."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return dt.date.fromisoformat(value).isoformat()
        except ValueError:
            return None
    return None


def word_count(body: str) -> int:
    return len(re.findall(r"\S+", body))


def sentences(body: str) -> Iterator[str]:
    for part in SENTENCE_END.split(body):
        part = " ".join(part.split())
        if part:
            yield part


def is_place(code: str) -> bool:
    return is_region(code) or code == "XKX" or pycountry.countries.get(alpha_3=code) is not None


@cache
def sample_manifest() -> dict[str, Any]:
    data = yaml.safe_load((SAMPLE.parent / "sample-gold.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    files = data["files"]
    assert isinstance(files, dict)
    return files


@cache
def conflicts_expected() -> dict[str, Any]:
    expected = CONFLICTS.parent / "conflicts-expected.yaml"
    data = yaml.safe_load(expected.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def sample_files() -> list[Path]:
    return sorted(SAMPLE.glob("*.md"))


def conflict_files() -> list[Path]:
    return sorted(CONFLICTS.glob("*.md"))


def interval(entry: dict[str, Any]) -> tuple[float | None, float | None, float | None]:
    """(value, low, high) for a gold entry, following the contract's qualifier table."""
    qualifier = Qualifier(entry["qualifier"])
    figure = entry["figure"]
    if qualifier in INTERVAL:
        low, high = figure
        return None, low, high
    if qualifier == Qualifier.EXACT:
        return figure, figure, figure
    if qualifier in OPEN_HIGH:
        return figure, figure, None
    if qualifier in OPEN_LOW:
        return figure, None, figure
    return figure, None, None


def locate(body: str, quote: str, start: int) -> int:
    """Offset of `quote` at or after `start`, not inside a longer number or word."""
    pattern = re.compile(r"(?<![\w,.])" + re.escape(quote) + r"(?![\w]|[,.]\d)")
    match = pattern.search(body, start)
    return -1 if match is None else match.start()


def gold_records(
    doc: str, body: str, date: str, entries: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """A manifest entry list as the contract's JSON objects (what the extractor should output)."""
    records, cursor = [], 0
    for entry in entries:
        start = locate(body, entry["quote"], cursor)
        assert start >= 0, f"{doc}: quote {entry['quote']!r} not found after offset {cursor}"
        end = start + len(entry["quote"])
        cursor = end
        value, low, high = interval(entry)
        records.append(
            {
                "doc": doc,
                "start": start,
                "end": end,
                "quote": entry["quote"],
                "place": entry["place"],
                "flow": entry["flow"],
                "population": entry["population"],
                "kind": entry.get("kind", "count"),
                "value": value,
                "low": low,
                "high": high,
                "qualifier": entry["qualifier"],
                "base": entry.get("base"),
                "source": entry.get("source"),
                "as_of": entry.get("as_of", date),
                "since": entry.get("since"),
                "scope": entry.get("scope", "cumulative"),
                "derived": False,
            }
        )
    return records


def sample_gold() -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for path in sample_files():
        meta, body = split_article(path)
        date = iso_date(meta["date"])
        assert date is not None
        out += gold_records(path.name, body, date, sample_manifest()[path.name]["estimates"])
    return out


# --- the sample corpus ------------------------------------------------------------------------


@pytest.mark.parametrize("path", sample_files(), ids=lambda p: p.stem)
def test_sample_front_matter(path: Path) -> None:
    meta, _ = split_article(path)
    assert isinstance(meta.get("title"), str) and meta["title"].strip()
    assert isinstance(meta.get("outlet"), str) and meta["outlet"].strip()
    date = iso_date(meta.get("date"))
    assert date is not None, f"date {meta.get('date')!r} is not YYYY-MM-DD"
    assert path.name.startswith(date), "file name starts with the publication date"


@pytest.mark.parametrize("path", sample_files(), ids=lambda p: p.stem)
def test_sample_length(path: Path) -> None:
    _, body = split_article(path)
    assert 120 <= word_count(body) <= 350


def test_sample_size() -> None:
    assert len(sample_files()) >= 12


def test_manifest_lists_every_file() -> None:
    names = {p.name for p in sample_files()}
    assert set(sample_manifest()) == names


def test_exactly_one_sample_without_estimates() -> None:
    empty = [name for name, entry in sample_manifest().items() if not entry["estimates"]]
    assert len(empty) == 1
    _, body = split_article(SAMPLE / empty[0])
    assert len(re.findall(r"\d", body)) >= 10, "the no-estimate article still carries numbers"


@pytest.mark.parametrize("name", sorted(sample_manifest()), ids=str)
def test_manifest_entries_follow_the_contract(name: str) -> None:
    entries = sample_manifest()[name]["estimates"]
    assert entries or name.endswith("conference-budget.md")
    for entry in entries:
        check_entry(entry, len(entries), entries)


def check_entry(entry: dict[str, Any], count: int, entries: list[dict[str, Any]]) -> None:
    assert is_place(entry["place"]), entry
    Flow(entry["flow"])
    Population(entry["population"])
    kind = Kind(entry.get("kind", "count"))
    qualifier = Qualifier(entry["qualifier"])
    figure = entry["figure"]
    if qualifier in INTERVAL:
        assert isinstance(figure, list) and len(figure) == 2, entry
        assert figure[1] is None or figure[0] < figure[1], entry
    else:
        assert isinstance(figure, int | float), entry
    if kind == Kind.SHARE:
        assert 0 < figure <= 1, entry
        base = entry.get("base")
        assert base is None or (0 <= base < count and entries[base].get("kind", "count") == "count")
    else:
        assert "base" not in entry, entry
    for key in ("as_of", "since"):
        if entry.get(key) is not None:
            assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", str(entry[key])), entry


def test_manifest_quotes_are_in_the_texts_in_order() -> None:
    records = sample_gold()
    texts = {p.name: split_article(p)[1] for p in sample_files()}
    assert len(records) >= 100
    for record in records:
        assert texts[record["doc"]][record["start"] : record["end"]] == record["quote"]


def test_sample_articles_carry_several_figures() -> None:
    for name, entry in sample_manifest().items():
        if entry["estimates"]:
            assert len(entry["estimates"]) >= 3, name


def test_sample_corpus_varies_its_phrasing() -> None:
    records = sample_gold()
    assert {r["qualifier"] for r in records} == {q.value for q in Qualifier}
    assert {r["population"] for r in records} == {p.value for p in Population}
    assert {"departed", "returned", "killed", "remaining"} <= {r["flow"] for r in records}
    assert sum(r["kind"] == "share" for r in records) >= 5
    assert sum(r["source"] is None for r in records) >= 5


@cache
def shared_text() -> str:
    paths = sorted(SHARED.glob("seeds/**/*")) + sorted(SHARED.glob("corpus/**/*"))
    texts = (p.read_text(encoding="utf-8") for p in paths if p.is_file())
    return " ".join(" ".join(t.split()) for t in texts)


@pytest.mark.parametrize(
    "path", sample_files() + conflict_files(), ids=lambda p: f"{p.parent.name}/{p.stem}"
)
@pytest.mark.needs_shared
def test_written_in_our_own_words(path: Path) -> None:
    _, body = split_article(path)
    copied = [s for s in sentences(body) if len(s) > 60 and s in shared_text()]
    assert not copied


@pytest.mark.needs_shared
def test_own_words_check_catches_a_copied_sentence() -> None:
    seed = next(p for p in sorted((SHARED / "seeds").iterdir()) if p.is_file())
    long = [s for s in sentences(seed.read_text(encoding="utf-8")) if len(s) > 60]
    assert long and long[0] in shared_text()


# --- the planted conflicts corpus -------------------------------------------------------------


@pytest.mark.parametrize("path", conflict_files(), ids=lambda p: p.stem)
def test_conflict_front_matter(path: Path) -> None:
    meta, body = split_article(path)
    assert isinstance(meta.get("title"), str) and meta["title"].strip()
    assert iso_date(meta.get("date")) is not None
    assert word_count(body) >= 40


def test_conflicts_size_and_listing() -> None:
    files = {p.name for p in conflict_files()}
    assert 10 <= len(files) <= 14
    assert set(conflicts_expected()["documents"]) == files


@pytest.mark.parametrize("name", sorted(conflicts_expected()["documents"]), ids=str)
def test_conflict_documents_carry_their_estimates(name: str) -> None:
    entries = conflicts_expected()["documents"][name]["estimates"]
    assert entries
    for entry in entries:
        check_entry(entry, len(entries), entries)
    meta, body = split_article(CONFLICTS / name)
    date = iso_date(meta["date"])
    assert date is not None
    records = gold_records(name, body, date, entries)
    assert all(body[r["start"] : r["end"]] == r["quote"] for r in records)


def test_every_kind_of_plant_is_there() -> None:
    kinds = {plant["kind"] for plant in conflicts_expected()["plants"]}
    assert kinds == {
        "misquote",
        "disagreement",
        "superseded",
        "share_without_count",
        "near_duplicate",
        "inconsistency",
        "coverage",
    }


@pytest.mark.parametrize(
    "plant", conflicts_expected()["plants"], ids=lambda p: f"{p['kind']}-{p['id']}"
)
def test_plants_point_at_real_estimates(plant: dict[str, Any]) -> None:
    documents = conflicts_expected()["documents"]
    for ref in plant["estimates"]:
        doc, index = ref["doc"], ref["index"]
        assert doc in documents and 0 <= index < len(documents[doc]["estimates"]), ref
    assert set(plant["docs"]) == {ref["doc"] for ref in plant["estimates"]} | set(
        plant.get("also_docs", [])
    )


def plant_entries(plant: dict[str, Any]) -> list[dict[str, Any]]:
    documents = conflicts_expected()["documents"]
    return [documents[r["doc"]]["estimates"][r["index"]] for r in plant["estimates"]]


def plants_of(kind: str) -> list[dict[str, Any]]:
    return [p for p in conflicts_expected()["plants"] if p["kind"] == kind]


def test_misquotes_share_source_and_key_but_not_figure() -> None:
    for plant in plants_of("misquote"):
        entries = plant_entries(plant)
        assert len({(e["source"], e["place"], e["flow"], e["population"]) for e in entries}) == 1
        assert len({e["figure"] for e in entries}) > 1


def test_disagreements_have_disjoint_intervals_from_different_sources() -> None:
    for plant in plants_of("disagreement"):
        first, second = (interval(e) for e in plant_entries(plant))
        assert len({e["source"] for e in plant_entries(plant)}) == 2
        assert disjoint(first, second)


def disjoint(a: tuple[float | None, ...], b: tuple[float | None, ...]) -> bool:
    (_, a_low, a_high), (_, b_low, b_high) = a, b
    return (a_high is not None and b_low is not None and a_high < b_low) or (
        b_high is not None and a_low is not None and b_high < a_low
    )


def test_inconsistencies_return_more_than_departed() -> None:
    for plant in plants_of("inconsistency"):
        by_flow = {e["flow"]: e["figure"] for e in plant_entries(plant)}
        assert by_flow["returned"] > by_flow["departed"]


def test_coverage_plants_repeat_one_figure() -> None:
    for plant in plants_of("coverage"):
        entries = plant_entries(plant)
        assert len({(e["source"], e["place"], e["flow"], e["figure"]) for e in entries}) == 1
        assert len(plant["docs"]) >= 2


def test_near_duplicates_are_near_but_not_exact() -> None:
    for plant in plants_of("near_duplicate"):
        first, second = (split_article(CONFLICTS / d)[1] for d in plant["docs"])
        assert first != second
        shared = set(sentences(first)) & set(sentences(second))
        assert len(shared) >= 0.7 * len(set(sentences(first)))


# --- provenance: the sample's figures are the published ones --------------------------------

CSV_PLACES = {
    "Global": "world", "European Union": "eu", "Europe": "europe",
    "Western Europe": "western-europe", "Former Soviet Union": "former-soviet-union",
    "Russia and former Soviet republics": "former-soviet-union",
    "North America": "north-america", "Central Asia": "central-asia",
    "Western Balkans": "western-balkans", "North Africa": "north-africa",
    "United States": "USA", "United Kingdom": "GBR", "Russia": "RUS", "Saudi Arabia": "SAU",
    "Jordan": "JOR", "Tunisia": "TUN", "France": "FRA", "Germany": "DEU", "Turkey": "TUR",
    "Morocco": "MAR", "Tajikistan": "TJK", "Uzbekistan": "UZB", "Kazakhstan": "KAZ",
    "Kyrgyzstan": "KGZ", "Turkmenistan": "TKM", "Netherlands": "NLD",
    "Bosnia and Herzegovina": "BIH", "Australia": "AUS", "Canada": "CAN", "Finland": "FIN",
    "Italy": "ITA", "Belgium": "BEL",
}  # fmt: skip


@cache
def published() -> frozenset[tuple[str, str, str, str, float]]:
    """(place, flow, population, kind, figure) for every figure of shared/data's two tables."""
    out: set[tuple[str, str, str, str, float]] = set()
    with (SHARED / "data" / "published-figures.csv").open(encoding="utf-8") as stream:
        for row in csv.DictReader(stream):
            place = CSV_PLACES.get(row["place"])
            share = row["flow"] == "returned_share_pct"
            flow, kind = ("returned", "share") if share else (row["flow"], "count")
            population = "total" if row["population"] == "all" else row["population"]
            for figure in (row["low"], row["high"]):
                if place and figure:
                    value = float(figure) / 100 if share else float(figure)
                    out.add((place, flow, population, kind, round(value, 4)))
    with (SHARED / "data" / "icsr-2013-2015-estimates.csv").open(encoding="utf-8") as stream:
        for row in csv.DictReader(stream):
            code = "XKX" if row["countrycode"] == "KSV" else row["countrycode"]
            for key in ("icsr.low", "icsr.high", "icsr.mean"):
                if row["icsr.date"] == "20150126" and row[key] not in ("", "NA"):
                    out.add((code, "departed", "total", "count", float(row[key])))
    return frozenset(out)


@pytest.mark.needs_shared
def test_sample_figures_are_published_ones() -> None:
    unsupported = []
    for name, entry in sample_manifest().items():
        for e in entry["estimates"]:
            figures = e["figure"] if isinstance(e["figure"], list) else [e["figure"]]
            key = (e["place"], e["flow"], e["population"], e.get("kind", "count"))
            found = all(f is None or (*key, round(float(f), 4)) in published() for f in figures)
            if not found and not e.get("provenance"):
                unsupported.append((name, e["quote"]))
    assert not unsupported


@pytest.mark.parametrize(
    "path", sample_files() + conflict_files(), ids=lambda p: f"{p.parent.name}/{p.stem}"
)
def test_offsets_match_the_markdown_reader(path: Path) -> None:
    """Gold offsets index the body as the product's Markdown reader gives it (Document.text)."""
    from fighterflows.read.markdown import split_front_matter

    meta, body = split_front_matter(path.read_text(encoding="utf-8"))
    assert (meta, body.strip()) == split_article(path)
