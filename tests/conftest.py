"""Shared fixtures: where the sample documents and the real corpus live."""
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
CORPUS = ROOT.parent / "shared" / "corpus" / "real"


def seed_path(prefix: str) -> Path:
    """samples/000_*.txt etc., by their three-digit prefix."""
    (path,) = SAMPLES.glob(f"{prefix}_*")
    return path


@pytest.fixture
def seed_bytes():
    return lambda prefix: seed_path(prefix).read_bytes()


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    if not CORPUS.exists():
        pytest.skip(f"The real corpus is not at {CORPUS} (it sits beside the project as ../shared/corpus/real).")
    return CORPUS
