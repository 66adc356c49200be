"""Settings.from_env and the README's settings table agree, and bad values are refused clearly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from workers.settings import Settings, SettingsError

ROOT = Path(__file__).resolve().parents[2]


def readme_variables() -> set[str]:
    table = (ROOT / "README.md").read_text().split("## Settings", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `([A-Z_]+)`", table, flags=re.M))


def settings_variables() -> set[str]:
    source = (ROOT / "workers" / "settings.py").read_text()
    names = set(re.findall(r'(?:env\.get\(|\(\s*env,\s*)"([A-Z][A-Z0-9_]+)"', source))
    topic_names = {f"TOPIC_{role.upper()}" for role in Settings().topics.__dataclass_fields__}
    return names | topic_names


def test_readme_table_lists_exactly_the_variables_settings_reads():
    assert readme_variables() == settings_variables()


def test_defaults():
    settings = Settings.from_env({})
    assert settings.bootstrap == "127.0.0.1:9092"
    assert settings.partitions == 8
    assert settings.topics.raw == "articles.raw"
    assert settings.dedupe_threshold == 0.7


def test_environment_overrides():
    settings = Settings.from_env(
        {
            "KAFKA_BOOTSTRAP_SERVERS": "kafka:9092",
            "TOPIC_RAW": "in",
            "TOPIC_PARTITIONS": "3",
            "ENTITY_LABELS": "person, org",
            "WORKER_WEB_ENABLED": "false",
            "DEDUPE_THRESHOLD": "0.9",
        }
    )
    assert settings.bootstrap == "kafka:9092"
    assert settings.topics.raw == "in"
    assert settings.partitions == 3
    assert settings.entity_labels == ("PERSON", "ORG")
    assert settings.web_enabled is False
    assert settings.dedupe_threshold == 0.9


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("TOPIC_PARTITIONS", "eight"),
        ("TOPIC_PARTITIONS", "0"),
        ("DEDUPE_THRESHOLD", "1.5"),
        ("WORKER_WEB_ENABLED", "maybe"),
        ("TABLE_STORE", "redis://"),
    ],
)
def test_bad_values_are_refused_with_the_variable_named(name, value):
    with pytest.raises(SettingsError, match=name):
        Settings.from_env({name: value})
