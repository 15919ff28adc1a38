"""Small helpers that read typed settings from environment variables."""

import os


def env_str(name, default=""):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def env_list(name, default=""):
    """A comma-separated list, with blanks dropped."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]
