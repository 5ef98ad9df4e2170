from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.images import get_image_model

from home.models import BaseIndexPage

ARTICLES_PER_PAGE = 12
ASSOCIATIONS_PER_PAGE = 24


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
    """/ressources/: Petit Déj recaps and guides, newest first, filtered by category."""

    template = "community/article_index_page.html"
    subpage_types = ["community.ArticlePage"]

    class Meta:
        verbose_name = _("article index")

    def get_context(self, request, *args, **kwargs):
        from .articles import ArticleCategory, ArticlePage

        context = super().get_context(request, *args, **kwargs)
        articles = ArticlePage.objects.child_of(self).live().public()
        category = request.GET.get("category", "")
        if category in ArticleCategory.values:
            articles = articles.filter(category=category)
        else:
            category = ""
        articles = (
            articles.select_related("author_association")
            .prefetch_related(
                Prefetch("hero_image", queryset=get_image_model().objects.prefetch_renditions("fill-480x270"))
            )
            .order_by("-date", "-pk")
        )
        page = Paginator(articles, ARTICLES_PER_PAGE).get_page(request.GET.get("page"))
        context.update(
            articles_page=page,
            page_range=page.paginator.get_elided_page_range(page.number),
            categories=ArticleCategory.choices,
            chosen_category=category,
        )
        return context


class AssociationIndexPage(RoutablePageMixin, BaseIndexPage):
    """/associations/: the network's directory, filtered by theme and département;
    /associations/<slug>/: one association with its kits and sessions."""

    template = "community/association_index_page.html"

    class Meta:
        verbose_name = _("association directory")

    @path("")
    def directory(self, request):
        from ..directory import directory_context

        return self.render(request, context_overrides=directory_context(request, self))

    @path("<slug:slug>/", name="association")
    def association(self, request, slug):
        from ..directory import association_context
        from .associations import Association

        association = Association.objects.filter(slug=slug).first()
        if association is None:
            raise Http404
        return self.render(
            request,
            template="community/association_page.html",
            context_overrides=association_context(request, self, association),
        )

    def association_url(self, association):
        return self.url + self.reverse_subpage("association", kwargs={"slug": association.slug})
