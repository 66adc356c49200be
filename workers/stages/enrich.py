"""Enrich stage: a tagged article -> the enriched record, with the story it belongs to."""

from __future__ import annotations

from dataclasses import dataclass, field

STAGE = "enrich"
VERSION = "0.1"


@dataclass
class StoryIndex:
    """Stories seen so far; the caller owns it."""

    stories: dict[str, str] = field(default_factory=dict)


def enrich(record: dict, stories: StoryIndex, now: float) -> dict:
    story_id = stories.stories.setdefault(record["id"], record["id"])
    return {
        **record,
        "status": "enriched",
        "story_id": story_id,
        "duplicate_of": None,
        "pipeline": {**record["pipeline"], STAGE: {"version": VERSION}},
    }
