"""Writes of the alerts capability: sign up (double opt-in), confirm, unsubscribe.

Nothing here tells a visitor whether an address was known: signing up an address that is already confirmed, or
whose confirmation mail went out within the hour, sends nothing and answers like a first sign-up, so the form
cannot be used to learn who follows what, nor to flood someone's inbox (at most MAX_CONFIRMATIONS_PER_DAY
confirmation mails to one address a day, whatever the number of clients asking).
"""
from __future__ import annotations

import hashlib
import logging
import smtplib
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from . import mail
from .models import Digest, Subscription, new_nonce

logger = logging.getLogger(__name__)
RESEND_AFTER = timedelta(hours=1)
MAX_CONFIRMATIONS_PER_DAY = 5


def key_hash(kind: str, key: str) -> str:
    return hashlib.sha256(f"{kind}\n{key}".encode()).hexdigest()


def normalise_address(email: str) -> str:
    """The address as given, its domain in lower case (the part before @ may be case-sensitive)."""
    local, _, domain = email.strip().rpartition("@")
    return f"{local}@{domain.lower()}"


def subscribe(email: str, target, site_url: str) -> bool:
    """Record a sign-up for ``target`` (feeds.targets.Target) and send the confirmation link when one is due.

    False when the mail server could not take the confirmation mail (the sign-up is kept; asking again retries).
    """
    email = normalise_address(email)
    now = timezone.now()
    with transaction.atomic():
        subscription, created = Subscription.objects.select_for_update().get_or_create(
            email=email, key_hash=key_hash(target.kind, target.key),
            defaults={"kind": target.kind, "key": target.key, "title": target.title[:300]})
        if subscription.status == Subscription.Status.CONFIRMED:
            return True
        if subscription.status == Subscription.Status.UNSUBSCRIBED:
            subscription.status, subscription.nonce = Subscription.Status.PENDING, new_nonce()
            subscription.unsubscribed_at = subscription.confirmed_at = subscription.confirmation_sent_at = None
        elif (not created and subscription.confirmation_sent_at
              and now - subscription.confirmation_sent_at < RESEND_AFTER):
            return True
        sent_today = Subscription.objects.filter(email=email, confirmation_sent_at__gte=now - timedelta(days=1)).count()
        if sent_today >= MAX_CONFIRMATIONS_PER_DAY:
            subscription.save()
            return True
        subscription.confirmation_sent_at = now
        subscription.save()
    try:
        mail.send_confirmation(subscription, site_url)
    except (OSError, smtplib.SMTPException):      # the mail server is down or refused: let the visitor retry
        logger.warning("confirmation mail for subscription %s not sent", subscription.pk, exc_info=True)
        Subscription.objects.filter(pk=subscription.pk).update(confirmation_sent_at=None)
        return False
    return True


def confirm(subscription: Subscription) -> bool:
    """Confirm a pending subscription (news counts from now); False when it was not waiting for confirmation."""
    with transaction.atomic():
        subscription = Subscription.objects.select_for_update().get(pk=subscription.pk)
        if subscription.status != Subscription.Status.PENDING:
            return subscription.status == Subscription.Status.CONFIRMED
        now = timezone.now()
        subscription.status = Subscription.Status.CONFIRMED
        subscription.confirmed_at = subscription.watch_from = now
        subscription.save(update_fields=["status", "confirmed_at", "watch_from"])
        transaction.on_commit(_start_sending)
        return True


def _start_sending() -> None:
    """Make sure the worker's periodic send_alerts is queued (alerts/tasks.py)."""
    from .tasks import schedule_next     # tasks imports sending, which needs nothing of this module

    schedule_next()


def unsubscribe(subscription: Subscription) -> None:
    """End a subscription (idempotent); a digest written but not yet sent is dropped with it."""
    with transaction.atomic():
        subscription = Subscription.objects.select_for_update().get(pk=subscription.pk)
        if subscription.status != Subscription.Status.UNSUBSCRIBED:
            subscription.status = Subscription.Status.UNSUBSCRIBED
            subscription.unsubscribed_at = timezone.now()
            subscription.save(update_fields=["status", "unsubscribed_at"])
        Digest.objects.filter(subscription=subscription, sent_at__isnull=True).delete()
