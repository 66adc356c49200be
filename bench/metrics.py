"""Text-overlap metrics shared by the benches."""

from __future__ import annotations

import re
from collections import Counter

_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter:
    tokens = _TOKEN.findall(text.casefold())
    if len(tokens) < n:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def shingle_f1(predicted: str, gold: str, n: int = 4) -> tuple[float, float, float]:
    """(precision, recall, F1) of predicted vs gold on multisets of n-word shingles
    (casefolded \\w+ tokens). Two empty texts score 1.0."""
    pred, ref = shingles(predicted or "", n), shingles(gold or "", n)
    if not pred and not ref:
        return 1.0, 1.0, 1.0
    overlap = sum((pred & ref).values())
    precision = overlap / sum(pred.values()) if pred else 0.0
    recall = overlap / sum(ref.values()) if ref else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
