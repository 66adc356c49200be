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

_APOSTROPHE_CHARS = "'\u2019\u2018\u02bc"
# UTF-8 bytes: ASCII letters/digits and every byte of a multi-byte character kept, the rest spaces
_ASCII_SPACES = bytes(c if c >= 128 or chr(c) in "abcdefghijklmnopqrstuvwxyz0123456789" else 32 for c in range(256))
_NON_ASCII = re.compile(r"[^\x00-\x7f]")

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
    """Lowercased word tokens: NFKC, apostrophes dropped inside words, other punctuation removed.

    Tokens are the runs of alphanumeric characters (`[^\\W_]+`). Implemented without a regex
    scan of the whole text: the few distinct non-ASCII characters are classified one by one,
    ASCII punctuation becomes spaces with one bytes.translate, then str.split."""
    text = unicodedata.normalize("NFKC", text).casefold()
    if not text.isascii():
        for char in set(_NON_ASCII.findall(text)):
            if char in _APOSTROPHE_CHARS:
                text = text.replace(char, "")
            elif not char.isalnum():
                text = text.replace(char, " ")
    if "'" in text:
        text = text.replace("'", "")
    return text.encode("utf-8").translate(_ASCII_SPACES).decode("utf-8").split()


def shingles(tokens: list[str], size: int) -> set[bytes]:
    """Word n-grams of `size` as bytes; a text shorter than `size` words is one shingle."""
    if not tokens:
        return set()
    if len(tokens) <= size:
        return {" ".join(tokens).encode("utf-8")}
    return {" ".join(tokens[i : i + size]).encode("utf-8") for i in range(len(tokens) - size + 1)}


# -- MinHash ---------------------------------------------------------------------------------
#
# Scheme "poly64-ms64" (MINHASH_SCHEME_VERSION 2). A shingle is the text of `size` consecutive
# tokens joined by single spaces (the whole token list when it is shorter). Its 64-bit hash is
# the polynomial hash sum(cp[j] * P**j) mod 2**64 over its Unicode code points, computed for
# every shingle at once from prefix sums, then finalised with murmur3's fmix64. MinHash value k
# is the top 32 bits of min over shingles of (A[k] * h + B[k]) mod 2**64. P, A and B come from
# blake2b of fixed labels, so signatures are identical in every process and on every machine
# (never Python's salted hash()).

MINHASH_SCHEME_VERSION = 2
_U64 = np.uint64


def _constant(label: str) -> int:
    return int.from_bytes(hashlib.blake2b(label.encode("ascii"), digest_size=8).digest(), "little")


_POLY = _constant("newsfeed/minhash/poly") | 1
_POLY_INV = pow(_POLY, -1, 1 << 64)
_SHINGLE_SALT = _U64(_constant("newsfeed/minhash/shingle"))
_FMIX1 = _U64(0xFF51AFD7ED558CCD)
_FMIX2 = _U64(0xC4CEB9FE1A85EC53)
_S33 = _U64(33)
_S32 = _U64(32)
_powers_cache: list[np.ndarray] = []


def _powers(n: int) -> tuple[np.ndarray, np.ndarray]:
    """(P**j, P**-j) mod 2**64 for j < n (grown by doubling, shared by all callers).

    A table of constants, not state: callers bound n (dedupe.MAX_SIGNATURE_WORDS), so it stays
    a few MB at most."""
    if not _powers_cache or len(_powers_cache[0]) < n:
        size = max(4096, 1 << (n - 1).bit_length())
        out = []
        for base in (_POLY, _POLY_INV):
            values = np.full(size, base, dtype=np.uint64)
            values[0] = 1
            out.append(np.multiply.accumulate(values))
        _powers_cache[:] = out
    return _powers_cache[0], _powers_cache[1]


def fmix64(k: np.ndarray) -> np.ndarray:
    """murmur3's 64-bit finaliser, vectorised (wrapping uint64 arithmetic, in place on k)."""
    k ^= k >> _S33
    k *= _FMIX1
    k ^= k >> _S33
    k *= _FMIX2
    k ^= k >> _S33
    return k


def shingle_hashes(tokens: list[str], size: int) -> np.ndarray:
    """Sorted distinct 64-bit hashes of the word n-grams of `size` (see `shingles`): the same
    sets, hashed stably; len() is the number of distinct shingles."""
    n = len(tokens)
    if not n:
        return np.empty(0, dtype=np.uint64)
    text = " ".join(tokens)
    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    m = len(points)
    forward, backward = _powers(m + 1)
    prefix = np.empty(m + 1, dtype=np.uint64)
    prefix[0] = 0
    np.cumsum(points * forward[:m], out=prefix[1:])
    lengths = np.fromiter(map(len, tokens), dtype=np.int64, count=n)
    starts = np.empty(n, dtype=np.int64)
    starts[0] = 0
    np.cumsum(lengths[:-1] + 1, out=starts[1:])
    if n <= size:
        first, end = starts[:1], np.array([m])
    else:
        first, end = starts[: n - size + 1], starts[size - 1 :] + lengths[size - 1 :]
    hashes = (prefix[end] - prefix[first]) * backward[first]
    hashes += _SHINGLE_SALT
    hashes = fmix64(hashes)
    hashes.sort()
    if len(hashes) > 1:
        hashes = hashes[np.concatenate(([True], hashes[1:] != hashes[:-1]))]
    return hashes


@functools.cache
def _permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    a = np.array([_constant(f"newsfeed/minhash/a/{k}") | 1 for k in range(num_perm)], dtype=np.uint64)
    b = np.array([_constant(f"newsfeed/minhash/b/{k}") for k in range(num_perm)], dtype=np.uint64)
    return a, b


_CHUNK = 256  # shingles per block of the (shingles x num_perm) product, to stay in cache


def minhash_values(hashes: np.ndarray, num_perm: int) -> np.ndarray:
    """MinHash signature (num_perm uint32 values) of a set given as 64-bit hashes."""
    a, b = _permutations(num_perm)
    if not len(hashes):
        raise ValueError("MinHash of an empty set")
    best = None
    for start in range(0, len(hashes), _CHUNK):
        block = np.multiply.outer(hashes[start : start + _CHUNK], a)
        block += b
        low = block.min(axis=0)
        best = low if best is None else np.minimum(best, low, out=best)
    return (best >> _S32).astype(np.uint32)


def signature_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Jaccard estimate from two full signatures: the fraction of equal hash values."""
    return float(np.count_nonzero(a == b)) / len(a)


def encode_u32(values: np.ndarray) -> str:
    """Unsigned 32-bit values as base64 of their little-endian bytes (4 bytes each): how signatures
    travel in table entries (JSON)."""
    return base64.b64encode(np.asarray(values, dtype="<u4").tobytes()).decode("ascii")


def decode_u32(text: str) -> np.ndarray:
    """The inverse of encode_u32: a uint32 array; raises binascii.Error on text that is not base64."""
    return np.frombuffer(base64.b64decode(text), dtype="<u4").astype(np.uint32)


def stem(word: str) -> str:
    """A crude plural/inflection folding so 'talks'/'talk', 'offered'/'offer' match."""
    for suffix in ("ies", "es", "s", "ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def hash32(item: str) -> int:
    """A 32-bit hash of the string's UTF-8 bytes (BLAKE2b, 4-byte digest, little-endian): stable across
    processes and Python versions, unlike hash()."""
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
