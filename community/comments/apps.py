from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    """Feedback threads on articles, kits and sessions (django-comments-xtd's models)."""

    name = "community.comments"
    label = "community_comments"
    verbose_name = _("Feedback threads")

    def ready(self):
        from community.comments import personal_data

        personal_data.register()
