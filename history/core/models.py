"""The home page, and the record the content loader keeps of what it loaded."""

from django.db import models
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from . import versions

EDITORIAL_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class HomePage(Page):
    """The front door: what the site is, why it matters, and where to start."""

    lede = models.TextField(_("lede"), help_text=_("One or two sentences under the title."))
    introduction = RichTextField(_("what this is"), features=EDITORIAL_FEATURES)
    why_it_matters = RichTextField(_("why it matters"), features=EDITORIAL_FEATURES)
    reading_critically = RichTextField(
        _("reading a government report critically"), features=EDITORIAL_FEATURES
    )
    content_note = models.TextField(
        _("content note"),
        help_text=_("What readers should know before they read (e.g. executions are reported)."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("lede"),
        FieldPanel("content_note"),
        FieldPanel("introduction"),
        FieldPanel("why_it_matters"),
        FieldPanel("reading_critically"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["entry_points"] = versions.cached(
            "home-entries", lambda: self.entry_points(request), vary=[self.pk], request=request
        )
        return context

    def entry_points(self, request):
        """The sections of the site (the pages of the menu), as cards: [{"title", "url",
        ...}]. A page may say what its card's button does with `entry_action`."""
        entries = []
        for page in self.get_children().live().public().in_menu().specific():
            summary = getattr(page, "summary", "")
            entries.append(
                {
                    "title": page.title,
                    "url": page.get_url(request),
                    "original_title": getattr(page, "original_title", ""),
                    "original_title_language": getattr(page, "original_title_language", ""),
                    "summary": mark_safe(expand_db_html(summary)) if summary else "",
                    "description": page.search_description,
                    "action": str(getattr(page, "entry_action", _("Open"))),
                }
            )
        return entries


class LoadedContent(models.Model):
    """What `load_site` last loaded from a content file, so that it can tell a file that
    changed from an object that an editor changed since (and keep the editor's work)."""

    key = models.CharField(max_length=200, unique=True)
    digest = models.CharField(max_length=64)
    revision_id = models.BigIntegerField(null=True, blank=True)
    loaded_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return self.key


class ImageKey(models.Model):
    """The name content files give an image (its file name in `site/images/`), whatever name
    the storage gave its file."""

    image = models.OneToOneField(
        "wagtailimages.Image", on_delete=models.CASCADE, related_name="content_key"
    )
    key = models.CharField(max_length=200, unique=True)

    def __str__(self):
        return self.key


from .bibliography import SourceRecord  # noqa: E402,F401
