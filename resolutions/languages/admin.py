"""The admin pages of language versions: a version with its paragraphs and footnotes, and a version paragraph's own
page. Imported by ``resolutions.admin`` (this package is not an app of its own). Writes go through
``resolutions.languages.edits``."""
from django.contrib import admin

from resolutions.admin_widgets import ParagraphTextBox
from resolutions.languages.edits import (delete_version_paragraphs, save_version_edit, save_version_paragraph_edit,
                                         save_version_parts, version_changed)
from resolutions.languages.models import LanguageVersion, VersionFootnote, VersionParagraph


class VersionParagraphInline(ParagraphTextBox, admin.StackedInline):
    model = VersionParagraph
    fk_name = "version"
    extra = 0
    fields = [("order", "kind", "number", "label", "lead"), "heading", "text", "footnote_refs", "anchor", "parent",
              "edited"]
    readonly_fields = ["anchor", "parent", "edited"]     # the anchors are the main text's rule, kept from the upload
    show_change_link = True


class VersionFootnoteInline(admin.TabularInline):
    model = VersionFootnote
    extra = 0
    fields = ["order", "annex_order", "marker", "text", "edited"]
    readonly_fields = ["edited"]


@admin.register(LanguageVersion)
class LanguageVersionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "language", "title", "edited", "updated_at"]
    list_filter = ["language", "edited"]
    search_fields = ["document__symbol", "title"]
    raw_id_fields = ["document", "source_file"]
    # ``edited``: set by the writes of languages.edits; a later file in this language keeps staff corrections.
    readonly_fields = ["document", "language", "source_file", "edited", "parse_warnings", "updated_at"]
    fields = ["document", "language", "source_file", "edited", "title", "preamble_subject", "annexes",
              "parse_warnings", "updated_at"]
    inlines = [VersionParagraphInline, VersionFootnoteInline]

    def has_add_permission(self, request):
        return False        # a version comes from a file in its language (the upload)

    def save_model(self, request, obj, form, change):
        save_version_edit(obj, changed=change and form.has_changed())

    def save_formset(self, request, form, formset, change):
        saved = formset.save(commit=False)
        save_version_parts(form.instance, saved, formset.deleted_objects)
        formset.save_m2m()

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        version_changed(form.instance)


@admin.register(VersionParagraph)
class VersionParagraphAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "lead", "edited"]
    list_filter = ["kind", "version__language", "edited"]
    search_fields = ["text", "lead", "document__symbol"]
    raw_id_fields = ["version", "document", "parent"]
    list_select_related = ["version__document"]
    readonly_fields = ["version", "document", "anchor", "edited"]
    fields = ["version", "document", "order", "kind", "number", "label", "lead", "heading", "text", "footnote_refs",
              "anchor", "parent", "edited"]

    def has_add_permission(self, request):
        return False

    def save_model(self, request, obj, form, change):
        save_version_paragraph_edit(obj, changed=change and form.has_changed())

    def delete_model(self, request, obj):
        delete_version_paragraphs([obj])

    def delete_queryset(self, request, queryset):
        delete_version_paragraphs(list(queryset))
