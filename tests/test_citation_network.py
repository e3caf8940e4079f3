"""The citation network of a document: what it cites and what cites it, to depth 2, drawn as SVG on its page and
listed beside the drawing; counts kept as documents arrive and leave.  On the Security Council's Yemen resolutions
(AKN files): S/RES/2768 (2025) and S/RES/2812 (2026) both cite S/RES/2722 (2024), and S/RES/2812 cites S/RES/2768
in its preamble ('including resolutions 2216 (2015), 2722 (2024), 2739 (2024), 2768 (2025), and 2787 (2025)')."""
import re

import pytest

from network.graph import neighbourhood
from network.models import CitationLink, NetworkNode
from network.services import rebuild_network
from resolutions.services.documents import delete_documents
from resolutions.services.ingestion.ingest import ingest_file

SC = "unxml-sc-resolutions"
FILES = {"2722": f"{SC}/2024/English/S_RES_2722-2400437E.xml", "2768": f"{SC}/2025/English/S_RES_2768-2500616E.xml",
         "2812": f"{SC}/2026/English/S_RES_2812-2600463E.xml"}

pytestmark = pytest.mark.django_db


def _text(path) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8")))


def _ingest(corpus_dir, *numbers):
    return {n: ingest_file((corpus_dir / FILES[n]).read_bytes(), f"{n}.xml").document for n in numbers}


def _cited_by(document) -> int:
    return NetworkNode.objects.get(document=document).cited_by


def test_the_sources_cite_each_other_as_the_tests_expect(corpus_dir):
    """What the other tests rely on, read from the XML's words."""
    assert "resolution 2722 (2024)" in _text(corpus_dir / FILES["2768"])
    text = _text(corpus_dir / FILES["2812"])
    assert "2722 (2024)" in text and "2768 (2025)" in text
    assert "2768" not in _text(corpus_dir / FILES["2722"]) and "2812" not in _text(corpus_dir / FILES["2722"])


def test_the_document_page_draws_the_network_and_lists_the_same_links(client, corpus_dir):
    docs = _ingest(corpus_dir, "2722", "2768", "2812")
    page = client.get(docs["2812"].get_absolute_url()).content.decode()
    panel = page[page.index('class="network-panel"'):]
    svg = panel[panel.index("<svg"):panel.index("</svg>")]
    for n in ("2722", "2768"):
        assert f'href="{docs[n].get_absolute_url()}"' in svg      # a node of the drawing links to the document
    assert svg.count('class="network-edge') == 3                  # 2812->2722, 2812->2768, 2768->2722
    lists = panel[panel.index('class="network-lists"'):]
    cites = lists[lists.index("<h3>Cites</h3>"):]
    assert docs["2722"].symbol in cites and docs["2768"].symbol in cites


def test_the_network_reaches_two_steps_in_both_directions(corpus_dir):
    docs = _ingest(corpus_dir, "2722", "2768", "2812")
    around = neighbourhood(docs["2722"])
    assert {n.document.symbol for n in around.side("citing", 1)} == {docs["2768"].symbol, docs["2812"].symbol}
    middle = neighbourhood(docs["2768"])
    assert [n.document.symbol for n in middle.side("cited", 1)] == [docs["2722"].symbol]
    assert [n.document.symbol for n in middle.side("citing", 1)] == [docs["2812"].symbol]
    assert (docs["2812"].pk, docs["2768"].pk) in middle.edges and (docs["2812"].pk, docs["2722"].pk) in middle.edges


def test_the_network_is_bounded_and_says_so(corpus_dir):
    docs = _ingest(corpus_dir, "2722", "2768", "2812")
    small = neighbourhood(docs["2722"], max_nodes=2)
    assert len(small.nodes) == 2 and small.truncated
    # The most cited neighbour is kept: S/RES/2768 is cited by S/RES/2812, S/RES/2812 by none.
    assert small.side("citing", 1)[0].document == docs["2768"]


def test_counts_follow_the_documents_in_whatever_order_they_arrive(corpus_dir):
    docs = _ingest(corpus_dir, "2812", "2768")          # the cited resolution arrives last
    assert not NetworkNode.objects.filter(document=docs["2768"], cited_by=0).exists()
    docs.update(_ingest(corpus_dir, "2722"))
    assert _cited_by(docs["2722"]) == 2 and _cited_by(docs["2768"]) == 1
    assert NetworkNode.objects.get(document=docs["2812"]).cites == 2
    delete_documents([docs["2812"]])
    assert _cited_by(docs["2722"]) == 1 and _cited_by(docs["2768"]) == 0
    kept = sorted(CitationLink.objects.values_list("source_id", "target_id"))
    assert rebuild_network() == len(kept) == 1
    assert sorted(CitationLink.objects.values_list("source_id", "target_id")) == kept
    assert _cited_by(docs["2722"]) == 1


def test_a_document_without_citations_in_the_archive_has_no_network_panel(client, corpus_dir):
    docs = _ingest(corpus_dir, "2722")
    page = client.get(docs["2722"].get_absolute_url()).content.decode()
    assert 'class="network-panel"' not in page


def test_the_network_and_the_addressees_come_back_after_a_dump_and_a_load(corpus_dir, tmp_path):
    """Derived data, like the search index: load_archive rebuilds the links, counts and each paragraph's addressees."""
    from django.core.management import call_command

    from addressees.models import Addressee
    from resolutions.models import Document, SourceFile

    _ingest(corpus_dir, "2722", "2768", "2812")
    links = sorted(CitationLink.objects.values_list("source_id", "target_id", "citations"))
    counts = sorted(NetworkNode.objects.values_list("document_id", "cited_by", "cites"))
    addressees = sorted(Addressee.objects.values_list("paragraph_id", "label"))
    assert links and addressees
    call_command("dump_archive", str(tmp_path / "dump"), "--no-progress")
    Document.objects.all().delete()
    SourceFile.objects.all().delete()
    assert not CitationLink.objects.exists() and not Addressee.objects.exists()
    call_command("load_archive", str(tmp_path / "dump" / "documents.jsonl"), "--no-progress")
    assert sorted(CitationLink.objects.values_list("source_id", "target_id", "citations")) == links
    assert sorted(NetworkNode.objects.values_list("document_id", "cited_by", "cites")) == counts
    assert sorted(Addressee.objects.values_list("paragraph_id", "label")) == addressees
