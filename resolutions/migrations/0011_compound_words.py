"""Compound words written both ways before they become words (resolutions/search_config.py): 'South-East' is
found by 'southeast' and 'non-proliferation' by 'nonproliferation'. The paragraphs' generated vector column cannot be
altered in place (PostgreSQL has no ALTER for a generated expression), so it is dropped and added again, which
computes it for every paragraph; the documents' vectors are rewritten by the indexing service's own statement."""
import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations, models


def rebuild_document_vectors(apps, schema_editor):
    from resolutions.services.indexing import reindex_all_documents

    with schema_editor.connection.cursor() as cursor:
        reindex_all_documents(cursor)


class Migration(migrations.Migration):

    dependencies = [
        ('resolutions', '0010_document_draft_symbol'),
    ]

    operations = [
        migrations.RemoveIndex(model_name='paragraph', name='paragraph_search_gin'),
        migrations.RemoveField(model_name='paragraph', name='search_vector'),
        migrations.AddField(
            model_name='paragraph',
            name='search_vector',
            field=models.GeneratedField(db_persist=True, expression=models.Case(models.When(kind='operative', then=django.contrib.postgres.search.SearchVector(models.Func(models.Func(models.F('lead'), models.Value('(?<![A-Za-z0-9_-])([A-Za-z]+)-([A-Za-z]+)-([A-Za-z]+)(?![A-Za-z0-9_-])'), models.Value('\\1-\\2-\\3-\\1\\2\\3'), models.Value('g'), function='regexp_replace', output_field=models.TextField()), models.Value('(?<![A-Za-z0-9_-])([A-Za-z]+)-([A-Za-z]+)(?![A-Za-z0-9_-])'), models.Value('\\1-\\2-\\1\\2'), models.Value('g'), function='regexp_replace', output_field=models.TextField()), models.Func(models.Func(models.F('text'), models.Value('(?<![A-Za-z0-9_-])([A-Za-z]+)-([A-Za-z]+)-([A-Za-z]+)(?![A-Za-z0-9_-])'), models.Value('\\1-\\2-\\3-\\1\\2\\3'), models.Value('g'), function='regexp_replace', output_field=models.TextField()), models.Value('(?<![A-Za-z0-9_-])([A-Za-z]+)-([A-Za-z]+)(?![A-Za-z0-9_-])'), models.Value('\\1-\\2-\\1\\2'), models.Value('g'), function='regexp_replace', output_field=models.TextField()), config='english', weight='B')), default=django.contrib.postgres.search.SearchVector(models.Func(models.Func(models.F('lead'), models.Value('(?<![A-Za-z0-9_-])([A-Za-z]+)-([A-Za-z]+)-([A-Za-z]+)(?![A-Za-z0-9_-])'), models.Value('\\1-\\2-\\3-\\1\\2\\3'), models.Value('g'), function='regexp_replace', output_field=models.TextField()), models.Value('(?<![A-Za-z0-9_-])([A-Za-z]+)-([A-Za-z]+)(?![A-Za-z0-9_-])'), models.Value('\\1-\\2-\\1\\2'), models.Value('g'), function='regexp_replace', output_field=models.TextField()), models.Func(models.Func(models.F('text'), models.Value('(?<![A-Za-z0-9_-])([A-Za-z]+)-([A-Za-z]+)-([A-Za-z]+)(?![A-Za-z0-9_-])'), models.Value('\\1-\\2-\\3-\\1\\2\\3'), models.Value('g'), function='regexp_replace', output_field=models.TextField()), models.Value('(?<![A-Za-z0-9_-])([A-Za-z]+)-([A-Za-z]+)(?![A-Za-z0-9_-])'), models.Value('\\1-\\2-\\1\\2'), models.Value('g'), function='regexp_replace', output_field=models.TextField()), config='english', weight='C'), output_field=django.contrib.postgres.search.SearchVectorField()), output_field=django.contrib.postgres.search.SearchVectorField()),
        ),
        migrations.AddIndex(
            model_name='paragraph',
            index=django.contrib.postgres.indexes.GinIndex(fields=['search_vector'], name='paragraph_search_gin'),
        ),
        migrations.RunPython(rebuild_document_vectors, migrations.RunPython.noop),
    ]
