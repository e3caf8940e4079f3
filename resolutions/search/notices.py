"""What a search tells the user, as data: a code and its numbers. The words are the web page's and the API's
(``resolutions/templatetags/search_text.py``), never the search's."""
from __future__ import annotations

from dataclasses import dataclass, field

# query_cut        the query was longer than MAX_QUERY_CHARS: typed, searched (characters)
# no_terms         the query has no word the archive indexes: the filtered list is shown instead
# ranked_newest    more matches than are ranked: total, estimated, ranked, mode ("documents" | "paragraphs")
# estimated_total  the total is the planner's estimate: total, mode
# partial_matches  fewer than a page match every word; the page goes on with documents matching some of them:
#                  total (matching every word), shown (matching some, on the page), mode
CODES = ("query_cut", "no_terms", "ranked_newest", "estimated_total", "partial_matches")


@dataclass
class Notice:
    code: str
    params: dict = field(default_factory=dict)

    def __init__(self, code: str, **params):
        if code not in CODES:
            raise ValueError(f"unknown search notice {code!r}")
        self.code, self.params = code, params
