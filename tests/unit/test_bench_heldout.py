"""The held-out bench's scoring (bench.heldout): shingle F1, author containment, thirds. No network."""

import pytest

from bench.heldout import author_found, third
from bench.metrics import shingle_f1

GOLD = "The council voted on Tuesday to close the old bridge for repairs until the spring."


def test_the_gold_itself_scores_one():
    assert shingle_f1(GOLD, GOLD) == (1.0, 1.0, 1.0)


def test_added_chrome_costs_precision_not_recall():
    precision, recall, f1 = shingle_f1(GOLD + " Share this story on social media. Subscribe now for more.", GOLD)
    assert recall == 1.0 and 0.4 < precision < 0.8 and precision < f1 < 1.0


def test_a_lost_sentence_costs_recall_not_precision():
    precision, recall, _ = shingle_f1("The council voted on Tuesday to close the old bridge", GOLD)
    assert precision == 1.0 and recall < 0.7


def test_an_empty_extraction_scores_zero():
    assert shingle_f1("", GOLD) == (0.0, 0.0, 0.0)


def test_case_and_punctuation_do_not_count():
    assert shingle_f1(GOLD.upper().replace(" ", "  ,"), GOLD)[2] == 1.0


@pytest.mark.parametrize("ours, gold, hit", [
    (["Jane Doe"], "By Jane Doe March 4, 2015 3:46 PM", 1.0),
    (["Jane Doe", "John Roe"], "By JANE DOE and John Roe", 1.0),
    (["Jane Doe"], ["Jane Doe", "Print"], 1.0),
    (["Jane Doe Games"], "Jane Doe", 0.0),
    ([], "Jane Doe", 0.0),
    (None, "Jane Doe", 0.0),
])
def test_author_found_in_the_gold_byline(ours, gold, hit):
    assert author_found(ours, gold) == hit


def test_thirds_split_the_pages_in_name_order():
    pages = [(f"p{i:02}", "", {}) for i in range(9)][::-1]
    held, dev = third(pages, "held"), third(pages, "dev")
    assert [name for name, _, _ in held] == ["p00", "p03", "p06"]
    assert len(dev) == 6 and not {p[0] for p in held} & {p[0] for p in dev}
    assert third(pages, None) == pages
