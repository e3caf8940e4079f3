"""`manage.py ingest PATH...`: one line per file, a summary, exit status 1 only after every file was processed."""
import io
import zipfile

import pytest
from django.core.management import CommandError, call_command

from resolutions.models import Document, SourceFile

from .conftest import SAMPLES, seed_path

pytestmark = pytest.mark.django_db


def run_ingest(*args):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("ingest", *map(str, args), stdout=out, stderr=err)
    except CommandError as exc:
        return exc.returncode, out.getvalue()
    return 0, out.getvalue()


def test_all_good_exits_0_with_one_line_per_file():
    status, output = run_ingest(SAMPLES)
    assert status == 0
    lines = output.splitlines()
    assert len(lines) == 6  # five files and the summary
    for path in sorted(SAMPLES.glob("*.txt")):
        (line,) = [ln for ln in lines if path.name in ln]
        assert line.startswith("parsed ")
    assert "A/C.3/61/L.7/Rev.1" in next(ln for ln in lines if seed_path("002").name in ln)
    assert lines[-1] == "5 file(s): 5 parsed"


def test_the_second_run_reports_duplicates_and_exits_0():
    run_ingest(SAMPLES)
    status, output = run_ingest(SAMPLES)
    assert status == 0
    assert output.splitlines()[-1] == "5 file(s): 5 duplicate"
    assert SourceFile.objects.count() == 5
    assert Document.objects.count() == 4  # seeds 000 and 001 are the same document (lineage)


def test_one_bad_file_exits_1_after_the_others_are_processed(tmp_path):
    bad = tmp_path / "aaa-empty.txt"  # given first: the good files come after it
    bad.write_bytes(b"")
    status, output = run_ingest(bad, seed_path("002"), seed_path("004"))
    assert status == 1
    lines = output.splitlines()
    assert lines[0].startswith("failed ") and "aaa-empty.txt" in lines[0]
    assert len(lines[0].split("aaa-empty.txt", 1)[1].strip()) > 0  # the reason is printed
    assert lines[1].startswith("parsed ") and lines[2].startswith("parsed ")
    assert lines[-1] == "3 file(s): 1 failed, 2 parsed"
    assert SourceFile.objects.get(original_name="aaa-empty.txt").status == "failed"
    assert Document.objects.count() == 2


def test_folders_and_zips_are_accepted_and_a_missing_path_is_reported(tmp_path):
    archive = tmp_path / "two.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(seed_path("000"), "in/zip/000.txt")
        zf.writestr("../evil.txt", b"nothing")
    status, output = run_ingest(archive, tmp_path / "missing.txt")
    assert status == 1
    assert "parsed     two.zip/in/zip/000.txt" in output
    assert "refused    two.zip/../evil.txt" in output
    assert "refused    " in output and "no such file or folder" in output
    assert output.splitlines()[-1] == "3 file(s): 1 parsed, 2 refused"


def test_load_samples_is_idempotent():
    out = io.StringIO()
    call_command("load_samples", stdout=out)
    assert "Samples: 5 loaded, 0 already present, 0 failed." in out.getvalue()
    out = io.StringIO()
    call_command("load_samples", stdout=out)
    assert out.getvalue().strip() == "Samples: 0 loaded, 5 already present, 0 failed."
    assert Document.objects.count() == 4 and SourceFile.objects.filter(status="parsed").count() == 5


def test_a_folder_of_real_resolutions(corpus_dir, tmp_path):
    """GA session 80 resolutions as markdown (railcar), in nested folders: each becomes the resolution its name gives."""
    source = corpus_dir / "railcar-ga80-text" / "documents" / "ga-res-80"
    files = sorted(source.glob("A_RES_80_*.md"))[:12]  # a dozen keeps the test quick; the folder walk is the point
    for index, path in enumerate(files):
        target = tmp_path / "ga-res-80" / f"part-{index % 3}" / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
    status, output = run_ingest(tmp_path / "ga-res-80")
    assert status == 0, output
    assert output.splitlines()[-1] == f"{len(files)} file(s): {len(files)} parsed"
    for index, path in enumerate(files):
        number = path.stem.rsplit("_", 1)[1]
        stored = SourceFile.objects.get(original_name=f"ga-res-80/part-{index % 3}/{path.name}")
        assert stored.document.symbol == f"A/RES/80/{number}", path.name


def test_discard_edits_replaces_a_staff_corrected_document(tmp_path):
    run_ingest(seed_path("002"))
    Document.objects.filter(symbol="A/C.3/61/L.7/Rev.1").update(edited=True, title="Corrected by staff")
    corrected = tmp_path / "002-corrected.txt"
    corrected.write_bytes(seed_path("002").read_bytes().replace(b"fledgling", b"nascent"))
    status, output = run_ingest(corrected)
    assert status == 0 and "not applied" in output
    assert Document.objects.get().title == "Corrected by staff"
    status, output = run_ingest(corrected, "--discard-edits")
    assert status == 0
    document = Document.objects.get()
    assert document.title == "Improving the coordination of efforts against trafficking in persons"
    assert not document.edited and "nascent" in document.paragraphs.get(number="12").text
