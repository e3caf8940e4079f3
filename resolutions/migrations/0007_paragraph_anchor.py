"""Paragraph.anchor: the permalink anchor stored on each paragraph, filled for the paragraphs already stored by the
same rule ingestion applies (resolutions.un.anchors)."""

from django.db import migrations, models

from resolutions.un.anchors import anchors_by_id

BATCH = 5000


def fill_anchors(apps, schema_editor):
    Paragraph = apps.get_model("resolutions", "Paragraph")
    rows = (Paragraph.objects.order_by("document_id", "order")
            .values_list("id", "document_id", "parent_id", "kind", "number", "label", "heading", "annex__order"))
    pending: list = []

    def flush_document(document_rows):
        anchors = anchors_by_id([(row[0], *row[2:]) for row in document_rows])
        pending.extend(Paragraph(id=pk, anchor=anchor) for pk, anchor in anchors.items())
        if len(pending) >= BATCH:
            Paragraph.objects.bulk_update(pending, ["anchor"], batch_size=BATCH)
            pending.clear()

    document_rows, current = [], None
    for row in rows.iterator(chunk_size=BATCH):
        if row[1] != current and document_rows:
            flush_document(document_rows)
            document_rows = []
        current = row[1]
        document_rows.append(row)
    if document_rows:
        flush_document(document_rows)
    if pending:
        Paragraph.objects.bulk_update(pending, ["anchor"], batch_size=BATCH)


class Migration(migrations.Migration):

    dependencies = [
        ("resolutions", "0006_document_slug"),
    ]

    operations = [
        migrations.AddField(
            model_name="paragraph",
            name="anchor",
            field=models.CharField(blank=True, help_text="Permalink anchor on the document page: 'pp3', 'op4', 'op4-a', 's2-op1', 'annex-1-p3'.", max_length=60),
        ),
        migrations.RunPython(fill_anchors, migrations.RunPython.noop),
    ]
