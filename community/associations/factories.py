"""Factories for the directory: used by the tests and by the demo content."""

import factory

from django.utils.text import slugify

from community.associations.models import Association


class AssociationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Association {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.name))
    website = factory.LazyAttribute(lambda obj: f"https://{obj.slug}.example.org")
    short_description = "Une association du réseau Relais."

    class Meta:
        model = Association
        django_get_or_create = ["slug"]
