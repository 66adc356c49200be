"""Bytes -> text, in one place, and mojibake repair.

Used for files (`newsfeed enrich`, `newsfeed replay`), raw messages whose bytes are not UTF-8, and
raw records whose `content` arrives as bytes or base64. The order follows what browsers do (WHATWG
Encoding Standard, "decode" and the HTML spec's "prescan a byte stream"):

1. a byte order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE);
2. the charset the document declares in its first 4 KB (`<meta charset>`, `<meta http-equiv=
   "Content-Type" content="...; charset=...">`, an XML declaration's `encoding`), with the
   WHATWG aliases that matter (`iso-8859-1`, `latin1`, `ascii` mean windows-1252);
3. UTF-16 without a BOM when every other byte is NUL (text a tool wrote as UTF-16; it would also
   pass as UTF-8, NULs and all);
4. strict UTF-8, or UTF-8 with its few stray bytes dropped when the rest is plainly UTF-8 (`_nearly_utf8`:
   a teaser cut inside a character; browsers show U+FFFD there, we drop the byte);
5. charset-normalizer's best guess among the encodings web content uses (WEB_ENCODINGS);
   windows-1252 when it ties with the best (`_preferred`).

Nothing is ever decoded with `errors="replace"`: content that none of these decode raises
`Undecodable`, so no U+FFFD appears that the source did not have. `repair_mojibake` fixes text
that was decoded with the wrong codec upstream ("CafÃ©" -> "Café") with ftfy, line by line and only
on lines that show the signs of it, so clean text costs one regex scan.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

import ftfy
from ftfy import fixes as ftfy_fixes

# byte order marks, longest first (UTF-32 LE starts like UTF-16 LE)
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# WHATWG Encoding Standard: labels that browsers decode with another codec than their name says
CHARSET_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "iso-8859-9": "cp1254",
    "latin5": "cp1254",
    "tis-620": "cp874",
    "x-user-defined": "cp1252",
    # a document cannot declare UTF-16 in its own bytes: a meta tag saying so means UTF-8
    "utf-16": "utf-8",
    "utf-16le": "utf-8",
    "utf-16be": "utf-8",
}
# The encodings web content uses (WHATWG Encoding Standard, "Encodings" table), as Python codecs:
# detection chooses among these only, so a guess is never a DOS code page (cp775, cp852, ...)
# that happens to fit a few bytes.
WEB_ENCODINGS = (
    "utf_8", "utf_16_le", "utf_16_be", "cp866", "iso8859_2", "iso8859_3", "iso8859_4", "iso8859_5",
    "iso8859_6", "iso8859_7", "iso8859_8", "iso8859_10", "iso8859_13", "iso8859_14", "iso8859_15",
    "iso8859_16", "koi8_r", "koi8_u", "mac_roman", "cp874", "cp1250", "cp1251", "cp1252", "cp1253",
    "cp1254", "cp1255", "cp1256", "cp1257", "cp1258", "mac_cyrillic", "gb18030", "big5", "euc_jp",
    "iso2022_jp", "shift_jis", "euc_kr",
)
PRESCAN_BYTES = 4096
_META_CHARSET = re.compile(rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s{0,64}<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._-]{1,40})["']""")
_UTF16_NUL_SHARE = 0.4  # at least this share of the even (or odd) bytes are NUL: UTF-16 without a BOM


class Undecodable(ValueError):
    """Bytes that no declared, standard or detected charset decodes; `code` is the rejection code."""

    code = "undecodable"


@dataclass(frozen=True)
class Decoded:
    """text: the decoded str; encoding: Python codec name; method: bom, declared, utf-8, utf-16 or detected."""

    text: str
    encoding: str
    method: str


def _whatwg_cp1252_fallback(error: UnicodeDecodeError) -> tuple[str, int]:
    """windows-1252 leaves 0x81, 0x8D, 0x8F, 0x90, 0x9D undefined; WHATWG maps them to the C1
    controls of the same number (stripped later as control characters), so they never fail."""
    data = error.object[error.start : error.end]
    return "".join(chr(byte) for byte in data), error.end


codecs.register_error("newsfeed-c1", _whatwg_cp1252_fallback)


def codec_for(label: str) -> str | None:
    """A charset label (`Windows-1252`, `latin1`, `UTF8`) -> the Python codec browsers would use, or None."""
    name = label.strip().strip("\"'").lower()
    name = CHARSET_ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def declared_charset(data: bytes) -> str | None:
    """The codec the document declares in its first PRESCAN_BYTES (XML declaration or <meta>), or None."""
    head = data[:PRESCAN_BYTES]
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    if match is None:
        return None
    return codec_for(match.group(1).decode("ascii", "ignore"))


def _strict(data: bytes, codec: str) -> str | None:
    errors = "newsfeed-c1" if codec == "cp1252" else "strict"
    try:
        return data.decode(codec, errors)
    except (UnicodeDecodeError, LookupError):
        return None


def _utf16_without_bom(data: bytes) -> str | None:
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    for zeros, codec in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if zeros.count(0) >= _UTF16_NUL_SHARE * len(zeros):
            text = _strict(data, codec)
            if text is not None:
                return text
    return None


def decode_bytes(data: bytes) -> Decoded:
    """Bytes -> Decoded(text, encoding, method), in the order of the module docstring.

    Raises Undecodable when nothing decodes them (binary data, a truncated multi-byte file in an
    unknown charset). Never inserts U+FFFD.
    """
    for bom, codec in BOMS:
        if data.startswith(bom):
            text = _strict(data[len(bom) :], codec)
            if text is None:
                raise Undecodable(f"the bytes start with a {codec} byte order mark but are not {codec}")
            return Decoded(text, codec, "bom")
    declared = declared_charset(data)
    if declared is not None:
        text = _strict(data, declared)
        if text is not None:
            return Decoded(text, declared, "declared")
    text = _utf16_without_bom(data)
    if text is not None:
        return Decoded(text, "utf-16", "utf-16")
    text = _strict(data, "utf-8")
    if text is None:
        text = _nearly_utf8(data)
    if text is not None:
        return Decoded(text, "utf-8", "utf-8")
    return _detected(data)


_STRAY = re.compile("[\udc80-\udcff]")  # an undecodable byte, as surrogateescape writes it
_NON_ASCII = re.compile("[^\x00-\x7f]")
STRAY_BYTES_MAX_SHARE = 0.001  # of the bytes: a few cut characters, not another charset's letters
UTF8_EVIDENCE = 10  # valid non-ASCII characters per stray byte


def _nearly_utf8(data: bytes) -> str | None:
    """The bytes as UTF-8 without their stray bytes, when those are at most STRAY_BYTES_MAX_SHARE of them
    and the valid non-ASCII characters are at least UTF8_EVIDENCE times as many (a page in UTF-8 with a
    teaser cut inside a character), else None: a legacy page's letters are stray bytes nearly all (they
    decode as UTF-8 only by chance), so detection reads it."""
    text = data.decode("utf-8", "surrogateescape")
    stray = len(_STRAY.findall(text))
    if not stray or stray > STRAY_BYTES_MAX_SHARE * len(data):
        return None
    non_ascii = len(_NON_ASCII.findall(text)) - stray
    return _STRAY.sub("", text) if non_ascii >= UTF8_EVIDENCE * stray else None


def _detected(data: bytes) -> Decoded:
    from charset_normalizer import from_bytes  # imported on first need: it builds tables at import

    best = _preferred(from_bytes(data, cp_isolation=list(WEB_ENCODINGS)))
    if best is None or best.encoding is None:
        raise Undecodable("no declared charset, not UTF-8, and charset-normalizer found no charset that decodes it")
    codec = codec_for(best.encoding) or best.encoding
    text = _strict(data, codec)
    if text is None:
        raise Undecodable(f"charset-normalizer guessed {best.encoding}, which does not decode the bytes")
    return Decoded(text, codec, "detected")


def _preferred(matches):
    """charset-normalizer's best match, with two tie-breaks among the matches as free of chaos and as
    coherent as the best one (short texts tie often: charset-normalizer measures little on them):
    first, fewer implausible words (_implausible_words: a word mixing scripts, "Cafй", or a Latin word
    of accented letters only, "Ďđčâĺň", is a wrong code page's reading: short cp1251 Russian ties
    with cp1250); then windows-1252 ("Café" reads the same in windows-1250 and windows-1252, only
    the rarer letters differ): the HTML Standard's suggested default for undeclared legacy pages in
    most locales ("Determining the character encoding", the table of suggested defaults)."""
    best = matches.best()
    if best is None:
        return best
    level = (best.percent_chaos, -best.percent_coherence)
    tied = [m for m in matches if (m.percent_chaos, -m.percent_coherence) <= level] or [best]
    if best not in tied:
        tied.insert(0, best)
    return min(tied, key=lambda m: (_implausible_words(str(m)), m.encoding != "cp1252", m is not best))


_LETTER_RUN = re.compile(r"[^\W\d_]+")
_ACCENTED_WORD_MIN = 3  # "été", "où" are French words of accented letters only: shorter ones say little


def _implausible_words(text: str) -> int:
    """Words (runs of letters) that no language writes: letters of two scripts in one word (by the
    first word of each letter's Unicode name: LATIN, CYRILLIC, GREEK, ...), or a Latin word of
    _ACCENTED_WORD_MIN or more letters with no ASCII letter. Counts only words with a non-ASCII letter."""
    count = 0
    for word in _LETTER_RUN.findall(text):
        if word.isascii():
            continue
        scripts = {unicodedata.name(ch, "?").split(" ", 1)[0] for ch in word}
        if len(scripts) > 1 or (scripts == {"LATIN"} and len(word) >= _ACCENTED_WORD_MIN
                                and not any(ch.isascii() for ch in word)):
            count += 1
    return count


# ---- mojibake --------------------------------------------------------------------------------

# UTF-8 read as windows-1252 or latin-1: a lead byte shown as Â..ô followed by a continuation byte
# shown as a latin-1 or windows-1252 character (or U+FFFD where windows-1252 has no character).
# A line without such a pair, C1 controls or an escape has no mojibake ftfy could undo.
_MOJIBAKE_SIGN = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122\ufffd]"
    "|[\u0080-\u009f]"
)
# Sequences whose lost byte is known: windows-1252 has no character for 0x9D, so the right double
# quote (E2 80 9D) read as windows-1252 loses its last byte; no other common character does.
_C1 = re.compile("[\u0080-\u009f]")
LOSSY_SEQUENCES = {"\u00e2\u20ac\ufffd": "\u00e2\u20ac\u009d"}
# ftfy with only the encoding fixes on: quotes, ligatures, widths, line breaks and HTML stay as written
_FTFY = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)


# _MOJIBAKE_SIGN over the UTF-8 bytes: C1 controls are C2 80..9F, Â..ô are C3 82..B4, each followed
# by the UTF-8 of a character of the second class (a lead byte C2/C3 is never a continuation byte, so a
# match starts on a character); the engine skips ahead to a C2/C3 byte (tests/unit/test_clean_speed.py
# checks every pair of characters against _MOJIBAKE_SIGN); it is tried only at each C2/C3 byte, which
# bytes.find reaches at memory speed (most pages hold a few: a copyright sign, a no-break space)
_MOJIBAKE_SIGN_UTF8 = re.compile(
    rb"\xc2[\x80-\x9f]|\xc3[\x82-\xb4](?:\xc2[\x80-\xbf]|\xc5[\x92\x93\xa0\xa1\xb8\xbd\xbe]|\xc6\x92|\xcb[\x86\x9c]|"
    rb"\xe2\x80[\x93\x94\x98-\x9a\x9c-\x9e\xa0-\xa2\xa6\xb0\xb9\xba]|\xe2\x82\xac|\xe2\x84\xa2|\xef\xbf\xbd)"
)


def _has_mojibake_sign(text: str) -> bool:
    """_MOJIBAKE_SIGN.search(text) is not None, by bytes (_MOJIBAKE_SIGN_UTF8)."""
    data = text.encode("utf-8", "surrogatepass")
    for lead in (b"\xc2", b"\xc3"):
        at = data.find(lead)
        while at >= 0:
            if _MOJIBAKE_SIGN_UTF8.match(data, at):
                return True
            at = data.find(lead, at + 1)
    return False


def repair_mojibake(text: str) -> tuple[str, int]:
    """(text with mojibake undone, number of lines changed). ftfy decides each fix (its `fix_text`
    with encoding fixes only); C1 controls are read as windows-1252, as browsers do. Only lines that
    show a sign of mojibake are passed to ftfy."""
    if text.isascii() or not _has_mojibake_sign(text):
        return text, 0
    lines = text.split("\n")
    changed = 0
    for i, line in enumerate(lines):
        if not _has_mojibake_sign(line):
            continue
        fixed = line
        for lossy, restored in LOSSY_SEQUENCES.items():
            fixed = fixed.replace(lossy, restored)
        fixed = ftfy.fix_text(fixed, _FTFY)
        if _C1.search(fixed):
            fixed = ftfy_fixes.fix_c1_controls(fixed)
        if fixed.count("\ufffd") > line.count("\ufffd"):
            fixed = line  # never trade a character for a replacement character
        if fixed != line:
            lines[i] = fixed
            changed += 1
    return ("\n".join(lines), changed) if changed else (text, 0)


# ---- binary content --------------------------------------------------------------------------

# File signatures ("magic numbers") of binary formats scrapers fetch by mistake; sources: the
# formats' specifications as collected in the file(1) magic database and Gary Kessler's table.
FILE_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"PK\x03\x04", "ZIP (also docx, xlsx, epub)"),
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"\x28\xb5\x2f\xfd", "zstd"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip"),
    (b"Rar!\x1a\x07", "RAR"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE2 (doc, xls)"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ", "DOS/Windows executable"),
    (b"OggS", "Ogg"),
    (b"ID3", "MP3"),
    (b"\x00\x00\x00\x18ftyp", "MP4"),
    (b"\x00\x00\x00\x20ftyp", "MP4"),
    (b"\x1aE\xdf\xa3", "WebM/Matroska"),
    (b"wOFF", "WOFF font"),
    (b"wOF2", "WOFF2 font"),
    (b"SQLite format 3\x00", "SQLite"),
)


def binary_signature(data: bytes | str) -> str | None:
    """The binary format whose signature `data` starts with (bytes, or text decoded byte for
    byte as latin-1 upstream), or None. "RIFF....WEBP"/"RIFF....WAVE" are checked too."""
    head = data[:32]
    if isinstance(head, str):
        if not head or max(head) > "\u00ff":
            return None
        head = head.encode("latin-1")
    for magic, name in FILE_SIGNATURES:
        if head.startswith(magic):
            if magic == b"MZ" and len(head) >= 4 and head[2:4].isalpha():
                continue  # "MZ" is also how plain text can start ("MZansi", "MZ Times")
            return name
    if head.startswith(b"RIFF") and head[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return f"RIFF {head[8:12].decode('ascii').strip()}"
    return None
