"""A guard on a regex's first characters changes no match (fighterflows/initials.py).

The guard is a speed-up: the guarded scans must find what the plain ones find, match for match,
with the same groups; these tests check the guard against `re` itself.
"""

from __future__ import annotations

import re
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fighterflows import initials
from fighterflows.extract.mentions import dates, lexicon, sources
from fighterflows.extract.numbers import scan as number_scan
from fighterflows.extract.text import sentences
from fighterflows.initials import FOLDS, first_characters, guarded, scan_by_initial

_GUARD = "(?=(?-i:["


def _plain(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern a guarded one was made from: every guard taken out."""
    text = pattern.pattern
    assert text.startswith(_GUARD), text
    text = text[text.index("]))(?:") + len("]))(?:") : -1]
    while (at := text.find(_GUARD)) >= 0:
        end = at + len(_GUARD)
        while text[end] != "]":
            end += 2 if text[end] == "\\" else 1
        assert text[end : end + 3] == "]))", text[at:end]
        text = text[:at] + text[end + 3 :]
    return re.compile(text, pattern.flags)


def _found(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], str | None, dict]]:
    return [(m.span(), m.lastgroup, m.groupdict()) for m in pattern.finditer(text)]


def test_the_folds_are_every_non_ascii_character_an_ascii_letter_matches() -> None:
    # all of Unicode at once: one scan by `re` itself
    everything = "".join(chr(c) for c in range(0x80, 0x110000) if not 0xD800 <= c < 0xE000)
    found: dict[str, str] = {}
    for m in re.finditer("[a-z]", everything, re.IGNORECASE):
        for letter in string.ascii_lowercase:
            if re.fullmatch(letter, m.group(), re.IGNORECASE):
                found[letter] = found.get(letter, "") + m.group()
    assert {k: "".join(sorted(v)) for k, v in found.items()} == {
        k: "".join(sorted(v)) for k, v in FOLDS.items()
    }


@pytest.mark.parametrize(
    ("pattern", "flags", "first"),
    [
        ("said|told", 0, "st"),
        ("said|told", re.IGNORECASE, "STst" + FOLDS["s"]),
        ("kill", re.IGNORECASE, "Kk" + FOLDS["k"]),
        (r"(?<![\w-])(?:killed|died)\b", 0, "dk"),
        (r"\bper\s+[A-Z]|\d+", 0, r"\dp"),
        (r"(?i:no)\s+one", 0, "Nn"),
        (r"(?-i:[Nn])o", re.IGNORECASE, "Nn"),
        (r"a?b", 0, "ab"),
        (r"[0-3]?\d", 0, r"0123\d"),
        (r"\*{0,2}[A-Z]", 0, string.ascii_uppercase + r"\*"),
        (r"-", 0, r"\-"),
    ],
)
def test_first_characters(pattern: str, flags: int, first: str) -> None:
    found = first_characters(re.compile(pattern, flags))
    assert found is not None
    assert _members(found) == _members(first)


# the characters a class body is checked on: the first planes, where the folds are
_PROBE = [chr(c) for c in range(0x3000)]


def _members(body: str) -> set[str]:
    """The characters the class with this body matches (case-sensitively)."""
    one = re.compile(f"[{body}]")
    return {c for c in _PROBE if one.fullmatch(c)}


@pytest.mark.parametrize(
    "pattern",
    [
        r"a?",  # may match nothing: anywhere
        r".x",  # any character
        r"[^a]b",  # all but one
        r"(?:é)",  # a cased letter whose partners the guard does not list
    ],
)
def test_no_guard_where_the_first_characters_are_unknown(pattern: str) -> None:
    compiled = re.compile(pattern, re.IGNORECASE)
    assert guarded(compiled) is compiled


_WORDS = st.sampled_from(
    [
        "said",
        "SAID",
        "ſaid",
        "the",
        "The",
        "İnterior",
        "Ministry",
        "Institute",
        "Chechen leader",
        "head of Dagestan",
        "University",
        "according to",
        "officials",
        "estimated",
        "in",
        "May",
        "2015",
        "3",
        "on",
        "last",
        "year",
        "per",
        "UN",
        "by",
        "Europol's",
        "report",
        "-",
        ",",
        ".",
        "(",
        ")",
        "*",
        "’s",
        "\u212a",
        "returned",
        "have",
        "not",
        "didn't",
        "could",
        "travelled",
        "killed",
        "flown back",
        "twelve",
        "Dozens",
        "half",
        "½",
        ".5",
        "[3]",
        "www.x.org",
        "January",
        "PRISTINA",
        "Officials",
        "told",
        "killed\n",
        "in\u00a0Syria",
        "another\treturn of",
        "the\u2003authorities\nhold",
    ]
)
_TEXT = st.lists(_WORDS, max_size=30).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_the_guarded_scans_find_what_the_plain_ones_find(text: str) -> None:
    for pattern in (
        sources._ATTRIBUTION,
        sources._GUARD,
        sources._SPEAKER,
        sources._SPEAKER_NO_HEAD,
        sources.ORG_WORDS,
        dates._DATE,
        lexicon.flow_regex(),
        lexicon.negation_regex(),
        number_scan.candidates(),
        sentences._RUN_IN,
        sentences._INLINE_DATELINE,
    ):
        assert _found(pattern, text) == _found(_plain(pattern), text)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(["k", "K", "\u212a", "s", "ſ", "i", "İ", "ı", "x", " ", "-"])).map(
        "".join
    )
)
def test_a_guard_under_ignorecase_keeps_the_unicode_case_partners(text: str) -> None:
    plain = re.compile(r"(?<![\w-])(?:ki|sk|is|x)", re.IGNORECASE)
    assert _found(guarded(plain), text) == _found(plain, text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["k", "K", "\u212a", "s", "S", "ſ", "i", "I", "İ", "ı", "x", "’", "é", " "])
    ).map("".join)
)
def test_a_word_found_under_ignorecase_is_in_the_lowered_text(text: str) -> None:
    low = initials.lowered(text)
    for word in ("kiss", "is", "ski", "six", "sik", "xi"):
        if re.search(word, text, re.IGNORECASE):
            assert word in low


def test_the_spaces_are_every_character_backslash_s_matches() -> None:
    everything = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    assert sorted(re.findall(r"\s", everything)) == sorted(initials.SPACES)


@pytest.mark.parametrize(
    ("pattern", "heads"),
    [
        ("kill(?:ed|s)", {"kill"}),
        ("in\\s+(?:syria|iraq)", {"in s", "in i", "in  "}),
        ("(?:the\\s+)?fo", {"the ", "fo"}),
        ("a(?:\\s[\\w-]+)?\\s+x", {"a x", "a  x", "a   ", "a "}),
        ("[Tt]he?", {"th", "the"}),
        ("x[\\w]y", {"x"}),
        ("é", {""}),
        ("(?<=s\\s)in", {"in"}),
    ],
)
def test_the_heads_a_match_starts_with(pattern: str, heads: set[str]) -> None:
    found = initials._starts(initials._PARSER.parse(pattern, re.IGNORECASE).data, 4)
    assert {h for h, _ in found} == heads


def test_the_issuers_guards_keep_every_match() -> None:
    # the words of each guard are in the regex they guard, and a match holds the guard's own
    from fighterflows.extract.mentions import organisations

    text = "The Kyrgyz Foreign Ministry has İSSUED a Statement; Uzbek police put out a report."
    found = [m.group() for m in organisations._ISSUED.finditer(text)]
    assert len(found) == 2
    for m in found:
        low = initials.lowered(m)
        assert any(v in low for v in organisations._ISSUED_VERBS)
        assert any(n in low for n in organisations._ISSUED_NOUNS)
        assert organisations._ISSUED_GUARD.search(m)
    assert [o[1] for o in organisations.issuers(text)] != []


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_the_flow_scan_finds_what_the_flow_regex_finds(text: str) -> None:
    scan = lexicon.flow_scan()
    found = [(m.span(), m.lastgroup, m.group()) for m in scan(text)]
    assert found == [
        (m.span(), m.lastgroup, m.group()) for m in lexicon.flow_regex().finditer(text)
    ]


_GROUPS = [
    ("went", ["travell?ed", "left(?! behind)", "(?:flew|went) to"]),
    ("back", ["returned", "(?<!the )remain(?:s|ed)?", "flew back"]),
    ("kelvin", ["kin"]),
]


_FLOW_WORDS = [
    *("travelled", "traveled", "left", "behind", "flew", "to", "back", "went", "the"),
    *("remained", "REMAINS", "returned", "kin", "\u212ain", "-", " ", "é"),
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_FLOW_WORDS)).map(" ".join))
def test_a_scan_by_initial_finds_what_its_whole_regex_finds(text: str) -> None:
    whole, scan = scan_by_initial(_GROUPS, r"(?<![\w-])", r"(?![\w-])", re.IGNORECASE)
    found = [(m.span(), m.lastgroup) for m in scan(text)]
    assert found == [(m.span(), m.lastgroup) for m in whole.finditer(text)]


# an alternative that may start with any word ("Saudi-led guards hold") is tried everywhere,
# but only in a text where it can match at all (initials._needed: "hold" is in it)
_ANYWHERE = [
    *_GROUPS[:2],
    ("held", [r"[\w.]+-(?:led|backed)\s+(?:\w+\s+)?guards\s+(?:hold|holds)", "kept"]),
]
_HOLDER_WORDS = [*_FLOW_WORDS, "US-backed", "u.s.-led", "Saudi-led", "guards", "hold", "HOLDS"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_HOLDER_WORDS)).map(" ".join))
def test_a_scan_by_initial_with_an_alternative_tried_anywhere_finds_what_its_whole_finds(
    text: str,
) -> None:
    whole, scan = scan_by_initial(_ANYWHERE, r"(?<![\w-])", r"(?![\w-])", re.IGNORECASE)
    found = [(m.span(), m.lastgroup) for m in scan(text)]
    assert found == [(m.span(), m.lastgroup) for m in whole.finditer(text)]


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (r"[\w.]+-led\s+(?:guards|army)\s+(?:hold|is\s+holding)", {"-led"}),
        (r"x+(?:ab|cd)?yz", {"yz"}),
        (r"(?:ab|c)d", {"ab", "c"}),
        (r"\w+", None),
        (r"(?:ab|)\w", None),
    ],
)
def test_the_words_a_match_needs_are_read_from_the_parse(
    pattern: str, words: set[str] | None
) -> None:
    assert initials._needed(initials._PARSER.parse(pattern, re.IGNORECASE).data) == words


def test_a_scan_by_initial_is_the_plain_scan_where_a_first_character_is_unknown() -> None:
    whole, scan = scan_by_initial([("any", ["kin", ".x"])], "", "", 0)
    assert scan == whole.finditer


def test_each_kind_of_attribution_has_a_guard_of_its_own() -> None:
    # one guard for the whole regex, one for each of its named alternatives
    kinds = len(re.findall(r"\|\(\?P<", _plain(sources._ATTRIBUTION).pattern)) + 1
    assert sources._ATTRIBUTION.pattern.count(_GUARD) == kinds + 1


@pytest.mark.parametrize(
    ("pattern", "branches"),
    [
        (r"a|b", ["a", "b"]),
        (r"(?:a|b)|c", ["(?:a|b)", "c"]),
        (r"[|]x|y", ["[|]x", "y"]),
        (r"[]|]x|y", ["[]|]x", "y"]),
        (r"\|x|y", [r"\|x", "y"]),
        (r"[\]|]x|y", [r"[\]|]x", "y"]),
    ],
)
def test_the_top_level_alternatives_are_cut_outside_groups_classes_and_escapes(
    pattern: str, branches: list[str]
) -> None:
    assert initials._top_level_branches(pattern) == branches


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_the_speakers_scan_without_a_regions_head_is_the_same_where_none_is_named(
    text: str,
) -> None:
    low = initials.lowered(text)
    if "leader" not in low and "head" not in low:
        found = [(m.span(), m.lastgroup, m.group()) for m in sources._SPEAKER.finditer(text)]
        assert found == [
            (m.span(), m.lastgroup, m.group()) for m in sources._SPEAKER_NO_HEAD.finditer(text)
        ]
    assert all(
        "leader" in m.group().lower() or "head" in m.group().lower()
        for m in sources._SPEAKER.finditer(text)
        if m.lastgroup == "rhead"
    )


def test_without_branch_drops_one_top_level_alternative() -> None:
    pattern = re.compile(r"(?P<a>x(?:y|z))|(?P<b>w)|(?:^|,)(?P<c>v)")
    assert initials.without_branch(pattern, "b").pattern == r"(?P<a>x(?:y|z))|(?:^|,)(?P<c>v)"
    with pytest.raises(ValueError):
        initials.without_branch(re.compile(r"(?:(?P<a>x)|y)|z"), "a")
