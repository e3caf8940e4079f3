"""Unpacking uploads safely: limits, unsafe zip member names, junk skipped, refused files kept with the reason."""
import io
import zipfile

import pytest

from resolutions.models import SourceFile
from resolutions.services.ingestion.batch import ingest_paths
from resolutions.services.ingestion.uploads import iter_paths, iter_zip, unsafe_name_reason, upload_from_bytes

from .conftest import seed_path


def make_zip(path, members: dict[str, bytes]):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize("name", ["../evil.txt", "docs/../../evil.txt", "/etc/passwd", "C:\\evil.txt",
                                  "..\\evil.txt"])
def test_unsafe_member_names_are_refused(name):
    assert unsafe_name_reason(name)


@pytest.mark.parametrize("name", ["seeds/000.txt", "a/b/c/resolution.pdf", "A..B.txt", "001.txt"])
def test_nested_folders_and_plain_names_are_fine(name):
    assert unsafe_name_reason(name) == ""


def test_zip_members_are_read_with_nested_folders_and_junk_skipped(tmp_path):
    seed = seed_path("002").read_bytes()
    archive = make_zip(tmp_path / "batch.zip", {
        "docs/2006/002.txt": seed,
        "__MACOSX/docs/2006/._002.txt": b"\x00\x05\x16\x07 resource fork",
        "docs/.DS_Store": b"\x00\x00\x00\x01Bud1",
    })
    uploads = list(iter_zip(archive, "batch.zip"))
    assert [u.name for u in uploads] == ["batch.zip/docs/2006/002.txt"]
    assert uploads[0].data == seed and not uploads[0].refused


def test_a_member_over_the_size_limit_is_refused_without_being_kept(tmp_path, settings):
    settings.ARCHIVE_MAX_UPLOAD_BYTES = 1000
    archive = make_zip(tmp_path / "big.zip", {"big.txt": b"a" * 50_000, "small.txt": b"small"})
    big, small = iter_zip(archive, "big.zip")
    assert big.refused and "limit" in big.refusal and big.data is None
    assert not small.refused and small.data == b"small"


def test_an_archive_over_the_total_limit_is_refused_as_a_whole(tmp_path, settings):
    settings.ARCHIVE_MAX_ZIP_TOTAL_BYTES = 10_000
    archive = make_zip(tmp_path / "bomb.zip", {f"{i}.txt": b"0" * 6000 for i in range(3)})
    (refused,) = iter_zip(archive, "bomb.zip")
    assert refused.refused and "decompresses" in refused.refusal
    assert refused.data == archive.read_bytes()  # the archive itself is kept


def test_an_archive_with_too_many_members_is_refused(tmp_path, settings):
    settings.ARCHIVE_MAX_ZIP_MEMBERS = 3
    archive = make_zip(tmp_path / "many.zip", {f"{i}.txt": b"x" for i in range(4)})
    (refused,) = iter_zip(archive, "many.zip")
    assert "4 files" in refused.refusal and "limit of 3" in refused.refusal


def test_sizes_that_lie_in_the_zip_directory_are_caught_while_reading(tmp_path, settings):
    settings.ARCHIVE_MAX_UPLOAD_BYTES = 1000
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("liar.txt", b"z" * 100_000)
    # Patch the declared sizes in both headers down to 10 bytes: only reading can notice (the CRC or the byte cap).
    data = bytearray(buffer.getvalue())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.infolist()[0]
    real = info.file_size.to_bytes(4, "little")
    data = data.replace(real, (10).to_bytes(4, "little"))
    (upload,) = iter_zip(io.BytesIO(bytes(data)), "liar.zip")
    assert upload.refused and upload.data is None


def test_a_broken_zip_is_refused_and_kept(tmp_path):
    path = tmp_path / "broken.zip"
    path.write_bytes(b"PK\x03\x04 this is not really a zip")
    (upload,) = iter_zip(path, "broken.zip")
    assert "not a readable zip" in upload.refusal
    assert upload.data == path.read_bytes()


def test_a_single_file_over_the_limit_is_refused(settings):
    settings.ARCHIVE_MAX_UPLOAD_BYTES = 100
    upload = upload_from_bytes("huge.txt", b"x" * 101)
    assert upload.refused and upload.data is None and upload.size == 101


def test_folders_are_walked_recursively_without_dotfiles(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "002.txt").write_bytes(seed_path("002").read_bytes())
    (tmp_path / "a" / ".hidden.txt").write_text("secret")
    names = [u.name for u in iter_paths([tmp_path / "a"])]
    assert names == ["a/b/002.txt"]


@pytest.mark.django_db
def test_a_zip_with_a_path_outside_the_archive_is_refused_and_the_rest_ingested(tmp_path):
    archive = make_zip(tmp_path / "evil.zip", {
        "../evil.txt": b"The General Assembly,\n\nRecalling nothing at all,\n",
        "ok/002.txt": seed_path("002").read_bytes(),
    })
    evil, good = ingest_paths([archive], progress=False)
    assert evil.status == "refused" and "outside the archive" in evil.message
    stored = SourceFile.objects.get(original_name="evil.zip/../evil.txt")
    assert stored.status == SourceFile.Status.REFUSED
    assert "'..'" in stored.error
    assert bytes(stored.content).startswith(b"The General Assembly")  # kept, not lost
    assert good.status == "parsed"
