"""Resolve citations against the archive: now, when a document is stored, and later, when the cited one arrives.

A citation's ``target_key`` (from resolutions.citations.keys.citation_key) names
what is cited: 'resolution:A:61/180', 'resolution:S:2720(2023)',
'document:E/CN.4/2006/62', 'treaty:2171:27531'.  A resolution is in the archive
under its symbol (A/RES/61/180, S/RES/2720 (2023), E/RES/2008/33), any other
document under its own symbol, so both are matched on Document.symbol_key.
Treaties are outside the archive's scope (EXTERNAL).  Anything else that
matches nothing stays UNRESOLVED and is filled in by
:func:`resolve_pending_citations` when the cited document is ingested.
"""
from __future__ import annotations

from collections.abc import Iterable

from resolutions.citations.keys import numbers_naming_part, part_numbers
from resolutions.models import Citation, Document
from resolutions.un.bodies import RESOLUTION_SERIES
from resolutions.un.symbols import normalise_symbol, resolution_number, resolution_symbol


def symbol_keys_for_target(target_key: str) -> list[str]:
    """The Document.symbol_key values a citation's target_key can be found under."""
    kind, _, rest = target_key.partition(":")
    if kind == "document" and rest:
        return [normalise_symbol(rest)]
    if kind == "resolution":
        body, _, number = rest.partition(":")
        if body in RESOLUTION_SERIES and number:   # citation_key's body codes are the organs' series
            # 'resolutions 57/270 A and B': each part is a document of its own (A/RES/57/270 A, A/RES/57/270 B)
            return [normalise_symbol(resolution_symbol(body, n)) for n in [number, *part_numbers(number)]]
    return []


def target_keys_for_symbol(symbol_key: str) -> list[str]:
    """Every target_key that designates the document whose symbol_key is given."""
    keys = [f"document:{symbol_key}"]
    resolution = resolution_number(symbol_key)
    if resolution:
        keys.append("resolution:{}:{}".format(*resolution))
        series, number = resolution
        keys += [f"resolution:{series}:{several}" for several in numbers_naming_part(number)]
    return keys


def resolve_citations(citations: Iterable[Citation]) -> None:
    """Set status and target_document on (unsaved) citations, with one query for the lot."""
    citations = list(citations)
    wanted = {key for c in citations for key in symbol_keys_for_target(c.target_key)}
    # Only what the citation row needs (a whole Document row is kilobytes: its search vector, its bands), unsorted.
    found = ({d.symbol_key: d for d in Document.objects.filter(symbol_key__in=wanted).only("id", "symbol_key")
              .order_by()} if wanted else {})
    for citation in citations:
        if citation.kind == Citation.Kind.TREATY:
            citation.status, citation.target_document = Citation.Status.EXTERNAL, None
            continue
        target = next((found[k] for k in symbol_keys_for_target(citation.target_key) if k in found), None)
        citation.status = Citation.Status.RESOLVED if target else Citation.Status.UNRESOLVED
        citation.target_document = target


def resolve_pending_citations(document: Document) -> int:
    """Point every UNRESOLVED citation of this document's symbol at it; return how many were resolved."""
    if not document.symbol_key:
        return 0
    return Citation.objects.filter(
        status=Citation.Status.UNRESOLVED, target_key__in=target_keys_for_symbol(document.symbol_key)
    ).update(status=Citation.Status.RESOLVED, target_document=document)
