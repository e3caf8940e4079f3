"""The non-breaking hyphen (U+2011) the UN's XML prints in "non‑proliferation" is read as a hyphen before a text
becomes words (resolutions/search_config.py), so those compounds are found in either spelling too. As in 0011: the
paragraphs' generated vector column is dropped and added again, and every document's vector is rewritten."""
import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations, models


def rebuild_document_vectors(apps, schema_editor):
    from resolutions.services.indexing import reindex_all_documents

    with schema_editor.connection.cursor() as cursor:
        reindex_all_documents(cursor)


class Migration(migrations.Migration):

    dependencies = [
        ('resolutions', '0012_version_paragraph_lsh_bands'),
    ]

    operations = [
        migrations.RemoveIndex(model_name='paragraph', name='paragraph_search_gin'),
        migrations.RemoveField(model_name='paragraph', name='search_vector'),
        migrations.AddField(
            model_name='paragraph',
            name='search_vector',
            field=models.GeneratedField(db_persist=True, expression=models.Case(models.When(kind='operative', then=django.contrib.postgres.search.SearchVector(models.Func(models.Func(models.Func(models.F('lead'), models.Value('‑'), models.Value('-'), function='replace', output_field=models.TextField()), models.Value('(?<![A-Za-z0-9_-])([A-Za-z]+)-([A-Za-z]+)-([A-Za-z]+)(?![A-Za-z0-9_-])'), models.Value('\\1-\\2-\\3-\\1\\2\\3'), models.Value('g'), function='regexp_replace', output_field=models.TextField()), models.Value('(?<![A-Za-z0-9_-])([A-Za-z]+)-([A-Za-z]+)(?![A-Za-z0-9_-])'), models.Value('\\1-\\2-\\1\\2'), models.Value('g'), function='regexp_replace', output_field=models.TextField()), models.Func(models.Func(models.Func(models.F('text'), models.Value('‑'), models.Value('-'), function='replace', output_field=models.TextField()), models.Value('(?<![A-Za-z0-9_-])([A-Za-z]+)-([A-Za-z]+)-([A-Za-z]+)(?![A-Za-z0-9_-])'), models.Value('\\1-\\2-\\3-\\1\\2\\3'), models.Value('g'), function='regexp_replace', output_field=models.TextField()), models.Value('(?<![A-Za-z0-9_-])([A-Za-z]+)-([A-Za-z]+)(?![A-Za-z0-9_-])'), models.Value('\\1-\\2-\\1\\2'), models.Value('g'), function='regexp_replace', output_field=models.TextField()), config='english', weight='B')), default=django.contrib.postgres.search.SearchVector(models.Func(models.Func(models.Func(models.F('lead'), models.Value('‑'), models.Value('-'), function='replace', output_field=models.TextField()), models.Value('(?<![A-Za-z0-9_-])([A-Za-z]+)-([A-Za-z]+)-([A-Za-z]+)(?![A-Za-z0-9_-])'), models.Value('\\1-\\2-\\3-\\1\\2\\3'), models.Value('g'), function='regexp_replace', output_field=models.TextField()), models.Value('(?<![A-Za-z0-9_-])([A-Za-z]+)-([A-Za-z]+)(?![A-Za-z0-9_-])'), models.Value('\\1-\\2-\\1\\2'), models.Value('g'), function='regexp_replace', output_field=models.TextField()), models.Func(models.Func(models.Func(models.F('text'), models.Value('‑'), models.Value('-'), function='replace', output_field=models.TextField()), models.Value('(?<![A-Za-z0-9_-])([A-Za-z]+)-([A-Za-z]+)-([A-Za-z]+)(?![A-Za-z0-9_-])'), models.Value('\\1-\\2-\\3-\\1\\2\\3'), models.Value('g'), function='regexp_replace', output_field=models.TextField()), models.Value('(?<![A-Za-z0-9_-])([A-Za-z]+)-([A-Za-z]+)(?![A-Za-z0-9_-])'), models.Value('\\1-\\2-\\1\\2'), models.Value('g'), function='regexp_replace', output_field=models.TextField()), config='english', weight='C'), output_field=django.contrib.postgres.search.SearchVectorField()), output_field=django.contrib.postgres.search.SearchVectorField()),
        ),
        migrations.AddIndex(
            model_name='paragraph',
            index=django.contrib.postgres.indexes.GinIndex(fields=['search_vector'], name='paragraph_search_gin'),
        ),
        migrations.RunPython(rebuild_document_vectors, migrations.RunPython.noop),
    ]
