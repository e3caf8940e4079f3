"""/api/: the read-only JSON API, its OpenAPI schema (/api/schema/) and documentation page (/api/docs/)."""
from django.http import HttpResponse
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from . import views

app_name = "api"

router = DefaultRouter(trailing_slash=True)
router.include_format_suffixes = False
router.register("documents", views.DocumentViewSet, basename="document")
router.register("member-states", views.MemberStateViewSet, basename="memberstate")
router.register("agenda-items", views.AgendaItemViewSet, basename="agendaitem")
router.register("series", views.SeriesViewSet, basename="series")


class DocsView(SpectacularSwaggerSplitView):
    """Swagger UI from drf-spectacular-sidecar's files: no CDN, and its script is a separate URL (no inline script)."""

    template_name = "api/swagger_ui.html"

    def options(self, request, *args, **kwargs):
        # DRF's OPTIONS answer (the view's metadata) went through this page's HTML template renderer and
        # found no template for it: a server error. The page's methods are all there is to say.
        return HttpResponse(headers={"Allow": "GET, HEAD, OPTIONS"})


urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", DocsView.as_view(url_name="api:schema"), name="docs"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("search/export.csv", views.SearchExportView.as_view(), {"fmt": "csv"}, name="search-export-csv"),
    path("search/export.json", views.SearchExportView.as_view(), {"fmt": "json"}, name="search-export-json"),
    path("compare/<int:a_id>/<int:b_id>/", views.CompareView.as_view(), name="compare"),
    path("", include(router.urls)),
]
