"""Kinds read where our HTML body and trafilatura's disagree on unlabelled pages (bench.disagree, session 13):
a data table's column of dates. Each page and sentence here is invented."""

from __future__ import annotations

import pytest

from workers.stages import clean as clean_stage
from workers.stages.clean import voting

PROSE = [
    "The county published on Monday the full list of grants it awarded to village halls this autumn, "
    "after councillors asked why some applications had waited more than a year for an answer.",
    "The table below lists every grant with the day it was paid and the hall that received it, as "
    "recorded in the county's own accounts for the quarter that ended in September.",
    "Officials said the remaining applications would be decided before the end of the year, and that "
    "halls turned down this time could apply again in the spring round without a new survey.",
]
TITLE = "County lists every village hall grant paid this autumn"


def _page(rows: list[tuple[str, str, str]], header: bool = True) -> str:
    head = "<tr><th>Date</th><th>Amount</th><th>Hall</th></tr>" if header else ""
    table = "<table>" + head + "".join(f"<tr><td>{d}</td><td>{a}</td><td>{h}</td></tr>" for d, a, h in rows) + "</table>"
    return (f"<!doctype html><html><head><title>{TITLE}</title></head><body><main><article><h1>{TITLE}</h1>"
            f'<time datetime="2024-11-04T09:00:00Z">November 4, 2024</time>'
            f"<p>{PROSE[0]}</p><p>{PROSE[1]}</p>{table}<p>{PROSE[2]}</p></article></main></body></html>")


def _clean(html: str) -> dict:
    return clean_stage.clean({"id": "x", "source": None, "content_type": "text/html", "content": html, "fetched_at": None})


HALLS = [("2024-09-02", "$2,500", "Ashby Village Hall"), ("2024-09-09", "$800", "Brook End Hall"),
         ("2024-09-16", "$1,200", "Copley Memorial Hall"), ("2024-09-23", "$450", "Dunmore Hall")]


@pytest.mark.parametrize("rows", [HALLS, HALLS[:3]])
def test_a_tables_column_of_dates_stays_in_the_body(rows):
    record = _clean(_page(rows))
    for day, amount, hall in rows:
        assert day in record["body"] and amount in record["body"] and hall in record["body"]
    assert record["published_at"].startswith("2024-11-04")


def test_one_or_two_date_cells_are_still_date_lines():
    assert voting.with_date_column(["2024-09-02", "x", "2024-09-09"], [True, True, True], [False, True, False],
                                   [True, False, True], {"2024-09-02", "x", "2024-09-09"}) == [False, True, False]


@pytest.mark.parametrize(
    ("texts", "dated", "cells", "kept"),
    [
        # three date cells of a table the metadata pass took out: back in
        (["2024-09-02", "2024-09-09", "2024-09-16"], [True] * 3, {"2024-09-02", "2024-09-09", "2024-09-16"},
         [True, True, True]),
        # the same lines, not table cells (a dump's date lines): stay out
        (["2024-09-02", "2024-09-09", "2024-09-16"], [True] * 3, {"x"}, [False, False, False]),
        # three cells taken out, only two of them dates (a byline cell beside): none back
        (["2024-09-02", "By Jane Doe", "2024-09-16"], [True, False, True], {"2024-09-02", "By Jane Doe", "2024-09-16"},
         [False, False, False]),
    ],
)
def test_date_column_rows(texts, dated, cells, kept):
    assert voting.with_date_column(texts, [True] * 3, [False] * 3, dated, cells) == kept
