"""Clean stage: a raw page dump or HTML page -> the article text and its metadata.

Public function: ``clean(raw: dict) -> dict`` (a ``clean`` record, see schemas/clean.json; raises
``StageError`` with a rejection code). The passes are modules of this package:

intake     - the stage function: content decoding, mojibake repair, control characters, then core
core       - the article passes: plain-text line passes, HTML path, metadata assembly
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
    header_line_is_title,
    warm,
)
from workers.stages.clean.intake import clean

__all__ = ["MAX_HTML_CHARS", "STAGE", "VERSION", "clean", "clean_lines", "content_hash", "header_line_is_title", "warm"]
