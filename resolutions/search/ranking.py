"""Matching and ordering as querysets, for what reads every match in order (the
streamed exports): relevance ranks at most ``limits.rank_candidates`` matches, the newest."""
from __future__ import annotations

from django.db.models import F, FloatField
from django.db.models.expressions import RawSQL

from resolutions.models import Document, Paragraph
from resolutions.search.limits import DEFAULT_LIMITS, SearchLimits
from resolutions.search.query import ParsedQuery
from resolutions.search.scoring import rank_sql

def _rank(table: str, query: ParsedQuery) -> RawSQL:
    sql, params = query.tsquery_sql()
    return RawSQL(rank_sql(f"{table}.search_vector", sql), params, output_field=FloatField())


def match_documents(queryset, query: ParsedQuery):
    """Documents of ``queryset`` that match the query, annotated with ``rank`` (None without a query)."""
    if query.is_empty:
        return queryset
    return queryset.filter(search_vector=query.tsquery()).annotate(rank=_rank("resolutions_document", query))


def order_documents(queryset, query: ParsedQuery, sort: str, total: int | None = None,
                    limits: SearchLimits = DEFAULT_LIMITS):
    """Order matched documents; relevance ranks at most ``limits.rank_candidates`` of them (the newest)."""
    if sort == "cited":
        return queryset.order_by(F("network__cited_by").desc(nulls_last=True), F("date").desc(nulls_last=True),
                                 "symbol", "pk")
    if sort == "date" or query.is_empty:
        return queryset.order_by(F("date").desc(nulls_last=True), "symbol", "pk")
    if sort == "date_asc":
        return queryset.order_by(F("date").asc(nulls_last=True), "symbol", "pk")
    if total is not None and total > limits.rank_candidates:
        newest = queryset.order_by(F("date").desc(nulls_last=True), "-pk").values("pk")[:limits.rank_candidates]
        queryset = match_documents(Document.objects.filter(pk__in=newest), query)
    return queryset.order_by("-rank", F("date").desc(nulls_last=True), "pk")


def match_paragraphs(queryset, query: ParsedQuery):
    """Paragraphs of ``queryset`` (the main text's, or a language version's) that match, annotated with ``rank``."""
    if query.is_empty:
        return queryset
    return queryset.filter(search_vector=query.tsquery()).annotate(rank=_rank(queryset.model._meta.db_table, query))


def order_paragraphs(queryset, query: ParsedQuery, sort: str, total: int | None = None,
                     limits: SearchLimits = DEFAULT_LIMITS):
    """Order matched paragraphs; relevance ranks at most ``limits.rank_candidates`` of them (the latest stored)."""
    if sort == "cited":
        return queryset.order_by(F("document__network__cited_by").desc(nulls_last=True),
                                 F("document__date").desc(nulls_last=True), "document_id", "order")
    if sort == "date" or query.is_empty:
        return queryset.order_by(F("document__date").desc(nulls_last=True), "document_id", "order")
    if sort == "date_asc":
        return queryset.order_by(F("document__date").asc(nulls_last=True), "document_id", "order")
    if total is not None and total > limits.rank_candidates:
        latest = queryset.order_by("-pk").values("pk")[:limits.rank_candidates]
        queryset = match_paragraphs(queryset.model.objects.filter(pk__in=latest), query)
    return queryset.order_by("-rank", F("document__date").desc(nulls_last=True), "document_id", "order")
