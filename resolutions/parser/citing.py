"""Stage: the citations of a structured document (shared by the structuring step and the AKN reader).

Read: the paragraphs (and their sub-paragraphs), the footnotes and the organ.  Write: the citations, each with the
index of its paragraph or the marker of its footnote (resolutions.citations finds them).
"""
from __future__ import annotations

from resolutions.citations import Citation, find_citations, find_footnote_citations

from .document import ParsedDocument


def document_citations(doc: ParsedDocument) -> list[Citation]:
    organ = doc.body
    citations = []
    for index, paragraph in enumerate(doc.paragraphs):
        texts = [paragraph.text] + [s.text for s in paragraph.subparagraphs]
        for text in texts:
            for citation in find_citations(text, organ=organ):
                citation.paragraph = index
                citations.append(citation)
    citations.extend(find_footnote_citations(doc.footnotes, organ=organ))
    return citations
