"""One terminal outcome per article id: the tally that `newsfeed verify` and the fault suite share.

Every expected id must end with exactly one terminal outcome (an enriched record, a duplicate
record or a dead letter), the expected one, however many times an at-least-once pipeline
delivers it. `tally` groups observed outcomes by id and sorts each expected id into exactly one
of: lost (no outcome), conflicting (two or more different outcomes), wrong (one outcome, not the
expected one) or ok (the expected one, possibly delivered more than once). Callers decide what
an outcome is (its comparable key) and which of these fail their check.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Generic, Hashable, Iterable, Mapping, TypeVar

T = TypeVar("T")  # an observed outcome record, as the caller reads it
K = TypeVar("K", bound=Hashable)  # its comparable key (what must agree across deliveries)


@dataclass
class Tally(Generic[T, K]):
    """The observed outcomes of the expected ids, sorted by verdict.

    seen: id -> every observed outcome of it, in arrival order (expected ids only).
    keys: id -> its distinct outcome keys, in order of first arrival.
    strays: outcomes of ids not expected, in arrival order.
    lost: expected ids without an outcome; conflicting: id -> its distinct keys (>= 2);
    wrong: id -> (expected key, the one key seen); ok: ids with exactly the expected key.
    Id lists follow the order of `expected`.
    """

    seen: dict[str, list[T]] = field(default_factory=dict)
    keys: dict[str, list[K]] = field(default_factory=dict)
    strays: list[T] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
    conflicting: dict[str, list[K]] = field(default_factory=dict)
    wrong: dict[str, tuple[K | None, K]] = field(default_factory=dict)
    ok: list[str] = field(default_factory=list)

    def deliveries(self, article_id: str) -> int:
        """How many outcome records of an expected id were observed (0 when lost)."""
        return len(self.seen.get(article_id, ()))

    def repeated(self) -> list[str]:
        """Ok ids delivered more than once (at-least-once redeliveries of the same outcome)."""
        return [i for i in self.ok if len(self.seen[i]) > 1]


def tally(
    expected: Mapping[str, K | None],
    observed: Iterable[T],
    id_of: Callable[[T], str | None],
    key_of: Callable[[T], K],
) -> Tally[T, K]:
    """Group `observed` outcomes by `id_of` and judge every id of `expected` (id -> the key its
    outcome must have; None when nothing is known, so any outcome is wrong).

    An outcome whose id is None or not in `expected` is a stray. Keys are compared with ==;
    the order of `observed` decides only the order inside `seen` and `keys`."""
    result: Tally[T, K] = Tally()
    for outcome in observed:
        article_id = id_of(outcome)
        if article_id is None or article_id not in expected:
            result.strays.append(outcome)
            continue
        result.seen.setdefault(article_id, []).append(outcome)
        distinct = result.keys.setdefault(article_id, [])
        key = key_of(outcome)
        if key not in distinct:
            distinct.append(key)
    for article_id, want in expected.items():
        distinct = result.keys.get(article_id)
        if not distinct:
            result.lost.append(article_id)
        elif len(distinct) > 1:
            result.conflicting[article_id] = distinct
        elif distinct[0] != want:
            result.wrong[article_id] = (want, distinct[0])
        else:
            result.ok.append(article_id)
    return result
