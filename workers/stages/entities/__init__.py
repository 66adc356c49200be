"""Entities stage: spaCy NER over title and body -> canonical entities with exact offsets.

Public function: ``tag(records: list[dict], nlp, labels) -> list[dict]`` (``tagged`` records, see
schemas/tagged.json). The passes are modules of this package:

core      - pipeline loading, ``tag`` and the per-article mention passes (``MENTION_PASSES``)
fixes     - span fixes for known small-model errors (general rules only)
canonical - canonical names within an article (country forms, titles, possessives)
roles     - offices, honorifics and role phrases before names
tables    - the rule tables, as data in one place (roles, names ending in 's, country forms, ...)
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
