"""Searches that found nothing, counted per language: what visitors look for and the site
lacks. No personal data: the normalised query text, its language and counters only."""

import re

from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

PERSONAL = re.compile(r"@|\d[\d .-]{5,}\d")


def looks_personal(text):
    """An e-mail address or a phone-like number: not kept in the statistics."""
    return bool(PERSONAL.search(text or ""))


def normalise(text):
    """Lower-case, trimmed, inner spaces collapsed: "  Collecte  ÉCOLE" → "collecte école"."""
    return " ".join((text or "").lower().split())


class ZeroResultQuery(models.Model):
    language = models.CharField(_("language"), max_length=10)
    query = models.CharField(_("search"), max_length=200)
    count = models.PositiveIntegerField(_("times searched"), default=0)
    first_seen = models.DateTimeField(_("first searched"), default=timezone.now)
    last_seen = models.DateTimeField(_("last searched"), default=timezone.now)

    class Meta:
        verbose_name = _("search without results")
        verbose_name_plural = _("searches without results")
        constraints = [models.UniqueConstraint(fields=["language", "query"], name="search_zero_result_unique")]
        indexes = [models.Index(fields=["language", "-count"], name="search_zero_result_top")]

    def __str__(self):
        return self.query

    @classmethod
    def record(cls, query, language):
        """Count one more search of `query` that found nothing (empty queries are ignored)."""
        text = normalise(query)[:200]
        if not text or looks_personal(text):
            return
        now = timezone.now()
        updated = cls.objects.filter(language=language, query=text).update(count=F("count") + 1, last_seen=now)
        if updated:
            return
        try:
            with transaction.atomic():
                cls.objects.create(language=language, query=text, count=1, first_seen=now, last_seen=now)
        except IntegrityError:  # another request created it first
            cls.objects.filter(language=language, query=text).update(count=F("count") + 1, last_seen=now)
