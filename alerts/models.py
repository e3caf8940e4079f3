"""Subscriptions to e-mail alerts, and the digests sent for them.

A digest is written (with the documents it lists, ``DigestEntry``) in the same transaction that moves its
subscription's progress on, and only then sent; ``sent_at`` is set once the mail server has accepted it. So a run
killed at any point leaves either nothing (the next run finds the same news) or a digest waiting to be sent (the
next run sends it first). A document is listed at most once per subscription: ``DigestEntry`` is unique on
(subscription, document), which the database enforces whatever a run does.
"""
from __future__ import annotations

import secrets

from django.db import models


def new_nonce() -> str:
    return secrets.token_urlsafe(12)


class Subscription(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for confirmation"
        CONFIRMED = "confirmed", "Confirmed"
        UNSUBSCRIBED = "unsubscribed", "Unsubscribed"

    # The address is shown to staff in the admin and used to send; no public page ever shows it.
    email = models.EmailField(max_length=254)
    kind = models.CharField(max_length=12, help_text="search, state, agenda, series, body or citing (feeds.targets).")
    key = models.TextField(help_text="Which one: a slug, a number, or the search's parameters as a query string.")
    key_hash = models.CharField(max_length=64, editable=False, help_text="sha256 of kind and key, for uniqueness.")
    title = models.CharField(max_length=300, help_text="What is followed, in words, as the visitor saw it.")
    status = models.CharField(max_length=14, choices=Status.choices, default=Status.PENDING)
    # Part of every signed link: a new sign-up after an unsubscribe gets a new one, so old links stop working.
    nonce = models.CharField(max_length=32, default=new_nonce, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)
    watch_from = models.DateTimeField(null=True, blank=True,
                                      help_text="Documents stored from this moment on are news (the confirmation).")
    checked_until = models.DateTimeField(null=True, blank=True,
                                         help_text="When the last run of send_alerts looked for news for it.")

    class Meta:
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["email", "key_hash"], name="subscription_once_per_address")]
        indexes = [models.Index(fields=["status"], name="subscription_status")]

    def __str__(self):
        return f"{self.title} ({self.get_status_display()})"


class Digest(models.Model):
    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="digests")
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True, help_text="Empty while the mail waits to be sent.")
    new_documents = models.PositiveIntegerField(help_text="New documents found (the mail lists the newest).")
    message_id = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["sent_at"], name="digest_unsent", condition=models.Q(sent_at__isnull=True))]

    def __str__(self):
        return f"Digest {self.pk}: {self.new_documents} new"


class DigestEntry(models.Model):
    digest = models.ForeignKey(Digest, on_delete=models.CASCADE, related_name="entries")
    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="entries")
    document = models.ForeignKey("resolutions.Document", on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["subscription", "document"], name="document_once_per_alert")]
