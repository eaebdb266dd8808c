"""Who a figure is attributed to: "according to X", "X said", "a report by X", "X's report",
"an estimate by X"; normalised through fighterflows/data/sources.yaml.

Generic references ("the report", "the study") resolve to the last source named with that
kind of noun in the document, else the last named source, else (a news lead: "according to a
new report" before the organisation is named) the next named source.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from fighterflows.extract.mentions import lexicon
from fighterflows.extract.mentions.groups import find_groups
from fighterflows.extract.mentions.lexicon import Gazetteer, Hit, alternation, fold, gazetteer, load
from fighterflows.initials import (
    compile_guarded,
    guarded,
    guarded_branches,
    lowered,
    without_branch,
)
from fighterflows.places import find_places, is_region, place_adjective, place_name
from fighterflows.trie import trie_pattern

_WORDS = load("sources")
# "the ministry said", "ICSR estimates": sources.yaml, `reporting_verbs`
_VERBS = alternation(_WORDS["reporting_verbs"])
# "a report by X", "interior ministry data": sources.yaml, `figure_nouns`
_NOUN = r"(?i:" + alternation(_WORDS["figure_nouns"]) + r")s?"
# the regions whose own offices speak for them ("Kerala police", "the Chechen leader"):
# sources.yaml, `regions`
_REGIONS = "(?i:" + alternation(_WORDS["regions"]) + ")"
# the words of a post before or after a person's name ("Attorney-General X", "the Defence
# Secretary"): sources.yaml, `title_words`
_TITLES = alternation(_WORDS["title_words"])
# Nouns that stand for a source named elsewhere in the document ("the center said").
_GENERIC = "(?:" + alternation(_WORDS["generic"]) + ")"
# "the figure reported by X", "a report published on Tuesday by X": the agent of a reporting
# participle
_PARTICIPLE = (
    r"\b(?:" + alternation(_WORDS["reporting_participles"]) + r")\s+"
    r"(?:(?:on|in|this|last|earlier|late|early|to)\s+(?:[\w-]+\s+){1,3}?)?"
)
# "the figures were provided by X", "these figures come from X": the passive or "come from"
# between the figures and their body
_BE = r"(?:(?:were|was|are|is|have\s+been|has\s+been|had\s+been)\s+)"
_COME = r"(?:(?:come|comes|came|are|is|were|was)\s+(?:(?:all|directly|originally)\s+)?(?=from\b))"
# "stated in the reply of X", "given in a statement of X": a body's words, then "of" (the
# nouns of sources.yaml `words_of`, before "of")
_WORDS_OF = "(?:" + "".join(rf"(?<=\b{w}\s)" for w in _WORDS["words_of"]).replace(")(", ")|(") + ")"
# where the name after "by" ends: a verb of the report, or punctuation
_BY_END = r"(?=\s+(?:" + alternation(_WORDS["by_name_ends"]) + r")\b|\s*[,.;(]|$)"
# an office spoken of without capitals: "the federal department of defence", "the interior
# ministry"
_LOWER_OFFICE = r"(?:" + alternation(_WORDS["lower_office_openers"]) + r")\s"
# A word of a name: capitalised, or an Arabic article and a name ("al-Shuhada").
_NAME_WORD = r"(?:[A-Z][\w'’.&-]*|(?:al|el|ad|as|ash|an)-[\w'’-]+)"
_ARTICLE = (
    # "a new report", "the latest government estimates", "a parliamentary report"
    r"(?:\b(?:[Aa]n?|[Tt]he)\s+(?:\d{1,2}\s+[A-Z]\w+\s+\d{4}\s+|(?:[a-z-]+\s+){0,2}))"
)
# The nouns of a country's offices, shared with the rule that a country's office speaks of
# its own people (around.py); the full names are in sources.yaml, `offices`.
OFFICE_NOUNS = alternation(_WORDS["office_nouns"])
_OFFICE = rf"(?i:{OFFICE_NOUNS})(?:\s+of\s+(?:the\s+)?[a-z]+(?:\s+affairs)?)?"
# a country's body said without capitals after its adjective ("Danish police figures")
_LOWER_BODY = r"(?:" + alternation(_WORDS["lower_bodies"]) + r")"
_ATTRIBUTION = re.compile(
    rf"(?P<by>(?:{_ARTICLE}?\b{_NOUN}\s+(?:{_BE}?{_PARTICIPLE}|{_COME})?|{_PARTICIPLE})"
    # "stated in the reply of the Ministry of …": the body whose words they are (`reply-of`)
    rf"(?:by|from|{_WORDS_OF}of)\s+"
    rf"(?P<by_x>(?:the\s+)?(?:[A-Z]|{_LOWER_OFFICE})[^,.;:()]{{1,80}}?)){_BY_END}"
    # "Source: Home Office", "(source: Europol)": a label naming where the figures come from
    r"|(?P<label>\b(?i:sources?)\s*:\s*(?P<label_x>(?:the\s+)?[A-Za-z][^.;:()\n]{1,80}?))"
    r"(?=\s*(?:[.;)]|$))"
    # a citation in brackets that closes the sentence: "(Ministry of Security, 2019)", "(Europol
    # 2018)", "[UN report]": the body cited (its year dates the citation, not the figure)
    r"|(?P<cite>[(\[](?P<cite_x>(?:the\s+)?[A-Z][^()\[\]\d;:]{1,60}?)"
    r"(?:,?\s+(?:19|20)\d\d[a-z]?\)|(?<=[^\s(])\]))(?=\W*$)"
    r"|(?P<acc>(?:\b(?i:according)\s+to|\bper(?=\s+(?:the\s+)?[A-Z]))\s+"
    r"(?P<acc_x>(?:[^,.;:()]|(?<=\b[A-Z])\.){2,130}?))"
    r"(?=\s*(?:[,;:()]|(?<!\b[A-Z])\.|\bthat\b|$))"
    # "has learned from security sources", "was told by officials": the ones who told
    r"|(?P<cit>\b(?i:citing|cites|cited|quoting|quotes\s+an\s+estimate\s+by|learn(?:ed|t)\s+from|"
    r"(?:was|were)\s+told\s+by)\s+(?P<cit_x>(?:the\s+)?"
    # "citing the Interior Ministry", and without capitals "citing a senior security official",
    # "citing figures from the interior ministry"
    r"(?:[A-Z]|(?:an?\s+)?(?:[a-z'’-]+\s+){0,3}?(?:security|government|"
    r"intelligence|counter-?terrorism|interior|foreign|justice|defen[cs]e|home|police|officials?|ministry|"
    r"prosecutors?|figures|data|statistics|estimates|agency|service)\b)[^,.;:()]{0,80}?))"
    r"(?=\s*[,.;:()]|\s+(?:that|who|which)\b|$)"
    # "a US-based security analysis group has said": a body described before the text names it
    # (`described-then-named`); "The report, titled “…”, finds": the paper's title between
    r"|(?P<gen>(?P<gen_x>\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Aa]n?)\s+(?:[A-Za-z-]+(?:'s|’s)?\s+){0,4}"
    + _GENERIC
    + r")(?:'s|’s)?"
    r"(?:,\s+(?:titled|entitled|called)\s+[\"“][^\"“”]{1,150}[\"”],?)?"
    r"\s+(?:(?:also|has|have|had|previously|earlier|recently|now)\s+){0,2}(?:" + _VERBS + r")\b)"
    r"|(?P<bycount>\b(?:[Bb]y|[Ii]n)\s+(?P<bycount_x>(?:the\s+)?(?:(?:[A-Z][\w.-]*\s+){0,5}"
    r"\w+(?:'s|’s)|its|their))\s+(?:own\s+|latest\s+|new\s+|most\s+recent\s+)?"
    r"(?:count|estimate|figures|tally)\b)"
    # "..., it said": the organisation the text has just named
    # "'We estimate that …,' he said": a quotation's "we" is its speaker
    # "he further went on saying that": the pronoun speaks on
    r"|(?P<pron>(?P<pron_x>\b(?:it|they|he|she|[Ww]e|(?:He|She|They)(?=\s+(?:further\s+)?went\s+on)))"
    r"\s+(?:also\s+|further\s+)?"
    r"(?:went\s+on\s+(?:saying|to\s+say)|said|says|reported|reports|"
    r"estimated|estimates|added|noted|found|counted|counts|wrote|told)\b)"
    r"|(?P<inv>\b(?:said|says|say|added|reported|reports|estimated|estimates|reveals|revealed|"
    r"confirmed|stated|states|noted|declared|announced|explained)\s+(?P<inv_x>(?:the\s+|an?\s+)?"
    # "reports the international organization The International Crisis Group": a body after
    # the kind it is (`inv-kind`)
    r"(?:(?:[a-z-]+\s+){0,2}?" + _GENERIC + r"\s+(?=[A-Z]))?"
    # "said the interior ministry", "says the federal prosecutor", "said the country's
    # interior minister": an office with up to two words of its kind before it
    r"(?:[A-Z][\w'’.&-]*|(?:(?:country(?:'s|’s)|(?!(?:and|or|of|that|who|which|on|in|at|by|for|"
    r"from|to|with|as|during|after|before|since|when|while)\b)[a-z-]+)\s+){0,2}?"
    r"(?:minister|ministry|government|officials?|spokes(?:man|woman|person)|"
    r"head|chief|director|leader|commander|prosecutors?|"
    r"police|authorities|agency|service|committee|report|study|researchers|authors))"
    r"(?:\s+[\w'’&-]+){0,10}?))"
    r"(?=\s*(?:[,.;(]|$))"
    r"|(?P<off>(?P<off_x>\b(?:[Oo]fficials|[Aa]uthorities|[Pp]olice|[Ii]nvestigators|[Pp]rosecutors|"
    r"[Mm]inisters?|[Dd]iplomats)|\b[Tt]he\s+(?:(?:interior|foreign|justice|defen[cs]e|home)\s+)?"
    r"(?:government|ministry|minister|authorities|police|country)"
    r"(?:\s+(?:of|for)\s+(?:the\s+)?[a-z]+(?:\s+affairs)?)?"
    # "the Dutch counter-terrorism coordinator said"
    # "the country's interior minister said", "the Attorney-General told"
    r"|\b[Tt]he\s+(?:country(?:'s|’s)\s+)?(?:[A-Z][\w.-]*\s+)?(?:[a-z-]+\s+){0,2}"
    r"(?i:co-?ordinator|commissioner|(?:prosecutor|procurator|attorney)[- ]general|prosecutor|"
    r"minister|secretary|director|head|chief|chancellor|premier|spokes(?:man|woman|person)|"
    r"ambassador|envoy)"
    r"(?:(?:'s|’s)\s+office)?"
    # "the authorities have put the number at"
    r")\s+(?:also\s+)?(?:(?:has|have|had)\s+)?"
    r"(?:" + _VERBS + r")\b)"
    r"|(?P<auth>(?P<auth_x>\b[A-Z][a-z]+(?:\s+[a-z]+){0,2}\s+(?:authorities|officials|police|"
    r"government|intelligence(?:\s+services?)?|security\s+services?|agenc(?:y|ies)|"
    r"(?<=\sstate\s)(?:media|television|TV|radio)))\s+"
    r"(?:also\s+)?"
    r"(?:" + _VERBS + r")\b)"
    r"|(?P<nat>(?P<nat_x>(?:\b[Tt]he\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}(?:'s|’s)?"
    r"(?:\s+[A-Za-z'’-]+){0,2}?\s+" + _OFFICE + r")\s+(?:also\s+|has\s+|have\s+|had\s+)?"
    r"(?:" + _VERBS + r")\b)"
    r"|(?P<offin>(?P<offin_x>\b(?:[Tt]he\s+)?(?:(?:deputy|first|acting|interior|justice|"
    r"foreign|defen[cs]e|home|security)\s+){0,2}(?i:officials|authorities|police|government|"
    r"ministry|minister|(?:prosecutor|procurator|attorney)[- ]general|president)\s+(?:in|of)\s+"
    # "the government of Trinidad and Tobago said": a country's name may have an "and"
    r"(?:the\s+)?[A-Z][\w.'’-]*(?:\s+(?:and\s+)?[A-Z][\w.'’-]*){0,2})"
    # "The government of Trinidad and Tobago has confirmed that …"
    r"\s+(?:also\s+)?(?:(?:has|have|had)\s+)?(?:" + _VERBS + r")\b)"
    r"|(?P<role>(?P<role_x>(?:\b[Tt]he\s+)?(?:[A-Z][\w'’.&-]*\s+){0,5}[A-Z][\w'’.&-]*)(?:'s|’s)\s+"
    r"(?:(?!(?:" + _VERBS + r")\b)[a-z-]+\s+){0,3}(?!(?:" + _VERBS + r")\b)[a-z-]+"
    r"(?:,[^,]{3,60},)?\s+(?:also\s+)?(?:" + _VERBS + r")\b)"
    r"|(?P<app>\b[Aa]n?\s+(?:[\w-]+\s+){0,3}?[\w-]+,\s+(?P<app_x>(?:[Tt]he\s+)?(?:"
    + _NAME_WORD
    + r"\s+|(?:of|for|the|and|de|on)\s+){0,9}?"
    + _NAME_WORD
    + r"),\s+(?:also\s+)?(?:"
    + _VERBS
    + r")\b)"
    # "The Ministry of National Security (MNS) of Azerbaijan said": its initials in brackets
    # inside a name (`initials-inside-name`)
    r"|(?P<subj>\*{0,2}(?P<subj_x>(?:\b[Tt]he\s+|\b[Aa]n?\s+)?(?:" + _NAME_WORD + r"\s+|"
    r"(?:of|for|the|and|de|on)\s+|\([A-Z][A-Za-z.]{1,9}\)\s+(?=of\s)){0,9}?"
    + _NAME_WORD
    + r"(?:'s|’s)?"
    r"(?:\s+(?:new\s+)?(?:report|study|estimate|survey|analysis))?(?:,[^,]{3,90},)?)\*{0,2}"
    r"(?:\s+\([A-Z][A-Za-z.]{1,9}\))?"
    # "the Program on Extremism at George Washington University says": the body, not its host
    # or the host's city
    r"(?:\s+at\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+|(?:of|for)\s+){0,4}[A-Z][\w'’.-]*"
    r"(?:\s+in\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?)?)?"
    r"(?:,\s*(?:which|who))?(?:\s+(?:in|on)\s+(?:\w+\s+){0,2}\d{4})?"
    r"\s+(?:(?:also|has|have|had|now|still|recently|previously|currently|later|earlier)\s+){0,2}"
    r"(?:" + _VERBS + r")\b)"
    rf"|(?P<poss>(?P<poss_x>{_ARTICLE}(?:report|study|estimate|survey|analysis|assessment)s?))\b"
    # "ICSR's figures", "Interior Ministry data", and without capitals, "interior ministry data"
    # "the Department of Foreign Affairs's figures", "Danish police figures": a name with its
    # linking words, and a country's office said without capitals after its adjective
    rf"|(?P<named>(?P<named_x>\b(?!(?:These|Those|This|That|Their|Its)\s)(?:(?:[A-Z][\w.'’-]+\s+(?:(?:of|for|and|the)\s+){{0,2}}){{0,4}}"
    rf"[A-Z][\w.'’-]+(?:\s+{_LOWER_BODY})?"
    rf"|(?i:interior|foreign|justice|defen[cs]e|home(?:\s+affairs)?)\s+(?:ministry|office|"
    rf"department)))(?:'s|’s)?\s+{_NOUN}\b"
    r"(?:\s+(?:also\s+)?(?:show|shows|showed|suggest|suggests|indicate|indicates|say|says))?)",
)
# Speakers named by their office or title: a separate, guarded scan, since their names may
# start anywhere before the title ("EU counter-terrorism coordinator ... told").
# posts that name a person by their place in a body ("the head of", "a commander")
_POSTS = alternation(_WORDS["posts"])
_SPEAKER = re.compile(
    # "a source in the State Security Service told Interfax", "sources in the security services
    # said", "an official at the interior ministry, speaking on condition of anonymity, said":
    # the body the source is in, not the agency it tells
    r"(?P<srcin>\b(?:[Aa]n?\s+|[Tt]he\s+)?(?:[a-z-]+\s+){0,2}?(?i:sources?|officials?|officers?|"
    r"insiders?)\s+(?:in|at|within|inside|close\s+to|from|with)\s+"
    # (not "officials in Denmark say": a place, the country's authorities, read below)
    r"(?P<srcin_x>(?!(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s+(?:also\s+)?(?:"
    + _VERBS
    + r")\b)(?:the\s+)?[^,.;:()\"“”]{2,60}?)(?:,[^,.;:]{3,60},)?\s+(?:also\s+)?"
    r"(?:" + _VERBS + r")\b)"
    # "a senior Iraqi official told AFP", "security sources said"
    r"|(?P<src>(?P<src_x>\b(?:[Aa]n?\s+|[Tt]he\s+)?(?:(?:senior|top|local|high-ranking|"
    r"security|government|intelligence)\s+)*(?:[A-Z][\w.-]*\s+){0,3}"
    # "a Finnish foreign ministry official told Reuters"
    r"(?:(?:security|government|foreign|interior|justice|defen[cs]e|home|ministry|police|"
    r"intelligence|counter-?terrorism)\s+){0,2}"
    r"(?:official|officials|sources?|diplomats?|" + _POSTS + r"))\s+(?:also\s+)?"
    r"(?:" + _VERBS + r")\b)"
    # "the deputy head of the Federal Security Service said", "a spokeswoman for the interior
    # ministry told reporters": the post's body speaks
    r"|(?P<postof>(?P<postof_x>\b(?:[Aa]n?|[Tt]he)\s+(?:[\w-]+\s+){0,2}?(?:officials?|"
    + _POSTS
    + r")\s+(?:of|for|at)\s+(?:the\s+)?[^,.;:()\"“”]{2,80}?)"
    # "The head of MI6, Alex Younger, said": the holder's name between commas
    + r"(?:,\s+[A-Z][\w'’-]+(?:\s+(?:[A-Z][\w'’-]+|de|van|von|bin|al-[\w'’-]+)){0,3},)?"
    + r"\s+(?:also\s+)?(?:"
    + _VERBS
    + r")\b)"
    # "EU counter-terrorism coordinator Gilles de Kerchove told the BBC": the office speaks
    # (at the start of the sentence or of a clause: the scan is slow where it may start anywhere)
    # "Chechen leader Ramzan Kadyrov said", "Head of Chechnya Ramzan Kadyrov wrote", "the head of
    # the Chechen Republic, Ramzan Kadyrov, told": a region's head named before their name
    # speaks for the region's government (`regions`; a party's or a group's "leader" is no
    # region's and stays a person)
    r"|(?P<rhead>(?P<rhead_x>(?:\b[Tt]he\s+)?(?:[a-z-]+\s+){0,2}?(?:"
    + _REGIONS
    + r")(?:'s|’s)?\s+(?i:leader|head)"
    r"|\b(?:[Tt]he\s+)?(?:[a-z-]+\s+){0,2}?(?i:leader|head)\s+of\s+(?:the\s+)?"
    r"(?:[\w'’-]+\s+){0,4}?(?:" + _REGIONS + r")(?:\s+(?i:republic))?)"
    r",?(?:\s+(?:[A-Z][\w'’-]+)){1,3},?\s+(?:also\s+|has\s+|had\s+)?(?:" + _VERBS + r")\b)"
    r"|(?:^|(?<=[,;:(“\"]\s)|(?<=[,;:(“\"]))"
    r"(?P<title>(?P<title_x>(?:\b[Tt]he\s+)?(?:(?:former|then|acting|outgoing)\s+)?"
    # "Bukit Aman Special Branch Counter Terrorism Division chief X": a long body's name
    r"(?:[A-Z][\w.'’-]*\s+){0,7}(?:[a-z-]+\s+){0,2}"
    r"(?i:" + _TITLES + r"))"
    # "Justice Minister X said", "The justice minister, X, said"
    r",?(?:\s+(?:[A-Z][\w'’-]+|de|van|von|bin|al-[\w'’-]+)){1,4},?\s+(?:also\s+)?"
    # "Foreign Secretary X has said"
    r"(?:(?:has|had|have)\s+(?:also\s+)?)?"
    r"(?:told|said|says|estimated|stated|announced|added)\b)"
)
# "X was quoted by Reuters as saying", "Reuters cited the minister as saying": X speaks, the
# agency relays (a separate scan, for sentences with "as saying" only)
_RELAY = re.compile(
    r"(?P<quoted>(?P<quoted_x>(?:\b[Tt]he\s+|\b[Aa]n?\s+)?(?:[\w'’-]+\s+){0,5}?[\w'’-]+)\s+"
    r"(?:was|were|is|has\s+been)\s+quoted\s+(?:by\s+[^,.;]{1,40}?\s+)?(?:[\w-]+\s+){0,4}?"
    r"as\s+saying)"
    r"|(?P<relay>\b(?:cited|quoted)\s+(?P<relay_x>(?:the\s+|an?\s+)?[^,.;:()]{1,60}?)\s+as\s+saying)"
)
# "a UN monitoring team reported", "an ICSR study found": an organisation's team or paper
_TEAM_NOUNS = alternation(_WORDS["team_nouns"])
_TEAM = re.compile(
    r"(?P<team>(?P<team_x>\b(?:[Aa]n?|[Tt]he)\s+(?:[A-Z][\w.&'’-]*\s+){1,4}(?:[a-z-]+\s+){0,2}"
    r"(?:" + _TEAM_NOUNS + r"))\s+(?:also\s+)?(?:" + _VERBS + r")\b)"
)
_SPEAKER_GUARD = re.compile(
    r"\b(?:official|officials|sources?|diplomats?|" + _TITLES + r"|" + _POSTS + r")\b",
    re.IGNORECASE,
)
# a capitalised name, then a team's or a paper's noun
_TEAM_GUARD = compile_guarded(r"\b[A-Z][\w.&'’-]*\s+(?:[\w-]+\s+){0,2}(?:" + _TEAM_NOUNS + r")\b")
_IMPERSONAL = compile_guarded(
    r"\b(?:is|are|was|were|been|it is|it was)\s+(?:\w+\s+)?(?:"
    + alternation(_WORDS["impersonal_participles"])
    + r")\b",
    re.IGNORECASE,
)
# "According to estimates", "some reports say", "estimates suggest": a paper's noun in the
# plural with no article, possessive or name, at most a word of `indefinite_quantifiers`
# before it, is no document of anyone's (`indefinite-papers`): the figure has no source, as
# "is believed" gives none ("according to official estimates" and "estimates by X" name their
# maker; "the estimates", "its reports" stand for one)
_INDEFINITE_WHO = (
    r"(?:(?i:" + alternation(_WORDS["indefinite_quantifiers"]) + r")\s+){0,2}"
    r"(?i:" + alternation(_WORDS["indefinite_papers"]) + r")"
)
_INDEFINITE_SAID = (
    _INDEFINITE_WHO + r"(?:\s*,|\s+"
    r"(?i:suggest|suggested|show|showed|indicate|indicated|say|said|put|claim|claimed)\b)"
)
# (searched after "according to", a comma or "that", behind a guard on their first characters;
# matched at the text's start: one regex with "^" among them had no guard to skip by)
_INDEFINITE = compile_guarded(r"(?:(?i:\baccording\s+to)\s+|[,;:]\s*|\bthat\s+)" + _INDEFINITE_SAID)
_INDEFINITE_FIRST = re.compile(_INDEFINITE_SAID)
# "German security authorities said": a nation's authorities or government as the source.
_NATIONAL = re.compile(
    # (not "Researchers and the police": two speakers, read one by one)
    r"(?:[Tt]he\s+)?(?!(?:The|A|An|Its|Their|This|That)\b)([A-Z][a-z]+)\s+"
    r"(?:(?!(?:and|or)\b)[a-z]+\s+){0,2}(authorities|officials|police|government|"
    r"intelligence|security\s+services?|agenc(?:y|ies))$"
)
_NATIONAL_KINDS = {"government": "government", "police": "police", "intelligence": "intelligence"}
# a capitalised word that names someone (not a sentence's first article or pronoun)
_CAPITAL = re.compile(r"\b(?!(?:The|A|An|This|That|These|Those|Its|Their|It|They)\b)[A-Z]")
# "Of Western Europe's estimated 5,000": a phrase after a preposition is no speaker
_PREPOSITION = re.compile(r"\s*(?:Of|In|For|From|With|At|On|As|Among|Out|By|To)\b")


def _speaker_named(who: str) -> bool:
    return bool(_CAPITAL.search(who)) and not _PREPOSITION.match(who)


_ARTICLE_ONLY = re.compile(r"\s*(?:(?:the|its|their|this|that)\s+)?", re.IGNORECASE)
# Every attribution has one of these words; a sentence without any is skipped at once.
_GUARD = re.compile(
    r"(?i:according|citing|cites|cited|quotes|tally|sources?\s*:|learn(?:ed|t)\s+from|told\s+by|"
    r"(?:'s|’s|its|their)\s+(?:own\s+)?count)"
    r"|\bper\s+(?:the\s+)?[A-Z]|\b(?:" + _VERBS + r"|" + _NOUN + r")\b"
    r"|\b(?:" + alternation(_WORDS["words_of"]) + r")\s+of\b"
    r"|[(\[][A-Z][^()\[\]]{1,70}[)\]]\W*$"
)
# The scans every sentence with numbers goes through, behind a lookahead for the characters
# their matches start with (initials.py): the same matches, found 20-40 % faster.
# A region's head named as the speaker ("Chechen leader X said") is the slowest kind to look
# for (~3/4 of the scan); each says "leader" or "head": the scan without it where neither is.
_SPEAKER_NO_HEAD = guarded(without_branch(_SPEAKER, "rhead"))
_SPEAKER, _TEAM, _SPEAKER_GUARD, _GUARD = map(guarded, (_SPEAKER, _TEAM, _SPEAKER_GUARD, _GUARD))
# and each kind of attribution behind one of its own: ~1.25x more
_ATTRIBUTION = guarded_branches(_ATTRIBUTION)
# words that make a capitalised name an organisation or a publication (sources.yaml)
# (behind a lookahead for its first characters, initials.py: every sentence of a document is
# searched for one, ~2x faster)
ORG_WORDS = guarded(
    re.compile(
        r"\b(?:"
        + trie_pattern([*_WORDS["organisation_words"], *_WORDS["publication_words"]])
        + r")\b"
    )
)
PUBLICATION_WORDS = re.compile(r"\b(?:" + "|".join(_WORDS["publication_words"]) + r")\b")


@dataclass(frozen=True, slots=True)
class Attribution:
    start: int
    end: int
    text: str
    source: str | None  # None: generic or unresolved
    generic: str | None  # the generic noun ("report") when the text names no source
    official: bool  # a government office or title: the government of the figure's place
    who: str = ""  # the words naming the source
    cited: bool = False  # "citing X", "quotes an estimate by X": X is quoted by another source
    # a news outlet that relays ("Interfax reported", "according to Reuters"): never the source
    # of a figure a body in the same sentence states
    relay: bool = False
    # the words say where the figures come from ("according to X", "citing X", "X's figures",
    # "data from X", "by X's count"), not only who speaks: over a person who speaks of them
    grounds: bool = False


# the attributions that say where the figures come from (see `Attribution.grounds`)
_GROUNDS = frozenset({"acc", "cit", "bycount", "by", "named", "label", "cite"})


@cache
def _sources() -> Gazetteer:
    return gazetteer([_spelled_both_ways(e) for e in load("sources")["sources"]])


def _spelled_both_ways(entry: dict[str, Any]) -> dict[str, Any]:
    """A body of the data with its names also in the other spelling of their words ("Centre"
    and "Center", "Defence" and "Defense"; sources.yaml, `spellings`)."""
    names = {
        fold(a) for a in [entry["name"], *entry.get("aliases", [])] if not lexicon.is_acronym(a)
    }
    for one, other in load("sources")["spellings"]:
        for a in list(names):
            names.add(re.sub(rf"(?<![\w-]){re.escape(one)}(?![\w-])", other, a))
            names.add(re.sub(rf"(?<![\w-]){re.escape(other)}(?![\w-])", one, a))
    return {**entry, "aliases": [*entry.get("aliases", []), *sorted(names)]}


@cache
def _known_names() -> frozenset[str]:
    return frozenset(e["name"] for e in load("sources")["sources"])


@cache
def world_counters() -> frozenset[str]:
    """The bodies whose figures of fighters named by no country count everyone who went
    (sources.yaml, `counts_the_world`): "the CIA says 15,000 fighters have gone"."""
    return frozenset(e["name"] for e in load("sources")["sources"] if e.get("counts_the_world"))


@cache
def source_countries() -> dict[str, str]:
    """The country of each national body among the sources ("Home Office" → GBR)."""
    return {e["name"]: e["country"] for e in load("sources")["sources"] if e.get("country")}


@cache
def _generic_regex() -> re.Pattern[str]:
    return compile_guarded(
        r"\b(" + alternation(load("sources")["generic"]) + r")s?\b", re.IGNORECASE
    )


@cache
def _official_regex() -> re.Pattern[str]:
    titles = alternation(load("sources")["official_titles"])
    return compile_guarded(r"\b(?:" + titles + r")\b", re.IGNORECASE)


def source_adjective(code: str) -> str:
    """The adjective a country's offices are named with ("Belgian"; "United States")."""
    adjectives: dict[str, str] = load("sources")["source_adjectives"]
    return adjectives.get(code) or place_adjective(code)


def government_name(code: str, name: str | None = None) -> str:
    """The normalised source for a country's government ("British government")."""
    governments: dict[str, str] = load("sources")["governments"]
    adjective = source_adjective(code) if not is_region(code) else None
    return governments.get(code) or f"{adjective or name or code} government"


@cache
def _offices() -> tuple[re.Pattern[str], dict[str, str]]:
    names: dict[str, str] = {}
    parts = []
    for k, (name, aliases) in enumerate(load("sources")["offices"].items()):
        names[f"o{k}"] = name
        parts.append(f"(?P<o{k}>{alternation(aliases)})")
    return compile_guarded(r"\b(?:" + "|".join(parts) + r")\b", re.IGNORECASE), names


# "Belgian federal police", "Belgium's Interior Ministry"; not "U.S. and Belgian authorities"
_BEFORE_OFFICE = re.compile(r"(?:'s|’s)?(?:\s+(?!(?:and|or|&)\b)[A-Za-z-]+){0,2}\s+")
_OFFICE_OF = re.compile(r"\s+(?:in|of)\s+(?:the\s+)?", re.IGNORECASE)
# "the (deputy) interior minister of Tajikistan": the office, whoever holds it
_LEADING_THE = re.compile(r"\s*(?:the\s+)?(?:(?:deputy|first|acting|vice)\s+)*", re.IGNORECASE)


def national_source(who: str) -> str | None:
    """A country's office, normalised: "the Belgian interior ministry", "Belgium's interior
    ministry", "officials in Belgium" → "Belgian Ministry of Interior", "Belgian authorities"."""
    pattern, names = _offices()
    office = pattern.search(who)
    if office is None or office.lastgroup is None:
        return None
    places = [p for p in find_places(who) if not is_region(p.code)]
    before = [
        p
        for p in places
        if _LEADING_THE.fullmatch(who[: p.start])
        and _BEFORE_OFFICE.fullmatch(who[p.end : office.start()])
        and not any(p.end <= q.start < office.start() for q in places)
    ]
    after = [
        p
        for p in places
        if _LEADING_THE.fullmatch(who[: office.start()])
        and _OFFICE_OF.fullmatch(who[office.end() : p.start])
        and not who[p.end :].strip()
    ]
    found = before or after
    if not found:
        return None
    return _office_name(names[office.lastgroup], found[0].code)


def _office_name(name: str, code: str) -> str:
    """A country's office under its one name: "German government", "Belgian interior
    ministry", the country's own name for its intelligence service or its ministry
    (sources.yaml, `intelligence_services`, `office_names`)."""
    if name == "government":
        return government_name(code, place_name(code))
    if name == "intelligence service":
        services: dict[str, str] = load("sources")["intelligence_services"]
        return services.get(code) or f"{source_adjective(code)} intelligence"
    usual: dict[str, dict[str, str]] = load("sources")["office_names"]
    return usual.get(name, {}).get(code) or f"{source_adjective(code)} {name}"


@cache
def _usual_names() -> dict[str, str]:
    """ "<adjective> <office>" → the country's usual name for that office ("Tajik Ministry of
    Interior" → "Tajik Ministry of Internal Affairs"; sources.yaml, `office_names`)."""
    usual: dict[str, dict[str, str]] = load("sources")["office_names"]
    return {
        f"{source_adjective(code)} {office}": name
        for office, names in usual.items()
        for code, name in names.items()
    }


def joint_source(who: str) -> str:
    """The offices of two countries speaking together, as the text names the countries and
    under the office's one name: "U.S. and Belgian officials" → "U.S. and Belgian
    authorities"."""
    pattern, names = _offices()
    office = pattern.search(who)
    if office is None or office.lastgroup is None:
        return who
    return f"{who[: office.start()].strip()} {names[office.lastgroup]}"


def office_of(who: str, code: str) -> str:
    """The office a generic reference names ("the country's interior ministry", "the domestic
    intelligence agency"), normalised for the country `code` the figure is about."""
    pattern, names = _offices()
    office = pattern.search(who)
    name = names[office.lastgroup] if office is not None and office.lastgroup else "government"
    return _office_name(name, code)


# An office named without its country: "the Department of Justice", "the Interior Ministry"
BARE_OFFICE = re.compile(
    r"(?:(?:Federal|National|State)\s+)?"
    r"(?:Department|Ministry|Office|Directorate|Bureau|Secretariat)\s+(?:of|for)\s+(?:the\s+)?"
    r"[A-Z][\w-]*(?:\s+(?:and\s+)?[A-Z][\w-]*){0,3}"
    r"|[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+(?:Ministry|Department)"
)


NATIONAL_BODY = re.compile(
    r"^(?:State|National|Federal|General|Central)\b.*\b(?:Service|Committee|Agency|Directorate|"
    r"Bureau|Council|Office|Police|Authority)(?:\s+(?:for|of|on)(?:\s+[A-Z][\w-]*)+)?$"
)


def national_named(code: str, source: str) -> str | None:
    """ "the Department of Justice" speaking of Irish people (`code` "IRL"): the "Irish
    Department of Justice" (the data's name for it where it knows one)."""
    adjective = source_adjective(code)
    hits = _sources().finditer(f"{adjective} {source}")
    if hits and hits[0].start == 0:
        return hits[0].name
    # "Police said", "according to Interior Ministry figures": the office of the figure's country
    # under its one name ("Tajik Ministry of Interior", whatever the capitals)
    pattern, names = _offices()
    office = pattern.fullmatch(source)
    if office is not None and office.lastgroup is not None:
        # "the State Security Service" of Azerbaijanis: the country's intelligence service
        return _office_name(names[office.lastgroup], code)
    unknown = source not in source_countries() and source not in _known_names()
    if unknown and BARE_OFFICE.fullmatch(source):
        return f"{adjective} {source}"  # "the Department of Justice" of Irish people
    # a body with a name of its own ("the National Investigation Agency", "the Central Bureau
    # of Judicial Investigations") keeps it, at the level the text names it
    return None


_NAME_POSSESSIVE = re.compile(r"(?<=\w)(?:'s|’s)$|(?<=s)['’]$")


# (asked for each figure of a source, most of them named again and again: the last few kept)
@lru_cache(maxsize=256)
def canonical(source: str) -> str:
    """A source under the data's one name for it: "Russian defence ministry" (an office read
    from its words) is the "Russian Ministry of Defence"."""
    # "the Armed Forces' figures", "the Network’s data": a trailing possessive is no part of the
    # name (`possessive-end`)
    source = _NAME_POSSESSIVE.sub("", source)
    hits = _sources().finditer(source)
    whole = len(hits) == 1 and hits[0].start == 0 and hits[0].end == len(source)
    return hits[0].name if whole else _usual_names().get(source, source)


_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,7}")
# "the State Committee for National Security (GKNB)": a name, then its initials in brackets
_NAME_WORDS = r"(?:[A-Z][\w'’-]*|of|for|the|and|on|against|de)"


def is_acronym(source: str) -> bool:
    """A source known only by its initials ("NACTA", "GKNB")."""
    return bool(_ACRONYM.fullmatch(source)) and source not in _known_names()


def spelled_out(text: str, acronym: str) -> str | None:
    """The name a text gives its initials ("The National Counter Terrorism Authority
    (NACTA)" → "National Counter Terrorism Authority"), normalised through the data."""
    m = re.search(
        rf"\b((?:[A-Z][\w'’-]*\s+)(?:{_NAME_WORDS}\s+){{0,8}}[A-Z][\w'’-]*)\s+\(\s*{acronym}\s*\)",
        text,
    )
    if m is None:
        return None
    name = re.sub(r"^(?:The|A|An)\s+", "", m.group(1))
    return canonical(name) if len(name.split()) > 1 else None


def named_sources(text: str) -> list[tuple[int, str]]:
    """(offset, source) of each source the text names, attributions or not."""
    return [(hit.start, hit.name) for hit in _named_in(text)]


def source_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, source) of each source the data knows in the text."""
    return [(hit.start, hit.end, hit.name) for hit in _named_in(text)]


# A sentence without figures is scanned for its sources when its facts are gathered, and again
# when the document's sources are listed (reading.py): a document's sentences' hits are kept
# for the second scan (a bounded cache, not a corpus's)
@lru_cache(maxsize=512)
def _named_in(text: str) -> tuple[Hit, ...]:
    return tuple(_sources().finditer(text))


def find_attributions(text: str) -> list[Attribution]:
    """The attributions stated in one sentence, in order."""
    if not _GUARD.search(text):
        return []  # most sentences attribute nothing: one cheap scan says so
    # a name runs on over a line break inside its paragraph ("the Armed Forces'\nPacific
    # Command said"): read it as a space, which keeps every offset (`line-break-name`)
    original, text = text, text.replace("\n", " ")
    out: list[Attribution] = []
    matches = list(_ATTRIBUTION.finditer(text))
    speakers = []
    if _SPEAKER_GUARD.search(text):
        low = lowered(text)
        scan = _SPEAKER if "leader" in low or "head" in low else _SPEAKER_NO_HEAD
        speakers = list(scan.finditer(text))
    if _TEAM_GUARD.search(text):
        speakers += _TEAM.finditer(text)
    if "as saying" in text:
        speakers += _RELAY.finditer(text)
    if speakers:
        # a title's speaker takes the place of an attribution inside it ("... coordinator
        # Gilles de Kerchove told" over "Gilles de Kerchove told")
        inside = [
            m
            for m in matches
            if any(s.start() <= m.start() and m.end() <= s.end() for s in speakers)
        ]
        # "TASS quoted the deputy foreign minister as saying": the one quoted speaks, not the
        # agency whose verb the quotation shares
        relayed = [s for s in speakers if s.lastgroup in ("relay", "quoted")]
        matches = [
            m
            for m in matches
            if m not in inside
            and not any(r.start() < m.end() and m.start() < r.end() for r in relayed)
        ]
        matches += [
            s
            for s in speakers
            if not any(s.start() < m.end() and m.start() < s.end() for m in matches)
        ]
        matches.sort(key=lambda m: m.start())
    inner = _cited_inside(text, matches)
    if inner:
        matches = sorted([*matches, *inner], key=lambda m: m.start())
    for m in matches:
        kind = m.lastgroup or ""
        who = m.group(kind + "_x") if kind + "_x" in m.re.groupindex else m.group()
        if kind == "role":
            who = _possessed(m.group(), who)
            said = _TRAILING_VERB.sub("", m.group())
            if find_places(who) and _official_regex().search(said[len(who) :]):
                who = said  # "Morocco's interior minister said": the minister's office

        if kind in _SUBJECTS and _a_place_after_preposition(text, m.start(), who or ""):
            # "fighting in Syria estimates show": a place is no speaker; but "… in Iraq and
            # Syria, including the ISIS, says the Kosovar Centre …": the speaker after the verb
            verb = _TRAILING_VERB.search(m.group())
            if verb is not None:
                again = _ATTRIBUTION.match(text, m.start() + verb.start() + 1)
                if again is not None and again.lastgroup == "inv":
                    matches.append(again)
                # "In Azerbaijan the authorities say": the speaker after the place
                rest = _AFTER_PLACE.match(who or "")
                if rest is not None and rest.end() < len(who or ""):
                    again = _ATTRIBUTION.match(text, m.start() + rest.end())
                    if again is not None and again.lastgroup in ("off", "nat", "subj"):
                        matches.append(again)
            sitting = _BODY_BEFORE_PLACE.search(text, 0, m.start())
            if sitting is None or not ORG_WORDS.search(sitting["name"]):
                continue
            # "the Atlantic Initiative from Sarajevo says": the body the place follows speaks
            # (`capital-after-preposition`)
            at = sitting.start("name")
            found = _attribution(at, m.end(), text[at : m.end()], sitting["name"])
            if found.source or found.generic or found.official:
                out.append(found)
            continue
        found = _attribution(m.start(), m.end(), m.group(), who or "")
        if found.generic in _BODY_KINDS and find_groups(text[: m.start()]):
            # "… joined ISIL before the group declared its caliphate", "…, the group said in a
            # video": the armed group the sentence names, no source (`armed-group-speaks-not`)
            continue
        if kind in _SUBJECTS and (post := _cut_post(text, m)) is not None:
            found = post
        if kind in _SUBJECTS or kind == "off":
            found = _first_of_joint(text, found)
        if found.generic == "person" and found.who.lower() == "we" and not _QUOTED.search(text):
            # "we" outside a quotation: the text's own authors, no one named before
            found = dataclasses.replace(found, generic=None)
        if not found.source and (body := possessor_body(text, m.start(), m.end())) is not None:
            found = dataclasses.replace(found, source=body, generic=None, official=False)
        if not (found.source or found.generic or found.official):
            found = _apposed(text, found)
        if not (found.source or found.generic or found.official):
            found = _described_outlet(text, found)
        if not (found.source or found.generic or found.official):
            found = _reporting_title(found)
        if not (found.source or found.generic or found.official):
            found = _post_before_initials(text, m.start(), found)
        if kind in _GROUNDS:
            found = dataclasses.replace(found, grounds=True)
        if kind == "cit":
            found = dataclasses.replace(found, cited=True)
        elif kind == "acc" and _SAID_BEFORE.search(text, 0, m.start()):
            # "Mahmoud said according to French agency", "…, the spokesman told reporters,
            # according to AP": the words after a verb of saying report the saying, never the
            # figure's source; the one who said speaks (`said-according-to`)
            continue
        elif _relays(found):
            found = dataclasses.replace(found, relay=True)
        if found.source or found.generic or found.official or _speaker_named(found.who):
            out.append(found)
    if original != text:
        # the words as the text has them, its line break kept
        out = [dataclasses.replace(a, text=original[a.start : a.end]) for a in out]
    return out


# a name's initials in brackets before the rest of the name (`initials-inside-name`)
_INITIALS_INSIDE = re.compile(r"\s+\([A-Z][A-Za-z.]{1,9}\)(?=\s+of\s)")
# the kinds of body an armed group is too ("the group", "the organisation")
_BODY_KINDS = frozenset({"group", "organisation", "organization"})


# A post's title whose words run on over commas to the speaker's name ("Coordinating Minister
# for Legal, Political and Security Affairs X said"): the subject the scan found after the
# last comma is the post's tail and a person's name, never a body (`cut-post`)
# the title of such a post up to its first comma: "Coordinating Minister for Legal"
_LONG_POST_HEAD = (
    r"\b(?i:" + _TITLES + r")\s+(?:for|of)\s+(?:the\s+)?[A-Z][\w'’-]*"
    r"(?:\s+(?:[A-Z][\w'’-]*|for|of|the|and))*"
)
_POST_BEFORE = compile_guarded(
    _LONG_POST_HEAD + r"(?:,\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)*,\s+(?:and\s+)?$"
)


def _cut_post(text: str, m: re.Match[str]) -> Attribution | None:
    """The post a subject continues (`_POST_BEFORE`): the office of the figure's country, as
    its title says ("Minister for Legal, Political and Security Affairs" → the government)."""
    inner = (m.lastgroup or "") + "_x"
    at = m.start(inner) if inner in m.re.groupindex else m.start()
    post = continued_post(text, at)
    if post is None:
        return None
    return Attribution(m.start(), m.end(), m.group(), None, None, True, text[post:at])


def continued_post(text: str, at: int) -> int | None:
    """Where the post starts whose title's words run on to offset `at` ("Coordinating Minister
    for Legal, " before "Political and Security Affairs X"), if they do (`cut-post`)."""
    post = _POST_BEFORE.search(text, max(0, at - 120), at)
    return None if post is None else post.start()


# a quotation mark: a "we" inside a quotation is its speaker's
_QUOTED = re.compile(r"[\"“”]")
# ", citing police sources,": an outlet's source, inside the words naming the outlet
_CITING_INSIDE = re.compile(
    r"(?<=, )(?P<cit>(?:citing|quoting|(?:which|who)\s+(?:has\s+|had\s+)?"
    r"(?:reviewed|obtained|saw|seen|analy[sz]ed|cited|quoted))\s+(?P<cit_x>(?:the\s+|an?\s+)?[^,]{2,60}?))(?=\s*,)"
)
# "…, which reviewed Pentagon data, …": an outlet's relative clause naming whose data it saw
_SAW_DATA = re.compile(
    r"\b(?:which|who)\s+(?:has\s+|had\s+)?(?:reviewed|obtained|saw|seen|analy[sz]ed|cited|quoted)\b"
)


def _cited_inside(text: str, matches: list[re.Match[str]]) -> list[re.Match[str]]:
    """ "Belgrade daily Politika, citing police sources, put the number at": the source the
    outlet cites, found inside the words of the outlet's own attribution."""
    out: list[re.Match[str]] = []
    for m in matches:
        if "citing" in m.group() or "quoting" in m.group() or _SAW_DATA.search(m.group()):
            out += _CITING_INSIDE.finditer(text, m.start(), m.end())
    return out


_TRAILING_VERB = re.compile(r"\s+(?:also\s+)?(?:" + _VERBS + r")$")
# the attributions whose speaker is the capitalised words before a verb, and the prepositions
# of place that make those words a place ("who went to fight in Syria estimates show")
_SUBJECTS = frozenset({"subj", "nat", "auth", "named", "role"})
_PLACE_AFTER_PREPOSITION = re.compile(
    r"\b(?:in|into|to|from|across|inside|throughout|towards?|near)\s+$", re.IGNORECASE
)


# "Germany's BfV and the federal police say": the second of two subjects joined by "and"
_AND_BEFORE = re.compile(r"\s+and\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}$")


def _first_of_joint(text: str, found: Attribution) -> Attribution:
    """Two bodies that speak together, the first named by the data ("Germany's BfV and the
    federal police say", "Europol and national police estimate"): the first, as with "according
    to X and Y"."""
    joined = _AND_BEFORE.search(text, max(0, found.start - 40), found.start)
    if joined is None:
        return found
    hits = [h for h in _sources().finditer(text[: joined.start()]) if h.end == joined.start()]
    if not hits:
        return found
    words = text[hits[-1].start : found.end]
    return Attribution(hits[-1].start, found.end, words, hits[-1].name, None, False, words)


def _a_place_after_preposition(text: str, start: int, who: str) -> bool:
    """ "… to fight in Syria estimates show": the words a verb follows are a place after a
    preposition, no one who speaks."""
    lead = _PREPOSITION_LEAD.match(who)
    if lead is None and not _PLACE_AFTER_PREPOSITION.search(text, 0, start):
        return False
    at = lead.end() if lead is not None else 0
    # a capital is a place too ("the Atlantic Initiative from Sarajevo says", "a think tank in
    # Moscow estimates"): the city where the speaker sits, never its government
    # (`capital-after-preposition`)
    return any(p.start == at for p in find_places(who)) or who[at:].strip() in _capitals()


# a body's name right before the preposition of a place ("the Centre for Security Studies in
# Sarajevo estimates")
_BODY_BEFORE_PLACE = re.compile(
    r"(?P<name>[A-Z][\w'’.&-]*(?:\s+(?:(?:of|for|the|and|on|against)\s+){0,2}[A-Z][\w'’.&-]*){0,6})"
    r"\s+(?:in|from|at|of|based\s+in)\s+$"
)
# "In Azerbaijan the authorities say": a place after a preposition, then its speaker
_AFTER_PLACE = re.compile(r"(?:In|in)\s+(?:[A-Z][\w'’-]*\s+){1,3}?(?=(?:the|its|[A-Z])\w*\s)")
# "… have left for Iraq and Syria, including women, says X": the words a verb follows open
# with a preposition of place
_PREPOSITION_LEAD = re.compile(
    r"(?:in|into|to|for|from|across|inside|throughout|towards?|near)\s+(?:the\s+)?", re.IGNORECASE
)


# "the chief of the Kyrgyz police": the body whose post it is
_TITLE_OF = re.compile(
    rf"^\s*(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){{0,2}}?(?:{_POSTS}|officials?)\s+(?:of|for|at)\s+",
    re.IGNORECASE,
)
# "according to Rustam Nazarov, the head of the drug control agency": a person's post in a body,
# apposed to the person's name
_APPOSED_POST = re.compile(
    rf",\s+(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){{0,2}}?(?i:{_POSTS})\s+(?:of|at|for|with|in)\s+"
    r"(?P<body>(?:the\s+)?[^,.;:()]{2,90}?)(?=\s*(?:[,.;:()]|\bthat\b|$))"
)


# the same post inside the words of a subject ("X, the head of Y, said")
_POST_IN_WHO = re.compile(
    rf",\s+(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){{0,2}}?(?i:{_POSTS})\s+(?:of|at|for|with|in)\s+"
    r"(?P<body>(?:the\s+)?[^,]{2,90}?),?\s*$"
)


# a person's relative clause naming the body they head or work for
_WHO_HEADS = re.compile(
    r",\s+who\s+(?:heads|leads|directs|runs|chairs|works\s+(?:for|at)|"
    rf"is\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){{0,3}}?(?i:{_POSTS})\s+(?:of|at|for|with|in))\s+"
    r"(?P<body>(?:the\s+)?[^,]{2,90}?),?\s*$"
)


def _possessed(said: str, who: str) -> str:
    """ "The UN's counter-terrorism directorate says": the whole name where the data knows it,
    else the possessor ("The Soufan Center's director said" → the Soufan Center)."""
    hits = _sources().finditer(said)
    whole = hits and hits[0].start < len(who) < hits[0].end
    return said[: hits[0].end] if whole else who


# "said Gerard Collomb, the interior minister", "according to X, Belgium's justice minister":
# a post without a body named after it, the post's office of the country it names or the
# figure's
_APPOSED_TITLE = re.compile(
    r",\s+(?P<post>(?:(?:the|a|an)\s+)?(?:country(?:'s|’s)\s+|[A-Z][\w.'’-]*(?:'s|’s)?\s+)?"
    r"(?:[a-z-]+\s+){0,2}?(?i:" + _TITLES + r"))(?=\s*(?:[,.;:()]|$))"
)


def _apposed(text: str, found: Attribution) -> Attribution:
    """A speaker named by their name alone, whose post in a body follows after a comma: the
    body speaks ("according to Antti Pelttari, chief of the Finnish Security Intelligence
    Service"); a post alone, the office it names ("said X, the interior minister")."""
    post = _APPOSED_POST.match(text, found.end)
    if post is None:
        title = _APPOSED_TITLE.match(text, found.end)
        if title is None or not _official_regex().search(title["post"]):
            return found
        words = text[found.start : title.end()]
        office = _attribution(found.start, title.end(), words, title["post"])
        return office if office.source or office.official else found
    words = text[found.start : post.end()]
    body = _attribution(found.start, post.end(), words, post["body"])
    if body.source or body.official:
        return body
    # "according to X, president of Tajikistan": a country's post, its office
    country_office = national_source(text[post.start() : post.end()].lstrip(", "))
    if country_office is not None:
        return dataclasses.replace(body, source=country_office)
    name = _LEADING_THE.sub("", post["body"].strip(), count=1)
    if _BODY_NAME.fullmatch(name) and not find_places(name):
        # "said Heidi De Pauw, head of Child Focus": a body the post names, by its own name
        return dataclasses.replace(body, source=name)
    return found


# an appositive or relative clause after a name: "X, a Brussels-based think tank,", "X, which
# advises the government,"
_APPOSITIVE = re.compile(r",\s+(?:which|who|whose|a|an|the|one|itself|based)\b[^,]*,?\s*$")
# "according to police data", "Kosovo police reports": the body whose figures they are (not
# "the report", a generic noun of its own)
_DATA_AFTER = re.compile(
    r"(?<=\w)(?<!\bthe)(?<!\bits)(?<!\btheir)(?<!\bthese)\s+(?:figures|data|statistics|"
    r"numbers|records|estimates|reports)$",
    re.IGNORECASE,
)
# "according to data the Interior Ministry has released", "Figures the ministry published show",
# "a report that the police compiled": the body of the relative clause after the noun of the
# figures (never the words "has released" nor the noun with it)
_RELATIVE_AGENT = re.compile(
    r"^\s*(?:(?:the|a|an|new|latest|recent|official|its|their)\s+){0,3}"
    + _NOUN
    + r"\s+(?:that\s+|which\s+)?(?P<agent>(?:the\s+)?[A-Za-z][^,;:]*?)"
    r"(?:\s+(?:(?:has|have|had|recently|just|also|now|earlier)\s+){0,2}"
    r"(?:released|published|compiled|presented|provided|gathered|collected|issued|shared|"
    r"made\s+public|gave|given|put\s+out|keeps?|kept|holds?|held))?\s*$",
    re.IGNORECASE,
)
# "the Department of Foreign Affairs's (figures)": the body, not its possessive
_POSSESSIVE_END = re.compile(r"(?<=\w)(?:'s|’s)$")
# "a spokesman for the Tunisian Ministry of Interior": the body
_LEADING_PREPOSITION = re.compile(r"^\s*(?:for|of|at|from)\s+(?=the\s)", re.IGNORECASE)
# "figures cited by the Albanian police": the agent of the figures is who speaks
_AGENT = re.compile(
    rf"^.*?\b(?:{_NOUN}\s+)?{_PARTICIPLE}(?:by|from)\s+|^.*?\b{_NOUN}\s+(?:by|from)\s+"
)


# a post of an office after a person's name, inside the words of a subject ("Ahmed Hamdi, the
# Tunisian foreign minister,"; "X, Kazakhstan's deputy interior minister,")
_TITLE_IN_WHO = re.compile(
    r"^[^,]+,\s+(?P<post>(?:(?:the|a|an)\s+)?(?:country(?:'s|’s)\s+|[A-Z][\w.'’-]*(?:'s|’s)?\s+)?"
    r"(?:[a-z-]+\s+){0,2}?(?i:" + _TITLES + r")),?\s*$"
)
# a unit inside a body, said with the body's possessive: "the Interior Ministry's
# counter-terrorism department", "the police's special unit": the body speaks (a unit named
# in capitals, "Special Branch", is a body of its own)
_UNIT_OF = re.compile(
    r"^(?P<body>(?:the\s+)?[^,]{2,60}?)(?:'s|’s)\s+(?:[a-z-]+\s+){0,3}?"
    r"(?:" + alternation(_WORDS["units"]) + r")$"
)


def _unit_of(body: str) -> str:
    """The body a unit belongs to ("the Interior Ministry's counter-terrorism department" →
    "the Interior Ministry"), else the body as named."""
    m = _UNIT_OF.fullmatch(body.strip())
    return m["body"] if m is not None else body


@cache
def _capitals() -> dict[str, str]:
    """A capital's name → its country's code (sources.yaml, `capitals`)."""
    return dict(load("sources")["capitals"])


_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+(?=[A-Z])")
_THE_COUNTRY = re.compile(r"\s*(?:the\s+)?country\s*", re.IGNORECASE)


# "the Foreign Ministry in a statement said", "police on their website": where the words
# appeared is no part of the speaker's name
_MEDIUM_AFTER = re.compile(
    r"\s+(?:in|on|via|through)\s+(?:(?:a|an|its|their|the)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:statement|press\s+release|release|communiqu[ée]|tweet|post|letter|briefing|website|"
    r"Twitter|Facebook|Telegram)$",
    re.IGNORECASE,
)


# "according to identification procedures by the Foreign Ministry": the agent of the words
# that carry the figures, whatever their noun
_AGENT_OF_WORDS = re.compile(
    r"^\s*(?:(?:the|a|an)\s+)?(?:[a-z-]+\s+){1,3}(?:by|from)\s+(?=(?:the\s+)?[A-Z])"
)
# "the Foreign Ministry and the Law Ministry's directorate": two bodies, each with its article
_AND_THE = re.compile(r"\s+and\s+the\s+(?=[A-Z])")
_OFFICE_WORD = re.compile(rf"\b(?:{OFFICE_NOUNS})\b", re.IGNORECASE)


def _first_body(who: str) -> str:
    """The first of two bodies named together, each a body ("the Foreign Ministry and the Law
    and Human Rights Ministry" → "the Foreign Ministry"), as with "according to X and Y"."""
    joined = _AND_THE.search(who)
    if joined is None:
        return who
    first, second = who[: joined.start()], who[joined.end() :]
    both = all(ORG_WORDS.search(x) or _OFFICE_WORD.search(x) for x in (first, second))
    return first if both else who


# a body's name (ending in a word of a body), then two or three capitalised words of its
# holder's name: "the State Security Service Madat Guliyev", "the regional police department
# Ashim Tagayev"
_HOLDER_AFTER_BODY = re.compile(
    rf"(?P<body>.*\b(?:{OFFICE_NOUNS}|(?i:service|committee|agency|department|police|bureau|"
    r"directorate|council|centre|center|office|unit|division|branch)))"
    r"\s+(?P<name>(?:[A-Z][a-z'’-]+\s+){1,2}[A-Z][a-z'’-]+)$"
)


# (the regexes `_attribution` and `report_kind` try, compiled once: `re`'s own cache costs a
# look-up at each call)
_ITS = re.compile(r"(?:the\s+)?(?:its|their|it|they)", re.IGNORECASE)
_PRONOUN = re.compile(r"he|she|him|her|we", re.IGNORECASE)
_GOVERNMENT = re.compile(r"\b(?:government|governmental)\b", re.I)
_INDEFINITE_ALONE = re.compile(_INDEFINITE_WHO)
_OPENING_ARTICLE = re.compile(r"^(?:[Tt]he|[Aa]n?)\s+")
_INITIALS = re.compile(r"[A-Z][A-Z&]{1,7}")
_LOWER_OPENING = re.compile(r"^(?:[a-z]+\s+)*(?:[Tt]he\s+|[Aa]n?\s+)?")
_PAPER_AFTER = re.compile(
    r"(?:'s|’s)?\s+(?:new\s+)?(?:reports?|study|studies|estimates?|surveys?|analysis|figures|"
    r"data|statistics|numbers)$"
)
_KIND_AFTER = re.compile(
    r"[\w\s.'’-]{0,60}?(?:'s|’s)\s+(?:new\s+|latest\s+)?(report|study|estimate|survey|analysis)\b"
)
_KIND_BY = compile_guarded(r"\b(report|study|estimate|survey|analysis)\s+by\s+(?:the\s+)?$")


def _attribution(start: int, end: int, text: str, who: str) -> Attribution:
    who = _INITIALS_INSIDE.sub("", who)  # "the Ministry of National Security (MNS) of Azerbaijan"
    who = _POSSESSIVE_END.sub("", _LEADING_PREPOSITION.sub("", _AGENT.sub("", who)))
    relative = _RELATIVE_AGENT.match(who)
    if relative is not None and (
        _speaker_named(relative["agent"]) or _OFFICE_WORD.search(relative["agent"])
    ):
        who = relative["agent"]  # "data the Interior Ministry has released": the ministry
    who = _first_body(_MEDIUM_AFTER.sub("", _AGENT_OF_WORDS.sub("", who)))
    # "the head of the State Security Service Madat Guliyev": the body, not its holder's name
    # (`holder-after-body`)
    holder = _HOLDER_AFTER_BODY.match(who)
    if holder is not None and not ORG_WORDS.search(holder["name"]):
        who = holder["body"]
    named_noun = _named_noun(who)
    if named_noun is not None:
        # "according to a Bernama report", "the latest Khovar figures": the name before the
        # noun of the words is their maker, known to the data or not (`named-noun`)
        known = _sources().finditer(named_noun)
        name = known[0].name if known else named_noun
        return Attribution(start, end, text, name, None, False, who)
    who = _DATA_AFTER.sub("", who)  # "according to police data": the police
    post = _POST_IN_WHO.search(who)
    if post is not None and (data := _sources().finditer(who, post.start())):
        # "James Clapper, the US director of national intelligence,": the office the data names
        return Attribution(start, end, text, data[0].name, None, False, who)
    # "Marat Sultanov, the head of the Kyrgyz police,": the police; "The Egmont Institute,
    # which advises the Belgian government,": the institute
    heads = _WHO_HEADS.search(who) if post is None else None
    if heads is not None and not ORG_WORDS.search(who[: heads.start()]):
        # "Ayob Khan, who heads the counter-terrorism division of Special Branch,": the body a
        # person heads or works for speaks (not "The Egmont Institute, which advises …")
        post = heads
    if post is None and (title := _TITLE_IN_WHO.search(who)) is not None:
        # "Ahmed Hamdi, the Tunisian foreign minister,": the office of the post after the name
        titled_office = _attribution(start, end, text, title["post"])
        if titled_office.source or titled_office.official:
            return dataclasses.replace(titled_office, who=who)
    who = _unit_of(post["body"]) if post is not None else _APPOSITIVE.sub("", who)
    named = _sources().finditer(who)
    if named:
        return Attribution(start, end, text, named[0].name, None, False, who)
    capital = _capitals().get(_LEADING_ARTICLE.sub("", who.strip()))
    if capital is not None:
        # "Moscow estimates", "Dushanbe says": the capital speaks for its government
        return Attribution(start, end, text, government_name(capital), None, False, who)
    if _THE_COUNTRY.fullmatch(who):
        # "…, the country said": the government of the figure's country
        return Attribution(start, end, text, None, None, True, who)
    if _ITS.fullmatch(who):
        return Attribution(start, end, text, None, "its", False, who)  # "by its count"
    if _PRONOUN.fullmatch(who):
        return Attribution(start, end, text, None, "person", False, who)  # "…, he said"
    # "the head of Chechnya": the region's government, before its post is taken off
    regional = _regional(who)
    if regional is not None:
        return Attribution(start, end, text, regional, None, False, who)
    # "the deputy head of the State Security Service": the body whose post it is
    who = _TITLE_OF.sub("", who)
    regional = _regional(who)
    if regional is not None:
        return Attribution(start, end, text, regional, None, False, who)  # "Kerala police said"
    # "the chief of the Kyrgyz police" speaks for the Kyrgyz police
    office = national_source(who)
    if office is not None:
        return Attribution(start, end, text, office, None, False, who)
    national = _NATIONAL.match(who)
    if national:
        # "Kurdish police said": a body no country's, under the kind of office it is
        kind = _NATIONAL_KINDS.get(national.group(2).lower().split()[0], "authorities")
        return Attribution(start, end, text, f"{national.group(1)} {kind}", None, False, who)
    if _GOVERNMENT.search(who) and _official_regex().search(who):
        # "according to the latest government estimates": the government's, not a report's
        return Attribution(start, end, text, None, None, True, who)
    if _INDEFINITE_ALONE.fullmatch(who.strip()):
        # "according to estimates": no one's (`indefinite-papers`)
        return Attribution(start, end, text, None, None, False, who)
    generic = _generic_regex().search(who)
    bare = generic is not None and _ARTICLE_ONLY.fullmatch(who[: generic.start()])
    if generic and ((bare and not who[generic.end() :].strip()) or not ORG_WORDS.search(who)):
        # "the Center said": a capitalised generic noun is no name of its own
        return Attribution(start, end, text, None, generic.group(1).lower(), False, who)
    if _official_regex().search(who) or _BARE_POLICE.fullmatch(who):
        # "according to data from (the) police": the police of the figure's country
        return Attribution(start, end, text, None, None, True, who)
    bare_who = _OPENING_ARTICLE.sub("", who.strip())
    if bare_who in _WORDS["member_titles"]:
        # "an MP has told Sky News": one member of a legislature, a person, never a body
        # (`member-title`)
        return Attribution(start, end, text, None, None, False, who)
    if _INITIALS.fullmatch(bare_who) and not find_places(bare_who):
        # "according to the BBC", "AFP reported": an organisation known by its initials
        return Attribution(start, end, text, bare_who, None, False, who)
    if ORG_WORDS.search(who):
        name = _LOWER_OPENING.sub("", who.strip())
        name = _PAPER_AFTER.sub("", name)
        name = national_possessive(name)
        return Attribution(start, end, text, name, None, False, who)
    if _outlets().fullmatch(bare_who) or _STATE_MEDIA.fullmatch(bare_who):
        # "Anadolu said", "Uzbek state media reported": an outlet the data lists, or a
        # country's state media
        return Attribution(start, end, text, bare_who, None, False, who)
    parts = who.split(" and ")
    first = parts[0].strip()
    if len(parts) > 1 and not (_A_PLACE.fullmatch(first) and find_places(first)):
        # "according to police and experts": the first of them that is a body (not "Tajik and
        # Kyrgyz police", two countries' police)
        for part in parts:
            found = _attribution(start, end, text, part)
            if found.source or found.official:
                return dataclasses.replace(found, who=who)
    return Attribution(start, end, text, None, None, False, who)


# "a Bernama report", "an Anadolu statement", "the latest Kyodo figures": a capitalised name
# before the noun of the words (sources.yaml `figure_nouns`, `named_noun_extra`)
_NAMED_NOUN = re.compile(
    r"(?:(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat)\s+)?"
    r"(?:(?:" + alternation(_WORDS["named_noun_openers"]) + r")\s+)*"
    r"(?P<name>(?!(?:The|A|An|This|That|These|Those|Its|Their|Our|His|Her|New)\b)"
    r"[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){0,3})\s+"
    r"(?:" + alternation([*_WORDS["figure_nouns"], *_WORDS["named_noun_extra"]]) + r")s?"
)
_CALENDAR = frozenset(w.lower() for w in [*load("numbers")["months"], *load("dates")["weekdays"]])


def _named_noun(who: str) -> str | None:
    """The maker a name before "report", "statement", "figures" names ("a Bernama report" →
    "Bernama"); none for a place or its adjective ("a Syrian report"), a month or a day ("a
    January report") or an office without its country ("an Interior Ministry statement")."""
    m = _NAMED_NOUN.fullmatch(who.strip())
    if m is None:
        return None
    name = m["name"]
    if name.split()[0].lower() in _CALENDAR or ORG_WORDS.search(name) or _OFFICE_WORD.search(name):
        return None
    places = find_places(name)
    if places and places[0].start == 0:
        return None
    return name


_A_PLACE = re.compile(r"(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?")
_STATE_MEDIA = re.compile(r"[A-Z][a-z]+\s+state\s+(?:media|television|TV|radio|news\s+agency)")


@cache
def _regional_regex() -> re.Pattern[str]:
    regions = alternation(load("sources")["regions"])
    offices = r"(?i:police|government|authorities|officials?|leader|head|president|governor)"
    return re.compile(
        # "the Kremlin-backed Chechen leader": a word or two describing the post
        rf"(?:the\s+)?(?:[a-z-]+\s+){{0,2}}?(?P<region>{regions})(?:'s|’s)?(?:\s+state)?"
        rf"\s+(?P<office>{offices})"
        # "the head of Chechnya", "the governor of Aceh", "the head of Russia's North Caucasian
        # republic of Chechnya", "the head of the Chechen Republic"
        rf"|(?:the\s+)?(?:[a-z-]+\s+){{0,2}}?(?P<office_of>{offices})\s+of\s+(?:the\s+)?"
        rf"(?:[\w'’-]+\s+){{0,4}}?(?P<region_of>{regions})(?:\s+republic)?",
        re.IGNORECASE,
    )


def _regional(who: str) -> str | None:
    """A region's own office under the region's name: "the Kerala police" → "Kerala police",
    "Xinjiang officials" → "Xinjiang authorities", "the Chechen leader" → "Chechen government"."""
    m = _regional_regex().fullmatch(who.strip())
    if m is None:
        return None
    office = (m["office"] or m["office_of"]).lower()
    name = office if office in ("police", "government") else "authorities"
    if office in ("leader", "head", "president", "governor"):
        name = "government"  # the head of a region's government speaks for it
    region = m["region"] or m["region_of"]
    # "Chechnya's leader", "the head of Chechnya": the Chechen government (`region_adjectives`)
    adjectives: dict[str, str] = load("sources")["region_adjectives"]
    return f"{adjectives.get(region.title(), region)} {name}"


_BARE_POLICE = re.compile(
    r"\s*(?:the\s+)?(?:(?:security|federal|national|state|criminal)\s+)?police"
    r"(?:\s+(?:sources?|officials?|officers?|spokes(?:man|woman|person)))?\s*",
    re.IGNORECASE,
)


def national_possessive(name: str) -> str:
    """ "Kyrgyzstan's State Committee for National Security" → "Kyrgyz State Committee for
    National Security": a national body named as its country's, in the adjective form."""
    m = re.match(r"(?:the\s+)?(.+?)(?:'s|’s)\s+(?=[A-Z])", name)
    if m is None:
        return _ministry_of_country(name)
    places = [p for p in find_places(m.group(1)) if p.text == m.group(1) and not is_region(p.code)]
    if not places:
        return name
    return f"{source_adjective(places[0].code)} {name[m.end() :]}"


# "Ministry of National Security of Azerbaijan": a ministry the data does not list, named with
# its country after it (`ministry-of-country`)
_MINISTRY_OF = re.compile(
    r"(?:the\s+)?(?P<office>Ministry\s+(?:of|for)\s+.+?)\s+of\s+(?:the\s+)?(?P<country>.+)"
)


def _ministry_of_country(name: str) -> str:
    """ "Ministry of National Security of Azerbaijan" → "Azerbaijani Ministry of National
    Security", as the contract names a country's offices."""
    m = _MINISTRY_OF.fullmatch(name)
    if m is None:
        return name
    places = find_places(m["country"])
    if not any(p.text == m["country"] and not is_region(p.code) for p in places):
        return name
    return f"{source_adjective(places[0].code)} {m['office']}"


# A person named by their post, whatever they do in the sentence: "Dutch Justice Minister Ferd
# Grapperhaus spoke in parliament", "Säpo chief Charlotte von Essen"
_TITLED = re.compile(
    r"(?:\b[Tt]he\s+)?(?:[A-Z][\w.'’-]*\s+){0,7}(?:[a-z-]+\s+){0,2}"
    r"(?i:" + _TITLES + r")"
    r"(?:\s+(?:[A-Z][\w'’-]+|de|van|von|bin|al-[\w'’-]+)){1,4}"
)


# "the head of Kosovo's police", "Gerald Collins, the head of the Irish police", "Europol's
# director"
_POST_OF = re.compile(
    rf"\b[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){{0,4}}(?:'s|’s)\s+(?:[a-z-]+\s+){{0,2}}(?:{_POSTS})\b"
    rf"|\b(?:[Tt]he\s+)?(?:{_POSTS})\s+(?:of|for|at)\s+(?:the\s+)?[A-Z][^,.;:()]{{1,80}}?"
    r"(?=\s*[,.;:()]|$|\s+(?:spoke|addressed|was|is|has|had|on|in|at|to|during|before|after|"
    r"when|who|" + _VERBS + r")\b)"
)


# a post named by its country or by "the country's", before or after the person's name:
# "Tajikistan's interior minister, Ramazon Rahimzoda,", "Nurlan Yermekbayev, Kazakhstan's defence
# minister,", "the country's federal prosecutor"
_POSSESSED_POST = re.compile(
    r"(?:\b[Tt]he\s+country(?:'s|’s)\s+|\b[Tt]he\s+(?=[A-Z])|\b[A-Z][\w.'’-]*(?:'s|’s)\s+)"
    r"(?:[A-Za-z-]+\s+){0,3}?"
    r"(?i:" + _TITLES + r")\b(?!\s+(?:of|for|at)\b)"
)


def is_post(text: str) -> bool:
    """True when the words name a person by a post ("a spokesman for the security committee")."""
    return bool(_SPEAKER_GUARD.search(text))


def names_a_person(text: str) -> bool:
    """True when a post in the text comes with its holder's name ("Interior Minister Petar
    Ivanov")."""
    return bool(_SPEAKER_GUARD.search(text)) and bool(_TITLED.search(text))


def titled(text: str) -> list[Attribution]:
    """The people a sentence names by their post, as the voices of their bodies (for "…, he
    said" in a later sentence)."""
    if not _SPEAKER_GUARD.search(text):
        return []
    posts = [*_TITLED.finditer(text), *_POST_OF.finditer(text), *_POSSESSED_POST.finditer(text)]
    found = [_attribution(m.start(), m.end(), m.group(), m.group()) for m in posts]
    # "Coordinating Minister for Politics, Law and Security X": a post whose title runs on over
    # commas to the name speaks for its country's office (`cut-post`)
    found += [
        Attribution(m.start(), m.end(), m.group(), None, None, True, m["post"])
        for m in _LONG_TITLED.finditer(text)
    ]
    return [a for a in found if a.source or a.official]


_LONG_TITLED = re.compile(
    r"(?P<post>" + _LONG_POST_HEAD + r"(?:,\s+[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|and))*)+)"
    r"(?:\s+\([^()]{1,30}\))?"
)


def impersonal(text: str) -> bool:
    """True for "is believed", "was reported", "according to estimates": the text states the
    figure has no named source."""
    return bool(
        _IMPERSONAL.search(text) or _INDEFINITE.search(text) or _INDEFINITE_FIRST.match(text)
    )


@cache
def _outlets() -> re.Pattern[str]:
    names = "|".join(re.escape(n) for n in load("sources")["news_outlets"])
    words = alternation(load("sources")["outlet_words"])
    return re.compile(rf"\b(?:{names})\b|\b(?i:{words})\b")


# an outlet's own count or estimate ("the Washington Post counted") is no relay
_ESTIMATING = compile_guarded(r"\b(?:" + alternation(_WORDS["estimating_verbs"]) + r")\b")


# "the Tunisian newspaper Assabah", "state news agency Anadolu": an outlet introduced by
# what it is, before its name
_OUTLET_BEFORE = re.compile(r"(?i:" + alternation(_WORDS["outlet_kinds"]) + r")\s+$")
_CAPITALISED = re.compile(r"(?:[A-Z][\w'’.&-]*)(?:\s+[A-Z][\w'’.&-]*){0,3}")
# a body's own name, with the small words names keep ("Defence for Children")
_BODY_NAME = re.compile(
    r"[A-Z][\w'’.&-]*(?:\s+(?:(?:of|for|the|and|on|against)\s+){0,2}[A-Z][\w'’.&-]*){0,6}"
)


def _described_outlet(text: str, found: Attribution) -> Attribution:
    """A name after the words that say it is an outlet ("the Tunisian newspaper Assabah
    reported"): the outlet, a relay."""
    who = found.who.strip()
    before = _OUTLET_BEFORE.search(text, max(0, found.start - 30), found.start)
    if before is None or not _CAPITALISED.fullmatch(who):
        return found
    return dataclasses.replace(found, source=who, relay=True)


# "The Hill reported", "The Herald reports": a name with its article that reports is a
# publication's title, never a person's name (`reporting-title`)
_TITLE_REPORTS = re.compile(r"[Tt]he\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})")
_REPORTED = re.compile(r"\breport(?:ed|s)\b")


def _reporting_title(found: Attribution) -> Attribution:
    """An outlet the data does not list, said with its article and "reported": a relay."""
    title = _TITLE_REPORTS.fullmatch(found.who.strip())
    if title is None or not _REPORTED.search(found.text) or find_places(title["name"]):
        return found
    return dataclasses.replace(found, source=title["name"], relay=True)


# "Head of Morocco's Central Bureau of Judicial Investigation (BCIJ) X estimates": a post in a
# body whose initials stand in brackets right before the speaker's name (`post-before-initials`)
_POST_BEFORE_INITIALS = re.compile(
    r"(?:^|[,;:]\s*)(?P<post>[^,;:()]{3,120}?)\s*\([A-Z][A-Za-z&]{1,7}\)\s*$"
)


def _post_before_initials(text: str, start: int, found: Attribution) -> Attribution:
    """A speaker named by name alone after "<post of body> (<initials>)": the post's body."""
    who = found.who.strip()
    at = text.find(who, start)
    if at < 0 or not _NAME_ONLY.fullmatch(who):
        return found
    before = _POST_BEFORE_INITIALS.search(text, 0, at)
    if before is None or not is_post(before["post"]):
        return found
    post = before["post"]
    body = _attribution(before.start("post"), before.end("post"), post, post)
    if not (body.source or body.official):
        return found
    return dataclasses.replace(found, source=body.source, official=body.official, who=post)


# a verb of saying right before "according to" ("he said, according to Reuters")
_SAID_BEFORE = re.compile(
    r"\b(?:said|says|told\s+(?:\w+\s+){0,4}?\w+|added|stated|noted|confirmed|explained|"
    r"announced|wrote|declared|claimed)\s*,?\s*$"
)


def is_outlet(name: str) -> bool:
    """A news outlet's name ("Reuters", "the French news agency")."""
    return bool(_outlets().search(name) or PUBLICATION_WORDS.search(name))


def _relays(found: Attribution) -> bool:
    """A news outlet that reports what others said ("Interfax reported", "according to
    Reuters", "AFP said"), not one that counts for itself."""
    name = f"{found.source or ''} {found.who}"
    if not name.strip() or _ESTIMATING.search(found.text):
        return False
    return is_outlet(name)


def nearest_attribution(
    attributions: Sequence[Attribution], start: int, text: str = ""
) -> Attribution | None:
    """The attribution governing a figure at `start`: the nearest before, else the first after;
    a body over a news outlet that relays it ("According to Interfax, …, the minister said");
    the body whose figures they are over a person who speaks of them ("Renard said 130 …,
    according to the prosecutor's office", "…, he said, citing police data": `cited-figures`,
    in the figure's clause of `text`)."""
    informative = [a for a in attributions if a.source or a.generic or a.official]
    informative = [a for a in informative if not a.relay] or informative
    grounds = [
        a
        for a in informative
        if a.start >= start
        and a.grounds
        and not a.relay
        and not _CLAUSE_END.search(text, start, a.start)
    ]
    before = [a for a in informative if a.start < start]
    if before:
        # "X's report quotes an estimate by Y that ..." : the innermost (last) one is Y.
        # a speaker who relays a body's figures ("The foreign ministry said 40 …, according
        # to the prosecutor's office"): the body named as their ground, when the text names it
        relays = grounds and (
            _personal(before[-1]) or (_a_body(grounds[0]) and not before[-1].grounds)
        )
        return grounds[0] if relays else before[-1]
    # "Experts say around 400 …, police saying more than half …": a speaker of its own before
    # the figure governs it, not a body named after it
    speakers = [a for a in attributions if a.start < start and a not in informative]
    if speakers and not any(a.relay for a in attributions):
        return grounds[0] if grounds else speakers[-1]
    after = [
        a
        for a in informative or attributions
        if a.start >= start and not _own_figures_across(text, start, a)
    ]
    if after and grounds and _personal(after[0]):
        return grounds[0]  # "…, he said, citing police data"
    return after[0] if after else None


def _a_body(a: Attribution) -> bool:
    """The attribution names one body: a source, or a country's office by its kind ("the
    prosecutor general's office"), not "official figures" nor "the authorities"."""
    if a.source:
        return True
    pattern, names = _offices()
    office = pattern.search(a.who)
    return office is not None and names.get(office.lastgroup or "") not in (None, "authorities")


# where the figure's clause ends: a semicolon, or a new sentence of a list
_CLAUSE_END = re.compile(r"[;:]")
# a clause that sets another statement against the figure's ("…, but the FBI puts the number
# at 150", "; officials count 150")
_CONTRAST = re.compile(r"[;:]|,\s+(?:but|while|whereas|although|though)\b|\s+but\s+", re.IGNORECASE)
_DIGIT = re.compile(r"\d")


def _own_figures_across(text: str, start: int, a: Attribution) -> bool:
    """An attribution after the figure, past a contrast, that gives a figure of its own ("About
    250 went, but the FBI puts the number at 150"): its figure's, not this one's."""
    if not text or not _CONTRAST.search(text, start, a.start):
        return False
    end = _CONTRAST.search(text, a.end)
    return bool(_DIGIT.search(text, a.end, end.start() if end else len(text)))


def _personal(a: Attribution) -> bool:
    """A person who speaks ("he said", "Peter Neumann, director of the ICSR, said"), not a
    body or a source of figures."""
    return not a.grounds and (a.generic == "person" or is_post(a.who))


def report_kind(text: str, offset: int) -> str | None:
    """The generic noun that follows a named source ("Soufan Center's report" → "report")."""
    m = _KIND_AFTER.match(text[offset:])
    if m:
        return m.group(1).lower()
    by = _KIND_BY.search(text[:offset])
    return by.group(1).lower() if by else None


# A transcript's speaker label opening a paragraph ("The Leader of the House (Jane Doe): …",
# "Jane Doe (Minister for Security): …"): the post between or before the brackets speaks for
# the whole turn (`speaker-label`)
_LABEL = re.compile(r"\s*\[?(?P<a>[A-Z][^:()\[\]\n.?!]{2,90}?)\s*\((?P<b>[^()\n:]{2,90})\)\s*:\s")


def speaker_label(text: str) -> Attribution | None:
    """The post a paragraph's opening label names, as an attribution of its office; None where
    the paragraph opens with no label or the label names no post (a name and a party)."""
    m = _LABEL.match(text)
    if m is None:
        return None
    for part in ("a", "b"):
        words = m.group(part).strip()
        if not is_post(words) and not _official_regex().search(words):
            continue
        found = _attribution(m.start(part), m.end(part), words, words)
        if not (found.source or found.official) and _official_regex().search(words):
            # "The Leader of the House": a post of no office of its own, the government's
            found = Attribution(m.start(part), m.end(part), words, None, None, True, words)
        if found.source or found.official:
            return dataclasses.replace(found, text=m.group().rstrip(": "))
    return None


# "Save the Children's Syria response director X said", "UNICEF's regional chief said": a post
# held in a body named by its possessive; the body speaks when its name is an organisation's (a
# name with an organisation's word, initials, or words joined by "the", "of", "for", "without"),
# never a place's ("Morocco's interior minister") nor a person's ("Smith's spokesman")
# the possessive and the post after a body's name, up to three words between ("'s Syria
# response director")
_POSSESSIVE_POST = r"(?:'s|’s)\s+(?:[\w-]+\s+){0,3}?(?i:" + _TITLES + r")\b"
_POSSESSOR_POST = re.compile(
    r"\b(?P<body>[A-Z][\w&.'’-]*(?:\s+(?:the|of|for|and|without|[A-Z][\w&.'’-]*)){0,6}?)"
    + _POSSESSIVE_POST
)
_JOINED_NAME = re.compile(r"\s(?:the|of|for|without)\s+[A-Z]")
_NAME_ONLY = re.compile(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}")


# "The Saudi interior ministry's spokesman said", "the Kyrgyz police's press secretary": a
# country's office named by its kind, with its possessive, before the post
_OFFICE_POSSESSOR_POST = compile_guarded(
    r"\b(?P<body>[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,4}?)" + _POSSESSIVE_POST
)


def possessor_body(text: str, start: int, end: int) -> str | None:
    """The organisation whose possessive stands before the post of the speaker of the
    attribution `text[start:end]` (`possessor-speaks`): the post inside the attribution's words
    or right before its speaker's name ("X's Syria Response Director Jane Doe said"); or the
    country's office so named ("the Saudi interior ministry's spokesman said")."""
    for o in _OFFICE_POSSESSOR_POST.finditer(text, max(0, start - 100), end):
        if o.end() >= start and not text[o.end() : start].strip(" ,"):
            office = national_source(o["body"])
            if office is not None:
                return office
    m = None
    for m in _POSSESSOR_POST.finditer(text, max(0, start - 100), end):
        if m.end() >= start:
            break
    else:
        return None
    between = text[m.end() : start].strip(" ,")
    if between and not _NAME_ONLY.fullmatch(between):
        return None  # the post is someone else's, not the speaker's
    body = m["body"]
    initials = _INITIALS.fullmatch(body)
    if find_places(body) or not (ORG_WORDS.search(body) or initials or _JOINED_NAME.search(body)):
        return None
    known = _sources().finditer(body)
    return known[0].name if known else body
