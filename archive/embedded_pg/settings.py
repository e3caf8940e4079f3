"""The embedded PostgreSQL's memory settings, sized from the machine's memory when the server starts.

PostgreSQL's defaults (128 MB of shared buffers, 4 MB of work memory, a 4 GB cache estimate) fit a small
machine whatever its size; the archive's search reads document vectors (about 1 GB of TOAST at 100,000
documents) and counts facets in memory, and is faster when those stay in shared buffers and the planner knows the
operating system caches the rest.  The rule is the usual one for a server that has the machine to itself
(PostgreSQL's documentation on ``shared_buffers`` and ``effective_cache_size``, as pgtune applies it):

* ``shared_buffers``: a quarter of the memory, at least 128 MB, at most 8 GB (beyond that the operating system's
  cache serves as well);
* ``effective_cache_size``: three quarters of the memory (shared buffers and the OS cache together);
* ``work_mem``: what is left after the shared buffers, shared by ``max_connections`` connections each running up
  to four sorts or hashes at once; at least 4 MB (the default), at most 256 MB;
* ``maintenance_work_mem``: a sixteenth of the memory, between 64 MB and 2 GB (index builds, VACUUM);
* ``max_connections``: 100, PostgreSQL's default (the archive's processes use a handful each).

The memory is the machine's (``psutil``), or the container's limit when a cgroup sets a smaller one, or
``ARCHIVE_PG_MEMORY`` ("8GB", "512MB", bytes) to size the server for a share of a machine it shares.  Each setting
can be given outright, and then wins: ``ARCHIVE_PG_SHARED_BUFFERS``, ``ARCHIVE_PG_WORK_MEM``,
``ARCHIVE_PG_EFFECTIVE_CACHE_SIZE``, ``ARCHIVE_PG_MAINTENANCE_WORK_MEM``, ``ARCHIVE_PG_MAX_CONNECTIONS`` (any
value PostgreSQL accepts: "2GB", "64MB", "200").

The values are written to ``archive.conf`` in the data folder, which ``postgresql.conf`` includes, before the
server starts (a server already running keeps the values it started with until it is restarted).
"""
from __future__ import annotations

import os
import re
from pathlib import Path

MB = 2 ** 20
GB = 2 ** 30

# (setting, environment variable that overrides it)
SETTINGS = (("shared_buffers", "ARCHIVE_PG_SHARED_BUFFERS"), ("effective_cache_size", "ARCHIVE_PG_EFFECTIVE_CACHE_SIZE"),
            ("work_mem", "ARCHIVE_PG_WORK_MEM"), ("maintenance_work_mem", "ARCHIVE_PG_MAINTENANCE_WORK_MEM"),
            ("max_connections", "ARCHIVE_PG_MAX_CONNECTIONS"))
MEMORY_VARIABLE = "ARCHIVE_PG_MEMORY"
DEFAULT_MAX_CONNECTIONS = 100
SORTS_PER_CONNECTION = 4
CONF_NAME = "archive.conf"
INCLUDE_LINE = f"include_if_exists = '{CONF_NAME}'"
UNITS = {"": 1, "B": 1, "KB": 2 ** 10, "MB": MB, "GB": GB, "TB": 2 ** 40}
VALUE = re.compile(r"[A-Za-z0-9_.]{1,20}")   # what an override may hold: '2GB', '64MB', '200', 'on'


def parse_size(text: str) -> int:
    """'8GB', '512 MB', '1073741824' -> bytes; ValueError with the text when it is none of these."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMGT]?B?)\s*", text.upper())
    if not match:
        raise ValueError(f"{MEMORY_VARIABLE}={text!r} is not a size such as '8GB', '512MB' or a number of bytes.")
    unit = match.group(2) if match.group(2) in ("", "B") or match.group(2).endswith("B") else match.group(2) + "B"
    return int(float(match.group(1)) * UNITS[unit])


def machine_memory() -> int:
    """The memory this server may use: the machine's, or a container's smaller cgroup limit."""
    import psutil

    total = psutil.virtual_memory().total
    for limit_file in ("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"):
        try:
            text = Path(limit_file).read_text().strip()
        except OSError:
            continue
        if text.isdigit() and 0 < int(text) < total:
            total = int(text)
    return total


def _megabytes(size: int) -> str:
    return f"{size // MB}MB"


def computed_settings(memory: int, max_connections: int = DEFAULT_MAX_CONNECTIONS) -> dict[str, str]:
    """The settings for a machine of ``memory`` bytes, by the rule in the module docstring."""
    shared_buffers = min(max(memory // 4, 128 * MB), 8 * GB)
    work_mem = (memory - shared_buffers) // (max_connections * SORTS_PER_CONNECTION)
    return {
        "shared_buffers": _megabytes(shared_buffers),
        "effective_cache_size": _megabytes(memory * 3 // 4),
        "work_mem": _megabytes(min(max(work_mem, 4 * MB), 256 * MB)),
        "maintenance_work_mem": _megabytes(min(max(memory // 16, 64 * MB), 2 * GB)),
        "max_connections": str(max_connections),
    }


def server_settings(environ=None, memory: int | None = None) -> tuple[dict[str, str], dict[str, str]]:
    """(settings, where each came from: 'computed from N GB' or the environment variable that set it)."""
    environ = os.environ if environ is None else environ
    if memory is None:
        memory = parse_size(environ[MEMORY_VARIABLE]) if environ.get(MEMORY_VARIABLE) else machine_memory()
    overrides = {}
    for name, variable in SETTINGS:
        value = (environ.get(variable) or "").strip()
        if value:
            if not VALUE.fullmatch(value):
                raise ValueError(f"{variable}={value!r} is not a PostgreSQL value such as '2GB', '64MB' or '200'.")
            overrides[name] = value
    connections = overrides.get("max_connections", str(DEFAULT_MAX_CONNECTIONS))
    settings = computed_settings(memory, int(connections) if connections.isdigit() else DEFAULT_MAX_CONNECTIONS)
    origin = {name: f"computed from {memory / GB:.1f} GB" for name in settings}
    origin["max_connections"] = "PostgreSQL's default"
    for name, value in overrides.items():
        settings[name] = value
        origin[name] = dict(SETTINGS)[name]
    return settings, origin


def write_settings(pgdata: Path, settings: dict[str, str]) -> None:
    """Write ``archive.conf`` (atomically, another process may be starting the same server) and include it from
    ``postgresql.conf`` once."""
    lines = ["# Written by archive/embedded_pg/settings.py at each start: edit the environment, not this file."]
    lines += [f"{name} = '{value}'" for name, value in settings.items()]
    target = pgdata / CONF_NAME
    temporary = pgdata / f".{CONF_NAME}.{os.getpid()}"
    temporary.write_text("\n".join(lines) + "\n")
    os.replace(temporary, target)
    main = pgdata / "postgresql.conf"
    text = main.read_text()
    if INCLUDE_LINE not in text:
        main.write_text(text.rstrip("\n") + f"\n\n# The archive's memory settings (archive/embedded_pg/settings.py)\n"
                                            f"{INCLUDE_LINE}\n")
