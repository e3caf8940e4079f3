"""The alerts' e-mails: the confirmation link, and a digest with one-click unsubscribe (RFC 8058).

Every digest carries ``List-Unsubscribe`` (the signed unsubscribe address) and ``List-Unsubscribe-Post:
List-Unsubscribe=One-Click``, so a mail program can unsubscribe with one POST, and the same link in its text.
Its ``Message-ID`` is made from the digest's number: should a mail server accept a digest and the run die before
recording it (the one moment no transaction can cover), the copy the next run sends has the same Message-ID,
which mail systems treat as the same message.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from . import tokens

FROM_NAME = "UN Resolutions Archive"


def confirm_url(subscription, site_url: str) -> str:
    return site_url + reverse("alerts:confirm", args=[tokens.confirm_token(subscription)])


def unsubscribe_url(subscription, site_url: str) -> str:
    return site_url + reverse("alerts:unsubscribe", args=[tokens.unsubscribe_token(subscription)])


def send_confirmation(subscription, site_url: str) -> None:
    context = {"subscription": subscription, "confirm_url": confirm_url(subscription, site_url),
               "site_url": site_url, "days": tokens.CONFIRM_MAX_AGE // 86400}
    message = EmailMessage(subject=f"Confirm your alert: {subscription.title[:120]}",
                           body=render_to_string("alerts/mail/confirm.txt", context),
                           from_email=settings.DEFAULT_FROM_EMAIL, to=[subscription.email],
                           headers={"Auto-Submitted": "auto-generated"})
    message.send()


def digest_message(digest, entries, page_url: str, site_url: str) -> EmailMultiAlternatives:
    """The digest's mail: the newest entries (feeds.selectors.Entry), how many are new in all, where to read them."""
    subscription = digest.subscription
    unsubscribe = unsubscribe_url(subscription, site_url)
    context = {"subscription": subscription, "entries": entries, "count": digest.new_documents,
               "more": digest.new_documents - len(entries), "page_url": page_url, "site_url": site_url,
               "unsubscribe_url": unsubscribe}
    count = digest.new_documents
    subject = f"{count} new document{'s' if count != 1 else ''}: {subscription.title[:120]}"
    message = EmailMultiAlternatives(
        subject=subject, body=render_to_string("alerts/mail/digest.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL, to=[subscription.email],
        headers={"List-Unsubscribe": f"<{unsubscribe}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                 "Message-ID": digest.message_id, "Auto-Submitted": "auto-generated",
                 "List-Id": f"{FROM_NAME} alerts <alerts.{urlsplit(site_url).hostname or 'localhost'}>"})
    message.attach_alternative(render_to_string("alerts/mail/digest.html", context), "text/html")
    return message


def message_id(digest, site_url: str) -> str:
    return f"<digest-{digest.pk}@{urlsplit(site_url).hostname or 'localhost'}>"
