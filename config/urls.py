from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from community.members import views as community_views
from core import views as core_views
from home import views as home_views

# allauth's rate-limit refusals: our 429 page, logged (core.views).
handler429 = "core.views.allauth_too_many_requests"

# Outside the languages: machines and the admin.
urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", home_views.sitemap_xml, name="sitemap"),
    # The admin's own login form would bypass allauth's rate limits: send it to /compte/login/.
    path("admin/login/", community_views.admin_login, name="admin_login_redirect"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# French at the root, English under /en/; Wagtail serves every page last.
urlpatterns += i18n_patterns(
    path("compte/", include("community.members.urls")),
    path("e-mails/desabonner/<str:signed>/", core_views.unsubscribe, name="unsubscribe"),
    # Feedback threads: our views on django-comments-xtd's models (its own URLs would
    # bypass the rate limits and render outside the site's layout).
    path("commentaires/", include("community.comments.urls")),
    path("", include("events.urls")),  # calendar files of the event pages
    path("recherche/", include("search.urls")),  # same path in English: /en/recherche/
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
