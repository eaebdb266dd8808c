"""Extraction over a whole document: sentences → facts → drafts → estimates.

What crosses sentence boundaries lives here: the place carried from the previous sentence
or the section heading, the date carried within a paragraph, generic attributions ("the
report") resolved to a named source, shares tied to their base, derived counts, and
repeated figures within a paragraph counted once.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from fighterflows.extract.assembly.around import FIGHTER_HEAD
from fighterflows.extract.assembly.drafts import Context, Draft, estimate_of
from fighterflows.extract.assembly.estimates import assemble
from fighterflows.extract.assembly.references import (
    last_country,
    mentioned_place,
    reference_regex,
    topic_country,
)
from fighterflows.extract.assembly.scopes import told_as_one_operation
from fighterflows.extract.document.anchor import holds
from fighterflows.extract.document.introductions import (
    colon_of,
    introduction_of,
    introduction_words,
)
from fighterflows.extract.document.lists import lead_place, places_said
from fighterflows.extract.document.rows import item_run, row_drafts, row_lines
from fighterflows.extract.document.tables import table_drafts
from fighterflows.extract.mentions.dates import (
    MONTH_NAMES,
    DateMention,
    Role,
    find_dates,
    narrative_month,
    report_date,
    stated_before,
)
from fighterflows.extract.mentions.facts import Facts, gather
from fighterflows.extract.mentions.flows import Cue, find_cues
from fighterflows.extract.mentions.groups import find_groups, find_zone
from fighterflows.extract.mentions.lexicon import alternation, load
from fighterflows.extract.mentions.organisations import issuers, offices_named, organisations
from fighterflows.extract.mentions.sources import (
    OFFICE_NOUNS,
    PUBLICATION_WORDS,
    Attribution,
    canonical,
    find_attributions,
    government_name,
    is_acronym,
    is_outlet,
    is_post,
    joint_source,
    named_sources,
    names_a_person,
    national_named,
    office_of,
    report_kind,
    source_countries,
    source_spans,
    speaker_label,
    spelled_out,
    titled,
)
from fighterflows.extract.text.prefilter import TOPIC_WORDS
from fighterflows.extract.text.sentences import BlockKind, Sentence, split, states_number
from fighterflows.initials import compile_guarded, guarded
from fighterflows.model import Estimate, Flow, Kind, Population, Qualifier, Scope
from fighterflows.places import (
    ZONE_CODES,
    PlaceMention,
    find_places,
    is_region,
    list_regions,
    place_name,
    region_members,
)

# the prefilter's topic words behind a guard (its own regex stays as it is: its code is the
# ingest's fingerprint)
_TOPIC = guarded(TOPIC_WORDS)


class _Voices:
    """A sentence's attributions, found when a source it names is first asked about them: a
    sentence's attributions are costly, and most sources named are never asked (sentences
    without a figure, generic words resolved before the list is read that far)."""

    __slots__ = ("_facts", "_found", "_text")

    def __init__(self, text: str, facts: Facts | None) -> None:
        self._text, self._facts = text, facts
        self._found: tuple[Attribution, ...] | list[Attribution] | None = None

    def holding(self, offset: int) -> list[Attribution]:
        """The attributions whose words hold the source named at `offset`."""
        if self._found is None:
            # facts (full or light) hold the sentence's attributions
            known = self._facts
            self._found = known.attributions if known is not None else find_attributions(self._text)
        return [a for a in self._found if a.start <= offset < a.end]


@dataclass(frozen=True, slots=True)
class Named:
    sentence: int
    source: str
    kind: str | None
    # the sentence's attributions (None: it names no source the data knows, so none holds
    # this one), and where the source is named there
    voices: _Voices | None = field(default=None, compare=False, repr=False)
    offset: int = 0
    # said to have issued a statement or a report ("The Kyrgyz Foreign Ministry issued a
    # statement"): it stands only for that noun ("according to the statement")
    issued: bool = False

    @property
    def attributed(self) -> bool:
        """A figure is attributed to it there (not merely mentioned, nor quoted by another)."""
        holders = self.voices.holding(self.offset) if self.voices is not None else []
        return bool(holders) and not any(a.cited for a in holders)

    @property
    def cited(self) -> bool:
        """Quoted by another source there ("citing the RAN, the authors write")."""
        holders = self.voices.holding(self.offset) if self.voices is not None else []
        return any(a.cited for a in holders)


@dataclass(slots=True)
class Result:
    estimates: list[Estimate]
    dropped: int  # estimates whose quote did not anchor
    # for each estimate, the named rule behind each of its readings ("scope": "event-word")
    why: list[dict[str, str]] = field(default_factory=list)


def extract_text(text: str, published: str | None, doc: str) -> Result:
    sentences = split(text)
    facts = [_facts(s, published) for s in sentences]
    # the sources the document names, found when a figure first asks whose it is (most short
    # documents that pass the prefilter give no figure)
    named = functools.cache(functools.partial(_named, sentences, facts))
    conflict: dict[int, bool] = {}  # whether sentence j names the conflict, once asked
    drafts: list[Draft] = []
    owners: list[int] = []  # sentence index of each draft
    heading: PlaceMention | None = None
    tables = _tables(sentences)
    listed: dict[int, list[Draft]] = {}  # the drafts of a run's list items, by item
    for i, f in enumerate(facts):
        if i in tables:
            for d in table_drafts(tables[i], _flow_before_table(drafts, sentences[i])):
                d.source = _table_source(sentences, i, named())
                d.why["source"] = "named before the table"
                if d.source is not None:
                    d.source_text = _attribution_words(sentences[i - 1].text)
                elif i > 0 and (j := _introducing(sentences, i - 1)) is not None:
                    # "The following estimates were given:" and a table
                    introduced = _introduced(d, j, named(), drafts, owners, sentences)
                    if introduced is not None:
                        d.source, d.source_text = introduced
                        d.why["source"] = "introduced before the table"
                last = i + len(tables[i]) - 1
                if d.source is None and (later := _attributed_next(sentences, facts, last)):
                    # a table, then "Source: Europol"
                    d.source = _stated_source(later[1], d, named(), later[0], drafts)
                    if d.source is not None:
                        d.source, d.source_text = canonical(d.source), later[1].text
                        d.why["source"] = f"attributed-after: '{later[1].text}'"
                drafts.append(d)
                owners.append(i)
            continue
        if (run := item_run(sentences, i)) is not None:
            listed = _listed_rows(sentences, run, drafts)
        if f is None:
            continue
        if f.sentence.kind is BlockKind.HEADING:
            heading = _heading_place(f)
        if not f.numbers:
            continue
        made = len(drafts)
        before: Context = _Before(sentences, facts, drafts, owners, i, published, heading, conflict)
        for d in _aggregates(assemble(f, before)):
            d.source, d.why["source"] = _source(d, f, named(), i, drafts, owners, sentences)
            if d.why["source"].startswith("speaker-before") and d.as_of is None:
                # "The minister told parliament on Tuesday that …. Of these, 120 have
                # returned": the day the speaker spoke, for a figure with no date of its own
                spoken = _spoken_on(sentences, owners, i, published)
                if spoken is not None:
                    d.as_of, d.why["as_of"] = spoken, "the day its speaker spoke"
            if d.source is None and (later := _attributed_next(sentences, facts, i)):
                j, a = later
                d.source = _stated_source(a, d, named(), j, drafts)
                if d.source is not None:
                    d.source = canonical(d.source)
                    d.source_text = a.text
                    d.why["source"] = f"attributed-after: '{a.text}'"
            drafts.append(d)
            owners.append(i)
        if len(drafts) == made:
            # a place and its figure to a line, under a lead that says what they did
            if "\n" in f.sentence.text:
                header, rows = row_lines(f.sentence)
                found = row_drafts(rows, header, _flow_before_table(drafts, f.sentence))
            else:
                found = listed.pop(i, [])
            drafts.extend(found)
            owners.extend(i for _ in found)
    _lead_speaks(sentences, facts, drafts, owners, named, published)
    _restated(drafts)
    if sentences and _is_headline(sentences):
        _headline_as_the_story(drafts, owners)
    _operation_told_after(drafts, owners, sentences)
    _one_group_restated(drafts, owners)
    return _finish(text, doc, published, _dedupe(drafts))


@dataclass(frozen=True, eq=False)
class _Before:
    """The `Context` of sentence `i`: what the document says before it, each reading found
    when a rule first asks for it (drafts and owners are not added to while the sentence is
    assembled, so a reading found late is the one found at once)."""

    sentences: list[Sentence]
    facts: list[Facts | None]
    previous: list[Draft]  # drafts of earlier sentences, document order
    owners: list[int]  # sentence index of each draft
    i: int
    published: str | None
    heading_place: PlaceMention | None
    conflict: dict[int, bool]  # whether sentence j names the conflict, once asked

    @functools.cached_property
    def _carried(self) -> PlaceMention | None:
        return _carried_place(self.sentences, self.facts, self.previous, self.owners, self.i)

    @functools.cached_property
    def _lead(self) -> PlaceMention | None:
        if self._carried is not None:
            return None
        return lead_place(self.sentences, self.facts, self.previous, self.owners, self.i)

    @functools.cached_property
    def carried_place(self) -> PlaceMention | None:
        return self._carried or self._lead

    @functools.cached_property
    def carried_is_figure(self) -> bool:
        # a list's lead speaks for its items as a figure would
        return self._lead is not None or _previous_has_figures(self.sentences, self.owners, self.i)

    @functools.cached_property
    def day_before(self) -> str | None:
        return _day_before(self.sentences, self.owners, self.i, self.published)

    @functools.cached_property
    def _dated(self) -> tuple[list[DateMention], str | None]:
        return _dated_before(self.sentences, self.owners, self.i, self.published)

    @functools.cached_property
    def carried_as_of(self) -> str | None:
        day = self.day_before or self._dated[1]
        return _carried_as_of(self.sentences, self.previous, self.owners, self.i, day)

    @functools.cached_property
    def period_before(self) -> str | None:
        told = [d.iso for d in self._dated[0] if d.role is Role.AS_OF and d.aside is None]
        return told[-1] if told else None

    @functools.cached_property
    def narrative_month(self) -> str | None:
        return narrative_month(self._dated[0])

    @functools.cached_property
    def zone_nearby(self) -> bool:
        return _zone_nearby(self.sentences, self.i, self.conflict)

    @functools.cached_property
    def country_before(self) -> PlaceMention | None:
        return _country_before(self.sentences, self.facts, self.i)

    @functools.cached_property
    def countries_before(self) -> tuple[str, str] | None:
        return _countries_before(self.sentences, self.facts, self.i)

    @functools.cached_property
    def _cues(self) -> list[Cue]:
        return _cues_before(self.sentences, self.facts, self.owners, self.i)

    @functools.cached_property
    def flow_before(self) -> Flow | None:
        return _last_flow(self._cues)

    @functools.cached_property
    def stock_before(self) -> bool:
        return any(c.stock for c in self._cues)

    @functools.cached_property
    def fighters_before(self) -> bool:
        return _fighters_before(self.sentences, self.i)

    @functools.cached_property
    def topic(self) -> Callable[[], PlaceMention | None] | None:
        return functools.partial(topic_country, self.sentences, self.facts, self.i)


# "The figures were released by the Home Office": a sentence that attributes what came before
_BACK_NOUN = compile_guarded(
    r"\b(?:the|these|those|this|that|its|their)\s+(?:\w+\s+)?"
    r"(?:figures?|numbers?|data|statistics|estimates?|tally|count|totals?)\b"
    # a label after the figures: "Source: Home Office", "(Source: Europol)"
    r"|^\W*sources?\s*:"
    # "That is according to the security service.", "This was according to police data."
    r"|^\W*(?:that|this|it)\s+(?:is|was)\s+(?:all\s+)?according\s+to\b"
    # the statement just made, passive: "This was declared by the Minister of …", "These were
    # announced by the ministry" (its agent); "This is stated in the reply of the Ministry of
    # …", "This was given in a letter from the prosecutor's office" (a body's reply, `reply-of`)
    r"|^\W*(?:that|this|it|these|those)\s+(?:is|was|were|are|has\s+been|have\s+been)\s+"
    r"(?:\w+\s+)?(?:"
    r"(?:declared|stated|announced|said|reported|confirmed|disclosed|revealed)\s+by\b"
    r"|(?:stated|given|set\s+out|contained|reported|published|said)\s+in\s+"
    r"(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,2}?(?:"
    + alternation(load("sources")["words_of"])
    + r")\s+(?:of|by|from)\b)",
    re.I,
)
# a citation in brackets after the sentence: "(Interior Ministry, 2016)", "[UN report]" (its
# year is no figure)
_CITATION_ALONE = re.compile(r"\s*[(\[][A-Z][^()\[\]]{1,70}[)\]]\W*")


def _attributed_next(
    sentences: list[Sentence], facts: list[Facts | None], i: int
) -> tuple[int, Attribution] | None:
    """The attribution of a later sentence that states no figure of its own and refers back to
    the figures ("The figures were released by the Home Office", "These figures come from the
    interior ministry", "Source: Europol"): the next such sentence of the paragraph (or the
    next paragraph's first), past sentences or list items of figures that attribute nothing
    themselves (a paragraph or a list of figures, then its source)."""
    prev = sentences[i]
    for j in range(i + 1, min(i + 1 + _AFTER_FIGURES, len(sentences))):
        here = sentences[j]
        if here.kind is BlockKind.HEADING or here.paragraph - prev.paragraph > 1:
            return None
        f = facts[j]
        cited = _CITATION_ALONE.fullmatch(here.text) is not None
        if f is not None and f.numbers and not cited:
            # the run goes on within a paragraph or from one item of a list to the next
            items = here.kind is BlockKind.ITEM and prev.kind is BlockKind.ITEM
            if here.paragraph != prev.paragraph and not items:
                return None
            if any(a.source or a.generic or a.official for a in f.attributions):
                return None  # figures of their own, with their own source
            prev = here
            continue
        if not cited and not _BACK_NOUN.search(here.text):
            return None
        if _introducing(sentences, j) is not None:
            # "The Soufan Group estimates that the numbers for these countries are:": an
            # introduction speaks of what follows it, not of the figures before
            # (`introduction-looks-ahead`)
            return None
        said = f.attributions if f is not None else find_attributions(here.text)
        found = [a for a in said if a.source or a.generic or a.official]
        return (j, found[-1]) if found else None
    return None


# how many sentences of figures a back-reference may close ("These figures come from …")
_AFTER_FIGURES = 4


def _restated(drafts: list[Draft]) -> None:
    """A figure stated without a source (a headline, a lead) that a later sentence restates
    with one is that statement: "Kosovo repatriates 110 …" then "…, the ministry said"."""
    later: dict[tuple[object, ...], Draft] = {}  # the nearest later statement
    for d in reversed(drafts):
        key = _figure_key(d)
        if d.source is not None:
            later[key] = d
        elif key in later:
            d.source, d.why["source"] = later[key].source, "restated later with its source"
            d.source_text = words_of(later[key])


def _headline_as_the_story(drafts: list[Draft], owners: list[int]) -> None:
    """A headline's figure that the story restates ("Austria repatriates three women from
    Syria" then "Three Austrian women … were brought back on Tuesday") measures what the
    story's statement does: its scope and date."""
    story = {}
    for d, i in reversed(list(zip(drafts, owners, strict=True))):
        if i > 0:
            story[_figure_key(d)] = d
    for d, i in zip(drafts, owners, strict=True):
        later = story.get(_figure_key(d)) if i == 0 else None
        if (
            later is not None
            and d.flow is Flow.RETURNED
            and d.scope is Scope.EVENT
            and _weak_scope(later)
        ):
            continue  # "US repatriates 11 …" then "… has repatriated 11": the event's
        if later is not None and later.scope is not d.scope:
            d.scope, d.why["scope"] = later.scope, "headline-as-the-story"
            if later.as_of is not None:
                d.as_of, d.why["as_of"] = later.as_of, "headline-as-the-story"


# what makes a return's scope a default that a restatement may correct: a perfect or no word of
# time ("have been repatriated"), never a running total's words ("so far", "since")
_WEAK_SCOPE = frozenset(
    {"perfect-tense", "default", "no-verb-of-its-own", "scope-of-the-figure-restated"}
)


def _operation_told_after(
    drafts: list[Draft], owners: list[int], sentences: list[Sentence]
) -> None:
    """A state's act of repatriation said in the perfect or with no word of time, whose next
    sentence opens by naming one operation ("Denmark has repatriated three women and 14
    children, the minister said. The operation was carried out with US help"), is that event
    (rule `operation-told-after`)."""
    for d, i in zip(drafts, owners, strict=True):
        if (
            d.flow is Flow.RETURNED
            and d.scope is Scope.CUMULATIVE
            and d.why.get("scope") in ("perfect-tense", "default")
            and i + 1 < len(sentences)
            and sentences[i + 1].kind is not BlockKind.HEADING
            and told_as_one_operation(sentences[i].text, sentences[i + 1].text)
        ):
            d.scope, d.why["scope"] = Scope.EVENT, "operation-told-after"


def _one_group_restated(drafts: list[Draft], owners: list[int]) -> None:
    """One repatriated group told twice ("four women and their 13 children arrived on Saturday"
    then "four women and 13 children have been repatriated, the minister announced") is one
    event each time: a return stated as an event lends its scope and date to the story's other
    statements of the same figure, and to the other parts of the group said beside them in one
    sentence (rule `one-group-restated`)."""
    events = {
        _figure_key(d): d for d in drafts if d.flow is Flow.RETURNED and d.scope is Scope.EVENT
    }
    if not events:
        return
    changed: dict[int, Draft] = {}  # sentence → the restated event it holds
    for d, i in zip(drafts, owners, strict=True):
        event = events.get(_figure_key(d))
        if event is not None and d.scope is Scope.CUMULATIVE and _weak_scope(d):
            _take_event(d, event)
            changed[i] = d
    for d, i in zip(drafts, owners, strict=True):
        restated = changed.get(i)
        if (
            restated is not None
            and d.flow is Flow.RETURNED
            and d.scope is Scope.CUMULATIVE
            and d.population is not Population.TOTAL
            and _weak_scope(d)
        ):
            _take_event(d, restated)


def _weak_scope(d: Draft) -> bool:
    return d.why.get("scope", "default") in _WEAK_SCOPE


def _take_event(d: Draft, event: Draft) -> None:
    d.scope, d.why["scope"] = Scope.EVENT, "one-group-restated"
    if event.as_of is not None:
        d.as_of, d.why["as_of"] = event.as_of, "one-group-restated"


def _figure_key(d: Draft) -> tuple[object, ...]:
    """What makes two drafts the same figure: its people, flow, kind and number."""
    n = d.number
    figure = n.value if n.value is not None else (n.low, n.high)
    return (d.place, d.flow, d.population, d.kind, figure)


# how many paragraphs before a table its figures may stand to lend it their flow
_TABLE_REACH = 3


def _flow_before_table(drafts: list[Draft], first: Sentence) -> Flow | None:
    """The flow of the figures a table follows ("… has sent 1,200 … The full list is below."
    and a column headed "Estimate"): the last figure's, in the paragraphs just before."""
    if drafts and first.paragraph - drafts[-1].paragraph <= _TABLE_REACH:
        return drafts[-1].flow
    return None


def _listed_rows(
    sentences: list[Sentence], run: tuple[int, int], drafts: list[Draft]
) -> dict[int, list[Draft]]:
    """The drafts of the list items of a run that are a place and its figure ("- France
    250"), by item, under the sentence before the run."""
    first, last = run
    rows = []
    where: list[int] = []
    for k in range(first, last + 1):
        header, found = row_lines(sentences[k])
        if not header and len(found) == 1:
            rows.append(found[0])
            where.append(k)
    if len(rows) < 2 or first == 0:
        return {}
    lead = sentences[first - 1]
    out: dict[int, list[Draft]] = {}
    for d in row_drafts(rows, lead.text, _flow_before_table(drafts, lead)):
        k = next(k for k in where if sentences[k].start <= d.start < sentences[k].end)
        out.setdefault(k, []).append(d)
    return out


def _tables(sentences: list[Sentence]) -> dict[int, list[Sentence]]:
    """Each table's rows (consecutive table lines), keyed by the index of its first row."""
    out: dict[int, list[Sentence]] = {}
    first: int | None = None
    for i, s in enumerate(sentences):
        if s.kind is BlockKind.TABLE:
            if first is None or sentences[i - 1].kind is not BlockKind.TABLE:
                first = i
                out[first] = []
            out[first].append(s)
        else:
            first = None
    return out


def _introducing(sentences: list[Sentence], j: int) -> int | None:
    """`j` when that sentence ends in an introduction ("The following estimates were given:")."""
    text = sentences[j].text.rstrip()
    colon = colon_of(text)
    return j if colon is not None and colon == len(text) - 1 else None


def _table_source(sentences: list[Sentence], i: int, named: list[Named]) -> str | None:
    """A table's source: one named in the sentence just before it ("ICSR's estimates:")."""
    before = [n for n in named if n.sentence == i - 1]
    return before[-1].source if before else None


def _aggregates(drafts: list[Draft]) -> list[Draft]:
    """A lone figure of one person is about an individual, never an estimate; "a woman"
    in a split ("eight men, a woman and two children") is part of an aggregate."""
    if len(drafts) == 1 and drafts[0].number.value == 1 and drafts[0].kind is Kind.COUNT:
        return []
    return drafts


def _facts(sentence: Sentence, published: str | None) -> Facts | None:
    if sentence.kind is BlockKind.HEADING and not _states_number(sentence):
        return Facts(sentence, (), tuple(find_places(sentence.text)), None, ())
    if sentence.kind is BlockKind.TABLE or not _states_number(sentence):
        return None  # table rows are read as tables (see tables.py)
    return gather(sentence, published)


def _states_number(sentence: Sentence) -> bool:
    # splitting knows the pieces that state no number: no second scan of their words
    known = sentence.has_number
    return states_number(sentence.text) if known is None else known


def _named(sentences: list[Sentence], facts: list[Facts | None]) -> list[Named]:
    """Every source the document names, in order, and (found when first asked: `Named.voices`)
    whether a figure was attributed to it there (not merely mentioned, and not quoted by
    another source)."""
    out: list[Named] = []
    for i, s in enumerate(sentences):
        spans = source_spans(s.text)
        # organisations the data does not know ("a study by the Egmont Institute"), for "the
        # study" and "the report" later on; whether a figure is attributed to them is not looked
        # for (a sentence's attributions are costly, and found only where a figure asks)
        others = organisations(s.text, spans)
        # a country's office named by its country ("Tajikistan's interior ministry gave new
        # figures"), for "the ministry said" later on (`office-named-before`)
        offices = [o for o in offices_named(s.text) if not any(o[1] == n for _, _, n in spans)]
        if not spans and not others:
            # "The Kyrgyz Foreign Ministry issued a statement.": the office "the statement"
            # stands for later on
            issued = issuers(s.text)
            for _, source, noun in issued:
                out.append(Named(i, source, noun, issued=True))
            said = {source for _, source, _ in issued}
            out.extend(Named(i, source, noun) for _, source, noun in offices if source not in said)
            continue
        voices = _Voices(s.text, facts[i]) if spans else None
        found: list[tuple[int, str, str | None]] = [
            *((a, n, None) for a, _, n in spans),
            *((a, n, None) for a, n in others),
            *offices,
        ]
        for offset, body, office in sorted(found, key=lambda f: f[0]):
            if _PLACE_BEFORE.search(s.text, 0, offset) and _all_place(body):
                # "people from countries in the European Union": a place there, no one who
                # speaks, never what "the report" stands for (`body-as-place`)
                continue
            kind = office if office is not None else report_kind(s.text, offset)
            out.append(Named(i, body, kind, voices, offset))
    return out


# the words before a body's name that make it a place ("countries in the European Union", "from
# the EU"); the name itself must be a place too (`places.py`)
_PLACE_BEFORE = compile_guarded(
    r"(?:\b(?:in|from|across|throughout|outside|within|into)"
    r"|\b(?:countries|states|nations|members?)\s+of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _all_place(name: str) -> bool:
    """The whole name is a place's ("the European Union"), not a country's body's ("the
    Syrian government")."""
    return any(p.start == 0 and p.end == len(name) for p in find_places(name))


def _heading_place(f: Facts) -> PlaceMention | None:
    """The place a section is about: a heading that is a place name ("#### Germany",
    "The Netherlands"), not one that merely mentions one ("2019 Turkish offensive")."""
    title = f.sentence.text.lstrip("#").strip()
    for p in f.places:
        rest = title.replace(p.text.lstrip("#").strip(), " ").split()
        if p.code != "SYR" and len([w for w in rest if w.lower() != "the"]) == 0:
            return p
    return None


def _previous_index(sentences: list[Sentence], i: int, across: bool = False) -> int | None:
    """The sentence before `i`, if it is in the same paragraph (or, `across`, in the
    paragraph before: news articles carry their subject from one short paragraph to the
    next), never a heading."""
    if i == 0 or sentences[i - 1].kind is BlockKind.HEADING:
        return None
    if not across and sentences[i - 1].paragraph != sentences[i].paragraph:
        return None
    return i - 1


def _drafts_of(drafts: list[Draft], owners: list[int], j: int | None) -> list[Draft]:
    """The drafts of sentence `j`, in order (`owners` holds each draft's sentence)."""
    return [x for x, o in zip(drafts, owners, strict=True) if o == j]


def _previous_has_figures(sentences: list[Sentence], owners: list[int], i: int) -> bool:
    j = _previous_index(sentences, i, across=True)
    return j is not None and j in owners


def _carried_place(
    sentences: list[Sentence],
    facts: list[Facts | None],
    drafts: list[Draft],
    owners: list[int],
    i: int,
) -> PlaceMention | None:
    """The place the previous sentence was about: its last figure's, else the last place it
    names ("The Dutch contingent has grown. ... had put it at 250")."""
    j = _previous_index(sentences, i, across=i > 0 and (i - 1) in owners)
    if j is None:
        return None
    figure, places = places_said(sentences, facts, drafts, owners, j)
    return figure or mentioned_place(places, sentences[j].text)


def _cues_before(
    sentences: list[Sentence], facts: list[Facts | None], owners: list[int], i: int
) -> list[Cue]:
    """The unblocked cues of the sentence before, if it has no figure of its own."""
    j = _previous_index(sentences, i, across=True)
    if j is None or j in owners:
        return []
    prev = facts[j]
    cues = find_cues(sentences[j].text) if prev is None else list(prev.cues)
    return [c for c in cues if not c.blocked]


def _last_flow(cues: list[Cue]) -> Flow | None:
    said = [c for c in cues if not c.stock]
    return said[-1].flow if said else None


def _country_before(
    sentences: list[Sentence], facts: list[Facts | None], i: int
) -> PlaceMention | None:
    """The country named last in the few sentences before `i` (a heading ends the search, its
    own country included), for a figure that names its people only by description; looked
    for only when the sentence has such words."""
    if not reference_regex().search(sentences[i].text):
        return None
    for j in range(i - 1, max(-1, i - 6), -1):
        prev = facts[j]
        named = prev.places if prev is not None else tuple(find_places(sentences[j].text))
        country = last_country(named)
        if country is not None or sentences[j].kind is BlockKind.HEADING:
            return country
    return None


# "… went to Syria from these states", "left those countries": the countries named before
_THESE_STATES = re.compile(r"\b(?:these|those)\s+(?:countries|states|nations)\b", re.I)


def _countries_before(
    sentences: list[Sentence], facts: list[Facts | None], i: int
) -> tuple[str, str] | None:
    """The region the countries named in the two sentences before `i` (of its paragraph) make
    up, three or more of them, for a figure said of "these states" (rule `these-countries`);
    looked for only when the sentence has those words."""
    if not _THESE_STATES.search(sentences[i].text):
        return None
    named: list[PlaceMention] = []
    for j in range(i - 1, max(-1, i - 3), -1):
        if sentences[j].paragraph != sentences[i].paragraph:
            break
        prev = facts[j]
        found = prev.places if prev is not None else tuple(find_places(sentences[j].text))
        named += [p for p in found if p.code not in ZONE_CODES and not is_region(p.code)]
    codes = {p.code for p in named}
    if len(codes) < 3:
        return None
    slug = next((r for r in list_regions() if codes <= region_members(r)), None)
    if slug is None:
        return None
    words = sorted(named, key=lambda p: (p.start, p.end))
    return slug, ", ".join(dict.fromkeys(p.text for p in words))


def _fighters_before(sentences: list[Sentence], i: int) -> bool:
    """The sentence before names fighters, jihadists or returnees."""
    j = _previous_index(sentences, i, across=True)
    if j is None:
        return False
    text = sentences[j].text
    return bool(FIGHTER_HEAD.search(text) or _TOPIC.search(text))


def _zone_nearby(sentences: list[Sentence], i: int, conflict: dict[int, bool]) -> bool:
    """The few sentences before this one (within its section) name the conflict; for a
    headline, the story's first sentences below it. `conflict` keeps the answer for each
    sentence read: the figures of the next sentences ask again."""
    below = range(1, min(3, len(sentences)))
    if (
        i == 0
        and len(sentences) > 1
        and _is_headline(sentences)
        and any(_names_conflict(sentences, j, conflict) for j in below)
    ):
        return True
    for j in range(i - 1, max(-1, i - 6), -1):
        if sentences[j].kind is BlockKind.HEADING:
            break
        if _names_conflict(sentences, j, conflict):
            return True
    return False


def _names_conflict(sentences: list[Sentence], j: int, conflict: dict[int, bool]) -> bool:
    if j not in conflict:
        text = sentences[j].text
        conflict[j] = bool(find_zone(text) is not None or find_groups(text) or _TOPIC.search(text))
    return conflict[j]


def _carried_as_of(
    sentences: list[Sentence], drafts: list[Draft], owners: list[int], i: int, day: str | None
) -> str | None:
    """The date the sentence before gives its figures, or, when it has none, the day it says
    something happened ("On July 19, Kazakhstan flew a group home. It brought back 47 ...")."""
    j = _previous_index(sentences, i)
    if j is None:
        return None
    if j in owners:
        stated = [d.as_of for d in _drafts_of(drafts, owners, j) if d.as_of]
        return stated[-1] if stated else None
    return day


# a cheap look for a day before reading dates: a month name and a number of one or two digits
_MONTH_STARTS = "(?:" + "|".join(m[:3].capitalize() for m in MONTH_NAMES) + ")"
_A_DAY = re.compile(
    rf"\b{_MONTH_STARTS}[a-z]*\.?\s+\d|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH_STARTS}"
)


def _dated_before(
    sentences: list[Sentence], owners: list[int], i: int, published: str | None
) -> tuple[list[DateMention], str | None]:
    """The dates the sentence before states, and, when it has no figures, the date it gives a
    report (`dates.report_date`)."""
    j = _previous_index(sentences, i)
    if j is None:
        return [], None
    text = sentences[j].text
    dates = stated_before(text, published)
    return dates, (report_date(text, dates) if j not in owners else None)


def _day_before(
    sentences: list[Sentence], owners: list[int], i: int, published: str | None
) -> str | None:
    """The day the sentence before, which states no figure, gives an event."""
    j = _previous_index(sentences, i)
    if j is None or j in owners or not _A_DAY.search(sentences[j].text):
        return None
    days = [
        d.iso
        for d in find_dates(sentences[j].text, published)
        if d.role is Role.AS_OF and len(d.iso) == 10
    ]
    return days[-1] if days else None


def _source(
    d: Draft,
    f: Facts,
    named: list[Named],
    i: int,
    drafts: list[Draft],
    owners: list[int],
    sentences: list[Sentence],
) -> tuple[str | None, str]:
    """The figure's source and the rule that found it."""
    a = d.attribution
    if a is None or (
        a.who.strip().lower() in ("we", "our") and not (a.source or a.generic or a.official)
    ):
        # "How many are still in Syria? We estimate that about 100 remain.": an interview's or
        # a hearing's answer in the first person is its speaker's, named before the question
        answered = _answer_speaker(sentences, i)
        if answered is not None:
            stated = _stated_source(answered, d, named, i, drafts)
            if stated is not None:
                d.source_text = answered.text
                return canonical(stated), f"answer-speaks: '{answered.text}'"
        # "The Leader of the House (X): … We think about half have returned": a transcript's
        # turn is its labelled speaker's
        labelled = _label_speaker(sentences, i)
        stated = _stated_source(labelled, d, named, i, drafts) if labelled else None
        if labelled is not None and stated is not None:
            d.source_text = labelled.text
            return canonical(stated), f"speaker-label: '{labelled.text}'"
    if a is not None and a.generic == "person":
        a = _person(sentences, i) or a  # "…, he said": the speaker named just before
    elif a is not None and not (a.source or a.generic or a.official):
        a = _person(sentences, i, a.who) or a  # "According to Ayob": Ayob Khan, head of …
    if a is not None and a.relay and not f.dates:
        # "…, according to an EU report. … Around 35 percent have returned, Daily Mail
        # reported": the outlet relays the body of the statement it goes on with
        relayed = _relayed_body(f, sentences, i, drafts, owners)
        if relayed is not None:
            d.source_text = words_of(relayed)
            return relayed.source, f"relayed by '{a.text}': continues the statement before"
    parent = _unit_parent(sentences, i, a.who) if a is not None else None
    if parent is not None:
        # "The Department of Foreign Relations in the Autonomous Administration … received a
        # delegation. The Department of Foreign Relations stated …": the body the unit is part of
        return parent, f"unit-of-its-body: '{a.text}'"  # type: ignore[union-attr]
    stated = _stated_source(a, d, named, i, drafts) if a is not None else None
    stated = canonical(stated) if stated is not None else None
    if stated is not None and is_acronym(stated):
        stated = _defined(stated, d, sentences, i)  # "NACTA says": the name it was given
    if stated is None and a is not None and a.generic == "its":
        # "A further 300 were killed there, it said": the body of the statement before
        before = _last_source_before(sentences, i, drafts, owners)
        if before is not None:
            d.source_text = a.text
            return before, f"pronoun-continues: '{a.text}'"
    if stated is not None or (a is not None and (a.source or a.generic or a.official)):
        if a is not None and stated is not None and a.official and is_post(a.who):
            # "Attorney-General X said", "the country's prosecutor-general": the post's body
            return stated, f"post-speaks-for-its-body: '{a.text}'"
        return stated, f"attributed: '{a.text}'" if a is not None else "attributed"
    if a is not None:
        # "A Kurdish commander said": a speaker of its own, never the last figure's source
        return None, "a speaker of its own, not resolved"
    pointing = _POINTED_BACK.search(f.sentence.text)
    if pointing is not None:
        # "The ministry released its statistics on Monday. The statistics show that 300 …":
        # the figures pointed back at are those of the statement before, never a body named
        # later (`figures-pointed-back`)
        back = _pointed_back(d, named, i, drafts, owners, sentences)
        if back is not None:
            d.source_text = pointing.group(0)
            return back, f"figures-pointed-back: '{pointing.group(0)}'"
    j = introduction_of(sentences, i, d.start - f.sentence.start)
    if j is not None:
        # "The following estimates were given:" and a list: the introduction's source
        introduced = _introduced(d, j, named, drafts, owners, sentences)
        if introduced is not None:
            d.source_text = introduced[1]
            return introduced[0], f"introduced: '{sentences[j].text[:60]}'"
    again = _figure_named(f.sentence.text, d, drafts)
    if again is not None:
        # "Of the 300, around 40 were killed": the statement of the figure it names again
        d.source_text = words_of(again)
        return again.source, f"figure-named-again: '{again.number.text}'"
    if _CONTINUES.search(f.sentence.text):
        # "Of these, …", "The estimated number is …": the same statement goes on
        carried = _continued(sentences, i, drafts, owners, named)
        if carried is not None:
            d.source_text = carried[1]
            return carried[0], "continues the statement before"
    announced = _announced_before(d, named, i, drafts, owners, sentences)
    if announced is not None:
        # "The ministry published new figures on Tuesday. Some 300 have returned": the
        # figures the sentence before announced
        d.source_text = announced[1]
        return announced[0], f"announced-before: '{announced[1]}'"
    run = _announced_run(sentences, i, drafts, owners)
    if run is not None and not f.impersonal and not _SPEAKER_AFTER.search(f.sentence.text):
        # "Police presented figures:" and a list, "The ministry released new data. In 2013, 66
        # went. In 2014, 37 went.": the breakdown goes on with the announced statement
        d.source_text = run[1]
        return run[0], f"announced-run: '{run[1]}'"
    headline = _headline_source(d, named, i, drafts, sentences)
    if headline is not None:
        # "Police count 90 Norwegians who joined IS" over "Around 90 Norwegians have gone to
        # Syria": the headline attributes the figure the body repeats
        d.source_text = headline[1]
        return headline[0], f"headline-attributes: '{headline[1]}'"
    series = _dated_series(sentences, i, drafts, owners) if f.dates and not f.impersonal else None
    if series is not None:
        # "According to the ministry, 66 left in 2013. In 2014, 37 left.": a breakdown by year
        # goes on with the statement of its first year
        d.source_text = series[1]
        return series[0], f"dated-series: '{series[1]}'"
    if f.impersonal or f.dates:
        # "is believed to be": the text gives the figure no source; a sentence with a date
        # of its own starts a new statement rather than continuing the last one
        return None, "impersonal or dated: a statement of its own"
    # A sentence that names no source continues the last figure of its paragraph, where no
    # sentence between names another source.
    j = _previous_index(sentences, i)
    while j is not None and j not in owners and not _attributes(sentences[j]):
        j = _previous_index(sentences, j)
    inherited = _drafts_of(drafts, owners, j)
    if inherited:
        d.source_text = words_of(inherited[-1])
        return inherited[-1].source, "continues the paragraph's last figure"
    quoted = _quote_closed_by(sentences, i)
    if quoted is not None:
        # "“About 300 have gone to Syria. Some 120 have come back,” he said.": a quotation's
        # sentence continues the speaker of the sentence that closes it
        spoken = _speaker_before(sentences, quoted, d, named, drafts)
        if spoken is not None:
            d.source_text = spoken[1]
            return spoken[0], f"quoted-speaker: '{spoken[1]}'"
    if j is not None and not _SPEAKER_AFTER.search(sentences[i].text):
        # "The minister told parliament on Tuesday that the threat had grown. Of the 500 …, 120
        # have returned": the speaker of the nearest sentence before that attributes, with no
        # figure of its own, goes on speaking
        spoken = _speaker_before(sentences, j, d, named, drafts)
        if spoken is not None:
            d.source_text = spoken[1]
            return spoken[0], f"speaker-before: '{spoken[1]}'"
    return None, "none stated"


# the rules whose figures open a statement that the next sentences or list items go on with
_RUN_OPENERS = ("announced-before", "announced-run", "introduced")


def _announced_run(
    sentences: list[Sentence], i: int, drafts: list[Draft], owners: list[int]
) -> tuple[str, str | None] | None:
    """`announced-run`: the source of the figures of the sentence right before (in the
    paragraph, or the list item before a list item) when an announcement or an introduction
    gave them theirs, and its words; a sentence without figures ends the run."""
    j = _previous_index(sentences, i, across=sentences[i].kind is BlockKind.ITEM)
    if j is None or j not in owners:
        return None
    last = _drafts_of(drafts, owners, j)[-1]
    if not last.why.get("source", "").startswith(_RUN_OPENERS):
        return None
    return _statement_of(last)


# a sentence that opens with the year (or the month and year) it gives its figures for: "In
# 2014, …", "By March 2016, …", "During 2015 …"
_OPENS_WITH_YEAR = re.compile(
    r"^\W*(?i:in|by|during|for|throughout|over)\s+(?i:(?:early|late|mid-?|the\s+whole\s+of)\s*)?"
    r"(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d\b"
)
_A_YEAR = compile_guarded(r"\b(?:19|20)\d\d\b")


def _dated_series(
    sentences: list[Sentence], i: int, drafts: list[Draft], owners: list[int]
) -> tuple[str, str | None] | None:
    """`dated-series`: a sentence that opens with its year right after a sentence of the
    paragraph whose figures are given for a year too ("In 2013, 66 left, the ministry said. In
    2014, 37 left."): the source of that sentence's last figure, and its words."""
    if not _OPENS_WITH_YEAR.match(sentences[i].text):
        return None
    j = _previous_index(sentences, i)
    if j is None or j not in owners or not _A_YEAR.search(sentences[j].text):
        return None
    return _statement_of(_drafts_of(drafts, owners, j)[-1])


def _statement_of(last: Draft) -> tuple[str, str | None] | None:
    """The source of a figure a breakdown goes on with, and the words that gave it."""
    if last.source is None:
        return None
    return last.source, last.source_text or words_of(last)


# a body's figures that a sentence points back at, with no name of their own: "The statistics
# show", "according to the same data", "its figures indicate" (`figures-pointed-back`)
_FIGURES_NOUN = (
    r"\b(?i:the|these|those|its|their)\s+(?i:(?:same|latest|new|updated|official|available)\s+)?"
    r"(?i:statistics|figures|data|numbers)"
)
_POINTED_BACK = compile_guarded(
    _FIGURES_NOUN + r"\s+(?i:show|shows|showed|indicate|indicates|indicated|reveal|reveals|"
    r"revealed|suggest|suggests|suggested)\b"
    r"|\b(?i:according\s+to)\s+" + _FIGURES_NOUN + r"(?=\s*[,.;]|\s+(?i:of\s+the\s+ministry|for)\b)"
)


def _pointed_back(
    d: Draft,
    named: list[Named],
    i: int,
    drafts: list[Draft],
    owners: list[int],
    sentences: list[Sentence],
) -> str | None:
    """The source of the figures that "the statistics" or "its data" point back at: the last
    figure with a source in this paragraph or the one before, or the body that a sentence there
    says announced figures."""
    paragraph = sentences[i].paragraph
    k = _previous_index(sentences, i, across=True)
    while k is not None and sentences[k].paragraph >= paragraph - 1:
        mine = [x.source for x in _drafts_of(drafts, owners, k) if x.source]
        if mine:
            return mine[-1]
        announced = _announcer(d, named, k, drafts, sentences)
        if announced is not None:
            return announced[0]
        k = _previous_index(sentences, k, across=True)
    return None


# the reasons a figure may take the voice of a release's lead: nothing attributes it, or only
# a date of its own sets it apart ("In 2019, Kazakhstan brought back 595 citizens")
_UNVOICED = ("none stated", "impersonal or dated: a statement of its own")


def _lead_speaks(
    sentences: list[Sentence],
    facts: list[Facts | None],
    drafts: list[Draft],
    owners: list[int],
    named: Callable[[], list[Named]],
    published: str | None,
) -> None:
    """`lead-speaks`: a document that one body opens and no other voice enters (a ministry's
    release, "The Ministry of Foreign Affairs announced on Thursday the return of a group of
    citizens from Syria. … The group consists of 4 men, 1 woman and 7 children."): its figures
    that nothing attributes are that body's; never an impersonal figure ("are believed"). A
    figure with no date of its own takes the day the lead gives its statement."""
    lead = _first_paragraph(sentences)
    pending = [
        (d, o)
        for d, o in zip(drafts, owners, strict=True)
        if d.source is None
        and d.why.get("source") in _UNVOICED
        and sentences[o].paragraph != lead  # the release's body, not its opening
        and not (facts[o] is not None and facts[o].impersonal)  # type: ignore[union-attr]
    ]
    if not pending:
        return
    voices = [
        (j, a)
        for j, sentence in enumerate(sentences)
        for a in find_attributions(sentence.text)
        if (a.source or a.generic or a.official) and a.generic not in ("person", "its")
    ]
    if not voices or sentences[voices[0][0]].paragraph != lead or is_post(voices[0][1].who):
        return  # no body opens the document (a minister who speaks is a news story's)
    if any(sentences[o].paragraph == lead for o in owners) or any(x.source for x in drafts):
        return  # the opening states figures, or others are attributed: a story, not a release
    for d, _ in pending:
        found = {_stated_source(a, d, named(), j, drafts) for j, a in voices}
        found |= {n.source for n in named()}
        if len(found) != 1 or None in found:
            return  # several voices, or one the text does not resolve
        source = canonical(found.pop() or "")
        d.source, d.source_text = source, voices[0][1].text
        d.why["source"] = f"lead-speaks: '{voices[0][1].text}'"
        day = _day_stated(sentences[voices[0][0]].text, published)
        if d.as_of is None and day is not None:
            d.as_of, d.why["as_of"] = day, "the day its speaker spoke"


def _first_paragraph(sentences: list[Sentence]) -> int | None:
    """The paragraph of the document's first sentence that is no heading."""
    return next((s.paragraph for s in sentences if s.kind is not BlockKind.HEADING), None)


def _last_source_before(
    sentences: list[Sentence], i: int, drafts: list[Draft], owners: list[int]
) -> str | None:
    """The source of the last attributed figure of the sentence before, in the paragraph."""
    j = _previous_index(sentences, i)
    mine = [x.source for x in _drafts_of(drafts, owners, j) if x.source]
    return mine[-1] if mine else None


# quotation marks: straight, and the curly pair
_OPEN_QUOTE = re.compile(r"[\"“]")
_CLOSE_QUOTE = re.compile(r"[\"”]")


def _quote_closed_by(sentences: list[Sentence], i: int) -> int | None:
    """The sentence of the paragraph after `i` that closes the quotation `i` opens and leaves
    open ("“About 300 have gone to Syria.", then "Some 120 have come back,” he said."), when
    a speaker follows the closing mark there."""
    text = sentences[i].text
    straight = text.count('"')
    curly_open = text.count("“") > text.count("”")
    if not (straight % 2 == 1 and text.lstrip().startswith('"')) and not curly_open:
        return None
    j = i
    for _ in range(3):
        if j + 1 >= len(sentences) or sentences[j + 1].paragraph != sentences[i].paragraph:
            return None
        j += 1
        close = _CLOSE_QUOTE.search(sentences[j].text)
        if close is not None:
            after = sentences[j].text[close.end() :]
            return j if find_attributions(after) else None
        if _OPEN_QUOTE.search(sentences[j].text):
            return None
    return None


def _spoken_on(
    sentences: list[Sentence], owners: list[int], i: int, published: str | None
) -> str | None:
    """The day (a full date) the nearest attributing sentence before `i` in its paragraph
    gives its statement ("told parliament on Tuesday", "said on 12 March")."""
    j = _previous_index(sentences, i)
    while j is not None and j not in owners and not _attributes(sentences[j]):
        j = _previous_index(sentences, j)
    return _day_stated(sentences[j].text, published) if j is not None else None


def _day_stated(text: str, published: str | None) -> str | None:
    """The last full date (a day) the text gives as a date of what it reports."""
    days = [d.iso for d in find_dates(text, published) if d.role is Role.AS_OF and len(d.iso) == 10]
    return days[-1] if days else None


def _speaker_before(
    sentences: list[Sentence], j: int, d: Draft, named: list[Named], drafts: list[Draft]
) -> tuple[str, str] | None:
    """The source of the last attribution of sentence `j` (a sentence of the figure's
    paragraph that states no figure) and its words: who speaks there ("The interior minister
    told parliament …", "…, he told reporters", "Tajik authorities say …")."""
    found = [a for a in find_attributions(sentences[j].text) if a.source or a.generic or a.official]
    if not found or found[-1].relay:
        return None
    a = found[-1]
    if a.generic == "person":
        a = _person(sentences, j) or a  # "…, he said": the speaker named just before
    source = _stated_source(a, d, named, j, drafts)
    return (canonical(source), a.text) if source is not None else None


# A sentence that goes on with the statement before ("Of these, …", "Out of these 632 people",
# "The estimated number is …"): sources.yaml, `continuations`
_CONTINUES = re.compile(
    r"^\W*(?:" + alternation(load("sources")["continuations"]) + r")\b", re.IGNORECASE
)


def _continued(
    sentences: list[Sentence], i: int, drafts: list[Draft], owners: list[int], named: list[Named]
) -> tuple[str | None, str | None] | None:
    """The source of the statement the sentence goes on with, and its words: the last
    figure's of the sentence before, else the source that sentence attributes ("As an ICCT
    report shows, …"); a back-reference ("Of the returnees, …") goes on across a paragraph."""
    j = _previous_index(sentences, i, across=True)
    if j is None:
        return None
    mine = _drafts_of(drafts, owners, j)
    if mine:
        return mine[-1].source, words_of(mine[-1])
    # a source that sentence attributes something to, else one it names ("As an ICCT report
    # shows, …")
    there = [n for n in named if n.sentence == j]
    attributed = [n for n in there if n.attributed] or there
    if not attributed:
        return None
    return attributed[-1].source, _attribution_words(sentences[j].text)


# "Of the 300, …", "Out of the 850 who went, …": a back-reference that names the figure
_OF_THE_FIGURE = re.compile(
    r"^\W*(?i:of|out\s+of|among)\s+(?i:the|those|these)\s+(?P<n>\d[\d,]*)\b"
)


def _figure_named(text: str, d: Draft, drafts: list[Draft]) -> Draft | None:
    """`figure-named-again`: the latest figure of the sentences before `d`'s with the number
    that the opening back-reference names ("Of the 300, …"), wherever it was stated."""
    m = _OF_THE_FIGURE.match(text)
    if m is None:
        return None
    n = float(m["n"].replace(",", ""))
    same = [
        x
        for x in drafts
        if x.sentence_end <= d.sentence_start and n in (x.number.value, x.number.low)
    ]
    return same[-1] if same else None


# a sentence that announces the figures of the next one: sources.yaml, `announcements`
_ANNOUNCES = re.compile(
    r"\b(?:" + "|".join(p.replace(" ", r"\s+") for p in load("sources")["announcements"]) + r")\b",
    re.IGNORECASE,
)


# a speaker after the figures that the text does not resolve ("…, researchers believe"): the
# figures are theirs, not the announcement's
_SPEAKER_AFTER = re.compile(
    r",\s+(?:[\w'’-]+\s+){1,4}(?:say|says|said|believe|believes|think|thinks|estimate|estimates|"
    r"reported|told|wrote|write|writes)\b"
)


def _announced_before(
    d: Draft,
    named: list[Named],
    i: int,
    drafts: list[Draft],
    owners: list[int],
    sentences: list[Sentence],
) -> tuple[str, str] | None:
    """The source of the sentence right before (in the paragraph or ending the one before)
    when it states no figure and announces figures ("The interior ministry published new
    figures on Tuesday.", "Police figures released on Monday paint a grim picture."), and the
    words that attribute them."""
    j = _previous_index(sentences, i, across=True)
    if j is None or j in owners or _SPEAKER_AFTER.search(sentences[i].text):
        return None
    return _announcer(d, named, j, drafts, sentences)


def _announcer(
    d: Draft, named: list[Named], j: int, drafts: list[Draft], sentences: list[Sentence]
) -> tuple[str, str] | None:
    """The body that the sentence `j` says announces figures ("The interior ministry published
    new figures on Tuesday."), and the words that say so."""
    text = sentences[j].text
    announces = _ANNOUNCES.search(text)
    if announces is None:
        return None
    found = [a for a in find_attributions(text) if a.source or a.generic or a.official]
    if not found:
        # "The Kosovo government presented its annual report": the subject of the verb that
        # announces, as if it said so
        said = find_attributions(text[: announces.start()].rstrip() + " said")
        found = [
            dataclasses.replace(a, text=text[a.start : announces.end()])
            for a in said
            if a.source or a.generic or a.official
        ]
    if not found:
        return None
    source = _stated_source(found[-1], d, named, j, drafts)
    return (canonical(source), found[-1].text) if source is not None else None


# the figures a headline states, in digits ("1,700", "90")
_DIGITS = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,])|(?<![\d.,])\d+(?![\d,])")
# "Interior ministry: 1,700 French jihadists went to Syria": the speaker before a headline's colon
_HEADLINE_SPEAKER = re.compile(r"^[#\s]*(?P<who>[A-Za-z][^:]{1,50}?):\s")
# "300 Kazakhs fought for IS in Syria – ministry", "… - security service": the speaker after a
# headline's closing dash
_HEADLINE_DASH_SPEAKER = re.compile(r"\s[–—-]\s+(?P<who>[A-Za-z][^–—:\d]{1,50}?)[\s.]*$")


def _headline_source(
    d: Draft, named: list[Named], i: int, drafts: list[Draft], sentences: list[Sentence]
) -> tuple[str, str] | None:
    """The source a document's headline attributes the same figure to ("Police count 90
    Norwegians who joined IS", "Interior ministry: 1,700 French jihadists went to Syria",
    "300 Belgians back from Syria, says institute"), for a figure of the body that nothing
    attributes; only a figure the headline states (the headline's own, or the body's)."""
    if not _is_headline(sentences) or d.number.value is None:
        return None
    text = sentences[0].text
    values = {float(x.replace(",", "")) for x in _DIGITS.findall(text)}
    if d.number.value not in values:
        return None
    found = [a for a in find_attributions(text) if a.source or a.generic or a.official]
    speaker = _HEADLINE_SPEAKER.match(text) or _HEADLINE_DASH_SPEAKER.search(text)
    if not found and speaker is not None:
        who = speaker["who"]
        said = find_attributions(f"{'' if who[0].isupper() else 'the '}{who} said")
        found = [
            dataclasses.replace(a, text=text[speaker.start("who") : speaker.end("who")])
            for a in said
            if a.source or a.generic or a.official
        ]
    if not found:
        return None
    source = _stated_source(found[-1], d, named, 0, drafts)
    return (canonical(source), found[-1].text) if source is not None else None


def _is_headline(sentences: list[Sentence]) -> bool:
    """The document opens with a headline: a heading, or a first paragraph of one line
    without a full stop."""
    first = sentences[0]
    if first.kind is BlockKind.HEADING:
        return True
    alone = len(sentences) == 1 or sentences[1].paragraph != first.paragraph
    ended = first.text.rstrip().endswith((".", ":", "!", "?"))
    return alone and first.kind is BlockKind.PARAGRAPH and not ended


def _relayed_body(
    f: Facts, sentences: list[Sentence], i: int, drafts: list[Draft], owners: list[int]
) -> Draft | None:
    """The last figure of the sentence right before (in the paragraph), when a body, not an
    outlet, is its source: the statement an outlet's "… reported" goes on with."""
    if any((x.source or x.official or x.generic) and not x.relay for x in f.attributions):
        return None  # a body of its own speaks in the sentence
    j = _previous_index(sentences, i)
    mine = [x for x in _drafts_of(drafts, owners, j) if x.source]
    if not mine or (mine[-1].attribution is not None and mine[-1].attribution.relay):
        return None
    return mine[-1]


def words_of(d: Draft) -> str | None:
    """The words that attributed a draft's source: its own attribution's, or those it carried."""
    if d.source is None:
        return None
    if d.source_text is not None:
        return d.source_text
    return d.attribution.text if d.attribution is not None else None


def _attribution_words(text: str) -> str | None:
    """The words of a sentence's last attribution that names someone."""
    found = [a for a in find_attributions(text) if a.source or a.generic or a.official]
    return found[-1].text if found else None


def _introduced(
    d: Draft,
    j: int,
    named: list[Named],
    drafts: list[Draft],
    owners: list[int],
    sentences: list[Sentence],
) -> tuple[str, str] | None:
    """The source of a figure that the sentence `j` introduces, and its words: the
    introduction's own attribution ("According to the report:"), else the source named or
    attributed in it or in the sentences of the one or two paragraphs before ("A new report by
    X …. The following estimates were given:")."""
    intro = sentences[j].text
    words = introduction_words(intro)
    own = [a for a in find_attributions(words) if a.source or a.generic or a.official]
    if own:
        source = _stated_source(own[-1], d, named, j, drafts)
        return (canonical(source), words) if source is not None else None
    first = sentences[j].paragraph - 2
    k: int | None = j
    while k is not None and sentences[k].paragraph >= first:
        here = [n for n in named if n.sentence == k]
        reported = [n for n in here if n.attributed or n.kind]
        if reported:
            return reported[-1].source, words
        stated = [x.source for x in _drafts_of(drafts, owners, k) if x.source]
        if stated:
            return stated[-1], words
        if here:
            return here[-1].source, words
        k = _previous_index(sentences, k, across=True)
    return None


def _person(sentences: list[Sentence], i: int, name: str = "") -> Attribution | None:
    """ "…, he said": the person who speaks, named in this sentence or the one or two before
    (within the paragraph or from the one before) by a post ("Interior Minister X", "the head of
    Y") or as a source's voice; with a `name` ("according to Ayob"), the one so named, up to
    `_NAME_REACH` sentences back."""
    words = set(_NAME.findall(name))
    if name and not words:
        return None
    j: int | None = i
    # a name is one person's for the whole story: it is looked for further back than a "he"
    # (`name-said-again`)
    for _ in range(_NAME_REACH if words else 3):
        if j is None:
            break
        text = sentences[j].text
        if words and not words & set(_NAME.findall(text)):
            j = _previous_index(sentences, j, across=True)
            continue
        speakers = [a for a in [*find_attributions(text), *titled(text)] if a.source or a.official]
        # the one so named, never the agency that reports them ("…, Reuters reported")
        named_so = [a for a in speakers if words & set(_NAME.findall(a.text))]
        # in the speaker's own sentence only the one so named ("Experts say …, police saying":
        # the experts are not the police)
        speakers = named_so if j == i and words else named_so or speakers
        # "said Bukit Aman Special Branch (E8) deputy director general X": the post is the
        # body's, and the body speaks (`post-of-the-body-before`)
        sourced = [b for b in speakers if b.source]
        speakers = [
            a for a in speakers if a.source or not any(_post_of(text, b, a) for b in sourced)
        ]
        if speakers:
            return max(speakers, key=lambda a: a.start)
        if not words and j != i and (by_name := _speaker_by_name(text)) is not None:
            # "According to Rahimzadeh, …. '…,' he added": the one named there, by the post
            # they were named with before
            return _person(sentences, j, by_name)
        j = _previous_index(sentences, j, across=True)
    return _unnamed_post_before(sentences, i) if words else None


# how far back a person named again by name alone may have been named with their post
_NAME_REACH = 12
# between a body and the post of one of its people: nothing, or the body's initials or code
_BODY_TO_POST = re.compile(r"\s*(?:\([A-Z0-9-]{1,10}\)\s*)?")


def _post_of(text: str, body: Attribution, post: Attribution) -> bool:
    """True when the post is said inside the body's words or right after them ("Special Branch
    Counter-Terrorism (E8) deputy director general X")."""
    if body.start <= post.start and post.end <= body.end:
        return True
    return (
        body.end <= post.start and _BODY_TO_POST.fullmatch(text[body.end : post.start]) is not None
    )


# the first person of an answer ("We estimate", "we have brought back", "our data show"), and
# the mark of an answer in a transcript ("A:", "Answer:")
_FIRST_PERSON = compile_guarded(
    r"\b[Ww]e\b|\b[Oo]ur\s+(?:data|figures|estimates?|information|records)\b"
)
_ANSWER_MARK = re.compile(r"\s*(?:A|Answer)\s*:")
# how far back an interview's speaker may be named: its opening and a few questions
_ANSWER_REACH = 8


def _answer_speaker(sentences: list[Sentence], i: int) -> Attribution | None:
    """The speaker of an answer in the first person, outside quotation marks: a sentence with
    "we" that answers the question before it ("How many Bosnians are still in Syria? We
    estimate that around 100 remain.") or is marked as an answer ("A: We have brought back
    110"); the person the interview named by a post before it ("Bosnia's Security Minister X
    spoke to our paper"). None where the sentence is quoted or answers nothing."""
    text = sentences[i].text
    if not _FIRST_PERSON.search(text) or _OPEN_QUOTE.search(text) or _CLOSE_QUOTE.search(text):
        return None
    j = _previous_index(sentences, i, across=True)
    # an interviewer's question: a paragraph of its own, one sentence ending in "?" (not a
    # rhetorical question inside an author's paragraph)
    asked = (
        j is not None
        and sentences[j].text.rstrip().endswith("?")
        and sentences[j].paragraph != sentences[i].paragraph
        and (j == 0 or sentences[j - 1].paragraph != sentences[j].paragraph)
    )
    if not (asked or _ANSWER_MARK.match(text)):
        return None
    k: int | None = i
    for _ in range(_ANSWER_REACH):
        k = _previous_index(sentences, k, across=True) if k is not None else None
        if k is None:
            return None
        speakers = [a for a in titled(sentences[k].text) if a.source or a.official]
        if speakers:
            return speakers[0]
    return None


def _label_speaker(sentences: list[Sentence], i: int) -> Attribution | None:
    """The post a speaker label names at the opening of the figure's paragraph ("The Leader of
    the House (Jane Doe): …"): that speaker's turn runs to the paragraph's end."""
    k = i
    while k > 0 and sentences[k - 1].paragraph == sentences[i].paragraph:
        k -= 1
    return speaker_label(sentences[k].text)


def _speaker_by_name(text: str) -> str | None:
    """The last speaker of a sentence named only by a person's name ("According to Ayob")."""
    names = [
        a.who
        for a in find_attributions(text)
        if not (a.source or a.official or a.generic) and _NAME.fullmatch(a.who.strip())
    ]
    return names[-1] if names else None


def _unnamed_post_before(sentences: list[Sentence], i: int) -> Attribution | None:
    """ "The spokesman of the National Security Committee announced …. '…,' Suleymanov said":
    a speaker named only by a name the text never gave before, right after a sentence whose one
    speaker is a post without a name, is that post's holder."""
    j = _previous_index(sentences, i, across=True)
    if j is None:
        return None
    text = sentences[j].text
    # a body, or a post that speaks for the figure's country ("the country's interior minister")
    found = [a for a in [*find_attributions(text), *titled(text)] if a.source or a.official]
    if len({a.source or a.who.strip().lower() for a in found}) != 1 or names_a_person(text):
        return None  # several speakers, or a post with a name of its own ("Minister X")
    posts = [a for a in found if is_post(a.text)]
    return posts[0] if posts else None  # a body's own voice is no person


def _defined(acronym: str, d: Draft, sentences: list[Sentence], i: int) -> str:
    """Initials a sentence before spelled out ("The State Committee for National Security
    (GKNB) …. According to the GKNB, …"), under the name the data or the figure's country
    gives it ("Kyrgyz State Committee for National Security")."""
    for j in range(i, -1, -1):
        name = spelled_out(sentences[j].text, acronym)
        if name is not None and _is_country(d.place):
            return national_named(d.place, name) or name
        if name is not None:
            return name
    return acronym


# the words of a person's name ("Ayob", "Khan"), not the articles that open a sentence
_NAME = re.compile(r"\b(?!(?:The|A|An)\b)[A-Z][\w'’-]+")


def _attributes(sentence: Sentence) -> bool:
    return bool(named_sources(sentence.text) or find_attributions(sentence.text))


def _stated_source(
    a: Attribution, d: Draft, named: list[Named], i: int, drafts: list[Draft]
) -> str | None:
    if a.source:
        if _is_country(d.place) and not find_places(a.who):
            national = national_named(d.place, a.source)
            return national or a.source
        return a.source
    if a.generic in _OFFICIAL_NOUNS:
        return _official(a.generic, a.who, d, named, i, drafts)
    if a.generic:
        apposed = _NAMED_AFTER_KIND.search(a.who)
        if apposed is not None:
            # "human rights group Reprieve", "the charity Save the Children": the name after
            # the kind is the source, not an earlier body of that kind
            return apposed.group("name")
        last = next((x.source for x in reversed(drafts) if x.source), None)
        indefinite = _INDEFINITE_ARTICLE.match(a.who) is not None
        resolved = _resolve_generic(
            a.generic, named, i, {x.source for x in drafts}, last, indefinite
        )
        if resolved is None and a.generic in _OFFICIAL_NOUNS and _is_country(d.place):
            return government_name(d.place, place_name(d.place))  # "the ministry said"
        return resolved
    every_place = find_places(a.who)
    who_places = [p for p in every_place if not is_region(p.code)]
    if a.official and every_place and not who_places:
        return None  # "a European official said", "Nordic ministers": no one country's voice
    if a.official and _INTELLIGENCE.search(a.who) and (who_places or _is_country(d.place)):
        # "a senior Danish intelligence official said": the country's intelligence service
        return office_of(a.who, who_places[0].code if who_places else d.place)
    if who_places and PUBLICATION_WORDS.search(a.who):
        return re.sub(r"^(?:the|a)\s+", "", a.who.strip(), flags=re.I)  # "the Times of India"
    if len(who_places) > 1 and _JOINT.search(a.who) and _OFFICE_WORD.search(a.who):
        return joint_source(_LEADING_ARTICLE.sub("", a.who.strip()))
    if who_places and _country_speaks(a, who_places):
        # "Britain says": the government; "a senior Iraqi official": the office of the words
        code = who_places[0].code
        return office_of(a.who, code) if a.official else government_name(code, place_name(code))
    if a.official and _BARE_POST.fullmatch(a.who.strip()):
        # "the spokesman said" after a sentence that names the body
        # never an outlet that relays ("the spokesman said, according to Reuters")
        there = [n.source for n in named if i - 1 <= n.sentence <= i and not is_outlet(n.source)]
        if there:
            return there[-1]
    if a.official and _is_country(d.place):
        # "Interior Minister X said": that ministry; "police chief X": the police; "officials
        # said": the authorities; "President X": the government
        return office_of(a.who, d.place)
    if a.official:
        # "Eleven Americans were among 22 people repatriated, Secretary of State X announced":
        # the post that spoke for the part's country speaks for the whole it was among
        spoke = (x.source for x in reversed(drafts) if x.source and x.attribution == a)
        return next(spoke, None)
    return None


# a post without its body ("the spokesman"), and the posts of police and prosecutors
_BARE_POST = re.compile(
    r"(?:the\s+|a\s+|its\s+)?(?:spokes(?:man|woman|person)|director|head|chief)", re.I
)
_INTELLIGENCE = re.compile(r"\bintelligence\s+(?:officials?|sources?|chiefs?|officers?)\b", re.I)


# the offices of two countries speaking together, kept as the text names them
_JOINT = re.compile(r"\s(?:and|&)\s")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_FILLER = re.compile(r"(?:\b(?:the|a|an)\b|'s|’s|\W)+", re.IGNORECASE)
_OFFICE_WORD = re.compile(rf"\b(?:{OFFICE_NOUNS})\b", re.IGNORECASE)


def _country_speaks(a: Attribution, places: list[PlaceMention]) -> bool:
    """ "Britain says", "a senior Iraqi official": the country or its office speaks; "an Iraqi
    researcher" is no voice of Iraq's government."""
    rest = a.who
    for p in sorted(places, key=lambda p: p.start, reverse=True):
        rest = rest[: p.start] + " " + rest[p.end :]
    return a.official or not _FILLER.sub("", rest) or bool(_OFFICE_WORD.search(rest))


def _official(
    noun: str, who: str, d: Draft, named: list[Named], i: int, drafts: list[Draft]
) -> str | None:
    """ "the ministry said": an office named before (a figure's source or a named source with
    the noun), else the office of the figure's country; never a news agency's dateline. A
    ministry said with its portfolio ("the interior ministry says") is that ministry of the
    figure's country, never another ministry named before (the foreign ministry)."""
    if noun == "ministry" and _PORTFOLIO.search(who) and _is_country(d.place):
        return office_of(who, d.place)
    countries = source_countries()
    for x in reversed(drafts):
        if (
            noun in ("agency", "service")
            and x.source
            and (
                countries.get(x.source) == d.place
                or (x.place == d.place and _SECURITY_BODY.search(x.source) is not None)
            )
        ):
            # "the BfV said …. The agency believes that 450 remain", "Azerbaijan's State
            # Security Service says … According to the agency, …": the national body of the
            # figure's country that the figures before were attributed to
            return x.source
        if x.source and re.search(rf"\b{noun}\b", _spelled(x.source)):
            return x.source
    typed = [n for n in named if n.sentence <= i and re.search(rf"\b{noun}\b", _spelled(n.source))]
    if typed:
        return typed[-1].source
    body = _national_body(noun, d.place, named, i)
    if body is not None:
        return body
    # a news lead: "the agency said" before the next paragraph names it ("The BfV said"): a
    # body of that kind, never another kind ("the foreign ministry said" is no agency named
    # later)
    later = [
        n
        for n in named
        if n.sentence > i
        and n.attributed
        and (
            re.search(rf"\b{noun}\b", _spelled(n.source))
            or (noun in ("agency", "service") and countries.get(n.source) == d.place)
        )
    ]
    if later:
        return later[0].source
    return office_of(who, d.place) if _is_country(d.place) else None


# a country's security body, however the data names it ("Azerbaijani intelligence", "Kyrgyz
# State Committee for National Security"): what "the agency" or "the service" may stand for
_SECURITY_BODY = re.compile(
    r"\b(?:intelligence|security|police|service|committee|agency|bureau)\b", re.I
)
# a ministry's portfolio before its noun ("the interior ministry", "the Foreign Ministry")
_PORTFOLIO = re.compile(
    r"\b(?:interior|foreign|justice|defen[cs]e|home|internal\s+affairs|security)\s+ministry\b", re.I
)


def _national_body(noun: str, place: str, named: list[Named], i: int) -> str | None:
    """ "The agency previously estimated …", "…, the service said": the national body of the
    figure's country named in this sentence or the two before ("The Danish Security and
    Intelligence Service said on Monday …")."""
    if noun not in ("agency", "service"):
        return None
    countries = source_countries()
    near = [n for n in named if i - 2 <= n.sentence <= i and countries.get(n.source) == place]
    return near[-1].source if near else None


def _resolve_generic(
    kind: str,
    named: list[Named],
    i: int,
    figures: AbstractSet[str | None] = frozenset(),
    last: str | None = None,
    indefinite: bool = False,
) -> str | None:
    """The source a generic noun ("the report", "the center", "the authors") stands for:
    one named in the same sentence; else, for a body the text describes before it names it
    ("a new report has found", "a US-based think tank said"), the body the next sentences name
    (`described-then-named`); else one whose name has the noun ("the center" → The Soufan
    Center); else the last source a figure was attributed to, or the next one (a news lead:
    "according to a new report" before the organisation is named); else the last named; else
    the next named."""
    # an office that issued a statement stands only for "the statement"
    named = [n for n in named if not n.issued or n.kind == kind]
    here = [n for n in named if n.sentence == i]
    # an armed group the sentence speaks of ("a report says the Pakistani Taliban sent …") is
    # no author of the report
    same = [n for n in here if n.attributed] or [n for n in here if not find_groups(n.source)]
    if same:
        return same[0].source
    if indefinite:
        described = _described_then_named(named, i)
        if described is not None:
            return described
    before = [n for n in named if n.sentence < i]
    after = [n for n in named if n.sentence > i]
    noun = {"centre": "center", "organisation": "organization"}.get(kind, kind)
    typed = [
        n
        for n in [*reversed(before), *after]
        if noun in _INSTITUTIONS and re.search(rf"\b{noun}\b", _spelled(n.source))
    ]
    if typed:
        return typed[0].source
    if noun in _NAMED_KINDS:
        return None  # "the council said": only a council named before
    same_kind = [n for n in before if n.kind == kind]
    if same_kind:
        return same_kind[-1].source
    # a source a figure before was attributed to (`figures`: the sources of the figures so far)
    attributed = [n for n in before if n.attributed or (n.source in figures and not n.cited)]
    if attributed:
        return attributed[-1].source
    if last is not None:
        # "the State Security Service said in its annual report …. According to the report,
        # …": the last figure's source, a body the data knows under another name
        return last
    # a source a later sentence attributes figures to, over one merely named before (a
    # news agency's dateline)
    attributed_after = [n for n in after if n.attributed]
    if attributed_after:
        return attributed_after[0].source
    if before:
        return before[-1].source
    return after[0].source if after else None


# a unit's name: capitalised words with the noun of a unit ("the Counter-Terrorism Division",
# "the Department of Foreign Relations", "the Centre for Terror Analysis")
_UNIT = re.compile(
    r"(?:[Tt]he\s+)?(?P<unit>(?:[A-Z][\w'’-]*\s+)*(?:"
    + "|".join(map(re.escape, load("sources")["unit_names"]))  # capitals kept: a name
    + r")(?:\s+(?:of|for)\s+(?:[A-Z][\w'’-]*\s*)+)?)\s*"
)
# how many sentences before a unit's statement the text may name the body it is part of
_UNIT_WITHIN = 3


def _unit_parent(sentences: list[Sentence], i: int, who: str) -> str | None:
    """The body a unit that speaks is part of, as a sentence up to three before (or its own)
    names it: "The Department of Foreign Relations in the Autonomous Administration of North and
    East Syria …", "the Centre for Terror Analysis at the Danish Security and Intelligence
    Service" (`unit-of-its-body`); a unit named on its own keeps its reading."""
    m = _UNIT.fullmatch(who.strip())
    if m is None or named_sources(who):
        return None
    part = re.compile(
        re.escape(m["unit"].strip()) + r"\s+(?:in|of|at|within|under)\s+(?:the\s+)?(?=[A-Z])"
    )
    for j in range(i, max(-1, i - 1 - _UNIT_WITHIN), -1):
        text = sentences[j].text
        for found in part.finditer(text):
            bodies = [n for at, _, n in source_spans(text) if at == found.end()]
            if not bodies and (name := _CAPITALISED.match(text, found.end())) is not None:
                # a body the data does not list by name ("the Kosovo Police"): read as if it spoke
                said = find_attributions(f"The {name.group().strip()} said")
                bodies = [a.source for a in said if a.source]
            if bodies and not _ACADEMIC.search(bodies[0]):
                return canonical(bodies[0])
    return None


# a university that hosts a centre is no body the centre speaks for ("the Centre for Security
# Studies at the University of Pristina found": the centre, `housed-at`)
_ACADEMIC = re.compile(
    r"\b(?:" + "|".join(map(re.escape, load("sources")["academic_words"])) + r")\b"
)
_CAPITALISED = re.compile(r"(?:[A-Z][\w'’-]*\s*)+")


# "a new report", "an American think tank": a body described, not yet named
_INDEFINITE_ARTICLE = re.compile(r"\s*(?:[Aa]n?)\s")
# how many sentences after a described body its name may come ("…, a new report has found.
# According to research by the Soufan Center, …")
_NAMED_WITHIN = 3


def _described_then_named(named: list[Named], i: int) -> str | None:
    """The body the sentences right after `i` name (`described-then-named`): one a figure is
    attributed to there, else the first named; never a news outlet, nor an armed group."""
    near = [
        n
        for n in named
        if i < n.sentence <= i + _NAMED_WITHIN
        and not is_outlet(n.source)
        and not find_groups(n.source)
    ]
    attributed = [n for n in near if n.attributed]
    chosen = attributed or near
    return chosen[0].source if chosen else None


# a kind of body followed by its name: "rights group Reprieve", "think tank Egmont"
_NAMED_AFTER_KIND = re.compile(
    r"\b(?:group|charity|organi[sz]ation|think[ -]tank|NGO|watchdog|monitor|institute|outlet)\s+"
    r"(?P<name>(?-i:[A-Z][\w'’&-]*)(?:\s+(?:(?:of|for|the|and)\s+)?(?-i:[A-Z][\w'’&-]*)){0,5})\s*$",
    re.I,
)
_OFFICIAL_NOUNS = frozenset({"ministry", "government", "authorities", "service", "agency"})


def _is_country(code: str) -> bool:
    return len(code) == 3 and code.isupper()


# generic nouns that stand only for a source whose name has them
_NAMED_KINDS = frozenset(
    {
        "council",
        "committee",
        "commission",
        "network",
        "foundation",
        "observatory",
        "project",
        "initiative",
        "institution",
    }
)
_INSTITUTIONS = _NAMED_KINDS | frozenset(
    {
        "center",
        "group",
        "agency",
        "unit",
        "service",
        "ministry",
        "institute",
        "organization",
        "office",
        "department",
        "consultancy",
    }
)


def _spelled(source: str) -> str:
    return source.lower().replace("centre", "center").replace("organisation", "organization")


def _dedupe(drafts: list[Draft]) -> list[Draft]:
    """One estimate per statement: a number read twice is one, while a figure stated again
    ("brought back 110 …. The 110 returned on …") is a statement each time; only the base a
    share of its own sentence refers back to ("More than half of the 180 have come back")
    restates nothing new in its paragraph."""
    bases = {
        id(d.base_draft)
        for d in drafts
        if d.base_draft is not None and d.base_draft.sentence_start == d.sentence_start
    }
    seen: set[tuple[object, ...]] = set()
    out: list[Draft] = []
    for d in drafts:
        figure = _figure_key(d)
        stated = ("paragraph", d.paragraph, *figure)
        if (d.start, *figure) in seen or (id(d) in bases and stated in seen):
            continue
        seen.update({(d.start, *figure), stated})
        out.append(d)
    return out


def _finish(text: str, doc: str, published: str | None, drafts: list[Draft]) -> Result:
    rows: list[tuple[Draft, Estimate]] = []
    dropped = 0
    for d in drafts:
        e = estimate_of(text, doc, published, d)
        if not holds(text, e):
            dropped += 1
            continue
        rows.append((d, e))
        derived = _derived(d, e)
        if derived is not None:
            rows.append((d, derived))
    index = {id(d): k for k, (d, e) in enumerate(rows) if not e.derived}
    out: list[Estimate] = []
    for d, e in rows:
        is_part = e.kind is Kind.SHARE or e.derived
        if is_part and d.base_draft is not None and id(d.base_draft) in index:
            e = e.replace(base=index[id(d.base_draft)])
        out.append(e)
    why = [{"derived": "the share times its base"} if e.derived else d.why for d, e in rows]
    return Result(out, dropped, why)


def _derived(d: Draft, share: Estimate) -> Estimate | None:
    """A share of a base with a figure gives a count: 30 percent of about 5,000 → about 1,500."""
    base = d.base_draft
    if share.kind is not Kind.SHARE or base is None or share.value is None:
        return None
    # A count of people follows only from a share of the same people counted another way:
    # "30 percent of the 5,000 who went (from the EU) returned". A base of another place, or
    # of the same flow, is a share of something else.
    if (base.place, base.population) != (share.place, share.population) or base.flow == share.flow:
        return None
    n = base.number
    figure = (
        n.value
        if n.value is not None
        else n.low
        if n.high is None
        else (None if n.low is None else (n.low + n.high) / 2)
    )
    if figure is None:
        return None
    value = float(round(share.value * figure))
    return share.replace(
        kind=Kind.COUNT, value=value, low=None, high=None, qualifier=Qualifier.APPROX, derived=True
    )
