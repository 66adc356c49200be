"""Header kinds of German and Polish pages (session 14; invented lines): a newsroom's byline before its date, a
byline's date after another language's joiner, month-first dates in other languages, Polish date labels. Each
row beside the near case it must leave alone."""

from __future__ import annotations

import pytest
from probe_texts import BODY
from probe_texts import cleaned

from workers.stages.clean import bylines, metadata, metalines
from workers.stages.clean import vocabulary as v
from workers.stages.clean.dates import BARE_LABEL, date_line


@pytest.mark.parametrize("language, words", v.DESK_BYLINES)
def test_each_desk_byline_row_before_its_date(language, words):
    for word in words.split():
        dates, found, _, _ = metalines._meta_facts(f"{word.title()} - 31.01.2022")
        assert dates == ("2022-01-31", None) and found == (word.title(), None), language


@pytest.mark.parametrize("line, expected", [
    ("Redaktion - 3. Mai 2022", (("2022-05-03", None), ("Redaktion", None))),
    ("Redakcja, 03.05.2022", (("2022-05-03", None), ("Redakcja", None))),
    # a section's label, no newsroom: its date is read (dates._LABELLED_DATE), no byline
    ("Politik - 3. Mai 2022", (("2022-05-03", None), None)),
    ("Redaktionsschluss - 3. Mai 2022", (("2022-05-03", None), None)),  # a longer word, not the desk
])
def test_a_newsroom_byline_then_its_date(line, expected):
    assert metalines._meta_facts(line)[:2] == expected


@pytest.mark.parametrize("line, expected", [
    ("Von Jana Roe am 03.05.2022 um 10:20 Uhr gespeichert unter Allgemein", (("2022-05-03", None), ("Jana Roe", None))),
    ("Por Ana Ruiz em 3 de maio de 2022", (("2022-05-03", None), ("Ana Ruiz", None))),
])
def test_a_bylines_date_after_a_joiner_of_another_language(line, expected):
    assert metalines._meta_facts(line)[:2] == expected


def test_a_joiner_before_no_date_gives_no_date():
    assert metalines._meta_facts("Von Jana Roe am 3. Tag der Messe")[0] is None


@pytest.mark.parametrize("line, expected", [
    ("März 14, 2021", ("2021-03-14", None)),  # WordPress's "F j, Y" under a German locale
    ("Mai 07, 2021", ("2021-05-07", None)),
    ("Mai 2019", None),  # an archive link: no day
    ("Mai 05", None),  # no year
])
def test_a_month_first_date_in_another_language(line, expected):
    assert date_line(line) == expected


def test_a_date_then_a_byline_word_then_the_name():
    assert metadata.byline("März 14, 2021 von Jana Roe Kategorien: Allgemein") == ("Jana Roe", None)


@pytest.mark.parametrize("line, expected", [
    ("Opublikowano: 03.05.2022 r.", ("2022-05-03", None)),
    ("Opublikowano dnia 03.05.2022 r., 12:30", ("2022-05-03", None)),
    ("Data publikacji: 03.05.2022", ("2022-05-03", None)),
    ("Zaktualizowano: 04.05.2022 r.", (None, "2022-05-04")),
    ("Aktualizacja 04.05.2022, 10:15", (None, "2022-05-04T10:15:00")),
    ("Opublikowano w kategorii Sport", None),  # the label without a date
])
def test_polish_date_labels(line, expected):
    assert date_line(line) == expected


def test_a_polish_label_alone_is_a_bare_label():
    assert BARE_LABEL.match("Opublikowano dnia") and not BARE_LABEL.match("Opublikowane przez Jana")


@pytest.mark.parametrize("line, expected", [
    ("Veröffentlicht am Fr, 6. Mai 2022, 18:20 von Jana Roe", (("2022-05-06T18:20:00", None), ("Jana Roe", None))),
    ("Published on Friday, May 6, 2022 at 6:20 pm by Jane Doe", (("2022-05-06T18:20:00", None), ("Jane Doe", None))),
    # a teaser's headline with a number, as long before "by": no byline
    ("Harbour board eyeing $7M waterfront warehouse once owned by Jana Roe", (None, None)),
])
def test_a_posted_verb_lets_a_long_date_stand_before_the_byline_word(line, expected):
    assert metalines._meta_facts(line)[:2] == expected


@pytest.mark.parametrize("line, expected", [
    ("/ 3.05.2022, 09:00 Uhr", ("2022-05-03T09:00:00", None)),  # "Jana Roe" / "/ 3.05.2022": the name's element above
    ("· 3. Mai 2022", ("2022-05-03", None)),
    ("* 3. Mai 2022 Bürgerfest im Park", None),  # a list item's marker is no separator (a teaser's date and headline)
    ("/news/2022", None),  # a path
])
def test_a_separator_the_dump_left_before_a_bare_date(line, expected):
    assert date_line(line) == expected


@pytest.mark.parametrize("text, expected", [
    ("Redaktion", True), ("Hafenblatt Redaktion", True), ("hafenblatt.de Redaktion", True), ("Redakcja", True),
    ("Kontakt zur Redaktion aufnehmen", False),  # five words: a link, no byline
    ("Redaktionsteam", False), ("Jana Roe", False),
])
def test_a_newsrooms_byline(text, expected):
    assert bylines.desk_byline(text) is expected


@pytest.mark.parametrize("name, expected", [("Redaktion", ["Redaktion"]),
                                            ("Kontakt zur Redaktion aufnehmen", [])])
def test_a_newsrooms_byline_under_the_date_line(name, expected):
    record = cleaned("Neue Fähre für die Inselroute", "Freitag, 6. Mai 2022", name, *BODY)
    assert record["authors"] == expected
    assert record["published_at"] == "2022-05-06"
