"""Shared fixtures: where the shared samples, gold files and third-party corpora live.

Tests that need ``../shared/data`` skip with a clear message where it is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data"
SAMPLE = SHARED / "samples" / "irna-ar-2024-01-10-ahmadian-patrushev.txt"
GOLD = SHARED / "gold"
EXAMPLES = ROOT / "examples"
TEST_GOLD = ROOT / "tests" / "gold"


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is absent: this test needs the shared data beside the checkout")
    return path


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return _need(DATA)


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return _need(SAMPLE)


@pytest.fixture(scope="session")
def sample_text(sample_path: Path) -> str:
    return sample_path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    return _need(GOLD)
