"""Factories for the community app: used by the tests and by the demo content."""

import factory
import wagtail_factories
from allauth.account.models import EmailAddress

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.text import slugify

from wagtail.models import Locale

from .models import ArticlePage, Association, MemberProfile


class AssociationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Association {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.name))
    website = factory.LazyAttribute(lambda obj: f"https://{obj.slug}.example.org")
    short_description = "Une association du réseau Relais."

    class Meta:
        model = Association
        django_get_or_create = ["slug"]


class UserFactory(factory.django.DjangoModelFactory):
    first_name = factory.Faker("first_name", locale="fr_FR")
    last_name = factory.Faker("last_name", locale="fr_FR")
    email = factory.Sequence(lambda n: f"membre{n}@example.org")
    username = factory.LazyAttribute(lambda obj: obj.email)
    password = factory.PostGenerationMethodCall("set_password", "Un-mot-de-passe-solide-42")

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @factory.post_generation
    def verified_email(obj, create, extracted, **kwargs):
        """A verified primary address, as after sign-up (allauth requires it to log in)."""
        if not create:
            return
        obj.save()  # keeps the password set just above
        if extracted is not False:
            EmailAddress.objects.get_or_create(user=obj, email=obj.email, defaults={"verified": True, "primary": True})


class MemberFactory(factory.django.DjangoModelFactory):
    """A member profile (pending by default); `approved=True` / `declined=True` traits."""

    user = factory.SubFactory(UserFactory)
    association = factory.SubFactory(AssociationFactory)
    role = "Référente bénévoles"
    language = "fr"

    class Meta:
        model = MemberProfile

    class Params:
        approved = factory.Trait(status=MemberProfile.Status.APPROVED, approved_at=factory.LazyFunction(timezone.now))
        declined = factory.Trait(status=MemberProfile.Status.DECLINED, approved_at=factory.LazyFunction(timezone.now))


class ArticlePageFactory(wagtail_factories.PageFactory):
    """An article under the resources index (`parent=`); body as stream JSON."""

    title = factory.Sequence(lambda n: f"Article {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.title))
    introduction = "Ce que le réseau a appris."
    category = "guide"
    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="fr"))

    class Meta:
        model = ArticlePage
