"""The fault suite's input: >= 500 raw messages built from the repo's own corpora, and the
outcome each id should get, from the very stage code `newsfeed enrich` runs (workers.pipeline).

Kinds: unique articles (seeds/, tests/fixtures/ pages, real-world cases, stories, entity
articles), re-sends of them under new ids, near duplicates (page chrome added, a few words
changed), bad input, and same-id re-sends of any of those. Everything is seeded.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from workers.records import raw_record

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
TEXT_SUFFIXES = {".txt": "text/plain", ".html": "text/html", ".htm": "text/html"}
ID_IN_PAYLOAD = re.compile(r'"id"\s*:\s*"([^"]+)"')


@dataclass
class Inputs:
    """`lines`: the JSON lines to replay, in order. `groups`: id -> the id of the original its
    content came from (re-sends and near duplicates join their original's group)."""

    lines: list[bytes] = field(default_factory=list)
    groups: dict[str, str] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)

    @property
    def ids(self) -> set[str]:
        return set(self.kinds)

    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = {"messages": len(self.lines), "ids": len(self.kinds)}
        for kind in self.kinds.values():
            counts[kind] = counts.get(kind, 0) + 1
        counts["same_id_resend"] = len(self.lines) - len(self.kinds)
        return counts


def corpus() -> list[tuple[str, str, str]]:
    """(id, content, content type) of every distinct article the repo carries."""
    articles: list[tuple[str, str, str]] = []
    for path in sorted((ROOT / "seeds").iterdir()):
        articles.append((f"seed-{path.stem}", path.read_text(errors="replace"), "text/plain"))
    for folder in (FIXTURES / "pages", *sorted(p for p in (FIXTURES / "real_world").iterdir() if p.is_dir())):
        for path in sorted(folder.iterdir()):
            if path.suffix in TEXT_SUFFIXES:
                name = f"{folder.name}-{path.stem}"
                articles.append((name, path.read_bytes().decode("utf-8", errors="replace"), TEXT_SUFFIXES[path.suffix]))
    for folder in ("stories", "entities"):
        for path in sorted((FIXTURES / folder).glob("*.json")):
            data = orjson.loads(path.read_bytes())
            if isinstance(data, dict) and data.get("body"):
                text = f"{data.get('title') or ''}\n\n{data['body']}".strip()
                articles.append((f"{folder}-{path.stem}", text, "text/plain"))
    return articles


def near_copy(text: str, rng: random.Random) -> str:
    """The same story as another site would carry it: other chrome, a few words changed."""
    words = text.split(" ")
    for _ in range(3):
        position = rng.randrange(len(words))
        if words[position].isalpha():
            words[position] = words[position][::-1]
    return "\n".join(["Home | World | Business | Sport", "Share this article", " ".join(words), "Read more stories like this"])


def bad_lines(count: int) -> list[tuple[str, bytes]]:
    """(id, line) of input that must be dead-lettered, each carrying its id somewhere."""
    makers = [
        lambda i: b'{"schema_version": 1, "id": "%s", "content_type": "text/plain", "content": "cut off' % i.encode(),
        lambda i: orjson.dumps({"schema_version": 1, "id": i, "content_type": "application/pdf", "content": "%PDF-1.4"}),
        lambda i: orjson.dumps({"schema_version": 1, "id": i, "content_type": "text/plain", "content": ""}),
        lambda i: orjson.dumps({"schema_version": 1, "id": i, "content_type": "text/plain", "content": "   \n\t \n"}),
        lambda i: orjson.dumps({"schema_version": 1, "id": i, "content_type": "text/html",
                                "content": "<html><head><script>var a = 1;</script></head><body></body></html>"}),
        lambda i: orjson.dumps({"schema_version": 2, "id": i, "content": 42}),
    ]
    return [(f"bad-{n:03d}", makers[n % len(makers)](f"bad-{n:03d}")) for n in range(count)]


def build(seed: int, total: int = 500, originals: int | None = None) -> Inputs:
    """`total` messages: `originals` articles of the corpus (all by default) and bad input first
    (shuffled), then re-sends under new ids and near duplicates, with same-id re-sends of
    earlier messages mixed in after their first copy."""
    rng = random.Random(seed)
    inputs = Inputs()
    articles = corpus()
    originals = articles if originals is None else rng.sample(articles, originals)
    bad = bad_lines(max(6, total // 12))
    first: list[bytes] = []
    for article_id, content, content_type in originals:
        first.append(orjson.dumps(raw_record(article_id, content, content_type=content_type)))
        inputs.groups[article_id] = article_id
        inputs.kinds[article_id] = "unique"
    for article_id, line in bad:
        first.append(line)
        inputs.groups[article_id] = article_id
        inputs.kinds[article_id] = "bad"
    rng.shuffle(first)
    rest = total - len(first)
    copies, near = int(rest * 0.3), int(rest * 0.25)
    second: list[bytes] = []
    for n, (article_id, content, content_type) in enumerate(rng.choices(originals, k=copies)):
        copy_id = f"{article_id}~copy{n}"
        second.append(orjson.dumps(raw_record(copy_id, content, content_type=content_type)))
        inputs.groups[copy_id] = article_id
        inputs.kinds[copy_id] = "new_id_resend"
    for n, (article_id, content, _type) in enumerate(rng.choices(originals, k=near)):
        near_id = f"{article_id}~near{n}"
        second.append(orjson.dumps(raw_record(near_id, near_copy(content, rng))))
        inputs.groups[near_id] = article_id
        inputs.kinds[near_id] = "near_duplicate"
    rng.shuffle(second)
    sent = first + second
    for _ in range(total - len(sent)):
        # a same-id re-send of something already sent, somewhere after it
        line = rng.choice(sent)
        sent.insert(rng.randrange(sent.index(line) + 1, len(sent) + 1), line)
    inputs.lines = sent
    return inputs


def payload_id(record: dict) -> str | None:
    """The article id of an output record: its own, or the one in a rejected record's payload."""
    if record.get("id"):
        return record["id"]
    match = ID_IN_PAYLOAD.search(record.get("payload") or "")
    return match.group(1) if match else None


def outcome_of(record: dict) -> tuple:
    """What an output record says happened to its article, comparable across deliveries."""
    status = record.get("status")
    if status == "enriched":
        return ("enriched",)
    if status == "duplicate":
        return ("duplicate", record.get("duplicate_of"), record.get("reason"))
    return ("rejected", record["error"]["code"], record["error"]["stage"])


def expected_outcomes(inputs: Inputs, settings, clean_topic: list[bytes]) -> dict[str, tuple]:
    """id -> its outcome from the stage code `newsfeed enrich` runs (workers.pipeline), offline.

    Which copy of a duplicate group comes first depends on arrival order across raw partitions,
    so dedupe runs here over the articles in the order the worker's dedupe agent met them: the
    order of their first record on the clean topic (`clean_topic`, a single partition). A
    redelivery must not change an outcome, so only first records count.
    """
    import time

    from workers.pipeline import LocalPipeline, clean_payload, guarded
    from workers.stages import dedupe, enrich

    pipeline = LocalPipeline(settings)
    expected: dict[str, tuple] = {}
    for line in inputs.lines:
        record = clean_payload(line)
        if record["status"] == "rejected" or _too_large(record, settings):
            expected.setdefault(payload_id(record), _outcome(record, "clean", settings))
    uniques, seen = [], set()
    for value in clean_topic:
        record = orjson.loads(value)
        if record["id"] in seen:
            continue
        seen.add(record["id"])
        result = guarded(dedupe.STAGE, record, dedupe.dedupe, record, pipeline.index, time.time())
        if result["status"] == "unique" and not _too_large(result, settings, pipeline.index):
            uniques.append(result)
        else:
            expected[record["id"]] = _outcome(result, dedupe.STAGE, settings, pipeline.index)
    for result in pipeline.tag(uniques):
        stage, kept_by = "entities", None
        if result["status"] == "tagged" and not _too_large(result, settings):
            stage, kept_by = enrich.STAGE, pipeline.stories
            result = guarded(enrich.STAGE, result, enrich.enrich, result, pipeline.stories, time.time())
        expected[payload_id(result)] = _outcome(result, stage, settings, kept_by)
    return expected


def _too_large(record: dict, settings, kept_by=None) -> bool:
    """Whether the worker dead-letters `record` as too_large: over MAX_MESSAGE_BYTES as sent
    (`fit_message`), or, for a stage that keeps each outcome in its table (`kept_by`: its index),
    its table entry over it (`Delivery.storable`)."""
    import time

    from workers.records import encode, published
    from workers.state import stored_entry_bytes

    if record.get("status") == "rejected":
        return False
    value = encode(published(record))
    if len(value) > settings.max_message_bytes:
        return True
    if kept_by is None:
        return False
    return stored_entry_bytes(kept_by, record["id"], (record["status"], value), time.time()) > settings.max_message_bytes


def _outcome(record: dict, stage: str, settings, kept_by=None) -> tuple:
    """`outcome_of(record)`, or too_large from `stage` when the record would not fit in a message."""
    return ("rejected", "too_large", stage) if _too_large(record, settings, kept_by) else outcome_of(record)
