"""Dedupe stage: same id, same normalised body, or MinHash-LSH near duplicate.

Public function: ``dedupe(record: dict, index: DedupeIndex, now: float) -> dict`` (a ``unique`` or
``duplicate`` record, see schemas/). ``DedupeIndex`` is the in-memory state passed in.
"""

from workers.stages.dedupe.core import ENTRY_VERSION, STAGE, VERSION, DedupeIndex, dedupe
from workers.stages.dedupe.rules import (
    DEFAULT_CONTAINMENT,
    DEFAULT_NUM_PERM,
    DEFAULT_SHINGLE_SIZE,
    DEFAULT_THRESHOLD,
    LSH_MISS_PROBABILITY,
    MAX_SIGNATURE_WORDS,
    NearRule,
    choose_bands,
)

__all__ = [
    "DEFAULT_CONTAINMENT", "DEFAULT_NUM_PERM", "DEFAULT_SHINGLE_SIZE", "DEFAULT_THRESHOLD", "ENTRY_VERSION",
    "LSH_MISS_PROBABILITY", "MAX_SIGNATURE_WORDS", "STAGE", "VERSION", "DedupeIndex", "NearRule", "choose_bands",
    "dedupe",
]
