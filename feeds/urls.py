"""Feed addresses: /feeds/<what>/<which>/; a search's feed takes the search page's own parameters."""
from django.urls import path

from . import views

app_name = "feeds"

# The int converter reads ASCII digits only; a number past any id simply finds nothing (a 404).
urlpatterns = [
    path("feeds/search/", views.search_feed, name="search"),
    path("feeds/states/<slug:slug>/", views.state_feed, name="state"),
    path("feeds/agenda-items/<int:pk>/", views.agenda_feed, name="agenda"),
    path("feeds/series/<slug:slug>/", views.series_feed, name="series"),
    path("feeds/bodies/<slug:slug>/", views.body_feed, name="body"),
    path("feeds/citing/<int:pk>/", views.citing_feed, name="citing"),
]
