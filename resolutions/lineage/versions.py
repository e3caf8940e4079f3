"""A document's own versions, offered by the comparison form (lineage.views.compare_form)."""
from __future__ import annotations

from datetime import date

from resolutions.lineage.selectors import series_window
from resolutions.models import Document


def versions_of(document: Document, limit: int = 20) -> list[Document]:
    """The document's own versions, to compare it with: the drafts, revisions and adopted texts linked to it, then
    its neighbours in its series; oldest first, the document itself left out."""
    linked = [link.target for link in document.links_out.select_related("target")]
    linked += [link.source for link in document.links_in.select_related("source")]
    members = series_window(document)[0] if document.series_id else []
    seen, versions = {document.pk}, []
    for other in linked + members:
        if other.pk not in seen:
            seen.add(other.pk)
            versions.append(other)
    return sorted(versions[:limit], key=lambda d: (d.date is None, d.date or date.min, d.symbol))
