"""Copular and nominal totals: a figure stated as the value of a measure's noun ("the total is
put at 800", "the tally now stands at 150", "the number of Austrians who went rose to 300 by
June", "the death toll among them is 90"). The noun says the figure counts people even where
no noun of people stands next to the number; what the people did comes from the noun's own
words or, for "the total", "the tally", "their number" alone, from the sentence before.
"""

from __future__ import annotations

import re
from functools import lru_cache

from fighterflows.extract.mentions.lexicon import load, total_predicate_regex
from fighterflows.initials import compile_guarded

# The measure's noun, the last one before the predicate in the clause
_MEASURE = re.compile(
    r"(?<![\w-])(?:" + "|".join(load("flows")["measure_nouns"]) + r")(?![\w-])", re.I
)
# Measures of what is no movement of people: "the number of arrests stands at 40", "the toll
# of the attack rose to 30", "the number of cases is 12" (arrests at home, victims, files)
_NOT_PEOPLE = re.compile(
    r"\s+(?:of|for|from|among)\s+(?:the\s+|these\s+|such\s+|new\s+|terrorism[- ]related\s+)?"
    r"(?:" + "|".join(load("flows")["measures_of_no_people"]) + r")\b",
    re.I,
)
# the figures of a list before this one: "… are 310 and 150", "stands at 60, 40 and 20"
_ITEMS_BEFORE = compile_guarded(
    r"(?<![\w,.])(?:(?:about|around|some|nearly|roughly)\s+)?\d[\d,.]*"
    r"(?:\s*,\s*(?:(?:about|around|some|nearly|roughly)\s+)?\d[\d,.]*)*"
    r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)$",
    re.I,
)
# How far back (in characters) the measure's noun may stand from its predicate
_REACH = 150
# (a year is no figure: "the number who went since 2014 rose to 300")
_CLAUSE_BREAK = re.compile(r"[;:]|\.\s|(?<![\d,.])(?!(?:19|20)\d\d(?!\d))\d")


# A quantity that is no number of people: "the average age of the fighters is 23", "the cost
# of the flights is put at 2 million"
_QUANTITY = re.compile(
    r"(?<![\w-])(?:" + "|".join(load("flows")["quantity_nouns"]) + r")(?![\w-])", re.I
)


# asked for each figure of a sentence, by several rules: the last few answers are kept
@lru_cache(maxsize=64)
def _subject(text: str, pos: int) -> tuple[re.Match[str], re.Match[str] | None] | None:
    """The predicate ending at `pos` and the last measure or quantity noun before it in its
    clause."""
    items = _ITEMS_BEFORE.search(text, max(0, pos - 40), pos)
    if items is not None:
        pos = items.start()  # "the figures for X and Y are 310 and 150 respectively"
    predicate = total_predicate_regex().search(text, max(0, pos - 60), pos)
    if predicate is None:
        return None
    window = max(0, predicate.start() - _REACH)
    nouns = [
        *_MEASURE.finditer(text, window, predicate.start()),
        *_QUANTITY.finditer(text, window, predicate.start()),
    ]
    if not nouns:
        return predicate, None
    noun = max(nouns, key=lambda m: m.start())
    if _CLAUSE_BREAK.search(text, noun.end(), predicate.start()):
        return predicate, None  # another clause or another figure stands between them
    return predicate, noun


# a measure of an attack's victims: "the number of Belgians killed in the Brussels attacks
# stands at 32", "the death toll of the Paris attacks has risen to 130"
_ATTACK = re.compile(
    r"\b(?:" + "|".join(load("flows")["attacks"] + load("flows")["tolls"]) + r")\b",
    re.I,
)


def measure_of_no_people(text: str, pos: int) -> bool:
    """The figure at `pos` is the value of a measure of something else than people ("the
    number of arrests now stands at 60", "the average age of the fighters is 23"), or of the
    victims of an attack ("the death toll of the Paris attacks has risen to 130")."""
    found = _subject(text, pos)
    if found is None:
        return False
    predicate, noun = found
    if noun is None:
        return False
    if not _MEASURE.fullmatch(noun.group()) or _NOT_PEOPLE.match(text, noun.end()) is not None:
        return True
    if _ATTACK.search(text, noun.end(), predicate.start()) is not None:
        return True
    if noun.group().lower() != "toll":
        return False
    battle = _BATTLE.search(text, noun.end(), predicate.start())
    # (a toll said of foreign fighters stays: "the toll among the foreign fighters in the battle")
    return battle is not None and _THEIRS.search(text, noun.end(), battle.start()) is None


# a battle's or an operation's dead: "the death toll due to the army's operation has risen to
# 38", "the toll of the clashes stands at 61"
_BATTLE = re.compile(r"\b(?:" + "|".join(load("flows")["battle_tolls"]) + r")\b", re.I)
# a toll's own words that name fighters who went, before the battle it names
_THEIRS = re.compile(r"\b(?:among|foreign|jihadists?|volunteers?)\b", re.I)


def measure_before(text: str, pos: int) -> re.Match[str] | None:
    """The measure's noun whose predicate ends at `pos` (the figure's start), if the figure is
    stated as that measure's value (a number of people); None otherwise."""
    found = _subject(text, pos)
    if found is None or found[1] is None or measure_of_no_people(text, pos):
        return None
    return found[1]


# "The total", "the official tally", "their number", "this figure": the measure named alone
_DETERMINER = re.compile(
    r"(?<![\w-])(?:the|this|that|their|its|these|the\s+overall|the\s+official)\s+"
    r"(?:(?:overall|official|latest|new|updated|current|total|known|estimated|confirmed)\s+)?$",
    re.I,
)
_ADVERBS = re.compile(
    r"(?:\s+|,|now|currently|so\s+far|officially|already|thus|today|since\s+then|by\s+now)*",
    re.I,
)


def bare_measure(text: str, pos: int) -> bool:
    """The figure at `pos` is the value of a measure named without its people ("The total is
    put at 316", "The tally now stands at 150"): they are the people of the sentence before."""
    noun = measure_before(text, pos)
    if noun is None or not _DETERMINER.search(text, max(0, noun.start() - 30), noun.start()):
        return False
    predicate = total_predicate_regex().search(text, max(0, pos - 60), pos)
    end = predicate.start() if predicate is not None else pos
    return _ADVERBS.fullmatch(text, noun.end(), end) is not None


# "puts the total who went at 316, the dead at 74 and the returnees at 117": each item of a
# list of values "at" says its own measure
_ITEM_AT = re.compile(
    r"(?:,\s*(?:and\s+)?|\s+and\s+|\b(?:puts?|putting|estimates?|estimated|places?|placed|"
    r"gives?|gave)\s+)[^,;]{1,60}?\s+at\s+$",
    re.I,
)
_ITEM_START = re.compile(r"[,;:]")


def own_words(text: str, pos: int) -> tuple[int, int] | None:
    """The span of the words that name the measure whose value the figure at `pos` is ("the
    death toll is 20", "…, the dead at 74"): a cue there says what the people did, not one
    after the figure ("… is 20 and about 40 are back")."""
    lead = text[max(0, pos - 80) : pos]
    bare = lead.rstrip()
    # (every match of `_ITEM_AT` ends in "at" and white space: it is looked for only there)
    if len(bare) < len(lead) and bare[-2:].lower() == "at":
        item = _ITEM_AT.search(text, max(0, pos - 80), pos)
        if item is not None:
            return item.start(), pos
    noun = measure_before(text, pos)
    if noun is None:
        return None
    start = max(0, noun.start() - 30)
    breaks = list(_ITEM_START.finditer(text, start, noun.start()))
    return (breaks[-1].end() if breaks else start), pos
