"""scan.occupied_spans: a model span read across a paragraph break occupies only its first paragraph."""

from __future__ import annotations

import spacy
from spacy.tokens import Span

from workers.stages.entities import scan


def _doc(text: str, label_words: tuple[int, int, str]):
    doc = spacy.blank("en")(text)
    start, end, label = label_words
    doc.ents = [Span(doc, start, end, label=label)]
    return doc


def test_a_span_across_a_paragraph_break_occupies_its_first_paragraph_only():
    text = "Posted March 9, 2024\n\nLind scored twice."
    doc = _doc(text, (1, 7, "DATE"))  # "March 9, 2024\n\nLind": the model read across the break
    assert doc.ents[0].text.endswith("Lind")
    [(start, end)] = scan.occupied_spans(doc)
    assert text[start:end] == "March 9, 2024"
    assert not scan.overlaps(scan.occupied_spans(doc), text.index("Lind"), text.index("Lind") + 4)


def test_a_span_within_a_paragraph_occupies_all_of_it():
    text = "Posted March 9, 2024 by Lind.\n\nMore later."
    doc = _doc(text, (1, 5, "DATE"))
    [(start, end)] = scan.occupied_spans(doc)
    assert text[start:end] == "March 9, 2024"


def test_no_doc_occupies_nothing():
    assert scan.occupied_spans(None) == []
