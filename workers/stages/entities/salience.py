"""Salience of an entity within its article, in [0, 1]."""

from __future__ import annotations

TITLE_WEIGHT = 0.35
LEAD_WEIGHT = 0.25
FREQUENCY_WEIGHT = 0.40


def lead_end(body: str) -> int:
    """End of the lead: the first paragraph, at least the first 200 characters."""
    newline = body.find("\n")
    end = len(body) if newline < 0 else newline
    return max(end, min(len(body), 200))


def salience(in_title: bool, first_body_start: int | None, count: int, max_count: int, lead: int) -> float:
    """Title presence, lead presence and relative frequency, weighted (0.35, 0.25, 0.40)."""
    score = TITLE_WEIGHT * in_title
    if first_body_start is not None and first_body_start < lead:
        score += LEAD_WEIGHT
    score += FREQUENCY_WEIGHT * (count / max_count if max_count else 0.0)
    return round(min(1.0, max(0.0, score)), 4)
