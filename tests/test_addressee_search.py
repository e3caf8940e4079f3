"""Addressees and actions stored at ingestion and searched: facets in paragraph mode, the page's and the API's
filters (action=, addressee=), shown on the document page, and read again after a staff edit.  On A/RES/78/220
(the situation of human rights in the Islamic Republic of Iran, the UN's AKN file) and S/RES/2531 (2020) (Mali)."""
import re

import pytest

from addressees.models import Addressee, ParagraphAction
from resolutions.models import Paragraph
from resolutions.search import read_search
from resolutions.services.documents import save_paragraph_edit
from resolutions.services.ingestion.ingest import ingest_file

IRAN = "unxml-ga-resolutions/78session/English/A_RES_78_220-2325993E.xml"
MALI = "unxml-sc-resolutions/2020/English/S_RES_2531 (2020)-2008609E.xml"
REQUESTS = re.compile(r"^(?:Also |Further |Further also )?requests\b", re.IGNORECASE)

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(corpus_dir):
    return {name: ingest_file((corpus_dir / path).read_bytes(), path.rsplit("/", 1)[-1]).document
            for name, path in (("iran", IRAN), ("mali", MALI))}


def test_every_operative_paragraph_and_sub_paragraph_gets_its_action_at_ingestion(archive):
    for document in archive.values():
        operative = Paragraph.objects.filter(document=document, annex__isnull=True, parent__isnull=True,
                                             kind="operative")
        subs = Paragraph.objects.filter(document=document, annex__isnull=True, parent__kind="operative")
        stored = ParagraphAction.objects.filter(paragraph__document=document)
        assert stored.count() == operative.count() + subs.count() > 20
        # Every top-level operative paragraph of these two opens with a lead of the taxonomy.
        assert not stored.filter(paragraph__parent__isnull=True, action="").exists()


def test_paragraph_search_finds_what_requests_the_secretary_general(archive, client):
    result = read_search({"mode": "paragraphs", "action": "requests", "addressee": "Secretary-General"}).run()
    assert result.total >= 3
    for hit in result.hits:
        text = (hit.paragraph.parent or hit.paragraph).text
        assert REQUESTS.match(text) and "Secretary-General" in text
    facets = {facet.name: {v.value: v.count for v in facet.values} for facet in result.facets}
    assert facets["action"] == {"requests": result.total}
    assert facets["addressee"]["Secretary-General"] == result.total
    page = client.get("/search/", {"mode": "paragraphs", "action": "requests", "addressee": "Secretary-General"})
    assert "Addressed to" in page.content.decode() and page.context["result"].total == result.total


def test_the_api_filters_paragraphs_by_a_named_state_they_address(archive, client):
    data = client.get("/api/search/", {"mode": "paragraphs", "addressee": "state:Iran (Islamic Republic of)",
                                       "page_size": 100}).json()
    assert data["total"] >= 10
    for paragraph in data["paragraphs"]:
        row = Paragraph.objects.select_related("parent").get(document_id=paragraph["document"]["id"],
                                                            anchor=paragraph["anchor"])
        assert "Islamic Republic of Iran" in row.text + (row.parent.text if row.parent else "")
    facet = next(f for f in data["facets"] if f["name"] == "addressee")
    assert any(v["label"] == "Iran (Islamic Republic of)" and v["selected"] for v in facet["values"])
    everything = client.get("/api/search/", {"mode": "paragraphs"}).json()["total"]
    assert data["total"] < everything


def test_the_document_page_shows_each_paragraphs_action_and_addressees_as_search_links(archive, client):
    page = client.get(archive["iran"].get_absolute_url()).content.decode()
    shown = re.findall(r'<p class="addressing">(.*?)</p>', page)
    assert len(shown) >= 20
    assert any('addressee=state%3AIran' in line and ">Iran (Islamic Republic of)</a>" in line for line in shown)


def test_a_staff_edit_reads_the_paragraph_again(archive):
    paragraph = (Paragraph.objects.filter(document=archive["mali"], kind="operative", parent__isnull=True,
                                          text__startswith="Requests the Secretary-General").first())
    assert paragraph.addressees.filter(label="Secretary-General").exists()
    paragraph.text = "Urges all parties to cooperate fully with MINUSMA;"
    paragraph.lead = "Urges"
    save_paragraph_edit(paragraph, changed=True)
    assert ParagraphAction.objects.get(paragraph_id=paragraph.pk).action == "urges"
    assert sorted(Addressee.objects.filter(paragraph_id=paragraph.pk).values_list("label", flat=True)) == ["parties"]


SOMALIA = "unxml-sc-resolutions/2024/English/S_RES_2767-2424584E.xml"


def test_the_apis_paragraph_hits_say_what_each_paragraph_does_and_whom_it_addresses(archive, client):
    data = client.get("/api/search/", {"mode": "paragraphs", "action": "requests", "addressee": "Secretary-General",
                                       "page_size": 100}).json()
    assert data["total"] >= 3 and len(data["paragraphs"]) == data["total"]
    for hit in data["paragraphs"]:
        assert hit["action"] == "requests"
        assert {"label": "Secretary-General", "name": "Secretary-General"} in hit["addressees"]
    # A sub-paragraph of S/RES/2531 (2020) op47 ('Requests the Secretary-General, Member States, and Mali to take
    # appropriate steps ...:') carries its parent's action and addressees.
    subs = [hit for hit in data["paragraphs"] if hit["anchor"].startswith("op47-")]
    assert subs
    assert {"state:Mali", "Member States"} <= {a["label"] for a in subs[0]["addressees"]}
    iran = client.get("/api/search/", {"mode": "paragraphs", "addressee": "state:Iran (Islamic Republic of)"}).json()
    assert all({"label": "state:Iran (Islamic Republic of)", "name": "Iran (Islamic Republic of)"} in hit["addressees"]
               for hit in iran["paragraphs"])


def test_the_apis_document_gives_each_paragraph_its_action_and_addressees(archive, client):
    data = client.get(f"/api/documents/{archive['mali'].pk}/").json()
    assert all(p["action"] == "" and p["addressees"] == [] for p in data["preambular"])
    assert all(p["action"] for p in data["operative"])
    # Read from the text: 'Requests the Secretary-General, Member States, and Mali to take appropriate steps ...'.
    op47 = next(p for p in data["operative"] if p["anchor"] == "op47")
    assert op47["action"] == "requests"
    assert {"Secretary-General", "Member States", "state:Mali"} <= {a["label"] for a in op47["addressees"]}
    assert op47["subparagraphs"] and all(sub["action"] == "requests" for sub in op47["subparagraphs"])


def test_the_schema_declares_the_action_and_addressees_of_paragraphs_and_paragraph_hits(archive, client):
    from drf_spectacular.validation import validate_schema
    schema = client.get("/api/schema/?format=json").json()
    validate_schema(schema)
    components = schema["components"]["schemas"]
    for name in ("Paragraph", "Subparagraph", "ParagraphHit"):
        assert {"action", "addressees"} <= set(components[name]["properties"]), name
    assert {"label", "name"} <= set(components["Addressee"]["properties"])


def test_a_sub_paragraph_with_a_lead_of_its_own_shows_its_label_and_addressing_on_the_page(corpus_dir, client):
    # S/RES/2767 (2024) op33: 'Notes the Joint Report anticipates the need for reconfiguration of UNSOS's operations
    # ..., and:' ... (b) 'requests the Secretary-General to work closely with the African Union in supporting ...'.
    document = ingest_file((corpus_dir / SOMALIA).read_bytes(), SOMALIA.rsplit("/", 1)[-1]).document
    page = client.get(document.get_absolute_url()).content.decode()
    item = re.search(r'<li id="op33-b".*?</li>', page, re.S).group(0)
    own = re.search(r'<span class="addressing">(.*?)</span></li>', item, re.S).group(1)
    assert "(b)" in own and "action=requests" in own and ">Secretary-General</a>" in own
    parent = re.search(r'id="op33".*?<p class="addressing">(.*?)</p>', page, re.S).group(1)
    assert "action=notes" in parent and "Secretary-General" not in parent
    hits = client.get("/search/", {"mode": "paragraphs", "action": "requests", "addressee": "Secretary-General",
                                   "q": "AUSSOM"}).content.decode()
    assert "operative 33 (b)" in hits


def test_a_language_versions_paragraphs_carry_the_main_texts_addressing_in_the_api(archive, client, corpus_dir):
    french = "unxml-ga-resolutions/78session/French/A_RES_78_220-2325993F.xml"
    assert ingest_file((corpus_dir / french).read_bytes(), french.rsplit("/", 1)[-1]).document == archive["iran"]
    url = f"/api/documents/{archive['iran'].pk}/"
    english = {p["anchor"]: (p["action"], p["addressees"]) for p in client.get(url).json()["operative"]}
    data = client.get(url, {"language": "fr"}).json()
    assert data["language"] == "fr"
    version = {p["anchor"]: (p["action"], p["addressees"]) for p in data["operative"]}
    assert len(version) > 20 and version == {anchor: english[anchor] for anchor in version}
    assert any("state:Iran (Islamic Republic of)" in [a["label"] for a in addressees]
               for _, addressees in version.values())
