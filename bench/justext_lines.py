"""jusText run on plain-text lines (each wrapped as a <p>), to compare with the line rules."""

from __future__ import annotations

import functools
import html


@functools.cache
def _stoplist() -> frozenset[str]:
    import justext

    return frozenset(justext.get_stoplist("English"))


# jusText's defaults expect long HTML paragraphs; dump lines are shorter, so a tuned set is offered too
TUNED = {"length_low": 40, "length_high": 120, "stopwords_low": 0.25, "stopwords_high": 0.28}


def article_flags(lines: list[str], **params) -> list[bool]:
    """True for the lines jusText keeps as article text (params go to justext.justext)."""
    import justext

    if not lines:
        return []
    doc = "<html><body>" + "".join(f"<p>{html.escape(line)}</p>" for line in lines) + "</body></html>"
    paragraphs = justext.justext(doc.encode("utf-8"), _stoplist(), **params)
    kept = {p.text.strip() for p in paragraphs if not p.is_boilerplate}
    return [line.strip() in kept for line in lines]
