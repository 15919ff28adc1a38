"""The search page's view: the form, the result types with their counts, the results."""

from urllib.parse import urlencode

from django.utils.translation import gettext_lazy as _

from history.core.fragments import fragment_or_page

from .corpus import KIND_LABELS, KINDS
from .finding import MAX_QUERY, Found, find

SHOWN = 20  # results on one page of results


def _page_number(raw, pages):
    """The page of results asked for; a number out of range or not a number gives the
    nearest page, not an error (a link kept from a larger set of results still works)."""
    try:
        number = int(raw or 1)
    except ValueError:
        return 1
    return min(max(number, 1), pages)


def search(request, page):
    raw = request.GET.get("q", "")
    query = " ".join(raw.split())[:MAX_QUERY]
    kind = request.GET.get("type", "")
    kind = kind if kind in KINDS else ""
    found = find(query, request) if query else Found([], {})
    count = found.count(kind)
    pages = max(1, -(-count // SHOWN))
    number = _page_number(request.GET.get("page"), pages)
    base = [("q", query)] + ([("type", kind)] if kind else [])

    def page_url(n):
        return "?" + urlencode(base + ([("page", n)] if n > 1 else []))

    context = page.get_context(request)
    context.update(
        query=query,
        max_query=MAX_QUERY,
        cut=len(" ".join(raw.split())) > MAX_QUERY,
        kind=kind,
        total=found.count(),
        count=count,
        hits=found.hits(kind, (number - 1) * SHOWN, number * SHOWN),
        first_shown=(number - 1) * SHOWN + 1,
        page_number=number,
        pages=pages,
        previous_url=page_url(number - 1) if number > 1 else "",
        next_url=page_url(number + 1) if number < pages else "",
        filters=[
            {
                "kind": k,
                "label": KIND_LABELS[k] if k else _("All"),
                "count": found.count(k),
                "url": "?" + urlencode([("q", query)] + ([("type", k)] if k else [])),
            }
            for k in ["", *KINDS]
        ],
    )
    return fragment_or_page(
        request,
        "search/search_page.html",
        context,
        fragment_template="search/includes/results.html",
    )
