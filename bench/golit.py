"""A reader of the Go composite literals that the Go ports of trafilatura and htmldate keep their gold in.

``scripts/comparison/data.go`` of ``github.com/markusmobius/go-trafilatura`` holds its evaluation set as
one map literal, ``map[string]ComparisonEntry{ "URL": {File: "...", With: []string{"...", ...}, ...}, ...}``.
This module reads such a literal as data, token by token (never evaluated): interpreted string literals
with Go's escapes (the Go spec, "String literals": ``\\a \\b \\f \\n \\r \\t \\v \\\\ \\" \\'``, ``\\xNN`` and
three-digit octal bytes, ``\\uXXXX`` and ``\\UXXXXXXXX`` code points), raw (backquoted) string literals,
identifiers, the ``[]string`` slice type and the punctuation ``{ } : , =``.
"""

from __future__ import annotations

import re

_SIMPLE = {"a": b"\a", "b": b"\b", "f": b"\f", "n": b"\n", "r": b"\r", "t": b"\t", "v": b"\v",
           "\\": b"\\", '"': b'"', "'": b"'"}
_TOKEN = re.compile(r'\s+|//[^\n]*|/\*.*?\*/|(?P<str>"(?:[^"\\\n]|\\.)*")|(?P<raw>`[^`]*`)'
                    r'|(?P<type>\[\]string)|(?P<ident>[A-Za-z_][\w.\[\]]*)|(?P<punct>[{}:,=])', re.DOTALL)


def go_string(literal: str) -> str:
    """The value of one interpreted Go string literal, quotes included (``'"a\\"b"'`` -> ``'a"b'``).

    Escaped bytes (``\\xNN``, octal) join the UTF-8 of the text around them and the whole is decoded as
    UTF-8 (invalid bytes as U+FFFD, as Go's range loop reads them). Raises ValueError on a literal
    without its quotes or with an unknown escape."""
    if len(literal) < 2 or literal[0] != '"' or literal[-1] != '"':
        raise ValueError(f"not a Go string literal: {literal[:40]!r}")
    out, body, i = bytearray(), literal[1:-1], 0
    while i < len(body):
        char = body[i]
        if char != "\\":
            out += char.encode("utf-8")
            i += 1
            continue
        kind = body[i + 1: i + 2]
        if kind in _SIMPLE:
            out += _SIMPLE[kind]
            i += 2
        elif kind in ("u", "U"):
            width = 4 if kind == "u" else 8
            out += chr(int(body[i + 2: i + 2 + width], 16)).encode("utf-8")
            i += 2 + width
        elif kind == "x":
            out.append(int(body[i + 2: i + 4], 16))
            i += 4
        elif kind in "01234567" and kind:
            out.append(int(body[i + 1: i + 4], 8))
            i += 4
        else:
            raise ValueError(f"unknown escape \\{kind} in {literal[:40]!r}")
    return out.decode("utf-8", "replace")


def tokens(source: str) -> list[tuple[str, str]]:
    """[(kind, value)] of a Go source text: kinds ``str`` (decoded), ``type``, ``ident``, ``punct``;
    spaces and comments skipped. Raises ValueError at a character no token starts with."""
    found, position = [], 0
    while position < len(source):
        match = _TOKEN.match(source, position)
        if not match:
            raise ValueError(f"unexpected {source[position:position + 30]!r} at {position}")
        position = match.end()
        if match.group("str"):
            found.append(("str", go_string(match.group("str"))))
        elif match.group("raw"):
            found.append(("str", match.group("raw")[1:-1].replace("\r", "")))
        elif match.lastgroup in ("type", "ident", "punct"):
            found.append((match.lastgroup, match.group(0)))
    return found


def string_map(source: str, type_name: str) -> dict[str, dict[str, str | list[str]]]:
    """The map literal ``map[string]TYPE_NAME{...}`` of a Go source as {key: {field: str | [str]}}.

    Only string and ``[]string{...}`` field values are read (the gold sets hold nothing else); raises
    ValueError when the literal is missing or holds anything else."""
    items = tokens(source)
    start = next((i for i, (kind, value) in enumerate(items)
                  if kind == "ident" and value == f"map[string]{type_name}"), None)
    if start is None or items[start + 1] != ("punct", "{"):
        raise ValueError(f"no map[string]{type_name} literal")
    entries, i = {}, start + 2
    while items[i] != ("punct", "}"):
        key, i = _expect(items, i, "str"), i + 1
        _expect(items, i, "punct", ":"), _expect(items, i + 1, "punct", "{")
        entry, i = {}, i + 2
        while items[i] != ("punct", "}"):
            field = _expect(items, i, "ident")
            _expect(items, i + 1, "punct", ":")
            entry[field], i = _value(items, i + 2)
            i += items[i] == ("punct", ",")
        entries[key] = entry
        i += 1
        i += items[i] == ("punct", ",")
    return entries


def _value(items, i) -> tuple[str | list[str], int]:
    """(value, index after it) of a string or ``[]string{...}`` at items[i]."""
    if items[i][0] == "str":
        return items[i][1], i + 1
    _expect(items, i, "type"), _expect(items, i + 1, "punct", "{")
    values, i = [], i + 2
    while items[i] != ("punct", "}"):
        values.append(_expect(items, i, "str"))
        i += 1
        i += items[i] == ("punct", ",")
    return values, i + 1


def _expect(items, i, kind, value=None) -> str:
    if i >= len(items) or items[i][0] != kind or (value is not None and items[i][1] != value):
        got = items[i] if i < len(items) else "the end"
        raise ValueError(f"expected {kind} {value or ''} at token {i}, got {got!r}")
    return items[i][1]
