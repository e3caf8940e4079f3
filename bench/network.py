"""Benchmark rows of issue 16: Atom feed generation (a search, a member state, an agenda item), the citation
network panel, the most-cited page, search sorted by citations, paragraph search with the addressee and action
facets and filters, and the refresh of the thematic clusters.  Read by bench/run.py and bench/figures.py.

The generated corpus cites its own resolutions (bench/citing.py), so the network rows measure a real
neighbourhood: the panel is that of the most cited document.  The clusters are refreshed (``refresh_clusters``,
what the background task runs) in a child process under a time budget, as the parse is: a refresh that outgrows
the budget is reported as "> budget", never left to hold up the rest, and its memory is capped so that it cannot
take the machine from the other stages.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FEED_ROWS = (
    ("feed_search", "Atom feed of a search (`trafficking`, 50 newest with snippets)"),
    ("feed_state", "Atom feed of a member state (its most sponsoring state)"),
    ("feed_agenda", "Atom feed of an agenda item (the item with the most documents)"),
)
ROWS = (
    ("network_panel", "document page of the most cited document, built (page cache off; network panel: depth 2, "
                      "at most 60 nodes, SVG)"),
    ("network_panel_only", "network panel alone (neighbourhood read and drawn, most cited document)"),
    ("most_cited", "most-cited page (every body, all years)"),
    ("sort_cited", "search sorted by citations (`States`, sort=cited)"),
    ("addressee_facets", "paragraph search with action and addressee facets (`report`, mode=paragraphs)"),
    ("addressee_filter", "paragraphs requesting the Secretary-General (`report`, action=requests, "
                         "addressee=Secretary-General)"),
)
KEYS = tuple(key for key, _ in FEED_ROWS + ROWS)
CLUSTER_MEMORY_LIMIT = 8 * 2 ** 30      # bytes of address space for the refresh's child process


def _unthrottled():
    """The per-client allowance would turn the later runs into 429s: the pages' own work is measured."""
    from django.test import override_settings

    return override_settings(ARCHIVE_RATE_LIMITS={"anon": None, "heavy": None})


def measure_feeds(client, runs: int, timed) -> dict:
    """Atom feed generation over HTTP: a common word's search feed, the feed of the state that sponsored the most
    documents and that of the agenda item with the most documents, each with its newest entries."""
    from django.db.models import Count

    from resolutions.models import AgendaItem, MemberState

    out: dict = {key: None for key, _ in FEED_ROWS}
    state = MemberState.objects.annotate(n=Count("sponsorships")).filter(n__gt=0).order_by("-n", "pk").first()
    item = AgendaItem.objects.annotate(n=Count("documents")).filter(n__gt=0).order_by("-n", "pk").first()
    urls = {"feed_search": "/feeds/search/?q=trafficking",
            "feed_state": f"/feeds/states/{state.slug}/" if state else None,
            "feed_agenda": f"/feeds/agenda-items/{item.pk}/" if item else None}
    with _unthrottled():
        for name, url in urls.items():
            if url and client.get(url).status_code == 200:
                out[name] = timed(lambda: client.get(url), runs)
    return out


def measure_network(client, runs: int, timed) -> dict:
    """Each row's timings (None where the archive has nothing to measure it on)."""
    from network.models import NetworkNode
    from network.selectors import document_network
    from resolutions.selectors.documents import page_document

    out: dict = {key: None for key, _ in ROWS}
    top = NetworkNode.objects.filter(cited_by__gt=0).order_by("-cited_by", "pk").first()
    urls = {"most_cited": "/network/most-cited/",
            "sort_cited": "/search/?q=States&sort=cited",
            "addressee_facets": "/search/?q=report&mode=paragraphs",
            "addressee_filter": "/search/?q=report&mode=paragraphs&action=requests&addressee=Secretary-General"}
    if top is not None:
        urls["network_panel"] = top.document.get_absolute_url()
        document = page_document(pk=top.document_id)
        out["network_panel_only"] = timed(lambda: document_network(document), runs)
        out["network_top"] = {"symbol": top.document.symbol, "cited_by": top.cited_by, "cites": top.cites}
    from django.test import override_settings

    # The page built every time, as its first view is: repeated views would be served from the page cache
    # (resolutions/page_cache.py), which the "document page, repeat view" row measures.
    with _unthrottled(), override_settings(ARCHIVE_PAGE_CACHE=False):
        for name, url in urls.items():
            if client.get(url).status_code == 200:
                out[name] = timed(lambda: client.get(url), runs)
    return out


def network_size() -> dict:
    """How much network there is to measure: links between documents, documents cited, the most cited."""
    from django.db.models import Max

    from network.models import CitationLink, NetworkNode
    from resolutions.models import Citation

    return {"links": CitationLink.objects.count(),
            "citations_resolved": Citation.objects.filter(status=Citation.Status.RESOLVED).count(),
            "documents_cited": NetworkNode.objects.filter(cited_by__gt=0).count(),
            "most_cited_by": NetworkNode.objects.aggregate(m=Max("cited_by"))["m"] or 0}


CLUSTER_CHILD = """
import json, os, sys, time, django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
django.setup()
from network.models import NetworkNode
from network.services import refresh_clusters
started = time.perf_counter()
clusters = refresh_clusters()
seconds = time.perf_counter() - started
clustered = NetworkNode.objects.filter(cluster__isnull=False).count()
import resource
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({"seconds": seconds, "clusters": clusters, "documents": clustered, "peak_rss": peak}))
"""


def _limit_memory():
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (CLUSTER_MEMORY_LIMIT, CLUSTER_MEMORY_LIMIT))


def measure_clusters(budget: float, log=print) -> dict:
    """One refresh of the thematic clusters over the whole archive, as the background task runs it (seconds,
    clusters, documents clustered, the process's peak memory), in a child process stopped after ``budget``."""
    from bench.load import database_url

    env = {**os.environ, "DATABASE_URL": database_url(), "DJANGO_SETTINGS_MODULE": "archive.settings"}
    env.pop("DATABASE_REPLICA_URLS", None)
    started = time.perf_counter()
    try:
        done = subprocess.run([sys.executable, "-c", CLUSTER_CHILD], cwd=ROOT, env=env, capture_output=True,
                              text=True, timeout=budget, preexec_fn=_limit_memory)
    except subprocess.TimeoutExpired:
        log(f"  cluster refresh stopped after {budget:.0f} s")
        return {"status": "timeout", "budget_s": budget}
    try:
        figures = json.loads(done.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        error = ((done.stderr or "no output").strip().splitlines()[-1:] or ["no output"])[0][:300]
        if "MemoryError" in error:
            error += f" (its memory is capped at {CLUSTER_MEMORY_LIMIT / 2 ** 30:.0f} GiB)"
        seconds = time.perf_counter() - started
        log(f"  cluster refresh failed after {seconds:.0f} s: {error}")
        return {"status": "error", "message": error, "seconds": seconds}
    return {"status": "ok", **figures}


def render_rows(pages: dict, stats, ms, na: str) -> list[str]:
    lines = []
    for key, label in FEED_ROWS + ROWS:
        found = stats(pages.get(key))
        missing = na
        if key.startswith("network_panel") and pages.get("network_size", {}).get("links") == 0:
            missing = "n/a (no document of this archive cites another)"
        lines.append(f"| {label} | " + (f"{ms(found['p50'])} | {ms(found['p95'])} | |" if found
                                        else f"{missing} | {missing} | |"))
    clusters = pages.get("clusters") or {}
    if clusters.get("status") == "ok":
        lines.append(f"| thematic clusters refreshed (whole archive, one run: {clusters['clusters']:,} clusters of "
                     f"{clusters['documents']:,} documents, peak {clusters['peak_rss'] / 2 ** 20:.0f} MiB) | "
                     f"{clusters['seconds'] * 1000:.0f} | | |")
    elif clusters.get("status") == "timeout":
        lines.append(f"| thematic clusters refreshed (whole archive, one run) | > {clusters['budget_s']:.0f} s "
                     f"(stopped) | | |")
    elif clusters.get("status") == "error":
        lines.append(f"| thematic clusters refreshed (whole archive, one run) | failed after "
                     f"{clusters['seconds']:.0f} s: {clusters['message'][:120]} | | |")
    else:
        lines.append(f"| thematic clusters refreshed (whole archive, one run) | {na} | | |")
    size = pages.get("network_size")
    if size:
        top = pages.get("network_top") or {}
        lines.append(f"| citation network measured (resolved citations; links between documents; documents "
                     f"cited; most cited) | {size['citations_resolved']:,}; {size['links']:,}; "
                     f"{size['documents_cited']:,}; {top.get('symbol') or '-'} cited by {size['most_cited_by']:,} "
                     f"| | |")
    return lines
