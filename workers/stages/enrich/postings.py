"""Entity postings of a story index: entity key -> ids of the remembered articles naming it."""

from __future__ import annotations

MAX_POSTINGS = 5000  # an entity key named by more articles than this is too common to look up


class EntityPostings:
    """Two inverted indexes over entity keys: all articles, and those that name no person.

    Candidates for an article that names people come from shared persons, and from other shared
    entities only among articles naming no person (the no-person test is the other side's)."""

    def __init__(self) -> None:
        self.all: dict[str, set[str]] = {}
        self.no_person: dict[str, set[str]] = {}

    def add(self, article_id: str, keys: dict[str, float]) -> None:
        """Index article_id under each of its entity keys ({key: weight}; "P:" keys are persons), in the
        no-person index too when it names no person."""
        has_person = any(k.startswith("P:") for k in keys)
        for key in keys:
            self.all.setdefault(key, set()).add(article_id)
            if not has_person:
                self.no_person.setdefault(key, set()).add(article_id)

    def forget(self, article_id: str, keys: dict[str, float]) -> None:
        """Remove article_id from the postings of its keys; keys left with no article are dropped."""
        for index in (self.all, self.no_person):
            for key in keys:
                postings = index.get(key)
                if postings is not None:
                    postings.discard(article_id)
                    if not postings:
                        del index[key]

    def candidates(self, keys: dict[str, float]) -> set[str]:
        """Ids that could pass the story test with an article of these entity keys. Keys named by
        more than MAX_POSTINGS articles are skipped."""
        persons = any(k.startswith("P:") for k in keys)
        found: set[str] = set()
        for key in keys:
            index = self.no_person if persons and not key.startswith("P:") else self.all
            postings = index.get(key, ())
            if len(postings) <= MAX_POSTINGS:
                found.update(postings)
        return found
