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
