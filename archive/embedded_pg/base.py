"""The PostgreSQL backend, with the embedded server (archive/embedded_db.py) started on the first connection."""
from __future__ import annotations

from django.db.backends.postgresql import base

# What the running server decides: where its socket is and who connects.
SERVER_KEYS = ("USER", "PASSWORD", "HOST", "PORT")


class DatabaseWrapper(base.DatabaseWrapper):
    def get_connection_params(self):
        from archive.embedded_db import embedded_database_settings

        server = embedded_database_settings()
        # Kept on the settings, so that code reading them afterwards (pg_dump, worker processes) finds the server.
        self.settings_dict.update({key: server[key] for key in SERVER_KEYS})
        return super().get_connection_params()
