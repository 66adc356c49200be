"""HTML candidates, the extractor vote (voting) and the page's marked chrome: rules row by row, invented text."""

from __future__ import annotations

import pytest

from workers.stages.clean import voting
from workers.stages.clean import run as clean_run

BASE = [
    "The harbour board met on Tuesday night and voted to rebuild the old pier before the summer season.",
    "Fishermen said the repairs were long overdue, and the board's chair promised work would start in May.",
]


@pytest.mark.parametrize(
    ("extra", "inserted"),
    [
        # readability's copy without a link's words: the same text, not new text
        ("The harbour board met on Tuesday night and to rebuild the old pier before the summer season.", False),
        # a base line's pieces, glued another way
        ("Fishermen said the repairs were long overdue,+ and the board's chair promised", False),
        # the line exactly, and a substring of it
        (BASE[0], False),
        ("voted to rebuild", False),
        # new text: a paragraph the base lacks
        ("A public meeting on the design of the new pier is planned for the first week of April.", True),
        # a reworded paragraph: new words beside shared ones
        ("Fishermen said the repairs were badly needed, and the chair of the board promised work in May.", True),
        # under three words: new unless the base holds it
        ("Pier works", True),
    ],
)
def test_merge_inserts_only_text_the_base_lacks(extra, inserted):
    lines, added = voting._merge(BASE, [BASE[0], extra])
    assert (extra in [lines[i] for i in added]) is inserted
    assert lines[:1] == BASE[:1] and BASE[1] in lines


def test_variant_share_counts_words_outside_shared_trigrams():
    base = voting._trigrams(" ".join(BASE))
    words = BASE[0].split()
    assert voting._variant(" ".join(words[:8] + words[9:]), base)  # one word dropped: every word still covered
    # one new word in 19 (5.3%): over VARIANT_NEW_SHARE
    assert not voting._variant(" ".join(words[:8] + ["unanimously"] + words[8:]), base)
    assert not voting._variant("the old pier", set())


LONG = ("The harbour board met on Tuesday night and voted to rebuild the old pier before the summer season, "
        "after fishermen said the repairs were long overdue and the chair promised that the work would start "
        "in May and end before the regatta.")  # 42 words


def test_variant_with_one_inserted_run_in_a_long_paragraph():
    base, base_words = voting._trigrams(LONG), " ".join(voting._WORD.findall(LONG.lower()))
    words = LONG.split()
    glued = words[:20] + ["saidOpens", "a", "new", "window"] + words[21:]  # a link's hidden label run into "said"
    assert voting._variant(" ".join(glued), base, base_words)
    # the words before the run and those after it stand in two paragraphs of the base: new text
    other = ("Divers checked the piles last winter and found that the work would start in May at the earliest, "
             "and that the old pier would stay shut until the regatta in June, the harbour master said.")
    pieced = " ".join(words[:22] + ["as", "the", "board", "hoped", "and", "found"] + other.split()[8:])
    both = LONG + " " + other
    assert not voting._variant(pieced, voting._trigrams(both), " ".join(voting._WORD.findall(both.lower())))
    # the same words in two places: a reworded paragraph, not one edit
    two = words[:10] + ["quietly", "again"] + words[10:30] + ["later", "today"] + words[30:]
    assert not voting._variant(" ".join(two), base, base_words)
    # one run longer than VARIANT_INSERT_MAX_WORDS is new text
    longer = words[:20] + "and a new harbour master was named for the season".split() + words[20:]
    assert not voting._variant(" ".join(longer), base, base_words)
    # words added at one end are a heading or a tail run into the paragraph: new text
    assert not voting._variant(" ".join(["Your", "pier", "is", "waiting!"] + words), base)
    assert not voting._variant(" ".join(words + ["Photo:", "Harbour", "Board", "archive"]), base)
    # in a short paragraph one inserted run is new text (VARIANT_INSERT_MIN_WORDS)
    short = BASE[0].split()
    assert not voting._variant(" ".join(short[:8] + ["quietly", "and", "unanimously"] + short[8:]),
                               voting._trigrams(BASE[0]))


ARTICLE = "The harbour board met on Tuesday night and voted to rebuild the old pier before the summer season."
TEASER = "Here is everything you need to know about keeping a small boat safe in a winter storm."
VOTERS = ("trafilatura", "trafilatura_precision", "readability", "justext")


@pytest.mark.parametrize(
    ("texts", "kept"),
    [
        # a sidebar's teaser between its unkept date lines: recall mode alone found it, nothing kept beside it
        ([ARTICLE, "March 4, 2024 -- Updated 1200 GMT", TEASER, "March 2, 2024 -- Updated 0900 GMT"],
         [True, False, False, False]),
        # the same unbacked paragraph right under the kept article text stays
        ([ARTICLE, TEASER, "March 2, 2024 -- Updated 0900 GMT"], [True, True, False]),
        # a list item is judged with its list: the list under the article's kept intro stays
        ([ARTICLE, "The new pier will have:", "- Two berths", "- A lift for wheelchairs and prams on the east side.",
          "- Lights"], [True, True, False, True, False]),
    ],
)
@pytest.mark.parametrize("justext_holds_all", [False, True])  # jusText alone rescues no stray run
def test_unbacked_runs_away_from_kept_text_are_dropped(texts, kept, justext_holds_all):
    backed = " ".join(t for t in texts if t in (ARTICLE, "The new pier will have:"))
    votes = {name: backed for name in VOTERS}
    prose = [t.endswith(".") and len(t.split()) > 6 or t.endswith(":") for t in texts]
    if justext_holds_all:  # jusText holds every paragraph of the page
        votes["justext"] = " ".join(t for t, p in zip(texts, prose) if p)
    out = voting.keep(texts, [False] * len(texts), prose, set(), votes, table_cells=set())
    assert out == kept


SLIDES = [f"- {n}/4 {caption}" for n, caption in enumerate([
    "Harbour fire: Crews fought a blaze at the fish market on the quay through the night, the fire service said.",
    "Ferry strike: Crews on the island ferries walked out for a second day over pay and rosters.",
    "Lighthouse sold: The old lighthouse on the point was sold at auction to a local trust.",
    "Regatta: Boats crowd the bay for the summer regatta, which drew a record number of entries.",
], start=1)]
LATER = ARTICLE.replace("voted to rebuild the old pier", "agreed to widen the slipway")


@pytest.mark.parametrize(
    ("texts", "readability_holds", "kept_slides"),
    [
        # a gallery of other stories set inside the article: readability's article skips it and goes on below
        ([ARTICLE, "News in pictures"] + SLIDES + [LATER], [ARTICLE, "News in pictures", LATER], False),
        # readability keeps the slides: the gallery is the page's own
        ([ARTICLE] + SLIDES + [LATER], [ARTICLE, LATER] + SLIDES, True),
        # no article under the gallery: a gallery page with its intro
        ([ARTICLE] + SLIDES, [ARTICLE], True),
        # counters out of order or of different galleries are no slide run
        ([ARTICLE] + SLIDES[1:] + SLIDES[:1] + [LATER], [ARTICLE, LATER], True),
    ],
)
def test_a_gallery_set_inside_the_article_is_dropped(texts, readability_holds, kept_slides):
    votes = {name: voting.norm(" ".join(texts)) for name in VOTERS}
    votes["readability"] = voting.norm(" ".join(readability_holds))
    prose = [len(t.split()) > 6 for t in texts]
    out = voting.keep(texts, [False] * len(texts), prose, set(), votes, table_cells=set())
    assert [k for k, t in zip(out, texts) if t in SLIDES] == [kept_slides] * len(SLIDES)
    assert out[0] and (LATER not in texts or out[texts.index(LATER)])


def test_slide_runs_need_counters_from_one_in_order_of_one_size():
    assert voting._slide_runs(SLIDES) == [(0, 4)]
    assert voting._slide_runs(SLIDES[:2]) == []  # under GALLERY_MIN_SLIDES
    assert voting._slide_runs(["1/3 Pier", "2/3 Quay", "3/4 Bay"]) == []  # another gallery's size
    assert voting._slide_runs(["1/2 cup of flour", "2/2 cups of water", "3/2 spoons"]) == []  # no order of one size

@pytest.mark.parametrize(
    ("cell", "in_cells", "kind"),
    [
        ("Comment", True, None),  # a column header: no comments section over the rest of the page
        ("Comment", False, "comments"),  # the same heading outside a table opens one
        ("Related", True, None),
        ("Related stories", False, "teasers"),
    ],
)
def test_a_table_cell_opens_no_chrome_section(cell, in_cells, kind):
    from workers.stages.clean import lines as ln
    from workers.stages.clean import sections

    lines = ln.classify([ARTICLE, cell, ARTICLE.replace("pier", "quay")])
    cells = {voting.norm(cell)} if in_cells else set()
    assert voting.cell_kinds(lines, sections.line_kinds(lines), cells)[1] == kind


def test_over_the_voting_limit_trafilatura_lines_meet_our_classifier_alone(monkeypatch):
    def costly(*args, **kwargs):
        raise AssertionError("the other extractors cost seconds on such pages")

    monkeypatch.setattr(voting, "MAX_VOTING_LINES", 3)
    monkeypatch.setattr(voting, "_readability_blocks", costly)
    monkeypatch.setattr(voting, "_justext_text", costly)
    default = "\n".join([ARTICLE, "| Year | Berths |", "| 1910 | 2 |", "Share this article", TEASER])
    found = voting.candidates("<html><body><p>unused</p></body></html>", default=default)
    assert found["lines"] == [ARTICLE, "Year", "Berths", "1910", "2", "Share this article", TEASER]
    assert set(found["votes"]) == {"trafilatura"} and found["table_cells"] == {"Year", "Berths", "1910", "2"}
    chrome = [line == "Share this article" for line in found["lines"]]
    prose = [line in (ARTICLE, TEASER) for line in found["lines"]]
    out = voting.keep(found["lines"], chrome, prose, set(), found["votes"], table_cells=found["table_cells"])
    assert out == [True, True, True, True, True, False, True]


def test_stray_runs_stay_when_the_extractors_back_less_text():
    # the extractors failed (they hold only a short line): recall mode's paragraphs are the article
    texts = [ARTICLE, "Share", TEASER, "Share", "Harbour news"]
    votes = {name: "Harbour news" for name in VOTERS}
    prose = [True, False, True, False, False]
    out = voting.keep(texts, [False, True, False, True, False], prose, set(), votes, table_cells=set())
    assert out == [True, False, True, False, True]


@pytest.mark.parametrize(
    ("markup", "kind", "marked"),
    [
        # a link styled as a pop-up note is the sentence it marks
        ('<p>He said <a class="popup" href="#">the pier will open in May.</a></p>', "dialogs", False),
        ('<p>He said <span class="popup">the pier will open in May.</span></p>', "dialogs", False),
        # a pop-up container is a dialog
        ('<div class="popup"><p>the pier will open in May.</p></div>', "dialogs", True),
        # an hCard table is an infobox; other hCards and chrome words on a table stay chrome
        ('<table class="infobox vcard"><tr><td>the pier will open in May.</td></tr></table>', "other", False),
        ('<div class="author vcard"><p>the pier will open in May.</p></div>', "other", True),
        ('<table class="vcard related"><tr><td>the pier will open in May.</td></tr></table>', "other", True),
    ],
)
def test_marked_chrome_skips_inline_popups_and_infobox_tables(markup, kind, marked):
    from workers.stages.clean import html as html_extract

    page = f"<html><body><article><p>{ARTICLE}</p>{markup}</article></body></html>"
    found = html_extract.marked_chrome(page)
    assert ("the pier will open in May." in found[kind]) is marked
    assert ARTICLE not in "\n".join(found.values())


@pytest.mark.parametrize(
    ("links", "marked"),
    [
        ('<a href="#plan">The plan</a><a href="#costs">Costs</a>', False),  # a table of contents: in-page links
        ('<a href="/news/plan">The plan</a><a href="#costs">Costs</a>', True),  # a link out: a related box
        ('<a href="#plan">The plan</a>', True),  # one link is no list
        ('<a href="#">The plan</a><a href="#">Costs</a>', True),  # "#" alone: script buttons, not places
    ],
)
def test_a_table_of_contents_marks_no_article_heading(links, marked):
    from workers.stages.clean import html as html_extract

    page = f"<html><body><nav>{links}</nav><article><h2>The plan</h2><p>{ARTICLE}</p></article></body></html>"
    assert ("The plan" in html_extract.marked_chrome(page)["other"]) is marked


@pytest.mark.parametrize(
    ("row", "cells"),
    [
        ("| Berth | Length |", ["Berth", "Length"]),
        ("| --- | --- |", []),  # the Markdown rule under the header row: no cell
        ("| :--- | ---: | :---: |", []),
        ("| - | 12 m |", ["-", "12 m"]),  # a dash as an empty value is a cell
        ("| --- | 12 m |", ["---", "12 m"]),  # a rule only when every cell is one
    ],
)
def test_table_rows_become_cells_without_the_header_rule(row, cells):
    found: set[str] = set()
    assert voting._lines(f"{ARTICLE}\n{row}", found) == [ARTICLE] + cells
    assert found == {voting.norm(cell) for cell in cells}


def test_a_tables_repeated_cells_are_kept_and_repeated_paragraphs_are_not():
    from workers.stages.clean import core

    texts = [ARTICLE, "Berth", "Status", "North", "Open", "South", "Open", "East", "Closed",
             TEASER, TEASER]
    votes = {"votes": {name: voting.norm(" ".join(texts)) for name in VOTERS}, "readability_only": set(),
             "table_cells": {voting.norm(t) for t in texts[1:9]}}
    article = core.clean_lines(texts, trusted=True, votes=votes)
    assert article["paragraphs"][1:] == texts[1:9] + [TEASER]  # "Open" twice: a value of two rows
    assert article["removed"].get("repeated_paragraph") == 1  # the teaser's copy



def test_repeats_counts_the_lines_an_extractor_text_holds_twice():
    text = "\n".join([ARTICLE, "HTTP/1.1 200 OK", TEASER, "HTTP/1.1 200 OK", "| Berth | Open |", "| Pier | Open |"])
    assert voting.repeats(text) == {"HTTP/1.1 200 OK": 2, "Open": 2}
    assert voting.repeats(ARTICLE) == {}


@pytest.mark.parametrize(
    ("default_copies", "kept_copies"),
    [
        (2, 2),  # the extractor's own text repeats the short line: each copy is the document's
        (1, 1),  # only the candidates repeat it (recall mode and the default merged): one copy
    ],
)
def test_a_short_line_the_extractor_repeats_is_kept_as_often(default_copies, kept_copies):
    from workers.stages.clean import core

    line = "Host: storage.example.org"
    texts = [ARTICLE, line, TEASER, line, ARTICLE.replace("pier", "quay"), TEASER]
    default = "\n".join([ARTICLE, line, TEASER] + [line] * (default_copies - 1) + [ARTICLE.replace("pier", "quay"), TEASER])
    votes = {"votes": {name: voting.norm(" ".join(texts)) for name in VOTERS}, "readability_only": set(),
             "table_cells": set(), "repeats": voting.repeats(default)}
    article = core.clean_lines(texts, trusted=True, votes=votes)
    assert article["paragraphs"].count(line) == kept_copies
    assert article["paragraphs"].count(TEASER) == 1  # a prose paragraph pasted twice stays once, the extractor's twice too

CAPTION = "Volunteers paint the railings of the old pier on a cold Saturday morning"
LONG = " ".join([ARTICLE] * 4)  # over the figure box's text limit


@pytest.mark.parametrize(
    ("markup", "found"),
    [
        # the alt text shown beside its image, whatever the caption's element or class
        (f'<div class="photo"><img src="a.jpg" alt="{CAPTION}"><cite>{CAPTION}</cite></div>', True),
        (f'<div><div class="wrap"><img src="a.jpg" alt="{CAPTION}"></div><p class="imgText">{CAPTION}</p></div>', True),
        # a credit beside it keeps the box a figure
        (f'<div><img src="a.jpg" alt="{CAPTION}"><p>{CAPTION}</p><span>Photo: Jane Doe</span></div>', True),
        # four words: any short line may repeat them
        ('<div><img src="a.jpg" alt="The old pier today"><p>The old pier today</p></div>', False),
        # no element shows the alt text
        (f'<div><img src="a.jpg" alt="{CAPTION}"><p>Photo: Jane Doe</p></div>', False),
        # the same text in a box that holds the article: a lead the page also used as the alt, not a caption
        (f'<div><img src="a.jpg" alt="{CAPTION}"><p>{CAPTION}</p><p>{LONG}</p></div>', False),
        # an alt text alone is no caption
        (f'<div><img src="a.jpg" alt="{CAPTION}"></div>', False),
    ],
)
def test_an_images_alt_text_shown_in_its_box_is_a_caption(markup, found):
    from workers.stages.clean import html as html_extract

    page = f"<html><body><article><p>{ARTICLE}</p>{markup}<p>{TEASER}</p></article></body></html>"
    assert html_extract.marked_chrome(page)["alt_captions"] == (CAPTION if found else "")


def test_alt_text_captions_mark_whole_lines_only():
    from workers.stages.clean import lines as ln

    texts = [ARTICLE, CAPTION, "Volunteers", TEASER]
    marked = clean_run._marked_lines(ln.classify(texts), {"alt_captions": CAPTION})
    assert marked == [False, True, False, False]  # a short line inside the caption's words is not marked


INFOBOX = ["Harbour", "Old Pier", "Opened", "1911", "Length", "212 m"]


@pytest.mark.parametrize(
    ("cells", "kept"),
    [
        # an infobox's labels and values above the article's first paragraph: a data table, no menu
        (set(INFOBOX), True),
        # the same short lines outside a table: a menu run above the article, dropped unless all agree
        (set(), False),
        # a layout table (the article's prose is a cell too): its short cells above the article are a menu
        (set(INFOBOX) | {ARTICLE}, False),
    ],
)
def test_short_table_cells_above_the_article_are_no_menu(cells, kept):
    texts = INFOBOX + [ARTICLE]
    votes = {"trafilatura": voting.norm(" ".join(texts))} | {name: ARTICLE for name in VOTERS[1:]}
    prose = [False] * len(INFOBOX) + [True]
    out = voting.keep(texts, [False] * len(texts), prose, set(), votes, table_cells=cells)
    assert out == [kept] * len(INFOBOX) + [True]


@pytest.mark.parametrize(
    ("line", "marked"),
    [
        (CAPTION, True),  # the alt text as the whole line
        (f"Vergrößern {CAPTION}", True),  # a lightbox button's word run into it (readability-lxml's block)
        (f"Enlarge this image {CAPTION}", False),  # three words more: a line of its own text
        ("Volunteers paint the railings", False),  # a piece of the caption is no caption
    ],
)
def test_an_alt_text_caption_with_a_buttons_word_is_marked(line, marked):
    from workers.stages.clean import lines as ln

    texts = [ARTICLE, line, TEASER]
    assert clean_run._marked_lines(ln.classify(texts), {"alt_captions": CAPTION}) == [False, marked, False]


@pytest.mark.parametrize(
    ("page", "changed"),
    [
        # a theme's stray </html> after the head: the body after it is the page's (HTML Standard), kept for lxml
        ("<html><head><title>T</title></head></html>\n<body><p>Text</p></body></html>", True),
        # an </html> only at the end, or one with no <body> after it: unchanged
        ("<html><head></head><body><p>Text</p></body></html>", False),
        ("<html><body><p>Text</p></body></html><script>x()</script>", False),
    ],
)
def test_an_html_end_tag_before_the_body_is_dropped(page, changed):
    from workers.stages.clean import html as html_extract

    out = html_extract.without_early_html_end(page)
    assert (out != page) is changed
    assert out.count("<p>Text</p>") == 1 and (not changed or out.index("</html>") > out.index("<body>"))


def test_the_body_after_an_early_html_end_is_extracted():
    from workers.stages import clean

    body = " ".join([ARTICLE, LATER, TEASER])
    page = f"<html><head><title>Pier</title></head></html><body><article><p>{body}</p></article></body></html>"
    record = clean.clean({"id": "p", "content_type": "text/html", "content": page})
    assert ARTICLE in record["body"]


def test_jusText_stoplists_exist_for_every_language_row():
    import justext

    from workers.stages.clean import vocabulary as v

    assert set(v.JUSTEXT_STOPLISTS.values()) <= set(justext.get_stoplists())
    assert all(len(code) == 2 and code.isalpha() and code.islower() for code in v.JUSTEXT_STOPLISTS)
    assert "und" in voting.stoplist("de") and "und" not in voting.stoplist(None) and voting.stoplist("zh") == voting.stoplist("en")


COMMENTARY = "The visitors win a corner on the left, and the home side clears it at the near post."


@pytest.mark.parametrize(
    ("markup", "kind"),
    [
        # a class word whose inner part is "comment": a live blog's commentary, a gallery item's note
        (f'<div class="live-match-comments"><p>{COMMENTARY}</p></div>', "inner_comments"),
        (f'<div class="gallery__item__comment"><p>{COMMENTARY}</p></div>', "inner_comments"),
        # a class or id opening with "comment": readers' comments (chrome when the rest holds prose)
        (f'<div class="comment-body"><p>{COMMENTARY}</p></div>', "comments"),
        (f'<div id="comments"><p>{COMMENTARY}</p></div>', "comments"),
        (f'<div class="x1f3a Comment t1_c9"><p>{COMMENTARY}</p></div>', "comments"),  # a class word, not the first
        # another chrome word beside it, a chrome tag: plain chrome
        (f'<div class="post-comments share-row"><p>{COMMENTARY}</p></div>', "other"),
        (f'<aside class="live-comments"><p>{COMMENTARY}</p></aside>', "other"),
    ],
)
def test_an_inner_comment_class_part_is_its_own_kind_of_marked_chrome(markup, kind):
    from workers.stages.clean import html as html_extract

    found = html_extract.marked_chrome(f"<html><body><article><p>{ARTICLE}</p>{markup}</article></body></html>")
    assert [k for k in ("inner_comments", "comments", "other") if COMMENTARY in found[k]] == [kind]


@pytest.mark.parametrize(
    ("votes", "marked"),
    [
        ({"trafilatura": f"{ARTICLE} {COMMENTARY}", "trafilatura_precision": f"{ARTICLE} {COMMENTARY}"}, False),
        ({"trafilatura": f"{ARTICLE} {COMMENTARY}", "trafilatura_precision": ARTICLE}, True),  # both modes, or chrome
        (None, True),
    ],
)
def test_an_inner_comment_line_is_chrome_unless_trafilatura_keeps_it(votes, marked):
    from workers.stages.clean import lines as ln

    lines = ln.classify([ARTICLE, COMMENTARY])
    assert clean_run._marked_lines(lines, {"inner_comments": COMMENTARY}, votes) == [False, marked]
    assert clean_run._marked_lines(lines, {"comments": COMMENTARY}, votes) == [False, True]  # readers' comments: chrome
    assert clean_run._marked_lines(lines, {"other": COMMENTARY}, votes) == [False, True]  # plain chrome stays


PITCH = "Want more? Get our best stories in your inbox every week."


@pytest.mark.parametrize(
    ("tail", "kept"),
    [
        ([PITCH], False),  # a pitch only trafilatura's default text holds, under the article
        (["To read on", "Subscribe for unlimited access"], False),  # a paywall box's labels
        (["+44 20 7946 0000"], True),  # no letter: a phone number closing an address is data
        (["- Bring a coat", "- Bring boots"], True),  # a list closing the article
        ([" ".join([ARTICLE] * 2)], True),  # a long paragraph: the article's own closing text
    ],
)
def test_a_short_tail_only_trafilaturas_default_holds_is_cut(tail, kept):
    texts = [ARTICLE, TEASER] + tail
    both = voting.norm(f"{ARTICLE} {TEASER}")
    votes = {"trafilatura": voting.norm(" ".join(texts)), "trafilatura_precision": both, "readability": both,
             "justext": both}
    prose = [True] * len(texts)
    out = voting.keep(texts, [False] * len(texts), prose, set(), votes, table_cells=set())
    assert out == [True, True] + [kept] * len(tail)


def test_a_default_only_tail_as_long_as_the_article_stays():
    texts = [ARTICLE] + [PITCH] * 2  # more words than the backed text above: trafilatura's article, not a tail
    votes = {"trafilatura": voting.norm(" ".join(texts))} | {name: ARTICLE for name in VOTERS[1:]}
    out = voting.keep(texts, [False] * 3, [True] * 3, set(), votes, table_cells=set())
    assert out == [True, True, True]
