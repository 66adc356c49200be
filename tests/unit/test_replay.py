"""The replayer's input side: files, folders, JSON lines and fresh ids."""

from __future__ import annotations

import io
from pathlib import Path

import orjson
import pytest

from workers.records import validate
from workers.replay import collect, with_fresh_id

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_a_folder_becomes_one_raw_record_per_file_named_by_its_stem():
    messages = collect([str(SEEDS)])
    assert [m.key for m in messages] == sorted(p.stem for p in SEEDS.iterdir())
    for message in messages:
        record = orjson.loads(message.value)
        validate("raw", record)
        assert record["content_type"] == "text/plain"


def test_html_files_are_sent_as_html(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>Hello</p></body></html>")
    [message] = collect([str(page)])
    assert orjson.loads(message.value)["content_type"] == "text/html"


def test_json_lines_go_out_as_they_stand_even_broken_ones(tmp_path):
    lines = b'{"schema_version": 1, "id": "a", "content_type": "text/plain", "content": "x"}\n\n{broken\n'
    messages = collect(["-"], stdin=io.BytesIO(lines))
    assert [(m.key, m.value) for m in messages] == [
        ("a", b'{"schema_version": 1, "id": "a", "content_type": "text/plain", "content": "x"}'),
        (None, b"{broken"),
    ]


def test_missing_path_is_a_clear_error():
    with pytest.raises(FileNotFoundError, match="no-such-file"):
        collect(["no-such-file"])


def test_fresh_id_keeps_the_content():
    [message] = collect([str(SEEDS / "000_ee633184b9361a35.txt")])
    copy = with_fresh_id(message)
    original, renamed = orjson.loads(message.value), orjson.loads(copy.value)
    assert renamed["id"] != original["id"] and renamed["id"].startswith(original["id"])
    assert renamed["content"] == original["content"]
    assert copy.key == renamed["id"]
