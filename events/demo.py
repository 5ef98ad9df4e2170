"""Demo content of the events section: a past Petit Déj with its recap, two upcoming
sessions (one online and open to guests, one in person and nearly full), in French
with English translations."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from community.members.models import MemberProfile
from events.factories import EventPageFactory, RegistrationFactory, thursday_morning
from events.models import EventFormat, EventIndexPage, EventPage, TopicProposal, TopicVote
from home.localization import translate

RECAP_1 = (
    "Douze référents de six associations ont partagé leurs premiers retours sur les kits d'action autonomes : "
    "ce qui donne envie de se lancer, ce qui bloque encore, et comment suivre les actions sans alourdir le travail des bénévoles."
)
RECAP_2 = (
    "Trois pistes retenues : une fiche « premier contact » d'une page, un rappel automatique avant la date prévue, "
    "et un mur des actions locales pour valoriser chaque initiative."
)
PAST_RECAP = f"<p>{RECAP_1}</p><p>{RECAP_2}</p>"
VENUE = "Maison des associations\n12 rue Neuve\n69002 Lyon"

SESSIONS = [
    {
        "slug": "petit-dej-kits-actions-autonomes",
        "title": "Petit Déj : les kits d'action autonomes",
        "topic": "Premiers retours sur les kits d'action autonomes",
        "introduction": "Comment des personnes éloignées de nos associations mènent une action en autonomie ?",
        "weeks": -7,
        "format": EventFormat.IN_PERSON,
        "venue_address": VENUE,
        "capacity": 15,
        "open_to_guests": False,
        "hosts": ["Courir Ensemble"],
        "host_thanks": "Merci à Courir Ensemble pour l'accueil et les croissants.",
        "recap": PAST_RECAP,
        "english": {
            VENUE: VENUE,  # an address is the same in English
            "Petit Déj : les kits d'action autonomes": "Petit Déj: autonomous action kits",
            "petit-dej-kits-actions-autonomes": "petit-dej-autonomous-action-kits",
            "Premiers retours sur les kits d'action autonomes": "First feedback on autonomous action kits",
            "Comment des personnes éloignées de nos associations mènent une action en autonomie ?": (
                "How do people far from our associations run an action on their own?"
            ),
            "Merci à Courir Ensemble pour l'accueil et les croissants.": (
                "Thanks to Courir Ensemble for hosting us and for the croissants."
            ),
            RECAP_1: (
                "Twelve referents from six associations shared their first feedback on the autonomous action kits: "
                "what makes people want to start, what still holds them back, and how to follow actions up without "
                "adding to volunteers' workload."
            ),
            RECAP_2: (
                "Three ideas kept: a one-page “first contact” sheet, an automatic reminder before the planned date, "
                "and a wall of local actions to showcase every initiative."
            ),
        },
    },
    {
        "slug": "petit-dej-mobiliser-benevoles-en-ligne",
        "title": "Petit Déj en ligne : mobiliser de nouveaux bénévoles",
        "topic": "Recruter et garder des bénévoles quand on est une petite équipe",
        "introduction": "90 minutes en visio pour échanger nos astuces de recrutement. Ouvert aux invités.",
        "weeks": 2,
        "format": EventFormat.ONLINE,
        "online_link": "https://visio.example.org/relais-petit-dej-benevoles",
        "capacity": 30,
        "open_to_guests": True,
        "hosts": ["Route Sûre"],
        "host_thanks": "Merci à Route Sûre qui anime cette session.",
        "english": {
            "Petit Déj en ligne : mobiliser de nouveaux bénévoles": "Online Petit Déj: bringing in new volunteers",
            "petit-dej-mobiliser-benevoles-en-ligne": "online-petit-dej-new-volunteers",
            "Recruter et garder des bénévoles quand on est une petite équipe": (
                "Recruiting and keeping volunteers as a small team"
            ),
            "90 minutes en visio pour échanger nos astuces de recrutement. Ouvert aux invités.": (
                "90 minutes on video to share our recruiting tips. Open to guests."
            ),
            "Merci à Route Sûre qui anime cette session.": "Thanks to Route Sûre for leading this session.",
        },
    },
    {
        "slug": "petit-dej-actions-en-milieu-scolaire",
        "title": "Petit Déj à Lyon : agir en milieu scolaire",
        "topic": "Préparer une action dans une école : autorisations, formation, partenaires",
        "introduction": "Une matinée en présentiel pour partager nos pratiques avec les écoles. Plus qu'une place !",
        "weeks": 9,
        "format": EventFormat.IN_PERSON,
        "venue_address": VENUE,
        "capacity": 12,
        "open_to_guests": False,
        "hosts": ["Nature Propre", "Familles Solidaires"],
        "host_thanks": "Merci à Nature Propre et Familles Solidaires pour l'organisation.",
        "english": {
            VENUE: VENUE,
            "Petit Déj à Lyon : agir en milieu scolaire": "Petit Déj in Lyon: acting in schools",
            "petit-dej-actions-en-milieu-scolaire": "petit-dej-acting-in-schools",
            "Préparer une action dans une école : autorisations, formation, partenaires": (
                "Preparing an action in a school: permissions, training, partners"
            ),
            "Une matinée en présentiel pour partager nos pratiques avec les écoles. Plus qu'une place !": (
                "A morning in person to share how we work with schools. One seat left!"
            ),
            "Merci à Nature Propre et Familles Solidaires pour l'organisation.": (
                "Thanks to Nature Propre and Familles Solidaires for organising it."
            ),
        },
    },
    {
        "slug": "formation-interventions-milieu-scolaire",
        "title": "Formation : intervenir en milieu scolaire",
        "topic": "Habilitation des bénévoles aux actions dans les écoles",
        "introduction": "Une heure et demie en ligne pour être habilité·e à mener une action de kit dans une école.",
        "weeks": 5,
        "format": EventFormat.ONLINE,
        "online_link": "https://visio.example.org/formation-ecoles",
        "capacity": 20,
        "open_to_guests": True,
        "training": True,
        "hosts": ["Courir Ensemble"],
        "host_thanks": "",
        "english": {
            "Formation : intervenir en milieu scolaire": "Training: running actions in schools",
            "formation-interventions-milieu-scolaire": "training-actions-in-schools",
            "Habilitation des bénévoles aux actions dans les écoles": "Accrediting volunteers for actions in schools",
            "Une heure et demie en ligne pour être habilité·e à mener une action de kit dans une école.": (
                "Ninety minutes online to be accredited to run a kit's action in a school."
            ),
        },
    },
]

TOPICS = [
    # (title, description, proposer's e-mail, number of votes)
    (
        "Recruter des bénévoles loin de nos antennes",
        "Comment trouver et accompagner des bénévoles dans les territoires où nous n'avons personne ?",
        "claire.martin@example.org",
        3,
    ),
    (
        "Mesurer l'impact d'une action locale",
        "Quels indicateurs simples demander aux personnes qui mènent une action avec un kit ?",
        "karim.benali@example.org",
        2,
    ),
    (
        "Travailler avec les mairies",
        "Salles, autorisations, relais de communication : vos retours.",
        "ines.moreau@example.org",
        2,
    ),
    ("Accueillir des jeunes en service civique", "", "claire.martin@example.org", 1),
    ("Financer le matériel des kits", "Mutualiser les achats entre associations ?", "karim.benali@example.org", 0),
]
SELECTED_TOPIC = "Recruter des bénévoles loin de nos antennes"


def skeleton(demo):
    """The events' section: its index in both languages."""
    return demo.ensure_index(
        EventIndexPage,
        slug="evenements",
        title="Événements",
        introduction="Les Petits Déj interassociatifs et les formations du réseau.",
        english={
            "Événements": "Events",
            "evenements": "events",
            "Les Petits Déj interassociatifs et les formations du réseau.": (
                "The network's inter-association breakfasts and training sessions."
            ),
        },
    )


def load(demo):
    index = skeleton(demo)
    for session in SESSIONS:
        page = EventPage.objects.filter(locale=demo.french, slug=session["slug"]).first()
        if page is None:
            start = thursday_morning(session["weeks"])
            page = EventPageFactory.build(
                title=session["title"],
                slug=session["slug"],
                topic=session["topic"],
                introduction=session["introduction"],
                start=start,
                end=start + timedelta(minutes=90),
                format=session["format"],
                venue_address=session.get("venue_address", ""),
                online_link=session.get("online_link", ""),
                capacity=session["capacity"],
                open_to_guests=session["open_to_guests"],
                host_thanks=session["host_thanks"],
                recap=session.get("recap", ""),
                training_for_school_actions=session.get("training", False),
                locale=demo.french,
            )
            index.add_child(instance=page)
            page.host_associations.set([demo.associations[name] for name in session["hosts"]])
            demo.publish(page)
            demo.note(session["title"])
        if not page.has_translation(demo.english):
            translate(page, "en", session["english"])
    demo.on_finish(load_registrations)
    demo.on_finish(load_topics)


def load_registrations(demo):
    """History once the members exist: who came to the past session, and a nearly full one."""
    past, _online, school = (EventPage.objects.get(locale=demo.french, slug=s["slug"]) for s in SESSIONS[:3])
    if not past.registrations.exists():
        members = get_user_model().objects.filter(member_profile__status="approved").select_related("member_profile")
        for user in members:
            profile = user.member_profile
            RegistrationFactory(
                event=past,
                user=user,
                name=user.get_full_name(),
                email=user.email,
                association=profile.association,
                organisation=profile.association_display,
                attended=True,
                may_name_association=True,
            )
        RegistrationFactory(event=past, organisation="Souffle Commun", attended=True, may_name_association=True)
        RegistrationFactory(event=past, organisation="Une association discrète", attended=True)
        RegistrationFactory(event=past, organisation="Dignité Hygiène", attended=False, may_name_association=True)
    if not school.registrations.exists():
        for _ in range(school.capacity - 1):
            RegistrationFactory(event=school, confirmed_at=timezone.now())
        demo.note(f"{school.capacity - 1} registrations for {school.title}")


def load_topics(demo):
    """Five proposals with votes (the most wanted selected for the upcoming online Petit Déj),
    and one accredited member. Idempotent: looked up by title and e-mail."""
    members = list(
        get_user_model()
        .objects.filter(member_profile__status="approved")
        .order_by("email")
        .select_related("member_profile")
    )
    if not members:
        return
    by_email = {user.email: user for user in members}
    upcoming = EventPage.objects.get(locale=demo.french, slug=SESSIONS[1]["slug"])
    for title, description, email, votes in TOPICS:
        proposer = by_email.get(email, members[0])
        topic, created = TopicProposal.objects.get_or_create(
            title=title,
            defaults={
                "description": description,
                "proposer": proposer,
                "association": proposer.member_profile.association,
            },
        )
        for voter in members[:votes]:
            TopicVote.objects.get_or_create(topic=topic, member=voter)
        if title == SELECTED_TOPIC and topic.status != TopicProposal.Status.SELECTED:
            topic.status = TopicProposal.Status.SELECTED
            topic.event = upcoming
            topic.selection_notified_at = timezone.now()  # the demo sends no e-mail
            topic.save()
        if created:
            demo.note(f"topic {title}")
    accredited = by_email.get("claire.martin@example.org", members[0])
    updated = MemberProfile.objects.filter(user=accredited, accredited_at__isnull=True).update(
        accredited_at=timezone.now() - timedelta(days=60), accreditation_event=None
    )
    if updated:
        demo.note(f"accredited member {accredited.email}")
