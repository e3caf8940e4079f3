"""Staff edits of vote records go through votes.services (vote_record_edited), as imports do: the record stays linked
to its symbol's document and the document's page is marked changed."""
from django import forms
from django.contrib import admin

from resolutions.un.symbols import normalise_symbol

from .models import StateVote, VoteRecord
from .services import vote_record_edited, vote_records_deleted


class StateVoteInline(admin.TabularInline):
    model = StateVote
    extra = 0
    fields = ["name_as_printed", "state", "vote", "match_note"]
    autocomplete_fields = ["state"]


class VoteRecordForm(forms.ModelForm):
    class Meta:
        model = VoteRecord
        exclude = ["symbol_key"]   # derived from the symbol (votes.services.vote_record_edited)

    def clean_symbol(self):
        symbol = self.cleaned_data["symbol"]
        if VoteRecord.objects.filter(symbol_key=normalise_symbol(symbol)[:80]).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError("Another vote record has this symbol: edit that one, or delete it first.")
        return symbol


@admin.register(VoteRecord)
class VoteRecordAdmin(admin.ModelAdmin):
    form = VoteRecordForm
    list_display = ["symbol", "adoption_type", "in_favour", "against", "abstaining", "date", "document", "source"]
    list_filter = ["adoption_type"]
    search_fields = ["symbol", "symbol_key"]
    raw_id_fields = ["document"]
    inlines = [StateVoteInline]

    def save_model(self, request, obj, form, change):
        # The document it belonged to before the edit, whose page changes too when staff move the record.
        obj._previous_document_id = (VoteRecord.objects.filter(pk=obj.pk).values_list("document_id", flat=True)
                                     .first() if change else None)
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)   # the state votes first: the page shows them
        vote_record_edited(form.instance, getattr(form.instance, "_previous_document_id", None))

    def delete_model(self, request, obj):
        document_id = obj.document_id
        super().delete_model(request, obj)
        vote_records_deleted([document_id])

    def delete_queryset(self, request, queryset):
        document_ids = list(queryset.values_list("document_id", flat=True))
        super().delete_queryset(request, queryset)
        vote_records_deleted(document_ids)
