"""The staff side: uploads and their outcomes, documents editable with their paragraphs, every model listed.

Admin code calls services (writes) and selectors (reads); the only models it
writes itself are those of Django's own change forms.
"""
from django.contrib import admin, messages
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.http import content_disposition_header

from resolutions import page_cache
from resolutions.admin_widgets import ParagraphTextBox
from resolutions.forms import UploadForm
from resolutions.models import (
    Annex,
    AgendaItem,
    Citation,
    Document,
    DocumentLink,
    Footnote,
    MemberState,
    Paragraph,
    SearchTerm,
    Series,
    SourceFile,
    Sponsorship,
)
from resolutions.selectors.sources import source_file_download, source_files_for_list
from resolutions.services.documents import (
    delete_documents,
    delete_paragraphs,
    document_changed,
    save_citation_edit,
    save_document_edit,
    save_document_parts,
    save_paragraph_edit,
)
from resolutions.services.ingestion.batch import queue_uploads, requeue
from resolutions.services.ingestion.intake import new_batch_id
from resolutions.services.ingestion.staff_edits import not_applied_notice
from resolutions.services.ingestion.uploads import human_size, uploads_from_files

@admin.register(SourceFile)
class SourceFileAdmin(admin.ModelAdmin):
    change_list_template = "admin/resolutions/sourcefile/change_list.html"
    list_display = ["original_name", "status_badge", "format", "size_display", "uploaded_at", "uploaded_by",
                    "document_link", "warnings_count", "error_summary"]
    list_filter = ["status", "format"]
    search_fields = ["original_name", "sha256", "batch", "document__symbol", "error"]
    date_hierarchy = "uploaded_at"
    exclude = ["content"]
    readonly_fields = ["original_name", "other_names", "status", "format", "media_type", "size_display", "sha256", "uploaded_by",
                       "uploaded_at", "batch", "processed_at", "document_link", "download", "error",
                       "warnings_list"]
    actions = ["rerun_ingestion", "rerun_ingestion_discarding_edits"]

    class Media:
        css = {"all": ["css/admin_sources.css"]}  # status colours: classes, as the CSP forbids inline styles

    def get_queryset(self, request):
        return source_files_for_list()

    def get_urls(self):
        urls = [
            path("upload/", self.admin_site.admin_view(self.upload_view), name="resolutions_sourcefile_upload"),
            path("<int:pk>/download/", self.admin_site.admin_view(self.download_view),
                 name="resolutions_sourcefile_download"),
        ]
        return urls + super().get_urls()

    # Files arrive through the upload page, never through a blank change form.
    def add_view(self, request, form_url="", extra_context=None):
        return redirect("admin:resolutions_sourcefile_upload")

    def has_change_permission(self, request, obj=None):
        # Everything on the change page is read-only; viewing it is enough.
        return False

    @admin.display(description="Status", ordering="status")
    def status_badge(self, obj):
        return format_html('<span class="source-status source-status-{}">{}</span>', obj.status,
                           obj.get_status_display())

    @admin.display(description="Size", ordering="size")
    def size_display(self, obj):
        return human_size(obj.size)

    @admin.display(description="Document", ordering="document__symbol")
    def document_link(self, obj):
        if not obj.document_id:
            return "—"
        return format_html('<a href="{}">{}</a>', reverse("admin:resolutions_document_change",
                                                          args=[obj.document_id]), str(obj.document))

    @admin.display(description="Warnings")
    def warnings_count(self, obj):
        return len(obj.warnings or [])

    @admin.display(description="Error")
    def error_summary(self, obj):
        return obj.error if len(obj.error) <= 140 else obj.error[:140] + "…"

    @admin.display(description="Warnings")
    def warnings_list(self, obj):
        if not obj.warnings:
            return "—"
        return format_html("<ul>{}</ul>", format_html("".join("<li>{}</li>" for _ in obj.warnings), *obj.warnings))

    @admin.display(description="Original file")
    def download(self, obj):
        if not obj.pk:
            return "—"
        return format_html('<a href="{}">Download {} ({})</a>', reverse("admin:resolutions_sourcefile_download",
                                                                       args=[obj.pk]),
                           obj.original_name, human_size(obj.size))

    def download_view(self, request, pk):
        if not self.has_view_permission(request):
            return HttpResponse(status=403)
        name, media_type, content = source_file_download(pk)
        response = HttpResponse(content, content_type=media_type)
        response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=name)
        return response

    def upload_view(self, request):
        if not self.has_add_permission(request):
            return HttpResponse(status=403)
        form = UploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            batch = new_batch_id()
            outcomes = queue_uploads(uploads_from_files(form.cleaned_data["files"]), uploaded_by=request.user,
                                     batch=batch)
            self._report_uploads(request, outcomes)
            return redirect(reverse("admin:resolutions_sourcefile_changelist") + f"?q={batch}")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "form": form,
            "title": "Upload documents",
        }
        return TemplateResponse(request, "admin/resolutions/sourcefile/upload.html", context)

    def _report_uploads(self, request, outcomes):
        counts = {}
        for outcome in outcomes:
            counts[outcome.status] = counts.get(outcome.status, 0) + 1
        words = {"pending": "queued for ingestion", "parsed": "parsed", "failed": "failed",
                 "refused": "refused", "duplicate": "already in the archive"}
        summary = ", ".join(f"{n} {words.get(status, status)}" for status, n in counts.items())
        self.message_user(request, f"{len(outcomes)} file(s) received: {summary}.",
                          messages.SUCCESS if not (counts.get("failed") or counts.get("refused")) else messages.WARNING)
        for outcome in outcomes:
            if outcome.status in ("failed", "refused"):
                self.message_user(request, f"{outcome.name}: {outcome.message}", messages.ERROR)
            elif outcome.status == "parsed" and (kept := not_applied_notice(outcome.source_file)):
                self.message_user(request, f"{outcome.name}: {kept}", messages.WARNING)   # staff corrections won

    @admin.action(description="Re-run ingestion (keeps staff edits)", permissions=["add"])
    def rerun_ingestion(self, request, queryset):
        self._rerun(request, queryset, discard_edits=False)

    @admin.action(description="Re-run ingestion, discarding staff edits", permissions=["add"])
    def rerun_ingestion_discarding_edits(self, request, queryset):
        self._rerun(request, queryset, discard_edits=True)

    def _rerun(self, request, queryset, *, discard_edits):
        queued, skipped = requeue(queryset, discard_edits=discard_edits)
        self.message_user(request, f"{queued} file(s) queued for ingestion.", messages.SUCCESS)
        for item in skipped:
            self.message_user(request, f"Not re-run: {item}", messages.WARNING)


# ---------------------------------------------------------------------------
# Documents, editable with their parts


class ParagraphInline(ParagraphTextBox, admin.StackedInline):
    model = Paragraph
    fk_name = "document"
    extra = 0
    fields = [("order", "kind", "number", "label", "lead"), "heading", "text", "footnote_refs", "parent", "annex",
              "edited"]
    readonly_fields = ["parent", "annex", "edited"]
    show_change_link = True


class FootnoteInline(admin.TabularInline):
    model = Footnote
    extra = 0
    fields = ["order", "marker", "text", "annex", "edited"]
    readonly_fields = ["annex", "edited"]


class AnnexInline(admin.TabularInline):
    model = Annex
    extra = 0
    fields = ["order", "label", "title"]


class ParseProblemsFilter(admin.SimpleListFilter):
    """Staff find what the parser was unsure of: documents with warnings, or with text it could not place."""

    title = "parse problems"
    parameter_name = "problems"

    def lookups(self, request, model_admin):
        return [("warnings", "With parse warnings"), ("unplaced", "With text not placed"),
                ("none", "Without warnings")]

    def queryset(self, request, queryset):
        if self.value() == "warnings":
            return queryset.exclude(parse_warnings=[])
        if self.value() == "unplaced":
            return queryset.exclude(unplaced=[])
        if self.value() == "none":
            return queryset.filter(parse_warnings=[], unplaced=[])
        return queryset


class SponsorshipInline(admin.TabularInline):
    model = Sponsorship
    extra = 0
    fields = ["order", "name_as_printed", "state"]
    autocomplete_fields = ["state"]


class SourceFileInline(admin.TabularInline):
    model = SourceFile
    extra = 0
    fields = ["original_name", "status", "uploaded_at", "uploaded_by"]
    readonly_fields = fields
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).defer("content")


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "title_short", "body", "session", "document_type", "date", "paragraph_count",
                    "edited"]
    list_filter = [ParseProblemsFilter, "body", "document_type", "edited", "session"]
    search_fields = ["symbol", "title", "subject"]
    date_hierarchy = "date"
    raw_id_fields = ["series"]
    readonly_fields = ["symbol_key", "edited", "parse_warnings", "created_at", "updated_at"]
    inlines = [SponsorshipInline, ParagraphInline, AnnexInline, FootnoteInline, SourceFileInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(paragraph_total=Count("paragraphs"))

    @admin.display(description="Title")
    def title_short(self, obj):
        return obj.title[:90]

    @admin.display(description="Paragraphs", ordering="paragraph_total")
    def paragraph_count(self, obj):
        return obj.paragraph_total

    # Staff corrections go through services.documents: a later re-upload of the same symbol keeps them, and
    # the search index, similarity bands, lineage and citations follow the corrected document.
    def save_model(self, request, obj, form, change):
        save_document_edit(obj, changed=change and form.has_changed())

    def save_formset(self, request, form, formset, change):
        saved = formset.save(commit=False)
        save_document_parts(form.instance, saved, formset.deleted_objects, changed=change)
        formset.save_m2m()

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        document_changed(form.instance)

    def delete_model(self, request, obj):
        delete_documents([obj])

    def delete_queryset(self, request, queryset):
        delete_documents(list(queryset))


# ---------------------------------------------------------------------------
# Everything else


@admin.register(Paragraph)
class ParagraphAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "lead", "edited"]
    list_filter = ["kind", "edited"]
    search_fields = ["text", "lead", "document__symbol"]
    raw_id_fields = ["document", "parent"]
    list_select_related = ["document", "parent"]
    readonly_fields = ["anchor"]   # set by the rule when the document changes (services.documents)

    def save_model(self, request, obj, form, change):
        save_paragraph_edit(obj, changed=change and form.has_changed())

    def delete_model(self, request, obj):
        delete_paragraphs([obj])

    def delete_queryset(self, request, queryset):
        delete_paragraphs(list(queryset))


class ShownOnManyPages(admin.ModelAdmin):
    """A record many document pages show (a state's name, an agenda item's or a series' title, a version link):
    a staff edit makes every cached page be built again (resolutions.page_cache)."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        page_cache.every_page_changed()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        page_cache.every_page_changed()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        page_cache.every_page_changed()


@admin.register(MemberState)
class MemberStateAdmin(ShownOnManyPages):
    list_display = ["name", "iso3", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "iso3", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(AgendaItem)
class AgendaItemAdmin(ShownOnManyPages):
    list_display = ["body", "session", "number", "title"]
    list_filter = ["body", "session"]
    search_fields = ["title", "number"]


@admin.register(Series)
class SeriesAdmin(ShownOnManyPages):
    list_display = ["title", "slug"]
    search_fields = ["title"]
    prepopulated_fields = {"slug": ["title"]}


@admin.register(DocumentLink)
class DocumentLinkAdmin(ShownOnManyPages):
    list_display = ["source", "kind", "target", "method", "score"]
    list_filter = ["kind", "method"]
    raw_id_fields = ["source", "target"]
    search_fields = ["source__symbol", "target__symbol"]


@admin.register(Citation)
class CitationAdmin(admin.ModelAdmin):
    list_display = ["raw_text", "kind", "status", "target_key", "document", "target_document"]
    list_filter = ["status", "kind"]
    search_fields = ["raw_text", "target_key", "document__symbol"]
    raw_id_fields = ["document", "paragraph", "footnote", "target_document"]
    list_select_related = ["document", "target_document"]

    def save_model(self, request, obj, form, change):
        save_citation_edit(obj)


@admin.register(SearchTerm)
class SearchTermAdmin(admin.ModelAdmin):
    list_display = ["word", "frequency"]
    search_fields = ["word"]


# Language versions: their pages live with them (resolutions/languages/admin.py) and register on import.
from resolutions.languages import admin as _language_admin  # noqa: E402,F401
