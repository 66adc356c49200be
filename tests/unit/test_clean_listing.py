"""Pages that are not an article (clean/listing.py): section fronts, archives, tag and author pages,
search results are rejected as `not_an_article`; the near cases that are articles (a listicle, a live
blog, a round-up, a briefing, a timeline, a gallery, an article under a long related box, ...) pass.

The pages are tests/fixtures/listing/: fNN_* the listings, nNN_* the articles, each as HTML and as a
visible-text dump of it (inscriptis, as bench.devset.dump makes them)."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import orjson
import pytest

from workers.pipeline import clean_payload
from workers.records import validate
from workers.stages import clean as stage
from workers.stages.clean import lines as ln
from workers.stages.clean import listing
from workers.stages.errors import StageError

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "listing"
KINDS = {"html": "text/html", "txt": "text/plain"}
FRONTS = sorted(p.name for p in PAGES.glob("f*.*"))
ARTICLES = sorted(p.name for p in PAGES.glob("n*.*"))
# the first words of each near case's lead paragraph: the record must hold the article, not only pass
LEADS = {
    "n01_listicle_walks": "Spring is the best time to explore the hills around Hollin",
    "n02_live_blog_count": "Welcome to our live coverage of the borough council election count",
    "n03_five_things_roundup": "Here are the stories you need to know about",
    "n04_business_briefing": "Good morning, and welcome to the Business Briefing for Tuesday.",
    "n05_timeline_reservoir": "The reservoir at Ashcombe has been argued over for six years.",
    "n06_photo_gallery_raft": "Thousands of spectators turned out on Sunday",
    "n07_article_long_related": "The council has approved plans for a marine research centre",
    "n08_press_release_bullets": "Brightwater Energy today announced the results",
    "n09_short_brief_teaser_rail": "A section of the canal towpath between Lock 14",
    "n10_weekend_events_list": "Looking for something to do this weekend?",
    "n11_article_og_website": "Scientists at the Keldmoor observatory have recorded",
    "n12_qa_interview_bakery": "After 57 years, Hartley's Bakery on Tanner Street",
}


def _raw(name: str) -> dict:
    stem, ext = name.rsplit(".", 1)
    return {"id": stem, "content": (PAGES / name).read_text(encoding="utf-8"), "content_type": KINDS[ext],
            "fetched_at": "2025-08-01T00:00:00Z"}


def test_corpus_shape():
    """12 listings and 12 near cases, each as HTML and as a dump."""
    assert len(FRONTS) == 24 and len(ARTICLES) == 24
    assert set(LEADS) == {name.rsplit(".", 1)[0] for name in ARTICLES}


@pytest.mark.parametrize("name", FRONTS)
def test_listing_pages_are_rejected_as_not_an_article(name):
    with pytest.raises(StageError) as caught:
        stage.clean(_raw(name))
    assert caught.value.code == "not_an_article"
    assert "teasers" in caught.value.message


@pytest.mark.parametrize("name", ARTICLES)
def test_near_cases_are_articles(name):
    record = stage.clean(_raw(name))
    assert LEADS[name.rsplit(".", 1)[0]] in record["body"]


def test_a_listing_dead_letter_carries_its_article_id_and_code():
    payload = orjson.dumps(_raw("f02_section_front_world.html"))
    record = clean_payload(payload, origin={"topic": "articles.raw", "partition": 3, "offset": 17})
    validate("rejected", record)
    assert record["id"] == "f02_section_front_world"
    assert record["error"]["code"] == "not_an_article" and record["error"]["stage"] == "clean"
    assert record["origin"]["offset"] == 17 and record["payload"] == payload.decode()


# ---- the rules, row by row ----

def _dump_lines(texts: list[str]) -> list[str]:
    return texts  # a dump: its lines as text


def _teasers(n: int) -> list[str]:
    """n teaser units of a dump: headline, standfirst, date."""
    out = []
    for i in range(n):
        out += [f"Harbour board approves plan number {i + 1} for the north quay",
                f"The board said work on scheme {i + 1} would begin after the summer season ends.",
                f"{i + 3} hours ago"]
    return out


_LEAD = ("The council said on Monday that the harbour wall would be repaired before the winter storms, "
         "after engineers found that two sections had moved by several centimetres since the spring.")
_SECOND = "Residents living near the wall have been asked to report any new cracks to the harbour office."
_BODY = [  # an article of 160 words in four paragraphs
    _LEAD, _SECOND,
    ("The repairs will cost about two million pounds, most of it from the flood defence budget that the "
     "government set aside last year for coastal towns, and the rest from the harbour board's own reserves."),
    ("Engineers will first drive steel piles behind the two sections that moved, then rebuild the stone "
     "facing by hand, using as much of the original granite as they can recover from the foreshore. The "
     "work is expected to take fourteen weeks, and the north quay will stay closed to the public until it "
     "is finished, although the fishing fleet will still be able to land its catch at the south steps."),
]


@pytest.mark.parametrize(("texts", "units"), [
    (_teasers(4), 4),
    (_teasers(9), 9),
    # a live blog's entry goes on with a second paragraph: no unit
    ([x for i in range(4) for x in (f"{i + 10}:05", f"Count complete in ward {i + 1} of the borough", _LEAD, _SECOND)], 0),
    # headlines with their times, no standfirst: a list of headlines, not teasers
    ([x for i in range(6) for x in (f"{i + 10}:05 Uhr", f"Handball club signs new goalkeeper number {i + 1} from Kiel")], 0),
    # listicle items without dates: no unit
    ([x for i in range(5) for x in (f"{i + 1}. The coffin road walk number {i + 1}", _LEAD)], 0),
])
def test_teaser_units(texts, units):
    lines = [listing.PageLine(text, None) for text in texts]
    assert len(listing.teaser_units(lines, ln.classify(texts))) == units


@pytest.mark.parametrize(("texts", "types", "og_type", "fired"), [
    # four teasers and nothing else: no article prose (2) rejects
    (_teasers(4), frozenset(), None, ("no_article_prose",)),
    # eight teasers: many_teasers as well
    (_teasers(8), frozenset(), None, ("no_article_prose", "many_teasers")),
    # a declared listing type adds 2, ItemList 1, og:type website 1
    ([_LEAD, _SECOND] + _teasers(4), frozenset({"CollectionPage"}), None, ("listing_type",)),
    ([_LEAD, _SECOND] + _teasers(4), frozenset({"ItemList"}), "website", ("item_list", "og_website")),
    ([_LEAD, _SECOND] + _teasers(8), frozenset(), "website", ("many_teasers", "og_website")),
])
def test_rules_that_reject(texts, types, og_type, fired):
    evidence = listing.verdict(_dump_lines(texts), types, og_type)
    assert evidence is not None and evidence.fired == fired
    assert evidence.score == sum(listing.RULES[name] for name in fired) >= listing.REJECT_AT


@pytest.mark.parametrize(("texts", "types", "og_type"), [
    # an article lead of 47 words above four teasers: one rule short of a listing
    ([_LEAD, _SECOND] + _teasers(4), frozenset(), None),
    ([_LEAD, _SECOND] + _teasers(4), frozenset({"ItemList"}), None),
    ([_LEAD, _SECOND] + _teasers(4), frozenset(), "website"),
    # the article types and og:type article outweigh a listing's structure
    (_teasers(4), frozenset({"NewsArticle"}), None),
    (_teasers(4), frozenset({"CollectionPage", "ImageGallery"}), None),
    (_teasers(4), frozenset(), "article"),
    # three teasers are a related box, however bare the page
    (_teasers(3), frozenset({"CollectionPage"}), "website"),
    # an article's prose run of ARTICLE_RUN_WORDS words: never a listing
    (_BODY + _teasers(12), frozenset({"CollectionPage"}), "website"),
])
def test_rules_that_keep(texts, types, og_type):
    assert listing.verdict(_dump_lines(texts), types, og_type) is None


def test_rule_table_signs():
    """Evidence for a listing weighs up, evidence for an article down; metadata alone never reaches
    REJECT_AT without no_article_prose or many_teasers in a page without any."""
    up = ("no_article_prose", "many_teasers", "listing_type", "item_list", "og_website")
    assert all(listing.RULES[name] > 0 for name in up)
    assert listing.RULES["article_type"] < 0 and listing.RULES["og_article"] < 0
    assert listing.RULES["listing_type"] + listing.RULES["og_article"] < listing.REJECT_AT
    assert listing.RULES["no_article_prose"] + listing.RULES["article_type"] < listing.REJECT_AT


@pytest.mark.parametrize(("text", "headline"), [
    ("Harbour Freight reports record quarter as port volumes recover", True),
    ("What happened to the new town promised in 2015?", True),
    ("7 March 2025 Issue #148: The bridge that was never built", True),  # a table row's date cell
    ("The board said work would begin after the summer season ends.", False),  # a sentence
    ("Home News", False),  # too short
    ("March 12, 2025", False),
    ("By Alice Renwick and Tom Okafor", False),
    ("2 hours ago in World", False),
])
def test_headline(text, headline):
    assert listing._headline(ln.classify([text])[0]) is headline


@pytest.mark.parametrize(("text", "meta"), [
    ("2 hours ago", True), ("09:42", True), ("Yesterday", True), ("Jan 28 • Ruth Bellamy", True),
    ("March 12, 2025 by Alice Renwick", True), ("7 March 2025 Issue #148: The bridge", True),
    ("Views are sought from fishers and coastal communities until 30 April.", False),  # prose
    ("Press release", False),
])
def test_meta(text, meta):
    assert listing._meta(ln.classify([text])[0]) is meta


@pytest.mark.parametrize(("html", "types", "og_type"), [
    ('<script type="application/ld+json">{"@type": "CollectionPage"}</script><meta property="og:type" content="website">',
     {"CollectionPage"}, "website"),
    ('<script type="application/ld+json">{"@graph": [{"@type": ["NewsArticle", "Article"]}]}</script>', {"NewsArticle", "Article"}, None),
    ("<title>No metadata</title>", set(), None),
])
def test_declared_types(html, types, og_type):
    assert listing.declared_types(html) == (frozenset(types), og_type)


def test_page_lines_split_cards_and_keep_links():
    html = ('<html><body><nav><a href="/">Home</a></nav><div class="card"><a href="https://x.example/a/">Title A</a>'
            '<a href="/a">Subtitle of A</a></div><p>Text with <a href="/b">an inline link</a> in it.</p>'
            '<footer><time>Jan 28</time></footer><script>var x = 1;</script></body></html>')
    lines = listing.page_lines(lxml.html.fromstring(html))
    assert [line.text for line in lines] == ["Title A", "Subtitle of A", "Text with an inline link in it.", "Jan 28"]
    assert [line.linked for line in lines] == [True, True, False, False]
    assert listing._address(lines[0].href) == listing._address(lines[1].href) == "/a"
