"""Clean stage: a raw page dump or HTML page -> the article text and its metadata.

Public function: ``clean(raw: dict) -> dict`` (a ``clean`` record, see schemas/clean.json; raises
``StageError`` with a rejection code). The passes are modules of this package:

intake     - the stage function: content decoding, mojibake repair, control characters, then core
core       - the stage's record: HTML or text, the passes of clean_lines in order, the record fields
listing    - pages that are not an article (fronts, archives, search results): not_an_article
run        - step 1: which lines are article text (HTML votes; a dump's densest run and its edges)
structure  - a dump's inner structure: subheadings, lists, colon blocks, code, tables, tweets, recipes
metalines  - step 2: the date, byline and source-label lines of the header
bylines    - byline and author passes: name lines without "By", declared authors, bios and credits
headline   - steps 3-5: the title line, outlet or masthead, standfirst line
paragraphs - steps 6-7: the paragraphs, then dateline, standfirst and captions around the lead
fields     - an HTML page's title and dates from its markup, and the date refinement rules
shapes     - line shapes several passes ask (interface words, a person's name, headline length)
normalise  - text normalisation, line splitting, binary/garbage detection
vocabulary - stopwords and UI/boilerplate vocabulary (precompiled, frozen): the rule tables
lines      - per-line features, classification and the densest-prose region
metadata   - title, dateline, byline, source, standfirst and caption rules
dates      - cheap date-line prefilter, fast formats, dateparser fallback
html       - trafilatura metadata, structured dates and authors, header lines (jusText fallback)
voting     - paragraph-level voting between extractors for HTML (trafilatura x3, readability, jusText)
sections   - chrome sections by their heading: teaser lists, newsletter boxes, comments, legal, paywalls
language   - py3langid, loaded lazily once
fastmatch  - a big anchored line alternation tried only on the branches a first letter allows
"""

from workers.stages.clean.core import (
    MAX_HTML_CHARS,
    STAGE,
    VERSION,
    clean_lines,
    content_hash,
    warm,
)
from workers.stages.clean.shapes import header_line_is_title
from workers.stages.clean.intake import clean

__all__ = ["MAX_HTML_CHARS", "STAGE", "VERSION", "clean", "clean_lines", "content_hash", "header_line_is_title", "warm"]
