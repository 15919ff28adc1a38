"""The search page's view: the form, the result types with their counts, the results."""

from urllib.parse import urlencode

from django.utils.translation import gettext_lazy as _

from history.core.fragments import fragment_or_page

from .corpus import KINDS
from .finding import MAX_QUERY, find

KIND_LABELS = {
    "paragraph": _("Paragraphs of the bulletin"),
    "essay": _("Essays"),
    "event": _("Timeline events"),
    "place": _("Places"),
    "term": _("Glossary terms"),
    "lesson": _("Lessons"),
}
SHOWN = 50  # results on one page; the types narrow the rest


def search(request, page):
    raw = request.GET.get("q", "")
    query = " ".join(raw.split())[:MAX_QUERY]
    kind = request.GET.get("type", "")
    kind = kind if kind in KINDS else ""
    hits = find(query, request) if query else []
    counts = {k: 0 for k in KINDS}
    for hit in hits:
        counts[hit.document.kind] += 1
    shown = [hit for hit in hits if not kind or hit.document.kind == kind]
    context = page.get_context(request)
    context.update(
        query=query,
        max_query=MAX_QUERY,
        cut=len(" ".join(raw.split())) > MAX_QUERY,
        kind=kind,
        total=len(hits),
        count=len(shown),
        hits=shown[:SHOWN],
        more=len(shown) > SHOWN,
        filters=[
            {
                "kind": k,
                "label": KIND_LABELS[k] if k else _("All"),
                "count": counts[k] if k else len(hits),
                "url": "?" + urlencode([("q", query)] + ([("type", k)] if k else [])),
            }
            for k in ["", *KINDS]
        ],
        kind_labels=KIND_LABELS,
    )
    return fragment_or_page(
        request,
        "search/search_page.html",
        context,
        fragment_template="search/includes/results.html",
    )
