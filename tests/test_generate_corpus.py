"""The scale corpus generator (bench/generate.py): deterministic, varied by the seed, read back by the real
parser with the paragraphs it wrote, and with series and near-duplicate paragraphs as real drafting has."""
from collections import Counter

import pytest

from bench import generate
from resolutions.parser import parse

SAMPLE = 60


@pytest.fixture(scope="module")
def documents():
    layout = generate.family_layout(SAMPLE, 7)
    return [generate.generate_document(i, 7, layout) for i in range(SAMPLE)]


def test_same_seed_gives_the_same_bytes(documents):
    again = [generate.generate_document(i, 7) for i in (0, 17, SAMPLE - 1)]
    assert [d.data for d in again] == [documents[i].data for i in (0, 17, SAMPLE - 1)]


def test_another_seed_gives_other_documents(documents):
    other = [generate.generate_document(i, 8) for i in range(5)]
    assert all(a.data != b.data for a, b in zip(other, documents[:5]))


def test_the_parser_reads_the_paragraphs_written(documents):
    exact = 0
    for doc in documents:
        parsed = parse(doc.data, doc.name)
        if doc.adopted:     # an adopted resolution prints no sponsors; a Council resolution no title or session
            assert parsed.document_type == "resolution" and parsed.date
        else:
            assert parsed.title and parsed.sponsors and parsed.session
        assert len(parsed.footnotes) == doc.footnotes
        if doc.name.endswith(".txt"):
            assert parsed.symbol == doc.symbol
        if len(parsed.paragraphs) == doc.paragraphs:
            exact += 1
            assert sum(p.kind == "operative" for p in parsed.paragraphs) == doc.operative
    # A varied paragraph can, rarely, read as the continuation of the one before (as in real drafts).
    assert exact >= 0.95 * len(documents)


def test_documents_are_about_thirty_paragraphs(documents):
    mean = sum(d.paragraphs for d in documents) / len(documents)
    assert 20 <= mean <= 40


def test_series_keep_most_paragraphs_and_near_duplicates_exist(documents):
    by_series = Counter(d.series for d in documents)
    series, size = by_series.most_common(1)[0]
    assert size >= 3
    members = [d for d in documents if d.series == series]
    first, second = (set(_paragraph_lines(d)) for d in members[:2])
    shared = len(first & second) / max(len(first), len(second))
    assert 0.5 <= shared < 1.0
    # Near-duplicates: paragraphs of one document that differ from one of the other's by a few words.
    from rapidfuzz import fuzz

    near = [a for a in first - second if any(85 <= fuzz.ratio(a, b) < 100 for b in second - first)]
    assert near or any(
        any(85 <= fuzz.ratio(a, b) < 100 for b in set(_paragraph_lines(m2)) - set(_paragraph_lines(m1))
            for a in set(_paragraph_lines(m1)) - set(_paragraph_lines(m2)))
        for m1, m2 in zip(members, members[1:]))


def test_documents_cite_earlier_resolutions_of_the_corpus_in_forms_the_parser_reads(documents):
    adopted = {d.symbol: d for d in documents if d.adopted}
    assert any(s.startswith("A/RES/") for s in adopted)
    numbers = {d.symbol.split("/RES/")[1].replace(" ", ""): d for d in adopted.values()}
    citing = [d for d in documents if d.cites]
    assert len(citing) >= len(documents) // 3
    for doc in citing:
        found = {c.number.replace(" ", "") for c in parse(doc.data, doc.name).citations if c.number}
        for number in doc.cites:
            assert number.replace(" ", "") in found
            assert numbers[number.replace(" ", "")].index < doc.index     # earlier in the corpus: stored first


def test_a_few_resolutions_are_cited_far_more_often_than_most():
    layout = generate.family_layout(1500, 7)
    counts = Counter(n for i in range(1500) for n in generate.generate_document(i, 7, layout).cites)
    ordered = sorted(counts.values(), reverse=True)
    assert ordered[0] >= 10 * ordered[len(ordered) // 2]


def test_symbols_are_unique_and_revisions_follow_drafts(documents):
    symbols = [d.symbol for d in documents]
    assert len(set(symbols)) == len(symbols)
    revisions = [s for s in symbols if s.endswith("/Rev.1")]
    assert revisions and all(s[: -len("/Rev.1")] in symbols for s in revisions)


def test_corpus_is_written_in_shards_and_reused(tmp_path):
    folder, manifest = generate.ensure_corpus(12, 3, tmp_path)
    files = generate.corpus_files(folder, manifest)
    assert len(files) == 12 and all(f.exists() for f in files)
    assert manifest["paragraphs"] == sum(n for _, n, _ in manifest["files"])
    files[0].write_bytes(b"kept")
    again_folder, again = generate.ensure_corpus(12, 3, tmp_path)
    assert again == manifest and files[0].read_bytes() == b"kept"


def test_large_input_sizes():
    assert 9_000 <= len(generate.large_input(10_000)) <= 12_000


def _paragraph_lines(doc):
    text = doc.data.decode("utf-8")
    body = text.split("The General Assembly,", 1)[1]
    return [line.strip().split(". ", 1)[-1] if line.strip()[:1].isdigit() else line.strip()
            for line in body.split("\n\n") if len(line.strip()) > 40]
