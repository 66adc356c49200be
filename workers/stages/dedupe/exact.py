"""Exact duplicates: content hash -> the first-seen remembered article with that content."""

from __future__ import annotations

from typing import Callable


class ContentHashIndex:
    """Content hash -> id of the earliest remembered article with it, plus the later ones.

    Later ids arrive when entries are loaded (a restore) with a content already known; they stay
    so that the next one takes over when the first is forgotten. `seen_at` maps a remembered id
    to its arrival time (epoch seconds) and decides which id is first.
    """

    def __init__(self, seen_at: Callable[[str], float]) -> None:
        self._seen_at = seen_at
        self._first: dict[str, str] = {}
        self._extra: dict[str, list[str]] = {}

    def first(self, content_hash: str) -> str | None:
        """The id of the first-seen remembered article with this content hash, else None."""
        return self._first.get(content_hash)

    def add(self, content_hash: str, article_id: str, seen_at: float) -> None:
        """Remember `article_id` (arrived at `seen_at`) under `content_hash`."""
        first = self._first.get(content_hash)
        if first is None:
            self._first[content_hash] = article_id
            return
        if self._seen_at(first) > seen_at:
            self._first[content_hash], later = article_id, first
        else:
            later = article_id
        self._extra.setdefault(content_hash, []).append(later)

    def drop(self, content_hash: str, article_id: str) -> None:
        """Forget `article_id` under `content_hash`; the earliest later id, if any, becomes first.
        Call it while the other ids are still known to `seen_at`."""
        extra = self._extra.get(content_hash)
        if extra and article_id in extra:
            extra.remove(article_id)
        elif self._first.get(content_hash) == article_id:
            del self._first[content_hash]
            if extra:  # another remembered article has the same content: it becomes the first
                first = min(extra, key=self._seen_at)
                self._first[content_hash] = first
                extra.remove(first)
        if extra is not None and not extra:
            del self._extra[content_hash]
