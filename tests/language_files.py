"""The corpus's files of one resolution in several languages, and their text read straight from the UN's XML (never
from the parser), for the language tests."""
from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from resolutions.services.ingestion.ingest import ingest_file

LETTERS = {"A": "ar", "C": "zh", "E": "en", "F": "fr", "R": "ru", "S": "es", "G": "de"}
FOLDERS = {"ar": "Arabic", "zh": "Chinese", "en": "English", "fr": "French", "ru": "Russian", "es": "Spanish",
           "de": "German"}


def language_files(corpus_dir: Path, symbol: str) -> dict[str, Path]:
    """language -> file of ``symbol`` ('A/RES/80/1', 'A/RES/78/220', 'S/RES/2643'), by the file name's last letter."""
    if symbol.startswith("S/RES/"):
        root, stem = corpus_dir / "unxml-sc-resolutions" / "2022", f"S_RES_{symbol.split('/')[-1]} "
    else:
        session = symbol.split("/")[2]
        root, stem = corpus_dir / "unxml-ga-resolutions" / f"{session}session", symbol.replace("/", "_") + "-"
    files = {}
    for folder in FOLDERS.values():
        for path in (root / folder).glob(f"{stem}*.xml"):
            files[LETTERS[path.stem[-1]]] = path
    return files


def ingest(path: Path):
    return ingest_file(path.read_bytes(), path.name)


def xml_paragraphs(path: Path) -> dict[str, str]:
    """Operative number -> the paragraph's opening text (intro or content) as the XML prints it, spaces collapsed."""
    tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
    ns = {"a": tree.getroot().nsmap[None]}
    out = {}
    for paragraph in tree.findall(".//a:mainBody//a:paragraph", ns):
        num = paragraph.find("a:num", ns)
        first = paragraph.find(".//a:p", ns)
        if num is None or first is None:
            continue
        number = re.sub(r"\D", "", num.text or "")
        out.setdefault(number, " ".join("".join(first.itertext()).split()))
    return out


def xml_title(path: Path) -> str:
    """The preface's title lines (not the sponsors' line), as printed."""
    tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
    ns = {"a": tree.getroot().nsmap[None]}
    titles = [" ".join("".join(t.itertext()).split()) for t in tree.findall(".//a:preface//a:docTitle", ns)
              if t.get("refersTo") != "sponsors"]
    return " ".join(t for t in titles if t)


def xml_texts(path: Path) -> list[str]:
    """The text of every paragraph and sub-paragraph the XML's preamble and main body print, spaces collapsed."""
    tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
    ns = {"a": tree.getroot().nsmap[None]}
    blocks = tree.xpath(".//a:preamble//a:p | .//a:mainBody//a:p", namespaces=ns)
    return [" ".join("".join(block.itertext()).split()) for block in blocks]
