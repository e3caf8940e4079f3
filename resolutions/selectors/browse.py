"""Reads for the browse pages: member states, agenda items, sessions, bodies."""
from __future__ import annotations

from django.db.models import Count, Min, Q
from django.db.models.functions import ExtractYear

from resolutions.models import AgendaItem, Document, MemberState


def states_with_counts():
    return (MemberState.objects.annotate(n=Count("sponsorships__document", distinct=True))
            .filter(n__gt=0).order_by("name"))


def state_page(slug: str) -> dict:
    state = MemberState.objects.get(slug=slug)
    documents = list(Document.objects.filter(sponsorships__state=state).distinct()
                     .order_by("-date", "symbol").only("pk", "symbol", "title", "date", "document_type", "body"))
    by_year: dict = {}
    for document in documents:
        by_year.setdefault(document.date.year if document.date else None, []).append(document)
    years = sorted((y for y in by_year if y is not None), reverse=True)
    peak = max((len(by_year[y]) for y in years), default=1)
    chart = [{"year": y, "count": len(by_year[y]), "width": round(200 * len(by_year[y]) / peak)} for y in sorted(years)]
    groups = [(y, by_year[y]) for y in years] + ([(None, by_year[None])] if None in by_year else [])
    return {"state": state, "documents": documents, "groups": groups, "chart": chart}


def agenda_items_with_counts():
    return AgendaItem.objects.annotate(n=Count("documents", distinct=True)).filter(n__gt=0).order_by(
        "body", "-session", "number")


def sessions_with_counts():
    return (Document.objects.exclude(session__isnull=True).values("body", "session")
            .annotate(n=Count("pk"), first=Min("date")).order_by("body", "-session"))


def bodies_with_counts():
    return Document.objects.exclude(body="").values("body").annotate(n=Count("pk")).order_by("-n")
