"""syntok's `segmenter.analyze`, with its tokens made faster where a word is plain.

syntok's tokenizer looks at every run of non-space characters in Python, character by
character and with a second regex, although most runs are a plain ASCII word, perhaps with a
comma or a full stop after it. Those runs are made into syntok's own tokens here, in one regex
match; every other run goes through syntok's tokenizer as before. The tokens are the same
(value, spacing, offset: tests/test_tokens.py checks them against syntok's), and so are the
sentences its segmenter finds in them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from syntok import segmenter
from syntok.tokenizer import Token, Tokenizer

# the runs syntok splits a text into at white space (its own regex)
_RUNS = Tokenizer._spaces
# A run syntok keeps as one word and then cuts its marks off one by one: ASCII letters and
# digits with no lower-case letter right before a capital (syntok cuts "McDonald" in two), then
# ASCII punctuation ("Syria,", "2014.", "U.S" then ".").
_PLAIN = re.compile(r"(?:[A-Z0-9]|[a-z](?![A-Z]))+(?P<marks>[!-/:-@\[-`{-~]*)")
_SYNTOK = Tokenizer(replace_not_contraction=False)  # as segmenter.analyze makes it


def analyze(document: str) -> Iterator[Iterator[list[Token]]]:
    """`segmenter.analyze(document)`: its paragraphs, each an iterator of sentences."""
    for offset, paragraph in segmenter.preprocess_with_offsets(document):
        yield segmenter.segment(iter(tokenize(paragraph, offset)))


def tokenize(text: str, base_offset: int = 0) -> list[Token]:
    """`Tokenizer(replace_not_contraction=False).tokenize(text, base_offset)`, as a list."""
    if base_offset > 0:
        text = " " * base_offset + text  # (syntok's way of shifting the offsets)
    out: list[Token] = []
    add = out.append
    plain = _PLAIN.fullmatch
    offset = base_offset
    for run in _RUNS.finditer(text):
        start, end = run.span()
        word = plain(text, start, end)
        if word is not None:
            marks = word.start("marks")
            add(Token(text[offset:start], text[start:marks], start))
            if text.startswith("...", marks, end):
                add(Token("", "...", marks))
                marks += 3
            for i in range(marks, end):
                add(Token("", text[i], i))
        else:
            # syntok's tokens of the run alone, moved to its place: the first takes the space
            # before the run (the tokens of a run never start with any of their own)
            tokens = _SYNTOK.tokenize(text[start:end])
            first = next(tokens)
            add(Token(text[offset:start] + first.spacing, first.value, first.offset + start))
            out.extend(Token(t.spacing, t.value, t.offset + start) for t in tokens)
        offset = end
    if offset < len(text):
        add(Token(text[offset:], "", len(text)))
    return out
