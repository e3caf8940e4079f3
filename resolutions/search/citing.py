"""Searches that are look-ups: a citation (the cited document and the documents that cite it) and a symbol prefix.

``read_lookup(query)`` reads the query with ``resolutions.citations.lookup``: a citation in any form the finder
reads (``A/RES/61/180``, ``resolution 61/180``, ``61/180``, ``S/RES/1454 (2002)``, ``1454 (2002)``, ``resolution
1454``, ``decision 60/551``) or a symbol prefix (``A/RES/80/*``, ``A/C.3/78/L.*``, ``S/RES/24*``, or a symbol
typed whole that no document has and nothing cites but that begins other symbols: ``A/RES/80``, ``A/C.3/61/L.7``).

The citing documents and paragraphs come from the stored citations (``Citation.target_key``, indexed), resolved
or not, so a resolution that is not in the archive still lists who cites it. Every read here starts from the
citations of one thing or from one range of the symbol index: bounded by what is cited, never a scan.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import Q
from django.db.models.expressions import RawSQL

from resolutions.citations.lookup import Cited, bare_resolution_number, read_cited, symbol_prefix, with_year
from resolutions.models import Citation, Document
from resolutions.search.query import ParsedQuery
from resolutions.search.snippets import MARK_END, MARK_START, Snippet
from resolutions.un import anchors
from resolutions.un.bodies import SECURITY_COUNCIL, SERIES_OF
from resolutions.un.symbols import resolution_symbol

SNIPPETS_PER_DOCUMENT = 2
WORDS_BEFORE, WORDS_AFTER = 18, 30     # the words kept around a citation in a snippet
# Natural order of symbols: each run of digits compared as a number (A/RES/80/2 before A/RES/80/10).
NATURAL_SYMBOL_ORDER = (r"(SELECT string_agg(t[1] || lpad(t[2], 12, '0'), '') "
                        r"FROM regexp_matches(symbol_key, '(\D*)(\d*)', 'g') AS t) NULLS LAST")
# Above this many documents a prefix is listed newest first: ordering every match by its number costs a regular
# expression per symbol (the whole archive for 'A/RES/*').
NATURAL_ORDER_LIMIT = 10_000


@dataclass
class Lookup:
    kind: str                          # "citation" | "prefix"
    label: str                         # what was looked up, as the UN writes it: 'A/RES/61/180', 'A/RES/80/'
    cited: Cited | None = None         # the cited thing (citation look-ups)
    document: Document | None = None   # the cited document itself, when it is in the archive
    prefix: str | None = None          # the symbols' beginning (prefix look-ups; a symbol's children otherwise)
    children: int = 0                  # documents whose symbols begin with the cited symbol and '/' (its revisions)


def read_lookup(query: ParsedQuery) -> Lookup | None:
    """The look-up a query is, or None when it is searched as words."""
    if query.is_empty:
        return None
    prefix = symbol_prefix(query.text)
    if prefix:
        return Lookup("prefix", prefix + "*", prefix=prefix)
    cited = read_cited(query.text)
    if cited is None:
        return None
    if cited.year_missing:
        year = security_council_year(cited.year_missing)
        if year:
            cited = with_year(cited, year)
    document = (Document.objects.defer("search_vector").filter(symbol_key=cited.symbol_key).first()
                if cited.symbol_key else None)
    children = 0
    if cited.children_prefix:
        children = Document.objects.filter(symbol_key__startswith=cited.children_prefix).count()
    lookup = Lookup("citation", cited.label, cited, document, cited.children_prefix, children)
    if document is None and not citations_of(lookup).exists():
        if children:     # 'A/RES/80', 'A/C.3/61/L.7': nothing has or cites the symbol, but symbols begin with it
            return Lookup("prefix", cited.children_prefix + "*", prefix=cited.children_prefix)
        if cited.children_prefix:
            return None  # a symbol nothing has or cites: its words are searched (the page says it is missing)
    return lookup


def security_council_year(number: str) -> str | None:
    """The year of Security Council resolution ``number``, from its document or from a citation of it."""
    council = SERIES_OF[SECURITY_COUNCIL]
    key = (Document.objects.filter(symbol_key__startswith=resolution_symbol(council, f"{number}("))
           .values_list("symbol_key", flat=True).first()
           or Citation.objects.filter(target_key__startswith=f"resolution:{council}:{number}(")
           .values_list("target_key", flat=True).first())
    found = re.search(r"\((\d{4})\)$", key or "")
    return found.group(1) if found else None


def symbol_offers(query: ParsedQuery) -> list[str]:
    """'1325' -> ['S/RES/1325 (2000)'] when the archive has or cites that Security Council resolution."""
    number = bare_resolution_number(query.text)
    year = security_council_year(number) if number else None
    return [resolution_symbol(SERIES_OF[SECURITY_COUNCIL], f"{number} ({year})")] if year else []


def citations_of(lookup: Lookup):
    """The stored citations of the looked-up thing (resolved or not), the document's own left out."""
    wanted = Q(target_key__in=lookup.cited.keys)
    if lookup.document is not None:
        wanted |= Q(target_document=lookup.document)
        return Citation.objects.filter(wanted).exclude(document=lookup.document)
    return Citation.objects.filter(wanted)


def citing_documents(documents, lookup: Lookup):
    """The documents of ``documents`` (filtered) that cite the looked-up thing."""
    return documents.filter(pk__in=citations_of(lookup).values("document_id"))


def citing_paragraphs(paragraphs, lookup: Lookup):
    """The paragraphs of ``paragraphs`` (filtered) that cite it, in their text or in a footnote they call.

    One subquery, a union of both paths, each driven from the citations' indexes: an OR of two ``IN`` tests would
    make PostgreSQL read every paragraph to test it."""
    document_id = lookup.document.pk if lookup.document is not None else None
    wanted = "(c.target_key = ANY(%s) OR c.target_document_id = %s) AND c.document_id IS DISTINCT FROM %s"
    citing = RawSQL(
        f"""SELECT c.paragraph_id FROM resolutions_citation c WHERE c.paragraph_id IS NOT NULL AND {wanted}
            UNION
            SELECT p.id FROM resolutions_citation c
            JOIN resolutions_footnote f ON f.id = c.footnote_id
            JOIN resolutions_paragraph p ON p.document_id = f.document_id
                 AND p.annex_id IS NOT DISTINCT FROM f.annex_id AND f.marker = ANY(p.footnote_refs)
            WHERE {wanted}""",
        [list(lookup.cited.keys), document_id, document_id] * 2)
    return paragraphs.filter(pk__in=citing)


def prefix_documents(documents, lookup: Lookup):
    return documents.filter(symbol_key__startswith=lookup.prefix)


def cut_around(text: str, start: int, end: int) -> str:
    """The words around text[start:end], that span marked, and '…' where the text was cut."""
    before, cited, after = text[:start].split(), text[start:end], text[end:].split()
    head = " ".join(before[-WORDS_BEFORE:])
    tail = " ".join(after[:WORDS_AFTER])
    glue_before = " " if start > 0 and text[start - 1].isspace() else ""
    glue_after = " " if end < len(text) and text[end].isspace() else ""
    out = (("… " if len(before) > WORDS_BEFORE else "") + head + glue_before + MARK_START + cited + MARK_END
           + glue_after + tail + (" …" if len(after) > WORDS_AFTER else ""))
    return out.strip()


def marked_citation(text: str, citation: Citation) -> str:
    """The text around where ``citation`` is printed in it, marked; its opening words when it cannot be found."""
    for written in (citation.raw_text, citation.number, citation.symbol):
        if written:
            found = text.find(written)
            if found >= 0:
                return cut_around(text, found, found + len(written))
    words = text.split()
    return " ".join(words[:WORDS_AFTER]) + (" …" if len(words) > WORDS_AFTER else "")


def _footnote_anchor(footnote) -> str:
    return anchors.footnote(footnote.marker, footnote.annex.order if footnote.annex_id else None)


def citation_snippets(document_ids: list[int], lookup: Lookup) -> dict[int, list[Snippet]]:
    """The citing paragraphs (or footnotes) of each document on the page, the citation marked (one query)."""
    out: dict[int, list[Snippet]] = {}
    if not document_ids:
        return out
    rows = (citations_of(lookup).filter(document_id__in=document_ids)
            .select_related("paragraph", "footnote", "footnote__annex").order_by("document_id", "order"))
    for citation in rows:
        shown = out.setdefault(citation.document_id, [])
        if len(shown) >= SNIPPETS_PER_DOCUMENT:
            continue
        if citation.paragraph_id:
            shown.append(Snippet(citation.paragraph_id, citation.paragraph.anchor,
                                 marked_citation(citation.paragraph.text, citation)))
        elif citation.footnote_id:
            shown.append(Snippet(None, _footnote_anchor(citation.footnote),
                                 marked_citation(citation.footnote.text, citation), "footnote"))
    return out


def citing_paragraph_texts(paragraphs: list, lookup: Lookup) -> dict[int, str]:
    """Each citing paragraph's text around the citation, marked; for a citation in a footnote the paragraph calls,
    the paragraph's opening words and the footnote (one query)."""
    if not paragraphs:
        return {}
    rows = (citations_of(lookup).filter(document_id__in={p.document_id for p in paragraphs})
            .select_related("footnote").order_by("order"))
    direct: dict[int, Citation] = {}
    by_note: dict[tuple, Citation] = {}
    for citation in rows:
        if citation.paragraph_id:
            direct.setdefault(citation.paragraph_id, citation)
        elif citation.footnote_id:
            note = citation.footnote
            by_note.setdefault((note.document_id, note.annex_id, note.marker), citation)
    out = {}
    for paragraph in paragraphs:
        if paragraph.pk in direct:
            out[paragraph.pk] = marked_citation(paragraph.text, direct[paragraph.pk])
            continue
        note = next((by_note[(paragraph.document_id, paragraph.annex_id, ref)] for ref in paragraph.footnote_refs
                     if (paragraph.document_id, paragraph.annex_id, ref) in by_note), None)
        words = paragraph.text.split()
        opening = " ".join(words[:WORDS_AFTER]) + (" …" if len(words) > WORDS_AFTER else "")
        if note is None:
            out[paragraph.pk] = opening
        else:
            out[paragraph.pk] = (f"{opening} [footnote {note.footnote.marker}: "
                                 f"{marked_citation(note.footnote.text, note)}]")
    return out
