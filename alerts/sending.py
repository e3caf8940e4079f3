"""``send_alerts``: one digest per confirmed subscription of what was stored since its last one, never twice.

One run at a time: a PostgreSQL advisory lock held for the run (a second run, from cron or the worker, returns at
once; the lock goes with the connection, so a killed run never blocks the next).

Per subscription, in one transaction: read the new documents (stored since ``checked_until`` less OVERLAP, and
never listed for it before), write the digest with its entries and move ``checked_until`` on. Then send it and
record ``sent_at``. A run killed before that commit leaves nothing (the next run finds the same news); killed
after it, a digest waits unsent and the next run sends it before anything else. The overlap re-reads the last day,
so a document whose ingestion committed after a run had looked (a long transaction) is still found; the unique
(subscription, document) entries keep it from being listed twice.

Faults for the tests: ``ARCHIVE_SEND_ALERTS_DIE_AT=<point>:<n>`` kills the process with SIGKILL at the n-th
``committed`` (a digest written, not sent) or ``sent`` (a digest sent and recorded).
"""
from __future__ import annotations

import logging
import os
import signal
import smtplib
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from feeds import selectors as feed_selectors
from feeds import targets
from resolutions.search import newest_arrivals

from . import mail
from .models import Digest, DigestEntry, Subscription

logger = logging.getLogger(__name__)
LOCK_KEY = "archive-send-alerts"
OVERLAP = timedelta(days=1)
DIGEST_ENTRIES = 20        # documents a digest lists (the newest); the rest are counted and linked
MAX_NEW = 500              # documents one digest records at most (a bulk load is "500 or more")
_faults: dict[str, int] = {}


@dataclass
class RunSummary:
    ran: bool = True
    checked: int = 0
    digests: int = 0
    resent: int = 0           # digests left unsent by an earlier run, sent now
    gone: int = 0             # subscriptions whose target no longer exists
    failed: int = 0           # digests the mail server did not take (tried again by the next run)

    def __str__(self):
        if not self.ran:
            return "Another send_alerts is running: nothing done."
        return (f"{self.checked} subscription(s) checked, {self.digests} digest(s) sent"
                + (f", {self.resent} left unsent by an earlier run sent now" if self.resent else "")
                + (f", {self.gone} following something no longer in the archive" if self.gone else "")
                + (f", {self.failed} not taken by the mail server (tried again next run)" if self.failed else "")
                + ".")


@contextmanager
def run_lock():
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(hashtext(%s))", [LOCK_KEY])
        held = cursor.fetchone()[0]
    try:
        yield held
    finally:
        if held:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(hashtext(%s))", [LOCK_KEY])


def _fault(point: str) -> None:
    wanted = os.environ.get("ARCHIVE_SEND_ALERTS_DIE_AT", "")
    if not wanted.startswith(point + ":"):
        return
    _faults[point] = _faults.get(point, 0) + 1
    if str(_faults[point]) == wanted.split(":", 1)[1]:
        os.kill(os.getpid(), signal.SIGKILL)


def site_url() -> str:
    return settings.ARCHIVE_SITE_URL.rstrip("/")


def send_alerts(log=None) -> RunSummary:
    with run_lock() as held:
        if not held:
            return RunSummary(ran=False)
        summary = RunSummary()
        for digest in Digest.objects.filter(sent_at__isnull=True).select_related("subscription").order_by("pk"):
            if _deliver(digest, summary):
                summary.resent += 1
        ids = Subscription.objects.filter(status=Subscription.Status.CONFIRMED).order_by("pk").values_list(
            "pk", flat=True)
        for pk in list(ids):
            digest = _write_digest(pk, summary)
            if digest is not None:
                _fault("committed")
                if _deliver(digest, summary):
                    summary.digests += 1
                if log:
                    log(f"digest {digest.pk}: {digest.new_documents} new document(s)")
        return summary


def _write_digest(pk: int, summary: RunSummary) -> Digest | None:
    """Find the subscription's news and write its digest, in one transaction; None when there is nothing new."""
    with transaction.atomic():
        subscription = Subscription.objects.select_for_update().filter(pk=pk).first()
        if subscription is None or subscription.status != Subscription.Status.CONFIRMED:
            return None
        summary.checked += 1
        started = timezone.now()
        target = targets.find(subscription.kind, subscription.key)
        if target is None:
            summary.gone += 1
            return None
        floor = subscription.watch_from or subscription.confirmed_at or started
        if subscription.checked_until:
            floor = max(floor, subscription.checked_until - OVERLAP)
        listed = DigestEntry.objects.filter(subscription=subscription).values("document_id")
        documents = target.documents.filter(created_at__gte=floor).exclude(pk__in=listed)
        new = newest_arrivals(documents, target.query, MAX_NEW)
        subscription.checked_until = started
        subscription.save(update_fields=["checked_until"])
        if not new:
            return None
        digest = Digest.objects.create(subscription=subscription, new_documents=len(new))
        digest.message_id = mail.message_id(digest, site_url())
        digest.save(update_fields=["message_id"])
        DigestEntry.objects.bulk_create([DigestEntry(digest=digest, subscription=subscription, document_id=pk)
                                         for pk in new])
        return digest


def _deliver(digest: Digest, summary: RunSummary) -> bool:
    """Send a written digest and record that it went (the entries it lists are the newest of its documents).

    A mail the server does not take stays unsent, to be tried again first by the next run; the others go on.
    """
    subscription = digest.subscription
    target = targets.find(subscription.kind, subscription.key)
    ids = list(digest.entries.order_by("-document_id").values_list("document_id", flat=True)[:DIGEST_ENTRIES])
    base = site_url()
    if target is not None:
        entries = feed_selectors.entries(target, DIGEST_ENTRIES, ids=ids)
        page = base + target.page_url
    else:
        entries, page = [], base + "/"
    for entry in entries:
        entry.html = entry.summary_html(base)
    try:
        mail.digest_message(digest, entries, page, base).send()
    except (OSError, smtplib.SMTPException):
        logger.warning("digest %s not sent; the next run tries again", digest.pk, exc_info=True)
        summary.failed += 1
        return False
    Digest.objects.filter(pk=digest.pk).update(sent_at=timezone.now())
    _fault("sent")
    return True
