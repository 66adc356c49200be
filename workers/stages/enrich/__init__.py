"""Enrich stage: story ids from entity overlap and text similarity within a time window.

Public function: ``enrich(record: dict, stories: StoryIndex, now: float) -> dict`` (an ``enriched``
record, see schemas/enriched.json). ``StoryIndex`` is the in-memory state passed in.
"""

from workers.stages.enrich.core import STAGE, VERSION, StoryIndex, enrich, warm
from workers.stages.enrich.evidence import entity_key, parse_time, person_words, place_share, text_items
from workers.stages.enrich.rules import DEFAULT_WINDOW_SECONDS, Member, StoryRules

__all__ = [
    "DEFAULT_WINDOW_SECONDS", "STAGE", "VERSION", "Member", "StoryIndex", "StoryRules", "entity_key", "enrich",
    "parse_time", "person_words", "place_share", "text_items", "warm",
]
