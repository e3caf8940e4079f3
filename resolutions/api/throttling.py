"""Anonymous clients are throttled per address (429 with Retry-After); signed-in staff are not."""
from rest_framework.throttling import AnonRateThrottle


class AnonymousClientThrottle(AnonRateThrottle):
    """DRF's anonymous rate ('anon' in DEFAULT_THROTTLE_RATES), skipped for authenticated staff.

    A signed-in account that is not staff is throttled by address like an anonymous client: the
    archive has no public accounts, so such an account gets no extra allowance.
    """

    def get_cache_key(self, request, view):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.is_staff:
            return None  # SimpleRateThrottle lets a request with no key through
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}
