"""The measurements of issue 7, each through the project's real code, beside the SQL floor and the tantivy peer.

Every measurement looks up the piece it measures when it runs; a piece that is not there yet is reported as
"n/a (not built yet)", never with a made-up figure.  Called by ``manage.py bench`` (and the smoke test) with
Django set up on the benchmark's own database.
"""
from __future__ import annotations

import gc
import importlib
import json
import os
import statistics
import time
import traceback
from pathlib import Path

from bench import generate
from bench.load import bench_stage, render_lines
from bench.queries import QueryItem, query_mix
from bench.figures import collect, render_settings, server_settings, write_json
from bench.report import NA, header, memory_trend, ms, percentile, verdict
from bench.un_data import measure_akn_ingestion, measure_vote_import
from bench.un_data import render_lines as un_data_lines

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
SEARCH_P95_TARGET = 0.050
FLOOR_RATIO_TARGET = 1.5
INGEST_TARGET = 100.0
ONE_BY_ONE_PERCENT = 2      # of the corpus ingested one by one (at least ONE_BY_ONE_MIN files), the rest in bulk
ONE_BY_ONE_MIN = 500
DOCUMENT_PAGE_TARGET = 0.020
AGREED_P95_TARGET = 0.200
COMPARE_TARGET = 0.150
FLOOR_RUNS = 5
FULL_AKN_FILES = 120


class Stages:
    """Each stage's wall time, logged as it ends and written to the table and the JSON: a full run's budget is
    spent where these say.  ``mark(name)`` ends the stage called ``name`` (begun at the mark before)."""

    def __init__(self, log):
        self.log, self.seconds = log, {}
        self.started = self.last = time.perf_counter()

    def mark(self, name: str) -> None:
        now = time.perf_counter()
        self.seconds[name] = now - self.last
        self.last = now
        self.log(f"  [stage] {name}: {self.seconds[name]:.1f} s (run so far {now - self.started:.0f} s, "
                 f"{time.strftime('%H:%M:%S')})")

    def lines(self) -> list[str]:
        return (["## Stages (wall time of this run, seconds)", "", "| Stage | Seconds |", "|---|---|"]
                + [f"| {name} | {seconds:.1f} |" for name, seconds in self.seconds.items()]
                + [f"| whole run | {time.perf_counter() - self.started:.1f} |", ""])


def _module(name: str):
    """The module if it exists (another helper may not have written it yet), else None."""
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def timed(fn, runs: int) -> list[float]:
    """One warm-up call, then ``runs`` timed calls; seconds each."""
    fn()
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


# ---------------------------------------------------------------------------
# Ingestion


def _tree_rss(process) -> int:
    """Resident memory of the process and its children (the ingestion processes)."""
    import psutil

    total = process.memory_info().rss
    for child in process.children(recursive=True):
        try:
            total += child.memory_info().rss
        except psutil.Error:  # a child that just ended
            pass
    return total


def measure_ingestion(files: list[Path], batch: str, log, jobs: int | None = None, *,
                      previous: dict | None = None, save: Path | None = None, budget: float | None = None,
                      bulk: bool = False) -> dict:
    """Ingestion through ``ingest_paths`` (the real path: record, parse, store, index, link); ``bulk``: the bulk
    load (``manage.py ingest --bulk``), else one file after the other (``manage.py ingest --jobs N``).

    ``jobs`` processes (default: one per core, as ``manage.py ingest --jobs N``); peak RSS
    counts the parent and its ingestion processes together.  A large corpus may take several
    sittings: ``previous`` holds the figures of the sittings before (files, seconds, paragraphs
    and RSS are summed or combined), and the figures so far are written to ``save`` after each
    shard, so that a stopped run loses no measurement.  With a ``budget`` (seconds) the sitting
    ends after the shard that exceeds it.
    """
    ingestion = _module("resolutions.services.ingestion.batch")
    if ingestion is None or not hasattr(ingestion, "ingest_paths"):
        return {"status": NA}
    import psutil
    from django.test.utils import override_settings
    from resolutions.models import Paragraph

    jobs = jobs or os.cpu_count() or 1
    previous = previous if previous and previous.get("status") == "ok" else None
    process = psutil.Process()
    every = max(1, len(files) // 50)
    samples: list[tuple[int, int]] = []
    counts = {"done": 0, "failed": 0}

    def on_outcome(outcome):
        counts["done"] += 1
        if not outcome.ok:
            counts["failed"] += 1
        if counts["done"] % every == 0:
            samples.append((counts["done"], _tree_rss(process)))
        if counts["done"] % max(1, len(files) // 100) == 0:
            log(f"  ingested {counts['done']:,}/{len(files):,} "
                f"({counts['done'] / (time.perf_counter() - start):.1f} documents/s)")

    def figures() -> dict:
        seconds = time.perf_counter() - start
        paragraphs = Paragraph.objects.count() - paragraphs_before
        window = max(1, len(samples) // 10)
        result = {"status": "ok", "mode": "bulk" if bulk else "one by one", "files": counts["done"], "jobs": jobs,
                  "failed": counts["failed"],
                  "seconds": seconds, "paragraphs_added": paragraphs,
                  "peak_rss": max(r for _, r in samples), "rss_first": max(r for _, r in samples[:window + 1]),
                  "rss_last": max(r for _, r in samples[-window:]), "sittings": 1,
                  "measured": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
        if previous:
            for key in ("files", "failed", "seconds", "paragraphs_added", "sittings"):
                result[key] += previous.get(key, 0)
            result["peak_rss"] = max(result["peak_rss"], previous["peak_rss"])
            result["rss_first"] = previous["rss_first"]
        result["docs_per_s"] = result["files"] / result["seconds"] if result["seconds"] else 0.0
        result["paragraphs_per_s"] = result["paragraphs_added"] / result["seconds"] if result["seconds"] else 0.0
        result["paragraphs"] = Paragraph.objects.count()
        result["documents"] = result["files"] - result["failed"]
        return result

    gc.collect()
    paragraphs_before = Paragraph.objects.count()
    samples.append((0, _tree_rss(process)))
    start = time.perf_counter()
    # As `manage.py ingest --jobs N <folder>` does, a shard at a time; the outcome list is kept short.
    for shard_start in range(0, len(files), generate.SHARD_SIZE):
        # With production's DEBUG off: `make bench` runs with the development DEBUG=1 (for the SECRET_KEY and the
        # in-process test client), under which Django times and keeps every statement (CursorDebugWrapper); a
        # load in production does not.  DEBUG is read at each cursor, so the override reaches only this stage.
        with override_settings(DEBUG=False):
            ingestion.ingest_paths(files[shard_start:shard_start + generate.SHARD_SIZE], batch=batch,
                                   progress=False, on_outcome=on_outcome, jobs=jobs, bulk=bulk)
        if save is not None:
            save.parent.mkdir(parents=True, exist_ok=True)
            save.write_text(json.dumps(figures()))
        if budget is not None and time.perf_counter() - start > budget:
            log(f"  ingestion budget of {budget:.0f} s spent: this sitting ends here")
            return dict(figures(), stopped=True)
    return figures()


# ---------------------------------------------------------------------------
# The query mix


def search_function():
    """A callable running one query through resolutions.search the way the search page does, or None."""
    search = _module("resolutions.search")
    if search is None or not hasattr(search, "read_search"):
        return None

    def run(item: QueryItem):
        # A symbol is a look-up like any citation (issue 19): the page answers it with a search, not a redirect.
        return search.read_search(item.params()).run()

    return run


def _answered(response):
    """A timed page must be the page itself, not a refusal (a 429 or 503 is answered in a moment)."""
    if response.status_code != 200:
        raise RuntimeError(f"answered {response.status_code}")
    return response


def measure_search(items: list[QueryItem], runs: int, peer, log) -> list[dict]:
    from django.test import Client

    from bench.sql_floor import run_floor

    fn = search_function()
    client = Client()
    rows = []
    for item in items:
        row = {"name": item.name, "query": item.symbol or item.text or "", "filters": item.filters}
        if fn is None:
            row["function"] = None
        else:
            result = fn(item)
            row["total"] = getattr(result, "total", 1)
            row["facets"] = sum(len(f.values) for f in getattr(result, "facets", []))
            row["function"] = timed(lambda: fn(item), runs)
            try:
                row["http"] = timed(lambda: _answered(client.get("/search/", item.params())), runs)
            except Exception as exc:  # a page elsewhere half-built (URL import error): the rest is still measured
                log(f"  HTTP search failed: {type(exc).__name__}: {exc}")
                row["http"] = None
        # The floor counts and ranks every match: seconds a run for a common word at 100,000 documents, so a few
        # runs (its median is what the table compares with) keep the stage bounded.
        row["floor"] = timed(lambda: run_floor(item), min(runs, FLOOR_RUNS))
        if peer is not None and peer.supports(item):   # tantivy indexes neither citations nor symbol order
            count, _, _ = peer.run(item)
            row["peer_total"] = count
            row["peer"] = timed(lambda: peer.run(item), runs)
        log(f"  {item.name}: {len(row.get('function') or [])} runs")
        rows.append(row)
    return rows


# ---------------------------------------------------------------------------
# Pages, agreed language, parsing


def series_pair():
    """Two documents of one series (a draft and its revision): the comparison page's input."""
    from resolutions.models import Document

    for rev in Document.objects.filter(symbol_key__endswith="/REV.1").order_by("pk")[:50]:
        draft = Document.objects.filter(symbol_key=rev.symbol_key[: -len("/REV.1")]).first()
        if draft:
            return draft, rev
    docs = list(Document.objects.order_by("pk")[:2])
    return (docs[0], docs[1]) if len(docs) == 2 else None


def session_pair():
    """Two sessions' documents of one series (the earlier first), adopted resolutions when the series has them in two
    sessions: the comparison page's second input."""
    from django.db.models import Count

    from resolutions.models import Document
    from resolutions.un.adoption import is_adopted

    in_series = Document.objects.filter(series__isnull=False, session__isnull=False)
    for series_id in (in_series.values("series_id").annotate(sessions=Count("session", distinct=True))
                      .filter(sessions__gte=2).order_by("series_id").values_list("series_id", flat=True)[:50]):
        members = list(in_series.filter(series_id=series_id).order_by("session", "pk"))
        adopted = [d for d in members if is_adopted(d.symbol_key, d.document_type)]
        for group in (adopted, members):
            later = next((d for d in group if d.session != group[0].session), None)
            if later is not None:
                return group[0], later
    return None


def _compare_timings(client, pair, runs: int) -> tuple[list[float] | None, list[float] | None]:
    """The comparison page of ``pair`` timed ``runs`` times built (its two documents' page-cache stamps forgotten
    before each run, resolutions/page_cache.py) and ``runs`` times as a repeat view (served from the cache); (None,
    None) without a pair or a page.  Without the per-client allowance: the search runs before it spend the
    heavy-page budget of the test client's one address, and a 429 is no comparison."""
    from django.test.utils import override_settings
    from django.urls import reverse

    from resolutions import page_cache

    if not pair:
        return None, None
    url = reverse("lineage:compare", args=[pair[0].pk, pair[1].pk])
    ids = [pair[0].pk, pair[1].pk]
    with override_settings(ARCHIVE_RATE_LIMITS={"anon": None, "heavy": None}):
        if client.get(url).status_code != 200:
            return None, None

        def built():
            page_cache.pages_changed(ids)      # outside a transaction: at once
            client.get(url)

        return timed(built, runs), timed(lambda: client.get(url), runs)


def measure_pages(runs: int) -> dict:
    from django.test import Client
    from django.urls import NoReverseMatch

    from resolutions.models import Document

    client = Client()
    out: dict = {}
    ids = list(Document.objects.order_by("pk").values_list("pk", flat=True))
    if not ids:
        return {"document": None, "compare": None}
    picks = [ids[(i * 7919) % len(ids)] for i in range(max(1, runs))]
    try:
        addresses = {d.pk: d.get_absolute_url() for d in Document.objects.filter(pk__in=picks)
                     .only("pk", "symbol", "symbol_key", "slug")}
        for pk in picks[:1]:
            assert client.get(addresses[pk]).status_code == 200
        # First views: each page built from the database (and stored in the page cache, resolutions/page_cache.py),
        # its stamps forgotten first so a cache kept from an earlier run serves none of them; then repeat views, each
        # served from the cache.
        from resolutions import page_cache

        page_cache.pages_changed(picks)      # outside a transaction: at once
        for view in ("document", "document_repeat"):
            samples = []
            for pk in picks:
                url = addresses[pk]   # the citable address: the numeric one only redirects
                start = time.perf_counter()
                client.get(url)
                samples.append(time.perf_counter() - start)
            out[view] = samples
    except (NoReverseMatch, AssertionError):
        out["document"] = None
    out["compare"], out["compare_repeat"] = _compare_timings(client, series_pair(), runs)
    out["compare_sessions"], out["compare_sessions_repeat"] = _compare_timings(client, session_pair(), runs)
    from bench.network import measure_feeds, measure_network, network_size

    out.update(measure_feeds(client, runs, timed))
    out.update(measure_network(client, runs, timed))
    out["network_size"] = network_size()
    return out


def measure_agreed_language(runs: int) -> list[float] | None:
    lineage = _module("resolutions.lineage.selectors")
    if lineage is None or not hasattr(lineage, "agreed_language"):
        return None
    from resolutions.models import Paragraph

    ids = list(Paragraph.objects.filter(kind="operative").order_by("pk").values_list("pk", flat=True))
    if not ids:
        return None
    import random

    rng = random.Random(7)
    texts = []
    for i in range(runs):
        text = Paragraph.objects.get(pk=ids[(i * 104729) % len(ids)]).text
        words = text.split()
        # A pasted sentence as a drafter would: the first 25 words, one of them changed.
        words = words[:25]
        if len(words) > 6:
            words[rng.randrange(3, len(words))] = "notably"
        texts.append(" ".join(words))
    lineage.agreed_language(texts[0])
    samples = []
    for text in texts:
        start = time.perf_counter()
        lineage.agreed_language(text)
        samples.append(time.perf_counter() - start)
    return samples


PARSE_CHILD = """
import sys, time, json
from resolutions.parser import parse
data = open(sys.argv[1], "rb").read()
runs = int(sys.argv[2])
result = parse(data, "large.txt")
samples = []
for _ in range(runs):
    start = time.perf_counter()
    parse(data, "large.txt")
    samples.append(time.perf_counter() - start)
print(json.dumps({"paragraphs": len(result.paragraphs), "first": None, "samples": samples}))
"""


def measure_parse(runs: int, budget: float = 120.0) -> dict:
    """Parse time of a 10 kB and a 1 MB input, in a child process stopped after ``budget`` seconds.

    The parser is pure Python with no Django, so a child process measures the same code; the budget keeps a
    slow (superlinear) parse from holding up the whole benchmark: it is then reported as "> budget".
    """
    import subprocess
    import sys
    import tempfile

    if _module("resolutions.parser") is None:
        return {}
    out = {}
    for label, size in (("10 kB", 10_000), ("1 MB", 1_000_000)):
        data = generate.large_input(size)
        with tempfile.NamedTemporaryFile(suffix=".txt") as handle:
            handle.write(data)
            handle.flush()
            n = max(1, runs) if size < 100_000 else 1
            started = time.perf_counter()
            try:
                done = subprocess.run([sys.executable, "-c", PARSE_CHILD, handle.name, str(n)], cwd=ROOT,
                                      capture_output=True, text=True, timeout=budget)
                result = json.loads(done.stdout.strip().splitlines()[-1])
                out[label] = {"bytes": len(data), "paragraphs": result["paragraphs"], "samples": result["samples"]}
            except subprocess.TimeoutExpired:
                out[label] = {"bytes": len(data), "timeout": time.perf_counter() - started}
            except (ValueError, IndexError):
                out[label] = {"bytes": len(data), "error": (done.stderr or "no output").strip().splitlines()[-1]}
    return out


# ---------------------------------------------------------------------------
# The whole run


def is_smoke(scale: int, smoke: bool | None) -> bool:
    return bool(smoke) or scale <= 1000


def default_output(scale: int, smoke: bool | None) -> Path:
    return BENCH_DIR / "out" / f"smoke-{scale}.md" if is_smoke(scale, smoke) else ROOT / "BENCHMARKS.md"


def run(scale: int = 1000, *, seed: int = 1, runs: int | None = None, output: Path | None = None,
        corpus_base: Path | None = None, smoke: bool | None = None, peer: bool = True, parse_budget: float | None = None,
        load: bool = True, ingest_budget: float | None = None, un_data: bool = True, akn_files: int | None = None,
        cluster_budget: float | None = None, log=print) -> str:
    """Build or reuse the corpus, ingest it unless this database holds it, measure, write and return the table.

    ``load=False`` (or ARCHIVE_BENCH_LOAD=0) skips the load test (bench/load.py).  ``ingest_budget``
    (seconds) ends the ingestion sitting early; the rest is measured on the documents stored so far
    and the table, marked partial, goes to bench/out/partial-SCALE.md, never to BENCHMARKS.md.  ``un_data=False``
    skips the AKN ingestion and vote-import rows (bench/un_data.py); ``akn_files`` caps the AKN files ingested;
    ``cluster_budget`` (seconds) stops the thematic clusters' refresh (bench/network.py)."""
    runs = runs or (5 if is_smoke(scale, smoke) else 30)
    output = Path(output) if output else default_output(scale, smoke)
    stages = Stages(log)
    log(f"Corpus: {scale:,} documents, seed {seed}")
    folder, manifest = generate.ensure_corpus(scale, seed, corpus_base,
                                              progress=lambda n: log(f"  generated {n:,}"))
    files = generate.corpus_files(folder, manifest)
    stages.mark("corpus generated or reused")
    batch = f"bench-{scale}-{seed}"
    from resolutions.models import Document, SourceFile

    full_table = output == ROOT / "BENCHMARKS.md"
    # The ingestion figures of every sitting so far (next to the table; bench/out/ for the full-scale one).
    saved = BENCH_DIR / "out" / f"full-{scale}.ingestion.json" if full_table else output.with_suffix(".ingestion.json")
    # The corpus is loaded in bulk (manage.py ingest --bulk, a first load), but for its last files, ingested one
    # by one into the nearly full archive (the day-to-day path): both rows of the table.
    sample = min(max(ONE_BY_ONE_MIN, len(files) * ONE_BY_ONE_PERCENT // 100), len(files) // 2)
    ingestion = None
    for part, bulk, figures_file in ((files[:len(files) - sample], True, saved),
                                     (files[len(files) - sample:], False, saved.with_name(saved.stem + "-one-by-one.json"))):
        previous = json.loads(figures_file.read_text()) if figures_file.exists() else None
        # Files stored by an earlier sitting (a full-scale ingestion can outlast one sitting) are not ingested again.
        stored = set(SourceFile.objects.filter(batch=batch, status="parsed").values_list("original_name", flat=True))
        todo = [path for path in part if path.name not in stored]
        mode = "in bulk" if bulk else "one by one"
        if not todo:
            measured = dict(previous or {"status": NA}, reused=True)
            log(f"Database already holds these files; ingestion figures from {measured.get('measured', 'no run')}")
        else:
            if len(todo) < len(part):
                log(f"{len(part) - len(todo):,} files stored by an earlier sitting; ingesting the other {len(todo):,}")
            else:
                log(f"Ingesting {len(part):,} files {mode}")
                previous = None
            measured = measure_ingestion(todo, batch, log, previous=previous, save=figures_file, budget=ingest_budget,
                                         bulk=bulk)
        if ingestion is None:
            ingestion = measured
            if measured.get("stopped"):
                ingestion["one_by_one"] = {"status": "not reached (ingestion budget spent)"}
                break
        else:
            ingestion["one_by_one"] = measured
    stages.mark("ingestion")
    held = SourceFile.objects.filter(batch=batch, status="parsed").count()
    partial = held < len(files)
    # Fresh planner statistics, as autovacuum would give a settled archive: the search's estimates (and its
    # choice between the exact path and the window of newest documents) read them.
    from django.db import connection

    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    log(f"ANALYZE in {time.perf_counter() - started:.1f} s")
    stages.mark("ANALYZE")
    if partial and full_table:
        output = BENCH_DIR / "out" / f"partial-{scale}.md"  # never a partial table in BENCHMARKS.md
    peer_engine, peer_build = None, None
    if peer:
        from bench.tantivy_peer import Peer

        peer_engine = Peer()
        peer_build = peer_engine.build()
        log(f"tantivy index: {peer_engine.documents:,} documents in {peer_build:.1f} s")
        stages.mark("tantivy index")
    settings = server_settings()
    log("Vote-table import")
    votes = measure_vote_import(log) if un_data else {"status": "skipped"}
    stages.mark("vote-table import")
    log("Thematic clusters (one refresh of the whole archive)")
    from bench.network import measure_clusters

    clusters = measure_clusters(cluster_budget or (120.0 if is_smoke(scale, smoke) else 300.0), log)
    stages.mark("thematic clusters")
    # The per-client allowance of heavy pages (60 a minute) would answer most timed runs with a 429 in a moment:
    # the pages' own work is what is measured (the load stage raises it in its own settings).
    from django.test import override_settings

    unthrottled = override_settings(ARCHIVE_RATE_LIMITS={"anon": None, "heavy": None})
    unthrottled.enable()
    log("Search")
    items = query_mix()
    search_rows = measure_search(items, runs, peer_engine, log)
    stages.mark("search")
    log("Pages")
    pages = measure_pages(runs)
    pages["clusters"] = clusters
    stages.mark("pages, feeds, network")
    log("Agreed language")
    agreed = measure_agreed_language(runs)
    unthrottled.disable()
    stages.mark("agreed language")
    log("Parsing")
    parsing = measure_parse(runs, parse_budget or (60.0 if is_smoke(scale, smoke) else 600.0))
    stages.mark("parsing")
    log("Load")
    load_figures = bench_stage(is_smoke(scale, smoke), log) if load else {"status": "skipped"}
    stages.mark("load")
    log("AKN ingestion")
    # A sample of the AKN files outside smoke runs too: all 364 take 5-10 minutes at 0.6-1.5 files/s, a rate that
    # a third of them (every Nth: both organs, every language) measures as well.
    akn_limit = akn_files or (None if is_smoke(scale, smoke) else FULL_AKN_FILES)
    akn = measure_akn_ingestion(is_smoke(scale, smoke), log, limit=akn_limit) if un_data else {"status": "skipped"}
    stages.mark("AKN ingestion")
    stored_documents = Document.objects.count()
    table = render(scale, seed, runs, manifest, ingestion, search_rows, pages, agreed, parsing, peer_build,
                   stored_documents, load_figures)
    table += "\n" + "\n".join(un_data_lines(akn, votes) + render_settings(settings) + stages.lines())
    if partial:
        table = table.replace("\n", f"\n\n**Partial run:** {held:,} of {len(files):,} files stored when measured; "
                              f"`make bench SCALE={scale}` goes on with the others.\n", 1)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(table)
    written = write_json(output, collect(
        scale=scale, seed=seed, runs=runs, stored_documents=stored_documents, partial=partial, ingestion=ingestion,
        search_rows=search_rows, pages=pages, agreed=agreed, parsing=parsing, load=load_figures, akn=akn, votes=votes,
        settings=settings, stages=stages.seconds))
    log(table)
    log(f"Written to {output} and {written}")
    return table


def _stats(samples):
    if not samples:
        return None
    return {"p50": statistics.median(samples), "p95": percentile(samples, 95), "p99": percentile(samples, 99)}


def ingestion_lines(ingestion: dict) -> list[str]:
    """The ingestion table: the bulk load of the corpus and the one-by-one sample side by side."""
    one = ingestion.get("one_by_one") or {"status": NA}
    jobs = ingestion.get("jobs", one.get("jobs", 1))
    lines = [f"## Ingestion (through `resolutions.services.ingestion.batch.ingest_paths`, {jobs} process"
             f"{'es' if jobs != 1 else ''}: the corpus in bulk as `manage.py ingest --bulk --jobs {jobs}`, then its "
             f"last {one.get('files', 0):,} files one by one into the nearly full archive as "
             f"`manage.py ingest --jobs {jobs}`)", "",
             "| Measure | Bulk | One by one | Target |", "|---|---|---|---|"]
    mb = 2 ** 20

    def cell(figures, text):
        if figures.get("status") != "ok":
            return figures.get("status", NA)
        return text(figures) + (" (an earlier run)" if figures.get("reused") else "")

    def growth(f):
        return (f["rss_last"] - f["rss_first"]) / mb

    rows = [
        ("documents/s", lambda f: f"{f['docs_per_s']:.1f}",
         f">= 100: {verdict(ingestion['docs_per_s'], INGEST_TARGET, higher_is_better=True)} (bulk)"
         if ingestion.get("status") == "ok" else ">= 100"),
        ("paragraphs/s", lambda f: f"{f['paragraphs_per_s']:.0f}", ""),
        ("files measured, failed", lambda f: f"{f['files']:,}, {f['failed']:,}"
         + (f" in {f['sittings']} sittings" if f.get("sittings", 1) > 1 else ""), "0 failed"),
        ("peak RSS", lambda f: f"{f['peak_rss'] / mb:.0f} MiB", "flat"),
        ("RSS first vs last tenth of the files", lambda f: f"{f['rss_first'] / mb:.0f} MiB -> "
         f"{f['rss_last'] / mb:.0f} MiB ({growth(f):+.0f} MiB, {memory_trend(f['rss_first'], f['rss_last'])})", "flat"),
    ]
    for label, text, target in rows:
        lines.append(f"| {label} | {cell(ingestion, text)} | {cell(one, text)} | {target} |")
    return lines


def render(scale, seed, runs, manifest, ingestion, search_rows, pages, agreed, parsing, peer_build,
           stored_documents, load=None) -> str:
    lines = header(scale, manifest["paragraphs"], seed, runs)
    lines += ingestion_lines(ingestion)
    lines += ["", f"Documents in the database: {stored_documents:,}.", "",
              "## Search (p50 / p95 / p99 ms; function = `resolutions.search.search` as the search page calls it, "
              "facet counts included; HTTP = the test client on /search/)", "",
              "| Query | Hits | Function p50/p95/p99 | HTTP p50/p95/p99 | SQL floor p50/p95 | tantivy p50/p95 (hits) "
              "| Function / floor (p50) | Function / tantivy (p50) | Target: p95 < 50 ms and <= 1.5x floor |",
              "|---|---|---|---|---|---|---|---|---|"]
    for row in search_rows:
        f, h, fl, pe = (_stats(row.get(k)) for k in ("function", "http", "floor", "peer"))
        fn_cell = NA if f is None else f"{ms(f['p50'])} / {ms(f['p95'])} / {ms(f['p99'])}"
        http_cell = NA if h is None else f"{ms(h['p50'])} / {ms(h['p95'])} / {ms(h['p99'])}"
        floor_cell = f"{ms(fl['p50'])} / {ms(fl['p95'])}"
        peer_cell = "n/a" if pe is None else f"{ms(pe['p50'])} / {ms(pe['p95'])} ({row.get('peer_total', 0):,})"
        ratio_floor = "n/a" if f is None else f"{f['p50'] / fl['p50']:.1f}x"
        ratio_peer = "n/a" if f is None or pe is None else f"{f['p50'] / pe['p50']:.1f}x"
        if f is None:
            target = "n/a"
        else:
            a = verdict(f["p95"], SEARCH_P95_TARGET)
            b = verdict(f["p50"] / fl["p50"], FLOOR_RATIO_TARGET)
            target = f"p95 {a}; floor ratio {b}"
        hits = f"{row.get('total', 'n/a'):,}" if isinstance(row.get("total"), int) else "n/a"
        label = f"{row['name']} (`{row['query'] or ''}`{' ' + json.dumps(row['filters']) if row['filters'] else ''})"
        lines.append(f"| {label} | {hits} | {fn_cell} | {http_cell} | {floor_cell} | {peer_cell} | {ratio_floor} "
                     f"| {ratio_peer} | {target} |")
    if peer_build is not None:
        lines += ["", f"tantivy index built in {peer_build:.1f} s (BM25, top 20, session and committee counts "
                      "by aggregation)."]
    lines += ["", "## Pages, agreed language, parsing", "", "| Measure | p50 ms | p95 ms | Target |", "|---|---|---|---|"]
    for key, label in (("document", "document page, first view (built, not from the page cache; server time, test "
                                    "client)"),
                       ("document_repeat", "document page, repeat view (served from the page cache)")):
        doc = _stats(pages.get(key))
        lines.append(f"| {label} | "
                     + (f"{ms(doc['p50'])} | {ms(doc['p95'])} | p95 < 20 ms: "
                        f"{verdict(doc['p95'], DOCUMENT_PAGE_TARGET)} |" if doc else f"{NA} | {NA} | p95 < 20 ms |"))
    for key, label in (("compare", "comparison page, draft vs its revision, first view (built)"),
                       ("compare_repeat", "comparison page, draft vs its revision, repeat view (from the page cache)"),
                       ("compare_sessions", "comparison page, two sessions' documents of one series, first view "
                                            "(built)"),
                       ("compare_sessions_repeat", "comparison page, two sessions' documents of one series, repeat "
                                                   "view (from the page cache)")):
        cmp_ = _stats(pages.get(key))
        lines.append(f"| {label} | " + (f"{ms(cmp_['p50'])} | {ms(cmp_['p95'])} | p95 < 150 ms: "
                                        f"{verdict(cmp_['p95'], COMPARE_TARGET)} |" if cmp_
                                        else f"{NA} | {NA} | p95 < 150 ms |"))
    from bench.network import render_rows

    lines += render_rows(pages, _stats, ms, NA)
    ag = _stats(agreed)
    lines.append("| agreed-language lookup (25 pasted words) | "
                 + (f"{ms(ag['p50'])} | {ms(ag['p95'])} | p95 < 200 ms: {verdict(ag['p95'], AGREED_P95_TARGET)} |"
                    if ag else f"{NA} | {NA} | p95 < 200 ms |"))
    for label in ("10 kB", "1 MB"):
        entry = parsing.get(label)
        if entry and "timeout" in entry:
            lines.append(f"| parse a {label} input ({entry['bytes']:,} bytes) | > {entry['timeout']:.0f} s "
                         f"(stopped: a warm-up and one timed parse did not finish in that time) | | |")
        elif entry and "error" in entry:
            lines.append(f"| parse a {label} input | error: {entry['error'][:80]} | | |")
        elif entry:
            s = _stats(entry["samples"])
            lines.append(f"| parse a {label} input ({entry['bytes']:,} bytes, {entry['paragraphs']:,} paragraphs) | "
                         f"{ms(s['p50'])} | {ms(s['p95'])} | |")
        else:
            lines.append(f"| parse a {label} input | {NA} | {NA} | |")
    lines.append("")
    lines += render_lines(load)
    return "\n".join(lines)


def safe_run(*args, **kwargs) -> str:
    """``run`` that prints the traceback of a failed measurement instead of hiding it."""
    try:
        return run(*args, **kwargs)
    except Exception:
        traceback.print_exc()
        raise
