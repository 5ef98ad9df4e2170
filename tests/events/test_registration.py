"""Registering, the waiting list, cancelling and promotion, guests confirming by e-mail."""

from datetime import timedelta
from html import unescape

import pytest

from django.core import mail
from django.test import Client
from django.utils import timezone

from community.members.factories import MemberFactory
from events import calendar
from events.factories import RegistrationFactory
from events.models import Registration
from tests.events.conftest import ics_of, last_mail_to, links_in, mails_to, single_vevent

pytestmark = pytest.mark.django_db

URL = "/evenements/petit-dej-de-test/"
SECRET_LINK = "https://visio.example.org/petit-dej-secret"


def register(client, url=URL, **data):
    return client.post(url + "inscription/", {"kind": "member", "may_name_association": "on", **data}, follow=True)


def register_guest(client, url=URL, **data):
    fields = {"kind": "guest", "name": "Awa Diallo", "email": "awa@example.org", "organisation": "Amicale du Nord"}
    fields.update({"consent": "on", **data})
    return client.post(url + "inscription/", fields, follow=True)


def test_member_registers_in_one_click_and_gets_the_calendar_file(
    client, event, member, django_capture_on_commit_callbacks
):
    client.force_login(member)
    html = client.get(URL).content.decode()
    assert "S'inscrire" in html
    with django_capture_on_commit_callbacks(execute=True):
        response = register(client)
    html = unescape(response.content.decode())
    assert "Votre place est confirmée" in html
    assert "Vous êtes inscrit·e : votre place est confirmée." in html
    registration = Registration.objects.get(event=event, user=member)
    assert registration.status == "confirmed"
    assert registration.may_name_association is True
    assert registration.association == member.member_profile.association
    message = last_mail_to(member.email)
    assert "Votre place est confirmée" in message.subject
    assert SECRET_LINK in message.body  # confirmed participants get the link
    assert message.alternatives[0][1] == "text/html"
    vevent = single_vevent(ics_of(message))
    assert SECRET_LINK in str(vevent["description"])
    assert vevent["uid"] == calendar.registration_uid(registration)


def test_registering_twice_returns_the_existing_registration(client, event, member, django_capture_on_commit_callbacks):
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        register(client)
        response = register(client)
    assert "Vous êtes déjà inscrit·e" in unescape(response.content.decode())
    assert Registration.objects.filter(event=event, user=member).count() == 1
    assert len(mails_to(member.email)) == 1


def test_full_event_puts_people_on_the_waiting_list_in_order(
    client, make_event, make_member, django_capture_on_commit_callbacks
):
    make_event(title="Petit Déj de test", slug="petit-dej-de-test", capacity=1)
    first, second, third = make_member(), make_member(), make_member()
    with django_capture_on_commit_callbacks(execute=True):
        for user in (first, second, third):
            client.force_login(user)
            response = register(client)
    assert "numéro 2 sur la liste d'attente" in unescape(response.content.decode())
    statuses = {r.user: (r.status, r.waiting_position) for r in Registration.objects.all() if r.user}
    assert statuses[first] == ("confirmed", None)
    assert statuses[second] == ("waiting", 1)
    assert statuses[third] == ("waiting", 2)
    waiting_mail = last_mail_to(second.email)
    assert "liste d'attente" in waiting_mail.subject
    # The online link never reaches the waiting list, neither in the text nor in the calendar file.
    assert SECRET_LINK not in waiting_mail.body
    assert SECRET_LINK not in waiting_mail.alternatives[0][0]
    assert waiting_mail.attachments == []  # no calendar file for a seat they do not have


def test_cancelling_frees_the_seat_for_the_first_person_waiting(
    client, make_event, make_member, django_capture_on_commit_callbacks
):
    event = make_event(title="Petit Déj de test", slug="petit-dej-de-test", capacity=1)
    first, second, third = make_member(), make_member(), make_member()
    with django_capture_on_commit_callbacks(execute=True):
        for user in (first, second, third):
            client.force_login(user)
            register(client)
    mail.outbox.clear()
    client.force_login(first)
    token = Registration.objects.get(user=first).token
    assert "Annuler mon inscription" in client.get(f"{URL}annuler/{token}/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{URL}annuler/{token}/", follow=True)
    assert "Votre inscription est annulée" in unescape(response.content.decode())
    assert Registration.objects.get(user=first).status == "cancelled"
    promoted = Registration.objects.get(user=second)
    assert (promoted.status, promoted.waiting_position) == ("confirmed", None)
    assert Registration.objects.get(user=third).waiting_position == 1
    assert event.registrations.confirmed().count() == 1
    assert "annulée" in last_mail_to(first.email).subject
    promotion = last_mail_to(second.email)
    assert "Une place s'est libérée" in promotion.subject
    assert SECRET_LINK in promotion.body
    # The cancellation link, used again, does nothing.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{URL}annuler/{token}/")
    assert "déjà été utilisé" in unescape(response.content.decode())
    assert Registration.objects.get(user=second).status == "confirmed"
    assert Registration.objects.get(user=third).status == "waiting"


def test_leaving_the_waiting_list_moves_the_others_up(make_event, make_member, django_capture_on_commit_callbacks):
    from events import services

    event = make_event(title="Petit Déj de test", slug="petit-dej-de-test", capacity=1)
    users = [make_member() for _ in range(4)]
    with django_capture_on_commit_callbacks(execute=True):
        for user in users:
            services.register_member(event, user)
        services.cancel(Registration.objects.get(user=users[1]))
    positions = dict(event.registrations.waiting().values_list("user", "waiting_position"))
    assert positions == {users[2].pk: 1, users[3].pk: 2}
    assert event.registrations.confirmed().get().user == users[0]


def test_french_and_english_pages_share_the_seats(client, make_event, make_member, django_capture_on_commit_callbacks):
    from home.localization import translate

    event = make_event(title="Petit Déj de test", slug="petit-dej-de-test", capacity=1)
    english = translate(event, "en", {"Petit Déj de test": "Test breakfast", "petit-dej-de-test": "test-breakfast"})
    french_member, english_member = make_member(), make_member(language="en")
    with django_capture_on_commit_callbacks(execute=True):
        client.force_login(french_member)
        register(client)
        client.force_login(english_member)
        response = register(client, url="/en/events/test-breakfast/")
    assert "number 1 on the waiting list" in unescape(response.content.decode())
    assert Registration.objects.filter(event=english).count() == 0
    assert Registration.objects.filter(event=event).count() == 2
    message = last_mail_to(english_member.email)
    assert "waiting list" in message.subject
    assert "/en/events/test-breakfast/" in message.body


def test_closed_past_and_not_yet_open_events_refuse_with_a_message(client, make_event, member):
    client.force_login(member)
    make_event(title="Fermé", slug="ferme", registration_closes_at=timezone.now() - timedelta(hours=1))
    start = timezone.now() - timedelta(days=3)
    make_event(title="Passé", slug="passe", start=start, end=start + timedelta(minutes=90))
    make_event(title="Bientôt", slug="bientot", registration_opens_at=timezone.now() + timedelta(days=2))
    for slug, text in [
        ("ferme", "Les inscriptions à cette session sont closes."),
        ("passe", "Cette session est terminée"),
        ("bientot", "Les inscriptions ouvrent le"),
    ]:
        assert text in unescape(client.get(f"/evenements/{slug}/").content.decode())
        response = register(client, url=f"/evenements/{slug}/")
        assert response.status_code == 200
        assert text in unescape(response.content.decode())
    assert not Registration.objects.filter(event__slug__in=["ferme", "passe", "bientot", "petit-dej-de-test"]).exists()


def test_unapproved_member_gets_an_explanation_not_a_seat(client, event):
    pending = MemberFactory().user
    client.force_login(pending)
    assert "Votre adhésion n'est pas encore validée" in unescape(client.get(URL).content.decode())
    response = register(client)
    assert response.status_code == 403
    assert "réseau" in response.content.decode()
    assert not Registration.objects.filter(event__slug__in=["ferme", "passe", "bientot", "petit-dej-de-test"]).exists()


def test_anonymous_member_registration_goes_to_login(client, event):
    response = client.post(URL + "inscription/", {"kind": "member"})
    assert response.status_code == 302
    assert response["Location"].startswith("/compte/login/?next=")


def test_members_only_event_refuses_guests(client, event):
    html = client.get(URL).content.decode()
    # The registration box only: the page's feedback thread has a comment form of its own.
    registration_box = html[html.index('<aside class="event-aside"') : html.index("</aside>")]
    assert 'name="email"' not in registration_box
    response = register_guest(client)
    assert "réservée aux membres du réseau" in unescape(response.content.decode())
    assert not Registration.objects.filter(event__slug__in=["ferme", "passe", "bientot", "petit-dej-de-test"]).exists()


def test_guest_registers_then_confirms_by_e_mail(client, make_event, django_capture_on_commit_callbacks):
    event = make_event(title="Petit Déj de test", slug="petit-dej-de-test", open_to_guests=True, capacity=1)
    html = client.get(URL + "inscription/").content.decode()
    for name in ("name", "email", "organisation", "consent"):
        assert f'name="{name}"' in html
    with django_capture_on_commit_callbacks(execute=True):
        response = register_guest(client)
    assert "Cliquez sur le lien" in unescape(response.content.decode())
    registration = Registration.objects.get(email="awa@example.org")
    assert registration.status == "unconfirmed"
    assert registration.consent_at is not None
    assert event.registrations.confirmed().count() == 0  # no seat before confirming
    message = last_mail_to("awa@example.org")
    assert not message.attachments
    assert SECRET_LINK not in message.body
    confirm_url = next(link for link in links_in(message) if "/confirmer/" in link)
    path = confirm_url.split("8000", 1)[-1].split("testserver", 1)[-1]
    assert "Confirmer mon inscription" in client.get(path).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(path, follow=True)
    assert "Votre place est confirmée" in unescape(response.content.decode())
    registration.refresh_from_db()
    assert registration.status == "confirmed"
    assert SECRET_LINK in last_mail_to("awa@example.org").body
    # Reused: nothing changes, no new e-mail.
    sent = len(mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(path)
    assert "déjà été utilisé" in unescape(response.content.decode())
    assert len(mail.outbox) == sent


def test_unconfirmed_guest_holds_no_seat(client, make_event, member, django_capture_on_commit_callbacks):
    make_event(title="Petit Déj de test", slug="petit-dej-de-test", open_to_guests=True, capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        register_guest(client)
        client.force_login(member)
        register(client)
    assert Registration.objects.get(user=member).status == "confirmed"
    guest = Registration.objects.get(email="awa@example.org")
    client.logout()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{URL}confirmer/{guest.token}/")
    guest.refresh_from_db()
    assert (guest.status, guest.waiting_position) == ("waiting", 1)


def test_confirmation_link_after_cancelling_does_not_give_the_seat_back(
    client, make_event, django_capture_on_commit_callbacks
):
    make_event(title="Petit Déj de test", slug="petit-dej-de-test", open_to_guests=True)
    with django_capture_on_commit_callbacks(execute=True):
        register_guest(client)
    guest = Registration.objects.get(email="awa@example.org")
    client.post(f"{URL}annuler/{guest.token}/")
    client.post(f"{URL}confirmer/{guest.token}/")
    guest.refresh_from_db()
    assert guest.status == "cancelled"


def test_guessed_tokens_do_nothing(client, make_event, member):
    event = make_event(title="Petit Déj de test", slug="petit-dej-de-test", open_to_guests=True)
    registration = RegistrationFactory(event=event, user=member, email=member.email)
    other = make_event(title="Autre", slug="autre")
    for path in (
        f"{URL}annuler/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/",
        f"{URL}confirmer/{'x' * 300}/",
        f"/evenements/autre/annuler/{registration.token}/",  # a real token on another event
    ):
        response = client.post(path)
        assert response.status_code == 404
        assert "Ce lien n'est pas valide" in unescape(response.content.decode())
    registration.refresh_from_db()
    assert registration.status == "confirmed"
    assert other.registrations.count() == 0


def test_guest_form_errors_sit_next_to_the_fields_and_keep_what_was_typed(client, make_event):
    make_event(title="Petit Déj de test", slug="petit-dej-de-test", open_to_guests=True)
    response = register_guest(client, email="pas-une-adresse", consent="")
    html = unescape(response.content.decode())
    assert 'value="Awa Diallo"' in html
    assert 'value="pas-une-adresse"' in html
    assert 'id="guest_email_error"' in html
    assert "Cochez cette case" in html
    assert not Registration.objects.filter(event__slug__in=["ferme", "passe", "bientot", "petit-dej-de-test"]).exists()


def test_guests_never_see_members_names(client, make_event, make_member):
    event = make_event(title="Petit Déj de test", slug="petit-dej-de-test", open_to_guests=True)
    user = make_member(user__first_name="Philomène", user__last_name="Zébulon")
    RegistrationFactory(event=event, user=user, name="Philomène Zébulon", email=user.email)
    html = client.get(URL).content.decode()
    assert "Zébulon" not in html
    response = register_guest(client, email=user.email)
    assert "Zébulon" not in response.content.decode()


def test_guest_form_has_its_own_page_and_the_event_page_holds_no_token(client, make_event):
    make_event(title="Petit Déj de test", slug="petit-dej-de-test", open_to_guests=True)
    event_html = client.get(URL).content.decode()
    assert "csrfmiddlewaretoken" not in event_html
    assert f'href="{URL}inscription/"' in event_html
    response = client.get(URL + "inscription/")
    assert response.status_code == 200
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()
    assert 'name="email"' in response.content.decode()


def test_guest_form_page_sends_members_only_visitors_back_to_the_event(client, event):
    response = client.get(URL + "inscription/")
    assert response.status_code == 302 and response["Location"] == URL


def test_post_without_csrf_token_is_refused(make_event):
    make_event(title="Petit Déj de test", slug="petit-dej-de-test", open_to_guests=True)
    client = Client(enforce_csrf_checks=True)
    response = client.post(URL + "inscription/", {"kind": "guest", "name": "X", "email": "x@example.org"})
    assert response.status_code == 403
    assert not Registration.objects.filter(event__slug__in=["ferme", "passe", "bientot", "petit-dej-de-test"]).exists()


def test_member_area_lists_registrations_and_cancels_from_there(
    client, make_event, member, django_capture_on_commit_callbacks
):
    make_event(title="Petit Déj de test", slug="petit-dej-de-test")
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        register(client)
    html = unescape(client.get("/compte/").content.decode())
    assert "Mes inscriptions" in html
    assert "Petit Déj de test" in html
    registration = Registration.objects.get(user=member)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{URL}annuler/{registration.token}/", {"next": "/compte/"})
    assert response["Location"] == "/compte/"
    registration.refresh_from_db()
    assert registration.status == "cancelled"
    assert "Vous n'êtes inscrit·e à aucune session à venir." in unescape(client.get("/compte/").content.decode())


def test_raising_the_capacity_promotes_people_waiting(make_event, make_member, django_capture_on_commit_callbacks):
    from events import services

    event = make_event(title="Petit Déj de test", slug="petit-dej-de-test", capacity=1)
    users = [make_member() for _ in range(3)]
    with django_capture_on_commit_callbacks(execute=True):
        for user in users:
            services.register_member(event, user)
    mail.outbox.clear()
    event.capacity = 2
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()
    assert Registration.objects.get(user=users[1]).status == "confirmed"
    assert Registration.objects.get(user=users[2]).waiting_position == 1
    assert "Une place s'est libérée" in last_mail_to(users[1].email).subject


def test_deleting_an_account_frees_its_seat_and_keeps_past_attendance(
    client, make_event, make_member, django_capture_on_commit_callbacks
):
    from core.personal_data import delete_account, export_personal_data

    event = make_event(title="Petit Déj de test", slug="petit-dej-de-test", capacity=1)
    start = timezone.now() - timedelta(days=30)
    past = make_event(title="Passé", slug="passe", start=start, end=start + timedelta(minutes=90))
    leaving, waiting = make_member(), make_member()
    RegistrationFactory(event=past, user=leaving, email=leaving.email, attended=True, may_name_association=True)
    from events import services

    with django_capture_on_commit_callbacks(execute=True):
        services.register_member(event, leaving)
        services.register_member(event, waiting)
    exported = export_personal_data(leaving)["event_registrations"]
    assert {item["event"] for item in exported} == {"Petit Déj de test", "Passé"}
    with django_capture_on_commit_callbacks(execute=True):
        delete_account(leaving)
    assert Registration.objects.get(user=waiting).status == "confirmed"
    kept = Registration.objects.get(event=past)
    assert kept.user is None and kept.attended is True and leaving.email not in kept.email
