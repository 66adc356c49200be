"""The invented article the page-shape probe tests build pages around, and the clean call they share."""

from workers.records import raw_record
from workers.stages.clean import clean

BODY = [
    "The county board voted 5-2 on Tuesday to build a new water treatment plant on the east bank of the river, "
    "ending a debate that has lasted nearly a decade.",
    "The plant will cost about $60 million and should be running by 2027, officials said. Rates will rise by "
    "about $4 a month for a typical household to pay for it.",
    "\"This is the most important vote this board has taken in years,\" said board chair Lena Morrow. "
    "Construction is expected to begin next spring.",
]


def cleaned(*lines: str) -> dict:
    """clean() of a text page made of `lines` (one paragraph each), fetched 2024-12-01."""
    return clean(raw_record("r", "\n\n".join(lines), fetched_at="2024-12-01T00:00:00+00:00"))
