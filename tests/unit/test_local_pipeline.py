"""`newsfeed enrich`: the same stages without Kafka, one output per input, in input order."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import orjson

from workers.records import validate

ROOT = Path(__file__).resolve().parents[2]
NEWSFEED = str(Path(sys.executable).with_name("newsfeed"))
KIND = {"enriched": "enriched", "duplicate": "duplicate", "rejected": "rejected"}


def run_enrich(*args: str, stdin: bytes = b"") -> list[dict]:
    result = subprocess.run([NEWSFEED, "enrich", *args], input=stdin, capture_output=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr.decode()
    return [orjson.loads(line) for line in result.stdout.splitlines()]


def test_enrich_outputs_one_valid_record_per_input_in_order(tmp_path):
    seed = ROOT / "seeds" / "000_ee633184b9361a35.txt"
    copy = tmp_path / "copy-of-000.txt"
    copy.write_bytes(seed.read_bytes())
    jsonl = tmp_path / "bad.jsonl"
    jsonl.write_bytes(b'{"schema_version": 1, "id": "blank", "content_type": "text/plain", "content": " "}\n{oops\n')
    records = run_enrich(str(ROOT / "seeds"), str(copy), str(jsonl))
    statuses = [record["status"] for record in records]
    assert statuses == ["enriched"] * 5 + ["duplicate", "rejected", "rejected"]
    for record in records:
        validate(KIND[record["status"]], record)
    assert records[5]["duplicate_of"] == "000_ee633184b9361a35"
    assert records[5]["reason"] == "same_content"
    assert [r["error"]["code"] for r in records[6:]] == ["empty_after_clean", "not_json"]
    assert {r["id"] for r in records[:5]} == {p.stem for p in (ROOT / "seeds").iterdir()}
    for record in records[:5]:
        assert set(record["pipeline"]) == {"clean", "dedupe", "entities", "enrich"}
        # published: versions, no timings, so an article enriched twice is the same bytes
        assert all(set(step) == {"version"} for step in record["pipeline"].values())


def test_enrich_decodes_files_and_rejects_binary_ones_with_their_id(tmp_path):
    page = tmp_path / "fees.html"
    page.write_bytes(
        b'<html><head><meta charset="windows-1252"><title>Caf\xe9 fees rise</title></head><body><article>'
        b"<h1>Caf\xe9 fees rise</h1><p>Owners of caf\xe9s in the old town say new fees for tables on the pavement "
        b"will cost some of them more than \x804,000 a year, and have asked the council to think again.</p>"
        b"<p>\x93We\x92re not against paying something,\x94 said Ren\xe9 Dubois, who runs a cr\xeaperie on the square.</p>"
        b"</article></body></html>"
    )
    (tmp_path / "scan.txt").write_bytes(b"%PDF-1.7\n" + bytes(range(256)))
    fees, scan = run_enrich(str(tmp_path))
    assert fees["status"] == "enriched" and fees["title"] == "Café fees rise"
    assert "“We’re not against paying something,” said René Dubois" in fees["body"] and "\ufffd" not in fees["body"]
    validate("rejected", scan)
    assert (scan["id"], scan["error"]["code"]) == ("scan", "not_text")
