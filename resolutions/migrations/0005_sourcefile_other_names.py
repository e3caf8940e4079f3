import django.contrib.postgres.fields
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('resolutions', '0004_annexes_unplaced_text_subject'),
    ]

    operations = [
        migrations.AddField(
            model_name='sourcefile',
            name='other_names',
            field=django.contrib.postgres.fields.ArrayField(base_field=models.CharField(max_length=255), blank=True, default=list, help_text='Other names the same bytes arrived under (two files, two members of a zip).', size=None),
        ),
    ]
