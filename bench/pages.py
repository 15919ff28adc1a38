"""Server CPU, queries and transfer size of the public pages, warm, without a page cache.

Run from the project root:  .venv/bin/python bench/pages.py
It builds an in-memory SQLite database with the site's content, warms each page once, then
renders it N times through Django's test client, timing with process CPU time.
"""

import gzip
import io
import os
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
os.environ.setdefault("DATABASE_URL", "")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.staticfiles import finders  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

PAGES = [
    "/en/",
    "/en/fifth-bulletin/",
    "/en/fifth-bulletin/?version=zh",
    "/en/fifth-bulletin/parallel/",
    "/zh-hans/",
    "/zh-hans/fifth-bulletin/",
    "/zh-hans/fifth-bulletin/parallel/",
    "/en/documents/",
    "/zh-hans/documents/",
    "/en/cc-directive-1952/",
    "/en/second-bulletin/parallel/",
    "/en/final-report/",
    "/zh-hans/final-report/",
    "/en/map/",
    "/zh-hans/map/",
    "/en/numbers/",
    "/zh-hans/numbers/",
    "/en/timeline/",
    "/zh-hans/timeline/",
    "/en/timeline/?period=campaign",
    "/en/glossary/",
    "/zh-hans/glossary/",
    "/en/people/",
    "/zh-hans/people/",
    "/en/people/person/luo-ruiqing/",
    "/en/essays/",
    "/zh-hans/essays/",
    "/en/essays/the-numbers/",
    "/zh-hans/essays/the-1952-campaign/",
    "/zh-hans/essays/the-numbers/",
    "/en/lessons/",
    "/en/lessons/sourcing-a-government-report/",
    "/en/lessons/mapping-the-campaign/",
    "/zh-hans/lessons/mapping-the-campaign/",
    "/en/lessons/corroborating-the-campaigns-reports/",
]
RUNS = 50


def gz(data):
    return len(gzip.compress(data, 9))


def first_view_bytes(client, html):
    """The page's HTML plus the CSS, JS and data files it loads (the map's base map, named in
    `data-basemap`), each gzipped."""
    total = gz(html)
    pattern = r'(?:href|src|data-basemap)="(/static/[^"]+\.(?:css|js|geojson))"'
    for url in re.findall(pattern, html.decode()):
        path = finders.find(url.removeprefix(settings.STATIC_URL))
        total += gz(Path(path).read_bytes())
    return total


class QueryCounter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def main():
    connection.creation.create_test_db(verbosity=0)
    call_command("load_site", stdout=io.StringIO())
    client = Client()
    print(f"| page | CPU ms (median of {RUNS}) | queries | first view, gzip KB |")
    print("|---|---|---|---|")
    for url in PAGES:
        response = client.get(url)
        assert response.status_code == 200, url
        counter = QueryCounter()
        with connection.execute_wrapper(counter):
            client.get(url)
        timings = []
        for _ in range(RUNS):
            start = time.process_time()
            client.get(url)
            timings.append((time.process_time() - start) * 1000)
        size = first_view_bytes(client, response.content) / 1024
        print(f"| `{url}` | {statistics.median(timings):.1f} | {counter.count} | {size:.1f} |")


if __name__ == "__main__":
    main()
