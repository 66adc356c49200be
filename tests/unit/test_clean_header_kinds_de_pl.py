"""Header kinds of German and Polish pages (session 14; invented lines): a newsroom's byline before its date, a
byline's date after another language's joiner, month-first dates in other languages, Polish date labels. Each
row beside the near case it must leave alone."""

from __future__ import annotations

import pytest

from workers.stages.clean import metadata, metalines
from workers.stages.clean import vocabulary as v
from workers.stages.clean.dates import BARE_LABEL, date_line


@pytest.mark.parametrize("language, words", v.DESK_BYLINES)
def test_each_desk_byline_row_before_its_date(language, words):
    for word in words.split():
        dates, found, _, _ = metalines._meta_facts(f"{word.title()} - 31.01.2022")
        assert dates == ("2022-01-31", None) and found == (word.title(), None), language


@pytest.mark.parametrize("line, expected", [
    ("Redaktion - 31. Januar 2022", (("2022-01-31", None), ("Redaktion", None))),
    ("Redakcja, 03.05.2022", (("2022-05-03", None), ("Redakcja", None))),
    ("Politik - 31. Januar 2022", (None, None)),  # a section's label, no newsroom
    ("Redaktionsschluss - 31. Januar 2022", (None, None)),  # a longer word, not the desk
])
def test_a_newsroom_byline_then_its_date(line, expected):
    assert metalines._meta_facts(line)[:2] == expected


@pytest.mark.parametrize("line, expected", [
    ("Von Jana Roe am 07.08.2013 um 09:07 Uhr gespeichert unter Allgemein", (("2013-08-07", None), ("Jana Roe", None))),
    ("Por Ana Ruiz em 3 de maio de 2022", (("2022-05-03", None), ("Ana Ruiz", None))),
])
def test_a_bylines_date_after_a_joiner_of_another_language(line, expected):
    assert metalines._meta_facts(line)[:2] == expected


def test_a_joiner_before_no_date_gives_no_date():
    assert metalines._meta_facts("Von Jana Roe am 3. Tag der Messe")[0] is None


@pytest.mark.parametrize("line, expected", [
    ("Dezember 26, 2019", ("2019-12-26", None)),  # WordPress's "F j, Y" under a German locale
    ("Mai 05, 2019", ("2019-05-05", None)),
    ("Mai 2019", None),  # an archive link: no day
    ("Mai 05", None),  # no year
])
def test_a_month_first_date_in_another_language(line, expected):
    assert date_line(line) == expected


def test_a_date_then_a_byline_word_then_the_name():
    assert metadata.byline("Dezember 26, 2019 von Jana Roe Kategorien: Allgemein") == ("Jana Roe", None)


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
    ("Veröffentlicht am Fr, 24. Januar 2020, 18:18 von Jana Roe", (("2020-01-24T18:18:00", None), ("Jana Roe", None))),
    ("Published on Friday, January 24, 2020 at 6:18 pm by Jane Doe", (("2020-01-24T18:18:00", None), ("Jane Doe", None))),
    # a teaser's headline with a number, as long before "by": no byline
    ("Harbour board eyeing $7M waterfront warehouse once owned by Jana Roe", (None, None)),
])
def test_a_posted_verb_lets_a_long_date_stand_before_the_byline_word(line, expected):
    assert metalines._meta_facts(line)[:2] == expected


@pytest.mark.parametrize("line, expected", [
    ("/ 16.11.2018, 03:00 Uhr", ("2018-11-16T03:00:00", None)),  # "Jana Roe" / "/ 16.11.2018": the name's element above
    ("· 3. Mai 2022", ("2022-05-03", None)),
    ("* 3. Mai 2022 Bürgerfest im Park", None),  # a list item's marker is no separator (a teaser's date and headline)
    ("/news/2022", None),  # a path
])
def test_a_separator_the_dump_left_before_a_bare_date(line, expected):
    assert date_line(line) == expected
