"""Enrich stage: a tagged article -> the enriched record, with the story it belongs to.

A story is a set of distinct (non-duplicate) articles reporting the same event. A new article
joins the story of the best-matching remembered article when, pairwise:

* their times are within `window_seconds`: published_at when both have it, else fetch times. An
  undated article is taken as published near its fetch when the dated one was fetched promptly
  (within the window of its publication), and compared by fetch times when the dated one is a
  backfill; an article's publication cannot be later than the other's fetch + window;
* they are about the same people: the salience-weighted share of either article's PERSON mass
  that the other also names is >= `person_overlap` (persons are matched by surname, so
  "Jane Q. Public" and "Public" agree). Two reports of one meeting name the same
  actors; a later meeting on the same topic usually has at least one different principal;
* their text agrees: overlap coefficient of content-word unigrams+bigrams >= `text_overlap`, with
  the words of PERSON names left out (who is named is the test above; the text must agree on
  what happened, so the same people at another event do not pass on their names). When either
  side names no person: stricter `text_overlap_no_person`, shared ORG/GPE/... entities (news
  agencies ignored) >= `entity_overlap_no_person`, and, when both name places, each article's
  place weight mostly (`place_overlap_no_person`) named by the other. The relaxed
  `text_overlap_same_people` (people share >= `same_people`) applies only when each article's
  people are also mostly (`person_overlap`) named by the other, or they share a figure. The same
  people more than `same_people_seconds` (a news day) apart need a figure in common or text overlap
  >= `text_overlap_later`: an official's next matter a day or two later names the same people and
  repeats some of the words of the first (which it often mentions in passing);

or, whoever they quote (reports of one event often quote different people: a wire story an
official, a feature a survivor):

* they give at least `shared_figures` of the same figures (`evidence.figures`: counts and amounts
  >= 10, not years, dates or clock times) and their text overlap is >= `text_overlap_figures`.
  A figure that more than `common_figure_articles` remembered articles give ("10", "100") is
  everyday, not evidence (its count comes from the figure postings, rebuilt with the entries).

or, when they quote different people (each names people, persons share < `person_overlap`):

* they name the same specific place or event (`evidence.specific_keys`: a town, a district, a
  facility, a named storm; not a country, capital, state or world region), named by at most
  `rare_entity_articles` remembered articles, their headlines share a word of what happened
  (`evidence.headline_words`: "eruption", "derailment", "recall"; a word that more than
  `common_headline_articles` remembered headlines hold, "police", "court", is everyday) and their
  text overlap is >= `text_overlap_place`. The headline words are kept in the table entries (older
  entries load without them and never pass this test); the counts come from the postings.

or, whoever they quote (Miranda et al., "Multilingual Clustering of Streaming News", EMNLP 2018):

* the cosine of their TF-IDF vectors (`evidence.term_counts`: the TERMS_KEPT most frequent stemmed
  content words of title and body; sublinear tf, idf from the articles the index remembers) times a
  Gaussian decay of the time between them (scale `tfidf_decay_seconds`, a news day) is >=
  `tfidf_similarity`. Only articles holding `tfidf_shared_terms` of the new article's `tfidf_top_terms`
  heaviest terms that at most `rare_term_articles` remembered articles hold are tested (the term
  postings). The terms are kept in the table entries (older entries load without them and never pass).

Modules: `evidence` (the pairwise shares, figures and their tables), `rules` (thresholds, window,
decision), `postings` (entity and figure inverted indexes), `core` (the index and the stage function).

The caller owns the `StoryIndex`, persists `entry(id)` after each article, restores with
`load(entry)` and calls `expire(before)` (dropping the returned ids from its table).
"""

from __future__ import annotations

from dataclasses import replace

from workers.stages import similarity
from workers.stages.enrich.evidence import (
    broad_places, entity_weights, figures, headline_words, is_specific, parse_time, person_words, term_counts,
    text_items, tfidf_vector,
)
from workers.stages.enrich.postings import EntityPostings
from workers.stages.enrich.rules import DEFAULT_WINDOW_SECONDS, SKETCH_SIZE, Member, StoryRules

STAGE = "enrich"
VERSION = "0.5"


def warm() -> None:
    """Build the story rules' lazy tables now (evidence.broad_places: pycountry's subdivisions and the
    entities stage's country and capital tables, about 2 s with its imports), so the worker pays it at
    start, not on the first article that names a place."""
    broad_places()


class StoryIndex:
    """Recent articles with their story ids, entity weights and text sketches.

    window_seconds: max time between two articles of one story (see module docstring); also
        what the caller should pass to `expire(now - window_seconds)`. Other keyword arguments are
        `StoryRules` thresholds.
    """

    def __init__(self, window_seconds: float = DEFAULT_WINDOW_SECONDS, **thresholds: float) -> None:
        self.rules = StoryRules(window_seconds=window_seconds, **thresholds)
        self.postings = EntityPostings()
        self._members: dict[str, Member] = {}

    @property
    def window_seconds(self) -> float:
        """How far apart (seconds) two articles of one story may be published."""
        return self.rules.window_seconds

    def __len__(self) -> int:
        return len(self._members)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._members

    def story_of(self, article_id: str) -> str | None:
        """The story id of a remembered article, None when the index does not hold it."""
        member = self._members.get(article_id)
        return None if member is None else member.story_id

    # -- state ------------------------------------------------------------------------------

    def entry(self, article_id: str) -> dict:
        """The table entry of a remembered article (plain JSON-able dict; `load` reads it back)."""
        m = self._members[article_id]
        return {
            "id": article_id,
            "story_id": m.story_id,
            "seen_at": m.seen_at,
            "published": m.published,
            "fetched": m.fetched,
            "entities": m.entities,
            "words": similarity.encode_u32(m.words),
            "n_words": m.n_words,
            "figures": sorted(m.figures),
            "headline": sorted(m.headline),
            "terms": sorted(m.terms.items()),
        }

    def load(self, entry: dict) -> None:
        """Remember an article from its table entry (replacing any entry of the same id)."""
        if entry["id"] in self._members:
            self.forget(entry["id"])
        self._add(
            entry["id"],
            Member(
                story_id=entry["story_id"],
                seen_at=float(entry["seen_at"]),
                published=entry.get("published"),
                fetched=float(entry["fetched"]),
                entities=dict(entry["entities"]),
                words=similarity.decode_u32(entry["words"]),
                n_words=int(entry["n_words"]),
                figures=frozenset(float(f) for f in entry.get("figures") or ()),  # none in older entries
                headline=frozenset(int(h) for h in entry.get("headline") or ()),  # none in older entries
                terms={int(t): int(c) for t, c in entry.get("terms") or ()},  # none in older entries
            ),
        )

    def expire(self, before: float) -> list[str]:
        """Forget articles seen before `before` (epoch seconds); their ids."""
        old = [i for i, m in self._members.items() if m.seen_at < before]
        for article_id in old:
            self.forget(article_id)
        return old

    def forget(self, article_id: str) -> None:
        """Drop a remembered article and its entity postings; KeyError when it is not held."""
        member = self._members.pop(article_id)
        self.postings.forget(article_id, member.entities, member.figures, member.headline, member.terms)

    def _add(self, article_id: str, member: Member) -> None:
        self._members[article_id] = member
        self.postings.add(article_id, member.entities, member.figures, member.headline, member.terms)

    # -- matching ---------------------------------------------------------------------------

    def member_of(self, record: dict, now: float) -> Member:
        """What the index would remember of a tagged record seen at `now` (epoch seconds)."""
        entities = record.get("entities") or []
        text = " ".join(filter(None, [record.get("title"), record.get("body")]))
        items = text_items(text, person_words(entities))
        fetched = parse_time(record.get("fetched_at"))
        return Member(
            story_id=record["id"],
            seen_at=now,
            published=parse_time(record.get("published_at")),
            fetched=now if fetched is None else fetched,
            entities=entity_weights(entities),
            words=similarity.bottom_k(items, SKETCH_SIZE),
            n_words=len(items),
            figures=figures(text),
            headline=headline_words(record.get("title"), entities),
            terms=term_counts(text),
        )

    def vector(self, member: Member) -> dict[int, float]:
        """An article's TF-IDF vector (evidence.tfidf_vector), document frequencies from the index."""
        return tfidf_vector(member.terms, self.postings.term_df, len(self._members))

    def score(self, a: Member, b: Member, tfidf: bool = True, a_vector: dict[int, float] | None = None) -> dict:
        """The pairwise evidence and the decision (see `StoryRules.score`); `tfidf` False leaves the
        TF-IDF test out (0), `a_vector` is a's vector when already computed."""
        postings = self.postings
        vectors = (self.vector(a) if a_vector is None else a_vector, self.vector(b)) if tfidf else None
        return self.rules.score(a, b, postings.figure_df, postings.entity_df, postings.headline_df, vectors)

    def explain(self, a: str, b: str) -> dict:
        """The evidence between two remembered articles, without the internal rank."""
        result = self.score(self._members[a], self._members[b])
        del result["rank"]
        return result

    def assign(self, article_id: str, member: Member) -> str:
        """Remember the article in the story of its best match (or a new story); its story id."""
        best: tuple[float, str] | None = None
        rules = self.rules
        found = self.postings.candidates(
            member.entities, member.figures, rules.shared_figures, rules.common_figure_articles,
            frozenset(filter(is_specific, member.entities)), rules.rare_entity_articles,
            member.headline, rules.common_headline_articles,
        )
        vector = self.vector(member)
        similar = self.postings.similar(vector, rules.tfidf_top_terms, rules.tfidf_shared_terms, rules.rare_term_articles)
        for other in sorted(found | similar):  # in id order: a tie in rank goes the same way in every process
            if other == article_id or not self.rules.in_window(member, self._members[other]):
                continue  # the window is the cheap test: no scoring outside it
            result = self.score(member, self._members[other], other in similar, vector)
            if result["same_story"] and (best is None or result["rank"] > best[0]):
                best = (result["rank"], other)
        story_id = article_id if best is None else self._members[best[1]].story_id
        self._add(article_id, replace(member, story_id=story_id))
        return story_id


def enrich(record: dict, stories: StoryIndex, now: float) -> dict:
    """A tagged record -> the enriched record; remembers it in `stories`.

    The same id again (a redelivery) keeps its story id.
    """
    enriched = {
        **record,
        "status": "enriched",
        "duplicate_of": None,
        "pipeline": {**record["pipeline"], STAGE: {"version": VERSION}},
    }
    story_id = stories.story_of(record["id"])
    if story_id is None:
        # Last, so a record that fails above is never half-remembered.
        story_id = stories.assign(record["id"], stories.member_of(record, now))
    enriched["story_id"] = story_id
    return enriched
