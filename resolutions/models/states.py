from django.contrib.postgres.fields import ArrayField
from django.db import models


class MemberState(models.Model):
    """A member state, observer state or historical state, under today's official UN short name."""

    class Kind(models.TextChoices):
        MEMBER = "member", "Member State"
        OBSERVER = "observer", "Observer State"
        HISTORICAL = "historical", "Historical (no longer exists)"

    name = models.CharField(max_length=120, unique=True, help_text="Official UN short name, e.g. 'Türkiye'.")
    iso3 = models.CharField(max_length=3, unique=True, null=True, blank=True, help_text="ISO 3166-1 alpha-3.")
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.MEMBER)
    aliases = ArrayField(models.CharField(max_length=160), default=list, blank=True,
                         help_text="Other names seen in documents, historical names included.")
    slug = models.SlugField(max_length=140, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name
