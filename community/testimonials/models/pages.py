"""/actions-locales/: the wall of local actions, the form to share one and one page per
approved testimonial. The routes hand over to the views; nothing below imports this
module (they find the page by string when they need its address)."""

from django.utils.translation import gettext_lazy as _

from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path

from community.testimonials import views
from community.testimonials.listing import wall_context
from home.models import BaseIndexPage


class TestimonialIndexPage(RoutablePageMixin, BaseIndexPage):
    """/actions-locales/: the wall of local actions told by those who ran them, the form
    to share one (partager/) and one page per approved testimonial (<id>/)."""

    template = "community/testimonial_index_page.html"

    class Meta:
        app_label = "community"
        verbose_name = _("local actions wall")

    @path("")
    def wall(self, request):
        return self.render(request, context_overrides=wall_context(request, self))

    @path("partager/", name="share")
    def share(self, request):
        return views.share(request, self)

    @path("partager/merci/", name="share_thanks")
    def share_thanks(self, request):
        return views.share_thanks(request, self)

    @re_path(r"^(?P<pk>[0-9]{1,9})/$", name="testimonial")
    def testimonial(self, request, pk):
        return views.detail(request, self, int(pk))
