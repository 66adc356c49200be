"""The replayer's input side: files, folders, JSON lines and fresh ids."""

from __future__ import annotations

import io
from pathlib import Path

import orjson
import pytest

from workers.records import rejected_record, validate
from workers.replay import Failure, Summary, _failed, collect, iter_inputs, whole_characters, with_fresh_id

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
    lines = (b'{"schema_version": 1, "id": "a", "content_type": "text/plain", "content": "x"}\n\n{broken\n'
             b'{"id": "cut-off", "content": "the rest is mis\n{"id": "latin-1", "content": "caf\xe9"}\n')
    messages = collect(["-"], stdin=io.BytesIO(lines))
    assert [(m.key, m.value, m.origin) for m in messages] == [
        ("a", b'{"schema_version": 1, "id": "a", "content_type": "text/plain", "content": "x"}', "-:1"),
        (None, b"{broken", "-:3"),
        ("cut-off", b'{"id": "cut-off", "content": "the rest is mis', "-:4"),  # the id the worker will read
        ("latin-1", b'{"id": "latin-1", "content": "caf\xe9"}', "-:5"),  # not UTF-8: still its id
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


# --- failures, decoding, unique ids, streaming -------------------------------------------------------

from workers.replay import Failure, Message, Summary, iter_inputs, replay_items  # noqa: E402

PROSE = "Zoë Lefèvre, who runs the café, said the new fees were “unfair”."


def test_files_in_other_charsets_are_decoded_and_reported(tmp_path):
    (tmp_path / "latin.txt").write_bytes(("Grüße aus München, sagte Jürgen Weiß am Montag. " * 5).encode("latin-1"))
    (tmp_path / "page.html").write_bytes(b'<meta charset="windows-1252"><p>' + PROSE.encode("cp1252"))
    summary = Summary()
    items = list(iter_inputs([str(tmp_path)], summary=summary))
    assert all(isinstance(item, Message) for item in items)
    contents = [orjson.loads(item.value)["content"] for item in items]
    assert "Grüße aus München" in contents[0] and PROSE in contents[1]
    assert not any("\ufffd" in content for content in contents)
    assert [origin for origin, _ in summary.decoded] == [str(tmp_path / "latin.txt"), str(tmp_path / "page.html")]


def test_too_large_unreadable_and_binary_files_fail_with_their_reason_and_the_rest_go(tmp_path):
    (tmp_path / "a_big.txt").write_bytes(b"word " * 300_000)
    (tmp_path / "b_pdf.txt").write_bytes(b"%PDF-1.7\n" + bytes(range(256)))
    (tmp_path / "c_noise.txt").write_bytes(bytes(range(128, 256)) * 40)
    locked = tmp_path / "d_locked.txt"
    locked.write_text("text")
    locked.chmod(0)
    (tmp_path / "e_fine.txt").write_text(PROSE)
    items = list(iter_inputs([str(tmp_path)], max_bytes=1_000_000))
    by_name = {Path(item.origin).name: item for item in items}
    assert isinstance(by_name["e_fine.txt"], Message)
    failures = {name: item.code for name, item in by_name.items() if isinstance(item, Failure)}
    import os
    expected = {"a_big.txt": "too_large", "b_pdf.txt": "not_text", "c_noise.txt": "undecodable"}
    if os.geteuid() != 0:  # root reads a file without permissions
        expected["d_locked.txt"] = "unreadable"
    assert {k: v for k, v in failures.items() if k in expected} == expected
    assert all(item.key for item in items)  # the id a failed file would have had is in the summary



def test_failed_files_carry_what_they_held_as_the_dead_letter_payload(tmp_path):
    (tmp_path / "big.txt").write_bytes("Grüße ".encode("utf-8") * 300_000)  # cut inside a character at 1 MB
    (tmp_path / "noise.txt").write_bytes(bytes(range(128, 256)) * 40)
    (tmp_path / "fine.txt").write_text(PROSE)
    by_name = {Path(item.origin).name: item for item in iter_inputs([str(tmp_path)], max_bytes=1_000_000)}
    big, noise = by_name["big.txt"], by_name["noise.txt"]
    assert (big.code, noise.code) == ("too_large", "undecodable")
    assert len(big.payload) <= 1_000_000 and big.payload.decode("utf-8").startswith("Grüße Grüße")
    assert noise.payload == bytes(range(128, 256)) * 40
    record = rejected_record("read", big.code, big.reason, big.payload, big.key, payload_limit=1_000_000 // 6)
    assert record["payload_truncated"] is True and record["payload_encoding"] == "utf-8"
    assert rejected_record("read", noise.code, noise.reason, noise.payload, noise.key)["payload_encoding"] == "base64"


def test_a_replay_summary_keeps_why_an_input_failed_not_its_bytes():
    summary = Summary()
    _failed(summary, Failure("big.txt", "too_large", "2000000 bytes", "big", b"x" * 1_000_000))
    assert summary.failed == 1 and summary.failures[0].payload == b"" and summary.failures[0].code == "too_large"


@pytest.mark.parametrize("data, kept", [
    ("abc".encode(), b"abc"),
    ("aé".encode()[:-1], b"a"),  # é cut after its first byte
    ("a€".encode()[:-1], b"a"),  # € cut after two of its three bytes
    (b"\xff\xfe", b"\xff\xfe"),  # not UTF-8 at all: as it is
])
def test_whole_characters_drops_only_a_sequence_cut_at_the_end(data, kept):
    assert whole_characters(data) == kept

def test_same_stem_gets_a_stable_suffix_and_the_summary_says_so(tmp_path):
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.txt").write_text(f"{PROSE} ({folder})")
    (tmp_path / "one" / "a.html").write_text(f"<p>{PROSE}</p>")
    paths = [str(tmp_path / "one"), str(tmp_path / "two")]
    summary = Summary()
    ids = [item.key for item in iter_inputs(paths, summary=summary)]
    assert ids == ["a", "a-txt", "two-a"]  # one/a.html, one/a.txt, two/a.txt: sorted within a folder
    assert ids == [item.key for item in iter_inputs(paths)]  # stable
    assert [new for _, new in summary.renamed] == ["a-txt", "two-a"]
    assert all(orjson.loads(item.value)["id"] == item.key for item in iter_inputs(paths))


def test_a_file_that_fails_is_not_reported_as_renamed(tmp_path):
    (tmp_path / "a.html").write_text("<p>A page.</p>")
    (tmp_path / "a.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    summary = Summary()
    items = list(iter_inputs([str(tmp_path)], summary=summary))
    assert [type(item).__name__ for item in items] == ["Message", "Failure"]
    assert summary.renamed == []


def test_repeat_sends_every_file_again_under_the_same_id(tmp_path):
    (tmp_path / "a.txt").write_text(PROSE)
    (tmp_path / "a.html").write_text(f"<p>{PROSE}</p>")
    keys = [item.key for item in replay_items([str(tmp_path)], repeat=3)]
    assert keys == ["a", "a-txt"] * 3


def test_inputs_are_read_lazily_one_at_a_time(tmp_path):
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(PROSE)
    stream = iter_inputs([str(tmp_path)])
    first = next(stream)
    (tmp_path / "2.txt").unlink()  # not read yet: the generator has not got there
    rest = list(stream)
    assert first.key == "0" and [item.key for item in rest] == ["1", "2"]
    assert isinstance(rest[-1], Failure) and rest[-1].code == "unreadable"


def test_summary_lines_name_each_failure():
    summary = Summary(sent=2, failed=1, failures=[Failure("big.html", "too_large", "12 MB")], renamed=[("x/a.txt", "x-a")])
    lines = summary.lines()
    assert lines[0].startswith("sent 2, failed 1")
    assert "failed: big.html: too_large: 12 MB" in lines and any("x-a" in line for line in lines)


def test_a_send_outlives_a_slow_broker_restart():
    """aiokafka expires a batch after request_timeout_ms: the replayer's must be Kafka's delivery timeout
    (120 s), not aiokafka's 40 s, or a restart slower than 40 s fails sends (seen at load 8)."""
    import asyncio

    from workers.replay import DELIVERY_TIMEOUT_MS, producer_for
    from workers.settings import Settings

    async def ttl() -> float:
        producer = producer_for(Settings.from_env({}))
        return producer._message_accumulator._batch_ttl  # the expiry the sender applies to each batch

    assert DELIVERY_TIMEOUT_MS >= 120_000
    assert asyncio.run(ttl()) == DELIVERY_TIMEOUT_MS / 1000


def test_a_file_after_json_records_does_not_take_their_id(tmp_path):
    """`a.jsonl` holding a record with id "a", then `a.txt`: the file is renamed, not sent as "a" (the
    worker would have taken it for a re-send of the record and the file's text would be lost)."""
    (tmp_path / "a.jsonl").write_text('{"id": "a", "content": "Record text."}\n{"id": "b", "content": "Other."}\n')
    (tmp_path / "a.txt").write_text("A page of its own.\n")
    (tmp_path / "b.txt").write_text("Another page.\n")
    summary = Summary()
    ids = [item.key for item in iter_inputs([str(tmp_path)], summary=summary)]
    assert ids == ["a", "b", "a-txt", "b-txt"]
    assert sorted(new for _, new in summary.renamed) == ["a-txt", "b-txt"]
    assert summary.clashes == []


def test_a_json_record_after_a_file_of_its_id_keeps_it_and_is_listed(tmp_path):
    """A record's id is the user's: never renamed; coming after a file sent under it, it is listed."""
    page, records = tmp_path / "a.txt", tmp_path / "z.jsonl"
    page.write_text("A page.\n")
    records.write_text('{"id": "a", "content": "Another text."}\n')
    summary = Summary()
    ids = [item.key for item in iter_inputs([str(page), str(records)], summary=summary)]
    assert ids == ["a", "a"]
    assert summary.clashes == [(f"{records}:1", "a")]
    assert any("same id:" in line and "'a'" in line for line in summary.lines())


def test_a_page_on_stdin_is_not_a_clash_with_itself():
    import io

    summary = Summary()
    items = list(iter_inputs(["-"], io.BytesIO(b"Just a page of text.\n"), summary=summary))
    assert [item.key for item in items] == ["stdin"] and summary.clashes == []
