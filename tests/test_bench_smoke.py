"""The benchmark end to end at a tiny scale (bench/run.py): every row of the table is there, with a figure or,
only where a piece is not built, "n/a (not built yet)".  It checks that the benchmark works, not timings."""
import re

import pytest

from bench import run as bench_run

ROWS = [
    "documents/s", "paragraphs/s", "peak RSS", "RSS first vs last tenth",
    "rare term", "common term: trafficking", "common term: States", "quoted phrase", "OR query", "partial match",
    "two facets", "facet-only browse", "symbol lookup", "citation lookup", "symbol prefix",
    "document page", "comparison page", "Atom feed of a search", "Atom feed of a member state",
    "Atom feed of an agenda item", "most-cited page", "search sorted by citations", "paragraph search with action",
    "paragraphs requesting the Secretary-General", "thematic clusters refreshed", "agreed-language lookup", "parse a 10 kB input", "parse a 1 MB input",
    "AKN ingestion, documents/s", "vote-table import", "shared_buffers", "work_mem", "effective_cache_size",
]


@pytest.mark.django_db(transaction=True)
def test_benchmark_writes_every_row(tmp_path):
    out = tmp_path / "smoke.md"
    table = bench_run.run(12, seed=5, runs=1, output=out, corpus_base=tmp_path / "corpus", smoke=True,
                          parse_budget=3, akn_files=4, log=lambda *a: None)
    assert out.read_text() == table
    for row in ROWS:
        line = next((l for l in table.splitlines() if l.startswith("| " + row)), None)
        assert line is not None, f"row missing: {row}"
        assert re.search(r"\d", line.split("|")[2]) or "n/a (not built yet)" in line, line
    assert "cores" in table and "GiB memory" in table and "12 documents" in table
    # Ingestion went through the real path: the generated files are documents now, none failed; half of them (the
    # one-by-one sample is at most half the corpus) in bulk, the other half one by one.
    assert "| files measured, failed | 6, 0 | 6, 0 |" in table
    # The search rows show the hit counts and the floor and tantivy figures beside the function.
    trafficking = next(l for l in table.splitlines() if l.startswith("| common term: trafficking"))
    assert trafficking.count("x |") >= 2
    _check_json(out.with_suffix(".json"), table)


def _cell(table: str, start: str, column: int = 2) -> str:
    return next(l for l in table.splitlines() if l.startswith("| " + start)).split("|")[column].strip()


def _check_json(path, table):
    """The figures beside the table (bench/figures.py): every documented key, the same figures as the table."""
    import json

    figures = json.loads(path.read_text())
    assert figures["schema"] == "archive-bench/1" and figures["scale"] == 12 and figures["runs"] == 1
    assert set(figures) >= {"date", "machine", "documents", "partial", "postgresql", "ingestion", "search", "pages",
                            "network", "agreed_language_ms", "parsing", "load", "akn_ingestion", "vote_import", "stages"}
    # issue 16's rows: the same figures in the JSON as in the table
    for key, label in (("feed_agenda", "Atom feed of an agenda item"), ("most_cited", "most-cited page")):
        assert f"{figures['pages'][key + '_ms']['p50']:.1f}" == _cell(table, label)
    assert figures["network"]["clusters"]["status"] == "ok"
    assert f"{figures['network']['clusters']['seconds'] * 1000:.0f}" == _cell(table, "thematic clusters refreshed")
    assert figures["stages"]["search"] > 0 and "| whole run |" in table
    assert figures["ingestion"]["files"] == 6 and figures["ingestion"]["failed"] == 0
    assert figures["ingestion"]["mode"] == "bulk" and figures["ingestion"]["one_by_one"]["files"] == 6
    assert f"{figures['ingestion']['one_by_one']['documents_per_s']:.1f}" == _cell(table, "documents/s", 3)
    assert f"{figures['ingestion']['documents_per_s']:.1f}" == _cell(table, "documents/s").split()[0]
    names = [row["name"] for row in figures["search"]]
    assert names and all(("| " + name) in table for name in names)
    for row in figures["search"]:
        assert set(row["function_ms"]) == {"p50", "p95", "p99", "runs"} and row["function_ms"]["runs"] == 1
        assert f"{row['function_ms']['p50']:.1f}" == _cell(table, row["name"], 3).split(" / ")[0]
    assert f"{figures['pages']['document_ms']['p50']:.1f}" == _cell(table, "document page, first view")
    assert f"{figures['pages']['document_repeat_ms']['p50']:.1f}" == _cell(table, "document page, repeat view")
    # the server's settings, as SHOW gives them, in the table and the JSON alike
    for name in ("shared_buffers", "work_mem", "effective_cache_size", "maintenance_work_mem", "max_connections"):
        assert figures["postgresql"][name]["value"] == _cell(table, name) and figures["postgresql"][name]["source"]
    akn, votes = figures["akn_ingestion"], figures["vote_import"]
    if akn["status"] == "ok":   # the real corpus is beside the project
        assert akn["files"] == 4 and akn["documents"] + akn["failed"] <= 4 and akn["documents_per_s"] > 0
        assert f"{akn['documents_per_s']:.1f}" == _cell(table, "AKN ingestion").split()[0]
        # what the AKN files added was removed: the archive holds the generated corpus only
        assert figures["documents"] == 12
        assert votes["rows"] == 3773 and votes["seconds"] > 0
        assert f"{votes['seconds']:.1f} s" in _cell(table, "vote-table import")


@pytest.mark.django_db(transaction=True)
def test_an_ingestion_stopped_half_way_goes_on_in_a_second_sitting(tmp_path):
    """A full-scale ingestion can outlast a sitting: the next run ingests only the files not stored yet and
    adds its figures to those of the first (written after each shard)."""
    from bench import generate
    from resolutions.models import SourceFile

    folder, manifest = generate.ensure_corpus(8, 3, tmp_path / "corpus")
    files = generate.corpus_files(folder, manifest)
    saved = tmp_path / "smoke.ingestion.json"
    # The first 4 files are the bulk load's (the last 4 the one-by-one sample's): 3 of them in a first sitting.
    first = bench_run.measure_ingestion(files[:3], "bench-8-3", lambda *a: None, jobs=1, save=saved, bulk=True)
    assert first["files"] == 3 and first["sittings"] == 1 and saved.exists()
    table = bench_run.run(8, seed=3, runs=1, output=tmp_path / "smoke.md", corpus_base=tmp_path / "corpus",
                          smoke=True, parse_budget=1, peer=False, un_data=False, log=lambda *a: None)
    assert "| files measured, failed | 4, 0 in 2 sittings | 4, 0 |" in table
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
                          smoke=True, parse_budget=1, peer=False, load=False, ingest_budget=0, un_data=False,
                          log=lambda *a: None)
    assert "**Partial run:** 3 of 8 files stored when measured" in table
    assert "| files measured, failed | 3, 0 | not reached" in table


def _rss_cell(first_mib: float, last_mib: float) -> str:
    mib = 2 ** 20
    figures = {"status": "ok", "docs_per_s": 10.0, "paragraphs_per_s": 300.0, "files": 500, "failed": 0,
               "peak_rss": 600 * mib, "rss_first": first_mib * mib, "rss_last": last_mib * mib}
    return _cell("\n".join(bench_run.ingestion_lines(figures)), "RSS first vs last tenth")


def test_the_rss_row_says_memory_falls_when_it_falls_grows_when_it_grows_and_is_flat_within_50_mib():
    # the smoke run of 06:26 printed "546 MiB -> 239 MiB (-307 MiB, grows)"
    assert _rss_cell(546, 239) == "546 MiB -> 239 MiB (-307 MiB, falls)"
    assert _rss_cell(239, 546) == "239 MiB -> 546 MiB (+307 MiB, grows)"
    assert _rss_cell(646, 655) == "646 MiB -> 655 MiB (+9 MiB, flat)"
    assert _rss_cell(655, 646) == "655 MiB -> 646 MiB (-9 MiB, flat)"


@pytest.mark.django_db(transaction=True)
def test_the_akn_row_says_the_corpus_file_malformed_as_published_is_why_one_failed(corpus_dir, monkeypatch):
    """The MANIFEST names PRST/2000/S_PRST_2000_27-0059266E.xml malformed as published (a mismatched tag at line 90);
    the smoke sample of 60 holds it, and the row said only '1 failed'."""
    from bench import un_data

    malformed = corpus_dir / "unxml-sc-resolutions/PRST/2000/S_PRST_2000_27-0059266E.xml"
    good = corpus_dir / "unxml-sc-resolutions/Pre-2020/2000/S_RES_1285_N0023963.xml"
    monkeypatch.setattr(un_data, "akn_files", lambda corpus, smoke, limit: ([malformed, good], 364))
    logged = []
    akn = un_data.measure_akn_ingestion(True, logged.append, jobs=1)
    assert akn["documents"] == 1 and akn["failed"] == 1 and akn["refused"] == 0
    (failure,) = akn["failures"]
    assert failure["file"] == malformed.name and "line 90" in failure["error"]
    row = next(line for line in un_data.render_lines(akn, None) if line.startswith("| AKN ingestion"))
    assert "; 1 failed: malformed as published (S_PRST_2000_27-0059266E.xml)) |" in row
    assert any("malformed as published" in line for line in logged)
