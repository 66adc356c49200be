"""Unicode and whitespace normalisation; splitting a dump into candidate lines."""

from __future__ import annotations

import re
import unicodedata

# zero-width characters and soft hyphens vanish
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")
# control characters other than tab/newline/carriage return
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_NEWLINES = re.compile(r"[\u2028\u2029\x85]")
_SAMPLE = 20_000


def looks_binary(text: str) -> bool:
    """True for NUL-laden, control-heavy or decoding-garbage content."""
    sample = text[:_SAMPLE]
    if not sample:
        return False
    if "\x00" in sample:
        return True
    bad = len(_CONTROL.findall(sample)) + sample.count("\ufffd")
    return bad > 0.05 * len(sample)


def normalise_text(text: str) -> str:
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii():
        text = _NEWLINES.sub("\n", text)
        text = _INVISIBLE.sub("", text)
    return _CONTROL.sub("", text)


def normalise_line(line: str) -> str:
    """Whitespace of every kind collapsed to single spaces, ends stripped."""
    return " ".join(line.split())


_TERMINAL = frozenset(".!?:;\"'”’»)]…。！？")


def split_lines(text: str) -> list[str]:
    """Non-empty normalised lines; hard-wrapped prose inside a blank-line block is re-joined."""
    blocks: list[list[str]] = [[]]
    for raw in text.split("\n"):
        line = " ".join(raw.split())
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    out: list[str] = []
    for block in blocks:
        if len(block) >= 3 and _is_wrapped(block):
            out.append(" ".join(block))
        else:
            out.extend(block)
    return out


def _is_wrapped(block: list[str]) -> bool:
    """A block whose lines (all but the last) are similar-length fragments without sentence ends."""
    head = block[:-1]
    lengths = [len(line) for line in head]
    if min(lengths) < 40 or max(lengths) > 130:
        return False
    if sum(line[-1] in _TERMINAL for line in head) > len(head) // 4:
        return False
    return max(lengths) - min(lengths) <= 40
