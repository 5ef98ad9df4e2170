"""The demo content of the kits section: varied, partly translated, idempotent."""

import pytest

from django.core.management import call_command

from kits.models import KitMaterial, KitPage, Theme

pytestmark = pytest.mark.django_db


def french_kits():
    return list(KitPage.objects.live().filter(locale__language_code="fr").prefetch_related("materials", "themes"))


def test_demo_kits_cover_enough_themes_audiences_and_owners():
    kits = french_kits()
    assert len(kits) >= 8
    assert len({theme.pk for kit in kits for theme in kit.themes.all()}) >= 4
    assert len({audience for kit in kits for audience in kit.audiences}) >= 5
    owners = {kit.association.name for kit in kits}
    assert {"Courir Ensemble", "Dignité Hygiène", "Route Sûre", "Nature Propre"} <= owners
    assert any(kit.school_setting for kit in kits)


def test_every_demo_kit_has_real_pdf_materials():
    for kit in french_kits():
        assert kit.materials.all(), kit.title
        for material in kit.materials.all():
            with material.document.file.open("rb") as handle:
                assert handle.read(8) == b"%PDF-1.4", material.label


def test_exactly_one_demo_kit_is_too_short_and_the_others_are_judged_fine():
    too_short = [kit.title for kit in french_kits() if "too-short" in kit.quality.codes]
    assert too_short == ["Affiches de prévention"]
    assert all(not kit.quality.errors for kit in french_kits())


def test_at_least_two_kits_and_every_theme_are_translated_into_english():
    english = KitPage.objects.live().filter(locale__language_code="en")
    assert english.count() >= 2
    assert (
        Theme.objects.filter(locale__language_code="en").count()
        == Theme.objects.filter(locale__language_code="fr").count()
    )


def test_second_load_creates_nothing():
    counts = (KitPage.objects.count(), KitMaterial.objects.count(), Theme.objects.count())
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert (KitPage.objects.count(), KitMaterial.objects.count(), Theme.objects.count()) == counts


def test_demo_declarations_past_with_downloads_and_upcoming_and_idempotent():
    import io

    from django.utils import timezone

    from kits.models import ActionDeclaration, KitDownload

    demo = ActionDeclaration.objects.filter(email__endswith="@demo.relais.example.org")
    today = timezone.localdate()
    assert demo.filter(planned_date__lt=today, downloads__isnull=False).exists()
    assert demo.filter(planned_date__gt=today).exists()
    assert not demo.filter(kit__locale__language_code="en").exists()
    counts = (demo.count(), KitDownload.objects.count())
    call_command("load_demo", stdout=io.StringIO())
    assert (demo.count(), KitDownload.objects.count()) == counts
