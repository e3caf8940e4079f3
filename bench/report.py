"""The benchmark's table: figures, the targets of issue 7 and by how much each is missed."""
from __future__ import annotations

import os
import platform
from datetime import datetime, timezone

NA = "n/a (not built yet)"


def percentile(samples: list[float], p: float) -> float:
    """Nearest-rank percentile of ``samples`` (p in 0..100)."""
    ordered = sorted(samples)
    if not ordered:
        return float("nan")
    rank = max(1, min(len(ordered), round(p / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def ms(value) -> str:
    return "n/a" if value is None else f"{value * 1000:.1f}"


def machine() -> str:
    import psutil

    mem = psutil.virtual_memory().total / 2**30
    return f"{os.cpu_count()} cores ({platform.processor() or platform.machine()}), {mem:.1f} GiB memory, " \
           f"Python {platform.python_version()}"


def verdict(value, limit, *, higher_is_better=False) -> str:
    """'met' or 'missed by N%' (the target of issue 7 beside each figure)."""
    if value is None:
        return "n/a"
    if higher_is_better:
        return "met" if value >= limit else f"missed by {100 * (limit - value) / limit:.0f}% ({value:.0f} < {limit})"
    return "met" if value <= limit else f"missed by {100 * (value - limit) / limit:.0f}%"


RSS_FLAT_MIB = 50   # the change in RSS, first tenth of the files to last, still called flat


def memory_trend(first: float, last: float) -> str:
    """'flat', 'grows' or 'falls': RSS (bytes) from the first tenth of the files to the last.  Within RSS_FLAT_MIB
    either way it is flat; a fall is the direction the target does not worry about, but it is not growth."""
    change = (last - first) / 2 ** 20
    if abs(change) < RSS_FLAT_MIB:
        return "flat"
    return "grows" if change > 0 else "falls"


def header(scale: int, paragraphs: int, seed: int, runs: int) -> list[str]:
    return [
        f"# Benchmark: {scale:,} documents ({paragraphs:,} paragraphs)",
        "",
        f"- Date: {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC; machine: {machine()}",
        f"- Corpus: `bench/generate.py` seed {seed}; {runs} timed runs per figure (after one warm-up), "
        "percentiles nearest-rank; times in milliseconds.",
        "- Targets (issue 7, at 100,000 documents on 2 cores): search p95 < 50 ms and <= 1.5x the SQL floor; "
        "ingestion >= 100 documents/s from text with flat memory; document page < 20 ms; agreed-language p95 < 200 ms.",
        "- Every figure is also in the JSON file of the same name beside this table (keys: bench/figures.py and the "
        "README's Benchmark section).",
        "",
    ]
