from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    """Feedback threads on articles, kits and sessions (django-comments-xtd's models)."""

    name = "community.comments"
    label = "community_comments"
    verbose_name = _("Feedback threads")

    def ready(self):
        from community.comments import personal_data, threads
        from community.comments.templatetags.comment_threads import fill_thread
        from core import personal_parts
        from core.page_cache_signals import register_sections

        personal_data.register()
        personal_parts.register("comment_thread", fill_thread)
        register_sections("django_comments_xtd.xtdcomment", threads.comment_sections)
        register_sections("django_comments.commentflag", threads.flag_sections)
