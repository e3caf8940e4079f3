"""Sponsors of an adopted resolution read from the draft it was adopted from.

An adopted resolution prints no sponsors: they are printed on its draft ("Angola, Belarus, ...: draft
resolution").  When both are in the archive and linked (``DocumentLink`` of kind *adopted*, found by the
draft symbol a text or the UN's markup names, by a reference, or by title, session and text), the draft's
sponsors are the resolution's.  They are read through the link when asked, never copied to the resolution:
a corrected or re-parsed draft, or a link found later, changes what the resolution shows with nothing to
keep in step.  (The UN's AKN markup names the sponsors on the resolution itself; those are stored as its
own sponsorships, and the draft's are not shown beside them.)
"""
from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from archive.db_router import connection_for_read
from resolutions.models import Document, DocumentLink, Sponsorship


@dataclass
class DraftSponsors:
    draft: Document
    sponsorships: list[Sponsorship]


def draft_sponsors(document: Document) -> DraftSponsors | None:
    """The draft a resolution was adopted from, with its sponsorships in printed order, when the resolution
    names no sponsors of its own and a linked draft does (the first such draft by symbol: a resolution has
    one draft in practice). Two queries."""
    link = (DocumentLink.objects.filter(source_id=document.pk, kind=DocumentLink.Kind.ADOPTED,
                                        target__sponsorships__isnull=False)
            .select_related("target").only("kind", "target__id", "target__symbol", "target__symbol_key",
                                           "target__slug", "target__title", "target__subject",
                                           "target__document_type")
            .order_by("target__symbol_key", "target_id").first())
    if link is None:
        return None
    rows = list(Sponsorship.objects.filter(document_id=link.target_id).select_related("state").order_by("order"))
    return DraftSponsors(link.target, rows)


def _tables() -> dict[str, str]:
    return {"sponsorship": Sponsorship._meta.db_table, "link": DocumentLink._meta.db_table,
            "adopted": DocumentLink.Kind.ADOPTED.value}


def sponsored_documents(state_id: int) -> QuerySet:
    """The ids of the documents the state sponsored: those naming it, and the resolutions adopted from a draft
    naming it, as one UNION (each document once).

    Every reader of a state's sponsorships takes this one definition (its page, the search's ``sponsor`` filter, its
    feed). Used as ``pk__in``, PostgreSQL reads it as a semi-join: the state's rows from the (state, document) index,
    the drafts' resolutions from the links' target index, and the row estimate it plans with is the two parts' (the
    sponsorship rows of that state id, from the column's statistics), which the search's choice of plan reads
    (``resolutions.search.linked``)."""
    own = Sponsorship.objects.filter(state_id=state_id).order_by().values("document_id")
    through_draft = (DocumentLink.objects.filter(kind=DocumentLink.Kind.ADOPTED, target_id__in=own)
                     .order_by().values("source_id"))
    return own.union(through_draft)


def sponsored_by(state_id: int) -> Q:
    """A filter of documents: those the state sponsored (``sponsored_documents``)."""
    return Q(pk__in=sponsored_documents(state_id))


def drafts_naming(state_id: int, document_ids) -> dict[int, str]:
    """Of ``document_ids``, the resolutions adopted from a draft naming the state as sponsor -> that draft's symbol
    (the first by symbol; one query)."""
    rows = (DocumentLink.objects.filter(kind=DocumentLink.Kind.ADOPTED, source_id__in=list(document_ids),
                                        target__sponsorships__state_id=state_id)
            .order_by("source_id", "target__symbol_key").values_list("source_id", "target__symbol"))
    found: dict[int, str] = {}
    for source_id, symbol in rows:
        found.setdefault(source_id, symbol or "")
    return found


def sponsorship_counts(state_ids: list[int] | None = None) -> dict[int, int]:
    """State id -> how many documents it sponsored, its drafts' adopted resolutions included (each document
    once, whether it names the state itself, through its draft, or both). One grouped pass over both tables, or
    over the rows of ``state_ids`` only (a page of the API's list), from the (state, document) index."""
    states = "IS NOT NULL" if state_ids is None else "= ANY(%s)"
    params = [] if state_ids is None else [list(state_ids)] * 2
    # Raw SQL goes where the router sends public reads (a replica when one is configured), as the ORM's would.
    with connection_for_read(Sponsorship).cursor() as cursor:
        cursor.execute(
            "SELECT state_id, count(DISTINCT document_id) FROM ("
            " SELECT state_id, document_id FROM {sponsorship} WHERE state_id {states}"
            " UNION ALL SELECT s.state_id, l.source_id FROM {link} l"
            " JOIN {sponsorship} s ON s.document_id = l.target_id"
            " WHERE l.kind = '{adopted}' AND s.state_id {states}) AS sponsored "
            "GROUP BY state_id".format(states=states, **_tables()), params)
        return dict(cursor.fetchall())
