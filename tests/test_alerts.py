"""E-mail alerts (issue 16): sign up, confirm by a signed link, one digest of what is new per run, one-click
unsubscribe (RFC 8058), no address shown anywhere, sign-up limited per client; staff see subscriptions.

Mails go to Django's locmem backend (``mail.outbox``); the kill tests, which run ``send_alerts`` in processes of
their own, are in tests/test_send_alerts_kill.py.
"""
import base64
import re

import psycopg
import pytest
from django.core import mail
from django.core.cache import cache
from django.db import connection

from alerts import sending, services, tokens
from alerts.models import DigestEntry, Subscription
from feeds import targets
from resolutions.services.ingestion.ingest import ingest_file
from tests.conftest import seed_path

pytestmark = pytest.mark.django_db
ADDRESS = "Delegate.Example@Mission.example.org"
GOLD = "cr-unsc-gold/data/res_en_gold/"


def _ingest(path):
    outcome = ingest_file(path.read_bytes(), path.name)
    assert outcome.status == "parsed", outcome.message
    return outcome.document


def _seed(prefix):
    return _ingest(seed_path(prefix))


def _link(text: str, kind: str) -> str:
    return re.search(rf"https?://[^\s<>\"]+/alerts/{kind}/[^\s<>\"/]+/", text).group(0)


def _path(url: str) -> str:
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def _assert_no_address(response):
    body = response.content.decode().lower()
    assert ADDRESS.lower() not in body and "mission.example.org" not in body


def _sign_up_and_confirm(client, follow_url, address=ADDRESS):
    page = client.get(follow_url)
    assert page.status_code == 200
    mail.outbox.clear()
    answer = client.post(follow_url, {"email": address})
    assert answer.status_code == 200 and "Check your inbox" in answer.content.decode()
    _assert_no_address(answer)
    (confirmation,) = mail.outbox
    assert confirmation.to == [services.normalise_address(address)]
    confirm = _path(_link(confirmation.body, "confirm"))
    shown = client.get(confirm)
    assert shown.status_code == 200 and "Confirm" in shown.content.decode()
    _assert_no_address(shown)
    assert Subscription.objects.get(email=services.normalise_address(address), status="pending")
    done = client.post(confirm)
    assert done.status_code == 200 and "Alert confirmed" in done.content.decode()
    _assert_no_address(done)
    mail.outbox.clear()


def test_a_search_alert_runs_end_to_end_subscribe_confirm_digest_unsubscribe(client, settings):
    settings.ARCHIVE_SITE_URL = "https://archive.example.org"
    _seed("002")                                       # stored before the alert: never news
    _sign_up_and_confirm(client, "/alerts/follow/search/?q=trafficking")
    assert str(sending.send_alerts()) == "1 subscription(s) checked, 0 digest(s) sent."
    assert mail.outbox == []
    draft_2008 = _seed("000")
    sending.send_alerts()
    (digest,) = mail.outbox
    assert digest.to == [services.normalise_address(ADDRESS)]
    assert draft_2008.get_absolute_url() in digest.body and "A/C.3/61/L.7/Rev.1" not in digest.body
    assert "1 new document since the last alert" in digest.body
    html = digest.alternatives[0][0]
    assert "https://archive.example.org" + draft_2008.get_absolute_url() in html and "<mark>" in html
    # RFC 8058: the unsubscribe address in angle brackets, and the one-click POST header.
    unsubscribe = re.fullmatch(r"<(https://archive\.example\.org/alerts/unsubscribe/[^>]+/)>",
                               digest.extra_headers["List-Unsubscribe"]).group(1)
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe in digest.body
    # Never twice: a second run finds nothing new.
    mail.outbox.clear()
    sending.send_alerts()
    assert mail.outbox == []
    newer = _seed("004")
    sending.send_alerts()
    (second,) = mail.outbox
    assert newer.get_absolute_url() in second.body and draft_2008.get_absolute_url() not in second.body
    # One click, as a mail program sends it: a POST without cookie or CSRF token.
    shown = client.get(_path(unsubscribe))
    assert shown.status_code == 200 and "Unsubscribe" in shown.content.decode()
    _assert_no_address(shown)
    one_click = client.post(_path(unsubscribe), "List-Unsubscribe=One-Click",
                            content_type="application/x-www-form-urlencoded")
    assert one_click.status_code == 200 and "No more alerts" in one_click.content.decode()
    _assert_no_address(one_click)
    assert Subscription.objects.get().status == "unsubscribed"
    mail.outbox.clear()
    _seed("001")
    sending.send_alerts()
    assert mail.outbox == []


def test_an_alert_on_the_documents_citing_a_resolution_lists_the_citing_resolution(client, corpus_dir, settings):
    cited = _ingest(corpus_dir / GOLD / "S_RES_0743_1992_EN_GOLD.txt")
    _sign_up_and_confirm(client, f"/alerts/follow/citing/{cited.pk}/")
    citing = _ingest(corpus_dir / GOLD / "S_RES_0769_1992_EN_GOLD.txt")
    sending.send_alerts()
    (digest,) = mail.outbox
    assert citing.get_absolute_url() in digest.body
    # S/RES/769 (1992), first preambular paragraph.
    assert "Reaffirming its resolution 743 (1992)" in digest.body


def test_state_agenda_item_and_series_alerts_each_get_their_new_documents(client):
    rev1 = _seed("002")
    state = rev1.sponsorships.filter(state__isnull=False).first().state
    item = rev1.agenda_items.first()
    assert rev1.series is not None
    for url in (f"/alerts/follow/state/{state.slug}/", f"/alerts/follow/agenda/{item.pk}/",
                f"/alerts/follow/series/{rev1.series.slug}/"):
        _sign_up_and_confirm(client, url)
    draft_2008 = _seed("000")      # the next session's draft of the same series, with its own sponsors and item
    sending.send_alerts()
    expected = {s.title for s in Subscription.objects.all()
                if draft_2008.pk in targets.find(s.kind, s.key).documents.values_list("pk", flat=True)}
    assert expected, "the 2008 draft continues the series at least"
    subjects = {m.subject.split(": ", 1)[1] for m in mail.outbox}
    assert subjects == expected
    for message in mail.outbox:
        assert draft_2008.get_absolute_url() in message.body


def test_signed_links_carry_no_address_and_refuse_forgery_and_expiry(client, monkeypatch):
    _sign_up_and_confirm(client, "/alerts/follow/search/?q=trafficking")
    subscription = Subscription.objects.get()
    for token in (tokens.confirm_token(subscription), tokens.unsubscribe_token(subscription)):
        payload = base64.urlsafe_b64decode(token.split(":")[0] + "==").decode()
        assert "example" not in payload.lower()
    forged = tokens.unsubscribe_token(subscription)[:-2] + "xx"
    assert client.post(f"/alerts/unsubscribe/{forged}/").status_code == 404
    assert client.get(f"/alerts/confirm/{tokens.unsubscribe_token(subscription)}/").status_code == 404  # other salt
    monkeypatch.setattr(tokens, "CONFIRM_MAX_AGE", -1)
    assert client.get(f"/alerts/confirm/{tokens.confirm_token(subscription)}/").status_code == 404
    assert Subscription.objects.get().status == "confirmed"


def test_signing_up_again_tells_nothing_and_sends_no_second_link_within_the_hour(client):
    _seed("002")
    for _ in range(3):
        answer = client.post("/alerts/follow/search/?q=trafficking", {"email": ADDRESS})
        assert answer.status_code == 200 and "Check your inbox" in answer.content.decode()
    assert len(mail.outbox) == 1
    assert Subscription.objects.count() == 1
    bad = client.post("/alerts/follow/search/?q=trafficking", {"email": "not an address"})
    assert bad.status_code == 400 and "not an address" not in bad.content.decode()


def test_sign_up_is_limited_per_client(client, settings):
    settings.ARCHIVE_RATE_LIMITS = {"anon": None, "heavy": None, "alerts": "2/hour"}
    cache.clear()
    for n in range(2):
        assert client.post("/alerts/follow/search/?q=trafficking", {"email": f"a{n}@example.org"}).status_code == 200
    refused = client.post("/alerts/follow/search/?q=trafficking", {"email": "a3@example.org"})
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert len(mail.outbox) == 2 and not Subscription.objects.filter(email="a3@example.org").exists()
    cache.clear()


def test_a_second_run_while_one_holds_the_lock_does_nothing(client):
    _seed("002")
    _sign_up_and_confirm(client, "/alerts/follow/search/?q=trafficking")
    _seed("000")
    s = connection.settings_dict
    with psycopg.connect(dbname=s["NAME"], user=s["USER"] or None, host=s["HOST"] or None,
                         port=s["PORT"] or None, autocommit=True) as other:
        other.execute("SELECT pg_advisory_lock(hashtext(%s))", [sending.LOCK_KEY])
        assert str(sending.send_alerts()) == "Another send_alerts is running: nothing done."
        assert mail.outbox == [] and not DigestEntry.objects.exists()
        other.execute("SELECT pg_advisory_unlock(hashtext(%s))", [sending.LOCK_KEY])
    sending.send_alerts()
    assert len(mail.outbox) == 1


def test_staff_see_subscriptions_with_their_address_in_the_admin(client, admin_client):
    _sign_up_and_confirm(client, "/alerts/follow/search/?q=trafficking")
    page = admin_client.get("/admin/alerts/subscription/")
    assert page.status_code == 200 and services.normalise_address(ADDRESS) in page.content.decode()
    assert client.get("/admin/alerts/subscription/").status_code == 302      # to the login page


def test_unknown_things_cannot_be_followed(client):
    for url in ("/alerts/follow/state/atlantis/", "/alerts/follow/planet/earth/", f"/alerts/follow/citing/{10**30}/",
                "/alerts/follow/agenda/-1/"):
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"email": ADDRESS}).status_code == 404, url
    assert mail.outbox == []


class RefusingBackend:
    """A mail server that refuses every message (down, or the address refused)."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("the mail server refused the connection")


def test_a_mail_server_that_refuses_loses_nothing_and_no_page_fails(client, settings):
    _seed("002")
    settings.EMAIL_BACKEND = "tests.test_alerts.RefusingBackend"
    refused = client.post("/alerts/follow/search/?q=trafficking", {"email": ADDRESS})
    assert refused.status_code == 503 and "could not be sent" in refused.content.decode()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    _sign_up_and_confirm(client, "/alerts/follow/search/?q=trafficking")     # asking again sends the link
    newer = _seed("000")
    settings.EMAIL_BACKEND = "tests.test_alerts.RefusingBackend"
    assert "1 not taken by the mail server" in str(sending.send_alerts())
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    summary = sending.send_alerts()
    assert summary.resent == 1 and summary.digests == 0
    (digest,) = mail.outbox
    assert newer.get_absolute_url() in digest.body


def test_the_worker_runs_send_alerts_as_a_chain_of_deferred_tasks_started_by_a_confirmation(client, settings,
                                                                                           django_capture_on_commit_callbacks):
    from django_tasks_db.models import DBTaskResult

    from alerts.tasks import send_alerts_task

    settings.ARCHIVE_ALERTS_INTERVAL_SECONDS = 600
    _seed("002")
    with django_capture_on_commit_callbacks(execute=True):
        _sign_up_and_confirm(client, "/alerts/follow/search/?q=trafficking")
    (queued,) = DBTaskResult.objects.filter(task_path=send_alerts_task.module_path, status="READY")
    assert 590 <= (queued.run_after - queued.enqueued_at).total_seconds() <= 610
    newer = _seed("000")
    # The worker takes it when due (it is RUNNING then): the digest goes out, and the next run is queued.
    DBTaskResult.objects.filter(pk=queued.pk).update(status="RUNNING")
    assert send_alerts_task.call() == "1 subscription(s) checked, 1 digest(s) sent."
    assert newer.get_absolute_url() in mail.outbox[-1].body
    (following,) = DBTaskResult.objects.filter(task_path=send_alerts_task.module_path, status="READY")
    assert following.pk != queued.pk
    # Another confirmation while a run waits queues no second chain.
    with django_capture_on_commit_callbacks(execute=True):
        _sign_up_and_confirm(client, "/alerts/follow/search/?q=persons", address="other@example.org")
    assert DBTaskResult.objects.filter(task_path=send_alerts_task.module_path, status="READY").count() == 1
