from django.utils.translation import gettext_lazy as _

from home.models import BaseIndexPage


class EventIndexPage(BaseIndexPage):
    """/evenements/: upcoming peer sessions first, then the archive."""

    template = "events/event_index_page.html"

    class Meta:
        verbose_name = _("event index")
