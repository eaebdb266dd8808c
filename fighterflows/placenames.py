"""Places as people type them: a code in any case, a name, a demonym, or a slip of the keys.

`resolve` answers only for a name that stands for exactly one place; `close_to` offers the
places a mistyped name probably meant ("Belguim" → Belgium), for the CLI's and the dashboard's
"did you mean ...?". The words are the gazetteer's (fighterflows/data/places.tsv, regions.yaml).
"""

from __future__ import annotations

import difflib
from collections.abc import Collection
from functools import cache

from fighterflows.places import (
    PlaceForm,
    all_countries,
    country_rows,
    find_places,
    lookup_place,
    place_name,
    region_rows,
)

# Forms a reader types for a place; adjectives ("French") and ethnic groups name people or
# things, and would make "did you mean" offer odd guesses.
TYPED_FORMS = {PlaceForm.NAME, PlaceForm.DEMONYM, PlaceForm.REGION}
# How alike a typed name and a known one must be (difflib's ratio): "Belguim"/"belgium" is
# 0.86, "Austria"/"Australia" 0.75; two letters swapped in a short name still pass.
CLOSE = 0.8


def resolve(text: str) -> str | None:
    """The code `text` names: "Belgium", "belgium", "BEL", "bel", "Britons", "the UK", "eu"."""
    text = text.strip()
    if not text:
        return None
    code = lookup_place(text)
    if code is None:
        found = find_places(text)  # "French fighters", "Syria's neighbours": one place named
        code = found[0].code if len(found) == 1 else None
    return code


def close_to(text: str, among: Collection[str] | None = None, limit: int = 3) -> list[str]:
    """Codes of the places whose names are spelt most like `text`, best first (only codes in
    `among` when it is given); none when nothing is close."""
    index = _typed_names()
    guesses = difflib.get_close_matches(text.strip().casefold(), index, n=20, cutoff=CLOSE)
    out: list[str] = []
    for guess in guesses:
        code = index[guess]
        if code not in out and (among is None or code in among):
            out.append(code)
    return out[:limit]


def did_you_mean(text: str, among: Collection[str] | None = None) -> str:
    """ "did you mean Belgium?" (or "... Austria or Australia?"); "" when nothing is close."""
    names = [place_name(code) for code in close_to(text, among)]
    return f"did you mean {' or '.join(names)}?" if names else ""


@cache
def _typed_names() -> dict[str, str]:
    """Case-folded name, demonym or region alias -> its code (names shared by two places are
    left out: they cannot be a guess)."""
    pairs = [
        (row.alias, row.code)
        for row in [*country_rows(), *region_rows()]
        if row.code is not None and row.form in TYPED_FORMS
    ]
    pairs += [(name, code) for code, name in all_countries()]
    index: dict[str, str] = {}
    shared: set[str] = set()
    for alias, code in pairs:
        key = alias.casefold()
        if index.setdefault(key, code) != code:
            shared.add(key)
    return {k: v for k, v in index.items() if k not in shared}
