"""The entities stage's rule tables (workers/stages/entities/tables.py), row by row."""

from __future__ import annotations

import re

import pytest

from record_factory import article_record
from workers.settings import DEFAULT_ENTITY_LABELS
from workers.stages import placenames
from workers.stages.entities import (
    canonical,
    companies,
    context,
    events,
    fixes,
    grouping,
    openers,
    organisations,
    orgspans,
    particles,
    persons as person_passes,
    pipeline,
    placelists,
    places,
    products,
    role_names,
    roles,
    scan,
    stage,
    surnames,
    tables,
)

ROLE_ROWS = [phrase for phrase, _ in tables.ROLES]


def tag_body(nlp, body: str, title: str | None = None) -> dict[str, dict]:
    record = article_record("t1", body, "unique", title=title)
    record["paragraphs"] = [p for p in body.split("\n") if p.strip()]
    tagged = stage.tag([record], nlp, DEFAULT_ENTITY_LABELS)[0]
    return {entity["name"]: entity for entity in tagged["entities"]}


def _capitalised(phrase: str) -> str:
    return " ".join(word[:1].upper() + word[1:] for word in phrase.split())


def test_every_domain_the_issue_names_has_rows():
    domains = {domain for _, domain in tables.ROLES}
    assert {"civic", "judicial", "church", "military", "corporate", "sports", "maritime", "police", "honorific"} <= domains


def test_rows_are_lowercase_and_unique():
    assert all(phrase == phrase.lower() and phrase.strip() == phrase for phrase in ROLE_ROWS)
    assert len(ROLE_ROWS) == len(set(ROLE_ROWS))


@pytest.mark.parametrize("phrase", ROLE_ROWS)
def test_role_row_is_a_role_prefix_in_any_case(phrase):
    words = _capitalised(phrase).split() + ["Jane", "Doakes"]
    assert roles.role_prefix_length(words) == len(phrase.split())
    assert roles.role_prefix_length(phrase.split() + ["Jane", "Doakes"]) == len(phrase.split())


@pytest.mark.parametrize("phrase", ROLE_ROWS)
def test_role_row_is_never_part_of_a_persons_name(phrase):
    text = f"{_capitalised(phrase)} Jane Doakes"
    start, end = canonical.trim_span(text, 0, len(text), person=True)
    assert text[start:end] == "Jane Doakes"


@pytest.mark.parametrize("phrase", [p for p, d in tables.ROLES if d not in tables.NOT_PERSON_CUES])
def test_role_row_makes_the_next_capitalised_words_a_candidate(phrase):
    text = f"On Monday {phrase} Jane Doakes said the plan would go ahead."
    found = [(text[b:c]) for _, b, c in roles.named_after_roles(text)]
    assert "Jane Doakes" in found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("On Monday Councillor Órla Pellweather said no.", "Órla Pellweather"),  # a Latin-1 capital opens the name
        ("On Monday Senator Łucja Varn said no.", "Łucja Varn"),  # Latin Extended-A
        ("On Monday Tánaiste Ana Lind said no.", "Ana Lind"),  # an accented role word
    ],
)
def test_roles_and_names_in_any_latin_letters(text, name):
    assert name in [text[b:c] for _, b, c in roles.named_after_roles(text)]
    start = text.index(name)
    assert roles.role_before(text, start) >= 0


@pytest.mark.parametrize(
    ("words", "size"),
    [
        ("Prime Minister Datuk Seri Ana Lind", 4),  # an office, then a Malaysian honorific
        ("Premier Tan Sri Ana Lind", 3),
        ("Tan Wei Lind said", 0),  # "Tan" alone is a surname, no honorific
        ("Datuk Ana Lind", 1),
    ],
)
def test_malaysian_honorifics_chain_after_an_office(words, size):
    assert roles.role_prefix_length(words.split()) == size


@pytest.mark.parametrize("abbreviation", sorted(tables.HONORIFIC_ABBREVIATIONS))
def test_honorific_abbreviation_in_capitals_is_initials(abbreviation):
    capitals = f"{abbreviation.upper()} Tarrowby said so."
    start, end = canonical.trim_span(capitals, 0, len(f"{abbreviation} Tarrowby"), person=True)
    assert capitals[start:end] == f"{abbreviation.upper()} Tarrowby"
    honorific = f"{abbreviation.capitalize()} Tarrowby said so."
    start, end = canonical.trim_span(honorific, 0, len(f"{abbreviation} Tarrowby"), person=True)
    assert honorific[start:end] == "Tarrowby"
    assert not roles.is_initials([abbreviation.upper(), "TARROWBY"], 0)  # an all-caps headline


@pytest.mark.parametrize("modifier", sorted(tables.ROLE_MODIFIERS))
def test_modifier_row_belongs_to_the_role_after_it(modifier):
    assert roles.role_prefix_length([modifier.capitalize(), "Commissioner", "Jane", "Doakes"]) == 2
    alone = 1 if (modifier,) in roles.PHRASES else 0  # "Justice" is a role too; "County" is not
    assert roles.role_prefix_length([modifier.capitalize(), "Jane", "Doakes"]) == alone


@pytest.mark.parametrize(
    "phrase",
    ["Harbour master", "Lifeboat helm", "Archbishop", "County Sheriff", "State Comptroller", "Coroner",
     "Referee", "Detective Chief Inspector", "Head coach", "Rabbi", "Ombudsman", "Coxswain", "Chief executive"],
)
def test_role_phrases_before_names_give_persons_with_the_model(nlp, phrase):
    entities = tag_body(nlp, f"{phrase} Halvard Quennell spoke to reporters on Tuesday. Quennell said the work would continue.")
    assert entities["Halvard Quennell"]["label"] == "PERSON"
    assert entities["Halvard Quennell"]["count"] == 2
    assert not any(name.startswith(phrase.split()[0]) for name in entities)


@pytest.mark.parametrize(
    "body, name",
    [
        ("Shares of Halbrook's fell 9 percent on Tuesday. Analysts said Halbrook's could lose shoppers to rivals.",
         "Halbrook's"),
        ("Quennby's said on Monday that sales rose. Quennby's will open 30 stores this year.", "Quennby's"),
        ("The bid was led by Varsley's, which said it would pay in cash. Varsley's also raised its forecast.",
         "Varsley's"),
    ],
)
def test_a_name_whose_s_is_followed_by_a_verb_is_an_organisation(nlp, body, name):
    """No lexicon of brands: the article's evidence (the bare form never alone, the "'s" form before a
    verb, a modal or punctuation) keeps the "'s" and makes a one-word "person" an organisation."""
    entities = tag_body(nlp, body)
    assert entities[name]["label"] == "ORG"
    assert name[:-2] not in entities


def test_a_persons_possessive_before_a_noun_stays_a_person(nlp):
    entities = tag_body(nlp, "Dana Ostrow's plan was rejected on Wednesday. Ostrow's officials defended it.")
    assert entities["Dana Ostrow"]["label"] == "PERSON"
    assert not any(name.endswith("'s") for name in entities)


@pytest.mark.parametrize("name", ["Vargas's", "Northwind Airlines'", "Britain's", "Jones'", "Smith", "Tarrowby's"])
def test_possessives_are_not_names_ending_in_s(name):
    assert not canonical.ends_in_own_s(name)


@pytest.mark.parametrize("name", ["St John's", "St. John's", "Saint Mary's", "ST. JOHN'S", "St Thomas'"])
def test_saints_in_the_possessive_are_names(name):
    assert canonical.ends_in_own_s(name)


@pytest.mark.parametrize("form,name", sorted(tables.COUNTRY_FORMS.items()))
def test_country_form_rows(form, name):
    assert canonical.normalise(form) == name
    assert canonical.known_place(form) and canonical.known_place(name)


@pytest.mark.parametrize("form", sorted(f for f in canonical.ALIASES if "'" in f))
def test_country_forms_match_with_a_curly_apostrophe(form):
    curly = form.replace("'", "\u2019")
    assert canonical.normalise(curly) == canonical.ALIASES[form] and canonical.known_place(curly)


@pytest.mark.parametrize("name", ["O\u2019Tarrow", "Tarrow\u2019s Yard"])
def test_other_names_keep_their_curly_apostrophe(name):
    assert canonical.normalise(name) == name and not canonical.known_place(name)


@pytest.mark.parametrize(
    ("others", "short", "expected"),
    [
        (["Democratic Republic of Congo"], "Congo", "Democratic Republic of the Congo"),  # the one named in full
        (["DRC"], "CONGO", "Democratic Republic of the Congo"),  # any form of it, a capitals headline
        ([], "Congo", "Republic of the Congo"),  # none named: the ISO default
        (["Democratic Republic of Congo", "Republic of Congo"], "Congo", "Republic of the Congo"),  # both: default
    ],
)
def test_a_short_form_of_two_countries_names_the_one_the_article_names(others, short, expected):
    text = "Tarrow said " + " and ".join(others + [short]) + " met."
    found = [_feature_mention(text, f, "GPE") for f in others + [short]]
    for m in found:
        m.name = canonical.normalise(m.text)
    found = places.shared_short_forms(_article(text), found)
    assert found[-1].name == expected


@pytest.mark.parametrize("label", ["LOC", "ORG", "NORP", "PERSON", "FAC"])
def test_a_known_country_is_a_place_whatever_the_model_said(label):
    text = "Exports from Togo rose."
    found = [_feature_mention(text, "Togo", label)]
    assert places.countries_are_places(_article(text), found)[0].label == "GPE"


@pytest.mark.parametrize("country", ["TOGO", "BURKINA FASO", "NEW ZEALAND"])
def test_a_known_country_in_capitals_is_a_place(country):
    text = f"{country} DOCKERS WALK OUT"
    found = [_feature_mention(text, country, "PERSON")]
    assert places.countries_are_places(_article(text), found)[0].label == "GPE"


@pytest.mark.parametrize("code,name", sorted(tables.COUNTRY_NAMES.items()))
def test_country_name_rows_are_iso_codes_with_their_canonical_name(code, name):
    import pycountry

    country = pycountry.countries.get(alpha_3=code)
    assert country is not None
    for form in (country.name, getattr(country, "official_name", None)):
        if form and "," not in form and form != name:
            assert canonical.normalise(form) == name


@pytest.mark.parametrize(
    "form,name",
    [("Russian Federation", "Russia"), ("Viet Nam", "Vietnam"), ("Republic of Korea", "South Korea"),
     ("Kingdom of the Netherlands", "Netherlands"), ("Syrian Arab Republic", "Syria"), ("Czechia", "Czech Republic"),
     ("Islamic Republic of Iran", "Iran"), ("France", "France")],
)
def test_iso_forms_from_pycountry(form, name):
    assert canonical.normalise(form) == name


@pytest.mark.parametrize("union", sorted(tables.UNIONS))
def test_union_rows_are_canonical_names_of_the_country_table(union):
    assert union in tables.COUNTRY_FORMS.values()


@pytest.mark.parametrize("word", sorted(tables.COMPANY_WORDS))
def test_company_word_rows_end_no_role_named_person(word):
    text = f"Chairman Quillon {word.capitalize()} said the deal was done."
    entities = [text[b:c] for _, b, c in roles.named_after_roles(text)]
    assert entities == [f"Quillon {word.capitalize()}"]  # a candidate, which the stage then refuses
    assert word in tables.COMPANY_WORDS | tables.NOT_NAME_ENDS


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ships of Tarvo Shipping waited.", "Tarvo Shipping"),
        ("Ships of TARVO Shipping waited.", "TARVO Shipping"),  # an acronym as the first word
        ("Ships of TaRVO Logistics waited.", "TaRVO Logistics"),
        ("Ships of Tarvo Renewables waited.", "Tarvo Renewables"),  # energy companies by their trade
        ("Ships of Tarvo Solar waited.", "Tarvo Solar"),
        ("Ships of Tarvo Re waited.", "Tarvo Re"),  # a reinsurer
    ],
)
def test_a_capitalised_word_and_a_company_word_is_a_company(nlp, text, name):
    article = context.Article({}, None, nlp.make_doc(text), frozenset(DEFAULT_ENTITY_LABELS), frozenset({"ships"}),
                              frozenset(), {"title": "", "body": text})
    assert _labels(companies.company_names(article, [])) == {name: "ORG"}


@pytest.mark.parametrize("word", sorted(tables.NOT_NAME_ENDS))
def test_not_name_end_rows_are_lowercase_words(word):
    assert word == word.lower() and word.isalpha()


@pytest.mark.parametrize("office", sorted(tables.PLACE_OFFICES))
def test_place_office_rows_make_the_name_after_them_a_place(nlp, office):
    entities = tag_body(nlp, f"Dana Ostrow was elected {office} of Wrenfield Bay on Friday after a long count.")
    assert entities["Wrenfield Bay"]["label"] == "GPE"


@pytest.mark.parametrize("name", sorted(canonical.NAMES_WITH_THE))
def test_names_with_the_keep_their_article(name):
    text = f"the {name[4:]}" if name.startswith("The ") else name
    start, end = canonical.trim_span(name, 0, len(name), person=False)
    assert name[start:end] == name
    lower_start, lower_end = canonical.trim_span(text, 0, len(text), person=False)
    assert text[lower_start:lower_end] in (name, text)


# --- place names by their generic term (TOPONYM_GENERICS, ORG_DESIGNATORS, LOCATIVE_PREPOSITIONS) --

GENERIC_ROWS = [generic for generic, _ in placenames.TOPONYM_GENERICS]


def test_generic_rows_are_lowercase_unique_and_no_designator():
    assert all(g == g.lower() and " " not in g for g in GENERIC_ROWS) and len(GENERIC_ROWS) == len(set(GENERIC_ROWS))
    assert not set(GENERIC_ROWS) & tables.ORG_DESIGNATORS
    assert {"flat", "creek", "springs", "falls", "crossing", "junction", "valley", "ridge", "heights", "wells"} <= set(GENERIC_ROWS)


@pytest.mark.parametrize("generic", GENERIC_ROWS)
def test_generic_row_ends_a_place_name_unless_a_designator_is_in_it(generic):
    name = f"Tallowood {generic.capitalize()}"
    assert scan.toponym_shaped(name)
    assert not scan.toponym_shaped(generic.capitalize())  # one word: the generic alone is no name
    assert not scan.toponym_shaped(f"tallowood {generic}")  # not a name
    assert not scan.toponym_shaped(f"{name} Council") and not scan.toponym_shaped(f"Bank of {name}".replace("of ", "Of "))
    assert not scan.toponym_shaped(f"{name} Ltd") and not scan.toponym_shaped(f"{generic.capitalize()} Tallowood")


@pytest.mark.parametrize("designator", ["Ltd", "Inc", "Council", "Bank", "Mining", "Hospital", "University", "Station"])
def test_designator_row_keeps_an_organisation(designator):
    assert not scan.toponym_shaped(f"Tallowood {designator} Creek")


@pytest.mark.parametrize(("preposition", "persons"), tables.LOCATIVE_PREPOSITIONS)
def test_locative_preposition_row(nlp, preposition, persons):
    """An organisation-like label after any row is a place; a person only after person-free rows."""
    sentence = f"Officials said the clinic {preposition} Wattlebrook Flat would close in March."
    assert ("Wattlebrook Flat", "ORG") in [(e.text, e.label_) for e in nlp(sentence).ents]  # the model's kind
    assert tag_body(nlp, sentence)["Wattlebrook Flat"]["label"] == "GPE"
    found = places._PLACE_BEFORE.search(f"the clinic {preposition} the ")
    assert found is not None and found.group(1) == preposition
    assert (preposition in places._PERSON_FREE) == persons


# --- a name between "the" and a lowercase generic term names that feature (TOPONYM_GENERICS) ---


def _feature_mention(text: str, name: str, label: str):
    from workers.stages.entities.fixes import Mention

    start = text.index(name)
    return Mention("body", start, start + len(name), name, label, name)


def _article(text: str, words=frozenset(), nouns=frozenset()):
    return context.Article({}, None, None, frozenset(DEFAULT_ENTITY_LABELS), words, nouns, {"title": "", "body": text})


@pytest.mark.parametrize(("generic", "feature_class"), placenames.TOPONYM_GENERICS)
def test_generic_row_after_a_name_makes_it_a_feature_unless_named_after_a_place(generic, feature_class):
    text = f"Levels at the Tallowood {generic} fell again on Monday."
    [mention] = places.named_features(_article(text), [_feature_mention(text, "Tallowood", "PERSON")])
    if feature_class in ("Crossing", "Populated Place"):  # "the Rafah crossing": named after a town
        assert (mention.label, mention.forced) == ("PERSON", False)
    else:
        assert (mention.label, mention.forced) == ("LOC", True)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Levels at Tallowood reservoir fell.", "PERSON"),  # no "the": a name's, not a feature's
        ("Levels at the Tallowood Reservoir fell.", "PERSON"),  # capitalised: the name goes on
        ("Levels at the Tallowood reservoirs fell.", "PERSON"),  # not a row
        ("Tallowood flooded. Levels at the Tallowood river fell.", "GPE"),  # a place, also named alone
    ],
)
def test_named_feature_needs_the_and_a_lowercase_row(text, label):
    start = text.index("Tallowood", text.index("at "))
    mention = fixes.Mention("body", start, start + len("Tallowood"), "Tallowood", label, "Tallowood")
    [mention] = places.named_features(_article(text), [mention])
    assert mention.label == label and not mention.forced


def test_named_feature_in_a_sentence(nlp):
    names = tag_body(nlp, "Water levels at the Pellbrook reservoir have fallen to their lowest point in ten years, the authority said.")
    assert names["Pellbrook"]["label"] == "LOC"


@pytest.mark.parametrize(
    ("name", "label", "kept"),
    [("Phase 2", "PERSON", False), ("Variant 12", "PERSON", False), ("Henry VIII", "PERSON", True),
     ("Studio 54", "ORG", True), ("Ann Lee", "PERSON", True)],
)
def test_a_person_with_a_digit_is_a_numbered_label(name, label, kept):
    text = f"{name}: the figures rose again."
    found = person_passes.numbered_not_persons(_article(text), [_feature_mention(text, name, label)])
    assert bool(found) == kept


def test_a_common_non_noun_opening_a_sentence_is_no_organisation(nlp):
    words, nouns = pipeline.lexicon(nlp), pipeline.nouns(nlp)
    assert "coastal" in words and "coastal" not in nouns and "harbour" in nouns
    for text, opener, expected in [
        ("Coastal towns brace for the storm.", "Coastal", True),
        ("Harbour fees rise again.", "Harbour", False),  # a noun: a company may be named so
        ("Coastal towns brace. Shares of Coastal fell.", "Coastal", False),  # capitalised inside
        ("Towns on the Coastal road brace.", "Coastal", False),  # not opening a sentence
    ]:
        mention = _feature_mention(text, opener, "ORG")
        assert openers._common_modifier_opener(mention, opener, text, _article(text, words, nouns)) == expected, text
    names = tag_body(nlp, "Residents gathered on Saturday to mark the station's hundredth year.", title="Coastal town marks a century of lifeboats")
    assert "Coastal" not in names


# --- an untagged toponym-shaped name after a preposition of place, or after "<person> of" ---


@pytest.mark.parametrize("preposition", [word for word, _ in tables.LOCATIVE_PREPOSITIONS])
def test_untagged_toponym_after_a_preposition_of_place_is_a_place(preposition):
    text = f"The last mill {preposition} Redgum Flat closed in May."
    [added] = places.untagged_toponyms(_article(text), [])
    assert (added.text, added.label) == ("Redgum Flat", "GPE")


@pytest.mark.parametrize(
    ("text", "person", "place"),
    [
        ("Mayor Ana Ruiz of Redgum Flat said the grant was late.", "Ana Ruiz", "Redgum Flat"),
        ("The Battle of Redgum Flat was fought in 1864.", None, None),  # "of" after no person
        ("A loan from the Bank of Redgum Flat was repaid.", None, None),
        ("Pupils at Redgum Flat Elementary went home early.", None, None),  # part of a longer name
        ("Pupils at Redgum Flat School went home early.", None, None),
        ("Ana Ruiz of Redgum Creek Council spoke first.", "Ana Ruiz", None),  # a designator follows
        ("The new clinic opened in Redgum Flat.", None, "Redgum Flat"),
    ],
)
def test_untagged_toponym_needs_a_place_preposition_or_a_person_before_of(text, person, place):
    found = [_feature_mention(text, person, "PERSON")] if person else []
    added = places.untagged_toponyms(_article(text), found)[len(found):]
    assert [m.text for m in added] == ([place] if place else [])


def test_untagged_toponym_in_a_sentence(nlp):
    names = tag_body(nlp, "Mayor Dana Whitfield of Larch Hollow said the county had left her town out of the plan.")
    assert names["Larch Hollow"]["label"] == "GPE"


# --- places told by a list or by residents (PLACE_LIST_PREPOSITIONS, RESIDENT_NOUNS) ---


def _article_with_doc(text: str, doc=None):
    """An Article over `text` whose body doc is `doc` (the list and LOC passes only test it is there)."""
    return context.Article({}, None, doc if doc is not None else object(), frozenset(DEFAULT_ENTITY_LABELS),
                        frozenset(), frozenset(), {"title": "", "body": text})


def _labels(found) -> dict[str, str]:
    return {m.text: m.label for m in found}


@pytest.mark.parametrize("preposition", sorted(tables.PLACE_LIST_PREPOSITIONS))
def test_place_list_row_makes_the_other_name_a_place(preposition):
    text = f"Crews worked {preposition} Ludgate and Varnholt all week."
    found = placelists.listed_places(_article_with_doc(text), [_feature_mention(text, "Ludgate", "GPE"),
                                                          _feature_mention(text, "Varnholt", "PERSON")])
    assert _labels(found) == {"Ludgate": "GPE", "Varnholt": "GPE"}


@pytest.mark.parametrize(
    ("text", "known", "expected"),
    [
        ("Talks between Ludgate and Varnholt failed.", "Ludgate", {"Ludgate": "GPE"}),  # no row
        ("Tests ran on Ludgate and Varnholt 3.7 last week.", "Ludgate", {"Ludgate": "GPE"}),  # a version
        ("Crews worked in Ludgate and Varnholt Council offices.", "Ludgate", {"Ludgate": "GPE"}),  # a designator
        ("Crews came from Ludgate and Tarrow Rescue Service.", "Ludgate", {"Ludgate": "GPE"}),  # a designator
        ("Crews worked in Tarrow and Varnholt all week.", None, {}),  # neither is a place
        ("Crews worked in Ludgate and Varnholt all week.", "Varnholt", {"Ludgate": "GPE", "Varnholt": "GPE"}),
        ("Crews worked in Ludgate, Varnholt and Tarrow Bay.", "Ludgate",  # a list with commas
         {"Ludgate": "GPE", "Varnholt": "GPE", "Tarrow Bay": "GPE"}),
        ("Crews worked in Pellow, Ludgate, Varnholt, and Tarrow.", "Varnholt",  # and a serial comma
         {"Pellow": "GPE", "Ludgate": "GPE", "Varnholt": "GPE", "Tarrow": "GPE"}),
        ("Crime is rising in Ludgate, and Varnholt police say so.", "Ludgate", {"Ludgate": "GPE"}),  # a clause
    ],
)
def test_place_list_needs_a_row_a_place_and_names(text, known, expected):
    found = [_feature_mention(text, known, "GPE")] if known else []
    assert _labels(placelists.listed_places(_article_with_doc(text), found)) == expected


def test_place_list_keeps_an_organisation_and_a_forced_person():
    text = "Fans travelled from Ludgate and Varnholt on Sunday."
    found = [_feature_mention(text, "Ludgate", "GPE"), _feature_mention(text, "Varnholt", "ORG")]
    assert _labels(placelists.listed_places(_article_with_doc(text), found))["Varnholt"] == "ORG"
    person = _feature_mention(text, "Varnholt", "PERSON")
    person.forced = True
    found = [_feature_mention(text, "Ludgate", "GPE"), person]
    assert _labels(placelists.listed_places(_article_with_doc(text), found))["Varnholt"] == "PERSON"


@pytest.mark.parametrize("noun", sorted(tables.RESIDENTS_OF_NOUNS))
def test_residents_of_places_the_model_called_organisations(noun):
    text = f"{noun.capitalize()} of Ludgate and Varnholt have complained that branches closed."
    found = [_feature_mention(text, "Ludgate", "ORG"), _feature_mention(text, "Varnholt", "PERSON")]
    assert _labels(placelists.listed_places(_article_with_doc(text), found)) == {"Ludgate": "GPE", "Varnholt": "GPE"}
    forced = _feature_mention(text, "Ludgate", "ORG")
    forced.forced = True  # a rule's organisation stays one, and the list with it
    assert _labels(placelists.listed_places(_article_with_doc(text), [forced]))["Ludgate"] == "ORG"


def test_place_list_splits_a_span_over_the_whole_list():
    text = "Rest centres opened in Ludgate and Varnholt on Friday."
    found = [_feature_mention(text, "Ludgate and Varnholt", "ORG"), _feature_mention("Ludgate", "Ludgate", "GPE")]
    found[1].start, found[1].end = 200, 207  # "Ludgate" named a place elsewhere in the article
    labels = _labels(placelists.listed_places(_article_with_doc(text), found))
    assert labels["Varnholt"] == "GPE" and "Ludgate and Varnholt" not in labels


@pytest.mark.parametrize("noun", sorted(tables.RESIDENT_NOUNS))
def test_resident_row_makes_the_names_after_on_places(noun):
    text = f"Some {noun} on Varnholt and Skerra lost power, and {noun} on Tarrow too."
    found = placelists.listed_places(_article_with_doc(text), [])
    assert _labels(found) == {"Varnholt": "GPE", "Skerra": "GPE", "Tarrow": "GPE"}


@pytest.mark.parametrize("text", ["Some people on Varnholt lost power.", "Residents in Varnholt lost power."])
def test_names_on_after_no_resident_row_are_left(text):
    assert placelists.listed_places(_article_with_doc(text), []) == []


def test_residents_on_islands_in_a_sentence(nlp):
    names = tag_body(nlp, "Islanders on Varnholt and Skerra said shops had run short of bread.")
    assert names["Varnholt"]["label"] == "GPE" and names["Skerra"]["label"] == "GPE"


# --- a LOC after "in" with no article is a town unless a continent, region or feature (WORLD_REGION_WORDS) ---


@pytest.mark.parametrize("word", sorted(tables.WORLD_REGION_WORDS))
def test_world_region_row_keeps_a_loc(word):
    text = f"Prices rose in Upper {word.capitalize()} last year."
    found = placelists.towns_not_regions(_article_with_doc(text), [_feature_mention(text, f"Upper {word.capitalize()}", "LOC")])
    assert found[0].label == "LOC"


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("He bought a villa in Varnholt last year.", "Varnholt", "GPE"),
        ("Hospitals in North Varnholt ran out of fuel.", "North Varnholt", "GPE"),
        ("He bought a villa in the Varnholt last year.", "Varnholt", "LOC"),  # an article before it
        ("Mail piled up in Varnholt Tarrow Depot.", "Varnholt", "LOC"),  # a longer name follows
        ("He said Varnholt was cold.", "Varnholt", "LOC"),  # no preposition of place
    ],
)
def test_loc_after_in_is_a_town(text, name, label):
    found = placelists.towns_not_regions(_article_with_doc(text), [_feature_mention(text, name, "LOC")])
    assert found[0].label == label


@pytest.mark.parametrize("planet", sorted(tables.PLANETS))
def test_planet_row_stays_a_location(planet):
    text = f"The Zarkova probe flew near {planet} and landed in Vellmar."
    found = [_feature_mention(text, planet, "LOC"), _feature_mention(text, "Vellmar", "LOC")]
    assert _labels(placelists.towns_not_regions(_article_with_doc(text), found)) == {planet: "LOC", "Vellmar": "GPE"}


def test_loc_named_otherwise_elsewhere_stays():
    text = "Apps run in Varnholt. Varnholt sells well."
    loc = _feature_mention(text, "Varnholt", "LOC")
    product = _feature_mention(text, "Varnholt sells", "PRODUCT")
    product.text = product.name = "Varnholt"
    assert placelists.towns_not_regions(_article_with_doc(text), [loc, product])[0].label == "LOC"


# --- a name right after a noun describing an organisation (ORG_DESCRIPTOR_NOUNS) ---


@pytest.mark.parametrize("noun", sorted(tables.ORG_DESCRIPTOR_NOUNS))
def test_descriptor_row_makes_the_name_an_organisation(noun):
    text = f"The {noun} Quorvale said profits fell."
    found = organisations.described_organisations(_article_with_doc(text), [_feature_mention(text, "Quorvale", "PERSON")])
    assert _labels(found) == {"Quorvale": "ORG"}


@pytest.mark.parametrize(
    ("text", "name", "label", "expected"),
    [
        ("Developer Tarrow Fields said work would start.", "Tarrow Fields", None, "ORG"),  # opening a sentence
        ("The mine's operator, Sino Tarrow, was told to stop.", "Sino Tarrow", "NORP", "ORG"),
        ("From the Tarrow Climate Service, Ana Lind said it was hot.", "Ana Lind", "PERSON", "PERSON"),
        ("A spokeswoman for the union, Ana Lind, said no.", "Ana Lind", "PERSON", "PERSON"),  # comma: a person
        ("The state health agency, Varquera, said no.", "Varquera", "PERSON", "ORG"),  # one word after a comma
        ("The firm Tarrow said profits fell.", "Tarrow", "GPE", "GPE"),  # the model's place stays
        ("The union Chairman Tarrow said no.", "Chairman Tarrow", None, None),  # a title: no name
        ("The state miner Vérquelle said output rose.", "Vérquelle", "PERSON", "ORG"),  # accented letters
        ("The developer Østvarn Lode said work would start.", "Østvarn Lode", None, "ORG"),
        ("The operator Łarvik said so.", "Łarvik", "PERSON", "ORG"),  # Latin Extended-A capital
    ],
)
def test_descriptor_needs_a_lowercase_noun_and_a_person_or_nothing(text, name, label, expected):
    found = [_feature_mention(text, name, label)] if label else []
    labels = _labels(organisations.described_organisations(_article_with_doc(text), found))
    assert labels.get(name) == expected


# --- the region of a dateline is a place ---


@pytest.mark.parametrize(
    ("text", "region", "expected"),
    [
        ("NEWPORT, Gwent - Head coach Tom Lee named his squad.", "Gwent", True),
        ("RALEIGH, North Carolina (AP) - Storms hit.", "North Carolina", True),
        ("NEWPORT - Gwent coach Tom Lee named his squad.", "Gwent", False),  # no region
        ("He said NEWPORT, Gwent - and more.", "Gwent", False),  # not opening the line
    ],
)
def test_dateline_region(text, region, expected):
    from workers.stages.entities import fixes

    start = text.index(region)
    assert fixes.dateline_region(text, start, start + len(region)) is expected


@pytest.mark.parametrize(
    ("text", "label", "expected"),
    [
        ("VARNHOLT (Tarrow News) - Crews met.", "ORG", True),  # a credit and a dash: a dateline whatever the label
        ("VARNHOLT (TNA) \u2013 Crews met.", "ORG", True),
        ("VARNHOLT (TNA) - Crews met.", "GPE", True),
        ("VARNHOLT, Pellshire (TNA) - Crews met.", "ORG", True),
        ("VARNHOLT (TNA) said profits fell.", "ORG", False),  # no dash: "IBM (NYSE)" may open a line
        ("VARNHOLT, Tarrow and Pellow said so.", "ORG", False),  # the model's ORG before a comma stays
        ("Crews met VARNHOLT (TNA) - then left.", "GPE", False),  # not opening the line
    ],
)
def test_dateline_place_before_a_credit(text, label, expected):
    from workers.stages.entities import fixes

    assert fixes.dateline_position(text, text.index("VARNHOLT"), text.index("VARNHOLT") + 8, label) is expected


@pytest.mark.parametrize(
    ("text", "model", "expected"),
    [
        ("VARNHOLT (Tarrow News) - Crews met.", {}, {"Tarrow News": "ORG"}),  # untagged: added
        ("VARNHOLT (TNA) - Crews met.", {"TNA": "PERSON"}, {"TNA": "ORG"}),  # relabelled
        ("VARNHOLT, Pellshire (TNA) - Crews met.", {}, {"TNA": "ORG"}),  # after a region
        ("Crews met VARNHOLT (TNA) - then left.", {}, {}),  # not opening a line
        ("VARNHOLT (TNA) said profits fell.", {}, {}),  # no dash
    ],
)
def test_dateline_credit_is_an_organisation(text, model, expected):
    found = [_feature_mention(text, "VARNHOLT", "GPE")] + [_feature_mention(text, n, lab) for n, lab in model.items()]
    labels = _labels(organisations.dateline_credits(_article(text), found))
    assert {n: lab for n, lab in labels.items() if n != "VARNHOLT"} == expected


def test_dateline_region_in_a_sentence(nlp):
    names = tag_body(nlp, "CARDIFF, Wales - Head coach Tom Lee named Ben Ray as captain.", title="Ray named Wales captain")
    assert names["Wales"]["label"] == "GPE"


# --- an organisation ending in a designator grows over the words the model left before it ---


@pytest.mark.parametrize(
    ("text", "model", "nationality", "expected"),
    [
        ("World Tallow Programme staff said food ran out.", "Tallow Programme", None, "World Tallow Programme"),
        ("Northern and Tarrow Networks said lines were down.", "Tarrow Networks", "Northern",
         "Northern and Tarrow Networks"),
        ("Presumptive Democratic Tarrow House nominee Ana Lind spoke.", "Tarrow House", "Democratic", "Tarrow House"),
        ("Developer Tarrow Games made it.", "Tarrow Games", None, "Tarrow Games"),  # a describing noun
        ("The Pellow Super Tarrow Club met.", "Tarrow Club", None, "Tarrow Club"),  # a longer run
        ("Chairman Tarrow Holdings said no.", "Tarrow Holdings", None, "Tarrow Holdings"),  # a title
        ("The Tarrow Mining team said no.", "Tarrow Mining", None, "Tarrow Mining"),  # a stop word before
        ("Funds from Pellow-based Tarrow Bond Capital rose.", "Tarrow Bond Capital", None,
         "Tarrow Bond Capital"),  # a word ending in a lowercase part describes
        ("Funds from Pellow-Vell Tarrow Capital rose.", "Tarrow Capital", None, "Pellow-Vell Tarrow Capital"),
    ],
)
def test_org_opening(nlp, text, model, nationality, expected):
    found = [_feature_mention(text, model, "ORG")] + ([_feature_mention(text, nationality, "NORP")] if nationality else [])
    out = orgspans.org_openings(_article_with_doc(text, nlp.make_doc(text)), found)
    assert [m.text for m in out if m.label == "ORG"] == [expected]


# --- the organisation named right before a trade, team or profession role (ORG_ROLE_DOMAINS) ---

ORG_ROLE_ROWS = [phrase for phrase, domain in tables.ROLES if domain in tables.ORG_ROLE_DOMAINS
                 and phrase not in ("st", "saint")]


@pytest.mark.parametrize("phrase", ORG_ROLE_ROWS)
def test_org_role_row_names_the_organisation_before_it(nlp, phrase):
    text = f"Officials said QVRT {phrase} Ana Lind had left."
    found = role_names.orgs_before_roles(_article_with_doc(text, nlp.make_doc(text)), [])
    assert [(m.text, m.label) for m in found] == [("QVRT", "ORG")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials said QVRT minister Ana Lind had left.", []),  # an office: "Mines minister"
        ("Officials said QXRA-certified trainer Ana Lind had left.", []),
        ("Officials said Former coach Ana Lind had left.", []),  # a modifier
        ("Tarrow founder Ana Lind said tarrows were cheap.", []),  # the article writes it in lower case
        ("Officials said Big Tarrow Vell Mill founder Ana Lind had left.", []),  # a longer run
        ("Officials said Big Tarrow Mill founder Ana Lind had left.", [("Big Tarrow Mill", "ORG")]),  # three words
        ("Tarrow founder Ana Lind said prices fell.", [("Tarrow", "ORG")]),
        ("Officials said Kenyan flanker Ana Lind had left.", []),  # a nationality, no organisation
    ],
)
def test_org_before_role_needs_an_untagged_name_of_its_own(nlp, text, expected):
    found = role_names.orgs_before_roles(_article_with_doc(text, nlp.make_doc(text)), [])
    assert [(m.text, m.label) for m in found] == expected


# --- a common noun opening a sentence before a describing noun and a name is no entity ---


@pytest.mark.parametrize(
    ("text", "word", "kept"),
    [
        ("LEEDS, England - Supermarket chain Tarrow said it would close stores.", "Supermarket", False),
        ("Insurance firm Tarrow said claims rose.", "Insurance", False),
        ("Quorvale firm Tarrow said claims rose.", "Quorvale", True),  # no common noun
        ("Insurance chief Ana Lind said claims rose.", "Insurance", True),  # no describing noun after it
        ("Insurance firm Tarrow said claims rose, a report for Insurance said.", "Insurance", True),
        ("Resort owner Ana Lind said bookings rose.", "Resort", False),  # a company's role (ORG_ROLE_DOMAINS)
        ("Quorvale owner Ana Lind said bookings rose.", "Quorvale", True),  # no common noun: a company's name
        ("Health minister Ana Lind said cases rose.", "Health", True),  # an office, not a company's role
    ],
)
def test_descriptor_modifier_opening_a_sentence(nlp, text, word, kept):
    article = context.Article({}, None, None, frozenset(DEFAULT_ENTITY_LABELS), pipeline.lexicon(nlp), pipeline.nouns(nlp),
                           {"title": "", "body": text})
    out = openers.descriptor_modifiers(article, [_feature_mention(text, word, "ORG")])
    assert bool(out) is kept


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pottery historian Ana Lind said kilns were rare.", []),  # a common noun opening a sentence
        ("Officials said Pottery historian Ana Lind had left.", [("Pottery", "ORG")]),  # inside a sentence
        ("Tarrow historian Ana Lind said kilns were rare.", [("Tarrow", "ORG")]),  # no common noun
        ("Pottery Tarrow Ltd won. Pottery founder Ana Lind said so.", [("Pottery", "ORG")]),  # a name's start
    ],
)
def test_org_before_role_is_no_common_noun_opening_a_sentence(nlp, text, expected):
    article = context.Article({}, None, nlp.make_doc(text), frozenset(DEFAULT_ENTITY_LABELS), frozenset(),
                           pipeline.nouns(nlp), {"title": "", "body": text})
    names = [_feature_mention(text, "Pottery Tarrow Ltd", "ORG")] if "Ltd" in text else []
    out = role_names.orgs_before_roles(article, list(names))
    assert [(m.text, m.label) for m in out if m not in names] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Medieval historian Ana Lind said kilns were rare.", []),  # an adjective (no noun) opening a sentence
        ("Officials said Medieval historian Ana Lind had left.", [("Medieval", "ORG")]),  # inside a sentence
    ],
)
def test_org_before_role_is_no_common_adjective_opening_a_sentence(nlp, text, expected):
    article = context.Article({}, None, nlp.make_doc(text), frozenset(DEFAULT_ENTITY_LABELS), pipeline.lexicon(nlp),
                              pipeline.nouns(nlp), {"title": "", "body": text})
    assert [(m.text, m.label) for m in role_names.orgs_before_roles(article, [])] == expected


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        ("Pilots walked out. The Union of Pilots said so.", False),  # joined by "of" to a capitalised word
        ("Pilots walked out. The Pilots of the Tarrow Line said so.", False),
        ("Pilots walked out. Talks with Pilots for Tarrow ended.", False),
        ("Pilots walked out. He said Pilots had left.", True),  # on its own
        ("Pilots walked out. A union of Pilots said so.", True),  # "of" after a lowercase word
        ("Pilots walked out. Shares of Pilots fell.", True),  # "of" after a sentence's first word
    ],
)
def test_a_word_joined_by_of_to_a_name_is_not_capitalised_on_its_own(text, inside):
    assert context.capitalised_inside("Pilots", _article(text)) is inside


# --- a first-level subdivision of a country (ISO 3166-2) is a place ---


@pytest.mark.parametrize(
    ("text", "name", "label", "expected"),
    [
        ("Soy growers in Minas Gerais said rain came late.", "Minas Gerais", "PERSON", "GPE"),
        ("Rio Grande do Sul farmers said rain came late.", "Rio Grande do Sul", "NORP", "GPE"),
        ("Lakes in Western Australia are drying.", "Western Australia", "LOC", "GPE"),
        ("Farmers in Bihar said rain came late.", "Bihar", "NORP", "GPE"),  # one word after "in"
        ("Somali pirates seized a tanker.", "Somali", "NORP", "NORP"),  # one word, no place before it
        ("Police said Victoria had left.", "Victoria", "PERSON", "PERSON"),  # one word: a given name too
        ("Saint Thomas preached in Kerala.", "Saint Thomas", "PERSON", "PERSON"),  # a saint
        ("Fans in Kent cheered the side.", "Kent", "ORG", "ORG"),  # organisations keep their label
        ("Fares on the West Coast rose.", "West Coast", "LOC", "LOC"),  # a world-region word
    ],
)
def test_region_is_a_place(text, name, label, expected):
    found = places.regions_are_places(_article_with_doc(text), [_feature_mention(text, name, label)])
    assert _labels(found) == {name: expected}


def test_region_without_diacritics_is_known():
    assert canonical.known_region("São Paulo") and canonical.known_region("Sao Paulo")
    assert not canonical.known_region("Tarrow Province")


# --- capital cities (canonical.CAPITALS, from countryinfo) ---

_CAPITAL_ROWS = sorted(name for name in canonical.CAPITALS if re.fullmatch(r"[A-Z][\w\-]+(?: [A-Z][\w\-]+)*", name))


def test_capitals_come_with_and_without_diacritics():
    assert {"Bogotá", "Bogota", "Kuala Lumpur", "Tunis"} <= canonical.CAPITALS
    assert "Tarrowby" not in canonical.CAPITALS


@pytest.mark.parametrize("capital", _CAPITAL_ROWS)
def test_capital_row_the_model_called_a_person_is_a_place(capital):
    text = f"Officials said {capital} was now the group's third home."
    found = places.capital_cities(_article(text), [_feature_mention(text, capital, "PERSON")])
    assert _labels(found) == {capital: "GPE"}


@pytest.mark.parametrize("capital", _CAPITAL_ROWS)
def test_capital_row_left_untagged_is_a_place(capital):
    text = f"Officials in {capital}, the capital, met on Monday."
    found = places.capital_cities(_article(text), [])
    assert [(m.text, m.label) for m in found] == [(capital, "GPE")]


@pytest.mark.parametrize(
    ("second", "person", "label"),
    [
        ("Ana {c} said she would stay.", "Ana {c}", "PERSON"),  # a word of a person's name
        ("Mr {c} said he would stay.", None, "PERSON"),  # after a title
        ("{c}, who coaches the side, would stay.", None, "PERSON"),  # a person's apposition
        ("Talks in {c} ended on Monday.", None, "GPE"),
    ],
)
def test_capital_written_as_a_persons_name_stays_a_person(second, person, label):
    capital = _CAPITAL_ROWS[0]
    text = f"Officials said {capital} would help. " + second.format(c=capital)
    found = [_feature_mention(text, capital, "PERSON")]
    if person:
        found.append(_mention_at(text, text.rindex(person.format(c=capital)), person.format(c=capital), "PERSON"))
    assert _labels(places.capital_cities(_article(text), found))[capital] == label


@pytest.mark.parametrize(
    "text",
    [
        "{c} voters turned out early.",  # opening a sentence
        "The {c} Group said prices rose.",  # a capitalised word goes on the name
        "Shares of Tarrow {c} rose.",
    ],
)
def test_untagged_capital_in_a_longer_name_or_opening_a_sentence_is_not_added(text):
    text = text.format(c=_CAPITAL_ROWS[0])
    assert places.capital_cities(_article(text), []) == []


def test_capital_the_model_called_an_organisation_stays_one():
    capital = _CAPITAL_ROWS[0]
    text = f"{capital} said on Monday it would reply."
    assert _labels(places.capital_cities(_article(text), [_feature_mention(text, capital, "ORG")])) == {capital: "ORG"}


# --- ALL-CAPS datelines with accents and particles ---


@pytest.mark.parametrize(
    ("caps", "pretty"),
    [("PUERTO DE TARROW", "Puerto de Tarrow"), ("VILA DO TARROW", "Vila do Tarrow"), ("TARROWÁ", "Tarrowá"),
     ("PORT OF TARROW", "Port of Tarrow"), ("DE TARROW", "DE Tarrow"), ("NEW TARROW", "New Tarrow")],
)
def test_caps_particles_after_the_first_word_are_lower_case(caps, pretty):
    assert canonical.prettify_caps(caps) == pretty


@pytest.mark.parametrize(
    ("text", "pieces", "name"),
    [
        ("PUERTO DE TARROW - Crews worked all week.", [("PUERTO DE", "ORG"), ("TARROW", "NORP")], "Puerto de Tarrow"),
        ("SÃO TARROW, Brazil - Crews worked all week.", [], "São Tarrow"),
        ("TARROWÁ - Crews worked all week.", [], "Tarrowá"),
        ("TARROW CITY - Crews worked all week.", [("TARROW CITY - Crews", "ORG")], None),  # a longer span
    ],
)
def test_caps_dateline_in_pieces_or_with_accents_is_one_place(text, pieces, name):
    from workers.stages.entities import fixes

    taken = [_feature_mention(text, piece, label) for piece, label in pieces]
    dateline = fixes.dateline_mention(text, taken)
    assert (dateline.name, dateline.label) == (name, "GPE") if name else dateline is None


# --- a "person" right before a role and a name is the person's organisation or place ---


@pytest.mark.parametrize("phrase", ORG_ROLE_ROWS)
def test_org_role_row_makes_the_person_before_it_an_organisation(nlp, phrase):
    text = f"Officials said Quorvale {phrase} Ana Lind had left."
    found = role_names.persons_before_roles(_article_with_doc(text), [_feature_mention(text, "Quorvale", "PERSON")])
    assert _labels(found) == {"Quorvale": "ORG"}


@pytest.mark.parametrize("office", sorted(tables.PLACE_OFFICES))
def test_place_office_row_makes_the_person_before_it_a_place(office):
    text = f"Officials said Tarrow Shire {office} Ana Lind had left."
    found = role_names.persons_before_roles(_article_with_doc(text), [_feature_mention(text, "Tarrow Shire", "PERSON")])
    assert _labels(found) == {"Tarrow Shire": "GPE"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Officials said Quorvale Attorney General Ana Lind had left.", "Quorvale"),  # another office
        ("Officials said Quorvale, chief executive Ana Lind, had left.", "Quorvale"),  # a comma between
        ("Officials said Quorvale chief executive had left.", "Quorvale"),  # no name after the role
    ],
)
def test_person_before_a_role_stays_without_the_cue(text, name):
    found = role_names.persons_before_roles(_article_with_doc(text), [_feature_mention(text, name, "PERSON")])
    assert _labels(found) == {name: "PERSON"}


# --- organisations the model called works, or cut short at a capitalised connective ---


@pytest.mark.parametrize("noun", sorted(tables.ORG_HEAD_NOUNS))
def test_org_head_row_makes_a_work_an_organisation(noun):
    text = f"The Tarrow {noun.capitalize()} of Pellow said fees rose."
    found = organisations.institutions_not_works(_article(text), [_feature_mention(text, f"Tarrow {noun.capitalize()} of Pellow",
                                                                           "WORK_OF_ART")])
    assert [m.label for m in found] == ["ORG"]


@pytest.mark.parametrize(
    ("name", "label"),
    [("Tarrow Teachers' Federation", "ORG"), ("Tarrow Nights", "WORK_OF_ART"),  # no head noun
     ("Ministers and the Tarrow Union", "WORK_OF_ART"), ("Federation", "WORK_OF_ART")],  # a phrase; one word
)
def test_work_with_an_org_head_noun(name, label):
    text = f"They read {name} on Sunday."
    assert [m.label for m in organisations.institutions_not_works(_article(text), [_feature_mention(text, name, "WORK_OF_ART")])] \
        == [label]


@pytest.mark.parametrize("word", sorted(tables.ORG_CONNECTIVES))
def test_org_connective_row_joins_the_opening(word):
    text = f"Aid group Medics {word.capitalize()} Tarrows said fuel ran out."
    found = orgspans.org_connective_openings(_article(text), [_feature_mention(text, "Tarrows", "ORG")])
    assert [(m.text, m.label) for m in found] == [(f"Medics {word.capitalize()} Tarrows", "ORG")]


@pytest.mark.parametrize(
    "text", ["Aid group Medics without Tarrows said no.", "Aid group Medics With Tarrows said no."],
)
def test_org_connective_needs_a_capitalised_row(text):
    found = orgspans.org_connective_openings(_article(text), [_feature_mention(text, "Tarrows", "ORG")])
    assert [m.text for m in found] == ["Tarrows"]


@pytest.mark.parametrize(
    ("text", "org", "after", "expected"),
    [
        ("The Tarrow Board for Harbours and Lighthouses said no.", "Tarrow Board for Harbours", "Lighthouses",
         "Tarrow Board for Harbours and Lighthouses"),
        ("The Tarrow Ministry of Trade and Industry said no.", "Tarrow Ministry of Trade", None,
         "Tarrow Ministry of Trade and Industry"),
        ("The Bank of Tarrow and Treasury officials met.", "Bank of Tarrow", None, "Bank of Tarrow"),  # a name
        ("The Tarrow Harbours and Lighthouses said no.", "Tarrow Harbours", None, "Tarrow Harbours"),  # no of/for
        ("The Tarrow Board for Harbours and Pellow said no.", "Tarrow Board for Harbours", None,
         "Tarrow Board for Harbours"),  # no common noun after "and"
        ("The Tarrow Board for Harbours and Lighthouses Pellow said no.", "Tarrow Board for Harbours", None,
         "Tarrow Board for Harbours"),  # a longer run of capitals
    ],
)
def test_org_goes_on_over_and_common_nouns(nlp, text, org, after, expected):
    article = context.Article({}, None, None, frozenset(DEFAULT_ENTITY_LABELS), frozenset(), pipeline.nouns(nlp),
                           {"title": "", "body": text})
    found = [_feature_mention(text, org, "ORG")] + ([_feature_mention(text, after, "PERSON")] if after else [])
    assert [m.text for m in orgspans.org_and_nouns(article, found) if m.label == "ORG"] == [expected]


@pytest.mark.parametrize("particle", sorted(tables.PLACE_NAME_PARTICLES))
def test_place_particle_row_joins_the_place(particle):
    text = f"Growers in Vila Tarrow {particle} Pellow said rain came late."
    found = placelists.place_particles(_article(text), [_feature_mention(text, "Vila Tarrow", "GPE"),
                                                   _feature_mention(text, "Pellow", "ORG")])
    assert _labels(found) == {f"Vila Tarrow {particle} Pellow": "GPE"}


@pytest.mark.parametrize(
    ("text", "after", "expected"),
    [
        ("Growers in Santa Tarrow de la Pellow said so.", None, "Santa Tarrow de la Pellow"),
        ("Growers in Vila Tarrow von Pellow said so.", None, "Vila Tarrow"),  # no row
        ("Growers in Vila Tarrow do Pellow Tarrow Ltd said so.", "Pellow Tarrow Ltd", "Vila Tarrow"),  # longer span
        ("Growers in Vila Tarrow do not care.", None, "Vila Tarrow"),  # no capitalised word
    ],
)
def test_place_particle_needs_a_row_and_capitalised_words(text, after, expected):
    found = [_feature_mention(text, "Vila Tarrow" if "Vila" in text else "Santa Tarrow", "GPE")]
    found += [_feature_mention(text, after, "ORG")] if after else []
    assert [m.text for m in placelists.place_particles(_article(text), found) if m.label == "GPE"] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Divers off Tarrowby found coral.", True), ("Homes in Tarrowby flooded.", True),
     ("A stake in Tarrowby was sold.", False), ("Talks with Tarrowby failed.", False)],
)
def test_locative_before_a_name(text, expected):
    assert scan.locative(text, text.index("Tarrowby")) is expected


@pytest.mark.parametrize("preposition", sorted(tables.TOPONYM_LIST_PREPOSITIONS))
def test_toponym_list_row_needs_a_toponym_shaped_name(preposition):
    text = f"Coral died {preposition} Ludgate and Varnholt Island last year."
    found = placelists.listed_places(_article_with_doc(text), [_feature_mention(text, "Ludgate and Varnholt Island", "ORG")])
    assert _labels(found) == {"Ludgate": "GPE", "Varnholt Island": "GPE"}
    text = f"Talks {preposition} Ludgate and Varnholt failed."
    found = placelists.listed_places(_article_with_doc(text), [_feature_mention(text, "Ludgate", "GPE"),
                                                          _feature_mention(text, "Varnholt", "ORG")])
    assert _labels(found) == {"Ludgate": "GPE", "Varnholt": "ORG"}


def test_toponym_shaped_name_tells_a_place_list():
    text = "Crews worked in Ludgate and Varnholt Creek all week."
    found = placelists.listed_places(_article_with_doc(text), [_feature_mention(text, "Ludgate", "PERSON")])
    assert _labels(found) == {"Ludgate": "GPE", "Varnholt Creek": "GPE"}


# --- an untagged name in apposition with a role is a person ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ana Tarrow Lind, director general of the Pellow Board, said no.", ["Ana Tarrow Lind"]),
        ("Officials met Ana Lind, a spokeswoman for the union.", ["Ana Lind"]),
        ("Ana Lind, former chief executive at Tarrow, said no.", ["Ana Lind"]),  # modifiers before the role
        ("Ana Lind, the daughter of a miner, said no.", []),  # no role
        ("Chairman Lind, head of the board, said no.", []),  # a title
        ("Pellow Board, head of the inquiry, said no.", []),  # an institution word
    ],
)
def test_apposed_role_names_a_person(nlp, text, expected):
    found = person_passes.apposed_persons(_article_with_doc(text, nlp.make_doc(text)), [])
    assert [m.text for m in found if m.label == "PERSON"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials said QVRT Pellow director Ana Lind had left.", ["QVRT Pellow"]),
        ("Officials said QVRT Pellow had left.", ["QVRT"]),  # no role and name after the place
        ("Officials said QVRT in Pellow director Ana Lind had left.", ["QVRT"]),  # not right after it
    ],
)
def test_org_and_place_before_a_role_are_one_organisation(nlp, text, expected):
    found = [_feature_mention(text, "QVRT", "ORG"), _feature_mention(text, "Pellow", "GPE")]
    out = role_names.org_place_units(_article_with_doc(text, nlp.make_doc(text)), found)
    assert [m.text for m in out if m.label == "ORG"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ruler, Tarrow Pellow II, thanked them.", ["Tarrow Pellow II"]),
        ("King's heir Quorvale XIV spoke.", ["Quorvale XIV"]),
        ("Veterans of World War II met.", []),  # common words
        ("The Phase IV trial ended.", []),
        ("Tarrow I spoke.", []),  # one letter: "I"
        ("Tarrow IIa spoke.", []),  # no numeral
    ],
)
def test_regnal_number_names_a_person(nlp, text, expected):
    article = context.Article({}, None, None, frozenset(DEFAULT_ENTITY_LABELS), pipeline.lexicon(nlp), frozenset(),
                           {"title": "", "body": text})
    assert [m.text for m in person_passes.regnal_names(article, [])] == expected


# --- named storms (WEATHER_SYSTEM_TERMS) are events, and so is the storm's name alone ---


@pytest.mark.parametrize("term", sorted(tables.WEATHER_SYSTEM_TERMS))
def test_weather_term_row_makes_a_named_storm_an_event(term):
    name = f"{_capitalised(term)} Tarrow"
    assert canonical.weather_term_length(name.split()) == len(term.split()) and canonical.storm_name(name)
    from workers.stages.entities.fixes import Mention

    text = f"{name} hit the coast. Tarrow’s winds reached 150 km per hour."
    alone = text.index("Tarrow’s")
    found = events.storm_names(_article(text), [_feature_mention(text, name, "PERSON"),
                                               Mention("body", alone, alone + 6, "Tarrow", "ORG", "Tarrow")])
    assert [(m.name, m.label) for m in found] == [(name, "EVENT"), (name, "EVENT")]


@pytest.mark.parametrize("name", ["Stormont Tarrow", "Storm", "Tropical Storm", "Hurricane season"])
def test_no_storm_without_a_term_and_a_capitalised_name(name):
    assert not canonical.storm_name(name)


# --- nationality adjectives (DEMONYM_ENDINGS, IRREGULAR_DEMONYMS) ---

DEMONYM_EXAMPLES = {("a", "an"): ("Kenyan", "Kenya"), ("s", "n"): ("Honduran", "Honduras"),
                    ("o", "an"): ("Mexican", "Mexico"), ("", "an"): ("Chilean", "Chile"),
                    ("y", "ian"): ("Italian", "Italy"), ("", "ian"): ("Brazilian", "Brazil"),
                    ("", "i"): ("Qatari", "Qatar"), ("", "ese"): ("Japanese", "Japan"),
                    ("a", "ese"): ("Chinese", "China"), ("ey", "ish"): ("Turkish", "Turkey")}


@pytest.mark.parametrize("row", tables.DEMONYM_ENDINGS)
def test_demonym_ending_row_forms_a_nationality(row):
    form, country = DEMONYM_EXAMPLES[row]
    assert canonical.demonym(form) == country


@pytest.mark.parametrize(("form", "country"), sorted(tables.IRREGULAR_DEMONYMS.items()))
def test_irregular_demonym_row_names_a_known_country(form, country):
    assert canonical.demonym(form) == country and canonical.known_place(country)


@pytest.mark.parametrize("word", ["Jordan", "Tarrowan", "Adrian", "Christian", "Kenya"])
def test_places_and_names_are_no_nationality(word):
    assert canonical.demonym(word) is None


@pytest.mark.parametrize(
    ("text", "name", "label", "expected"),
    [
        ("Police held a Kenyan activist on Monday.", "Kenyan", "ORG", ("Kenyan", "NORP")),
        ("The winner was Kenyan Ana Tarrow Lind.", "Kenyan Ana Tarrow Lind", "PERSON", ("Ana Tarrow Lind", "PERSON")),
        ("The winner was Kenyan Lind.", "Kenyan Lind", "PERSON", ("Kenyan Lind", "PERSON")),  # one word after
        ("Police held Tarrowan activists.", "Tarrowan", "ORG", ("Tarrowan", "ORG")),  # no country's adjective
    ],
)
def test_nationality_adjective_is_no_organisation_nor_part_of_a_name(text, name, label, expected):
    [m] = places.demonym_words(_article(text), [_feature_mention(text, name, label)])
    assert (m.name, m.label) == expected and text[m.start : m.end] == m.text


# --- places after a place noun (PLACE_NOUNS, PLACE_APPOSITION_FOLLOWERS) ---


@pytest.mark.parametrize("noun", sorted(tables.PLACE_NOUNS))
def test_place_noun_row_before_of_makes_the_name_a_place(noun):
    text = f"Crews reached the {noun} of Tarrow Vale on Monday."
    found = placelists.place_noun_names(_article(text), [_feature_mention(text, "Tarrow Vale", "PERSON")])
    assert _labels(found) == {"Tarrow Vale": "GPE"}


@pytest.mark.parametrize("follower", sorted(tables.PLACE_APPOSITION_FOLLOWERS))
def test_place_apposition_follower_row_makes_the_name_a_place(follower):
    text = f"In Tarrow Vale, a farming town {follower} the hills, wells ran dry."
    found = placelists.place_noun_names(_article(text), [_feature_mention(text, "Tarrow Vale", "PERSON")])
    assert _labels(found) == {"Tarrow Vale": "GPE"}


@pytest.mark.parametrize(
    ("text", "name"),
    [("Ana Lind, a town councillor, said no.", "Ana Lind"),  # the noun modifies a role
     ("Crews reached the town of Tarrow Council.", "Tarrow Council"),  # an organisation's designator
     ("Ana Lind, the town's doctor, said no.", "Ana Lind")],  # no "a"/"an" apposition
)
def test_place_noun_needs_its_head_position(text, name):
    found = placelists.place_noun_names(_article(text), [_feature_mention(text, name, "PERSON")])
    assert _labels(found) == {name: "PERSON"}


# --- "<X> and <Y> Institute" (AND_INSTITUTION_HEADS) ---


@pytest.mark.parametrize("head", sorted(tables.AND_INSTITUTION_HEADS))
def test_and_institution_row_makes_one_organisation(head):
    text = f"The Mother and Tarrow {head.capitalize()} said two children had died."
    found = organisations.and_institutions(_article(text), [_feature_mention(text, f"Tarrow {head.capitalize()}", "ORG")])
    assert _labels(found) == {f"Mother and Tarrow {head.capitalize()}": "ORG"}


def test_and_institution_with_three_words_before_and():
    text = "The Kelvaya Rug Weavers and Exporters Association said no."
    found = organisations.and_institutions(_article(text), [_feature_mention(text, "Kelvaya Rug Weavers", "ORG"),
                                                             _feature_mention(text, "Exporters Association", "ORG")])
    assert _labels(found) == {"Kelvaya Rug Weavers and Exporters Association": "ORG"}


def test_and_institution_keeps_a_longer_span_and_needs_a_row():
    text = "The Pellow Mother and Tarrow Institute Shop said no."
    longer = _feature_mention(text, "Pellow Mother and Tarrow Institute Shop", "ORG")
    assert organisations.and_institutions(_article(text), [longer]) == [longer]
    text = "The Mother and Tarrow Stores said no."
    assert organisations.and_institutions(_article(text), []) == []


# --- organisations cut before "of <place>" or inside a role ---


@pytest.mark.parametrize(
    ("text", "org", "place", "label", "expected"),
    [
        ("The Law Society of Tarrow welcomed it.", "Law Society", "Tarrow", "GPE", ["Law Society of Tarrow"]),
        ("The People's Court of Tarrow City ruled.", "People's Court", "Tarrow City", "GPE",
         ["People's Court of Tarrow City"]),
        ("The Law Society of Kenya welcomed it.", "Law Society", "Kenya", "PERSON", ["Law Society of Kenya"]),
        ("Tarrow Motors of Pellow said no.", "Tarrow Motors", "Pellow", "GPE", ["Tarrow Motors"]),  # no head noun
        ("The Law Society of Ana Lind met.", "Law Society", "Ana Lind", "PERSON", ["Law Society"]),  # no place
        ("The Law Society in Tarrow met.", "Law Society", "Tarrow", "GPE", ["Law Society"]),  # not "of"
    ],
)
def test_org_goes_on_over_of_a_place(text, org, place, label, expected):
    found = orgspans.orgs_of_places(_article(text), [_feature_mention(text, org, "ORG"),
                                                  _feature_mention(text, place, label)])
    assert [m.text for m in found if m.label == "ORG"] == expected


@pytest.mark.parametrize(
    ("text", "org", "expected"),
    [
        ("The Office of the Prime Minister sent tents.", "Office of the Prime", "Office of the Prime Minister"),
        ("The Office of the Attorney General said no.", "Office of the Attorney", "Office of the Attorney General"),
        ("The Office of the Tarrow Pellow said no.", "Office of the Tarrow", "Office of the Tarrow"),  # no role
    ],
)
def test_org_goes_on_over_a_role_it_was_cut_in(text, org, expected):
    [m] = orgspans.orgs_over_roles(_article(text), [_feature_mention(text, org, "ORG")])
    assert m.text == expected


def test_surname_in_the_headline_before_the_full_name_is_the_person():
    from workers.stages.entities.fixes import Mention

    title, body = "Tarrow wins the race", "Ana Tarrow won on Friday. Tarrow said it was hot."
    article = context.Article({}, None, None, frozenset(DEFAULT_ENTITY_LABELS), frozenset(), frozenset(),
                           {"title": title, "body": body})
    found = [Mention("title", 0, 6, "Tarrow", "GPE", "Tarrow"), _feature_mention(body, "Ana Tarrow", "WORK_OF_ART"),
             Mention("body", 26, 32, "Tarrow", "PERSON", "Tarrow")]
    assert [m.label for m in surnames.surname_labels(article, found)] == ["PERSON", "PERSON", "PERSON"]


# --- curly apostrophes (U+2019) are read by the model as straight ones ---


@pytest.mark.parametrize(
    "body",
    ["The deal was signed by Ghana\u2019s Tarrow Oil and Pellow\u2019s Quorvale Cement on Monday.",
     "Shares of Japan\u2019s Tarrow Pharmaceutical fell after Ana Lindqvist\u2019s warning.",
     "The People\u2019s Court of Tarrow City jailed Marta Oyelaran\u2019s brother."],
)
def test_curly_apostrophes_tag_as_straight_ones_and_keep_the_records_text(nlp, body):
    curly = tag_body(nlp, body)
    straight = tag_body(nlp, body.replace("\u2019", "'"))
    assert {(name.replace("\u2019", "'"), e["label"]) for name, e in curly.items()} == \
        {(name, e["label"]) for name, e in straight.items()}
    for entity in curly.values():
        for mention in entity["mentions"]:
            assert body[mention["start"] : mention["end"]] == mention["text"]
    assert pipeline.model_text(body) == body.replace("\u2019", "'") and len(pipeline.model_text(body)) == len(body)


# --- sporting events (EVENT_HEAD_NOUNS) ---


@pytest.mark.parametrize("head", sorted(tables.EVENT_HEAD_NOUNS))
def test_event_head_row_makes_the_name_an_event(head):
    name = f"Tarrow {'Grand ' if head == 'prix' else ''}{head.capitalize()}"
    text = f"She won the {name} on Friday."
    found = events.named_events(_article(text), [_feature_mention(text, name, "ORG")])
    assert _labels(found) == {name: "EVENT"}


def test_event_head_needs_a_name_before_it():
    text = "The Marathon starts at nine."
    assert _labels(events.named_events(_article(text), [_feature_mention(text, "Marathon", "ORG")])) == {"Marathon": "ORG"}


# --- a role in apposition makes the model's organisation a person; regions in lists ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Rates will rise, said Ana Lind, an economist at Tarrow Bank.", "PERSON"),
     ("Buyers came from Tarrow Pellow, owner of the mill in Vell.", "ORG")],  # a company may own
)
def test_apposed_role_relabels_the_models_organisation(nlp, text, expected):
    name = "Ana Lind" if "Ana" in text else "Tarrow Pellow"
    found = person_passes.apposed_persons(_article_with_doc(text, nlp.make_doc(text)), [_feature_mention(text, name, "ORG")])
    assert _labels(found) == {name: expected}


def test_region_of_a_list_makes_the_other_name_a_place():
    text = "Supporters travelled from Ohio and Varnholt to the court."
    found = placelists.listed_places(_article_with_doc(text), [_feature_mention(text, "Ohio", "ORG")])
    assert _labels(found) == {"Ohio": "GPE", "Varnholt": "GPE"}


@pytest.mark.parametrize("preposition", sorted(tables.PLACE_LIST_PREPOSITIONS))
def test_region_after_a_place_preposition_is_a_place(preposition):
    text = f"More rain is expected {preposition} Ohio this week."
    found = places.regions_are_places(_article_with_doc(text), [_feature_mention(text, "Ohio", "PRODUCT")])
    assert _labels(found) == {"Ohio": "GPE"}


# --- island chains and ranges (FEATURE_GROUP_GENERICS) ---


@pytest.mark.parametrize("generic", sorted(placenames.FEATURE_GROUP_GENERICS))
def test_feature_group_row_makes_the_name_a_location(generic):
    name = f"Tarrow {generic.capitalize()}"
    text = f"Ferries to the {name} resumed on Monday."
    assert _labels(places.feature_groups(_article(text), [_feature_mention(text, name, "PERSON")])) == {name: "LOC"}


@pytest.mark.parametrize(
    ("text", "name"),
    [("Ferries to Tarrow Islands resumed.", "Tarrow Islands"),  # no "the": may be a town
     ("The Tarrow Islands Council said no.", "Tarrow Islands"),  # a capitalised word follows
     ("Flights to the Cayman Islands resumed.", "Cayman Islands")],  # a territory
)
def test_feature_group_needs_the_and_no_country(text, name):
    assert _labels(places.feature_groups(_article(text), [_feature_mention(text, name, "ORG")])) == {name: "ORG"}


# --- invented towns the model called products or works ---


@pytest.mark.parametrize(
    ("text", "label", "expected"),
    [
        ("A bus crashed outside Tallowmere, killing four.", "PRODUCT", "GPE"),
        ("The clinic near Tallowmere Cross ran out of vaccine.", "WORK_OF_ART", "GPE"),
        ("Engineers found a bug in Tallowmere on Monday.", "PRODUCT", "PRODUCT"),  # "in": software too
        ("The clinic near Tallowmere ran out.", "ORG", "ORG"),  # not a product or work
    ],
)
def test_work_after_near_or_outside_is_a_town(text, label, expected):
    name = "Tallowmere Cross" if "Cross" in text else "Tallowmere"
    assert _labels(placelists.towns_not_works(_article(text), [_feature_mention(text, name, label)])) == {name: expected}


# --- products told by a describing noun (PRODUCT_DESCRIPTOR_NOUNS) ---


@pytest.mark.parametrize("noun", sorted(tables.PRODUCT_DESCRIPTOR_NOUNS))
def test_product_descriptor_row_makes_the_name_a_product(noun):
    for text in (f"The {noun}, Tarrovax, is made in Pellow.", f"Sales of the {noun} Tarrovax rose."):
        found = products.described_products(_article(text), [_feature_mention(text, "Tarrovax", "GPE")])
        assert _labels(found) == {"Tarrovax": "PRODUCT"}, text


@pytest.mark.parametrize(
    "text", ["The vaccine, Tarrovax said, works.", "The drugmaker Tarrovax said no.", "The vaccine chief Tarrovax said no."],
)
def test_product_descriptor_needs_a_closed_apposition_and_a_row(text):
    found = products.described_products(_article(text), [_feature_mention(text, "Tarrovax", "ORG")])
    assert _labels(found) == {"Tarrovax": "ORG"}


# --- teams in match reports (RESULT_VERBS, RESULT_NOUNS) ---


@pytest.mark.parametrize("verb", sorted(tables.RESULT_VERBS))
def test_result_verb_row_makes_both_names_teams(nlp, verb):
    text = f"Tarrow Rovers {verb} Pellow Athletic 2-1 on Sunday."
    found = organisations.match_teams(_article_with_doc(text), [_feature_mention(text, "Pellow Athletic", "GPE")])
    assert _labels(found) == {"Tarrow Rovers": "ORG", "Pellow Athletic": "ORG"}


@pytest.mark.parametrize("noun", sorted(tables.RESULT_NOUNS))
def test_result_noun_row_makes_the_name_a_team(noun):
    text = f"Vell stayed third after a 3-0 {noun} over Quorvale Town."
    assert _labels(organisations.match_teams(_article_with_doc(text), [])) == {"Quorvale Town": "ORG"}


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        ("Ana Lind beat Marta Oyel 10-7 in the final.", [("Ana Lind", "PERSON"), ("Marta Oyel", "PERSON")],
         {"Ana Lind": "PERSON", "Marta Oyel": "PERSON"}),  # persons stay
        ("Tarrow beat Pellow 6-4 6-3 in the final.", [], {}),  # set scores: a tennis match
        ("Kenya beat Uganda 2-1 in Kampala.", [("Kenya", "GPE")], {"Kenya": "GPE"}),  # known countries
    ],
)
def test_match_teams_leave_persons_sets_and_countries(text, mentions, expected):
    found = organisations.match_teams(_article_with_doc(text), [_feature_mention(text, n, label) for n, label in mentions])
    assert _labels(found) == expected


# --- destinations (DESTINATION_PHRASES) ---


@pytest.mark.parametrize("phrase", sorted(tables.DESTINATION_PHRASES))
def test_destination_row_is_locative(phrase):
    text = f"Officials said they were {phrase} Tarrowby on Monday."
    assert scan.locative(text, text.index("Tarrowby"))


def test_destination_needs_both_words():
    text = "Officials said it was for Tarrowby alone."
    assert not scan.locative(text, text.index("Tarrowby"))


@pytest.mark.parametrize(
    ("text", "pieces", "expected"),
    [
        ("The Tarrow Atmospheric, Geophysical and Astronomical Services Administration said so.",
         [("Tarrow Atmospheric, Geophysical and", "ORG"), ("Astronomical Services Administration", "ORG")],
         ["Tarrow Atmospheric, Geophysical and Astronomical Services Administration"]),
        ("Tarrow Trust and Pellow Bank said so.", [("Tarrow Trust", "ORG"), ("Pellow Bank", "ORG")],
         ["Tarrow Trust", "Pellow Bank"]),  # the first ends before "and": two organisations
        ("The Tarrow Resilience and Ana Lind said so.", [("Tarrow Resilience and", "ORG"), ("Ana Lind", "PERSON")],
         ["Tarrow Resilience and"]),  # no organisation after it
    ],
)
def test_org_cut_at_and_joins_the_next_organisation(text, pieces, expected):
    found = orgspans.orgs_cut_at_and(_article(text), [_feature_mention(text, n, label) for n, label in pieces])
    assert [m.text for m in found if m.label == "ORG"] == expected


_LIST_NOUNS = frozenset("pay money mining exploration supply water sewerage board authority agency partners".split())


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Tarrow Pay and Vellcom", ["Tarrow Pay", "Vellcom"]),  # two names
        ("Tarrow Pay and Pellow Vell", ["Tarrow Pay", "Pellow Vell"]),
        ("Tarrow Pay and TPV", ["Tarrow Pay", "TPV"]),
        ("Tarrow Mining and Exploration", ["Tarrow Mining and Exploration"]),  # a common noun after "and"
        ("Tarrow Vell and Partners", ["Tarrow Vell and Partners"]),
        ("Tarrow and Vellcom", ["Tarrow and Vellcom"]),  # one word before "and": one name
        ("Bank of Tarrow and Vellcom", ["Bank of Tarrow and Vellcom"]),  # a lowercase word in it
        ("Tarrow Trinidad and Tobago Vellcom", ["Tarrow Trinidad and Tobago Vellcom"]),  # a country over "and"
    ],
)
def test_org_list_of_two_names_is_split(name, expected):
    text = f"Payments through {name} rose in May."
    found = orgspans.org_lists(_article(text, nouns=_LIST_NOUNS), [_feature_mention(text, name, "ORG")])
    assert [m.text for m in found] == expected
    assert all(text[m.start : m.end] == m.text for m in found)


@pytest.mark.parametrize("designator", ["Board", "Authority", "Agency"])
def test_org_split_before_common_nouns_and_a_designator_is_one_name(designator):
    text = f"The Tarrow Water Supply and Sewerage {designator} said so."
    pieces = [_feature_mention(text, "Tarrow Water Supply", "ORG"),
              _feature_mention(text, f"Sewerage {designator}", "ORG")]
    found = orgspans.orgs_joined_by_and_nouns(_article(text, nouns=_LIST_NOUNS), pieces)
    assert [m.text for m in found] == [f"Tarrow Water Supply and Sewerage {designator}"]


@pytest.mark.parametrize(
    "text",
    [
        "Tarrow Vell and Sewerage Board said so.",  # the first ends in a name
        "Tarrow Water Supply and Pellow Board said so.",  # a name after "and"
        "Tarrow Water Supply and Sewerage Board said so. The Sewerage Board agreed.",  # written on its own
    ],
)
def test_org_split_at_and_stays_two_without_the_noun_shape(text):
    first = "Tarrow Vell" if text.startswith("Tarrow Vell") else "Tarrow Water Supply"
    second = "Pellow Board" if "Pellow" in text else "Sewerage Board"
    pieces = [_feature_mention(text, first, "ORG"), _feature_mention(text, second, "ORG")]
    found = orgspans.orgs_joined_by_and_nouns(_article(text, nouns=_LIST_NOUNS), pieces)
    assert [m.text for m in found] == [first, second]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenya\u2019s High Court halted the deportation.", ["High Court"]),
        ("Ohio's Tarrow Finance Ministry said no.", ["Tarrow Finance Ministry"]),
        ("Kenya's President Ana Lind spoke.", []),  # no institution's head
        ("Tarrowland's High Court ruled.", []),  # no known country or region
    ],
)
def test_institution_after_a_places_possessive_is_an_organisation(text, expected):
    assert [m.text for m in organisations.possessed_institutions(_article(text), [])] == expected


def test_storm_names_join_the_longest_name():
    from workers.stages.entities.fixes import Mention

    text = "Super Typhoon Tarrow hit Vell. Typhoon Tarrow then weakened."
    second = text.index("Typhoon Tarrow then")
    found = events.storm_names(_article(text), [_feature_mention(text, "Super Typhoon Tarrow", "EVENT"),
                                               Mention("body", second, second + 14, "Typhoon Tarrow", "PERSON",
                                                       "Typhoon Tarrow")])
    assert [(m.name, m.label) for m in found] == [("Super Typhoon Tarrow", "EVENT")] * 2


# --- a possessor of what only a person has (PERSONAL_POSSESSIONS) ---


@pytest.mark.parametrize("noun", sorted(tables.PERSONAL_POSSESSIONS))
def test_personal_possession_row_makes_the_possessor_a_person(noun):
    for text in (f"Ana Tarrow\u2019s {noun} was there.", f"Ana Tarrow's late {noun} was there."):
        found = person_passes.possessor_persons(_article(text), [_feature_mention(text, "Ana Tarrow", "ORG")])
        assert _labels(found) == {"Ana Tarrow": "PERSON"}, text


@pytest.mark.parametrize(
    ("text", "name"),
    [("Tarrow Bank's lawyers said no.", "Tarrow Bank"),  # an organisation's word, and lawyers
     ("Ohio's son Ana Lind spoke.", "Ohio"),  # a known region
     ("Tarrow's plan failed.", "Tarrow")],  # no row
)
def test_possessor_stays_without_a_personal_possession(text, name):
    assert _labels(person_passes.possessor_persons(_article(text), [_feature_mention(text, name, "ORG")])) == {name: "ORG"}


# --- regions and features named by a lowercase noun after them (SUBDIVISION_TERMS, FEATURE_LIST_TERMS) ---


@pytest.mark.parametrize(("term", "plural"), sorted(tables.SUBDIVISION_TERMS.items()))
def test_subdivision_term_row_makes_the_names_before_it_regions(term, plural):
    text = f"Power was cut in Ruritania's Varnholt {term} on Monday."
    found = placelists.division_names(_article(text), [_feature_mention(text, "Varnholt", "NORP")])
    assert _labels(found) == {"Varnholt": "GPE"}
    text = f"Drones were shot down over the Varnholt, Quellmark and Tessaly {plural} overnight."
    found = placelists.division_names(_article(text), [_feature_mention(text, "Varnholt", "PRODUCT"),
                                                  _feature_mention(text, "Tessaly", "PERSON")])
    assert _labels(found) == {"Varnholt": "GPE", "Quellmark": "GPE", "Tessaly": "GPE"}


@pytest.mark.parametrize(("term", "plural"), sorted(tables.LOCALITY_TERMS.items()))
def test_locality_term_row_makes_the_name_before_it_a_place_also_from_an_organisation(term, plural):
    text = f"Residents of the Varnholt {term} said the water had risen."
    found = placelists.division_names(_article(text), [_feature_mention(text, "Varnholt", "ORG")])
    assert _labels(found) == {"Varnholt": "GPE"}
    text = f"The Varnholt and Quellmark {plural} voted against the plan."
    found = placelists.division_names(_article(text), [_feature_mention(text, "Varnholt", "ORG")])
    assert _labels(found) == {"Varnholt": "GPE", "Quellmark": "GPE"}


def test_a_common_word_before_a_locality_noun_keeps_the_models_organisation():
    text = "The Varnish neighborhood store was closed."  # "neighborhood" as a modifier of a shop
    found = placelists.division_names(_article(text, words=frozenset({"varnish"})), [_feature_mention(text, "Varnish", "ORG")])
    assert _labels(found) == {"Varnish": "ORG"}


@pytest.mark.parametrize("term", sorted(tables.FEATURE_LIST_TERMS))
def test_feature_list_row_makes_the_listed_names_locations(term):
    text = f"Floodwater from the swollen Varnholt and Quellmark {term} forced thousands from their homes."
    found = placelists.division_names(_article(text), [_feature_mention(text, "Varnholt", "PERSON"),
                                                  _feature_mention(text, "Quellmark", "NORP")])
    assert _labels(found) == {"Varnholt": "LOC", "Quellmark": "LOC"}


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("Votes in a Republican state were counted.", "Republican", "NORP"),  # a nationality/party adjective
        ("Leaders of the Gulf Varnish states met.", "Gulf Varnish", "NORP"),  # plural noun, no list
        ("Farmers in the Western region went hungry.", "Western", "LOC"),  # a direction
        ("Officials of the Varnholt Council district met.", "Varnholt Council", "PERSON"),  # an organisation's word
        ("The Varnholt region is dry; varnholt grows there.", "Varnholt", "PERSON"),  # written lowercase too
        ("Ruritania's Tarrow region was hit.", "Tarrow", "ORG"),  # an organisation keeps its label
        ("Towns in the Varnish state voted.", "Varnish", "NORP"),  # a nationality of the lexicon
        ("Fishermen on the Varnholt river said so.", "Varnholt", "PERSON"),  # one feature: named_features
        ("Fires spread across the Varnholt region.", "Varnholt", "LOC"),  # a natural region, as the model said
    ],
)
def test_names_before_a_division_noun_stay_without_evidence(text, name, label):
    article = _article(text, words=frozenset({"varnish"}))
    found = placelists.division_names(article, [_feature_mention(text, name, label)])
    assert _labels(found) == {name: label}


def test_untagged_region_name_is_added_unless_common_or_opening():
    text = "Mines in the Quellmark region shut. Varnholt province was spared."
    assert _labels(placelists.division_names(_article(text), [])) == {"Quellmark": "GPE"}


# --- laws with a bracketed part and rules named after their author (LAW_HEADS, EPONYMOUS_LAW_HEADS) ---


@pytest.mark.parametrize("head", sorted(tables.LAW_HEADS))
def test_law_head_row_joins_a_bracketed_name(head):
    for name in (f"Varnholt Conservation (Amendment) {head.capitalize()}",
                 f"Varnholt {head.capitalize()} (Miscellaneous Provisions) 2024"):
        text = f"Parliament passed the {name} on Wednesday."
        found = events.law_names(_article(text), [_feature_mention(text, "Varnholt Conservation", "ORG"),
                                                 _feature_mention(text, head.capitalize(), "PERSON")]
                                if "Conservation" in name else [_feature_mention(text, "Varnholt", "PERSON")])
        assert [(m.text, m.label) for m in found] == [(name, "LAW")], name


@pytest.mark.parametrize("head", sorted(tables.EPONYMOUS_LAW_HEADS))
def test_eponymous_law_row_is_a_law_not_a_person(head):
    for apostrophe in ("'", "\u2019"):
        name = f"Tarrow{apostrophe}s {head.capitalize()}"
        text = f"Chips keep {name} alive, the firm said."
        found = events.law_names(_article(text), [_feature_mention(text, "Tarrow", "PERSON")])
        assert [(m.text, m.label) for m in found] == [(name, "LAW")]


@pytest.mark.parametrize(
    "text",
    ["The Varnholt Privacy Act (VPA) took effect.",  # an acronym in brackets is a short form
     "Parliament passed the Varnholt Act on Monday.",  # no bracket: the model's span stands
     "Tarrow's law firm said no."],  # lowercase head
)
def test_law_names_need_a_bracketed_title_case_part_or_a_capitalised_head(text):
    assert events.law_names(_article(text), []) == []


def test_law_name_opening_a_sentence_drops_its_first_word():
    text = "Under Tarrow's Law, chips double."
    [law] = events.law_names(_article(text), [_feature_mention(text, "Tarrow", "PERSON")])
    assert law.text == "Tarrow's Law"


# --- words only a company has before its name (COMPANY_CUES) ---


@pytest.mark.parametrize("cue", sorted(tables.COMPANY_CUES))
def test_company_cue_row_makes_a_person_a_company(cue):
    text = f"Varnatom cut output. {cue.capitalize()} Varnatom fell 4 percent."
    first, second = _feature_mention(text, "Varnatom", "PERSON"), _feature_mention(text, f"{cue.capitalize()} Varnatom", "GPE")
    second.start += len(cue) + 1
    second.text = second.name = "Varnatom"
    found = companies.cued_companies(_article(text), [first, second])
    assert [m.label for m in found] == ["ORG", "ORG"]


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [("Shares in Varnholt fell.", "Varnholt", "GPE"),  # only ever a place: a market's city
     ("Shares in Ohio fell.", "Ohio", "PERSON"),  # a known region stays
     ("Ana Lind bought shares in the fund.", "Ana Lind", "PERSON"),  # not after the cue
     ("He bought a stake in Ana Lind's club.", "Ana Lind", "PERSON")],  # a possessor after the cue
)
def test_company_cue_needs_a_person_label_and_no_known_place(text, name, label):
    assert _labels(companies.cued_companies(_article(text), [_feature_mention(text, name, label)])) == {name: label}


# --- places written with a part after a comma that are one place (PLACE_FULL_FORMS) ---


@pytest.mark.parametrize(("full", "variant"), [(f, v) for f, vs in tables.PLACE_FULL_FORMS.items() for v in vs])
def test_full_form_row_is_one_place(full, variant):
    text = f"The firm's office in {variant}, lobbied for funds."
    first = variant.split(",")[0].split(" ")[0]
    found = places.full_form_places(_article(text), [_feature_mention(text, first, "GPE")])
    assert [(m.text, m.name, m.label) for m in found] == [(variant, full, "GPE")]


def test_full_form_keeps_a_longer_name_over_it():
    text = "The Washington, D.C. Council met."
    found = [_feature_mention(text, "Washington, D.C. Council", "ORG")]
    assert _labels(places.full_form_places(_article(text), found)) == {"Washington, D.C. Council": "ORG"}


def test_descriptor_glued_to_the_models_organisation_is_cut_off():
    text = "SAN JOSE - Chipmaker Tarrowtech Semiconductor said on Tuesday it would hire."
    glued = _feature_mention(text, "Chipmaker Tarrowtech Semiconductor", "ORG")
    found = organisations.described_organisations(_article_with_doc(text), [glued])
    assert _labels(found) == {"Tarrowtech Semiconductor": "ORG"}


# --- places given as examples after a plural place noun (PLACE_EXAMPLE_CUES) ---


@pytest.mark.parametrize("cue", sorted(tables.PLACE_EXAMPLE_CUES))
def test_place_example_row_makes_the_name_a_place(cue):
    text = f"Small towns {cue} Varnholt Springs have no broadband."
    found = placelists.place_noun_names(_article(text), [_feature_mention(text, "Varnholt Springs", "PERSON")])
    assert _labels(found) == {"Varnholt Springs": "GPE"}


def test_place_example_needs_a_place_noun():
    text = "Senators such as Varnholt Springs voted no."
    found = placelists.place_noun_names(_article(text), [_feature_mention(text, "Varnholt Springs", "PERSON")])
    assert _labels(found) == {"Varnholt Springs": "PERSON"}


# --- what the model called a person that no person is ---


@pytest.mark.parametrize("word", sorted(w for w in tables.WORLD_REGION_WORDS if " " not in w))
def test_world_region_word_alone_is_no_person(word):
    name = word.capitalize()
    text = f"Leaders urged {name} juntas to return."
    assert _labels(person_passes.not_persons(_article(text), [_feature_mention(text, name, "PERSON")])) == {name: "LOC"}


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("India's lower house, the Varn Sabha, passed the bill.", "Varn Sabha", "ORG"),
        ("The bill now goes to the Varn Sabha.", "Varn Sabha", "ORG"),
        ("Fans queued for the Ana Lind film.", "Ana Lind", "PERSON"),  # a noun follows
        ("The Ana Lind, a ferry, sank.", "Ana Lind", "PERSON"),  # capital "The": a sentence's opening
        ("He thanked Ana Lind, the mayor.", "Ana Lind", "PERSON"),  # no "the"
        ("Rain fell on Tarrow.", "Tarrow", "PERSON"),  # one word, no world region
    ],
)
def test_person_after_the_closing_a_clause_is_an_organisation(text, name, expected):
    assert _labels(person_passes.not_persons(_article(text), [_feature_mention(text, name, "PERSON")])) == {name: expected}


# --- lists after "of" (REGION_LIST_PREPOSITIONS) ---


@pytest.mark.parametrize("preposition", sorted(tables.REGION_LIST_PREPOSITIONS))
def test_region_list_row_needs_every_name_a_known_region(preposition):
    text = f"Roads in areas {preposition} Ohio and Alaska will be built."
    found = placelists.listed_places(_article_with_doc(text), [_feature_mention(text, "Ohio", "ORG"),
                                                          _feature_mention(text, "Alaska", "PERSON")])
    assert _labels(found) == {"Ohio": "GPE", "Alaska": "GPE"}
    text = f"The offices {preposition} Ohio and Ana Lind were shut."
    found = placelists.listed_places(_article_with_doc(text), [_feature_mention(text, "Ohio", "GPE"),
                                                          _feature_mention(text, "Ana Lind", "PERSON")])
    assert _labels(found) == {"Ohio": "GPE", "Ana Lind": "PERSON"}


# --- a leader's office after a one-word name's possessive (LEADER_POSSESSIONS) ---


@pytest.mark.parametrize("noun", sorted(tables.LEADER_POSSESSIONS))
def test_leader_possession_row_makes_a_surname_a_person(noun):
    text = f"Tarrowski's {noun} cut fuel taxes on Monday."
    found = person_passes.possessor_persons(_article(text), [_feature_mention(text, "Tarrowski", "GPE")])
    assert _labels(found) == {"Tarrowski": "PERSON"}


@pytest.mark.parametrize(
    ("text", "name"),
    [("Ohio's government cut taxes.", "Ohio"),  # a known region
     ("Riots in Tarrowmere grew. Tarrowmere's government fell.", "Tarrowmere"),  # named as a place
     ("Tarrow Bank's government unit grew.", "Tarrow Bank"),  # two words: no surname
     ("The Tarrowban's government banned it.", "Tarrowban")],  # "the": a movement
)
def test_leader_possession_needs_a_surname_never_a_place(text, name):
    found = [_feature_mention(text, name, "GPE")]
    assert _labels(person_passes.possessor_persons(_article(text), [_feature_mention(text, name, "ORG")])) == {name: "ORG"}
    if "Riots" in text:
        second = text.index(name, text.index(name) + 1)
        from workers.stages.entities.fixes import Mention
        found.append(Mention("body", second, second + len(name), name, "GPE", name))
    assert set(_labels(person_passes.possessor_persons(_article(text), found)).values()) == {"GPE"}


# --- a person's organisation after "of the", untagged by the model ---


class _NoEnts:
    ents = ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In Ranchi, activist Ana Lind of the Tarrow Van Pellow Manch said councils would appeal.",
         {"Tarrow Van Pellow Manch": "ORG"}),
        ("Ana Lind, of the Tarrow League for Pellow, said no.", {"Tarrow League for Pellow": "ORG"}),
        ("Ana Lind of the Tarrow Valley said no.", {}),  # toponym-shaped: a place
        ("Ana Lind of the United Arab Emirates said no.", {}),  # a known country
        ("Ana Lind of the Tarrow said no.", {}),  # one word
    ],
)
def test_untagged_words_after_a_persons_of_the_are_an_organisation(text, expected):
    article = _article_with_doc(text, _NoEnts())
    person = _feature_mention(text, "Ana Lind", "PERSON")
    found = organisations.persons_organisations(article, [person])
    assert {m.text: m.label for m in found if m is not person} == expected


@pytest.mark.parametrize("verb", sorted(tables.SHARE_PRICE_VERBS))
def test_share_price_verb_row_makes_a_person_a_company(verb):
    for apostrophe in ("'", "\u2019"):
        text = f"Rival Ana Tarrow{apostrophe}s shares {verb} 3 percent."
        found = companies.cued_companies(_article(text), [_feature_mention(text, "Ana Tarrow", "PERSON")])
        assert _labels(found) == {"Ana Tarrow": "ORG"}


def test_a_persons_shares_in_a_company_do_not_make_a_company():
    text = "Ana Tarrow's shares in the firm were sold."
    assert _labels(companies.cued_companies(_article(text), [_feature_mention(text, "Ana Tarrow", "PERSON")])) == {
        "Ana Tarrow": "PERSON"}


# --- first words that open companies' names (COMPANY_FIRST_WORDS) ---


@pytest.mark.parametrize("word", sorted(tables.COMPANY_FIRST_WORDS))
def test_company_first_word_row_makes_a_person_a_company(word):
    text = f"{word.capitalize()} Tarrowby will fly to Vell from April."
    found = companies.companies_not_persons(_article(text), [_feature_mention(text, f"{word.capitalize()} Tarrowby", "PERSON")])
    assert _labels(found) == {f"{word.capitalize()} Tarrowby": "ORG"}


@pytest.mark.parametrize("word", sorted(tables.COMPANY_FIRST_WORDS))
def test_company_first_word_row_keeps_a_person_whose_surname_is_reused(word):
    text = f"{word.capitalize()} Tarrowby spoke. Tarrowby said the plan would work."
    found = companies.companies_not_persons(_article(text), [_feature_mention(text, f"{word.capitalize()} Tarrowby", "PERSON")])
    assert _labels(found) == {f"{word.capitalize()} Tarrowby": "PERSON"}


@pytest.mark.parametrize(
    "second",
    [
        "Vellmark Re said prices would rise.",  # another company's name goes on over the word
        "Brokers said Vellmark Re, based in Ludgate, agreed.",
        "\n\nVellmark Re, based in Ludgate, agreed.",  # that name opening a paragraph
    ],
)
def test_a_company_word_after_another_name_is_no_surname_reused(second):
    text = f"Tarrowby Re raised rates. {second}"
    found = companies.companies_not_persons(_article(text), [_feature_mention(text, "Tarrowby Re", "PERSON")])
    assert _labels(found) == {"Tarrowby Re": "ORG"}


@pytest.mark.parametrize("second", ["Re said prices would rise.", "Mr Re said prices would rise."])
def test_a_company_word_reused_alone_or_after_a_title_is_a_surname(second):
    text = f"Tarrowby Re raised rates. {second}"
    found = companies.companies_not_persons(_article(text), [_feature_mention(text, "Tarrowby Re", "PERSON")])
    assert _labels(found) == {"Tarrowby Re": "PERSON"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They play Tarrowby Kings, Vell Royals and Pellow Risers next.", "ORG"),  # two words, never reused
        ("They play Tarrowby Kings, Vell Royals and Ana Risers next. Risers said she was ready.", "PERSON"),
        ("They play Tarrowby Kings, Vell Royals and coach Ana Risers next.", "PERSON"),  # after a role
    ],
)
def test_a_two_word_person_listed_with_organisations_is_one(text, expected):
    person = "Pellow Risers" if "Pellow Risers" in text else "Ana Risers"
    found = [_feature_mention(text, "Tarrowby Kings", "ORG"), _feature_mention(text, "Vell Royals", "ORG"),
             _feature_mention(text, person, "PERSON")]
    assert _labels(companies.listed_companies(_article(text), found))[person] == expected


@pytest.mark.parametrize("head", sorted(tables.PLACE_LED_ORG_HEADS))
def test_place_led_org_head_row_makes_the_place_and_words_before_it_one_organisation(head):
    text = f"Clubs of the Tarrowland Premier {head.capitalize()} met on Monday."
    found = orgspans.place_led_orgs(_article(text), [_feature_mention(text, "Tarrowland", "GPE")])
    assert [(m.text, m.label) for m in found] == [(f"Tarrowland Premier {head.capitalize()}", "ORG")]


@pytest.mark.parametrize(
    ("text", "pieces", "expected"),
    [
        ("Clubs of the Vellish Premier League met.", [("Vellish", "NORP"), ("Premier League", "ORG")],
         [("Vellish Premier League", "ORG")]),  # the model's span inside the name joins it
        ("Clubs of the Tarrowland Premier League Cup met.", [("Tarrowland", "GPE")],
         [("Tarrowland", "GPE")]),  # a capitalised word goes on
        ("Members of the Tarrowland Union of Pellow met.", [("Tarrowland", "GPE")],
         [("Tarrowland", "GPE")]),  # "of <Name>" goes on
        ("In Tarrowland Ana League met them.", [("Tarrowland", "GPE"), ("Ana League", "PERSON")],
         [("Tarrowland", "GPE"), ("Ana League", "PERSON")]),  # a person
        ("Clubs in Tarrowland played on.", [("Tarrowland", "GPE")], [("Tarrowland", "GPE")]),  # no head
    ],
)
def test_place_led_org_near_cases(text, pieces, expected):
    found = orgspans.place_led_orgs(_article(text), [_feature_mention(text, n, label) for n, label in pieces])
    assert sorted((m.text, m.label) for m in found) == sorted(expected)


def test_a_country_ending_an_organisation_the_model_called_a_person_stays_a_place():
    """companies_not_persons runs before surname_labels: "Kenya" of "Banco Tarrow del Kenya" is no
    surname once that name is an organisation."""
    passes = list(stage.MENTION_PASSES)
    assert passes.index(companies.companies_not_persons) < passes.index(surnames.surname_labels)
    text = "Kenya\u2019s Banco Tarrow del Kenya asked to join the talks."
    found = [_mention_at(text, 0, "Kenya", "GPE"), _feature_mention(text, "Banco Tarrow del Kenya", "PERSON")]
    article = _article(text)
    found = surnames.surname_labels(article, companies.companies_not_persons(article, found))
    assert sorted((m.text, m.label) for m in found) == [("Banco Tarrow del Kenya", "ORG"), ("Kenya", "GPE")]


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Tarrow Vell Pellow (TVP) shut its refinery.", "Tarrow Vell Pellow", "ORG"),
        ("Union de Tarrow (UDT) shut its refinery.", "Union de Tarrow", "ORG"),  # all words' initials
        ("Tarrow Vell Pellow (TP) shut its refinery.", "Tarrow Vell Pellow", "PERSON"),  # not its initials
        ("Mr Tarrow Vell (TV) shut its refinery.", "Tarrow Vell", "PERSON"),  # a title before it
        ("Tarrow Vell Pellow shut its refinery (TVP).", "Tarrow Vell Pellow", "PERSON"),  # not right after it
    ],
)
def test_a_person_before_a_bracketed_acronym_of_its_initials_is_an_organisation(text, name, expected):
    found = person_passes.acronym_named_persons(_article(text), [_feature_mention(text, name, "PERSON")])
    assert _labels(found) == {name: expected}


@pytest.mark.parametrize("prefix", sorted(tables.SHIP_PREFIXES))
def test_ship_prefix_row_makes_the_person_after_it_a_ship(prefix):
    text = f"Repairs on the cargo ship {prefix} Ana Tarrow began in May."
    found = person_passes.ship_names(_article(text), [_feature_mention(text, f"{prefix} Ana Tarrow", "PERSON")])
    assert _labels(found) == {f"{prefix} Ana Tarrow": "PRODUCT"}


@pytest.mark.parametrize("name", ["Ana Tarrow", "Mv Tarrow", "USS"])  # no prefix, not as written, one word
def test_a_person_without_a_ship_prefix_stays_a_person(name):
    text = f"Repairs on {name} began in May."
    found = person_passes.ship_names(_article(text), [_feature_mention(text, name, "PERSON")])
    assert _labels(found) == {name: "PERSON"}


@pytest.mark.parametrize("noun", sorted(tables.ADMIN_DIVISION_NOUNS))
def test_admin_division_noun_row_makes_the_name_before_it_a_place(noun):
    text = f"Herders in Tarrowgovi {noun} lost their flocks."
    found = places.admin_division_names(_article(text), [_feature_mention(text, "Tarrowgovi", "NORP")])
    assert _labels(found) == {"Tarrowgovi": "GPE"}


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Herders in Tarrowgovi region lost their flocks.", "LOC"),  # "region": natural regions too
        ("Tarrowgovi province officials said so.", "ORG"),  # an organisation keeps its label
        ("Herders in Tarrowgovi Province lost their flocks.", "LOC"),  # capitalised: part of a name
    ],
)
def test_admin_division_near_cases(text, label):
    found = places.admin_division_names(_article(text, nouns=frozenset({"officials"})), [_feature_mention(text, "Tarrowgovi", label)])
    assert _labels(found) == {"Tarrowgovi": label}


# --- nouns that make the names before them brands (BRAND_NOUNS) ---


@pytest.mark.parametrize("noun", sorted(tables.BRAND_NOUNS))
def test_brand_noun_row_makes_one_or_two_persons_companies(noun):
    text = f"It will keep its Varnelo and Tusko {noun}."
    found = companies.brand_names(_article(text), [_feature_mention(text, "Varnelo", "PERSON"),
                                                _feature_mention(text, "Tusko", "PERSON")])
    assert _labels(found) == {"Varnelo": "ORG", "Tusko": "ORG"}


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [("Ana Varnelo spoke. The Varnelo brand grew.", "Varnelo", "PERSON"),  # a named person's surname
     ("The Ohio brand grew.", "Ohio", "PERSON"),  # a known place stays as the model had it
     ("Ana Varnelo built a brand.", "Ana Varnelo", "PERSON"),  # not right before the noun
     ("The Ana Varnelo brand grew.", "Ana Varnelo", "PERSON")],  # one word only
)
def test_brand_noun_needs_a_one_word_unowned_person(text, name, label):
    from workers.stages.entities.fixes import Mention

    start = text.rindex(name)
    found = [Mention("body", start, start + len(name), name, label, name)]
    if name != "Ana Varnelo" and "Ana Varnelo" in text:
        found.append(_feature_mention(text, "Ana Varnelo", "PERSON"))
    assert _labels(companies.brand_names(_article(text), found))[name] == label


# --- a one-word organisation that is a family name written first ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Tarrow coalition talks. Tarrow Kenji said he would stay.", "PERSON"),  # family name first
     ("Morrow Bank said so. Morrow Kenji spoke. Kenji said he would stay.", "ORG"),  # last word used alone
     ("Tarrow said so. Tarrow Kenji and Vell Tarrow spoke.", "ORG"),  # the word is in two persons
     ("Tarrow said so. Tarrow Coordinator spoke.", "ORG")],  # a role word in the person
)
def test_family_name_first_needs_one_owner_whose_last_word_is_never_alone(text, expected):
    persons = [m.group() for m in re.finditer(r"[A-Z]\w+ (?:Kenji|Tarrow|Coordinator)(?= )", text)]
    texts = {"title": "", "body": text}
    name = text.split()[0]
    assert surnames._family_name_first_of(name, persons, texts) is (expected == "PERSON")


# --- connectives over which an organisation goes on (ORG_TAIL_CONNECTIVES) ---


@pytest.mark.parametrize("connective", sorted(tables.ORG_TAIL_CONNECTIVES))
def test_org_tail_connective_row_joins_the_capitalised_words_after(connective):
    text = f"The Tarrow Party {connective} Vell Workers said it would join."
    found = orgspans.org_tails(_article(text), [_feature_mention(text, "Tarrow Party", "ORG")])
    assert _labels(found) == {f"Tarrow Party {connective} Vell Workers": "ORG"}


@pytest.mark.parametrize(
    ("text", "other"),
    [("The Tarrow Party for years opposed it.", None),  # a lowercase word after the connective
     ("The Tarrow Party for Vellshire grew.", "Vellshire"),  # another entity the model found
     ("The Tarrow Party for the Velle d'Arno grew.", None),  # a name going on past a particle
     ("Tarrow Mills for Vell Kenji Ana Ruiz Tom Lind said so.", None)],  # not a head noun
)
def test_org_tail_needs_a_head_and_free_capitalised_words(text, other):
    name = "Tarrow Mills" if "Mills" in text else "Tarrow Party"
    found = [_feature_mention(text, name, "ORG")] + ([_feature_mention(text, other, "GPE")] if other else [])
    assert orgspans.org_tails(_article(text), found)[0].text == name


# --- a place after a word that opens companies' names; all-capitals "persons" ---


@pytest.mark.parametrize("word", sorted(tables.COMPANY_FIRST_WORDS))
def test_company_first_word_row_joins_the_place_after_it(word):
    text = f"{word.capitalize()} Tarrowland added seats to Vell."
    place = _feature_mention(text, "Tarrowland", "GPE")
    assert _labels(companies.company_first_words(_article(text), [place])) == {f"{word.capitalize()} Tarrowland": "ORG"}


@pytest.mark.parametrize("word", sorted(tables.COMPANY_FIRST_WORDS))
def test_company_first_word_row_joins_the_person_after_it(word):
    text = f"{word.capitalize()} Tarrow Pellow\u2019s Ana Lind won the sprint."
    found = [_feature_mention(text, "Tarrow Pellow", "PERSON"), _feature_mention(text, "Ana Lind", "PERSON")]
    assert _labels(companies.company_first_words(_article(text), found)) == {
        f"{word.capitalize()} Tarrow Pellow": "ORG", "Ana Lind": "PERSON"}


@pytest.mark.parametrize("word", sorted(tables.COMPANY_FIRST_WORDS))
def test_company_first_word_the_model_tagged_apart_goes_into_the_company(word):
    # one mechanism with the legal forms (_company_openings): the opening word's own mention is dropped
    text = f"{word.capitalize()} Tarrowland added seats to Vell."
    found = [_feature_mention(text, word.capitalize(), "ORG"), _feature_mention(text, "Tarrowland", "GPE")]
    assert _labels(companies.company_first_words(_article(text), found)) == {f"{word.capitalize()} Tarrowland": "ORG"}


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [("Scientists at TARV said the rover works.", "TARV", "ORG"),  # an acronym in mixed case
     ("TARV - Scientists said the rover works.", "TARV", "PERSON"),  # an opening run of capitals
     ("Authors GB and Ana Lind wrote it.", "GB", "PERSON"),  # two letters: initials
     ("Ana Lind said the rover works.", "Ana Lind", "PERSON")],  # written in mixed case
)
def test_all_capitals_person_is_an_acronym_in_mixed_case(text, name, label):
    assert _labels(person_passes.acronym_persons(_article(text), [_feature_mention(text, name, "PERSON")])) == {name: label}


# --- parts only a company has after a name's possessive (COMPANY_POSSESSIONS) ---


@pytest.mark.parametrize("noun", sorted(tables.COMPANY_POSSESSIONS))
def test_company_possession_row_makes_a_person_a_company(noun):
    for between in ("", " Nordic", " Nordic bottling"):
        text = f"Vell bought Tarrowby's{between} {noun} on Monday."
        found = companies.cued_companies(_article(text), [_feature_mention(text, "Tarrowby", "PERSON")])
        assert _labels(found) == {"Tarrowby": "ORG"}, between


@pytest.mark.parametrize(
    "text",
    ["Ana Tarrow's long years in the army division were hard.",  # three words between
     "Ana Tarrow said the arm was broken."],  # no possessive
)
def test_company_possession_needs_a_close_possessive(text):
    assert _labels(companies.cued_companies(_article(text), [_feature_mention(text, "Ana Tarrow", "PERSON")])) == {
        "Ana Tarrow": "PERSON"}


# --- two "persons" the model made of one name split at an apostrophe or hyphen ---


@pytest.mark.parametrize(
    ("text", "first", "second", "expected"),
    [("Leader Ana'a Lind Tarrow said so.", "Ana'a Lind", "Tarrow", ["Ana'a Lind Tarrow"]),
     ("Leader Ana-Mai Lind Tarrow said so.", "Ana-Mai Lind", "Tarrow", ["Ana-Mai Lind Tarrow"]),
     ("Leader Ana Lind Tarrow said so.", "Ana Lind", "Tarrow", ["Ana Lind", "Tarrow"]),  # no apostrophe
     ("Leader Ana'a Lind, Tarrow said so.", "Ana'a Lind", "Tarrow", ["Ana'a Lind", "Tarrow"]),  # a comma between
     ("Ana-Mai Lind Tom Tarrow wrote.", "Ana-Mai Lind", "Tom Tarrow", ["Ana-Mai Lind", "Tom Tarrow"])],  # two names
)
def test_adjacent_persons_join_after_an_apostrophe_or_hyphen(text, first, second, expected):
    found = person_passes.adjacent_persons(_article(text), [_feature_mention(text, first, "PERSON"),
                                                     _feature_mention(text, second, "PERSON")])
    assert [m.text for m in found] == expected


@pytest.mark.parametrize(
    ("name", "label"),
    [("Tarrowbank", "ORG"),  # no demonym: a bank the model called a nationality
     ("Kenyan", "NORP")],  # a demonym stays
)
def test_company_cue_makes_a_non_demonym_nationality_a_company(name, label):
    text = f"Analysts at {name} said the price was fair."
    assert _labels(companies.cued_companies(_article(text), [_feature_mention(text, name, "NORP")])) == {name: label}


@pytest.mark.parametrize("generic", sorted(tables.SITE_GENERICS.keys() - tables.SITE_GENERICS_CAPITALISED))
def test_site_generic_row_makes_the_name_a_site(nlp, generic):
    body = f"Zarkovi said on Monday it would sell gas. Work at the Zarkovi {generic} was finished, engineer Ana Lind said."
    control = tag_body(nlp, body.replace(f"Zarkovi {generic}", "Zarkovi office"))
    assert control["Zarkovi"]["label"] == "PERSON"  # the model's reading without the generic
    assert tag_body(nlp, body)["Zarkovi"]["label"] == tables.SITE_GENERICS[generic]


@pytest.mark.parametrize("generic", sorted(tables.SITE_GENERICS_CAPITALISED))
def test_capitalised_only_site_generic_row(generic):
    text = f"Convoys crossed the Zarkovi {generic.capitalize()} and the Pellowe {generic} phrase."
    found = [_feature_mention(text, f"Zarkovi {generic.capitalize()}", "ORG"), _feature_mention(text, "Pellowe", "PERSON")]
    out = _labels(events.site_names(_article(text), found))
    assert out == {f"Zarkovi {generic.capitalize()}": tables.SITE_GENERICS[generic], "Pellowe": "PERSON"}


@pytest.mark.parametrize("text, name, label", [
    ("Coach Tomas Zarkovi said the Zarkovi stadium was full.", "Tomas Zarkovi", "PERSON"),  # his surname
    ("Pellworth Energy said output at the Pellworth refinery rose. Pellworth shares fell.", "Pellworth Energy", "ORG"),
])
def test_site_generic_keeps_a_named_persons_surname_and_an_owner(nlp, text, name, label):
    assert tag_body(nlp, text)[name]["label"] == label


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Output at its Zarkovi and Pellowe copper mines fell.", {"Zarkovi": "LOC", "Pellowe": "LOC"}),
        ("Output at the Zarkovi and Pellowe fields fell.", {"Zarkovi": "LOC", "Pellowe": "LOC"}),
        ("Output at Zarkovi and Pellowe mines fell.", {"Zarkovi": "PERSON", "Pellowe": "PERSON"}),  # no the/its
        ("Output at its Zarkovi and Pellowe mine fell.", {"Zarkovi": "PERSON", "Pellowe": "PERSON"}),  # singular
    ],
)
def test_two_names_before_a_plural_site_generic_are_sites(text, expected):
    found = [_feature_mention(text, name, "PERSON") for name in expected]
    assert _labels(events.site_names(_article(text), found)) == expected


# a natural feature's cue row (RIVER_CUES: "dams on the", VOLCANO_CUES: "eruption of"): the names after it are LOC
_FEATURE_CUE_ROWS = [("river", cue, "Farmers said the {cue} {the}{name} and Pellowa held little water.", "Zarkova")
                     for cue in sorted(tables.RIVER_CUES)] + [
    ("volcano", cue, "Ash fell after the {cue} {the}{name} and Pellowa.", "Zarkova Vell") for cue in sorted(tables.VOLCANO_CUES)]


@pytest.mark.parametrize(("feature", "cue", "sentence", "name"), _FEATURE_CUE_ROWS)
def test_feature_cue_row_makes_the_names_features(feature, cue, sentence, name):
    cues, named = (tables.RIVER_CUES, events.river_names) if feature == "river" else (tables.VOLCANO_CUES, events.volcano_names)
    text = sentence.format(cue=cue, the="the " if cues[cue] else "", name=name) + " Ana Lind flew to Vellmar."
    found = [_feature_mention(text, name, "ORG"), _feature_mention(text, "Pellowa", "GPE"),
             _feature_mention(text, "Vellmar", "GPE")]
    assert _labels(named(_article(text), found)) == {name: "LOC", "Pellowa": "LOC", "Vellmar": "GPE"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Its dams on the Niger and Zarkova were full.", {"Niger": "GPE", "Zarkova": "LOC"}),  # a country's name stays
        ("Offices on the Zarkova side were full.", {"Zarkova": "ORG"}),  # no river cue
        ("The dam on Zarkova land was full.", {"Zarkova": "ORG"}),  # no "the" after the cue
    ],
)
def test_river_cue_keeps_countries_and_other_uses(text, expected):
    found = [_feature_mention(text, name, "GPE" if name == "Niger" else "ORG") for name in expected]
    assert _labels(events.river_names(_article(text), found)) == expected




@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Since the eruption of Iceland and Zarkova, flights were cut.", {"Iceland": "GPE", "Zarkova": "LOC"}),  # a country
        ("An eruption of anger in Zarkova followed.", {"Zarkova": "GPE"}),  # no name right after the cue
        ("The Zarkova eruption was small.", {"Zarkova": "GPE"}),  # not a cue before the name
    ],
)
def test_volcano_cue_keeps_countries_and_other_uses(text, expected):
    found = [_feature_mention(text, name, "GPE") for name in expected]
    assert _labels(events.volcano_names(_article(text), found)) == expected


def _hyphen_found(text: str, left: str, right: str):
    return [_feature_mention(text, left, "ORG"), _feature_mention(text, right, "GPE")]


def test_capitalised_word_hyphened_to_a_country_is_one_organisation():
    text = "Forecasters at Vellmet-France said the storm would weaken."
    assert _labels(places.hyphen_country_agencies(_article(text), _hyphen_found(text, "Vellmet", "France"))) == {
        "Vellmet-France": "ORG"}


@pytest.mark.parametrize("form", sorted(tables.COUNTRY_COMBINING_FORMS))
def test_combining_form_row_keeps_the_hyphened_country_apart(form):
    left = form.capitalize()
    text = f"The {left}-France talks ended on Monday."
    found = places.hyphen_country_agencies(_article(text), _hyphen_found(text, left, "France"))
    assert _labels(found) == {left: "ORG", "France": "GPE"}


@pytest.mark.parametrize(
    ("text", "left", "words"),
    [
        ("Forecasters at Vellmet-France Weather said so.", "Vellmet", frozenset()),  # a longer name goes on
        ("The Radio-France deal was signed.", "Radio", frozenset({"radio"})),  # an English word
        ("The Kenya-France deal was signed.", "Kenya", frozenset()),  # two countries (hyphen_places)
    ],
)
def test_hyphened_country_stays_apart_without_the_evidence(text, left, words):
    found = places.hyphen_country_agencies(_article(text, words=words), _hyphen_found(text, left, "France"))
    assert _labels(found) == {left: "ORG", "France": "GPE"}


@pytest.mark.parametrize("joining", [j for _, j in tables.ROUTE_WORDS])
def test_route_row_splits_the_two_ends(nlp, joining):
    body = ("Energy Minister Ana Lind said Tarrowland would also send more gas to Spain through the undersea "
            f"link from Beni Kelvo {joining} Almeria.")
    found = tag_body(nlp, body)
    assert found["Beni Kelvo"]["label"] == "GPE" and found["Almeria"]["label"] == "GPE"
    assert not any(f" {joining} " in name for name in found)


def test_person_glued_to_of_and_a_place_after_a_role_is_two_names(nlp):
    found = tag_body(nlp, "The lead plaintiff, retiree Jean-Marc Zarkovi of Saint-Jérôme, said he had lost 600 dollars of food.")
    assert found["Jean-Marc Zarkovi"]["label"] == "PERSON" and found["Saint-Jérôme"]["label"] == "GPE"
    assert person_passes._glued_person_of(["Jean-Marc", "Zarkovi"])
    assert not person_passes._glued_person_of(["Supreme", "Court"]) and not person_passes._glued_person_of(["Bank"])


@pytest.mark.parametrize("noun", sorted(tables.PRODUCT_CLASS_NOUNS))
def test_product_class_noun_row_makes_the_owned_name_a_product(nlp, noun):
    found = tag_body(nlp, f"Shares rose after Kelvotech said its Zarvo Max {noun} sold out in Hanoi.")
    assert found["Zarvo Max"]["label"] == "PRODUCT"  # the model alone: a person


def test_product_class_noun_needs_an_owner_and_every_use_before_one(nlp):
    assert tag_body(nlp, "Samsung phones sold well in Hanoi, Samsung said.")["Samsung"]["label"] == "ORG"
    found = tag_body(nlp, "Kelvotech said the Tarrow Watch and Tarrow Buds would also be made there, beside its "
                          "Tarrow Fold phones.")
    assert [found[n]["label"] for n in ("Tarrow Watch", "Tarrow Buds", "Tarrow Fold")] == ["PRODUCT"] * 3
    assert found["Kelvotech"]["label"] == "ORG"


@pytest.mark.parametrize("verb", sorted(tables.PRODUCT_SALE_VERBS))
def test_product_sale_verb_row_makes_the_names_after_as_products(nlp, verb):
    found = tag_body(nlp, f"Pellworth cut prices of semaglutide, the drug it {verb} as Zarvexo and Kelvamin.")
    assert found["Zarvexo"]["label"] == "PRODUCT" and found["Kelvamin"]["label"] == "PRODUCT"


def test_product_sale_verb_needs_the_name_to_end_the_clause(nlp):
    assert tag_body(nlp, "Ana Lind sold the farm as Tom Ruck watched.")["Tom Ruck"]["label"] == "PERSON"


def test_acronym_after_an_organisation_descriptor_is_an_organisation(nlp):
    found = tag_body(nlp, "Kelvoria's state oil company KOC and BP said on Tuesday they would raise gas flows.")
    assert found["KOC"]["label"] == "ORG" and found["Kelvoria"]["label"] == "GPE"


@pytest.mark.parametrize("form", sorted(tables.COMPANY_FORM_PREFIXES))
def test_company_form_prefix_row_makes_the_name_after_it_a_company(nlp, form):
    found = tag_body(nlp, f"The smelter, run by {form} Sulawesi Kelvo Nusantara, a unit of Tarrow Holding Group, "
                          "would stay closed.")
    assert found[f"{form} Sulawesi Kelvo Nusantara"]["label"] == "ORG"
    assert form not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("France\u2019s Ana Lind of Pellow-Vell Racing won.", {"Ana Lind": "PERSON", "Pellow-Vell Racing": "ORG"}),
        ("France's Ana Lind of Pellow-Vell Racing won.", {"Ana Lind": "PERSON", "Pellow-Vell Racing": "ORG"}),
        ("Tarrow's Ana Lind of Pellow-Vell Racing won.", {"Ana Lind of Pellow-Vell Racing": "ORG"}),  # no country
        ("Then Ana Lind of Pellow-Vell Racing won.", {"Ana Lind of Pellow-Vell Racing": "ORG"}),  # no evidence
    ],
)
def test_person_of_an_organisation_after_a_countrys_possessive(text, expected):
    found = [_feature_mention(text, "Ana Lind of Pellow-Vell Racing", "ORG")]
    assert _labels(person_passes.persons_of_names(_article(text), found)) == expected


@pytest.mark.parametrize("noun", sorted(tables.MEMBER_NOUNS))
def test_member_noun_row_makes_the_name_before_it_an_organisation(noun):
    text = f"Kelvaya Dawn {noun} Ana Lind voted no."
    found = organisations.member_possessors(_article(text), [_feature_mention(text, "Kelvaya Dawn", "PERSON")])
    assert _labels(found) == {"Kelvaya Dawn": "ORG"}


@pytest.mark.parametrize("plural", sorted(organisations._MEMBER_PLURALS))
def test_member_noun_plural_makes_the_possessor_an_organisation(plural):
    text = f"Two of Kelvaya Dawn\u2019s {plural} voted no."
    found = organisations.member_possessors(_article(text), [_feature_mention(text, "Kelvaya Dawn", "PERSON")])
    assert _labels(found) == {"Kelvaya Dawn": "ORG"}


@pytest.mark.parametrize("text", ["Kelvaya Dawn\u2019s MPs voted no.", "Kelvaya Dawn's 12 TDs voted no.",
                                  "Kelvaya Dawn MEP Ana Lind voted no."])
def test_member_nouns_as_written_in_capitals(text):
    found = organisations.member_possessors(_article(text), [_feature_mention(text, "Kelvaya Dawn", "PERSON")])
    assert _labels(found) == {"Kelvaya Dawn": "ORG"}


def test_member_noun_plurals():
    assert {"deputies", "aldermen", "assemblywomen", "mps", "councillors"} <= organisations._MEMBER_PLURALS
    assert len(organisations._MEMBER_PLURALS) == len(tables.MEMBER_NOUNS)


@pytest.mark.parametrize(
    ("text", "label", "expected"),
    [
        ("Two of Peru's lawmakers voted no.", "PERSON", "PERSON"),  # a known country keeps its label
        ("Ana Lind's lawyers voted no.", "PERSON", "PERSON"),  # no member noun
        ("Kelvaya Dawn lawmaker said no.", "PERSON", "PERSON"),  # no name after the noun
        ("Kelvaya Dawn senator Ana Lind voted no.", "NORP", "NORP"),  # "Democratic senator": a nationality-like word stays
        ("Kelvaya Dawn\u2019s senators voted no.", "GPE", "GPE"),  # the model's place stays
    ],
)
def test_member_noun_needs_a_person_label_and_no_known_place(text, label, expected):
    name = "Peru" if "Peru" in text else "Ana Lind" if text.startswith("Ana") else "Kelvaya Dawn"
    found = organisations.member_possessors(_article(text), [_feature_mention(text, name, label)])
    assert _labels(found)[name] == expected


@pytest.mark.parametrize(
    ("pieces", "forced", "expected"),
    [
        (["Ana Pellow", "Tarrow-Vell"], False, {"Ana Pellow Tarrow-Vell": "PERSON"}),  # one name in two persons
        (["Ana Pellow", "Tarrow-Vell"], True, {"Ana Pellow": "PERSON", "Tarrow-Vell": "PERSON"}),  # a rule's stay
        (["Ana Pellow Tarrow-Vell"], False, {"Ana Pellow Tarrow-Vell": "PERSON"}),
    ],
)
def test_a_name_after_a_role_the_model_cut_into_persons_is_one(pieces, forced, expected):
    text = "The former hospital director Ana Pellow Tarrow-Vell, 61, denied the charges."
    found = [_feature_mention(text, piece, "PERSON") for piece in pieces]
    for m in found:
        m.forced = forced
    assert _labels(role_names.role_named_persons(_article(text), found)) == expected


@pytest.mark.parametrize(
    ("span", "words", "expected"),
    [
        ("Patriarch Tarrovije", frozenset(), {"Tarrovije": "PERSON"}),  # the model's organisation: a title and a name
        ("Imam Vellbek", frozenset(), {"Vellbek": "PERSON"}),
        ("Cardinal Health", frozenset({"health"}), {"Cardinal Health": "ORG"}),  # a common word: a company
    ],
)
def test_a_title_and_one_uncommon_word_the_model_called_an_organisation_is_a_person(span, words, expected):
    text = f"A statement said {span} had not been consulted."
    found = role_names.role_named_persons(_article(text, words=words), [_feature_mention(text, span, "ORG")])
    assert _labels(found) == expected


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("Archbishop Ana of Tarrowby welcomed them.", "Ana of Tarrowby", {"Ana": "PERSON", "Tarrowby": "GPE"}),
        ("Prince Tom of Vell Pellow arrived.", "Tom of Vell Pellow", {"Tom": "PERSON", "Vell Pellow": "GPE"}),
        ("Ana of Tarrowby welcomed them.", "Ana of Tarrowby", {"Ana of Tarrowby": "PERSON"}),  # no title
    ],
)
def test_the_see_after_a_titled_name_is_a_place(text, span, expected):
    found = role_names.role_named_persons(_article(text), [_feature_mention(text, span, "PERSON")])
    assert _labels(found) == expected


@pytest.mark.parametrize(
    ("text", "model", "expected"),
    [
        ("Analyst Ana Lind of Tarrow Pellow said so.", "PERSON", "ORG"),  # a trade's role: the employer
        ("Analyst Ana Lind of Tarrow Pellow said so.", None, "ORG"),  # untagged: added
        ("Mayor Ana Lind of Tarrow Pellow said so.", "PERSON", "PERSON"),  # a civic role: maybe a place
        ("Analyst Ana Lind of Tarrow Hill said so.", None, None),  # toponym-shaped
        ("Analyst Ana Lind of New Zealand said so.", None, None),  # a known country
        ("Then Ana Lind of Tarrow Pellow said so.", None, None),  # no role
        ("Analyst Ana Lind of Tarrow Bank Côte d\u2019Ivoire said so.", None, "ORG"),  # over an elided particle
        ("Analyst Ana Lind of Tarrow Bank van Pellow said so.", None, "ORG"),  # over a particle
    ],
)
def test_employer_after_a_trades_role(text, model, expected):
    name = text.split(" of ")[1].replace(" said so.", "")
    found = [_feature_mention(text, "Ana Lind", "PERSON")] + ([_feature_mention(text, name, model)] if model else [])
    assert _labels(organisations.employers_after_roles(_article(text), found)).get(name) == expected


@pytest.mark.parametrize("form", sorted(tables.COMPANY_FORM_SUFFIXES))
@pytest.mark.parametrize("model", [None, "PERSON", "GPE"])
def test_company_form_suffix_row_makes_the_name_before_it_a_company(form, model):
    text = f"Shares in Kelvo Tarrowgate {form} rose on Monday."
    found = [_feature_mention(text, "Kelvo Tarrowgate", model)] if model else []
    out = companies.company_form_suffixes(_article(text, words=frozenset({"shares"})), found)
    assert _labels(out) == {f"Kelvo Tarrowgate {form}": "ORG"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Sa team won.", {}),  # case matters: no form
        ("Kelvo SAT scores rose.", {}),  # a longer word
        ("He met Ana in Tarrow, SA on Monday.", {}),  # no name right before
        ("39. Kelvo SA ,Pellow JJ ,Vell WB ,et al. Efficacy of a vaccine.", {}),  # an author's initials
    ],
)
def test_company_form_suffix_needs_the_form_as_written_right_after_a_name(text, expected):
    assert _labels(companies.company_form_suffixes(_article(text), [])) == expected


@pytest.mark.parametrize(
    ("text", "model", "expected"),
    [
        ("Kelvo Tarrowgate KK of Pellowmoor will build it.", [("Kelvo Tarrowgate KK of Pellowmoor", "ORG")],
         {"Kelvo Tarrowgate KK": "ORG", "Pellowmoor": "GPE"}),  # one span over company and seat: cut
        ("Kelvo NV of Pellowmoor will build it.", [("Kelvo NV", "ORG"), ("Pellowmoor", "PERSON")],
         {"Kelvo NV": "ORG", "Pellowmoor": "GPE"}),  # the seat is a place
        ("Kelvo Tarrowgate s.r.o. will build it.", [("Kelvo", "ORG")], {"Kelvo Tarrowgate s.r.o.": "ORG"}),  # pieces
        ("The Kelvo Tarrowgate SE said so.", [], {"Kelvo Tarrowgate SE": "ORG"}),  # an article is no part
        ("Vell-based Kelvo Tarrowgate Bhd said so.", [("Vell-based", "GPE")], {"Vell-based": "GPE",
                                                                                 "Kelvo Tarrowgate Bhd": "ORG"}),
        ("Pellow\u2019s Kelvo Tarrowgate Berhad said so.", [], {"Kelvo Tarrowgate Berhad": "ORG"}),  # an owner
    ],
)
def test_company_form_suffix_takes_the_models_pieces_and_cuts_at_the_seat(text, model, expected):
    found = [_feature_mention(text, name, label) for name, label in model]
    assert _labels(companies.company_form_suffixes(_article(text), found)) == expected


@pytest.mark.parametrize(
    ("text", "model", "expected"),
    [
        ("Kelvo Tarrowgate, a.s. will build it.", [("Kelvo Tarrowgate", "ORG")], {"Kelvo Tarrowgate, a.s.": "ORG"}),
        ("Kelvo Tarrowgate, S.A. will build it.", [], {"Kelvo Tarrowgate, S.A.": "ORG"}),  # a dotted form after a comma
        ("Kelvo vellovna, a.s. will build it.", [("Kelvo", "ORG")], {"Kelvo vellovna, a.s.": "ORG"}),  # its own lowercase word
        ("Kelvo Tarrowgate, SA will build it.", [("Kelvo Tarrowgate", "ORG")], {"Kelvo Tarrowgate": "ORG"}),  # undotted: a list
        ("Kelvo bought shares a.s. said so.", [("Kelvo", "ORG")], {"Kelvo": "ORG"}),  # English words: no part of the name
    ],
)
def test_company_form_suffix_after_a_comma_or_a_foreign_word(text, model, expected):
    found = [_feature_mention(text, name, label) for name, label in model]
    article = _article(text, words=frozenset({"bought", "shares"}))
    assert _labels(companies.company_form_suffixes(article, found)) == expected


def test_company_form_suffix_keeps_a_rules_person_and_a_country():
    text = "Kelvo SA and Peru SA said so."
    person, country = _feature_mention(text, "Kelvo", "PERSON"), _feature_mention(text, "Peru", "GPE")
    person.forced = True
    country.name = "Peru"
    assert _labels(companies.company_form_suffixes(_article(text), [person, country])) == {"Kelvo": "PERSON", "Peru": "GPE"}


def test_match_team_cut_by_the_model_grows_over_the_whole_name(nlp):
    found = tag_body(nlp, "BUENOS AIRES - Corvia beat Atlético Kelvense 3-1 at the stadium on Saturday.")
    assert found["Atlético Kelvense"]["label"] == "ORG" and "Atlético" not in found


@pytest.mark.parametrize("text, name, label", [
    ("In Jeddah, Al-Ittihad drew 1-1 with Al-Kelvo on Friday.", "Al-Kelvo", "ORG"),  # the other side a club
    ("Ana Lind beat Tom Ruck 10-7 in the snooker final at the Crucible.", "Tom Ruck", "PERSON"),
])
def test_match_person_is_a_team_only_beside_an_organisation(nlp, text, name, label):
    assert tag_body(nlp, text)[name]["label"] == label


def test_organisation_cut_at_and_joins_the_rest_of_a_known_countrys_name(nlp):
    found = tag_body(nlp, "An appeals chamber of the Court of Bosnia and Herzegovina upheld on Friday a ban for Ana Lind.")
    assert found["Court of Bosnia and Herzegovina"]["label"] == "ORG" and "Herzegovina" not in found
    assert not orgspans._place_over_and(fixes.Mention("body", 0, 14, "Court of Kelvo and", "ORG", "Court of Kelvo and"),
                                    fixes.Mention("body", 15, 26, "Herzegovina", "GPE", "Herzegovina"))


def test_seller_of_a_product_sold_as_a_name_is_a_company(nlp):
    found = tag_body(nlp, "Semaglutide, sold by Kelvo Pharma Norden as Zarvexo, will lose its patent next year.")
    assert found["Kelvo Pharma Norden"]["label"] == "ORG" and found["Zarvexo"]["label"] == "PRODUCT"


@pytest.mark.parametrize("text, name", [
    ("Semaglutide, sold by Kelvo Pharma Norden as Zarvexo, will lose its patent next year.", "Kelvo Pharma Norden"),
    ("Ana Tran, an analyst at SSI Securities, said Kelvo’s Bphone handsets were losing share.", "Kelvo"),
])
def test_sellers_and_owners_of_products_are_companies_without_the_product_label(nlp, text, name):
    # the model alone calls both a person; the rule must not hang on PRODUCT being kept
    record = article_record("t1", text, "unique")
    record["paragraphs"] = [text]
    labels = [label for label in DEFAULT_ENTITY_LABELS if label != "PRODUCT"]
    found = {entity["name"]: entity for entity in stage.tag([record], nlp, labels)[0]["entities"]}
    assert found[name]["label"] == "ORG"


@pytest.mark.parametrize("text, name, label", [
    ("Kelvo Labs, Eli Lilly and Pellofi have all cut prices of their diabetes drugs in India this year.",
     "Pellofi", "ORG"),
    ("Executives from Microsoft, Apple and Ruck attended. Tom Ruck said.", "Tom Ruck", "PERSON"),  # his surname
])
def test_one_word_person_listed_with_two_organisations_is_one(nlp, text, name, label):
    assert tag_body(nlp, text)[name]["label"] == label


@pytest.mark.parametrize("text, name, label", [
    ("Kelvoria and BP said they would raise gas flows through the South Kelvo Pipeline to Georgia by 10 percent.",
     "South Kelvo Pipeline", "FAC"),
    ("The Tarrow Pipeline Company said work was finished.", "Tarrow Pipeline Company", "ORG"),
])
def test_name_after_the_ending_in_a_capitalised_site_generic_is_a_site(nlp, text, name, label):
    assert tag_body(nlp, text)[name]["label"] == label


@pytest.mark.parametrize("text, name", [
    ("The Goa High Court on Monday allowed Kelvo Labs to export the drug.", "Goa High Court"),
    ("The Sindh High Court on Monday allowed Kelvo Labs to export the drug.", "Sindh High Court"),
])
def test_untagged_institution_named_by_a_known_region_after_the_is_an_organisation(nlp, text, name):
    assert tag_body(nlp, text)[name]["label"] == "ORG"


def test_institution_after_the_needs_a_known_place():
    assert organisations._PLACED_INSTITUTION.search("The Kelvo High Court ruled.")  # the shape, but no known place
    longer = organisations._PLACED_INSTITUTION.search("The Goa High Court Bar Association said.")
    assert longer.group(1) == "Goa High Court Bar Association"  # the whole name, not its first part


@pytest.mark.parametrize("text, name, label", [
    ("Oil analyst Khalid al-Amri of Maghreb Power Watch in Tunis said Morocco's ONHYM was drilling.",
     "Maghreb Power Watch", "ORG"),
    ("Analyst Tom Ruck of Pellow Hill said prices would rise.", "Pellow Hill", "GPE"),  # no designator
])
def test_untagged_words_after_a_persons_of_with_a_designator_are_an_organisation(nlp, text, name, label):
    assert tag_body(nlp, text)[name]["label"] == label


@pytest.mark.parametrize("text, name, label", [
    ("Moldova's state gas company Energocom signed a deal on Monday to buy gas from Romania's Kelvogaz through a "
     "pipeline. Kelvogaz chief executive Răzvan Popescu said the company would raise output.", "Kelvogaz", "ORG"),
    ("Resort owner Litia Qalo said bookings had doubled.", "Resort", None),  # a common noun opening the sentence
])
def test_name_before_a_companys_role_is_its_organisation_against_other_labels(nlp, text, name, label):
    assert tag_body(nlp, text).get(name, {}).get("label") == label


@pytest.mark.parametrize("text, name, label", [
    ("Shares in Vale Indonesia rose in Jakarta.", "Vale Indonesia", "ORG"),  # the model alone: a LOC
    ("Shares in Southeast Asia rose on Monday.", "Southeast Asia", "LOC"),  # a world region
])
def test_company_cue_makes_a_loc_of_two_words_a_company_unless_a_region(nlp, text, name, label):
    assert tag_body(nlp, text)[name]["label"] == label


@pytest.mark.parametrize("noun", sorted(tables.COMPETITOR_NOUNS))
def test_competitor_noun_row_makes_a_one_word_name_a_company(nlp, noun):
    found = tag_body(nlp, f"{noun.capitalize()} Tarrowco, which owns Pellco, said it was not interested in a bid.")
    assert found["Tarrowco"]["label"] == "ORG" and f"{noun.capitalize()} Tarrowco" not in found


@pytest.mark.parametrize("text, name", [
    ("His rival Ana Lind said she would appeal.", "Ana Lind"),
    ("Tom Lind won. His rival Lind said he would appeal.", "Tom Lind"),
])
def test_competitor_noun_keeps_persons(nlp, text, name):
    assert tag_body(nlp, text)[name]["label"] == "PERSON"


@pytest.mark.parametrize("noun", sorted(tables.GROUP_GENERICS))
def test_group_generic_row_makes_the_name_an_organisation(nlp, noun):
    found = tag_body(nlp, f"Representative Ana Lind of the Kelvaya {noun} called the ruling a setback.")
    assert found["Kelvaya"]["label"] == "ORG" and found["Ana Lind"]["label"] == "PERSON"


@pytest.mark.parametrize("text, name, label", [
    ("Leaders of the Kurdish party met on Monday.", "Kurdish", "NORP"),
    ("Leaders of the Green party met on Monday.", "Green", None),  # a common word
])
def test_group_generic_keeps_nationalities_and_common_words(nlp, text, name, label):
    assert tag_body(nlp, text).get(name, {}).get("label") == label


@pytest.mark.parametrize(
    ("text", "model", "expected"),
    [
        ("Talks with the populist Kelvaya Dawn party ended.", "PERSON", "ORG"),  # a modifier before the name
        ("Talks with the far-right Kelvaya Dawn party ended.", "PERSON", "ORG"),
        ("Talks with the small ruling Kelvaya Dawn party ended.", None, "ORG"),  # two modifiers
        ("The head of Kelvaya Dawn party spoke.", "PERSON", "PERSON"),  # no "the" before it
        ("Talks with the leader of Kelvaya Dawn party ended.", "PERSON", "PERSON"),  # a connective: not a modifier
        ("Talks with the populist Green Dawn party ended.", "PERSON", "PERSON"),  # common words only
        ("Talks with Ana Pell\u2019s Kelvaya Dawn party ended.", "PERSON", "ORG"),  # a possessive before it
        ("Talks with Pell's Kelvaya Dawn party ended.", None, "ORG"),
    ],
)
def test_group_generic_after_lowercase_modifiers(text, model, expected):
    name = "Green Dawn" if "Green" in text else "Kelvaya Dawn"
    found = [_feature_mention(text, name, model)] if model else []
    article = context.Article({}, None, None, frozenset(DEFAULT_ENTITY_LABELS), frozenset({"dawn", "green"}),
                              frozenset(), {"title": "", "body": text})
    assert _labels(organisations.group_names(article, found)).get(name) == expected


@pytest.mark.parametrize(
    ("other", "expected"),
    [("PERSON", "ORG"),  # the model's guess elsewhere is no evidence
     ("PERSON forced", "PERSON")],  # a rule's person elsewhere is
)
def test_group_generic_and_the_same_name_as_a_person_elsewhere(other, expected):
    text = "Talks with the Kelvaya party ended. Kelvaya said no."
    party = _feature_mention(text, "Kelvaya", "PERSON")
    elsewhere = _feature_mention(text, "Kelvaya said", "PERSON")
    elsewhere.start, elsewhere.end, elsewhere.text, elsewhere.name = elsewhere.start, elsewhere.start + 7, "Kelvaya", "Kelvaya"
    elsewhere.forced = other.endswith("forced")
    organisations.group_names(_article(text), [party, elsewhere])
    assert party.label == expected


@pytest.mark.parametrize("word", sorted(tables.EVENT_FIRST_WORDS))
def test_event_first_word_row_makes_a_cup_an_event(nlp, word):
    cup = f"{word.capitalize()} Kelvadores"
    texts = (f"Corvia won the {cup} for the first time on Saturday, coach Ana Lind said.",
             f"The {cup} final was played in Lisbon on Saturday, organisers said.")
    labels = {tag_body(nlp, text).get(cup, {}).get("label") for text in texts}
    assert labels - {None} == {"EVENT"}  # tagged in at least one sentence, and an event there


def test_event_first_word_keeps_a_company(nlp):
    assert tag_body(nlp, "Copa Airlines said flights to Panama would resume.")["Copa Airlines"]["label"] == "ORG"


@pytest.mark.parametrize("link", sorted(tables.ARABIC_NAME_LINKS))
def test_arabic_name_link_row_keeps_the_name_whole_after_a_role(nlp, link):
    found = tag_body(nlp, f"Minister Tarik {link} Pellow al-Vell said the fund would pay.")
    assert found[f"Tarik {link} Pellow al-Vell"]["label"] == "PERSON"


@pytest.mark.parametrize("prefix", sorted(tables.ARABIC_ARTICLE_PREFIXES))
def test_arabic_family_prefix_row_ends_the_name_after_a_role(nlp, prefix):
    found = tag_body(nlp, f"Minister Tarik bin Pellow {prefix}-Vell said the fund would pay.")
    assert found[f"Tarik bin Pellow {prefix}-Vell"]["label"] == "PERSON"


def test_given_name_and_family_name_the_model_called_a_building_is_a_person(nlp):
    found = tag_body(nlp, "Two goals from Salem al-Dawsari gave Al-Hilal the win.")
    assert found["Salem al-Dawsari"]["label"] == "PERSON"


@pytest.mark.parametrize("generic", sorted(tables.ARABIC_PLACE_GENERICS))
def test_arabic_place_generic_row_is_no_person(nlp, generic):
    name = f"{generic.capitalize()} al-Tarrow"
    assert person_passes._ARABIC_NAME.fullmatch(name)  # a person's shape: only the row keeps it no person
    assert tag_body(nlp, f"Crowds gathered at the {name} on Friday.").get(name, {}).get("label") != "PERSON"


def test_arabic_place_generic_keeps_a_building(nlp):
    assert tag_body(nlp, "Crowds gathered at the Burj al-Arab on Friday.")["Burj al-Arab"]["label"] == "FAC"


def test_group_generic_keeps_a_named_persons_surname(nlp):
    found = tag_body(nlp, "Tom Kelvaya founded it. Representative Ana Lind of the Kelvaya party called the ruling a setback.")
    assert found["Tom Kelvaya"]["label"] == "PERSON" and "Kelvaya" not in found


@pytest.mark.parametrize("text, name, label", [
    ("Ana Tran, an analyst at SSI Securities, said Kelvo’s Bphone handsets were losing share.", "Kelvo", "ORG"),
    ("Tom Lind said Lind's Tarrow phones were old.", "Tom Lind", "PERSON"),  # a named person's surname
])
def test_owner_of_a_named_product_line_is_a_company(nlp, text, name, label):
    assert tag_body(nlp, text)[name]["label"] == label


@pytest.mark.parametrize("end", sorted(tables.NOT_NAME_ENDS))
def test_a_role_word_opening_an_organisations_name_does_not_make_it_a_person(nlp, end):
    assert fixes._role_then_name(["General", "Tarrow", "Pellow"], nlp.vocab)  # a general and his name
    assert not fixes._role_then_name(["General", "Tarrow", end.capitalize()], nlp.vocab)  # "General X Authority"


@pytest.mark.parametrize(
    ("text", "model", "expected"),
    [
        ("Antigua and Barbuda asked Kelvo for talks.", [("Antigua", "GPE"), ("Barbuda", "ORG")],
         {"Antigua and Barbuda": "GPE"}),  # two mentions
        ("Antigua and Barbuda asked Kelvo for talks.", [("Barbuda", "PERSON")], {"Antigua and Barbuda": "GPE"}),
        ("Saint Kitts and Nevis asked Kelvo.", [("Saint Kitts", "GPE")], {"Saint Kitts and Nevis": "GPE"}),
        ("Tarrow and Pellow asked Kelvo.", [("Tarrow", "GPE"), ("Pellow", "ORG")],
         {"Tarrow": "GPE", "Pellow": "ORG"}),  # no country together
        ("The Court of Antigua and Barbuda ruled.", [("Court of Antigua and", "ORG"), ("Barbuda", "GPE")],
         {"Court of Antigua and": "ORG", "Barbuda": "GPE"}),  # a part inside a longer name
    ],
)
def test_mentions_joined_by_and_into_a_known_country_are_one_place(text, model, expected):
    found = [_feature_mention(text, name, label) for name, label in model]
    assert _labels(places.joined_country_names(_article(text), found)) == expected


@pytest.mark.parametrize("noun", sorted(tables.PLACE_NOUNS))
def test_untagged_name_after_a_place_noun_row_is_a_place(noun):
    text = f"Crews worked in the southern {noun} of Kelvara Tarrow, officials said."
    assert _labels(placelists.untagged_place_noun_names(_article(text), [])) == {"Kelvara Tarrow": "GPE"}


@pytest.mark.parametrize(
    ("text", "model"),
    [
        ("Crews worked in the state of Kelvara Council.", []),  # an organisation's word
        ("He gave the State of Kelvara address.", []),  # capitalised: a name's own word
        ("Crews worked in the state of Kelvara.", [("Kelvara", "ORG")]),  # tagged: left to place_noun_names
        ("Crews worked in the state of Emergency Kelvara.", []),  # a common word
    ],
)
def test_untagged_name_after_a_place_noun_needs_a_bare_untagged_name(text, model):
    found = [_feature_mention(text, name, label) for name, label in model]
    words = frozenset({"emergency"})
    assert _labels(placelists.untagged_place_noun_names(_article(text, words=words), found)) == dict(model)


@pytest.mark.parametrize("prefix", sorted(tables.CLUB_PREFIXES))
@pytest.mark.parametrize(("name", "model"), [("Tarrow Pellow", "PERSON"), ("Tarrowland", "GPE"), ("Tarrow Vell", "ORG")])
def test_club_prefix_row_opens_the_clubs_name(prefix, name, model):
    text = f"Ana Lind joined {prefix} {name} on loan."
    found = companies.club_prefixes(_article(text), [_feature_mention(text, name, model)])
    assert _labels(found) == {f"{prefix} {name}": "ORG"}


def test_club_prefix_needs_the_prefix_as_written_right_before():
    text = "Ana Lind joined Tarrow Pellow, ac Vell and Fc Kelvo on loan."
    found = [_feature_mention(text, n, "PERSON") for n in ("Tarrow Pellow", "Vell", "Kelvo")]
    assert _labels(companies.club_prefixes(_article(text), found)) == {"Tarrow Pellow": "PERSON", "Vell": "PERSON",
                                                                        "Kelvo": "PERSON"}


@pytest.mark.parametrize("continent", sorted(tables.CONTINENT_NAMES))
@pytest.mark.parametrize(("direction", "model", "expected"), [
    ("Western", "GPE", "LOC"), ("Central", "ORG", "LOC"), ("Western", "PERSON", "PERSON"),  # a person stays
])
def test_compass_word_and_continent_row_is_a_world_region(continent, direction, model, expected):
    name = f"{direction} {continent.capitalize()}"
    text = f"Trucks carry fruit to Tarrowland and {name}, Ana Lind said."
    assert _labels(places.world_regions(_article(text), [_feature_mention(text, name, model)])) == {name: expected}


def test_compass_word_and_continent_keeps_a_known_country():
    text = "Trucks carry fruit to South Africa, Ana Lind said."
    assert _labels(places.world_regions(_article(text), [_feature_mention(text, "South Africa", "GPE")])) == {
        "South Africa": "GPE"}


def test_club_prefix_is_no_word_of_an_all_caps_headline():
    text = "TALKS STALL AS TARROWLAND WATCHES"
    found = companies.club_prefixes(_article(text), [_feature_mention(text, "TARROWLAND", "GPE")])
    assert _labels(found) == {"TARROWLAND": "GPE"}


def _person_doc(nlp, words: list[str], person: tuple[int, int]):
    """A Doc of `words` (a space after each but around "-") with one PERSON entity over tokens [start, end)."""
    from spacy.tokens import Doc, Span

    spaces = [w != "-" and after != "-" for w, after in zip(words, words[1:] + [""])]
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    doc.ents = [Span(doc, *person, label="PERSON")]
    return doc


@pytest.mark.parametrize("particle", sorted(tables.PERSON_NAME_PARTICLES))
def test_person_name_particle_row_grows_the_person(nlp, particle):
    doc = _person_doc(nlp, ["Director", "Ilsa", particle, "Tarrowberg", "said", "so", "."], (1, 2))
    assert fixes.extend_person_right(doc, doc.ents[0]) == 4


def test_person_name_particles_go_on_after_the_next_surname(nlp):
    doc = _person_doc(nlp, ["Professor", "Pere", "de", "la", "Tarrow", "i", "Pellow", "said", "."], (1, 2))
    assert fixes.extend_person_right(doc, doc.ents[0]) == 7
    doc = _person_doc(nlp, ["Economist", "Rosa", "dela", "Tarrow", "-", "Pellow", "said", "."], (1, 2))
    assert fixes.extend_person_right(doc, doc.ents[0]) == 6
    doc = _person_doc(nlp, ["Ilsa", "per", "Tarrowberg", "said", "."], (0, 1))  # "per": no person's particle
    assert fixes.extend_person_right(doc, doc.ents[0]) == 1


@pytest.mark.parametrize("particle", sorted(tables.NAME_PARTICLES))
def test_name_particle_row_joins_the_pieces_on_both_sides(particle):
    text = f"Shares of Varnoque {particle} Pellowin rose on Monday."
    found = particles.particle_names(_article(text), [_feature_mention(text, "Varnoque", "ORG"),
                                                      _feature_mention(text, "Pellowin", "ORG")])
    assert [(m.text, m.label, m.forced) for m in found] == [(f"Varnoque {particle} Pellowin", "ORG", True)]


@pytest.mark.parametrize("head", sorted(tables.FOREIGN_ORG_HEADS))
def test_foreign_org_head_row_names_an_organisation_the_model_missed(head):
    name = f"{head.capitalize()} Tarrowal ng Pellowas"
    text = f"The {name} cut its rate on Thursday."
    found = particles.particle_names(_article(text, words=frozenset({"the"})), [])
    assert _labels(found) == {name: "ORG"}


@pytest.mark.parametrize(
    ("text", "pieces", "expected"),
    [
        ("Ranchers in Sao Tarrow do Pellow said so.", [("Pellow", "GPE")], {"Sao Tarrow do Pellow": "GPE"}),
        ("His party, Varnoque per Pellowia, backed it.", [("Pellowia", "GPE")], {"Varnoque per Pellowia": "ORG"}),
        ("Economist Rosa dela Tarrow-Pellow said so.", [("Rosa", "PERSON"), ("Tarrow-Pellow", "PERSON")],
         {"Rosa dela Tarrow-Pellow": "PERSON"}),
        ("Tarrowland’s Banco de la Pellow held rates.", [("Banco de la Pellow", "ORG")], {"Banco de la Pellow": "ORG"}),
        ("The Banco Tarrow de Pellow’s board voted.", [("Banco Tarrow", "ORG"), ("Pellow", "GPE")],
         {"Banco Tarrow de Pellow": "ORG"}),
        ("Commission President Ilsa von Tarrow spoke.", [("Ilsa von Tarrow", "PERSON")], {"Ilsa von Tarrow": "PERSON"}),
        ("Von der Tarrow told them so.", [("Tarrow", "PERSON")], {"Tarrow": "PERSON"}),  # a capitalised particle
        ("Prices rose 5 Dollars per Barrel today.", [], {}),  # no piece, no foreign head
        ("Sales of Varnoque per Pellow rose.", [("Varnoque per Pellow", "ORG")], {"Varnoque per Pellow": "ORG"}),
    ],
)
def test_particle_names_take_their_label_and_edges_from_the_evidence(text, pieces, expected):
    words = frozenset({"economist", "the", "dollar", "barrel", "price", "commission"})
    found = particles.particle_names(_article(text, words=words), [_feature_mention(text, n, l) for n, l in pieces])
    assert _labels(found) == expected


def test_acronym_long_form_runs_back_over_lowercase_words_it_spells():
    text = "The Union des tarrowiers agricoles (UTA) said prices fell."
    found = particles.acronym_long_forms(_article(text), [_feature_mention(text, "Union", "ORG"),
                                                           _feature_mention(text, "UTA", "ORG")])
    assert sorted((m.text, m.name, m.label) for m in found) == [
        ("UTA", "Union des tarrowiers agricoles", "ORG"),
        ("Union des tarrowiers agricoles", "Union des tarrowiers agricoles", "ORG")]


@pytest.mark.parametrize(
    "text",
    ["The Union des tarrowiers agricoles (UXA) said so.",  # the letters do not spell it
     "The Union Des Tarrowiers Agricoles (UTA) said so."],  # all capitalised: the model's own span
)
def test_acronym_long_form_needs_spelt_letters_and_a_lowercase_word(text):
    found = [_feature_mention(text, "Union", "ORG")]
    assert _labels(particles.acronym_long_forms(_article(text), found)) == {"Union": "ORG"}


@pytest.mark.parametrize("noun", sorted(tables.RESIDENTS_OF_NOUNS))
def test_residents_of_row_makes_the_names_after_of_places(noun):
    text = f"{noun.capitalize()} of Varnholt and Skerra lost power, and {noun} of Tarrow too."
    found = placelists.listed_places(_article_with_doc(text), [_feature_mention(text, "Skerra", "PERSON")])
    assert _labels(found) == {"Varnholt": "GPE", "Skerra": "GPE", "Tarrow": "GPE"}


def test_names_after_of_need_a_residents_of_row():
    text = "Families of Varnholt and Skerra lost power."
    assert _labels(placelists.listed_places(_article_with_doc(text), [])) == {}


@pytest.mark.parametrize(
    ("text", "pieces", "expected"),
    [
        ("Analyst Ana Lind of Tarrowville-based Pellow Capital said so.", [("Tarrowville", "PERSON")],
         {"Tarrowville": "GPE"}),
        ("Analyst Ana Lind of Tarrowville-based Pellow Capital said so.", [], {"Tarrowville": "GPE"}),
        ("Tarrowville-based Pellow Capital said so.", [], {}),  # opening a sentence: any word
        ("Its Cloud-based tools and cloud storage sold.", [], {}),  # written in lower case too
        ("Its AI-based tools sold.", [], {}),  # all capitals: an acronym
        ("Shares of Tarrowco-based funds fell.", [("Tarrowco", "ORG")], {"Tarrowco": "ORG"}),
    ],
)
def test_based_places(text, pieces, expected):
    found = placelists.based_places(_article(text), [_feature_mention(text, n, l) for n, l in pieces])
    assert _labels(found) == expected


@pytest.mark.parametrize(
    ("text", "pieces", "expected"),
    [
        ("Ontario Premier Ana Lind said so.", [], {"Ontario": "GPE"}),
        ("Vanuatu Prime Minister Ana Lind said so.", [("Vanuatu", "PERSON")], {"Vanuatu": "GPE"}),
        ("Solomon Islands Prime Minister Ana Lind said so.", [], {"Solomon Islands": "GPE"}),
        ("Tarrowland Governor Ana Lind said so.", [], {}),  # no known country or region
        ("Ontario Premier Datuk Seri Ana Lind said so.", [], {"Ontario": "GPE"}),  # an honorific after the office
        ("Ontario Dato' Ana Lind said so.", [], {}),  # an honorific, no civic office
        ("Texas St Tarrow Ana Lind", [], {}),  # a saint, no civic role
        ("Texas Governor said so.", [], {}),  # no name after the role
    ],
)
def test_places_before_roles(text, pieces, expected):
    found = placelists.places_before_roles(_article(text), [_feature_mention(text, n, l) for n, l in pieces])
    assert _labels(found) == expected


@pytest.mark.parametrize("noun", sorted(tables.PORTFOLIO_NOUNS))
def test_portfolio_noun_row_ends_a_portfolio_not_an_organisation(noun):
    assert noun in tables.ORG_DESIGNATORS  # a row is only needed for a designator
    text = f"Water {noun.capitalize()} Minister Ana Lind said so."
    words = frozenset({"water", noun})
    found = role_names.portfolio_words(_article(text, words=words), [_feature_mention(text, f"Water {noun.capitalize()}", "ORG")])
    assert _labels(found) == {}


@pytest.mark.parametrize(
    ("text", "org", "expected"),
    [
        ("Labour and Welfare Minister Ana Lind said so.", "Welfare", {}),
        ("Infrastructure Minister Ana Lind said so.", "Infrastructure", {}),
        ("Tarrowist Minister Ana Lind said so.", "Tarrowist", {"Tarrowist": "ORG"}),  # no common word: a party
        ("Welfare Secretary Ana Lind said so.", "Welfare", {"Welfare": "ORG"}),  # only before "Minister"
        ("The Welfare Minister said so.", "Welfare", {"Welfare": "ORG"}),  # no name after it
        ("Welfare Office Minister Ana Lind said so.", "Welfare Office", {"Welfare Office": "ORG"}),  # a designator
        ("Welfare, Sports and Infrastructure Minister Ana Lind said so.", "Welfare, Sports and Infrastructure", {}),
        ("Ohio Sports Minister Ana Lind said so.", "Ohio Sports", {"Ohio": "GPE"}),  # a region before it stays
        ("Tarrowby Sports Minister Ana Lind said so.", "Tarrowby Sports", {"Tarrowby Sports": "ORG"}),  # no known place
        ("Tarrowby Resources Minister Ana Lind said so.", "Tarrowby Resources", {"Tarrowby Resources": "ORG"}),
    ],
)
def test_portfolio_words_before_minister_are_no_organisation(text, org, expected):
    words = frozenset({"welfare", "infrastructure", "office", "sports", "water", *tables.PORTFOLIO_NOUNS})
    found = role_names.portfolio_words(_article(text, words=words), [_feature_mention(text, org, "ORG")])
    assert _labels(found) == expected


@pytest.mark.parametrize("noun", sorted(tables.COMPETITOR_NOUNS))
def test_competitor_row_is_no_opening_of_an_organisation(nlp, noun):
    text = f"{noun.capitalize()} Tarrow Group closed two plants."
    found = orgspans.org_openings(_article_with_doc(text, nlp.make_doc(text)), [_feature_mention(text, "Tarrow Group", "ORG")])
    assert _labels(found) == {"Tarrow Group": "ORG"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Meatpackers Tarrow SA and Pellow SA said so. Ranchers sued meatpackers.", "Tarrow SA"),
        ("Meatpackers Tarrow SA and Pellow SA said so.", "Meatpackers Tarrow SA"),  # never written in lower case
        ("Partners Tarrow SA said so. The partners met, Partners said.", "Partners Tarrow SA"),  # capitalised inside a sentence: part of the name
    ],
)
def test_company_openers_drop_a_describing_noun_opening_the_sentence(text, expected):
    name = text.split(" and ")[0].split(" said")[0]
    found = companies.company_openers(_article(text), [_feature_mention(text, name, "ORG")])
    assert found[0].text == expected


@pytest.mark.parametrize("form", sorted(tables.ABBREVIATED_FORMS))
def test_abbreviated_form_row_loses_the_sentence_stop_in_the_article_style(form):
    text = f"Tarrow Holdings {form} led, a survey by Pellow Research {form}. The bank said so."
    found = companies.sentence_end_forms(_article(text), [_feature_mention(text, f"Pellow Research {form}.", "ORG")])
    assert found[0].text == f"Pellow Research {form}"


@pytest.mark.parametrize("form", sorted(tables.ABBREVIATED_FORMS))
def test_abbreviated_form_loses_the_sentence_stop_when_it_is_the_articles_only_stop(form):
    text = f"A survey by Pellow Research {form}. \u201cIt was done,\u201d the bank said."
    found = companies.sentence_end_forms(_article(text), [_feature_mention(text, f"Pellow Research {form}.", "ORG")])
    assert found[0].text == f"Pellow Research {form}"


@pytest.mark.parametrize(
    "text",
    ["Tarrow Holdings {form}. said so, a survey by Pellow Research {form}. The bank said so.",  # the style keeps it
     "Tarrow Holdings {form}. Led by Pellow Research {form}. The bank said so.",  # no bare form in the article
     "A survey by Pellow Research {form}. in Vell, and Tarrow {form} said so."],  # not a sentence's end
)
def test_abbreviated_form_keeps_its_stop_without_the_evidence(text):
    text = text.format(form="Inc")
    found = companies.sentence_end_forms(_article(text), [_feature_mention(text, "Pellow Research Inc.", "ORG")])
    assert found[0].text == "Pellow Research Inc."


@pytest.mark.parametrize("head", sorted(tables.EVENT_HEADS_AFTER_THE))
def test_event_head_after_the_row_makes_the_name_an_event_only_after_the(head):
    name = f"Tarrow {head.capitalize()}"
    text = f"She won the {name} on Friday. Shops at {name} close."
    found = events.named_events(_article(text), [_feature_mention(text, name, "ORG")])
    assert [(m.label, m.forced) for m in found] == [("EVENT", True)]
    start = text.rindex(name)
    later = [fixes.Mention("body", start, start + len(name), name, "ORG", name)]
    assert _labels(events.named_events(_article(text), later)) == {name: "ORG"}  # no "the" before it


def test_event_head_makes_the_models_own_event_a_rules():
    text = "She won the Tarrow Finals on Friday."
    [m] = events.named_events(_article(text), [_feature_mention(text, "Tarrow Finals", "EVENT")])
    assert (m.label, m.forced) == ("EVENT", True)


@pytest.mark.parametrize("head", sorted(tables.TREATY_HEADS))
def test_treaty_head_row_makes_the_name_a_law(head):
    name = f"Tarrow {head.capitalize()}"
    text = f"Ministers signed the {name} on Friday."
    found = events.named_events(_article(text), [_feature_mention(text, name, "ORG")])
    assert _labels(found) == {name: "LAW"}


def test_treaty_head_must_be_capitalised():
    text = "Ministers signed the Tarrow agreement on Friday."
    found = events.named_events(_article(text), [_feature_mention(text, "Tarrow agreement", "ORG")])
    assert _labels(found) == {"Tarrow agreement": "ORG"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Water from the Tarrow river ran low. Dams on the Tarrow river failed.", "LOC"),
        ("Water from the Tarrow reservoir ran low.", "LOC"),
        ("Tarrow flooded when the Tarrow river rose.", "GPE"),  # the town is named alone too
        ("Crowds in the Tarrow valley grew.", "GPE"),  # no water feature
    ],
)
def test_place_before_a_water_generic_is_the_feature(text, expected):
    start = text.index("the Tarrow ") + 4
    found = places.named_features(_article(text), [fixes.Mention("body", start, start + 6, "Tarrow", "GPE", "Tarrow")])
    assert found[0].label == expected


@pytest.mark.parametrize("noun", sorted(tables.PEOPLE_IN_NOUNS))
def test_people_in_row_makes_the_names_ending_the_clause_places(noun):
    text = f"{noun.capitalize()} in Varnholt and Skerra learned of it, and {noun} in Quillmoor said so."
    found = placelists.people_in_places(_article(text), [_feature_mention(text, "Quillmoor", "PRODUCT")])
    assert _labels(found) == {"Varnholt": "GPE", "Skerra": "GPE", "Quillmoor": "GPE"}


@pytest.mark.parametrize(
    "text",
    ["Workers in Tarrow Motors plants voted.",  # a company's name
     "Workers in Quillmoor factories voted.",  # no clause's end or verb after the name
     "Managers in Quillmoor said so."],  # no PEOPLE_IN_NOUNS row
)
def test_people_in_needs_a_row_and_a_clause_end(text):
    assert _labels(placelists.people_in_places(_article(text), [])) == {}


@pytest.mark.parametrize(
    ("text", "short", "expected"),
    [
        ("The co-operative Companhia Tarrow do Pellow (Cotapel) said so.", ("Cotapel", "PERSON"),
         ("ORG", "Companhia Tarrow do Pellow")),
        ("The co-operative Companhia Tarrow do Pellow (Cotapel) said so.", None, ("ORG", "Companhia Tarrow do Pellow")),
        ("The co-operative Companhia Tarrow do Pellow (Chile) said so.", ("Chile", "GPE"), ("GPE", "Chile")),  # a place
        ("The bank Tarrow Pellow Bank (Canada) said so.", None, None),  # another first letter
    ],
)
def test_bracketed_short_form_after_an_organisation(text, short, expected):
    org = text.split(" (")[0].split(" ", 2)[2]
    pieces = [_feature_mention(text, org, "ORG")] + ([_feature_mention(text, *short)] if short else [])
    found = particles.bracketed_short_forms(_article(text), pieces)
    after = [(m.label, m.name) for m in found if m.start > text.index("(")]
    assert after == ([expected] if expected else [])


def test_bracketed_short_form_names_the_models_other_mentions_of_it():
    text = "Tarrowby Vell Bhd (Tavel) said so. Later Tavel said more, and Tavel agreed."
    starts = [m.start() for m in re.finditer("Tavel", text)]
    found = [_feature_mention(text, "Tarrowby Vell Bhd", "ORG")]
    found += [_mention_at(text, start, "Tavel", "PERSON") for start in starts]
    found = particles.bracketed_short_forms(_article(text), found)
    assert {m.name for m in found} == {"Tarrowby Vell Bhd"}


def test_descriptor_after_a_comma_keeps_a_named_persons_surname():
    text = "Ana Lind spoke. The union, Lind, said no."
    start = text.rindex("Lind")
    found = [_feature_mention(text, "Ana Lind", "PERSON"), fixes.Mention("body", start, start + 4, "Lind", "PERSON", "Lind")]
    found = organisations.described_organisations(_article_with_doc(text), found)
    assert [m.label for m in found] == ["PERSON", "PERSON"]


def test_particle_names_leave_pieces_the_model_labelled_apart():
    text = "Economist Ana Luisa dos Tarrow of Pellowco said so."
    found = particles.particle_names(_article(text, words=frozenset({"economist", "ana"})),
                                     [_feature_mention(text, "Luisa", "ORG"), _feature_mention(text, "Tarrow", "PERSON")])
    assert _labels(found) == {"Luisa": "ORG", "Tarrow": "PERSON"}


@pytest.mark.parametrize("form", sorted(tables.COMPANY_FORM_SUFFIXES | tables.ABBREVIATED_FORMS))
def test_a_lowercase_brand_word_before_a_legal_form_stays_in_the_name(form):
    text = f"Shares of QX vexora {form} rose."
    start, end = text.index("QX"), text.index(" rose")
    assert fixes._pieces(text, start, end, "ORG", frozenset({"rose", "past"})) == [(start, end)]


@pytest.mark.parametrize(
    ("span", "pieces"),
    [
        ("QX past Tarrow Inc.", ["QX", "Tarrow Inc."]),  # a common word still cuts
        ("QX vexora Tarrow", ["QX", "Tarrow"]),  # no legal form: cut as before
    ],
)
def test_a_lowercase_word_is_cut_without_a_legal_form_or_when_common(span, pieces):
    text = f"Shares of {span} rose."
    start = text.index("QX")
    end = start + len(span)
    cut = fixes._pieces(text, start, end, "ORG", frozenset({"rose", "past"}))
    assert [text[a:b].strip() for a, b in cut] == pieces


@pytest.mark.parametrize("area", sorted(tables.COURT_AREA_NOUNS))
def test_court_area_row_joins_the_area_to_the_court(area):
    text = f"The Tarrow Court of Appeals for the Pellow {area} ruled on Friday."
    found = orgspans.court_areas(_article(text), [_feature_mention(text, "Tarrow Court of Appeals", "ORG"),
                                                  _feature_mention(text, f"Pellow {area}", "ORG")])
    assert _labels(found) == {f"Tarrow Court of Appeals for the Pellow {area}": "ORG"}


@pytest.mark.parametrize(
    "text",
    [
        "The Tarrow Court ruled for the Pellow Festival on Friday.",  # no court's area
        "Tarrow Corp paid for the Pellow Circuit on Friday.",  # no court
    ],
)
def test_no_court_area_is_joined_without_a_court_and_an_area(text):
    first = text.split(" ruled")[0].split(" paid")[0].removeprefix("The ")
    found = orgspans.court_areas(_article(text), [_feature_mention(text, first, "ORG")])
    assert _labels(found) == {first: "ORG"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Varnoque Commission of New Zealand (VCNZ) met.", "Varnoque Commission of New Zealand"),
        ("The Varnoque Council of Norway said so.", "Varnoque Council of Norway"),
        ("The Varnoque Commission of Inquiry met.", "Varnoque Commission"),  # no known country
    ],
)
def test_an_organisation_goes_on_over_an_untagged_country_after_of(text, name):
    found = orgspans.orgs_of_places(_article(text), [_feature_mention(text, name.split(" of ")[0], "ORG")])
    assert _labels(found) == {name: "ORG"}


@pytest.mark.parametrize(
    ("text", "pieces", "expected"),
    [
        ("Unions QRTM-VELK and PLOM said so.", [("QRTM", "GPE"), ("PLOM", "ORG")],
         {"QRTM-VELK": "ORG", "PLOM": "ORG"}),  # the model's part of the pair
        ("Unions QRTM-VELK, PLOM-VELK and UILX said so.", [("QRTM-VELK", "ORG")],
         {"QRTM-VELK": "ORG", "PLOM-VELK": "ORG"}),  # untagged, listed next to a tagged pair
        ("The MRX-CTV scan was clear.", [], {}),  # untagged, no tagged pair beside it
        ("The EU-US deal held.", [("EU", "ORG"), ("US", "GPE")], {"EU": "ORG", "US": "GPE"}),  # places
    ],
)
def test_hyphenated_acronym_pairs_are_one_organisation(text, pieces, expected):
    found = orgspans.acronym_pairs(_article(text), [_feature_mention(text, name, label) for name, label in pieces])
    assert _labels(found) == expected


def test_group_generic_makes_the_models_organisation_a_rules():
    text = "Talks with the Kelvaya party ended."
    party = _feature_mention(text, "Kelvaya", "ORG")
    organisations.group_names(_article(text), [party])
    assert (party.label, party.forced) == ("ORG", True)  # it wins the vote over "led by Kelvaya" PERSON


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prices on Tarrow Pell, the electricity exchange, rose.", "ORG"),
        ("Vell Arden, the largest party in the north, won.", "ORG"),
        ("Vell Arden, the small movement that won, spoke.", "ORG"),
        ("Vell Arden, the party leader, spoke.", "PERSON"),  # the noun does not end the phrase
        ("Vell Arden, the main rival, spoke.", "PERSON"),  # no organisation's noun
    ],
)
def test_an_apposition_naming_an_organisation_makes_a_longer_name_one(nlp, text, expected):
    name = "Tarrow Pell" if "Tarrow" in text else "Vell Arden"
    found = [_feature_mention(text, name, "PERSON")]
    companies.described_companies(text, nlp.make_doc(text), found)
    assert found[0].label == expected


def _mention_at(text: str, start: int, name: str, label: str):
    from workers.stages.entities.fixes import Mention

    return Mention("body", start, start + len(name), name, label, name)


@pytest.mark.parametrize(
    ("text", "labels", "expected"),
    [
        # the last occurrence is untagged: the model's mentions are the first three
        ("Tarrowby's port grew. Tarrowby\u2019s bay froze. Tarrowby voted. Buyers in Tarrowby said so.",
         ["PERSON", "PERSON", "GPE"], "GPE"),
        ("Tarrowby's port grew. Tarrowby's bay froze. Tarrowby voted. Buyers in Tarrowby said so.",
         ["PERSON", "PERSON", "PERSON"], "PERSON"),  # never a place
        ("Tarrowby's port grew. Tarrowby's bay froze. Tarrowby voted. Buyers met Tarrowby.",
         ["PERSON", "PERSON", "GPE"], "PERSON"),  # never after "in"
        ("Tarrowby's port grew. Tarrowby's bay froze. Tarrowby voted. Faith in Tarrowby held.",
         ["PERSON", "PERSON", "GPE"], "PERSON"),  # "faith in": no place
        ("Tarrowby ran. Tarrowby's bay froze. Tarrowby voted. Buyers in Tarrowby said so.",
         ["PERSON", "PERSON", "GPE"], "PERSON"),  # a person as a subject
    ],
)
def test_a_name_the_model_called_a_place_once_and_written_after_in_is_a_place(text, labels, expected):
    starts = [m.start() for m in re.finditer("Tarrowby", text)]
    found = [_mention_at(text, start, "Tarrowby", label) for start, label in zip(starts, labels)]
    _, labelled = grouping.label_groups(_article(text), found)
    assert labelled["tarrowby"] == expected


@pytest.mark.parametrize("word", sorted(tables.LEGISLATURE_WORDS))
def test_legislature_word_row_makes_a_person_an_organisation(word):
    text = f"The Tarrow {word.capitalize()} voted, and the {word.capitalize()} met again."
    found = [_feature_mention(text, f"Tarrow {word.capitalize()}", "PERSON"),
             _mention_at(text, text.rindex(word.capitalize()), word.capitalize(), "PERSON")]
    assert set(_labels(companies.companies_not_persons(_article(text), found)).values()) == {"ORG"}


@pytest.mark.parametrize("prefix", sorted(tables.ARABIC_ARTICLE_PREFIXES))
def test_legislature_word_after_the_arabic_article_makes_a_person_an_organisation(prefix):
    text = f"The Majlis {prefix}-Shura voted on Monday."
    found = [_feature_mention(text, f"Majlis {prefix}-Shura", "PERSON")]
    assert _labels(companies.companies_not_persons(_article(text), found)) == {f"Majlis {prefix}-Shura": "ORG"}


def test_a_person_ending_in_no_legislature_word_stays_a_person():
    text = "Ana Tarrowby voted, and Tarrowby met again."
    found = [_feature_mention(text, "Ana Tarrowby", "PERSON")]
    assert _labels(companies.companies_not_persons(_article(text), found)) == {"Ana Tarrowby": "PERSON"}


@pytest.mark.parametrize("head", sorted(tables.FOREIGN_ORG_HEADS))
def test_foreign_org_head_row_makes_a_person_opening_with_it_an_organisation(head):
    text = f"The {head.capitalize()} Tarrowby Vell backed the plan on Monday."
    found = [_feature_mention(text, f"{head.capitalize()} Tarrowby Vell", "PERSON")]
    assert _labels(companies.companies_not_persons(_article(text), found)) == {f"{head.capitalize()} Tarrowby Vell": "ORG"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Board of Control for Pellow in Vellmark (BCPV) said so.", "Board of Control for Pellow in Vellmark"),
        ("The Board of Control for Pellow in Vellmark (BCP) said so.", "Board of Control for Pellow"),  # spelt without
        ("The Board of Control for Pellow in Vellmark (TBX) said so.", "Board of Control for Pellow"),  # other letters
        ("The Board of Control for Pellow in Vellmark said so.", "Board of Control for Pellow"),  # no acronym
    ],
)
def test_acronym_spelling_the_tail_extends_the_organisation(text, expected):
    found = orgspans.acronym_tails(_article(text), [_feature_mention(text, "Board of Control for Pellow", "ORG")])
    assert [m.text for m in found] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tarrow Al-Vell kept rates. Later Tarrow Al-Vell said so.", {"Tarrow Al-Vell": "ORG"}),
        ("Ana Al-Vell kept rates. Later Tarrow Al-Vell said so.", {"Al-Vell": "PERSON", "Tarrow Al-Vell": "ORG"}),  # another word
    ],
)
def test_a_mention_started_one_word_late_is_the_organisation_named_elsewhere(text, expected):
    first = _mention_at(text, text.index("Al-Vell"), "Al-Vell", "PERSON")
    org = _mention_at(text, text.rindex("Tarrow Al-Vell"), "Tarrow Al-Vell", "ORG")
    assert _labels(orgspans.orgs_cut_at_start(_article(text), [first, org])) == expected


# --- a given name the model left out before a person's span, opening a sentence ---


@pytest.mark.parametrize(
    ("text", "ent", "label", "expected"),
    [
        ("It rained. Tarvek Emin Pellowan said so.", (4, 6), "", "Tarvek Emin Pellowan"),  # no common word
        ("It rained. Tarvek Emin Pellowan said so.", (4, 6), "NORP", "Tarvek Emin Pellowan"),  # a guessed NORP
        ("It rained. Yesterday Emin Pellowan said so.", (4, 6), "", "Emin Pellowan"),  # a common word
        ("It rained. Neighbouring Emin Pellowan said so.", (4, 6), "", "Emin Pellowan"),  # an inflection of one
        ("It rained. Kenyan Emin Pellowan said so.", (4, 6), "NORP", "Emin Pellowan"),  # a nationality
        ("It rained. Tarvek Pellowan said so.", (4, 5), "", "Pellowan"),  # a one-word span: left to the surname passes
        ("It rained. Tarvek Emin Pellowan said so.", (4, 6), "ORG", "Emin Pellowan"),  # another entity
    ],
)
def test_person_grows_over_an_uncommon_given_name_opening_a_sentence(nlp, text, ent, label, expected):
    from spacy.tokens import Span

    doc = nlp.make_doc(text)
    spans = [Span(doc, *ent, label="PERSON")] + ([Span(doc, 3, 4, label=label)] if label else [])
    doc.ents = spans
    person = spans[0]
    words = frozenset({"it", "rained", "yesterday", "neighbour", "said", "so", "kenyan"})
    assert doc[fixes.extend_person_left(doc, person, words):person.end].text == expected
    assert doc[fixes.extend_person_left(doc, person):person.end].text == person.text  # no words: no guess


# --- a hyphenated pair of places opening an organisation's name stays in the name ---


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("The Laos-China Tarrow Co Ltd said so.", "Laos-China Tarrow Co Ltd", {"Laos-China Tarrow Co Ltd": "ORG"}),
        ("The Laos-China Joint Commission met.", "Laos-China Joint Commission", {"Laos-China Joint Commission": "ORG"}),
        ("The Laos-China Tarrow route opened.", "Laos-China Tarrow", {"Laos": "GPE", "China": "GPE"}),  # no org word
        ("Laos-China talks resumed.", "Laos-China", {"Laos": "GPE", "China": "GPE"}),
    ],
)
def test_hyphen_places_keep_an_organisation_named_after_them(text, name, expected):
    found = places.hyphen_places(_article(text), [_feature_mention(text, name, "ORG")])
    assert _labels(found) == expected


# --- "and" of another language inside an organisation's name (FOREIGN_AND_WORDS) ---


@pytest.mark.parametrize("word", sorted(tables.FOREIGN_AND_WORDS))
def test_foreign_and_row_continues_an_organisation_with_a_particle(word):
    text = f"The Office de Gestion des Tarrows {word} des Pellows said so."
    found = [_feature_mention(text, "Office de Gestion des Tarrows", "ORG"), _feature_mention(text, "Pellows", "ORG")]
    assert _labels(orgspans.foreign_and_tails(_article(text), found)) == {
        f"Office de Gestion des Tarrows {word} des Pellows": "ORG"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Tarrow Pellow Office et des Vells said so.", "Tarrow Pellow Office"),  # no particle inside the name
        ("The Office de Tarrow et Pellow said so.", "Office de Tarrow"),  # no particle after "et"
        ("The Office de Tarrow and de Pellow said so.", "Office de Tarrow"),  # English "and": orgs_cut_at_and's
    ],
)
def test_foreign_and_tail_needs_particles_on_both_sides(text, name):
    found = orgspans.foreign_and_tails(_article(text), [_feature_mention(text, name, "ORG")])
    assert _labels(found) == {name: "ORG"}


# --- one name after a role whose holders go by one name (ONE_NAME_ROLES) ---


@pytest.mark.parametrize("role", sorted(tables.ONE_NAME_ROLES))
def test_one_name_role_row_makes_the_word_after_it_a_person(role):
    assert (role, "sports") in tables.ROLES
    text = f"He beat {role} Tarrowfuji on Sunday."
    found = role_names.role_named_persons(_article(text), [_feature_mention(text, "Tarrowfuji", "GPE")])
    assert _labels(found) == {"Tarrowfuji": "PERSON"}


def test_one_word_after_another_role_is_left_to_the_model():
    text = "He beat coach Tarrowfuji on Sunday."
    found = role_names.role_named_persons(_article(text), [_feature_mention(text, "Tarrowfuji", "GPE")])
    assert _labels(found) == {"Tarrowfuji": "GPE"}


@pytest.mark.parametrize(
    ("text", "service", "alone", "expected"),
    [
        # a weather service taken for a person: the country alone is the country, the service an organisation
        ("Météo Portugal warned of gusts. Rain fell across Portugal, and Portugal said so.",
         "Météo Portugal", ("Portugal", "GPE"), {"Météo Portugal": "ORG", "Portugal": "GPE"}),
        # a surname that is no country, reused alone, keeps the "person" a person
        ("Meteo Tarrowby spoke first. Asked again, Tarrowby said so.", "Meteo Tarrowby", ("Tarrowby", "PERSON"),
         {"Meteo Tarrowby": "PERSON", "Tarrowby": "PERSON"}),
    ],
)
def test_a_person_ending_in_a_country_alone_elsewhere_is_no_surname_owner(text, service, alone, expected):
    found = [_feature_mention(text, service, "PERSON")] + [
        _mention_at(text, m.start(), alone[0], alone[1]) for m in re.finditer(alone[0], text) if m.start() > len(service)]
    article = _article(text)
    found = surnames.surname_labels(article, companies.companies_not_persons(article, found))
    assert {m.text: m.label for m in found} == expected


@pytest.mark.parametrize(("label", "expected"), [("GPE", "GPE"), ("ORG", "PERSON")])
def test_a_known_country_the_model_called_a_place_is_never_a_persons_surname(label, expected):
    text = "Ana Portugal spoke on Monday. Exports from Portugal rose."
    found = [_feature_mention(text, "Ana Portugal", "PERSON"), _mention_at(text, text.rindex("Portugal"), "Portugal", label)]
    found = surnames.surname_labels(_article(text), found)
    assert [m.label for m in found] == ["PERSON", expected]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("The count ended at noon. Turnout was 64 percent.", False),  # a common noun called a person
        ("The count ended at noon. Attendance fell by half.", False),
        ("The count ended at noon. Turnout, Tarrowby said, was low.", False),
        ("The count ended at noon. Tarrowby was 64.", True),  # no common noun
        ("The count ended at noon. Turnout was 64. Ask Turnout.", True),  # capitalised inside a sentence
    ],
)
def test_a_lone_common_noun_opening_a_sentence_is_no_person(text, kept):
    word = "Turnout" if "Turnout" in text else "Attendance" if "Attendance" in text else "Tarrowby"
    found = [_feature_mention(text, word, "PERSON")]
    found = openers.common_openers(_article(text, nouns=frozenset({"turnout", "attendance", "count"})), found)
    assert bool(found) is kept


@pytest.mark.parametrize("verb", sorted(tables.PERSON_ACT_VERBS))
def test_person_act_verb_row_keeps_a_common_noun_opening_a_sentence_a_person(verb):
    text = f"The count ended at noon. Baker {verb} so."
    found = openers.common_openers(_article(text, nouns=frozenset({"baker", "count"})), [_feature_mention(text, "Baker", "PERSON")])
    assert _labels(found) == {"Baker": "PERSON"}


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Roads in the Eastvale district were shut.", "Eastvale", "GPE"),  # an uncommon organisation
        ("Roads in the Eastvale Kelby district were shut.", "Eastvale Kelby", "GPE"),
        ("Banks in the Federal Reserve district lent more.", "Federal Reserve", "ORG"),  # common words
        ("Roads in the Eastvale Council district were shut.", "Eastvale Council", "ORG"),  # a designator
        ("Roads in the Eastvale area were shut.", "Eastvale", "ORG"),  # no division noun
        ("The Eastvale district officials said so.", "Eastvale", "ORG"),  # a noun after it: its body
    ],
)
def test_an_uncommon_organisation_before_a_division_noun_is_a_place(text, name, expected):
    article = _article(text, words=frozenset({"federal", "reserve", "roads", "banks"}), nouns=frozenset({"officials"}))
    found = places.admin_division_names(article, [_feature_mention(text, name, "ORG")])
    assert _labels(found) == {name: expected}


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("A terminal will be built on Skerrin, the island 500 km east.", "Skerrin", "GPE"),
        ("A terminal will be built on Skerrin, the island, by 2030.", "Skerrin", "GPE"),
        ("A terminal will be built on Skerrin, the island operator.", "Skerrin", "LOC"),  # a modifier, no head
        ("He carried districts in the south including Varnholt.", "Varnholt", "GPE"),
        ("He carried districts of the north such as Varnholt.", "Varnholt", "GPE"),
        ("He carried districts and parties including Varnholt.", "Varnholt", "LOC"),  # no place noun before the cue
    ],
)
def test_a_place_noun_heading_an_apposition_or_giving_examples_makes_a_place(text, name, expected):
    found = placelists.place_noun_names(_article(text), [_feature_mention(text, name, "LOC")])
    assert _labels(found) == {name: expected}

# --- institutions named after a person (INSTITUTION_HEAD_WORDS) ---


@pytest.mark.parametrize("head", sorted(tables.INSTITUTION_HEAD_WORDS))
def test_institution_head_row_ends_an_organisation_the_model_called_a_person(nlp, head):
    from spacy.tokens import Span

    doc = nlp.make_doc(f"The Ana Tarrowby {head.capitalize()} said on Monday it had seen a comet.")
    doc.ents = [Span(doc, 1, 4, label="PERSON")]
    [mention] = fixes.mentions(doc, "body", frozenset(DEFAULT_ENTITY_LABELS))
    assert (mention.text, mention.label) == (f"Ana Tarrowby {head.capitalize()}", "ORG")


def test_a_person_without_an_institution_head_stays_one(nlp):
    from spacy.tokens import Span

    doc = nlp.make_doc("The Ana Tarrowby said on Monday it had seen a comet.")
    doc.ents = [Span(doc, 1, 3, label="PERSON")]
    assert [m.label for m in fixes.mentions(doc, "body", frozenset(DEFAULT_ENTITY_LABELS))] == ["PERSON"]


# --- national sports bodies "<Sport> <Country>" (SPORT_BODY_WORDS) ---


@pytest.mark.parametrize("sport", sorted(tables.SPORT_BODY_WORDS))
def test_sport_body_row_before_a_country_is_an_organisation(sport):
    text = f"{sport.capitalize()} Norway, the national federation, said it would bid."
    name = f"{sport.capitalize()} Norway"
    found = person_passes.sport_bodies(_article(text), [_feature_mention(text, name, "PERSON")])
    assert _labels(found) == {name: "ORG"}


@pytest.mark.parametrize("name", ["Michael Norway", "Badminton Tarrowby", "Badminton"])
def test_sport_body_needs_a_sport_row_and_a_known_country(name):
    text = f"{name}, the national federation, said it would bid."
    found = person_passes.sport_bodies(_article(text), [_feature_mention(text, name, "PERSON")])
    assert _labels(found) == {name: "PERSON"}


@pytest.mark.parametrize("model_span", ["Kelvo Tarrowgate Sh", "Kelvo Tarrowgate"])
def test_a_dotted_legal_form_ending_a_paragraph_is_taken_whole(model_span):
    text = "Bribes came from a builder, Kelvo Tarrowgate Sh.p.k.\n\nHe denied it."
    found = companies.company_form_suffixes(_article(text, words=frozenset({"bribes", "builder"})),
                                            [_feature_mention(text, model_span, "ORG")])
    assert _labels(found) == {"Kelvo Tarrowgate Sh.p.k.": "ORG"}


# --- sites: a place the model made of a resource site's name, a site named in a headline ---


@pytest.mark.parametrize(("name", "label"), [("Zarkovi", "LOC"),  # no known place: the field's name
                                             ("Leeds", "GPE")])  # a GeoNames city: the field may be named after it
def test_resource_generic_overrules_a_place_that_is_no_city(name, label):
    text = f"Drilling began at the {name} gas field on Monday."
    assert _labels(events.site_names(_article(text), [_feature_mention(text, name, "GPE")])) == {name: label}


def test_a_site_headed_in_the_body_is_a_site_in_the_headline_too():
    title, body = "Mudflows cut Zarkovi Highway", "Mudflows cut the Zarkovi Highway in three places."
    article = context.Article({}, None, None, frozenset(DEFAULT_ENTITY_LABELS), frozenset(), frozenset(),
                              {"title": title, "body": body})
    start = title.index("Zarkovi")
    found = [fixes.Mention("title", start, len(title), "Zarkovi Highway", "PERSON", "Zarkovi Highway"),
             _feature_mention(body, "Zarkovi Highway", "FAC")]
    assert [m.label for m in events.site_names(article, found)] == ["FAC", "FAC"]


# --- diseases named after a place (DISEASE_GENERICS) ---


@pytest.mark.parametrize("generic", sorted(tables.DISEASE_GENERICS))
def test_disease_generic_row_drops_the_name_before_it(generic):
    text = f"Cases of Tarrowby {generic} rose. Dr Ana Lind, who heads the Tarrowby ward, said so."
    found = [_feature_mention(text, "Ana Lind", "PERSON"),
             fixes.Mention("body", text.rindex("Tarrowby"), text.rindex("Tarrowby") + 8, "Tarrowby", "PERSON", "Tarrowby")]
    assert _labels(events.disease_names(_article(text), found)) == {"Ana Lind": "PERSON"}


@pytest.mark.parametrize(("text", "name"), [
    ("Cases of Peru fever rose in Peru.", "Peru"),  # a known country
    ("Cases of Leeds virus rose in Leeds.", "Leeds"),  # a GeoNames city
    ("Ana Tarrowby said Tarrowby fever was rare.", "Ana Tarrowby"),  # a named person's surname
    ("Tarrowby said the fevers were rare.", "Tarrowby"),  # no generic right after the name
])
def test_disease_generic_keeps_places_and_persons(text, name):
    last = name.split()[-1]
    found = [_feature_mention(text, name, "PERSON" if " " in name or name == "Tarrowby" else "GPE")]
    if " " in name:
        at = text.rindex(last)
        found.append(fixes.Mention("body", at, at + len(last), last, "PERSON", last))
    assert len(events.disease_names(_article(text), found)) == len(found)


# --- a town of the article in a list after "between" ---


def test_a_town_of_the_article_makes_a_between_list_places():
    text = "PELLOWA - Ferries run between Pellowa, Tarrowby and Vellumo twice a week."
    found = [_feature_mention(text, "PELLOWA", "GPE"), _feature_mention(text, "Pellowa, Tarrowby", "ORG")]
    found[0].name, found[0].forced = "Pellowa", True  # the dateline's place
    out = _labels(placelists.listed_places(_article_with_doc(text), found))
    assert out == {"PELLOWA": "GPE", "Pellowa": "GPE", "Tarrowby": "GPE", "Vellumo": "GPE"}


def test_a_country_still_needs_a_toponym_after_between():
    text = "Talks between Norway, Tarrowby and Vellumo stalled."
    found = [_feature_mention(text, "Norway", "GPE"), _feature_mention(text, "Tarrowby", "ORG")]
    assert _labels(placelists.listed_places(_article_with_doc(text), found)) == {"Norway": "GPE", "Tarrowby": "ORG"}


# --- a name after "the" with its acronym in brackets (particles.bracketed_acronym_orgs) ---


@pytest.mark.parametrize(("text", "model", "expected"), [
    # another language's acronym, untagged: an organisation and its short form
    ("A case brought by the Tarrow Anti-Fraud Structure (SPAK) ended.", [],
     {"Tarrow Anti-Fraud Structure": "ORG", "SPAK": "ORG"}),
    # an organisation's head, its acronym spelled: the model's piece gives way
    ("Funds came from the Pellow Research Council (PRC) on Monday.", [("Research Council", "ORG")],
     {"Pellow Research Council": "ORG", "PRC": "ORG"}),
    # a spelled acronym with no organisation's head: a measure, left alone
    ("Prices rose, the Tarrow Price Index (TPI) showed.", [], {}),
    # a person the model found, and a known country, stay
    ("He praised the Ana Lind (AL) fund.", [("Ana Lind", "PERSON")], {"Ana Lind": "PERSON"}),
    ("Aid went to the Central African Republic (CAR) on Monday.", [], {}),
])
def test_bracketed_acronym_after_the_makes_an_organisation(text, model, expected):
    found = [_feature_mention(text, name, label) for name, label in model]
    assert _labels(particles.bracketed_acronym_orgs(_article(text), found)) == expected


# --- two carriers named with countries, split by the model at "and" ---


def test_organisations_naming_countries_are_not_joined_at_and():
    text = "Flights by Air Norway and Peru Airways resumed."
    found = [_feature_mention(text, "Air Norway", "ORG"), _feature_mention(text, "Peru Airways", "ORG")]
    nouns = frozenset({"air", "norway", "peru", "airways", "flights"})  # a lexicon that lists countries as nouns
    assert _labels(orgspans.orgs_joined_by_and_nouns(_article(text, nouns=nouns), found)) == {
        "Air Norway": "ORG", "Peru Airways": "ORG"}


def test_common_nouns_split_at_and_are_still_joined():
    text = "The Tarrow Water Supply and Sewerage Board said so."
    found = [_feature_mention(text, "Tarrow Water Supply", "ORG"), _feature_mention(text, "Sewerage Board", "ORG")]
    nouns = frozenset({"water", "supply", "sewerage", "board"})
    assert _labels(orgspans.orgs_joined_by_and_nouns(_article(text, nouns=nouns), found)) == {
        "Tarrow Water Supply and Sewerage Board": "ORG"}


def test_a_world_region_keeps_a_between_list_of_the_article_s_town_apart():
    text = "PELLOWA - Ships sail between Asia and Pellowa twice a week."
    found = [_feature_mention(text, "PELLOWA", "GPE"), _feature_mention(text, "Asia", "LOC")]
    found[0].name, found[0].forced = "Pellowa", True
    assert _labels(placelists.listed_places(_article_with_doc(text), found)) == {"PELLOWA": "GPE", "Asia": "LOC"}
