"""The text path reads the UN's other official languages: French, Spanish, Russian, Arabic and Chinese texts are
parsed (not refused), with their language, their organ and their numbered paragraphs.

The inputs are real: the UN's AKN files of A/RES/80/1-33, A/RES/78/220 and S/RES/2643 (2022) in those languages,
rendered as plain text by scripts/gold.render_akn (cover lines, formula, one paragraph per line, footnotes after a
rule).  What each must yield is read from the same XML with lxml, never from the parser's output."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from resolutions.parser import ParseError, parse
from resolutions.parser.language import detect_language, match_formula
from scripts.gold import render_akn

A = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
NS = {"a": A}
LANGUAGES = {"French": "fr", "Spanish": "es", "Russian": "ru", "Arabic": "ar", "Chinese": "zh"}
ISO_OF_FRBR = {"fra": "fr", "spa": "es", "rus": "ru", "ara": "ar", "zho": "zh", "deu": "de", "eng": "en"}


def other_language_files(corpus: Path) -> list[Path]:
    files = []
    for folder in LANGUAGES:
        for pattern in (f"unxml-ga-resolutions/80session/{folder}/*.xml", f"unxml-ga-resolutions/78session/{folder}/*.xml",
                        f"unxml-sc-resolutions/2022/{folder}/*.xml"):
            files.extend(sorted(corpus.glob(pattern)))
    return files


def statement(path: Path):
    return next(c for c in etree.parse(str(path)).getroot() if isinstance(c.tag, str))


def printed_numbers(root) -> list[str]:
    """The operative numbers the XML prints: '1.' or Arabic '1 -' in <num>, or typed at the start of the text."""
    numbers = []
    for paragraph in root.xpath("a:mainBody/a:paragraph", namespaces=NS):
        num = paragraph.find("a:num", NS)
        text = " ".join("".join(num.itertext() if num is not None else paragraph.itertext()).split())
        match = re.match(r"(\d{1,3}) ?[.-](?: |$)", text + " ")
        if match:
            numbers.append(match.group(1))
    return numbers


@pytest.fixture(scope="module")
def files(corpus_dir):
    found = other_language_files(corpus_dir)
    assert len(found) == 5 * (30 + 1 + 1)
    return found


def test_texts_in_the_five_other_languages_are_parsed_with_their_language_and_organ(files):
    refused, wrong = [], []
    for path in files:
        root = statement(path)
        language = ISO_OF_FRBR[root.find("a:meta//a:FRBRExpression/a:FRBRlanguage", NS).get("language")]
        organ = "Security Council" if "/S/RES" in "/" + "".join(root.find("a:coverPage//a:docNumber", NS).itertext()) \
            else "General Assembly"
        try:
            doc = parse(render_akn(path).encode("utf-8"), path.stem + ".txt")
        except ParseError as exc:
            refused.append((path.name, str(exc)))
            continue
        if (doc.language, doc.body) != (language, organ):
            wrong.append((path.name, doc.language, doc.body))
    # A/RES/80/5 and 80/9 in Chinese are one unnumbered paragraph each ('决定宣布每年9月5日为...'): no number, no
    # italics and no space to find a lead by, so nothing tells the text path where the paragraph starts.
    one_paragraph = "No paragraphs were found after the subject line."
    assert refused == [("A_RES_80_5-2517700C.xml", one_paragraph), ("A_RES_80_9-2519346C.xml", one_paragraph)], refused
    assert not wrong, wrong


def test_the_formula_is_kept_as_printed_in_its_language(corpus_dir):
    expected = {"French": "L'Assemblée générale", "Spanish": "La Asamblea General", "Russian": "Генеральная Ассамблея",
                "Arabic": "إن الجمعية العامة", "Chinese": "大会"}
    for folder, formula in expected.items():
        path = next((corpus_dir / f"unxml-ga-resolutions/78session/{folder}").glob("A_RES_78_220-*.xml"))
        doc = parse(render_akn(path).encode("utf-8"), path.stem + ".txt")
        assert doc.preamble_subject == formula, folder


def test_operative_numbers_are_read_in_every_language_arabic_1_dash_included(files):
    """Measured: 156 of the 160 texts give every operative number of the XML; the others are listed here with the
    reason, so a change that loses or fixes one shows."""
    known = {
        # '1.' and '24.' follow section headings ('Commission de consolidation de la paix') that the text path
        # joins to the paragraph above, so the number is read as running text
        "A_RES_80_11-2519633F.xml", "A_RES_80_11-2519633S.xml",
        "A_RES_80_5-2517700C.xml", "A_RES_80_9-2519346C.xml",   # refused: see the first test
    }
    wrong = []
    for path in files:
        if path.name in known:
            continue
        expected = printed_numbers(statement(path))
        doc = parse(render_akn(path).encode("utf-8"), path.stem + ".txt")
        got = [p.number for p in doc.paragraphs if p.kind == "operative" and p.number]
        if got != expected:
            wrong.append((path.name, got, expected))
    assert not wrong, wrong


def test_leads_of_texts_the_vocabulary_was_not_built_from_are_mostly_found(corpus_dir):
    """The leads of the other languages come from the UN's markup of the odd-numbered A/RES/80 files (and
    A/RES/78/220, S/RES/2643); the even-numbered ones are held out (scripts/build_other_language_leads.py).  On
    them, where the paragraphs split as the XML does, at least 80% of the XML's leads are found (measured:
    French 0.86, Spanish 0.90, Russian 0.88, Arabic 0.81, Chinese 1.00)."""
    for folder in LANGUAGES:
        found = total = 0
        for path in sorted((corpus_dir / f"unxml-ga-resolutions/80session/{folder}").glob("A_RES_80_*.xml")):
            if int(re.match(r"A_RES_80_(\d+)-", path.name).group(1)) % 2:
                continue
            root = statement(path)
            leads = []
            for block in root.xpath("a:preamble/a:container | a:mainBody/a:paragraph", namespaces=NS):
                p = block.find(".//a:p", NS)
                first = next((c for c in p if isinstance(c.tag, str)), None) if p is not None else None
                italic = first is not None and not (p.text or "").strip() and "italic" in (first.get("class") or "")
                text = " ".join("".join(p.itertext()).split()) if p is not None else ""
                name = block.get("name") if text.startswith(block.get("name") or "\0") else None
                leads.append(" ".join("".join(first.itertext()).split()).rstrip(",:;،؛ ") if italic else name)
            doc = parse(render_akn(path).encode("utf-8"), path.stem + ".txt")
            if len(doc.paragraphs) != len(leads):
                continue
            for paragraph, lead in zip(doc.paragraphs, leads):
                if lead:
                    total += 1
                    found += (paragraph.lead or "").replace("'", "’") == lead.replace("'", "’")
        assert total and found / total >= 0.8, (folder, found, total)


def test_the_job_number_letter_decides_the_language():
    assert detect_language("25-15106 (F)\nThe General Assembly,") == "fr"
    assert detect_language("Distr.: General\n06-57590 (E)") == "en"
    assert detect_language("23-25993 (C)") == "zh"


def test_a_masthead_is_not_taken_for_the_formula_but_a_formula_with_its_article_is():
    assert match_formula("Генеральная Ассамблея") is None          # the masthead, above the symbol
    assert match_formula("Генеральная Ассамблея,")[1].language == "ru"
    assert match_formula("L'Assemblée générale")[1].organ == "General Assembly"   # a one-paragraph resolution
    assert match_formula("*Le Conseil de sécurité*,")[1].organ == "Security Council"
    assert match_formula("大会，")[1].language == "zh" and match_formula("大会") is None


def test_the_adoption_date_is_read_in_each_language(files):
    """'Résolution adoptée par l'Assemblée générale le 1er décembre 2025', 'el 1 de diciembre de 2025',
    '1 декабря 2025 года', '1 كانون الأول/ديسمبر 2025', '2025年12月1日大会决议': the date the XML's FRBRWork gives."""
    wrong = []
    for path in files:
        adoption = statement(path).xpath("a:meta/a:identification/a:FRBRWork/a:FRBRdate[@name='adoption']/@date",
                                         namespaces=NS)[0]
        if adoption.startswith("0001"):
            continue   # the markup's placeholder for a date not filled in (Arabic S/RES/2643 (2022))
        try:
            doc = parse(render_akn(path).encode("utf-8"), path.stem + ".txt")
        except ParseError:
            continue   # the two refused Chinese texts (first test)
        if doc.date != adoption:
            wrong.append((path.name, doc.date, adoption))
    assert not wrong, wrong


def test_dates_in_the_other_languages():
    from resolutions.parser.language import read_dates

    assert read_dates("le 1er janvier 2024 et le 19 septembre 2025", "fr") == ["2024-01-01", "2025-09-19"]
    assert read_dates("19 de septiembre de 2025", "es") == ["2025-09-19"]
    assert read_dates("13 июля 2022 года", "ru") == ["2022-07-13"]
    assert read_dates("13 تموز/يوليه 2022", "ar") == ["2022-07-13"]
    assert read_dates("2022年7月13日 9091次会议通过", "zh") == ["2022-07-13"]
    assert read_dates("31 février 2025", "fr") == [] and read_dates("19 September 2025", "en") == []
