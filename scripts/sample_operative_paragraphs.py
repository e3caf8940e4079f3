"""Draw the hand-checked sample of operative paragraphs for the addressee and action measure (issue 16 item 4).

    python scripts/sample_operative_paragraphs.py [--size 320] [--seed 16] [--exclude-documents-of GOLD.tsv ...]

Prints, for each paragraph drawn, its file (relative to the corpus), anchor and text (a sub-paragraph with its
parent's opening words), for a person to READ and write the gold from (tests/data/addressees_gold.tsv); the
extractor is never run here.  The draw is seeded, so the same sample comes out again.  Universe: the operative
paragraphs and sub-paragraphs of the resolutions' own text (annexes aside) of every English AKN file of the
corpus (General Assembly and Security Council; presidential statements have none) and the hand-corrected
Security Council texts of cr-unsc-gold; ``--exclude-documents-of`` leaves out every document a gold file already
samples (a new held-out sample is drawn from documents no rule was written on).
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus" / "real"

from resolutions.parser import parse  # noqa: E402
from resolutions.un.anchors import Anchors, subparagraph  # noqa: E402


def corpus_files(corpus: Path = CORPUS) -> list[Path]:
    akn = [p for p in sorted(corpus.glob("unxml-*-resolutions/**/*.xml"))
           if "English" in p.parts or "Pre-2020" in p.parts or "Emergency sessions" in str(p)]
    akn = [p for p in akn if "PRST" not in p.parts and "English" in str(p) or "Pre-2020" in p.parts]
    gold = sorted((corpus / "cr-unsc-gold" / "data" / "res_en_gold").glob("*.txt"))
    return akn + gold


def operative_rows(path: Path):
    """(anchor, text, parent text or None) for each operative paragraph and sub-paragraph of the file's resolution."""
    try:
        document = parse(path.read_bytes(), path.name)
    except Exception:     # a file the parser refuses (the malformed one) is not in the universe
        return
    anchors = Anchors()
    for paragraph in document.paragraphs:
        anchor = anchors.paragraph(paragraph.kind, paragraph.number, paragraph.heading)
        if paragraph.kind != "operative":
            continue
        yield anchor, paragraph.text, None
        for sub in paragraph.subparagraphs:
            yield subparagraph(anchor, sub.label), sub.text, paragraph.text


def universe(corpus: Path = CORPUS) -> list[tuple[str, str, str, str | None]]:
    rows = []
    for path in corpus_files(corpus):
        relative = path.relative_to(corpus).as_posix()
        rows.extend((relative, anchor, text, parent) for anchor, text, parent in operative_rows(path))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=320)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--chars", type=int, default=320)
    parser.add_argument("--exclude-documents-of", nargs="*", type=Path, default=[])
    args = parser.parse_args()
    excluded = {line.split("\t", 1)[0] for gold in args.exclude_documents_of
                for line in gold.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")}
    rows = [row for row in universe() if row[0] not in excluded]
    sample = sorted(random.Random(args.seed).sample(rows, args.size))
    print(f"# {len(rows)} operative paragraphs and sub-paragraphs; {len(sample)} drawn", file=sys.stderr)
    for number, (relative, anchor, text, parent) in enumerate(sample, start=1):
        print(f"[{number}] {relative}\t{anchor}")
        if parent is not None:
            print(f"    PARENT: {parent[:160]}")
        print(f"    {text[:args.chars]}")


if __name__ == "__main__":
    main()
