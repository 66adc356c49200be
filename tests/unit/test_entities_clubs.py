"""Sports clubs named with a club word last (fixes.CLUB_SUFFIXES) and their short forms
(clubs.py), row by row and in invented match reports; persons whose surname is a club word stay
persons."""

from __future__ import annotations

import pytest

from record_factory import article_record
from workers.settings import DEFAULT_ENTITY_LABELS
from workers.stages.entities import clubs, context, fixes, stage, surnames, tables
from workers.stages.entities.fixes import PERSON, Mention

ROWS = sorted(fixes.CLUB_SUFFIXES)


def _written(row: str) -> str:
    """A club word as a page writes it: "FC", "Rovers"."""
    return row.upper() if len(row) <= 3 else row.capitalize()


def _article(text: str, words: frozenset[str] = frozenset()) -> context.Article:
    return context.Article({}, None, object(), frozenset(DEFAULT_ENTITY_LABELS), words, frozenset(),
                           {"title": "", "body": text})


def _mention(text: str, name: str, label: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return Mention("body", start, start + len(name), name, label, name)


def tag_body(nlp, body: str) -> dict[str, dict]:
    record = article_record("t1", body, "unique")
    record["paragraphs"] = [p for p in body.split("\n") if p.strip()]
    return {e["name"]: e for e in stage.tag([record], nlp, DEFAULT_ENTITY_LABELS)[0]["entities"]}


def test_rows_are_lowercase_single_words():
    assert ROWS and all(row == row.lower() and " " not in row for row in ROWS)


@pytest.mark.parametrize("row", ROWS)
def test_club_row_alone_is_the_clubs_short_form(row):
    word = _written(row)
    text = f"Marwick {word} won again on Saturday. {word} said the crowd was loud, and the {word} coach agreed."
    found = [_mention(text, f"Marwick {word}", "ORG"), _mention(text, f"{word} said", "PERSON")]
    found[1] = Mention("body", found[1].start, found[1].start + len(word), word, "PERSON", word)
    found = clubs.club_short_forms(_article(text), found)
    assert {(m.start, m.label, m.name) for m in found if m.text == word} == {
        (text.index(f"{word} said"), "ORG", f"Marwick {word}"),
        (text.index(f"{word} coach"), "ORG", f"Marwick {word}"),
    }


@pytest.mark.parametrize("row", ROWS)
def test_club_row_after_a_title_stays_a_person(row):
    word = _written(row)
    text = f"Marwick {word} won again. Mr {word} said the crowd was loud."
    person = Mention("body", text.index(f"Mr {word}") + 3, text.index(f"Mr {word}") + 3 + len(word), word, "PERSON", word)
    found = clubs.club_short_forms(_article(text), [_mention(text, f"Marwick {word}", "ORG"), person])
    assert (person.label, person.name) == ("PERSON", word)
    assert clubs.surname_like_club_words({row}, {"body": text}) == set()
    assert clubs.surname_like_club_words({row}, {"body": text.replace("Mr ", "")}) == {row}


@pytest.mark.parametrize("row", sorted(tables.CLUB_FIRST_WORDS))
def test_sports_society_word_alone_is_the_short_form_of_the_club_it_opens(row):
    word = row.capitalize()
    text = f"{word} Tarrowsk won again on Saturday, and {word} lead the series 3-2."
    lone = _mention(text, word, "PERSON", nth=1)
    found = clubs.club_short_forms(_article(text), [_mention(text, f"{word} Tarrowsk", "ORG"), lone])
    assert (lone.label, lone.name) == ("ORG", f"{word} Tarrowsk")
    assert len(found) == 2


def test_two_clubs_opening_with_the_society_word_leave_it_alone():
    text = "Dinamo Tarrowsk beat Dinamo Pellow, and Dinamo lead the series."
    lone = _mention(text, "Dinamo", "PERSON", nth=2)
    found = [_mention(text, "Dinamo Tarrowsk", "ORG"), _mention(text, "Dinamo Pellow", "ORG"), lone]
    clubs.club_short_forms(_article(text), found)
    assert (lone.label, lone.name) == ("PERSON", "Dinamo")


def test_two_clubs_ending_with_the_word_leave_it_alone():
    text = "Marwick Rovers drew with Quenby Rovers. Rovers said little."
    lone = Mention("body", text.index("Rovers said"), text.index("Rovers said") + 6, "Rovers", "PERSON", "Rovers")
    found = [_mention(text, "Marwick Rovers", "ORG"), _mention(text, "Quenby Rovers", "ORG"), lone]
    clubs.club_short_forms(_article(text), found)
    assert (lone.label, lone.name) == ("PERSON", "Rovers")


def test_city_of_a_place_is_no_short_form():
    text = "Kessford City signed a striker. The City of Tarrowby council met."
    found = clubs.club_short_forms(_article(text), [_mention(text, "Kessford City", "ORG")])
    assert [m.name for m in found] == ["Kessford City"]


def test_a_full_club_name_is_no_persons_full_name():
    text = "Tennam Wanderers lost. Wanderers said the coach stays."
    lone = Mention("body", text.index("Wanderers said"), text.index("Wanderers said") + 9, "Wanderers", "PERSON", "Wanderers")
    club = _mention(text, "Tennam Wanderers", "ORG")
    article = _article(text)
    article.labels = frozenset(DEFAULT_ENTITY_LABELS)
    surnames.surname_labels(article, [club, lone])
    assert club.label == "ORG"


@pytest.mark.parametrize(
    ("body", "club"),
    [
        ("Marwick Rovers held on to win 2-1 at home on Saturday. Rovers said the result lifted them to third. "
         "The Rovers manager, Tom Bexley, praised his players.", "Marwick Rovers"),
        ("Ollie Prendle, the Marwick Rovers striker, scored twice. Rovers said he would sign a new deal. "
         "The Rovers manager said it was a fine day.", "Marwick Rovers"),
        ("Pellow United signed a new striker this week. United said the fee was undisclosed. "
         "Fans of Pellow United cheered.", "Pellow United"),
        ("The Harwick Wanderers squad trained on Monday. Wanderers said two players were injured. "
         "Wanderers boss Ed Lusk was upbeat.", "Harwick Wanderers"),
    ],
)
def test_match_report_club_and_its_short_form_are_one_organisation(nlp, body, club):
    entities = tag_body(nlp, body)
    assert entities[club]["label"] == "ORG"
    assert entities[club]["count"] == 3
    assert not {"Rovers", "United", "Wanderers"} & set(entities)


def test_person_with_a_club_word_surname_stays_a_person(nlp):
    entities = tag_body(nlp, "Jane Albion, a teacher, said the school would reopen. Ms Albion said parents "
                             "were told. Mr Albion, her husband, agreed.")
    assert entities["Jane Albion"]["label"] == "PERSON"


def test_player_of_a_club_is_a_person_and_the_club(nlp):
    entities = tag_body(nlp, "Dannel Hoke of Quenby Rovers scored twice in the second half. Rovers said "
                             "afterwards that Hoke would stay.")
    assert entities["Dannel Hoke"]["label"] == "PERSON"
    assert entities["Quenby Rovers"]["label"] == "ORG"
    assert entities["Quenby Rovers"]["count"] == 2


def test_person_of_a_club_word_place_split_only_for_a_club_word():
    from workers.stages.entities import persons

    text = "Dannel Hoke of Quenby Rovers scored. Ana Lind of Pellow Mills spoke."
    found = [_mention(text, "Dannel Hoke of Quenby Rovers", "ORG"), _mention(text, "Ana Lind of Pellow Mills", "ORG")]
    found = persons.persons_of_names(_article(text), found)
    assert sorted((m.text, m.label) for m in found) == [
        ("Ana Lind of Pellow Mills", "ORG"), ("Dannel Hoke", "PERSON"), ("Quenby Rovers", "ORG")]


@pytest.mark.parametrize("cue", sorted(tables.SCORER_CUES_BEFORE))
def test_scorer_cue_row_before_a_name_makes_a_player(cue):
    text = f"Quenby won 2-0 with a {cue} Dannel Hokeritz on Sunday."
    [mention] = clubs.scorer_persons(_article(text), [_mention(text, "Dannel Hokeritz", "ORG")])
    assert (mention.label, mention.forced) == ("PERSON", True)


@pytest.mark.parametrize("verb", sorted(tables.SCORER_VERBS))
def test_scoring_verb_row_after_a_name_makes_a_player(verb):
    text = f"Dannel Hokeritz {verb} late on for Quenby."
    [mention] = clubs.scorer_persons(_article(text), [_mention(text, "Dannel Hokeritz", "GPE")])
    assert mention.label == "PERSON"


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("Pellow Town scored twice in the first half.", "Pellow Town", "ORG"),  # a common word: a team
        ("Marwick Rovers scored twice.", "Marwick Rovers", "ORG"),  # a club word
        ("Dannel Hokeritz said the team played well.", "Dannel Hokeritz", "ORG"),  # no scorer cue
        ("Two goals from Quenbyshire were enough.", "Quenbyshire", "GPE"),  # one word: a place or a team
    ],
)
def test_no_scorer_cue_or_a_team_shape_leaves_the_label(text, name, label):
    [mention] = clubs.scorer_persons(_article(text, words=frozenset({"town", "two", "goals"})), [_mention(text, name, label)])
    assert mention.label == label


@pytest.mark.parametrize(
    "body",
    [
        "Tom Albion, who coaches the under-12 side, said the pitch was flooded. Albion said games would resume.",
        "Jane City, 44, a nurse, won the award. City said she was surprised. Ms City thanked her colleagues.",
    ],
)
def test_person_with_an_apposition_and_a_club_word_surname_stays_a_person(nlp, body):
    name = " ".join(body.split(",")[0].split())
    entities = tag_body(nlp, body)
    assert entities[name]["label"] == "PERSON"
    assert entities[name]["count"] >= 2


@pytest.mark.parametrize("row", ROWS)
def test_club_row_ending_a_name_with_a_persons_apposition_is_no_club_word_surname(row):
    word = _written(row)
    text = f"Tom {word}, who coaches the side, spoke. {word} said games resume."
    assert clubs.person_apposed(word, {"body": text})
    assert clubs.surname_like_club_words({row}, {"body": text}) == set()
    assert clubs.surname_like_club_words({row}, {"body": text.replace(", who coaches the side,", "")}) == {row}


# --- teams and companies named after a city or region ("Tarrowby Kings": clubs.franchise_names) ---

_FRANCHISE_NOUNS = frozenset("king knight warrior hill island spring official".split())


def _franchise_article(text: str) -> context.Article:
    return context.Article({}, None, object(), frozenset(DEFAULT_ENTITY_LABELS), frozenset(), _FRANCHISE_NOUNS,
                           {"title": "", "body": text})


@pytest.mark.parametrize(
    ("text", "pieces", "expected"),
    [
        ("The Tarrowby Kings beat the Vellport Knights.", [("Tarrowby", "GPE"), ("Vellport", "GPE")],
         ["Tarrowby Kings", "Vellport Knights"]),
        ("Fans of Tarrowby Warriors cheered.", [("Tarrowby", "GPE"), ("Warriors", "NORP")], ["Tarrowby Warriors"]),
        ("Fans of Tarrowby Kenyans cheered.", [("Tarrowby", "GPE")], ["Tarrowby Kenyans"]),  # a nationality plural
    ],
)
def test_a_city_before_a_capitalised_plural_is_a_team(text, pieces, expected):
    found = clubs.franchise_names(_franchise_article(text), [_mention(text, n, label) for n, label in pieces])
    assert sorted(m.text for m in found if m.label == "ORG") == expected
    assert all(text[m.start : m.end] == m.text for m in found)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Hikers in the Tarrowby Hills got lost.", "Tarrowby"),  # a feature group
        ("Water from Tarrowby Springs was tested.", "Tarrowby"),  # a toponym generic
        ("Fans of Kenya Warriors cheered.", "Kenya"),  # a country: no city's team
        ("Fans of Tarrowby Kings Club cheered.", "Tarrowby"),  # a capitalised word goes on
        ("Fans of Tarrowby Vellers cheered.", "Tarrowby"),  # no common noun's plural
        ("Tarrowby officials cheered.", "Tarrowby"),  # lowercase
    ],
)
def test_a_place_before_no_team_word_stays_a_place(text, place):
    found = clubs.franchise_names(_franchise_article(text), [_mention(text, place, "GPE")])
    assert [(m.text, m.label) for m in found] == [(place, "GPE")]


# --- a club's words between its home and its club word as its short form (organisations.org_short_forms) ---


def _short_form_labels(nlp, text: str, pieces: list[tuple[str, str, int]]) -> dict[tuple[str, int], tuple[str, str]]:
    from workers.stages.entities import organisations

    article = context.Article({}, None, nlp(text), frozenset(DEFAULT_ENTITY_LABELS), frozenset(), frozenset(),
                              {"title": "", "body": text})
    found = organisations.org_short_forms(article, [_mention(text, n, label, nth) for n, label, nth in pieces])
    return {(m.text, m.start): (m.name, m.label) for m in found}


@pytest.mark.parametrize("row", ROWS)
def test_club_words_between_home_and_club_word_are_its_short_form(nlp, row):
    club = f"Vellby Tarrowko {_written(row)}"
    text = f"Fans of {club} invaded the pitch on Sunday. Tarrowko said it would appeal."
    labels = _short_form_labels(nlp, text, [(club, "ORG", 0), ("Tarrowko", PERSON, 1)])
    assert labels[("Tarrowko", text.rindex("Tarrowko"))] == (club, "ORG")


def test_club_inner_word_of_a_persons_name_stays_a_person(nlp):
    text = "Fans of Vellby Tarrowko SC invaded the pitch. Coach Ana Tarrowko said so, and Tarrowko would stay."
    labels = _short_form_labels(nlp, text, [("Vellby Tarrowko SC", "ORG", 0), ("Ana Tarrowko", PERSON, 0),
                                            ("Tarrowko", PERSON, 2)])
    assert labels[("Tarrowko", text.rindex("Tarrowko"))] == ("Tarrowko", PERSON)


def test_inner_word_of_a_name_without_club_word_is_no_short_form(nlp):
    text = "Fans of Vellby Tarrowko Group met on Sunday. Tarrowko said it would appeal."
    labels = _short_form_labels(nlp, text, [("Vellby Tarrowko Group", "ORG", 0), ("Tarrowko", PERSON, 1)])
    assert labels[("Tarrowko", text.rindex("Tarrowko"))] == ("Tarrowko", PERSON)


@pytest.mark.parametrize(
    ("name", "places", "expected"),
    [
        ("Vellby Hearts of Tarrow", ["Vellby"], "ORG"),  # a place of the article opens it
        ("Vellby Hearts of Tarrow", [], PERSON),  # no place
        ("Ana Hearts of Tarrow", ["Vellby"], PERSON),
        ("Vellby Hearts Tarrow", ["Vellby"], PERSON),  # no "of"
        ("Kenya Hearts of Tarrow", ["Kenya"], PERSON),  # a country: no city's or region's name
    ],
)
def test_a_person_opening_with_a_city_and_going_on_over_of_is_an_organisation(name, places, expected):
    text = f"Fans of {name} cheered{''.join(f' in {p}' for p in places)}."
    found = [_mention(text, name, PERSON)] + [_mention(text, p, "GPE", 1 if p in name else 0) for p in places]
    labels = {m.text: m.label for m in clubs.place_led_of_names(_article(text), found)}
    assert labels[name] == expected
