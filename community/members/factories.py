"""Factories for member accounts: used by the tests and by the demo content."""

import factory
from allauth.account.models import EmailAddress

from django.contrib.auth import get_user_model
from django.utils import timezone

from community.associations.factories import AssociationFactory
from community.members.models import MemberProfile


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
