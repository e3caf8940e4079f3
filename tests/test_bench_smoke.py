"""The benchmark end to end at a tiny scale (bench/run.py): every row of the table is there, with a figure or,
only where a piece is not built, "n/a (not built yet)".  It checks that the benchmark works, not timings."""
import re

import pytest

from bench import run as bench_run

ROWS = [
    "documents/s", "paragraphs/s", "peak RSS", "RSS first vs last tenth",
    "rare term", "common term: trafficking", "common term: States", "quoted phrase", "OR query", "partial match",
    "two facets", "facet-only browse", "symbol lookup", "citation lookup", "symbol prefix",
    "document page", "comparison page", "Atom feed of a search", "Atom feed of a member state", "agreed-language lookup", "parse a 10 kB input", "parse a 1 MB input",
]


@pytest.mark.django_db(transaction=True)
def test_benchmark_writes_every_row(tmp_path):
    out = tmp_path / "smoke.md"
    table = bench_run.run(12, seed=5, runs=1, output=out, corpus_base=tmp_path / "corpus", smoke=True,
                          parse_budget=3, log=lambda *a: None)
    assert out.read_text() == table
    for row in ROWS:
        line = next((l for l in table.splitlines() if l.startswith("| " + row)), None)
        assert line is not None, f"row missing: {row}"
        assert re.search(r"\d", line.split("|")[2]) or "n/a (not built yet)" in line, line
    assert "cores" in table and "GiB memory" in table and "12 documents" in table
    # Ingestion went through the real path: the generated files are documents now, none failed.
    assert "| files measured, failed | 12, 0 |" in table
    # The search rows show the hit counts and the floor and tantivy figures beside the function.
    trafficking = next(l for l in table.splitlines() if l.startswith("| common term: trafficking"))
    assert trafficking.count("x |") >= 2


@pytest.mark.django_db(transaction=True)
def test_an_ingestion_stopped_half_way_goes_on_in_a_second_sitting(tmp_path):
    """A full-scale ingestion can outlast a sitting: the next run ingests only the files not stored yet and
    adds its figures to those of the first (written after each shard)."""
    from bench import generate
    from resolutions.models import SourceFile

    folder, manifest = generate.ensure_corpus(8, 3, tmp_path / "corpus")
    files = generate.corpus_files(folder, manifest)
    saved = tmp_path / "smoke.ingestion.json"
    first = bench_run.measure_ingestion(files[:5], "bench-8-3", lambda *a: None, jobs=1, save=saved)
    assert first["files"] == 5 and first["sittings"] == 1 and saved.exists()
    table = bench_run.run(8, seed=3, runs=1, output=tmp_path / "smoke.md", corpus_base=tmp_path / "corpus",
                          smoke=True, parse_budget=1, peer=False, log=lambda *a: None)
    assert "| files measured, failed | 8, 0 in 2 sittings |" in table
    assert SourceFile.objects.filter(batch="bench-8-3").count() == 8  # nothing ingested twice


def test_smoke_runs_never_write_benchmarks_md():
    assert bench_run.default_output(1000, None).name != "BENCHMARKS.md"
    assert bench_run.default_output(100_000, True).name != "BENCHMARKS.md"
    assert bench_run.default_output(100_000, None).name == "BENCHMARKS.md"


@pytest.mark.django_db(transaction=True)
def test_an_ingestion_budget_ends_the_sitting_and_marks_the_table_partial(tmp_path, monkeypatch):
    from bench import generate

    monkeypatch.setattr(generate, "SHARD_SIZE", 3)
    table = bench_run.run(8, seed=4, runs=1, output=tmp_path / "t.md", corpus_base=tmp_path / "corpus",
                          smoke=True, parse_budget=1, peer=False, load=False, ingest_budget=0, log=lambda *a: None)
    assert "**Partial run:** 3 of 8 files stored when measured" in table
    assert "| files measured, failed | 3, 0 |" in table
