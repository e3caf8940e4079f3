"""Write resolutions/parser/data/leads_other_languages.txt: the lead phrases of French, Spanish, Russian, Arabic
and Chinese resolutions, as the UN's own AKN4UN markup gives them (the italic words a paragraph opens with, the
<container name> of a preambular paragraph), counted over the corpus's AKN files in those languages.

    python scripts/build_other_language_leads.py [CORPUS_DIR]

The even-numbered resolutions of the eightieth session (A/RES/80/4, 6, ...) are left out: the tests parse them,
rendered as plain text, to measure the text path on texts the vocabulary was not built from.
"""
from __future__ import annotations

import collections
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from resolutions.parser.extract_akn import extract_akn  # noqa: E402

LANGUAGES = ("fr", "es", "ru", "ar", "zh")
OUT = Path(__file__).resolve().parent.parent / "resolutions" / "parser" / "data" / "leads_other_languages.txt"


def held_out(path: Path) -> bool:
    match = re.match(r"A_RES_80_(\d+)-", path.name)
    return bool(match) and int(match.group(1)) % 2 == 0


def main(corpus: Path) -> None:
    counts: dict[str, collections.Counter] = {code: collections.Counter() for code in LANGUAGES}
    for path in sorted(corpus.glob("unxml-*/**/*.xml")):
        if "English" in path.parts or "Pre-2020" in path.parts or "PRST" in path.parts or held_out(path):
            continue
        try:
            doc = extract_akn(path.read_bytes())
        except Exception:  # the malformed file, or any file this build cannot read: not a source of leads
            continue
        if doc.language not in counts:
            continue
        for paragraph in doc.paragraphs:
            if paragraph.lead and len(paragraph.lead) <= 60 and paragraph.text.startswith(paragraph.lead):
                counts[doc.language][paragraph.lead] += 1
    lines = ["# Lead phrases of UN resolutions in French, Spanish, Russian, Arabic and Chinese: language, tab, phrase.",
             "# Built by scripts/build_other_language_leads.py from the UN's AKN4UN markup (italic openings and",
             "# <container name>); the even-numbered A/RES/80 files are held out for the tests."]
    for code in LANGUAGES:
        lines.extend(f"{code}\t{phrase}" for phrase in sorted(counts[code]))
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: " + ", ".join(f"{code} {len(counts[code])}" for code in LANGUAGES))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared/corpus/real")
