"""The subject a text gives when it prints no title (early Security Council resolutions, old texts).

Read: a ParsedDocument.  Write: a short subject string, or None when a title is printed.

A list of "(untitled)" tells a reader nothing; the UN's own indexes name such a resolution by the question the
Council had under consideration ("The Palestine question", "Complaint by Lebanon"), which the text itself gives in
its opening paragraphs ("Having considered the question of ...", "the situation in ..."). Where the text names no
question, its opening words stand in, cut at a word and marked as cut.
"""
from __future__ import annotations

import re

from .document import ParsedDocument

# "the question of X", "the situation in X", "the complaint by X", "the Palestine question", up to the first
# clause boundary: the phrase the Council's agenda uses for the item.
# The phrase must end the clause (punctuation, a closing quote or the end of the paragraph) and stay short: "the
# situation in Cyprus has continued ..." is a sentence about the question, not its name.
QUESTION = re.compile(
    r"\b(?:the\s+)?((?:question|situation|complaint|dispute)\s+(?:of|in|by|concerning|between|relating to|"
    r"regarding)\s+[^,;:()\"\u201c\u201d.]{3,80}?)\s*(?=[,;:(\"\u201c\u201d.]|$)",
    re.IGNORECASE,
)
QUESTION_WORDS = 8
# "Having examined the application of Malta for admission to the United Nations": the item is the admission.
ADMISSION = re.compile(r"\bapplication of (?:the )?(.{2,80}?) for (?:admission|membership)\b", re.IGNORECASE)
OPENING_WORDS = 14


def _opening_words(text: str) -> str:
    words = text.split()
    if len(words) <= OPENING_WORDS:
        return " ".join(words).rstrip(",;:.")
    return " ".join(words[:OPENING_WORDS]).rstrip(",;:.") + " …"


def subject_from_text(parsed: ParsedDocument) -> str | None:
    """The question under consideration where the text names one, else the first paragraph's opening words."""
    if parsed.title:
        return None
    texts = [p.text for p in parsed.paragraphs[:6] if p.text]
    for text in texts:
        admission = ADMISSION.search(text)
        if admission:
            return f"Admission of {' '.join(admission.group(1).split())} to membership in the United Nations"
        for match in QUESTION.finditer(text):
            subject = " ".join(match.group(1).split())
            if len(subject.split()) <= QUESTION_WORDS:
                return subject[0].upper() + subject[1:]
    if texts:
        return _opening_words(texts[0])
    for annex in parsed.annexes:
        if annex.title:
            return annex.title
    return None
