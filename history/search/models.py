from .pages import SearchPage  # noqa: F401
