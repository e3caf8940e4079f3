"""What the admin pages of documents and of their language versions share."""
from django import forms


class ParagraphTextBox:
    """An inline of paragraphs whose text is edited in a box of three rows: the default of ten rows a paragraph
    makes a resolution's page of forms many screens long.  Mixed in before the inline class."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "text":
            kwargs["widget"] = forms.Textarea(attrs={"rows": 3, "cols": 100})
        return super().formfield_for_dbfield(db_field, request, **kwargs)
