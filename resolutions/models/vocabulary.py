from django.db import models


class SearchTerm(models.Model):
    """A word of the archive's text (not a stem) with its frequency, for 'did you mean' suggestions."""

    word = models.CharField(max_length=80, unique=True)
    frequency = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-frequency"]

    def __str__(self):
        return self.word
