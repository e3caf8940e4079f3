"""Reads for the browse pages: member states, agenda items, sessions, bodies."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.db.models import Case, Count, Max, Min, Prefetch, Q, When
from django.db.models.functions import ExtractYear

from resolutions.lineage.sponsors import sponsored_by, sponsorship_counts
from resolutions.models import AgendaItem, Document, MemberState
from resolutions.un.agenda import number_key
from resolutions.un.symbols import EMERGENCY_SESSION_SYMBOL

# What a list of documents shows: symbol and title, and what the address needs.
LIST_COLUMNS = ("pk", "symbol", "symbol_key", "slug", "title", "subject", "date", "document_type", "body")
PLURAL_KINDS = ((MemberState.Kind.MEMBER, "Member States"), (MemberState.Kind.OBSERVER, "Observer States"),
                (MemberState.Kind.HISTORICAL, "Historical states"))


def states_with_counts() -> list[tuple[str, list[MemberState]]]:
    """Every member state and observer, with the documents it sponsored and the votes it cast (in favour,
    against or abstaining) in the archive's records; historical states only when the archive holds something of
    theirs. Groups in the order members, observers, historical."""
    # Two grouped counts, each one pass over its tables (a correlated count per state took seconds); a resolution
    # adopted from a draft counts for the draft's sponsors (resolutions.lineage.sponsors).
    sponsored = sponsorship_counts()
    # votes/ keeps each state's votes (StateVote, related name 'votes'); 'not voting' is no vote cast.
    states = (MemberState.objects.annotate(voted=Count("votes", filter=~Q(votes__vote="non-voting")))
              .order_by("name"))
    groups = {kind: [] for kind, _ in MemberState.Kind.choices}
    for state in states:
        state.sponsored = sponsored.get(state.pk, 0)
        if state.kind != MemberState.Kind.HISTORICAL or state.sponsored or state.voted:
            groups[state.kind].append(state)
    return [(label, groups[kind]) for kind, label in PLURAL_KINDS if groups[kind]]


def with_sponsorship_counts(states: list[MemberState]) -> list[MemberState]:
    """The states, each with ``n``: the documents it sponsored, its drafts' adopted resolutions included."""
    counts = sponsorship_counts([state.pk for state in states])
    for state in states:
        state.n = counts.get(state.pk, 0)
    return states


def state_page(slug: str) -> dict:
    state = MemberState.objects.get(slug=slug)
    # the documents naming it and the resolutions adopted from a draft naming it
    documents = list(Document.objects.filter(sponsored_by(state.pk))
                     .order_by("-date", "symbol").only(*LIST_COLUMNS))
    by_year: dict = {}
    for document in documents:
        by_year.setdefault(document.date.year if document.date else None, []).append(document)
    years = sorted((y for y in by_year if y is not None), reverse=True)
    peak = max((len(by_year[y]) for y in years), default=1)
    chart = [{"year": y, "count": len(by_year[y]), "width": round(200 * len(by_year[y]) / peak)} for y in sorted(years)]
    groups = [(y, by_year[y]) for y in years] + ([(None, by_year[None])] if None in by_year else [])
    return {"state": state, "documents": documents, "groups": groups, "chart": chart}


def agenda_items_with_counts():
    """The agenda items that have documents, as a flat list (the API's order: body, session, number)."""
    return AgendaItem.objects.annotate(n=Count("documents", distinct=True)).filter(n__gt=0).order_by(
        "body", "-session", "number")


@dataclass
class AgendaSession:
    body: str
    session: int | None
    emergency: bool = False        # an emergency special session of the Assembly (A/RES/ES-11/1)
    items: list = field(default_factory=list)


def agenda_by_body_and_session(documents_shown: int = 3) -> list[AgendaSession]:
    """Agenda items with documents, by body and session (latest session first), each session's items in the UN's
    numeric order (11 before 107, 99 (z) before 99 (aa)); each item with its first documents, whose titles say
    what an item is about when its masthead printed no title of its own."""
    items = list(AgendaItem.objects.annotate(n=Count("documents", distinct=True)).filter(n__gt=0)
                 .prefetch_related(Prefetch("documents", queryset=Document.objects.only(*LIST_COLUMNS)
                                            .order_by("date", "symbol"))))
    groups: dict[tuple, AgendaSession] = {}
    emergency_symbol = re.compile(EMERGENCY_SESSION_SYMBOL)
    for item in items:
        documents = list(item.documents.all())
        item.first_documents = documents[:documents_shown]
        emergency = any(emergency_symbol.match(d.symbol_key or "") for d in documents)
        groups.setdefault((item.body, item.session, emergency),
                          AgendaSession(item.body, item.session, emergency)).items.append(item)
    for group in groups.values():
        group.items.sort(key=lambda item: number_key(item.number))
    return sorted(groups.values(), key=lambda g: (g.body, g.emergency, -(g.session or 0)))


@dataclass
class BodyCalendar:
    body: str
    sessions: list = field(default_factory=list)   # {session, n, first_year, last_year}
    years: list = field(default_factory=list)      # {year, n}: documents of no session (the Security Council's)
    undated: int = 0


def sessions_with_counts() -> list[BodyCalendar]:
    """Every body with its sessions (and the years they span) and, for documents that belong to no session (the
    Security Council has none), its years; latest first."""
    calendars: dict[str, BodyCalendar] = {}
    rows = (Document.objects.exclude(body="")
            .annotate(emergency=Case(When(symbol_key__regex=EMERGENCY_SESSION_SYMBOL, then=True), default=False))
            .values("body", "session", "emergency")
            .annotate(n=Count("pk"), first=Min("date"), last=Max("date")).order_by("body", "emergency", "-session"))
    for row in rows:
        calendar = calendars.setdefault(row["body"], BodyCalendar(row["body"]))
        if row["session"] is not None:
            calendar.sessions.append({"session": row["session"], "emergency": row["emergency"], "n": row["n"],
                                      "first_year": row["first"].year if row["first"] else None,
                                      "last_year": row["last"].year if row["last"] else None})
    years = (Document.objects.exclude(body="").filter(session__isnull=True)
             .annotate(year=ExtractYear("date")).values("body", "year").annotate(n=Count("pk"))
             .order_by("body", "-year"))
    for row in years:
        calendar = calendars.setdefault(row["body"], BodyCalendar(row["body"]))
        if row["year"] is None:
            calendar.undated += row["n"]
        else:
            calendar.years.append({"year": row["year"], "n": row["n"]})
    return sorted(calendars.values(), key=lambda c: -sum(x["n"] for x in c.sessions + c.years) - c.undated)


def bodies_with_counts():
    return Document.objects.exclude(body="").values("body").annotate(n=Count("pk")).order_by("-n")
