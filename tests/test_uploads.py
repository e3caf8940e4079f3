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


def lying_zip(**members: bytes) -> bytes:
    """A zip whose 'liar.txt' declares 10 bytes in both headers while it decompresses to 100,000."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("liar.txt", b"z" * 100_000)
        for name, data in members.items():
            archive.writestr(name, data)
    data = bytearray(buffer.getvalue())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("liar.txt")
    real = info.file_size.to_bytes(4, "little")
    assert data.count(real) == 2  # the local header and the central directory
    return bytes(data.replace(real, (10).to_bytes(4, "little")))


def test_sizes_that_lie_in_the_zip_directory_are_caught_while_reading(tmp_path, settings):
    # Only reading can notice: the byte cap (here) or the CRC (below, with the default limits).
    settings.ARCHIVE_MAX_UPLOAD_BYTES = 1000
    data = lying_zip()
    member, archive = iter_zip(io.BytesIO(data), "liar.zip")
    assert member.refused and member.data is None
    assert archive.name == "liar.zip" and archive.data == data and "'liar.txt'" in archive.refusal


@pytest.mark.django_db
def test_a_zip_refused_for_a_member_failing_its_crc_keeps_its_own_bytes_and_the_rest_is_ingested(tmp_path):
    data = lying_zip(**{"ok/002.txt": seed_path("002").read_bytes()})
    (tmp_path / "liar.zip").write_bytes(data)
    liar, archive, good = ingest_paths([tmp_path / "liar.zip"], progress=False)
    assert liar.status == "refused" and "CRC" in liar.message
    assert archive.status == "refused" and good.status == "parsed"
    kept = SourceFile.objects.get(original_name="liar.zip")
    assert kept.status == SourceFile.Status.REFUSED and bytes(kept.content) == data
    assert "'liar.txt'" in kept.error and "CRC" in kept.error and kept.document_id is None


@pytest.mark.django_db
def test_zip_members_with_identical_bytes_keep_every_name(tmp_path):
    seed = seed_path("002").read_bytes()
    archive = make_zip(tmp_path / "twice.zip", {"a/002.txt": seed, "b/copy-of-002.txt": seed,
                                                "c/002-again.txt": seed})
    first, second, third = ingest_paths([archive], progress=False)
    assert (first.status, second.status, third.status) == ("parsed", "duplicate", "duplicate")
    (record,) = SourceFile.objects.all()
    assert record.original_name == "twice.zip/a/002.txt"
    assert record.other_names == ["twice.zip/b/copy-of-002.txt", "twice.zip/c/002-again.txt"]
    # The same zip again adds no name twice.
    ingest_paths([archive], progress=False)
    record.refresh_from_db()
    assert record.other_names == ["twice.zip/b/copy-of-002.txt", "twice.zip/c/002-again.txt"]


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
