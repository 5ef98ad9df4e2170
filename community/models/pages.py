from django.utils.translation import gettext_lazy as _

from home.models import BaseIndexPage


class TestimonialIndexPage(BaseIndexPage):
    """/actions-locales/: the wall of local actions told by those who ran them."""

    template = "community/testimonial_index_page.html"

    class Meta:
        verbose_name = _("local actions wall")


class ArticleIndexPage(BaseIndexPage):
    """/ressources/: Petit Déj recaps and guides."""

    template = "community/article_index_page.html"

    class Meta:
        verbose_name = _("article index")


class AssociationIndexPage(BaseIndexPage):
    """/associations/: the network's directory."""

    template = "community/association_index_page.html"

    class Meta:
        verbose_name = _("association directory")
