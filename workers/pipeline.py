"""The stages in order, with timings and errors as data: shared by the agents and `newsfeed enrich`."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator

from workers.records import RecordError, decode_raw, published, readable_id, rejected_record
from workers.settings import Settings
from workers.stages import clean, dedupe, enrich, entities
from workers.stages.errors import StageError


def timed(stage: str, function: Callable[..., dict], *args: Any) -> dict:
    """Run one stage on one record and note its milliseconds in the record's pipeline field."""
    started = time.perf_counter()
    output = function(*args)
    output["pipeline"][stage]["ms"] = round((time.perf_counter() - started) * 1000, 3)
    return output


def guarded(
    stage: str, payload: Any, function: Callable[..., dict], *args: Any, article_id: str | None = None
) -> dict:
    """`timed`, but a failure becomes a rejected record carrying `payload`."""
    try:
        return timed(stage, function, *args)
    except (StageError, RecordError) as error:
        return rejected_record(stage, error.code, error.message, payload, article_id)
    except Exception as error:  # noqa: BLE001 - any stage bug must still leave a trace, not a crash
        return rejected_record(stage, "stage_failed", f"{type(error).__name__}: {error}", payload, article_id)


DAY_SECONDS = 86400.0
HOUR_SECONDS = 3600.0


def dedupe_index(settings: Settings) -> dedupe.DedupeIndex:
    """An empty DedupeIndex with the settings' Jaccard threshold and MinHash permutation count."""
    return dedupe.DedupeIndex(threshold=settings.dedupe_threshold, num_perm=settings.dedupe_num_perm)


def story_index(settings: Settings) -> enrich.StoryIndex:
    """An empty StoryIndex whose story window is the settings' hours, in seconds."""
    return enrich.StoryIndex(window_seconds=settings.story_window_hours * HOUR_SECONDS)


def clean_payload(payload: bytes | str | dict, origin: dict | None = None, key: str | None = None) -> dict:
    """A message from articles.raw -> a clean record, or a rejected one (with the article id when
    the payload has a readable one, else the message `key`; and `origin`: the message's topic,
    partition and offset)."""
    try:
        raw = decode_raw(payload)
    except RecordError as error:
        article_id = readable_id(payload) or key
        return rejected_record("decode", error.code, error.message, payload, article_id, origin=origin)
    # The payload as received goes on a rejected record, byte for byte.
    record = guarded(clean.STAGE, payload, clean.clean, raw, article_id=raw["id"])
    if origin is not None and record["status"] == "rejected":
        record["origin"] = origin
    return record


@dataclass
class LocalPipeline:
    """All four stages in one process, for `newsfeed enrich`: the same functions the agents call."""

    settings: Settings

    def __post_init__(self) -> None:
        self.index = dedupe_index(self.settings)
        self.stories = story_index(self.settings)
        self.nlp = entities.load_pipeline(self.settings.spacy_model)

    def run(self, payloads: Iterable[bytes | str | dict]) -> Iterator[dict]:
        """One output record per input, in input order; enriched and duplicate records as
        `published` (without stage timings), byte for byte what their topics carry."""
        outputs: list[dict] = []
        for payload in payloads:
            record = clean_payload(payload)
            if record["status"] == "clean":
                record = guarded(dedupe.STAGE, record, dedupe.dedupe, record, self.index, time.time())
            outputs.append(record)
        uniques = [record for record in outputs if record["status"] == "unique"]
        tagged = iter(self.tag(uniques))
        for record in outputs:
            if record["status"] == "unique":
                record = next(tagged)
                if record["status"] == "tagged":
                    record = guarded(enrich.STAGE, record, enrich.enrich, record, self.stories, time.time())
            yield published(record)

    def tag(self, records: list[dict]) -> list[dict]:
        """Entity-tagged records for clean records, in order; a record the stage fails on becomes a
        rejected record (code stage_failed, the error as reason) instead of failing its batch."""
        if not records:
            return []
        started = time.perf_counter()
        try:
            tagged = entities.tag(records, self.nlp, self.settings.entity_labels)
        except Exception as error:  # noqa: BLE001 - a failing article is dead-lettered, not lost
            if len(records) > 1:  # one by one, so one bad record cannot take the others down
                return [output for record in records for output in self.tag([record])]
            reason = f"{type(error).__name__}: {error}"
            return [rejected_record(entities.STAGE, "stage_failed", reason, records[0])]
        share = round((time.perf_counter() - started) * 1000 / len(records), 3)
        for record in tagged:
            record["pipeline"][entities.STAGE]["ms"] = share
        return tagged
