from django.urls import path

from . import views

app_name = "alerts"

urlpatterns = [
    path("alerts/follow/search/", views.follow, {"kind": "search"}, name="follow_search"),
    path("alerts/follow/<slug:kind>/<str:key>/", views.follow, name="follow"),
    path("alerts/confirm/<str:token>/", views.confirm, name="confirm"),
    path("alerts/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
