from django.utils.translation import gettext_lazy as _

from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path

from home.models import BaseIndexPage


class TestimonialIndexPage(RoutablePageMixin, BaseIndexPage):
    """/actions-locales/: the wall of local actions told by those who ran them, the form
    to share one (partager/) and one page per approved testimonial (<id>/)."""

    template = "community/testimonial_index_page.html"

    class Meta:
        verbose_name = _("local actions wall")

    @path("")
    def wall(self, request):
        from ..testimonial_listing import wall_context

        return self.render(request, context_overrides=wall_context(request, self))

    @path("partager/", name="share")
    def share(self, request):
        from ..testimonial_views import share

        return share(request, self)

    @path("partager/merci/", name="share_thanks")
    def share_thanks(self, request):
        from ..testimonial_views import share_thanks

        return share_thanks(request, self)

    @re_path(r"^(?P<pk>[0-9]{1,9})/$", name="testimonial")
    def testimonial(self, request, pk):
        from ..testimonial_views import detail

        return detail(request, self, int(pk))


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
