"""Who is asking: the client address used by every limit (API throttling, the heavy-page budget, django-axes).

``X-Forwarded-For`` is a header anyone can send, so it is read only when the connection itself came from a
proxy listed in ``settings.TRUSTED_PROXIES`` (addresses or CIDR networks).  The header is then read from the
right, the end the trusted proxy wrote: hops that are themselves trusted proxies are skipped, and the first
address that is not is the client.  Whatever a client puts further left is never looked at, so rotating the
header changes nothing.  With no trusted proxy configured the header is ignored and the client is the
address of the connection (``REMOTE_ADDR``).
"""
from __future__ import annotations

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network

FORWARDED_FOR = "HTTP_X_FORWARDED_FOR"
# Rate limits count an IPv6 client by its /64: one subscriber usually holds a whole /64 and could otherwise
# take a fresh address for every request.
IPV6_CLIENT_PREFIX = 64


def parse_trusted_proxies(value: str | list[str] | tuple[str, ...]) -> tuple[Network, ...]:
    """``"10.0.0.5, 172.31.240.0/28"`` (or a list of such strings) as networks; a bad entry stops start-up."""
    entries = value.split(",") if isinstance(value, str) else list(value)
    networks = []
    for entry in (e.strip() for e in entries):
        if not entry:
            continue
        try:
            networks.append(ipaddress.ip_network(entry, strict=False))
        except ValueError as exc:
            raise ImproperlyConfigured(f"TRUSTED_PROXIES: {entry!r} is not an IP address or network ({exc}).") from exc
    return tuple(networks)


@lru_cache(maxsize=8)
def _networks(value: tuple[str, ...]) -> tuple[Network, ...]:
    return parse_trusted_proxies(value)


def trusted_proxy_networks() -> tuple[Network, ...]:
    # Read from settings on each call (tests override them); parsed once per distinct value.
    return _networks(tuple(getattr(settings, "TRUSTED_PROXIES", ()) or ()))


def _parse(value: str | None) -> Address | None:
    """One address as a proxy writes it: ``1.2.3.4``, ``2001:db8::1``, ``[2001:db8::1]``; anything else None."""
    if not value:
        return None
    value = value.strip()
    if value.startswith("[") and value.endswith("]"):
        value = value[1:-1]
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped   # ::ffff:192.0.2.1 is 192.0.2.1 (dual-stack sockets report it so)
    return address


def _is_trusted(address: Address, networks: tuple[Network, ...]) -> bool:
    return any(address.version == network.version and address in network for network in networks)


def client_address(request) -> str:
    """The client's address for ``request`` (a Django HttpRequest or DRF Request): see the module docstring.

    Used as django-axes' AXES_CLIENT_IP_CALLABLE, by the API's throttles and by the heavy-page budget.
    """
    meta = request.META
    remote_raw = meta.get("REMOTE_ADDR") or ""
    remote = _parse(remote_raw)
    if remote is None:
        return remote_raw   # not an address (a unix-socket server may give ""): nothing better to go on
    networks = trusted_proxy_networks()
    if not networks or not _is_trusted(remote, networks):
        return str(remote)
    client = remote
    hops = (meta.get(FORWARDED_FOR) or "").split(",")
    for hop in reversed(hops):
        address = _parse(hop)
        if address is None:
            break   # garbage (or nothing) where the proxy chain should be: keep the last hop we could trust
        client = address
        if not _is_trusted(address, networks):
            break
    return str(client)


def rate_limit_ident(request) -> str:
    """The key a rate limit counts under: the client address, an IPv6 client's /64 network."""
    address = client_address(request)
    parsed = _parse(address)
    if isinstance(parsed, ipaddress.IPv6Address):
        return str(ipaddress.ip_network(f"{parsed}/{IPV6_CLIENT_PREFIX}", strict=False))
    return address
