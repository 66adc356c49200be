"""workers.decoding: bytes -> text in the browsers' order, mojibake repair, binary signatures."""

from __future__ import annotations

import codecs
import gzip
import random

import pytest

from workers import decoding
from workers.decoding import (
    CHARSET_ALIASES,
    FILE_SIGNATURES,
    Undecodable,
    binary_signature,
    codec_for,
    decode_bytes,
    declared_charset,
    repair_mojibake,
)

TEXT = "Café owners fight “unfair” fees – €4,000, said Zoë Lefèvre."


@pytest.mark.parametrize(
    ("data", "text", "method"),
    [
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), TEXT, "bom"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), TEXT, "bom"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), TEXT, "bom"),
        (codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"), TEXT, "bom"),
        # declared in <meta charset>, <meta http-equiv>, an XML declaration
        (b'<meta charset="windows-1252"><p>' + TEXT.encode("cp1252"), "<meta charset=\"windows-1252\"><p>" + TEXT, "declared"),
        (
            b'<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-15"><p>caf\xe9 \xa4',
            '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-15"><p>café €',
            "declared",
        ),
        (b"<?xml version='1.0' encoding='ISO-8859-1'?><a>\x93q\x94</a>", "<?xml version='1.0' encoding='ISO-8859-1'?><a>“q”</a>", "declared"),
        # no declaration: UTF-8, then UTF-16 without a BOM
        (TEXT.encode("utf-8"), TEXT, "utf-8"),
        ("plain words in utf-16".encode("utf-16-le"), "plain words in utf-16", "utf-16"),
        (b'<meta charset="utf-8"><p>' + "café".encode("utf-8"), '<meta charset="utf-8"><p>café', "declared"),
        # a declaration the bytes contradict (declared UTF-8, one windows-1252 byte): the next step decides
        (b'<meta charset="utf-8"><p>caf\xc3\xa9 \xe9t\xe9', None, None),
    ],
)
def test_decoding_order(data, text, method):
    decoded = decode_bytes(data)
    if text is not None:
        assert decoded.text == text
        assert decoded.method == method
    assert "\ufffd" not in decoded.text


def test_declared_utf8_that_is_really_windows_1252_falls_through_to_detection():
    data = b'<html><head><meta charset="utf-8"></head><body><p>' + (TEXT * 20).encode("cp1252") + b"</p></body></html>"
    decoded = decode_bytes(data)
    assert decoded.method == "detected"
    assert "Café" in decoded.text and "\ufffd" not in decoded.text


def test_undeclared_latin1_prose_is_detected_without_replacement_characters():
    prose = "Grüße aus München: die Straßenbahn fährt wieder, sagte Jürgen Weiß am Montag. " * 5
    decoded = decode_bytes(prose.encode("latin-1"))
    assert decoded.method == "detected"
    assert decoded.text == prose


def test_windows_1252_undefined_bytes_become_c1_controls_not_errors():
    decoded = decode_bytes(b'<meta charset="windows-1252">a\x81b\x9dc')
    assert decoded.text.endswith("a\x81b\x9dc")


@pytest.mark.parametrize("seed", range(5))
def test_random_bytes_are_undecodable_never_replaced(seed):
    data = random.Random(seed).randbytes(3000)
    try:
        decoded = decode_bytes(data)
    except Undecodable as error:
        assert error.code == "undecodable"
    else:
        assert "\ufffd" not in decoded.text


@pytest.mark.parametrize(("label", "codec"), [("latin1", "cp1252"), ("ISO-8859-1", "cp1252"), ("US-ASCII", "cp1252"),
                                              ("UTF8", "utf-8"), ("Windows-1251", "cp1251"), ("no-such-thing", None)])
def test_charset_labels_follow_whatwg(label, codec):
    assert codec_for(label) == codec


def test_every_alias_names_a_codec():
    for target in CHARSET_ALIASES.values():
        assert codecs.lookup(target)


def test_declaration_is_only_looked_for_in_the_head():
    assert declared_charset(b"<meta charset=koi8-r>") == "koi8-r"
    assert declared_charset(b" " * 5000 + b"<meta charset=koi8-r>") is None


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("CafÃ© owners fight â€œunfairâ€\ufffd pavement fees", "Café owners fight “unfair” pavement fees"),
        ("By ZoÃ« LefÃ¨vre", "By Zoë Lefèvre"),
        ("more than â‚¬4,000 â€“ next monthâ€™s", "more than €4,000 – next month’s"),
        ("\x93Quoted\x94 and \x96 dashed", "“Quoted” and – dashed"),  # windows-1252 read as latin-1
        ("Ã¼ber MÃ¼nchen", "über München"),
    ],
)
def test_mojibake_is_repaired(broken, fixed):
    assert repair_mojibake(broken) == (fixed, 1)


@pytest.mark.parametrize(
    "clean",
    [
        "Café owners fight “unfair” fees – €4,000",
        "naïve façade, señor, Ærøskøbing, Łódź, 東京, Ωμέγα",
        "Â is a letter too: the Â in Âge",  # a lead-byte letter followed by a plain letter
        "plain ascii text",
        "a source replacement character \ufffd stays as it was",
    ],
)
def test_clean_text_is_left_alone(clean):
    assert repair_mojibake(clean) == (clean, 0)


def test_repair_counts_lines():
    text = "CafÃ©\nfine line\nZoÃ«"
    assert repair_mojibake(text) == ("Café\nfine line\nZoë", 2)


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n...", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
        (gzip.compress(b"hello"), "gzip"),
        (b"PK\x03\x04\x14\x00", "ZIP (also docx, xlsx, epub)"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "RIFF WEBP"),
        (b"MZ\x90\x00\x03\x00", "DOS/Windows executable"),
        (b"MZansi Africa said on Monday", None),
        (b"Plain text", None),
        ("%PDF-1.4 read as latin-1", "PDF"),
        ("\u2603 snowman text", None),
    ],
)
def test_binary_signatures(data, kind):
    assert binary_signature(data) == kind


def test_every_signature_is_distinct():
    magics = [magic for magic, _ in FILE_SIGNATURES]
    assert len(magics) == len(set(magics))



def test_detection_keeps_to_web_encodings_when_few_bytes_are_not_ascii():
    # one non-ASCII byte fits many DOS code pages equally well (cp775 reads 0xFC as "³")
    data = "Bus fares are frozen for pensioners in München until the end of next year.".encode("latin-1")
    decoded = decode_bytes(data)
    assert "München" in decoded.text and decoded.method == "detected"


@pytest.mark.parametrize("codec", ["cp1251", "koi8-r"])
def test_cyrillic_legacy_charsets_are_detected(codec):
    text = "Привет, как дела? Москва сегодня, сказал он журналистам в понедельник."
    assert decode_bytes(text.encode(codec)).text == text


POLISH = "Kolejne organizacje sprzeciwiają się atakom; głos zabrała również Akcja Katolicka w Polsce. "


@pytest.mark.parametrize("declaration", [b'<meta charset="utf-8">', b""])
def test_utf8_page_with_a_character_cut_in_a_teaser_stays_utf8(declaration):
    # one character cut inside its bytes ("papierosó" + half of "w"'s neighbour): the rest is UTF-8
    data = declaration + (POLISH * 30).encode("utf-8") + "<li>przemyt papieros".encode("utf-8") + b"\xc3...</li>"
    decoded = decode_bytes(data)
    assert decoded.method == "utf-8"
    assert decoded.text == declaration.decode() + POLISH * 30 + "<li>przemyt papieros...</li>"


@pytest.mark.parametrize(
    "data",
    [
        # a windows-1252 page with one accented letter: no UTF-8 evidence beside the stray byte
        b'<meta charset="utf-8"><p>' + b"The council met on Tuesday to vote. " * 40 + b"caf\xe9",
        # UTF-8 evidence, but too many stray bytes for cut characters: another charset's letters
        b"<p>" + "Zoë said “no”. ".encode("utf-8") * 10 + b"\xe9t\xe9 " * 30,
    ],
)
def test_stray_bytes_without_utf8_evidence_go_to_detection(data):
    assert decoding._nearly_utf8(data) is None
    try:
        decoded = decode_bytes(data)
    except Undecodable:  # the mixed bytes decode in no one charset: refused, not patched
        return
    assert decoded.method == "detected" and "\ufffd" not in decoded.text
