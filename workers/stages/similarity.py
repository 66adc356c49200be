"""Text normalisation, word shingles, MinHash signatures and compact set sketches.

Shared by the dedupe stage (near-duplicate bodies) and the enrich stage (story grouping).
Everything here is deterministic across processes (no `hash()`), so signatures written to a
changelog by one worker compare equal to signatures computed by another after a restart.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
import unicodedata
from typing import Iterable

import numpy as np
from datasketch import LeanMinHash, MinHash

MINHASH_SEED = 1
MINHASH_SCHEME = "affine32"  # datasketch >= 2: uint32 hash values
_WORD = re.compile(r"[^\W_]+")
_APOSTROPHES = str.maketrans("", "", "'\u2019\u2018\u02bc")

# Function words that carry no topic; used only for story text similarity, never for dedupe.
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it its
    itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them themselves
    then there these they this those through to too under until up very was we were what when where
    which while who whom why will with would you your yours yourself yourselves said says say told
    mr mrs ms one two new us""".split()
)


def words(text: str) -> list[str]:
    """Lowercased word tokens: NFKC, apostrophes dropped inside words, other punctuation removed."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_APOSTROPHES)
    return _WORD.findall(text)


def shingles(tokens: list[str], size: int) -> set[bytes]:
    """Word n-grams of `size` as bytes; a text shorter than `size` words is one shingle."""
    if not tokens:
        return set()
    if len(tokens) <= size:
        return {" ".join(tokens).encode("utf-8")}
    return {" ".join(tokens[i : i + size]).encode("utf-8") for i in range(len(tokens) - size + 1)}


@functools.cache
def _permutations(num_perm: int) -> tuple:
    return MinHash(num_perm=num_perm, seed=MINHASH_SEED, scheme=MINHASH_SCHEME).permutations


def minhash(items: Iterable[bytes], num_perm: int) -> LeanMinHash:
    """MinHash signature (uint32 hash values) of a set of byte strings."""
    m = MinHash(
        num_perm=num_perm,
        seed=MINHASH_SEED,
        permutations=_permutations(num_perm),
        scheme=MINHASH_SCHEME,
    )
    m.update_batch(list(items))
    return LeanMinHash(m)


def minhash_from_values(values: np.ndarray) -> LeanMinHash:
    return LeanMinHash(seed=MINHASH_SEED, hashvalues=values, scheme=MINHASH_SCHEME)


def signature_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Jaccard estimate from two full signatures: the fraction of equal hash values."""
    return float(np.count_nonzero(a == b)) / len(a)


def encode_u32(values: np.ndarray) -> str:
    return base64.b64encode(np.asarray(values, dtype="<u4").tobytes()).decode("ascii")


def decode_u32(text: str) -> np.ndarray:
    return np.frombuffer(base64.b64decode(text), dtype="<u4").astype(np.uint32)


def stem(word: str) -> str:
    """A crude plural/inflection folding so 'talks'/'talk', 'offered'/'offer' match."""
    for suffix in ("ies", "es", "s", "ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def content_words(text: str) -> set[str]:
    """Distinct topic-bearing words: no stopwords, no 1-2 letter tokens, no bare numbers."""
    return {stem(w) for w in words(text) if len(w) > 2 and w not in STOPWORDS and not w.isdigit()}


def hash32(item: str) -> int:
    return int.from_bytes(hashlib.blake2b(item.encode("utf-8"), digest_size=4).digest(), "little")


def bottom_k(items: Iterable[str], k: int) -> np.ndarray:
    """Bottom-k sketch: the k smallest 32-bit hashes of a set (exact for sets of <= k items)."""
    hashes = np.unique(np.fromiter((hash32(i) for i in items), dtype=np.uint32))
    return hashes[:k]


def bottom_k_overlap(a: np.ndarray, na: int, b: np.ndarray, nb: int, k: int) -> float:
    """Overlap coefficient |A & B| / min(|A|, |B|) estimated from two bottom-k sketches.

    `na`, `nb` are the true set sizes. When both sets fit in k the answer is exact; otherwise
    the Jaccard of the union's bottom-k is scaled to an intersection size.
    """
    if not na or not nb:
        return 0.0
    if na <= k and nb <= k:
        return len(np.intersect1d(a, b, assume_unique=True)) / min(na, nb)
    union = np.union1d(a, b)[:k]
    both = np.intersect1d(np.intersect1d(a, b, assume_unique=True), union, assume_unique=True)
    jaccard = len(both) / len(union) if len(union) else 0.0
    inter = jaccard * (na + nb) / (1.0 + jaccard)
    return min(1.0, inter / min(na, nb))
