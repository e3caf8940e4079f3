"""Every figure of a benchmark run as JSON beside its table (``smoke-1000.json`` beside ``smoke-1000.md``,
``BENCHMARKS.json`` beside ``BENCHMARKS.md``), so tools read the figures without scraping the table; and the
embedded server's settings, which the table shows.

The keys (documented in BENCHMARKS.md's header and the README's Benchmark section; times in milliseconds, each
timed figure as ``{"p50", "p95", "p99", "runs"}``, ``null`` where a piece is not built or was not run):

* ``schema`` (``"archive-bench/1"``), ``scale``, ``seed``, ``runs``, ``date`` (UTC, ISO 8601), ``machine``
  (``cores``, ``memory_bytes``, ``python``), ``documents`` (stored when measured), ``partial`` (true when a
  sitting stopped before every file was stored);
* ``postgresql``: ``{setting: {"value", "source"}}`` for shared_buffers, effective_cache_size, work_mem,
  maintenance_work_mem, max_connections: what the server measured runs with (``SHOW``) and where the value
  came from;
* ``ingestion``: the corpus loaded in bulk (``mode`` "bulk"): ``status`` ("ok" or why not), ``documents_per_s``,
  ``paragraphs_per_s``, ``files``, ``failed``, ``jobs``, ``seconds``, ``peak_rss_bytes``, ``rss_first_bytes``,
  ``rss_last_bytes``, ``sittings``; and ``one_by_one``: the same keys for the corpus's last files (2%, at least
  500) ingested one by one after it;
* ``search``: one object per query of the mix: ``name``, ``query``, ``filters``, ``hits``, ``function_ms``,
  ``http_ms``, ``floor_ms``, ``tantivy_ms``, ``tantivy_hits``;
* ``pages``: ``document_ms`` (first view: built), ``document_repeat_ms`` (repeat view: from the page cache),
  ``compare_ms`` (a draft against its revision, built), ``compare_repeat_ms`` (the same from the page cache),
  ``compare_sessions_ms`` and ``compare_sessions_repeat_ms`` (two sessions' documents of one series); issue 16's
  (bench/network.py): ``feed_search_ms``, ``feed_state_ms``,
  ``feed_agenda_ms``, ``network_panel_ms`` (the most cited document's page), ``network_panel_only_ms``,
  ``most_cited_ms``, ``sort_cited_ms``, ``addressee_facets_ms``, ``addressee_filter_ms``;
* ``network``: ``links``, ``citations_resolved``, ``documents_cited``, ``most_cited_by``, ``most_cited`` (symbol),
  and ``clusters``: one refresh of the thematic clusters (``status`` "ok", "timeout" or "error", ``seconds``,
  ``clusters``, ``documents``, ``peak_rss`` bytes; ``budget_s`` when stopped);
* ``agreed_language_ms``;
* ``parsing``: ``{"10 kB" | "1 MB": {"bytes", "paragraphs", "ms" or "timeout_s" or "error"}}``;
* ``load``: the load stage's own figures (bench/load.py) as it returns them: ``status``, ``requests``,
  ``failures``, ``rps``, ``p50``, ``p95``, ``p99`` (ms, all kinds), ``pages`` (per kind of request: ``requests``,
  ``failures``, ``rps``, ``p50``, ``p95``, ``p99``), ``errors``, ``server_errors``, ``seconds``, ``users``,
  ``workers``, ``worker_class``, ``threads``, ``urls`` and ``weights`` (per kind), ``rss_start`` / ``rss_end``
  (bytes per worker pid), ``rss_peak``, ``worker_restarts``; ``target`` (``rps``: 100, ``p95_ms``: 250);
* ``akn_ingestion``: ``status``, ``files``, ``files_in_corpus``, ``documents``, ``documents_per_s``,
  ``files_per_s``, ``failed``, ``jobs``, ``seconds``;
* ``vote_import``: ``status``, ``rows``, ``records``, ``state_votes``, ``state_vote_rows``, ``matched_share``,
  ``seconds``, ``rows_per_s``;
* ``stages``: each stage's wall time in seconds (``{"ingestion": 1012.3, "search": 240.1, ...}``).
"""
from __future__ import annotations

import json
import os
import platform
import statistics
from datetime import datetime, timezone
from pathlib import Path

from bench.network import KEYS as NETWORK_KEYS
from bench.report import percentile

SCHEMA = "archive-bench/1"
SERVER_SETTINGS = ("shared_buffers", "effective_cache_size", "work_mem", "maintenance_work_mem", "max_connections")


def timing(samples) -> dict | None:
    """Seconds -> {"p50", "p95", "p99", "runs"} in milliseconds."""
    if not samples:
        return None
    return {"p50": statistics.median(samples) * 1000, "p95": percentile(samples, 95) * 1000,
            "p99": percentile(samples, 99) * 1000, "runs": len(samples)}


def server_settings() -> dict[str, dict[str, str]]:
    """What the measured server runs with (SHOW), and where each value came from: the embedded server's rule or an
    ARCHIVE_PG_* variable (archive/embedded_pg/settings.py), or another server's own configuration."""
    from django.db import connection

    values = {}
    with connection.cursor() as cursor:
        for name in SERVER_SETTINGS:
            cursor.execute(f"SHOW {name}")
            values[name] = cursor.fetchone()[0]
    if os.environ.get("DATABASE_URL"):
        origins = {name: "the server's own configuration (DATABASE_URL)" for name in SERVER_SETTINGS}
    else:
        from archive.embedded_pg.settings import server_settings as embedded

        wanted, origins = embedded()
        for name in SERVER_SETTINGS:
            if _normal(values[name]) != _normal(wanted[name]):
                origins[name] = f"started before the current rule ({wanted[name]} at the next start)"
    return {name: {"value": values[name], "source": origins[name]} for name in SERVER_SETTINGS}


def _normal(value: str) -> str:
    """'6026MB' and '6026MB', '1GB' and '1024MB' compare equal."""
    text = value.strip().upper()
    for unit, factor in (("TB", 2 ** 20), ("GB", 2 ** 10), ("MB", 1)):
        if text.endswith(unit) and text[:-2].isdigit():
            return str(int(text[:-2]) * factor)
    return text


def render_settings(settings: dict | None) -> list[str]:
    if not settings:
        return []
    lines = ["## The PostgreSQL server measured", "", "| Setting | Value | From |", "|---|---|---|"]
    lines += [f"| {name} | {entry['value']} | {entry['source']} |" for name, entry in settings.items()]
    return lines + [""]


def _parsing(parsing: dict) -> dict:
    out = {}
    for label, entry in (parsing or {}).items():
        item = {"bytes": entry.get("bytes"), "paragraphs": entry.get("paragraphs")}
        if "samples" in entry:
            item["ms"] = timing(entry["samples"])
        if "timeout" in entry:
            item["timeout_s"] = entry["timeout"]
        if "error" in entry:
            item["error"] = entry["error"]
        out[label] = item
    return out


def _one_by_one(figures: dict | None) -> dict | None:
    """The one-by-one sample's figures under the same keys as the bulk load's."""
    if not figures:
        return None
    return {"status": figures.get("status"), "documents_per_s": figures.get("docs_per_s"),
            "paragraphs_per_s": figures.get("paragraphs_per_s"), "files": figures.get("files"),
            "failed": figures.get("failed"), "jobs": figures.get("jobs"), "seconds": figures.get("seconds"),
            "peak_rss_bytes": figures.get("peak_rss"), "rss_first_bytes": figures.get("rss_first"),
            "rss_last_bytes": figures.get("rss_last")}


def collect(*, scale, seed, runs, stored_documents, partial, ingestion, search_rows, pages, agreed, parsing, load,
            akn, votes, settings, stages=None) -> dict:
    import psutil

    ingestion = ingestion or {}
    return {
        "schema": SCHEMA, "scale": scale, "seed": seed, "runs": runs,
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": {"cores": os.cpu_count(), "memory_bytes": psutil.virtual_memory().total,
                    "python": platform.python_version()},
        "documents": stored_documents, "partial": partial, "postgresql": settings,
        "ingestion": {"status": ingestion.get("status"), "documents_per_s": ingestion.get("docs_per_s"),
                      "paragraphs_per_s": ingestion.get("paragraphs_per_s"), "files": ingestion.get("files"),
                      "failed": ingestion.get("failed"), "jobs": ingestion.get("jobs"),
                      "seconds": ingestion.get("seconds"), "peak_rss_bytes": ingestion.get("peak_rss"),
                      "rss_first_bytes": ingestion.get("rss_first"), "rss_last_bytes": ingestion.get("rss_last"),
                      "sittings": ingestion.get("sittings"), "mode": ingestion.get("mode"),
                      "one_by_one": _one_by_one(ingestion.get("one_by_one"))},
        "search": [{"name": row["name"], "query": row["query"], "filters": row["filters"], "hits": row.get("total"),
                    "function_ms": timing(row.get("function")), "http_ms": timing(row.get("http")),
                    "floor_ms": timing(row.get("floor")), "tantivy_ms": timing(row.get("peer")),
                    "tantivy_hits": row.get("peer_total")} for row in search_rows],
        "pages": {f"{key}_ms": timing(pages.get(key))
                  for key in ("document", "document_repeat", "compare", "compare_repeat", "compare_sessions",
                              "compare_sessions_repeat")
                  + NETWORK_KEYS},
        "network": {**(pages.get("network_size") or {}),
                    "most_cited": (pages.get("network_top") or {}).get("symbol"),
                    "clusters": pages.get("clusters")},
        "agreed_language_ms": timing(agreed),
        "parsing": _parsing(parsing),
        "load": load,
        "akn_ingestion": akn,
        "vote_import": votes,
        "stages": stages or {},
    }


def write_json(table_path: Path, figures: dict) -> Path:
    """The figures beside the table: the same name with ``.json``."""
    target = Path(table_path).with_suffix(".json")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(figures, indent=1, sort_keys=False, default=str) + "\n")
    return target
