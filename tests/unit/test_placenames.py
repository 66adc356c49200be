"""The place vocabulary both the clean and entities stages read (workers.stages.placenames), row by row."""

from __future__ import annotations

import pytest

from workers.stages import placenames
from workers.stages.clean import bylines
from workers.stages.entities import canonical


@pytest.mark.parametrize("word", sorted(placenames.NAME_LIKE_GENERICS))
def test_each_name_like_row_is_a_generic_the_place_words_leave_out(word):
    generics = {g for g, _ in placenames.TOPONYM_GENERICS} | placenames.FEATURE_GROUP_GENERICS
    assert word in generics and word not in placenames.PLACE_HEAD_WORDS


@pytest.mark.parametrize("word", sorted(placenames.ADMINISTRATIVE_HEADS))
def test_each_administrative_head_is_a_place_word(word):
    assert word in placenames.PLACE_HEAD_WORDS and bylines.place_name(f"Tarrow {word.title()}")


@pytest.mark.parametrize("name, expected", [
    ("Virgin Islands, British", "British Virgin Islands"),
    ("Bolivia, Plurinational State of", "Bolivia"),
    ("Texas", "Texas"),
])
def test_an_iso_name_in_running_text_order(name, expected):
    assert placenames.uninverted(name) == expected


def test_subdivisions_come_with_and_without_diacritics():
    names = placenames.subdivision_names()
    assert {"Nuevo León", "Nuevo Leon", "Texas", "New South Wales"} <= names
    assert not any(", " in name for name in names)  # running-text order only


def test_both_stages_read_the_same_iso_lists():
    assert canonical.REGIONS is placenames.subdivision_names()
    assert bylines.place_name("Nuevo Leon") and canonical.known_region("Nuevo Leon")
    assert {c.alpha_3 for c in placenames.countries()} >= {"USA", "GBR", "BOL"}
    assert bylines.place_name("Bolivia") and canonical.known_place("Bolivia")


@pytest.mark.parametrize("name", ["Ana Mesa", "Tom Hill", "Jordan Bay", "Alicia Keys", "Grace Park"])
def test_a_person_with_a_name_like_generic_is_no_place(name):
    assert not bylines.place_name(name)
