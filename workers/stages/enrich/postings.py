"""Postings of a story index: entity key (or figure, or headline word) -> ids of the remembered
articles naming it."""

from __future__ import annotations

MAX_POSTINGS = 5000  # an entity key or figure named by more articles than this is too common to look up


class EntityPostings:
    """Inverted indexes over entity keys (all articles, and those that name no person), figures and
    headline words (evidence.headline_words hashes; counted, not looked up).

    Candidates for an article that names people come from shared persons, and from other shared
    entities only among articles naming no person (the no-person test is the other side's), or among
    all articles for a rare specific place or named event (the place test ignores who is quoted); any
    article sharing `min_figures` figures is a candidate too (the figures test ignores people)."""

    def __init__(self) -> None:
        self.all: dict[str, set[str]] = {}
        self.no_person: dict[str, set[str]] = {}
        self.figures: dict[float, set[str]] = {}
        self.headlines: dict[int, set[str]] = {}
        self.terms: dict[int, set[str]] = {}

    def add(
        self, article_id: str, keys: dict[str, float], figures: frozenset[float] = frozenset(),
        headline: frozenset[int] = frozenset(), terms: dict[int, int] | None = None,
    ) -> None:
        """Index article_id under each of its entity keys ({key: weight}; "P:" keys are persons), in the
        no-person index too when it names no person, under each of its figures, headline words and
        content-word terms (evidence.term_counts)."""
        has_person = any(k.startswith("P:") for k in keys)
        for key in keys:
            self.all.setdefault(key, set()).add(article_id)
            if not has_person:
                self.no_person.setdefault(key, set()).add(article_id)
        for figure in figures:
            self.figures.setdefault(figure, set()).add(article_id)
        for word in headline:
            self.headlines.setdefault(word, set()).add(article_id)
        for term in terms or ():
            self.terms.setdefault(term, set()).add(article_id)

    def forget(
        self, article_id: str, keys: dict[str, float], figures: frozenset[float] = frozenset(),
        headline: frozenset[int] = frozenset(), terms: dict[int, int] | None = None,
    ) -> None:
        """Remove article_id from the postings of its keys, figures, headline words and terms; postings
        left empty are dropped."""
        pairs = (
            (self.all, keys), (self.no_person, keys), (self.figures, figures), (self.headlines, headline),
            (self.terms, terms or ()),
        )
        for index, terms in pairs:
            for term in terms:
                postings = index.get(term)
                if postings is not None:
                    postings.discard(article_id)
                    if not postings:
                        del index[term]

    def entity_df(self, key: str) -> int:
        """How many remembered articles name this entity key."""
        return len(self.all.get(key, ()))

    def figure_df(self, figure: float) -> int:
        """How many remembered articles give this figure."""
        return len(self.figures.get(figure, ()))

    def headline_df(self, word: int) -> int:
        """How many remembered articles' headlines hold this word (an evidence.headline_words hash)."""
        return len(self.headlines.get(word, ()))

    def term_df(self, term: int) -> int:
        """How many remembered articles hold this content-word term (an evidence.term_counts hash)."""
        return len(self.terms.get(term, ()))

    def similar(self, vector: dict[int, float], top: int, min_shared: int, max_term_df: int) -> set[str]:
        """Ids holding at least `min_shared` of the `top` heaviest terms of a TF-IDF vector ({term:
        weight}, evidence.tfidf_vector) that at most `max_term_df` articles hold: the articles that
        could be that similar (a term many articles hold weighs little, and is not looked up)."""
        shared: dict[str, int] = {}
        for term in sorted(vector, key=lambda t: (-vector[t], t))[:top]:
            postings = self.terms.get(term, ())
            if len(postings) <= min(max_term_df, MAX_POSTINGS):
                for other in postings:
                    shared[other] = shared.get(other, 0) + 1
        return {other for other, n in shared.items() if n >= min_shared}

    def candidates(
        self, keys: dict[str, float], figures: frozenset[float] = frozenset(), min_figures: int = 2,
        max_figure_df: int = MAX_POSTINGS, specific: frozenset[str] = frozenset(), max_entity_df: int = 0,
        headline: frozenset[int] = frozenset(), max_headline_df: int = MAX_POSTINGS,
    ) -> set[str]:
        """Ids that could pass the story test with an article of these entity keys, figures and headline
        words: entity candidates (see the class docstring); whoever is quoted, the articles naming one of
        the `specific` keys (a town, a facility, a named event) that at most `max_entity_df` articles
        name whose headlines hold one of `headline`'s words that at most `max_headline_df` headlines
        hold; and ids sharing at least `min_figures` figures that at most `max_figure_df` articles
        give. Keys named by more than MAX_POSTINGS articles are skipped."""
        persons = any(k.startswith("P:") for k in keys)
        found: set[str] = set()
        for key in keys:
            index = self.no_person if persons and not key.startswith("P:") else self.all
            postings = index.get(key, ())
            if len(postings) <= MAX_POSTINGS:
                found.update(postings)
        if persons:  # without people every key is looked up among all articles above
            found.update(self._same_place(specific, max_entity_df, headline, max_headline_df))
        shared: dict[str, int] = {}
        for figure in figures:
            postings = self.figures.get(figure, ())
            if len(postings) <= min(max_figure_df, MAX_POSTINGS):
                for other in postings:
                    shared[other] = shared.get(other, 0) + 1
        found.update(other for other, n in shared.items() if n >= min_figures)
        return found

    def _same_place(
        self, specific: frozenset[str], max_entity_df: int, headline: frozenset[int], max_headline_df: int,
    ) -> set[str]:
        """Ids naming a rare specific key whose headline holds a word that is not everyday (see
        `candidates`)."""
        titled: set[str] = set()
        for word in headline:
            postings = self.headlines.get(word, ())
            if len(postings) <= min(max_headline_df, MAX_POSTINGS):
                titled.update(postings)
        found: set[str] = set()
        for key in specific if titled else ():
            postings = self.all.get(key, set())
            if len(postings) <= max_entity_df:
                found.update(postings & titled)
        return found
