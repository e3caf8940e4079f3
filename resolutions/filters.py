"""Search filters (facets) read from the URL with django-filter; they combine with each other and the query."""
import re

import django_filters
from django.db.models import Exists, OuterRef
from django import forms
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from addressees.actions import ACTIONS
from addressees.models import Addressee
from resolutions.models import Document, Paragraph

# Bounds keep out-of-range numbers (year 0, a session past any integer column) a form error, not a database error.
YEAR = {"min_value": 1, "max_value": 9999}
SESSION = {"min_value": 1, "max_value": 10_000}
ID = {"min_value": 1, "max_value": 2**62}
ADOPTION_TYPES = [("recorded vote", "Recorded vote"), ("without a vote", "Without a vote"),
                  ("consensus", "By consensus"), ("unanimous", "Unanimously")]
VOTES = ("yes", "no", "abstain", "non-voting")


class StateVoteField(forms.CharField):
    """'<state slug>:<yes|no|abstain|non-voting>', e.g. 'france:no' (resolutions France voted against)."""

    def clean(self, value):
        value = super().clean(value)
        if value in (None, ""):
            return None
        match = re.fullmatch(r"([a-z0-9-]{1,140}):(yes|no|abstain|non-voting)", value)
        if not match:
            raise forms.ValidationError("A vote filter reads state:vote, e.g. france:no (yes, no, abstain, "
                                        "non-voting).")
        return match.groups()


@extend_schema_field(OpenApiTypes.STR)   # no model field behind it: the schema says it is a string
class StateVoteFilter(django_filters.Filter):
    field_class = StateVoteField

    def __init__(self, *args, prefix: str = "", **kwargs):
        self.prefix = prefix      # "document__" on paragraphs
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        slug, vote = value
        return qs.filter(**{f"{self.prefix}vote_records__state_votes__state__slug": slug,
                            f"{self.prefix}vote_records__state_votes__vote": vote}).distinct()


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
    adoption = django_filters.ChoiceFilter(field_name="vote_records__adoption_type", choices=ADOPTION_TYPES,
                                           distinct=True)
    vote = StateVoteFilter()

    class Meta:
        model = Document
        fields = []


def _addressed_to(queryset, name, value):
    """Paragraphs addressed to ``value`` ('Secretary-General', 'state:Israel'): a semi-join, no DISTINCT."""
    return queryset.filter(Exists(Addressee.objects.filter(paragraph=OuterRef("pk"), label=value)))


class ParagraphFilter(django_filters.FilterSet):
    """Paragraph-level facets, plus every document facet applied through the paragraph's document."""

    kind = django_filters.ChoiceFilter(field_name="kind", choices=Paragraph.Kind.choices)
    lead = django_filters.CharFilter(field_name="lead")
    # Who the paragraph asks to act and what it does (addressees/): 'addressee=Secretary-General', 'action=requests'.
    action = django_filters.ChoiceFilter(field_name="addressing__action", choices=[(a, a) for a in ACTIONS])
    addressee = django_filters.CharFilter(method=_addressed_to, max_length=200)
    body = django_filters.CharFilter(field_name="document__body")
    session = django_filters.NumberFilter(field_name="document__session", **SESSION)
    year = django_filters.NumberFilter(field_name="document__date__year", **YEAR)
    committee = django_filters.CharFilter(field_name="document__committee")
    agenda = django_filters.NumberFilter(field_name="document__agenda_items__pk", distinct=True, **ID)
    sponsor = django_filters.CharFilter(field_name="document__sponsorships__state__slug", distinct=True)
    type = django_filters.CharFilter(field_name="document__document_type")
    date_from = django_filters.DateFilter(field_name="document__date", lookup_expr="gte")
    date_to = django_filters.DateFilter(field_name="document__date", lookup_expr="lte")
    adoption = django_filters.ChoiceFilter(field_name="document__vote_records__adoption_type",
                                           choices=ADOPTION_TYPES, distinct=True)
    vote = StateVoteFilter(prefix="document__")

    class Meta:
        model = Paragraph
        fields = []
