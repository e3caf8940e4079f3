"""Rate limits by client, shared by every worker (issue 18): spoofed X-Forwarded-For headers change nothing, a
trusted proxy's header names the client, the heavy pages have a budget, and the count lives in a cache that every
process reads. The limits are set low through settings in each test (never by waiting)."""
import os
import subprocess
import sys
import textwrap
from urllib.parse import quote

import pytest
from django.core.cache import cache, caches
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import connection
from django.test import Client, RequestFactory
from django.urls import reverse

from archive.client_address import client_address, parse_trusted_proxies, rate_limit_ident
from resolutions.models import Document
from resolutions.services.ingestion.ingest import ingest_file

from .conftest import ROOT, seed_path

PROXY = "10.0.0.5"   # the TLS proxy, as the web process sees it
API = "/api/agenda-items/"


def limits(settings, anon="1000/minute", heavy="1000/minute"):
    """Low rates for one test, from a clean count (tests that commit, e.g. live servers, leave counts behind)."""
    settings.ARCHIVE_RATE_LIMITS = {"anon": anon, "heavy": heavy}
    cache.clear()


def statuses(client, url, headers_list, **extra):
    return [client.get(url, **headers, **extra).status_code for headers in headers_list]


def rotating(n, start=1):
    """n requests, each claiming to come from a different client."""
    return [{"HTTP_X_FORWARDED_FOR": f"192.0.2.{i}"} for i in range(start, start + n)]


# ---------------------------------------------------------------------------
# The client address


def request_from(remote, forwarded=None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **meta)


def test_without_a_trusted_proxy_the_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = []
    assert client_address(request_from("203.0.113.9", "198.51.100.1")) == "203.0.113.9"


def test_the_header_counts_only_when_the_connection_is_from_a_trusted_proxy(settings):
    settings.TRUSTED_PROXIES = [PROXY]
    assert client_address(request_from(PROXY, "198.51.100.1")) == "198.51.100.1"
    # Anyone else sending the header is themselves the client.
    assert client_address(request_from("203.0.113.9", "198.51.100.1")) == "203.0.113.9"


def test_what_a_client_writes_left_of_the_proxys_entry_is_never_believed(settings):
    settings.TRUSTED_PROXIES = [PROXY, "172.31.240.0/28"]
    # The client sent "X-Forwarded-For: 1.2.3.4"; the proxy appended the address it saw.
    assert client_address(request_from(PROXY, "1.2.3.4, 198.51.100.1")) == "198.51.100.1"
    # Two proxies in a chain (a CIDR entry): both skipped, the first untrusted hop from the right is the client.
    assert client_address(request_from(PROXY, "1.2.3.4, 198.51.100.1, 172.31.240.3")) == "198.51.100.1"
    # A proxy that sent no header, or garbage where its entry should be: the proxy itself, never a guess.
    assert client_address(request_from(PROXY)) == PROXY
    assert client_address(request_from(PROXY, "1.2.3.4, not-an-address")) == PROXY
    assert client_address(request_from(PROXY, "[2001:db8::7]")) == "2001:db8::7"


def test_an_ipv6_client_is_counted_by_its_64_network_and_a_mapped_ipv4_as_ipv4(settings):
    settings.TRUSTED_PROXIES = []
    assert rate_limit_ident(request_from("2001:db8:1:2::aa")) == rate_limit_ident(request_from("2001:db8:1:2::bb"))
    assert rate_limit_ident(request_from("2001:db8:1:2::aa")) == "2001:db8:1:2::/64"
    assert rate_limit_ident(request_from("2001:db8:1:3::aa")) != rate_limit_ident(request_from("2001:db8:1:2::aa"))
    assert client_address(request_from("::ffff:192.0.2.1")) == "192.0.2.1"


def test_a_trusted_proxy_that_is_not_an_address_stops_start_up():
    assert [str(n) for n in parse_trusted_proxies(" 10.0.0.5, 172.31.240.0/28 ,")] == ["10.0.0.5/32",
                                                                                     "172.31.240.0/28"]
    with pytest.raises(ImproperlyConfigured, match="proxy.example.org"):
        parse_trusted_proxies("10.0.0.5,proxy.example.org")


# ---------------------------------------------------------------------------
# The API


def test_a_client_rotating_x_forwarded_for_is_still_limited_on_the_api(db, client, settings):
    limits(settings, anon="3/minute")
    assert statuses(client, API, rotating(5)) == [200, 200, 200, 429, 429]
    refused = client.get(API, HTTP_X_FORWARDED_FOR="192.0.2.200")
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0


def test_behind_a_trusted_proxy_each_client_has_its_own_allowance(db, client, settings):
    limits(settings, anon="2/minute")
    settings.TRUSTED_PROXIES = [PROXY]
    alice = {"HTTP_X_FORWARDED_FOR": "198.51.100.1"}
    spoofing_alice = {"HTTP_X_FORWARDED_FOR": "192.0.2.77, 198.51.100.1"}
    bob = {"HTTP_X_FORWARDED_FOR": "198.51.100.2"}
    assert statuses(client, API, [alice, alice, spoofing_alice], REMOTE_ADDR=PROXY) == [200, 200, 429]
    assert statuses(client, API, [bob, bob, bob], REMOTE_ADDR=PROXY) == [200, 200, 429]
    # A client that reaches the web process directly cannot borrow someone else's allowance with the header.
    assert statuses(client, API, rotating(3), REMOTE_ADDR="203.0.113.9") == [200, 200, 429]


# ---------------------------------------------------------------------------
# The heavy pages


@pytest.fixture
def document(db):
    outcome = ingest_file(seed_path("002").read_bytes(), seed_path("002").name)
    assert outcome.document.symbol == "A/C.3/61/L.7/Rev.1"
    return outcome.document


def test_heavy_pages_have_a_per_client_budget_that_answers_429_with_retry_after_and_says_why(document, client,
                                                                                            settings):
    limits(settings, heavy="3/minute")
    a = b = document.pk
    assert client.get("/search/?q=trafficking").status_code == 200
    assert client.get(f"/compare/{a}/{b}/", HTTP_X_FORWARDED_FOR="192.0.2.1").status_code == 200
    assert client.get("/agreed-language/?q=trafficking", HTTP_X_FORWARDED_FOR="192.0.2.2").status_code == 200
    refused = client.get("/search/?q=women", HTTP_X_FORWARDED_FOR="192.0.2.3")
    assert refused.status_code == 429
    seconds = int(refused["Retry-After"])
    assert 0 < seconds <= 60
    page = refused.content.decode()
    assert "Too many requests" in page and "3 of them every minute" in page and f"try again in {seconds}" in page
    assert refused["Content-Type"].startswith("text/html")
    as_json = client.get(f"/compare/{a}/{b}.json")
    assert as_json.status_code == 429 and "try again" in as_json.json()["detail"]
    assert client.get("/agreed-language/?q=women").status_code == 429
    # One budget for heavy work, by page or by API.
    assert client.get("/api/search/?q=women").status_code == 429
    assert client.get(f"/api/documents/{a}/akn/").status_code == 429
    # Reading and browsing are not heavy: still served.
    assert client.get(Document.objects.get(pk=a).get_absolute_url()).status_code == 200
    assert client.get("/browse/sessions/").status_code == 200
    assert client.get(API).status_code == 200


def test_heavy_work_by_api_spends_the_same_budget_as_the_pages(document, client, settings):
    limits(settings, heavy="2/minute")
    assert client.get("/api/search/?q=trafficking").status_code == 200
    assert client.get("/api/search/export.csv?q=trafficking").status_code == 200
    assert client.get("/search/?q=trafficking").status_code == 429


def test_staff_are_not_limited(document, client, settings, django_user_model):
    limits(settings, anon="1/minute", heavy="1/minute")
    client.force_login(django_user_model.objects.create(username="editor", is_staff=True))
    for _ in range(3):
        assert client.get("/search/?q=trafficking").status_code == 200
        assert client.get(f"/api/documents/{document.pk}/json/").status_code == 200


# ---------------------------------------------------------------------------
# Admin logins (django-axes) behind the proxy


@pytest.fixture
def staff_account(db, django_user_model):
    return django_user_model.objects.create_superuser("staff", "staff@example.org", "the right password 42")


def log_in(client, password, **headers):
    return client.post("/admin/login/?next=/admin/", {"username": "staff", "password": password}, **headers)


def test_behind_a_trusted_proxy_a_login_lockout_hits_only_the_guessing_client(staff_account, settings):
    settings.TRUSTED_PROXIES = [PROXY]
    guesser, colleague = Client(REMOTE_ADDR=PROXY), Client(REMOTE_ADDR=PROXY)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(guesser, "wrong", HTTP_X_FORWARDED_FOR="198.51.100.66")
    assert log_in(guesser, "the right password 42", HTTP_X_FORWARDED_FOR="198.51.100.66").status_code == 429
    # The same proxy brings the account's owner from another address: not locked out.
    response = log_in(colleague, "the right password 42", HTTP_X_FORWARDED_FOR="198.51.100.10")
    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_a_guesser_rotating_x_forwarded_for_is_still_locked_out(staff_account, client, settings):
    settings.TRUSTED_PROXIES = [PROXY]   # the guesser is not the proxy: the header is theirs, and ignored
    for headers in rotating(settings.AXES_FAILURE_LIMIT):
        log_in(client, "wrong", REMOTE_ADDR="203.0.113.9", **headers)
    assert log_in(client, "the right password 42", REMOTE_ADDR="203.0.113.9",
                  HTTP_X_FORWARDED_FOR="192.0.2.250").status_code == 429


# ---------------------------------------------------------------------------
# One count for every process


def test_migrate_creates_the_shared_cache_table(db):
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE archive_cache")
    assert "archive_cache" not in connection.introspection.table_names()
    call_command("migrate", verbosity=0, interactive=False)
    assert "archive_cache" in connection.introspection.table_names()


CHILD = textwrap.dedent("""
    import sys
    import django
    django.setup()
    from django.test import Client
    client = Client(REMOTE_ADDR="203.0.113.44")
    print(" ".join(str(client.get("/api/agenda-items/").status_code) for _ in range(int(sys.argv[1]))))
""")


def child_process(requests: int) -> subprocess.Popen:
    """A separate Python process (its own connection and cache object) making ``requests`` API requests."""
    s = connection.settings_dict
    env = {**os.environ, "DATABASE_URL": f"postgresql://{s['USER']}@{quote(s['HOST'], safe='')}/{s['NAME']}",
           "DEBUG": "1", "ARCHIVE_API_ANON_RATE": "10/minute", "DJANGO_SETTINGS_MODULE": "archive.settings"}
    for variable in ("DATABASE_REPLICA_URLS", "TRUSTED_PROXIES", "DJANGO_ALLOW_ASYNC_UNSAFE"):
        env.pop(variable, None)
    return subprocess.Popen([sys.executable, "-c", CHILD, str(requests)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def child_statuses(process: subprocess.Popen) -> list[int]:
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    return [int(code) for code in out.split()]


@pytest.mark.django_db(transaction=True)   # the other processes must see committed counts
def test_processes_share_one_count_per_client(settings):
    limits(settings, anon="10/minute")
    here = Client(REMOTE_ADDR="203.0.113.44")
    try:
        assert statuses(here, API, [{}] * 7) == [200] * 7
        # What this process counted, a fresh cache object (as another worker holds) reads.
        fresh = caches.create_connection("default")
        assert len(fresh.get("throttle_anon_203.0.113.44")) == 7
        # Another process sees the 7 and has 3 left.
        assert child_statuses(child_process(5)) == [200, 200, 200, 429, 429]
        assert here.get(API).status_code == 429
        # Two processes at once, 8 requests each, on a fresh allowance of 10: exactly 10 answered between them
        # (the advisory lock keeps one process from overwriting the other's count).
        cache.clear()
        both = [child_process(8), child_process(8)]
        answered = [child_statuses(process) for process in both]
        assert sum(codes.count(200) for codes in answered) == 10
        assert sum(codes.count(429) for codes in answered) == 6
    finally:
        cache.clear()   # committed rows: the next test must not inherit this client's count


def test_the_docker_compose_proxy_is_the_one_address_web_trusts():
    import ipaddress
    import re

    import yaml

    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    services, networks = compose["services"], compose["networks"]
    trusted = re.fullmatch(r"\$\{TRUSTED_PROXIES:-(.+)\}", services["web"]["environment"]["TRUSTED_PROXIES"])[1]
    proxy = services["proxy"]["networks"]["edge"]["ipv4_address"]
    assert parse_trusted_proxies(trusted) == (ipaddress.ip_network(proxy),)
    (edge,) = networks["edge"]["ipam"]["config"]
    assert ipaddress.ip_address(proxy) in ipaddress.ip_network(edge["subnet"])
    assert "edge" in services["web"]["networks"]
    # Visitors reach web only through the proxy: its own port is published on loopback.
    assert all(port.startswith("127.0.0.1:") for port in services["web"]["ports"])
