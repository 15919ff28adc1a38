"""The editors' guide: one admin page on how this site's admin does what editors do most,
linked from the admin menu and from a panel on the dashboard."""

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from history.core.roles import AUTHORS, EDITORS, has_role

from .review import WORKFLOW_NAME


def is_editorial_staff(user):
    """Editors and authors: the people the editors' guide is for."""
    return has_role(user, EDITORS, AUTHORS)


class EditorsGuideView(WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Editors' guide")
    header_icon = "help"
    template_name = "publishing/editors_guide.html"

    def dispatch(self, request, *args, **kwargs):
        # Teachers have their own part of the admin; this page is about the rest.
        if not is_editorial_staff(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["workflow_name"] = WORKFLOW_NAME
        return context


class GuidePanel(Component):
    """A dashboard panel pointing editors and authors to the guide."""

    name = "editors_guide"
    template_name = "publishing/guide_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        return {"guide_url": reverse("editors_guide")}
