"""Demo content of the resources: a Petit Déj recap (of a demo session, about two demo
kits) and two guides, each translated."""

from django.utils import timezone

from wagtail_localize.models import TranslationSource

from community.articles.factories import ArticlePageFactory
from community.articles.models import ArticleIndexPage, ArticlePage
from events.models import EventPage
from home.factories import heading, paragraph, quote, stream
from home.illustrations import demo_image
from home.localization import translate
from kits.models import KitPage

RECAP_TITLE = "Petit Déj : ce que nous avons appris des kits d'action autonomes"
RECAP_INTRO = (
    "Une douzaine de référents bénévoles ont comparé leurs kits : pour qui ils sont faits, "
    "ce qui coince, et ce que le réseau peut construire ensemble."
)
RECAP = [
    paragraph(
        "Un jeudi matin, autour d'un café, une douzaine de responsables de l'engagement bénévole se sont "
        "retrouvés pendant une heure et demie pour parler d'un outil que presque toutes leurs associations "
        "utilisent ou préparent : le kit d'action autonome. Ce compte rendu rassemble ce que chacun a apporté."
    ),
    heading("Un kit, c'est quoi au juste ?"),
    paragraph(
        "Tout le monde s'est accordé sur une idée simple : un kit permet à quelqu'un qui ne connaît pas "
        "l'association de mener une action pour elle, seul, là où il vit. Une course dans une école, une "
        "collecte au supermarché, un stand de prévention un jour de marché. La personne qui s'en saisit ne se "
        "voit pas toujours comme bénévole ; elle l'est pourtant, le temps de l'action."
    ),
    heading("Pourquoi les associations s'y mettent"),
    paragraph(
        "Trois raisons sont revenues. D'abord, être présent là où l'association n'a pas d'antenne : "
        "les bénévoles éloignés, y compris outre-mer, trouvent enfin de quoi agir. Ensuite, garder le lien "
        "avec des bénévoles déjà engagés en leur confiant une action à porter. Enfin, redonner de l'élan à "
        "des réseaux qui s'essoufflent, en proposant du concret plutôt que des réunions."
    ),
    quote("Le kit, c'est notre façon de dire : vous n'avez pas besoin de nous attendre pour agir.", "Une référente"),
    heading("Ce qui est difficile"),
    paragraph(
        "Concevoir un bon kit demande des compétences rares dans une petite équipe : écrire clairement, "
        "mettre en page, penser au public. Le bon format a fait débat : une fiche trop courte laisse les "
        "gens seuls face à leurs questions, un manuel trop long les décourage avant d'ouvrir la première page."
    ),
    paragraph(
        "Autre frustration partagée : une fois le kit téléchargé, l'association perd la trace de l'action. "
        "Qui l'a menée, quand, avec combien de participants ? Sans ces retours, impossible de remercier les "
        "équipes locales ni de montrer aux financeurs ce que le kit a permis."
    ),
    heading("Les écoles, un cas à part"),
    paragraph(
        "Intervenir dans une classe demande souvent une habilitation et une formation : le kit seul ne suffit pas. "
        "Plusieurs associations font intervenir un salarié avec le bénévole pour les premières fois."
    ),
    heading("Ce que nous retenons"),
    paragraph(
        "Demander en quelques champs qui lance l'action, où et quand, avant le téléchargement ; relancer "
        "gentiment après la date pour recueillir un témoignage ; soigner le texte et l'allure du kit, qui "
        "parle de l'association autant qu'une affiche. Le prochain Petit Déj partira de vos propositions."
    ),
]
RECAP_EN = {
    "Claire Martin": "Claire Martin",  # a name stays a name
    RECAP_TITLE: "Petit Déj: what we learnt about autonomous action kits",
    "petit-dej-ce-que-nous-avons-appris-des-kits": "petit-dej-what-we-learnt-about-kits",
    RECAP_INTRO: (
        "A dozen volunteer leads compared their kits: who they are for, what gets stuck, "
        "and what the network can build together."
    ),
    RECAP[0]["value"]: (
        "<p>On a Thursday morning, over coffee, a dozen people in charge of volunteer engagement met for an hour "
        "and a half to talk about a tool nearly all their associations use or are preparing: the autonomous "
        "action kit. This recap gathers what everyone brought.</p>"
    ),
    "Un kit, c'est quoi au juste ?": "What exactly is a kit?",
    RECAP[2]["value"]: (
        "<p>Everyone agreed on a simple idea: a kit lets someone who does not know the association run an action "
        "for it, alone, where they live. A run in a school, a collection at the supermarket, a prevention stand on "
        "market day. The person who takes it up does not always see themselves as a volunteer; yet they are one, "
        "for the time of the action.</p>"
    ),
    "Pourquoi les associations s'y mettent": "Why associations take it up",
    RECAP[4]["value"]: (
        "<p>Three reasons came back. First, being present where the association has no local branch: distant "
        "volunteers, overseas included, finally have a way to act. Then, keeping in touch with committed "
        "volunteers by giving them an action to lead. Finally, bringing new energy to networks that run out of "
        "breath, with something concrete rather than meetings.</p>"
    ),
    "Le kit, c'est notre façon de dire : vous n'avez pas besoin de nous attendre pour agir.": (
        "The kit is our way of saying: you do not need to wait for us to act."
    ),
    "Une référente": "A volunteer lead",
    "Ce qui est difficile": "What is hard",
    RECAP[7]["value"]: (
        "<p>Designing a good kit takes skills that are rare in a small team: clear writing, layout, thinking of the "
        "audience. The right format was debated: a sheet too short leaves people alone with their questions, a "
        "manual too long discourages them before they open the first page.</p>"
    ),
    RECAP[8]["value"]: (
        "<p>Another shared frustration: once the kit is downloaded, the association loses track of the action. "
        "Who ran it, when, with how many people? Without that, there is no way to thank local teams or to show "
        "funders what the kit made possible.</p>"
    ),
    "Les écoles, un cas à part": "Schools, a case of their own",
    RECAP[10]["value"]: (
        "<p>Working in a classroom often requires an accreditation and training: the kit alone is not enough. "
        "Several associations send a staff member along with the volunteer the first few times.</p>"
    ),
    "Ce que nous retenons": "What we take away",
    RECAP[12]["value"]: (
        "<p>Ask in a few fields who runs the action, where and when, before the download; follow up kindly after "
        "the date to collect a testimonial; take care of the kit's text and look, which speaks for the association "
        "as much as a poster. The next Petit Déj will start from your proposals.</p>"
    ),
}

GUIDES = [
    {
        "title": "Guide : écrire un kit ni trop court ni trop long",
        "slug": "guide-ecrire-un-kit",
        "introduction": "Une méthode en cinq étapes pour un kit qu'on lit jusqu'au bout.",
        "body": [
            heading("Partir des questions des bénévoles"),
            paragraph(
                "Listez les dix questions qu'une personne pose avant de se lancer : combien de temps, avec qui, "
                "quel matériel, qui prévenir. Chaque section du kit répond à l'une d'elles."
            ),
            heading("Une page pour décider, le reste pour agir"),
            paragraph(
                "La première page dit l'essentiel : l'action, le public, la durée, le matériel. Les étapes "
                "détaillées viennent ensuite, numérotées, avec une liste à cocher pour le jour J."
            ),
            heading("Faire relire par quelqu'un d'extérieur"),
            paragraph("Un ami qui ne connaît pas l'association est le meilleur testeur : notez où il bloque."),
        ],
        "english": {
            "Guide : écrire un kit ni trop court ni trop long": "Guide: writing a kit neither too short nor too long",
            "guide-ecrire-un-kit": "guide-writing-a-kit",
            "Une méthode en cinq étapes pour un kit qu'on lit jusqu'au bout.": (
                "A five-step method for a kit people read to the end."
            ),
            "Partir des questions des bénévoles": "Start from the volunteers' questions",
            "Listez les dix questions qu'une personne pose avant de se lancer : combien de temps, avec qui, "
            "quel matériel, qui prévenir. Chaque section du kit répond à l'une d'elles.": (
                "List the ten questions someone asks before getting started: how long, with whom, what equipment, "
                "whom to tell. Each section of the kit answers one of them."
            ),
            "Une page pour décider, le reste pour agir": "One page to decide, the rest to act",
            "La première page dit l'essentiel : l'action, le public, la durée, le matériel. Les étapes "
            "détaillées viennent ensuite, numérotées, avec une liste à cocher pour le jour J.": (
                "The first page says what matters: the action, the audience, the duration, the equipment. The "
                "detailed steps come next, numbered, with a checklist for the day itself."
            ),
            "Faire relire par quelqu'un d'extérieur": "Have it read by an outsider",
            "Un ami qui ne connaît pas l'association est le meilleur testeur : notez où il bloque.": (
                "A friend who does not know the association is the best tester: note where they get stuck."
            ),
        },
    },
    {
        "title": "Guide : valoriser les actions locales",
        "slug": "guide-valoriser-les-actions-locales",
        "introduction": "Recueillir des témoignages et remercier les équipes, sans y passer ses soirées.",
        "body": [
            heading("Demander au bon moment"),
            paragraph(
                "Le lendemain de l'action, l'enthousiasme est intact : c'est là qu'un court message qui demande "
                "une photo et trois phrases obtient le plus de réponses."
            ),
            heading("Montrer chaque action"),
            paragraph(
                "Publiez les témoignages sur le site et dans la lettre d'information, avec le prénom et la ville. "
                "Une carte des actions rend visible ce qui se passe partout."
            ),
        ],
        "english": {
            "Guide : valoriser les actions locales": "Guide: showcasing local actions",
            "guide-valoriser-les-actions-locales": "guide-showcasing-local-actions",
            "Recueillir des témoignages et remercier les équipes, sans y passer ses soirées.": (
                "Collecting testimonials and thanking teams, without spending your evenings on it."
            ),
            "Demander au bon moment": "Ask at the right time",
            "Le lendemain de l'action, l'enthousiasme est intact : c'est là qu'un court message qui demande "
            "une photo et trois phrases obtient le plus de réponses.": (
                "The day after the action, the enthusiasm is still there: that is when a short message asking for a "
                "photo and three sentences gets the most answers."
            ),
            "Montrer chaque action": "Show every action",
            "Publiez les témoignages sur le site et dans la lettre d'information, avec le prénom et la ville. "
            "Une carte des actions rend visible ce qui se passe partout.": (
                "Publish the testimonials on the site and in the newsletter, with the first name and the town. "
                "A map of the actions makes visible what happens everywhere."
            ),
        },
    },
]


def skeleton(demo):
    """The articles' section: its index in both languages."""
    return demo.ensure_index(
        ArticleIndexPage,
        slug="ressources",
        title="Ressources",
        introduction="Comptes rendus des Petits Déj et guides pratiques pour les associations.",
        english={
            "Ressources": "Resources",
            "ressources": "resources",
            "Comptes rendus des Petits Déj et guides pratiques pour les associations.": (
                "Petit Déj recaps and practical guides for associations."
            ),
        },
    )


def load(demo):
    index = skeleton(demo)
    recap = ArticlePage.objects.filter(locale=demo.french, slug="petit-dej-ce-que-nous-avons-appris-des-kits").first()
    if recap is None:
        event = EventPage.objects.filter(locale=demo.french, slug="petit-dej-kits-actions-autonomes").first()
        recap = ArticlePageFactory(
            parent=index,
            title=RECAP_TITLE,
            slug="petit-dej-ce-que-nous-avons-appris-des-kits",
            introduction=RECAP_INTRO,
            category="petit_dej",
            date=(timezone.localdate(event.start) if event else timezone.localdate()),
            author_name="Claire Martin",
            author_association=demo.associations.get("Courir Ensemble"),
            body=stream(*RECAP),
            related_event=event,
            related_kits=list(KitPage.objects.filter(locale=demo.french)[:2]),
            hero_image=demo_image(f"Illustration : {RECAP_TITLE}", "breakfast"),
        )
        demo.publish(recap)
        translate(recap, "en", RECAP_EN)
        if event is not None:
            event.recap_article = recap
            event.save_revision().publish()
            if event.has_translation(demo.english):
                english = event.get_translation(demo.english)
                english.recap_article = recap
                english.save_revision().publish()
                # The English page carries the change: its translation is in sync again.
                TranslationSource.get_or_create_from_instance(event)[0].update_from_db()
        demo.note(RECAP_TITLE)
    for guide in GUIDES:
        if ArticlePage.objects.filter(locale=demo.french, slug=guide["slug"]).exists():
            continue
        page = ArticlePageFactory(
            parent=index,
            title=guide["title"],
            slug=guide["slug"],
            introduction=guide["introduction"],
            category="guide",
            author_association=demo.associations.get("Route Sûre"),
            body=stream(*guide["body"]),
            hero_image=demo_image(f"Illustration : {guide['title']}", "meeting"),
        )
        demo.publish(page)
        translate(page, "en", guide["english"])
        demo.note(guide["title"])
