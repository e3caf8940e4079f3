"""Staff see subscriptions (the address included: only here) and their digests; they can end a subscription."""
from django.contrib import admin

from . import services
from .models import Digest, Subscription


class DigestInline(admin.TabularInline):
    model = Digest
    extra = 0
    fields = ["created_at", "sent_at", "new_documents", "message_id"]
    readonly_fields = fields
    can_delete = False
    show_change_link = False


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ["email", "title", "kind", "status", "created_at", "confirmed_at", "checked_until"]
    list_filter = ["status", "kind"]
    search_fields = ["email", "title"]
    readonly_fields = ["email", "kind", "key", "title", "status", "created_at", "confirmation_sent_at",
                       "confirmed_at", "unsubscribed_at", "watch_from", "checked_until"]
    fields = readonly_fields
    inlines = [DigestInline]
    actions = ["end_subscriptions"]

    def has_add_permission(self, request):
        return False     # only the visitor signs up (double opt-in)

    @admin.action(description="Unsubscribe the selected subscriptions")
    def end_subscriptions(self, request, queryset):
        for subscription in queryset:
            services.unsubscribe(subscription)
