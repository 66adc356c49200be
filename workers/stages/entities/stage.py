"""Entities stage entry point: `tag(records, nlp, labels)` runs one spaCy pass over titles and
bodies, then each article's mentions through MENTION_PASSES (the pass modules of this package, in
order), grouping.py and salience.py.
"""

from __future__ import annotations

from typing import Iterable

from spacy.language import Language

from workers.stages.entities import cache as paragraph_cache
from workers.stages.entities.cache import ParagraphCache
from workers.stages.entities.companies import (
    _analysts_at,
    _brand_names,
    _club_prefixes,
    _companies_not_persons,
    _company_first_words,
    _company_form_suffixes,
    _company_forms,
    _company_names,
    _cued_companies,
    _described_companies,
    _listed_companies,
)
from workers.stages.entities.context import Article, _article, _model_mentions
from workers.stages.entities.events import _law_names, _named_events, _site_names, _storm_names
from workers.stages.entities.fixes import Mention
from workers.stages.entities.grouping import _label_groups, _more_mentions, _results
from workers.stages.entities.openers import _common_openers, _descriptor_modifiers
from workers.stages.entities.organisations import (
    _acronyms,
    _and_institutions,
    _dateline_credits,
    _described_organisations,
    _employers_after_roles,
    _group_names,
    _institutions_not_works,
    _match_teams,
    _member_possessors,
    _org_short_forms,
    _persons_organisations,
    _placed_institutions,
    _possessed_institutions,
)
from workers.stages.entities.orgspans import (
    _org_and_nouns,
    _org_connective_openings,
    _org_openings,
    _org_tails,
    _orgs_cut_at_and,
    _orgs_of_places,
    _orgs_over_roles,
)
from workers.stages.entities.persons import (
    _acronym_persons,
    _adjacent_persons,
    _apposed_persons,
    _arabic_names,
    _given_names_pass,
    _not_persons,
    _numbered_not_persons,
    _person_evidence,
    _persons_of_names,
    _possessor_persons,
    _regnal_names,
)
from workers.stages.entities.pipeline import (
    all_caps_headline,
    lexicon,
    model_text,
    nouns,
    recase_caps,
    sentence_case,
    title_cased,
)
from workers.stages.entities.placelists import (
    _division_names,
    _listed_places,
    _place_noun_names,
    _place_particles,
    _towns_not_regions,
    _towns_not_works,
    _untagged_place_noun_names,
)
from workers.stages.entities.places import (
    _countries_are_places,
    _dateline_places,
    _demonym_words,
    _feature_groups,
    _full_form_places,
    _generic_places,
    _hyphen_places,
    _joined_country_names,
    _named_features,
    _places_of_offices,
    _regions_are_places,
    _route_ends,
    _shared_short_forms,
    _split_place_pairs,
    _untagged_places,
    _untagged_toponyms,
    _world_regions,
)
from workers.stages.entities.possessives import _possessives
from workers.stages.entities.products import _described_products, _product_companies, _product_lines
from workers.stages.entities.role_names import (
    _org_place_units,
    _orgs_before_roles,
    _persons_before_roles,
    _role_named_persons,
)
from workers.stages.entities.surnames import _join_persons, _surname_labels


STAGE = "entities"
VERSION = "0.4"


def _described(article: Article, found: list[Mention]) -> list[Mention]:
    """Companies told by an apposition, a company word or their analysts; places told by
    "in X, where", by an office of a place ("mayor of X") or by a generic term ("in X Creek")."""
    if "ORG" in article.labels and article.body_doc is not None:
        found = found + _described_companies(article.body, article.body_doc, found)
        found = _company_names(article, found)
        found = _analysts_at(article, found)
    if "GPE" in article.labels:
        found = _places_of_offices(article, found)
        found = _generic_places(article, found)
        if article.body_doc is not None:
            found = _untagged_toponyms(article, found)
    found = _named_features(article, found)
    if "GPE" in article.labels and article.body_doc is not None:
        found = found + _untagged_places(article.body, article.body_doc, found, article.words)
    return found


MENTION_PASSES = (
    _dateline_places,
    _dateline_credits,
    _possessives,
    _storm_names,
    _named_events,
    _law_names,
    _demonym_words,
    lambda article, found: _split_place_pairs(found, article.texts),
    _route_ends,
    _persons_of_names,
    _hyphen_places,
    _full_form_places,
    _joined_country_names,
    _countries_are_places,
    _shared_short_forms,
    _regions_are_places,
    _division_names,
    _not_persons,
    _described,
    _role_named_persons,
    _arabic_names,
    _apposed_persons,
    _regnal_names,
    _person_evidence,
    _possessor_persons,
    _surname_labels,
    _companies_not_persons,
    _company_first_words,
    _acronym_persons,
    _cued_companies,
    _brand_names,
    _listed_places,
    _world_regions,
    _place_noun_names,
    _untagged_place_noun_names,
    _towns_not_works,
    _feature_groups,
    _site_names,
    _towns_not_regions,
    _described_organisations,
    _described_products,
    _product_companies,
    _product_lines,
    _company_forms,
    _club_prefixes,
    _company_form_suffixes,
    _listed_companies,
    _group_names,
    _member_possessors,
    _match_teams,
    _institutions_not_works,
    _org_connective_openings,
    _org_and_nouns,
    _and_institutions,
    _orgs_cut_at_and,
    _org_tails,
    _possessed_institutions,
    _placed_institutions,
    _orgs_over_roles,
    _orgs_of_places,
    _place_particles,
    _org_openings,
    _orgs_before_roles,
    _persons_before_roles,
    _persons_organisations,
    _employers_after_roles,
    _org_place_units,
    _adjacent_persons,
    _given_names_pass,
    _join_persons,
    _numbered_not_persons,
    _common_openers,
    _descriptor_modifiers,
    _acronyms,
    _org_short_forms,
)


def _entities(
    record: dict, title_doc, body_doc, labels: frozenset[str], words: frozenset[str] = frozenset(),
    nouns: frozenset[str] = frozenset(),
) -> list[dict]:
    """One article's entities: the model's mentions through MENTION_PASSES, grouped, labelled,
    completed with the missed mentions of the same names, and weighted."""
    article = _article(record, title_doc, body_doc, labels, words, nouns)
    found = _model_mentions(article)
    for step in MENTION_PASSES:
        found = step(article, found)
    groups, labelled = _label_groups(article, found)
    _more_mentions(article, found, groups, labelled)
    return _results(article, groups, labelled)


def tag(records: list[dict], nlp: Language, labels: Iterable[str], cache: ParagraphCache | None = None) -> list[dict]:
    """Unique records -> tagged records, one spaCy pass over all titles and bodies; with a
    `cache` (cache.py), paragraphs tagged before are not tagged again (same entities)."""
    labels = frozenset(labels)
    texts = []
    for record in records:
        title = record.get("title")
        if title:
            if all_caps_headline(title):
                texts.append(model_text(recase_caps(title, record["body"], nlp)))
            else:
                texts.append(model_text(sentence_case(title, record["body"], nlp) if title_cased(title) else title))
        texts.append(model_text(record["body"]))
    docs = iter(paragraph_cache.pipe(nlp, texts, cache))
    words, common_nouns = lexicon(nlp), nouns(nlp)
    tagged = []
    for record in records:
        title_doc = next(docs) if record.get("title") else None
        body_doc = next(docs)
        tagged.append(
            {
                **record,
                "status": "tagged",
                "entities": _entities(record, title_doc, body_doc, labels, words, common_nouns),
                "pipeline": {**record["pipeline"], STAGE: {"version": VERSION}},
            }
        )
    return tagged
