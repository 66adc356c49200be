"""Dedupe stage: same id, same normalised body, or MinHash-LSH near duplicate.

Public function: ``dedupe(record: dict, index: DedupeIndex, now: float) -> dict`` (a ``unique`` or
``duplicate`` record, see schemas/). ``DedupeIndex`` is the in-memory state passed in.
"""

from workers.stages.dedupe.core import (
    DEFAULT_CONTAINMENT,
    DEFAULT_NUM_PERM,
    DEFAULT_SHINGLE_SIZE,
    DEFAULT_THRESHOLD,
    ENTRY_VERSION,
    LSH_MISS_PROBABILITY,
    MAX_SIGNATURE_WORDS,
    STAGE,
    VERSION,
    DedupeIndex,
    choose_bands,
    dedupe,
)

__all__ = [
    "DEFAULT_CONTAINMENT", "DEFAULT_NUM_PERM", "DEFAULT_SHINGLE_SIZE", "DEFAULT_THRESHOLD", "ENTRY_VERSION",
    "LSH_MISS_PROBABILITY", "MAX_SIGNATURE_WORDS", "STAGE", "VERSION", "DedupeIndex", "choose_bands", "dedupe",
]
