"""A module-scoped archive for the citation and symbol searches: the five seeds and a few real corpus files.

The corpus files are chosen for what the tests ask: General Assembly resolutions of the eightieth session whose
numbers sort differently as text and as numbers (80/2, 80/3, 80/10, 80/11, 80/19 ...), ones that cite a decision
several times (decision 79/512, 60/519) or a Security Council resolution not in the archive (1325 (2000)), and
Security Council resolutions numbered 24xx and S/RES/1454 (2002). Ingested once per module through the real
ingestion service (as tests/seeded_archive.py does), committed outside the tests' transactions, and deleted after.
Each fixture value maps a file's path (relative to the corpus, or 'seeds/<name>') to its bytes' text and its
document, so tests read the expected answers from the source texts, never from the code.
"""
from dataclasses import dataclass
from pathlib import Path

import pytest

from resolutions.models import Document
from resolutions.services.ingestion.ingest import ingest_file
from tests.conftest import CORPUS, SAMPLES
from tests.seeded_archive import clear_archive

RAILCAR = "railcar-ga80-text/documents/ga-res-80/A_RES_80_{}.md"
CORPUS_FILES = [RAILCAR.format(n) for n in (1, 2, 3, 10, 11, 19, 20, 21, 36, 38, 43, 44, 46)] + [
    "cr-unsc-gold/data/res_en_gold/S_RES_1454_2002_EN_GOLD.txt",
    "unxml-sc-resolutions/Pre-2020/2018/S_RES_2424_1810781E.xml",
    "unxml-sc-resolutions/Pre-2020/2018/S_RES_2451_1822563E.xml",
    "unxml-sc-resolutions/Pre-2020/2019/S_RES_2452_1900722E.xml",
    "unxml-sc-resolutions/Pre-2020/2019/S_RES_2477_1910804E.xml",
]


@dataclass
class Loaded:
    text: str
    document: Document


def _ingest(path: Path, name: str) -> Loaded:
    data = path.read_bytes()
    outcome = ingest_file(data, path.name)
    assert outcome.status in ("parsed", "duplicate"), (name, outcome.message)
    document = outcome.document or outcome.source_file.document
    return Loaded(data.decode("utf-8", "replace"), document)


@pytest.fixture(scope="module")
def citation_archive(django_db_setup, django_db_blocker):
    """{'seeds/000_...txt': Loaded, 'railcar-.../A_RES_80_2.md': Loaded, ...}"""
    if not CORPUS.exists():
        pytest.skip(f"The real corpus is not at {CORPUS} (it sits beside the project as ../shared/corpus/real).")
    with django_db_blocker.unblock():
        clear_archive()
        loaded = {}
        for path in sorted(SAMPLES.glob("00*")):
            loaded[f"seeds/{path.name}"] = _ingest(path, path.name)
        for name in CORPUS_FILES:
            loaded[name] = _ingest(CORPUS / name, name)
        for item in loaded.values():
            item.document.refresh_from_db()
    yield loaded
    with django_db_blocker.unblock():
        clear_archive()
