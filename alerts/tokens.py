"""Signed links (django.core.signing): confirm a subscription, unsubscribe from it.

A token carries the subscription's number and nonce, never the address (a signed value is readable, only not
forgeable). Confirmation links expire; unsubscribe links in old mails keep working until the visitor subscribes
again (a new nonce).
"""
from __future__ import annotations

from django.core import signing

from .models import Subscription

CONFIRM_SALT = "alerts.confirm"
UNSUBSCRIBE_SALT = "alerts.unsubscribe"
CONFIRM_MAX_AGE = 7 * 24 * 3600     # seconds a confirmation link stays valid
MAX_TOKEN_CHARS = 200


def confirm_token(subscription: Subscription) -> str:
    return signing.dumps([subscription.pk, subscription.nonce], salt=CONFIRM_SALT)


def unsubscribe_token(subscription: Subscription) -> str:
    return signing.dumps([subscription.pk, subscription.nonce], salt=UNSUBSCRIBE_SALT)


def _read(token: str, salt: str, max_age: int | None) -> Subscription | None:
    if not token or len(token) > MAX_TOKEN_CHARS:
        return None
    try:
        value = signing.loads(token, salt=salt, max_age=max_age)
    except signing.BadSignature:     # SignatureExpired included
        return None
    if not (isinstance(value, list) and len(value) == 2 and isinstance(value[0], int) and isinstance(value[1], str)):
        return None
    if not 0 < value[0] < 2**62:
        return None
    return Subscription.objects.filter(pk=value[0], nonce=value[1]).first()


def read_confirm_token(token: str) -> Subscription | None:
    """The subscription this confirmation link is for, or None (forged, expired, or superseded)."""
    return _read(token, CONFIRM_SALT, CONFIRM_MAX_AGE)


def read_unsubscribe_token(token: str) -> Subscription | None:
    return _read(token, UNSUBSCRIBE_SALT, None)
