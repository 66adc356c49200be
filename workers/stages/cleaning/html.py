"""HTML -> main-content lines and metadata, with trafilatura (jusText when it finds nothing)."""

from __future__ import annotations

import functools
import re

_SITE_SUFFIX = re.compile(r"\s+[|–—-]\s+[^|–—-]{1,60}$")


@functools.cache
def _stoplist() -> frozenset[str]:
    import justext

    return frozenset(justext.get_stoplist("English"))


def extract(html: str) -> dict:
    """{"text": str, "title", "date", "author", "sitename"} (values may be None)."""
    import trafilatura

    doc = None
    try:
        doc = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            deduplicate=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception:  # trafilatura/lxml raise assorted errors on broken markup
        doc = None
    meta = {"text": "", "title": None, "date": None, "author": None, "sitename": None}
    if doc is not None:
        get = doc.get if isinstance(doc, dict) else (lambda k: getattr(doc, k, None))
        meta.update({k: get(k) for k in ("text", "title", "date", "author", "sitename")})
        meta["text"] = meta["text"] or ""
    if not meta["text"].strip():
        meta["text"] = _justext(html)
    if meta["title"]:
        meta["title"] = _strip_site(meta["title"], meta["sitename"])
    return meta


def _strip_site(title: str, sitename: str | None) -> str:
    m = _SITE_SUFFIX.search(title)
    if m and (sitename is None or sitename.casefold() in m.group(0).casefold()):
        stripped = title[: m.start()].strip()
        if len(stripped.split()) >= 3:
            return stripped
    return title.strip()


def _justext(html: str) -> str:
    import justext

    try:
        paragraphs = justext.justext(html.encode("utf-8", "replace"), _stoplist())
    except Exception:  # lxml parser errors on hostile markup
        return ""
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)
