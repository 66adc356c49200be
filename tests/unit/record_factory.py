"""Article records for tests: every schema field filled, overridable by keyword."""

from __future__ import annotations

from workers.stages.clean import content_hash

PIPELINE_BEFORE = {
    "clean": (),
    "unique": ("clean", "dedupe"),
    "tagged": ("clean", "dedupe", "entities"),
}


def article_record(article_id: str, body: str, status: str = "clean", **fields) -> dict:
    """A record of an article topic (clean, unique, tagged) whose paragraphs are the body's."""
    paragraphs = [p for p in body.split("\n\n") if p.strip()] or [body]
    stages = PIPELINE_BEFORE[status] or ("clean",)
    record = {
        "schema_version": 1,
        "id": article_id,
        "status": status,
        "source": None,
        "fetched_at": None,
        "content_type": "text/plain",
        "title": None,
        "body": body,
        "paragraphs": paragraphs,
        "dateline": None,
        "byline": None,
        "published_at": None,
        "updated_at": None,
        "summary": None,
        "language": "en",
        "removed": {},
        "content_hash": content_hash(body),
        "pipeline": {stage: {"version": "test"} for stage in stages},
    }
    if status == "tagged":
        record["entities"] = []
    record.update(fields)
    return record


def restarted_index(stories, article_id: str, without: str | None = None):
    """(entry, index): the article's story-table entry (less its `without` member: an entry written before
    that member existed) loaded into a new StoryIndex, as a restarted worker loads its table."""
    from workers.stages.enrich import StoryIndex

    entry = {key: value for key, value in stories.entry(article_id).items() if key != without}
    restarted = StoryIndex()
    restarted.load(entry)
    return entry, restarted


def tagged_record(article_id: str, title: str, body: str, people: list[str], places: list[str], hour: int = 8) -> dict:
    """A tagged record naming `people` (PERSON) and `places` (GPE) where the body mentions them, fetched at
    `hour` o'clock UTC on 2024-03-01."""
    found = []
    for name, label in [(p, "PERSON") for p in people] + [(p, "GPE") for p in places]:
        start = body.find(name)
        assert start >= 0, name
        mention = {"start": start, "end": start + len(name), "text": name, "field": "body"}
        found.append({"name": name, "label": label, "count": 1, "salience": 0.5, "mentions": [mention]})
    record = article_record(
        article_id, body, "tagged", fetched_at=f"2024-03-01T{hour:02d}:00:00+00:00", entities=found
    )
    record["title"] = title
    return record
