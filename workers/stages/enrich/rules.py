"""The story decision for one pair of articles: the time window and the evidence thresholds.

`StoryRules` holds the thresholds (see the package docstring for what each one means) and decides
`same_story` from the evidence functions in `evidence`; it keeps no state.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from workers.stages import similarity
from workers.stages.enrich.evidence import (
    cosine, entity_overlap, person_shares, place_share, specific_keys, time_decay,
)

DEFAULT_WINDOW_SECONDS = 72 * 3600.0
NEWS_DAY_SECONDS = 24 * 3600.0  # reports of one event by the same people come within a day of each other
SKETCH_SIZE = 256  # bottom-k sketch size of an article's content-word items


@dataclass(slots=True)
class Member:
    """What a story index remembers of one article (times in epoch seconds)."""

    story_id: str
    seen_at: float
    published: float | None
    fetched: float
    entities: dict[str, float]  # key ("P:surname", "ORG:name", ...) -> weight
    words: np.ndarray  # bottom-k sketch of content-word unigrams + bigrams
    n_words: int
    figures: frozenset[float] = frozenset()  # evidence.figures of title + body
    headline: frozenset[int] = frozenset()  # evidence.headline_words of the title
    terms: dict[int, int] = field(default_factory=dict)  # evidence.term_counts of title + body


@dataclass(frozen=True, slots=True)
class StoryRules:
    """Thresholds of the pairwise story test; shares and overlaps are in [0, 1]."""

    window_seconds: float = DEFAULT_WINDOW_SECONDS
    person_overlap: float = 0.6
    text_overlap: float = 0.2
    same_people: float = 0.8
    text_overlap_same_people: float = 0.15
    text_overlap_no_person: float = 0.3
    entity_overlap_no_person: float = 0.3
    place_overlap_no_person: float = 0.5
    shared_figures: int = 2
    text_overlap_figures: float = 0.12
    common_figure_articles: int = 50  # a figure given by more remembered articles is everyday ("10", "100")
    text_overlap_place: float = 0.09
    rare_entity_articles: int = 20  # a place or named event more remembered articles name is not specific
    common_headline_articles: int = 50  # a headline word more remembered headlines hold is everyday
    same_people_seconds: float = NEWS_DAY_SECONDS  # the same people further apart: another matter of theirs
    text_overlap_later: float = 0.25  # ... unless a figure agrees or this much text does
    tfidf_similarity: float = 0.28  # whoever is quoted: TF-IDF cosine x time decay at least this
    tfidf_decay_seconds: float = NEWS_DAY_SECONDS  # the decay's scale (Gaussian: 0.61 a news day apart)
    tfidf_top_terms: int = 10  # candidates for the TF-IDF test hold at least
    tfidf_shared_terms: int = 2  # ... this many of an article's heaviest terms
    rare_term_articles: int = 50  # ... that at most this many remembered articles hold

    def apart(self, a: Member, b: Member) -> float:
        """Seconds between two articles' publication: published_at when both have it, fetch times when
        neither does; an undated article counts as published at its fetch when the dated one was fetched
        within the window of its publication, else (a backfill) fetch times are compared. Infinite when
        the dated one was published more than the window after the undated one was fetched."""
        w = self.window_seconds
        if a.published is not None and b.published is not None:
            return abs(a.published - b.published)
        if a.published is None and b.published is None:
            return abs(a.fetched - b.fetched)
        dated, undated = (a, b) if a.published is not None else (b, a)
        if dated.published > undated.fetched + w:
            return float("inf")  # published after the other was already fetched (+ window)
        if dated.fetched - dated.published <= w:
            # fetched promptly, so the undated article was most likely published near its fetch
            return abs(undated.fetched - dated.published)
        return abs(undated.fetched - dated.fetched)  # a backfill: compare fetch times

    def in_window(self, a: Member, b: Member) -> bool:
        """Whether two articles are close enough in time to be one story (`apart` <= the window)."""
        return self.apart(a, b) <= self.window_seconds

    def same_event(
        self, persons: float | None, text: float, others: float, places: float | None, figures: int = 0,
        persons_both: float | None = None, specific: int = 0, headline: bool = False, apart: float = 0.0,
        tfidf: float = 0.0,
    ) -> bool:
        """The evidence test (time aside): the same people and text, or without people the same
        text, entities and places; whoever is quoted, the same figures and some text; quoting
        different people, the same rare specific place or named event, a headline word and some text.

        persons / persons_both: the larger / smaller of the two articles' shares of their PERSON
        weight the other names (persons_both defaults to persons); figures: how many figures
        (evidence.figures) both give; specific: how many rare specific places and named events
        (`specific_of`) both name; headline: whether their headlines share a word of what happened
        (evidence.headline_words); apart: seconds between them (`apart`): the same people more than
        `same_people_seconds` apart need a figure in common or `text_overlap_later` of text (an official's
        next matter, a day or two later, is told with the same names and some of the same words); tfidf:
        their TF-IDF cosine times the time decay (`tfidf_of`), enough alone at `tfidf_similarity`."""
        if tfidf >= self.tfidf_similarity:
            return True  # the same rare words, close in time, whoever is quoted (Miranda et al. 2018)
        if figures >= self.shared_figures and text >= self.text_overlap_figures:
            return True  # two reports citing the same counts and amounts, whoever they quote
        if persons is not None and persons < self.person_overlap:
            # reports quoting different people: the same small town (plant, named storm) and what
            # happened there. Not for the same people (another matter of theirs) nor without
            # people (the no-person test below decides by places)
            return specific >= 1 and headline and text >= self.text_overlap_place
        if persons is not None:
            both = persons if persons_both is None else persons_both
            # nearly the same people, and each article's people (or a figure) shared by the other:
            # somewhat less text agreement needed. Not when the other article is mostly about
            # someone else (a minister's announcement, and another event the minister is quoted on)
            agree = persons >= self.same_people and (both >= self.person_overlap or figures >= 1)
            needed = self.text_overlap_same_people if agree else self.text_overlap
            if apart > self.same_people_seconds and figures < 1:
                needed = max(needed, self.text_overlap_later)
            return persons >= self.person_overlap and text >= needed
        # without people to agree on, the event is what happened where
        return (
            text >= self.text_overlap_no_person
            and others >= self.entity_overlap_no_person
            and (places is None or places >= self.place_overlap_no_person)
        )

    def shared_figures_of(self, a: Member, b: Member, figure_df: Callable[[float], int] | None = None) -> int:
        """How many figures both articles give, leaving out those more than `common_figure_articles`
        remembered articles give (`figure_df`: figure -> number of articles; None counts every figure)."""
        return _rare_count(a.figures & b.figures, figure_df, self.common_figure_articles)

    def specific_of(self, a: Member, b: Member, entity_df: Callable[[str], int] | None = None) -> int:
        """How many specific places and named events (evidence.specific_keys) both articles name, leaving
        out those more than `rare_entity_articles` remembered articles name (`entity_df`: key ->
        number of articles; None counts every key)."""
        return _rare_count(specific_keys(a.entities, b.entities), entity_df, self.rare_entity_articles)

    def shared_headline_of(self, a: Member, b: Member, headline_df: Callable[[int], int] | None = None) -> bool:
        """Whether both headlines hold a word (evidence.headline_words) that at most
        `common_headline_articles` remembered headlines hold (`headline_df`: word -> number of
        articles; None counts every word)."""
        return _rare_count(a.headline & b.headline, headline_df, self.common_headline_articles) > 0

    def tfidf_of(self, a: dict[int, float], b: dict[int, float], apart: float) -> float:
        """The TF-IDF cosine of two articles' vectors (evidence.tfidf_vector) times the Gaussian decay of
        the `apart` seconds between them (evidence.time_decay at `tfidf_decay_seconds`), as Miranda et
        al., "Multilingual Clustering of Streaming News" (EMNLP 2018), weigh time."""
        return cosine(a, b) * time_decay(apart, self.tfidf_decay_seconds) if a and b else 0.0

    def score(
        self, a: Member, b: Member, figure_df: Callable[[float], int] | None = None,
        entity_df: Callable[[str], int] | None = None, headline_df: Callable[[int], int] | None = None,
        vectors: tuple[dict[int, float], dict[int, float]] | None = None,
    ) -> dict:
        """The pairwise evidence and the decision: {persons, persons_both, text, entities, places,
        figures, specific, headline, in_window, same_story, rank} (shares rounded to 3 places,
        figures a count of shared figures that are not everyday, see `shared_figures_of`, specific
        a count of rare specific places and named events, see `specific_of`; headline whether the
        headlines share a word that is not everyday, see `shared_headline_of`; rank orders the
        matches of one article; tfidf the decayed TF-IDF cosine of the two articles' `vectors`
        (evidence.tfidf_vector), see `tfidf_of`, 0 without them)."""
        shares = person_shares(a.entities, b.entities)
        persons, persons_both = (None, None) if shares is None else (max(shares), min(shares))
        text = similarity.bottom_k_overlap(a.words, a.n_words, b.words, b.n_words, SKETCH_SIZE)
        others = entity_overlap(a.entities, b.entities)
        places = place_share(a.entities, b.entities) if persons is None else None
        figures = self.shared_figures_of(a, b, figure_df)
        specific = self.specific_of(a, b, entity_df)
        headline = self.shared_headline_of(a, b, headline_df)
        apart = self.apart(a, b)
        in_window = apart <= self.window_seconds
        tfidf = 0.0
        if vectors is not None and in_window:
            tfidf = self.tfidf_of(*vectors, apart)
        return {
            "persons": None if persons is None else round(persons, 3),
            "persons_both": None if persons_both is None else round(persons_both, 3),
            "text": round(text, 3),
            "entities": round(others, 3),
            "places": None if places is None else round(places, 3),
            "figures": figures,
            "specific": specific,
            "headline": headline,
            "tfidf": round(tfidf, 3),
            "in_window": in_window,
            "same_story": bool(
                in_window
                and self.same_event(
                    persons, text, others, places, figures, persons_both, specific, headline, apart, tfidf,
                )
            ),
            "rank": (persons or 0.0) + text + 0.5 * others,
        }


def _rare_count(shared, df: Callable | None, limit: int) -> int:
    """How many of the `shared` items (figures, entity keys, headline words) at most `limit` remembered
    articles hold (`df`: item -> number of articles; None counts every item)."""
    return len(shared) if df is None else sum(1 for item in shared if df(item) <= limit)
