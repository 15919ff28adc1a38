"""Does the cost of a page stay flat as content grows? The site at 1x and at N x its events,
glossary terms, places (with their figures), lessons and editions, side by side.

Run from the project root:  .venv/bin/python bench/scale.py [N]      (default 20)
For search on PostgreSQL, point DATABASE_URL at an empty PostgreSQL database (the test
database is made beside it).

Each size is measured in a fresh process: a copy of site/ is multiplied (copies get new keys
and slugs; they are not shipped), loaded into a new test database (load_site timed), then each
page is rendered warm RUNS times without the page cache, as bench/pages.py does: median CPU
ms and queries. Copies keep the originals' translations and anchors; their glossary copies
mark no words in the text (one term per phrase). Each copy of an edition is a document of its
own (a source record `<key>-c<n>`) with its own copies of the figures it reports.
"""

import gc
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PAGES = [
    "/en/", "/en/fifth-bulletin/", "/zh-hans/fifth-bulletin/", "/en/fifth-bulletin/parallel/",
    "/en/map/", "/en/numbers/", "/en/timeline/", "/en/timeline/?period=campaign",
    "/en/glossary/", "/zh-hans/glossary/", "/en/essays/", "/en/lessons/",
    "/en/lessons/mapping-the-campaign/",
]  # fmt: skip
SEARCHES = ["/en/search/?q=Tonghua", "/en/search/?q=opium+trial", "/zh-hans/search/?q=坦白"]
RUNS = 30
SEARCH_WORDS = [
    "Shenyang", "confessions", "executed", "seized", "Rehe", "addicts", "denounced", "trial",
    "Songjiang", "liang", "propaganda", "Nanjing",
]  # fmt: skip


def _load(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _dump(path, data):
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _multiply_list(path, times, changes):
    """A YAML list file followed by `times - 1` copies of its items: copy n of an item is the
    item updated with `changes(item, n)`."""
    originals = _load(path)
    copies = [{**item, **changes(item, n)} for n in range(1, times) for item in originals]
    _dump(path, originals + copies)


def multiply(content, times):
    """Copies of the events, terms, places, figures, lessons and editions in `content`."""
    _multiply_list(
        content / "atlas" / "places.yaml",
        times,
        lambda place, n: {"key": f"{place['key']}-c{n}", "name": f"{place['name']} {n}"},
    )
    # Each copy of an edition is a new document: its own source record, and its own figures
    # (anchored in the copy's text), as a new document brings its figures with it.
    documents = {folder.name for folder in (content / "editions").iterdir() if folder.is_dir()}
    path = content / "bibliography.yaml"
    records = _load(path)
    copies = [
        {**record, "key": f"{record['key']}-c{n}", "short_title": f"{record['short_title']} {n}"}
        for n in range(1, times)
        for record in records
        if record["key"] in documents
    ]
    _dump(path, records + copies)

    def figure_copy(figure, n):
        copy = {"key": f"{figure['key']}-c{n}"}
        for name in ("place", "edition"):
            if figure.get(name):
                copy[name] = f"{figure[name]}-c{n}"
        if figure["document"] in documents:
            copy["document"] = f"{figure['document']}-c{n}"
        return copy

    _multiply_list(content / "atlas" / "figures.yaml", times, figure_copy)
    _multiply_list(
        content / "timeline" / "events.yaml",
        times,
        lambda event, n: {
            "key": f"{event['key']}-c{n}",
            "title": f"{event['title']} ({n})",
            "places": [f"{key}-c{n}" for key in event.get("places") or []],
        },
    )
    _multiply_list(
        content / "glossary" / "terms.yaml",
        times,
        lambda term, n: {
            "key": f"{term['key']}-c{n}",
            "term": f"{term['term']} {n}",
            "mentions": [],
        },
    )

    index = content / "lessons" / "lessons.yaml"
    data = _load(index)
    slugs = list(data["lessons"])
    for n in range(1, times):
        for slug in slugs:
            lesson = _load(content / "lessons" / f"{slug}.yaml")
            lesson.update(slug=f"{slug}-c{n}", title=f"{lesson['title']} ({n})")
            lesson.pop("short_code", None)
            _dump(content / "lessons" / f"{slug}-c{n}.yaml", lesson)
            data["lessons"].append(f"{slug}-c{n}")
    _dump(index, data)

    for folder in sorted(content / "editions" / slug for slug in documents):
        for n in range(1, times):
            copy = content / "editions" / f"{folder.name}-c{n}"
            shutil.copytree(folder, copy)
            edition = _load(copy / "edition.yaml")
            edition.update(slug=copy.name, title=f"{edition['title']} ({n})", show_in_menus=False)
            _dump(copy / "edition.yaml", edition)


def measure(content):
    """Runs in a fresh process: load `content`, time the pages. Prints one JSON line."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    os.environ["CONTENT_DIR"] = str(content)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    setup_test_environment()
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    started = time.monotonic()
    call_command("load_site", "--content-dir", str(content), stdout=io.StringIO())
    results = {"load_site_s": time.monotonic() - started, "pages": {}}
    # As an app server does before it forks its workers (deploy/gunicorn.conf.py): what the
    # process holds so far (here, the loading's leftovers) is not scanned by every collection.
    gc.collect()
    gc.freeze()
    client = Client()
    for url in PAGES + SEARCHES:
        assert client.get(url).status_code == 200, url
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        # Counted now: each request starts by emptying the connection's log of queries.
        count = len(queries)
        timings = []
        for _ in range(RUNS):
            start = time.process_time()
            client.get(url)
            timings.append((time.process_time() - start) * 1000)
        results["pages"][url] = {"cpu_ms": statistics.median(timings), "queries": count}
    # Search with words not asked before: the database's search backend answers each anew.
    timings = []
    for word in SEARCH_WORDS:
        start = time.monotonic()
        assert client.get(f"/en/search/?q={word}").status_code == 200
        timings.append((time.monotonic() - start) * 1000)
    results["search_ms"] = statistics.median(timings)
    print(json.dumps(results))


def main():
    times = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        for size in (1, times):
            content = Path(folder) / f"site-{size}"
            shutil.copytree(ROOT / "site", content)
            if size > 1:
                multiply(content, size)
            output = subprocess.run(
                [sys.executable, __file__, "--measure", str(content)],
                capture_output=True, text=True, check=True,
            ).stdout  # fmt: skip
            results[size] = json.loads(output.strip().splitlines()[-1])
    small, large = results[1], results[times]
    engine = "PostgreSQL" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "SQLite"
    print(
        f"{engine}; load_site: {small['load_site_s']:.1f} s at 1x, "
        f"{large['load_site_s']:.1f} s at {times}x\n"
    )
    print(f"| page | CPU ms 1x | CPU ms {times}x | ratio | queries 1x | queries {times}x |")
    print("|---|---|---|---|---|---|")
    for url in PAGES + SEARCHES:
        a, b = small["pages"][url], large["pages"][url]
        print(
            f"| `{url}` | {a['cpu_ms']:.1f} | {b['cpu_ms']:.1f} | {b['cpu_ms'] / a['cpu_ms']:.2f} "
            f"| {a['queries']} | {b['queries']} |"
        )
    print(
        f"\nSearch for a word not asked before (wall time, median of {len(SEARCH_WORDS)}): "
        f"{small['search_ms']:.1f} ms at 1x, {large['search_ms']:.1f} ms at {times}x"
    )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:
        measure(Path(sys.argv[2]))
    else:
        main()
