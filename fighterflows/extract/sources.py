"""Who a figure is attributed to: "according to X", "X said", "a report by X", "X's report",
"an estimate by X"; normalised through fighterflows/data/sources.yaml.

Generic references ("the report", "the study") resolve to the last source named with that
kind of noun in the document, else the last named source, else (a news lead: "according to a
new report" before the organisation is named) the next named source.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from fighterflows.extract.lexicon import Gazetteer, alternation, gazetteer, load

_VERBS = (
    r"said|says|say|estimated|estimates|estimate|reported|reports|announced|announces|"
    r"confirmed|confirms|stated|states|claimed|claims|believes|believed|found|finds|counted|"
    r"shows|showed|noted|notes|identified|identifies|told|quotes|quoted|put|puts|gave|gives|"
    r"informed|listed|lists|approximated|suggested|suggests|revealed|reveals|warned|indicated"
)
_NOUN = r"(?:report|study|estimate|survey|analysis|assessment|figures?|data|count)s?"
_ARTICLE = (
    r"(?:\b(?:[Aa]n?|[Tt]he)\s+(?:new\s+|latest\s+|recent\s+|\d{1,2}\s+[A-Z]\w+\s+\d{4}\s+)?)"
)
_ATTRIBUTION = re.compile(
    rf"(?P<by>{_ARTICLE}?\b{_NOUN}\s+(?:by|from|of)\s+(?P<by_x>(?:the\s+)?[A-Z][^,.;:()]{{1,80}}?))"
    r"(?=\s+(?:that|in|on|of|gave|shows|found|estimated|said|put|listed|for)\b|\s*[,.;]|$)"
    r"|(?P<acc>\b(?i:according)\s+to\s+(?P<acc_x>(?:[^,.;:()]|(?<=\b[A-Z])\.){2,90}?))"
    r"(?=\s*(?:[,.;:()]|\bthat\b|$))"
    r"|(?P<subj>(?P<subj_x>(?:\b[Tt]he\s+|\b[Aa]n?\s+)?(?:[A-Z][\w'’.&-]*\s+|(?:of|for|the|and|de|on)\s+)"
    r"{0,9}?[A-Z][\w'’.&-]*(?:'s|’s)?(?:\s+(?:new\s+)?(?:report|study|estimate|survey|analysis))?)"
    r"(?:,[^,]{3,90},)?\s+(?:also\s+|has\s+|have\s+|had\s+)?(?:" + _VERBS + r")\b)"
    rf"|(?P<poss>(?P<poss_x>{_ARTICLE}{_NOUN}))\b"
    rf"|(?P<named>(?P<named_x>\b[A-Z][\w.'’-]+)(?:'s|’s)?\s+{_NOUN}\b)",
)
_IMPERSONAL = re.compile(
    r"\b(?:is|are|was|were|been|it is|it was)\s+(?:\w+\s+)?(?:believed|thought|estimated|reported|"
    r"said|suspected|presumed|known|expected)\b",
    re.IGNORECASE,
)
_ORG_WORDS = re.compile(
    r"\b(?:Service|Agency|Ministry|Department|Centre|Center|Institute|Office|Council|Observatory|"
    r"Police|Army|Forces|Government|Network|Group|Commission|Committee|Bureau|University|"
    r"Foundation|Authorities|Directorate|Intelligence|Security|Coalition|Command)\b"
)


@dataclass(frozen=True, slots=True)
class Attribution:
    start: int
    end: int
    text: str
    source: str | None  # None: generic or unresolved
    generic: str | None  # the generic noun ("report") when the text names no source
    official: bool  # a government office or title: the government of the figure's place
    who: str = ""  # the words naming the source


@cache
def _sources() -> Gazetteer:
    return gazetteer(load("sources")["sources"])


@cache
def _generic_regex() -> re.Pattern[str]:
    return re.compile(r"\b(" + alternation(load("sources")["generic"]) + r")s?\b", re.IGNORECASE)


@cache
def _official_regex() -> re.Pattern[str]:
    titles = alternation(load("sources")["official_titles"])
    return re.compile(r"\b(?:" + titles + r")\b", re.IGNORECASE)


def government_name(code: str, name: str | None = None) -> str:
    """The normalised source for a country's government ("British government")."""
    governments: dict[str, str] = load("sources")["governments"]
    return governments.get(code) or f"{name or code} government"


def named_sources(text: str) -> list[tuple[int, str]]:
    """(offset, source) of each source the text names, attributions or not."""
    return [(hit.start, hit.name) for hit in _sources().finditer(text)]


def find_attributions(text: str) -> list[Attribution]:
    """The attributions stated in one sentence, in order."""
    out: list[Attribution] = []
    for m in _ATTRIBUTION.finditer(text):
        kind = m.lastgroup or ""
        who = m.group(kind + "_x") if kind + "_x" in m.re.groupindex else m.group()
        who = who or ""
        out.append(_attribution(m.start(), m.end(), m.group(), who))
    return out


def _attribution(start: int, end: int, text: str, who: str) -> Attribution:
    named = _sources().finditer(who)
    if named:
        return Attribution(start, end, text, named[0].name, None, False, who)
    generic = _generic_regex().search(who)
    if generic and not _ORG_WORDS.search(who):
        return Attribution(start, end, text, None, generic.group(1).lower(), False, who)
    if _official_regex().search(who):
        return Attribution(start, end, text, None, None, True, who)
    if _ORG_WORDS.search(who):
        name = re.sub(r"^(?:[Tt]he|[Aa]n?)\s+", "", who.strip())
        name = re.sub(
            r"(?:'s|’s)?\s+(?:new\s+)?(?:report|study|estimate|survey|analysis)$", "", name
        )
        return Attribution(start, end, text, name, None, False, who)
    return Attribution(start, end, text, None, None, False, who)


def impersonal(text: str) -> bool:
    """True for "is believed", "was reported": the text states the figure has no named source."""
    return bool(_IMPERSONAL.search(text))


def nearest_attribution(attributions: Sequence[Attribution], start: int) -> Attribution | None:
    """The attribution governing a figure at `start`: the nearest before, else the first after."""
    before = [a for a in attributions if a.start < start]
    if before:
        # "X's report quotes an estimate by Y that ..." : the innermost (last) one is Y.
        return before[-1]
    after = [a for a in attributions if a.start >= start]
    return after[0] if after else None


def report_kind(text: str, offset: int) -> str | None:
    """The generic noun that follows a named source ("Soufan Center's report" → "report")."""
    m = re.match(
        r"[^,.;]{0,50}?(?:'s|’s)?\s+(?:new\s+)?(report|study|estimate|survey|analysis)\b",
        text[offset:],
    )
    return m.group(1).lower() if m else None
