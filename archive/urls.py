from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    # Open data API, its OpenAPI schema and documentation page (issue 6)
    path("api/", include("resolutions.api.urls")),
    path("", include("resolutions.lineage.urls")),
    path("", include("votes.urls")),
    path("", include("network.urls")),
    path("", include("feeds.urls")),
    path("", include("alerts.urls")),
    path("", include("resolutions.urls")),
]
