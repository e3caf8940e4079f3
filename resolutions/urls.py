from django.urls import path

from . import views

app_name = "resolutions"

urlpatterns = [
    path("", views.home, name="home"),
    path("documents/<int:pk>/", views.document_detail, name="document"),
]
