"""Measure the Chinese word segmentation the search uses (resolutions/languages/segmentation.py, rjieba) on the
corpus's Chinese AKN files: how fast it cuts, and what a search for common two-character words of UN texts finds
with it compared with a plain substring search of the same paragraphs.

    python scripts/measure_chinese_segmentation.py [CORPUS_DIR]

The reference is the paragraphs' own text (every <p> of the preamble and main body as the UN's XML prints it), not
the parser.  For each word: the paragraphs that print it as a substring, those the index finds (the paragraph's
search tokens hold every token of the query, which is what PostgreSQL's 'simple' configuration matches), the
share found, and how many substring occurrences straddle two words (a substring search would count them; the
index does not).
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lxml import etree  # noqa: E402

# Common two-character words of the resolutions: peace, security, development, human rights, women, children,
# international, cooperation, resolution, report, meeting, question, economy, society, government, organization,
# Secretary(-General), General Assembly, council (理事), member, law, protection, support, implementation.
WORDS = ["和平", "安全", "发展", "人权", "妇女", "儿童", "国际", "合作", "决议", "报告", "会议", "问题", "经济",
         "社会", "政府", "组织", "秘书", "大会", "理事", "成员", "法律", "保护", "支持", "执行"]


def paragraphs(path: Path) -> list[str]:
    tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
    ns = {"a": tree.getroot().nsmap[None]}
    return ["".join(p.itertext()).strip() for p in
            tree.xpath(".//a:preamble//a:p | .//a:mainBody//a:p | .//a:attachments//a:p", namespaces=ns)]


def main(corpus: Path) -> None:
    started = time.perf_counter()
    from resolutions.languages import segmentation
    segmentation.index_text("大会", "zh")              # the dictionary loads on first use
    loaded = time.perf_counter() - started
    files = sorted(p for p in corpus.rglob("*.xml") if p.parent.name == "Chinese")
    texts = [t for path in files for t in paragraphs(path) if t]
    characters = sum(len(t) for t in texts)
    started = time.perf_counter()
    indexed = [set(segmentation.index_text(t, "zh").split()) for t in texts]
    took = time.perf_counter() - started
    print(f"{len(files)} Chinese files, {len(texts)} paragraphs, {characters:,} characters")
    print(f"rjieba loaded and first cut in {loaded * 1000:.0f} ms; index segmentation {took * 1000:.0f} ms "
          f"({characters / took / 1e6:.2f} M characters/s)")
    print("| word | paragraphs printing it | found by the index | share | substring hits straddling two words |")
    print("| --- | --- | --- | --- | --- |")
    total_printed = total_found = 0
    for word in WORDS:
        query = segmentation.query_text(word, "zh").split()
        printing = [i for i, t in enumerate(texts) if word in t]
        found = [i for i, tokens in enumerate(indexed) if all(q in tokens for q in query)]
        straddling = len(set(printing) - set(found))
        total_printed += len(printing)
        total_found += len(set(found) & set(printing))
        share = len(set(found) & set(printing)) / len(printing) if printing else 1.0
        print(f"| {word} | {len(printing)} | {len(found)} | {share:.2f} | {straddling} |")
    print(f"All words: {total_found} of {total_printed} paragraphs printing them found "
          f"({total_found / max(1, total_printed):.3f}).")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent.parent
         / "shared" / "corpus" / "real")
