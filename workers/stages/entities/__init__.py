"""Entities stage: spaCy NER over title and body -> canonical entities with exact offsets.

Public function: ``tag(records: list[dict], nlp, labels) -> list[dict]`` (``tagged`` records, see
schemas/tagged.json). The passes are modules of this package:

core      - pipeline loading, the per-article mention passes and ``tag``
fixes     - span fixes for known small-model errors (general rules only)
canonical - canonical names within an article (short forms, titles, possessives): rule tables
salience  - title/lead/frequency weighting
"""

from workers.stages.entities.core import (
    STAGE,
    VERSION,
    ModelMissing,
    lexicon,
    load_pipeline,
    require_model,
    sentence_case,
    tag,
)

__all__ = ["STAGE", "VERSION", "ModelMissing", "lexicon", "load_pipeline", "require_model", "sentence_case", "tag"]
