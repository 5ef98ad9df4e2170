from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TestimonialsConfig(AppConfig):
    """Local actions told by those who ran them: the form, moderation, the wall."""

    name = "community.testimonials"
    label = "community_testimonials"
    verbose_name = _("Testimonials")

    def ready(self):
        from community.associations.space import register_space_section
        from community.testimonials import association_space, personal_data, receivers, search
        from community.testimonials.forms import TestimonialForm
        from community.testimonials.photo_storage import purge_kept_photos_job
        from community.testimonials.sitemap import testimonial_addresses
        from core.daily import register_daily_job
        from core.outage import register_retry_form
        from core.search_types import register_search_type
        from core.sitemap_sources import register_sitemap_source

        personal_data.register()
        receivers.connect()
        register_search_type(search.TESTIMONIAL_SEARCH, order=50)
        register_retry_form(r"/partager/$", TestimonialForm)
        register_daily_job("kept testimonial photos", purge_kept_photos_job, order=60)
        register_sitemap_source(testimonial_addresses)
        register_space_section("community/testimonials/admin/space_stories.html", association_space.context, order=20)
