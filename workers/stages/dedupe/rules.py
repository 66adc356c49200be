"""The near-duplicate decision for one pair of articles, and the LSH banding that finds the pairs.

`NearRule` holds the thresholds and decides `is_near` from a Jaccard estimate and the two
shingle counts; `choose_bands` sizes the LSH bands so that no pair the rule could call near is
missed (beyond `LSH_MISS_PROBABILITY`). Both keep no state.

Banding: Leskovec, Rajaraman, Ullman, "Mining of Massive Datasets", ch. 3.4 (a pair of Jaccard s
shares at least one of b bands of r rows with probability 1 - (1 - s^r)^b).
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_THRESHOLD = 0.7
DEFAULT_NUM_PERM = 128
DEFAULT_SHINGLE_SIZE = 3
DEFAULT_CONTAINMENT = 0.9
CONTAINMENT_JACCARD_MARGIN = 0.1
# Words of a body that make its signature: far beyond any article, and it bounds the hashing
# tables of `similarity` (a page of pasted logs must not make them grow without limit).
MAX_SIGNATURE_WORDS = 50_000
LSH_MISS_PROBABILITY = 0.001  # at the lowest Jaccard that can still be a near duplicate


def choose_bands(num_perm: int, lowest: float, miss: float = LSH_MISS_PROBABILITY) -> tuple[int, int]:
    """(bands, rows): the most rows per band (fewest chance candidates) such that two sets of
    Jaccard `lowest` share no band with probability <= `miss`.

    num_perm: signature length (>= 1); lowest: a Jaccard, clamped to [0.01, 1]; miss: a
    probability in (0, 1). bands * rows <= num_perm always; (num_perm, 1) when no larger row
    count meets `miss`."""
    lowest = min(max(lowest, 0.01), 1.0)
    best = (num_perm, 1)
    for rows in range(1, num_perm + 1):
        bands = num_perm // rows
        if (1.0 - lowest**rows) ** bands <= miss:
            best = (bands, rows)
        else:
            break
    return best


@dataclass(frozen=True, slots=True)
class NearRule:
    """When two bodies are near duplicates, from their shingle-set Jaccard and sizes.

    threshold: Jaccard in (0, 1] at or above which two bodies are near duplicates.
    containment: also near when the smaller shingle set is at least this share contained in the
        other and the Jaccard is within CONTAINMENT_JACCARD_MARGIN of the threshold (an article
        re-sent with a paragraph added or dropped, or with leftover page chrome); None disables it.
    Raises ValueError for a threshold outside (0, 1].
    """

    threshold: float = DEFAULT_THRESHOLD
    containment: float | None = DEFAULT_CONTAINMENT

    def __post_init__(self) -> None:
        if not 0.0 < self.threshold <= 1.0:
            raise ValueError("threshold must be in (0, 1]")

    @property
    def lowest(self) -> float:
        """The lowest Jaccard that can still be near (what LSH must not miss)."""
        if self.containment is None:
            return self.threshold
        return self.threshold - CONTAINMENT_JACCARD_MARGIN

    def is_near(self, jaccard: float, shingles_a: int, shingles_b: int) -> bool:
        """Near duplicates? jaccard: estimated Jaccard of the two shingle sets in [0, 1];
        shingles_a, shingles_b: the sets' sizes (0 = unknown, which disables containment).

        Containment from Jaccard: |A & B| = J (|A| + |B|) / (1 + J), divided by min(|A|, |B|)."""
        if jaccard >= self.threshold:
            return True
        if self.containment is None or not shingles_a or not shingles_b:
            return False
        if jaccard < self.threshold - CONTAINMENT_JACCARD_MARGIN:
            return False
        shared = jaccard * (shingles_a + shingles_b) / (1.0 + jaccard)
        return shared / min(shingles_a, shingles_b) >= self.containment
