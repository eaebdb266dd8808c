"""Organisations a text names that the data does not know ("a study by the Egmont Institute",
"The Institute for Security Studies published its review"), so that "the study", "the report"
or "the institute" later on can stand for them (document.py)."""

from __future__ import annotations

import re

from fighterflows.extract.mentions.groups import find_groups
from fighterflows.extract.mentions.sources import (
    BARE_OFFICE,
    NATIONAL_BODY,
    ORG_WORDS,
    continued_post,
    national_possessive,
    national_source,
)
from fighterflows.initials import compile_guarded, lowered
from fighterflows.places import find_places

# A capitalised name of several words, with the small words names keep inside ("Centre for
# the Study of Radicalisation")
_NAME_RUN = compile_guarded(
    r"\b[A-Z][\w'’.&-]*(?:\s+(?:(?:of|for|the|and|on|against)\s+){0,2}[A-Z][\w'’.&-]*)+"
)
_LEADING_NAME_ARTICLE = re.compile(
    r"^(?:(?:The|A|An|In|By|From|For|According|As|Its|Their)\s+)?(?:[A-Z][\w'’.-]*-based\s+)?"
)


_FULL_STOP_AFTER_NAME = re.compile(r"(?<=[a-z]{2})\.$")


def organisations(text: str, known: list[tuple[int, int, str]]) -> list[tuple[int, str]]:
    """(offset, name) of organisations a text names that the data does not know (`known`: the
    spans of those it knows): "a study by the Egmont Institute", "The Institute for Security
    Studies published"; capitalised names with a word of `organisation_words` or
    `publication_words`; never a country's office without its country ("the Ministry of
    Interior"), which only the figure's country names."""
    if not ORG_WORDS.search(text):
        return []
    out: list[tuple[int, str]] = []
    for m in _NAME_RUN.finditer(text):
        if any(s < m.end() and m.start() < e for s, e, _ in known):
            continue
        if continued_post(text, m.start()) is not None:
            # "Minister for Politics, Law and Security X": a post's tail and a name (`cut-post`)
            continue
        # (not the full stop after a name: "the Egmont Institute. Its …")
        run = _FULL_STOP_AFTER_NAME.sub("", m.group())
        for start, name in _parts(m.start(), run):
            lead = _LEADING_NAME_ARTICLE.match(name)
            if lead and lead.end():
                name, start = name[lead.end() :], start + lead.end()
            if (
                " " in name
                and ORG_WORDS.search(name)
                and not BARE_OFFICE.fullmatch(name)
                and not (NATIONAL_BODY.search(name) and not find_places(name))
                and not find_groups(name)  # an armed group ("Islamic State Group") writes no report
            ):
                out.append((start, national_source(name) or national_possessive(name)))
    return out


_AND = re.compile(r"\s+and\s+")


def _parts(start: int, run: str) -> list[tuple[int, str]]:
    """ "the Brookings Institution and Kosovo Police": two names, when each side is one."""
    pieces = _AND.split(run)
    if len(pieces) == 1 or not all(ORG_WORDS.search(p) for p in pieces):
        return [(start, run)]
    out, at = [], start
    for piece in pieces:
        at = start + run.index(piece, at - start)
        out.append((at, piece))
        at += len(piece)
    return out


# "The Kyrgyz Foreign Ministry issued a statement on Monday", "Bosnia's security ministry put
# out a press release": the office that issued the words a later "according to the statement"
# or "the statement said" stands for, though a country's office is no name of its own
_ISSUED = re.compile(
    r"(?P<who>(?:\b[Tt]he\s+)?(?:[A-Z][\w'’.-]*\s+){1,3}(?:[a-z-]+\s+){0,2}?"
    r"(?:ministry|office|department|committee|service|police|government|agency))\s+"
    r"(?:(?:has|had|also|later|earlier)\s+){0,2}"
    r"(?:issued|released|published|put\s+out|posted|distributed|circulated)\s+"
    r"(?:(?:a|an|its|their)\s+)(?:[\w-]+\s+){0,2}?"
    r"(?P<noun>statement|press\s+release|communiqu[eé]|announcement|report)\b",
    re.IGNORECASE,
)
# Every match has one of these verbs and nouns (the scan above is slow: it may start at any
# word), and a noun of the office right before its verb: guards, cheapest first.
_ISSUED_VERBS = ("issued", "released", "published", "put", "posted", "distributed", "circulated")
_ISSUED_NOUNS = ("statement", "release", "communiqu", "announcement", "report")
_ISSUED_GUARD = re.compile(
    r"(?:ministry|office|department|committee|service|police|government|agency)\s+"
    r"(?:(?:has|had|also|later|earlier)\s+){0,2}"
    r"(?:issued|released|published|put\s+out|posted|distributed|circulated)\s",
    re.IGNORECASE,
)


def issuers(text: str) -> list[tuple[int, str, str]]:
    """(offset, source, noun) of a country's office a sentence says issued a statement, a press
    release or a report ("The Kyrgyz Foreign Ministry issued a statement"), named as the
    country's office ("Kyrgyz Ministry of Foreign Affairs"), and what it issued ("statement",
    "report"); none where the office names no
    country ("The ministry issued a statement": the figure's country names it)."""
    low = lowered(text)
    if not (
        any(v in low for v in _ISSUED_VERBS)
        and any(n in low for n in _ISSUED_NOUNS)
        and _ISSUED_GUARD.search(text)
    ):
        return []
    out: list[tuple[int, str, str]] = []
    for m in _ISSUED.finditer(text):
        who = m.group("who")
        if not find_places(who):
            continue
        name = national_source(who)
        if name is not None:
            # "a press release", "a communiqué" are statements ("according to the statement")
            noun = m.group("noun").lower()
            out.append((m.start("who"), name, "report" if noun == "report" else "statement"))
    return out


# A country's office named with its country before it, whatever the sentence says of it
# ("Tajikistan's interior ministry gave new figures", "the Azerbaijani State Security
# Service"): what a later "the ministry said" or "according to the agency" stands for
_OFFICE_WORDS = ("ministry", "committee", "service", "agency", "bureau", "department")
_OFFICE_AFTER_PLACE = re.compile(
    r"(?:'s|’s)?(?:\s+[A-Za-z-]+){0,3}?\s+(?P<noun>" + "|".join(_OFFICE_WORDS) + r")\b",
    re.IGNORECASE,
)
_THE = re.compile(r"\b[Tt]he\s+$")


def offices_named(text: str) -> list[tuple[int, str, str]]:
    """(offset, source, noun) of each country's office a sentence names by its country
    ("Tajikistan's interior ministry" → "Tajik Ministry of Internal Affairs", "ministry")."""
    low = lowered(text)
    if not any(w in low for w in _OFFICE_WORDS):
        return []
    out: list[tuple[int, str, str]] = []
    for p in find_places(text):
        m = _OFFICE_AFTER_PLACE.match(text, p.end)
        if m is None:
            continue
        the = _THE.search(text, max(0, p.start - 4), p.start)
        start = the.start() if the is not None else p.start
        name = national_source(text[start : m.end()])
        if name is not None:
            out.append((start, name, m.group("noun").lower()))
    return out
