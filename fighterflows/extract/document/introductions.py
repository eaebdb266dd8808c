"""Figures introduced by a sentence that ends in a colon: "The following estimates were
given:", "According to the report:", "The figures break down as follows: 450 left, …".

The figures after the colon, in the rest of the sentence or in the list items right after it,
take the source of the introduction (document.py resolves which body that is). A paragraph
after the list is no longer introduced.
"""

from __future__ import annotations

import re

from fighterflows.extract.mentions.lexicon import alternation, load
from fighterflows.extract.text.sentences import BlockKind, Sentence

# the words before the colon (sources.yaml, `introductions`), at most a long sentence's worth
_INTRODUCES = re.compile(
    r"\b(?:" + alternation(load("sources")["introductions"]) + r")\b", re.IGNORECASE
)
_LONGEST = 240
# words that introduce the list after their paragraph, colon or not
_INTRODUCES_LIST = re.compile(
    r"\b(?:" + "|".join(load("sources")["list_introductions"]) + r")\b", re.IGNORECASE
)


def colon_of(text: str) -> int | None:
    """The offset of the colon that ends an introduction in `text`, if any."""
    colon = text.find(":")
    if colon < 0 or colon > _LONGEST or not _INTRODUCES.search(text, 0, colon):
        return None
    return colon


def introduction_of(sentences: list[Sentence], i: int, at: int) -> int | None:
    """The sentence that introduces the figure at offset `at` of sentence `i`: the sentence
    itself when the figure follows its introduction's colon, else the sentence ending in an
    introduction right before the list item `i` stands in."""
    colon = colon_of(sentences[i].text)
    if colon is not None and colon < at:
        return i
    j = i
    while j > 0 and sentences[j].kind is BlockKind.ITEM:
        j -= 1
        if sentences[j].kind is not BlockKind.ITEM:
            return _list_introduction(sentences, j)
    return None


def _list_introduction(sentences: list[Sentence], j: int) -> int | None:
    """The sentence of the paragraph `j` ends that introduces the list after it: `j` when it
    ends in an introduction's colon, else the one that says "the following estimates" or
    "as follows"."""
    if sentences[j].kind is not BlockKind.PARAGRAPH:
        return None
    text = sentences[j].text.rstrip()
    if text.endswith(":") and colon_of(text) == len(text) - 1:
        return j
    paragraph = sentences[j].paragraph
    while j >= 0 and sentences[j].paragraph == paragraph:
        if _INTRODUCES_LIST.search(sentences[j].text):
            return j
        j -= 1
    return None


def introduction_words(text: str) -> str:
    """The words of an introduction: up to its colon, else the sentence (of a paragraph kept
    whole) that says "the following estimates"."""
    colon = colon_of(text)
    if colon is not None:
        return text[:colon].strip()
    m = _INTRODUCES_LIST.search(text)
    if m is None:
        return text.strip().rstrip(".")
    start = text.rfind(". ", 0, m.start())
    end = text.find(". ", m.end())
    return text[start + 2 if start >= 0 else 0 : end if end >= 0 else len(text)].strip().rstrip(".")
