"""The gold loaders (scripts/gold.py) read the corpus correctly.

Every expected value below was read by hand from the corpus files (the XML opened in an
editor, the JSON lines and text headings read as they are), not produced by the loaders.
"""
from scripts.gold import (
    GATENLP_PDF_FACTS,
    akn_gold,
    cited_key_from_href,
    ga_metadata,
    genealogy_gold,
    iso_date,
    load_all,
    marc_draft_record,
    railcar_gold,
    render_akn,
    resolution_key,
    sc_gold_texts,
    sc_heading_date,
    session_number,
    split_sponsor_list,
)


def ga80_xml(corpus_dir, n):
    (path,) = (corpus_dir / "unxml-ga-resolutions" / "80session" / "English").glob(f"A_RES_80_{n}-*.xml")
    return path


def test_akn_a_res_80_3_structure(corpus_dir):
    # The XML: one <container name="Recalling">, operative 1. Endorses, 2. Expresses; 16 footnotes
    # (markers 1-16, all in the annex); the preamble links resolutions 76/217 ... 79/279.
    gold = akn_gold(ga80_xml(corpus_dir, 3))
    assert gold["symbol"] == "A/RES/80/3"
    assert gold["date"] == "2025-10-14"          # <conclusions> adoption date, not the 15 October issue date
    assert gold["session"] == 80
    assert gold["title"] == "Awaza Political Declaration"
    assert [(p.kind, p.lead, p.number) for p in gold["paragraphs"]] == [
        ("preambular", "Recalling", None), ("operative", "Endorses", "1"), ("operative", "Expresses", "2")]
    assert len(gold["footnotes"]) == 16
    assert gold["footnotes"][0] == "Resolution 79/233, annex; see also resolution 79/279."
    assert {"76/217", "77/246", "77/329", "78/315", "79/279", "79/233"} <= gold["cited_resolutions"]
    assert gold["sponsors"] is None              # an adopted resolution prints no sponsors


def test_akn_without_attachments_leaves_out_annex_footnotes(corpus_dir):
    gold = akn_gold(ga80_xml(corpus_dir, 3), include_attachments=False)
    assert gold["footnotes"] == []
    assert gold["cited_resolutions"] == {"76/217", "77/246", "77/329", "78/315", "79/279"}


def test_akn_a_res_80_1_leads_and_subparagraphs(corpus_dir):
    # Five preambular containers, then 1. with points (a)-(c), 2., 3.; one footnote.
    gold = akn_gold(ga80_xml(corpus_dir, 1))
    pre = [p.lead for p in gold["paragraphs"] if p.kind == "preambular"]
    assert pre == ["Expressing concern", "Regretting", "Taking note", "Recalling", "Recalling also"]
    operative = [p for p in gold["paragraphs"] if p.kind == "operative"]
    assert [p.number for p in operative] == ["1", "2", "3"]
    assert operative[0].lead == "Decides"
    assert operative[0].sublabels == ["a", "b", "c"]
    assert len(gold["footnotes"]) == 1


def test_akn_sc_draft_sponsors(corpus_dir):
    path = corpus_dir / "unxml-sc-resolutions" / "Not adopted" / "English" / "S_2023_212-2305680E.xml"
    gold = akn_gold(path)
    assert gold["symbol"] == "S/2023/212"
    assert gold["date"] == "2023-03-27"
    assert gold["sponsors"] == ["Belarus", "China", "Democratic People's Republic of Korea", "Eritrea",
                                "Nicaragua", "Russian Federation", "Syrian Arab Republic",
                                "Bolivarian Republic of Venezuela"]
    assert [p.lead for p in gold["paragraphs"] if p.kind == "preambular"] == [
        "Condemning", "Expressing", "Emphasizing", "Stressing", "Urging", "Emphasizing", "Stressing"]


def test_split_sponsor_list_keeps_names_with_and_and_brackets():
    assert split_sponsor_list("Albania, Bosnia and Herzegovina, Bolivia (Plurinational State of) and "
                              "Trinidad and Tobago: draft resolution") == [
        "Albania", "Bosnia and Herzegovina", "Bolivia (Plurinational State of)", "Trinidad and Tobago"]


def test_small_helpers():
    assert iso_date("on15 January 2002") == "2002-01-15"
    assert iso_date("no date here") is None
    assert session_number("Eightieth session") == 80
    assert session_number("Seventy-third session") == 73
    assert cited_key_from_href("https://docs.un.org/en/A/RES/76/217") == "76/217"
    assert cited_key_from_href("https://docs.un.org/en/S/RES/2720(2023)") == "2720"
    assert cited_key_from_href("https://docs.un.org/en/A/CONF.202/3") is None
    assert resolution_key("55/180 A") == "55/180"       # A/RES/75/250 cites parts A and B of 55/180
    assert resolution_key("2334 (2016)") == "2334"


def test_ga_metadata_table(corpus_dir):
    # data_extract/80.json, the line of A/RES/80/4: sponsor CUBA, adopted 29 October 2025.
    row = ga_metadata(corpus_dir)["A/RES/80/4"]
    assert row["sponsors"] == ["CUBA"]
    assert iso_date(row["adoption_date"]) == "2025-10-29"   # the table writes a no-break space


def test_railcar_pairs(corpus_dir):
    golds = {g.doc_id: g for g in railcar_gold(corpus_dir)}
    assert len(golds) == 55
    a3 = golds["A/RES/80/3"]
    assert a3.path.name == "A_RES_80_3.md"
    assert (a3.date, a3.session, a3.preambular_count, a3.operative_count) == ("2025-10-14", 80, 1, 2)
    a4 = golds["A/RES/80/4"]
    assert a4.title.startswith("Necessity of ending the economic, commercial and financial embargo")
    assert a4.paragraphs is None                 # no XML for 80/4: structure not measured
    assert sum(g.paragraphs is not None for g in golds.values()) == 6


def test_sc_gold_headings(corpus_dir):
    # "Resolution 209 (1965)" / "of 4 September 1965"; "1 (1946) Resolution of 25 January 1946".
    golds = {g.doc_id: g for g in sc_gold_texts(corpus_dir)}
    assert len(golds) == 73
    assert golds["S/RES/209 (1965)"].date == "1965-09-04"
    assert golds["S/RES/1 (1946)"].date == "1946-01-25"
    assert sc_heading_date("Resolution 222 (1966)\nof 16 June 1966\nThe Security Council,\n"
                           "Noting the report of 10 June 1966") == "1966-06-16"
    s1445 = golds["S/RES/1445 (2002)"]
    assert s1445.date == "2002-12-04"            # SC data_extract: adopted 4 December 2002
    assert s1445.paragraphs[0].lead == "Recalling"


def test_gatenlp_facts_match_the_pdfs(corpus_dir):
    import pdfplumber

    folder = corpus_dir / "gatenlp-unga-samples" / "sample-docs"
    for name, facts in GATENLP_PDF_FACTS.items():
        with pdfplumber.open(folder / name) as pdf:
            first = pdf.pages[0].extract_text()
        assert facts["symbol"].split("/", 1)[1] in first.replace("\n", " ")
        assert facts["title"].split()[0] in first


def test_genealogy_draft_and_marc(corpus_dir):
    (gold,) = genealogy_gold(corpus_dir)
    assert gold.read().startswith(b"The General Assembly,")
    assert gold.paragraphs[0].lead == "Guided"   # <container name="Guided">, only "Guided" in italics
    record = marc_draft_record(corpus_dir, "A/C.3/78/L.41")
    assert record["date"] == "2023-11-01"
    assert record["sponsors_245"][0].startswith("Albania, Australia, Austria")
    assert "71c" in record["agenda"]


def test_render_akn_reads_like_the_document(corpus_dir):
    text = render_akn(ga80_xml(corpus_dir, 7))
    lines = text.splitlines()
    assert "The General Assembly," in lines
    assert any(line.startswith("Taking note of the statement by the Director General") for line in lines)
    assert any(line.startswith("1. Takes note with appreciation") for line in lines)
    assert "__________________" in lines
    assert lines[lines.index("__________________") + 1].startswith("1 ")


def test_load_all_sources(corpus_dir):
    sources = {g.source for g in load_all(corpus_dir)}
    assert sources == {"railcar-ga80", "gatenlp-pdf", "cr-unsc-gold", "un-bench-ga78", "akn-rendered"}
