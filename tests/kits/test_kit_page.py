"""The kit page a visitor reads: facts, numbered steps, FAQ, materials (never linked),
the owning association, the school notice, Open Graph and schema.org HowTo."""

import json
import re
from html import unescape

import pytest
from wagtail_factories import ImageFactory

from community.associations.factories import AssociationFactory
from home.factories import callout, heading, paragraph, stream
from kits.choices import Audience, Cost, Difficulty
from kits.factories import checklist, faq, step
from kits.models import KitPage

pytestmark = pytest.mark.django_db

STEPS = [
    ("Obtenir l'accord de l'école", "Présentez le projet à la direction.", "Get the school's agreement"),
    ("Suivre la formation d'agrément", "Inscrivez-vous à la session.", "Attend the accreditation training"),
    ("Sensibiliser les classes", "Une séance par classe.", "Raise awareness in class"),
    ("Organiser le parcours", "Tracez une boucle.", "Set up the course"),
    ("Courir et compter", "Chaque classe court.", "Run and count"),
    ("Collecter les promesses", "Les dons arrivent.", "Collect the pledges"),
]


@pytest.fixture
def run_kit(make_kit, themes):
    """A complete school kit of an association, translated into English."""
    return make_kit(
        title="Course de l'école des Lilas",
        slug="course-ecole-lilas",
        summary="Les élèves courent des tours de cour ou de stade, parrainés par leurs proches.",
        association=AssociationFactory(name="Coureurs du Cœur"),
        audiences=[Audience.PUPILS, Audience.FAMILIES],
        action_duration=180,
        team_min=4,
        team_max=10,
        difficulty=Difficulty.DEMANDING,
        cost=Cost.LOW,
        school_setting=True,
        themes=[themes["solidarite"], themes["sport"]],
        body=stream(
            paragraph("Courir pour les autres."),
            heading("Le déroulé"),
            *[step(title, text, "1 h") for title, text, _english in STEPS],
            faq([("Que faire s'il pleut ?", "Prévoyez une date de repli.")]),
        ),
        materials=[
            {"label": "Guide de la course", "kind": "guide"},
            {"label": "Carnet de parrainage", "kind": "template"},
        ],
        english={
            "Course de l'école des Lilas": "Lilas school run",
            "course-ecole-lilas": "lilas-school-run",
            "Que faire s'il pleut ?": "What if it rains?",
            "Carnet de parrainage": "Sponsorship booklet",
            **{title: english for title, _text, english in STEPS},
        },
    )


@pytest.fixture
def french_only_kit(make_kit):
    return make_kit(title="Ramassage des berges", slug="ramassage-des-berges")


def html_of(response):
    assert response.status_code == 200
    return unescape(response.content.decode())


def test_kit_page_shows_summary_facts_steps_faq_materials_and_association(client, run_kit):
    html = html_of(client.get("/kits/course-ecole-lilas/"))
    assert "Les élèves courent des tours de cour ou de stade" in html
    for fact in ("Public", "Durée", "3 h", "Équipe", "4–10", "Difficulté", "Exigeant", "Coût", "Moins de 50 €"):
        assert fact in html, fact
    assert "Élèves, Familles" in html
    assert re.search(r"Étape 1</span> Obtenir l'accord de l'école", html)
    assert re.search(r"Étape 6</span> Collecter les promesses", html)
    assert "<summary>Que faire s'il pleut ?</summary>" in html
    assert "Coureurs du Cœur" in html
    assert "Carnet de parrainage" in html and "Modèle" in html and "PDF" in html


def test_materials_show_kind_format_and_size_but_no_link(client, make_kit):
    kit = make_kit(title="Kit des supports")
    material = kit.materials.get()
    html = html_of(client.get(kit.url))
    item = r'<li class="material-list__item">\s*<span[^>]*>' + re.escape(material.label) + r"</span>.*?</li>"
    row = re.search(item, html, re.S).group(0)
    assert "Guide" in row and "Français" in row and "PDF" in row
    assert re.search(r"\d+(,\d)?\s(octets|Ko)", row)
    assert "/documents/" not in html and material.document.filename not in html


def test_no_public_page_links_to_a_kit_document(client, run_kit):
    for path in ("/kits/", "/kits/course-ecole-lilas/", "/en/kits/", "/en/kits/lilas-school-run/"):
        assert client.get(path).status_code == 200, path
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
    assert "Milieu scolaire : un·e bénévole habilité·e est indispensable" in html
    assert "Formation obligatoire de 2 h." in html
    default = make_kit(title="Kit école sans note", school_setting=True)
    assert "bénévole habilité·e par l'association" in html_of(client.get(default.url))
    assert "bénévole habilité·e" not in html_of(client.get(make_kit(title="Kit hors école").url))


def test_open_graph_and_howto_json_ld(client, run_kit, settings):
    html = client.get("/kits/course-ecole-lilas/").content.decode()
    assert '<meta property="og:title" content="Course de l&#x27;école des Lilas">' in html
    assert f'<meta property="og:url" content="{settings.BASE_URL}/kits/course-ecole-lilas/">' in html
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "HowTo"
    assert data["name"] == "Course de l'école des Lilas"
    assert data["totalTime"] == "PT3H0M"
    assert [s["name"] for s in data["step"]][:2] == ["Obtenir l'accord de l'école", "Suivre la formation d'agrément"]
    assert data["author"]["name"] == "Coureurs du Cœur"


def test_open_graph_and_json_ld_addresses_are_on_base_url(client, make_kit, settings):
    """Not the request's host, nor Wagtail's Site record (core.links)."""
    settings.BASE_URL = "https://relais.example.org"
    make_kit(title="Kit en vitrine", slug="kit-en-vitrine", hero_image=ImageFactory())
    html = client.get("/kits/kit-en-vitrine/", HTTP_HOST="localhost").content.decode()
    assert '<meta property="og:url" content="https://relais.example.org/kits/kit-en-vitrine/">' in html
    image = re.search(r'<meta property="og:image" content="([^"]+)">', html).group(1)
    assert image.startswith("https://relais.example.org/") and "fill-1200x630" in image
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["url"] == "https://relais.example.org/kits/kit-en-vitrine/"


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


def test_english_kit_is_served_in_english(client, run_kit):
    html = html_of(client.get("/en/kits/lilas-school-run/"))
    assert '<html lang="en">' in html
    assert "Step 1</span> Get the school&#x27;s agreement" in client.get("/en/kits/lilas-school-run/").content.decode()
    assert "<summary>What if it rains?</summary>" in html
    assert "Sponsorship booklet" in html
    assert "School setting: an accredited volunteer is required" in html
    assert "Solidarity" in html and "Sport" in html  # themes rendered in English


def test_untranslated_kit_is_a_404_in_english_with_a_link_to_the_french_kit(client, french_only_kit):
    response = client.get("/en/kits/ramassage-des-berges/")
    assert response.status_code == 404
    html = unescape(response.content.decode())
    assert '<html lang="en">' in html
    assert 'href="/kits/ramassage-des-berges/"' in html
    assert "has not been translated yet" in html


def test_french_slug_under_english_redirects_to_the_english_kit(client, run_kit):
    response = client.get("/en/kits/course-ecole-lilas/")
    assert response.status_code == 302
    assert response["Location"] == "/en/kits/lilas-school-run/"


def test_unknown_kit_is_a_plain_404(client):
    response = client.get("/kits/nulle-part/")
    assert response.status_code == 404
    assert "has not been translated" not in response.content.decode()


def test_howto_json_ld_names_supplies_tools_and_an_image(client, make_kit, settings):
    settings.BASE_URL = "https://relais.example.org"
    kit = make_kit(
        title="Kit du matériel",
        body=stream(
            step("Préparer", "Réunissez l'équipe."),
            checklist("À prévoir", ["Gilets", "Sacs"]),
            step("Agir", "Allez-y."),
        ),
        materials=[{"label": "Affiche A3"}, {"label": "Feuille de collecte"}],
    )
    html = client.get(kit.url).content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert [s["name"] for s in data["step"]] == ["Préparer", "Agir"]
    assert data["supply"] == [{"@type": "HowToSupply", "name": "Gilets"}, {"@type": "HowToSupply", "name": "Sacs"}]
    assert {tool["name"] for tool in data["tool"]} == {"Affiche A3", "Feuille de collecte"}
    assert data["image"] == "https://relais.example.org/static/img/share.png"  # no cover: the site's picture
