"""Entities stage entry point: `tag(records, nlp, labels)` runs one spaCy pass over titles and
bodies, then each article's mentions through MENTION_PASSES (the pass modules of this package, in
order), grouping.py and salience.py.
"""

from __future__ import annotations

from typing import Iterable

from spacy.language import Language

from workers.stages.entities import cache as paragraph_cache
from workers.stages.entities.cache import ParagraphCache
from workers.stages.entities.clubs import club_short_forms, franchise_names, place_led_of_names, scorer_persons
from workers.stages.entities.companies import (
    analysts_at,
    brand_names,
    club_prefixes,
    companies_not_persons,
    company_first_words,
    company_form_suffixes,
    company_forms,
    company_openers,
    company_names,
    cued_companies,
    described_companies,
    listed_companies,
    sentence_end_forms,
)
from workers.stages.entities.context import Article, model_mentions, new_article
from workers.stages.entities.events import (
    disease_names,
    law_names,
    named_events,
    river_names,
    site_names,
    storm_names,
    volcano_names,
)
from workers.stages.entities.fixes import Mention
from workers.stages.entities.grouping import entity_dicts, label_groups, more_mentions
from workers.stages.entities.openers import common_openers, descriptor_modifiers
from workers.stages.entities.organisations import (
    acronyms,
    and_institutions,
    dateline_credits,
    described_organisations,
    employers_after_roles,
    group_names,
    institutions_not_works,
    match_teams,
    member_possessors,
    org_short_forms,
    persons_organisations,
    placed_institutions,
    possessed_institutions,
)
from workers.stages.entities.orgspans import (
    acronym_pairs,
    acronym_tails,
    court_areas,
    foreign_and_tails,
    org_and_nouns,
    org_connective_openings,
    org_openings,
    org_tails,
    org_lists,
    orgs_cut_at_and,
    orgs_cut_at_start,
    orgs_joined_by_and_nouns,
    orgs_of_places,
    place_led_orgs,
    orgs_over_roles,
)
from workers.stages.entities.persons import (
    acronym_named_persons,
    acronym_persons,
    adjacent_persons,
    apposed_persons,
    arabic_names,
    given_names_pass,
    not_persons,
    numbered_not_persons,
    person_evidence,
    persons_of_names,
    possessor_persons,
    regnal_names,
    ship_names,
    sport_bodies,
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
    based_places,
    division_names,
    listed_places,
    people_in_places,
    places_before_roles,
    place_noun_names,
    place_particles,
    towns_not_regions,
    towns_not_works,
    untagged_place_noun_names,
)
from workers.stages.entities.places import (
    admin_division_names,
    capital_cities,
    countries_are_places,
    dateline_places,
    demonym_words,
    gazetteer_cities,
    feature_groups,
    full_form_places,
    generic_places,
    hyphen_country_agencies,
    hyphen_places,
    joined_country_names,
    named_features,
    places_of_offices,
    regions_are_places,
    route_ends,
    shared_short_forms,
    split_place_pairs,
    untagged_places,
    untagged_toponyms,
    world_regions,
)
from workers.stages.entities.particles import (
    acronym_long_forms,
    bracketed_acronym_orgs,
    bracketed_short_forms,
    particle_names,
    particle_persons,
)
from workers.stages.entities.possessives import possessives
from workers.stages.entities.products import described_products, product_companies, product_lines
from workers.stages.entities.role_names import (
    org_place_units,
    orgs_before_roles,
    persons_before_roles,
    portfolio_words,
    role_named_persons,
)
from workers.stages.entities.surnames import join_partial_names, surname_labels


STAGE = "entities"
VERSION = "0.4"


def _described(article: Article, found: list[Mention]) -> list[Mention]:
    """Companies told by an apposition, a company word or their analysts; places told by
    "in X, where", by an office of a place ("mayor of X") or by a generic term ("in X Creek")."""
    if "ORG" in article.labels and article.body_doc is not None:
        found = found + described_companies(article.body, article.body_doc, found)
        found = company_names(article, found)
        found = analysts_at(article, found)
    if "GPE" in article.labels:
        found = places_of_offices(article, found)
        found = generic_places(article, found)
        if article.body_doc is not None:
            found = untagged_toponyms(article, found)
    found = named_features(article, found)
    if "GPE" in article.labels and article.body_doc is not None:
        found = found + untagged_places(article.body, article.body_doc, found, article.words)
    return found


MENTION_PASSES = (
    dateline_places,
    dateline_credits,
    possessives,
    storm_names,
    named_events,
    law_names,
    particle_names,
    particle_persons,
    acronym_long_forms,
    bracketed_acronym_orgs,
    acronym_pairs,
    demonym_words,
    lambda article, found: split_place_pairs(found, article.texts),
    route_ends,
    persons_of_names,
    hyphen_places,
    hyphen_country_agencies,
    full_form_places,
    joined_country_names,
    countries_are_places,
    capital_cities,
    gazetteer_cities,
    admin_division_names,
    shared_short_forms,
    regions_are_places,
    division_names,
    not_persons,
    sport_bodies,
    based_places,
    places_before_roles,
    _described,
    role_named_persons,
    portfolio_words,
    arabic_names,
    apposed_persons,
    regnal_names,
    person_evidence,
    scorer_persons,
    possessor_persons,
    companies_not_persons,
    surname_labels,
    company_first_words,
    acronym_persons,
    acronym_named_persons,
    ship_names,
    cued_companies,
    brand_names,
    listed_places,
    people_in_places,
    world_regions,
    place_noun_names,
    untagged_place_noun_names,
    towns_not_works,
    feature_groups,
    site_names,
    river_names,
    volcano_names,
    disease_names,
    towns_not_regions,
    described_organisations,
    described_products,
    product_companies,
    product_lines,
    company_forms,
    club_prefixes,
    company_form_suffixes,
    company_openers,
    sentence_end_forms,
    franchise_names,
    place_led_of_names,
    listed_companies,
    group_names,
    member_possessors,
    match_teams,
    institutions_not_works,
    org_connective_openings,
    org_and_nouns,
    and_institutions,
    orgs_cut_at_and,
    foreign_and_tails,
    orgs_joined_by_and_nouns,
    org_lists,
    orgs_cut_at_start,
    org_tails,
    place_led_orgs,
    possessed_institutions,
    placed_institutions,
    orgs_over_roles,
    orgs_of_places,
    court_areas,
    acronym_tails,
    place_particles,
    org_openings,
    orgs_before_roles,
    persons_before_roles,
    persons_organisations,
    employers_after_roles,
    org_place_units,
    adjacent_persons,
    club_short_forms,
    given_names_pass,
    join_partial_names,
    numbered_not_persons,
    common_openers,
    descriptor_modifiers,
    acronyms,
    bracketed_short_forms,
    org_short_forms,
)


def _entities(
    record: dict, title_doc, body_doc, labels: frozenset[str], words: frozenset[str] = frozenset(),
    nouns: frozenset[str] = frozenset(),
) -> list[dict]:
    """One article's entities: the model's mentions through MENTION_PASSES, grouped, labelled,
    completed with the missed mentions of the same names, and weighted."""
    article = new_article(record, title_doc, body_doc, labels, words, nouns)
    found = model_mentions(article)
    for step in MENTION_PASSES:
        found = step(article, found)
    groups, labelled = label_groups(article, found)
    more_mentions(article, found, groups, labelled)
    return entity_dicts(article, groups, labelled)


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
