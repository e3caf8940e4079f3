from django.contrib import admin

from .models import StateVote, VoteRecord


class StateVoteInline(admin.TabularInline):
    model = StateVote
    extra = 0
    fields = ["name_as_printed", "state", "vote", "match_note"]
    autocomplete_fields = ["state"]


@admin.register(VoteRecord)
class VoteRecordAdmin(admin.ModelAdmin):
    list_display = ["symbol", "adoption_type", "in_favour", "against", "abstaining", "date", "document", "source"]
    list_filter = ["adoption_type"]
    search_fields = ["symbol", "symbol_key"]
    raw_id_fields = ["document"]
    inlines = [StateVoteInline]
