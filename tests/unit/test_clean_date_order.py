"""Dates on real pages (twelfth session): the day order of an all-numeric date from the locale the page
declares, and htmldate's day against ours when htmldate read an update or the other order. Invented pages."""

from __future__ import annotations

import pytest

from workers.stages.clean import clean
from workers.stages.clean import dates
from workers.stages.clean import fields
from workers.stages.clean import html as html_extract
from workers.stages.clean import vocabulary as v

_PROSE = ("<p>The harbour board voted on Tuesday night to close the old pier for repairs until the end of the "
          "year, after engineers found cracks in three of its supporting columns during a routine survey.</p>")


@pytest.mark.parametrize(("locale", "order"), [
    ("en-GB", "day"), ("en_gb", "day"), ("en-AU", "day"), ("en-IN", "day"), ("en-IE", "day"), ("en-NZ", "day"),
    ("en-ZA", "day"),  # vocabulary.DAY_ORDER_OVERRIDES: CLDR writes its short date year first
    ("fr", "day"), ("fr-FR", "day"), ("fr-CA", "day"), ("de-DE", "day"), ("es-419", "day"),
    ("pt-BR", "day"),  # a region dateparser does not know: its language's order
    ("en-US", "month"), ("en_US", "month"), ("en", "month"), ("EN", "month"), ("en-PH", "month"),
    ("en-CA", None),  # Canada writes both orders
    ("ja", None), ("zh-Hans-CN", None),  # year first
    ("xx-YY", None), ("", None), (None, None),
])
def test_a_locales_day_order(locale, order):
    assert dates.day_order(locale) == order


@pytest.mark.parametrize(("locale", "order"), list(v.DAY_ORDER_OVERRIDES.items()))
def test_each_override_row_is_what_day_order_gives(locale, order):
    assert dates.day_order(locale) == order


@pytest.mark.parametrize(("value", "text", "order", "expected"), [
    ("2024-05-03", "05/03/2024", "day", "2024-03-05"),
    ("2024-05-03", "05/03/2024", "month", "2024-05-03"),
    ("2024-03-05T10:12:00", "05/03/2024 10:12", "day", "2024-03-05T10:12:00"),  # read day-first already
    ("2024-03-05T10:12:00", "05/03/2024 10:12", "month", "2024-05-03T10:12:00"),
    ("2024-05-03", "05/03/2024", None, "2024-05-03"),  # no order: as read
    ("2024-05-13", "05/13/2024", "day", "2024-05-13"),  # not ambiguous
    ("2024-05-05", "05/05/2024", "day", "2024-05-05"),
    ("2024-05-03", "Posted May 3, 2024", "day", "2024-05-03"),  # no slashed date
    ("2024-06-01", "05/03/2024", "day", "2024-06-01"),  # another date than the text's
])
def test_a_slashed_date_read_again_in_an_order(value, text, order, expected):
    assert dates.in_day_order(value, text, order) == expected


@pytest.mark.parametrize(("head", "locale"), [
    ('<html lang="en-GB"><head>', "en-GB"),
    ('<html xml:lang="en-AU" lang="en-AU"><head>', "en-AU"),
    ('<html lang="en"><head><meta property="og:locale" content="en_IN" />', "en_IN"),  # the one with a region
    ('<html><head><meta http-equiv="Content-Language" content="fr">', "fr"),
    ('<html><head><meta name="language" content="de-DE">', "de-DE"),
    ("<html><head>", None),
])
def test_the_locale_a_page_declares(head, locale):
    assert html_extract.declared_locale(head + "<title>t</title></head><body></body></html>") == locale


def _page(head_lang: str, date_text: str, more: str = "", meta: str = "") -> dict:
    html = (f"<!doctype html>{head_lang}<head>{meta}<title>Pier to close for repairs</title></head><body><article>"
            f"<h1>Pier to close for repairs</h1><p class=\"byline\">By Jane Doe</p><p>{date_text}</p>"
            + _PROSE * 4 + more + "</article></body></html>")
    return clean({"id": "x", "source": None, "content_type": "text/html", "content": html, "fetched_at": None})


@pytest.mark.parametrize(("head_lang", "meta", "published"), [
    ('<html lang="en-GB">', "", "2024-03-05"),
    ('<html lang="en-AU">', "", "2024-03-05"),
    ('<html lang="en-IN">', "", "2024-03-05"),
    ('<html lang="fr">', "", "2024-03-05"),
    ('<html lang="en">', '<meta property="og:locale" content="en_NZ"/>', "2024-03-05"),
    ("<html>", '<meta http-equiv="Content-Language" content="en-IE">', "2024-03-05"),
    ('<html lang="en-US">', "", "2024-05-03"),  # month first: the default stands
    ('<html lang="en">', "", "2024-05-03"),
    ("<html>", "", "2024-05-03"),  # undeclared
])
def test_an_ambiguous_slashed_date_is_read_in_the_declared_locales_order(head_lang, meta, published):
    assert _page(head_lang, "Published 05/03/2024", meta=meta)["published_at"] == published


def test_the_pages_own_dates_outweigh_the_declared_locale():
    # an en-GB page whose other slashed dates are month-first ("04/14/2024"): the page's own order stands
    more = "<p>Earlier notice 04/14/2024: the pier was closed for one day.</p>"
    assert _page('<html lang="en-GB">', "Published 05/03/2024", more)["published_at"] == "2024-05-03"


def test_a_24_hour_clock_is_not_undone_by_a_declared_us_locale():
    assert _page('<html lang="en-US">', "Published 05/03/2024 10:12")["published_at"] == "2024-03-05T10:12:00"


@pytest.mark.parametrize(("texts", "order", "published"), [
    (["By Jane Doe | 12/10/2020"], "day", "2020-10-12"),
    (["By Jane Doe | 12/10/2020"], "month", "2020-12-10"),
    (["By Jane Doe | 12/10/2020"], None, "2020-12-10"),
])
def test_a_shown_header_date_is_read_in_the_declared_locales_order(texts, order, published):
    assert fields.header_fields(texts, order)[0] == published


@pytest.mark.parametrize(("declared", "shown", "expected"), [
    # htmldate read the other order of the same numbers ("05/03/2024" day-first): ours, read in the page's order
    (None, "2024-05-03", "2024-05-03"),
    ("2024-05-03T09:00:00+00:00", None, "2024-05-03T09:00:00+00:00"),
    (None, "2024-05-04", "2024-03-05"),  # another day, not a swap: htmldate's markup day as before
])
def test_htmldate_reading_the_other_order_does_not_override_ours(declared, shown, expected):
    page_meta = {"published": declared, "date": "2024-03-05"}
    chosen = fields.html_published(None, False, page_meta, shown, valid=lambda value: True, guessed=lambda: False)
    assert chosen == expected


@pytest.mark.parametrize(("modified", "shown", "expected"), [
    # htmldate's day is the declared modified day, not the published one, and the page shows no such date
    ("2020-01-20T09:49:32Z", None, "2020-01-19T12:25:36+00:00"),
    # the page shows the modified day as its date (an "Updated" date the reader sees): htmldate's day
    ("2020-01-20T09:49:32Z", "2020-01-20", "2020-01-20"),
    # htmldate's day is neither: as before, htmldate's markup day
    ("2020-01-22T09:49:32Z", None, "2020-01-20"),
    (None, None, "2020-01-20"),
])
def test_htmldate_taking_the_modified_day_gives_way_to_the_declared_publication(modified, shown, expected):
    page_meta = {"published": "2020-01-19T12:25:36Z", "modified": modified, "date": "2020-01-20"}
    chosen = fields.html_published(None, False, page_meta, shown, valid=lambda value: True, guessed=lambda: False)
    assert chosen == expected


def test_a_page_whose_analytics_meta_holds_the_update_keeps_its_declared_publication():
    # htmldate reads a "…Date" <meta> of an analytics block first; JSON-LD says when the story was published
    page = ('<html lang="en"><head><title>Pier to close for repairs</title>'
            '<meta name="analyticsAttributes.articleDate" content="2020-01-20T09:49:32Z">'
            '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2020-01-19T12:25:36Z", '
            '"dateModified": "2020-01-20T09:49:32Z"}</script></head><body><article><h1>Pier to close for repairs</h1>'
            + _PROSE * 4 + "</article></body></html>")
    assert html_extract.extract(page)["date"] == "2020-01-20"  # what htmldate gives
    record = clean({"id": "x", "source": None, "content_type": "text/html", "content": page, "fetched_at": None})
    assert record["published_at"] == "2020-01-19T12:25:36+00:00"


@pytest.mark.parametrize(("naive", "declared", "expected"), [
    # the page's clock and the markup's UTC: one instant, the offset between them
    ("2020-02-24T21:25:00", "2020-02-25T02:25:54+00:00", "2020-02-24T21:25:54-05:00"),
    ("2020-02-24T21:25:00", "2020-02-25T02:25:54Z", "2020-02-24T21:25:54-05:00"),
    ("2021-03-09T21:50:00", "2021-03-09T16:20:12+00:00", "2021-03-09T21:50:12+05:30"),  # a half-hour offset
    ("2021-03-09T16:20:00", "2021-03-09T16:20:12+05:30", "2021-03-09T16:20:12+05:30"),  # the same clock
    ("2020-02-24T21:26:00", "2020-02-25T02:25:54+00:00", None),  # another minute
    ("2020-02-24T21:25:30", "2020-02-25T02:25:54+00:00", None),  # other seconds
    ("2020-02-23T21:25:00", "2020-02-25T02:25:54+00:00", None),  # 29 hours apart: no zone is that far
    ("2020-02-24", "2020-02-25T02:25:54+00:00", None),  # no time
    ("2020-02-24T21:25:00-05:00", "2020-02-25T02:25:54+00:00", None),  # an offset of its own
    ("2020-02-24T19:00:00", "2020-02-25T00:00:00+00:00", None),  # a bare midnight: a date written as a date-time
    ("2020-02-24T21:25:00", "2020-02-25", None),
    (None, "2020-02-25T02:25:54+00:00", None),
])
def test_a_naive_time_and_the_declared_instant_give_the_pages_offset(naive, declared, expected):
    assert fields.local_instant(naive, declared) == expected


def test_a_shown_local_time_of_the_declared_instant_keeps_the_local_day_with_its_offset():
    # the markup's UTC is the next day; the page shows 9:25 PM: the local day, time and offset
    page_meta = {"published": "2020-02-25T02:25:54Z", "date": "2020-02-24"}
    chosen = fields.html_published(None, False, page_meta, "2020-02-24T21:25:00", valid=lambda value: True,
                                   guessed=lambda: False)
    assert chosen == "2020-02-24T21:25:54-05:00"


@pytest.mark.parametrize(("text", "published", "modified", "shown", "expected"), [
    # the declared modified instant is the publication in another offset: no update
    (None, "2020-02-24T21:25:54-05:00", "2020-02-25T02:25:54Z", None, None),
    (None, "2020-02-24T21:25:54-05:00", "2020-02-25T04:00:00Z", None, "2020-02-25T04:00:00+00:00"),
    (None, "2020-02-24", None, "2020-02-26", "2020-02-26"),  # a shown update
    ("2020-01-20T10:09:00", None, "2020-01-20T02:09:41Z", None, "2020-01-20T10:09:41+08:00"),  # the text's update line
])
def test_the_updated_date_of_an_html_page(text, published, modified, shown, expected):
    assert fields.html_updated(text, published, {"modified": modified}, shown) == expected


_FRENCH = [
    "Le conseil portuaire a voté mardi soir la fermeture de la vieille jetée pour des travaux jusqu'à la fin de l'année.",
    "Les ingénieurs ont trouvé des fissures dans trois de ses colonnes lors d'une inspection de routine au printemps.",
    "Les pêcheurs pourront utiliser le quai sud pendant les travaux, a précisé la présidente du conseil aux habitants.",
    "Le coût des réparations est estimé à deux millions d'euros, financés en partie par la région et par l'État.",
]
_ENGLISH = [
    "The harbour board voted on Tuesday night to close the old pier for repairs until the end of the year.",
    "Engineers found cracks in three of its supporting columns during a routine survey in the spring.",
    "Fishing boats will use the south quay while the work goes on, the chair of the board told residents.",
    "The repairs are expected to cost two million pounds, paid for in part by the county and the government.",
]


@pytest.mark.parametrize(("title", "prose", "published"), [
    ("Fermeture de la vieille jetée", _FRENCH, "2024-03-05"),  # a French dump writes the day first
    ("Pier to close for repairs", _ENGLISH, "2024-05-03"),  # English: month first, the default
])
def test_a_dumps_language_gives_the_day_order_when_nothing_else_does(title, prose, published):
    text = "\n".join([title, "05/03/2024"] + prose)
    record = clean({"id": "x", "source": None, "content_type": "text/plain", "content": text, "fetched_at": None})
    assert record["published_at"] == published


# two dates glued together (a theme's published and updated <time> elements): one pattern for both
# orders, cut where the first date ends (dates.glued_dates)
@pytest.mark.parametrize("text, expected", [
    ("May 14, 2024May 15, 2024", ("May 14, 2024", "May 15, 2024")),  # month first
    ("14 May 202415 May 2024", ("14 May 2024", "15 May 2024")),  # day first
    ("19. Dezember 202219. Dezember 2022", ("19. Dezember 2022", "19. Dezember 2022")),  # day first, German
    ("Dezember 29, 2021Dezember 30, 2021", ("Dezember 29, 2021", "Dezember 30, 2021")),  # month first, German
    ("14 May 2024May 15, 2024", ("14 May 2024", "May 15, 2024")),  # one of each: the first date's end
    ("May 14, 202415 May 2024", ("May 14, 2024", "15 May 2024")),
    ("May 14, 2024 May 15, 2024", None),  # a space between: two parts, not glued
    ("Room 2024May", None),  # no date after the year
])
def test_glued_dates_are_cut_where_the_first_ends(text, expected):
    assert dates.glued_dates(text) == expected


def test_a_mixed_glued_pair_gives_the_first_as_published_the_second_as_updated():
    assert dates.date_line("Posted on 14 May 2024May 15, 2024") == ("2024-05-14", "2024-05-15")
    assert dates.date_line("Posted on May 14, 202415 May 2024") == ("2024-05-14", "2024-05-15")
