"""`manage.py requeue_stale`: a file a dead worker left pending is queued again; a fresh or held one is not."""
import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from resolutions.models import SourceFile
from resolutions.services.ingestion.uploads import sha256_hex

from .conftest import seed_path

pytestmark = pytest.mark.django_db
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def pending(prefix: str, minutes_ago: float) -> SourceFile:
    path = seed_path(prefix)
    data = path.read_bytes()
    record = SourceFile.objects.create(sha256=sha256_hex(data), original_name=path.name, content=data,
                                       size=len(data), status=SourceFile.Status.PENDING)
    SourceFile.objects.filter(pk=record.pk).update(uploaded_at=timezone.now() - datetime.timedelta(minutes=minutes_ago))
    return record


def test_a_stale_pending_file_is_queued_again_and_parsed_a_fresh_one_waits(settings):
    settings.TASKS = IMMEDIATE  # the queued task runs at once, as a live worker would take it
    stale, fresh = pending("002", minutes_ago=90), pending("003", minutes_ago=2)
    out = io.StringIO()
    call_command("requeue_stale", "--older-than", "30", stdout=out)
    assert out.getvalue().splitlines()[-1] == "1 stale pending file(s) queued again."
    stale.refresh_from_db()
    fresh.refresh_from_db()
    assert stale.status == SourceFile.Status.PARSED and stale.document.symbol == "A/C.3/61/L.7/Rev.1"
    assert fresh.status == SourceFile.Status.PENDING


def test_nothing_stale_nothing_queued():
    out = io.StringIO()
    call_command("requeue_stale", stdout=out)
    assert out.getvalue().strip() == "0 stale pending file(s) queued again."
