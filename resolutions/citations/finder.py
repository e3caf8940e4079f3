"""Find citations in the text of resolutions and their footnotes.

Shaped like Free Law Project's eyecite: the text is scanned once for anchors
(the words 'resolution(s)' / 'decision(s)', document symbols, 'Treaty Series'),
each anchor is read forward into one or more citations, and a last pass
resolves what depends on context ('its resolution', 'Ibid.').  No Django.

Every pattern is anchored at a position found by a simple search and reads a
bounded window, so the time is linear in the length of the text.
"""
from __future__ import annotations

import re

from resolutions.parser.document import Citation, Footnote

ORGANS = {
    "General Assembly": "General Assembly",
    "Assembly": "General Assembly",
    "Security Council": "Security Council",
    "Economic and Social Council": "Economic and Social Council",
    "Human Rights Council": "Human Rights Council",
    "Commission on Human Rights": "Commission on Human Rights",
    "Trusteeship Council": "Trusteeship Council",
}
ORGAN_NAMES = "|".join(sorted((re.escape(k) for k in ORGANS), key=len, reverse=True))
MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"

ANCHOR = re.compile(r"\b([Rr]esolutions?|[Dd]ecisions?)\s+(?=\[?(?:ES-|S-)?\d)")
NUMBER = re.compile(r"\[?((?:ES-\d{1,2}/|S-\d{1,2}/)\d{1,4}(?:\s?[A-Z]\b)?|\d{1,4}/\d{1,4}(?:\s?[A-Z]\b)?|"
                    r"\d{1,4}\s\((?:\d{4}|[IVXL]{1,6})\))\]?(?:\([^)\s]{0,200}\))?")
OF_DATE = re.compile(rf",?\s+of\s+\d{{1,2}}\s+{MONTH}\s+\d{{4}}")
LIST_SEPARATOR = re.compile(r"\s*(?:,\s*and\s+|,\s*|\s+and\s+)")
OF_ORGAN = re.compile(r"\s+of\s+the\s+(Commission on [A-Z][A-Za-z ]{2,80}?(?= on | of |[,;.]|$)|" + ORGAN_NAMES + r")")
BY_ORGAN_ITS = re.compile(r"(?:by|of|from) the (" + ORGAN_NAMES + r")\s+in\s+its\s*$")
ORGAN_BEFORE = re.compile(r"(" + ORGAN_NAMES + r"|Council|Commission)\s*$")

SYMBOL = re.compile(
    r"(?<![A-Za-z0-9/])((?:A|S|E|ST|CTOC|TD|UNEP|DP|CRC|CEDAW|CCPR|CERD|CAT|CMW|CRPD|ECE|ESCAP|ECA|ECLAC|ESCWA|"
    r"ICCD|FCCC|UNW|JIU|ICC|HRC|CD|DPI|SG|ISBA|UNCTAD|IDB|PBC|ACC|T|WFP|UNICEF|UNDP)"
    r"(?:\.\d{1,2})?(?:/[A-Za-z0-9]{1,12}(?:[.\-][A-Za-z0-9]{1,12}){0,3}){2,8})(?:\s\((\d{4})\))?")
TREATY = re.compile(r"(?:United Nations|League of Nations),\s+\*?Treaty Series\*?,\s+vol\.\s*(\d{1,5}),\s*No\.\s*(\d{1,7})")
IBID_TREATY = re.compile(r"\*?Ibid\.?\*?,?\s+vol\.\s*(\d{1,5}),\s*No\.\s*(\d{1,7})")
IBID = re.compile(r"\s*\*?Ibid\.?\*?")


def _organ_from_symbol(symbol: str) -> str | None:
    head = symbol.split("/")[0]
    if symbol.startswith("A/HRC"):
        return "Human Rights Council"
    return {"A": "General Assembly", "S": "Security Council", "E": "Economic and Social Council"}.get(head)


def find_citations(text: str, *, organ: str | None = None) -> list[Citation]:
    """Citations in one paragraph's (or footnote's) text, in order of appearance.

    ``organ`` is the body whose document this is: 'its resolution 61/180' in a
    General Assembly text is the General Assembly's.
    """
    found: list[tuple[int, Citation]] = []
    covered: list[tuple[int, int]] = []
    for anchor in ANCHOR.finditer(text):
        kind = "decision" if anchor.group(1).lower().startswith("decision") else "resolution"
        before = text[max(0, anchor.start() - 120):anchor.start()]
        organ_here = _organ_before(before, organ)
        citations, end = _read_list(text, anchor.end(), kind)
        if not citations:
            continue
        after = OF_ORGAN.match(text, end)
        if after:
            organ_here = ORGANS.get(after.group(1), after.group(1))
            end = after.end()
        # The first citation of a list reads as written with its keyword ('resolution 61/180').
        citations[0][1].text = f"{anchor.group(1)} {citations[0][1].text}"
        for start, citation in citations:
            citation.body = organ_here
            found.append((start, citation))
        covered.append((anchor.start(), end))
    for match in SYMBOL.finditer(text):
        if any(a <= match.start() < b for a, b in covered):
            continue
        symbol = match.group(1).rstrip(".")
        year = match.group(2)
        res = re.fullmatch(r"(A|S|E)/RES/(.+)", symbol)
        if res:
            number = res.group(2) + (f" ({year})" if year else "")
            full = symbol + (f" ({year})" if year else "")
            found.append((match.start(), Citation(kind="resolution", text=text[match.start():match.end()].rstrip("."),
                                                  body=_organ_from_symbol(symbol), number=number, symbol=full)))
        else:
            found.append((match.start(), Citation(kind="document", text=symbol, symbol=symbol)))
    for match in TREATY.finditer(text):
        found.append((match.start(), Citation(kind="treaty", text=match.group(0), volume=match.group(1),
                                              treaty_number=match.group(2))))
    found.sort(key=lambda item: item[0])
    return [c for _, c in found]


def _organ_before(before: str, organ: str | None) -> str | None:
    """The organ that issued 'resolution N' from the words just before it."""
    stripped = re.sub(r"\s+", " ", before).rstrip()
    stripped = re.sub(r"(?:its|their|previous|relevant|the|and|also|further|in particular)\s*$", "", stripped).rstrip()
    explicit = ORGAN_BEFORE.search(stripped)
    if explicit:
        name = explicit.group(1)
        if name in ORGANS:
            return ORGANS[name]
        # 'Council resolution' or 'Commission resolution': the organ named last in the sentence.
        named = list(re.finditer(ORGAN_NAMES, before))
        if named:
            return ORGANS[named[-1].group(0)]
        return organ
    by_its = BY_ORGAN_ITS.search(re.sub(r"\s+", " ", before).rstrip() + " ")
    if by_its is None:
        by_its = BY_ORGAN_ITS.search(re.sub(r"\s+", " ", before).rstrip())
    if by_its:
        return ORGANS[by_its.group(1)]
    return organ


def _read_list(text: str, position: int, kind: str) -> tuple[list[tuple[int, Citation]], int]:
    """Read 'N of <date>, M of <date> and P' from position: one citation per number."""
    citations: list[tuple[int, Citation]] = []
    end = position
    while True:
        number = NUMBER.match(text, position)
        if not number:
            break
        value = number.group(1)
        if re.fullmatch(r"\d{1,4}", value):
            break
        citations.append((number.start(), Citation(kind=kind, text=number.group(0).strip("[]"), number=re.sub(r"\s+", " ", value))))
        end = position = number.end()
        date = OF_DATE.match(text, position)
        if date:
            end = position = date.end()
        separator = LIST_SEPARATOR.match(text, position)
        if not separator:
            break
        if not NUMBER.match(text, separator.end()):
            break
        position = separator.end()
    return citations, end


def find_footnote_citations(footnotes: list[Footnote], *, organ: str | None = None) -> list[Citation]:
    """Citations in footnotes, 'Ibid.' resolved against the footnote before it.

    'Ibid., annex II.' after 'Resolution 55/25, annex I.' cites resolution 55/25
    again; 'Ibid., vol. 266, No. 3822.' after a Treaty Series footnote is a
    treaty.  Each citation carries its footnote's marker.
    """
    out: list[Citation] = []
    previous: list[Citation] = []
    for note in footnotes:
        text = note.text
        citations: list[Citation]
        ibid_treaty = IBID_TREATY.match(text)
        if ibid_treaty:
            citations = [Citation(kind="treaty", text=ibid_treaty.group(0).replace("*", ""),
                                  volume=ibid_treaty.group(1), treaty_number=ibid_treaty.group(2))]
        elif IBID.match(text) and previous:
            citations = [Citation(kind=c.kind, text=text, body=c.body, number=c.number, symbol=c.symbol,
                                  volume=c.volume, treaty_number=c.treaty_number) for c in previous[:1]]
            rest = IBID.sub("", text, count=1)
            citations.extend(find_citations(rest, organ=organ))
        else:
            citations = find_citations(text, organ=organ)
        for citation in citations:
            citation.footnote = note.marker
        out.extend(citations)
        if citations:
            previous = citations
    return out
