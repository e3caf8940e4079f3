"""URLs for comparison, series and agreed-language pages (the lineage issue fills them in)."""
app_name = "lineage"
urlpatterns = []
