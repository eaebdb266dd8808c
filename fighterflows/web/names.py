"""Display names for place codes: the gazetteer's when it has one, else ISO 3166's."""

from __future__ import annotations

import functools

import pycountry

REGIONS = {
    "world": "World",
    "eu": "European Union",
    "europe": "Europe",
    "western-europe": "Western Europe",
    "western-balkans": "Western Balkans",
    "central-asia": "Central Asia",
    "former-soviet-union": "Former Soviet Union",
    "north-africa": "North Africa",
    "middle-east": "Middle East",
    "southeast-asia": "South-East Asia",
    "north-america": "North America",
    "west": "Western countries",
    "syria-iraq": "Syria and Iraq",
}


@functools.cache
def place_name(code: str) -> str:
    try:
        from fighterflows.extract.places import place_name as gazetteer_name

        name = gazetteer_name(code)
    except (ImportError, LookupError, ValueError):  # the web layer works without a gazetteer
        name = None
    return str(name) if name and name != code else fallback_name(code)


def fallback_name(code: str) -> str:
    if code in REGIONS:
        return REGIONS[code]
    if code == "XKX":
        return "Kosovo"
    country = pycountry.countries.get(alpha_3=code.upper()) if len(code) == 3 else None
    if country is None:
        return code
    return str(getattr(country, "common_name", None) or country.name)


def is_country(code: str) -> bool:
    return len(code) == 3 and code.isupper()
