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


def rendered(corpus_dir, pattern):
    """An AKN XML file of the UN rendered as plain text (scripts/gold.py): labels printed, no italics."""
    from scripts.gold import render_akn

    (path,) = sorted(corpus_dir.glob(pattern))
    return parse(render_akn(path).encode("utf-8"), path.stem + ".txt")


def test_i_after_h_is_the_letter(corpus_dir):
    # S/RES/2588 (2021) paragraph 1 lists (a) to (i); '(h) ...; or' is followed by '(i) Other sales or supply'.
    doc = rendered(corpus_dir, "unxml-sc-resolutions/2021/English/S_RES_2588*.xml")
    first = next(p for p in doc.paragraphs if p.number == "1")
    assert labels(first) == ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
    assert first.subparagraphs[-1].text.startswith("Other sales or supply of arms")


def test_label_after_an_item_ending_and(corpus_dir):
    # S/RES/2643 (2022) paragraph 2: '(c) to work with the parties ...; and' then '(d) to facilitate'.
    doc = rendered(corpus_dir, "unxml-sc-resolutions/2022/English/S_RES_2643*.xml")
    second = next(p for p in doc.paragraphs if p.number == "2")
    assert labels(second) == ["a", "b", "c", "d"]
    assert second.subparagraphs[2].text.endswith("; and")


def test_first_label_on_the_number_line(corpus_dir):
    # S/RES/1521 (2003): '2. (a) Decides that all States ...', then (b) to (g); '4. (a) Decides also ...'.
    doc = rendered(corpus_dir, "unxml-sc-resolutions/Pre-2020/2003/S_RES_1521_*.xml")
    ops = {p.number: p for p in doc.paragraphs if p.kind == "operative"}
    assert labels(ops["2"]) == ["a", "b", "c", "d", "e", "f", "g"]
    assert ops["2"].subparagraphs[0].text.startswith("Decides that all States shall take the necessary measures")
    assert ops["2"].lead == "Decides"
    assert labels(ops["4"]) == ["a", "b", "c"] and ops["4"].lead == "Decides also"


def test_nested_romans_under_a_heading_item(corpus_dir):
    # S/RES/2531 (2020) paragraph 28: '(a) Support to the implementation of the Agreement ...' (a heading,
    # no punctuation), then '(i) to use the SRSG's good offices ...', '(ii) To support ...'; then (b) with its own
    # (i)-(iii).  The labels are kept flat in document order, as the XML's <num> elements come.
    doc = rendered(corpus_dir, "unxml-sc-resolutions/2020/English/S_RES_2531*.xml")
    mandate = next(p for p in doc.paragraphs if p.number == "28")
    assert labels(mandate)[:8] == ["a", "i", "ii", "iii", "iv", "v", "b", "i"]
    assert mandate.subparagraphs[1].text.startswith("to use the SRSG's good offices")
