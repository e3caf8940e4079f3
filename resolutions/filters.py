"""Search filters (facets) read from the URL with django-filter; they combine with each other and the query."""
import re

import django_filters
from django import forms
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from django.db.models import Exists, OuterRef, Q

from addressees.actions import ACTIONS
from addressees.models import Addressee
from resolutions.lineage.sponsors import sponsored_documents
from resolutions.models import Document, LanguageVersion, MemberState, Paragraph
from resolutions.un import languages

# Bounds keep out-of-range numbers (year 0, a session past any integer column) a form error, not a database error.
YEAR = {"min_value": 1, "max_value": 9999}
SESSION = {"min_value": 1, "max_value": 10_000}
ID = {"min_value": 1, "max_value": 2**62}
ADOPTION_TYPES = [("recorded vote", "Recorded vote"), ("without a vote", "Without a vote"),
                  ("consensus", "By consensus"), ("unanimous", "Unanimously")]
VOTES = ("yes", "no", "abstain", "non-voting")
LANGUAGES = [(language.code, language.name) for language in languages.OFFICIAL + languages.OTHER]


def in_language(qs, language: str, document: str = ""):
    """Documents (``document`` = "") or the rows of documents (``document`` = "document__") that the archive has in
    ``language``: their main text, or a version (resolutions.languages).  An EXISTS, not a join: one row each."""
    versions = LanguageVersion.objects.filter(document=OuterRef(f"{document}pk"), language=language)
    return qs.filter(Q(**{f"{document}language": language}) | Exists(versions))


def filter_language(qs, name, value):
    """Documents in a language; paragraphs in it: the main text's (English, or the language of a document the
    archive has in no other) or, for the search in a version's language, that version's rows (``VersionParagraph``,
    which ``resolutions.search.inputs`` hands in)."""
    if not value:
        return qs
    if qs.model is Document:
        return in_language(qs, value)
    if qs.model is Paragraph:
        return qs.filter(document__language=value)
    return qs.filter(version__language=value)


def filter_sponsor(qs, name, value):
    """Documents (or their paragraphs) a member state sponsored, by its slug: those naming it and the resolutions
    adopted from a draft naming it (``lineage.sponsors.sponsored_documents``, the state page's own definition).

    The slug is read first (one indexed look-up), so the planner prices the filter from the sponsorship statistics
    of that state id. A semi-join gives one row per document, so no DISTINCT is needed; the documents are marked as
    filtered through link tables (``through_link_tables``), for which ``search/linked.py`` chooses whether the word
    or the filter's documents are read first."""
    state_id = MemberState.objects.filter(slug=value).values_list("pk", flat=True).first()
    # An unknown slug finds nothing through an id no row has (ids start at 1): the search compiles the queryset's
    # SQL itself, which qs.none() cannot give.
    ids = sponsored_documents(state_id or 0)
    if qs.model is Document:
        return mark_through_link_tables(qs.filter(pk__in=ids))
    # Paragraphs: through the documents table, which the planner estimates well from the ids (within 1.4x of the
    # true count on 950,000 paragraphs, so totals under exact_count_limit are still counted). Straight on the UNION
    # it misjudged the rows 7x and, for the newest 300, tested every paragraph against every one of the state's
    # documents (8.7 s); as two EXISTS its guess of 75% of any word's paragraphs gave rare states 0.7 s.
    return qs.filter(document_id__in=Document.objects.filter(pk__in=ids).values("pk"))


# The mark rides on the queryset's Query, which every later filter() copies (Query.clone copies its __dict__).
_THROUGH_LINK_TABLES = "archive_through_link_tables"


def mark_through_link_tables(queryset):
    setattr(queryset.query, _THROUGH_LINK_TABLES, True)
    return queryset


def through_link_tables(documents) -> bool:
    """Whether a Document queryset is filtered through link tables: a join made DISTINCT (agenda item, vote, adoption
    type) or a semi-join marked so (sponsor). A word with such a filter is planned by ``search/linked.py``."""
    return bool(documents.query.distinct or getattr(documents.query, _THROUGH_LINK_TABLES, False))


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
    sponsor = django_filters.CharFilter(method=filter_sponsor, label="Member state slug")
    type = django_filters.CharFilter(field_name="document_type")
    date_from = django_filters.DateFilter(field_name="date", lookup_expr="gte")
    date_to = django_filters.DateFilter(field_name="date", lookup_expr="lte")
    adoption = django_filters.ChoiceFilter(field_name="vote_records__adoption_type", choices=ADOPTION_TYPES,
                                           distinct=True)
    vote = StateVoteFilter()
    language = django_filters.ChoiceFilter(choices=LANGUAGES, method=filter_language,
                                           label="Language (ISO 639-1): the main text or a language version")

    class Meta:
        model = Document
        fields = []


def _addressed_to(queryset, name, value):
    """Paragraphs addressed to ``value`` ('Secretary-General', 'state:Israel'): a semi-join, no DISTINCT.  A
    language version's paragraphs (resolutions.languages) are addressed as the main text's paragraph at their anchor
    (``#op3`` is operative 3 in every language; addressees are read from the main text)."""
    if queryset.model is not Paragraph:
        return queryset.filter(Exists(Addressee.objects.filter(
            paragraph__document=OuterRef("document"), paragraph__anchor=OuterRef("anchor"), label=value)))
    return queryset.filter(Exists(Addressee.objects.filter(paragraph=OuterRef("pk"), label=value)))


def _acting(queryset, name, value):
    """Paragraphs doing ``value`` ('requests'); a language version's as the main text's paragraph at its anchor."""
    if queryset.model is not Paragraph:
        return queryset.filter(Exists(Paragraph.objects.filter(
            document=OuterRef("document"), anchor=OuterRef("anchor"), addressing__action=value)))
    return queryset.filter(addressing__action=value)


class ParagraphFilter(django_filters.FilterSet):
    """Paragraph-level facets, plus every document facet applied through the paragraph's document."""

    kind = django_filters.ChoiceFilter(field_name="kind", choices=Paragraph.Kind.choices)
    lead = django_filters.CharFilter(field_name="lead")
    # Who the paragraph asks to act and what it does (addressees/): 'addressee=Secretary-General', 'action=requests'.
    action = django_filters.ChoiceFilter(method=_acting, choices=[(a, a) for a in ACTIONS])
    addressee = django_filters.CharFilter(method=_addressed_to, max_length=200)
    body = django_filters.CharFilter(field_name="document__body")
    session = django_filters.NumberFilter(field_name="document__session", **SESSION)
    year = django_filters.NumberFilter(field_name="document__date__year", **YEAR)
    committee = django_filters.CharFilter(field_name="document__committee")
    agenda = django_filters.NumberFilter(field_name="document__agenda_items__pk", distinct=True, **ID)
    sponsor = django_filters.CharFilter(method=filter_sponsor, label="Member state slug")
    type = django_filters.CharFilter(field_name="document__document_type")
    date_from = django_filters.DateFilter(field_name="document__date", lookup_expr="gte")
    date_to = django_filters.DateFilter(field_name="document__date", lookup_expr="lte")
    adoption = django_filters.ChoiceFilter(field_name="document__vote_records__adoption_type",
                                           choices=ADOPTION_TYPES, distinct=True)
    vote = StateVoteFilter(prefix="document__")
    language = django_filters.ChoiceFilter(choices=LANGUAGES, method=filter_language,
                                           label="Language (ISO 639-1): paragraphs of the text in that language")

    class Meta:
        model = Paragraph
        fields = []
