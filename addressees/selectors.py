"""Reads: the addressing of a document's paragraphs for its page, and of a page of search hits (one query each)."""
from __future__ import annotations

from dataclasses import dataclass

from django.contrib.postgres.aggregates import ArrayAgg

from addressees.labels import display
from addressees.models import ParagraphAction


@dataclass
class ShownAddressing:
    action: str
    addressees: list[tuple[str, str]]        # (label, as shown)

    def as_data(self) -> dict:
        """For the API: the action, and each addressee's label (the ``addressee=`` filter's value) and name."""
        return {"action": self.action,
                "addressees": [{"label": label, "name": shown} for label, shown in self.addressees]}


NONE = ShownAddressing("", [])


def _shown(rows) -> dict:
    """(key..., action, labels) rows -> {(key...): ShownAddressing}."""
    return {tuple(key): ShownAddressing(action, [(label, display(label)) for label in sorted(filter(None, labels))])
            for *key, action, labels in rows}


def addressing_by_paragraph(document) -> dict[int, ShownAddressing]:
    """Paragraph id -> its action and addressees, for the document's operative paragraphs and sub-paragraphs."""
    rows = (ParagraphAction.objects.filter(paragraph__document=document)
            .annotate(labels=ArrayAgg("paragraph__addressees__label", distinct=True, default=[]))
            .values_list("paragraph_id", "action", "labels"))
    return {key[0]: shown for key, shown in _shown(rows).items()}


def addressing_at(places: list[tuple[int, str]]) -> dict[tuple[int, str], ShownAddressing]:
    """(document id, anchor) -> the action and addressees of the main text's paragraph there, for a page of
    search hits (a language version's paragraph is addressed as the main text's at its anchor); ``places`` is one
    page, so the query is bounded by the page size."""
    if not places:
        return {}
    documents = {document for document, _ in places}
    anchors = {anchor for _, anchor in places}
    rows = (ParagraphAction.objects.filter(paragraph__document_id__in=documents, paragraph__anchor__in=anchors)
            .annotate(labels=ArrayAgg("paragraph__addressees__label", distinct=True, default=[]))
            .values_list("paragraph__document_id", "paragraph__anchor", "action", "labels"))
    wanted = set(places)
    return {key: shown for key, shown in _shown(rows).items() if key in wanted}
