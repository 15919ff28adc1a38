"""Readers' reports of errors: a plain form (it works without JavaScript), kept for the
editors in the admin, limited per address so that it cannot be used to flood them."""

from django import forms
from django.db import models
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from history.core.throttling import Limit, client_address, too_many_attempts

REPORTS = Limit("error-report", 5, 60 * 60)


class ErrorReport(models.Model):
    """A reader's report of an error, for the editors; what the reader gave and nothing else
    (no address, no account)."""

    where = models.CharField(
        _("where"), max_length=500, blank=True, help_text=_("A page's address, or a paragraph.")
    )
    description = models.TextField(_("what is wrong"), max_length=4000)
    contact = models.EmailField(
        _("e-mail address"), blank=True, help_text=_("Only if the reader wants an answer.")
    )
    language = models.CharField(_("language"), max_length=10)
    received_at = models.DateTimeField(_("received"), auto_now_add=True)
    handled = models.BooleanField(_("handled"), default=False)
    editors_note = models.TextField(_("editors' note"), blank=True)

    panels = [
        FieldPanel("where", read_only=True),
        FieldPanel("description", read_only=True),
        FieldPanel("contact", read_only=True),
        FieldPanel("handled"),
        FieldPanel("editors_note"),
    ]

    class Meta:
        verbose_name = _("error report")
        verbose_name_plural = _("error reports")
        ordering = ["handled", "-received_at"]

    def __str__(self):
        return self.description[:60]


class ErrorReportForm(forms.Form):
    where = forms.CharField(
        label=_("Where is the error?"),
        help_text=_(
            "The page's address or the paragraph (e.g. “Fifth bulletin ¶18”), if you have it."
        ),
        max_length=500,
        required=False,
    )
    description = forms.CharField(
        label=_("What is wrong?"),
        help_text=_(
            "What the site says, and what you think is right, with your source if you have one."
        ),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    contact = forms.EmailField(
        label=_("Your e-mail address (optional)"),
        help_text=_("Only if you would like an answer. It is seen by the editors and nobody else."),
        required=False,
    )


def report_view(page, request):
    """GET: the form (and, after a report, a thank-you); POST: keep the report, or show the
    form again with its errors and what the reader typed."""
    sent = request.GET.get("sent") == "1"
    if request.method == "POST":
        address = client_address(request)
        if REPORTS.reached(address):
            return too_many_attempts(request, REPORTS)
        form = ErrorReportForm(request.POST)
        if form.is_valid():
            REPORTS.count(address)
            ErrorReport.objects.create(**form.cleaned_data, language=get_language())
            return HttpResponseRedirect(page.url + "report/?sent=1")
    else:
        form = ErrorReportForm(initial={"where": request.GET.get("where", "")[:500]})
    context = page.get_context(request)
    context.update(form=form, sent=sent)
    response = TemplateResponse(request, "about/report.html", context)
    # The form carries a CSRF token: never kept by a cache.
    response["Cache-Control"] = "private, no-store"
    return response
