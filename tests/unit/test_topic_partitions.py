"""Existing topics with another partition count than declared: refused only where a stage's state
spans partitions (workers.topics.check_partitions)."""

from __future__ import annotations

import pytest

from workers.settings import Settings
from workers.topics import TopicMismatch, check_partitions, topic_specs

SPECS = topic_specs(Settings())


@pytest.mark.parametrize("role, count, refused", [
    ("clean", 3, True),  # dedupe's index would be split between partitions
    ("tagged", 2, True),  # so would the story index
    ("clean", 1, False),
    ("raw", SPECS["raw"].partitions + 4, False),  # scaled out: read as it is
    ("unique", 2, False),
    ("enriched", 1, False),
])
def test_a_serial_topic_with_another_count_is_refused(role, count, refused):
    counts = {SPECS[role].name: count}
    if refused:
        with pytest.raises(TopicMismatch, match=f"{SPECS[role].name}.*{count} partitions"):
            check_partitions(SPECS, counts)
    else:
        check_partitions(SPECS, counts)


def test_topics_that_do_not_exist_yet_are_not_checked():
    check_partitions(SPECS, {})
