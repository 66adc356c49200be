"""One pattern for a byline name set before its date on one header line (vocabulary.NAME_THEN_DATE), read
by bylines.name_beside_date, bylines._name_beside_header_date and metalines._name_then_date: row by row, each
kind beside the near case it must leave alone. Invented lines."""

from __future__ import annotations

import pytest

from workers.stages.clean import metalines
from workers.stages.clean import vocabulary as v


@pytest.mark.parametrize("line, name, date, kind", [
    ("Jana Roe, 01.12.2021", "Jana Roe", "01.12.2021", "sep"),
    ("Ana Ruiz - 4 de mayo de 2022", "Ana Ruiz", "4 de mayo de 2022", "sep"),
    ("Jane Doe · 19 February 2024", "Jane Doe", "19 February 2024", "sep"),
    ("Jane Doe | March 3, 2024", "Jane Doe", "March 3, 2024", "sep"),
    ("Jana Boelen-Theile — 3. Mai 2022", "Jana Boelen-Theile", "3. Mai 2022", "sep"),  # a hyphen inside the name
    ("Jane Doe 19.10.2019, 05:00", "Jane Doe", "19.10.2019, 05:00", "numeric"),
    ("Jane Doe March 3, 2024", "Jane Doe", "March 3, 2024", "month"),
    ("Jane Doe 19 February 2024", "Jane Doe", "19 February 2024", "month"),
    ("Jane O’Hara Sept. 3, 2024", "Jane O’Hara", "Sept. 3, 2024", "month"),
])
def test_a_name_then_its_date_row_by_row(line, name, date, kind):
    m = v.NAME_THEN_DATE.match(line)
    assert (m.group("name"), m.group("date")) == (name, date)
    assert ("sep" if m.group("sep") else "month" if m.group("month") else "numeric") == kind


@pytest.mark.parametrize("line", [
    "Jane Doe March 3, 2024 at the town hall",  # a month-name date after a space must end the line
    "Jane Doe 3 items left",  # a number, no date
    "2024 Jane Doe",  # no name first
    "Jane Doe",  # no date
])
def test_near_cases_are_no_name_then_date(line):
    assert v.NAME_THEN_DATE.match(line) is None


@pytest.mark.parametrize("line, expected", [
    ("Jana Roe, 01.12.2021", "Jana Roe"),
    ("Jane Doe 19.10.2019, 05:00", "Jane Doe"),
    ("Jane Doe March 3, 2024", None),  # month name after a space: the line's place decides (bylines.name_beside_date)
    ("Original Research 7 April 2020", None),  # a section label's shape, the same kind
    ("Harbor City, 01.12.2021", None),  # a place's name (bylines.place_name)
])
def test_the_metadata_loop_takes_a_separator_or_numeric_date_only(line, expected):
    named = metalines._name_then_date(line)
    assert (named[1] if named else None) == expected


@pytest.mark.parametrize("line, expected", [
    ("Actualizado Martes, 3 mayo 2022 - 10:05", None),  # a date's label opens it: no name
    ("Standish Roe, 01.12.2021", "Standish Roe"),  # a name opening with a label's letters ("stand") is a name
])
def test_a_name_opened_by_a_date_label_is_no_byline(line, expected):
    named = metalines._name_then_date(line)
    assert (named[1] if named else None) == expected
