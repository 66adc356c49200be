"""Rule tables of the entities stage, as data in one place (each row is tested in
tests/unit/test_entities_tables.py).

- ROLES: offices, honorifics and role phrases that precede a person's name, by domain. They are
  never part of a name, and a capitalised name right after one is a person.
- ONE_NAME_ROLES: roles whose holders go by one name (sumo ranks): one word after one is a person.
- ROLE_MODIFIERS: words that may sit before a role ("State Comptroller", "Deputy Chief Constable",
  "Foreign Minister"): part of the role, not of the name.
- HONORIFIC_ABBREVIATIONS: honorifics that, in capitals before a mixed-case name, are initials ("MS Tarrow").
- LEGISLATURE_WORDS: own-language names of legislatures ending a name ("the Tarrow Majlis"): organisations.
- COUNTRY_FORMS: short and common forms of countries and unions that the maintained ISO 3166 list
  (pycountry) does not give; COUNTRY_NAMES: the canonical name chosen for some ISO entries.
- PLACE_LIST_PREPOSITIONS, RESIDENT_NOUNS, RESIDENTS_OF_NOUNS, WORLD_REGION_WORDS: places told by a
  list with a place ("in Pellow and Corran Falls"), by people living on or in them ("islanders on
  Skerra", "residents of Skerra"; PEOPLE_IN_NOUNS: "workers in Skerra said") or by "in"
  before a LOC that names no continent, region or feature ("in Corran").
- ORG_DESCRIPTOR_NOUNS, COMPETITOR_NOUNS, ORG_ROLE_DOMAINS: organisations told by a describing
  noun before them ("union Quorva", "Rival Tarrowco") or by a role of theirs between them and a
  person ("QVRT organiser Ana Lind").
- PORTFOLIO_NOUNS: designators that also end a minister's portfolio ("Water Resources Minister").
- ORG_HEAD_NOUNS, ORG_CONNECTIVES: organisations the model called works or cut short.
- COURT_AREA_NOUNS: the area a court serves, after "for the" ("Court of Appeals for the Tarrow Circuit").
- ABBREVIATED_FORMS: legal forms written with or without a full stop ("Inc", "Inc.").
- PLACE_NAME_PARTICLES: particles inside places' names ("Nova Tarrow do Norte").
- PERSON_NAME_PARTICLES, NAME_PARTICLES, FOREIGN_ORG_HEADS: lowercase particles inside names of
  other languages ("Ana af Tarrow", "Compagnie des Tarrows") and the first words of their
  organisations' names ("Banco", "Société").
- FOREIGN_AND_WORDS: "and" of other languages inside an organisation's name ("... des Tarrows et des Pellows").
- NOUN_CAPITALISING_LANGUAGES: languages whose common nouns are capitalised (German): a name
  over a particle there needs persons on both sides.
- WEATHER_SYSTEM_TERMS: terms opening a named storm's name ("Tropical Storm Tarrow"): an event.
- DEMONYM_ENDINGS, IRREGULAR_DEMONYMS: nationality adjectives of countries ("Kenyan", "Dutch").
- PLACE_APPOSITION_FOLLOWERS: what may follow "<name>, a farming town" when the noun is its head.
- AND_INSTITUTION_HEADS: heads of "<X> and <Y> Institute"-type names the model leaves untagged.
- ADMIN_DIVISION_NOUNS: lowercase nouns after a division's name ("Tarrow province"): a place.
- SHIP_PREFIXES: prefixes of ships' names ("USNS Ana Tarrow"): a ship, no person.
- PLACE_LED_ORG_HEADS: last words of "<place> Premier League"-type names when the model tagged the place alone.
- EVENT_HEAD_NOUNS, EVENT_HEADS_AFTER_THE: last words of named sporting events ("the Tarrow
  Marathon", "the Tarrow Open"): events. TREATY_HEADS: last words of treaties ("the Tarrow Accord"): laws.
- PRODUCT_DESCRIPTOR_NOUNS: nouns naming a product right before its name ("the vaccine, Tarrovax,").
- RESULT_VERBS, RESULT_NOUNS: match reports ("X beat Y 2-1", "a 3-0 win over Y"): teams.
- SCORER_CUES_BEFORE, SCORER_VERBS: a scorer's name in a match report ("goals from X", "X scored"): a person.
- DESTINATION_PHRASES: two words before a place of arrival ("bound for X", "march on X").
- PERSONAL_POSSESSIONS: what only a person has in the possessive ("Ana Tarrow's lawyer").
- SUBDIVISION_TERMS, LOCALITY_TERMS, FEATURE_LIST_TERMS: lowercase nouns after a name, or a list of
  names, that make them regions ("the Tarrow region", "the Tarrow and Pellow oblasts"), parts of a
  town ("the Tarrow neighbourhood") or features ("the Tarrow and Pellow rivers").
- LAW_HEADS, EPONYMOUS_LAW_HEADS: last words of a law's name ("the Tarrow (Amendment) Act") and of
  a rule named after its author ("Tarrow's Law"): one LAW, no person in it.
- COMPANY_CUES, SHARE_PRICE_VERBS: words around a name that only a company has ("shares in
  Tarrow", "Tarrow's shares fell").
- PLACE_FULL_FORMS: places written as a name and a part after a comma that are one place.
- SITE_GENERICS: lowercase nouns after a name that make it a resource site or a built structure
  ("the Tarrow gas field", "the Pellow pipeline"): LOC or FAC, not a person.
- VOLCANO_CUES: lowercase words before a name that make it a volcano ("the eruption of Tarrow"): LOC.
- PLANETS: the Solar System's planets, a LOC never taken for a town ("near Mars").
- ROUTE_WORDS: the words of a route "from X to Y", whose two ends the model glues into one span.
- PRODUCT_CLASS_NOUNS, PRODUCT_SALE_VERBS: products told by their class noun after them ("its
  Tarrow Note phones") or by the name they are sold under ("sold as Tarrovax").
- COMPANY_FORM_PREFIXES: legal forms written before a company's name ("PT Tarrow Kelvani").
- GROUP_GENERICS: lowercase nouns of a party or an armed group after its name ("the Tarrow party").
- EVENT_FIRST_WORDS: "cup" in Romance languages opening a competition's name ("Copa Tarrow").
- ARABIC_NAME_LINKS, ARABIC_ARTICLE_PREFIXES, ARABIC_PLACE_GENERICS: Arabic personal names ("Tarik
  bin Pellow al-Vell") and the nouns that open Arabic names of places ("Burj al-Tarrow").
- INSTITUTION_HEAD_WORDS: last words of institutions named after a person ("the Ana Lind Observatory"): no person.
- SPORT_BODY_WORDS: sports whose national bodies are named "<Sport> <Country>" ("Badminton Tarrowland"): organisations.
- DISEASE_GENERICS: nouns after a disease's name ("Tarrow fever"): the name is no person, place or organisation.
"""

from __future__ import annotations

# Roles whose holders go by one name: sumo ranks of the Japan Sumo Association's banzuke (grand
# champion, champion, junior champions, rank-and-file top division), written before a wrestler's
# one-word ring name ("yokozuna Tarrowfuji"). A single capitalised word after one is a person.
ONE_NAME_ROLES = frozenset("yokozuna ozeki sekiwake komusubi maegashira".split())

# (phrase, domain). Lowercase; a phrase matches its words in any case, with or without a full stop
# after an abbreviation ("Sgt." / "Sgt").
ROLES: tuple[tuple[str, str], ...] = (
    # honorifics and nobility
    *((word, "honorific") for word in "mr mrs ms miss mx dr prof professor sir dame lord lady madam "
      "monsieur mme herr baroness baron duchess countess hon".split()),
    *((word, "royal") for word in "king queen prince princess emperor empress emir sultan sheikh shaikh".split()),
    ("crown prince", "royal"),
    # Malaysian federal and state honorifics, written before the name in Malaysian wire copy (Bernama):
    # "Tun", "Tan Sri", "Puan Sri", "Toh Puan", "Datuk", "Datuk Seri", "Dato'", "Dato' Sri", "Datin".
    # They are the styles the federal and state orders of Malaysia confer on their holders (and on
    # their wives: "Puan Sri", "Toh Puan", "Datin"); "Tengku"/"Tunku" are royal birth and stay in the name.
    *((phrase, "honorific") for phrase in ("tun", "tan sri", "puan sri", "toh puan", "datuk", "datuk seri",
      "datuk patinggi", "datuk amar", "dato", "dato'", "dato\u2019", "dato seri", "dato' seri", "dato\u2019 seri",
      "dato sri", "dato' sri", "dato\u2019 sri", "datin", "datin seri", "datin paduka")),
    # Bhutanese styles written before the name in Kuensel and BBS copy: "Dasho", the title the King
    # confers (red scarf), and "Lyonpo" (minister) and "Lyonchhen" (prime minister), Dzongkha offices.
    ("dasho", "honorific"), ("lyonpo", "civic"), ("lyonchhen", "civic"),
    # sumo ranks (ONE_NAME_ROLES), before a wrestler's ring name ("yokozuna Tarrowfuji")
    *((word, "sports") for word in sorted(ONE_NAME_ROLES)),
    # government and civic offices
    *((word, "civic") for word in "president vice-president premier minister ministers secretary "
      "secretary-general chancellor vice-chancellor senator sen rep representative congressman "
      "congresswoman governor gov mayor ambassador envoy consul commissioner ombudsman ombudswoman "
      "comptroller controller treasurer auditor sheriff coroner registrar supervisor alderman "
      "alderwoman councillor councilor cllr councilman councilwoman assemblyman assemblywoman "
      "mp mps mla mlas mep meps msp msps td speaker whip minister-president exchequer "
      "attorney solicitor counsel prosecutor lawmaker lawmakers legislator legislators parliamentarian".split()),
    ("vice president", "civic"), ("prime minister", "civic"), ("first minister", "civic"),
    ("deputy prime minister", "civic"), ("lord mayor", "civic"), ("deputy mayor", "civic"),
    ("lieutenant governor", "civic"), ("secretary of state", "civic"), ("secretary general", "civic"),
    ("chief whip", "civic"), ("attorney general", "civic"), ("attorney-general", "civic"),
    ("district attorney", "civic"), ("solicitor general", "civic"), ("inspector general", "civic"),
    ("surgeon general", "civic"), ("auditor general", "civic"), ("auditor-general", "civic"),
    ("county executive", "civic"), ("city manager", "civic"), ("town clerk", "civic"),
    ("assembly member", "civic"), ("opposition leader", "civic"), ("party leader", "civic"),
    ("council leader", "civic"), ("monitoring officer", "civic"), ("general secretary", "civic"),
    ("union leader", "civic"), ("union president", "civic"), ("trade representative", "civic"),
    ("leader", "civic"), ("head", "civic"), ("director", "civic"), ("spokesman", "civic"),
    ("spokeswoman", "civic"), ("spokesperson", "civic"), ("administrator", "civic"),
    ("commander-in-chief", "civic"),
    # Irish heads and deputy heads of government (Bunreacht na hÉireann, Art. 28), written as titles
    ("taoiseach", "civic"), ("tánaiste", "civic"), ("tanaiste", "civic"),
    # judicial
    *((word, "judicial") for word in "judge judges justice justices magistrate recorder".split()),
    ("chief justice", "judicial"), ("lord justice", "judicial"), ("district judge", "judicial"),
    ("circuit judge", "judicial"), ("lady justice", "judicial"),
    # church and faith
    *((word, "church") for word in "pope cardinal archbishop bishop archdeacon vicar rector "
      "rev reverend father fr pastor rabbi imam mufti ayatollah patriarch abbot chaplain deacon "
      "monsignor msgr".split()),
    ("st", "saint"), ("saint", "saint"),
    ("chief rabbi", "church"), ("grand mufti", "church"), ("the reverend", "church"),
    ("ecumenical patriarch", "church"), ("metropolitan bishop", "church"), ("catholicos", "church"),
    # military
    *((word, "military") for word in "general gen lieutenant lt colonel col major maj captain capt "
      "sergeant sgt corporal cpl private pvt admiral adm commander cmdr marshal field-marshal "
      "brigadier commodore".split()),
    ("lieutenant general", "military"), ("major general", "military"), ("lieutenant colonel", "military"),
    ("vice admiral", "military"), ("rear admiral", "military"), ("air marshal", "military"),
    ("air chief marshal", "military"), ("field marshal", "military"), ("wing commander", "military"),
    ("squadron leader", "military"), ("flight lieutenant", "military"), ("warrant officer", "military"),
    ("staff sergeant", "military"),
    # police, fire and rescue
    *((word, "police") for word in "constable detective det inspector superintendent supt officer "
      "agent trooper".split()),
    ("chief constable", "police"), ("police constable", "police"), ("detective constable", "police"),
    ("detective sergeant", "police"), ("detective inspector", "police"), ("chief inspector", "police"),
    ("detective chief inspector", "police"), ("chief superintendent", "police"),
    ("detective superintendent", "police"), ("police commissioner", "police"), ("police chief", "police"),
    ("chief of police", "police"), ("police and crime commissioner", "police"), ("special agent", "police"),
    ("fire chief", "police"), ("chief fire officer", "police"), ("station manager", "police"),
    ("watch manager", "police"),
    # corporate
    *((word, "corporate") for word in "chairman chairwoman chair chairperson ceo cfo coo cto founder "
      "co-founder boss executive economist analyst strategist".split()),
    ("chief executive", "corporate"), ("chief executive officer", "corporate"),
    ("chief financial officer", "corporate"), ("chief operating officer", "corporate"),
    ("chief technology officer", "corporate"), ("managing director", "corporate"),
    ("executive director", "corporate"), ("general manager", "corporate"), ("chief economist", "corporate"),
    # sports
    *((word, "sports") for word in "coach manager skipper striker midfielder defender goalkeeper "
      "winger referee umpire jockey trainer".split()),
    ("head coach", "sports"), ("assistant manager", "sports"), ("assistant coach", "sports"),
    ("team principal", "sports"), ("vice-captain", "sports"), ("flanker", "sports"), ("fly-half", "sports"),
    ("scrum-half", "sports"), ("full-back", "sports"), ("opener", "sports"), ("batter", "sports"),
    ("batsman", "sports"), ("bowler", "sports"), ("all-rounder", "sports"), ("wicketkeeper", "sports"),
    # maritime
    ("harbour master", "maritime"), ("harbor master", "maritime"), ("harbourmaster", "maritime"),
    ("harbormaster", "maritime"), ("lifeboat helm", "maritime"), ("helmsman", "maritime"),
    ("coxswain", "maritime"), ("first officer", "maritime"), ("lifeboat operations manager", "maritime"),
    ("master", "maritime"), ("helm", "maritime"), ("pilot", "maritime"), ("deckhand", "maritime"),
    ("crewman", "maritime"), ("station officer", "maritime"),
    # health, education and other professions
    ("head teacher", "profession"), ("headteacher", "profession"), ("headmaster", "profession"),
    ("headmistress", "profession"), ("principal", "profession"), ("provost", "profession"),
    ("medical director", "profession"), ("chief medical officer", "profession"), ("nurse", "profession"),
    ("surgeon", "profession"), ("actor", "profession"), ("actress", "profession"), ("singer", "profession"),
    ("youth worker", "profession"), ("lawyer", "profession"), ("barrister", "profession"),
    ("priest", "church"), ("doctor", "profession"), ("teacher", "profession"), ("organiser", "profession"),
    ("organizer", "profession"), ("coordinator", "profession"), ("warden", "profession"),
    ("ranger", "profession"), ("volunteer", "profession"), ("campaigner", "profession"),
    ("retiree", "profession"), ("pensioner", "profession"),
    ("activist", "profession"), ("driver", "sports"), ("rider", "sports"), ("owner", "corporate"),
    ("curator", "profession"), ("historian", "profession"), ("archaeologist", "profession"),
    ("scientist", "profession"), ("researcher", "profession"), ("biologist", "profession"),
    ("geologist", "profession"), ("engineer", "profession"), ("farmer", "profession"),
    ("grower", "profession"), ("fisherman", "profession"), ("trader", "profession"), ("vendor", "profession"),
    ("shopkeeper", "profession"),
)

# Honorifics' abbreviations that, written in capitals before a name in mixed case, are a person's
# initials ("MS Tarrow", "DR Pellow" in cricket and South Asian copy), not the honorific ("Ms Tarrow").
HONORIFIC_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "mx", "dr"})

# Domains whose rows strip from a name but do not make the next words a person ("St Mary's").
NOT_PERSON_CUES = frozenset({"saint"})

# Last words of a company's name: a "person" ending in one is a company unless its last word is
# reused alone as a surname ("Solano Grid", "Norvex Systems"; not "Samantha Power ... Power said").
COMPANY_WORDS = frozenset(
    """energy power grid steel labs lab pharma pharmaceutical pharmaceuticals systems mining events airlines airways properties
    holdings group partners capital motors foods media networks technologies technology solutions
    logistics freight haulage resources industries insurance telecom therapeutics biotech software robotics
    semiconductor semiconductors electronics cosmetics chemicals petroleum shipping financial securities air metals
    investments ventures studios games entertainment brewing brewery inc ltd plc corp corporation cooperative co-operative
    llc ag gmbh nv bv renewables solar utilities minerals microelectronics re""".split()
)  # "re": reinsurers' names ("Tarrow Re")

# Second words of a carrier named by a nationality adjective ("Tarrovian Airlines Group", "Pellish
# Air"): after its long form, the adjective alone used as a noun is the carrier ("said Pellish was",
# "competes with the Tarrovian"), as wire copy writes airlines.
CARRIER_WORDS = frozenset("air airlines airways aviation".split())

# Population from which a GeoNames city's name (canonical.CITIES) the model called a person or a
# product is a place without a place preposition before it ("hits Tarrowpur and Pellabad"); a
# smaller town's name is as often a given name or surname ("Ariel", "Kora", "Obama": towns of 20,000
# to 30,000 people), so it needs "in"/"to"/... before some mention of it.
CITY_POPULATION_WITHOUT_CUE = 100_000

# Own-language names of legislatures, the last word of their names ("the Tarrow Majlis", "the
# State Duma"): Arabic, Persian and Turkic majlis/mejlis/mazhilis/meclis, Russian duma, Polish
# sejm, Hebrew knesset, Swedish riksdag, Norwegian storting, Danish folketing, German bundestag
# and bundesrat, Finnish eduskunta, Croatian sabor, Lithuanian seimas, Latvian saeima, Estonian
# riigikogu, Ukrainian rada, Irish oireachtas, Welsh senedd, Pashto jirga, Arabic shura, Mongolian
# khural, Bengali sangsad, Hindi sabha, Kyrgyz kenesh, Icelandic althing. Never a person's name:
# a "person" ending in one is an organisation.
LEGISLATURE_WORDS = frozenset(
    """majlis mejlis mazhilis meclis duma sejm knesset riksdag storting stortinget folketing folketinget bundestag
    bundesrat eduskunta sabor seimas saeima riigikogu rada oireachtas senedd jirga shura khural sangsad sabha
    kenesh althing""".split()
)

# First words of a company's name: a "person" starting with one is a company ("Air Tarrow", an
# airline, as "Tarrow Air"), unless its last word is reused alone as a surname.
# Also CLUB_FIRST_WORDS: the Soviet voluntary sports societies whose names open clubs' names across
# the former USSR and Eastern Europe ("Dinamo Tarrowsk", "Lokomotiv Pellow", "Spartak Vell"): a club,
# not a person; alone ("Lokomotiv lead 3-2"), the short form of the article's one club opening with it.
CLUB_FIRST_WORDS = frozenset({"dinamo", "dynamo", "lokomotiv", "spartak"})
COMPANY_FIRST_WORDS = frozenset({"air", "team"}) | CLUB_FIRST_WORDS  # "Team Tarrow Pellow": a sports team

# Verbs said of people, not of quantities or events: a lone common noun opening a sentence and
# called a person ("Turnout was 71 percent") is no name unless one of these follows it ("Baker
# said", "Hunt told", "Rice scored": a surname named alone).
PERSON_ACT_VERBS = frozenset("said says told tells added adds urged warned denied spoke wrote argued scored".split())

# Last words of names of things other than persons (with COMPANY_WORDS): what follows a role
# word and ends in one of these is no person ("General Motors Company", "Premier League Cup",
# "General Customs Authority": the role word opens the organisation's name).
NOT_NAME_ENDS = frozenset(
    """company league cup party office department ministry service house street road square
    council commission committee agency court bank fund group union university college school
    hospital trust foundation institute club fc association federation programme program project
    scheme initiative act bill plan centre center network campaign award prize series championship
    tournament festival database survey study report system index authority administration bureau
    board""".split()
)

# Words that may precede a role and belong to it ("State Comptroller", "Deputy Chief Constable").
# Jurisdictions among them are never a name on their own ("County" of "County Sheriff").
JURISDICTION_WORDS = frozenset("state county city district federal national regional provincial local".split())
ROLE_MODIFIERS = JURISDICTION_WORDS | frozenset(
    """deputy acting interim former ex assistant vice chief senior junior shadow foreign defence defense interior home finance
    treasury justice health education trade energy transport agriculture environment labour labor
    economy culture police fire army navy club team crown""".split()
)

# Common and short forms of countries and unions the ISO list lacks: form -> canonical name.
COUNTRY_FORMS: dict[str, str] = {
    "U.S.": "United States", "US": "United States", "U.S.A.": "United States", "USA": "United States",
    "U.S.A": "United States", "United States of America": "United States", "America": "United States",
    "the United States": "United States",
    "U.K.": "United Kingdom", "UK": "United Kingdom", "Britain": "United Kingdom",
    "Great Britain": "United Kingdom", "United Kingdom of Great Britain and Northern Ireland": "United Kingdom",
    "EU": "European Union", "E.U.": "European Union",
    "U.N.": "United Nations", "UN": "United Nations",
    "UAE": "United Arab Emirates", "U.A.E.": "United Arab Emirates",
    "USSR": "Soviet Union", "U.S.S.R.": "Soviet Union",
    "PRC": "China", "People's Republic of China": "China", "Mainland China": "China",
    "DPRK": "North Korea", "Republic of Korea": "South Korea", "ROK": "South Korea",
    "Holland": "Netherlands", "The Netherlands": "Netherlands",
    "Cote d'Ivoire": "Ivory Coast", "Côte d'Ivoire": "Ivory Coast",
    "Czechia": "Czech Republic", "Türkiye": "Turkey", "Turkiye": "Turkey",
    "Burma": "Myanmar", "East Timor": "Timor-Leste", "Swaziland": "Eswatini",
    "Cape Verde": "Cabo Verde", "Vatican": "Vatican City", "Holy See": "Vatican City",
    "DR Congo": "Democratic Republic of the Congo", "DRC": "Democratic Republic of the Congo",
    "Democratic Republic of Congo": "Democratic Republic of the Congo", "Republic of Congo": "Republic of the Congo",
}

# Offices of a place: the name after "<office> of" is a place ("mayor of Alder Bay").
PLACE_OFFICES = frozenset({"mayor", "lord mayor", "deputy mayor", "governor", "lieutenant governor", "premier"})

# Nouns after which "of X" names a place ("the port of Rotterdam", "the town of Kirkby"), and
# which, as the head of an apposition, tell one ("Tarrow, a farming town near ...").
PLACE_NOUNS = frozenset(
    "port city town village capital province region island suburb suburbs outskirts county district "
    "hamlet municipality state".split()
)

# Lowercase nouns of administrative divisions written after a division's name ("the Tarrow
# province", "Vell prefecture"): the name is a place (GPE). Not "region" or "state" ("the Sahel
# region", "the Vell state broadcaster"): said of natural regions and of institutions too.
# Administrative division nouns written before the name, capitalised, as Irish counties are ("County
# Tarrow"; not "Co.", also a company's form): "County <Name>" is a place (GPE), whatever the model said.
ADMIN_DIVISION_PREFIXES = frozenset({"County"})

ADMIN_DIVISION_NOUNS = frozenset("province prefecture county district governorate oblast municipality".split())

# Words between a plural of PLACE_NOUNS and the places it gives as examples ("towns such as
# Tarrow Springs", "cities like Tarrow and Pellow", "ports including Tarrow").
PLACE_EXAMPLE_CUES = frozenset({"such as", "like", "including"})

# Words that may follow the place noun heading an apposition "<name>, a (farming) town ...": the
# noun is the head ("a town near X", "a port city of 5,000"), not a modifier ("a town councillor").
PLACE_APPOSITION_FOLLOWERS = frozenset(
    "in near on of outside north south east west with where that which about some just close".split()
)

# Canonical names of COUNTRY_FORMS that are organisations of countries, not places.
UNIONS = frozenset({"European Union", "United Nations"})

# Canonical names for ISO entries whose ISO name is not the one newswire uses (by alpha-3 code).
COUNTRY_NAMES: dict[str, str] = {
    "RUS": "Russia", "TUR": "Turkey", "CZE": "Czech Republic", "CIV": "Ivory Coast",
    "PSE": "Palestine", "VAT": "Vatican City", "COD": "Democratic Republic of the Congo",
    "COG": "Republic of the Congo", "FSM": "Micronesia", "GBR": "United Kingdom", "USA": "United States",
    "KOR": "South Korea", "PRK": "North Korea", "BRN": "Brunei", "CPV": "Cabo Verde",
}

# Words that make a name an organisation's or a building's, wherever they stand in it ("Bank of
# Willow Creek", "Cedar Creek Mining Ltd"): such a name keeps its label whatever its last word.
ORG_DESIGNATORS = COMPANY_WORDS | NOT_NAME_ENDS | frozenset(
    "police church cathedral airport station hotel resort mall estate estates".split()
)

# ORG_DESIGNATORS that also end a minister's portfolio before "Minister" and a name ("Water
# Resources Minister Ana Lind", "Energy Minister", "Mining Minister"): portfolio words, not a
# company's name ("Tarrow Resources" stays one: its first word is no common word).
PORTFOLIO_NOUNS = frozenset("resources energy power mining minerals petroleum media technology shipping".split())

# Prepositions of place before a name ending in a placenames.TOPONYM_GENERICS row: (preposition, persons
# too). "in"/"near"/"outside" are never said of a person, so a "person" after them is relabelled
# too; after "at"/"from" ("a call from Tiger Woods") only organisation-like labels are.
LOCATIVE_PREPOSITIONS: tuple[tuple[str, bool], ...] = (
    ("in", True), ("near", True), ("outside", True), ("at", False), ("from", False),
)

# Prepositions before a list "X and Y" of places: when one of the two is a place (a GPE of the
# article or a known country), so is the other ("in Pellow and Corran Falls", "from
# Corran and Tallis"). Not "between" or "with" ("talks between Israel and Hamas").
PLACE_LIST_PREPOSITIONS = frozenset("in on to from near across outside around throughout at".split())

# Words before a list "X and Y" where every name must be a known country or ISO 3166-2 region
# for all to be places ("areas of Tarrowshire and Ohio"): "of" is also said of people ("the
# offices of Ana Lind and Tom Ruck") and of a region's parts ("Central and Eastern Europe").
REGION_LIST_PREPOSITIONS = frozenset({"of"})

# Words before a list "X and Y" where only a toponym-shaped name ("Corran Island", "Tallis
# Creek") tells places: countries are also parties after them ("talks between Israel and Hamas").
TOPONYM_LIST_PREPOSITIONS = frozenset({"between"})

# Nouns of people or dwellings living on an island: "<noun> on X" makes X a place ("islanders
# on Skerra", "homes on Skerra and Vell"). Not "people" ("people on Universal Credit").
RESIDENT_NOUNS = frozenset(
    "islanders residents homes households families communities villagers crofters inhabitants villages".split()
)
# Nouns of people living or working in a place before "in" ("Workers in Tarrow said", "voters in
# Tarrow and Pellow backed it"): a name after them that ends the clause is a place.
PEOPLE_IN_NOUNS = frozenset(
    "workers employees voters residents villagers farmers ranchers fishermen families households inhabitants".split()
)

# Nouns of people living in a place before "of" ("Residents of Tarrow and Pellow"): the names after
# them are places. Not "families of" or "homes of", said of persons too.
RESIDENTS_OF_NOUNS = frozenset("residents inhabitants villagers islanders townspeople".split())

# Words of continents and world regions: a LOC naming one stays a LOC ("in East Africa", "in
# Latin America"); other LOC names after "in" with no article are towns and districts (GPE).
WORLD_REGION_WORDS = frozenset(
    """europe asia africa america americas antarctica antarctic arctic oceania australasia eurasia
    middle east caribbean balkans scandinavia sahel pacific atlantic mediterranean baltic levant
    maghreb gulf sea ocean coast mountains alps andes himalayas desert peninsula strait channel
    highlands lowlands steppe""".split()
)


# Continents as the last word of a world region's name after a compass word ("West Africa",
# "Central Asia", "Southeast Asia"; canonical.DIRECTIONS): a region, LOC by the OntoNotes 5.0
# guidelines (LOC: "continents, regions"), not a GPE, unless a known country ("South Africa").
CONTINENT_NAMES = frozenset("europe asia africa america americas oceania eurasia australasia".split())


# Nouns that describe an organisation right before its name: "Pilots' union Quorva", "the
# electoral service Tallvo", "Developer Bright Acre", "the mine's operator, Hanlin Metals": the
# name is an organisation whatever the model called it (a person, a nationality, nothing).
# Nouns of a competitor before a one-word name ("Rival Tarrowco said", "rivals Pellco and Vell"):
# a company or a club, not a person ("rival Ana Lind" and a named person's surname stay persons).
COMPETITOR_NOUNS = frozenset({"rival", "rivals"})

ORG_DESCRIPTOR_NOUNS = frozenset(
    """union service developer operator regulator watchdog charity carrier airline retailer lender
    insurer broadcaster firm company chain supermarket manufacturer housebuilder steelmaker carmaker
    automaker chipmaker drugmaker planemaker shipbuilder utility agency miner unit units maker
    fund""".split()
)

# Nouns of a newspaper, lowercase only, before its name ("the Tarrow daily Nova Pellska", "the
# tabloid Vell Glas"): the name is an organisation, as after ORG_DESCRIPTOR_NOUNS. Capitalised they
# open a paper's own name ("Daily Nation", "Daily Tarrow"), which stays whole.
PRESS_NOUNS = frozenset({"daily", "newspaper", "tabloid"})

# Domains of ROLES whose role, right before a person's name, may follow the name of the person's
# organisation ("QVRT organiser Ana Lind", "Corsairs flanker Tom Ruck", "Brightvale founder
# Kai Holm"); not offices ("Health minister", "Energy secretary": portfolios, not names).
ORG_ROLE_DOMAINS = frozenset({"corporate", "sports", "profession"})

# Head nouns of an organisation's name (the last word, or the word before "of"): a name the
# model called a work of art or a product with one of these as its head is an organisation
# ("The Tarrow Teachers' Federation of Pellow", "The Tarrow Observatory, a coalition of ...").
ORG_HEAD_NOUNS = frozenset(
    """federation association union council commission committee agency alliance coalition
    institute institution foundation society academy university college observatory""".split()
)

# The areas a court serves, last word of its name's "for the <Name>" tail: U.S. federal courts
# ("United States Court of Appeals for the Ninth Circuit", "District Court for the Southern District
# of New York": 28 U.S.C. chapters 3 and 5, the courts' own names). A court the model cut before
# "for the" goes on over the area (orgspans.court_areas).
COURT_AREA_NOUNS = frozenset({"Circuit", "District"})

# Capitalised connectives inside an organisation's name that the model leaves out of its span:
# "Medics Without Tarrows" ("Tarrows" ORG), "Mothers Against Tarrows": one name with its opening.
ORG_CONNECTIVES = frozenset({"without", "against"})

# Lowercase particles inside personal names, as written: "Ursula von der Leyen", "Ana de la
# Tarrow", the Swedish noble "af" ("Lena af Tarrow"), the Filipino "dela" ("Rosa dela Tarrow") and the
# Catalan "i" joining a person's two surnames ("Pere Tarrow i Pellow"), and the Welsh patronymics
# "ap" and "ab" (son of, "ab" before a vowel) and "ferch" (daughter of: "Rhodri ap Tarrow", "Siân
# ferch Pellow"). A person's span goes on over them and the capitalised word after them
# (fixes.extend_person_right).
PERSON_NAME_PARTICLES = frozenset(
    "de del della dela der den des di da das dos du la le van von bin ibn al el ter ten af i ap ab ferch".split()
)

# Lowercase words inside the names of organisations and places of other languages, as written:
# the person particles and the French "des", Portuguese "do", Catalan "per" ("Junts per X"), Tagalog
# "ng" ("Bangko Sentral ng Tarrow") and the conjunctions "y" and "e" ("Ciencia y Tarrow"). The
# model's span is not cut at one (fixes.CONNECTIVES), and capitalised words on both sides of one are
# one name (particles.particle_names).
NAME_PARTICLES = PERSON_NAME_PARTICLES | frozenset("do ng per y e".split())

# "And" in French, Spanish and Portuguese before a particle inside an organisation's name ("Office
# de Gestion des Tarrows et des Pellows", "Instituto de Tarrow y de Pellow"): the name goes on over
# them (orgspans.foreign_and_tails), where the model often ends it.
FOREIGN_AND_WORDS = frozenset({"et", "y", "e"})

# Languages that capitalise every noun (ISO 639-1, as the clean stage's `language` gives it):
# German, Luxembourgish. On a page in one, "Zukunft des Hafens" is two common nouns, so a name over
# a particle needs persons on both sides ("Ana von der Tarrow").
NOUN_CAPITALISING_LANGUAGES = frozenset({"de", "lb"})

# First words of organisations' names in other languages ("Banco de Tarrow", "Compagnie des Tarrows",
# "Bangko Sentral ng Tarrow"): a name opening with one and joined over a particle is an
# organisation, also where the model tagged nothing or a person or a product. Also météo/meteo,
# French and Italian for the weather service that opens national weather services' names before
# the country's ("Météo Tarrowland"): a "person" so named is the service, and its "surname" the country.
FOREIGN_ORG_HEADS = frozenset(
    """banco banca banque bangko bank caixa caisse compagnie companhia compañía compania société sociedad
    sociedade società cooperativa coopérative cooperative union unión união confédération confederación
    confederação confederazione fédération federación federação federazione association asociación
    associação associazione syndicat sindicato instituto institut istituto partido parti partit partito
    junta consejo conseil conselho consiglio comisión commissione comissão ministério ministerio
    ministère universidad universidade université università universitat fundación fundação fondation
    fondazione agence agencia agência agenzia empresa groupe grupo gruppo corporación corporação
    administración administração amministrazione autoridad autoridade autorità autorité secretaría
    dirección direção direzione stichting vereniging movimiento movimento mouvement moviment météo meteo""".split()
)

# Particles inside Romance place names ("Nova Tarrow do Norte", "Santa Tarrow de la Sierra"): a
# place the model cut before one goes on over it and the capitalised words after it.
# Also "es", the Arabic article as assimilated before s ("Dar es Salaam", "Bab es Tarrow").
PLACE_NAME_PARTICLES = frozenset("de da do dos das del di du es".split())


# Terms that open the name of a weather system ("Storm Darragh", "Hurricane Milton", "Tropical
# Storm Tarrow", "Super Typhoon Tarrow"): the intensity classes of the WMO Tropical Cyclone
# Programme's regional operating plans (tropical depression, tropical storm, severe tropical
# storm, hurricane, typhoon, cyclone; "super typhoon" of the JTWC) and the named windstorms of the
# European services ("Storm X"). A named storm is an EVENT (OntoNotes 5.0 guidelines), never a
# person or a place, and so is its name alone after it ("Tarrow's winds").
WEATHER_SYSTEM_TERMS = frozenset({
    "storm", "hurricane", "typhoon", "cyclone", "tropical storm", "tropical depression", "tropical cyclone",
    "severe tropical storm", "super typhoon", "winter storm", "major hurricane",
})

# Nationality adjectives formed from a country's name by a regular English ending: (end of the
# country's name dropped, ending added): Kenya -> Kenyan, Honduras -> Honduran, Mexico -> Mexican,
# Chile -> Chilean, Italy -> Italian, Brazil -> Brazilian, Qatar -> Qatari, Japan -> Japanese, China -> Chinese,
# Turkey -> Turkish. A form that is itself a place is not a nationality ("Jordan").
DEMONYM_ENDINGS: tuple[tuple[str, str], ...] = (
    ("a", "an"), ("s", "n"), ("o", "an"), ("", "an"), ("y", "ian"), ("", "ian"), ("", "i"), ("", "ese"),
    ("a", "ese"), ("ey", "ish"),
)

# Nationality adjectives not formed by those endings -> the country's canonical name.
IRREGULAR_DEMONYMS: dict[str, str] = {
    "British": "United Kingdom", "English": "United Kingdom", "Scottish": "United Kingdom",
    "Welsh": "United Kingdom", "Irish": "Ireland", "French": "France", "Dutch": "Netherlands",
    "Swiss": "Switzerland", "Spanish": "Spain", "Polish": "Poland", "Danish": "Denmark",
    "Swedish": "Sweden", "Finnish": "Finland", "Greek": "Greece", "Thai": "Thailand",
    "Filipino": "Philippines", "Ghanaian": "Ghana", "Peruvian": "Peru", "Emirati": "United Arab Emirates",
    "Saudi": "Saudi Arabia", "Salvadoran": "El Salvador", "Vietnamese": "Vietnam", "Lao": "Laos",
}

# Head nouns of an institution named "<X> and <Y> <head>" ("the Mother and Child Institute", "the
# Marine and Coastal Research Centre"): capitalised words joined by "and" before one of these are
# one organisation, also when the model tagged none of it.
AND_INSTITUTION_HEADS = frozenset(
    "institute centre center foundation trust society hospital clinic academy college council association federation".split()
)

# Last words of an organisation named after a place or nationality the model tagged alone, the
# rest left untagged ("the Tarrowland Premier League", "the Vellish Football Federation"): the
# place and the capitalised words up to one of these are one organisation.
PLACE_LED_ORG_HEADS = frozenset("league federation association confederation council commission union".split())

# Last words of the names of recurring sporting events ("the Tarrow Marathon", "the Pellow Grand
# Prix", "the Winter Olympics"): such a name is an EVENT (OntoNotes 5.0: "named ... sports
# events"), not the organisation or place the model often calls it. Not "games" (a company
# word: "Epic Games"), "cup" or "open" (also clubs, common words; EVENT_HEADS_AFTER_THE).
EVENT_HEAD_NOUNS = frozenset(
    "marathon olympics paralympics regatta triathlon prix finals masters olympiad trophy tournament".split()
)
# Heads of sporting events only in a name right after "the" ("won the Tarrow Open"): alone,
# "Tarrow Open" may be a headline's verb ("Shops Open") or a company's name.
EVENT_HEADS_AFTER_THE = frozenset({"open"})

# Last words of the names of treaties and agreements between states or parties ("the Tarrow
# Agreement", "the Pellow Accords", "the Treaty"-headed names aside): a LAW (OntoNotes 5.0: "named
# documents made into laws"), not the organisation the model often calls it.
TREATY_HEADS = frozenset("agreement agreements accord accords treaty pact".split())

# First words of cup competitions named in Spanish, Portuguese, Italian and French ("Copa
# Tarrow", "Taça de Pellow", "Coppa Vell", "Coupe de Corran": "cup"), and of cycling's stage
# races ("Tour de Pellow", "Tour of Tarrow"): such a name is an EVENT, unless it ends in a company
# word ("Copa Airlines").
EVENT_FIRST_WORDS = frozenset({"copa", "coppa", "coupe", "taça", "taca", "tour"})

# Nouns that describe a product right before its name, lowercase: "the vaccine, Tarrovax, is
# made by ...", "its weight-loss drug Tarrovex", "the messaging app Quill": the name is a
# PRODUCT, not the place, organisation or person the model often calls an unknown brand name.
# Not makers ("drugmaker Tarrow", ORG_DESCRIPTOR_NOUNS) or roles ("drug lord", "vaccine chief").
PRODUCT_DESCRIPTOR_NOUNS = frozenset(
    "vaccine drug medicine medication pill app smartphone handset aircraft jet airliner".split()
)

# Match reports with one score: "<team> beat <team> 2-1", "<team> drew 0-0 with <team>", "a 3-0
# win over <team>". The names are teams (ORG) when the model called them places, products or
# nothing; a name it called a person stays one (snooker, darts: "Tarrow beat Pellow 10-7"), and
# several set scores ("6-4 6-3") are a tennis or badminton match between persons.
RESULT_VERBS = frozenset({"beat", "defeated", "thrashed", "edged", "drew with", "lost to", "held"})
RESULT_NOUNS = frozenset({"win", "victory", "defeat", "loss", "draw"})

# A scorer in a match report: words right before a player's name ("two goals from <name>", "a
# header by <name>") and verbs right after it ("<name> scored", "<name> netted"). A name of
# uncommon words with one is a person (clubs.scorer_persons), whatever the model called it.
SCORER_CUES_BEFORE = frozenset({
    "goal from", "goals from", "goal by", "goals by", "header from", "header by", "penalty from",
    "strike from", "try from", "try by", "brace from", "hat-trick from",
})
SCORER_VERBS = frozenset({"scored", "netted", "equalised", "equalized", "headed", "converted"})

# Two words that end right before a destination, a place ("cargo bound for Tarrow", "students
# will march on Tarrow"): a one-word "person" only ever seen after one is a place (scan.locative).
DESTINATION_PHRASES = frozenset({
    "bound for", "headed for", "heading for", "destined for", "route to", "march on", "marched on",
    "marching on", "advanced on", "advancing on", "evacuated to", "fled to", "deported to",
})

# Nouns only a person has, after a name's possessive ("Ana Tarrow's widow", "Lind's body was
# found"): the name is a person's, whatever the model called it. Not "lawyers", "partner" or
# "owner" (companies have them).
PERSONAL_POSSESSIONS = frozenset(
    """wife husband son daughter sons daughters mother father brother sister widow widower
    relatives parents body funeral killer killers""".split()
)

# Nouns of a body's elected members: after a name's possessive in the plural ("Tarrow Dawn's
# councillors", "Pellow's lawmakers") or between a name and a person ("Tarrow Dawn councillor
# Ana Lind"), the name is a party's, a council's or a parliament's: an organisation (a known
# country or region keeps its label), never a person.
MEMBER_NOUNS = frozenset(
    """councillor councilor lawmaker legislator senator deputy mp mep td msp mla assemblyman
    assemblywoman alderman""".split()
)

# Lowercase nouns of first-level and second-level administrative divisions, as ISO 3166-2 names
# its subdivision categories (region, province, state, oblast, krai, okrug, governorate,
# prefecture, county, district, emirate, canton, voivodeship, territory, municipality), singular
# and plural: "Russia's Tarrow region", "Tarrow province", "the Tarrow, Pellow and Corran
# regions" name regions, GPE, whatever the model called them (a nationality, a product, nothing).
SUBDIVISION_TERMS: dict[str, str] = {
    "region": "regions", "province": "provinces", "state": "states", "oblast": "oblasts", "krai": "krais",
    "okrug": "okrugs", "governorate": "governorates", "prefecture": "prefectures", "county": "counties",
    "district": "districts", "emirate": "emirates", "canton": "cantons", "voivodeship": "voivodeships",
    "territory": "territories", "municipality": "municipalities",
}

# Lowercase nouns of a town's parts, singular and plural: "the Tarrow neighbourhood", "the Pellow
# suburb", "the Tarrow and Pellow boroughs" name places, GPE, also where the model said ORG (a place's
# own name before a place noun: an organisation would say which one with a designator word).
LOCALITY_TERMS: dict[str, str] = {
    "neighbourhood": "neighbourhoods", "neighborhood": "neighborhoods", "suburb": "suburbs", "borough": "boroughs",
}

# Plural lowercase generics after a list of two or more names of natural features ("the swollen
# Tarrow and Pellow rivers"): each name is a LOC, never a person (GNIS classes Stream, Lake,
# Range, Valley; see placenames.TOPONYM_GENERICS).
FEATURE_LIST_TERMS = frozenset("rivers streams lakes mountains ranges valleys".split())

# Last words of the names of laws and bills ("the Forest Conservation (Amendment) Bill", "the
# Tarrow Act (Amendment) 2024"): a name with a bracketed part before or after one of these is one
# LAW (OntoNotes 5.0: "named documents made into laws"); the model cuts it at the bracket.
LAW_HEADS = frozenset("act bill code ordinance decree regulations rules order law".split())

# Capitalised heads of rules and laws named after their author in the possessive ("Tarrow's
# Law", "Pellow's Principle", "Tarrow's Paradox"): the name is the rule's, not a person's mention.
EPONYMOUS_LAW_HEADS = frozenset("law laws principle paradox theorem razor constant conjecture".split())

# Words right before a name that only an organisation has: "shares in X", "shares of X", "a stake
# in X", "the stock of X", "analysts at X" (a bank, a broker). A name the model called a person
# or, not being a nationality, a nationality there (or elsewhere) is a company;
# "shares in Tarrowby fell" may name a market's city, so a name only ever called a place stays one.
COMPANY_CUES = frozenset({"shares in", "shares of", "stake in", "stock of", "shareholders of", "shareholders in",
                          "analysts at", "analyst at", "economists at", "economist at", "strategists at"})

# Words after a name's possessive that only a listed company has: its share price moving
# ("Tarrow's shares fell 3 percent"); a person's holding is "Ana Lind's shares in Tarrow".
SHARE_PRICE_VERBS = frozenset(
    "fell rose jumped dropped slid climbed gained tumbled surged slumped plunged soared sank rallied".split()
)

# Places written as a name and a part after a comma that together are one place, not two:
# full form -> its written variants (the US capital is in no state; "D.C." is its district).
PLACE_FULL_FORMS: dict[str, tuple[str, ...]] = {
    "Washington, D.C.": ("Washington, D.C.", "Washington D.C.", "Washington, DC", "Washington DC"),
}

# Nouns of a head of government's office after a one-word name's possessive ("Tarrow's government",
# "Tarrow's administration"): the name is that leader's surname, a person, unless it is a known
# country or region or named as a place in the article ("in Tarrow", a dateline). Not "allies" or
# "envoy" (capitals have them: "Pyongyang's allies").
LEADER_POSSESSIONS = frozenset("government administration cabinet aides".split())

# Nouns right after a name, or after a list "X and Y", that make the names a company's brands
# ("its Tarrow and Vell brands", "the Tarrow brand"): a one-word "person" there is a company,
# unless it is the surname of a person named in full in the article ("the Ana Lind ... Lind brand").
BRAND_NOUNS = frozenset({"brand", "brands"})

# Connectives after which an organisation the model ended on its head noun (NOT_NAME_ENDS,
# ORG_HEAD_NOUNS: "Party", "Commission", "Centre") goes on over the capitalised words that follow:
# "Tarrow Party for the Regions", "Centre for Vell Studies".
ORG_TAIL_CONNECTIVES = frozenset({"for", "for the"})

# Nouns after a name's possessive, with at most two words between, that only a company has:
# its parts and owners ("Tarrow's Baltic brewing arm", "Tarrow's shareholders"); a person has
# a business, a team, a factory, but no arm, division or subsidiary.
COMPANY_POSSESSIONS = frozenset("arm division subsidiary subsidiaries shareholders".split())

# Lowercase generics after "the"/"its"/a possessive and a name, with at most one lowercase word
# between ("the Tarrow gas field", "its Pellow field", "the Vell export pipeline", "at the Tarrow
# stadium"): the name is a site's -> its label. Resource sites are LOC (OntoNotes 5.0: "non-GPE
# locations"; GNIS class "Oilfield"), built structures FAC ("buildings, airports, highways,
# bridges"); never the person the model often calls an unknown one-word name. Only the resource
# rows (LOC) overrule an organisation: "the Tarrow refinery" may be named after its owner.
SITE_GENERICS: dict[str, str] = {
    "field": "LOC", "fields": "LOC", "oilfield": "LOC", "gasfield": "LOC", "deposit": "LOC",
    "pipeline": "FAC", "terminal": "FAC", "refinery": "FAC", "stadium": "FAC", "smelter": "FAC",
    "dam": "FAC", "mine": "LOC", "mines": "LOC", "desert": "LOC",  # GNIS classes Mine and Desert
    "pass": "LOC",  # GNIS class Gap ("the Pellow Pass"; SITE_GENERICS_CAPITALISED)
    "airport": "FAC",  # OntoNotes FAC; not "airports": "Tarrow Airports" is the operator
    "highway": "FAC",  # OntoNotes FAC ("highways"); not "highways": "Tarrow Highways" may be the operator
    "volcano": "LOC",  # GNIS class Summit; OntoNotes LOC ("mountain ranges")
}
# Rows that name a site only capitalised, as the name's last word ("the Pellow Pass"): lowercase,
# a pass is also a ticket or a test's result ("the Tarrow pass", "the CA pass phrase").
SITE_GENERICS_CAPITALISED = frozenset({"pass"})

# Lowercase words right before "the <Name>" or "the <Name> and (the) <Name>" that make each name a
# river's ("dams on the Tarrow and Pellow", "a weir on the Vell"), or before "<Name>" or "<Name> and
# <Name>" ("the rivers Tarrow and Pellow", "the river Vell"): a river is a LOC (OntoNotes 5.0: "bodies
# of water"; GNIS class Stream), never the organisation or place the model often calls an unknown
# one-word name. Keys: the cue; values: whether "the" follows it.
RIVER_CUES: dict[str, bool] = {
    "dam on": True, "dams on": True, "barrage on": True, "barrages on": True, "weir on": True, "weirs on": True,
    "rivers": False, "river": False,
}

# Lowercase words right before a name that make it a volcano's ("the 2022 eruption of Tarrow Vell",
# "eruptions of Tarrow and Pellow"): a volcano is a LOC (GNIS class Summit; OntoNotes 5.0 LOC:
# "mountain ranges"), never the place or organisation the model often calls an unknown name. Keys:
# the cue; values: whether "the" follows it (as RIVER_CUES). "the Tarrow volcano" is a SITE_GENERICS row.
VOLCANO_CUES: dict[str, bool] = {"eruption of": False, "eruptions of": False}

# The Solar System's planets (IAU General Assembly 2006, Resolution B5): a LOC the model gave a planet
# ("the probe flew near Mars", "near-Mars objects") stays a LOC, never the town a LOC after "in"/"near" is
# taken for (placelists.towns_not_regions); OntoNotes 5.0 GPE are countries, cities and states.
PLANETS = frozenset("Mercury Venus Earth Mars Jupiter Saturn Uranus Neptune".split())

# Combining forms and prefixes written capitalised before a hyphen and a country ("Sino-Japan
# talks", "Franco-Spain", "Pan-Africa", "Anti-France protests"): a relation or a modifier, not one
# name; any other capitalised word there that is no English word, no place and no nationality makes
# one organisation's name with the country ("Meteo-Tarrowland", a national agency: ORG).
COUNTRY_COMBINING_FORMS = frozenset(
    """anglo franco sino indo russo ethio afro euro austro italo greco hispano luso turco irano judeo nippo
    pan trans inter anti pro non ex post pre mid neo""".split()
)

# Words of a route, (opening, joining): "a pipeline from Tarrow to Pellow". The model often
# makes one span of "Tarrow to Pellow"; the two ends are two names, places when either is a
# known country or ISO 3166-2 region or a place of the article.
ROUTE_WORDS: tuple[tuple[str, str], ...] = (("from", "to"),)

# Lowercase nouns of a class of products right after a name that follows "its"/"their" or an
# owner's possessive ("its Tarrow Note phones", "Pellow's Vell handsets", "its Tarrovax pens"):
# the name is the product line's (PRODUCT) when every use of it in the article is before one
# ("Tarrow phones" alone may be the maker's); other names opening with the same word are that
# line's products too ("the Tarrow Watch and Tarrow Buds").
PRODUCT_CLASS_NOUNS = frozenset(
    """phone phones smartphone smartphones handset handsets laptop laptops tablet tablets earbuds
    headphones console consoles pens injections""".split()
)

# Verbs of selling under a name: "<drug>, sold by Tarrow as Pellovax and Vellrin," "sells it as
# Tarrovax.": a name (or two joined by "and") after "as" that ends the clause, in the same
# clause as one of these, is a PRODUCT (the brand), not the person or company the model says.
PRODUCT_SALE_VERBS = frozenset("sold sells sell selling markets marketed marketing".split())

# Legal forms written before a company's name, as wire copy keeps them: Indonesian "PT"
# (perseroan terbatas), Russian and post-Soviet "PJSC", "JSC", "OJSC", "PAO", "OAO". Source: the
# ISO 20275 Entity Legal Forms code list (GLEIF), the abbreviations of those forms. The name
# after one is a company's (ORG), the form part of it, whatever the model called the rest.
COMPANY_FORM_PREFIXES = frozenset({"PT", "PJSC", "JSC", "OJSC", "PAO", "OAO"})

# Abbreviations written before a sports club's name, as written (case matters): Football Club
# (FC, AFC), Associazione Calcio / Athletic Club (AC), Associazione Sportiva (AS), Società
# Sportiva (SS), Sportovní/Sportski klub (SK), Fudbalski/Futbalový klub (FK), Nogometni klub (NK),
# Club de Fútbol / Club Deportivo (CF, CD), Sportverein (SV), and the army clubs of the former
# Soviet bloc, Sportivny Klub Armii and its Central form (SKA, CSKA). "AC Tarrow Pellow", "FC Vell",
# "CSKA Tarrowgrad": the name after one is the club's (ORG), the abbreviation part of it, whatever
# the model said.
CLUB_PREFIXES = frozenset("FC AFC AC AS SS SK FK NK CF CD SV SKA CSKA".split())

# Prefixes of ships' names, as written (navies' and merchant: United States Ship and Naval Ship,
# His/Her Majesty's Ship and its Commonwealth forms, Indian, Pakistan and Japanese navies' ships,
# motor and research vessels): "USNS Ana Tarrow" is a ship named after a person, no person.
SHIP_PREFIXES = frozenset("USS USNS USCGC HMS HMAS HMCS HMNZS INS PNS JS MV RV".split())

# Legal forms written after a company's name, as written (case matters: "SA", not "Sa"): the
# abbreviations of ISO 20275 (Entity Legal Forms) most used in wire copy. "Tarrow SA", "Pellow
# NV": the form belongs to the name, which is a company ("ThPA SA" as written is its canonical name).
# Also Malaysian "Bhd"/"Berhad" (sendirian berhad), Japanese "KK"/"K.K." (kabushiki kaisha), the
# European company "SE" (Societas Europaea), Czech and Slovak "s.r.o." (spolecnost s rucenim
# omezenym). Not Ethiopian "S.C." (share company): AP style's South Carolina ("Tarrow S.C.").
# Also the Danish and Norwegian "A/S" (aktieselskab) and the joint-stock companies of Russia and
# Central Asia, "JSC", "OJSC" (open) and "PJSC" (public); the Thai public company limited "PCL"
# (borisat mahachon chamkat); the German "KGaA" (Kommanditgesellschaft auf Aktien); the Czech and Slovak joint-stock company "a.s." (akciová společnost,
# akciová spoločnosť) and the Polish limited company "sp. z o.o." (spółka z ograniczoną odpowiedzialnością);
# the former Yugoslav limited and joint-stock companies "d.o.o." (društvo s ograničenom odgovornošću),
# "d.d." (dioničko društvo) and "a.d." (akcionarsko društvo); the Swedish "AB" (aktiebolag), the
# Finnish "Oy" (osakeyhtiö), the Icelandic "hf." (hlutafélag) and the Omani public and closed
# joint-stock companies "SAOG" and "SAOC" (société anonyme omanaise générale / close).
# Legal forms written with or without a full stop ("Tarrow Inc" and "Tarrow Inc."): at a sentence's
# end the stop follows the article's own style (companies.sentence_end_forms).
ABBREVIATED_FORMS = frozenset("Inc Corp Co Ltd Plc Bhd".split())

# Abbreviated legal forms written after a company's name with their full stop: company ("Co."),
# corporation ("Corp.") and the East Asian "company limited" (Korean jusik hoesa, Japanese kabushiki
# kaisha and Chinese youxian gongsi in English: "Co., Ltd.", "Co. Ltd"). "Tarrow Heavy Industries Co.":
# the form belongs to the name, a company, and the name without it is its short form. Only after a
# space, never after a comma ("Tralee, Co. Kerry": an Irish county) nor before a capitalised word.
COMPANY_ABBREVIATED_SUFFIXES = frozenset({"Co.", "Corp.", "Co., Ltd.", "Co. Ltd.", "Co. Ltd"})

COMPANY_FORM_SUFFIXES = frozenset(
    "SA S.A. AG NV N.V. BV B.V. SpA S.p.A. ASA A/S Oyj Tbk PLC Plc Ltd LLC GmbH Bhd Berhad KK K.K. SE s.r.o. "
    "JSC OJSC PJSC PCL a.s. KGaA d.o.o. d.d. a.d. AB Oy hf. SAOG SAOC".split()
) | frozenset({"sp. z o.o."}) | frozenset(
    # Albanian: shoqëri me përgjegjësi të kufizuar (limited liability) and shoqëri aksionare (joint-stock)
    {"Sh.p.k.", "sh.p.k.", "Sh.a.", "sh.a."}
)

# Lowercase nouns after "the <Name>" that make the name a party's, a movement's or an armed or
# criminal group's ("the Tarrow party", "the Pellow movement", "the Vell group", "the Corran
# cartel"): an organisation, also when the model tagged nothing or called it a person or a place.
# A nationality stays one ("the Kurdish party"), and so does a common word ("the Green party").
GROUP_GENERICS = frozenset("party movement bloc group militia gang cartel".split())

# Lowercase words linking an Arabic personal name's parts (nasab: "bin", "ibn" son of, "bint"
# daughter of: "Tarik bin Pellow al-Vell"), and the article prefixes of its family name ("al-",
# "el-"). Source: the ALA-LC Romanization Tables, Arabic (Library of Congress): the article
# written "al-" joined by a hyphen, "ibn"/"bin" and "bint" in the nasab of a personal name.
ARABIC_NAME_LINKS = frozenset({"bin", "ibn", "bint"})
ARABIC_ARTICLE_PREFIXES = frozenset({"al", "el"})

# Common nouns that open Arabic names of places and buildings written "<Noun> al-<Name>": tower,
# mosque, palace, gate, house, mountain, cape, mother, market, valley, well, spring, hill, monastery,
# village, city, river ("Burj al-Tarrow", "Bab al-Pellow", "Ras al-Vell"): such a name is no person.
ARABIC_PLACE_GENERICS = frozenset(
    """burj masjid jami qasr bab dar jabal jebel ras umm souq suq wadi bir ain tell tal deir kafr
    madinat nahr khan""".split()
)

# Last words of an institution's name, never of a person's, beyond fixes.INSTITUTION_HEADS: an
# observatory and a network named after a person or a family ("the Ana Lind Observatory", "the
# Tarrow Pellow Development Network"). A span ending in one is an organisation, not a person.
INSTITUTION_HEAD_WORDS = frozenset({"observatory", "network"})

# Sports whose national governing bodies are named "<Sport> <Country>" ("Badminton Tarrowland",
# "Cycling Pellowia", as Sport England's and Australia's and New Zealand's bodies are named): such a
# name is an organisation, whatever the model made of it, never a person with a country for a surname.
SPORT_BODY_WORDS = frozenset(
    """athletics badminton basketball cricket cycling football golf gymnastics hockey netball rowing
    rugby sailing swimming tennis triathlon volleyball""".split()
)

# Lowercase nouns right after a name that make it a disease's ("Tarrow fever", "the Pellow virus",
# "the Vell epidemic", as the WHO's disease names are written: "Lassa fever", "Zika virus"): the
# name is no person, place or organisation there, and is no name the stage keeps.
DISEASE_GENERICS = frozenset({"fever", "virus", "epidemic"})
