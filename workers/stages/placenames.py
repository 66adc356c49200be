"""Place vocabulary shared by the clean and entities stages, as data in one place (each row is tested in
tests/unit/test_placenames.py): ISO 3166 names from pycountry (the maintained ISO list; cached builders,
loaded on first use) and the generic terms that end a place's name. Pure data, no Kafka.

- countries(), subdivision_names(): ISO 3166-1 countries' names, ISO 3166-2 subdivisions' names in
  running-text order (entities: canonical.ALIASES, COUNTRIES, REGIONS; clean: bylines.place_name).
- TOPONYM_GENERICS, FEATURE_GROUP_GENERICS: generic terms (GNIS feature classes) ending a place's name
  (entities: scan.toponym_shaped, places' feature passes).
- ADMINISTRATIVE_HEADS, NAME_LIKE_GENERICS, PLACE_HEAD_WORDS: the last word of a place's name where a byline
  could stand (clean: bylines.place_name), from the rows above without the generics people bear as names.
"""

from __future__ import annotations

import functools
import unicodedata
from typing import NamedTuple

# Generic terms that end the name of a place ("Redgum Flat", "Willow Creek"): (generic, GNIS
# feature class). Source: USGS / U.S. Board on Geographic Names, "GNIS Domestic Names Feature
# Classes" (https://www.usgs.gov/us-board-on-geographic-names/gnis-domestic-names-feature-classes),
# the class terms and the generics listed with each; "Populated Place" rows are generics common in
# GNIS populated-place names ("Grand Junction", "Shaker Heights"). Left out: generics that are also
# common words or brands on their own after "in"/"at" ("point", "gap", "well", "ford", "branch").
TOPONYM_GENERICS: tuple[tuple[str, str], ...] = (
    ("flat", "Flat"), ("flats", "Flat"), ("creek", "Stream"), ("brook", "Stream"), ("river", "Stream"),
    ("spring", "Spring"), ("springs", "Spring"), ("falls", "Falls"), ("crossing", "Crossing"),
    ("valley", "Valley"), ("canyon", "Valley"), ("gorge", "Valley"), ("gulch", "Valley"), ("hollow", "Valley"),
    ("ridge", "Ridge"), ("wells", "Well"), ("bend", "Bend"), ("basin", "Basin"),
    ("hill", "Summit"), ("hills", "Summit"), ("mountain", "Summit"), ("peak", "Summit"), ("butte", "Summit"),
    ("mesa", "Summit"), ("lake", "Lake"), ("lakes", "Lake"), ("bay", "Bay"), ("cove", "Bay"), ("inlet", "Bay"),
    ("beach", "Beach"), ("harbor", "Harbor"), ("harbour", "Harbor"), ("island", "Island"), ("plains", "Plain"),
    ("swamp", "Swamp"), ("heights", "Populated Place"), ("junction", "Populated Place"),
    ("reservoir", "Reservoir"), ("glacier", "Glacier"), ("canal", "Canal"),
)

# Plural generic terms ending the name of a group of natural features: island chains, mountain
# ranges, lake districts ("the Florida Keys", "the Tarrow Islands", "the Pellow Mountains"); the
# GNIS classes Island, Range and Lake (see TOPONYM_GENERICS) in the plural. "the <Name> <generic>"
# is a LOC (OntoNotes: mountain ranges, bodies of water), never a person or an organisation,
# unless it is a country or territory ("the Cayman Islands", known to ISO 3166).
FEATURE_GROUP_GENERICS = frozenset("keys islands isles mountains hills lakes".split())

# The heads of the names of administrative units and populated places ("Clark County", "Harbor City", "Elm
# Township", "Tarrow Parish"): units of government, not GNIS feature classes.
ADMINISTRATIVE_HEADS = frozenset("city county town township village borough parish district province state region".split())
# Generics that are given or family names as often ("Jordan Bay", "Tom Hill", "Ana Mesa", "Alicia Keys"): a name
# ending in one beside a byline's date is a person's as likely as a place's.
NAME_LIKE_GENERICS = frozenset(
    "bay lake lakes brook river hill hills ridge wells beach cove peak hollow spring flat bend mesa canal keys".split())
# The last word of a place's name where a byline could stand ("Harbor City", "Clark County", "Palm Springs",
# "Tarrow Islands", and "Shores" of populated places, "St. Clair Shores", which the GNIS rows leave out): such a
# name beside the header's date is a place (a dateline), not a byline. Not "park": a family name (Grace Park).
PLACE_HEAD_WORDS = ADMINISTRATIVE_HEADS | {"shores"} | (
    {generic for generic, _ in TOPONYM_GENERICS} | FEATURE_GROUP_GENERICS) - NAME_LIKE_GENERICS


class Country(NamedTuple):
    """An ISO 3166-1 country's names as pycountry gives them (official and common name when it has one)."""

    alpha_3: str
    name: str
    official_name: str | None
    common_name: str | None


@functools.cache
def countries() -> tuple[Country, ...]:
    """Every ISO 3166-1 country (pycountry), in the list's order."""
    import pycountry

    return tuple(Country(c.alpha_3, c.name, getattr(c, "official_name", None), getattr(c, "common_name", None))
                 for c in pycountry.countries)


def uninverted(name: str) -> str:
    """An ISO list name in running-text order: "Virgin Islands, British" -> "British Virgin
    Islands"; "Bolivia, Plurinational State of" -> "Bolivia"."""
    if ", " not in name:
        return name
    head, tail = name.split(", ", 1)
    return head if tail.endswith(" of") else f"{tail} {head}"


def unaccented(name: str) -> str:
    """`name` without combining diacritics: "Nuevo León" -> "Nuevo Leon", "São Paulo" -> "Sao Paulo"."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


@functools.cache
def subdivision_names() -> frozenset[str]:
    """The names of the first-level subdivisions of every country (ISO 3166-2, pycountry: states, provinces,
    counties, English metropolitan districts: "Alaska", "Ohio", "Sheffield") in running-text order
    (uninverted), each also without its diacritics, as newswire often writes them ("Nuevo Leon")."""
    import pycountry

    return frozenset(form for sub in pycountry.subdivisions for form in (uninverted(sub.name), unaccented(uninverted(sub.name))))
