"""Conservation: how many of a source's words a parse keeps somewhere, counted as a multiset.

Pure functions, no Django and no format knowledge: ``words`` turns any text into a multiset of words,
``kept_words`` gathers every word a ParsedDocument keeps (paragraphs with their numbers, sub-paragraphs with
their labels, headings, annexes, footnotes, title, unplaced text, and the header fields the archive stores:
symbol, session, agenda items, committee, sponsors, document type, adoption meeting, draft and report symbols),
and ``conservation`` is the share of the reference's words found among them (a word counts as often as it
occurs).  The reference text is the caller's and must not come from the parser (for AKN: the XML's own text).

Words are runs of letters and digits, compared case-folded and NFKC-normalised; a Chinese or Japanese character
is a word of its own (Chinese text has no spaces, so a run would be a whole clause and one changed character
would lose it all).
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

from .document import ParsedDocument

CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff"
WORD = re.compile(rf"[{CJK}]|(?:(?![{CJK}])[^\W_])+")


def words(text: str | None) -> Counter:
    """The multiset of words of a text."""
    if not text:
        return Counter()
    text = unicodedata.normalize("NFKC", text).casefold()
    return Counter(WORD.findall(text))


def kept_texts(doc: ParsedDocument) -> list[str]:
    """Every piece of text the parse keeps, header fields included."""
    texts: list[str | None] = [doc.symbol, doc.body, doc.committee, doc.distribution, doc.document_type,
                               doc.title, doc.preamble_subject, doc.draft_symbol, doc.committee_report]
    texts.append(str(doc.session) if doc.session is not None else None)
    for item in doc.agenda_items:
        texts.extend([item.number, item.title])
    texts.extend(s.name for s in doc.sponsors)
    for paragraph in doc.paragraphs:
        texts.extend(_paragraph_texts(paragraph))
    texts.extend(f"{f.marker} {f.text}" for f in doc.footnotes)
    for annex in doc.annexes:
        texts.extend([annex.label, annex.title])
        for paragraph in annex.paragraphs:
            texts.extend(_paragraph_texts(paragraph))
        texts.extend(f"{f.marker} {f.text}" for f in annex.footnotes)
    texts.extend(doc.unplaced)
    if doc.votes is not None:
        texts.append(doc.votes.meeting)
    return [t for t in texts if t]


def _paragraph_texts(paragraph) -> list[str | None]:
    texts = [paragraph.heading, paragraph.number, paragraph.text]
    for sub in paragraph.subparagraphs:
        texts.extend([sub.label, sub.text])
    return texts


def kept_words(doc: ParsedDocument) -> Counter:
    total: Counter = Counter()
    for text in kept_texts(doc):
        total.update(words(text))
    return total


def conservation(reference: Counter, kept: Counter) -> float:
    """The share of the reference's words (with their counts) that are kept; 1.0 for an empty reference."""
    size = sum(reference.values())
    if not size:
        return 1.0
    return sum(min(count, kept[word]) for word, count in reference.items()) / size


def missing(reference: Counter, kept: Counter) -> Counter:
    """The reference's words the parse does not keep, with how many times each is missing (for reports)."""
    return Counter({word: count - kept[word] for word, count in reference.items() if count > kept[word]})
