"""A Django database backend: PostgreSQL on the embedded server, started when the first connection is made.

The settings name this backend when DATABASE_URL is unset, so that a command that never touches the database
(``manage.py parse``, ``check``) starts no server and makes no data folder.
"""
