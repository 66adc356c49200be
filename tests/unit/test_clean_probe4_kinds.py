"""Kinds a session-13 probe of failures users report on extractor trackers found (invented pages: the
failure each issue thread describes, rebuilt with text of our own): each rule beside the near case it
must leave alone."""

from __future__ import annotations

import pytest
from probe_texts import BODY
from probe_texts import cleaned

from workers.records import raw_record
from workers.stages.clean import bylines, clean
from workers.stages.clean.dates import date_line

_BODY = (
    "<p>The ferry operator said on Tuesday it would add a second boat to the island route from June, doubling the "
    "number of crossings on summer weekends.</p>"
    "<p>The new boat carries 240 passengers and 40 cars. Fares will not change this year, the operator said, "
    "although fuel costs rose by a fifth last winter.</p>"
    "<p>\"We turned away cars every Saturday last August,\" said the harbour master, Eva Strand. \"This should end "
    "the queues on the pier.\"</p>"
)


def _html(header: str) -> dict:
    page = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Second ferry for island route"
            "</title></head><body><main><article><h1>Second ferry for island route</h1>"
            f"{header}<time datetime=\"2024-05-07T08:00:00Z\">May 7, 2024</time>{_BODY}</article></main></body></html>")
    return clean(raw_record("h", page, content_type="text/html", fetched_at="2024-12-01T00:00:00+00:00"))


# --- several author links in the header: trafilatura keeps the first (mozilla/readability#161's failure)

def _author_links(*names: str, joiner: str = ",") -> str:
    links = [f"<span class=\"author\"><a rel=\"author\" href=\"/staff/{i}\"><span>{n}</span></a></span>"
             for i, n in enumerate(names)]
    return f"<span class=\"authors\">By: {f'<span>{joiner}</span> '.join(links)}</span>"


@pytest.mark.parametrize("names", [("Ola Nyberg", "Rita Vance"), ("Ola Nyberg", "Rita Vance", "Sam Oduya")])
def test_every_author_link_of_the_header_byline_is_an_author(names):
    assert _html(_author_links(*names))["authors"] == list(names)


def test_one_author_link_stays_one_author():
    assert _html(_author_links("Ola Nyberg"))["authors"] == ["Ola Nyberg"]


@pytest.mark.parametrize(("byline", "value", "more"), [
    ("Ola Nyberg, Rita Vance", "Ola Nyberg", True),
    ("Ola Nyberg and Rita Vance", "Rita Vance", True),
    ("Ola Nyberg", "Ola Nyberg", False),  # the same names: nothing more
    ("Rita Vance, Sam Oduya", "Ola Nyberg", False),  # other names: not the extractor's author's byline
    (None, "Ola Nyberg", False),
])
def test_a_header_byline_names_more_only_when_it_holds_the_extractors_author(byline, value, more):
    assert bylines._names_more(byline, value) is more


# --- a byline name set before the date with only a space (readability's byline takes the date with it,
# mozilla/readability#938): the date is the page's, the name its author's when it is a person's

@pytest.mark.parametrize(("line", "name"), [("Ana Lind March 5, 2024", "Ana Lind"), ("Ana Lind 5 March 2024", "Ana Lind"),
                                           ("Ana Maria Lind Mar. 5, 2024", "Ana Maria Lind")])
def test_a_name_then_the_date_on_a_dump_header_line(line, name):
    record = cleaned("Board approves new water treatment plant", line, *BODY)
    assert record["authors"] == [name]
    assert record["published_at"] == "2024-03-05"


@pytest.mark.parametrize("line", ["Local News March 5, 2024", "Harbor City March 5, 2024", "Costa Rica 5 March 2024",
                                  "Top Stories March 5, 2024"])
def test_a_label_or_place_then_the_date_gives_the_date_only(line):
    record = cleaned("Board approves new water treatment plant", line, *BODY)
    assert record["authors"] == []
    assert record["published_at"] == "2024-03-05"


def test_a_name_then_a_date_inside_the_article_is_no_byline():
    record = cleaned("Board approves new water treatment plant", "By Tom Roe", "March 5, 2024", *BODY,
                     "Ana Lind March 1, 2024")
    assert record["authors"] == ["Tom Roe"]
    assert record["published_at"] == "2024-03-05"


def _meta_page(header: str) -> dict:
    page = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Second ferry for island route</title>"
            "<meta property=\"article:published_time\" content=\"2024-05-07T08:00:00Z\"></head><body><main><article>"
            f"<h1>Second ferry for island route</h1>{header}{_BODY}</article></main></body></html>")
    return clean(raw_record("h", page, content_type="text/html", fetched_at="2024-12-01T00:00:00+00:00"))


def test_an_html_header_name_beside_the_pages_date_is_the_author():
    assert _meta_page("<div class=\"meta\">Ola Nyberg May 7, 2024</div>")["authors"] == ["Ola Nyberg"]


@pytest.mark.parametrize("header", ["<div class=\"meta\">Ola Nyberg May 2, 2024</div>",  # another day: a teaser's
                                    "<div class=\"meta\">Harbor City May 7, 2024</div>",
                                    "<div class=\"meta\">Local News May 7, 2024</div>"])
def test_an_html_header_name_beside_another_day_or_a_place_is_no_author(header):
    assert _meta_page(header)["authors"] == []


# --- the author's contact link and a capitalised rank run into the byline line (codelucas/newspaper#158, #856:
# "Email The Author" and "Senior Reporter" taken for names)

@pytest.mark.parametrize(("line", "name"), [("By Ana Lind Email the author", "Ana Lind"),
                                           ("Ana Lind Senior Reporter Email the author", "Ana Lind"),
                                           ("Ana Lind Chief Correspondent", "Ana Lind"),
                                           ("Ana Lind Senior Reporter", "Ana Lind"),
                                           ("By Ana Lind Contact the reporter", "Ana Lind")])
def test_a_byline_without_its_contact_link_and_rank(line, name):
    record = cleaned("Board approves new water treatment plant", line, "March 5, 2024", *BODY)
    assert record["authors"] == [name]
    assert not any("author" in p or "reporter" in p for p in record["paragraphs"])


@pytest.mark.parametrize(("text", "start"), [("By Ana Lind Email the author", 11), ("Ana Lind Contact reporter", 8),
                                           ("Email the author", None), ("Ana Lind Reporter", None),
                                           ("Ana Lind emailed the author", None)])
def test_a_contact_tail_follows_other_words(text, start):
    assert bylines.contact_tail(text) == start


def test_a_name_word_before_the_role_stays_in_the_name():
    record = cleaned("Board approves new water treatment plant", "Ana Maria Lind Reporter", "March 5, 2024", *BODY)
    assert record["authors"] == ["Ana Maria Lind"]


# --- the update date before the publication date on one line (htmldate#119: original and updated dates)

@pytest.mark.parametrize("line", ["Updated March 14, 2024 Published March 11, 2024",
                                  "Updated: March 14, 2024 Published: March 11, 2024",
                                  "Last updated 14 March 2024 Published 11 March 2024"])
def test_a_publication_label_after_the_update_date_starts_a_part(line):
    assert date_line(line) == ("2024-03-11", "2024-03-14")
    record = cleaned("Board approves new water treatment plant", "By Ana Lind", line, *BODY)
    assert (record["published_at"], record["updated_at"]) == ("2024-03-11", "2024-03-14")


@pytest.mark.parametrize(("line", "dates"), [("March 3, 2024 Published by the county press office", ("2024-03-03", None)),
                                             ("Published March 11, 2024", ("2024-03-11", None)),
                                             ("First published March 11, 2024", ("2024-03-11", None))])
def test_a_publication_word_after_a_date_is_no_second_date(line, dates):
    assert date_line(line) == dates
