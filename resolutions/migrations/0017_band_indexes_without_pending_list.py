"""The band GIN indexes without a pending list (``fastupdate = off``), altered in place (no rebuild).

Band hashes are nearly unique keys: GIN's pending list batches nothing for them when it is merged, and every ``&&``
look-up (same text, series and draft candidates, agreed language) reads the whole list, once per band set asked.
"""
from django.contrib.postgres.indexes import GinIndex
from django.db import migrations

INDEXES = (("document", "text_bands", "document_text_bands_gin"), ("paragraph", "lsh_bands", "paragraph_lsh_gin"))


def _state_operations():
    operations = []
    for model, field, name in INDEXES:
        operations += [migrations.RemoveIndex(model_name=model, name=name),
                       migrations.AddIndex(model_name=model, index=GinIndex(fields=[field], name=name,
                                                                            fastupdate=False))]
    return operations


class Migration(migrations.Migration):

    dependencies = [
        ("resolutions", "0016_draft_sponsor_index"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunSQL(
                    # The entries already pending are merged into the index, which then takes new ones directly.
                    [f"ALTER INDEX {name} SET (fastupdate = off)" for _, _, name in INDEXES]
                    + [f"SELECT gin_clean_pending_list('{name}'::regclass)" for _, _, name in INDEXES],
                    reverse_sql=[f"ALTER INDEX {name} RESET (fastupdate)" for _, _, name in INDEXES],
                ),
            ],
            state_operations=_state_operations(),
        ),
    ]
