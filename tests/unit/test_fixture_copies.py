"""The in-repo copies of ../shared (gold seeds, real-world cases) are unchanged when ../shared exists."""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest

from bench.gold import CASES, GOLD_PATH, REPO, SHARED_CASES, SHARED_GOLD_PATH


def _files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def test_the_copies_are_inside_the_repo():
    assert GOLD_PATH.is_file() and GOLD_PATH.is_relative_to(REPO)
    assert (CASES / "README.md").is_file() and len(list(CASES.glob("*/expected.json"))) >= 12


@pytest.mark.skipif(not SHARED_GOLD_PATH.exists(), reason="no ../shared beside the repo")
def test_gold_copy_matches_shared():
    assert GOLD_PATH.read_bytes() == SHARED_GOLD_PATH.read_bytes()


@pytest.mark.skipif(not SHARED_CASES.exists(), reason="no ../shared beside the repo")
def test_case_copies_match_shared():
    assert _files(CASES) == _files(SHARED_CASES)
    for name in _files(SHARED_CASES):
        assert filecmp.cmp(CASES / name, SHARED_CASES / name, shallow=False), name
