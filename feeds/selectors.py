"""Reads for feeds and alerts: a target's newest documents as entries (symbol, date, title, the matching snippet).

Every read is bounded: the newest ``limit`` documents (``newest_arrivals``: the GIN bitmap, never a vector per row),
then a fixed number of queries for the page's entries, whatever the archive's size.
"""
from __future__ import annotations

from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from resolutions.lineage.sponsors import drafts_naming
from resolutions.models import Citation, Document, Paragraph, Sponsorship
from resolutions.search import MARK_END, MARK_START, newest_arrivals
from resolutions.search.snippets import snippets_for_documents
from resolutions.un import anchors
from votes.models import StateVote

FEED_ENTRIES = 50          # entries in a feed (the newest); a digest lists as many at most
OPENING_CHARS = 300        # the opening of a document's first operative paragraph, where nothing else matched


@dataclass
class Entry:
    document: Document
    lines: list[tuple[str, str, str]]   # (where: 'operative 4', a link's anchor or '', text with search marks)

    @property
    def title(self) -> str:
        symbol = self.document.symbol or ""
        title = " ".join(self.document.display_title.split())
        if len(title) > 240:
            title = title[:239] + "…"
        return f"{symbol}: {title}" if symbol and title != symbol else (symbol or title)

    def summary_html(self, base_url: str = "") -> SafeString:
        """The entry's date, body and type, then its lines (matching snippets) linked to their paragraphs."""
        d = self.document
        facts = " · ".join(x for x in [d.date.strftime("%-d %B %Y") if d.date else "", d.body, d.document_type] if x)
        parts = [format_html("<p>{}</p>", facts)] if facts else []
        url = base_url + d.get_absolute_url()
        for where, anchor, text in self.lines:
            marked = mark_safe(escape(text).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))
            if where:
                parts.append(format_html('<p><a href="{}">{}</a>: {}</p>', f"{url}#{anchor}" if anchor else url,
                                         where, marked))
            else:
                parts.append(format_html("<p>{}</p>", marked))
        return mark_safe("".join(parts))

    def summary_text(self) -> str:
        """The lines as plain text (e-mail), the search marks dropped."""
        return "\n".join((f"{where}: " if where else "") + text.replace(MARK_START, "").replace(MARK_END, "")
                         for where, _, text in self.lines)


def newest_ids(target, limit: int = FEED_ENTRIES) -> list[int]:
    return newest_arrivals(target.documents, target.query, limit)


def entries(target, limit: int = FEED_ENTRIES, ids: list[int] | None = None) -> list[Entry]:
    """The target's newest ``limit`` documents (or the documents ``ids``, in that order) as entries."""
    ids = newest_ids(target, limit) if ids is None else list(ids)[:max(0, limit)]
    if not ids:
        return []
    by_id = Document.objects.defer("search_vector", "text_bands", "unplaced", "parse_warnings").in_bulk(ids)
    lines = _lines(target, [pk for pk in ids if pk in by_id])
    return [Entry(by_id[pk], lines.get(pk, [])) for pk in ids if pk in by_id]


def _lines(target, ids: list[int]) -> dict[int, list[tuple[str, str, str]]]:
    out: dict[int, list] = {}
    if not target.query.is_empty:
        for pk, snippets in snippets_for_documents(ids, target.query).items():
            out[pk] = [(s.label, s.anchor, s.text) for s in snippets]
    if target.state is not None:
        name = target.state.name
        own = set(Sponsorship.objects.filter(state=target.state, document_id__in=ids).values_list("document_id",
                                                                                                  flat=True))
        for pk in [pk for pk in ids if pk in own]:
            out.setdefault(pk, []).append(("", "", f"Sponsored by {name}."))
        # A resolution adopted from a draft the state sponsored, as its page says it (lineage.sponsors).
        for pk, draft in drafts_naming(target.state.pk, [pk for pk in ids if pk not in own]).items():
            out.setdefault(pk, []).append(("", "", f"Sponsored in draft {draft} by {name}."))
        votes = StateVote.objects.filter(state=target.state, record__document_id__in=ids).select_related("record")
        for vote in votes:
            out.setdefault(vote.record.document_id, []).append(("", "", f"{name}: {vote.get_vote_display().lower()}."))
    if target.cited is not None:
        citations = (Citation.objects.filter(target_document=target.cited, document_id__in=ids)
                     .select_related("paragraph").order_by("document_id", "order"))
        for citation in citations:
            paragraph = citation.paragraph
            where = anchors.describe(paragraph.anchor) if paragraph is not None and paragraph.anchor else ""
            text = paragraph.text if paragraph is not None else citation.raw_text
            out.setdefault(citation.document_id, []).append((where, paragraph.anchor if paragraph else "",
                                                             _opening(text)))
    missing = [pk for pk in ids if pk not in out]
    if missing:
        openings = (Paragraph.objects.filter(document_id__in=missing, kind=Paragraph.Kind.OPERATIVE,
                                             parent__isnull=True, annex__isnull=True)
                    .order_by("document_id", "order").distinct("document_id")
                    .values_list("document_id", "anchor", "lead", "text"))
        for pk, anchor, lead, text in openings:
            words = f"{lead} {text}" if lead and not text.startswith(lead) else text
            out[pk] = [(anchors.describe(anchor) if anchor else "", anchor, _opening(words))]
    return out


def _opening(text: str) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= OPENING_CHARS else text[:OPENING_CHARS - 1].rsplit(" ", 1)[0] + " …"
