"""The clean stage's fast paths (prefilters, merged scans) give exactly what the slow paths give.

Speed is measured by `make bench-clean`, never asserted here; these tests check that every shortcut
taken for speed is exact: on the fixture pages and seeds, and on generated strings made of the
characters each shortcut is about.
"""

from __future__ import annotations

import random
import re
import string
import unicodedata
from pathlib import Path

import pytest

from workers import decoding
from workers.stages.clean import lines as ln
from workers.stages.clean import normalise as nz
from workers.stages.clean import sections
from workers.stages.clean import vocabulary as v
from workers.stages.clean import metalines as clean_metalines
from workers.stages.clean import shapes as clean_shapes

REPO = Path(__file__).resolve().parents[2]


def _corpus_lines() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "tests" / "fixtures" / "pages").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
    return [line for text in texts for line in nz.split_lines(nz.normalise_text(text))]


def _random_strings(alphabet: str, count: int = 3000, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(count)]


# ---- sections.is_offer: a lower-case key count before the regex ------------------------------


def _expand(items) -> list[str]:
    """Every string a finite regex parse tree (literals, small classes, bounded repeats, groups,
    alternations; zero-width assertions skipped) matches."""
    from re import _constants as C  # noqa: N812 - the parser's own names

    out = [""]
    for op, av in items:
        if op is C.LITERAL:
            options = [chr(av)]
        elif op is C.IN:
            options = []
            for kind, value in av:
                if kind is C.LITERAL:
                    options.append(chr(value))
                elif kind is C.RANGE:
                    options += [chr(c) for c in range(value[0], value[1] + 1)]
                else:
                    raise AssertionError(f"class item {kind} not expandable")
        elif op is C.SUBPATTERN:
            options = _expand(av[-1])
        elif op is C.BRANCH:
            options = [s for branch in av[1] for s in _expand(branch)]
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            low, high, sub = av
            assert high <= 3, "unbounded repeat"
            inner = _expand(sub)
            options = [""] if low == 0 else []
            level = [""]
            for k in range(1, high + 1):
                level = [a + b for a in level for b in inner]
                if k >= low:
                    options += level
        elif op is C.AT:
            continue
        else:
            raise AssertionError(f"op {op} not expandable")
        out = [a + b for a in out for b in options]
    return out


def test_every_offer_phrase_holds_a_key():
    from re import _parser

    phrases = _expand(_parser.parse(v.OFFER_WORDING.pattern, v.OFFER_WORDING.flags))
    assert len(phrases) > 20
    for phrase in phrases:
        assert any(key in phrase.lower() for key in v.OFFER_KEYS), phrase


def test_case_twins_are_every_ignorecase_match_lower_misses():
    twins = set()
    for code in range(0x80, 0x110000):
        char = chr(code)
        if 0xD800 <= code <= 0xDFFF or not any(c in string.ascii_letters for c in char.lower() + char.upper()):
            continue
        for letter in string.ascii_lowercase:
            if re.fullmatch(letter, char, re.IGNORECASE) and char.lower() != letter:
                twins.add(char)
    assert twins == set(v.CASE_TWINS)


def _offer_by_regex(text: str) -> bool:
    return len({m.casefold() for m in v.OFFER_WORDING.findall(text)}) >= 2


def test_is_offer_prefilter_is_exact():
    samples = _corpus_lines() + [
        "Subscribe now for unlimited digital access: 2.95 a week, cancel any time.",
        "SUBSCRİBE today for a free trial, LOG IN if you are a subscriber.",
        "ſubſcribe for our newsletter and sign in",
        "A year ago, per week, the digital edition",
        "Sign up for the newsletter.",
    ]
    samples += _random_strings("subscribe trial a week yeaR ıİſ LOG in sign digital newsletter ", seed=3)
    for text in samples:
        assert sections.is_offer(text) == _offer_by_regex(text), text


# ---- decoding: the mojibake sign is looked for only where one can start ----------------------


def test_mojibake_sign_prefilter_is_exact():
    alphabet = "aé Âô€™–—“”\u0080\u009d\u00a0©\ufffdÃ©â\u20ac"
    samples = _random_strings(alphabet, seed=11) + _corpus_lines() + ["CafÃ© owner", "cafÃ©", "\u0085", ""]
    for text in samples:
        assert decoding._has_mojibake_sign(text) == (decoding._MOJIBAKE_SIGN.search(text) is not None), repr(text)


def test_mojibake_sign_by_bytes_holds_for_every_pair_of_characters():
    # decoding._MOJIBAKE_SIGN_UTF8 is _MOJIBAKE_SIGN written over UTF-8: every first character a sign can
    # start with (and its neighbours) followed by every character of the second class's blocks
    firsts = [chr(c) for c in range(0x7E, 0x102)]
    seconds = [chr(c) for c in [*range(0x20, 0x7F), *range(0x80, 0x300), *range(0x2000, 0x2200),
                                0x20AC, 0x2122, 0xFFFD, 0xFFFE, 0xD800, 0x1F600]]
    for a in firsts:
        for b in seconds:
            text = f"x{a}{b}"
            assert decoding._has_mojibake_sign(text) == (decoding._MOJIBAKE_SIGN.search(text) is not None), repr(text)


# ---- normalise: one scan decides whether the character passes are needed ---------------------


def _normalise_slow(text: str) -> str:
    """normalise_text without its one-scan shortcut (the passes as they run when the scan finds something)."""
    if not text.isascii():
        text = nz._SURROGATE.sub("", text)
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii():
        text = nz._NEWLINES.sub("\n", text)
        text = nz._INVISIBLE.sub("", text)
    return nz.strip_controls(text)[0]


def _strip_slow(text: str) -> tuple[str, int]:
    size = len(text)
    out = nz._SURROGATE.sub("", nz._CONTROL.sub("", nz._ANSI.sub("", text)))
    return out, size - len(out)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_normalise_shortcuts_are_exact(seed):
    alphabet = "ab é\u0301e\u0301\r\n\u2028\u2029\u0085\u00ad\u200b\u2060\ufeff\x00\x1b[31m\x7f\u0090\ud800Å\u212b"
    samples = _random_strings(alphabet, seed=seed)
    if seed == 1:
        samples += [p.read_text(encoding="utf-8") for p in sorted((REPO / "tests" / "fixtures" / "pages").glob("*"))
                    if p.suffix in (".txt", ".html")]
    for text in samples:
        assert nz.normalise_text(text) == _normalise_slow(text), repr(text)
        assert nz.strip_controls(text) == _strip_slow(text), repr(text)


def test_nfc_never_creates_what_normalise_removes():
    for code in range(0x110000):
        if 0xD800 <= code <= 0xDFFF or nz._NORMALISED_AWAY.search(chr(code)):
            continue
        assert nz._NORMALISED_AWAY.search(unicodedata.normalize("NFD", chr(code))) is None, hex(code)
        assert nz._NORMALISED_AWAY.search(unicodedata.normalize("NFC", chr(code))) is None, hex(code)


# ---- lines: the menu-row prefilter and the key of joined lines -------------------------------


def _nav_row_slow(text: str) -> bool:
    parts = v.NAV_SEPARATOR.split(text)
    if len(parts) < 2 or (len(parts) == 2 and v.BREADCRUMB_SEPARATOR.search(text) is None):
        return False
    return all(0 < p.count(" ") + 1 <= 4 and not ln.is_terminal(p) for p in parts)


def test_nav_row_prefilter_is_exact():
    separators = re.search(r"\[(.*)\]", v.NAV_SEPARATOR.pattern).group(1)
    assert set(separators) == set(ln._NAV_CHARS)
    samples = _corpus_lines() + _random_strings("News Sport > » › / | • · .\t", seed=5)
    for text in samples:
        assert ln._is_nav_row(text) == _nav_row_slow(text), text


def test_key_of_joined_lines_is_joined_keys():
    samples = _random_strings("aB ß_-’.İΣς\u0301 1", seed=9)
    for a, b in zip(samples, samples[1:]):
        assert ln.key(a + b) == ln.key(a) + ln.key(b)


# ---- fastmatch: an anchored alternation tried only on the branches a line's first letter allows --


def test_first_char_match_gives_the_same_match():
    from workers.stages.clean.fastmatch import first_char_match

    match = first_char_match(v.UI_LINE)
    assert match != v.UI_LINE.match  # the pattern has the bucketable shape
    samples = _corpus_lines() + _random_strings("ShareſAdvertİısement5 min .…:!rRead more", seed=13)
    samples += ["", ".", "Share", "ſhare", "SHARE THIS ARTICLE", "12 min read", "More from Jane Doe", "Ähm"]
    for text in samples:
        expected, found = v.UI_LINE.match(text), match(text)
        assert (expected and expected.span()) == (found and found.span()), text


def test_first_char_match_buckets():
    from re import _parser

    from workers.stages.clean.fastmatch import first_char_match, first_chars, split_branches

    assert split_branches(r"^(?:a(?:b|c)|[de]x|\d+)$") == (["a(?:b|c)", "[de]x", r"\d+"], ")$")
    assert split_branches(r"(?:a|b)") is None
    assert first_chars(_parser.parse("(?:ab)?c")) == ({"a", "c"}, False)
    assert first_chars(_parser.parse(r"\w+"))[0] is None
    rx = re.compile(r"^(?:apple|banana|\d+ items?|x?)$", re.IGNORECASE)  # "x?" can be empty: every bucket
    match = first_char_match(rx)
    for text in ["Apple", "BANANA", "3 items", "", "x", "y", "ſ", "apple pie"]:
        assert bool(match(text)) == bool(rx.match(text)), text
    case_sensitive = re.compile(r"^(?:Apple|pear)$")
    assert first_char_match(case_sensitive) == case_sensitive.match


# ---- fastmatch: byte-level twins of the \w+ tokenizer and the [\W_]+ key --------------------


def test_no_whitespace_character_is_a_word_character():
    # fastmatch.words lets str.split() cut the text: exact only if split() never cuts inside a token
    for code in range(0x110000):
        char = chr(code)
        if char.isspace():
            assert re.match(r"\w", char) is None, hex(code)


def test_common_non_word_characters_are_no_word_characters():
    from workers.stages.clean.fastmatch import COMMON_NON_WORD

    # words and drop_non_alnum cut or drop them before the scans: exact only for non-word characters
    assert COMMON_NON_WORD and all(re.match(r"\w", char) is None and not char.isascii() for char in COMMON_NON_WORD)


def test_words_and_drop_non_alnum_are_the_regexes():
    from workers.stages.clean.fastmatch import drop_non_alnum, words

    alphabet = "aZ09_ -.,’'“é\u00a0\u2009\u3000\x1c\x85ßİſ\u0301中\ud800\t\n!@#”‘—–…"
    samples = _random_strings(alphabet, seed=17) + _corpus_lines() + ["", "_", "a_b", "don’t", "中文 text", "\ud800x"]
    samples += _random_strings("ab _1’“”‘—–…", seed=19) + ["“Yes” — she said…", "é’s", "a–b", "…"]
    samples += [text.casefold() for text in samples]
    for text in samples:
        assert words(text) == re.findall(r"\w+", text), repr(text)
        assert drop_non_alnum(text) == re.sub(r"[\W_]+", "", text), repr(text)


# ---- fastmatch: a pattern tried only when the line's first character can start it -------------


def test_gate_keys_cover_every_ignorecase_twin():
    # every character IGNORECASE equates with an ASCII character (the ASCII letters' other cases,
    # CASE_TWINS, the Kelvin sign) gives that character's lower case among the gate's keys
    for char in [chr(c) for c in range(128)] + list(v.CASE_TWINS) + ["\u212a"]:
        keys = {char.lower()[:1], char.upper().lower()[:1]}
        for code in range(128):
            if re.fullmatch(re.escape(char), chr(code), re.IGNORECASE):
                assert chr(code).lower() in keys, (char, chr(code))


def _gated_patterns():
    from workers.stages.clean import metadata as md

    return [v.COMMENT_PROMPT, v.UI_PREFIX, v.ABOUT_SECTION, v.CREDITS, md._BYLINE, md._SOURCE_LABEL]


def test_first_char_gate_gives_the_same_match():
    from workers.stages.clean.fastmatch import first_char_gate, first_char_match

    samples = _corpus_lines() + ["", "By Jane Doe", "by jane", "BY JANE DOE", "ſource: AP", "Source: AP",
                                 "3 comments", "About Acme Corp", "about acme", "(Reporting by Jane Doe)",
                                 "Tags: a, b", "بقلم أحمد", "Von Hans Müller", "Автор: Иван"]
    samples += _random_strings("SsſBbyYAa(Rr3 :comentsourceaboutKİı", seed=19)
    for pattern in _gated_patterns():
        for fast in (first_char_gate(pattern), first_char_match(pattern)):
            for text in samples:
                expected, found = pattern.match(text), fast(text)
                assert (expected and expected.span()) == (found and found.span()), (pattern.pattern[:30], text)


def test_first_char_gate_shapes():
    from workers.stages.clean.fastmatch import first_char_gate

    assert first_char_gate(re.compile(r"\w+")) == re.compile(r"\w+").match  # any first character: no gate
    assert first_char_gate(re.compile(r"(?:ab)?c")) != re.compile(r"(?:ab)?c").match
    digits = first_char_gate(re.compile(r"^\d+ items?$"))
    assert digits("3 items") and digits("x items") is None and digits("٣ items")  # non-ASCII digits: full match
    cased = first_char_gate(re.compile(r"(?i:by) [A-Z]\w+"))
    assert cased("BY Jane") and cased("by Jane") and cased("Xy Jane") is None


def test_heading_rows_bucketed_are_the_union():
    samples = _corpus_lines() + ["Related stories", "RELATED", "Comments (3)", "12 comments", "About Acme Corp",
                                 "about the company", "Forward-looking statements", "Media contacts",
                                 "Get the Energy briefing", "Sign up for our newsletter", "ſee also", "Read next",
                                 "Latest from Jane Doe", "Más noticias", "Discussion", "Disclaimer:"]
    samples += _random_strings("RrelatedCcomments AaboutLlatest 3:ſ", seed=23)
    for text in samples:
        m = sections._ANY_HEADING.match(text)
        assert sections._HEADING_ROW(text) == (m.lastgroup if m else None), text


# ---- normalise.split_lines: text whose lines are already collapsed is split as it stands ------


def test_other_spaces_are_every_whitespace_but_space_and_newline():
    assert set(nz._OTHER_SPACES) == {chr(c) for c in range(0x110000) if chr(c).isspace()} - {" ", "\n"}


def _line_blocks_slow(text: str) -> list[list[str]]:
    blocks: list[list[str]] = [[]]
    for raw in text.split("\n"):
        line = " ".join(raw.split())
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]


def test_line_blocks_shortcut_is_exact():
    samples = _random_strings("ab  \n\n\n\t\xa0\u2009\r\x0b", count=5000, seed=29)
    samples += _random_strings("ab c\n\n", count=5000, seed=31)  # mostly already collapsed
    samples += [p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
    samples += ["", "\n", "\n\n\na\n\n\n", "a\nb\n\nc", " a", "a ", "a\u3000b"]
    for text in samples:
        blocks = nz._line_blocks(text)
        assert [b for b in blocks if b] == _line_blocks_slow(text), repr(text)
    assert any(nz._spaced(text) and "\n\n" in text for text in samples)


# ---- blocks: the interface-run prefilter --------------------------------------------------------


def test_ui_run_prefilter_is_exact():
    from workers.stages.clean import blocks

    samples = _corpus_lines() + [
        "Share this article Facebook Twitter Email and the council said",
        "Share Facebook", "share facebook twitter", "The Share of Email", "Print\tEmail Share", "Émail Share Print",
    ]
    samples += _random_strings("Share Email Print The this. ,:|•Aa\t", count=4000, seed=37)
    # non-ASCII pieces: other spaces, capitalised non-ASCII letters, curly quotes around interface words
    samples += _random_strings("Share Email Print Éa’“ \u00a0\u2009,.|Ü", count=4000, seed=39)
    samples += ["Share\u00a0Facebook Twitter", "“Share” Email Print", "Émail Ûpdate Share", "Ünd Share Email"]
    for piece in samples:
        if not blocks._may_hold_ui_run(piece):
            assert blocks._ui_runs(piece, piece.split(" ")) == [], piece
    assert not blocks._may_hold_ui_run("A long paragraph of prose with Names In It and nothing else")


def test_count_letters_is_the_regex():
    from workers.stages.clean.fastmatch import count_letters

    samples = _random_strings("aZ09_ -.,’é\u00b2ß中\u0301\u0660!", seed=41) + _corpus_lines() + ["", "_1a"]
    for text in samples:
        assert count_letters(text) == len(re.sub(r"[\W\d_]+", "", text)), repr(text)


def test_count_controls_is_the_regex():
    alphabet = "ab é\x00\x08\t\n\x0b\x0e\x1b\x7f\x80\x85\x9f\xa0\xc2©\ud800\ufffd’"
    for text in _random_strings(alphabet, seed=43) + ["", "\x9f", "\xc2\x9f", "Â\x85"]:
        assert nz._count_controls(text) == len(nz._CONTROL.findall(text)), repr(text)


def test_first_char_union_keeps_rows_of_other_shapes_whole():
    from workers.stages.clean.fastmatch import first_char_union

    rows = (("a", re.compile(r"^(?:apple|pear)s?$", re.I)), ("b", re.compile(r"\d+ items?$", re.I)),
            ("c", re.compile(r"^(?:plum|apples)$", re.I)))
    union = re.compile("|".join(f"(?P<{n}>{p.pattern})" for n, p in rows), re.I)
    first_row = first_char_union(rows)
    for text in ["Apples", "PEAR", "3 items", "plum", "apples", "ſ", "", "x"]:
        m = union.match(text)
        assert first_row(text) == (m.lastgroup if m else None), text


# ---- third pass: digit starts bucketed, whole rows gated, the reason chain's rows in one union ----


def _list_item_lines() -> list[str]:
    """Lines as inscriptis dumps give them (list items "* ", "+ ", "o "), digits, non-ASCII starts."""
    return ["* Home", "+ Latest News", "o Sport", "* 12 comments", "*", "+", "3 comments", "٣ comments",
            "12 min read", "1 of 5", "2.5k shares", "— Jane Doe", "‘Quote’", "### ", "-30-", "- ends -",
            "(Reporting by Jane Doe)", "About Acme Corp", "ABOUT ACME CORP", "about the company", "Ａbout"]


def test_digit_and_list_item_starts_give_the_same_match():
    from workers.stages.clean.fastmatch import first_char_match

    samples = _list_item_lines() + _random_strings("*+o 0123456789٣.,k:shareminutescoment", seed=47)
    for pattern in (v.UI_LINE, v.COMMENT_PROMPT, v.UI_PREFIX, v.END_OF_COPY):
        match = first_char_match(pattern)
        for text in samples:
            expected, found = pattern.match(text), match(text)
            assert (expected and expected.span()) == (found and found.span()), (pattern.pattern[:30], text)


def test_first_char_union_gates_whole_rows_by_their_first_characters():
    from workers.stages.clean.fastmatch import first_char_union

    rows = (("a", re.compile(r"^(?:apple|pear)s?$", re.I)), ("b", re.compile(r"^\(?\d+ items?$", re.I)),
            ("c", re.compile(r"(?-i:^About [A-Z]\w+)$")), ("d", re.compile(r"^(?:\d+ pears?|ends)$", re.I)))
    union = re.compile("|".join(f"(?P<{n}>{p.pattern})" for n, p in rows), re.I)
    first_row = first_char_union(rows)
    samples = ["Apples", "3 items", "(3 items", "٣ items", "About Acme", "about Acme", "ABOUT Acme", "4 pears",
               "ends", "* 3 items", "", "(", "ſ"] + _random_strings("(Aab3 ٣ouitemspr", seed=53)
    for text in samples:
        m = union.match(text)
        assert first_row(text) == (m.lastgroup if m else None), text


def _reason_rows_slow(text: str) -> str | None:
    for name, pattern, limit in ln._ANCHORED_ROWS:
        if len(text) <= limit and pattern.match(text):
            return name
    return None


def test_union_by_length_is_the_rows_tried_in_order():
    samples = _corpus_lines() + _list_item_lines() + _random_strings("AaboutCcomments#-30 ends(Reporting by)ſ", seed=59)
    samples += ["Share", "x" * 12, "#" * 12, "#" * 13, "Comments", "Comments" + " " * 80, "Tags: " + "a" * 300,
                "Tags: " + "a" * 290, "(Reporting by " + "Jane " * 50 + ")"]
    for text in samples:
        assert ln._ANCHORED_ROW(text) == _reason_rows_slow(text), text


def test_union_by_length_refuses_flags_it_cannot_scope():
    from workers.stages.clean.fastmatch import union_by_length

    with pytest.raises(ValueError):
        union_by_length((("a", re.compile("^a$", re.MULTILINE), 10),))


def test_drop_unbroken_is_the_regex():
    from workers.stages.clean import blocks

    rng = random.Random(61)
    samples = ["", "a", " a  b ", "x" * 499, "x" * 500, "x" * 501 + " tail", "a\u3000" + "y" * 600 + "\x85b"]
    for _ in range(400):
        tokens = ["z" * rng.choice((1, 5, 499, 500, 501, 900)) for _ in range(rng.randint(0, 6))]
        samples.append(rng.choice((" ", "  ", "\t", "\xa0", "\u2009")).join(tokens))
    # str.split() and the regex's \S cut at the same characters
    assert all(bool(re.match(r"\s", chr(c))) == chr(c).isspace() for c in range(0x110000))
    for line in samples:
        assert blocks.drop_unbroken(line) == " ".join(blocks._UNBROKEN.sub(" ", line).split()), repr(line[:40])


def test_may_be_prose_is_false_only_where_is_prose_is():
    for n in range(0, 40):
        for terminal in (False, True):
            for stop in (0.0, 0.1, 0.12, 0.15, 0.2, 0.5):
                for text in ("word " * max(n - 1, 0) + "end", "word " * max(n - 1, 0) + "end:", "中" * 45 + "。", "x" * 50):
                    line = ln.Line(text)
                    line.n, line.terminal, line.stop = n, terminal, stop
                    if not ln._may_be_prose(line):
                        assert not ln._is_prose(line, text, ["word"] * n, 1.0), (n, terminal, stop, text)


def test_chrome_paragraph_min_chars_is_the_shortest_match():
    from re import _parser

    shortest = min(len(s) for p in (v.LEGAL_PARAGRAPH, v.PAYWALL) for s in _expand(_parser.parse(p.pattern, p.flags)))
    assert sections._CHROME_PARAGRAPH_MIN_CHARS == shortest
    for text in ["already member", "Already Member", "for members only", "x" * 13]:
        slow = "legal" if v.LEGAL_PARAGRAPH.match(text) else "paywall" if v.PAYWALL.search(text) else None
        assert sections.line_kind(text) == (sections.heading_kind(text) or slow), text


def _prose_below_slow(lines, kinds):
    below, words, legal_run = [0] * (len(lines) + 1), [0] * len(lines), False
    for i, line in enumerate(lines):
        if kinds[i] == "legal":
            legal_run = True
            continue
        if line.kind != ln.PROSE:
            legal_run = legal_run and line.kind != ln.SHORT
            continue
        words[i] = 0 if legal_run or sections.is_offer(line.text) else line.n
    for i in range(len(lines) - 1, -1, -1):
        below[i] = below[i + 1] + words[i]
    return below


def test_prose_below_is_exact_after_the_first_section_line():
    rng = random.Random(67)
    offer = ("The newspaper said its digital subscription costs 2.95 a week and readers can cancel at any time "
             "after the free trial ends.")  # prose, and an offer
    texts = _corpus_lines() + ["Related stories", "Comments", "About Acme Corp", "Forward-looking statements"] + [offer] * 30
    checked = offers = 0
    for _ in range(200):
        sample = rng.sample(texts, min(len(texts), 40))
        lines = ln.classify(sample)
        kinds = [sections.line_kind(t) for t in sample]
        if not any(kinds):
            continue
        first = next(i for i, k in enumerate(kinds) if k)
        assert sections._prose_below(lines, kinds)[first + 1:] == _prose_below_slow(lines, kinds)[first + 1:]
        checked += 1
        offers += any(sections.is_offer(line.text) for line in lines[first + 1:] if line.kind == ln.PROSE)
    assert checked >= 50 and offers >= 5  # the samples hold section lines, and offers below them


def test_last_char_gate_gives_the_same_match():
    from workers.stages.clean.fastmatch import last_char_gate

    patterns = [v.ROLE_LINE, re.compile(r"^(?:apple|pears?)$", re.I), re.compile(r"^[A-Z]\w+ (?:Ltd|Inc)\.?$"),
                re.compile(r"^a(?:bc)*$"), re.compile(r"^\d+ items?$", re.I)]
    samples = _corpus_lines() + ["Business reporter", "BUSINESS REPORTERS", "Jane Doe, Business reporter",
                                 "Business reporter\n", "business reporteſ", "Senior Analysts", "Editor", "",
                                 "Acme Ltd.", "Acme Inc", "apple", "PEARſ", "a", "abc", "3 items", "3 ITEMſ"]
    samples += _random_strings("ReporterEditorAnalyst sſ.\n3 items", seed=71)
    for pattern in patterns:
        gated = last_char_gate(pattern)
        for text in samples:
            expected, found = pattern.match(text), gated(text)
            assert (expected and expected.span()) == (found and found.span()), (pattern.pattern[:30], text)
    nullable = re.compile(r"^a?$")
    assert last_char_gate(nullable) == nullable.match  # may end with any character: no gate
    unanchored = re.compile(r"^reporter")
    assert last_char_gate(unanchored) == unanchored.match


def test_meta_facts_are_the_metadata_calls():
    from workers.stages.clean import metadata as md
    from workers.stages.clean.dates import date_line

    samples = _corpus_lines() + ["By Jane Doe | March 5, 2024", "Posted on May 4, 2020 by Jane Doe", "Source: AP",
                                 "Business reporter", "* Aug. 16, 2020", "Updated 3 June 2024, 10:02 BST"]
    for text in (t for t in samples if len(t) <= 120):
        found = md.byline(text)
        dates = date_line(text) or clean_shapes.list_or_byline_date(text)
        if found is None and (named := clean_metalines._name_then_date(text)):  # "Linda R. - March 12, 2024"
            dates, found = dates or named[0], (named[1], None)
        label = None if found else md.source_label(text)
        role = not found and not label and len(text) <= 60 and v.ROLE_LINE.match(text) is not None
        assert clean_metalines._meta_facts(text) == (dates, found, label, role), text


def test_hint_holds_for_every_paywall_and_legal_phrase():
    # sections._hint is a prefilter: every text LEGAL_PARAGRAPH or PAYWALL matches must pass it
    # ("to view the whole story, register"; "This release contains forward-looking information")
    from re import _parser

    for pattern in (v.LEGAL_PARAGRAPH, v.PAYWALL):
        for phrase in _expand(_parser.parse(pattern.pattern, pattern.flags)):
            for text in (phrase, phrase.upper(), phrase.title()):
                assert sections._hint(text), text


def test_word_before_a_sentence_end_is_the_regex():
    from workers.stages.clean import blocks

    rng = random.Random(83)
    alphabet = "ab. !?…”)\u00a0\tJU"
    texts = _corpus_lines() + ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80))) for _ in range(5000)]
    for text in texts:
        start = 0
        for match in blocks._SENTENCE_END.finditer(text):
            slow = blocks._WORD_BEFORE.search(text, start, match.start())
            fast = text[start : match.start()].rsplit(None, 1)
            assert (slow.group(1) if slow else None) == (fast[-1] if fast else None), repr(text)
            start = match.end() if rng.random() < 0.5 else start


def test_language_model_in_float32_scores_as_the_shipped_one():
    # language._identifier keeps py3langid's weights as float32: every score must be the same, bit for bit
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from workers.stages.clean import language

    shipped = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ours = language._identifier()
    assert ours.nb_ptc.dtype.name == "float32" and shipped.nb_ptc.dtype.name == "float16"
    texts = [p.read_text(encoding="utf-8")[:400] for p in sorted((REPO / "seeds").glob("*.txt"))]
    texts += _corpus_lines()[:300] + ["Der Bundestag hat am Donnerstag das Gesetz beschlossen.", "Le gouvernement a annoncé",
                                      "El presidente dijo que", "Президент заявил", "東京で会議が開かれた。", "", "a", "ſ\u0301"]
    for text in texts:
        assert ours.rank(text) == shipped.rank(text), text[:40]


def test_class_first_block_patterns_are_the_rules():
    # blocks._MENU_CANDIDATE and _CAPITALISED start with a character class (the engine then skips ahead);
    # they must find what the rules as written (a leading lookbehind) find
    from workers.stages.clean import blocks

    rng = random.Random(89)
    alphabet = "AbZ c|•-›&x\u00a0\t.É"
    samples = _corpus_lines() + ["Home News Sport Weather Business Culture Travel", "a Home | News | Sport | Weather | Video"]
    samples += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60))) for _ in range(20000)]
    samples += [" ".join(rng.choice(["Home", "News", "|", "a", "Sport", "&", "x.", "É"]) for _ in range(rng.randint(0, 14)))
                for _ in range(5000)]
    for rule, fast in ((blocks._MENU_CANDIDATE_RULE, blocks._MENU_CANDIDATE), (blocks._CAPITALISED_RULE, blocks._CAPITALISED)):
        rule = re.compile(rule)
        for text in samples:
            assert [m.span() for m in rule.finditer(text)] == [m.span() for m in fast.finditer(text)], repr(text)


def test_date_label_prefix_is_possessive_only_where_giving_back_cannot_help():
    # dates._LABEL_WORDS reads its leading punctuation possessively ([\W_]{0,3}+): exact only because
    # no label word can start with a character [\W_] matches (under IGNORECASE too)
    from re import _parser

    from workers.stages.clean import dates
    from workers.stages.clean.fastmatch import first_chars

    items = list(_parser.parse(dates._LABEL_WORDS, re.IGNORECASE))
    label = next(av[3] for op, av in items if op is _parser.SUBPATTERN and av[0] == 1)
    found, nullable = first_chars(label)
    assert found and not nullable
    for char in found:
        twins = {char, char.lower(), char.upper(), char.casefold()}
        assert all(re.match(r"[\W_]", c) is None for c in twins), char
    greedy = dates._LABEL_WORDS.replace(r"^[\W_]{0,3}+", r"^[\W_]{0,3}", 1)
    assert greedy != dates._LABEL_WORDS
    rng = random.Random(97)
    alphabet = "*•-_ .:(\u00a0Pp"
    samples = _corpus_lines() + ["* Posted on", "--- Updated:", "_Published", "((( Dated 3 May 2024", "....Posted"]
    samples += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 5))) + rng.choice(["Posted: 3 May 2024", "updated",
                "Last modified on", "Stand"]) for _ in range(3000)]
    for fast, tail in ((dates.LABEL, r"[:\-–—]?\s*(?P<rest>.{4,100})$"), (dates.BARE_LABEL, r"(?P<colon>[:\-–—]?)\s*$")):
        slow = re.compile(greedy + tail, re.IGNORECASE)
        assert fast.pattern == dates._LABEL_WORDS + tail
        for text in samples:
            a, b = fast.match(text), slow.match(text)
            assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict())), repr(text)


def test_required_literals_are_held_by_every_match():
    from re import _parser

    from workers.stages.clean.fastmatch import required_literals

    def literals(source, flags=re.IGNORECASE):
        return required_literals(_parser.parse(source, flags))

    assert literals(r"\bsign up (?:for|to)") == {"sign up "}
    assert literals(r"(?:update|upgrade) your browser") == {" your browser"}
    assert literals(r"(?:we|i) (?:earn|get) commissions?\b") == {" commission"}
    assert literals(r"(?:cookie|privacy) (?:policy|notice)") == {"cookie", "privacy"}
    assert literals(r"(?:cookie|\d+) policy") == {" policy"}
    assert literals(r"(?:ab|\d)") is None and literals(r"[a-z]+") is None and literals("©") is None and literals("©x") == {"x"}
    assert literals(r"(?-i:Ab)c") == {"ab"} and literals(r"(?:x)?yz") == {"yz"} and literals(r"(?:no)+") == {"no"}


def _sample_match(items, rng) -> str:
    """A random string the parsed sequence is likely to match (classes and categories read loosely)."""
    from re import _constants as C  # noqa: N812 - the parser's own names

    out = []
    for op, av in items:
        if op is C.LITERAL:
            out.append(chr(av))
        elif op is C.IN:
            kind, value = next(((k, x) for k, x in av if k in (C.LITERAL, C.RANGE)), (None, None))
            out.append(chr(value) if kind is C.LITERAL else chr(value[0]) if kind is C.RANGE else
                       "a" if any(x == C.CATEGORY_WORD for _, x in av) else " ")
        elif op is C.SUBPATTERN:
            out.append(_sample_match(av[3], rng))
        elif op is C.BRANCH:
            out.append(_sample_match(rng.choice(av[1]), rng))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            out += [_sample_match(av[2], rng) for _ in range(rng.randint(av[0], min(av[1], av[0] + 2)))]
        elif op is C.CATEGORY or op is C.ANY:
            out.append("a")
        elif op is C.NOT_LITERAL:
            out.append("x")
    return "".join(out)


def _phrase_samples(pattern: re.Pattern, seed: int) -> list[str]:
    """Corpus lines and the pattern's own phrases in other words, cased at random, some with a case twin."""
    from re import _parser

    rng = random.Random(seed)
    parsed = _parser.parse(pattern.pattern, pattern.flags)
    filler = ["the", "a", "We", "is", ".", ",", "-", "LLC", "3", "İ", "ı", "ſ", "comment", "your", "editor"]
    out = _corpus_lines()
    for _ in range(4000):
        phrase = _sample_match(parsed, rng)
        phrase = {0: phrase.upper(), 1: phrase.title(), 2: phrase.replace("i", "ı").replace("s", "ſ")}.get(rng.randrange(8), phrase)
        left = " ".join(rng.choice(filler) for _ in range(rng.randint(0, 5)))
        right = " ".join(rng.choice(filler) for _ in range(rng.randint(0, 5)))
        out.append(f"{left} {phrase} {right}" if rng.random() < 0.8 else left + phrase + right)
    return out


@pytest.mark.parametrize("name", ["SITE_NOTICE", "PROMO", "PAYWALL", "COOKIE_CONTEXT"])
def test_literal_search_gives_the_same_match(name):
    from workers.stages.clean.fastmatch import literal_search

    pattern = getattr(v, name)
    fast = literal_search(pattern, v.CASE_TWINS)
    assert fast != pattern.search  # the pattern has the \b(?:...) shape the shortcut reads
    hits = 0
    for text in _phrase_samples(pattern, seed=len(name)):
        slow = pattern.search(text)
        hits += slow is not None
        assert (m.span() if (m := fast(text)) else None) == (slow.span() if slow else None), text
    assert hits > 1000  # the samples reach the patterns' branches


def test_literal_search_keeps_other_shapes_whole():
    from workers.stages.clean.fastmatch import literal_search

    for source in (r"(?:a|b)c", r"\b(?:(a)|b)", r"^(?:ab|cd)"):
        pattern = re.compile(source, re.IGNORECASE)
        assert literal_search(pattern, v.CASE_TWINS) == pattern.search


def test_content_words_are_the_long_word_regex():
    from workers.stages.clean import metadata as md

    alphabet = "abZ09_ -.,’'“é\u00a0ßİſ中!"
    for text in _random_strings(alphabet, seed=101) + _corpus_lines() + ["", "ab abc", "don’t stop", "x_yz 中文字 a1b"]:
        assert md.content_words(text) == set(re.findall(r"\w{3,}", text.casefold())) - v.STOPWORDS, repr(text)


def test_glued_date_holds_a_comma_and_space():
    # clean_metalines._meta_facts tries _GLUED_DATE only on a line holding ", ": the pattern's lookahead needs it
    from re import _constants as C  # noqa: N812 - the parser's own names
    from re import _parser


    items = list(_parser.parse(clean_metalines._GLUED_DATE.pattern, clean_metalines._GLUED_DATE.flags))
    ahead = [av[1] for op, av in items if op is C.ASSERT and av[0] == 1]
    assert len(ahead) == 1
    body = list(ahead[0])
    assert any(body[i] == (C.LITERAL, ord(",")) and body[i + 1] == (C.LITERAL, ord(" ")) for i in range(len(body) - 1))
    assert clean_metalines._meta_facts("Jane RoeNovember 6, 2023")[1] == ("Jane Roe", None)


def test_byte_scans_are_the_class_regexes_for_every_code_point():
    # normalise._holds_normalised_away / _holds_stripped / _holds_pair look for _NORMALISED_AWAY,
    # _STRIPPED and _C1_UTF8 in the UTF-8 bytes: every code point of the BMP (every 61st above it),
    # between other characters; alone too for the first blocks
    for code in [*range(0x10000), *range(0x10000, 0x110000, 61)]:
        char = chr(code)
        for text in (f"a’{char}“b",) + ((char, f"{char}\u00a0") if code < 0x3000 or code >= 0xD800 else ()):
            assert nz._holds_normalised_away(text) == (nz._NORMALISED_AWAY.search(text) is not None), hex(code)
            assert nz._holds_stripped(nz._controls_and_non_ascii(text)) == (nz._STRIPPED.search(text) is not None), hex(code)
            data = text.encode("utf-8", "surrogatepass")
            assert nz._holds_pair(data, b"\xc2", nz._C1_SECONDS) == (nz._C1_UTF8.search(data) is not None), hex(code)


def test_literal_search_takes_the_leftmost_and_first_branch():
    from workers.stages.clean.fastmatch import literal_search

    pattern = re.compile(r"\b(?:sign up|sign up now|news(?:letters?)?|sign up now today)\b", re.IGNORECASE)
    fast = literal_search(pattern, v.CASE_TWINS)
    assert fast != pattern.search
    for text in ("Sign up now today", "our newsletter: sign up now", "SIGN UP NOW", "signup", "news, newsletters",
                 "ſign up now", "Sİgn up", ""):
        slow = pattern.search(text)
        assert (m.span() if (m := fast(text)) else None) == (slow.span() if slow else None), text


def test_character_class_shortcuts_are_the_regexes():
    # fastmatch.has_digit, lines.has_quotes and the separator test of lines._is_nav_row read ASCII lines
    # without a regex: every code point alone and among other characters, and the corpus lines
    from workers.stages.clean.fastmatch import has_digit

    texts = _corpus_lines() + ["", "a", "12", "a/b", "x > y", "“q”", '"q"', "٣", "a\u00bbb"]
    texts += [f"ab{chr(code)}c" for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF and (code < 0x3000 or code % 7 == 0)]
    for text in texts:
        assert has_digit(text) == (re.search(r"\d", text) is not None), repr(text)
        assert ln.has_quotes(text) == (ln._QUOTE_RE.search(text) is not None), repr(text)
        nav = any(map(text.__contains__, ln._NAV_ASCII)) if text.isascii() else ln._NAV_CHAR.search(text) is not None
        assert nav == (ln._NAV_CHAR.search(text) is not None), repr(text)


# ---- metadata.is_caption: the closing-credit search gated by its literals ----------------------


def _holds_one(items, literals: tuple[str, ...]) -> bool:
    """Every match of a parsed sequence holds one of the lower-case literals (conservative: False when
    unsure): a run of ASCII literal characters holding one, or a group, a repeat of at least one, or an
    alternation whose every branch holds one."""
    from re import _constants as C  # noqa: N812 - the parser's own names

    run = ""
    for op, av in list(items) + [(None, None)]:
        if op is C.LITERAL and av < 128:
            run += chr(av).lower()
            continue
        if any(literal in run for literal in literals):
            return True
        run = ""
        if op is C.SUBPATTERN and _holds_one(av[-1], literals):
            return True
        if op is C.BRANCH and all(_holds_one(branch, literals) for branch in av[1]):
            return True
        if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT) and av[0] >= 1 and _holds_one(av[2], literals):
            return True
    return False


def test_every_closing_credit_match_holds_a_literal():
    from re import _parser

    assert _holds_one(_parser.parse(v.CLOSING_CREDIT.pattern, v.CLOSING_CREDIT.flags), v.CLOSING_CREDIT_LITERALS)
    assert not _holds_one(_parser.parse(r"(?:photo|x)s?", 0), v.CLOSING_CREDIT_LITERALS)  # the check can fail


def test_closing_credit_gate_is_the_search():
    from workers.stages.clean import metadata as md

    samples = _corpus_lines() + [
        'Fans hold a banner reading "Thank you" on Sunday. (Photo: Jane Doe)', '"Go" (Jane Doe/Reuters)',
        'A "quoted" line. Getty Images', 'A "quoted" line. PİCTURE: Jane Doe', 'A "quoted" line (Jane Doe / The Gazette).',
        '"We won," she said.', 'A "quoted" line. Image credit: Acme', 'He said "yes" / AP', "ımage: x", "",
    ] + _random_strings("aAPphotimgecrdtyG/()\": ı", seed=61)
    for text in samples:
        assert md._closing_credit(text) == (v.CLOSING_CREDIT.search(text) is not None), text


def test_list_item_row_is_the_union_s_list_item_row():
    names = [name for name, _, _ in ln._ANCHORED_ROWS]
    assert set(names[:len(ln._LIST_ITEM_ROWS)]) == ln._LIST_ITEM_ROWS  # the list-item rows come first
    samples = _corpus_lines() + _list_item_lines() + _random_strings("AaboutCcomments#-30 ends(Reporting by)ſ:|", seed=67)
    samples += ["12 comments", "Tags: news", "Tags: " + "a" * 290, "Loading comments...", "About Acme Corp", "-30-",
                "(Reporting by Jane Doe)", "Comments" + " " * 80]
    for text in samples:
        row = ln._ANCHORED_ROW(text)
        assert ln._LIST_ITEM_ROW(text) == (row if row in ln._LIST_ITEM_ROWS else None), text


def test_heading_kind_is_the_row_name_s_kind():
    samples = _corpus_lines() + ["Related stories", "Related stories …", "Comments", "Sign up for our newsletter",
                                 "Most read", "x" * 200]
    for text in samples:
        m = sections._ANY_HEADING.match(text) if len(text) <= sections._HEADING_MAX_CHARS else None
        expected = m.lastgroup.rsplit("_", 1)[0] if m else None
        assert sections.heading_kind(text) == expected, text
        if expected:
            assert sections.line_kind(text) == expected, text


# ---- the memo of classified lines kept across documents (lines.classify) -------------------------

_LINE_FIELDS = ("text", "n", "terminal", "stop", "kind", "reason", "score", "hard_end")


def _fields(line: ln.Line) -> tuple:
    return tuple(getattr(line, name) for name in _LINE_FIELDS)


def _classify_slow(texts: list[str]) -> list[tuple]:
    """classify as it was written before the memo: every text classified on its own, a short line's
    score -6 where the page holds its case-folded text twice or more."""
    counts = {}
    for text in texts:
        if len(text) <= 80:
            counts[text.casefold()] = counts.get(text.casefold(), 0) + 1
    out = []
    for text in texts:
        line = ln._line(text)
        fields = _fields(line)
        if line.repeatable and counts[text.casefold()] > 1:
            fields = fields[:6] + (-6.0,) + fields[7:]
        out.append(fields)
    return out


def _page_samples() -> list[list[str]]:
    """Invented pages: chrome lines that repeat across them and within them (in other cases too), prose,
    roster and figure-label lines, a line past the memo's length."""
    chrome = ["Share this", "SHARE THIS", "Blue garden notes", "BLUE GARDEN NOTES", "Advertisement", "Home | News | Sport", "Most read", "Sign in",
              "Follow us on Twitter", "© 2024 Example Media. All rights reserved.", "$915", "13.0%", "* Home"]
    prose = ["The council voted on Tuesday to close the old bridge after engineers found cracks in two of its piers.",
             "Residents said the detour would add twenty minutes to their daily drive into town.",
             "Team: Ward; Clarke, Osei, Patel; Moore, Reed, Shaw, Tate; Vance, West, Young",
             "A long line " + "of words that keeps going " * 20 + "and ends."]
    rng = random.Random(67)
    pages = []
    for _ in range(60):
        page = rng.sample(chrome, 5) + rng.sample(prose, 2) + rng.sample(_corpus_lines(), 20)
        page += rng.sample(chrome, 3)  # some twice on the page
        rng.shuffle(page)
        pages.append(page)
    return pages


def test_classify_with_the_memo_is_each_text_classified_alone():
    pages = _page_samples()
    for warm in (False, True):  # the memo empty before each page, and kept across all of them
        ln.clear_line_memo()
        for page in pages:
            if not warm:
                ln.clear_line_memo()
            assert [_fields(line) for line in ln.classify(page)] == _classify_slow(page)
    hits, misses, held = ln.line_memo_info()
    assert hits > 0 and held <= ln.LINE_MEMO_SIZE


def test_identical_texts_share_one_line_and_its_twin_keeps_the_repeated_score():
    ln.clear_line_memo()
    alone = ln.classify(["Blue garden notes", "The end of the page."])[0]
    twice = ln.classify(["Blue garden notes", "x", "BLUE GARDEN NOTES"])
    assert alone.repeatable and alone.score == -3.0
    assert twice[0] is not alone and twice[0].score == -6.0 and twice[0] is alone.twin
    assert ln.classify(["Blue garden notes", "blue garden notes"])[0] is alone.twin  # made once, kept on the line
    page = ln.classify(["Sign in", "Sign in", "Blue garden notes"])
    assert page[0] is page[1] and page[2] is alone


def test_line_kinds_and_meta_facts_kept_on_the_line_are_the_calls():

    texts = [t for page in _page_samples() for t in page] + ["Related stories", "Comments", "By Jane Doe | March 5, 2024"]
    ln.clear_line_memo()
    for _ in range(2):  # the second time every short line comes from the memo, its facts already asked
        lines = ln.classify(texts)
        assert sections.line_kinds(lines) == [sections.line_kind(t) if line.n <= 150 else None
                                              for t, line in zip(texts, lines)]
        for line in lines:
            if len(line.text) <= 120:
                if line.meta is ln.UNASKED:
                    line.meta = clean_metalines._meta_facts(line.text)
                assert line.meta == clean_metalines._meta_facts(line.text), line.text


def test_line_memo_holds_only_short_lines_and_stays_bounded():
    ln.clear_line_memo()
    long_line = "A sentence of the article that runs on " + "and on " * 50 + "to its end."
    assert len(long_line) > ln.LINE_MEMO_MAX_CHARS
    ln.classify([long_line, "Blue garden notes"])
    ln.classify([long_line, "Blue garden notes"])
    hits, misses, held = ln.line_memo_info()
    assert (hits, misses, held) == (1, 1, 1)  # the short line asked twice, the long one never memoised
    assert ln._known_line.cache_info().maxsize == ln.LINE_MEMO_SIZE


# ---- dates.date_line: relative() is asked before parse_date() ------------------------------------------


def test_no_relative_text_is_a_date_to_parse_date():
    """date_line asks dates.relative first (speed): exact only while parse_date reads no text that
    RELATIVE matches; a sample of numbers (all one- and two-digit ones with a unit each, and three-digit
    ones) with every unit, spacing and case (the full grid of 56,060 texts was checked once)."""
    from workers.stages.clean import dates

    units = "s secs sec seconds second m mins min minutes minute h hrs hr hours hour d days day w wks wk weeks week".split()
    rng = random.Random(37)
    numbers = [str(i) for i in range(32)] + ["00", "07", "12", "31", "59", "99", "000", "031", "123", "365", "999"]
    texts = []
    for k, number in enumerate(numbers):
        for unit in units:
            gap = rng.choice(["", " ", "  ", "\t"])
            unit = rng.choice([unit, unit.upper(), unit.title()])
            texts.append(f"{number}{gap}{unit} {rng.choice(['ago', 'AGO', 'Ago'])}{rng.choice(['', '.', ' |'])}")
    texts = rng.sample(texts, 400)
    for text in texts:
        assert dates.relative(text) is not None, text
        assert dates.parse_date.__wrapped__(text) is None, text
    assert dates.date_line("Updated 3 hours ago") == (None, "-PT3H")
    assert dates.date_line("Posted 2 days ago | 3 March 2024") == ("-P2D", None)


def test_date_line_parts_are_the_part_split():
    from workers.stages.clean import dates

    samples = _corpus_lines() + ["Posted: Mar 16, 2024 | 11:30 AM", "Mon 20 Jan 2020 06.05 GMT Last modified on Mon 20 Jan 2020",
                                 "Page/Name (last edited 2019-11-10 13:28:18 by jdoe)", "This page was last edited on 10 May",
                                 "3 June 2024  Updated 4 June", "May 4, 2020 - Updated May 5", "May 4 2020 LAST UPDATED May 5",
                                 "Published 5 March 2024 Updated 6 March 2024", "March 5, 2024 7:02 AM GMT+1 Updated 3 hours ago",
                                 "5 May 2020 MODIFIED 6 May"]
    samples += _random_strings("aLlAsStT 1(-|\t 9:", count=20000, seed=41)
    samples += ["".join(random.Random(n).choice(["last ", "Last", "LAST", "updated", "Updated", "MODIFIED", "modified", "edited", " ", "  ", "(", "-", "|",
                                                 "\t", "3 ", "A ", "x", "ſ"]) for _ in range(6)) for n in range(5000)]
    for text in samples:
        assert dates._parts(text) == dates._PART_SPLIT.split(text), repr(text)
    assert any(len(dates._parts(text)) > 1 for text in samples) and any(dates._parts(text) == [text] for text in samples)


def test_a_month_and_year_alone_is_no_date_to_dateparser():
    """dates.parse_date says None for a month and a year alone (dates._MONTH_YEAR) without asking
    dateparser: exact only while dateparser, day, month and year required, reads none as a date; a
    sample of every month form with years (16,936 texts were checked once)."""
    from workers.stages.clean import dates

    rng = random.Random(43)
    forms = ("january february march april may june july august september october november december jan feb mar apr "
             "jun jul aug sep sept oct nov dec sepember").split()
    texts = [f"{rng.choice([m, m.title(), m.upper()])}{rng.choice(['', '.'])}{rng.choice([' ', '  ', chr(9)])}"
             f"{rng.choice([rng.randint(1900, 2100), rng.randint(0, 9999)]):04d}" for m in forms for _ in range(8)]
    parser = dates._date_parser()
    for text in texts:
        assert dates._MONTH_YEAR.match(text), text
        data = parser.get_date_data(text)
        assert data is None or data.date_obj is None, text
        assert dates.parse_date(text) is None
    assert dates.parse_date("November 20, 2020") == "2020-11-20" and not dates._MONTH_YEAR.match("5 November 2020")


# ---- dates.date_line: the cheap refusals before its cache --------------------------------------


def test_date_line_gate_keeps_other_lines_out_of_the_cache():
    from workers.stages.clean import dates

    dates.clear_caches()
    for text in ("Home News Sport", "x" * 121 + " 5 May 2024", "Posted on", ""):
        assert dates.date_line(text) is None
    assert dates._date_line.cache_info().currsize == 0
    assert dates.date_line("Posted on May 4, 2020") == dates._date_line.__wrapped__("Posted on May 4, 2020")
    assert dates._date_line.cache_info().currsize == 1
    for text in (t for t in _corpus_lines() if len(t) <= dates.MAX_DATE_LINE and dates._DIGIT.search(t)):
        assert dates.date_line(text) == dates._date_line.__wrapped__(text), text


def test_clear_caches_empties_both_date_caches():
    from workers.stages.clean import dates

    dates.parse_date("March 4, 2021")
    dates.date_line("Posted on March 4, 2021")
    assert dates.parse_date.cache_info().currsize > 0 and dates._date_line.cache_info().currsize > 0
    dates.clear_caches()
    assert dates.parse_date.cache_info().currsize == 0 and dates._date_line.cache_info().currsize == 0


# ---- the types mypyc compiles Line with (scripts/compile_clean.sh) -----------------------------------


def test_every_line_slot_has_a_declared_type():
    """mypyc builds Line as a native class from its annotations: a slot without one would be an
    attribute the compiled class refuses; an annotation without a slot, memory the Python class spends."""
    if not ln.__file__.endswith(".py"):
        pytest.skip("lines compiled by mypyc: Line is a native class, its attributes are its annotations")
    assert set(ln.Line.__annotations__) == set(ln.Line.__slots__)


# ---- lines._teaser_tail: a full stop refused before the regex ------------------------------------


def test_teaser_tail_full_stop_shortcut_is_exact():
    tails = ["New treatments are coming. Read now", "It rained... more", "The vote is close. Read more »",
             "The vote is close. Read more...", "A long day… more…", "Ends here.", "Ends here...", "Read more."]
    samples = _corpus_lines() + tails + _random_strings("Readmoorw. …»", seed=73)
    for text in samples:
        slow = len(text) <= ln._TEASER_TAIL_MAX_CHARS and text[-1:] in ln._TEASER_TAIL_ENDS \
            and v.TEASER_TAIL.search(text[-40:]) is not None
        assert (ln._teaser_tail(text) == "ui_vocabulary") == slow, text
    assert ln._teaser_tail("The vote is close. Read more...") == "ui_vocabulary"


# ---- listing: the first prose run stops early; _headline and _meta answered from caches ----------


def _listing_pages() -> list[list[str]]:
    from workers.stages.clean.blocks import split_blocks

    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "tests" / "fixtures").rglob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
    return [split_blocks(nz.split_lines(nz.normalise_text(text))) for text in texts]


def test_prose_runs_stopped_at_enough_agree_on_reaching_it():
    from workers.stages.clean import listing

    reached = 0
    for texts in _listing_pages():
        lines, classified = [listing.PageLine(t, None) for t in texts], ln.classify(texts)
        longest, _ = listing._prose_runs(lines, classified, frozenset())
        stopped, _ = listing._prose_runs(lines, classified, frozenset(), listing.ARTICLE_RUN_WORDS)
        assert (stopped >= listing.ARTICLE_RUN_WORDS) == (longest >= listing.ARTICLE_RUN_WORDS)
        assert stopped <= longest and (stopped == longest or stopped >= listing.ARTICLE_RUN_WORDS)
        reached += longest >= listing.ARTICLE_RUN_WORDS
    assert reached > 10  # the fixtures hold articles: the early stop is exercised


def test_listing_cached_line_tests_are_the_uncached_ones():
    from workers.stages.clean import listing

    for texts in _listing_pages():
        for line in ln.classify(texts):
            assert listing._headline(line) == listing._headline_text.__wrapped__(line.text, line.kind)
            assert listing._meta(line) == listing._meta_text.__wrapped__(line.text, line.n, line.kind)
    # the cache key holds the kind: the same text is a headline, and as chrome none
    assert listing._headline_text("Council approves the new budget", ln.SHORT) is True
    assert listing._headline_text("Council approves the new budget", "boilerplate") is False
