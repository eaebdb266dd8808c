"""Tests on the reviewed data files of the extractor (fighterflows/data/*.yaml)."""

from __future__ import annotations

import calendar
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from fighterflows.extract import extract
from fighterflows.extract.assembly.copulas import measure_before, measure_of_no_people
from fighterflows.extract.mentions.dates import find_dates
from fighterflows.extract.mentions.flows import find_cues
from fighterflows.extract.mentions.groups import find_groups, find_zone
from fighterflows.extract.mentions.lexicon import (
    DATA,
    alternation,
    cohort_trait_regex,
    destination_regex,
    excluded_regex,
    gathering_regex,
    group_size_regex,
    group_strength_regexes,
    held_in_zone_regexes,
    load,
    passports_withdrawn_regexes,
    sends_others_away_regex,
    state_forces_regex,
    supplies_its_people_regex,
    total_predicate_regex,
    whole_words,
)
from fighterflows.extract.mentions.populations import head_after
from fighterflows.extract.mentions.sources import (
    find_attributions,
    named_sources,
    national_source,
    source_adjective,
    source_countries,
)
from fighterflows.model import Flow, Population
from fighterflows.places import find_places, place_name
from fighterflows.yamldata import parse


@pytest.mark.parametrize("name", ["flows", "populations", "sources", "groups"])
def test_data_file_is_a_mapping(name: str) -> None:
    assert isinstance(load(name), dict)


def _patterns(name: str) -> list[str]:
    data = load(name)
    out: list[str] = []
    for value in data.values():
        items = value.values() if isinstance(value, dict) else [value]
        for item in items:
            if isinstance(item, list):
                out.extend(p for p in item if isinstance(p, str))
    return out


@pytest.mark.parametrize("name", ["flows", "populations", "scopes", "dates"])
def test_every_pattern_is_a_string_that_compiles(name: str) -> None:
    for pattern in _patterns(name):
        assert isinstance(pattern, str), pattern  # YAML turns "a: b" into a mapping
        re.compile(pattern)


def test_flow_names_are_the_contract_flows() -> None:
    assert set(load("flows")["cues"]) == {f.value for f in Flow}


def test_population_names_are_the_contract_populations() -> None:
    assert set(load("populations")["people"]) == {p.value for p in Population}


def _aliases(name: str, key: str) -> Counter[str]:
    entries = load(name)[key]
    return Counter(a.lower() for e in entries for a in [e["name"], *e.get("aliases", [])])


@pytest.mark.parametrize(("name", "key"), [("sources", "sources"), ("groups", "groups")])
def test_each_alias_names_one_entry(name: str, key: str) -> None:
    counts = _aliases(name, key)
    assert [a for a, n in counts.items() if n > 1] == []


@pytest.mark.parametrize(
    ("text", "flow"),
    [
        ("have travelled", Flow.DEPARTED),
        ("came back", Flow.RETURNED),
        ("were repatriated", Flow.RETURNED),
        ("have died", Flow.KILLED),
        ("are held", Flow.DETAINED),
        ("remain", Flow.REMAINING),
        ("were convicted", Flow.PROSECUTED),
        ("moved on to", Flow.RELOCATED),
        ("fatalities among them", Flow.KILLED),
        ("slipped across the border into Syria", Flow.DEPARTED),
        ("have poured into Syria", Flow.DEPARTED),
        ("flew out of Khartoum to join", Flow.DEPARTED),
        ("fled to Syria", Flow.DEPARTED),
        ("gave themselves up", Flow.RETURNED),
        ("surrendered to the police", Flow.RETURNED),
        ("back from Syria", Flow.RETURNED),
        ("surrendered to the SDF", Flow.DETAINED),
        ("were martyred", Flow.KILLED),
        ("fell in battle", Flow.KILLED),
        ("are standing trial", Flow.PROSECUTED),
        ("were given prison terms", Flow.PROSECUTED),
        ("are on death row", Flow.PROSECUTED),
        ("prosecutors sent nine to trial", Flow.PROSECUTED),
        ("were beaten to death", Flow.KILLED),
        ("were sentenced to death", Flow.PROSECUTED),
        ("are left stranded in camps", Flow.DETAINED),
        ("remain confined in al-Hol", Flow.DETAINED),
        ("were sent to prison on arrival", Flow.DETAINED),
        ("a camp annex holding", Flow.DETAINED),
        ("continue to stay in", Flow.REMAINING),
        ("are in Syria today", Flow.REMAINING),
        ("are now in IS hands", Flow.REMAINING),
        ("were reunited with their families", Flow.RETURNED),
        ("were evacuated from Iraq back to", Flow.RETURNED),
        ("participating in conflicts abroad", Flow.DEPARTED),
        ("were taken from Russia to Syria", Flow.DEPARTED),
    ],
)
def test_cue_flows(text: str, flow: Flow) -> None:
    cues = [c for c in find_cues(text) if not c.stock]
    assert [c.flow for c in cues] == [flow]


@pytest.mark.parametrize(
    "text",
    [
        "could return",
        "plan to travel",
        "may come back",
        "have not returned",
        "never returned",
        "escaped",
        "were wounded",
        "crossed into Turkey",
        "fled to Turkey",
        "keeps delaying the repatriation of",
        "has put off bringing home",
        "stalled the return of",
    ],
)
def test_blocked_cues(text: str) -> None:
    cues = find_cues(text)
    assert cues and all(c.blocked for c in cues)


@pytest.mark.parametrize(
    "text",
    [
        "death row inmates",
        "the return of refugees",
        "a returning customer",
        "tried to travel",
        "have gone missing abroad",
        "held Belgian passports",
    ],
)
def test_words_that_are_no_cue(text: str) -> None:
    assert [c for c in find_cues(text) if not c.stock and not c.blocked] == []


@pytest.mark.parametrize(
    ("text", "sends_away"),
    [
        ("deported", True),
        ("has expelled", True),
        ("extradited", True),
        ("handed over", True),
        ("sent back", True),
        ("repatriated", False),
        ("brought home", False),
        ("transferred", False),  # "Sweden transferred seven orphans home": its own
        ("received", False),
    ],
)
def test_verbs_by_which_a_state_moves_others_people(text: str, sends_away: bool) -> None:
    assert bool(sends_others_away_regex().search(text)) is sends_away


@pytest.mark.parametrize(
    ("text", "supplies"),
    [
        ("Tunisia produced ", True),
        ("Belgium has supplied ", True),
        ("Russia has contributed ", True),
        ("Iran sent ", False),  # a state sends its forces
        ("Turkey deported ", False),
    ],
)
def test_verbs_by_which_a_country_gives_its_people(text: str, supplies: bool) -> None:
    assert bool(supplies_its_people_regex().search(text)) is supplies


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("according to the Soufan Group", "The Soufan Group"),
        ("the Soufan Center said", "The Soufan Center"),
        ("an estimate by the Radicalisation Awareness Network", "Radicalization Awareness Network"),
        ("according to ICSR", "International Centre for the Study of Radicalisation"),
        ("Europol reported", "Europol"),
        (
            "the UN Counter-Terrorism Committee Executive Directorate said",
            "UN Counter-Terrorism Committee Executive Directorate",
        ),
        ("the FBI said", "Federal Bureau of Investigation"),
        ("the Home Office said", "Home Office"),
    ],
)
def test_source_aliases(text: str, source: str) -> None:
    assert [s for _, s in named_sources(text)] == [source]
    assert [a.source for a in find_attributions(text)] == [source]


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("joined ISIS", "Islamic State"),
        ("joined ISIL", "Islamic State"),
        ("joined Daesh", "Islamic State"),
        ("joined the Islamic State", "Islamic State"),
        ("joined Jabhat al-Nusra", "al-Nusra Front"),
        ("fought with the YPG", "YPG/SDF"),
        ("fought for the SDF", "YPG/SDF"),
    ],
)
def test_group_aliases(text: str, group: str) -> None:
    assert [g.name for g in find_groups(text)] == [group]


def test_lower_case_is_not_the_islamic_state() -> None:
    assert find_groups("this is what it is") == []


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("went to Syria", "SYR"),
        ("went to Iraq", "IRQ"),
        ("went to Syria and Iraq", "syria-iraq"),
        ("went to Syria, then Iraq", "syria-iraq"),
        # the group's name is no zone, but the caliphate's territory is Syria and Iraq
        ("joined the Islamic State of Iraq and the Levant", "syria-iraq"),
        ("joined al-Qaeda", None),
        ("went to Turkey", None),
    ],
)
def test_zones(text: str, zone: str | None) -> None:
    assert find_zone(text, find_groups(text)) == zone


def test_offices_compile_and_government_is_one_of_them() -> None:
    offices = load("sources")["offices"]
    assert "government" in offices
    for name, aliases in offices.items():
        # the name is how the office is written after the country's adjective: a kind in
        # lower case ("police") or a ministry's title ("Ministry of Interior")
        assert (name == name.lower() or name.startswith("Ministry of ")) and aliases, name
        for alias in aliases:
            assert alias == alias.lower() and re.compile(alias), alias


@pytest.mark.parametrize(
    ("word", "office"),
    [
        pytest.param(
            "Belgian Ministry of the Interior", "Belgian Ministry of Interior", id="of-the"
        ),
        pytest.param("the Danish defense ministry", "Danish Ministry of Defence", id="spelling"),
        pytest.param(
            "the German intelligence services",
            "Federal Office for the Protection of the Constitution",
            id="services",
        ),
        pytest.param("U.S. officials", "United States authorities", id="united-states"),
        pytest.param(
            "the French Foreign Office", "French Ministry of Foreign Affairs", id="office"
        ),
    ],
)
def test_office_aliases(word: str, office: str) -> None:
    assert national_source(word) == office


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("(?:brings|takes) (?:back|home)", ["brings (?:back|home)", "takes (?:back|home)"]),
        (
            "(?:have |has )?(?:arrived|landed) home",
            [
                "have (?:arrived|landed) home",
                "has (?:arrived|landed) home",
                "arrived home",
                "landed home",
            ],
        ),
        ("(?:fl(?:own|ew)|airlifted) home", ["(?:fl(?:own|ew)|airlifted) home"]),
        ("returned", ["returned"]),
    ],
)
def test_a_leading_group_of_words_is_written_out(pattern: str, expected: list[str]) -> None:
    """Written out, each variant starts with a letter and joins that letter's branch of the
    alternation; the language it matches is the same."""
    from fighterflows.extract.mentions.lexicon import _expanded

    assert _expanded(pattern) == expected
    text = "they have landed home and brings back"
    whole = re.compile(pattern.replace(" ", r"\s+"))
    parts = re.compile("|".join(p.replace(" ", r"\s+") for p in expected))
    assert [m.group() for m in whole.finditer(text)] == [m.group() for m in parts.finditer(text)]


# The naming convention of docs/extraction-rules.md ("Source names"), checked on the data.
OFFICE_CASES = [
    ("the Belgian interior ministry", "Belgian Ministry of Interior"),
    ("Belgium's Ministry of Defence", "Belgian Ministry of Defence"),
    ("the Dutch justice minister", "Dutch Ministry of Justice"),
    ("the Swedish migration ministry", "Swedish Ministry of Migration"),
    ("the Bosnian Ministry of Security", "Bosnian Ministry of Security"),
    ("the French Foreign Office", "French Ministry of Foreign Affairs"),
    ("the Danish government", "Danish government"),
    ("the Uzbek security service", "Uzbek intelligence"),
    ("the Belgian federal police", "Belgian police"),
    ("the Kosovo prosecutor's office", "Kosovo prosecutor's office"),
    ("the Pakistani counter-terrorism agency", "Pakistani counter-terrorism agency"),
    ("Moroccan security services", "Moroccan security services"),
    ("Turkish security agencies", "Turkish security agencies"),
    ("German security authorities", "German authorities"),
    # a post names the body its holder speaks for (`title_words`, `offices`)
    ("the Australian attorney-general", "Australian Attorney-General's Department"),
    ("the British defence secretary", "British Ministry of Defence"),
    ("the Kazakh prosecutor-general", "Kazakh prosecutor's office"),
    ("Kyrgyzstan's procurator general", "Kyrgyz prosecutor's office"),
    ("the German chancellor", "German government"),
    ("the Tunisian prime minister", "Tunisian government"),
]


def test_title_words_are_lower_case_patterns() -> None:
    for title in load("sources")["title_words"]:
        assert title == title.lower() and re.compile(title), title


@pytest.mark.parametrize(("words", "name"), OFFICE_CASES)
def test_a_country_s_office_is_named_by_its_kind(words: str, name: str) -> None:
    assert national_source(words) == name


def test_every_office_kind_has_a_case() -> None:
    named = {name for _, name in OFFICE_CASES}
    for kind in load("sources")["offices"]:
        if kind == "intelligence service":
            continue  # named by `intelligence_services`, else "<adjective> intelligence"
        assert any(n.endswith(f" {kind}") for n in named), kind


def test_governments_are_the_adjective_and_government() -> None:
    for code, name in load("sources")["governments"].items():
        assert name == f"{source_adjective(code)} government", code


def test_intelligence_services_are_named_bodies_of_their_country() -> None:
    countries = source_countries()
    for code, name in load("sources")["intelligence_services"].items():
        assert countries.get(name) == code, (code, name)


def test_source_adjectives_are_for_countries() -> None:
    for code, adjective in load("sources")["source_adjectives"].items():
        assert place_name(code) and adjective[:1].isupper(), code


def test_bodies_that_count_the_world_are_national() -> None:
    """A body flagged `counts_the_world` (sources.yaml) is one country's office that speaks of
    the war's fighters as a whole: it has a country, and the flag is true or absent."""
    flagged = [e for e in load("sources")["sources"] if "counts_the_world" in e]
    assert flagged
    for entry in flagged:
        assert entry["counts_the_world"] is True and entry.get("country"), entry["name"]


def test_no_source_of_the_data_is_a_bare_level() -> None:
    """A body of the data is named, never raised to a level ("authorities", "government")
    unless the level is the body the gold names ("Kurdish authorities")."""
    levels = ("authorities", "government", "officials")
    for entry in load("sources")["sources"]:
        words = entry["name"].split()
        assert words[-1] not in levels or len(words) == 2, entry["name"]
        name = entry["name"]
        assert not name.lower().startswith("the ") or name.startswith("The "), name


@pytest.mark.parametrize(
    ("sentence", "announces"),
    [
        ("The interior ministry published new figures on Tuesday.", True),
        ("Police figures released on Monday paint a grim picture.", True),
        ("The government presented its annual report on Friday.", True),
        ("The report was released by the institute in March.", True),
        ("The ministry held a press conference on Tuesday.", False),
        ("The police released two suspects on Monday.", False),
    ],
)
def test_announcements_name_figures_made_public(sentence: str, announces: bool) -> None:
    """`announcements`: a verb of making public with a noun of figures, either order."""
    words = "|".join(p.replace(" ", r"\s+") for p in load("sources")["announcements"])
    assert bool(re.search(rf"\b(?:{words})\b", sentence, re.IGNORECASE)) is announces


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("The unit, set up in 2015, says", False),
        ("a centre that was opened in May 2016", False),
        ("the government, elected in 2018, says", False),
        ("the ministry, which began keeping records in 2012,", False),
        ("the 2015 law", False),
        ("its 2011 revolution and", False),
        ("the 2015 Southern Syria offensive", False),
        ("since the caliphate was declared in 2014", True),  # a start stays a start
        ("the 2019 figures", True),
        ("its 2016 report", True),
        ("were killed in 2015", True),
        ("brought home in April 2019", True),
    ],
)
def test_dates_of_other_events_are_left_out(text: str, kept: bool) -> None:
    """data/dates.yaml: the verbs and nouns whose dates are another event's."""
    assert bool(find_dates(text, "2020-01-01")) is kept


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("were killed in a single battle", True),
        ("an airstrike killed", True),
        ("their base was hit by a missile", True),
        ("died in an ambush", True),
        ("were killed in battles", False),
        ("were killed in airstrikes", False),
    ],
)
def test_combat_event_markers(text: str, found: bool) -> None:
    """data/scopes.yaml: combat_event names one battle, strike or attack, never several."""
    pattern = whole_words(alternation(load("scopes")["combat_event"]))
    assert bool(pattern.search(text)) is found


@pytest.mark.parametrize(
    ("name", "text", "found"),
    [
        ("several_operations", "were brought home in five operations", True),
        ("several_operations", "over a series of repatriation flights", True),
        ("several_operations", "in a single operation", False),
        ("several_operations", "on one flight", False),
        ("same_event", "At the same time, Denmark", True),
        ("same_event", "on the same flight", True),
        ("same_event", "in the same joint operation", True),
        ("same_event", "at the time of the fall of Baghouz", False),
        ("operation_verbs", "repatriated", True),
        ("operation_verbs", "brought home", True),
        ("operation_verbs", "returned", True),
        ("operation_verbs", "came back", False),
        ("operation_verbs", "went", False),
        ("headline_passive", "repatriated", True),
        ("headline_passive", "flown home", True),
        ("headline_passive", "joined", False),
        ("event", "in a complex operation", True),
        ("event", "as part of the same joint mission", True),
        ("event", "in five operations", False),
        ("event", "in a series of operations", False),
    ],
)
def test_operation_markers(name: str, text: str, found: bool) -> None:
    """data/scopes.yaml: one operation's words name one operation, never several."""
    pattern = whole_words(alternation(load("scopes")[name]))
    assert bool(pattern.search(text)) is found


@pytest.mark.parametrize(
    "text",
    [
        "The total is put at ",
        "The tally now stands at ",
        "the number of Austrians who went rose to ",
        "The count has remained stable at ",
        "their number is estimated at ",
        "The figure has reached ",
        "the death toll among them is ",
    ],
)
def test_total_predicates_state_a_measure_of_people(text: str) -> None:
    assert total_predicate_regex().search(text) is not None
    assert measure_before(text, len(text)) is not None
    assert not measure_of_no_people(text, len(text))


@pytest.mark.parametrize(
    "text",
    [
        "The number of arrests now stands at ",
        "the average age of the fighters is ",
        "The cost of the flights is put at ",
        "the number of victims of the bombing rose to ",
        "the death toll of the Paris attacks has risen to ",
    ],
)
def test_measures_of_something_else_than_people(text: str) -> None:
    assert measure_before(text, len(text)) is None
    assert measure_of_no_people(text, len(text))


@pytest.mark.parametrize(
    "text", ["Germany sent ", "they said 40 of them went back to ", "The number of "]
)
def test_no_measure_before_a_plain_figure(text: str) -> None:
    assert measure_before(text, len(text)) is None


@pytest.mark.parametrize("path", sorted(DATA.glob("*.yaml")), ids=lambda p: p.name)
def test_data_file_parses_as_with_pyyaml_safe_load(path: Path) -> None:
    # the extractor parses its data with libyaml where it can, for speed (fighterflows/yamldata.py);
    # a file that libyaml read otherwise than PyYAML's own parser would change the rules unseen
    text = path.read_text("utf-8")
    fast, plain = parse(text), yaml.safe_load(text)
    assert fast == plain
    assert repr(fast) == repr(plain)  # the same types and order, not only equal values


# Word lists the extractor's code reads as plain words (each joined into one alternation).
PLAIN_WORD_LISTS = [
    ("populations", "phrase_ends"),
    ("populations", "place_participles"),
    ("populations", "place_bound"),
    ("populations", "receiving_parties"),
    ("populations", "residence_participles"),
    ("dates", "weekdays"),
    ("dates", "reporting"),
    ("flows", "measure_nouns"),
    ("flows", "quantity_nouns"),
]


@pytest.mark.parametrize(("name", "key"), PLAIN_WORD_LISTS)
def test_plain_word_lists_are_lower_case_words_once_each(name: str, key: str) -> None:
    words = load(name)[key]
    assert words and all(re.fullmatch(r"[a-z]+", w) for w in words), words
    assert [w for w, n in Counter(words).items() if n > 1] == []


def test_a_place_participle_is_not_also_a_bound_word() -> None:
    data = load("populations")
    assert set(data["place_participles"]).isdisjoint(data["place_bound"])


def test_the_weekdays_are_in_the_calendar_s_order() -> None:
    assert load("dates")["weekdays"] == [d.lower() for d in calendar.day_name]


@pytest.mark.parametrize("day", load("dates")["weekdays"])
def test_a_weekday_dates_the_report(day: str) -> None:
    text = f"Officials said on {day.capitalize()} that 40 had returned."
    [found] = find_dates(text, "2020-03-12")
    assert found.text == f"on {day.capitalize()}" and found.iso is not None
    assert found.iso <= "2020-03-12"


@pytest.mark.parametrize(
    ("text", "head"),
    [
        ("About 300 fighters are back.", " fighters"),
        ("About 300 who left are back.", None),  # "who" ends the phrase: no head
        ("About 300 of them are back.", None),
        ("The count reached 40 last year.", None),  # a time after the figure is no noun of it
    ],
)
def test_phrase_ends_stop_the_head_of_a_number(text: str, head: str | None) -> None:
    pos = next(m.end() for m in re.finditer(r"\d+", text))
    found = head_after(text, pos, find_places(text))
    assert (found.text if found else None) == head


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("About 300 French fighters", "FRA"),
        ("About 300 French-trained fighters", None),  # trained there, not French people
        ("About 300 Belgian-born fighters", None),
    ],
)
def test_a_place_bound_to_a_participle_names_no_people(text: str, place: str | None) -> None:
    found = head_after(text, len("About 300"), find_places(text))
    assert found is not None
    assert (found.place.code if found.place else None) == place


@pytest.mark.parametrize(
    ("text", "of_people"),
    [
        ("the tally now stands at ", True),
        ("the number of returnees has risen to ", True),
        ("the number of arrests now stands at ", False),  # measures_of_no_people
        ("the average salary of the fighters is ", False),  # quantity_nouns
        ("the cost of the flights was put at ", False),
    ],
)
def test_measure_and_quantity_nouns(text: str, of_people: bool) -> None:
    assert (measure_before(text, len(text)) is not None) is of_people


# sources.yaml's word lists that the attribution scans are built from (each a list of
# lower-case words or small patterns, used whole between word boundaries)
SOURCE_WORD_LISTS = [
    "reporting_verbs",
    "figure_nouns",
    "by_name_ends",
    "lower_office_openers",
    "office_nouns",
    "lower_bodies",
    "team_nouns",
    "impersonal_participles",
    "estimating_verbs",
    "outlet_kinds",
    "outlet_words",
    "units",
]


@pytest.mark.parametrize("key", SOURCE_WORD_LISTS)
def test_source_word_lists_are_unique_lower_case_patterns(key: str) -> None:
    words = load("sources")[key]
    assert words and len(words) == len(set(words)), key
    for word in words:
        assert isinstance(word, str) and word == word.lower(), (key, word)
        re.compile(word)


@pytest.mark.parametrize(
    "verb", [v for v in load("sources")["reporting_verbs"] if v.isalpha()] + ["learnt", "learned"]
)
def test_every_reporting_verb_makes_its_subject_the_source(verb: str) -> None:
    text = f"The Soufan Center {verb} that 300 Belgians went to Syria."
    assert "The Soufan Center" in [a.source for a in find_attributions(text)]


@pytest.mark.parametrize(
    "noun", [n.rstrip("?s") if n.endswith("s?") else n for n in load("sources")["figure_nouns"]]
)
def test_every_figure_noun_takes_its_agent_as_the_source(noun: str) -> None:
    text = f"A {noun} by the Soufan Center found that 300 Belgians went to Syria."
    assert "The Soufan Center" in [a.source for a in find_attributions(text)]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # `lower_bodies` before a noun of figures
        ("Danish police figures show that 160 Danes left.", "Danish police"),
        ("Austrian interior ministry data suggest that 320 left.", "Austrian Ministry of Interior"),
        # `team_nouns`: an organisation's team or paper speaks
        ("A UN monitoring team reported that 800 had left.", "UN Security Council Monitoring Team"),
        # `reporting_verbs`: "learnt", but not an outlet's "learned from" (its source speaks)
        ("The BBC has learned from security sources that 400 had left.", None),
        # `capitals`: a capital speaks for its government
        ("Dushanbe says 1,900 Tajiks went to Syria.", "Tajik government"),
        ("Canberra believes 110 Australians remain in Syria.", "Australian government"),
        # `outlet_kinds`: the name after them is an outlet, which relays
        ("The Tunisian newspaper Assabah reported that 800 had left.", None),
    ],
)
def test_source_word_lists_in_use(text: str, source: str | None) -> None:
    found = [a for a in find_attributions(text) if not a.relay]
    assert (found[0].source if found else None) == source


def test_capitals_are_of_countries() -> None:
    for capital, code in load("sources")["capitals"].items():
        assert capital[:1].isupper() and place_name(code), capital


def test_office_names_are_what_the_country_s_office_is_called() -> None:
    """Each usual name is what "the <country> <office>" reads as (the office's first alias)."""
    offices = load("sources")["offices"]
    for office, names in load("sources")["office_names"].items():
        assert office in offices, office
        for code, name in names.items():
            # the alias without its optional words ("(?:federal |national )?police": "police")
            words = re.sub(r"\(\?:[^()]*\)\?", "", offices[office][0])
            assert national_source(f"the {place_name(code)} {words}") == name, code


@pytest.mark.parametrize(
    ("words", "strength"),
    [
        (" has ", True),
        (" is thought to have ", True),
        (" fields ", True),
        ("'s affiliate in Libya has ", True),
        (" once had, at its peak, ", True),
        (" recruited ", False),
        (" has sent ", False),
        (" could muster ", True),
        (" may have ", True),
        (" forces in Iraq and Syria now have ", True),
        (" could send ", False),
    ],
)
def test_group_strength_words(words: str, strength: bool) -> None:
    """The words from an armed group's name to the number of fighters it has (flows.yaml,
    group_strength)."""
    having, _ = group_strength_regexes()
    assert (having.fullmatch(words) is not None) is strength


@pytest.mark.parametrize(
    ("after", "trait"),
    [
        (" were converts", True),
        (" of them had a criminal record", True),
        (" have previous terrorism convictions", True),
        (" were gainfully employed before leaving", True),
        (" hold dual nationality", True),
        (" were known to the police", True),
        (" of them were married", True),
        (" from Kenya were unemployed", True),
        (" were women", False),
        (" were children", False),
        (" have returned", False),
        (" had been killed", False),
        (" of them were arrested", False),
        (" held Belgian passports", False),
    ],
)
def test_cohort_traits_are_what_people_were_or_had(after: str, trait: bool) -> None:
    """The predicate of a trait of a cohort's people, right after a figure (flows.yaml,
    cohort_traits); a population word or a flow is no trait."""
    assert (cohort_trait_regex().match(after) is not None) is trait


@pytest.mark.parametrize(
    ("after", "of_form", "withdrawn"),
    [
        (" Australians have been cancelled", True, True),
        (" Danes were revoked by the ministry", True, True),
        (" Belgians were found in Raqqa", True, False),
        (" Britons have had their passports seized", False, True),
        (" Germans had their passports confiscated", False, True),
        (" Dutch fighters held Dutch passports", False, False),
    ],
)
def test_passports_withdrawn(after: str, of_form: bool, withdrawn: bool) -> None:
    """The verbs of withdrawing passports (flows.yaml, passports_withdrawn), after "the
    passports of N …" or in "N … had their passports …"."""
    of, their = passports_withdrawn_regexes()
    pattern = of if of_form else their
    assert (pattern.match(after) is not None) is withdrawn


@pytest.mark.parametrize(
    ("before", "size"),
    [
        ("put its total membership as high as ", True),
        ("the group's manpower is estimated at about ", True),
        ("its fighting strength stands at ", True),
        ("the number of Tunisians is ", False),
        ("the group has recruited ", False),
    ],
)
def test_group_size_nouns(before: str, size: bool) -> None:
    """A noun of an armed group's size before its value (flows.yaml, group_strength.measures)."""
    assert (group_size_regex().search(before) is not None) is size


@pytest.mark.parametrize(
    ("after", "state"),
    [
        (" fought for the Syrian army", "Syrian"),
        (" have joined Ukraine's armed forces", "Ukraine"),
        (" in the Georgian Legion, a volunteer unit of the Ukrainian army", "Ukrainian"),
        (" fought for the Free Syrian Army", None),
        (" are fighting the Russian army", None),
        (" fighting alongside Kurdish forces", None),
    ],
)
def test_state_forces_words(after: str, state: str | None) -> None:
    """A state's forces as what people joined or serve in (flows.yaml, state_forces); the word
    before the forces is checked for a country by the rule; "the Free Syrian Army" is none."""
    found = state_forces_regex().search(after)
    word = (found.group("state") or found.group("unit_of")) if found else None
    assert word == state


@pytest.mark.parametrize(
    ("before", "gathering"),
    [
        ("told an audience of ", True),
        ("a crowd of some ", True),
        ("addressed a conference of ", True),
        ("a group of ", False),
        ("a total of ", False),
    ],
)
def test_gathering_words(before: str, gathering: bool) -> None:
    """The size of a gathering before its number (populations.yaml, gatherings); a group or a
    total of people is no gathering."""
    assert (gathering_regex().search(before) is not None) is gathering


@pytest.mark.parametrize(
    ("noun", "event"),
    [
        ("repatriations", True),
        ("operations", True),
        ("waves", True),
        ("aspects", True),
        ("returnees", False),
        ("people", False),
        ("women", False),
    ],
)
def test_event_nouns_are_excluded_heads(noun: str, event: bool) -> None:
    """Counts of events (populations.yaml, excluded) are no counts of people."""
    assert (excluded_regex().match(noun) is not None) is event


def test_group_strength_nouns_are_fighters() -> None:
    _, fighters = group_strength_regexes()
    assert fighters.search("about 30,000 fighters") and not fighters.search("30,000 civilians")


@pytest.mark.parametrize("key", ["attacks", "tolls"])
def test_attack_and_toll_words_are_patterns_of_one_word_each(key: str) -> None:
    """flows.yaml's attacks and tolls are regular expressions, each a noun with an optional
    plural; the two lists share none."""
    data = load("flows")
    assert set(data["attacks"]).isdisjoint(data["tolls"])
    for pattern in data[key]:
        word = re.sub(r"\\s\?|s\?$|\?", "", pattern)
        assert re.fullmatch(rf"(?:{pattern})", word, re.I), pattern
        assert not re.fullmatch(rf"(?:{pattern})", word + " fighters", re.I), pattern


@pytest.mark.parametrize(
    ("text", "victims"),
    [
        ("Among the 39 people killed in the Istanbul nightclub shooting were 27 foreigners.", True),
        ("Among the 39 people killed in the Istanbul nightclub were 27 foreigners.", False),
        ("Twelve Britons were among the 130 people killed in the Paris bombings.", True),
        ("About 40 Britons were killed fighting for the group in Syria.", False),
    ],
)
def test_an_attack_s_dead_are_no_fighters(text: str, victims: bool) -> None:
    from fighterflows.extract import stated_only
    from fighterflows.extract.document.reading import extract_text

    claimed = "The Islamic State claimed the attack. "  # the passage is about the conflict
    found = stated_only(extract_text(claimed + text, "2020-01-01", "case").estimates)
    assert (not found) is victims


@pytest.mark.parametrize(
    ("text", "held"),
    [
        ("Baghdad holds about 600 foreign women", True),
        ("the Syrian Democratic Forces have custody of 2,000 men", True),
        ("some 90 are in Iraqi prisons", True),
        ("women kept at al-Hawl", True),
        ("children in camps in north-east Syria", True),
        # near misses: custody at home, a handover, an event held in Iraq
        ("Turkish police have custody of 40 suspects", False),
        ("Belgium took custody of ten children", False),
        ("Iraq held elections", False),
    ],
)
def test_held_in_the_zone(text: str, held: bool) -> None:
    assert bool(held_in_zone_regexes()[0].search(text)) is held


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("accused of joining the Islamic State", True),
        ("suspected of having joined ISIS", True),
        ("accused of belonging to the group", True),
        ("suspected of fighting for ISIS", True),
        ("accused of financing terrorism", False),
        ("suspected of planning an attack", False),
    ],
)
def test_accused_of_joining(text: str, joined: bool) -> None:
    assert bool(held_in_zone_regexes()[1].match(text)) is joined


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("The SDF handed 20 women from Syria to a delegation from Tajikistan.", "TJK"),
        ("From Syria, the Kurds returned six orphans to the Danish authorities.", "DNK"),
        ("In Syria, Kurdish forces handed over 14 children to envoys of Kazakhstan.", "KAZ"),
        ("In Syria, Kurdish forces handed over 14 children to the Kazakh embassy.", "KAZ"),
    ],
)
def test_receiving_parties_name_the_state_people_are_handed_to(text: str, state: str) -> None:
    assert [e.place for e in extract(text, "2020-01-01", "case")] == [state]


def test_region_adjectives_are_of_listed_regions() -> None:
    regions = set(load("sources")["regions"])
    for region, adjective in load("sources")["region_adjectives"].items():
        assert region in regions and adjective[:1].isupper() and adjective != region, region


def test_spellings_are_one_word_two_ways_in_lower_case() -> None:
    for pair in load("sources")["spellings"]:
        assert len(pair) == 2 and pair[0] != pair[1], pair
        assert all(word == word.lower() and " " not in word for word in pair), pair


@pytest.mark.parametrize(
    ("before", "destination"),
    [
        ("the number drawn to ", True),
        ("others were lured to ", True),
        ("a few travelled on to ", True),
        ("some fled into ", True),
        ("21 made their way to Nangarhar province in ", True),
        ("others found their way to ", True),
        ("they went to fight in ", True),
        ("those who went back to ", False),
        ("fighters who went home to ", False),
        ("the government of ", False),
    ],
)
def test_verbs_that_make_a_country_a_destination(before: str, destination: bool) -> None:
    assert bool(destination_regex().search(before)) is destination


def test_a_residence_participle_is_also_a_place_participle() -> None:
    """ "America-based" binds the place word as the other participles do; only whose people
    they are changes."""
    data = load("populations")
    assert set(data["residence_participles"]) <= set(data["place_participles"]) | {"resident"}


def test_words_before_a_maker_s_name_and_before_of_are_lower_case_words() -> None:
    """`named_noun_openers` ("the latest X figures") and `words_of` ("the reply of X") are read
    before a capitalised name: a capital in them would take the name's first word."""
    words = load("sources")
    for key in ("named_noun_openers", "named_noun_extra", "words_of"):
        for word in words[key]:
            assert word == word.lower() and " " not in word, (key, word)


def test_gap_hedges_are_hedges_of_the_number_grammar() -> None:
    """The hedges rules read across ("brought back some 50") are hedges the number grammar
    itself reads before a figure, so the two never disagree on what a hedge is."""
    from fighterflows.extract.numbers.lexicon import data, gap_hedges, prefix_hedges

    listed = data()["gap_hedges"]
    assert listed and all(h in prefix_hedges() for h in listed)
    pattern = re.compile(rf"(?:{gap_hedges()})", re.I)
    assert all(pattern.fullmatch(h) for h in listed)
    assert pattern.fullmatch("at  least") and not pattern.fullmatch("another")
