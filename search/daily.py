"""Daily jobs of the search app, run by `manage.py run_daily`: keep the search statistics
small. Promotion hits older than WAGTAILSEARCH_HITS_MAX_AGE days go (Wagtail's own rule),
then the queries left with neither hits nor promotions; searches without results not
repeated for a year go too."""

from datetime import timedelta

from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from search.models import ZeroResultQuery

ZERO_RESULT_RETENTION = timedelta(days=365)


def run(stdout):
    QueryDailyHits.garbage_collect()
    Query.garbage_collect()
    deleted, _ = ZeroResultQuery.objects.filter(last_seen__lt=timezone.now() - ZERO_RESULT_RETENTION).delete()
    stdout.write(f"search: {deleted} old searches without results removed")
