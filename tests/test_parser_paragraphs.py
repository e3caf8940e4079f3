"""Paragraph boundaries in texts without layout: headings, '; and' before a number, glued footnote numbers.

The inputs are the UN's AKN XML files rendered as plain text by scripts/gold.py (one paragraph per line, no
italics, no blank lines); the expectations are read in the same XML files (<num>, <container>, <heading>).
"""
from resolutions.parser import parse
from scripts.gold import render_akn


def rendered(corpus_dir, pattern):
    (path,) = sorted(corpus_dir.glob(pattern))
    return parse(render_akn(path).encode("utf-8"), path.stem + ".txt")


def kinds(doc):
    return [p.kind for p in doc.paragraphs]


def numbers(doc):
    return [p.number for p in doc.paragraphs if p.kind == "operative"]


def test_section_headings_between_numbered_paragraphs(corpus_dir):
    # S/RES/2164 (2014) has headings ('MINUSMA mandate', 'Deployment of MINUSMA', ...) before paragraphs 11,
    # 21, 25 and others, and 34 numbered paragraphs.
    doc = rendered(corpus_dir, "unxml-sc-resolutions/Pre-2020/2014/S_RES_2164_*.xml")
    assert numbers(doc) == [str(n) for n in range(1, 35)]
    ops = {p.number: p for p in doc.paragraphs if p.kind == "operative"}
    assert ops["10"].text.endswith("the Special Representative of the Secretary-General for Mali and MINUSMA;")
    assert ops["11"].text.startswith("Decides to extend the mandate of MINUSMA")
    assert any("MINUSMA mandate" in w for w in doc.warnings)
    # S/RES/2085 (2012): 'I. Political process' between the preamble and paragraph 1.
    doc = rendered(corpus_dir, "unxml-sc-resolutions/Pre-2020/2012/S_RES_2085_*.xml")
    assert numbers(doc)[:2] == ["1", "2"]
    assert doc.paragraphs[kinds(doc).index("operative")].lead == "Urges"


def test_a_list_line_after_a_colon_is_not_a_heading(corpus_dir):
    # S/RES/2193 (2015 file, 2014 resolution): paragraph 3 ends 'the following permanent judge ...:' and the name
    # follows on its own line, 'Patrick Robinson (Jamaica)'; paragraph 4 likewise with a line of names.  The names
    # stay in their paragraphs and paragraphs 4 and 5 open after them: 7 numbered paragraphs.
    doc = rendered(corpus_dir, "unxml-sc-resolutions/Pre-2020/2015/S_RES_2193_*.xml")
    assert numbers(doc) == [str(n) for n in range(1, 8)]
    ops = {p.number: p for p in doc.paragraphs if p.kind == "operative"}
    assert ops["3"].text.endswith("if sooner: Patrick Robinson (Jamaica)")
    assert "Carmel Agius (Malta)" in ops["4"].text
    assert ops["5"].text.startswith("Decides to reappoint Mr. Serge Brammertz as Prosecutor")
    assert not any("Headings" in w for w in doc.warnings)


def test_next_number_after_a_list_item_ending_and(corpus_dir):
    # S/RES/2617 (2021): paragraph 40 ends '...; and', then '41. Decides to remain actively seized'.
    doc = rendered(corpus_dir, "unxml-sc-resolutions/2021/English/S_RES_2617*.xml")
    assert numbers(doc)[-2:] == ["40", "41"]
    assert doc.paragraphs[-1].text == "Decides to remain actively seized of the matter."
    assert doc.paragraphs[-2].text.endswith("; and")


def test_first_number_after_a_footnote_number_glued_to_the_comma(corpus_dir):
    # A/RES/76/82: the last preambular paragraph ends 'resolution 2334 (2016),16' (footnote 16), then
    # '1. Reaffirms that the Israeli settlements ...'; 27 preambular and 20 operative paragraphs.
    doc = rendered(corpus_dir, "unxml-ga-resolutions/76session/English/A_RES_76_82-*.xml")
    assert kinds(doc).count("preambular") == 27 and numbers(doc) == [str(n) for n in range(1, 21)]
    first = doc.paragraphs[27]
    assert first.lead == "Reaffirms" and first.text.startswith("Reaffirms that the Israeli settlements")


def test_leads_the_vocabulary_lacked(corpus_dir):
    # S/RES/1738 (2006): *Drawing* the attention of all States ...; S/RES/1695 (2006): *Registering* profound
    # concern ...; each its own preambular paragraph (11 and 13 in the XML).
    doc = rendered(corpus_dir, "unxml-sc-resolutions/Pre-2020/2006/S_RES_1738_*.xml")
    assert kinds(doc).count("preambular") == 11
    assert any(p.lead == "Drawing" and p.text.startswith("Drawing the attention of all States") for p in doc.paragraphs)
    doc = rendered(corpus_dir, "unxml-sc-resolutions/Pre-2020/2006/S_RES_1695_*.xml")
    assert kinds(doc).count("preambular") == 13
    assert any(p.lead == "Registering" for p in doc.paragraphs)


def test_text_before_the_first_paragraph_is_kept(corpus_dir):
    # S/RES/1 (1946) has no 'The Security Council,' line: 'By Article 47 of the Charter, the United Nations have
    # agreed ... their representatives ; Therefore' comes before '1. The Security Council requests ...', '2.', '3.'.
    path = corpus_dir / "cr-unsc-gold/data/res_en_gold/S_RES_0001_1946_EN_GOLD.txt"
    doc = parse(path.read_bytes(), path.name)
    assert kinds(doc) == ["preambular", "operative", "operative", "operative"]
    assert doc.paragraphs[0].text.startswith("By Article 47 of the Charter, the United Nations have agreed")
    assert doc.paragraphs[0].text.endswith("or their representatives; Therefore")
    assert doc.paragraphs[1].text.startswith("The Security Council requests the permanent members")
    assert any("kept as a paragraph" in w for w in doc.warnings)


def test_a_question_ends_a_list_item(corpus_dir):
    # A/RES/ES-10/24: '... on the following questions:' (a) ... measures?' (b) ... from this status?' and then
    # 'Having received the advisory opinion ...', its own preambular paragraph (17 in the XML).  The list intros
    # are <blockList><listIntroduction> in this XML.
    doc = rendered(corpus_dir, "unxml-ga-resolutions/ES-10session/English/A_RES_ES-10_24-*.xml")
    assert kinds(doc).count("preambular") == 17
    received = next(p for p in doc.paragraphs if p.text.startswith("Having received the advisory opinion"))
    assert received.lead == "Having received" and received.kind == "preambular"
    assert [s.label for s in received.subparagraphs] == ["a", "b", "c", "d", "e", "f", "g"]
    questions = doc.paragraphs[doc.paragraphs.index(received) - 1]
    assert [s.label for s in questions.subparagraphs] == ["a", "b"]
    assert questions.subparagraphs[1].text.endswith("from this status?")


def test_a_lead_after_a_footnote_number_glued_to_the_comma(corpus_dir):
    # A/RES/75/219: '... adopted by the Conference of the Parties in its decision XII/3,27' (footnote 27), then
    # 'Noting the outcomes of the thirteenth meeting ...' is its own preambular paragraph (33 in the XML).
    doc = rendered(corpus_dir, "unxml-ga-resolutions/75session/English/75_219*.xml")
    assert kinds(doc).count("preambular") == 33
    noting = next(p for p in doc.paragraphs if p.text.startswith("Noting the outcomes of the thirteenth meeting"))
    assert noting.lead == "Noting"
    before = doc.paragraphs[doc.paragraphs.index(noting) - 1]
    # the XML's note 27 stands after 'XII/3,': a marker, not part of the symbol
    assert before.text.endswith("in its decision XII/3,")
    assert before.footnote_refs[-1] == "27"
