from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from wagtail.models import Page, PageViewRestriction
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from community.models import Association

        from .empty import forget_vocabulary

        # The spelling suggestions' vocabulary is cached: forget it when what is visible changes.
        page_published.connect(forget_vocabulary, dispatch_uid="search-vocabulary-published")
        page_unpublished.connect(forget_vocabulary, dispatch_uid="search-vocabulary-unpublished")
        post_page_move.connect(forget_vocabulary, dispatch_uid="search-vocabulary-moved")
        for model in (PageViewRestriction, Association):
            post_save.connect(forget_vocabulary, sender=model, dispatch_uid=f"search-vocabulary-save-{model.__name__}")
            post_delete.connect(forget_vocabulary, sender=model, dispatch_uid=f"search-vocabulary-del-{model.__name__}")
        post_delete.connect(forget_vocabulary, sender=Page, dispatch_uid="search-vocabulary-page-deleted")
