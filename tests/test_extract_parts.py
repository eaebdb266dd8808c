"""The extractor's parts on their own: sentences, dates, cues, attributions."""

from __future__ import annotations

import pytest

from fighterflows.extract import extract
from fighterflows.extract.mentions.dates import Role, as_of_for, find_dates, since_for
from fighterflows.extract.mentions.sources import find_attributions
from fighterflows.extract.text.sentences import BlockKind, split


def test_sentences_keep_offsets_and_headings() -> None:
    text = "---\ntitle: x\n---\n## Norway\nAbout 70 left. Around 20 came back.\n\n- item 1\n"
    sentences = split(text)
    for s in sentences:
        assert text[s.start : s.end] == s.text
    kinds = [s.kind for s in sentences]
    assert kinds == [BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.PARAGRAPH, BlockKind.ITEM]
    assert sentences[1].heading == "Norway"


def test_a_sentence_may_start_with_a_number() -> None:
    text = "The brigade has up to 1,000 fighters in Syria. 158 Pakistani fighters were killed."
    assert [s.text for s in split(text)] == [
        "The brigade has up to 1,000 fighters in Syria.",
        "158 Pakistani fighters were killed.",
    ]


@pytest.mark.parametrize(
    ("text", "iso", "role"),
    [
        ("as of February 2017", "2017-02", Role.AS_OF),
        ("by March 2015", "2015-03", Role.AS_OF),
        ("in 2016", "2016", Role.AS_OF),
        ("on 28 September 2016", "2016-09-28", Role.AS_OF),
        ("on August 19, 2019", "2019-08-19", Role.AS_OF),
        ("since 2014", "2014", Role.SINCE),
        ("since the caliphate was declared in 2014", "2014", Role.SINCE),
        ("after the group proclaimed its caliphate in 2014", "2014", Role.SINCE),
        ("last month", "2017-09", Role.AS_OF),
        ("on Saturday", "2017-10-21", Role.AS_OF),
    ],
)
def test_dates(text: str, iso: str, role: Role) -> None:
    (d,) = find_dates(text, "2017-10-24")
    assert (d.iso, d.role) == (iso, role)


def test_between_two_dates_starts_and_ends_the_count() -> None:
    dates = find_dates("Between January 2012 and August 2018, 117 died.")
    assert since_for(dates) == "2012-01"
    assert as_of_for(dates, 38, 41) == "2018-08"


def test_percentages_and_counts_are_no_years() -> None:
    assert find_dates("2014% of 2,015 people") == []


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("German security authorities said 900 left.", "German authorities"),
        (
            "The Soufan Center's report quotes an estimate by the Radicalization Awareness Network",
            "Radicalization Awareness Network",
        ),
        ("Kata’ib Sayyid al-Shuhada announced the deaths of two", "Kata'ib Sayyid al-Shuhada"),
        (
            "The Russian security agency Federal Security Service in July 2013 estimated",
            "Federal Security Service",
        ),
    ],
)
def test_attribution_names(text: str, source: str) -> None:
    assert [a.source for a in find_attributions(text) if a.source][-1] == source


def test_generic_attribution_is_marked_for_resolution() -> None:
    (a,) = find_attributions("Around 500 Belgians have gone to Syria, the agency said.")
    assert (a.source, a.generic) == (None, "agency")


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("About 850 Britons went to Syria, said the Soufan Center.", "The Soufan Center"),
        (
            "Some 5,600 foreign fighters have returned home from Syria, per the Soufan Center.",
            "The Soufan Center",
        ),
        (
            '"Around 3,000 Tunisians are still out there in Syria," said the minister.',
            "Tunisian government",
        ),
        ("France has 1,700 nationals in Syria and Iraq, officials said.", "French authorities"),
    ],
)
def test_source_of_the_figure(text: str, source: str) -> None:
    (e,) = extract(text, "2019-06-01")
    assert e.source == source


def test_abbreviation_before_a_number_ends_no_sentence() -> None:
    text = "The camp in Syria holds approx. 400 Britons. Some 30 have returned."
    assert [s.text for s in split(text)] == [
        "The camp in Syria holds approx. 400 Britons.",
        "Some 30 have returned.",
    ]


def test_a_person_named_for_a_source_speaks_for_it_later() -> None:
    text = (
        "Ayob Khan, the counter-terrorism head of the Malaysian Special Branch, has confirmed "
        "that 11 Malaysians have returned from Syria. According to Ayob, 51 Malaysians remain "
        "in Syria."
    )
    assert [e.source for e in extract(text)] == ["Malaysian Special Branch"] * 2
