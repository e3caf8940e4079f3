"""Search filters (facets) read from the URL with django-filter; they combine with each other and the query."""
import django_filters

from resolutions.models import Document, Paragraph

# Bounds keep out-of-range numbers (year 0, a session past any integer column) a form error, not a database error.
YEAR = {"min_value": 1, "max_value": 9999}
SESSION = {"min_value": 1, "max_value": 10_000}
ID = {"min_value": 1, "max_value": 2**62}


class DocumentFilter(django_filters.FilterSet):
    body = django_filters.CharFilter(field_name="body")
    session = django_filters.NumberFilter(field_name="session", **SESSION)
    year = django_filters.NumberFilter(field_name="date__year", **YEAR)
    committee = django_filters.CharFilter(field_name="committee")
    agenda = django_filters.NumberFilter(field_name="agenda_items__pk", distinct=True, **ID)
    sponsor = django_filters.CharFilter(field_name="sponsorships__state__slug", distinct=True)
    type = django_filters.CharFilter(field_name="document_type")
    date_from = django_filters.DateFilter(field_name="date", lookup_expr="gte")
    date_to = django_filters.DateFilter(field_name="date", lookup_expr="lte")

    class Meta:
        model = Document
        fields = []


class ParagraphFilter(django_filters.FilterSet):
    """Paragraph-level facets, plus every document facet applied through the paragraph's document."""

    kind = django_filters.ChoiceFilter(field_name="kind", choices=Paragraph.Kind.choices)
    lead = django_filters.CharFilter(field_name="lead")
    body = django_filters.CharFilter(field_name="document__body")
    session = django_filters.NumberFilter(field_name="document__session", **SESSION)
    year = django_filters.NumberFilter(field_name="document__date__year", **YEAR)
    committee = django_filters.CharFilter(field_name="document__committee")
    agenda = django_filters.NumberFilter(field_name="document__agenda_items__pk", distinct=True, **ID)
    sponsor = django_filters.CharFilter(field_name="document__sponsorships__state__slug", distinct=True)
    type = django_filters.CharFilter(field_name="document__document_type")
    date_from = django_filters.DateFilter(field_name="document__date", lookup_expr="gte")
    date_to = django_filters.DateFilter(field_name="document__date", lookup_expr="lte")

    class Meta:
        model = Paragraph
        fields = []
