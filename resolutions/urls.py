from django.urls import path

from . import views

app_name = "resolutions"

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search_page, name="search"),
    path("documents/<int:pk>/", views.document_detail, name="document"),
    path("sources/<int:pk>/download/", views.source_download, name="source_download"),
    path("browse/states/", views.states, name="states"),
    path("browse/states/<slug:slug>/", views.state_detail, name="state"),
    path("browse/agenda-items/", views.agenda_items, name="agenda_items"),
    path("browse/sessions/", views.sessions, name="sessions"),
    path("browse/bodies/", views.bodies, name="bodies"),
]
