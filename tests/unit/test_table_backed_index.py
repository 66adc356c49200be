"""The agents' state holder: an index mirrored in a table, rebuilt from it, bounded by retention."""

from __future__ import annotations

from record_factory import article_record
from workers.state import TableBackedIndex
from workers.pipeline import dedupe_index
from workers.settings import Settings
from workers.stages.dedupe import dedupe

BODY = (
    "The city council approved the new budget on Tuesday after a long debate about road repairs, "
    "school funding and the future of the central library, which has been closed since spring."
)


def clean_record(article_id: str, body: str = BODY) -> dict:
    return article_record(article_id, body)


def holder(table: dict, retention: float = 100.0) -> TableBackedIndex:
    return TableBackedIndex(table, lambda: dedupe_index(Settings()), retention_seconds=retention)


def test_a_new_holder_rebuilds_what_the_table_remembers():
    table: dict = {}
    first = holder(table)
    assert dedupe(clean_record("a"), first.current(), now=1.0)["status"] == "unique"
    first.remember("a")

    second = holder(table)
    verdict = dedupe(clean_record("b"), second.current(), now=2.0)
    assert verdict["status"] == "duplicate" and verdict["duplicate_of"] == "a"


def test_entries_past_retention_leave_index_and_table():
    table: dict = {}
    state = holder(table, retention=10.0)
    state.expire_due(0.0)
    dedupe(clean_record("old"), state.current(), now=1.0)
    state.remember("old")
    other = "Entirely different words about a football match played in the rain on Sunday afternoon."
    dedupe(clean_record("new", other), state.current(), now=20.0)
    state.remember("new")

    state.expire_due(25.0)
    assert set(table) == {"new"}
    assert "old" not in state.current()
    # Forgotten: the same content is new again, while the recent article is still known.
    assert dedupe(clean_record("old-again"), state.current(), now=26.0)["status"] == "unique"
    assert dedupe(clean_record("new-again", other), state.current(), now=26.0)["reason"] == "same_content"


def test_expiry_runs_at_most_once_per_interval():
    table: dict = {}
    state = holder(table, retention=8.0)
    state.expire_due(0.0)
    dedupe(clean_record("a"), state.current(), now=0.5)
    state.remember("a")
    state.expire_due(1.0)  # within the interval (retention / 4 = 2 s): nothing runs
    assert "a" in table
    state.expire_due(9.0)
    assert "a" not in table


def test_an_outcome_is_stored_with_its_id_and_survives_a_rebuild():
    table: dict = {}
    state = holder(table)
    verdict = dedupe(clean_record("a"), state.current(), now=1.0)
    assert verdict["status"] == "unique"
    state.remember("a", ("unique", b'{"id":"a","status":"unique"}'), now=1.0)
    copy = dedupe(clean_record("b"), state.current(), now=2.0)
    assert copy["status"] == "duplicate"
    state.remember("b", ("duplicates", b'{"id":"b","status":"duplicate"}'), now=2.0)

    rebuilt = holder(table)
    assert rebuilt.outcome("a") == ("unique", b'{"id":"a","status":"unique"}')
    assert rebuilt.outcome("b") == ("duplicates", b'{"id":"b","status":"duplicate"}')
    assert rebuilt.outcome("c") is None and rebuilt.outcome(None) is None
    # the duplicate's outcome is kept, but it never joins the index
    assert "a" in rebuilt.current() and "b" not in rebuilt.current()
    assert rebuilt.outcome_only == {"b": 2.0}


def test_outcomes_of_articles_outside_the_index_expire_too():
    table: dict = {}
    state = holder(table, retention=10.0)
    state.expire_due(0.0)
    state.current()
    state.remember("rejected-one", ("rejected", b"{}"), now=1.0)
    state.expire_due(20.0)
    assert table == {} and state.outcome("rejected-one") is None


def test_entries_without_an_outcome_still_load():
    table: dict = {}
    state = holder(table)
    dedupe(clean_record("old"), state.current(), now=1.0)
    state.remember("old")
    assert "outcome" not in table["old"]
    assert holder(table).outcome("old") is None and "old" in holder(table).current()


def test_entry_bytes_measure_the_table_value_remember_writes_and_outgrow_the_outcome():
    """The outcome is kept as a JSON string inside the entry's JSON: quotes and newlines are escaped
    again, so the entry outgrows the outcome (`Delivery.storable` dead-letters what would not fit)."""
    import orjson

    table: dict = {}
    state = holder(table)
    dedupe(clean_record("a"), state.current(), now=1.0)
    value = orjson.dumps({"id": "a", "body": '"Quoted," she said.\n\n' * 200})
    size = state.entry_bytes("a", ("unique", value), 1.0)
    state.remember("a", ("unique", value), 1.0)
    assert size == len(orjson.dumps(table["a"]))
    assert size > len(value) * 1.2
    assert state.outcome("a") == ("unique", value)
