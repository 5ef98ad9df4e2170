from django.utils.translation import gettext_lazy as _

from home.models import BaseIndexPage


class KitIndexPage(BaseIndexPage):
    """/kits/: every published kit of the visitor's language."""

    template = "kits/kit_index_page.html"

    class Meta:
        verbose_name = _("kit index")
