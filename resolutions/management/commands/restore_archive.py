"""python manage.py restore_archive FILE --database NAME: restore a pg_dump backup into an empty database."""
from pathlib import Path

import psycopg
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from resolutions.services.backup import restore


class Command(BaseCommand):
    help = ("Restore a backup made by backup_archive into a new, empty database NAME on the same server; "
            "point DATABASE_URL (or the settings) at it afterwards.")

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--database", required=True, help="Name of the database to create and restore into.")

    def handle(self, *args, **options):
        name = options["database"]
        if name == connection.settings_dict["NAME"]:
            raise CommandError("Restore into a new database, not the one in use.")
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if cursor.fetchone():
                raise CommandError(f"Database {name} exists; restore into a new one.")
            cursor.execute(psycopg.sql.SQL("CREATE DATABASE {}").format(psycopg.sql.Identifier(name)).as_string(cursor.connection))
        restore(options["file"], name)
        self.stdout.write(f"Restored {options['file']} into database {name}.")
