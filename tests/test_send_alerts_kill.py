"""``manage.py send_alerts`` killed with SIGKILL in the middle of sending, then run again: every subscriber gets
exactly one digest listing every new document, whatever the moment of the kill.

The runs are processes of their own against the test database, writing mails with Django's file backend (one
file per message sent); the fault hook ``ARCHIVE_SEND_ALERTS_DIE_AT`` kills the process at the n-th digest
written (``committed``: its transaction done, the mail not yet sent) or sent (``sent``: the mail accepted and
recorded).
"""
import email
import os
import signal
import subprocess
import sys
from email import policy
from urllib.parse import quote

import pytest
from django.db import connection

from alerts import services
from alerts.models import Digest, DigestEntry, Subscription
from feeds import targets
from resolutions.services.ingestion.ingest import ingest_file
from tests.conftest import ROOT, seed_path

pytestmark = pytest.mark.django_db(transaction=True)   # the processes are other sessions: rows must be committed
ADDRESSES = [f"reader{n}@example.org" for n in range(1, 5)]
SEPARATOR = "\n" + "-" * 79 + "\n"


def _ingest(prefix):
    path = seed_path(prefix)
    outcome = ingest_file(path.read_bytes(), path.name)
    assert outcome.status == "parsed", outcome.message
    return outcome.document


def _run(mail_dir, die_at: str | None = None) -> subprocess.CompletedProcess:
    s = connection.settings_dict
    env = {**os.environ, "DEBUG": "1", "PYTHONUNBUFFERED": "1",
           "DATABASE_URL": f"postgresql://{s['USER']}@{quote(s['HOST'], safe='')}/{s['NAME']}",
           "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend", "EMAIL_FILE_PATH": str(mail_dir)}
    env.pop("DATABASE_REPLICA_URLS", None)
    env.pop("ARCHIVE_SEND_ALERTS_DIE_AT", None)
    if die_at:
        env["ARCHIVE_SEND_ALERTS_DIE_AT"] = die_at
    return subprocess.run([sys.executable, "manage.py", "send_alerts"], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=300)


def _messages(mail_dir) -> list:
    found = []
    for path in sorted(mail_dir.iterdir()):
        for chunk in path.read_text().split(SEPARATOR):
            if chunk.strip():
                found.append(email.message_from_string(chunk, policy=policy.default))
    return found


@pytest.fixture
def four_subscribers():
    """Four confirmed alerts on one search; two matching documents arrive after they were confirmed."""
    target = targets.search({"q": "trafficking"})
    for address in ADDRESSES:
        services.subscribe(address, target, "http://testserver")
        services.confirm(Subscription.objects.get(email=address))
    return [_ingest("002"), _ingest("000")]


def _assert_each_got_one_digest_of(messages, documents):
    by_address = {}
    for message in messages:
        by_address.setdefault(message["To"], []).append(message)
    assert sorted(by_address) == ADDRESSES
    for address, received in by_address.items():
        assert len(received) == 1, f"{address} got {len(received)} digests"
        body = received[0].get_body(("plain",)).get_content()
        for document in documents:
            assert document.get_absolute_url() in body, (address, document.symbol)
        assert received[0]["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert DigestEntry.objects.count() == len(ADDRESSES) * len(documents)
    assert not Digest.objects.filter(sent_at__isnull=True).exists()


@pytest.mark.parametrize("die_at", ["sent:1", "sent:2", "committed:1", "committed:3"])
def test_send_alerts_killed_midway_and_run_again_sends_nothing_twice_and_misses_nothing(four_subscribers, tmp_path,
                                                                                        die_at):
    mail_dir = tmp_path / "mail"
    killed = _run(mail_dir, die_at)
    assert killed.returncode == -signal.SIGKILL, killed.stdout + killed.stderr
    point, n = die_at.split(":")
    sent_before_kill = len(_messages(mail_dir)) if mail_dir.exists() else 0
    # Killed after the n-th digest was sent and recorded, or after it was written and n-1 were sent.
    assert sent_before_kill == (int(n) if point == "sent" else int(n) - 1)
    again = _run(mail_dir)
    assert again.returncode == 0, again.stdout + again.stderr
    _assert_each_got_one_digest_of(_messages(mail_dir), four_subscribers)
    # And a third run, with nothing new, sends nothing.
    third = _run(mail_dir)
    assert third.returncode == 0 and "0 digest(s) sent" in third.stdout
    assert len(_messages(mail_dir)) == len(ADDRESSES)
