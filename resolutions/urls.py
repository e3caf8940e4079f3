from django.urls import path

from django.contrib.sitemaps.views import sitemap

from . import views
from .sitemaps import DocumentSitemap

app_name = "resolutions"

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search_page, name="search"),
    path("documents/<int:pk>/", views.document_by_number, name="document_by_number"),
    path("documents/<slug:slug>/", views.document_by_slug, name="document_by_slug"),
    path("sources/<int:pk>/download/", views.source_download, name="source_download"),
    path("browse/states/", views.states, name="states"),
    path("browse/states/<slug:slug>/", views.state_detail, name="state"),
    path("browse/agenda-items/", views.agenda_items, name="agenda_items"),
    path("browse/sessions/", views.sessions, name="sessions"),
    path("browse/bodies/", views.bodies, name="bodies"),
    path("sitemap.xml", sitemap, {"sitemaps": {"documents": DocumentSitemap}}, name="sitemap"),
    # Last: a document at its symbol, '/A/RES/80/39/' (resolutions.addresses). Every other page has a fixed
    # first segment above, and no UN symbol series is named like one of them.
    path("<path:address>/", views.document_at_symbol, name="document"),
]
