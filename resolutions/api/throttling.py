"""The API's throttles: every anonymous client has one allowance for all requests ('anon') and a smaller one for
heavy work ('heavy': search, comparison, exports), the latter shared with the HTML pages' budget
(resolutions.page_budget). Both count per client address in the cache every process shares
(archive.throttling); signed-in staff are not throttled."""
from archive.throttling import SharedRateThrottle


class AnonymousClientThrottle(SharedRateThrottle):
    """Every API request: ARCHIVE_RATE_LIMITS['anon'] (env ARCHIVE_API_ANON_RATE) per client."""

    scope = "anon"


class HeavyWorkThrottle(SharedRateThrottle):
    """Search, comparison and exports, by API or by page: ARCHIVE_RATE_LIMITS['heavy'] (env ARCHIVE_HEAVY_RATE)."""

    scope = "heavy"


HEAVY_THROTTLES = [AnonymousClientThrottle, HeavyWorkThrottle]
