"""HTML metadata rules (workers/stages/clean/html.py): the visible headline, row by row, on made-up pages."""

from __future__ import annotations

import pytest

from workers.stages.clean import html as html_extract
from workers.stages.clean import vocabulary as v
from workers.stages.clean import bylines as clean_bylines
from workers.stages.clean import fields as clean_fields
from workers.stages.clean import paragraphs as clean_paragraphs
from workers.stages.clean import run as clean_run


def _page(body: str, body_class: str = "site-title hide-social-icons") -> str:
    return f"<html><head><title>t</title></head><body class=\"{body_class}\">{body}<p>The council met on Tuesday night.</p></body></html>"


@pytest.mark.parametrize(
    ("body", "declared", "sitename", "expected"),
    [
        # the title carries the site name after a separator: the <h1> alone
        ("<h1>Penny</h1>", "Penny - Stardew Valley Wiki", None, "Penny"),
        ("<h1>Enterprise 2.0</h1>", "Enterprise 2.0 | HR Innovation", None, "Enterprise 2.0"),
        # an SEO title over a different visible headline that restates it
        ("<h1>Turkey, Poland and three Caribbean islands added to UK quarantine list</h1>",
         "Turkey, Poland, Caribbean islands added to UK quarantine list", None,
         "Turkey, Poland and three Caribbean islands added to UK quarantine list"),
        # a logo <h1> (class words) or the site name is skipped; the headline in <article> first
        ('<h1 class="site-title">Valley Echo</h1><article><h1>Library saved by volunteers</h1></article>',
         "Library saved by volunteers tonight", None, "Library saved by volunteers"),
        ("<h1>Valley Echo</h1><h1>Library saved by volunteers</h1>", "Library saved by volunteers - Valley Echo", "Valley Echo",
         "Library saved by volunteers"),
        ("<h1>Valley Echo</h1><main><h1>Library saved by volunteers</h1></main>", "Library saved", None,
         "Library saved by volunteers"),
        # an <h1> sharing no more than half of the shorter one's words: not the headline
        ("<h1>WordPress.com</h1>", "Want to See a More Diverse WordPress Contributor Community?", None, None),
        ("<h1>The strategic Think & Do Tank</h1>", "About Us - Shabka", None, None),
        # two fifths of the shorter one's words and at least three: the headline under a reworded SEO title
        ("<h1>20 Clever Small Nursery Ideas When You're Tight On Space</h1>",
         "Clever Ideas to Set Up Baby's Nursery in A Small Space", None,
         "20 Clever Small Nursery Ideas When You're Tight On Space"),
        ("<h1>Council news</h1>", "Council backs the new harbour plan after a long night of debate", None, None),
        # the declared title in another case, or after a kicker glued into the <h1>: the declared title stays
        ("<h1>Meta-Programming In Emacs Using defadvice</h1>", "Meta-Programming In Emacs Using Defadvice", None, None),
        ("<h1><span>Open Progress</span>Why thinking together beats smarts</h1>", "Why thinking together beats smarts",
         None, None),
        ("<h1>privacy policy</h1>", "SibenLab privacy policy", None, None),  # an all-lower-case <h1>
        # a subtitle, dek or kicker set inside the <h1> is not part of the headline
        ('<h1><span>Fish cakes, hot and fresh</span><small>Welcome to the capital</small></h1>',
         "Fish cakes, hot and fresh", None, None),
        ('<h1>Fish cakes, hot <span>and</span> fresh <span class="article-subtitle">Welcome to the capital</span></h1>',
         "Fish cakes, hot and fresh - Tofu Times", None, "Fish cakes, hot and fresh"),
        ('<h1><span class="kicker">Open Progress</span>Why thinking together beats smarts</h1>',
         "Why thinking together beats smarts | The Weekly", None, "Why thinking together beats smarts"),
        # <body>'s classes describe the site ("site-title" on a Squarespace <body>), not the <h1>
        ('<div class="logo"><h1>Pamela Jones</h1></div><div><h1 class="entry-title">Yellow vests and I</h1></div>',
         "Yellow vests and I — Pamela Jones", None, "Yellow vests and I"),
        # no declared title: the first headline of two words or more
        ("<h1>Council backs plan</h1>", None, None, "Council backs plan"),
        ("<h1>micropolitics</h1>", None, None, None),
        ("<p>no heading</p>", "Council backs plan", None, None),
    ],
)
def test_visible_headline(body, declared, sitename, expected):
    assert html_extract.visible_headline(_page(body), declared, sitename) == expected


@pytest.mark.parametrize(
    ("attribute", "is_logo"),
    [('class="logo"', True), ('id="site-title"', True), ('class="site_name"', True), ('class="site-branding"', True),
     ('class="navbar-brand"', True), ('id="masthead"', True), ('class="blog-title"', True), ('class="site-header"', True),
     ('class="entry-title"', False), ('class="headline"', False), ('class="post-title"', False)],
)
def test_site_logo_class_words(attribute, is_logo):
    value = attribute.split("=")[1].strip('"')
    assert bool(v.SITE_LOGO_CLASS.search(value)) is is_logo


@pytest.mark.parametrize(
    ("value", "is_chrome"),
    [("author-box", True), ("mvp-author-box-text", True), ("about-the-author", True), ("author_bio", True),
     ("bio-box", True), ("wp-caption-text", True), ("flat-slide-caption", True), ("share-buttons", True),
     ("social", True), ("newsletter-signup", True), ("subscribe", True), ("related-posts", True),
     ("recommended", True), ("comments-area", True), ("breadcrumb", True), ("TrustBadge-trust-badge-20GM8", True),
     ("c-letters-cta__text", True), ("cta", True), ("octave", False), ("cta-less", True),
     ("nextstory", True), ("next-post-thumbnails", True), ("post-navigation", True), ("nextgen", False),
     ("entry-content", False), ("authority", False), ("shared-content", False), ("sidebar", False),
     ("socialite", False), ("post-author", False), ("article-body", False),
     ("vcard author abh_about_tab", True), ("author vcard", True), ("vcards-list2", False),
     ("author__box__info", True), ("author__name", False),
     # a WordPress post footer's line: Kubrick's and Twenty Ten's classes; the header's "entry-meta" is not one
     ("postmetadata alt", True), ("entry-utility", True), ("entry-meta", False), ("postmetadata-wrapper", True),
     # a picture's legend (Bildlegende, légende): a caption; a legendary story is not one
     ("legend", True), ("bild-legende", True), ("legend_text", True), ("legendary-story", False), ("legends", False)],
)
def test_chrome_class_words(value, is_chrome):
    assert bool(v.CHROME_CLASS.search(value)) is is_chrome


@pytest.mark.parametrize(
    ("value", "is_caption"),
    [("wp-caption-text", True), ("imagecaption", True), ("legend", True), ("photo-legende", True),
     ("share-row", False), ("legendary", False), ("related", False)],
)
def test_caption_class_words(value, is_caption):
    assert bool(v.CAPTION_CLASS.search(value)) is is_caption


def test_a_legend_box_is_a_caption():
    page = _page('<article><p>The council met.</p><div class="legend"><div class="content">The old pier at dusk, '
                 'seen from the harbour wall.<br>Foto © Jane Roe</div></div></article>')
    marked = html_extract.marked_chrome(page)
    assert "The old pier at dusk" in marked["captions"] and "The old pier" not in marked["other"]


@pytest.mark.parametrize(
    ("value", "is_popup"),
    [("modal fade", True), ("pum-content popmake-content", True), ("pum pum-overlay", True), ("popup", True),
     ("popup-container", True), ("lightbox", True), ("box article modal-enabled", False), ("popular-posts", False),
     ("pumpkin", False), ("entry-content", False)],
)
def test_popup_class_words(value, is_popup):
    assert bool(v.POPUP_CLASS.search(value)) is is_popup


def test_a_popup_is_chrome_however_long():
    page = _page('<article><p>The council met.</p></article><div class="pum pum-overlay"><div class="pum-content '
                 'popmake-content"><p>' + "Another story entirely. " * 100 + "</p></div></div>")
    assert "Another story entirely." in html_extract.marked_chrome(page)["dialogs"]


def test_marked_chrome_texts():
    page = _page('<article><p>The council met.</p><figure><img src="x"><figcaption>Jane Doe, speaking at a meeting'
                 '</figcaption></figure><div class="author-box"><p>Jane is a senior editor. You can follow her.</p>'
                 '</div><div class="nextstory"><p>Next: the mayor replies.</p></div><div class="share-row">'
                 + "word " * 400 + "</div></article>")
    marked = html_extract.marked_chrome(page)
    assert marked["captions"] == "Jane Doe, speaking at a meeting"
    assert "Jane is a senior editor. You can follow her." in marked["other"] and "Next: the mayor replies." in marked["other"]
    assert "The council met." not in marked["other"] + marked["captions"]
    assert "word word" not in marked["other"]  # a marked wrapper over 1,500 characters says nothing
    assert "site-title" in _page("") and "council" not in marked["other"]  # <body>'s classes mark nothing


@pytest.mark.parametrize(
    ("attributes", "kind"),
    [('class="live-match-comment"', "inner_comments"), ('id="comments"', "comments"), ('class="comment-body"', "comments"),
     ('class="comments share-row"', "other"), ('class="related-comments"', "other"), ('class="commentary"', None)],
)
def test_boxes_marked_only_as_comments_are_a_kind_of_their_own(attributes, kind):
    page = _page(f'<article><p>The council met.</p><div {attributes}><p>The vote is close, says a reader.</p></div></article>')
    marked = html_extract.marked_chrome(page)
    found = [k for k in ("inner_comments", "comments", "other") if "The vote is close" in marked[k]]
    assert found == ([kind] if kind else [])


_BLOG = ('<html><head><title>{tab}</title></head><body><div id="header">{h1}</div><div class="post">'
         '<h2><a href="/2019/10/21/post/">Interning of small integers</a></h2><p>Posted by Konstantin</p>'
         '<p>The interpreter keeps one object per small integer.</p></div>{extra}</body></html>')


@pytest.mark.parametrize(
    ("tab", "h1", "title", "expected"),
    [
        # a blog theme's <h1> links to the home page: the site's name; the headline is the <title>'s other part
        ("Four Years &raquo; Blog Archive &raquo; Interning of small integers", '<h1><a href="https://fouryears.example/">'
         "Four Years</a></h1>", "Four Years", "Interning of small integers"),
        ("Four Years | Interning of small integers", '<h1><a href="/">Four Years</a></h1>', "Four Years",
         "Interning of small integers"),
        # a logo class on the <h1>'s nearest ancestors
        ("Interning of small integers - Four Years", '<div class="site-branding"><h1>Four Years</h1></div>', "Four Years",
         "Interning of small integers"),
        # no logo mark, but the <title>'s other part is a longer heading of the page
        ("Four Years :: Interning of small integers", "<h1>Four Years</h1>", "Four Years", "Interning of small integers"),
        # the site's name, but no heading holds the rest of the <title>: no headline from it (the text decides)
        ("Four Years | Blog Archive", '<h1><a href="/">Four Years</a></h1>', "Four Years", None),
    ],
)
def test_logo_heading_is_not_the_title(tab, h1, title, expected):
    page = _BLOG.format(tab=tab, h1=h1, extra="")
    root = html_extract._root(page)
    assert html_extract._names_site(title, root, page, None)
    assert html_extract.tab_headline(page, title, root) == expected
    assert html_extract.extract(page)["title"] in (expected, None)


@pytest.mark.parametrize(
    ("tab", "h1", "title"),
    [
        ("Penny - Stardew Valley Wiki", "<h1>Penny</h1>", "Penny"),  # the headline is the short part
        ("Interning of small integers | Four Years", '<h1><a href="/2019/10/21/post/">Interning of small integers</a></h1>',
         "Interning of small integers"),  # a headline linked to its own article
        ("Four Years", '<h1><a href="#top">Four Years</a></h1>', "Four Years"),  # an anchor is not the home page
    ],
)
def test_headline_heading_is_not_the_site(tab, h1, title):
    page = _BLOG.format(tab=tab, h1=h1, extra="")
    assert not html_extract._names_site(title, html_extract._root(page), page, None)


@pytest.mark.parametrize(
    ("value", "is_comment"),
    [("recentcomments", True), ("comment-author-link", True), ("comments-area", True), ("comment byuser", True),
     ("widget_recent_comments", True), ("disqus_thread", True), ("sidebar", True), ("sidebar-right", True),
     ("sidebar2", True), ("post-author", False), ("content-sidebar-wrap", False), ("sticky-sidebar-parent", False),
     ("commentary", False), ("entry-content", False),
     ("entry-meta nyo-social-comments", False)],
)
def test_comment_region_class_words(value, is_comment):
    assert bool(v.COMMENT_REGION_CLASS.search(value)) is is_comment


_COMMENTS = ('<div class="box"><h3>Recent Comments</h3><ul id="recentcomments"><li class="recentcomments">'
             '<span class="comment-author-link"><a href="https://x.example">flappy bird</a></span> on <a href="/p">'
             "Post</a></li></ul></div>")


@pytest.mark.parametrize(
    ("names", "extra", "expected"),
    [
        ("Flappy Bird", _COMMENTS, True),  # shown only in a "Recent Comments" widget, in another case
        ("Konstantin", _COMMENTS, False),  # shown in the post's header
        ("Konstantin; Flappy Bird", _COMMENTS, False),  # one of the names is the post's
        ("Nobody Shown", _COMMENTS, False),  # a declared name the page does not print: no evidence
        ("Jane Roe", '<ol class="commentlist"><li class="comment bypostauthor"><cite>Jane Roe</cite></li></ol>', False),
        ("Jane Roe", '<aside><p>Jane Roe</p></aside>', True),
    ],
)
def test_commenter(names, extra, expected):
    page = _BLOG.format(tab="t", h1="<h1>Four Years</h1>", extra=extra)
    assert html_extract.commenter(names, html_extract._root(page)) is expected


@pytest.mark.parametrize("body_class", ["single sidebar-primary", "has-sidebar sidebar-right"])
def test_a_layout_class_of_the_body_makes_no_comment_region(body_class):
    page = (f'<html><body class="{body_class}"><main><article><h1>Harbour board meets</h1>'
            '<div class="article__author">By Jane Roe</div><p>The board met.</p></article></main>'
            '<div class="sidebar"><p class="byline">By Sam Poe</p></div></body></html>')
    lines = html_extract.header_lines(page)
    assert "By Jane Roe" in lines and "By Sam Poe" not in lines  # a sidebar element still is one


@pytest.mark.parametrize(
    ("script", "expected"),
    [('{"author": {"@type": "Person", "name": "Kit \\"Sparrow\\" Lane"}}', 'Kit "Sparrow" Lane'),  # escaped quotes
     ('{"author": [{"name": "Ann Lee"}, {"name": "Tom Hal\\u00e9"}]}', "Ann Lee; Tom Halé"),
     ('{"author": {"name": "https://example.org/staff/ann"}}', None),  # a link, not a name
     # an app state's list of ids first, then the JSON-LD list of authors: all of them
     ('{"author": ["ann-lee"]}, {"author": [{"@type": "Person", "name": "Ann Lee"}, {"name": "Tom Hale"}]}',
      "Ann Lee; Tom Hale")],
)
def test_structured_author_reads_json_strings(script, expected):
    page = f'<html><head><script type="application/ld+json">{script}</script></head><body><p>x</p></body></html>'
    assert html_extract.structured_author(page) == expected


@pytest.mark.parametrize(
    ("author", "header_lines", "expected"),
    [("Kit Lane Science Editor", ["Kit Lane", "Science Editor"], "Kit Lane"),  # the role's element run in
     ("Kit Lane May", ["By Kit Lane May 4, 2020", "Kit Lane", "May 4, 2020"], "Kit Lane"),  # a date's month
     ("Kit Lane Monday; February", ["Kit Lane", "Monday, February 3, 2020"], "Kit Lane"),  # a weekday, a month
     ("Theresa May", ["Theresa", "May 4, 2020"], "Theresa May"),  # a one-word element is no name
     ("Kit Lane", ["Kit Lane"], "Kit Lane"),
     ("Kit Lane Hart", ["Share this"], "Kit Lane Hart"),  # nothing shown apart: as the extractor has it
     ("Kit Lane Hart", ["Kit Lane", "Share this"], "Kit Lane Hart")],  # the words cut may be a name's: kept
)
def test_an_extractor_author_is_cut_to_the_name_the_header_sets_apart(author, header_lines, expected):
    page_meta = {"declared_author": None, "author": author, "sitename": "Valley Echo", "header_lines": header_lines}
    byline, declared = clean_bylines.declared_byline(page_meta, None)
    assert clean_core.md.join_names(clean_core.md.authors(byline, declared=declared)) == expected


def test_structured_author_in_json_ld_at_the_end_of_a_long_page():
    ld = '<script type="application/ld+json">{"author": {"@type": "Organization", "name": "Friends of the Atlas"}}</script>'
    filler = "<p>" + "The survey team mapped the northern valleys. " * 20 + "</p>"
    page = f"<html><head><title>t</title></head><body>{filler * (html_extract._HEAD_CHARS // len(filler) + 1)}{ld}</body></html>"
    assert html_extract.structured_author(page) == "Friends of the Atlas"
    script = '<script>var state = {"author": {"name": "Sam Poe"}};</script>'  # not JSON-LD: not read that far down
    assert html_extract.structured_author(page.replace(ld, script)) is None
    unclosed = '<script type="application/ld+json">{"x": 1}' * 2000  # hostile: scripts never closed
    assert html_extract.structured_author(page.replace(ld, unclosed + ld)) is None  # only the first few are read


def test_comment_author_is_not_the_byline():
    page = _BLOG.format(tab="Four Years &raquo; Interning of small integers", h1='<h1><a href="/">Four Years</a></h1>',
                        extra=_COMMENTS)
    meta = html_extract.extract(page)
    assert meta["author"] is None and "flappy bird" not in meta["header_lines"]


from workers.stages.clean import core as clean_core  # noqa: E402


@pytest.mark.parametrize(
    ("text", "name"),
    [("View all posts by Daniel Lemire", "Daniel Lemire"), ("view posts by Jane Doe", "Jane Doe"),
     ("All articles by Jane Doe", "Jane Doe"), ("More stories by Jane Doe", "Jane Doe"),
     ("Jane Doe", "Jane Doe"), ("Posts by the numbers", "Posts by the numbers")],
)
def test_author_link_prefix(text, name):
    assert v.AUTHOR_LINK_PREFIX.sub("", text) == name


@pytest.mark.parametrize(
    ("names", "header_lines", "expected"),
    [("T V Raman", ["Wednesday, October 16, 2019", "Posted by T. V. Raman"], "T. V. Raman"),
     ("Joe S", ["By : Joe S."], "Joe S."),
     ("Jane Doe; T V Raman", ["By Jane Doe and T. V. Raman"], "Jane Doe; T. V. Raman"),
     ("T V Raman", ["Posted by someone else"], "T V Raman"),
     ("Raman", ["Raman."], "Raman"),  # one word: nothing to spell out
     ("Joe S", ["By Joe Smith"], "Joe S")],
)
def test_author_as_the_header_writes_it(names, header_lines, expected):
    assert clean_bylines._as_written(names, header_lines) == expected


@pytest.mark.parametrize(
    ("page_meta", "head_byline", "expected"),
    [({"declared_author": "Todd", "sitename": "Rutgers"}, "Todd Bates", ("Todd Bates", False)),
     ({"declared_author": "Todd", "sitename": "Rutgers"}, "Jane Doe", ("Todd", True)),
     ({"declared_author": "Jobs & Hire", "author": "Jobs; Hire", "sitename": "Jobs & Hire"}, None, (None, False)),
     ({"author": "View all posts by Daniel Lemire", "sitename": "Blog"}, None, ("Daniel Lemire", True)),
     ({"author": "T V Raman", "header_lines": ["Posted by T. V. Raman"]}, None, ("T. V. Raman", True)),
     # one word opening a longer site name is the organisation that runs the site, not an author
     ({"author": "Google", "sitename": "Google Online Security Blog"}, "Nathan Parker, Eric Mill",
      ("Nathan Parker, Eric Mill", False)),
     ({"author": "Gregory Szorc", "sitename": "Gregory Szorc's Digital Home"}, None, ("Gregory Szorc", True))],
)
def test_declared_byline(page_meta, head_byline, expected):
    assert clean_bylines.declared_byline(page_meta, head_byline) == expected


@pytest.mark.parametrize(
    ("byline", "declared", "expected"),
    [("Jane Doe, Kiosk Blue, Examplecorp", "Jane Doe", "Jane Doe"),
     # the affiliation no longer reads as names (vocabulary.AFFILIATION): the byline stands
     ("Alex Durán, AMP Project Marketing, Google", "Alex Durán", None),
     ("Alex Durán", "Alex Durán", None),  # the same names: the text's byline stands
     ("Alex Durán and Jane Doe", "Jane Doe; Alex Durán; Bo Li", None),
     ("Alex Durán, Google", None, None),
     ("Michaela Vais", "Ela", "Ela"),  # no name shared: the declared author
     ("Gunner", "Amber Guetebier", "Amber Guetebier")],
)
def test_declared_author_when_the_byline_adds_affiliations(byline, declared, expected):
    assert clean_bylines.declared_subset(byline, {"declared_author": declared}) == expected


@pytest.mark.parametrize(
    ("texts", "byline"),
    [(["Date February 5, 2020", "By", "Todd Bates"], "Todd Bates"),
     (["Written by", "Jane Doe"], "Jane Doe"),
     (["By", "February 5, 2020"], None),
     (["By Jane Doe"], "Jane Doe")],
)
def test_header_byline_label_and_name_in_two_elements(texts, byline):
    assert clean_fields.header_fields(texts)[2] == byline


_PROSE = ("<p>The council voted on Tuesday to approve the new budget for the coming year after a long debate in "
          "the town hall, with eleven members in favour.</p>")


@pytest.mark.parametrize(
    ("dateline", "expected"),
    [("<p>Published: November 7, 2023</p>", "2023-11-07"),  # the article's own date line stays
     ("", "2023-11-03")],  # none in the text: the markup's date (htmldate agrees)
)
def test_a_date_line_in_the_article_text_is_not_overridden_by_htmldate(dateline, expected):
    from workers.stages import clean

    page = ('<html><head><title>Council approves the budget</title><meta property="article:published_time" '
            'content="2023-11-03T10:00:00"></head><body><article><h1>Council approves the budget</h1>'
            + dateline + _PROSE * 4 + "</article></body></html>")
    assert html_extract.extract(page)["date"] == "2023-11-03"  # htmldate reads the markup
    record = clean.clean({"id": "x", "source": None, "content_type": "text/html", "content": page, "fetched_at": None})
    assert record["published_at"][:10] == expected


@pytest.mark.parametrize(
    ("text_date", "declared", "found", "expected"),
    [("2021-05-04", "2021-05-04T09:30:00+02:00", "2021-05-04", "2021-05-04T09:30:00+02:00"),  # the markup refines the day
     # an unlabelled date of the text among others (an infobox's, a timeline's) against the markup and htmldate
     ("1911-02-03", "2021-05-04T09:30:00+02:00", "2021-05-04", "2021-05-04T09:30:00+02:00"),
     ("1911-02-03", None, "2021-05-04", "1911-02-03"),  # htmldate alone does not override the text
     ("1911-02-03", "2021-05-06T09:30:00+02:00", "2021-05-04", "1911-02-03"),  # nor do two sources that disagree
     (None, None, "2021-05-04", "2021-05-04")],
)
def test_an_unsure_text_date_gives_way_to_the_markup_and_htmldate_agreeing(text_date, declared, found, expected):
    page_meta = {"published": declared, "date": found}
    chosen = clean_fields.html_published(text_date, True, page_meta, None, valid=lambda value: True, guessed=lambda: False)
    assert chosen == expected
    # a labelled date line, or the text's only one, stands whatever the markup says
    labelled = clean_fields.html_published(text_date, False, page_meta, None, valid=lambda value: True, guessed=lambda: False)
    assert labelled == (expected if text_date is None or text_date[:10] == found else text_date)


@pytest.mark.parametrize(
    ("declared", "shown", "guessed", "expected"),
    [("2021-06-11T08:12:05-04:00", None, True, "2021-06-11T08:12:05-04:00"),  # htmldate only guessed from the text
     ("2021-06-11T08:12:05-04:00", None, False, "2021-02-17"),  # htmldate read the markup (another field, the URL)
     (None, "2021-06-11T08:12:05", True, "2021-06-11T08:12:05"),  # a date element the page shows
     (None, None, True, "2021-02-17")],  # nothing else: htmldate's guess
)
def test_htmldate_guessing_from_the_text_does_not_override_the_markup(declared, shown, guessed, expected):
    page_meta = {"published": declared, "date": "2021-02-17"}
    assert clean_fields.html_published(None, False, page_meta, shown, valid=lambda value: True, guessed=lambda: guessed) == expected


@pytest.mark.parametrize(
    ("found", "declared", "expected"),
    [("2021-03-09T16:20:00+02:00", "2021-03-09T16:20:12+05:30", "2021-03-09T16:20:12+05:30"),  # "4.20 PM IST"
     ("2021-03-09T16:20:00+05:30", "2021-03-09T16:20:12+05:30", "2021-03-09T16:20:00+05:30"),  # same offset: as read
     ("2021-03-09T17:20:00+02:00", "2021-03-09T16:20:12+05:30", "2021-03-09T17:20:00+02:00"),  # another time
     ("2021-03-09", "2021-03-09T16:20:12+05:30", "2021-03-09"),
     ("2021-03-09T16:20:00+02:00", None, "2021-03-09T16:20:00+02:00")],
)
def test_the_declared_offset_for_the_same_wall_clock_minute(found, declared, expected):
    assert clean_fields.declared_zone(found, declared) == expected


def test_an_updated_line_with_an_ambiguous_zone_takes_the_declared_offset():
    from workers.stages import clean

    page = ('<html><head><title>Council approves the budget</title><meta property="article:modified_time" '
            'content="2023-11-03T16:20:00+05:30"></head><body><article><h1>Council approves the budget</h1>'
            "<p>Updated: Nov 3, 2023, 4.20 PM IST</p>" + _PROSE * 4 + "</article></body></html>")
    record = clean.clean({"id": "x", "source": None, "content_type": "text/html", "content": page, "fetched_at": None})
    assert record["updated_at"] == "2023-11-03T16:20:00+05:30"


def test_a_date_after_fetched_at_gives_way_to_htmldate():
    page_meta = {"published": "2031-01-01T00:00:00+00:00", "date": "2021-02-17"}
    assert clean_fields.html_published(None, False, page_meta, None, valid=lambda value: value < "2030",
                                      guessed=lambda: True) == "2021-02-17"


def test_markup_date_is_none_when_htmldate_would_only_guess_from_the_text():
    from workers.stages.clean.dates import markup_date

    head = '<meta property="article:published_time" content="2022-03-08T10:00:00+01:00">'
    page = ("<html><head><title>Harbour board meets</title>{}</head><body><article><h1>Harbour board meets</h1>"
            "<p>The board said on 2 March 2022 that the channel would be dredged.</p>" + _PROSE * 3
            + "</article></body></html>")
    assert markup_date(page.format(head)) == "2022-03-08"
    assert markup_date(page.format("")) is None


@pytest.mark.parametrize(
    ("dates", "expected"),
    [("<p>7 November 1923</p><p>2 March 1990</p>", "2023-11-03T10:00:00+01:00"),  # an infobox's dates
     ("<p>7 November 1923</p>", "1923-11-07")],  # the text's one date line stands
)
def test_an_unlabelled_date_among_others_in_the_text_gives_way_to_the_declared_date(dates, expected):
    from workers.stages import clean

    page = ('<html><head><title>Council approves the budget</title><meta property="article:published_time" '
            'content="2023-11-03T10:00:00+01:00"></head><body><article><h1>Council approves the budget</h1>'
            + dates + _PROSE * 4 + "</article></body></html>")
    record = clean.clean({"id": "x", "source": None, "content_type": "text/html", "content": page, "fetched_at": None})
    assert record["published_at"] == expected


@pytest.mark.parametrize(
    ("authors", "sitename", "expected"),
    [(["Rob Picheta", "CNN"], "CNN", ["Rob Picheta"]),
     (["CNN"], "CNN", ["CNN"]),  # the only entry stays: the page credits the site
     (["Adam Aaronson PhillyVoice Staff"], "PhillyVoice", ["Adam Aaronson"]),
     (["Jane Doe Valley-Echo"], "Valley Echo", ["Jane Doe"]),
     (["Jane Doe Example Gazette"], "Example Gazette", ["Jane Doe"]),  # a site name of several words
     (["Jane Doe"], "Doe", ["Jane Doe"]),  # a two-word name keeps its surname
     (["AFP", "The Local"], "The Local", ["AFP"]),
     (["Jane Doe", "CNN"], None, ["Jane Doe", "CNN"])],
)
def test_authors_without_the_site_name(authors, sitename, expected):
    assert clean_bylines.without_site(authors, sitename) == expected


@pytest.mark.parametrize(
    ("site", "title"),
    [("Student halls too full to be safe, experts warn", "Student halls too full to be safe, experts warn"),
     ("The Valley Echo", "Student halls too full to be safe, experts warn")],
)
def test_a_site_name_guess_that_is_the_headline_is_no_site_name(site, title):
    from workers.stages import clean

    page = (f'<html><head><title>{title}</title><meta property="og:site_name" content="{site}">'
            f'<meta property="og:title" content="{title}"></head><body><article>' + _PROSE * 4 + "</article></body></html>")
    record = clean.clean({"id": "x", "source": None, "content_type": "text/html", "content": page, "fetched_at": None})
    assert record["title"] == title
    assert record["source"] == (None if site == title else site)


@pytest.mark.parametrize(
    ("page_meta", "expected"),
    [({"title": "Penny", "title_shown": True}, "Penny"),  # a wiki entry's one-word headline, shown as its <h1>
     ({"title": "Penny", "title_shown": False}, None),  # a one-word label the page does not show as a headline
     ({"title": "Share", "title_shown": True}, None),  # interface vocabulary never
     ({"title": "Council backs plan", "sitename": "Council backs plan"}, None),
     ({"title": "Council backs plan"}, "Council backs plan")],
)
def test_page_title(page_meta, expected):
    assert clean_fields.page_title(page_meta) == expected


def test_title_shown_as_the_pages_h1():
    page = _page("<h1>micropolitics</h1>")
    assert html_extract.extract(page.replace("<title>t</title>", "<title>micropolitics</title>"))["title_shown"] is True
    other = _page("<h1>micropolitics</h1><h1>glossary</h1>").replace("<title>t</title>", "<title>Macro views on politics</title>")
    assert html_extract.extract(other)["title_shown"] is False


_DEK = "We are about to get 20 terabyte hard drives, and the path looks clear to scale up to 80TB."
_STORY = ("<p>As the demand for storage continues to grow, so does the need to find the next breakthrough in how "
          "densely the platters can be written.</p><p>The company said on Tuesday that its new platters had "
          "passed the tests and would ship to drive makers later this year.</p>")


@pytest.mark.parametrize(
    ("shown", "expected"),
    [
        (f'<header><h1>Platters promise 80TB drives</h1><p class="dek">{_DEK}</p></header>', _DEK),  # the dek
        ("<header><h1>Platters promise 80TB drives</h1></header>", None),  # declared, not shown
        (f'<header><h1>Platters promise 80TB drives</h1></header><figure><figcaption>{_DEK}</figcaption></figure>',
         None),  # shown as a caption: chrome
        (f"<header><h1>Platters promise 80TB drives</h1><p>{_DEK} More to come.</p></header>", None),  # not word for word
        # a dek whose tag is left open ("</h3>" closes an <h2>) swallows the story: its own text still shows it
        (f'<header><h1>Platters promise 80TB drives</h1></header><h2 class="excerpt">{_DEK}</h3>'
         "<div><b>Advertisement</b></div>", _DEK),
        # the same words followed by inline text are a longer paragraph, not the dek
        (f"<header><h1>Platters promise 80TB drives</h1><p>{_DEK}<b> More to come.</b></p></header>", None),
    ],
)
def test_shown_description_is_the_standfirst(shown, expected):
    page = (f'<html><head><title>Platters promise 80TB drives</title><meta property="og:description" content="{_DEK}">'
            f"</head><body><article>{shown}{_STORY}</article></body></html>")
    meta = html_extract.extract(page)
    assert meta["standfirst"] == expected


@pytest.mark.parametrize(
    ("paragraphs", "title", "expected"),
    [(["The company said on Tuesday."], "Platters promise 80TB drives", _DEK),
     ([_DEK, "The company said on Tuesday."], "Platters", None),  # the extractor kept it in the body
     (["The company said on Tuesday."], _DEK, None)],  # it is the title
)
def test_shown_standfirst_only_when_not_in_the_text(paragraphs, title, expected):
    assert clean_paragraphs.shown_standfirst(_DEK, {"paragraphs": paragraphs, "title": title}) == expected



@pytest.mark.parametrize(
    ("tab", "expected"),
    [("National Rail Enquiries -", None), ("Valley Echo |", None), ("Library saved by volunteers - Valley Echo",
                                                                     "Library saved by volunteers")],
)
def test_a_title_with_a_dangling_separator_is_the_site_name(tab, expected):
    page = f"<html><head><title>{tab}</title></head><body><article>{_STORY}</article></body></html>"
    assert html_extract.extract(page)["title"] == expected


def test_dialog_lines_are_marked():
    from workers.stages.clean import lines as ln

    article = ["The harbour authority said on Tuesday that the northern pier would close for repairs this year.",
               "Engineers found that several of the wooden piles had rotted through after decades of salt water."]
    teaser = ["Another story entirely, about a different town and its plans for the new library building."]
    lines = ln.classify(article + teaser)
    dialog = {"dialogs": teaser[0], "captions": "", "other": ""}
    assert clean_run._marked_lines(lines, dialog) == [False, False, True]  # a pop-up beside the article


def test_a_dialog_holding_the_headline_is_not_chrome():
    story = "<h1>Library saved by volunteers</h1><p>" + "The volunteers raised the money in a week. " * 50 + "</p>"
    page = f'<html><head><title>t</title></head><body><div class="modal">{story}</div></body></html>'
    assert html_extract.marked_chrome(page, title="Library saved by volunteers")["dialogs"] == ""
    assert "The volunteers raised" in html_extract.marked_chrome(page, title="Another headline")["dialogs"]


def test_an_aside_inside_the_article_is_its_meta_box():
    page = ("<html><body><article><aside class='meta'><p>Jane Roe</p></aside><p>The council met.</p></article>"
            "<aside><p>Joe Bloggs</p></aside></body></html>")
    root = html_extract._root(page)
    assert not html_extract.commenter("Jane Roe", root) and html_extract.commenter("Joe Bloggs", root)


def test_an_article_h1_beside_a_longer_site_heading_stays_the_title():
    # a short headline inside <article>, the site's longer name shown as a footer heading: not the site
    page = ("<html><head><title>Mayor quits | The Springfield Daily Herald News</title></head><body><article>"
            "<h1>Mayor quits</h1><p>The mayor resigned on Tuesday after a long night of debate.</p></article>"
            "<footer><h3>The Springfield Daily Herald News</h3></footer></body></html>")
    assert not html_extract._names_site("Mayor quits", html_extract._root(page), page, None)


_MASTHEAD_PAGE = """<html><head><title>Ferry timetable cut for the winter | Local News | harbourpost.com</title>
<meta property="og:title" content="Ferry timetable cut for the winter"></head><body>
<div class="site-masthead"><a href="/"><img alt="Harbour Post"></a></div>
<article><div class="story-masthead"><header><h1 class="{cls}">Ferry timetable cut for the winter</h1></header></div>
<p>The island ferry will run four times a day instead of six from November, the operator said on Monday,
citing the cost of fuel and a shortage of crew for the late sailings.</p>
<div id="nl-box"><h1>Get the morning briefing</h1><form><input type="email"></form></div>
<p>Islanders said the change would leave commuters with no way home after the last evening sailing.</p>
</article></body></html>"""


@pytest.mark.parametrize("cls", [
    "headline",  # the heading's own class names a headline, inside a "masthead" block
    "entry-title",
    "plain",  # no class of its own: the <title> names the site in another part, so the title is no logo's
])
def test_the_headline_in_a_masthead_block_is_the_title(cls):
    assert html_extract.extract(_MASTHEAD_PAGE.replace("{cls}", cls))["title"] == "Ferry timetable cut for the winter"


def test_a_sign_up_box_heading_is_never_a_headline():
    import lxml.html

    page = _MASTHEAD_PAGE.replace("{cls}", "plain")
    assert "Get the morning briefing" not in html_extract._headlines(lxml.html.fromstring(page))
    no_form = page.replace("<form>", "<div>").replace("</form>", "</div>")
    assert "Get the morning briefing" in html_extract._headlines(lxml.html.fromstring(no_form))


@pytest.mark.parametrize(("value", "is_headline"), [
    ("headline", True), ("article-headline", True), ("entry-title", True), ("post_title", True),
    ("article-title", True), ("story-title", True), ("site-title", False), ("masthead", False), ("logo", False),
])
def test_article_headline_class_words(value, is_headline):
    assert bool(v.ARTICLE_HEADLINE_CLASS.search(value)) is is_headline
