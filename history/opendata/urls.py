"""The API's addresses, under each language's prefix: /en/api/v1/..., /zh-hans/api/v1/..."""

from django.urls import path

from . import views

app_name = "open_data"

urlpatterns = [
    path("api/", views.api_page, name="page"),
    path("api/v1/", views.index, name="index"),
    path("api/v1/editions/", views.editions, name="editions"),
    path("api/v1/editions/<slug:slug>/", views.edition, name="edition"),
    path("api/v1/places/", views.places, name="places"),
    path("api/v1/places/<slug:slug>/", views.place, name="place"),
    path("api/v1/figures/", views.figures, name="figures"),
    path("api/v1/figures/<slug:slug>/", views.figure, name="figure"),
    path("api/v1/events/", views.events, name="events"),
    path("api/v1/events/<slug:slug>/", views.event, name="event"),
    path("api/v1/terms/", views.terms, name="terms"),
    path("api/v1/terms/<slug:slug>/", views.term, name="term"),
    path("api/v1/people/", views.people, name="people"),
    path("api/v1/people/<slug:slug>/", views.person, name="person"),
    path("api/v1/figures.csv", views.csv_download, {"kind": "figures"}, name="figures_csv"),
    path("api/v1/places.csv", views.csv_download, {"kind": "places"}, name="places_csv"),
    path("api/v1/events.csv", views.csv_download, {"kind": "events"}, name="events_csv"),
    path("api/v1/figures.geojson", views.figures_geojson, name="figures_geojson"),
]
