from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    """Feedback threads on articles, kits and sessions (django-comments-xtd's models)."""

    name = "community.comments"
    label = "community_comments"
    verbose_name = _("Feedback threads")

    def ready(self):
        from community.comments import personal_data, threads
        from core.page_cache_signals import register_sections

        personal_data.register()
        register_sections("django_comments_xtd.xtdcomment", threads.comment_sections)
        register_sections("django_comments.commentflag", threads.flag_sections)
