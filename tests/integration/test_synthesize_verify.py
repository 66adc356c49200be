"""replay --synthesize then verify, against the real worker and broker: every synthesized id
gets exactly its expected outcome; a broken expectation makes verify fail."""

from __future__ import annotations

import subprocess

import orjson

from tests.integration.conftest import NEWSFEED, ROOT

N = 300


def _verify(pipeline, path, timeout: str = "120") -> tuple[int, dict]:
    result = subprocess.run([NEWSFEED, "verify", str(path), "--timeout", timeout, "--json"], env=pipeline.env(),
                            cwd=ROOT, capture_output=True, text=True, timeout=900)
    return result.returncode, orjson.loads(result.stdout.strip().splitlines()[-1])


def test_a_synthesized_mix_gets_exactly_its_expected_outcomes(pipeline, tmp_path):
    pipeline.start_worker()
    expected = tmp_path / "expected.jsonl"
    sent = pipeline.replay("--synthesize", str(N), "--seed", "1313",
                           "--mix", "unique=0.5,near=0.2,exact=0.2,bad=0.1", "--expected", str(expected))
    assert f"sent {N}, failed 0" in sent.stderr
    code, report = _verify(pipeline, expected)
    assert code == 0, report
    assert report["passed"] and report["ok"] == N
    assert (report["lost"], report["wrong"], report["unexpected"]) == (0, 0, 0)
    assert report["stats"]["enriched"]["count"] == N // 2
    assert report["stats"]["enriched"]["latency_ms"]["p50"] > 0

    # The same topics checked against a doctored expectation: one id lost, one wrong.
    lines = expected.read_bytes().splitlines()
    rows = [orjson.loads(line) for line in lines[1:]]
    unique = next(r for r in rows if r["outcome"] == "enriched")
    copy = next(r for r in rows if r["outcome"] == "duplicate")
    doctored = tmp_path / "doctored.jsonl"
    changed = [{**copy, "duplicate_of": unique["id"] if copy["duplicate_of"] != unique["id"] else copy["id"]},
               {**unique, "id": unique["id"][:-7] + "9999999"}]
    doctored.write_bytes(b"\n".join([lines[0], *(orjson.dumps(r) for r in changed)]) + b"\n")
    code, report = _verify(pipeline, doctored, timeout="5")
    assert code == 1 and (report["lost"], report["wrong"]) == (1, 1)
