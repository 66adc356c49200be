"""What `newsfeed enrich` (and the replayer) make of odd inputs: JSON record files, stdin, empty
folders, compressed and legacy-charset files. No broker and no model: the input side only, and the
CLI's errors, which come before the stages load."""

from __future__ import annotations

import gzip
import io
import json

import orjson
import pytest
from click.testing import CliRunner

from workers.cli import main
from workers.decoding import decode_bytes
from workers.records import validate
from workers.replay import Failure, Message, collect, iter_inputs
from workers.stages import clean
from workers.stages.errors import StageError

PAGE = (
    "Harbour board backs channel dredging\n\n"
    "The harbour board voted on Tuesday to dredge the main channel before the autumn storms.\n\n"
    "The work will cost about two million and take six weeks, the board's chair said.\n"
)


def _items(path) -> list:
    return collect([str(path)])


def _fields(item) -> tuple:
    if isinstance(item, Failure):
        return ("failure", item.key, item.code)
    record = orjson.loads(item.value)
    return ("record", item.key, record["content"])


# --- .json files: decided by what they hold --------------------------------------------------------
@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ({"id": "a-1", "content": PAGE}, [("record", "a-1", PAGE)]),  # a raw record keeps its id
        ({"content": PAGE}, [("record", "doc", PAGE)]),  # no id: the file's name
        ([{"id": "a", "content": "one"}, {"content": "two"}], [("record", "a", "one"), ("record", "doc-2", "two")]),
        ({"id": 7, "content": PAGE}, [("record", None, PAGE)]),  # a wrong id is kept: the worker dead-letters it
        ({"id": "x", "title": "no content here"}, [("failure", "x", "schema_violation")]),
        ({"id": "x", "content": 42}, [("failure", "x", "schema_violation")]),
        ([{"id": "a", "content": "one"}, 7], [("record", "a", "one"), ("failure", "doc-2", "schema_violation")]),
        ([], [("failure", "doc", "schema_violation")]),
        ("just a string", [("failure", "doc", "not_json")]),
    ],
)
def test_a_json_file_is_a_raw_record_a_list_of_them_or_an_error(tmp_path, document, expected):
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(document, indent=1), encoding="utf-8")
    items = _items(path)
    assert [_fields(item) for item in items] == expected
    for item in items:
        if isinstance(item, Message) and item.key is not None:
            validate("raw", orjson.loads(item.value))


def test_a_json_file_without_content_says_which_file_and_what_is_missing(tmp_path):
    path = tmp_path / "story.json"
    path.write_text('{"id": "s-9", "headline": "Ferry fares rise", "text": "..."}', encoding="utf-8")
    [failure] = _items(path)
    assert failure.origin == str(path)
    assert "`content`" in failure.reason and "headline, id, text" in failure.reason


def test_a_json_file_that_holds_no_record_keeps_what_it_held_in_the_dead_letter(tmp_path):
    """enrich's rejected record for such a file carries the file's text as its payload (the README:
    "the message as received"), and an empty .json says it is empty."""
    held = '{"id": "s-9", "headline": "Ferry fares rise"}'
    (tmp_path / "story.json").write_text(held, encoding="utf-8")
    (tmp_path / "blank.json").write_text("\n", encoding="utf-8")
    out = CliRunner().invoke(main, ["enrich", str(tmp_path / "story.json"), str(tmp_path / "blank.json")])
    story, blank = [orjson.loads(line) for line in out.output.splitlines()]
    assert story["status"] == "rejected" and orjson.loads(story["payload"]) == orjson.loads(held)
    assert blank["error"]["code"] == "not_json" and "it is empty" in blank["error"]["message"]
    validate("rejected", story)


def test_a_content_of_the_wrong_type_is_named(tmp_path):
    path = tmp_path / "typed.json"
    path.write_text('{"id": "t", "content": 5}', encoding="utf-8")
    [failure] = _items(path)
    assert "`content` as a string (it is a JSON int)" in failure.reason


def test_a_bad_json_line_is_named_by_file_and_line(tmp_path):
    """A dead letter read from a file has no Kafka origin: its message starts with FILE:LINE."""
    path = tmp_path / "lines.jsonl"
    path.write_text('{"id": "a", "content": 5}\nnot json\n', encoding="utf-8")
    out = CliRunner().invoke(main, ["enrich", str(path)])
    typed, broken = [orjson.loads(line) for line in out.output.splitlines()]
    assert typed["error"]["message"].startswith(f"{path}:1: ") and broken["error"]["message"].startswith(f"{path}:2: not JSON")
    assert broken["error"]["code"] == "not_json"


def test_a_json_file_that_is_not_json_is_an_error_not_a_page(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"id": "b", "content": "cut off', encoding="utf-8")
    [failure] = _items(path)
    assert (failure.code, failure.key) == ("not_json", "broken") and failure.reason.startswith("not JSON (")


@pytest.mark.parametrize(
    ("name", "text", "is_record"),
    [
        ("dump.txt", '{"id": "r", "content": "A page."}', True),  # a record saved as .txt: still the record
        ("dump.txt", '{"name": "a config file", "size": 3}', False),  # JSON, but no record: the page it was
        ("dump.txt", "[1, 2, 3]", False),
        ("page.html", '{"id": "r", "content": "A page."}', False),  # .html is a page, whatever it holds
    ],
)
def test_other_files_are_records_only_when_their_json_is_one(tmp_path, name, text, is_record):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    [item] = _items(path)
    record = orjson.loads(item.value)
    assert (record["content"] == "A page.") is is_record
    if not is_record:
        assert record["content"] == text


# --- stdin ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", []),
        (b"\n \n", []),
        (PAGE.encode(), [("record", "stdin", PAGE)]),  # a page piped in is one article, not a line each
        (b'{"id": "l1", "content": "one"}\n{"id": "l2", "content": "two"}\n',
         [("record", "l1", "one"), ("record", "l2", "two")]),
        (b'{\n  "id": "p",\n  "content": "pretty"\n}\n', [("record", "p", "pretty")]),  # pretty-printed
        (b'[{"content": "first"}, {"id": "b", "content": "second"}]', [("record", "stdin-1", "first"), ("record", "b", "second")]),
        (b"\x1f\x8b\x08\x00\x00\x00", [("failure", "stdin", "not_text")]),
    ],
)
def test_stdin_is_json_lines_a_json_document_or_one_page(data, expected):
    assert [_fields(item) for item in collect(["-"], stdin=io.BytesIO(data))] == expected


def test_stdin_json_lines_still_send_a_broken_line_as_it_stands():
    data = b'{broken\n{"id": "l1", "content": "one"}\n'
    items = collect(["-"], stdin=io.BytesIO(data))
    assert [(item.key, item.value, item.origin) for item in items] == [
        (None, b"{broken", "-:1"), ("l1", b'{"id": "l1", "content": "one"}', "-:2")]


def test_html_on_stdin_is_sent_as_html():
    [item] = collect(["-"], stdin=io.BytesIO(b"<html><body><p>A page.</p></body></html>"))
    assert orjson.loads(item.value)["content_type"] == "text/html"


# --- files: compressed, legacy charsets, empty ---------------------------------------------------------
def test_a_gzip_file_is_refused_with_a_hint_to_unpack_it(tmp_path):
    path = tmp_path / "page.txt.gz"
    path.write_bytes(gzip.compress(PAGE.encode()))
    [failure] = _items(path)
    assert (failure.code, failure.key) == ("not_text", "page.txt") and "unpack it first" in failure.reason
    assert failure.payload == path.read_bytes()  # the dead letter keeps the bytes (base64 in the record)


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("Café owners say the pavement fees will cost them dearly, said René, who runs a crêperie.", "latin-1"),
        ("Zoë Lefèvre, who runs the café, said the new fees were “unfair” to the traders.", "cp1252"),
        ("Zażółć gęślą jaźń, powiedział Paweł w środę; Łódź i Kraków też.", "cp1250"),  # a tie not taken
        # short texts where charset-normalizer ties a wrong Latin code page with the right one: the wrong
        # one's words are all accented letters ("Ďđčâĺň ěčđ") or mix scripts
        ("Привет мир", "cp1251"),
        ("Цена: 100 руб.", "cp1251"),
        ("Ελληνικά νέα", "cp1253"),
    ],
)
def test_short_legacy_text_is_decoded_right(text, codec):
    assert decode_bytes(text.encode(codec)).text == text


@pytest.mark.parametrize(
    ("text", "implausible"),
    [("Café au lait", 0), ("naïve façade", 0), ("Привет мир", 0), ("Ďđčâĺň ěčđ", 2), ("Cafй au lait", 1),
     ("été où", 0), ("Öåíà: 100 ðóá.", 2)],
)
def test_implausible_words(text, implausible):
    from workers.decoding import _implausible_words

    assert _implausible_words(text) == implausible


def test_empty_content_is_rejected_saying_so():
    with pytest.raises(StageError, match="the content is empty") as caught:
        clean.clean({"id": "e", "content": "", "content_type": "text/plain"})
    assert caught.value.code == "empty_after_clean"
    with pytest.raises(StageError, match="only white space"):
        clean.clean({"id": "e", "content": " \n\t\n", "content_type": "text/plain"})


def test_an_empty_folder_is_a_clear_error_for_the_input_side(tmp_path):
    from workers.replay import check_paths

    (tmp_path / ".hidden").write_text("x")
    with pytest.raises(FileNotFoundError, match="no files in folder"):
        check_paths([str(tmp_path)])
    assert list(iter_inputs([str(tmp_path)])) == []


# --- the CLI's one-line errors (raised before the stages load) ---------------------------------------
@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["{missing}"], b"", "no such file or folder: {missing}"),
        (["{empty_dir}"], b"", "no files in folder: {empty_dir}"),
        (["-"], b"", "nothing to enrich: stdin held no article"),
        (["-"], b"\n\n", "nothing to enrich: stdin held no article"),
    ],
)
def test_enrich_cli_errors_are_one_line(tmp_path, args, stdin, message):
    (tmp_path / "empty").mkdir()
    names = {"missing": str(tmp_path / "gone.txt"), "empty_dir": str(tmp_path / "empty")}
    result = CliRunner().invoke(main, ["enrich", *(a.format(**names) for a in args)], input=stdin)
    assert result.exit_code == 1
    [line] = result.output.strip().splitlines()
    assert line.startswith(f"Error: {message.format(**names)}")


# --- `--format pretty` (tail.render): what a reader sees -----------------------------------------------
def _panel(record: dict) -> str:
    from rich.console import Console

    from workers.tail import render

    console = Console(record=True, width=200, color_system=None)
    render(console, orjson.dumps(record))
    return console.export_text()


ARTICLE = {
    "schema_version": 1, "id": "a1", "status": "enriched", "title": "Ferry fares rise",
    "dateline": "PORTREE", "byline": "Ana Ruiz and Tom Bell", "authors": ["Ana Ruiz", "Tom Bell"],
    "published_at": "2024-03-05T09:15:00-07:00", "published_at_utc": "2024-03-05T16:15:00Z",
    "fetched_at": "2024-03-06T10:00:00+00:00", "fetched_at_estimated": True, "story_id": "a1",
    "body": "Fares rise in May.",
}


@pytest.mark.parametrize(
    ("fields", "shown"),
    [
        ({}, ["dateline: PORTREE", "byline: Ana Ruiz and Tom Bell", "authors: Ana Ruiz · Tom Bell (2 authors)",
              "published_at: 2024-03-05T09:15:00-07:00", "published_at_utc: 2024-03-05T16:15:00Z",
              "fetched_at: 2024-03-06T10:00:00+00:00 (estimated: when it was received or read, not fetched)", "story_id: a1"]),
        ({"byline": None, "authors": [], "published_at": None, "published_at_utc": None},
         ["byline: —", "authors: —", "published_at: —", "published_at_utc: —"]),  # missing, and shown so
        ({"fetched_at_estimated": False}, ["fetched_at: 2024-03-06T10:00:00+00:00"]),
        ({"authors": ["Ana Ruiz"]}, ["authors: Ana Ruiz (1 author)"]),
        ({"title": None, "dateline": None}, ["title: —", "dateline: —", "updated_at: —"]),  # every null reads "—"
    ],
)
def test_pretty_shows_byline_authors_and_dates(fields, shown):
    text = _panel({**ARTICLE, **fields})
    lines = [line.strip("│ ").strip() for line in text.splitlines()]
    for line in shown:
        assert line in lines, text


def test_pretty_shows_the_dead_letter_reason_and_origin():
    record = {"schema_version": 1, "id": "r1", "status": "rejected", "payload": "{oops", "payload_encoding": "utf-8",
              "error": {"code": "not_json", "message": "not JSON: unexpected character", "stage": "decode"},
              "origin": {"topic": "articles.raw", "partition": 0, "offset": 7, "source": "feed.jsonl:3"}}
    text = _panel(record)
    assert "dead letter: not_json (stage decode)" in text and "not JSON: unexpected character" in text
    assert "from: feed.jsonl:3" in text and "byline" not in text  # no article fields on a dead letter


def test_subfolders_are_not_read_and_a_note_says_so(tmp_path):
    from workers.replay import check_paths, skipped_subfolders

    (tmp_path / "case-a").mkdir()
    (tmp_path / "case-b").mkdir()
    (tmp_path / ".git").mkdir()
    assert skipped_subfolders([str(tmp_path)]) == [
        f"{tmp_path}: 2 subfolder(s) not read (folders are not read recursively: give them as paths, e.g. {tmp_path}/*)"]
    with pytest.raises(FileNotFoundError, match="no files in folder"):  # only subfolders: nothing to read
        check_paths([str(tmp_path)])
    (tmp_path / "README.txt").write_text(PAGE)
    check_paths([str(tmp_path)])
    assert [item.key for item in iter_inputs([str(tmp_path)])] == ["README"]
    assert skipped_subfolders([str(tmp_path / "README.txt"), "-"]) == []


@pytest.mark.parametrize(
    ("name", "text", "content_type"),
    [
        ("page", "<html><body><p>A page.</p></body></html>", "text/html"),  # no extension: the markup says
        ("page.txt", "<!DOCTYPE html><html><body><p>A page.</p></body></html>", "text/html"),
        ("page.html", "A page saved as .html without markup.", "text/html"),  # the name says
        ("page.txt", "A page. <p> is a tag, said the teacher.", "text/plain"),
    ],
)
def test_a_files_content_type_follows_its_name_or_its_markup(tmp_path, name, text, content_type):
    (tmp_path / name).write_text(text, encoding="utf-8")
    [item] = _items(tmp_path / name)
    assert orjson.loads(item.value)["content_type"] == content_type


def test_a_dead_letter_without_a_readable_id_says_so_in_its_title():
    record = {"schema_version": 1, "id": None, "status": "rejected", "payload": "{not json",
              "error": {"stage": "decode", "code": "not_json", "message": "line 1: not JSON"}}
    title = _panel(record).splitlines()[0]
    assert "rejected (no id)" in title and "None" not in title
