"""What a reader typed, found: the place an address names (`/place/Belgium`), and what a search
matches — places by code, name or demonym, sources by name or initials ("ICSR"), and, when
nothing matches, the places and sources the words are spelt like ("did you mean Belgium?").
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Callable
from typing import Any

from fighterflows.extract import canonical_source
from fighterflows.placenames import CLOSE, close_to, resolve
from fighterflows.places import display_name, find_places
from fighterflows.web.errors import NotFoundHere
from fighterflows.web.state import Snapshot

# Small words an organisation's initials skip: the International Centre for the Study of
# Radicalisation is the ICSR.
SKIPPED = {"of", "for", "the", "and", "on", "in", "to", "de", "la", "du"}
WORD = re.compile(r"[A-Za-z][\w'’-]*")
GUESSES = 3


def place_code(snap: Snapshot, text: str, prefix: str = "/place/") -> str:
    """The ledger's code for `text`: a code in any case, a name, a demonym ("Belgium", "bel",
    "Britons"). A NotFoundHere (404) when it names no place with a figure, linking the places
    with figures whose names it is spelt like."""
    if text in snap.claims_by_place or text in snap.rows_by_place:
        return text
    known = snap.places
    folded = {p.casefold(): p for p in known} | {display_name(p).casefold(): p for p in known}
    code = folded.get(text.strip().casefold()) or resolve(text)
    if code in known:
        return str(code)
    guesses = close_to(text, among=set(known), limit=GUESSES)
    what = f"{display_name(code)} ({code})" if code else repr(text)
    hint = f"; did you mean {' or '.join(display_name(g) for g in guesses)}?" if guesses else ""
    links = [(f"Did you mean {display_name(g)}?", f"{prefix}{g}") for g in guesses]
    raise NotFoundHere(f"no figure for place {what} in the ledger{hint}", links)


def initials(source: str) -> str:
    """ "International Centre for the Study of Radicalisation" → "ICSR"."""
    words = [w for w in WORD.findall(source) if w.lower() not in SKIPPED]
    return "".join(w[0] for w in words).upper() if len(words) > 1 else ""


def source_finder(query: str) -> Callable[[str], bool]:
    """Whether a source is found by `query`: by part of its name (any case), by its initials,
    or by an alias the data gives it ("ICSR", "Soufan Centre")."""
    folded, upper = query.casefold(), query.upper()
    aliased = {canonical_source(query), canonical_source(upper)}

    def found(source: str) -> bool:
        return (
            folded in source.casefold()
            or source in aliased
            or (len(query) > 1 and initials(source) == upper)
        )

    return found


def search_view(snap: Snapshot, query: str) -> dict[str, Any]:
    q = query.strip()
    if not q:
        return {
            "query": query,
            "places": [],
            "sources": [],
            "did_you_mean": {"places": [], "sources": []},
        }
    folded = q.casefold()
    named = {m.code for m in find_places(q[:200])} | {resolve(q[:200])}
    places = [
        {"place": p, "place_name": display_name(p)}
        for p in snap.places
        if folded in p.casefold() or folded in display_name(p).casefold() or p in named
    ]
    counts = Counter(c.source for c in snap.recon.claims if c.source)
    found = source_finder(q)
    sources = [{"source": s, "claims": n} for s, n in sorted(counts.items()) if found(s)]
    guesses: dict[str, list[dict[str, Any]]] = {"places": [], "sources": []}
    if not places and not sources:
        guesses["places"] = [
            {"place": p, "place_name": display_name(p)}
            for p in close_to(q, among=set(snap.places), limit=GUESSES)
        ]
        guesses["sources"] = [
            {"source": s, "claims": counts[s]} for s in sources_spelt_like(q, list(counts))
        ]
    return {"query": query, "places": places, "sources": sources, "did_you_mean": guesses}


def sources_spelt_like(query: str, sources: list[str]) -> list[str]:
    """Sources with a name, or a word of it, spelt like `query` ("Soufna" → The Soufan Center)."""
    by_word: dict[str, set[str]] = {}
    for s in sources:
        for key in (s, *WORD.findall(s)):
            if len(key) > 3:
                by_word.setdefault(key.casefold(), set()).add(s)
    close = difflib.get_close_matches(query.casefold(), by_word, n=10, cutoff=CLOSE)
    out: list[str] = []
    for key in close:
        out.extend(sorted(s for s in by_word[key] if s not in out))
    return out[:GUESSES]
