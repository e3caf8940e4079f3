"""Page-number pagination; every list the API pages is ordered on a unique key last, so pages are stable."""
from rest_framework.pagination import PageNumberPagination


class ArchivePagination(PageNumberPagination):
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100
