"""Chrome headings, byline words and month names of other languages (issue 10), row by row."""

from __future__ import annotations

import pytest

from workers.stages.clean import core as stage
from workers.stages.clean import metadata, sections
from workers.stages.clean import vocabulary as v
from workers.stages.clean.dates import date_line, month_words_other

GERMAN = [
    "Der Stadtrat hat am Dienstag beschlossen, die alte Brücke bis zum Frühjahr für Reparaturen zu sperren, und der "
    "Bürgermeister sagte, die Arbeiten würden länger dauern als gedacht.",
    "Die Anwohner hatten seit Jahren über den Zustand der Brücke geklagt, und ein Gutachten aus dem vergangenen "
    "Sommer hatte erhebliche Schäden an den Pfeilern festgestellt.",
    "Nach Angaben der Stadtverwaltung soll der Verkehr während der Bauarbeiten über die Umgehungsstraße im Norden "
    "der Stadt geleitet werden, was zu längeren Fahrzeiten führen dürfte.",
]


@pytest.mark.parametrize("heading, kind", [
    ("Lesen Sie auch", "teasers"), ("Das könnte Sie auch interessieren", "teasers"), ("Weitere Artikel", "teasers"),
    ("Schon gelesen?", "teasers"), ("Mehr zum Thema", None),
    ("À lire aussi", "teasers"), ("Sur le même sujet", "teasers"), ("Les plus lus", "teasers"),
    ("Noticias relacionadas", "teasers"), ("Te puede interesar", "teasers"), ("Lo más leído", "teasers"),
    ("Leggi anche", "teasers"), ("Leia também", "teasers"), ("Lees ook", "teasers"),
    ("Czytaj też", "teasers"), ("Zobacz także", "teasers"), ("Najczęściej czytane", "teasers"),
    ("Siehe auch", "teasers"), ("Ver también", "teasers"), ("Vedi anche", "teasers"), ("Zie ook:", "teasers"),
    ("Weitere Informationen:", "teasers"), ("Mehr Informationen zum Hochwasser:", "teasers"), ("Zum Weiterlesen:", "teasers"),
    ("Lesen Sie auch die folgenden Beiträge:", "teasers"), ("Weiterführende Links", "teasers"),
    ("Mehr zum Thema auf Beispiel.de", "teasers"), ("Vorschau auf den nächsten Artikel", "teasers"),
    ("Weitere aktuelle Themen aus der Arbeitswelt", "teasers"), ("Más sobre La Gaceta del Puerto", "teasers"),
    ("Weitere Informationen finden Sie auf der Seite der Stadt.", None),  # a sentence, not a heading
    ("Pressekontakt:", "legal"), ("Kontakt", "legal"), ("Ansprechpartnerin zum Thema:", "legal"),
    ("Contact presse", "legal"), ("Contacto de prensa", "legal"), ("Contatti stampa", "legal"),
    ("Perscontact", "legal"), ("Kontakt dla mediów", "legal"),
    ("Kontaktieren Sie uns jederzeit.", None), ("Kontaktformular", None),
    ("Kommentare (12)", "comments"), ("Schreibe einen Kommentar", "comments"), ("Laisser un commentaire", "comments"),
    ("Deja una respuesta", "comments"), ("Lascia un commento", "comments"), ("Deixe um comentário", "comments"),
    ("3 reacties", "comments"), ("Komentarze", "comments"),
    # not chrome headings: an opinion column's label over its headline, a sentence that starts alike
    ("Kommentar", None), ("Lesen Sie auch die Geschichte der Brücke, die 1890 gebaut wurde", None),
])
def test_other_languages_section_headings(heading, kind):
    assert sections.heading_kind(heading) == kind


@pytest.mark.parametrize("line", ["Lesen Sie auch: Brücke gesperrt", "À lire aussi | Le pont fermé",
                                  "Czytaj też: Most zamknięty", "Lee también: El puente cerrado",
                                  "Mehr: Brücke bleibt bis Mai gesperrt", "Lesen Sie hier: Der Streit um die Brücke",
                                  "PUEDES VER: ¿Qué pasará con el puente?", "Mira también: El puente cerrado"])
def test_other_languages_teaser_links(line):
    assert v.TEASER_LINK.match(line) and v.UI_PREFIX.match(line)


@pytest.mark.parametrize("line", ["Mehr als 300 Menschen kamen: Sie feierten bis in die Nacht.",
                                  "Mehrere Gründe: Die Brücke ist alt, der Verkehr nimmt zu."])
def test_german_sentences_opening_with_mehr_are_no_teaser_links(line):
    assert not v.TEASER_LINK.match(line) and not v.UI_PREFIX.match(line)


@pytest.mark.parametrize("line, name", [
    ("29. Juni 2017, 23:39 · von Tobi", "Tobi"),  # de: a date, then the byline
    ("22. Dezember 2019 von Anna Beispiel", "Anna Beispiel"),
    ("VON ANNA BEISPIEL am 21. April 2020", "ANNA BEISPIEL"),  # de: "am" joins the date
    ("* von Jana Roe", "Jana Roe"),  # a dump's list item
    ("Publié le 3 mars 2021 par Jean Exemple", "Jean Exemple"),  # fr
    ("Publicado por Ana Ejemplo", "Ana Ejemplo"),  # es
    ("Posted on May 4, 2020 by Jane Doe", "Jane Doe"),  # en, as before
])
def test_header_byline_words_of_other_languages(line, name):
    assert metadata.byline(line)[0] == name
    record = stage.clean_lines(["Brücke wird gesperrt", line, *GERMAN])
    assert record["byline"] == name


def test_a_byline_after_a_date_and_time_with_a_german_clock():
    assert metadata.byline("01. Dez. 2022 | 14:08 Uhr | von Jana Roe")[0] == "Jana Roe"


@pytest.mark.parametrize("line", [
    "Am 5. Mai 2019 wurde von Bürgern der Stadt gegen die Schließung der Brücke protestiert.",  # prose
    "Die Brücke von Arnheim",  # "von" inside a title
    "Small Nursery Idea #4: Utilize Door Space",  # the English noun, not Dutch "door"
    "Bern, 17.08.2007 - Rede von Jana Roe beim Städtegipfel",  # "a speech by": a word before "von"
])
def test_von_inside_prose_or_a_title_is_no_byline(line):
    assert metadata.byline(line) is None


@pytest.mark.parametrize("line, date", [
    ("VON ANNA BEISPIEL am 21. April 2020", "2020-04-21"),
    ("22. Dezember 2019 von Anna Beispiel", "2019-12-22"),
    ("Publié le 3 mars 2021 par Jean Exemple", "2021-03-03"),
])
def test_the_date_of_a_byline_line_in_other_languages(line, date):
    assert stage.clean_lines(["Brücke wird gesperrt", line, *GERMAN])["published_at"][:10] == date


@pytest.mark.parametrize("line, date", [
    ("01. Dez. 2022", "2022-12-01"),  # de, dateparser's abbreviation
    ("1 déc. 2022", "2022-12-01"),  # fr
    ("5 ene. 2020", "2020-01-05"),  # es
    ("3 gen 2021", "2021-01-03"),  # it
    ("3 okt. 2021", "2021-10-03"),  # de, nl
])
def test_abbreviated_month_names_of_other_languages(line, date):
    assert date_line(line) == (date, None)


@pytest.mark.parametrize("line, date", [
    ("3 maja 2022", ("2022-05-03", None)),  # pl, the genitive a date uses
    ("3 maj 2022", ("2022-05-03", None)),  # the nominative, as some sites write it
    ("środa, 15 stycznia 2020", ("2020-01-15", None)),
    ("3 października 2019 r.", ("2019-10-03", None)),  # "r." for "roku", the year
    ("Opublikowano: 12 lutego 2021, 10:15", ("2021-02-12T10:15:00", None)),
    ("10 sie 2021", ("2021-08-10", None)),  # dateparser's abbreviation of sierpnia
    ("10 Sie haben 2022 gewonnen", None),  # a German "Sie" is no month
])
def test_polish_dates_by_dateparsers_polish(line, date):
    assert date_line(line) == date


def test_month_words_come_from_the_table_and_dateparser():
    words = month_words_other()
    assert {"dezember", "dez", "déc", "ene", "gen"} <= words
    assert all(m in words for row in v.MONTH_NAMES_OTHER.values() for m in row.split())
    assert date_line("4 out of 5 stars") is None  # "out" (pt) alone is no date


@pytest.mark.parametrize("text", ["View all posts by Petra Roe", "Zeige alle Beiträge von Petra Roe",
                                  "Alle Beiträge von Petra Roe", "Voir tous les articles de Petra Roe",
                                  "Ver todas las entradas de Petra Roe"])
def test_a_blog_themes_author_link_text_in_other_languages(text):
    assert v.AUTHOR_LINK_PREFIX.sub("", text) == "Petra Roe"


@pytest.mark.parametrize("line", ["von Jana Roe Erstellt am 3. Mai 2021", "von Jana Roe Veröffentlicht: 3. Mai 2021",
                                  "* von Jana Roe Vom 3. Mai 2021", "von Jana Roe Kategorien: Allgemein",
                                  "By Jana Roe Last updated Nov 8, 2023"])
def test_a_header_bylines_name_ends_at_a_date_or_category_label(line):
    assert metadata.byline(line)[0] == "Jana Roe"


@pytest.mark.parametrize("line, expected", [
    ("Veröffentlicht am 19. Dezember 202219. Dezember 2022", ("2022-12-19", "2022-12-19")),  # a theme's two <time>s
    ("22. Dezember 201922. Dezember 2019", ("2019-12-22", None)),
    ("Posted on May 14, 2024May 15, 2024", ("2024-05-14", "2024-05-15")),  # month first, as before
])
def test_two_day_first_dates_glued_together(line, expected):
    assert date_line(line) == expected


def test_a_german_created_by_label():
    assert metadata.byline("Erstellt von Andri Beispiel")[0] == "Andri Beispiel"


@pytest.mark.parametrize("language, words", v.BYLINE_LABEL_WORDS)
def test_byline_label_words_row_by_row(language, words):
    for word in words.split(", "):
        for line in (word, word.capitalize(), f"{word.capitalize()}:", f"* {word.capitalize()}"):
            assert v.BYLINE_LABEL.match(line), (language, line)


@pytest.mark.parametrize("line", ["Von Jana Roe", "DE", "* de", "door", "di", "Byline", "Autorenseite", "* Von *"])
def test_a_byline_label_needs_the_label_alone(line):
    assert v.BYLINE_LABEL.match(line) is None


@pytest.mark.parametrize("label, name", [
    ("Von", "Jana Roe"), ("* Von", "* Jana Roe"), ("Autorin:", "Jana Roe"), ("Autor", "Jon Roe"),
    ("Por", "Ana Ruiz"), ("Par", "Jean Roe"), ("* By", "* Jane Doe"),
])
def test_a_byline_label_over_the_name_in_a_dumps_lines(label, name):
    record = stage.clean_lines(["Brücke wird gesperrt", label, name, *GERMAN])
    assert record["byline"] == name.removeprefix("* ")


@pytest.mark.parametrize("label, line", [("Von", "Brücke"), ("* DE", "* EN"), ("* Von", "* Startseite")])
def test_a_byline_label_over_no_name(label, line):
    assert stage.clean_lines(["Brücke wird gesperrt", label, line, *GERMAN])["byline"] is None


@pytest.mark.parametrize("line, date", [
    ("19.10.19, 12:00 Uhr", "2019-10-19T12:00:00"), ("* 3.10.19 8:05", "2019-10-03T08:05:00"),
    ("19.10.19", None), ("Version 1.10.19", None), ("19.10.19, 120 Seiten", None),
])
def test_a_dotted_date_with_a_two_digit_year_needs_a_clock_time(line, date):
    record = stage.clean_lines(["Brücke wird gesperrt", line, *GERMAN])
    assert record["published_at"] == date


@pytest.mark.parametrize("line, name, date", [
    ("Jana Roe 19.10.2019, 05:00 Uhr", "Jana Roe", "2019-10-19T05:00:00"),
    ("Jana Roe, 01.12.2021", "Jana Roe", "2021-12-01"),
    ("Claus Roe-Lee - 31. Januar 2022", "Claus Roe-Lee", "2022-01-31"),
    ("Jane Doe - March 4, 2024", "Jane Doe", "2024-03-04"),
    # near cases: a section label before the date is no name; a reading time is no date
    ("Lokales 19.10.2019", None, None), ("Jane Doe 4 min read", None, None),
    # a capitalised phrase before a month name after a space: a section label as often ("Original Research")
    ("Original Research 7 April 2020", None, None),
])
def test_a_name_then_its_date_on_one_header_line(line, name, date):
    record = stage.clean_lines(["Brücke wird gesperrt", line, *GERMAN])
    assert (record["byline"], record["published_at"]) == (name, date)


def test_a_dates_label_is_no_name_before_its_date():
    record = stage.clean_lines(["Brücke wird gesperrt", "Actualizado el 08/05/2022 02:14", *GERMAN])
    assert record["byline"] is None


@pytest.mark.parametrize("line, dates", [
    ("Datum: 26. Januar 2022", ("2022-01-26", None)), ("* Erscheinungsdatum 21. Januar 2022", ("2022-01-21", None)),
    ("Erstellt am 09.02.2022", ("2022-02-09", None)), ("Publiziert 02/02/2022", ("2022-02-02", None)),
    ("zuletzt bearbeitet: 04.02.2022, 08:27 Uhr", (None, "2022-02-04T08:27:00")),
    ("Zuletzt geändert am 06.11.2023", (None, "2023-11-06")),
    ("Datum", None), ("Erstellt: vor 4 Stunden", None),  # near cases: a label alone, a relative German date
])
def test_german_date_labels(line, dates):
    assert date_line(line) == dates


@pytest.mark.parametrize("line, dates", [
    ("Veröffentlicht am Dezember 29, 2021Dezember 30, 2021", ("2021-12-29", "2021-12-30")),
    ("Posted on May 14, 2024May 15, 2024 by Jane Doe", ("2024-05-14", "2024-05-15")),  # as before
    ("Dezember 29, 2021Dezember 30, 2021", None),  # near case: no label, no date line
])
def test_two_month_first_dates_glued_together_in_other_languages(line, dates):
    assert date_line(line) == dates


@pytest.mark.parametrize("line, name", [
    ("By Martin Roe On 12. Dezember 2022", "Martin Roe"), ("By Jane Doe On 12 May 2020", "Jane Doe"),
    ("von Jana Roe Am 3. Mai 2021", "Jana Roe"), ("By Jane Doe on 12 May 2020", "Jane Doe"),  # as before
    ("By Jane On Air", "Jane On Air"),  # near case: no digit after the joiner, no date joined
])
def test_a_date_joiner_after_the_name_in_any_case(line, name):
    assert metadata.byline(line)[0] == name



@pytest.mark.parametrize("line", ["Harbor City - 19.10.2019", "Niedersachsen 19.10.2019, 05:00"])
def test_a_place_then_a_date_is_no_byline(line):
    assert stage.clean_lines(["Brücke wird gesperrt", line, *GERMAN])["byline"] is None


@pytest.mark.parametrize("link, read_more", [
    ("Mehr lesen...", True), ("Weiterlesen »", True), ("Lire la suite", True), ("Leer más", True),
    ("Seguir leyendo", True), ("Leggi tutto", True), ("Leia mais", True), ("Lees verder", True), ("Czytaj dalej", True),
    # a sentence that opens alike is no link
    ("Weiterlesen lohnt sich immer", False), ("Lire la suite du rapport en ligne", False),
])
def test_other_languages_read_more_links(link, read_more):
    assert bool(v.READ_MORE_LINK.match(link)) is read_more
    assert bool(sections._READ_MORE_MATCH(link)) is read_more  # its first-letter gate passes the rows


def test_german_teasers_closed_by_read_more_links_leave_the_article():
    teasers = [("Herbstdüngung im Überblick", "Auch in diesem Jahr stellt sich die Frage, wie eine Düngung nach der "
                "Ernte im Herbst zu bemessen ist."),
               ("Neue Meldepflichten für Betriebe", "In diesem Beitrag finden Sie eine Übersicht zu den aktuellen "
                "Aufzeichnungs- und Meldepflichten."),
               ("Lagerraum anteilig anerkannt", "Das Ministerium hat sich auf eine gemeinsame Auslegung der Regeln "
                "für Nachgärer verständigt.")]
    texts = ["Brücke wird gesperrt", *GERMAN]
    for headline, summary in teasers:
        texts += [headline, summary, "Mehr lesen..."]
    assert stage.clean_lines(texts)["paragraphs"] == GERMAN


def test_a_german_press_contact_closes_the_release():
    texts = ["Brücke wird gesperrt", *GERMAN, "Pressekontakt:", "Jana Roe, Stadtverwaltung", "Telefon: 030 1234567"]
    assert stage.clean_lines(texts)["paragraphs"] == GERMAN


ENGLISH = [
    "The council voted on Tuesday to close the old bridge until spring for repairs, and the mayor said the work "
    "would take longer than expected.",
    "Residents had complained for years about the state of the bridge, and a survey last summer found serious "
    "damage to its piers.",
    "According to the city, traffic will be diverted over the bypass in the north of the town during the works, "
    "which is likely to lengthen journeys.",
]


def test_a_subheading_in_a_language_that_capitalises_nouns_is_no_title_case_promo(monkeypatch):
    from workers.stages.clean import structure

    heading = "Weitere Brücken der Stadt im Blick"
    assert heading in stage.clean_lines([GERMAN[0], heading, *GERMAN[1:]])["paragraphs"]
    # an English Title Case headline between paragraphs is another story's promo, as before
    promo = "Mayor Unveils Plans For Harbour Festival"
    assert promo not in stage.clean_lines([ENGLISH[0], promo, *ENGLISH[1:]])["paragraphs"]
    # read as English capitals, the German heading would go the same way
    monkeypatch.setattr(structure, "_nouns_capitalised", lambda *args: False)
    assert heading not in stage.clean_lines([GERMAN[0], heading, *GERMAN[1:]])["paragraphs"]


@pytest.mark.parametrize("line", ["Jana Roe", "Neue Brücken"])
def test_a_name_shaped_line_is_no_subheading_alone_in_a_language_that_capitalises_nouns(line):
    # a person's name as likely as a heading: it counts only among an article's Title Case headings
    assert line not in stage.clean_lines([GERMAN[0], line, *GERMAN[1:]])["paragraphs"]


@pytest.mark.parametrize("line, dates_", [
    ("IT - 21. Januar 2022", ("2022-01-21", None)),  # a section label, a dash, the date
    ("Thema des Tages // 02.11.2021", ("2021-11-02", None)),
    ("Politics - March 3, 2024", ("2024-03-03", None)),
    ("Born 1931 - June 9, 2024", None),  # a label with digits: a span's end, no labelled date
    ("March 3, 1931 - June 9, 2024", None),  # a life's span stays no date
    ("Kapitel - 3 Tage", None),  # no date after the dash
])
def test_a_date_after_a_section_label_and_a_dash(line, dates_):
    assert date_line(line) == dates_
