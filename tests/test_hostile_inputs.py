"""Hostile and broken inputs: each gets a clear outcome, the upload is kept, nothing crashes, nothing is markup."""
import io
import random
import zipfile

import pytest

from resolutions.models import Document, Paragraph, SourceFile
from resolutions.services.ingestion.ingest import ingest_file
from tests.conftest import CORPUS, seed_path

pytestmark = pytest.mark.django_db

SEED = seed_path("002").read_bytes()


def outcome_of(data: bytes, name: str):
    outcome = ingest_file(data, name)
    kept = SourceFile.objects.get(pk=outcome.source_file.pk)
    assert bytes(kept.content) == data  # the upload is kept byte for byte, whatever happened
    if outcome.status == "failed":
        assert kept.error and not kept.error.startswith("Internal error"), kept.error
    return outcome


def encrypted_pdf() -> bytes:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, encrypt=pdfencrypt.StandardEncryption("user-password", canPrint=0))
    pdf.drawString(72, 720, "The General Assembly,")
    pdf.save()
    return buffer.getvalue()


@pytest.mark.parametrize("name,data,message", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b" \n\t\n", "empty"),
    ("noise.bin", random.Random(7).randbytes(20_000) + b"\x00", "binary"),
    ("not-a-resolution.txt", b"Minutes of the meeting.\nCoffee was served.\n", "does not look like a resolution"),
    ("renamed.docx", None, "not a Word document"),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, ".doc"),
    ("corrupt.pdf", b"%PDF-1.4\n1 0 obj garbage\n%%EOF", "PDF"),
])
def test_broken_files_fail_with_a_clear_message(name, data, message):
    if data is None:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("notes.txt", "hello")
        data = buffer.getvalue()
    outcome = outcome_of(data, name)
    assert outcome.status == "failed"
    assert message.lower() in outcome.source_file.error.lower()


def test_encrypted_pdf():
    outcome = outcome_of(encrypted_pdf(), "locked.pdf")
    assert outcome.status == "failed"
    assert "encrypted" in outcome.source_file.error


def test_truncated_real_pdf():
    pdf = (CORPUS / "gatenlp-unga-samples" / "sample-docs" / "A_RES_73_8-EN.pdf").read_bytes()
    outcome = outcome_of(pdf[: len(pdf) // 3], "truncated.pdf")
    assert outcome.status in ("failed", "parsed")


def test_a_fifty_megabyte_text_is_refused_quickly_with_its_size():
    data = SEED * (50 * 1024 * 1024 // len(SEED) + 1)
    outcome = outcome_of(data, "huge.txt")
    assert outcome.status == "failed"
    assert "50 MB" in outcome.source_file.error


def test_deeply_nested_html_does_not_crash():
    html = "<html><body>" + "<div>" * 50_000 + "<p><i>The General Assembly,</i></p><p><i>Recalling</i> its work,</p>" \
           + "<p>1. <i>Decides</i> to act.</p>" + "</div>" * 50_000 + "</body></html>"
    outcome = outcome_of(html.encode(), "nested.html")
    assert outcome.status in ("parsed", "failed")


def test_invalid_utf8_and_mixed_encodings_are_read_with_a_warning():
    broken = SEED.replace("Viet Nam".encode(), b"Viet \xff Nam").replace("Côte".encode(), "Côte".encode("cp1252"))
    outcome = outcome_of(broken + "Éléments".encode("cp1252"), "mixed.txt")
    assert outcome.status == "parsed"
    assert any("UTF-8" in w for w in outcome.source_file.warnings + outcome.document.parse_warnings)
    assert outcome.document.paragraphs.filter(parent__isnull=True).count() == 30


def test_control_characters_are_dropped():
    noisy = SEED.replace(b"Recognizes the need", b"Recognizes\x07 the\x1b need\x0c")
    outcome = outcome_of(noisy, "controls.txt")
    assert outcome.status == "parsed"
    texts = "".join(Paragraph.objects.filter(document=outcome.document).values_list("text", flat=True))
    assert not any(ch in texts for ch in "\x07\x1b\x0c")


def test_a_resolution_with_ten_thousand_paragraphs():
    lines = ["The General Assembly,", "", "Recalling its earlier work,", ""]
    lines += [f"{n}. Decides to consider item {n} at its next session;" for n in range(1, 10_001)]
    outcome = outcome_of("\n".join(lines).encode(), "long.txt")
    assert outcome.status == "parsed"
    assert outcome.document.paragraphs.filter(kind="operative").count() == 10_000


def test_script_tags_and_javascript_urls_are_never_markup(client):
    html = ("<html><body><p><i>The General Assembly,</i></p>"
            "<p><i>Recalling</i> <script>alert('x')</script>its <a href=\"javascript:alert(1)\">work</a> "
            "&lt;script&gt;alert(2)&lt;/script&gt;,</p><p>1. <i>Decides</i> to act.</p></body></html>")
    outcome = outcome_of(html.encode(), "scripts.html")
    assert outcome.status == "parsed"
    page = client.get(outcome.document.get_absolute_url()).content.decode()
    assert "<script>alert" not in page and "javascript:alert" not in page
    assert Document.objects.count() == 1
