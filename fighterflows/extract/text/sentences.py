"""Split a document into sentences with offsets into the unmodified text.

Lines are grouped into blocks first: Markdown headings, list items and table rows are blocks
of their own (a list item "France – 1,910 left" is one statement), paragraphs are split into
sentences by syntok (a paragraph without any number stays whole: nothing in it can be a
figure). The heading above each sentence is kept: Wikipedia-style texts give the
country of a section only in its heading.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from syntok._segmentation_states import State

from fighterflows.extract.numbers.lexicon import alternation, data, prefix_hedges
from fighterflows.extract.text.prefilter import NUMBER
from fighterflows.extract.text.tokens import analyze
from fighterflows.initials import compile_guarded, guarded, lowered


class BlockKind(StrEnum):
    PARAGRAPH = "paragraph"
    HEADING = "heading"
    ITEM = "item"
    TABLE = "table"


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: `text == document[start:end]`; `paragraph` numbers the block it is in."""

    start: int
    end: int
    text: str
    paragraph: int
    kind: BlockKind
    heading: str | None
    # False when splitting found that the sentence states no number (a whole piece without
    # one): the reader need not scan it again. None: not looked at.
    has_number: bool | None = None


_LINE = re.compile(r"[^\n]*(?:\n|$)")
_HEADING = re.compile(r"\s{0,3}#{1,6}\s")
_ITEM = re.compile(r"\s*(?:[-*•–+]|\d{1,2}[.)])\s+\S")
_TABLE = re.compile(r"\s*\|")
# A table row as a page's text gives it, without the leading bar ("Belgium | 440 | 40 |"):
# two bars or more and no cell long enough to be prose (`bare-table-row`)
_CELL_TEXT = re.compile(r"[^|]*")
_LONGEST_CELL = 40
_IMAGE = re.compile(r"\s*!\[")  # a Markdown image line: a caption and a URL, no prose
_FRONT_MATTER = re.compile(r"---[ \t]*\n.*?\n---[ \t]*(?:\n|$)", re.DOTALL)
_WORD = re.compile(r"\w")
_DIGIT = re.compile(r"\d")
# NUMBER behind a lookahead for its first characters (initials.py): the same verdicts, the
# scan of a piece without digits about twice as fast. (The prefilter's own NUMBER stays as it
# is: a change to its code is a new prefilter for ingest, which then re-reads its sources.)
_NUMBER = guarded(NUMBER)


def states_number(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether text[start:end] states a number: the prefilter's NUMBER finds one there (one
    definition of "states a number"). A digit, in most sentences with a number, says so at
    once: a scan for a digit is many times faster than NUMBER's, which tries its number words
    at every position before the first digit; and without a digit, NUMBER is tried only where
    a piece of one of its words is (most pieces without a digit have none)."""
    end = len(text) if end is None else end
    if _DIGIT.search(text, start, end):
        return True
    low = lowered(text[start:end])
    for piece in _NUMBER_PIECES:
        if piece in low:
            return _NUMBER.search(text, start, end) is not None
    return False


# A piece of each of NUMBER's words but its digits: each match of NUMBER without a digit holds
# one of them, lower-cased ("eigh" for "eight", "eighteen", "eighty" and "eighth"; a space for
# "\\s+" and "no\\s+[A-Z]"); tests/test_extract_sentences.py checks them against NUMBER's words.
_NUMBER_PIECES = (
    *("one", "two", "thre", "four", "five", "six", "seven", "eigh", "nine", "nint", "ten"),
    *("eleven", "twelve", "thir", "fif", "twenty", "forty", "hundred", "thousand", "million"),
    *("dozen", "half", "quarter", "handful", "a woman", "a man", "a child", "percent"),
    *("per cent", "single", "no ", "nobody"),
)


def _blocks(text: str) -> Iterator[tuple[int, int, BlockKind]]:
    """(start, end, kind) of each block, trimmed of surrounding whitespace."""
    pos = 0
    front = _FRONT_MATTER.match(text)
    if front:
        pos = front.end()
    para_start: int | None = None
    para_end = pos
    lines: list[tuple[int, int]] = []  # the lines of the paragraph being read
    first = True  # no block yielded yet: the paragraph is the document's first
    for line in _LINE.finditer(text, pos):
        if line.start() == line.end():
            break
        body = line.group()
        kind = _line_kind(body)
        if kind is None or kind is not BlockKind.PARAGRAPH:
            if para_start is not None:
                yield para_start, para_end, BlockKind.PARAGRAPH
                para_start, lines, first = None, [], False
            if kind is not None:
                yield line.start(), line.start() + len(body.rstrip()), kind
                first = False
            continue
        end = line.start() + len(body.rstrip())
        if para_start is not None and _title_line(text, lines, line.start(), end, first):
            # a headline without a full stop is a statement of its own, not the start of the
            # sentence on the next line
            yield para_start, para_end, BlockKind.PARAGRAPH
            para_start, lines, first = None, [], False
        if para_start is None and first:
            dateline = _INLINE_DATELINE.search(text, line.start(), end) or _run_in(
                text, line.start(), end
            )
            if dateline is not None and not _ENDS_STATEMENT.search(
                text, line.start(), dateline.start()
            ):
                # "Over 300 Kosovars joined ISIS, 70 killed Pristina, March 3 - Around 300 …",
                # "Kosovo brings home 11 citizens from Syria The government said …": a headline
                # run into its story is a paragraph of its own
                yield line.start(), dateline.start(), BlockKind.PARAGRAPH
                para_start, first = dateline.end(), False
                para_end = end
                lines.append((dateline.end(), end))
                continue
        if para_start is None:
            para_start = line.start()
        para_end = end
        lines.append((line.start(), end))
    if para_start is not None:
        yield para_start, para_end, BlockKind.PARAGRAPH


# A line that ends a sentence, a clause or a quotation: never a title.
_ENDS_STATEMENT = re.compile(r"[.!?:;,\"”’)\]…-]\s*$")
# "ASTANA, Jan 7 (Reuters) - ", "PRISTINA — ", "Pristina, March 3 - ": a dateline opens a story
_DATELINE = re.compile(
    r"\s*(?:[A-Z]{3,}(?:[ -][A-Z]{3,}){0,2}|[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})"
    r"(?:\s*,\s*(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
    r"|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?)"
    r"(?:\s*,?\s*\d{4})?)?\s*(?:\([A-Za-z/ .]{2,30}\)\s*)?[-–—]{1,2}\s"
)
# A headline run into its story's dateline on one line: "Over 300 Kosovars joined ISIS, 70
# killed Pristina, March 3 - Around 300 …" (a city in capitals, or a city and its date, then
# the dash; an agency may stand in brackets)
_INLINE_DATELINE = re.compile(
    r"(?<=[\w)])\s+(?=(?:[A-Z]{3,}(?:[ -][A-Z]{3,}){0,2}(?:\s*,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"|[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}\s*,\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|"
    r"Dec)[a-z]*\.?\s+\d{1,2}(?:\s*,?\s*\d{4})?)\s*(?:\([A-Za-z/ .]{2,30}\)\s*)?[-–—]{1,2}\s)"
)
# A headline run into the story's first sentence without a dateline: "Norway: 100 left, 20
# returned, 30 killed The Police Security Service said …", "Austria repatriates three women
# from Syria Three Austrian women …": a word that opens sentences, capitalised after a word
# that does not introduce a name or a title ("told The Guardian", "the daily The Times")
_RUN_IN = re.compile(
    r"(?<!\bto)(?<!\btold)(?<!\bby)(?<!\bsaid)(?<!\bsays)(?<!\bof)(?<!\bfrom)"
    r"(?<!\bwith)(?<!\bfor)(?<!\band)(?<!\bor)(?<!\bin)(?<!\bon)(?<!\bat)(?<!\bthe)"
    r"(?<!\bnewspaper)(?<!\bdaily)(?<!\bweekly)(?<!\bmagazine)(?<!\bpaper)(?<!\bcalled)"
    r"(?<!\bnamed)(?<!\btitled)(?<!\bentitled)(?<!\bdubbed)(?<!\bagency)(?<!\bchannel)"
    r"(?:(?<=[\w)%])\s+(?=(?:The|A|An|Some|About|Around|More|Over|At|According|In|On|Last|This|"
    r"He|She|They|It|We|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Twenty|"
    r"Thirty|Forty|Fifty|Hundreds|Dozens|Nearly|Almost|Roughly|Only|Most)\s)"
    # words that also stand inside names ("Kosovo Police", "the Danish Security Service") open
    # a sentence only after a word in lower case or a number
    r"|(?<=[a-z0-9)%])\s+(?=(?:Officials|Police|Authorities)\s))"
)
# Both behind a lookahead for the white space their matches start with (initials.py): the same
# matches, without trying the two dozen lookbehinds at every character first (the headline's
# run-in scan ~5x faster).
_RUN_IN, _INLINE_DATELINE = guarded(_RUN_IN), guarded(_INLINE_DATELINE)
_TERMINAL_END = re.compile(r"[.!?][\"”’)]?\s*$")
_ENDS_STATEMENT_INSIDE = re.compile(r"[.!?;]\s")


def _run_in(text: str, start: int, end: int) -> re.Match[str] | None:
    """Where the document's first line, a headline with a figure, runs into a sentence."""
    if not _TERMINAL_END.search(text, start, end) or _DATELINE.match(text, start, end):
        # a line that opens with its dateline ("KUALA LUMPUR, 22 October 2019 – ") is the
        # story itself: the dateline's date is no headline's figure
        return None
    for m in _RUN_IN.finditer(text, start, min(end, start + 160)):
        head = text[start : m.start()]
        if _ENDS_STATEMENT_INSIDE.search(head) or not states_number(head):
            return None
        if len(head.split()) >= 3 and len(text[m.end() : end].split()) >= 6:
            return m
    return None


_CAPITAL_START = re.compile(r"\s*[\"“‘]?[A-Z0-9]")


def _title_line(text: str, lines: list[tuple[int, int]], start: int, end: int, first: bool) -> bool:
    """Whether the lines read so far end a title of their own before the line at
    text[start:end]: the document's first line without a full stop (a headline), or lines
    without one before a dateline ("ASTANA, Jan 7 (Reuters) - ")."""
    s, e = lines[-1]
    if _ENDS_STATEMENT.search(text, s, e) or not _CAPITAL_START.match(text, start, end):
        return False
    dateline = _DATELINE.match(text, start, end)
    if dateline is not None and dateline.end() < end:
        return True
    return first and len(lines) == 1 and e - s <= 150  # the headline


def _line_kind(line: str) -> BlockKind | None:
    if not line.strip() or _IMAGE.match(line):
        return None
    if _HEADING.match(line):
        return BlockKind.HEADING
    if _TABLE.match(line) or _bare_row(line):
        return BlockKind.TABLE
    if _ITEM.match(line):
        return BlockKind.ITEM
    return BlockKind.PARAGRAPH


def _bare_row(line: str) -> bool:
    """A row of a table whose bars a page kept but not the first ("Denmark | 100-150 | 27 |"):
    prose with a bar in it ("Published 2 May | Updated 3 May") has fewer or longer cells."""
    if line.count("|") < 2:
        return False
    return all(len(m.group().strip()) <= _LONGEST_CELL for m in _CELL_TEXT.finditer(line))


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# A full stop after a lower-case word of three letters or more, then a capital: a sentence
# boundary syntok would find too. Cutting there first lets syntok see only the pieces that
# state a number (it is the slowest step); the others stay whole, as nothing in them counts.
_STRONG_BOUNDARY = re.compile(r"(?<=[a-z]{3}[.!?])\s+(?=[A-Z])")


def _paragraph_spans(
    text: str, start: int, end: int, bare: set[tuple[int, int]]
) -> Iterator[tuple[int, int]]:
    """The sentence spans of a paragraph; the spans of pieces that state no number are added
    to `bare`."""
    piece = start
    for m in _STRONG_BOUNDARY.finditer(text, start, end):
        yield from _piece_spans(text, piece, m.start(), bare)
        piece = m.end()
    yield from _piece_spans(text, piece, end, bare)


def _piece_spans(
    text: str, start: int, end: int, bare: set[tuple[int, int]]
) -> Iterator[tuple[int, int]]:
    # A piece that states no number cannot hold a figure: it stays one piece (it is still
    # read for the sources it names), and syntok, the slowest step, is spared.
    if not states_number(text, start, end):
        bare.add(_strip(text, start, end))
        yield _strip(text, start, end)
        return
    s, e = _strip(text, start, end)
    if _INNER.search(text, s, e - 1) and _syntok_may_cut(text, start, end):
        yield from _syntok_spans(text, start, end)
    else:
        # nothing inside where syntok could cut: the piece is one sentence
        yield from _number_starts(text, s, e)


# Where syntok may end a sentence inside a piece: a terminal before a space or quote, an
# ellipsis, brackets, quotes, colons and semicolons, a line break. A piece without any of
# these (but at its end) is one sentence, and syntok is spared.
_INNER = compile_guarded(r"[.!?][\s\"”’)]|\.\.|[;:()\[\]\"“”…]|\n")


# Where syntok can end a sentence (syntok/_segmentation_states.py): only at one of its
# terminals, or at an opening bracket. A piece without them (but for a terminal as its last
# character, which ends the piece anyway) is one sentence to syntok, from its first to its last
# non-space character, as long as it has no blank line (a paragraph break to syntok), no space
# at its end, and none of the characters that syntok and str.isspace() do not agree are space.
# Such pieces (quotes, colons, "…" and closing brackets are in _INNER) are not sent to syntok.
_SYNTOK_MAY_CUT = compile_guarded(
    "[" + re.escape("".join(sorted(State.terminals - {"..."}))) + r"](?=[\s\S])"
    "|[" + re.escape("".join(sorted(State.opening_brackets))) + r"\x1c-\x1f\u200b]"
    r"|\n\s*\n|\s\Z"
)


def _syntok_may_cut(text: str, start: int, end: int) -> bool:
    return _SYNTOK_MAY_CUT.search(text, start, end) is not None


def _syntok_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Sentence spans inside text[start:end] by syntok; offsets shifted to the document."""
    chunk = text[start:end]
    for paragraph in analyze(chunk):  # syntok's segmenter.analyze, its tokens made faster
        for sentence in paragraph:
            if not sentence:
                continue
            first, last = sentence[0], sentence[-1]
            s = start + first.offset
            e = start + last.offset + len(last.value)
            yield from _number_starts(text, s, e)


# syntok keeps "... in Syria. 158 Pakistani fighters were killed" together (a sentence may
# not start with a digit for it); a word of two lower-case letters or more, a full stop and a
# number do end a sentence.
_NUMBER_START = compile_guarded(r"(?<=[a-z]{2}[.!?])\s+(?=\d)")


_LAST_WORD = re.compile(r"(\w+)[.!?]$")
_ABBREVIATIONS = frozenset(
    [
        "approx",
        "est",
        "ca",
        "circa",
        "no",
        "nos",
        "vol",
        "fig",
        "figs",
        "pp",
        "para",
        "art",
        "sec",
        "ch",
        "cf",
        "vs",
        "incl",
        "excl",
        # "announced on Nov. 4": a month's abbreviation (numbers.yaml, `months`, after the twelve
        # names) does not end the sentence before its day
        *data()["months"][12:],
    ]
)


def _number_starts(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    for m in _NUMBER_START.finditer(text, start, end):
        word = _LAST_WORD.search(text, start, m.start())
        if word and word.group(1).lower() in _ABBREVIATIONS:
            continue  # "approx. 400", "No. 5"
        yield start, m.start()
        start = m.end()
    yield start, end


@cache
def _list_item() -> re.Pattern[str]:
    """A list item after a semicolon: a place and its figure, the verb standing in the first
    item ("350 people have returned; France, 250; Germany, at least 200")."""
    hedge = alternation(set(prefix_hedges()))
    name = r"[A-Z][\w'’.-]*"
    return re.compile(
        rf"(?:and\s+)?(?:the\s+)?{name}(?:\s+(?:and\s+|of\s+|the\s+)?{name}){{0,3}}\s*[,:]?"
        rf"\s*(?:(?i:{hedge})\s+)?\d"
    )


def _join_list_items(text: str, spans: Iterator[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """A sentence cut at a semicolon before a list item goes on through the item."""
    last: tuple[int, int] | None = None
    for s, e in spans:
        if last is not None and text[last[1] - 1] == ";" and _list_item().match(text, s):
            last = (last[0], e)
            continue
        if last is not None:
            yield last
        last = (s, e)
    if last is not None:
        yield last


def split(text: str) -> list[Sentence]:
    """The sentences of `text` in order; each one's text is `text[start:end]`."""
    out: list[Sentence] = []
    heading: str | None = None
    bare: set[tuple[int, int]] = set()  # spans found to state no number
    for number, (start, end, kind) in enumerate(_blocks(text)):
        if kind is BlockKind.HEADING:
            heading = text[start:end].lstrip().lstrip("#").strip()
            s, e = _strip(text, start, end)
            out.append(Sentence(s, e, text[s:e], number, kind, heading))
            continue
        if kind is BlockKind.PARAGRAPH and states_number(text, start, end):
            spans: Iterator[tuple[int, int]] = _join_list_items(
                text, _paragraph_spans(text, start, end, bare)
            )
        else:
            if kind is BlockKind.PARAGRAPH:
                bare.add(_strip(text, start, end))
            spans = iter([_strip(text, start, end)])
        for s, e in spans:
            if e > s and (kind is BlockKind.TABLE or _WORD.search(text, s, e)):
                known = False if (s, e) in bare else None
                out.append(Sentence(s, e, text[s:e], number, kind, heading, known))
    return out
