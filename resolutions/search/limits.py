"""How much work one search may do: the numbers that bound it, in one object passed to the search.

The defaults are the archive's (see README, "Search design"); a deployment may change any of them with the
``SEARCH_LIMITS`` setting (a dict of field names), and tests pass their own object instead of changing
module constants.
"""
from __future__ import annotations

from dataclasses import dataclass, fields, replace


@dataclass(frozen=True)
class SearchLimits:
    page_size: int = 20              # hits on a page
    rank_candidates: int = 200       # at most this many matches (the newest) are ranked by relevance
    facet_rows: int = 300            # facet counts read at most this many matches (the newest), and say so
    exact_count_limit: int = 10_000  # above this many expected matches the total is the planner's estimate
    row_test_limit: int = 5_000      # a text query over more filtered documents than this reads from the window
    window_factor: float = 1.25      # the window of newest documents is sized to hold this many times the kept

    @property
    def keep(self) -> int:
        """How many of the newest matches a page carries past the match itself (ranked or counted)."""
        return max(self.facet_rows, self.rank_candidates)

    def with_page_size(self, page_size: int) -> SearchLimits:
        return replace(self, page_size=page_size)


DEFAULT_LIMITS = SearchLimits()


def configured_limits() -> SearchLimits:
    """The limits of this deployment: the defaults, changed by ``settings.SEARCH_LIMITS`` where it says so."""
    from django.conf import settings

    overrides = getattr(settings, "SEARCH_LIMITS", None) or {}
    known = {f.name for f in fields(SearchLimits)}
    unknown = set(overrides) - known
    if unknown:
        raise ValueError(f"SEARCH_LIMITS has unknown names: {', '.join(sorted(unknown))}")
    limits = replace(DEFAULT_LIMITS, **overrides) if overrides else DEFAULT_LIMITS
    wrong = [f.name for f in fields(limits) if not isinstance(getattr(limits, f.name), (int, float))
             or getattr(limits, f.name) < (1 if f.name == "page_size" else 0)]
    if wrong:
        raise ValueError(f"SEARCH_LIMITS needs numbers of at least 0 (page_size at least 1): {', '.join(wrong)}")
    return limits


def check_configured_limits(app_configs=None, **kwargs) -> list:
    """A system check: a wrong SEARCH_LIMITS stops start-up with its reason instead of failing every search."""
    from django.core.checks import Error

    try:
        configured_limits()
    except ValueError as exc:
        return [Error(str(exc), id="resolutions.E101")]
    return []
