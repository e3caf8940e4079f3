from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.db.models import Case, When
from django.urls import reverse

from resolutions.addresses import symbol_path
from resolutions.search_config import SEARCH_CONFIG, compounds_expression
from resolutions.un import anchors


class AgendaItem(models.Model):
    """An item of a body's agenda at one session ('98. Crime prevention and criminal justice')."""

    body = models.CharField(max_length=80)
    session = models.IntegerField(null=True, blank=True)
    number = models.CharField(max_length=20)
    title = models.TextField(blank=True)

    class Meta:
        ordering = ["body", "session", "number"]
        constraints = [
            models.UniqueConstraint(fields=["body", "session", "number"], name="agendaitem_unique_per_session",
                                    nulls_distinct=False),
        ]

    def __str__(self):
        session = f" ({self.session})" if self.session else ""
        return f"{self.body}{session} item {self.number}: {self.title}".strip()


class Document(models.Model):
    """A resolution or draft resolution, whatever the number of source files it came from."""

    symbol = models.CharField(max_length=80, null=True, blank=True, unique=True,
                              help_text="As printed, e.g. 'A/C.3/61/L.7/Rev.1'.")
    symbol_key = models.CharField(max_length=80, null=True, blank=True, unique=True, editable=False,
                                  help_text="Symbol upper-cased without spaces, for lookups.")
    slug = models.SlugField(max_length=120, null=True, blank=True, unique=True, editable=False,
                            help_text="The address of a document without a symbol: /documents/<slug>/ (see "
                                      "resolutions.addresses).")
    # The draft this resolution was adopted from, as the UN's markup names it (AKN workflow 'draftResolution'):
    # the lineage service links the two when both are in the archive, whichever arrives first.
    draft_symbol = models.CharField(max_length=80, blank=True, default="",
                                    help_text="The draft it was adopted from, as the source names it.")
    draft_symbol_key = models.CharField(max_length=80, blank=True, default="", db_index=True, editable=False)
    body = models.CharField(max_length=80, blank=True, db_index=True)
    session = models.IntegerField(null=True, blank=True, db_index=True)
    committee = models.CharField(max_length=80, blank=True, db_index=True)
    date = models.DateField(null=True, blank=True, db_index=True)
    distribution = models.CharField(max_length=40, blank=True)
    original_language = models.CharField(max_length=40, blank=True)
    language = models.CharField(max_length=2, blank=True, db_index=True,
                                help_text="ISO 639-1 of the main text (English when the archive has it); the other "
                                          "languages are its language_versions.")
    document_type = models.CharField(max_length=120, blank=True, db_index=True,
                                     help_text="'draft resolution', 'revised draft resolution', 'resolution'...")
    title = models.TextField(blank=True)
    subject = models.CharField(max_length=300, blank=True,
                               help_text="Where no title is printed: the question the text names, or its opening "
                                         "words (resolutions.parser.subject).")
    preamble_subject = models.CharField(max_length=120, blank=True, help_text="'The General Assembly'")
    agenda_items = models.ManyToManyField(AgendaItem, through="DocumentAgendaItem", related_name="documents",
                                          blank=True)
    series = models.ForeignKey("Series", null=True, blank=True, on_delete=models.SET_NULL, related_name="documents")
    parse_warnings = models.JSONField(default=list, blank=True)
    # Text of the source the parser could not place as a paragraph, heading, annex or footnote, word for word in
    # reading order: shown on the page under its own heading, searched (document vector, weight D) and exported,
    # so nothing uploaded is dropped silently while staff decide where it belongs.
    unplaced = models.JSONField(default=list, blank=True,
                                help_text="Text the parser could not place, one block per entry, in reading order.")
    edited = models.BooleanField(default=False, help_text="Staff corrected this document in the admin; a "
                                 "re-upload keeps those corrections unless staff discard them.")
    # Document-level weighted vector (title/symbol A, operative B, preambular C, footnotes D),
    # written after each ingestion and correction by resolutions/services/indexing.py.
    search_vector = SearchVectorField(null=True, editable=False)
    # LSH band hashes of the whole text (resolutions.lineage.similarity.document_bands): the same text uploaded
    # in another format is found among the few documents sharing a band, whatever the archive's size.
    text_bands = ArrayField(models.BigIntegerField(), default=list, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-date", "symbol"]
        indexes = [GinIndex(fields=["search_vector"], name="document_search_gin"),
                   # No pending list (fastupdate): see Paragraph's band index.
                   GinIndex(fields=["text_bands"], name="document_text_bands_gin", fastupdate=False),
                   # The ids of a window of the newest documents without their rows, joined by hash to a filter's
                   # documents (search/linked.py).
                   models.Index(fields=["date", "id"], name="document_date_id")]

    def __str__(self):
        return self.symbol or self.title[:80] or f"Document {self.pk}"

    @property
    def display_title(self) -> str:
        """The printed title; else the subject the text gives; else the symbol: never '(untitled)'."""
        return self.title or self.subject or self.symbol or f"Document {self.pk}"

    def get_absolute_url(self):
        """The citable address: the symbol, else the slug, else the archive's number (see resolutions.addresses)."""
        if self.symbol_key and self.symbol:
            return symbol_path(self.symbol)
        if self.slug:
            return reverse("resolutions:document_by_slug", args=[self.slug])
        return reverse("resolutions:document_by_number", args=[self.pk])

    @property
    def year(self):
        return self.date.year if self.date else None


class DocumentAgendaItem(models.Model):
    document = models.ForeignKey(Document, on_delete=models.CASCADE)
    agenda_item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order"]
        constraints = [models.UniqueConstraint(fields=["document", "agenda_item"], name="document_agenda_unique")]
        # An item's documents from the index alone (the search's agenda filter: search/linked.py).
        indexes = [models.Index(fields=["agenda_item", "document"], name="agenda_item_document")]


class Sponsorship(models.Model):
    """A state named as sponsor of a document, in the printed order."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="sponsorships")
    state = models.ForeignKey("MemberState", null=True, blank=True, on_delete=models.PROTECT,
                              related_name="sponsorships", help_text="Empty when the printed name is not known.")
    order = models.PositiveIntegerField()
    name_as_printed = models.CharField(max_length=160)

    class Meta:
        ordering = ["document", "order"]
        constraints = [models.UniqueConstraint(fields=["document", "order"], name="sponsorship_order_unique")]
        # A state's sponsored documents from the index alone (the search's sponsor filter: search/linked.py).
        indexes = [models.Index(fields=["state", "document"], name="sponsorship_state_document")]

    def __str__(self):
        return f"{self.name_as_printed} ({self.document})"


class Annex(models.Model):
    """A part of the document after the resolution (or adopted in its text): an annex, appendix or declaration.

    Annexes are often the substance (declarations, programmes of action, sanctions procedures), so their paragraphs
    are ``Paragraph`` rows like the resolution's own (``Paragraph.annex`` set): searched, compared, and found as
    agreed language the same way.
    """

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="annexes")
    order = models.PositiveIntegerField(help_text="1 for the first annex of the document.")
    label = models.CharField(max_length=120, help_text="As printed: 'Annex', 'Annex I', 'Appendix', 'Declaration'.")
    title = models.TextField(blank=True)

    class Meta:
        ordering = ["document", "order"]
        constraints = [models.UniqueConstraint(fields=["document", "order"], name="annex_order_unique")]

    def __str__(self):
        return f"{self.document} {self.label}"

    @property
    def anchor(self) -> str:
        return anchors.annex(self.order)


class Paragraph(models.Model):
    """A preambular or operative paragraph, or a lettered sub-paragraph of one (``parent`` set).

    Paragraphs of an annex have ``annex`` set; there, unnumbered prose has kind ``text``.
    """

    class Kind(models.TextChoices):
        PREAMBULAR = "preambular", "Preambular"
        OPERATIVE = "operative", "Operative"
        TEXT = "text", "Text"

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="paragraphs")
    annex = models.ForeignKey(Annex, null=True, blank=True, on_delete=models.CASCADE, related_name="paragraphs",
                              help_text="Set for a paragraph of an annex.")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="subparagraphs")
    order = models.PositiveIntegerField(help_text="Position in the document, sub-paragraphs included.")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    number = models.CharField(max_length=10, blank=True, help_text="Operative number ('4').")
    label = models.CharField(max_length=10, blank=True, help_text="Sub-paragraph label ('a').")
    lead = models.CharField(max_length=80, blank=True, db_index=True, help_text="'Recalling also', 'Urges'.")
    heading = models.CharField(max_length=300, blank=True,
                               help_text="The heading printed above the paragraph: a section of the resolution "
                                         "('II Request for a subvention ...').")
    text = models.TextField()
    # Set when the document is stored, by the rule of resolutions.un.anchors; every link to the paragraph reads it.
    anchor = models.CharField(max_length=60, blank=True,
                              help_text="Permalink anchor on the document page: 'pp3', 'op4', 'op4-a', 's2-op1', "
                                        "'annex-1-p3'.")
    footnote_refs = ArrayField(models.CharField(max_length=10), default=list, blank=True)
    edited = models.BooleanField(default=False)
    # Paragraph-level weighted vector: operative text outranks preambular text.
    # A stored generated column, so it can never go stale; the language
    # configuration is the search module's SEARCH_CONFIG, compounds written both ways (search_config.py).
    search_vector = models.GeneratedField(
        expression=Case(
            When(kind="operative", then=SearchVector(compounds_expression("lead"), compounds_expression("text"),
                                                     config=SEARCH_CONFIG, weight="B")),
            default=SearchVector(compounds_expression("lead"), compounds_expression("text"), config=SEARCH_CONFIG,
                                 weight="C"),
            output_field=SearchVectorField(),
        ),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    # MinHash LSH band hashes of the paragraph's word shingles, for near-duplicate
    # ("agreed language") lookups with the core GIN index and the && operator.
    lsh_bands = ArrayField(models.BigIntegerField(), default=list, blank=True, editable=False)

    class Meta:
        ordering = ["document", "order"]
        constraints = [models.UniqueConstraint(fields=["document", "order"], name="paragraph_order_unique")]
        indexes = [
            GinIndex(fields=["search_vector"], name="paragraph_search_gin"),
            # Without GIN's pending list (fastupdate): band hashes are nearly unique keys, so the list batches
            # nothing when it is merged, and every && look-up reads it whole, once per band set asked (a series
            # look-up of 24 paragraphs took 0.1-0.6 s beside a 4 MB list during a bulk load, 0.01 s without).
            GinIndex(fields=["lsh_bands"], name="paragraph_lsh_gin", fastupdate=False),
        ]

    def __str__(self):
        return f"{self.document} {self.anchor}"


class Footnote(models.Model):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="footnotes")
    annex = models.ForeignKey(Annex, null=True, blank=True, on_delete=models.CASCADE, related_name="footnotes",
                              help_text="Set for a footnote of an annex (annexes number their notes apart).")
    order = models.PositiveIntegerField()
    marker = models.CharField(max_length=10)
    text = models.TextField()
    edited = models.BooleanField(default=False)

    class Meta:
        ordering = ["document", "order"]
        constraints = [models.UniqueConstraint(fields=["document", "order"], name="footnote_order_unique")]

    def __str__(self):
        return f"{self.document} footnote {self.marker}"
