"""URLs for comparison, series, paragraph provenance and agreed-language pages."""
from django.urls import path

from . import views

app_name = "lineage"

urlpatterns = [
    path("compare/", views.compare_form, name="compare_form"),
    path("compare/<int:a_id>/<int:b_id>/", views.compare, name="compare"),
    path("compare/<int:a_id>/<int:b_id>.json", views.compare, {"as_json": True}, name="compare_json"),
    path("series/", views.series_list, name="series_list"),
    path("series/<slug:slug>/", views.series_detail, name="series"),
    path("paragraphs/<int:pk>/provenance/", views.paragraph_provenance, name="provenance"),
    path("agreed-language/", views.agreed_language, name="agreed_language"),
]
