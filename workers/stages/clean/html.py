"""HTML -> main-content lines and metadata, with trafilatura (jusText when it finds nothing)."""

from __future__ import annotations

import re
from html import unescape as html_unescape
from urllib.parse import urlsplit

from workers.stages.clean import lines as ln
from workers.stages.clean import listing
from workers.stages.clean import voting
from workers.stages.clean import vocabulary as v

_DANGLING_SEPARATOR = re.compile(r"\s(?:[|–—:»-]|::)\s*$")
_SITE_SUFFIX = re.compile(r"\s+[|–—-]\s+[^|–—-]{1,60}$")
_SITE_PREFIX = re.compile(r"^[^|:»]{1,60}?\s(?:\||::|»)\s")
# structured dates: JSON-LD, <meta> properties, the first <time datetime>; bounded, literal-anchored
_HEAD_CHARS = 300_000
_LD_DATE = re.compile(r'"(datePublished|dateModified)"\s*:\s*"([^"]{8,40})"')
_META_TAG = re.compile(r"<meta\b[^>]{0,500}>", re.IGNORECASE)
_META_NAME = re.compile(r'\b(?:property|name|itemprop)\s*=\s*["\']([^"\']{1,60})["\']', re.IGNORECASE)
_META_CONTENT = re.compile(r'\bcontent\s*=\s*["\']([^"\']{8,40})["\']', re.IGNORECASE)
_TIME_TAG = re.compile(r"<time\b[^>]{0,300}?\bdatetime\s*=\s*[\"']([^\"']{8,40})[\"']", re.IGNORECASE)
_PUBLISHED_NAMES = frozenset(
    "article:published_time og:published_time datepublished pubdate publishdate publish-date publish_date "
    "date dc.date dc.date.issued sailthru.date parsely-pub-date".split()
)
_MODIFIED_NAMES = frozenset("article:modified_time og:updated_time datemodified last-modified dc.date.modified".split())


_HTML_END = re.compile(r"</html\s*>", re.IGNORECASE)
_BODY_START = re.compile(r"<body[\s>]", re.IGNORECASE)


def without_early_html_end(html: str) -> str:
    """The page without the `</html>` end tags set before its `<body>` start tag ("</head></html><body …>",
    a theme's stray close): the HTML Standard's parser reads what follows an `</html>` into the body (the
    "after after body" insertion mode), while libxml2, under lxml and so every extractor, drops it and the
    page's article with it. Pages without a `<body>` after an `</html>` come back unchanged (same object)."""
    end = _HTML_END.search(html)
    if end is None:
        return html
    body = _BODY_START.search(html, end.end())
    if body is None:
        return html
    return _HTML_END.sub("", html[:body.start()]) + html[body.start():]


def extract(html: str) -> dict:
    """{"text": str, "title", "date", "author", "sitename", "voting", "published", "modified",
    "declared_author", "header_lines", "title_shown", "locale", "page_lines", "declared_types"} (values
    may be None; "locale": the page's declared language tag, declared_locale; "title_shown": the title is
    the text of one of the page's <h1>s; "page_lines", "declared_types": the page as a reader sees it and
    its declared schema.org types and og:type, listing.page_lines and listing.declared_types). "text"
    holds the candidate paragraphs
    of the extractor vote (workers.stages.clean.voting), one per line; "voting" the evidence the
    clean stage needs to decide each (None when only jusText found text)."""
    meta = _trafilatura_meta(html)
    _vote(meta, html)
    root = _root(html)  # one lxml parse for the structure passes below
    _title_and_site(meta, html, root)
    meta["published"], meta["modified"] = structured_dates(html)
    meta["locale"] = declared_locale(html)
    meta["declared_author"] = structured_author(html)
    for field in ("author", "declared_author"):
        if root is not None and meta[field] and commenter(meta[field], root):
            meta[field] = None  # a name shown only in a comment thread or a "Recent Comments" widget
    meta["header_lines"] = header_lines(html, meta["title"], root)
    _shown_parts(meta, html, root)
    meta["page_lines"] = listing.page_lines(root) if root is not None else []
    meta["declared_types"] = listing.declared_types(html)
    return meta


def _trafilatura_meta(html: str) -> dict:
    """{"text", "title", "date", "author", "sitename"} from trafilatura's bare_extraction with its
    metadata (all None and "" text when it fails on broken markup)."""
    import trafilatura

    doc = None
    try:
        doc = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            deduplicate=False,
            # htmldate (through trafilatura), original publication date, extensive search: it beats
            # our own date rules on the dev set (bench.devset), so core.clean prefers its day
            date_extraction_params={"extensive_search": True, "original_date": True},
        )
    except Exception:  # trafilatura/lxml raise assorted errors on broken markup
        doc = None
    meta = {"text": "", "title": None, "date": None, "author": None, "sitename": None}
    if doc is not None:
        get = doc.get if isinstance(doc, dict) else (lambda k: getattr(doc, k, None))
        meta.update({k: get(k) for k in ("text", "title", "date", "author", "sitename")})
        meta["text"] = meta["text"] or ""
    return meta


def _vote(meta: dict, html: str) -> None:
    """meta["text"] becomes the extractor vote's candidate lines (voting.candidates; jusText's text when
    none found any) and meta["voting"] its evidence (None when the vote found nothing)."""
    meta["voting"] = None
    found = voting.candidates(html, default=meta["text"])
    if found["lines"]:
        meta["text"] = "\n".join(found["lines"])
        meta["voting"] = {"readability_only": {voting.norm(found["lines"][i]) for i in found["readability_only"]},
                          "votes": found["votes"], "table_cells": found["table_cells"],
                          "repeats": found["repeats"]}
    if not meta["text"].strip():  # jusText with the stoplist of the page's language (the page declares it)
        meta["text"] = _justext(html, declared_language(html))


def declared_language(html: str) -> str | None:
    """ISO 639-1 code of the language the page declares (declared_locale's "de" of "de-AT"), or None."""
    declared = declared_locale(html)
    code = re.split(r"[-_]", declared, maxsplit=1)[0].casefold() if declared else ""
    return code if len(code) == 2 and code.isalpha() else None


def _shown_parts(meta: dict, html: str, root) -> None:
    """What the page shows: the visible headline over the declared title ("title", "title_shown"), the
    elements it marks as chrome (into "voting"), its shown standfirst and marked standfirsts."""
    shown = _headlines(root) if root is not None else []
    meta["title"] = visible_headline(html, meta["title"], meta["sitename"], root, shown) or meta["title"]
    # a one-word title the page shows as its <h1> is a headline ("Penny" on a wiki), not a section label
    meta["title_shown"] = bool(meta["title"]) and any(h.casefold() == meta["title"].casefold() for h in shown)
    if meta["voting"] is not None:
        meta["voting"]["marked_chrome"] = marked_chrome(html, root, meta["title"])
    meta["standfirst"] = shown_description(html, root, meta.get("voting")) if root is not None else None
    meta["standfirst_marked"] = marked_standfirsts(root) if root is not None else []


_STANDFIRST_TAGS = ("p", "h2", "h3", "div", "span")
_STANDFIRST_MAX = 100  # elements read (teaser boxes above the article mark their deks the same way)


def marked_standfirsts(root) -> list[str]:
    """The texts (whitespace squeezed) of the first elements whose class or id words say they hold a
    standfirst (vocabulary.STANDFIRST_CLASS: "standfirst", "dek", "subtitle", "summary", "intro", ...)."""
    found = []
    for element in root.iter(*_STANDFIRST_TAGS):
        words = f"{element.get('class') or ''} {element.get('id') or ''}"
        if words.strip() and v.STANDFIRST_CLASS.search(words):
            if text := voting.norm(element.text_content()):
                found.append(text)
            if len(found) >= _STANDFIRST_MAX:
                break
    return found


# a site name that is only a host name ("valleyledger.com"): the extractor's fallback from the page's URL
_HOST_NAME = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)+$")


def _title_and_site(meta: dict, html: str, root) -> None:
    """meta["title"] and meta["sitename"] as the extractor found them, mended in place: the site name
    stripped from the title, the site name read from the document <title> when none is declared or the
    declared one is only a host name ("Headline | Valley Ledger" over "valleyledger.com"), and
    no title when the extractor's is only the site's name (a dangling separator, a logo <h1>)."""
    if meta["sitename"] and meta["sitename"] == meta["title"] and len(meta["title"].split()) > _SITE_NAME_MAX_WORDS:
        meta["sitename"] = None  # the extractor's site-name guess was the headline itself
    if meta["sitename"] and meta["title"] and meta["sitename"] != meta["title"] and meta["sitename"].startswith(meta["title"]):
        meta["sitename"] = None  # "Headline, 1931-2024 | Obituaries": the headline's side of the <title>, not the site
    if meta["title"] and _DANGLING_SEPARATOR.search(meta["title"]):
        meta["title"] = None  # "National Rail Enquiries -": the site's name, its headline part left empty
    if meta["title"]:
        meta["title"] = _strip_site(meta["title"], meta["sitename"])
        if not meta["sitename"] or _HOST_NAME.match(meta["sitename"]):
            # no declared site name, or a host name: the rest of the document <title> around the headline
            m = _TITLE_TAG.search(html, 0, _HEAD_CHARS)
            named = _site_name(" ".join(m.group(1).split()), meta["title"]) if m else None
            if not meta["sitename"] or (named and not _TAB_SEPARATOR.search(f" {named} ")):
                meta["sitename"] = named  # over a host name only a plain name ("Recipe - Example.com" is none)
    if root is not None and meta["title"] and _names_site(meta["title"], root, html, meta["sitename"]):
        meta["title"] = tab_headline(html, meta["title"], root)  # a blog's logo <h1> was taken as the title


def _root(html: str):
    """The page's lxml tree (its first _HEAD_CHARS * 4 characters), or None when lxml cannot parse it."""
    try:
        import lxml.html

        return lxml.html.fromstring(html[:_HEAD_CHARS * 4])
    except Exception:  # lxml raises on empty or hostile markup
        return None


_HEADER_XPATH = (
    "//*[contains(@class,'date') or contains(@class,'time') or contains(@class,'byline') "
    "or contains(@class,'author') or contains(@class,'meta') or contains(@class,'posted') "
    "or contains(@itemprop,'date') or contains(@itemprop,'author')]"
)
_HEADER_MAX_ELEMENTS = 30
_HEADER_MAX_CHARS = 160


def header_lines(html: str, title: str | None = None, root=None) -> list[str]:
    """Short texts of elements marked as dates, bylines or article meta by their class/itemprop
    ("Posted: 07/03/2024 08:30 | By Jane Doe"), in document order, those inside <article> first;
    then the short texts right after the headline in the page (pages without such classes, e.g. old
    table layouts). Extractors drop these lines; the clean stage reads dates and bylines from them."""
    root = _root(html) if root is None else root
    if root is None:
        return []
    try:
        found = root.xpath(_HEADER_XPATH)[: _HEADER_MAX_ELEMENTS * 4]
    except Exception:  # lxml raises on hostile trees
        return []
    classed = _classed_lines(found)
    return classed + (_after_headline(root, title) if title else [])


_CHROME_MAX_CHARS = 1500
_COMMENT_WORD = re.compile(r"(?<![^\s_-])comments?(?![^\s_-])", re.IGNORECASE)


def _inner_comment_word(element, words: str) -> bool:
    """The element is chrome only by a "comment(s)" part inside a class or id word, not opening it
    ("live-match-comments", "gallery__item__comment"): a live blog's commentary, an editor's note on a
    gallery item, which may be the article. A class or id word that opens with "comment" ("Comment",
    "comment-body", "comments-area": trafilatura's own test for a comment region, which it prunes, made per
    word), a chrome tag or another chrome word (vocabulary.CHROME_CLASS) leaves the element plain chrome."""
    if element.tag in v.CHROME_TAGS or v.CHROME_CLASS.search(_COMMENT_WORD.sub(" ", words)) is not None:
        return False
    return not any(word.startswith("comment") for word in words.casefold().split())


def marked_chrome(html: str, root=None, title: str | None = None) -> dict[str, str]:
    """The texts of elements the page itself marks as chrome, normalised and joined with newlines,
    {"captions": <figcaption> and caption-class elements (vocabulary.CAPTION_CLASS), "dialogs": pop-up and modal dialogs
    (vocabulary.POPUP_CLASS, whatever their length, unless one holds the page's `title`: the article
    shown in a dialog; never an inline element: vocabulary.INLINE_TAGS), "other": <aside>, <nav> and
    elements whose class/id holds another chrome word (an hCard table is an infobox: INFOBOX_TAGS)}:
    vocabulary.CHROME_CLASS (author box, caption, share row, newsletter, related list, next-post
    teasers, comments, trust badge, call to action), with everything inside them; not a table of
    contents (links only to places in the page: `_contents_list`), whose entries are the article's own
    headings; "alt_captions": texts that repeat an image's alt text in its figure box (`alt_captions`),
    to be matched as whole lines; "comments": elements marked by the comments class word alone
    (`_comments_only`), and "inner_comments" those of them marked only by an inner "comment" class part
    (`_inner_comment_word`: a live blog's "live-match-comments"); run._marked_lines decides whether
    such lines are chrome. "other" otherwise. Never <html>, <body>, <main> or <article> (their classes describe the
    site or the page), and texts over _CHROME_MAX_CHARS are left out (a wrapper so marked around the
    whole article says nothing about its paragraphs)."""
    out: dict[str, list[str]] = {
        "captions": [], "other": [], "dialogs": [], "alt_captions": [], "comments": [], "inner_comments": [],
    }
    headline = voting.norm(title or "")
    root = _root(html) if root is None else root
    if root is None:
        return {kind: "" for kind in out}
    stack = [root]  # document order; an element taken whole is not entered again (its images are read)
    while stack:
        element = stack.pop()
        if element.tag == "img":
            out["alt_captions"].extend(_alt_caption(element))
        elif isinstance(element.tag, str) and element.tag not in _PAGE_TAGS:
            words = f"{element.get('class', '')} {element.get('id', '')}"
            dialog = v.POPUP_CLASS.search(words) is not None and element.tag not in v.INLINE_TAGS
            chrome_words = v.CARD_CLASS.sub(" ", words) if element.tag in v.INFOBOX_TAGS else words
            if element.tag in v.CHROME_TAGS or v.CHROME_CLASS.search(chrome_words) or dialog:
                text = voting.norm(element.text_content())
                if dialog and headline and headline in text:
                    dialog = False  # the page shows its article in a dialog: its parts are judged inside
                elif not dialog and _contents_list(element):
                    out["alt_captions"].extend(alt_captions(element))
                    continue  # a table of contents lists the article's own headings: they stay the article's
                elif text and (len(text) <= _CHROME_MAX_CHARS or dialog):
                    caption = element.tag == "figcaption" or v.CAPTION_CLASS.search(words) is not None
                    kind = "dialogs" if dialog else "captions" if caption else "other"
                    if kind == "other" and _comments_only(element.tag, chrome_words):
                        kind = "inner_comments" if _inner_comment_word(element, chrome_words) else "comments"
                    out[kind].append(text)
                    out["alt_captions"].extend(alt_captions(element))
                    continue
        stack.extend(reversed(element))
    return {kind: "\n".join(texts) for kind, texts in out.items()}


def _comments_only(tag: str, words: str) -> bool:
    """The element is chrome by its comments class word alone (vocabulary.COMMENT_CLASS), not by its tag or
    another CHROME_CLASS word."""
    return tag not in v.CHROME_TAGS and v.COMMENT_CLASS.search(words) is not None \
        and v.CHROME_CLASS.search(v.COMMENT_CLASS.sub(" ", words)) is None


_ALT_CAPTION_MIN_WORDS = 5  # a shorter alt text ("Photo of the author") may be any short line's
_ALT_CAPTION_ANCESTORS = 3  # the image's figure box: its parent, grandparent and great-grandparent
_FIGURE_MAX_CHARS = 300  # a box with more text than the caption, a credit and a label holds more than a figure


def alt_captions(root) -> list[str]:
    """Normalised texts of the elements that show an image's description (its ``alt``, at least
    _ALT_CAPTION_MIN_WORDS words) as text in the image's own box: an ancestor at most
    _ALT_CAPTION_ANCESTORS levels up whose text is little more than that description (a figure: the
    image, its caption, a credit). Such text is the image's caption whatever its markup (a ``<cite>``,
    a ``<p>`` with a site's own class name), not article prose: many pages fill the alt from the caption."""
    return [alt for image in root.iter("img") for alt in _alt_caption(image)]


def _alt_caption(image) -> list[str]:
    """[the image's normalised alt text] when its figure box shows it as text (alt_captions), else []."""
    alt = voting.norm(image.get("alt") or "")
    if len(alt.split()) < _ALT_CAPTION_MIN_WORDS:
        return []
    box = image
    for _ in range(_ALT_CAPTION_ANCESTORS):
        box = box.getparent()
        if box is None or box.tag in _PAGE_TAGS or len(box.text_content()) > _FIGURE_MAX_CHARS + 2 * len(alt):
            return []
        if any(e is not image and isinstance(e.tag, str) and e.tag != "img"
               and voting.norm(e.text_content()) == alt for e in box.iter()):
            return [alt]
    return []


def _contents_list(element) -> bool:
    """The element is a table of contents: at least two links, all to places inside the page ("#…")."""
    hrefs = [(a.get("href") or "").strip() for a in element.iter("a")]
    return len(hrefs) >= 2 and all(h.startswith("#") and len(h) > 1 for h in hrefs)


_MAX_HEADLINES = 6
_LOGO_ANCESTORS = 4  # the <h1> and its nearest ancestors
_PAGE_TAGS = frozenset(("html", "body", "main", "article"))
_HEADLINE_MAX_CHARS = 300
_TITLE_WORD = re.compile(r"\w+")


def visible_headline(html: str, declared: str | None, sitename: str | None = None, root=None,
                     headlines: list[str] | None = None) -> str | None:
    """The page's visible headline: the first <h1> that is not the site's logo or name (one inside
    <article>/<main> first), when it restates the declared title (`_restates`: "Penny" for "Penny -
    Stardew Valley Wiki", the headline under an SEO title) or there is no declared title; else None (also when the <h1> is the declared title in
    another case or after a kicker). Readers and annotators take the headline they see; <title> and
    og:title often carry the site name or a search-engine variant."""
    if headlines is None:  # `headlines`: the page's _headlines, when the caller has them
        root = _root(html) if root is None else root
        headlines = _headlines(root) if root is not None else []
    found = [h for h in headlines if not sitename or h.casefold() != sitename.casefold()]
    if not found:
        return None
    if not declared:
        return found[0] if " " in found[0] else None
    wanted = set(_TITLE_WORD.findall(declared.casefold()))
    for headline in found:
        words = set(_TITLE_WORD.findall(headline.casefold()))
        if words and _restates(words, wanted):
            return None if _kicker_or_case(headline, declared) else headline
    return None


_RESTATE_MIN_SHARED = 3  # words shared before two fifths of the shorter one are enough


def _restates(words: set[str], wanted: set[str]) -> bool:
    """An <h1> restates the declared title: more than half of the shorter one's words shared, or two
    fifths and at least _RESTATE_MIN_SHARED words (a headline under a differently worded SEO title: "12
    Quick Garden Fixes When You're Short On Time" for "Quick Ways to Tidy a Garden in A
    Short Time"; a two-word site name sharing one word with a long title does not)."""
    shared, shorter = len(words & wanted), min(len(words), len(wanted))
    return shared * 2 > shorter or (shared >= _RESTATE_MIN_SHARED and shared * 5 >= shorter * 2)


def _kicker_or_case(headline: str, declared: str) -> bool:
    """The declared title is the better text: the <h1> is the same words in another case (a CSS
    transform's source) or all in lower case ("privacy policy" under "ExampleLab privacy policy"), or
    the declared title is inside it after a kicker ("Open ProgressWhy …")."""
    at = headline.casefold().find(declared.casefold())
    lower = headline == headline.lower() and declared != declared.lower()
    return at == 0 and len(headline) == len(declared) or at > 0 or lower


def _headlines(root) -> list[str]:
    """Texts of the page's <h1> elements not marked as a site logo (their own class/id or that of their
    nearest ancestors below <body>/<main>/<article>), those in <article>/<main> first."""
    inside, outside = [], []
    for element in root.iter("h1"):
        if len(inside) + len(outside) >= _MAX_HEADLINES:
            break
        chain = [element, *element.iterancestors()]
        if _logo(chain) or _sign_up_box(chain):
            continue
        text = " ".join(_headline_text(element).split())
        if _home_link(element, text):
            continue
        if 0 < len(text) <= _HEADLINE_MAX_CHARS:
            in_article = any(e.tag in ("article", "main") for e in chain)
            (inside if in_article else outside).append(text)
    return inside + outside


def _beside_site(parts: list[str]) -> bool:
    """One of the other parts of the document <title> is a bare domain ("example.com"): the site's name."""
    return any(v.BARE_DOMAIN.match(p) for p in parts)


_SIGN_UP_MAX_CHARS = 400  # a sign-up box's own text: a heading, a line of pitch, a field, a button


def _sign_up_box(chain: list) -> bool:
    """The heading ``chain[0]`` heads a sign-up box: one of its nearest ancestors (below <body>/<main>/
    <article>) holds a form with an e-mail field and little text besides ("Be the first to know" over a
    newsletter form); an article's header that also holds a newsletter form has its article text."""
    near = [e for e in chain[1:_LOGO_ANCESTORS] if e.tag not in _PAGE_TAGS]
    return any(e.xpath(".//form//input[@type='email']") and len(" ".join(e.text_content().split())) <= _SIGN_UP_MAX_CHARS
               for e in near)


def _logo(chain: list) -> bool:
    """The heading ``chain[0]`` (its ancestors after it) is the site's logo or name: SITE_LOGO_CLASS on its own
    class/id or its nearest ancestors' below <body>/<main>/<article> (whose classes describe the site), unless
    its own class, id or itemprop names the article's headline (ARTICLE_HEADLINE_CLASS)."""
    own = chain[0]
    if v.ARTICLE_HEADLINE_CLASS.search(f"{own.get('class', '')} {own.get('id', '')} {own.get('itemprop', '')}"):
        return False
    near = [e for e in chain[:_LOGO_ANCESTORS] if e.tag not in _PAGE_TAGS]
    return any(v.SITE_LOGO_CLASS.search(f"{e.get('class', '')} {e.get('id', '')}") for e in near)


def _home_link(element, text: str) -> bool:
    """The heading is one link to the site's home page ("/", "https://host/", "/index.html"), as a blog
    theme's site-name <h1> is; an article's headline links to the article, if anywhere."""
    for link in element.iter("a"):
        href = urlsplit((link.get("href") or "").strip())
        home = (href.path.rstrip("/") == "" and (href.netloc or href.path == "/")) or _INDEX_PAGE.match(href.path)
        if home and not href.query and " ".join(link.text_content().split()) == text:
            return True
    return False


_INDEX_PAGE = re.compile(r"^/?index\.\w{2,5}$")


def _names_site(title: str, root, html: str, sitename: str | None) -> bool:
    """The extractor's title is the site's name, not the headline: the text of a logo <h1>
    (SITE_LOGO_CLASS on it or its nearest ancestors, or a link to the home page), the declared site
    name, or an <h1> outside <article>/<main> that is an edge of the document <title> whose other part
    is a longer heading of the page ("Example Notes » Blog Archive » Caching Small Values in
    Python" over an <h2>; an article's own <h1> sits inside <article>/<main> on the pages that have them)."""
    key = ln.key(title)
    if sitename and ln.key(sitename) == key and " " in title:
        return True
    # "Headline | Section | example.com": the <title> names the site in another part, so a logo-classed
    # block around an <h1> of this text is the article's header (news templates' "masthead")
    beside = _beside_site(_tab_rest(html, title))
    outside = False  # an <h1> with the title's text outside <article>/<main>
    for element in root.iter("h1"):
        text = " ".join(element.text_content().split())
        if ln.key(text) != key:
            continue
        chain = [element, *element.iterancestors()]
        if _home_link(element, text) or (not beside and _logo(chain)):
            return True
        outside = outside or not any(e.tag in ("article", "main") for e in chain)
    rest = _tab_rest(html, title) if outside else []
    return bool(rest) and any(len(h.split()) > len(title.split()) for h in _tab_headings(rest, root))


def tab_headline(html: str, site: str, root) -> str | None:
    """The headline in the document <title> beside the site's name `site`: the part that is a heading
    (<h1>-<h3>) of the page, else None (the title is then found in the text)."""
    rest = _tab_rest(html, site)
    found = _tab_headings(rest, root) if rest else []
    return max(found, key=len) if found else None


def _tab_rest(html: str, site: str) -> list[str]:
    """The parts of the document <title> other than `site` when `site` is its first or last part (also
    before a colon: "Blog Name: Post title", as Blogger writes it)."""
    m = _TITLE_TAG.search(html, 0, _HEAD_CHARS)
    if not m:
        return []
    title = " ".join(html_unescape(m.group(1)).split())
    parts = [p.strip() for p in _TAB_SEPARATOR.split(title)]
    key = ln.key(site)
    if len(parts) < 2 and ln.key(title.partition(": ")[0]) == key:
        parts = title.split(": ", 1)
    if len(parts) < 2 or key not in (ln.key(parts[0]), ln.key(parts[-1])):
        return []
    return [p for p in parts if p and ln.key(p) != key]


def _tab_headings(parts: list[str], root) -> list[str]:
    """The parts that are the text of one of the page's <h1>-<h3> headings (case and spacing aside)."""
    wanted = {ln.key(p): p for p in parts}
    out = []
    for element in root.iter("h1", "h2", "h3"):
        text = " ".join(element.text_content().split())
        if len(text) <= _HEADLINE_MAX_CHARS and ln.key(text) in wanted:
            out.append(wanted.pop(ln.key(text)))
    return out


def _headline_text(element) -> str:
    """An <h1>'s text without the subtitle, dek or kicker set inside it (<small>, or a class word of
    vocabulary.HEADLINE_EXTRA_CLASS)."""
    parts = [element.text or ""]
    for child in element:
        extra = isinstance(child.tag, str) and (child.tag == "small" or v.HEADLINE_EXTRA_CLASS.search(child.get("class", "")))
        if isinstance(child.tag, str) and not extra:
            parts.append(_headline_text(child))
        parts.append(child.tail or "")
    return " ".join(parts)


_SKIP_TAGS = frozenset(("script", "style", "noscript", "template", "head", "title"))
_AFTER_TITLE_TEXTS = 8  # texts without a letter ("," between tag links) do not count


def _after_headline(root, title: str) -> list[str]:
    """The first few short texts after the first text of the <body> that equals the headline."""
    from lxml import etree

    body = root.find("body")
    target = " ".join(title.split()).casefold()
    out: list[str] = []
    found, skipping = False, 0
    try:
        for event, element in etree.iterwalk(body if body is not None else root, events=("start", "end")):
            if not isinstance(element.tag, str):
                continue
            if element.tag in _SKIP_TAGS:
                skipping += 1 if event == "start" else -1
                if event == "start":
                    continue
            if skipping:
                continue
            piece = element.text if event == "start" else element.tail
            if not piece or piece.isspace():
                continue
            text = " ".join(piece.split())
            if not found:
                found = len(text) == len(target) and text.casefold() == target
                continue
            if len(text) > _HEADER_MAX_CHARS:
                break  # the article's prose has begun
            holder = element if event == "start" else element.getparent()
            if not any(ch.isalpha() for ch in text) or (holder is not None and in_comment_region(holder)):
                continue  # a commenter's name and date are not the article's
            out.append(text)
            if len(out) >= _AFTER_TITLE_TEXTS:
                break
    except Exception:  # hostile trees
        return out
    return out


def in_comment_region(element) -> bool:
    """The element lies inside (or is) a comment thread or sidebar widget: vocabulary.COMMENT_REGION_CLASS
    on it or an ancestor, or an <aside> outside <article>/<main> (one inside often holds the article's
    own byline and date box). The classes of <body> and <html> describe the page's layout ("sidebar-primary":
    the page has a sidebar), not a region: they do not count."""
    chain = (element, *(e for e in element.iterancestors() if e.tag not in ("body", "html")))
    for i, e in enumerate(chain):
        if v.COMMENT_REGION_CLASS.search(f"{e.get('class', '')} {e.get('id', '')}"):
            return True
        if e.tag == "aside" and not any(a.tag in ("article", "main") for a in chain[i + 1:]):
            return True
    return False


_BY_POST_AUTHOR = "bypostauthor"
_CLASSES_ABOVE = "string(ancestor-or-self::*[contains(@class, 'bypostauthor')][1]/@class)"


def commenter(names: str, root) -> bool:
    """Every "; "-separated name of an author field is shown on the page only inside comment or
    sidebar regions (a reader's name in "Recent Comments"); False when a name is also shown elsewhere
    or nowhere (a declared author the page does not print)."""
    wanted = {" ".join(n.split()).casefold() for n in names.split(";") if n.strip()}
    seen: dict[str, bool] = {}  # name -> shown outside comment regions
    for node in _text_nodes_with(root, wanted):
        text = " ".join(node.split()).casefold()
        hits = [n for n in wanted if n in text]
        if not hits:
            continue
        holder = node.getparent()
        holder = holder.getparent() if node.is_tail and holder is not None else holder
        if holder is None or not isinstance(holder.tag, str) or holder.tag in _SKIP_TAGS:
            continue
        # WordPress marks a comment by the post's own author "bypostauthor": that name is the author's
        outside = not in_comment_region(holder) or _BY_POST_AUTHOR in holder.xpath(_CLASSES_ABOVE)
        for n in hits:
            seen[n] = seen.get(n, False) or outside
    return bool(seen) and len(seen) == len(wanted) and not any(seen.values())


def _text_nodes_with(root, names: set[str]) -> list:
    """The <body>'s text nodes that hold the first word of one of the (casefolded) names, case aside (a
    prefilter: the caller compares the full names)."""
    firsts = {n.split()[0] for n in names if n.split()}
    return [node for node in root.xpath("//body//text()") if any(w in node.lower() for w in firsts)]


def _classed_lines(found) -> list[str]:
    inside, outside = [], []
    for element in found:
        if element.tag in ("meta", "script", "style", "body", "html") or in_comment_region(element):
            continue  # a commenter's name and date are not the article's
        text = " ".join(element.text_content().split())
        if not text or len(text) > _HEADER_MAX_CHARS:
            continue
        in_article = any(a.tag == "article" for a in element.iterancestors())
        (inside if in_article else outside).append(text)
    return (inside + outside)[:_HEADER_MAX_ELEMENTS]


_DESCRIPTION = re.compile(
    r'<meta\b[^>]{0,300}?\b(?:property|name)\s*=\s*["\'](?:og:description|description|twitter:description)["\'][^>]{0,2000}>',
    re.IGNORECASE,
)
_DESCRIPTION_CONTENT = re.compile(r'\bcontent\s*=\s*(["\'])(.{40,1000}?)\1', re.IGNORECASE | re.DOTALL)
_DESCRIPTION_TAGS = ("p", "h2", "h3", "h4", "div", "span")
_DESCRIPTION_HEAD = 12  # characters of the description an element's own text must start with
_BLOCK_CHILDREN = frozenset(("div", "p", "section", "figure", "ul", "ol", "table", "blockquote"))


def shown_description(html: str, root, voting_meta: dict | None = None) -> str | None:
    """The page's declared description (og:description, <meta name=description>, twitter:description)
    when the page also shows it, word for word, as one element of its own (the standfirst or dek under
    the headline that extractors leave out), not inside an element marked as chrome (a caption, an
    author box: html.marked_chrome) and not a <meta> only; else None. An element whose own text is the
    description and whose first child is a block (an unclosed tag that swallowed the page after it)
    shows it too."""
    marked = voting_meta.get("marked_chrome", {}) if voting_meta else {}
    chrome = "\n".join(marked.values())
    declared = {voting.norm(html_unescape(c.group(2))) for m in _DESCRIPTION.finditer(html, 0, _HEAD_CHARS)
                if (c := _DESCRIPTION_CONTENT.search(m.group(0)))}
    wanted: dict[str, set[str]] = {}  # the first characters of each description -> the descriptions
    for text in declared:
        if len(text.split()) >= 6 and text not in chrome:
            wanted.setdefault(text[:_DESCRIPTION_HEAD], set()).add(text)
    if not wanted:
        return None
    for element in root.iter(*_DESCRIPTION_TAGS):
        texts = wanted.get((element.text or "").lstrip()[:_DESCRIPTION_HEAD])
        if texts and (shown := voting.norm(element.text_content())) in texts:
            return shown
        if texts and len(element) and element[0].tag in _BLOCK_CHILDREN and (own := voting.norm(element.text)) in texts:
            return own  # its own text, before the blocks a tag left open swallowed ("<h2>…</h3><div>…")
    return None


def structured_dates(html: str) -> tuple[str | None, str | None]:
    """(published, modified) as the page declares them: JSON-LD datePublished/dateModified, then
    <meta> article:published_time and kin, then the first <time datetime>. Raw strings or None."""
    published = modified = None
    for m in _LD_DATE.finditer(html):
        if m.group(1) == "datePublished":
            published = published or m.group(2)
        else:
            modified = modified or m.group(2)
        if published and modified:
            return published, modified
    for m in _META_TAG.finditer(html, 0, _HEAD_CHARS):
        tag = m.group(0)
        name, content = _META_NAME.search(tag), _META_CONTENT.search(tag)
        if not name or not content:
            continue
        name = name.group(1).casefold()
        if name in _PUBLISHED_NAMES:
            published = published or content.group(1)
        elif name in _MODIFIED_NAMES:
            modified = modified or content.group(1)
    if published is None:
        m = _TIME_TAG.search(html)
        published = m.group(1) if m else None
    return published, modified


_LANG_TAG = r"([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8}){0,2})"
_HTML_LANG = re.compile(r"<html\b[^>]{0,500}?\b(?:xml:)?lang\s*=\s*[\"']?" + _LANG_TAG, re.IGNORECASE)
_META_LOCALE = re.compile(
    r"<meta\b[^>]{0,300}?\b(?:property|name|http-equiv)\s*=\s*[\"'](?:og:locale|content-language|language)[\"']"
    r"[^>]{0,300}>",
    re.IGNORECASE,
)
_LOCALE_CONTENT = re.compile(r"\bcontent\s*=\s*[\"']\s*" + _LANG_TAG, re.IGNORECASE)


def declared_locale(html: str) -> str | None:
    """The language tag the page declares for itself ("en-GB", "en_AU", "fr"): its <html lang> (or
    xml:lang), og:locale, <meta http-equiv="Content-Language"> or <meta name="language">, read in the page's
    head; the first that names a region, else the first language. None when the page declares none."""
    found = []
    m = _HTML_LANG.search(html, 0, _HEAD_CHARS)
    if m:
        found.append(m.group(1))
    for tag in _META_LOCALE.finditer(html, 0, _HEAD_CHARS):
        content = _LOCALE_CONTENT.search(tag.group(0))
        if content:
            found.append(content.group(1))
    return next((tag for tag in found if "-" in tag or "_" in tag), found[0] if found else None)


# a JSON string value: escaped quotes inside it (Kit \"Sparrow\" Lane) are part of the name
_LD_NAME = r'"name"\s*:\s*"((?:[^"\\]|\\.){2,80})"'
_LD_AUTHOR = re.compile(r'"author"\s*:\s*\[?\s*\{[^{}]{0,400}?' + _LD_NAME)
_LD_AUTHORS = re.compile(r'\{[^{}]{0,400}?' + _LD_NAME)
_AUTHOR_LIST = re.compile(r'"author"\s*:\s*\[([^\]]{0,3000})\]')
_META_AUTHOR = re.compile(r'<meta\b[^>]{0,200}\bname\s*=\s*["\']author["\'][^>]{0,200}>', re.IGNORECASE)
_META_AUTHOR_CONTENT = re.compile(r'\bcontent\s*=\s*["\']([^"\']{2,120})["\']', re.IGNORECASE)


def structured_author(html: str) -> str | None:
    """The author(s) the page declares, as written: JSON-LD "author" ({"name"} or a list of them,
    joined with "; "), else <meta name="author">; read in the page's head (its first _HEAD_CHARS), then
    in JSON-LD scripts further down (some wiki and blog engines put it at the end of the body). Raw
    string or None."""
    head = html[:_HEAD_CHARS]
    found = _ld_author(head)
    if found:
        return found
    m = _META_AUTHOR.search(head)
    if m:
        content = _META_AUTHOR_CONTENT.search(m.group(0))
        if content and not content.group(1).startswith("http"):
            return html_unescape(content.group(1))
    for script in _ld_scripts(html, max(len(head) - 1000, 0)):
        found = _ld_author(script)
        if found:
            return found
    return None


_LD_TYPE = "application/ld+json"
_LD_MAX_SCRIPTS = 10  # JSON-LD scripts read past the head, each up to _LD_MAX_CHARS (bounded on hostile pages)
_LD_MAX_CHARS = 20_000


def _ld_scripts(html: str, start: int):
    """The texts of the first _LD_MAX_SCRIPTS JSON-LD <script> elements from ``start`` on (plain
    string search: linear in the page, however many unclosed scripts it holds)."""
    at = start
    for _ in range(_LD_MAX_SCRIPTS):
        at = html.find(_LD_TYPE, at)
        if at < 0:
            return
        opened = html.find(">", at, at + 200)
        closed = html.find("</script>", opened, opened + _LD_MAX_CHARS) if opened > 0 else -1
        if closed < 0:
            at += len(_LD_TYPE)
            continue
        yield html[opened + 1:closed]
        at = closed


def _ld_author(text: str) -> str | None:
    """The JSON-LD author(s) in ``text`` (see structured_author), else None."""
    for m in _AUTHOR_LIST.finditer(text):  # the first list of {"name"} objects (not an app state's list of ids)
        names = [n for n in _LD_AUTHORS.findall(m.group(1)) if not n.startswith("http")]
        if names:
            return html_unescape("; ".join(dict.fromkeys(map(_json_text, names))))
    m = _LD_AUTHOR.search(text)
    if m and not m.group(1).startswith("http"):
        return html_unescape(_json_text(m.group(1)))
    return None


def _json_text(value: str) -> str:
    """A JSON string's escapes decoded ("Guill\\u00e9n" -> "Guillén"); the raw text when malformed."""
    if "\\" not in value:
        return value
    import json

    try:
        return json.loads(f'"{value}"')
    except ValueError:
        return value


_SITE_NAME_MAX_WORDS = 5
# the small words a site's name holds between its capitalised ones ("Department of Environmental Quality")
_NAME_JOINERS = frozenset(("of", "and", "for", "the", "&", "de", "du", "la", "on"))
_TITLE_TAG = re.compile(r"<title\b[^>]{0,200}>([^<]{1,300})</title>", re.IGNORECASE)
_TAB_SEPARATOR = re.compile(r"\s(?:[|–—-]|::|»)\s")


# typographic quotes as plain ones, one character for one (indexes stay): a tab title and a headline differ in them
_PLAIN_QUOTES = str.maketrans("‘’‚‛“”„‟", "''''\"\"\"\"")


def _site_name(title: str, headline: str) -> str | None:
    """The site name a document title carried around the headline ("Headline - Valley Echo"), when it
    reads as a name: a few capitalised words."""
    rest = title.strip()
    at = rest.translate(_PLAIN_QUOTES).find(headline.translate(_PLAIN_QUOTES))  # "Mayor's" in the tab, "Mayor’s" on the page
    if at < 0:
        return None
    before, after = rest[:at].strip(), rest[at + len(headline):].strip()
    if (before and after) or not (before or after) or not _TAB_SEPARATOR.search(" " + (before or after) + " "):
        return None
    site = html_unescape((before or after).strip(" |:»–—-"))
    parts = _TAB_SEPARATOR.split(f" {site} ")
    if len(parts) >= 3 or (len(parts) == 2 and after and not after[:1].isalnum()):
        # "Headline, 1931-2024 | Obituaries | Valley Echo": the site is the outermost part, a section beside it
        site = (parts[-1] if after else parts[0]).strip()
    words = site.split()
    if not 1 <= len(words) <= _SITE_NAME_MAX_WORDS or not words[0][:1].isupper() or not all(
            w[:1].isupper() or not w[:1].isalpha() or w in _NAME_JOINERS for w in words):
        return None
    return site


def _strip_site(title: str, sitename: str | None) -> str:
    m = _SITE_SUFFIX.search(title)
    if m and (sitename is None or sitename.casefold() in m.group(0).casefold()):
        stripped = title[: m.start()].strip()
        if len(stripped.split()) >= 3:
            return stripped
    # "Site :: Headline", "Site | Headline": a short site name before a longer headline
    m = _SITE_PREFIX.match(title)
    if m and (sitename is None or sitename.casefold() in m.group(0).casefold()):
        stripped = title[m.end():].strip()
        site_words = len(m.group(0).split()) - 1
        if len(stripped.split()) >= max(3, site_words + 1):
            return stripped
    return title.strip()


def _justext(html: str, language: str | None = None) -> str:
    import justext

    try:
        paragraphs = justext.justext(html.encode("utf-8", "replace"), voting.stoplist(language))
    except Exception:  # lxml parser errors on hostile markup
        return ""
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)
