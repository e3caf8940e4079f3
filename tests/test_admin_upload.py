"""The staff side end to end with Django's test client: upload, background ingestion, status list, re-run, edits."""
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from resolutions.models import Document, Paragraph, SourceFile
from resolutions.services.ingestion.ingest import ingest_file

from .conftest import SAMPLES, seed_path

pytestmark = pytest.mark.django_db

UPLOAD_URL = "admin:resolutions_sourcefile_upload"
LIST_URL = "admin:resolutions_sourcefile_changelist"
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def staff(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "a long test password 42")
    # A real login through the admin form: the login rate limit (django-axes) needs the request.
    response = client.post(reverse("admin:login") + "?next=/admin/", {"username": "editor", "password": "a long test password 42"})
    assert response.status_code == 302, response.content[:500]
    return user


@pytest.fixture
def immediate(settings):
    settings.TASKS = IMMEDIATE


@pytest.fixture
def queued(settings):
    settings.TASKS = DATABASE


@pytest.fixture
def restore_signals():
    """db_worker installs its own SIGINT/SIGTERM handlers; give pytest its own back."""
    import signal

    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    yield
    for sig, handler in saved.items():
        signal.signal(sig, handler)


def seed_upload(prefix: str, name: str | None = None) -> SimpleUploadedFile:
    path = seed_path(prefix)
    return SimpleUploadedFile(name or path.name, path.read_bytes(), content_type="text/plain")


def test_the_upload_page_is_linked_from_the_source_file_list(client, staff):
    page = client.get(reverse(LIST_URL))
    assert page.status_code == 200
    assert reverse(UPLOAD_URL) in page.content.decode()
    form = client.get(reverse(UPLOAD_URL))
    assert form.status_code == 200
    assert 'type="file"' in form.content.decode() and "multiple" in form.content.decode()


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    response = client.get(reverse(UPLOAD_URL))
    assert response.status_code == 302 and reverse("admin:login") in response["Location"]


def test_upload_one_file_is_ingested_and_listed_as_parsed(client, staff, immediate):
    response = client.post(reverse(UPLOAD_URL), {"files": seed_upload("002")}, follow=True)
    assert response.status_code == 200
    source = SourceFile.objects.get()
    assert source.status == SourceFile.Status.PARSED
    assert source.uploaded_by == staff
    assert source.document.symbol == "A/C.3/61/L.7/Rev.1"
    page = client.get(reverse(LIST_URL)).content.decode()
    assert seed_path("002").name in page and "Parsed" in page
    assert 'class="source-status source-status-parsed"' in page  # coloured by a class: the CSP bans inline styles
    assert "css/admin_sources.css" in page
    assert "A/C.3/61/L.7/Rev.1" in page
    assert "1 file(s) received: 1 parsed." in response.content.decode()


def test_upload_many_files_and_a_zip_with_a_bad_member(client, staff, immediate):
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(seed_path("003"), "batch/003.txt")
        zf.writestr("batch/empty.txt", b"")
        zf.writestr("__MACOSX/batch/._003.txt", b"junk")
    files = [seed_upload("000"), seed_upload("004"),
             SimpleUploadedFile("batch.zip", archive.getvalue(), content_type="application/zip")]
    response = client.post(reverse(UPLOAD_URL), {"files": files}, follow=True)
    statuses = dict(SourceFile.objects.values_list("original_name", "status"))
    assert statuses == {seed_path("000").name: "parsed", seed_path("004").name: "parsed",
                        "batch.zip/batch/003.txt": "parsed", "batch.zip/batch/empty.txt": "failed"}
    page = response.content.decode()
    assert "batch.zip/batch/empty.txt" in page  # the failure is named in a message
    listing = client.get(reverse(LIST_URL) + "?status__exact=failed").content.decode()
    assert "batch.zip/batch/empty.txt" in listing and SourceFile.objects.get(status="failed").error[:20] in listing


def test_uploading_the_same_file_again_is_a_duplicate(client, staff, immediate):
    client.post(reverse(UPLOAD_URL), {"files": seed_upload("002")})
    response = client.post(reverse(UPLOAD_URL), {"files": seed_upload("002", "again.txt")}, follow=True)
    assert "1 already in the archive" in response.content.decode()
    assert SourceFile.objects.count() == 1 and Document.objects.count() == 1


@pytest.mark.django_db(transaction=True)  # the worker checks its connection like a real one
def test_with_the_database_queue_the_upload_waits_for_the_worker(client, staff, queued, restore_signals):
    client.post(reverse(UPLOAD_URL), {"files": [seed_upload("002"), seed_upload("003")]})
    assert set(SourceFile.objects.values_list("status", flat=True)) == {"pending"}
    ingestions = DBTaskResult.objects.filter(task_path__endswith=".ingest_source_file")   # not the clusters' refresh
    assert ingestions.filter(status="READY").count() == 2
    assert Document.objects.count() == 0

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    assert set(SourceFile.objects.values_list("status", flat=True)) == {"parsed"}
    assert ingestions.filter(status="SUCCESSFUL").count() == 2
    assert Document.objects.filter(symbol="A/C.3/61/L.7/Rev.1").exists()
    assert "Parsed" in client.get(reverse(LIST_URL)).content.decode()


@pytest.mark.django_db(transaction=True)  # the worker checks its connection like a real one
def test_a_file_queued_twice_is_ingested_once(client, staff, queued, restore_signals):
    from resolutions.tasks import ingest_source_file

    client.post(reverse(UPLOAD_URL), {"files": seed_upload("002")})
    source = SourceFile.objects.get()
    ingest_source_file.enqueue(source.pk)  # e.g. a double-clicked re-run
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    results = sorted(r.return_value for r in DBTaskResult.objects.filter(task_path__endswith=".ingest_source_file"))
    assert results == ["parsed", "skipped: already parsed"]
    assert Document.objects.count() == 1


def test_the_original_bytes_are_downloadable_from_the_change_page(client, staff):
    outcome = ingest_file(seed_path("002").read_bytes(), seed_path("002").name)
    change = client.get(reverse("admin:resolutions_sourcefile_change", args=[outcome.source_file.pk]))
    download_url = reverse("admin:resolutions_sourcefile_download", args=[outcome.source_file.pk])
    assert download_url in change.content.decode()
    response = client.get(download_url)
    assert response.status_code == 200
    assert response.content == seed_path("002").read_bytes()
    assert "attachment" in response["Content-Disposition"] and seed_path("002").name in response["Content-Disposition"]


def test_rerun_action_processes_a_failed_file_again(client, staff, immediate, monkeypatch):
    def crash(data, filename):
        raise KeyError("parser bug")

    monkeypatch.setattr("resolutions.services.ingestion.ingest.parse", crash)
    outcome = ingest_file(seed_path("002").read_bytes(), seed_path("002").name)
    assert outcome.status == "failed"
    monkeypatch.undo()
    response = client.post(reverse(LIST_URL), {"action": "rerun_ingestion",
                                               "_selected_action": [outcome.source_file.pk]}, follow=True)
    assert "1 file(s) queued for ingestion." in response.content.decode()
    outcome.source_file.refresh_from_db()
    assert outcome.source_file.status == "parsed" and outcome.source_file.error == ""


def form_data(response) -> dict:
    """The POST data of an admin change form as rendered (main form and every inline), ready to resubmit."""
    data = {}

    def add(form):
        for name, field in form.fields.items():
            value = form[name].value()
            key = form.add_prefix(name)
            if isinstance(value, bool) or value is None:
                if value:
                    data[key] = "on"
                continue
            data[key] = value if not isinstance(value, (list, tuple)) else ",".join(map(str, value))
            if field.show_hidden_initial:  # rendered as a hidden input too (fields with callable defaults)
                data[form.add_initial_prefix(name)] = data[key]

    add(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        for name, field in formset.management_form.fields.items():
            data[formset.management_form.add_prefix(name)] = formset.management_form[name].value()
        for form in formset.forms:
            add(form)
    return data


def post_paragraph_text(client, url: str, old_text: str, new_text: str):
    """Resubmit the admin change form at ``url`` as rendered, with the one inline paragraph whose text is
    ``old_text`` given ``new_text``; the save must redirect (a form error fails the test with the errors)."""
    page = client.get(url)
    assert page.status_code == 200
    data = form_data(page)
    (text_key,) = [key for key, value in data.items() if key.endswith("-text") and value == old_text]
    data[text_key] = new_text
    response = client.post(url, data)
    assert response.status_code == 302, response.context["errors"] if response.context else response
    return response


def test_editing_a_paragraph_marks_it_and_the_document_edited(client, staff, immediate):
    document = ingest_file(seed_path("002").read_bytes(), seed_path("002").name).document
    url = reverse("admin:resolutions_document_change", args=[document.pk])
    target = document.paragraphs.get(number="12")
    post_paragraph_text(client, url, target.text, target.text.replace("fledgling", "nascent"))
    document.refresh_from_db()
    assert document.edited
    target.refresh_from_db()
    assert "nascent" in target.text and target.edited
    assert Paragraph.objects.filter(document=document, edited=True).count() == 1

    # A re-upload of the same symbol now keeps the staff correction.
    corrected = seed_path("002").read_bytes().replace(b"Viet Nam", b"Viet Nam ")
    kept = ingest_file(corrected, "002-again.txt")
    assert "not applied" in kept.message
    assert "nascent" in document.paragraphs.get(number="12").text


def test_every_model_has_an_admin_list(client, staff):
    for model in ["sourcefile", "document", "paragraph", "memberstate", "agendaitem", "series", "documentlink",
                  "citation", "searchterm"]:
        assert client.get(reverse(f"admin:resolutions_{model}_changelist")).status_code == 200, model
    assert client.get(reverse(LIST_URL) + "?status__exact=parsed").status_code == 200
    assert client.get(reverse("admin:resolutions_citation_changelist") + "?status__exact=unresolved").status_code == 200


def test_all_seeds_upload_as_one_zip(client, staff, immediate):
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zf:
        for path in sorted(SAMPLES.glob("*.txt")):
            zf.write(path, path.name)
    client.post(reverse(UPLOAD_URL), {"files": SimpleUploadedFile("seeds.zip", archive.getvalue())})
    assert SourceFile.objects.filter(status="parsed").count() == 5


def test_a_file_over_the_size_limit_is_listed_as_refused_with_the_reason(client, staff, immediate, settings):
    settings.ARCHIVE_MAX_UPLOAD_BYTES = 10_000  # seed 002 is 11,606 bytes, seed 000 7,807
    response = client.post(reverse(UPLOAD_URL), {"files": [seed_upload("002"), seed_upload("000")]}, follow=True)
    refused = SourceFile.objects.get(original_name=seed_path("002").name)
    assert refused.status == SourceFile.Status.REFUSED
    assert "over the limit" in refused.error and refused.size == 11606
    assert refused.document is None
    assert SourceFile.objects.get(original_name=seed_path("000").name).status == "parsed"  # the rest goes on
    assert "over the limit" in response.content.decode()
