"""Unicode and whitespace normalisation; splitting a dump into candidate lines."""

from __future__ import annotations

import re
import unicodedata

# zero-width characters, soft hyphens and the invisible operators (U+2061-2064: "* Add salt.\u2063")
# vanish
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060-\u2064\ufeff]")
# control characters other than tab, newline, vertical tab, form feed and carriage return (C0, DEL, C1)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# ANSI/VT100 terminal escape sequences (ECMA-48): CSI "ESC [ ... final", OSC "ESC ] ... BEL/ST",
# and the two-character escapes; the C1 CSI (0x9B) form as well
_ANSI = re.compile(r"(?:\x1b\[|\x9b)[0-?]{0,64}[ -/]{0,8}[@-~]|\x1b\][^\x07\x1b]{0,512}(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")
# lone UTF-16 surrogates (from JSON "\ud800" escapes) cannot be encoded: they go too
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_NEWLINES = re.compile(r"[\u2028\u2029\x85]")
# what strip_controls removes, in one class (one scan instead of two)
_STRIPPED = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
# every character normalise_text removes or turns into a newline (_STRIPPED, _INVISIBLE, _NEWLINES)
_NORMALISED_AWAY = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\u00ad\u200b-\u200d\u2028\u2029\u2060-\u2064\ufeff\ud800-\udfff]")
_SAMPLE = 20_000
# Content is binary when more than this share of its first _SAMPLE characters are control
# characters (other than whitespace) or U+FFFD. Measured (tests/unit/test_hostile_input.py): random
# bytes and gzip or PNG data read as latin-1 come out at 0.23-0.24; English text with a NUL every
# 20 characters at 0.05, with an ANSI escape closing every paragraph at 0.01; clean text at 0.
BINARY_CONTROL_SHARE = 0.15


def control_share(text: str) -> float:
    """Share (0..1) of control characters (not whitespace) and U+FFFD in the first _SAMPLE characters."""
    sample = text[:_SAMPLE]
    if not sample:
        return 0.0
    return (_count_controls(sample) + sample.count("\ufffd")) / len(sample)


_ASCII_CONTROL = bytes(c for c in range(128) if _CONTROL.match(chr(c)))
_C1_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")  # a C1 control character's UTF-8 bytes


def _holds_pair(data: bytes, lead: bytes, seconds: frozenset[int]) -> bool:
    """The UTF-8 data holds the byte `lead` followed by a byte of `seconds`: each lead byte is found
    with bytes.find (memory speed; a regex scan tests every byte), and a lead byte is never a
    continuation byte, so each find lands on a character's first byte."""
    at = data.find(lead)
    while at >= 0:
        if data[at + 1 : at + 2] and data[at + 1] in seconds:
            return True
        at = data.find(lead, at + 1)
    return False


_C1_SECONDS = frozenset(range(0x80, 0xA0))  # C1 controls: C2 80..9F
_SURROGATE_SECONDS = frozenset(range(0xA0, 0xC0))  # lone surrogates (surrogatepass): ED A0..BF
# the three-byte characters _NORMALISED_AWAY holds: zero-width space/joiners, line and paragraph
# separators, the invisible operators, the byte-order mark
_AWAY_SEQUENCES = tuple(c.encode("utf-8") for c in "\u200b\u200c\u200d\u2028\u2029\u2060\u2061\u2062\u2063\u2064\ufeff")


# every ASCII byte but the controls: deleting them leaves a text's controls and its multi-byte characters
# whole and in order (their bytes are all >= 0x80), a tenth of a page to look through
_ASCII_NON_CONTROL = bytes(c for c in range(128) if c not in _ASCII_CONTROL)


def _controls_and_non_ascii(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass").translate(None, _ASCII_NON_CONTROL)


def _holds_stripped(data: bytes) -> bool:
    """_STRIPPED.search(text) is not None, on the text's UTF-8 (surrogatepass) bytes or on
    _controls_and_non_ascii(text)."""
    return (len(data.translate(None, _ASCII_CONTROL)) != len(data) or _holds_pair(data, b"\xc2", _C1_SECONDS)
            or _holds_pair(data, b"\xed", _SURROGATE_SECONDS))


def _holds_normalised_away(text: str) -> bool:
    """_NORMALISED_AWAY.search(text) is not None, by bytes: _STRIPPED, the soft hyphen (C2 AD) and
    _AWAY_SEQUENCES."""
    data = _controls_and_non_ascii(text)
    return (_holds_stripped(data) or b"\xc2\xad" in data or any(map(data.__contains__, _AWAY_SEQUENCES)))


def _count_controls(text: str) -> int:
    """len(_CONTROL.findall(text)): without a C1 control, the ASCII control bytes of the UTF-8 text
    (every other character's bytes are >= 0x80), counted by bytes.translate."""
    data = text.encode("utf-8", "surrogatepass")
    if _holds_pair(data, b"\xc2", _C1_SECONDS):  # _C1_UTF8.search(data)
        return len(_CONTROL.findall(text))
    return len(data) - len(data.translate(None, _ASCII_CONTROL))


def looks_binary(text: str) -> bool:
    """True for content that is binary, not text with a few stray controls: a control share over
    BINARY_CONTROL_SHARE. One NUL or escape in clean prose is stripped, never a reason to reject."""
    return control_share(text) > BINARY_CONTROL_SHARE


def strip_controls(text: str) -> tuple[str, int]:
    """(text without ANSI escape sequences, C0/C1 controls, DEL and lone surrogates, characters removed).
    Tab, newline, carriage return, vertical tab and form feed stay (they are whitespace)."""
    if (_CONTROL.search(text) is None) if text.isascii() else not _holds_stripped(_controls_and_non_ascii(text)):
        return text, 0
    size = len(text)
    text = _ANSI.sub("", text)
    text = _CONTROL.sub("", text)
    if not text.isascii():
        text = _SURROGATE.sub("", text)
    return text, size - len(text)


def normalise_text(text: str) -> str:
    """A page's text in one canonical form: NFC; line ends as "\n" (CR LF, CR, NEL and the Unicode line
    and paragraph separators); soft hyphens, zero-width characters, word joiners and byte-order marks,
    lone surrogates, ANSI escape sequences and C0/C1 controls removed (tab, vertical tab and form feed
    stay: they are whitespace). Never raises."""
    if not text.isascii() and not _holds_normalised_away(text):  # _NORMALISED_AWAY.search(text) is None
        # nothing to remove or to turn into a newline (NFC never creates those characters: checked
        # over every code point): one scan instead of four
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
        return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text
    if not text.isascii():
        text = _SURROGATE.sub("", text)
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii():
        text = _NEWLINES.sub("\n", text)
        text = _INVISIBLE.sub("", text)
    return strip_controls(text)[0]


def normalise_line(line: str) -> str:
    """Whitespace of every kind collapsed to single spaces, ends stripped."""
    return " ".join(line.split())


_LIST_ITEM = re.compile(r"[•·▪◦‣*–-]\s|\d{1,2}[.)]\s")
_TERMINAL = frozenset(".!?:;\"'”’»)]…。！？")


_WRAP_MIN_WIDTH, _WRAP_MAX_WIDTH = 50, 200  # hard-wrap widths dump tools use (72, 76, 80, 100, ...)
_WRAP_BAND = 12  # greedy wrapping leaves lines at most about one long word short of the width
_WRAP_SLACK = 30
_WRAP_SHARE = 0.4
_WRAP_OVER_SHARE = 0.05
_GREEDY_MIN_BREAKS = 20  # line breaks _greedy_width needs to tell the column from a few lines' lengths


# every whitespace character str.split() cuts at but space and newline (tests/unit/test_clean_speed.py)
_OTHER_SPACES = tuple(
    "\t\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_ASCII_OTHER_SPACES = tuple(c for c in _OTHER_SPACES if c.isascii())


def _spaced(text: str) -> bool:
    """Every line of the text is already " ".join(line.split()): only single spaces inside lines."""
    if "  " in text or " \n" in text or "\n " in text or text[:1] == " " or text[-1:] == " ":
        return False
    return not any(map(text.__contains__, _ASCII_OTHER_SPACES if text.isascii() else _OTHER_SPACES))


def _line_blocks(text: str) -> list[list[str]]:
    """The whitespace-collapsed non-empty lines, in blocks that blank lines separate (a block may
    be empty)."""
    if _spaced(text):  # the lines stand as they are: blocks by plain splits
        return [chunk.split("\n") for chunk in (c.strip("\n") for c in text.split("\n\n")) if chunk]
    blocks: list[list[str]] = [[]]
    for raw in text.split("\n"):
        line = " ".join(raw.split())
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return blocks


def split_lines(text: str) -> list[str]:
    """Non-empty normalised lines; hard-wrapped prose inside a blank-line block is re-joined."""
    blocks = _line_blocks(text)
    width = _wrap_width(blocks)
    out: list[str] = []
    for block in blocks:
        if len(block) < 2:
            out.extend(block)
        elif width is not None:
            out.extend(_unwrap(block, width))
        elif len(block) >= 3 and _is_wrapped(block):
            out.append(" ".join(block))
        else:
            out.extend(block)
    return out


def _wrap_width(blocks: list[list[str]]) -> int | None:
    """The column a hard-wrapped dump was wrapped at: the longest line length shared (within a word)
    by a good part of the long non-final lines of multi-line blocks, where most breaks fall inside a
    sentence; None for unwrapped text (one paragraph per line)."""
    pairs = [(prev, nxt) for block in blocks if len(block) >= 2 for prev, nxt in zip(block, block[1:]) if len(prev) >= 40]
    if len(pairs) < 3:
        return None
    lengths = sorted((len(prev) for prev, _ in pairs), reverse=True)
    need = max(3, int(_WRAP_SHARE * len(lengths)))
    longer = max(1, int(_WRAP_OVER_SHARE * len(lengths)))  # unbreakable URLs, an unwrapped notice
    lo = 0
    for hi, width in enumerate(lengths):  # lengths descending: the window [width - band, width]
        if hi > longer or width < _WRAP_MIN_WIDTH:
            return None  # too many lines run past it: prose laid out one paragraph per line
        if width > _WRAP_MAX_WIDTH:
            continue
        lo = max(lo, hi)
        while lo < len(lengths) and lengths[lo] >= width - _WRAP_BAND:
            lo += 1
        if lo - hi >= need:
            breaks = [prev for prev, nxt in pairs if width - _WRAP_BAND <= len(prev) <= width]
            inside = sum(prev[-1] not in _TERMINAL for prev in breaks)
            if inside * 2 < len(breaks):
                return None
            return _greedy_width(pairs, width) if len(pairs) >= _GREEDY_MIN_BREAKS else width
    return None


def _greedy_width(pairs: list[tuple[str, str]], width: int) -> int:
    """The width in [width - _WRAP_BAND, width] that most breaks agree with (greedy wrapping at w breaks a
    line of length <= w whose next word would have run past w; ties: the widest). The longest lines set
    the band, but a few longer ones (a stripped indent, collapsed double spaces) put it some columns past
    the column the text was wrapped at, and _unwrap then leaves lines apart whose next word is short. Asked
    only with _GREEDY_MIN_BREAKS breaks or more: a few lines of similar length are no evidence of a column."""
    def agreeing(w: int) -> int:
        return sum(len(prev) <= w < len(prev) + 1 + len(nxt.split(" ", 1)[0]) for prev, nxt in pairs)

    return max(range(width, width - _WRAP_BAND - 1, -1), key=agreeing)


def _unwrap(block: list[str], width: int) -> list[str]:
    """Joins each line that greedy wrapping at `width` broke: near the width, and the next line's
    first word would not have fitted on it, or (a list item indented deeper than the text, wrapped at a
    narrower column) the line does not end a sentence and the next goes on in lower case."""
    out = [[block[0]]]  # parts of each output line, joined once (a megabyte of one paragraph stays linear)
    for prev, line in zip(block, block[1:]):
        first = line.split(" ", 1)[0]
        if _LIST_ITEM.match(line) and _LIST_ITEM.match(block[0]):
            out.append([line])  # the next item of a list, not a wrapped continuation
        elif width - _WRAP_SLACK <= len(prev) <= width and (
                len(prev) + 1 + len(first) > width or (first[:1].islower() and prev[-1] not in _TERMINAL)):
            out[-1].append(line)  # a lower-case word going on an unended line: an indented item's next line
        else:
            out.append([line])
    return [" ".join(parts) for parts in out]


def _is_wrapped(block: list[str]) -> bool:
    """A block whose lines (all but the last) are similar-length fragments without sentence ends, and
    at least half of the lines after the first go on in lower case (a wrap breaks mostly before a
    lower-case word; a block of headlines, each capitalised, is a list)."""
    head = block[:-1]
    if all(_LIST_ITEM.match(line) for line in block):
        return False  # a list whose items happen to be of similar length
    if sum(line[:1].islower() for line in block[1:]) * 2 < len(block) - 1:
        return False  # a teaser or menu list: Capitalised lines of similar length
    lengths = [len(line) for line in head]
    if min(lengths) < 40 or max(lengths) > 130:
        return False
    if sum(line[-1] in _TERMINAL for line in head) > len(head) // 4:
        return False
    return max(lengths) - min(lengths) <= 40
