"""Conservation: the share of a source's words that a parse keeps somewhere.

The first measure of the parser (issue 13): a parse that drops an operative paragraph or an annex
scores low here whatever its field scores say.  Pure Python, no Django, no parser import (the
parse is read through its attributes), so the measuring script, the tests and any tool can use it.

    words(text)                      the word multiset of a text (see WORD)
    kept_words(parsed)               every word the parse keeps: text, headings, annexes, footnotes,
                                     title, unplaced text, and the header facts it stores as fields
    measure(reference, parsed)       Conservation: share kept, words lost (in the reference's order)

Words are runs of letters (a Chinese or Japanese character alone) or runs of digits, NFKC and case-folded, so markup, punctuation,
quotes and dashes never count, and "Convention1" (a footnote marker glued to a word by a text
extraction) is the word and the marker.  A word counts as often as it occurs (a multiset).  A
word split in two by an extraction ("includi ng", "devel-" / "opment" at a line end) is kept when
the two pieces together are a word the parse still has.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date as Date

from resolutions.un.bodies import GENERAL_ASSEMBLY, SECURITY_COUNCIL, SERIES_OF
from resolutions.un.symbols import organ_of_symbol, resolution_number, special_session

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff"
# A Chinese or Japanese character is a word of its own: the script has no spaces, so a run would be a whole clause
# and one changed character would lose all of it.
WORD = re.compile(rf"[{CJK}]|(?:(?![{CJK}])[^\W\d_])+|\d+")

ORDINALS = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
            "eighteenth", "nineteenth"]
TENS_ORDINAL = {20: "twentieth", 30: "thirtieth", 40: "fortieth", 50: "fiftieth", 60: "sixtieth",
                70: "seventieth", 80: "eightieth", 90: "ninetieth"}
TENS = {20: "twenty", 30: "thirty", 40: "forty", 50: "fifty", 60: "sixty", 70: "seventy", 80: "eighty",
        90: "ninety"}


def words(text: str | None) -> list[str]:
    """The words of a text in order: letter runs and digit runs, NFKC, case-folded."""
    if not text:
        return []
    return WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def ordinal_words(number: int) -> str:
    """80 -> 'eightieth', 61 -> 'sixty-first' (the GA prints its sessions so)."""
    if number < 20:
        return ORDINALS[number]
    if number < 100:
        tens, unit = divmod(number, 10)
        return TENS_ORDINAL[tens * 10] if unit == 0 else f"{TENS[tens * 10]}-{ORDINALS[unit]}"
    return "hundredth" if number == 100 else str(number)


def printed_date(iso: str | None) -> str:
    """'2018-11-01' -> '1 November 2018', as the UN prints dates."""
    try:
        day = Date.fromisoformat(iso or "")
    except ValueError:
        return iso or ""
    return f"{day.day} {day.strftime('%B')} {day.year}"


def _paragraph_texts(paragraph) -> list[str]:
    texts = [paragraph.heading, paragraph.number, paragraph.text]
    texts += paragraph.footnote_refs
    for sub in paragraph.subparagraphs:
        texts += [sub.label, sub.text] + list(sub.footnote_refs)
    return texts


def field_texts(parsed) -> list[str]:
    """The header facts the parse stores as fields, written as the UN prints them (symbol, body, date,
    session, committee, agenda items, sponsors, document type, distribution, original language, meeting)."""
    texts = [parsed.body, parsed.committee, parsed.preamble_subject]   # symbol and date: repeated_fields
    if parsed.distribution:
        texts.append(f"Distr.: {parsed.distribution}")
    # '[on the report of the First Committee (A/80/534, para. 7)]', '[without reference to a Main Committee
    # (A/80/L.4)]', '[S/1588]': the report or the draft, the committee a field of its own
    if getattr(parsed, "committee_report", None):
        texts += [parsed.committee_report, "on the report of the"]
    if getattr(parsed, "draft_symbol", None):
        texts.append(parsed.draft_symbol)
        if organ_of_symbol(parsed.symbol or "") == GENERAL_ASSEMBLY:
            texts.append("without reference to a Main Committee")
    if parsed.original_language:
        texts.append(f"Original: {parsed.original_language}")
    if getattr(parsed, "issued", None) and parsed.issued != parsed.date:
        texts.append(printed_date(parsed.issued))
    if parsed.session:
        special = special_session(parsed.symbol)   # 'Tenth emergency special session': the symbol says which
        texts.append(f"{ordinal_words(parsed.session)} {special + ' ' if special else ''}session")
    if parsed.agenda_items:
        texts.append("Agenda items" if len(parsed.agenda_items) > 1 else "Agenda item")
        texts += [f"{item.number} {item.title or ''}" for item in parsed.agenda_items]
        texts += ["and"] * (len(parsed.agenda_items) > 1)
    if parsed.sponsors:
        texts += [sponsor.name for sponsor in parsed.sponsors]
        texts += ["and"] * (len(parsed.sponsors) > 1)
    if parsed.document_type:
        texts.append(parsed.document_type)
    votes = getattr(parsed, "votes", None)
    if parsed.body and (parsed.document_type == "resolution" or (votes is not None and votes.meeting)):
        # 'Resolution adopted by the General Assembly on ...' / 'Adopted by the Security Council at its ...': the
        # words around the stored body, date and meeting
        texts.append("adopted by the on at its")
    if votes is not None:
        texts += [votes.adoption_type]   # the meeting: repeated_fields
        texts += [str(n) for n in (votes.in_favour, votes.against, votes.abstaining) if n is not None]
        texts += [vote.state for vote in votes.states]
    return texts


def kept_texts(parsed) -> list[str]:
    """Every text the parse keeps, in no particular order."""
    texts = [parsed.title] + field_texts(parsed)
    for paragraph in parsed.paragraphs:
        texts += _paragraph_texts(paragraph)
    for footnote in parsed.footnotes:
        texts += [footnote.marker, footnote.text]
    for annex in getattr(parsed, "annexes", []):
        texts += [annex.label, annex.title]
        for paragraph in annex.paragraphs:
            texts += _paragraph_texts(paragraph)
        for footnote in annex.footnotes:
            texts += [footnote.marker, footnote.text]
    texts += list(getattr(parsed, "unplaced", []))
    return [t for t in texts if t]


def kept_words(parsed) -> Counter:
    counter: Counter = Counter()
    for text in kept_texts(parsed):
        counter.update(words(text))
    return counter


@dataclass
class Conservation:
    reference_words: int
    kept: int
    lost: list[str] = field(default_factory=list)   # the reference's words not found, in the reference's order
    lost_runs: list[str] = field(default_factory=list)   # consecutive lost words, longest first

    @property
    def share(self) -> float:
        return self.kept / self.reference_words if self.reference_words else 1.0


def repeated_fields(parsed) -> list[list[str]]:
    """Field phrases that count wherever the source prints them whole (and only there; kept_words leaves them out): the stored date (printed in the
    adoption line and again under the closing meeting line), the symbol (the masthead and the heading)
    and the meeting.  Short common words ('Security Council') are not here: the text uses them too."""
    phrases = [printed_date(parsed.date) if parsed.date else None, parsed.symbol]
    number = resolution_number(parsed.symbol or "")
    if number and number[0] in (SERIES_OF[GENERAL_ASSEMBLY], SERIES_OF[SECURITY_COUNCIL]):
        phrases.append(number[1])   # 'Resolution 1445 (2002)' in the heading, '80/13.' before the title
    votes = getattr(parsed, "votes", None)
    if votes is not None:
        phrases.append(votes.meeting)
    return [w for w in (words(p) for p in phrases) if len(w) >= 2]


HEADER_WORDS = 120   # the masthead, the heading and the adoption line of any UN resolution fit in these


def header_fields(parsed) -> list[list[str]]:
    """Field phrases the header prints more than once ('General Assembly' in the masthead and in 'Resolution
    adopted by the General Assembly'): they count wherever they are printed among its first words."""
    return [w for w in (words(parsed.body),) if w]


def measure(reference: str, parsed) -> Conservation:
    """The share of the reference text's words that the parse keeps (multiset), and what is lost."""
    ref = words(reference)
    available = kept_words(parsed)
    matched = [False] * len(ref)
    for phrase in repeated_fields(parsed):
        size = len(phrase)
        for start in range(len(ref) - size + 1):
            if ref[start:start + size] == phrase and not any(matched[start:start + size]):
                matched[start:start + size] = [True] * size
    for phrase in header_fields(parsed):
        size = len(phrase)
        for start in range(min(len(ref), HEADER_WORDS) - size + 1):
            if ref[start:start + size] == phrase and not any(matched[start:start + size]):
                matched[start:start + size] = [True] * size
    for i, word in enumerate(ref):
        if not matched[i] and available[word] > 0:
            available[word] -= 1
            matched[i] = True
    # A word an extraction split in two ('includi ng', 'devel-' + 'opment', 'cease-' + 'fire') is kept when the
    # parse has it whole.  One piece may have been matched on its own to a copy the parse has elsewhere ('to cease
    # fighting'): that copy is given back, and a last pass lets the words still missing take it.
    i = 0
    while i < len(ref) - 1:
        if not (matched[i] and matched[i + 1]) and ref[i].isalpha() == ref[i + 1].isalpha():
            whole = ref[i] + ref[i + 1]
            if available[whole] > 0:
                available[whole] -= 1
                for piece in (i, i + 1):
                    if matched[piece]:
                        available[ref[piece]] += 1
                matched[i] = matched[i + 1] = True
                i += 2
                continue
        i += 1
    for i, word in enumerate(ref):
        if not matched[i] and available[word] > 0:
            available[word] -= 1
            matched[i] = True
    lost = [w for w, ok in zip(ref, matched) if not ok]
    runs: list[str] = []
    run: list[str] = []
    for w, ok in zip(ref, matched):
        if not ok:
            run.append(w)
        elif run:
            runs.append(" ".join(run))
            run = []
    if run:
        runs.append(" ".join(run))
    runs.sort(key=lambda r: -len(r.split()))
    return Conservation(reference_words=len(ref), kept=len(ref) - len(lost), lost=lost, lost_runs=runs)


@dataclass
class DocumentConservation:
    source: str
    doc_id: str
    share: float | None              # None when the parse failed
    reference_words: int
    lost_runs: list[str]
    error: str | None = None


def measure_documents(documents, parse, progress=None) -> list[DocumentConservation]:
    """Conservation of each corpus document (corpus.SourceDocument) under ``parse(bytes, filename)``; a parse that
    raises keeps nothing (share 0.0) and says why."""
    results = []
    for document in documents:
        reference = document.reference()
        try:
            parsed = parse(document.read(), document.filename)
        except Exception as exc:  # noqa: BLE001 - a refused or crashing parse keeps none of the words
            result = DocumentConservation(document.source, document.doc_id, 0.0, len(words(reference)), [],
                                          f"{type(exc).__name__}: {str(exc)[:200]}")
        else:
            kept = measure(reference, parsed)
            result = DocumentConservation(document.source, document.doc_id, kept.share, kept.reference_words,
                                          kept.lost_runs)
        if progress:
            progress(result)
        results.append(result)
    return results


def per_source(results: list[DocumentConservation]) -> list[dict]:
    """Per source: documents, words, the share of all its words kept, the worst document and how many are
    under 0.99."""
    out = []
    for source in dict.fromkeys(r.source for r in results):
        rows = [r for r in results if r.source == source]
        total = sum(r.reference_words for r in rows)
        kept = sum(r.reference_words * (r.share or 0.0) for r in rows)
        worst = min(rows, key=lambda r: r.share or 0.0)
        out.append(dict(source=source, documents=len(rows), words=total, share=round(kept / total, 4) if total else 1.0,
                        worst=worst.doc_id, worst_share=round(worst.share or 0.0, 4),
                        below=sum((r.share or 0.0) < THRESHOLD for r in rows)))
    return out


THRESHOLD = 0.99
