"""The disagreement bench's counting and listing (bench.disagree): invented rows, no pages, no network."""

from bench import disagree


def _row(file, agreement, ours_words, their_words, rejected=None, held=False):
    return {"file": file, "held": held, "rejected": rejected, "agreement": agreement,
            "ratio": round(ours_words / their_words, 3) if their_words else None,
            "ours_words": ours_words, "trafilatura_words": their_words,
            "ours": "word " * ours_words, "trafilatura": "word " * their_words}


ROWS = [
    _row("same.html", 1.0, 300, 300),
    _row("near.html", 0.85, 290, 300),
    _row("short.html", 0.4, 100, 300),
    _row("long.html", 0.6, 700, 300),
    _row("rejected.html", 0.0, 0, 300, rejected="not_an_article"),
    _row("rejected_stub.html", 0.0, 0, 10, rejected="not_an_article"),  # trafilatura finds under 200 chars
    _row("held.html", 0.1, 30, 300, held=True),
]


def test_distribution_counts_each_cut_and_kind():
    assert disagree.distribution(ROWS) == {
        "pages": 7, "below_0.9": 6, "below_0.7": 5, "below_0.5": 4,
        "much_shorter": 2, "much_longer": 1, "rejected_but_trafilatura": 1}


def test_listing_never_shows_a_held_out_page_and_orders_worst_first():
    listed = disagree.listing(ROWS, 10)
    files = {kind: [r["file"] for r in rows] for kind, rows in listed.items()}
    assert files == {"least_agreement": ["short.html", "long.html", "near.html", "same.html"],
                     "much_shorter": ["short.html"], "much_longer": ["long.html"],
                     "rejected_but_trafilatura": ["rejected.html"]}


def test_listing_takes_n_of_each_kind():
    assert [len(rows) for rows in disagree.listing(ROWS, 1).values()] == [1, 1, 1, 1]


def test_readabilitys_gold_output_beside_a_page_is_never_listed(tmp_path, monkeypatch):
    monkeypatch.setattr(disagree, "ours_text", lambda raw, name: ("some words of text here", None))
    monkeypatch.setattr(disagree, "trafilatura_alone", lambda html: ("other words", None, None, None))
    for name in ("expected.html", "source.html"):
        (tmp_path / name).write_text("<p>x</p>", encoding="utf-8")
    rows = {name: disagree.row(tmp_path / name, tmp_path, set()) for name in ("expected.html", "source.html")}
    assert rows["expected.html"]["held"] and not rows["source.html"]["held"]
