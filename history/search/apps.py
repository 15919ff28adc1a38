from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "history.search"
    label = "site_search"
    verbose_name = "Search"
