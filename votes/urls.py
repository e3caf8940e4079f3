from django.urls import path

from . import views

app_name = "votes"

urlpatterns = [
    path("browse/states/<slug:slug>/votes/", views.state_votes, name="state_votes"),
    path("votes/compare/", views.compare_states, name="compare_states"),
]
