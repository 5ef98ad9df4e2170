from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from core.personal_data_admin import PERMISSION, personal_data_view


@hooks.register("register_admin_urls")
def register_personal_data_url():
    return [path("personal-data/", personal_data_view, name="home_personal_data")]


class PersonalDataMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_settings_menu_item")
def register_personal_data_menu_item():
    return PersonalDataMenuItem(
        _("Personal data"), reverse("home_personal_data"), name="personal-data", icon_name="user", order=900
    )
