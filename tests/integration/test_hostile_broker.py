"""Hostile input on the real broker: each kind published to articles.raw comes back enriched or
rejected, with its article id; big pages travel; replay reports what it could not send."""

from __future__ import annotations

import base64
import subprocess

import orjson
import pytest

from bench.gold import CASES
from workers.records import validate

from tests.integration.conftest import NEWSFEED, ROOT

pytestmark = pytest.mark.integration

ARTICLES = [
    ["Harbour board backs dredging plan",
     "The harbour board approved a plan on Tuesday to dredge the eastern channel before the winter storms arrive.",
     "Board chair Mariam Okafor said the work would let larger fishing boats land their catch at any tide.",
     "The dredging will cost about 2.4 million pounds and is expected to take eleven weeks, officials said."],
    ["Library opens late on weekdays",
     "The central library will stay open until nine in the evening from next month, the city council announced.",
     "Librarian Tomasz Nowak said students had asked for quiet study space after their classes finish.",
     "Extra staff hours will be paid for from a grant by a local charity for three years."],
    ["Bus fares frozen for pensioners",
     "Regional transport chiefs have frozen bus fares for pensioners until the end of next year.",
     "Transport director Helen Marsh said rising fuel prices would be absorbed by the operator instead.",
     "Campaigners welcomed the decision but warned that rural routes were still being cut back."],
    ["Orchard harvest beats forecasts",
     "Apple growers in the valley picked their largest crop in a decade after a warm and wet summer.",
     "Grower Priya Raman said cider makers had bought almost every tonne before picking even began.",
     "Seasonal workers arrived early this year because of a new visa scheme for farm labour."],
    ["Swimming pool roof repaired",
     "The leisure centre pool reopened on Saturday after engineers replaced rusted beams in its roof.",
     "Centre manager Kofi Mensah said swimming lessons for schoolchildren would resume next week.",
     "The repair was finished two weeks early and under its budget of six hundred thousand pounds."],
    ["Hospital car park charges scrapped",
     "Patients and visitors will no longer pay to park at the county hospital from the first of April.",
     "Health board chief Gareth Lloyd said charges had been unfair on families visiting sick relatives.",
     "Staff parking will also be free, which unions had demanded for several years."],
]


def article(i: int, joiner: str = "\n\n") -> str:
    return joiner.join(ARTICLES[i])


def mojibake(text: str) -> str:
    """UTF-8 read as windows-1252, as a misconfigured scraper sends it."""
    return text.encode("utf-8").decode("cp1252")


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


# (id, payload, the status it must come back with: enriched or the rejection code)
HOSTILE = [
    ("minimal", orjson.dumps({"id": "minimal", "content": article(0)}), "enriched"),
    ("cp1252-page", orjson.dumps({"id": "cp1252-page", "content_type": "text/html", "content_encoding": "base64",
                                  "content": b64((CASES / "17_windows1252_page" / "cafe_fees.html").read_bytes())}), "enriched"),
    ("mojibake", orjson.dumps({"id": "mojibake", "content": mojibake(article(1).replace("Tomasz Nowak", "Zoë Lefèvre, the café owner,"))}), "enriched"),
    ("nul-controls", orjson.dumps({"id": "nul-controls", "content_type": "text/html", "content_encoding": "base64",
                                   "content": b64((CASES / "18_nul_and_control_chars" / "ferry_strike.html").read_bytes())}), "enriched"),
    ("latin1-json", b'{"id": "latin1-json", "content": ' + orjson.dumps(article(2).replace("pensioners", "Rentner in München")).decode().encode("latin-1") + b"}", "enriched"),
    ("flattened", orjson.dumps({"id": "flattened", "content": "Home News Sport Weather Business Culture Opinion "
                                + article(3, " ") + " Share this article Facebook Twitter Email "
                                + "We use cookies to improve your experience. Accept all cookies"}), "enriched"),
    ("binary", orjson.dumps({"id": "binary", "content_encoding": "base64", "content": b64(b"%PDF-1.7\n" + bytes(range(256)))}), "not_text"),
    ("no-space", orjson.dumps({"id": "no-space", "content": "x" * 900_000}), "empty_after_clean"),
    ("version-9", orjson.dumps({"schema_version": 9, "id": "version-9", "content": article(4)}), "unsupported_schema_version"),
    ("broken-json", b'{"id": "broken-json", "content": "cut off', "not_json"),
    ("bad-schema", b'{"id": "bad-schema", "content_type": "application/pdf", "content": "x"}', "schema_violation"),
]


def test_each_hostile_kind_comes_back_with_its_id(pipeline):
    pipeline.start_worker()
    for article_id, payload, _ in HOSTILE:
        pipeline.produce(payload, key=article_id.encode())
    want_enriched = sum(expected == "enriched" for *_, expected in HOSTILE)
    enriched = {r["id"]: r for r in pipeline.read("enriched", want_enriched)}
    rejected = {r["id"]: r for r in pipeline.read("rejected", len(HOSTILE) - want_enriched)}
    for record in enriched.values():
        validate("enriched", record)
        for field in ("title", "byline", "body"):
            value = record.get(field) or ""
            assert "\ufffd" not in value and not any(ord(c) < 32 and c not in "\n\t" for c in value), (record["id"], field)
    for record in rejected.values():
        validate("rejected", record)
        assert record["origin"]["topic"] == pipeline.topics.raw and record["origin"]["offset"] >= 0
    for article_id, _, expected in HOSTILE:
        if expected == "enriched":
            assert article_id in enriched, (article_id, rejected.get(article_id, {}).get("error"))
        else:
            assert rejected[article_id]["error"]["code"] == expected, rejected[article_id]["error"]
    assert enriched["cp1252-page"]["byline"] == "Zoë Lefèvre"
    assert "Zoë Lefèvre, the café owner," in enriched["mojibake"]["body"]
    assert "Rentner in München" in enriched["latin1-json"]["body"]
    assert "Facebook" not in enriched["flattened"]["body"] and "cookies" not in enriched["flattened"]["body"]


def test_big_pages_travel_and_replay_reports_what_it_cannot_send(pipeline, tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    script = "<script>var data = " + "[" + ",".join(["1234567890"] * 560_000) + "];</script>"
    page = "<html><head><title>Port dredging plan</title></head><body><article><h1>Port dredging plan</h1>"
    page += "".join(f"<p>{p}</p>" for p in ARTICLES[0][1:]) + f"</article>{script}</body></html>"
    (folder / "a_big.html").write_text(page)  # about 6 MB: travels, and is cut at 5 M characters before parsing
    (folder / "b_huge.txt").write_bytes(b"word " * 4_300_000)  # about 21 MB: over the limit, reported
    (folder / "c_latin1.txt").write_bytes(article(1).replace("students", "Schüler aus Köln").encode("latin-1"))
    (folder / "d_same.txt").write_text(article(2))
    (folder / "d_same.html").write_text("<html><body><article>" + "".join(f"<p>{p}</p>" for p in ARTICLES[3]) + "</article></body></html>")
    assert 5_000_000 < (folder / "a_big.html").stat().st_size < 10_000_000
    pipeline.start_worker()
    result = subprocess.run([NEWSFEED, "replay", "--quiet", str(folder)], env=pipeline.env(), cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1, result.stderr
    assert "sent 4, failed 1" in result.stderr
    assert "b_huge.txt: too_large" in result.stderr
    assert "renamed:" in result.stderr and "'d_same-txt'" in result.stderr
    assert "c_latin1.txt read as" in result.stderr
    enriched = {r["id"]: r for r in pipeline.read("enriched", 4, timeout=240)}
    assert set(enriched) == {"a_big", "c_latin1", "d_same", "d_same-txt"}, set(enriched)
    assert enriched["a_big"]["title"] == "Port dredging plan"
    assert enriched["a_big"]["removed"]["html_truncated_chars"] > 0
    assert "Schüler aus Köln" in enriched["c_latin1"]["body"] and "\ufffd" not in enriched["c_latin1"]["body"]


def test_send_records_streams_synthesized_records_at_a_rate(pipeline):
    import asyncio

    from workers.replay import send_records

    records = ({"id": f"synth-{i}", "content": article(i)} for i in range(3))  # a generator: never a list
    pipeline.start_worker()
    summary = asyncio.run(send_records(pipeline.settings, records, rate=20.0))
    assert (summary.sent, summary.failed) == (3, 0)
    assert summary.seconds >= 2 / 20.0  # paced: the third record waits for its slot
    enriched = pipeline.read("enriched", 3)
    assert sorted(r["id"] for r in enriched) == ["synth-0", "synth-1", "synth-2"]
