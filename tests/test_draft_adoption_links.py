"""A resolution linked to the draft its AKN markup names, on a real pair of the corpus: the Third Committee draft
A/C.3/78/L.41 (its text as the un-bench genealogy holds it, a text extraction of the UN's PDF without the first
page's header) and resolution A/RES/78/220 (the UN's AKN, whose workflow says
<step outcome="draftResolution" as="A/C.3/78/L.41" by="Albania, Australia, ..."/>)."""
import json

import pytest
from lxml import etree

from resolutions.lineage.services import relink_all
from resolutions.models import Document, DocumentLink
from resolutions.parser.pipeline import parse
from resolutions.services.documents import document_changed
from resolutions.services.ingestion.ingest import ingest_file
from resolutions.un.member_states import lookup_state

pytestmark = pytest.mark.django_db

AKN = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}


def _draft(corpus_dir):
    data = json.loads((corpus_dir / "un-bench-eda-ga78/viz/analysis_iran_genealogy.json").read_text(encoding="utf-8"))
    return data["stages"]["draft"]["text"].encode("utf-8"), "A_C.3_78_L.41.txt"


def _resolution(corpus_dir):
    path = next((corpus_dir / "unxml-ga-resolutions/78session/English").glob("A_RES_78_220-*.xml"))
    return path.read_bytes(), path.name


def _ingest(data_and_name):
    outcome = ingest_file(*data_and_name)
    assert outcome.status == "parsed", outcome.message
    return outcome.document


def _the_one_link(draft, resolution):
    links = list(DocumentLink.objects.filter(kind=DocumentLink.Kind.ADOPTED))
    assert [(link.source_id, link.target_id) for link in links] == [(resolution.pk, draft.pk)]
    assert "markup" in links[0].method
    return links[0]


def test_a_draft_text_without_its_header_takes_the_symbol_its_pages_print_in_the_margin(corpus_dir):
    # '*2321227*A/C.3/78/L.41' and '2/9 23-21227A/C.3/78/L.41' at the foot and head of its pages
    assert parse(*_draft(corpus_dir)).symbol == "A/C.3/78/L.41"


def test_a_resolution_arriving_after_its_draft_is_linked_to_it_once(client, corpus_dir):
    draft = _ingest(_draft(corpus_dir))
    resolution = _ingest(_resolution(corpus_dir))
    assert resolution.draft_symbol == "A/C.3/78/L.41"
    _the_one_link(draft, resolution)
    # both pages show the other: the resolution 'was adopted from' the draft, the draft was adopted as it
    assert "A/C.3/78/L.41" in client.get(resolution.get_absolute_url()).content.decode()
    assert "A/RES/78/220" in client.get(draft.get_absolute_url()).content.decode()
    versions = client.get(f"/api/documents/{resolution.pk}/").json()
    assert versions["draft_symbol"] == "A/C.3/78/L.41"


def test_a_draft_arriving_after_its_resolution_is_linked_to_it_once(corpus_dir):
    resolution = _ingest(_resolution(corpus_dir))
    assert not DocumentLink.objects.exists()
    draft = _ingest(_draft(corpus_dir))
    _the_one_link(draft, resolution)
    # the resolution changed again (a staff edit, a re-parse), or the whole archive relinked: still the one link
    document_changed(Document.objects.get(pk=resolution.pk))
    _the_one_link(draft, resolution)
    relink_all()
    _the_one_link(draft, Document.objects.get(pk=resolution.pk))


def test_the_resolution_has_the_drafts_sponsors_and_its_additional_sponsors(corpus_dir):
    data, name = _resolution(corpus_dir)
    steps = etree.fromstring(data).findall(".//a:workflow/a:step", AKN)
    # 'Albania, Australia, ..., United Kingdom of Great Britain and Northern Ireland, United States of America' (the
    # draft's), then 'Andorra, New Zealand, Palau, Republic of Moldova, San Marino, Tuvalu and Vanuatu' (who joined)
    parts = [part.strip() for step in steps if step.get("outcome") in (
        "draftResolution", "draftResolutionAdditionalSponsors") for part in step.get("by", "").split(",")]
    printed = [name for part in parts for name in ([part] if lookup_state(part) else part.split(" and "))]
    assert len(printed) == 50 and all(lookup_state(n) for n in printed)
    resolution = _ingest((data, name))
    stored = [s.state.name for s in resolution.sponsorships.select_related("state").order_by("order")]
    assert stored == list(dict.fromkeys(lookup_state(n) for n in printed))
