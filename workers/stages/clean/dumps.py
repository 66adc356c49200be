"""Dumps made by other HTML-to-text tools, read as the one-block-a-line dump the line passes expect.

The line passes were written on dumps that keep one block per line (inscriptis). Other tools lay the
same page out differently (measured with `python -m bench.dumpers` on the web-pages-en dev set):

- markdown converters (html2text, the most used): links as ``[text](url)``, images as
  ``![alt](src)``, ``# `` headings, ``**strong**`` and ``_emphasis_``, backslash escapes (``1\\.``),
  table delimiter rows (``---|---``), thematic breaks (``* * *``), blank lines between blocks and
  paragraphs hard-wrapped at 78 columns with the link targets counted in the width;
- text-node dumps (BeautifulSoup's ``get_text("\\n")``): a newline at every text node, so a sentence
  with a link or an emphasis in it is cut into pieces ("tenants ", "will begin to vote", " on what
  ..."), the spaces around the inline element left at the cut, and a text node's own source line
  breaks kept with the source's indentation under them (joined, not counted as cuts).

``plain(text)`` undoes both, each behind a cheap gate so a one-block-a-line dump passes through
unchanged: the markdown pass needs MARKDOWN_MIN_LINKS ``](`` link or image targets, the text-node
pass INLINE_MIN_CUTS cuts and few indented lines (a layout dump's indentation is not a cut).
Markdown syntax follows CommonMark (https://spec.commonmark.org/0.31.2/): an ATX heading needs a space
after its ``#`` run ("#1 seed" is text), a list item keeps its ``* `` marker (as inscriptis writes it).
"""

from __future__ import annotations

import re

MARKDOWN_MIN_LINKS = 3  # "](" link or image targets that make a dump a markdown one
INLINE_MIN_CUTS = 3  # text-node cuts (a space at the cut) that make a dump a text-node one
INLINE_MAX_INDENTED = 0.8  # share of lines starting with white space above which cuts are layout

# a link or image target "(url)" or "(url "title")"; html2text breaks a long one across lines
_TARGET = r"\((?:\\[()]|[^()\s]|\n){0,2000}(?:\s+\"[^\"]{0,300}\")?\)"  # CommonMark: "\(" "\)" escaped in it
_MD_IMAGE = re.compile(r"!\[[^\[\]]{0,500}\]" + _TARGET)
# the link text may hold one level of brackets: a footnote link "[[1]](#cite_note-1)"
_MD_LINK = re.compile(r"\[((?:[^\[\]]|\[[^\[\]\n]{0,100}\]){0,500})\]" + _TARGET)
_ADJACENT_LINKS = re.compile(r"\)(?=!?\[[^\[\]\n]{0,500}\]\()")  # "[A](a)[B](b)": a menu, one item a line

# (pattern, replacement) for each line of a markdown dump, in order (CommonMark block syntax)
MARKDOWN_LINE_RULES = (
    (re.compile(r"^ {0,3}#{1,6}[ \t]*$"), ""),  # an empty ATX heading "###" (a heading tag around an image)
    (re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$"), r"\1"),  # ATX heading "## Title ##"
    (re.compile(r"^([ \t]*[-*+][ \t]+)#{1,6}[ \t]+"), r"\1"),  # a heading as a list item "* ## Title"
    (re.compile(r"^([ \t]*_(?=\S).*?)[ \t]+_[ \t]*$"), r"\1_"),  # emphasis closed after a space: "_By Ana Lind _"
    (re.compile(r"^([ \t]*(?:[*_]{1,2})?)By(?=[A-Z])"), r"\1By "),  # a byline's "By" run into the name: "ByAna Lind"
    (re.compile(r"^ {0,3}(?:([-*_])[ \t]*)(?:\1[ \t]*){2,}$"), ""),  # thematic break "* * *", "---"
    (re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$"), ""),  # table delimiter row
)
# (pattern, replacement) inside a markdown dump's lines, in order (CommonMark inline syntax)
MARKDOWN_INLINE_RULES = (
    (re.compile(r"(?<!\S)(?:__|\*\*)(?!\S)"), ""),  # an emphasis around nothing (an icon): "Share __ __"
    (re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*"), r"\1"),  # strong
    (re.compile(r"__(?=\S)(.+?)(?<=\S)__"), r"\1"),
    (re.compile(r"(?<![\w\\/])(?:__)+(?=[^\W_])"), ""),  # left unpaired before a word (an icon): "__Comments (12)"
    (re.compile(r"(?<![\w\\])_(?=[^\s_])(.+?)(?<=[^\s\\_])_(?!\w)"), r"\1"),  # emphasis, not snake_case
    (re.compile(r"\*\*"), ""),  # strong left unpaired (opened on a line the wrap kept apart)
    (re.compile(r"(?<![`\\])`([^`\n]{1,200})`(?!`)"), r"\1"),  # code span
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])"), r"\1"),  # backslash escapes
)
# a line that starts a block of its own: a list item, heading, table row, quote; never a wrapped line's rest
_BLOCK_START = re.compile(r"[ \t]*(?:[-*+•][ \t]|\d{1,3}[.)][ \t]|#|\|)")
# a definition list's term and its description, which html2text indents four spaces under it ("Words:\n\n    5,210")
_DEFINITION = re.compile(r"^(\S[^\n]{0,40}:)[ \t]*\n(?:[ \t]*\n)?[ \t]{4,}(?![-*+][ \t])(\S[^\n]{0,80}?)[ \t]*$", re.MULTILINE)
_QUOTE = re.compile(r"^ {0,3}(?:>[ \t]?)+", re.MULTILINE)  # block quote markers (a quote's lines wrap too)
_OPEN_TARGET = re.compile(r"\]\([^()\s]*$")  # the wrap broke a link target: "(https://example.org/water-"
_BROKEN_COMPOUND = re.compile(r"[^\W\d_]-$")  # "high-" + "dimensional": the wrap broke at the hyphen
_WRAPPED_MIN = 40  # a hard-wrapped paragraph's lines (all but its last) are at least this long
_HARD_BREAK = "  "  # markdown's line break inside a paragraph: two spaces before the newline

_TERMINAL = ".!?:;…"
# a cut at an inline element: "word \nnext" (not after a sentence end) or "word\n next" going on
_CUT_BEFORE = re.compile(r"([^\s" + _TERMINAL + r"])[ \xa0]+\n(?=[^\s])")
_CUT_AFTER = re.compile(r"(\S)\n (?=[a-z,.;:)\]’”'\"])")
# the page source's own line break inside a text node, kept with the source's indentation under it:
# "Sync and more\n            — one click away" (HTML reads it as a space; a node's own line has no indent)
_SOURCE_WRAP = re.compile(r"(\S)[ \t\xa0]*\n[ \t]{2,}(?=\S)")  # joined in a text-node dump, not counted as a cut
_CUT_PUNCT = re.compile(r"(\S)\n(?=[,.;:)\]](?:\s|\Z))")  # "about $60 million\n, officials said"


def plain(text: str) -> str:
    """A dump (normalised text, "\\n" line ends) in the one-block-a-line layout: markdown syntax out
    (is_markdown), text-node cuts joined (inline_cuts). Text with neither is returned as it is."""
    if "](" in text and is_markdown(text):
        text = from_markdown(text)
    elif (" \n" in text or "\n " in text) and inline_cuts(text) >= INLINE_MIN_CUTS:
        text = _CUT_AFTER.sub(r"\1 ", _CUT_BEFORE.sub(r"\1 ", text))
        text = _CUT_PUNCT.sub(r"\1", _SOURCE_WRAP.sub(r"\1 ", text))
    return text


def is_markdown(text: str) -> bool:
    """At least MARKDOWN_MIN_LINKS markdown link or image targets ``[text](url)``."""
    found = 0
    for _ in _MD_LINK.finditer(text):
        found += 1
        if found >= MARKDOWN_MIN_LINKS:
            return True
    return False


def inline_cuts(text: str) -> int:
    """Text-node cuts in the dump (0 when more than INLINE_MAX_INDENTED of its lines are indented:
    a layout's indentation, as raw inscriptis output has, is not a cut)."""
    lines = [line for line in text.split("\n") if line.strip()]
    indented = sum(line[:1].isspace() for line in lines)
    if not lines or indented > INLINE_MAX_INDENTED * len(lines):
        return 0
    return sum(len(cut.findall(text)) for cut in (_CUT_BEFORE, _CUT_AFTER, _CUT_PUNCT))


def from_markdown(text: str) -> str:
    """A markdown dump as plain text: a definition list's terms and descriptions one pair a line
    (_DEFINITION, as inscriptis writes them), hard-wrapped paragraphs joined (_join_wrapped: the wrap
    counted the link targets), then images out, links as their text (adjacent links one a line), block
    and inline syntax out (MARKDOWN_LINE_RULES, MARKDOWN_INLINE_RULES)."""
    text = "\n".join(_join_wrapped(_DEFINITION.sub(r"\1 \2", _QUOTE.sub("", text)).split("\n")))
    text = _MD_IMAGE.sub("", text)
    text = _ADJACENT_LINKS.sub(")\n", text)
    text = _MD_LINK.sub(lambda m: " ".join(m.group(1).split()), text)
    out = []
    for line in text.split("\n"):
        for pattern, replacement in MARKDOWN_LINE_RULES + MARKDOWN_INLINE_RULES:
            line = pattern.sub(replacement, line)
        out.append(line)
    return "\n".join(out)


def _join_wrapped(lines: list[str]) -> list[str]:
    """Each hard-wrapped paragraph on one line: a line joins the one above when that (as read) is at
    least _WRAPPED_MIN long, ends without a hard break and is no table row, and the line starts no block."""
    out: list[str] = []
    joinable = False
    for line in lines:
        if joinable and line.strip() and _BLOCK_START.match(line) is None:
            above, rest = out[-1].rstrip(), line.strip()
            broken = ((_OPEN_TARGET.search(above) and rest[:1] != '"')  # a target's "title" is apart
                      or (_BROKEN_COMPOUND.search(above) and rest[:1].isalpha()))
            glue = "" if broken else " "
            out[-1] = f"{above}{glue}{rest}"
        else:
            out.append(line)
        joinable = len(line.strip()) >= _WRAPPED_MIN and not line.endswith(_HARD_BREAK) and "|" not in line
    return out
