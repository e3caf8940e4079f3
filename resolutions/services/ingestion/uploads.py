"""Turn what staff hand over (files on disk, admin uploads, .zip archives) into checked uploads.

Nothing here parses documents or writes models: every function returns
``Upload`` objects, one per file, which the ingestion service records as
SourceFiles.  A file that breaks a rule is not dropped: it comes back with
``refusal`` set (the reason), so it is recorded with status *refused*.

Limits come from settings:

* ``ARCHIVE_MAX_UPLOAD_BYTES``: the largest single file (uploaded, on disk, or
  a zip member once decompressed);
* ``ARCHIVE_MAX_ZIP_MEMBERS``: the most files one archive may hold;
* ``ARCHIVE_MAX_ZIP_TOTAL_BYTES``: the most bytes one archive may decompress to.

Zip members are read through a byte cap (the sizes in a zip's directory can
lie), never written to disk, and their names are checked anyway: absolute
paths, drive letters and ``..`` components are refused, nested folders are
fine, and ``__MACOSX/`` resource forks and dotfiles (``.DS_Store``) are skipped
as the junk they are.  Archives inside archives are not unpacked.
"""
from __future__ import annotations

import hashlib
import io
import os
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.conf import settings

CHUNK = 1024 * 1024


@dataclass
class Upload:
    """One file to record: its name, its bytes (None when refused unread) and why it was refused, if it was."""

    name: str
    data: bytes | None
    size: int
    sha256: str
    refusal: str = ""
    record: bool = True       # False for a path that does not exist: nothing to keep

    @property
    def refused(self) -> bool:
        return bool(self.refusal)


def max_upload_bytes() -> int:
    return settings.ARCHIVE_MAX_UPLOAD_BYTES


def human_size(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n} bytes"  # pragma: no cover


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def placeholder_sha256(*parts: str) -> str:
    """The sha256 recorded for a refused file whose bytes were never read in full.

    SourceFile.sha256 is unique and required; when the real bytes are not
    available (a zip member over the limits: decompressing it to hash it is
    what the limit forbids), the record is keyed by where the file came from.
    """
    return hashlib.sha256("\0".join(("refused-unread",) + parts).encode()).hexdigest()


def is_zip_name(name: str) -> bool:
    return name.lower().endswith(".zip")


def is_skipped_name(name: str) -> bool:
    """macOS resource forks and dotfiles: archive junk, not documents."""
    parts = [p for p in name.replace("\\", "/").split("/") if p]
    return any(p == "__MACOSX" or p.startswith(".") for p in parts if p not in (".", ".."))


def unsafe_name_reason(name: str) -> str:
    """Why a zip member's name is refused, or '' when it is acceptable."""
    normalised = name.replace("\\", "/")
    if normalised.startswith("/") or (len(normalised) > 1 and normalised[1] == ":"):
        return f"Refused: '{name}' is an absolute path inside the archive."
    if ".." in PurePosixPath(normalised).parts:
        return f"Refused: '{name}' points outside the archive ('..' in its path)."
    return ""


# ---------------------------------------------------------------------------
# Single files


def upload_from_bytes(name: str, data: bytes) -> Upload:
    """A file whose bytes are already in memory (an admin upload, a test)."""
    limit = max_upload_bytes()
    if len(data) > limit:
        return Upload(name=name, data=None, size=len(data), sha256=sha256_hex(data),
                      refusal=f"Refused: the file is {human_size(len(data))}, over the limit of {human_size(limit)}.")
    return Upload(name=name, data=data, size=len(data), sha256=sha256_hex(data))


def upload_from_stream(name: str, size: int, chunks: Iterable[bytes]) -> Upload:
    """A file read in chunks (Django's UploadedFile.chunks()): too large ones are hashed but not kept."""
    limit = max_upload_bytes()
    if size > limit:
        digest = hashlib.sha256()
        for chunk in chunks:
            digest.update(chunk)
        return Upload(name=name, data=None, size=size, sha256=digest.hexdigest(),
                      refusal=f"Refused: the file is {human_size(size)}, over the limit of {human_size(limit)}.")
    return upload_from_bytes(name, b"".join(chunks))


def upload_from_path(path: Path, name: str | None = None) -> Upload:
    path = Path(path)
    size = path.stat().st_size
    with path.open("rb") as fh:
        return upload_from_stream(name or path.name, size, iter(lambda: fh.read(CHUNK), b""))


# ---------------------------------------------------------------------------
# Zip archives


def _read_capped(archive: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> bytes | None:
    """The member's bytes, or None when it decompresses to more than ``cap`` bytes."""
    out = io.BytesIO()
    with archive.open(info) as member:
        while True:
            chunk = member.read(min(CHUNK, cap + 1 - out.tell()) or 1)
            if not chunk:
                return out.getvalue()
            out.write(chunk)
            if out.tell() > cap:
                return None


def zip_member_count(source) -> int:
    """How many files ``iter_zip`` will yield (for a progress bar's total)."""
    try:
        with zipfile.ZipFile(source) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return 1
    if len(infos) > settings.ARCHIVE_MAX_ZIP_MEMBERS:
        return 1
    return sum(1 for info in infos if not info.is_dir() and not is_skipped_name(info.filename)) or 1


def iter_zip(source, archive_name: str, archive_sha256: str = "") -> Iterator[Upload]:
    """Every file of a zip archive (``source``: a path or a binary file object), checked and capped.

    A zip that cannot be opened, or that breaks the member-count or total-size
    limit as a whole, comes back as one refused Upload for the archive itself.
    A member that cannot be decompressed or lies about its size is refused, and
    the archive itself comes back too, refused with that reason and its bytes
    kept (the other members are read as usual).
    """
    file_limit = max_upload_bytes()
    total_limit = settings.ARCHIVE_MAX_ZIP_TOTAL_BYTES
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        yield _refused_archive(source, archive_name, archive_sha256, f"Refused: not a readable zip archive ({exc}).")
        return
    with archive:
        infos = archive.infolist()
        if len(infos) > settings.ARCHIVE_MAX_ZIP_MEMBERS:
            yield _refused_archive(source, archive_name, archive_sha256,
                                   f"Refused: the archive holds {len(infos)} files, over the limit of "
                                   f"{settings.ARCHIVE_MAX_ZIP_MEMBERS}.")
            return
        declared_total = sum(info.file_size for info in infos)
        if declared_total > total_limit:
            yield _refused_archive(source, archive_name, archive_sha256,
                                   f"Refused: the archive decompresses to {human_size(declared_total)}, over the "
                                   f"limit of {human_size(total_limit)}.")
            return
        container = archive_sha256 or archive_name
        used = 0
        archive_kept = False
        for info in infos:
            if info.is_dir() or is_skipped_name(info.filename):
                continue
            name = f"{archive_name}/{info.filename}"
            reason = unsafe_name_reason(info.filename)
            if info.flag_bits & 0x1:
                reason = reason or f"Refused: '{info.filename}' is encrypted."
            if not reason and is_zip_name(info.filename):
                reason = f"Refused: '{info.filename}' is an archive inside the archive; upload it on its own."
            cap = min(file_limit, total_limit - used)
            data = None
            broken = ""   # why the member is not what the archive's directory says it is
            if not reason or (reason and info.file_size <= cap):
                # Read refused members too when small, so their bytes are kept.
                try:
                    data = _read_capped(archive, info, cap)
                except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, NotImplementedError, EOFError) as exc:
                    broken = f"cannot be decompressed ({exc})"
                    reason = reason or f"Refused: '{info.filename}' {broken}."
                    data = None
                else:
                    if data is None and info.file_size <= cap:
                        broken = f"decompresses to more than the {human_size(info.file_size)} the archive declares"
                    if data is None:
                        reason = reason or (
                            f"Refused: '{info.filename}' decompresses to more than {human_size(cap)} "
                            + ("(the per-file limit)." if cap == file_limit else "(the archive's total limit).")
                        )
            if data is not None:
                used += len(data)
                yield Upload(name=name, data=data, size=len(data), sha256=sha256_hex(data), refusal=reason)
            else:
                yield Upload(name=name, data=None, size=info.file_size,
                             sha256=placeholder_sha256(container, info.filename), refusal=reason)
            if broken and not archive_kept:
                # A member that lies about its size or fails its CRC: the archive itself is evidence, kept as it
                # came with the reason (once), beside the member's own refusal.
                archive_kept = True
                yield _refused_archive(source, archive_name, archive_sha256,
                                       f"Refused: its member '{info.filename}' {broken}; the archive is kept as "
                                       "it came.")


def _refused_archive(source, archive_name: str, archive_sha256: str, reason: str) -> Upload:
    """The archive itself as a refused upload: its bytes are kept when within the single-file limit."""
    data = None
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        if path.stat().st_size <= max_upload_bytes():
            data = path.read_bytes()
    elif hasattr(source, "seek"):
        source.seek(0, io.SEEK_END)
        if source.tell() <= max_upload_bytes():
            source.seek(0)
            data = source.read()
    if data is not None:
        return Upload(name=archive_name, data=data, size=len(data), sha256=sha256_hex(data), refusal=reason)
    return Upload(name=archive_name, data=None, size=0,
                  sha256=archive_sha256 or placeholder_sha256(archive_name), refusal=reason)


# ---------------------------------------------------------------------------
# Paths (the ingest command)


def iter_folder(folder: Path) -> Iterator[Path]:
    """Every file under a folder, recursively, in name order, junk skipped."""
    for path in sorted(Path(folder).rglob("*")):
        if path.is_file() and not is_skipped_name(str(path.relative_to(folder))):
            yield path


def count_paths(paths: Iterable[Path]) -> int:
    """How many uploads ``iter_paths`` will yield (for a progress bar's total)."""
    total = 0
    for path in map(Path, paths):
        if path.is_dir():
            for file in iter_folder(path):
                total += zip_member_count(file) if is_zip_name(file.name) else 1
        elif path.is_file() and is_zip_name(path.name):
            total += zip_member_count(path)
        else:
            total += 1
    return total


def iter_paths(paths: Iterable[Path]) -> Iterator[Upload]:
    """Files, folders (recursively) and .zip archives, one Upload per file; a missing path is refused."""
    for path in map(Path, paths):
        if path.is_dir():
            for file in iter_folder(path):
                yield from _iter_file(file, str(file.relative_to(path.parent)))
        elif path.is_file():
            yield from _iter_file(path, path.name)
        else:
            yield Upload(name=str(path), data=None, size=0, sha256="", record=False,
                         refusal=f"Refused: no such file or folder: {path}")


def _iter_file(path: Path, name: str) -> Iterator[Upload]:
    if is_zip_name(path.name):
        yield from iter_zip(path, name, _file_sha256(path))
    else:
        yield upload_from_path(path, name)


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


# ---------------------------------------------------------------------------
# Admin uploads (Django UploadedFile objects)


def uploads_from_files(files) -> Iterator[Upload]:
    """Uploaded files as Uploads: .zip archives unpacked (within the limits), others read whole or refused."""
    for uploaded in files:
        name = Path(uploaded.name).name
        if is_zip_name(name) and uploaded.size <= max_upload_bytes():
            uploaded.seek(0)
            digest = hashlib.sha256()
            for chunk in uploaded.chunks():
                digest.update(chunk)
            uploaded.seek(0)
            yield from iter_zip(uploaded, name, digest.hexdigest())
        else:
            yield upload_from_stream(name, uploaded.size, uploaded.chunks())
