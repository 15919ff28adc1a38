"""Throughput and server CPU of the production stack (`deploy/stack up`), side by side.

Run from the project root, with the stack up:  .venv/bin/python bench/stack.py [--long]
Uses wrk (Debian). For each case it reads the CPU time (user + system, from /proc) of the
processes that serve it before and after a wrk run, and reports requests per second and server
CPU per request. `--long` adds 100 connections for 60 seconds on a mix of pages through nginx,
with errors and latency percentiles.
"""

import json
import os
import re
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STACK_DIR = Path(os.environ.get("STACK_DIR", ROOT / "var" / "stack"))
PORT = int(os.environ.get("STACK_PORT", 8480))
NGINX, VARNISH, APP = PORT, PORT + 1, PORT + 11
TICKS = os.sysconf("SC_CLK_TCK")
GZIP = ["-H", "Accept-Encoding: gzip"]
# A session cookie that matches no session: the page is rendered anew (no page cache), as for
# a visitor the cache cannot serve; the session lookup costs one query.
UNCACHED = ["-H", "Cookie: sessionid=bench"]
PAGES = [
    "/en/", "/en/fifth-bulletin/", "/zh-hans/fifth-bulletin/", "/en/map/", "/en/glossary/",
    "/en/timeline/", "/en/search/?q=Tonghua", "/en/essays/the-numbers/",
    "/en/lessons/mapping-the-campaign/", "/en/fifth-bulletin/parallel/",
]  # fmt: skip


def _stat(pid):
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[1]), [int(value) for value in fields[11:15]]


def cpu_seconds(pidfile):
    """CPU time of a server: its main process, the children it has reaped (gunicorn restarts
    workers) and its live children (workers, Varnish's child, nginx's workers)."""
    main = int(pidfile.read_text())
    utime, stime, cutime, cstime = _stat(main)[1]
    total = utime + stime + cutime + cstime
    for task in Path("/proc").iterdir():
        if task.name.isdigit() and task.name != str(main):
            try:
                parent, times = _stat(task.name)
            except OSError:
                continue
            if parent == main:
                total += times[0] + times[1]
    return total / TICKS


def wrk(url, extra=(), connections=10, seconds=10, script=None):
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", *extra]
    if script:
        command += ["-s", script]
    output = subprocess.run(command + [url], capture_output=True, text=True, check=True).stdout
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)
    latency = dict(re.findall(r"^\s+(50|90|99)%\s+(\S+)", output, re.M))
    return {
        "requests": requests,
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "errors": int(errors.group(1)) if errors else 0,
        "socket_errors": socket_errors.group(1) if socket_errors else "none",
        "latency": latency,
    }


def measure(label, url, servers, extra=(), **options):
    before = sum(cpu_seconds(server) for server in servers)
    result = wrk(url, extra, **options)
    spent = sum(cpu_seconds(server) for server in servers) - before
    result["cpu_ms"] = 1000 * spent / max(result["requests"], 1)
    result["label"] = label
    return result


def static_file():
    html = urllib.request.urlopen(f"http://127.0.0.1:{APP}/en/").read().decode()
    return re.search(r'href="(/static/core/css/site\.[0-9a-f]{12}\.css)"', html).group(1)


def _timed(url, headers=()):
    request = urllib.request.Request(url, headers=dict(headers))
    start = time.monotonic()
    urllib.request.urlopen(request).read()
    return (time.monotonic() - start) * 1000


RESTARTS = 5


def _workers(pid):
    """The worker processes of the gunicorn master `pid`."""
    return set(Path(f"/proc/{pid}/task/{pid}/children").read_text().split())


def _restart(pid):
    """HUP the master, then wait until only new workers are left: the old ones finish their
    requests and exit after the new ones start, and would be timed with them otherwise."""
    old = _workers(pid)
    os.kill(pid, signal.SIGHUP)  # gunicorn starts new workers, then stops the old ones
    for _ in range(300):
        time.sleep(0.1)
        now = _workers(pid)
        if len(now) == len(old) and not now & old:
            return
    raise RuntimeError("the old workers did not exit")


def first_after_restart(pidfile):
    """Each page's first answer from an instance just restarted (new workers, the shared cache
    as it was), against the same page warm; anonymous (page cache) and rendered anew. Medians
    of RESTARTS restarts: one restart's first answers vary with what else the machine does."""
    lines = ["| page | first after restart, ms | warm, ms | rendered anew: first / warm, ms |",
             "|---|---|---|---|"]  # fmt: skip
    cookie = [("Cookie", "sessionid=bench")]
    pid = int(pidfile.read_text())
    firsts = {path: ([], []) for path in PAGES[:6]}
    for _ in range(RESTARTS):
        _restart(pid)
        for path, (cached, rendered) in firsts.items():
            url = f"http://127.0.0.1:{APP}{path}"
            cached.append(_timed(url))
            rendered.append(_timed(url, cookie))
    for path, (cached, rendered) in firsts.items():
        url = f"http://127.0.0.1:{APP}{path}"
        warm = statistics.median(_timed(url) for _ in range(5))
        warm_rendered = statistics.median(_timed(url, cookie) for _ in range(5))
        lines.append(
            f"| `{path}` | {statistics.median(cached):.1f} | {warm:.1f} "
            f"| {statistics.median(rendered):.1f} / {warm_rendered:.1f} |"
        )
    return "\n".join(lines)


def main():
    app = [STACK_DIR / f"app-{APP}.pid"]
    varnish = [STACK_DIR / "varnish.pid"]
    nginx = [STACK_DIR / "nginx.pid"]
    css = static_file()
    for path in PAGES:  # warm every cache
        for _ in range(3):
            urllib.request.urlopen(f"http://127.0.0.1:{NGINX}{path}").read()
            urllib.request.urlopen(f"http://127.0.0.1:{APP}{path}").read()
    rows = [
        measure(
            "static file, one instance (whitenoise)", f"http://127.0.0.1:{APP}{css}", app, GZIP
        ),
        measure(
            "edition, one instance, page cache (Redis)",
            f"http://127.0.0.1:{APP}/en/fifth-bulletin/", app, GZIP,
        ),
        measure(
            "map, one instance, page cache (Redis)", f"http://127.0.0.1:{APP}/en/map/", app, GZIP
        ),
        measure(
            "edition, one instance, rendered anew",
            f"http://127.0.0.1:{APP}/en/fifth-bulletin/", app, GZIP + UNCACHED, seconds=5,
        ),
        measure(
            "edition, Varnish", f"http://127.0.0.1:{VARNISH}/en/fifth-bulletin/", varnish, GZIP,
            connections=50,
        ),
        measure(
            "edition, nginx then Varnish", f"http://127.0.0.1:{NGINX}/en/fifth-bulletin/",
            nginx + varnish, GZIP, connections=50,
        ),
    ]  # fmt: skip
    print("| case | req/s | server CPU ms/req | p50 | p99 |")
    print("|---|---|---|---|---|")
    for row in rows:
        print(
            f"| {row['label']} | {row['rps']:,.0f} | {row['cpu_ms']:.2f} | "
            f"{row['latency'].get('50')} | {row['latency'].get('99')} |"
        )
    print("\n" + first_after_restart(STACK_DIR / f"app-{APP}.pid"))
    if "--long" in sys.argv:
        script = STACK_DIR / "mix.lua"
        script.write_text(
            "paths = " + json.dumps(PAGES).replace("[", "{").replace("]", "}") + "\n"
            "n = 0\nrequest = function()\n  n = n + 1\n"
            "  return wrk.format('GET', paths[(n % #paths) + 1], {['Accept-Encoding']='gzip'})\n"
            "end\n"
        )
        result = wrk(f"http://127.0.0.1:{NGINX}", connections=100, seconds=60, script=str(script))
        print(
            f"\n100 connections, 60 s, {len(PAGES)} pages through nginx: "
            f"{result['requests']:,} requests, {result['rps']:,.0f} req/s, "
            f"{result['errors']} errors, socket errors: {result['socket_errors']}, "
            f"latency p50 {result['latency'].get('50')}, p90 {result['latency'].get('90')}, "
            f"p99 {result['latency'].get('99')}"
        )


if __name__ == "__main__":
    main()
