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
  place weight mostly (`place_overlap_no_person`) named by the other.

The caller owns the `StoryIndex`, persists `entry(id)` after each article, restores with
`load(entry)` and calls `expire(before)` (dropping the returned ids from its table).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

import numpy as np

from workers.stages import similarity

STAGE = "enrich"
VERSION = "0.3"

DEFAULT_WINDOW_SECONDS = 72 * 3600.0
LABEL_WEIGHTS = {"PERSON": 3.0, "ORG": 2.0, "EVENT": 2.0, "GPE": 1.0, "LOC": 1.0, "NORP": 1.0, "FAC": 1.0}
LABEL_ALIASES = {"PER": "PERSON", "ORGANIZATION": "ORG", "LOCATION": "LOC"}
NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
NAME_PREFIXES = {"the", "mr", "mrs", "ms", "dr"}
# News agencies credited in datelines ("LIMA (Reuters) -"): every wire report shares them.
NEWS_AGENCIES = frozenset({
    "reuters", "ap", "associated press", "afp", "agence france presse", "bloomberg", "bloomberg news",
    "upi", "united press international", "dpa", "xinhua", "kyodo", "kyodo news", "yonhap", "efe",
    "ansa", "anadolu", "tass",
})
SKETCH_SIZE = 256
MAX_POSTINGS = 5000  # an entity key named by more articles than this is too common to look up


@dataclass(slots=True)
class _Member:
    story_id: str
    seen_at: float
    published: float | None
    fetched: float
    entities: dict[str, float]  # key ("P:surname", "ORG:name", ...) -> weight
    words: np.ndarray  # bottom-k sketch of content-word unigrams + bigrams
    n_words: int


def parse_time(value) -> float | None:
    """ISO 8601 date or date-time -> epoch seconds (naive means UTC); None when unparseable."""
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.timestamp()


def entity_key(name: str, label: str) -> str | None:
    label = LABEL_ALIASES.get(label.upper(), label.upper())
    tokens = similarity.words(name)
    if label != "PERSON" and " ".join(tokens) in NEWS_AGENCIES:
        return None  # the wire service of a report, not a party to the event
    while tokens and tokens[0] in NAME_PREFIXES:
        tokens = tokens[1:]
    if label == "PERSON":
        while len(tokens) > 1 and tokens[-1] in NAME_SUFFIXES:
            tokens = tokens[:-1]
        return f"P:{tokens[-1]}" if tokens else None
    return f"{label}:{' '.join(tokens)}" if tokens else None


def entity_weights(entities: list[dict]) -> dict[str, float]:
    weights: dict[str, float] = {}
    for entity in entities:
        key = entity_key(entity.get("name") or "", entity.get("label") or "")
        if key is None:
            continue
        label = "PERSON" if key.startswith("P:") else key.split(":", 1)[0]
        salience = float(entity.get("salience") or 0.0)
        weight = LABEL_WEIGHTS.get(label, 1.0) * max(salience, 0.1)
        weights[key] = round(max(weights.get(key, 0.0), weight), 4)
    return weights


def text_items(text: str, drop: frozenset[str] = frozenset()) -> set[str]:
    """Content-word unigrams and bigrams (crudely stemmed). Words in `drop` (compared raw and
    stemmed) are left out and break bigrams, so no item spans them."""
    runs: list[list[str]] = [[]]
    for w in similarity.words(text):
        if len(w) <= 2 or w in similarity.STOPWORDS or w.isdigit():
            continue
        stemmed = similarity.stem(w)
        if drop and (w in drop or stemmed in drop):
            if runs[-1]:
                runs.append([])
            continue
        runs[-1].append(stemmed)
    items: set[str] = set()
    for tokens in runs:
        items.update(tokens)
        items.update(f"{a} {b}" for a, b in zip(tokens, tokens[1:]))
    return items


def person_words(entities: list[dict]) -> frozenset[str]:
    """Words of the article's PERSON names and mention texts (and their stems and possessives),
    left out of the text items: who is named is measured by `person_share`, so the text test
    measures what happened (two events with the same people share every name)."""
    found: set[str] = set()
    for entity in entities:
        label = (entity.get("label") or "").upper()
        if LABEL_ALIASES.get(label, label) != "PERSON":
            continue
        texts = [entity.get("name") or ""] + [m.get("text") or "" for m in entity.get("mentions") or ()]
        for text in texts:
            for w in similarity.words(text):
                if len(w) > 2 and w not in similarity.STOPWORDS and w not in NAME_PREFIXES:
                    found.update((w, similarity.stem(w), w + "s"))
    return frozenset(found)


def _persons(weights: dict[str, float]) -> dict[str, float]:
    return {k: w for k, w in weights.items() if k.startswith("P:")}


def person_share(a: dict[str, float], b: dict[str, float]) -> float | None:
    """Max over the two articles of the share of its PERSON weight the other also names."""
    pa, pb = _persons(a), _persons(b)
    if not pa or not pb:
        return None
    shared = pa.keys() & pb.keys()
    return max(sum(pa[k] for k in shared) / sum(pa.values()), sum(pb[k] for k in shared) / sum(pb.values()))


def entity_overlap(a: dict[str, float], b: dict[str, float]) -> float:
    """Weighted overlap coefficient of the non-person entities."""
    oa = {k: w for k, w in a.items() if not k.startswith("P:")}
    ob = {k: w for k, w in b.items() if not k.startswith("P:")}
    if not oa or not ob:
        return 0.0
    shared = sum(min(oa[k], ob[k]) for k in oa.keys() & ob.keys())
    return shared / min(sum(oa.values()), sum(ob.values()))


PLACE_LABELS = ("GPE:", "LOC:", "FAC:")


def place_share(a: dict[str, float], b: dict[str, float]) -> float | None:
    """Min over the two articles of the share of its place (GPE/LOC/FAC) weight the other also
    names; None when either names no place. Without people, an event is what happened where: a
    second incident elsewhere that mentions the first in passing names mostly other places."""
    pa = {k: w for k, w in a.items() if k.startswith(PLACE_LABELS)}
    pb = {k: w for k, w in b.items() if k.startswith(PLACE_LABELS)}
    if not pa or not pb:
        return None
    shared = pa.keys() & pb.keys()
    return min(sum(pa[k] for k in shared) / sum(pa.values()), sum(pb[k] for k in shared) / sum(pb.values()))


class StoryIndex:
    """Recent articles with their story ids, entity weights and text sketches.

    window_seconds: max time between two articles of one story (see module docstring); also
        what the caller should pass to `expire(now - window_seconds)`.
    """

    def __init__(
        self,
        window_seconds: float = DEFAULT_WINDOW_SECONDS,
        person_overlap: float = 0.6,
        text_overlap: float = 0.2,
        same_people: float = 0.8,
        text_overlap_same_people: float = 0.15,
        text_overlap_no_person: float = 0.3,
        entity_overlap_no_person: float = 0.3,
        place_overlap_no_person: float = 0.5,
    ) -> None:
        self.window_seconds = window_seconds
        self.person_overlap = person_overlap
        self.text_overlap = text_overlap
        self.same_people = same_people
        self.text_overlap_same_people = text_overlap_same_people
        self.text_overlap_no_person = text_overlap_no_person
        self.entity_overlap_no_person = entity_overlap_no_person
        self.place_overlap_no_person = place_overlap_no_person
        self._members: dict[str, _Member] = {}
        self._postings: dict[str, set[str]] = {}  # entity key -> ids of members naming it
        self._postings_no_person: dict[str, set[str]] = {}  # the same, members naming no person

    def __len__(self) -> int:
        return len(self._members)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._members

    def story_of(self, article_id: str) -> str | None:
        member = self._members.get(article_id)
        return None if member is None else member.story_id

    # -- state ------------------------------------------------------------------------------

    def entry(self, article_id: str) -> dict:
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
        }

    def load(self, entry: dict) -> None:
        article_id = entry["id"]
        if article_id in self._members:
            self.forget(article_id)
        self._add(
            article_id,
            _Member(
                story_id=entry["story_id"],
                seen_at=float(entry["seen_at"]),
                published=entry.get("published"),
                fetched=float(entry["fetched"]),
                entities=dict(entry["entities"]),
                words=similarity.decode_u32(entry["words"]),
                n_words=int(entry["n_words"]),
            ),
        )

    def expire(self, before: float) -> list[str]:
        old = [i for i, m in self._members.items() if m.seen_at < before]
        for article_id in old:
            self.forget(article_id)
        return old

    def forget(self, article_id: str) -> None:
        member = self._members.pop(article_id)
        for index in (self._postings, self._postings_no_person):
            for key in member.entities:
                postings = index.get(key)
                if postings is not None:
                    postings.discard(article_id)
                    if not postings:
                        del index[key]

    def _add(self, article_id: str, member: _Member) -> None:
        self._members[article_id] = member
        has_person = any(k.startswith("P:") for k in member.entities)
        for key in member.entities:
            self._postings.setdefault(key, set()).add(article_id)
            if not has_person:
                self._postings_no_person.setdefault(key, set()).add(article_id)

    # -- matching ---------------------------------------------------------------------------

    def member_of(self, record: dict, now: float) -> _Member:
        entities = record.get("entities") or []
        items = text_items(
            " ".join(filter(None, [record.get("title"), record.get("body")])), person_words(entities)
        )
        fetched = parse_time(record.get("fetched_at"))
        return _Member(
            story_id=record["id"],
            seen_at=now,
            published=parse_time(record.get("published_at")),
            fetched=now if fetched is None else fetched,
            entities=entity_weights(entities),
            words=similarity.bottom_k(items, SKETCH_SIZE),
            n_words=len(items),
        )

    def _in_window(self, a: _Member, b: _Member) -> bool:
        w = self.window_seconds
        if a.published is not None and b.published is not None:
            return abs(a.published - b.published) <= w
        if a.published is None and b.published is None:
            return abs(a.fetched - b.fetched) <= w
        dated, undated = (a, b) if a.published is not None else (b, a)
        if dated.published > undated.fetched + w:
            return False  # published after the other was already fetched (+ window)
        if dated.fetched - dated.published <= w:
            # fetched promptly, so the undated article was most likely published near its fetch
            return abs(undated.fetched - dated.published) <= w
        return abs(undated.fetched - dated.fetched) <= w  # a backfill: compare fetch times

    def score(self, a: _Member, b: _Member) -> dict:
        """The pairwise evidence and the decision (for `enrich` and for explaining it)."""
        persons = person_share(a.entities, b.entities)
        text = similarity.bottom_k_overlap(a.words, a.n_words, b.words, b.n_words, SKETCH_SIZE)
        others = entity_overlap(a.entities, b.entities)
        places = place_share(a.entities, b.entities) if persons is None else None
        in_window = self._in_window(a, b)
        if persons is not None:
            # nearly the same people: somewhat less text agreement needed
            needed = self.text_overlap_same_people if persons >= self.same_people else self.text_overlap
            same = persons >= self.person_overlap and text >= needed
        else:
            # without people to agree on, the event is what happened where
            same = (
                text >= self.text_overlap_no_person
                and others >= self.entity_overlap_no_person
                and (places is None or places >= self.place_overlap_no_person)
            )
        return {
            "persons": None if persons is None else round(persons, 3),
            "text": round(text, 3),
            "entities": round(others, 3),
            "places": None if places is None else round(places, 3),
            "in_window": in_window,
            "same_story": bool(same and in_window),
            "rank": (persons or 0.0) + text + 0.5 * others,
        }

    def explain(self, a: str, b: str) -> dict:
        result = self.score(self._members[a], self._members[b])
        del result["rank"]
        return result

    def candidates(self, member: _Member) -> set[str]:
        """Members that could pass `score`: sharing a person, or (when either names no person)
        sharing another entity. Keys named by more than MAX_POSTINGS members are skipped."""
        persons = [k for k in member.entities if k.startswith("P:")]
        found: set[str] = set()
        for key in member.entities:
            if persons and not key.startswith("P:"):
                postings = self._postings_no_person.get(key, set())
            else:
                postings = self._postings.get(key, set())
            if len(postings) <= MAX_POSTINGS:
                found |= postings
        return found

    def assign(self, article_id: str, member: _Member) -> str:
        """Remember the article in the story of its best match (or a new story); its story id."""
        best: tuple[float, str] | None = None
        for other in self.candidates(member):
            if other == article_id or not self._in_window(member, self._members[other]):
                continue  # the window is the cheap test: no scoring outside it
            result = self.score(member, self._members[other])
            if result["same_story"] and (best is None or result["rank"] > best[0]):
                best = (result["rank"], other)
        member.story_id = article_id if best is None else self._members[best[1]].story_id
        self._add(article_id, member)
        return member.story_id


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
