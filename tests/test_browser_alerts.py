"""In a real browser, on a 390 px phone screen: a search -> "E-mail alerts" -> the address -> the confirmation link
from the mail -> Confirm -> a new document arrives and send_alerts mails a digest -> its unsubscribe link ->
Unsubscribe. Each page is checked with axe-core, never shows the address, and fits the screen."""
import re

import pytest
from django.core import mail

from alerts import sending
from alerts.models import Subscription
from resolutions.services.ingestion.ingest import ingest_file
from tests.conftest import seed_path
from tests.test_browser_journey import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
ADDRESS = "reader@mission.example.org"
PHONE = {"width": 390, "height": 844}


def _ingest(prefix):
    path = seed_path(prefix)
    outcome = ingest_file(path.read_bytes(), path.name)
    assert outcome.status == "parsed", outcome.message
    return outcome.document


def _check(page):
    assert axe_violations(page) == []
    assert ADDRESS not in page.content() and "mission.example.org" not in page.content()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width} px wide on a {PHONE['width']} px screen"


def test_follow_a_search_by_email_confirm_receive_a_digest_and_unsubscribe(live_server, chromium_page, settings):
    settings.ARCHIVE_SITE_URL = live_server.url
    _ingest("002")
    page = chromium_page
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/search/?q=trafficking")
    feed = page.locator('head link[rel="alternate"][type="application/atom+xml"]').get_attribute("href")
    assert feed == "/feeds/search/?q=trafficking"
    _check(page)
    page.get_by_role("link", name="E-mail alerts").click()
    page.wait_for_url("**/alerts/follow/search/?q=trafficking")
    _check(page)
    page.get_by_label("Your e-mail address").fill(ADDRESS)
    page.get_by_role("button", name="Send me a confirmation link").click()
    page.get_by_role("heading", name="Check your inbox").wait_for()
    _check(page)
    (confirmation,) = mail.outbox
    link = re.search(r"http://\S+/alerts/confirm/\S+/", confirmation.body).group(0)
    page.goto(link)
    _check(page)
    page.get_by_role("button", name="Confirm").click()
    page.get_by_role("heading", name="Alert confirmed").wait_for()
    _check(page)
    assert Subscription.objects.get().status == "confirmed"

    newer = _ingest("000")
    sending.send_alerts()
    digest = mail.outbox[-1]
    assert newer.get_absolute_url() in digest.body
    unsubscribe = re.fullmatch(r"<(.+)>", digest.extra_headers["List-Unsubscribe"]).group(1)
    page.goto(unsubscribe)
    _check(page)
    page.get_by_role("button", name="Unsubscribe").click()
    page.get_by_role("heading", name="Unsubscribed").wait_for()
    _check(page)
    assert Subscription.objects.get().status == "unsubscribed"


def test_every_page_with_a_follow_line_fits_a_phone_and_passes_axe(live_server, chromium_page):
    rev1 = _ingest("002")
    _ingest("000")
    state = rev1.sponsorships.filter(state__isnull=False).first().state
    item = rev1.agenda_items.first()
    page = chromium_page
    page.set_viewport_size(PHONE)
    for path in (f"/browse/states/{state.slug}/", f"/series/{rev1.series.slug}/", rev1.get_absolute_url(),
                 "/browse/agenda-items/", "/browse/bodies/", f"/alerts/follow/agenda/{item.pk}/",
                 f"/alerts/follow/citing/{rev1.pk}/"):
        page.goto(live_server.url + path)
        _check(page)
        feed = page.locator('a[type="application/atom+xml"]').first.get_attribute("href")
        assert page.request.get(live_server.url + feed).headers["content-type"].startswith("application/atom+xml")
