"""Benchmark rows of issue 16 items 3 and 4: the citation network panel, the most-cited page, search sorted by
citations, and paragraph search with the addressee and action facets and filters.  Read by bench/run.py."""
from __future__ import annotations

ROWS = (
    ("network_panel", "document page of the most cited document (network panel: depth 2, at most 60 nodes, SVG)"),
    ("network_panel_only", "network panel alone (neighbourhood read and drawn, most cited document)"),
    ("most_cited", "most-cited page (every body, all years)"),
    ("sort_cited", "search sorted by citations (`States`, sort=cited)"),
    ("addressee_facets", "paragraph search with action and addressee facets (`report`, mode=paragraphs)"),
    ("addressee_filter", "paragraphs requesting the Secretary-General (`report`, action=requests, "
                         "addressee=Secretary-General)"),
)


def measure_network(client, runs: int, timed) -> dict:
    """Each row's timings (None where the archive has nothing to measure it on)."""
    from django.test import override_settings

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
    # The per-client allowance would turn the later runs into 429s: the pages' own work is measured.
    with override_settings(ARCHIVE_RATE_LIMITS={"anon": None, "heavy": None}):
        for name, url in urls.items():
            if client.get(url).status_code == 200:
                out[name] = timed(lambda: client.get(url), runs)
    return out


NO_LINKS = "n/a (no document of this archive cites another)"


def render_rows(pages: dict, stats, ms, na: str) -> list[str]:
    lines = []
    for key, label in ROWS:
        found = stats(pages.get(key))
        missing = NO_LINKS if key.startswith("network_panel") else na
        lines.append(f"| {label} | " + (f"{ms(found['p50'])} | {ms(found['p95'])} | |" if found
                                        else f"{missing} | {missing} | |"))
    return lines
