"""Associations in the site search: not translated, shown in both languages, each result
leading to its page in the directory."""

from django.utils.translation import gettext_lazy as _

from community.associations.models import Association, AssociationIndexPage
from core.search_types import SearchType


def visible(locale):
    return Association.objects.all()


def fetch(pks, context):
    directory = context.once(
        "association_directory",
        lambda: AssociationIndexPage.objects.live().public().filter(locale=context.locale).first(),
    )
    base = directory.get_url(context.request) if directory else ""
    found = {}
    for association in Association.objects.filter(pk__in=pks):
        if directory:
            association.search_url = base + directory.reverse_subpage("association", kwargs={"slug": association.slug})
        else:
            association.search_url = association.website
        found[association.pk] = association
    return found


def texts(association):
    return [association.localized_short_description.text]


ASSOCIATION_SEARCH = SearchType(
    key="association",
    label=_("Associations"),
    singular=_("Association"),
    model="community.Association",
    visible=visible,
    fetch=fetch,
    texts=texts,
    template="community/associations/search_result.html",
    content_language="fr",  # associations write their descriptions in French
)
