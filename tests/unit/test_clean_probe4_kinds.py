"""Kinds a session-13 probe of failures users report on extractor trackers found (invented pages: the
failure each issue thread describes, rebuilt with text of our own): each rule beside the near case it
must leave alone."""

from __future__ import annotations

import pytest

from workers.records import raw_record
from workers.stages.clean import bylines, clean

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
