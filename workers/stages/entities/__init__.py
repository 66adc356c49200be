"""Entities stage: spaCy NER over title and body -> canonical entities with exact offsets.

Public function: ``tag(records: list[dict], nlp, labels) -> list[dict]`` (``tagged`` records, see
schemas/tagged.json). The passes are modules of this package, each of one concern:

stage         - ``tag`` and the order of the per-article mention passes (``MENTION_PASSES``)
pipeline      - pipeline loading (NER only), the model's lexicons, headlines recased for the model
context       - ``Article`` (one article being tagged) and the mention helpers the passes share
scan          - text predicates the passes share (word edges, sentence openings, name shapes)
possessives   - names before "'s": the possessive stripped or kept
persons       - persons told by evidence, cut or glued by the model, and "persons" that are none
surnames      - partial person names labelled and joined to the full name
role_names    - names next to role phrases: the person after, the organisation or place before
openers       - sentence-opening words that are no names
places        - countries, capitals and gazetteer cities, regions, toponyms, features, datelines, full forms, routes
placelists    - places told by lists, residents, place nouns, subdivisions, particles, "X-based" and roles
particles     - names of other languages joined over their particles; long forms before acronyms
companies     - companies told by appositions, cues, openings and legal forms, brands, lists
products      - products, their lines, sellers and owners
organisations - described organisations, groups, teams, institutions, short forms, acronyms
clubs         - sports clubs named with a club word last, their short forms; scorers as players
orgspans      - organisation spans the model cut short, grown or joined
events        - storms, sporting events, laws and sites
grouping      - mentions grouped by canonical name, labelled by vote, completed and weighted
fixes         - span fixes for known small-model errors (general rules only), ``Mention``
canonical     - canonical names within an article (country forms, titles, possessives)
roles         - offices, honorifics and role phrases before names
tables        - the rule tables, as data in one place (roles, names ending in 's, country forms, ...)
salience      - title/lead/frequency weighting
cache         - paragraphs tagged before (LRU), not tagged again
"""

from workers.stages.entities.pipeline import ModelMissing, lexicon, load_pipeline, require_model, sentence_case
from workers.stages.entities.stage import STAGE, VERSION, tag

__all__ = ["STAGE", "VERSION", "ModelMissing", "lexicon", "load_pipeline", "require_model", "sentence_case", "tag"]
