"""Measuring the extractor against a hand-checked gold (tests/data/addressees_gold.tsv).  No Django.

``measure(gold_path, corpus)`` parses each file of the gold once, finds each row's paragraph (its anchor and first
words), runs the extractor on it as ingestion does (a sub-paragraph with its parent's addressing), and counts:

- action: precision = right / paragraphs given an action, recall = right / paragraphs whose gold has one;
- addressees: over (paragraph, label) pairs, precision = right / labels given, recall = right / gold labels.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from addressees.extractor import Addressing, extract
from resolutions.parser import parse
from resolutions.un.anchors import Anchors, subparagraph


@dataclass
class GoldRow:
    file: str
    anchor: str
    begins: str
    action: str
    addressees: list[str]


@dataclass
class Score:
    right: int = 0
    given: int = 0
    expected: int = 0

    @property
    def precision(self) -> float:
        return self.right / self.given if self.given else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.expected if self.expected else 1.0


@dataclass
class Measure:
    rows: int = 0
    action: Score = field(default_factory=Score)
    addressees: Score = field(default_factory=Score)
    failures: list[tuple[GoldRow, Addressing]] = field(default_factory=list)
    missing: list[GoldRow] = field(default_factory=list)     # rows whose paragraph the parse no longer has


def read_gold(path: Path) -> list[GoldRow]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [GoldRow(r["file"], r["anchor"], r["begins"].strip(), r["action"],
                    [label for label in r["addressees"].split(";") if label]) for r in rows]


def paragraphs_of(path: Path) -> list[tuple[str, str, Addressing]]:
    """(anchor, text, addressing) of every operative paragraph and sub-paragraph of the file's resolution."""
    document = parse(path.read_bytes(), path.name)
    anchors = Anchors()
    out = []
    for paragraph in document.paragraphs:
        anchor = anchors.paragraph(paragraph.kind, paragraph.number, paragraph.heading)
        if paragraph.kind != "operative":
            continue
        parent = extract(paragraph.lead, paragraph.text)
        out.append((anchor, paragraph.text, parent))
        for sub in paragraph.subparagraphs:
            out.append((subparagraph(anchor, sub.label), sub.text, extract(None, sub.text, parent)))
    return out


def measure(gold_path: Path, corpus: Path) -> Measure:
    result = Measure()
    parsed: dict[str, list] = {}
    for row in read_gold(gold_path):
        if row.file not in parsed:
            parsed[row.file] = paragraphs_of(corpus / row.file)
        found = next((addressing for anchor, text, addressing in parsed[row.file]
                      if anchor == row.anchor and _normal(text).startswith(_normal(row.begins))), None)
        if found is None:
            result.missing.append(row)
            continue
        result.rows += 1
        given = set(found.addressees)
        expected = set(row.addressees)
        result.addressees.right += len(given & expected)
        result.addressees.given += len(given)
        result.addressees.expected += len(expected)
        result.action.given += bool(found.action)
        result.action.expected += bool(row.action)
        result.action.right += bool(row.action) and found.action == row.action
        if given != expected or found.action != row.action:
            result.failures.append((row, found))
    return result


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
