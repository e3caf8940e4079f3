"""Full-text search (the read side; the index is written by ``resolutions.services.indexing``).

Modules, in the order a query goes through them:
  query.py        cleaning what was typed, spotting a symbol (``parse_query``, ``find_by_symbol``)
  arrivals.py     the newest arrivals among the matches, for feeds and alerts (``newest_arrivals``)
  inputs.py       the one input boundary: request parameters -> a validated search (``read_search``), used by
                  the web page and the API alike
  limits.py       the numbers that bound a search's work (``SearchLimits``), passed to it
  engine.py       ``search``: one call for a page of document or paragraph hits
  citing.py       look-ups instead of words: a citation (the cited document, who cites it) or a symbol prefix
  statement.py    each mode's one SQL statement (page, total, facets) and the window of newest documents
  linked.py       a word through a link table (sponsor, agenda item, vote): the filter's documents or the word's first
  partial.py      when fewer than a page match every word: the documents or paragraphs matching some of them
  scoring.py      the one relevance expression (``ts_rank_cd``, its normalisation)
  facets.py       the one list of facets, the SQL counting them, and the facets shown
  ranking.py      matching and ordering as querysets (the exports; paragraph mode matches with them)
  snippets.py     marked snippets, titles and paragraph texts for the page's rows
  suggestions.py  'did you mean' and 'showing results for' a correction
  planner.py      the read connection, planner settings and the planner's estimates
  notices.py      what a search tells the user, as codes (the words are the views')
The design and its measurements are in README.md, "Search design" and "Relevance".
"""
from resolutions.search.arrivals import newest_arrivals
from resolutions.search.engine import DocumentHit, ParagraphHit, SearchResult, search
from resolutions.search.facets import FACETS, Facet, FacetValue
from resolutions.search.inputs import FILTER_NAMES, MAX_PAGE_SIZE, MODES, SORTS, SearchRequest, read_search
from resolutions.search.limits import DEFAULT_LIMITS, SearchLimits, configured_limits
from resolutions.search.notices import Notice
from resolutions.search.query import MAX_QUERY_CHARS, ParsedQuery, find_by_symbol, has_terms, parse_query
from resolutions.search.ranking import match_documents, match_paragraphs, order_documents, order_paragraphs
from resolutions.search.snippets import MARK_END, MARK_START, Snippet

__all__ = [
    "DEFAULT_LIMITS", "FACETS", "FILTER_NAMES", "MARK_END", "MARK_START", "MAX_PAGE_SIZE", "MAX_QUERY_CHARS",
    "MODES", "SORTS", "DocumentHit", "Facet", "FacetValue", "Notice", "ParagraphHit", "ParsedQuery", "SearchLimits",
    "SearchRequest", "SearchResult", "Snippet", "configured_limits", "find_by_symbol", "has_terms", "match_documents",
    "match_paragraphs", "newest_arrivals", "order_documents", "order_paragraphs", "parse_query", "read_search", "search",
]
