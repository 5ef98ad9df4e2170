"""A kit translated with wagtail-localize: steps, FAQ, checklist and material labels in
English; themes matched across languages; the English index lists only translations."""

import re
from html import unescape

import pytest

from home.factories import heading, paragraph, stream
from home.localization import translate
from kits.factories import checklist, faq, step
from kits.models import KitPage

pytestmark = pytest.mark.django_db

STRINGS = {
    "Bourse aux vélos": "Bike swap",
    "bourse-aux-velos": "bike-swap",
    "Une bourse aux vélos d'occasion pour que chacun roule en sécurité.": (
        "A second-hand bike swap so that everyone rides safely."
    ),
    "Le déroulé": "How it goes",
    "Collecter les vélos": "Collect the bikes",
    "<p>Affichez l'appel aux dons chez les commerçants.</p>": "<p>Put up the call for donations in local shops.</p>",
    "Vérifier les freins": "Check the brakes",
    "<p>Un mécanicien bénévole contrôle chaque vélo.</p>": "<p>A volunteer mechanic checks every bike.</p>",
    "Vendre à petit prix": "Sell cheaply",
    "<p>Les prix couvrent les pièces.</p>": "<p>Prices cover the parts.</p>",
    "Faut-il un local ?": "Do we need a room?",
    "<p>Une cour d'école suffit.</p>": "<p>A school yard is enough.</p>",
    "Outils": "Tools",
    "Clés plates": "Spanners",
    "Fiche de contrôle du vélo": "Bike check sheet",
}


@pytest.fixture
def bike_kit(make_kit, themes):
    kit = make_kit(
        title="Bourse aux vélos",
        slug="bourse-aux-velos",
        summary="Une bourse aux vélos d'occasion pour que chacun roule en sécurité.",
        themes=[themes["securite-routiere"]],
        audiences=["families"],
        body=stream(
            heading("Le déroulé"),
            paragraph("Texte non traduit exprès."),
            step("Collecter les vélos", "Affichez l'appel aux dons chez les commerçants."),
            step("Vérifier les freins", "Un mécanicien bénévole contrôle chaque vélo."),
            step("Vendre à petit prix", "Les prix couvrent les pièces."),
            checklist("Outils", ["Clés plates"]),
            faq([("Faut-il un local ?", "Une cour d'école suffit.")]),
        ),
        materials=0,
        publish=False,
    )
    from kits.factories import KitDocumentFactory, KitMaterialFactory

    KitMaterialFactory(page=kit, document=KitDocumentFactory(), label="Fiche de contrôle du vélo")
    kit.save_revision().publish()
    return KitPage.objects.get(pk=kit.pk)


def test_translation_round_trip(client, bike_kit):
    assert client.get("/en/kits/bourse-aux-velos/").status_code == 404  # not translated yet
    english = translate(bike_kit, "en", STRINGS)
    english.refresh_from_db()

    assert english.url == "/en/kits/bike-swap/"
    assert english.translation_key == bike_kit.translation_key
    assert english.live and not english.alias_of_id
    html = unescape(client.get("/en/kits/bike-swap/").content.decode())
    assert re.search(r"Step 2</span> Check the brakes", html)
    assert "<summary>Do we need a room?</summary>" in html
    assert "<li>Spanners</li>" in html
    assert '<span class="material-list__label">Bike check sheet</span>' in html
    assert "Texte non traduit exprès." in html  # strings left out keep the source text
    assert "Road safety" in html  # the French theme row, rendered in English

    material, source_material = english.materials.get(), bike_kit.materials.get()
    assert material.document_id == source_material.document_id  # one file for both languages
    assert material.locale.language_code == "en"

    found = re.findall(r'card__title"><a href="([^"]+)"', client.get("/en/kits/?theme=road-safety").content.decode())
    assert "/en/kits/bike-swap/" in found
    french = client.get("/kits/?theme=securite-routiere").content.decode()
    assert "/kits/bourse-aux-velos/" in french and "bike-swap" not in french

    # The source changes, the translation follows when updated again.
    bike_kit.title = "Bourse aux vélos d'occasion"
    bike_kit.save_revision().publish()
    translate(bike_kit, "en", {**STRINGS, "Bourse aux vélos d'occasion": "Second-hand bike swap"})
    assert "Second-hand bike swap" in client.get("/en/kits/bike-swap/").content.decode()
    assert client.get("/en/kits/bourse-aux-velos/").status_code == 302  # French slug leads to the translation
