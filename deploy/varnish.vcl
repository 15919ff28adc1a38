vcl 4.1;
# The caching proxy between nginx and the app instances (deploy/stack writes the backends'
# ports in place of @APP_PORTS@ lines). It keeps public pages for anonymous visitors as long as
# the site says (s-maxage), and drops them when the site says they changed: PURGE for a page's
# address (Wagtail's frontend cache), BAN by content tag (X-Cache-Tags, see
# history/core/proxy_cache.py).

import directors;
import std;

probe alive {
    .url = "/robots.txt";
    .interval = 1s;
    .timeout = 2s;
    .window = 3;
    .threshold = 2;
}

@BACKENDS@

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_init {
    new apps = directors.round_robin();
@ADD_BACKENDS@
}

sub vcl_recv {
    if (req.method == "PURGE" || req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        if (req.method == "PURGE") {
            return (purge);
        }
        if (req.http.X-Ban-Tags !~ "^[a-z]+( [a-z]+)*$") {
            return (synth(400, "X-Ban-Tags: tags separated by spaces"));
        }
        # One regular expression for all the tags, without spaces (the ban's own separator).
        if (std.ban("obj.http.X-Cache-Tags ~ (^|\s)(" +
                regsuball(req.http.X-Ban-Tags, " ", "|") + ")(\s|$)")) {
            return (synth(200, "Banned"));
        }
        return (synth(500, std.ban_error()));
    }
    set req.backend_hint = apps.backend();
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Signed-in users and the admin always reach the site.
    if (req.url ~ "^/admin/" || req.http.Authorization || req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    # Anonymous visitors' other cookies (the CSRF token) do not change a public page.
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    # Only what the site's page cache marked as public and tagged is kept here: never an
    # error page, a redirect or a form.
    if (!beresp.http.X-Cache-Tags || beresp.status != 200) {
        set beresp.uncacheable = true;
        set beresp.ttl = 0s;
        return (deliver);
    }
}

sub vcl_backend_error {
    # An instance that died or restarts: another one answers (GET and HEAD only).
    if (bereq.method ~ "^(GET|HEAD)$" && bereq.retries < 2) {
        return (retry);
    }
}

sub vcl_deliver {
    unset resp.http.X-Cache-Tags;
    unset resp.http.X-Page-Cache;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
    if (obj.hits > 0) {
        set resp.http.X-Proxy-Cache = "hit";
    } else {
        set resp.http.X-Proxy-Cache = "miss";
    }
}
