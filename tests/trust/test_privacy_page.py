"""The privacy page states purposes, legal bases, retention periods and rights, read
from the same RETENTION_* settings the daily purge enforces: change one, the page follows."""

from html import unescape

import pytest

pytestmark = pytest.mark.django_db


def table(client, path):
    html = unescape(client.get(path).content.decode())
    start = html.index("data-personal-data-table")
    return html, html[start : html.index("</table>", start)]


def test_privacy_page_states_purposes_bases_retention_and_rights(client):
    html, rows = table(client, "/confidentialite/")
    for text in ("Finalité", "Base légale", "Durée de conservation", "Votre consentement", "intérêt légitime"):
        assert text in rows
    assert "3 ans après notre dernier contact" in rows
    assert "Invités : 1 an après la session ; membres : 2 ans après la session" in rows
    assert "supprimées après 7 jours" in rows
    assert "CNIL" in html and "effacement" in html
    _, rows = table(client, "/en/privacy/")
    assert "3 years after our last contact" in rows and "Legal basis" in rows


def test_the_page_follows_the_settings(client, settings):
    settings.RETENTION_DECLARATIONS_DAYS = 2 * 365
    settings.RETENTION_UNCONFIRMED_DAYS = 10
    settings.RETENTION_TESTIMONIALS_DAYS = 180
    _, rows = table(client, "/confidentialite/")
    assert "2 ans après notre dernier contact" in rows
    assert "supprimées après 10 jours" in rows
    assert "supprimé après 6 mois" in rows
