"""The API's addresses, under each language's prefix: /en/api/v1/..., /zh-hans/api/v1/..."""

from django.urls import path

from . import views

app_name = "open_data"

# The kinds listed alike (views.RECORDS), by their list's name and one object's name.
KINDS = [
    ("places", "place"),
    ("figures", "figure"),
    ("events", "event"),
    ("terms", "term"),
    ("people", "person"),
]

urlpatterns = [
    path("api/", views.api_page, name="page"),
    path("api/v1/", views.index, name="index"),
    path("api/v1/editions/", views.editions, name="editions"),
    path("api/v1/editions/<slug:slug>/", views.edition, name="edition"),
    path("api/v1/figures.csv", views.csv_download, {"kind": "figures"}, name="figures_csv"),
    path("api/v1/places.csv", views.csv_download, {"kind": "places"}, name="places_csv"),
    path("api/v1/events.csv", views.csv_download, {"kind": "events"}, name="events_csv"),
    path("api/v1/figures.geojson", views.figures_geojson, name="figures_geojson"),
] + [
    route
    for kind, one in KINDS
    for route in (
        path(f"api/v1/{kind}/", views.listing, {"kind": kind}, name=kind),
        path(f"api/v1/{kind}/<slug:slug>/", views.detail, {"kind": kind}, name=one),
    )
]
