"""The resolution-like documents of the seeds and the real corpus, each with the reference text that
conservation compares its parse with.

    corpus_documents(corpus, seeds)   -> [SourceDocument], grouped by ``source``

Sources (English only: the parser reads English; the other languages of the corpus wait for it):
  seeds          ../shared/seeds/*: the five sample texts (markdown and text); reference: the text
                 without its page furniture (the markdown's body for the markdown one).
  railcar-ga80   A/RES/80/1-55 markdown extracted from the UN PDFs; reference: the markdown's body.
  gatenlp-pdf    four UN PDFs (A/RES/73/3, 6, 7, 8); reference: pdftotext's text without furniture.
  cr-unsc-gold   hand-corrected SC texts; reference: the text minus heading and closing vote lines.
  un-bench-ga78  the text of draft A/C.3/78/L.41; reference: the text without furniture.
  akn-rendered   every English AKN file (presidential statements aside) rendered as text with its
                 annexes (akn_text.render_akn_with_notes); reference: the XML's own text.  This measures
                 the shared structuring step on text.
  akn-xml        the same files as the parser reads them (parser/extract_akn.py); reference: the same.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from lxml import etree

from .akn_text import akn_files, akn_reference, render_akn
from .references import markdown_reference, pdf_reference, plain_reference, sc_gold_reference

SOURCES = ["seeds", "railcar-ga80", "gatenlp-pdf", "cr-unsc-gold", "un-bench-ga78", "akn-rendered", "akn-xml"]


@dataclass
class SourceDocument:
    source: str
    doc_id: str
    filename: str                    # the name the parser is given
    read: Callable[[], bytes]        # the parser's input
    reference: Callable[[], str]     # the words it must keep


def _text(path: Path) -> str:
    return path.read_bytes().decode("utf-8", errors="replace")


def _file(source: str, doc_id: str, path: Path, reference: Callable[[str], str]) -> SourceDocument:
    return SourceDocument(source, doc_id, path.name, path.read_bytes, lambda: reference(_text(path)))


def seed_documents(seeds: Path) -> list[SourceDocument]:
    docs = []
    for path in sorted(seeds.glob("*")):
        if not path.is_file():
            continue
        markdown = path.read_bytes().lstrip().startswith(b"#") or b"\n# " in path.read_bytes()[:2000]
        docs.append(_file("seeds", path.name, path, markdown_reference if markdown else plain_reference))
    return docs


def railcar_documents(corpus: Path) -> list[SourceDocument]:
    folder = corpus / "railcar-ga80-text" / "documents" / "ga-res-80"
    paths = sorted(folder.glob("A_RES_80_*.md"), key=lambda p: int(p.stem.rsplit("_", 1)[1]))
    return [_file("railcar-ga80", f"A/RES/80/{p.stem.rsplit('_', 1)[1]}", p, markdown_reference) for p in paths]


def pdf_documents(corpus: Path) -> list[SourceDocument]:
    folder = corpus / "gatenlp-unga-samples" / "sample-docs"
    return [SourceDocument("gatenlp-pdf", "A/RES/73/" + p.stem.split("_")[3].split("-")[0], p.name, p.read_bytes,
                           lambda p=p: pdf_reference(p))
            for p in sorted(folder.glob("A_RES_73_*-EN.pdf"))]


def sc_gold_documents(corpus: Path) -> list[SourceDocument]:
    folder = corpus / "cr-unsc-gold" / "data" / "res_en_gold"
    docs = []
    for path in sorted(folder.glob("S_RES_*_EN_GOLD.txt")):
        number, year = re.match(r"S_RES_(\d+)_(\d{4})", path.name).groups()
        docs.append(_file("cr-unsc-gold", f"S/RES/{int(number)} ({year})", path, sc_gold_reference))
    return docs


def genealogy_documents(corpus: Path) -> list[SourceDocument]:
    path = corpus / "un-bench-eda-ga78" / "viz" / "analysis_iran_genealogy.json"
    if not path.exists():
        return []

    def text() -> str:
        return json.loads(path.read_text(encoding="utf-8"))["stages"]["draft"]["text"]

    return [SourceDocument("un-bench-ga78", "A/C.3/78/L.41", "A_C.3_78_L.41.txt", lambda: text().encode("utf-8"),
                           lambda: plain_reference(text(), "A/C.3/78/L.41"))]


def akn_documents(corpus: Path) -> list[SourceDocument]:
    docs = []
    for path in akn_files(corpus):
        try:
            root = etree.parse(str(path)).getroot()
        except etree.XMLSyntaxError:
            continue
        number = root.find(".//{*}coverPage//{*}docNumber")
        doc_id = re.sub(r"\s+", " ", "".join(number.itertext())).strip() if number is not None else path.stem
        docs.append(SourceDocument("akn-rendered", doc_id, path.stem + ".txt",
                                   lambda p=path: render_akn(p, attachments=True).encode("utf-8"),
                                   lambda p=path: akn_reference(p)))
    return docs


def akn_xml_documents(corpus: Path) -> list[SourceDocument]:
    return [SourceDocument("akn-xml", d.doc_id, d.filename[:-len(".txt")] + ".xml", path.read_bytes,
                           lambda p=path: akn_reference(p))
            for d, path in zip(akn_documents(corpus), _readable_akn(corpus))]


def _readable_akn(corpus: Path) -> list[Path]:
    paths = []
    for path in akn_files(corpus):
        try:
            etree.parse(str(path))
        except etree.XMLSyntaxError:
            continue
        paths.append(path)
    return paths


def corpus_documents(corpus: Path | None, seeds: Path | None = None,
                     sources: list[str] | None = None) -> list[SourceDocument]:
    """Every resolution-like document of the corpus (and the seeds), in source order."""
    loaders = {
        "seeds": lambda: seed_documents(seeds) if seeds and seeds.exists() else [],
        "railcar-ga80": lambda: railcar_documents(corpus),
        "gatenlp-pdf": lambda: pdf_documents(corpus),
        "cr-unsc-gold": lambda: sc_gold_documents(corpus),
        "un-bench-ga78": lambda: genealogy_documents(corpus),
        "akn-rendered": lambda: akn_documents(corpus),
        "akn-xml": lambda: akn_xml_documents(corpus),
    }
    docs: list[SourceDocument] = []
    for name in SOURCES:
        if (sources is None or name in sources) and (name == "seeds" or (corpus and corpus.exists())):
            docs.extend(loaders[name]())
    return docs
