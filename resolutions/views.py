"""Public pages. Thin: they call selectors and render templates."""
from django.shortcuts import get_object_or_404, render

from .models import Document


def home(request):
    documents = Document.objects.order_by("-date", "symbol")[:20]
    return render(request, "resolutions/home.html", {"documents": documents, "count": Document.objects.count()})


def document_detail(request, pk):
    document = get_object_or_404(Document, pk=pk)
    return render(request, "resolutions/document.html", {"document": document})
