"""Insert many new model rows with PostgreSQL's COPY (psycopg's ``cursor.copy``), their primary keys drawn first.

``bulk_create`` spent most of the store's own time (not the database's) compiling one INSERT with a parameter per
column and row, and preparing each value through its field; COPY takes the rows as they are.  The keys are drawn
from the table's sequence in one statement (ascending, as ``bulk_create`` would return them), so that rows pointing
at these (sub-paragraphs at their paragraph, citations at their paragraph) can be written in the same COPY or the
next.  Only for models whose fields need no preparation beyond what psycopg does: no ``auto_now`` dates, no
generated value but stored generated columns (left out, PostgreSQL computes them), no ``pre_save`` hooks.
"""
from __future__ import annotations

from collections.abc import Sequence

from django.db import connection, models


def _columns(model: type[models.Model]) -> list[models.Field]:
    fields = []
    for field in model._meta.concrete_fields:
        if getattr(field, "generated", False):
            continue
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            raise ValueError(f"{model.__name__}.{field.name} is set on save: copy_rows would leave it empty")
        fields.append(field)
    return fields


def draw_keys(model: type[models.Model], rows: Sequence[models.Model]) -> None:
    """Give each row without a primary key the next keys of its table's sequence, in order."""
    missing = [row for row in rows if row.pk is None]
    if not missing:
        return
    table, column = model._meta.db_table, model._meta.pk.column
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, %s)) AS key FROM generate_series(1, %s) "
                       "ORDER BY key", [table, column, len(missing)])
        for row, (key,) in zip(missing, cursor.fetchall()):
            row.pk = key


def copy_rows(model: type[models.Model], rows: Sequence[models.Model], *, keys: bool = True) -> None:
    """Insert ``rows`` (new instances of ``model``, keys drawn by ``draw_keys`` or drawn here) with one COPY.

    ``keys=False``: rows without a key get theirs from the column's default in the COPY, one statement fewer,
    and keep ``pk`` None (for rows nothing points at and the caller drops: the ingestion's citations)."""
    if not rows:
        return
    fields = _columns(model)
    if keys or any(row.pk is not None for row in rows):
        draw_keys(model, rows)
    else:
        fields = [field for field in fields if not field.primary_key]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    attnames = [field.attname for field in fields]
    # A choice (TextChoices) is a str and an Enum: psycopg would write its name, Django writes its value.
    texts = [isinstance(field, (models.CharField, models.TextField)) for field in fields]
    with connection.cursor() as cursor:
        with cursor.cursor.copy(f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row([str(value) if text and value is not None and type(value) is not str else value
                                for value, text in zip((getattr(row, name) for name in attnames), texts)])
    for row in rows:
        row._state.adding = row.pk is None
        row._state.db = connection.alias
