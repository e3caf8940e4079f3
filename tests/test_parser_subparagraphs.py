"""Sub-paragraph labels: printed, lost in conversion, lettered after (h), nested romans.

Expectations are read from the documents: the railcar Markdown (text from the UN PDF) and the UN's
AKN XML of the same resolution, which keeps the labels as <num>(a)</num>.
"""
from resolutions.parser import parse


def parse_file(path):
    return parse(path.read_bytes(), path.name)


def labels(paragraph):
    return [s.label for s in paragraph.subparagraphs]


def test_labels_lost_in_the_markdown_are_supplied_in_sequence(corpus_dir):
    # A/RES/80/34 Markdown prints the items of the lists without their labels (only '(f)' survives in op 5);
    # the XML A_RES_80_34-*.xml has (a)-(e) in the preambular 'Convinced ... contribution to:', (a)-(f) in op 5,
    # (a)-(d) in op 11 'Recalls:' and op 12 'Also recalls the adoption of:'.
    doc = parse_file(corpus_dir / "railcar-ga80-text/documents/ga-res-80/A_RES_80_34.md")
    convinced = next(p for p in doc.paragraphs if p.lead == "Convinced")
    assert convinced.kind == "preambular"
    assert labels(convinced) == ["a", "b", "c", "d", "e"]
    assert convinced.subparagraphs[0].text == "International peace and security,"
    ops = {p.number: p for p in doc.paragraphs if p.kind == "operative"}
    assert labels(ops["5"]) == ["a", "b", "c", "d", "e", "f"]
    assert ops["5"].subparagraphs[5].text.startswith("The fourth report of the Investigation and Identification")
    assert labels(ops["11"]) == ["a", "b", "c", "d"] and ops["11"].text == "Recalls:"
    assert labels(ops["12"]) == ["a", "b", "c", "d"]
    # The last item runs on over a page break into a block starting in lower case: one item.
    assert ops["12"].subparagraphs[3].text.endswith("on the implementation of decision EC-94/DEC.2;")
    assert any("supplied in sequence" in w for w in doc.warnings)
    # Nothing else moved: 11 preambular and 36 operative paragraphs as in the XML.
    assert [p.kind for p in doc.paragraphs].count("preambular") == 11 and len(ops) == 36


def test_supplied_labels_continue_into_printed_ones(corpus_dir):
    # A/RES/80/12 op 7 'Requests the Secretary-General, within available resources:' prints two items without
    # labels, then '(c) To continue consultations', '(d) To encourage' ... '(h)', '(i) To provide'.
    doc = parse_file(corpus_dir / "railcar-ga80-text/documents/ga-res-80/A_RES_80_12.md")
    ops = {p.number: p for p in doc.paragraphs if p.kind == "operative"}
    assert labels(ops["7"]) == ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
    assert ops["7"].subparagraphs[0].text.startswith("To continue the practice of sending an annual note verbale")
    assert labels(ops["8"]) == ["a", "b"]


def test_a_sentence_after_as_follows_is_not_an_item(corpus_dir):
    # S/RES/600 (1987): '... as follows:' then 'The Republic of Nauru will become a party ... containing:' and
    # the printed (a), (b), (c): the sentence stays in the paragraph, the labels are the printed ones only.
    doc = parse_file(corpus_dir / "cr-unsc-gold/data/res_en_gold/S_RES_0600_1987_EN_GOLD.txt")
    paragraph = next(p for p in doc.paragraphs if p.subparagraphs)
    assert labels(paragraph) == ["a", "b", "c"]
    assert "The Republic of Nauru will become a party to the Statute" in paragraph.text
