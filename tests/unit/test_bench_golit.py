"""bench.golit: Go string literals and map literals read as data (the multilingual set's gold)."""

import pytest

from bench.golit import go_string, string_map, tokens


@pytest.mark.parametrize("literal, value", [
    ('"plain"', "plain"),
    ('"say \\"hi\\""', 'say "hi"'),
    ('"back\\\\slash"', "back\\slash"),
    ('"two\\nlines\\ttab"', "two\nlines\ttab"),
    ('"\\u00fcber \\u6b66\\u6c49"', "über 武汉"),
    ('"\\U0001F600"', "\U0001F600"),
    ('"caf\\xc3\\xa9"', "café"),  # escaped bytes join into UTF-8
    ('"caf\\303\\251"', "café"),  # octal bytes
    ('"B\\xfcro"', "B\ufffdro"),  # an invalid byte reads as U+FFFD, as in Go
    ('"völlig"', "völlig"),
    ('""', ""),
])
def test_go_string_decodes_the_escapes_of_the_go_spec(literal, value):
    assert go_string(literal) == value


@pytest.mark.parametrize("literal", ['"bad \\q escape"', "no quotes", '"'])
def test_go_string_refuses_what_is_not_a_literal(literal):
    with pytest.raises(ValueError):
        go_string(literal)


def test_tokens_read_raw_strings_and_skip_comments():
    found = tokens('x = `raw \\n "kept"` // note\n/* block */ []string{"a",}')
    assert found == [("ident", "x"), ("punct", "="), ("str", 'raw \\n "kept"'), ("type", "[]string"),
                     ("punct", "{"), ("str", "a"), ("punct", ","), ("punct", "}")]


SOURCE = '''package main

type Entry struct {
	File    string   `json:"file"`
	With    []string `json:"with"`
}

var data = map[string]Entry{
	"https://a.example/x": {
		File:    "a.html",
		With:    []string{"Er sagte: \\"Nein\\"", "zwei"},
		Without: []string{},
	},
	"https://b.example/y": {File: "b.html", Title: "Titel"},
}
'''


def test_string_map_reads_fields_and_string_slices():
    assert string_map(SOURCE, "Entry") == {
        "https://a.example/x": {"File": "a.html", "With": ['Er sagte: "Nein"', "zwei"], "Without": []},
        "https://b.example/y": {"File": "b.html", "Title": "Titel"},
    }


def test_string_map_refuses_a_missing_literal_or_other_values():
    with pytest.raises(ValueError):
        string_map(SOURCE, "Other")
    with pytest.raises(ValueError):
        string_map('var d = map[string]Entry{"k": {Count: 3}}', "Entry")
