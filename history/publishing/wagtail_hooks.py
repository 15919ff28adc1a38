from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .guide import EditorsGuideView, GuidePanel, is_editorial_staff


class GuideMenuItem(MenuItem):
    def is_shown(self, request):
        return is_editorial_staff(request.user)


@hooks.register("register_admin_urls")
def register_guide_url():
    return [path("guide/", EditorsGuideView.as_view(), name="editors_guide")]


@hooks.register("register_admin_menu_item")
def register_guide_menu_item():
    return GuideMenuItem(
        _("Editors' guide"),
        reverse("editors_guide"),
        name="editors-guide",
        icon_name="help",
        order=900,
    )


@hooks.register("construct_homepage_panels")
def add_guide_panel(request, panels):
    if is_editorial_staff(request.user):
        panels.append(GuidePanel())
