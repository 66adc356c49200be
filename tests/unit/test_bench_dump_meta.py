"""bench.dump_meta's visibility test of a gold value in a dump (invented lines)."""

from __future__ import annotations

import pytest

from bench.dump_meta import shown, visible_key

DUMP = ["* Home", "Harbour Board Backs Dredging", "By Jane Roe | March 4, 2024", "The board’s “plan” was approved."]


@pytest.mark.parametrize(
    ("value", "found"),
    [
        ("Harbour Board Backs Dredging", "line"),
        ("Jane Roe", "inside"),
        ("The board's \"plan\" was approved.", "line"),  # straight and typographic quotes alike
        ("HARBOUR BOARD BACKS DREDGING", "case"),  # shown only in other capitals
        ("Ann Lee", None),
        ("", None),
    ],
)
def test_shown_rows(value, found):
    assert shown(value, [visible_key(line) for line in DUMP], DUMP) == found


def test_by_line_counts_as_the_name_line():
    assert shown("Jane Roe", [visible_key("By Jane Roe")]) == "line"
