"""The text path on dumps made by other HTML-to-text tools (web-pages-en dev set).

``bench.devset`` scores the text path on inscriptis dumps, one block per line. Users make dumps with
other tools, each with its own layout: markdown syntax (html2text: ``* `` items, ``# `` headings,
``[text](url)`` links, tables with ``|``, lines wrapped at 78 columns), a newline at every text node
(BeautifulSoup's ``get_text("\\n")``), blank-line-separated blocks (html-text), or the whole page on
one line (trafilatura's ``html2txt`` baseline). This bench cleans each page's dump by each tool and
scores it as ``bench.devset`` does (with-recall, without-precision, pages fully right, snippet F1,
title / author / date exact).

Tools (table ``DUMPERS``; the non-inscriptis ones are in the ``bench`` extra):
- ``inscriptis``: ``bench.devset.dump`` (the figures ``bench.devset`` gives);
- ``inscriptis-raw``: ``inscriptis.get_text(html)`` as it comes (lines indented, blank lines kept);
- ``html2text``: ``html2text.HTML2Text()`` with its defaults (markdown, body width 78);
- ``bs4``: ``BeautifulSoup(html, "lxml").get_text("\\n")``;
- ``lxml``: lxml.html, script/style/noscript/template dropped, a newline around every block
  element, then ``itertext()``;
- ``html-text``: ``html_text.extract_text(html)`` (its default layout guess: blank lines between
  paragraphs, newlines at line-breaking tags);
- ``trafilatura-html2txt``: ``trafilatura.html2txt(html)``: the body's text on one line.

html2text writes typographic quotes as ASCII ones, which the case-sensitive snippet test counts as
misses; ``--fold-quotes`` compares them folded (body, title and gold), for every tool.

`python -m bench.dumpers [--tools a,b] [--third held|dev] [--fold-quotes] [--misses TOOL]`.
"""

from __future__ import annotations

import sys

from bench.devset import FIGURES, DEVSET, dump, load_devset, ours, score_page, print_misses, third


def inscriptis_raw_dump(html: str) -> str:
    from inscriptis import get_text

    return get_text(html)


def html2text_dump(html: str) -> str:
    import html2text

    return html2text.HTML2Text().handle(html)


def bs4_dump(html: str) -> str:
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "lxml").get_text("\n")


_LXML_DROPPED = ("script", "style", "noscript", "template", "head")
_LXML_BLOCKS = ("p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "tr", "table",
                "section", "article", "header", "footer", "nav", "aside", "blockquote", "pre", "br", "dd",
                "dt", "figure", "figcaption", "form", "main")


def lxml_dump(html: str) -> str:
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html.encode("utf-8", "replace"))
    except Exception:  # lxml on hostile or empty markup
        return ""
    for element in list(root.iter(*_LXML_DROPPED)):
        element.drop_tree()
    for element in root.iter(*_LXML_BLOCKS):
        element.text = "\n" + (element.text or "")
        element.tail = "\n" + (element.tail or "")
    return "".join(root.itertext())


def html_text_dump(html: str) -> str:
    import html_text

    return html_text.extract_text(html)


def trafilatura_dump(html: str) -> str:
    import trafilatura

    return trafilatura.html2txt(html)


DUMPERS = {
    "inscriptis": dump,
    "inscriptis-raw": inscriptis_raw_dump,
    "html2text": html2text_dump,
    "bs4": bs4_dump,
    "lxml": lxml_dump,
    "html-text": html_text_dump,
    "trafilatura-html2txt": trafilatura_dump,
}


_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})


def _folded(gold: dict) -> dict:
    """The gold with typographic quotes as ASCII ones (html2text writes them so: ``unicode_snob`` off)."""
    fold = lambda value: value.translate(_QUOTES) if isinstance(value, str) else value  # noqa: E731
    return {key: [fold(v) for v in value] if isinstance(value, list) else fold(value) for key, value in gold.items()}


def _installed(tool: str) -> bool:
    """The tool's library imports (the ``bench`` extra)."""
    try:
        DUMPERS[tool]("<html><body><p>x</p></body></html>")
    except ImportError:
        return False
    return True


def run(pages, tools, misses: str | None = None, fold_quotes: bool = False) -> dict[str, dict[str, float]]:
    """{tool: {figure: mean}}: ``ours-text`` on each tool's dump of each page (figures as bench.devset);
    with ``fold_quotes`` typographic quotes compare as ASCII ones (in the body, title and gold)."""
    table: dict[str, dict[str, list[float]]] = {}
    for name, html, gold in pages:
        gold = _folded(gold) if fold_quotes else gold
        for tool in tools:
            try:
                text = DUMPERS[tool](html)
            except Exception:  # a tool that fails on a page gives an empty dump (scored as such)
                text = ""
            body, title, authors, date = ours(text, "text/plain", name)
            if fold_quotes:
                body, title = body.translate(_QUOTES), (title or "").translate(_QUOTES) or None
            if misses == tool:
                print_misses(tool, name, body, gold)
            for key, value in score_page(body, title, authors, date, gold).items():
                if value is not None:
                    table.setdefault(tool, {}).setdefault(key, []).append(value)
    return {t: {k: sum(v) / len(v) for k, v in figs.items()} for t, figs in table.items()}


def main(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m bench.dumpers")
    parser.add_argument("--tools", help="comma-separated tools (default: all of DUMPERS)")
    parser.add_argument("--third", choices=("held", "dev"), help="held-out third (index %% 3 == 0) or the rest")
    parser.add_argument("--fold-quotes", action="store_true", help="typographic quotes compare as ASCII ones")
    parser.add_argument("--misses", metavar="TOOL", help="missed (-) and kept boilerplate (+) snippets of one tool")
    args = parser.parse_args(argv)
    tools = tuple(args.tools.split(",")) if args.tools else tuple(DUMPERS)
    missing = [tool for tool in tools if not _installed(tool)]
    if missing:
        print(f"skipped (not installed: pip install -e '.[bench]'): {', '.join(missing)}")
        tools = tuple(tool for tool in tools if tool not in missing)
    pages = third(load_devset(), args.third)
    if not pages:
        print(f"dev set not found at {DEVSET}: skipped")
        return 0
    results = run(pages, tools, misses=args.misses, fold_quotes=args.fold_quotes)
    print(f"\nours-text on dumps by each tool, dev set ({len(pages)} pages): with-recall / without-precision / "
          "pages fully right / snippet F1; title / author / date exact")
    print(f"  {'tool':22} " + " ".join(f"{f:>9}" for f in FIGURES))
    for tool, figs in results.items():
        print(f"  {tool:22} " + " ".join(f"{figs.get(f, 0.0):9.3f}" for f in FIGURES))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
