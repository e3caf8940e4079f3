"""Gold data for measuring the parser on the real corpus (../shared/corpus/real/).

Pure functions over the corpus files: nothing here calls the parser, and no expectation is
copied from its output.  Every expectation comes from one of:

* the UN's own AKN4UN XML (``unxml-ga-resolutions/``, ``unxml-sc-resolutions/``), read with lxml;
* the UN's per-resolution metadata tables (``*/data_extract/*.json``, JSON Lines);
* the UN Digital Library MARCXML of the GA 78 Third Committee drafts;
* the headings of the hand-corrected SC texts (``cr-unsc-gold``) and their file names;
* a small table of facts read by hand from the four GateNLP PDFs (``GATENLP_PDF_FACTS``).

``Gold`` holds one input document (what the parser reads) and what it must yield.  A field left
``None`` is not measured for that document (the input does not carry it, or nothing certain is
known about it).  ``load_all(corpus)`` returns every pair, grouped by ``Gold.source``.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from lxml import etree

from resolutions.measure.akn_text import (  # noqa: F401 - render_akn is read from here by the parser tests
    AKN_NS,
    NS,
    _local,
    akn_files,
    parse_akn,
    render_akn,
    render_akn_with_notes,
    squash,
)

MARC_NS = {"m": "http://www.loc.gov/MARC21/slim"}

# The six railcar/XML pairs the corpus manifest lists.
RAILCAR_XML_PAIRS = (1, 3, 7, 22, 34, 41)


@dataclass
class ParagraphGold:
    kind: str                      # "preambular" | "operative"
    lead: str | None               # the UN's lead phrase ("Recalling also"), None if the XML marks none
    number: str | None = None      # "1" for operative paragraph "1."
    sublabels: list[str] = field(default_factory=list)  # ["a", "b"] from <point><num>(a)</num>


@dataclass
class Gold:
    """One parser input and what the parse of it must contain (None: not measured)."""

    source: str                    # "railcar-ga80", "gatenlp-pdf", "cr-unsc-gold", "un-bench-ga78", "akn-rendered"
    doc_id: str                    # a readable name for reports ("A/RES/80/3")
    filename: str                  # the file name given to the parser
    path: Path | None = None       # the input file, when the input is a corpus file as it is
    data: bytes | None = None      # the input bytes, when they are built (akn-rendered, genealogy draft)
    gold_from: str = ""            # where the expectations come from, for reports
    symbol: str | None = None
    date: str | None = None        # ISO; adoption date for resolutions, issue date for drafts
    session: int | None = None
    title: str | None = None
    sponsors: list[str] | None = None
    preambular_count: int | None = None
    operative_count: int | None = None
    paragraphs: list[ParagraphGold] | None = None   # leads and sub-paragraph labels, in order
    leads_certain: bool = True     # False: leads compared as a share, not all-or-nothing
    footnotes: list[str] | None = None              # texts, in order
    footnote_count: int | None = None
    cited_resolutions: set[str] | None = None       # "76/217", "2720" (SC: number without the year)

    def read(self) -> bytes:
        return self.data if self.data is not None else self.path.read_bytes()


# --------------------------------------------------------------------------- normalisation


def iso_date(text: str) -> str | None:
    """'14 October 2025' or 'on15 January 2002' -> '2025-10-14'."""
    match = re.search(r"(\d{1,2})\s*([A-Z][a-z]+)\s+(\d{4})", text or "")
    if not match:
        return None
    try:
        return datetime.strptime(" ".join(match.groups()), "%d %B %Y").date().isoformat()
    except ValueError:
        return None


def sub_label(num: str) -> str:
    """'(a)' -> 'a', '(ii)' -> 'ii', 'a)' -> 'a'."""
    return num.strip().strip("().").strip()


def resolution_key(number: str) -> str:
    """A resolution number as compared: '2720 (2023)' -> '2720', ' 76/217 ' -> '76/217',
    '55/180 A' -> '55/180', '57/284 A and B' and '80/244 A to C' -> the number alone (the UN links
    the parts of a resolution to the one resolution)."""
    number = re.sub(r"\s*\(\d{4}\)\s*$", "", number.strip())
    number = re.sub(r"(\d)\s*[A-Z](?:(?:\s(?:and|to)\s|\s?[-\u2013]\s?|,\s)[A-Z])*$", r"\1", number)
    return number.lstrip("0") if number.isdigit() else number


# --------------------------------------------------------------------------- AKN4UN XML


def _text(el, skip_notes: bool = True) -> str:
    """An element's text as a reader sees it, footnote bodies left out."""
    parts: list[str] = []

    def walk(node):
        if node.text and _local(node) != "authorialNote":
            parts.append(node.text)
        for child in node:
            if _local(child) == "authorialNote" and skip_notes:
                pass
            elif isinstance(child.tag, str):
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(el)
    return squash("".join(parts))


def _leading_italic(block) -> str | None:
    """The italic words that open a paragraph's first <p> (the lead), if any."""
    p = block.find(".//a:p", NS)
    return _opening_italic(p) if p is not None else None


def _opening_italic(el) -> str | None:
    """The italic words an element's text opens with: a <p>, or a crossHeading (its text is inline, no <p>)."""
    if (el.text or "").strip():
        return None
    first = next((c for c in el if isinstance(c.tag, str)), None)
    if first is None or _local(first) != "span" or "italic" not in (first.get("class") or ""):
        return None
    lead = squash("".join(first.itertext())).rstrip(",:; ")
    return lead or None


def _labels(el) -> list[str]:
    """Sub-paragraph labels ("a", "ii"); dash or bullet items ("–") are indents, not labels."""
    labels = [sub_label("".join(n.itertext())) for n in el.xpath(".//a:point/a:num | .//a:item/a:num", namespaces=NS)]
    return [label for label in labels if re.fullmatch(r"[A-Za-z0-9]+", label)]


def _section_preambles(main_body) -> list:
    """The <crossHeading refersTo="#preamble"> paragraphs that open sections of the body, in order."""
    return main_body.xpath(".//a:crossHeading[@refersTo='#preamble']", namespaces=NS)


def _operative_blocks(main_body) -> list:
    """Operative paragraphs of a <mainBody>: numbered <paragraph>s (also inside <section>s), and
    unnumbered ones that open with an italic lead (a single-paragraph resolution)."""
    blocks = []
    for para in main_body.xpath("./a:paragraph | ./a:section//a:paragraph | ./a:hcontainer//a:paragraph",
                                namespaces=NS):
        if para.xpath("ancestor::a:paragraph", namespaces=NS):
            continue
        num = para.find("a:num", NS)
        if num is not None and re.fullmatch(r"\d+\.?", "".join(num.itertext()).strip()):
            blocks.append(para)
        elif num is None and _leading_italic(para):
            blocks.append(para)
    return blocks



def akn_gold(path: Path, *, include_attachments: bool = True) -> dict:
    """What the UN's AKN4UN markup says about one resolution or draft.

    Keys: symbol, date (adoption date if any, else date of issue), session, title, sponsors
    (from the draft-resolution workflow step, None if absent), paragraphs (ParagraphGold list),
    footnotes (texts in document order), cited_resolutions (numbers the UN linked to an
    A/RES or S/RES document).  With ``include_attachments=False`` annexes are left out of
    footnotes and citations.
    """
    root = parse_akn(path).getroot()
    doc = next(c for c in root if isinstance(c.tag, str))
    cover = doc.find("a:coverPage", NS)

    def first(xpath: str):
        found = doc.xpath(xpath, namespaces=NS)
        return found[0] if found else None

    number = first("./a:coverPage//a:docNumber")
    symbol = squash("".join(number.itertext())) if number is not None else None
    adoption = first("./a:conclusions//a:docDate[@refersTo='#adoptionDate']")
    work_date = first("./a:meta//a:FRBRWork/a:FRBRdate[@name='adoption']")
    issue = first("./a:coverPage//a:docDate")
    if adoption is not None and _plausible(adoption.get("date")):
        date = adoption.get("date")
    elif work_date is not None and doc.get("name") != "draftResolution" and _plausible(work_date.get("date")):
        date = work_date.get("date")
    else:
        date = issue.get("date") if issue is not None else None
    session_el = first("./a:coverPage//a:session")
    session = int(session_el.get("value")) if session_el is not None and (session_el.get("value") or "").isdigit() else None
    title_el = first("./a:preface//a:docTitle[@refersTo='#resolutionTitle']")
    title = _text(title_el) if title_el is not None else None   # footnote on the title left out

    sponsors = None
    step = first("./a:meta/a:workflow/a:step[@outcome='draftResolution']")
    if doc.get("name") == "draftResolution" and step is not None and step.get("by"):
        sponsors = split_sponsor_list(step.get("by"))

    paragraphs: list[ParagraphGold] = []
    # A few files alternate several <preamble> and <mainBody> elements (A/RES/80/116): all of them count.
    preambles, main_bodies = doc.findall("a:preamble", NS), doc.findall("a:mainBody", NS)
    for container in (c for part in preambles for c in part.findall("a:container", NS)):
        # The italic words a reader sees; the name attribute when nothing is italic (the two
        # agree on all but one of 2,318 containers, whose name is a stray ",").
        name = squash(container.get("name"))
        lead = _leading_italic(container) or (name if re.search(r"[A-Za-z]", name) else None)
        paragraphs.append(ParagraphGold("preambular", lead, sublabels=_labels(container)))
    for main_body in main_bodies:
        # A resolution in sections (budget resolutions: 'I', 'II', ...) opens sections with preambular
        # paragraphs of their own, marked <crossHeading refersTo="#preamble">.
        for heading in _section_preambles(main_body):
            paragraphs.append(ParagraphGold("preambular", _opening_italic(heading)))
        for para in _operative_blocks(main_body):
            num = para.find("a:num", NS)
            number_text = "".join(num.itertext()).strip().rstrip(".") if num is not None else None
            paragraphs.append(ParagraphGold("operative", _leading_italic(para), number_text, _labels(para)))

    scope = [doc] if include_attachments else preambles + main_bodies
    notes = [n for el in scope for n in el.iter(f"{{{AKN_NS}}}authorialNote")]
    footnotes = [squash("".join(n.itertext())) for n in notes]
    cited: set[str] = set()
    for el in scope:
        for anchor in el.iter(f"{{{AKN_NS}}}a"):
            key = cited_key_from_href(anchor.get("href") or "")
            if key:
                cited.add(key)
    return {"symbol": symbol, "date": date, "session": session, "title": title, "sponsors": sponsors,
            "paragraphs": paragraphs, "footnotes": footnotes, "cited_resolutions": cited,
            "is_draft": doc.get("name") == "draftResolution", "cover": cover is not None}


def _plausible(date: str | None) -> bool:
    """The XML has placeholders such as 0001-01-01 (S/RES/2059): not a UN date."""
    return bool(date) and date[:4].isdigit() and int(date[:4]) >= 1945


def cited_key_from_href(href: str) -> str | None:
    """'https://docs.un.org/en/A/RES/76/217' -> '76/217'; '.../S/RES/2720(2023)' -> '2720'."""
    match = re.search(r"/A/RES/((?:ES-\d+/|S-\d+/)?\d+/\d+)", href)
    if match:
        return match.group(1)
    match = re.search(r"/S/RES/(\d+)", href)
    if match:
        return resolution_key(match.group(1))
    return None


# Member-state names that contain " and " (UN short names), kept whole when a list is split.
NAMES_WITH_AND = ("Antigua and Barbuda", "Bosnia and Herzegovina", "Saint Kitts and Nevis",
                  "Saint Vincent and the Grenadines", "Sao Tome and Principe", "Trinidad and Tobago",
                  "United Kingdom of Great Britain and Northern Ireland")


def split_sponsor_list(text: str) -> list[str]:
    """'A, B and C: draft resolution' -> ['A', 'B', 'C'] (names with commas inside brackets and
    names such as 'Bosnia and Herzegovina' kept whole)."""
    text = re.sub(r":\s*(revised )?draft resolution\s*$", "", squash(text))
    for i, name in enumerate(NAMES_WITH_AND):
        text = text.replace(name, f"\x00{i}\x00")
    parts = re.split(r",\s*(?![^()]*\))|\s+and\s+(?![^()]*\))", text)
    restored = [re.sub(r"\x00(\d+)\x00", lambda m: NAMES_WITH_AND[int(m.group(1))], p).strip() for p in parts]
    return [p for p in restored if p]


# --------------------------------------------------------------------------- metadata tables

@lru_cache(maxsize=None)
def _jsonl_rows(path: Path) -> tuple[dict, ...]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line:
            rows.append(json.loads(line))
    return tuple(rows)


def ga_metadata(corpus: Path) -> dict[str, dict]:
    """symbol -> row of unxml-ga-resolutions/data_extract/*.json."""
    table = {}
    for path in sorted((corpus / "unxml-ga-resolutions" / "data_extract").glob("*.json")):
        for row in _jsonl_rows(path):
            table[squash(row["symbol"])] = row
    return table


def sc_metadata(corpus: Path) -> dict[str, dict]:
    """symbol -> row of unxml-sc-resolutions/data_extract/*.json."""
    table = {}
    for path in sorted((corpus / "unxml-sc-resolutions" / "data_extract").glob("*.json")):
        for row in _jsonl_rows(path):
            table[squash(row["symbol"])] = row
    return table


def session_number(text: str) -> int | None:
    """'Eightieth session' -> 80 (GA sessions 70-89 and the few words needed)."""
    tens = {"seventieth": 70, "eightieth": 80, "seventy": 70, "eighty": 80}
    units = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
             "eighth": 8, "ninth": 9}
    words = (text or "").lower().replace(" session", "").strip()
    if words in tens:
        return tens[words]
    match = re.fullmatch(r"(seventy|eighty)-(\w+)", words)
    if match and match.group(2) in units:
        return tens[match.group(1)] + units[match.group(2)]
    return None


# --------------------------------------------------------------------------- source 1: railcar GA 80

def railcar_gold(corpus: Path) -> list[Gold]:
    """A/RES/80/1-55 Markdown (extracted from the UN PDFs) with metadata from the GA 80 table,
    and for the six pairs of the manifest the structure from the UN's XML."""
    folder = corpus / "railcar-ga80-text" / "documents" / "ga-res-80"
    table = ga_metadata(corpus)
    xml_dir = corpus / "unxml-ga-resolutions" / "80session" / "English"
    golds = []
    for path in sorted(folder.glob("A_RES_80_*.md"), key=lambda p: int(p.stem.rsplit("_", 1)[1])):
        n = int(path.stem.rsplit("_", 1)[1])
        symbol = f"A/RES/80/{n}"
        row = table.get(symbol)
        gold = Gold("railcar-ga80", symbol, path.name, path=path, gold_from="GA data_extract/80.json")
        if row:
            gold.symbol = symbol
            gold.date = iso_date(row["adoption_date"])
            gold.session = session_number(row["session"])
            gold.title = squash(row["title"])
        xml = next(iter(xml_dir.glob(f"A_RES_80_{n}-*.xml")), None)
        if n in RAILCAR_XML_PAIRS and xml is not None:
            fill_structure(gold, akn_gold(xml))
            gold.gold_from += f" + XML {xml.name}"
        golds.append(gold)
    return golds


def fill_structure(gold: Gold, akn: dict) -> None:
    paragraphs = akn["paragraphs"]
    gold.paragraphs = paragraphs
    gold.preambular_count = sum(p.kind == "preambular" for p in paragraphs)
    gold.operative_count = sum(p.kind == "operative" for p in paragraphs)
    gold.footnotes = akn["footnotes"]
    gold.footnote_count = len(akn["footnotes"])
    gold.cited_resolutions = akn["cited_resolutions"]


# --------------------------------------------------------------------------- source 2: GateNLP PDFs

# Read by hand from the four PDFs (page text opened in a viewer / pdfplumber in a shell, then
# paragraphs counted by eye; the leads of 73/6, 7 and 8 read off the page images, italics as
# printed).  A/RES/73/3 is one unnumbered operative paragraph ("Adopts the following political
# declaration ...") followed by the declaration's own numbered paragraphs, so its paragraph
# counts are left out (None): nothing certain to compare.
GATENLP_PDF_FACTS = {
    "A_RES_73_3-EN.pdf": dict(
        symbol="A/RES/73/3", date="2018-10-10", session=73,
        title="Political declaration of the high-level meeting of the General Assembly on the fight against tuberculosis",
        preambular_count=None, operative_count=None, footnote_count=7),
    "A_RES_73_6-EN.pdf": dict(
        symbol="A/RES/73/6", date="2018-10-26", session=73,
        title="Fiftieth anniversary of the first United Nations Conference on the Exploration and Peaceful "
              "Uses of Outer Space: space as a driver of sustainable development",
        preambular_count=25, operative_count=14, footnote_count=6,
        preambular_leads=["Recalling", "Recognizing", "Convinced", "Emphasizing", "Convinced",
                          "Noting with satisfaction", "Recognizing", "Recognizing also", "Recognizing further",
                          "Emphasizing", "Reiterating", "Stressing", "Convinced", "Seriously concerned",
                          "Recognizing", "Mindful", "Reaffirming", "Mindful", "Convinced", "Acknowledging",
                          "Reiterating", "Noting with satisfaction", "Noting with appreciation", "Emphasizing",
                          "Welcoming"],
        operative_leads=["Notes with appreciation", "Invites", "Acknowledges", "Encourages", "Encourages",
                         "Emphasizes", "Reaffirms", "Emphasizes", "Expresses its conviction", "Encourages",
                         "Encourages", "Emphasizes", "Urges", "Invites"]),
    "A_RES_73_7-EN.pdf": dict(
        symbol="A/RES/73/7", date="2018-10-29", session=73,
        title="Report of the International Criminal Court",
        preambular_count=13, operative_count=28, footnote_count=9,
        preambular_leads=["Recalling", "Recalling also", "Recognizing", "Reiterating", "Emphasizing", "Convinced",
                          "Acknowledging", "Recalling", "Expressing its appreciation", "Acknowledging", "Noting",
                          "Welcoming", "Stressing"],
        operative_leads=["Welcomes", "Also welcomes", "Further welcomes", "Notes", "Underlines", "Encourages",
                         "Emphasizes", "Acknowledges", "Calls upon", "Welcomes", "Notes", "Recalls", "Recalls",
                         "Recalls", "Emphasizes", "Invites", "Recalls", "Urges", "Emphasizes", "Encourages",
                         "Continues", "Expresses its appreciation", "Encourages", "Recalls", "Acknowledges",
                         "Takes note", "Encourages", "Invites"]),
    "A_RES_73_8-EN.pdf": dict(
        symbol="A/RES/73/8", date="2018-11-01", session=73,
        title="Necessity of ending the economic, commercial and financial embargo imposed by the "
              "United States of America against Cuba",
        preambular_count=8, operative_count=5, footnote_count=1,
        preambular_leads=["Determined", "Reaffirming", "Recalling", "Concerned", "Taking note", "Recalling",
                          "Recalling also", "Concerned"],
        operative_leads=["Takes note", "Reiterates its call upon", "Once again urges", "Requests", "Decides"]),
}


def gatenlp_gold(corpus: Path) -> list[Gold]:
    folder = corpus / "gatenlp-unga-samples" / "sample-docs"
    golds = []
    for name, facts in GATENLP_PDF_FACTS.items():
        path = folder / name
        facts = dict(facts)
        preambular, operative = facts.pop("preambular_leads", None), facts.pop("operative_leads", None)
        if path.exists():
            gold = Gold("gatenlp-pdf", facts["symbol"], name, path=path, gold_from="read by hand from the PDF",
                        **facts)
            if preambular is not None:
                # the italic words of each paragraph, read off the printed pages (none has sub-paragraphs)
                gold.paragraphs = [ParagraphGold("preambular", lead) for lead in preambular] + \
                    [ParagraphGold("operative", lead, str(i + 1)) for i, lead in enumerate(operative)]
            golds.append(gold)
    return golds


# --------------------------------------------------------------------------- source 3: SC gold texts

def sc_gold_texts(corpus: Path) -> list[Gold]:
    """cr-unsc-gold texts: symbol from the file name, date from the text's own heading
    ("Resolution of 7 July 1950" / "Adopted by the Security Council at its ... meeting, on ...");
    for texts whose resolution is also in the UN's XML (1445, 1454), the XML's structure and
    the SC table's adoption date."""
    folder = corpus / "cr-unsc-gold" / "data" / "res_en_gold"
    xml_files = {}
    for xml in (corpus / "unxml-sc-resolutions").rglob("S_RES_*.xml"):
        match = re.match(r"S_RES_(\d+)", xml.name)
        if match and ("English" in str(xml) or "Pre-2020" in str(xml)):
            xml_files.setdefault(int(match.group(1)), xml)
    table = sc_metadata(corpus)
    golds = []
    for path in sorted(folder.glob("S_RES_*_EN_GOLD.txt")):
        match = re.match(r"S_RES_(\d+)_(\d{4})_EN_GOLD", path.name)
        number, year = int(match.group(1)), match.group(2)
        symbol = f"S/RES/{number} ({year})"
        gold = Gold("cr-unsc-gold", symbol, path.name, path=path, symbol=symbol, gold_from="file name + heading")
        gold.date = sc_heading_date(path.read_text(encoding="utf-8", errors="replace"))
        row = table.get(symbol)
        if row:
            gold.date = iso_date(row["adoption_date"])
            gold.gold_from = "file name + SC data_extract"
        if number in xml_files:
            fill_structure(gold, akn_gold(xml_files[number]))
            gold.gold_from += f" + XML {xml_files[number].name}"
        golds.append(gold)
    return golds


def sc_heading_date(text: str) -> str | None:
    """The adoption date in the heading of a cr-unsc-gold text (its first lines, before
    "The Security Council,"): "1 (1946) Resolution of 25 January 1946", "Resolution 209 (1965)" /
    "of 4 September 1965", "Adopted by the Security Council at its 4653rd meeting, on 4 December 2002"."""
    head = text.split("The Security Council", 1)[0]
    head = "\n".join([line for line in head.splitlines() if line.strip()][:12])
    match = re.search(r"(?:Resolution\s+of|^of|meeting,?\s+on)\s*(\d{1,2}\s+[A-Z][a-z]+\s+\d{4})", head, re.M)
    return iso_date(match.group(1)) if match else None


# --------------------------------------------------------------------------- source 4: GA 78 genealogy

def marc_draft_record(corpus: Path, symbol: str) -> dict | None:
    """symbol, title, sponsors (245$c / 515), date (269), agenda item (991) of one MARCXML draft."""
    path = corpus / "un-bench-eda-ga78" / "data" / "raw" / "xml" / "session_78_committee_3_drafts.xml"
    tree = etree.parse(str(path))
    for record in tree.iter("{http://www.loc.gov/MARC21/slim}record"):
        symbols = record.xpath("m:datafield[@tag='191']/m:subfield[@code='a']/text()", namespaces=MARC_NS)
        if symbol not in [s.strip() for s in symbols]:
            continue

        def sub(tag: str, code: str) -> list[str]:
            return [s.strip() for s in record.xpath(
                f"m:datafield[@tag='{tag}']/m:subfield[@code='{code}']/text()", namespaces=MARC_NS)]

        return {"symbol": symbol, "title": (sub("245", "a") or [None])[0],
                "sponsors_245": sub("245", "c"), "additional_515": sub("515", "a"),
                "date": (sub("269", "a") or [None])[0], "agenda": sub("991", "b") + sub("991", "a")}
    return None


def genealogy_gold(corpus: Path) -> list[Gold]:
    """The full text of draft A/C.3/78/L.41 (as the genealogy JSON holds it: no header, no
    sponsor line) against the resolution it became, A/RES/78/220, in the UN's XML.  Only the
    preamble/operative leads are compared, as a share: the draft and the adopted text may differ
    by a paragraph or two.  Metadata and sponsors are not measured: the input text has none."""
    path = corpus / "un-bench-eda-ga78" / "viz" / "analysis_iran_genealogy.json"
    xml = next(iter((corpus / "unxml-ga-resolutions" / "78session" / "English").glob("A_RES_78_220-*.xml")), None)
    if not path.exists() or xml is None:
        return []
    draft = json.loads(path.read_text(encoding="utf-8"))["stages"]["draft"]
    akn = akn_gold(xml)
    return [Gold("un-bench-ga78", draft["symbol"], "A_C.3_78_L.41.txt", data=draft["text"].encode("utf-8"),
                 gold_from=f"leads of A/RES/78/220 ({xml.name})", paragraphs=akn["paragraphs"],
                 leads_certain=False)]


# --------------------------------------------------------------------------- source 5: AKN rendered



def rendered_gold(corpus: Path) -> list[Gold]:
    """Every English AKN resolution or draft rendered as plain text; gold is its own markup
    (structure only: this tests structuring, not extraction)."""
    golds = []
    for path in akn_files(corpus):
        try:
            akn = akn_gold(path, include_attachments=False)
            text, notes = render_akn_with_notes(path)
            akn["footnotes"] = notes   # every footnote rendered, the title's too (A/RES/ES-10/24)
        except etree.XMLSyntaxError:
            continue
        gold = Gold("akn-rendered", akn["symbol"] or path.stem, path.stem + ".txt", data=text.encode("utf-8"),
                    gold_from=f"markup of {path.relative_to(corpus)}", symbol=akn["symbol"],
                    date=akn["date"], session=akn["session"], title=akn["title"], sponsors=akn["sponsors"])
        fill_structure(gold, akn)
        golds.append(gold)
    return golds


SOURCES = {
    "railcar-ga80": railcar_gold,
    "gatenlp-pdf": gatenlp_gold,
    "cr-unsc-gold": sc_gold_texts,
    "un-bench-ga78": genealogy_gold,
    "akn-rendered": rendered_gold,
}


def load_all(corpus: Path, sources: list[str] | None = None) -> list[Gold]:
    golds = []
    for name, loader in SOURCES.items():
        if sources is None or name in sources:
            golds.extend(loader(corpus))
    return golds
