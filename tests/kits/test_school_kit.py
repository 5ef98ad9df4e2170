"""School kits: the kit page itself links the next training sessions, explains how a
volunteer who is not a member becomes accredited and links the charter; the declaration
form shows one box, not three; one word, "habilité·e", everywhere."""

import re
from html import unescape
from pathlib import Path

import polib
import pytest

from events.factories import EventPageFactory
from events.models import EventIndexPage
from home.factories import StandardPageFactory
from home.models import HomePage

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def charter():
    home = HomePage.objects.get(locale__language_code="fr")
    page = StandardPageFactory(parent=home, title="Charte d'intervention (test)", slug="charte-test")
    page.save_revision().publish()
    return page


@pytest.fixture
def school_kit(make_kit, charter):
    return make_kit(title="Course à l'école (test)", slug="course-ecole-test", school=True, school_charter=charter)


@pytest.fixture
def training():
    page = EventPageFactory.build(
        title="Formation école (test)", slug="formation-ecole-test", training_for_school_actions=True
    )
    EventIndexPage.objects.get(locale__language_code="fr").add_child(instance=page)
    page.save_revision().publish()
    return page


def main_of(html):
    return unescape(html.split("<main", 1)[1].split("</main>", 1)[0])


def test_the_kit_page_links_the_sessions_explains_accreditation_and_links_the_charter(
    client, school_kit, training, charter
):
    html = main_of(client.get(school_kit.url).content.decode())
    assert "Comment devenir habilité·e" in html
    assert "membres du réseau ou non" in html
    assert f'href="{training.url}#registration-title"' in html
    assert f'<a href="{charter.url}">la charte d\'intervention en milieu scolaire</a>' in html


def test_without_a_charter_page_the_kit_says_where_the_charter_comes_from(client, make_kit):
    kit = make_kit(title="Atelier à l'école (test)", slug="atelier-ecole-test", school=True)
    html = main_of(client.get(kit.url).content.decode())
    assert "que l'association vous remet à la formation" in html


def test_the_declaration_form_has_one_box(client, school_kit, training):
    html = main_of(client.get(school_kit.url + "je-me-lance/").content.decode())
    assert len(re.findall(r'class="callout[ "]', html)) == 1
    box = html.split('class="callout', 1)[1].split("</section>", 1)[0]
    assert "Formation école (test)" in box
    assert "Déjà habilité·e ? Connectez-vous pour être reconnu·e." in box
    assert "Vous pouvez tout de même déclarer votre action" in box


def test_one_word_for_accreditation_in_the_french_words_and_the_demo():
    offenders = []
    for path in ROOT.glob("*/locale/fr/LC_MESSAGES/django.po"):
        for entry in polib.pofile(str(path)):
            if re.search(r"agré(é|e|ment)", entry.msgstr, re.IGNORECASE):
                offenders.append(f"{path.parent.parent.parent.parent.name}: {entry.msgstr}")
    for path in [*ROOT.glob("*/demo.py"), *ROOT.glob("community/*/demo.py")]:
        if re.search(r"agré(é|e|ment)", path.read_text(), re.IGNORECASE):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []
