"""The kit page a visitor reads: facts, numbered steps, FAQ, materials (never linked),
the owning association, the school notice, Open Graph and schema.org HowTo."""

import json
import re
from html import unescape

import pytest

from home.factories import callout, heading, stream
from kits.factories import faq, step
from kits.models import KitPage

pytestmark = pytest.mark.django_db


def html_of(response):
    assert response.status_code == 200
    return unescape(response.content.decode())


def test_demo_kit_page_shows_summary_facts_steps_faq_materials_and_association(client):
    html = html_of(client.get("/kits/course-solidaire-ecole/"))
    assert "Les élèves courent des tours de cour ou de stade" in html
    for fact in ("Public", "Durée", "3 h", "Équipe", "4–10", "Difficulté", "Exigeant", "Coût", "Moins de 50 €"):
        assert fact in html, fact
    assert "Élèves, Familles" in html
    assert re.search(r"Étape 1</span> Obtenir l'accord de l'école", html)
    assert re.search(r"Étape 6</span> Collecter les promesses", html)
    assert "<summary>Que faire s'il pleut ?</summary>" in html
    assert "Courir Ensemble" in html
    assert "Carnet de parrainage" in html and "Modèle" in html and "PDF" in html


def test_materials_show_kind_format_and_size_but_no_link(client, make_kit):
    kit = make_kit(title="Kit des supports")
    material = kit.materials.get()
    html = html_of(client.get(kit.url))
    row = re.search(r"<tr><td>" + re.escape(material.label) + r"</td>.*?</tr>", html).group(0)
    assert "Guide" in row and "Français" in row and "PDF" in row
    assert re.search(r"\d+(,\d)?\s(octets|Ko)", row)
    assert "/documents/" not in html and material.document.filename not in html


def test_no_public_page_links_to_a_kit_document(client):
    for path in ("/kits/", "/kits/collecte-produits-hygiene/", "/en/kits/", "/en/kits/hygiene-product-collection/"):
        assert "/documents/" not in client.get(path).content.decode(), path


def test_steps_are_numbered_in_body_order_across_other_blocks(client, make_kit):
    body = stream(
        heading("Avant"),
        step("Préparer", "Texte."),
        callout("Une astuce."),
        step("Agir", "Texte."),
        heading("Après"),
        step("Remercier", "Texte."),
    )
    html = html_of(client.get(make_kit(title="Kit numéroté", body=body).url))
    numbers = re.findall(r"Étape (\d)</span> (\w+)", html)
    assert numbers == [("1", "Préparer"), ("2", "Agir"), ("3", "Remercier")]


def test_faq_is_a_disclosure_list(client, make_kit):
    body = stream(step("Agir", "x"), faq([("Combien ?", "Deux."), ("Où ?", "Ici.")]))
    html = html_of(client.get(make_kit(title="Kit FAQ", body=body).url))
    assert html.count('<details class="faq__item">') == 2
    assert "<summary>Combien ?</summary>" in html
    assert '<details class="faq__item" open' not in html


def test_school_setting_notice_only_when_flagged(client, make_kit):
    school = make_kit(title="Kit école", school_setting=True, accreditation_note="Formation obligatoire de 2 h.")
    html = html_of(client.get(school.url))
    assert "Milieu scolaire : un bénévole agréé est indispensable" in html
    assert "Formation obligatoire de 2 h." in html
    default = make_kit(title="Kit école sans note", school_setting=True)
    assert "bénévole agréé par l'association" in html_of(client.get(default.url))
    assert "bénévole agréé" not in html_of(client.get(make_kit(title="Kit hors école").url))


def test_open_graph_and_howto_json_ld(client):
    html = client.get("/kits/course-solidaire-ecole/").content.decode()
    assert '<meta property="og:title" content="Course solidaire à l&#x27;école">' in html
    assert '<meta property="og:url" content="http://localhost/kits/course-solidaire-ecole/">' in html
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "HowTo"
    assert data["name"] == "Course solidaire à l'école"
    assert data["totalTime"] == "PT3H0M"
    assert [s["name"] for s in data["step"]][:2] == ["Obtenir l'accord de l'école", "Suivre la formation d'agrément"]
    assert data["author"]["name"] == "Courir Ensemble"


def test_json_ld_cannot_be_broken_out_of(client, make_kit):
    kit = make_kit(title="</script><script>alert(1)</script>", slug="kit-piege")
    html = client.get(kit.url).content.decode()
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "<script>" not in script
    assert json.loads(script)["name"] == "</script><script>alert(1)</script>"


def test_summary_is_limited_to_300_characters(kit_index):
    from django.core.exceptions import ValidationError

    kit = KitPage(title="Trop long", slug="trop-long", summary="x" * 301)
    with pytest.raises(ValidationError) as error:
        kit.full_clean(exclude=["path", "depth"])
    assert "summary" in error.value.message_dict


def test_english_kit_is_served_in_english(client):
    html = html_of(client.get("/en/kits/charity-run-at-school/"))
    assert '<html lang="en">' in html
    assert (
        "Step 1</span> Get the school&#x27;s agreement"
        in client.get("/en/kits/charity-run-at-school/").content.decode()
    )
    assert "<summary>What if it rains?</summary>" in html
    assert "Sponsorship booklet" in html
    assert "School setting: an accredited volunteer is required" in html
    assert "Solidarity" in html and "Sport" in html  # themes rendered in English


def test_untranslated_kit_is_a_404_in_english_with_a_link_to_the_french_kit(client):
    response = client.get("/en/kits/ramassage-dechets/")
    assert response.status_code == 404
    html = unescape(response.content.decode())
    assert '<html lang="en">' in html
    assert 'href="/kits/ramassage-dechets/"' in html
    assert "has not been translated yet" in html


def test_french_slug_under_english_redirects_to_the_english_kit(client):
    response = client.get("/en/kits/course-solidaire-ecole/")
    assert response.status_code == 302
    assert response["Location"] == "/en/kits/charity-run-at-school/"


def test_unknown_kit_is_a_plain_404(client):
    response = client.get("/kits/nulle-part/")
    assert response.status_code == 404
    assert "has not been translated" not in response.content.decode()
