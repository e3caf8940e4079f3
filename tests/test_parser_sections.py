"""Resolutions in sections: 'I', 'II', ... on lines of their own, each with a title, preambular paragraphs of its
own and operative paragraphs numbered from 1 (the General Assembly's budget resolutions, such as A/RES/79/258,
'Special subjects relating to the proposed programme budget for 2025', 25 sections)."""
import textwrap

import pytest

from resolutions.parser import parse
from scripts.gold import akn_gold, render_akn


@pytest.fixture(scope="module")
def special_subjects(corpus_dir):
    (path,) = (corpus_dir / "unxml-ga-resolutions" / "79session" / "English").glob("A_RES_79_258-*E.xml")
    return path


def test_each_section_opens_with_its_heading_and_its_own_preamble(special_subjects):
    doc = parse(render_akn(special_subjects).encode("utf-8"), "A_RES_79_258.txt")
    opened = [(i, p) for i, p in enumerate(doc.paragraphs) if p.heading]
    assert [p.heading.split(" ")[0] for _, p in opened] == [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI",
        "XVII", "XVIII", "XIX", "XX", "XXI", "XXII", "XXIII", "XXIV", "XXV"]
    first, second = opened[0][1], opened[1][1]
    assert first.heading == "I Enterprise resource planning project, Umoja"
    assert (first.kind, first.lead) == ("preambular", "Recalling")
    # the title of section II reads like a lead ('Request ...') and is still the title, not a paragraph
    assert second.heading == "II Request for a subvention to the Residual Special Court for Sierra Leone"
    assert (second.kind, second.lead) == ("preambular", "Recalling")
    # numbering starts again in each section; no heading is left inside a paragraph's text
    section_two = doc.paragraphs[opened[1][0]:opened[2][0]]
    assert [p.number for p in section_two if p.kind == "operative"] == [str(n) for n in range(1, 13)]
    assert not any(p.text.startswith(("I ", "II ", "Request for a subvention")) for p in doc.paragraphs)


def test_sections_give_the_paragraphs_the_un_marked_up(special_subjects):
    gold = akn_gold(special_subjects, include_attachments=False)
    doc = parse(render_akn(special_subjects).encode("utf-8"), "A_RES_79_258.txt")
    want = [(g.kind, g.lead) for g in gold["paragraphs"] if g.kind == "preambular"]
    have = [(p.kind, p.lead) for p in doc.paragraphs if p.kind == "preambular"]
    # 28 of the UN's 29 section preambles, in order; the one more is section XXV's 'Recalls its resolution
    # 78/253, ..., 26,913,200 dollars,': an operative verb ending with a comma before '1. Notes', read as preamble
    assert have[:len(want) - 1] == want[:-1]
    assert have[-1] == ("preambular", "Recalls")
    operative = sum(g.kind == "operative" for g in gold["paragraphs"])
    assert abs(sum(p.kind == "operative" for p in doc.paragraphs) - operative) <= 1


def test_hard_wrapped_sections_parse_the_same(special_subjects):
    """As a PDF-to-text tool prints it: lines of 78 characters, a title wrapped over two lines."""
    text = render_akn(special_subjects)
    wrapped = "\n".join("\n".join(textwrap.wrap(line, 78)) if line.strip() else "" for line in text.splitlines())
    one = parse(text.encode("utf-8"), "a.txt")
    other = parse(wrapped.encode("utf-8"), "b.txt")
    shape = [(p.kind, p.number, p.lead, p.heading) for p in one.paragraphs]
    assert [(p.kind, p.number, p.lead, p.heading) for p in other.paragraphs] == shape
    assert any(p.heading == "III Request for a subvention to the Extraordinary Chambers in the Courts of Cambodia"
               for p in other.paragraphs)
