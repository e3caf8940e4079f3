"""AKN4UN XML as an input format: every AKN file of the corpus parses from its markup, keeps its words, and its
structure, header, votes and language are those the XML states (read here independently with lxml)."""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from resolutions.parser import ParseError, detect_format, parse
from resolutions.measure.conservation import measure, words

A = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
NS = {"a": A}
MALFORMED = "unxml-sc-resolutions/PRST/2000/S_PRST_2000_27-0059266E.xml"
# Elements that run inside a line of text: no word boundary at their edges ('1<sup>er</sup>' is one word, and the
# UN's markup splits a symbol over several links: '<a>S/2023/</a><a>9</a><a>62</a>').
INLINE = {"span", "sup", "sub", "a", "inline", "i", "b", "u", "docDate", "docNumber", "term", "ref", "abbr", "def",
          "mref", "rref", "organization", "date", "session", "docAuthority", "docStatus", "img", "noteRef"}
# Parts of the markup whose words are header fields, checked field by field below (the cover page, the meeting
# and date of adoption), or metadata that is not printed text at all (meta).
NOT_TEXT = {"meta", "coverPage", "conclusions"}


def akn_files(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.glob("unxml-*/**/*.xml"))


def local(el) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def statement(path: Path):
    return next(c for c in etree.parse(str(path)).getroot() if isinstance(c.tag, str))


def printed_text(path: Path) -> str:
    """The XML's own text, outside meta and the header parts: what a reader of the printed resolution reads."""
    out: list[str] = []

    def walk(node):
        if local(node) in NOT_TEXT:
            return
        out.append(node.text or "")
        for child in node:
            if isinstance(child.tag, str):
                walk(child)
            out.append(child.tail or "")
        if local(node) not in INLINE:
            out.append(" ")

    walk(statement(path))
    return "".join(out)


@pytest.fixture(scope="module")
def corpus(corpus_dir):
    return corpus_dir


@pytest.fixture(scope="module")
def parsed(corpus):
    """Every AKN file of the corpus with its parse (the one malformed file left out)."""
    out = {}
    for path in akn_files(corpus):
        if not path.as_posix().endswith(MALFORMED):
            out[path] = parse(path.read_bytes(), path.name)
    return out


def test_every_akn_file_of_the_corpus_is_recognised_and_parsed_from_its_markup(corpus, parsed):
    files = akn_files(corpus)
    assert len(files) == 364 and len(parsed) == 363
    for path in files:
        assert detect_format(path.read_bytes()[:4096], path.name) == "akn", path
    assert {doc.format for doc in parsed.values()} == {"akn"}
    assert all(doc.paragraphs for doc in parsed.values())


def test_every_akn_file_keeps_at_least_99_percent_of_the_words_the_xml_prints(parsed):
    """The shared measure (resolutions/measure/conservation.py, issue 13) against the XML's own text."""
    below = []
    for path, doc in parsed.items():
        conservation = measure(printed_text(path), doc)
        if conservation.share < 0.99:
            below.append((path.name, round(conservation.share, 4), conservation.lost_runs[:5]))
    assert not below, below


def test_the_header_fields_are_those_of_the_cover_page_and_the_conclusions(parsed):
    for path, doc in parsed.items():
        root = statement(path)
        number = root.find("a:coverPage//a:docNumber", NS)
        assert doc.symbol == re.sub(r"\s+", " ", "".join(number.itertext())).strip(), path
        adoption = root.xpath(".//a:docDate[@refersTo='#adoptionDate']/@date", namespaces=NS)
        issued = root.xpath("a:coverPage//a:docDate[@refersTo='#dateOfIssuance']/@date", namespaces=NS)
        # '0001-01-01' is the markup's placeholder for a date not filled in (Arabic S/RES/2643 (2022))
        adoption, issued = ([d for d in dates if not d.startswith("0001")] for dates in (adoption, issued))
        assert doc.date == (adoption or issued)[0], path
        session = root.xpath("a:coverPage//a:session/@value", namespaces=NS)
        assert doc.session == (int(session[0]) if session else None), path
        items = []
        for item in root.xpath("a:coverPage//a:inline[@name='agenda item']", namespaces=NS):
            # 'title="71 (c)"' from session 76 on; session 75 prints 'Agenda item 131' only
            items.extend([item.get("title")] if item.get("title") else re.findall(r"\d+(?: \([a-z]\))?",
                                                                                   "".join(item.itertext())))
        assert [a.number for a in doc.agenda_items] == [" ".join(i.split()) for i in items], path
        names = root.xpath("a:coverPage//a:inline[@name='agenda item name']", namespaces=NS)
        if names:
            assert doc.agenda_items[-1].title == " ".join("".join(names[0].itertext()).split()), path
        meeting = root.xpath("a:conclusions//*[@refersTo='#adoptionMeeting' or @name='adoptionMeeting'] | "
                             "a:coverPage//a:inline[@name='adoptionMeeting']", namespaces=NS)
        if meeting and "".join(meeting[0].itertext()).strip():  # (empty when the Council voted by mail)
            assert doc.votes.meeting == " ".join("".join(meeting[0].itertext()).split()), path
        proponent = root.find("a:coverPage//a:docProponent", NS)
        if proponent is not None and proponent.get("refersTo") != "#noMainCommittee":
            ordinal = re.match(r"#(\w+?)Committee", proponent.get("refersTo")).group(1)
            assert doc.committee == f"{ordinal.capitalize()} Committee", path


def test_paragraphs_sub_paragraphs_and_footnotes_are_those_the_markup_marks(parsed):
    for path, doc in parsed.items():
        root = statement(path)
        containers = root.xpath("a:preamble/a:container", namespaces=NS)
        cross = root.xpath("a:mainBody//a:crossHeading[@refersTo='#preamble'] | a:mainBody/a:alinea",
                           namespaces=NS)
        assert len([p for p in doc.paragraphs if p.kind == "preambular"]) == len(containers) + len(cross), path
        # '1.', and Arabic '1 -'; where the number is typed at the start of the text instead of marked up
        # (Arabic S/RES/2643 (2022)), that number
        nums = [" ".join("".join(p.find("a:num", NS).itertext()).split()) if p.find("a:num", NS) is not None
                else " ".join("".join(p.itertext()).split())[:8]
                for p in root.xpath("a:mainBody//a:paragraph[a:num or a:content]", namespaces=NS)]
        numbers = [re.fullmatch(r"(\d+)(?:\.| -)?", n) or re.match(r"(\d+) ?[.-] ", n) for n in nums]
        assert [p.number for p in doc.paragraphs if p.number] == [m.group(1) for m in numbers if m], path
        points = root.xpath("a:mainBody//a:list//a:point | a:mainBody//a:list//a:item", namespaces=NS)
        assert sum(len(p.subparagraphs) for p in doc.paragraphs if p.kind == "operative") == len(points), path
        notes = root.xpath("a:preamble//a:authorialNote | a:mainBody//a:authorialNote", namespaces=NS)
        markers = list(dict.fromkeys(n.get("marker") for n in notes))
        assert [f.marker for f in doc.footnotes] == markers, path
        attached = root.xpath("a:attachments//a:authorialNote", namespaces=NS)
        assert sum(len(a.footnotes) for a in doc.annexes) == len({n.get("marker") for n in attached}), path
        assert bool(doc.annexes) == bool(root.xpath("a:attachments/a:attachment", namespaces=NS)), path


def test_a_footnote_is_kept_at_the_paragraph_that_calls_it_with_its_text(corpus):
    path = corpus / "unxml-ga-resolutions/78session/English/A_RES_78_220-2325993E.xml"
    doc = parse(path.read_bytes(), path.name)
    guided = doc.paragraphs[0]
    assert guided.lead == "Guided" and guided.footnote_refs == ["1", "2"]
    assert guided.text.startswith("Guided by the Charter of the United Nations, as well as the Universal Declaration "
                                  "of Human Rights, the International Covenants on Human Rights and other")
    assert doc.footnotes[0].text == "Resolution 217 A (III)." and doc.footnotes[1].text == "Resolution 2200 A (XXI), annex."


def test_the_workflow_gives_the_draft_its_sponsors_and_the_committee_report(corpus):
    path = corpus / "unxml-ga-resolutions/78session/English/A_RES_78_220-2325993E.xml"
    doc = parse(path.read_bytes(), path.name)
    steps = {s.get("outcome"): s for s in statement(path).xpath("a:meta/a:workflow/a:step", namespaces=NS)}
    assert doc.draft_symbol == steps["draftResolution"].get("as") == "A/C.3/78/L.41"
    assert doc.committee_report == steps["recommendedForAdoption"].get("as")
    printed = steps["draftResolution"].get("by") + ", " + steps["draftResolutionAdditionalSponsors"].get("by")
    names = [s.name for s in doc.sponsors]
    assert names[0] == "Albania" and names[-2:] == ["Tuvalu", "Vanuatu"]  # '..., Tuvalu and Vanuatu' as printed
    assert all(name in printed for name in names) and len(set(names)) == len(names)
    assert Counter(words(printed)) - Counter(words(" ".join(names))) == Counter({"and": 1})  # but the last 'and'
    assert next(s for s in doc.sponsors if s.name == "Micronesia (Federated States of)").state


def _ga_metadata(corpus: Path) -> dict[str, dict]:
    rows = {}
    for table in (corpus / "unxml-ga-resolutions/data_extract").glob("*.json"):
        for line in table.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                rows[row["symbol"]] = row
    return rows


def test_votes_of_the_general_assembly_are_those_of_the_uns_metadata_tables(corpus, parsed):
    from resolutions.parser.sponsors import lookup_state

    rows = _ga_metadata(corpus)
    compared = 0
    for doc in parsed.values():
        row = rows.get(doc.symbol)
        if row is None or not row.get("adoption_type"):
            continue
        compared += 1
        expected_type = {"By a recorded vote": "recorded vote", "Without a vote": "without a vote"}[row["adoption_type"]]
        assert doc.votes.adoption_type == expected_type, doc.symbol
        if expected_type == "without a vote":  # (the table writes '0' or 'N.A.' for the counts then)
            assert (doc.votes.in_favour, doc.votes.against, doc.votes.abstaining, doc.votes.states) == (
                None, None, None, []), doc.symbol
            continue
        for field, column in (("in_favour", "MS_in_favour"), ("against", "MS_against"), ("abstaining", "MS_abstaining")):
            count = row[f"{column}_count"]
            assert getattr(doc.votes, field) == (int(count) if count.isdigit() else None), (doc.symbol, field)
            vote = {"in_favour": "yes", "against": "no", "abstaining": "abstain"}[field]
            states = sorted(v.state for v in doc.votes.states if v.vote == vote)
            assert states == sorted(lookup_state(name) or name for name in row[column]), (doc.symbol, field)
    assert compared >= 200  # the English files and the five other languages of sessions 75-80


def test_a_recorded_vote_names_each_state_under_its_un_short_name(corpus):
    path = corpus / "unxml-ga-resolutions/78session/English/A_RES_78_220-2325993E.xml"
    doc = parse(path.read_bytes(), path.name)
    row = _ga_metadata(corpus)["A/RES/78/220"]
    assert (doc.votes.in_favour, doc.votes.against, doc.votes.abstaining) == (78, 30, 68)
    assert row["MS_in_favour_count"] == "78" and len(doc.votes.states) == 78 + 30 + 68
    by_state = {v.state: v.vote for v in doc.votes.states}
    assert "IRAN (ISLAMIC REPUBLIC OF)" in row["MS_against"] and by_state["Iran (Islamic Republic of)"] == "no"
    assert "COTE D'IVOIRE" in row["MS_abstaining"] and by_state["Côte d'Ivoire"] == "abstain"
    assert doc.votes.meeting == "50th plenary meeting"


def test_security_council_adoptions_read_the_adoption_step(corpus):
    unanimous = corpus / "unxml-sc-resolutions/2022/English/S_RES_2618 (2022)-2201005E.xml"
    doc = parse(unanimous.read_bytes(), unanimous.name)
    assert doc.votes.adoption_type == "unanimous" and doc.votes.in_favour == 15 and len(doc.votes.states) == 15
    assert doc.votes.meeting == "8956th meeting" and doc.draft_symbol == "S/2022/52"
    assert [s.state for s in doc.sponsors] == ["United Kingdom of Great Britain and Northern Ireland"]
    failed = corpus / "unxml-sc-resolutions/Not adopted/English/S_2023_212-2305680E.xml"
    doc = parse(failed.read_bytes(), failed.name)
    assert doc.document_type == "draft resolution" and doc.votes.in_favour == 3 and doc.votes.abstaining == 12
    assert sorted(v.state for v in doc.votes.states if v.vote == "yes") == ["Brazil", "China", "Russian Federation"]
    assert any("not adopted" in w for w in doc.warnings)


def test_the_six_languages_of_a_res_78_220_each_parse_with_their_language(corpus):
    folders = {"Arabic": "ar", "Chinese": "zh", "English": "en", "French": "fr", "Russian": "ru", "Spanish": "es"}
    english = None
    for folder, code in folders.items():
        path = next((corpus / f"unxml-ga-resolutions/78session/{folder}").glob("A_RES_78_220-*.xml"))
        doc = parse(path.read_bytes(), path.name)
        assert doc.language == code and doc.symbol == "A/RES/78/220", folder
        root = statement(path)
        assert len(doc.paragraphs) == len(root.xpath("a:preamble/a:container | a:mainBody/a:paragraph",
                                                     namespaces=NS)), folder
        assert doc.votes.in_favour == 78 and doc.votes.against == 30 and doc.votes.abstaining == 68
        english = english or doc
        assert [p.number for p in doc.paragraphs] == [p.number for p in english.paragraphs], folder
    german = next((corpus / "unxml-sc-resolutions/2022/German").glob("*.xml"))
    assert parse(german.read_bytes(), german.name).language == "de"


def test_a_presidential_statement_is_parsed_as_a_statement(corpus):
    path = corpus / "unxml-sc-resolutions/PRST/2005/S_PRST_2005_40-0546975E.xml"
    doc = parse(path.read_bytes(), path.name)
    assert doc.document_type == "presidential statement" and doc.symbol == "S/PRST/2005/40"
    assert doc.title == "Statement by the President of the Security Council"
    assert doc.paragraphs[0].text.startswith("At the 5249th meeting of the Security Council, held on 23 August 2005")
    statement_paragraphs = statement(path).xpath("a:mainBody/a:paragraph", namespaces=NS)
    assert len(doc.paragraphs) == 1 + len(statement_paragraphs)


def test_annexes_in_one_attachment_are_split_at_their_labels(corpus):
    path = corpus / "unxml-sc-resolutions/2024/English/S_RES_2744-2413338E.xml"
    doc = parse(path.read_bytes(), path.name)
    headings = [" ".join("".join(h.itertext()).split())
                for h in statement(path).xpath("a:attachments//a:heading", namespaces=NS)]
    labels = [h for h in headings if re.fullmatch(r"Annex [IVX]+", h)]
    assert [a.label for a in doc.annexes] == labels and len(labels) >= 2
    assert doc.annexes[0].title == headings[headings.index(labels[0]) + 1] == "Delisting procedures"
    assert doc.annexes[0].footnotes and doc.annexes[0].footnotes[0].marker == "1"


def test_the_malformed_file_fails_with_a_clear_message(corpus):
    path = corpus / MALFORMED
    with pytest.raises(ParseError, match=r"malformed at line 90: Opening and ending tag mismatch"):
        parse(path.read_bytes(), path.name)


AKN_OPEN = f'<akomaNtoso xmlns="{A}"><statement name="resolution">'


def test_an_entity_expansion_bomb_is_refused_before_it_expands():
    bomb = ('<?xml version="1.0"?><!DOCTYPE akomaNtoso [<!ENTITY a "aaaaaaaaaa">'
            + "".join(f'<!ENTITY {c} "{("&" + p + ";") * 10}">' for p, c in zip("abcdefgh", "bcdefghi"))
            + f']>{AKN_OPEN}<preamble><container><p>&i;</p></container></preamble></statement></akomaNtoso>')
    with pytest.raises(ParseError, match="declares a document type or entities"):
        parse(bomb.encode(), "bomb.xml")


def test_an_external_entity_is_refused_and_never_read():
    xxe = (f'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/passwd">]>{AKN_OPEN}'
           '<preamble><container><p>&secret;</p></container></preamble></statement></akomaNtoso>')
    with pytest.raises(ParseError, match="declares a document type"):
        parse(xxe.encode(), "xxe.xml")


def test_markup_nested_deeper_than_any_resolution_is_refused():
    deep = f"{AKN_OPEN}<mainBody>" + "<hcontainer>" * 200 + "x" + "</hcontainer>" * 200 + "</mainBody></statement></akomaNtoso>"
    with pytest.raises(ParseError, match="nests elements more than"):
        parse(deep.encode(), "deep.xml")


def test_an_akn_file_without_paragraphs_is_a_clear_failure():
    empty = f"{AKN_OPEN}<mainBody></mainBody></statement></akomaNtoso>"
    with pytest.raises(ParseError, match="no paragraphs"):
        parse(empty.encode(), "empty.xml")


@pytest.mark.django_db
def test_an_akn_file_ingests_through_the_ingestion_service_and_the_malformed_one_is_kept_as_failed(corpus):
    from resolutions.models import SourceFile
    from resolutions.services.ingestion.ingest import ingest_file

    path = corpus / "unxml-ga-resolutions/78session/English/A_RES_78_220-2325993E.xml"
    outcome = ingest_file(path.read_bytes(), path.name)
    assert outcome.status == "parsed", outcome.message
    document = outcome.document
    root = statement(path)
    assert document.symbol == "A/RES/78/220" and document.source_files.get().format == "akn"
    assert document.paragraphs.filter(parent__isnull=True, kind="operative").count() == len(
        root.xpath("a:mainBody/a:paragraph", namespaces=NS))
    assert document.paragraphs.get(kind="operative", number="1", parent__isnull=True).lead == "Takes note"
    malformed = corpus / MALFORMED
    failed = ingest_file(malformed.read_bytes(), malformed.name)
    assert failed.status == "failed" and "malformed at line 90" in failed.message
    kept = SourceFile.objects.get(original_name=malformed.name)
    assert bytes(kept.content) == malformed.read_bytes() and kept.status == SourceFile.Status.FAILED


def test_the_parse_command_prints_language_votes_and_workflow_of_an_akn_file(corpus, capsys):
    from django.core.management import call_command

    path = corpus / "unxml-ga-resolutions/78session/French/A_RES_78_220-2325993F.xml"
    call_command("parse", str(path), "--format", "json")
    data = json.loads(capsys.readouterr().out)
    counts = {c.get("refersTo"): int(c.get("value")) for c in statement(path).xpath(
        "a:meta//a:voting/a:count", namespaces=NS)}
    assert data["format"] == "akn" and data["language"] == "fr" and data["draft_symbol"] == "A/C.3/78/L.41"
    assert (data["votes"]["in_favour"], data["votes"]["against"], data["votes"]["abstaining"]) == (
        counts["inFavour"], counts["against"], counts["abstaining"])
    assert {"state": "France", "vote": "yes"} in data["votes"]["states"]
    call_command("parse", str(path))
    assert f"Votes:        recorded vote, {counts['inFavour']}-{counts['against']}-{counts['abstaining']}" in \
        capsys.readouterr().out
