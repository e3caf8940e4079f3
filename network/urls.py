from django.urls import path

from . import views

app_name = "network"

urlpatterns = [
    path("network/most-cited/", views.most_cited, name="most_cited"),
]
