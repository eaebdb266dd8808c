"""The extractor's shortcuts give what the slower path they spare would give.

Speed work keeps the output unchanged (the digest in tests/extractor-digest.txt); these
properties check each shortcut against the path it replaces on text built to reach its edges.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from syntok import segmenter
from syntok.tokenizer import Tokenizer

from fighterflows.extract.text import tokens
from fighterflows.extract.text.prefilter import NUMBER
from fighterflows.extract.text.sentences import (
    _number_starts,
    _strip,
    _syntok_may_cut,
    _syntok_spans,
    split,
    states_number,
)

# pieces of prose that reach the edges of "states a number": digits, number words, words that
# contain number words ("someone", "tent"), capitals after "no", punctuation and spaces
_PIECES = st.sampled_from(
    [
        "7",
        "2,000",
        "one",
        "someone",
        "tent",
        "Twenty",
        "dozens",
        "per cent",
        "no one",
        "No Belgians",
        "no",
        "not a single",
        "a woman",
        "fighters",
        "Syria",
        " ",
        ". ",
        ", ",
        "(",
        ")",
        "\n",
        "—",
        "٣",  # an Arabic-Indic digit: a digit to both scans
        "ninth",
        "ſix",  # a long s: an "s" to NUMBER's case-blind words
        "NOT\ta\u00a0SINGLE",
        "No\nBritons",
        "a\u2003child",
        "İ",
    ]
)
_TEXT = st.lists(_PIECES, max_size=12).map("".join)


def test_each_number_word_holds_a_piece_the_scan_looks_for() -> None:
    from fighterflows.extract.text.sentences import _NUMBER_PIECES
    from fighterflows.initials import lowered

    # every word of NUMBER (prefilter.py), its plural, and its other spellings of white space
    words = re.findall(r"[a-z]+(?: [a-z]+)*", NUMBER.pattern.replace(r"\s+", " "))
    teens = [f"{t}teen" for t in ("thir", "four", "fif", "six", "seven", "eigh", "nine")]
    found = [w for w in [*words, *teens] if NUMBER.fullmatch(w) or NUMBER.fullmatch(w + "s")]
    assert len(found) > 40
    for word in [*found, "not\ta single", "No\u00a0X"]:
        assert any(piece in lowered(word) for piece in _NUMBER_PIECES), word


@settings(deadline=None)
@given(_TEXT, st.integers(0, 40), st.integers(0, 40))
def test_states_number_is_the_prefilters_number(text: str, start: int, length: int) -> None:
    end = min(len(text), start + length)
    assert states_number(text, start, end) == (NUMBER.search(text, start, end) is not None)
    assert states_number(text) == (NUMBER.search(text) is not None)


_PROSE = st.sampled_from(
    [
        "About",
        "200",
        "Belgians",
        "U.S.",
        "approx.",
        "No.",
        "e.g.",
        "3.5",
        "end.The",
        "it’s",
        "well-known",
        " ",
        "  ",
        "\n",
        "\n\n",
        "\t",
        "\u200b",
        "\x1c",
        "\xa0",
        ".",
        "!",
        "?",
        ";",
        ":",
        ",",
        "…",
        "...",
        "(",
        ")",
        "[",
        "]",
        '"',
        "“",
        "”",
        "’",
        "—",
        "！",
    ]
)


@settings(deadline=None, max_examples=400)
@given(st.lists(_PROSE, min_size=1, max_size=14).map("".join))
def test_a_piece_syntok_cannot_cut_is_one_sentence(piece: str) -> None:
    # the pieces not sent to syntok are those it would give back whole
    start, end = _strip(piece, 0, len(piece))
    if start == end or _syntok_may_cut(piece, 0, len(piece)):
        return
    assert list(_syntok_spans(piece, 0, len(piece))) == list(_number_starts(piece, start, end))


@settings(deadline=None, max_examples=300)
@given(st.lists(st.one_of(_PROSE, _PIECES), min_size=1, max_size=24).map("".join))
def test_what_splitting_knows_of_numbers_is_what_a_scan_finds(text: str) -> None:
    # a sentence found to state no number is not scanned again: the finding must hold
    for sentence in split(text):
        if sentence.has_number is not None:
            assert sentence.has_number == states_number(sentence.text)


# words at the edges of tokens.py's plain words: capitals after lower case ("McDonald"),
# marks after a word ("Syria,", "end..."), marks before one, digits with separators, hyphens,
# apostrophes, letters outside ASCII, underscores
_WORDS = st.sampled_from(
    [
        "McDonald",
        "ISIS",
        "iPhone",
        "Syria,",
        "2014.",
        "end...",
        "end....",
        "so...)",
        "(PET),",
        '"We',
        "[object",
        "2,000",
        "3.5",
        "U.S.",
        "al-Nusra",
        "pro-government",
        "don't",
        "isn't",
        "Turkey's",
        "it’s",
        "Erdoğan",
        "snake_case",
        "_",
        "a_",
        "x-",
        "-",
        "—",
        "####",
        "|",
        "e.g.",
        "10km",
        "end.The",
    ]
)
_SPACES = st.sampled_from([" ", "  ", "\n", "\n\n", "\t", "\xa0", "\u200b", "\r\n", ""])


def _tokens(tokens: object) -> list[tuple[str, str, int]]:
    return [(t.spacing, t.value, t.offset) for t in tokens]  # type: ignore[attr-defined]


@settings(deadline=None, max_examples=400)
@given(
    st.lists(st.tuples(_SPACES, st.one_of(_WORDS, _PROSE)), max_size=16).map(
        lambda pairs: "".join(a + b for a, b in pairs)
    ),
    st.integers(0, 5),
)
def test_the_fast_tokens_are_syntoks(text: str, offset: int) -> None:
    syntok = Tokenizer(replace_not_contraction=False)
    assert _tokens(tokens.tokenize(text, offset)) == _tokens(syntok.tokenize(text, offset))


@settings(deadline=None, max_examples=200)
@given(st.lists(st.tuples(_SPACES, st.one_of(_WORDS, _PROSE)), max_size=24))
def test_the_fast_analysis_is_syntoks(pairs: list[tuple[str, str]]) -> None:
    text = "".join(a + b for a, b in pairs)
    ours = [[_tokens(s) for s in p] for p in tokens.analyze(text)]
    assert ours == [[_tokens(s) for s in p] for p in segmenter.analyze(text)]
