"""Demo content of the site frame: home page, information pages, footer, settings,
each in French and translated into English."""

from wagtail.models import Page, Site

from core.links import align_site_record, site_address
from home.factories import FooterTextFactory, HomePageFactory, StandardPageFactory
from home.localization import translate
from home.models import FooterText, HomePage, SiteSettings

HERO_TEXT = (
    "Des kits prêts à l'emploi pour mener une action sur votre territoire, "
    "et un espace d'échange entre associations du réseau."
)
INTRODUCTION = (
    "Relais rassemble les kits d'action autonomes des associations du réseau : des guides pas à pas "
    "pour organiser une collecte, une course solidaire ou un stand de sensibilisation, sans attendre "
    "qu'une antenne existe près de chez vous."
)
# Buttons of the hero: (label, slug of a page under home), added once those pages exist.
CALLS_TO_ACTION = [
    ("Trouver un kit", "kits", "primary"),
    ("Les actions près de chez vous", "actions-locales", "secondary"),
]
HOME_EN = {
    "Accueil": "Home",
    "accueil": "home",
    "Agir pour une association, près de chez vous": "Act for a charity, close to home",
    HERO_TEXT: (
        "Ready-to-use kits to run an action where you live, "
        "and a space where the network's associations learn from each other."
    ),
    INTRODUCTION: (
        "Relais gathers the autonomous action kits of the network's associations: step-by-step guides "
        "to run a collection, a charity run or an awareness stand, without waiting for a local branch "
        "to exist near you."
    ),
    "Trouver un kit": "Find a kit",
    "Les actions près de chez vous": "Actions near you",
}

STANDARD_PAGES = [
    {
        "slug": "a-propos",
        "title": "À propos",
        "show_in_menus": True,
        "show_in_footer": False,
        "introduction": "Relais est le site d'un réseau d'associations qui partagent leurs kits d'action et leurs pratiques.",
        "paragraphs": [
            "Une association ne peut pas être présente partout. Avec un kit d'action autonome, une personne motivée peut faire exister une cause dans son école, son quartier ou son entreprise.",
            "Entre associations, nous nous retrouvons régulièrement pour échanger entre pairs : c'est le Petit Déj interassociatif.",
        ],
        "en": {
            "À propos": "About",
            "a-propos": "about",
            "Relais est le site d'un réseau d'associations qui partagent leurs kits d'action et leurs pratiques.": "Relais is the website of a network of associations that share their action kits and practices.",
            "Une association ne peut pas être présente partout. Avec un kit d'action autonome, une personne motivée peut faire exister une cause dans son école, son quartier ou son entreprise.": "An association cannot be everywhere. With an autonomous action kit, a motivated person can bring a cause to life in their school, neighbourhood or workplace.",
            "Entre associations, nous nous retrouvons régulièrement pour échanger entre pairs : c'est le Petit Déj interassociatif.": "The associations meet regularly to learn from their peers: the inter-association breakfast, or Petit Déj.",
        },
    },
    {
        "slug": "mentions-legales",
        "title": "Mentions légales",
        "show_in_footer": True,
        "introduction": "Qui publie ce site et qui l'héberge.",
        "paragraphs": [
            "Éditeur : Relais, réseau d'associations régi par la loi du 1er juillet 1901. Directrice de la publication : la présidente du réseau.",
            "Hébergement : serveurs situés dans l'Union européenne. Contact : contact@relais.example.org.",
        ],
        "en": {
            "Mentions légales": "Legal notice",
            "mentions-legales": "legal-notice",
            "Qui publie ce site et qui l'héberge.": "Who publishes this site and who hosts it.",
            "Éditeur : Relais, réseau d'associations régi par la loi du 1er juillet 1901. Directrice de la publication : la présidente du réseau.": "Publisher: Relais, a network of associations under the French law of 1 July 1901. Director of publication: the network's president.",
            "Hébergement : serveurs situés dans l'Union européenne. Contact : contact@relais.example.org.": "Hosting: servers located in the European Union. Contact: contact@relais.example.org.",
        },
    },
    {
        "slug": "confidentialite",
        "title": "Politique de confidentialité",
        "show_in_footer": True,
        "introduction": "Quelles données nous recueillons, pourquoi, sur quelle base légale, combien de temps, et vos droits.",
        "paragraphs": [
            "Relais, responsable du traitement, ne recueille que les données nécessaires à chaque service. Aucune donnée n'est vendue ni transmise à des tiers, et le site ne charge aucun script, aucune police, aucune image ni aucune carte d'un autre site : pas de mesure d'audience, pas de publicité. Les seuls cookies servent à la connexion, à la protection des formulaires et au choix de la langue.",
        ],
        # The table of purposes, legal bases and retention periods comes from the settings.
        "personal_data_table": True,
        "paragraphs_after": [
            "Ces durées sont appliquées automatiquement chaque jour : passé ce délai, les données sont effacées, ou anonymisées quand les statistiques du réseau en dépendent. Elles sont hébergées dans l'Union européenne.",
            "Vos droits : accès, rectification, effacement, limitation, opposition, portabilité, et retrait de votre consentement à tout moment. Membres : votre espace « Mes données » télécharge tout ce que le site sait de vous et l'efface. Sinon, écrivez à contact@relais.example.org ; nous répondons sous un mois. Vous pouvez aussi adresser une réclamation à la CNIL (cnil.fr).",
        ],
        "en": {
            "Politique de confidentialité": "Privacy policy",
            "confidentialite": "privacy",
            "Quelles données nous recueillons, pourquoi, sur quelle base légale, combien de temps, et vos droits.": "What data we collect, why, on what legal basis, for how long, and your rights.",
            "Relais, responsable du traitement, ne recueille que les données nécessaires à chaque service. Aucune donnée n'est vendue ni transmise à des tiers, et le site ne charge aucun script, aucune police, aucune image ni aucune carte d'un autre site : pas de mesure d'audience, pas de publicité. Les seuls cookies servent à la connexion, à la protection des formulaires et au choix de la langue.": "Relais, the data controller, only collects the data each service needs. No data is sold or passed on to third parties, and the site loads no script, font, image or map from another site: no audience measurement, no advertising. The only cookies keep you signed in, protect the forms and remember your language.",
            "Ces durées sont appliquées automatiquement chaque jour : passé ce délai, les données sont effacées, ou anonymisées quand les statistiques du réseau en dépendent. Elles sont hébergées dans l'Union européenne.": "These periods are applied automatically every day: past them, the data is deleted, or anonymised where the network's statistics depend on it. It is hosted in the European Union.",
            "Vos droits : accès, rectification, effacement, limitation, opposition, portabilité, et retrait de votre consentement à tout moment. Membres : votre espace « Mes données » télécharge tout ce que le site sait de vous et l'efface. Sinon, écrivez à contact@relais.example.org ; nous répondons sous un mois. Vous pouvez aussi adresser une réclamation à la CNIL (cnil.fr).": "Your rights: access, rectification, erasure, restriction, objection, portability, and withdrawing your consent at any time. Members: the “My data” section of your member area downloads everything the site knows about you and erases it. Otherwise, write to contact@relais.example.org; we answer within a month. You may also lodge a complaint with the CNIL (cnil.fr).",
        },
    },
    {
        "slug": "accessibilite",
        "title": "Déclaration d'accessibilité",
        "show_in_footer": True,
        "introduction": "Relais s'engage à rendre son site accessible, conformément au référentiel général d'amélioration de l'accessibilité (RGAA).",
        "paragraphs": [
            "État de conformité : le site est testé automatiquement à chaque modification (axe-core, WCAG 2.1 niveau AA) et vérifié à la main sur les parcours principaux. Un audit RGAA complet reste à conduire.",
            "Si vous ne pouvez pas accéder à un contenu ou à un service, écrivez-nous à contact@relais.example.org : nous vous répondrons et vous proposerons une alternative. Vous pouvez aussi saisir le Défenseur des droits.",
        ],
        "en": {
            "Déclaration d'accessibilité": "Accessibility statement",
            "accessibilite": "accessibility",
            "Relais s'engage à rendre son site accessible, conformément au référentiel général d'amélioration de l'accessibilité (RGAA).": "Relais is committed to making its website accessible, in line with the French accessibility framework (RGAA).",
            "État de conformité : le site est testé automatiquement à chaque modification (axe-core, WCAG 2.1 niveau AA) et vérifié à la main sur les parcours principaux. Un audit RGAA complet reste à conduire.": "Compliance status: the site is tested automatically on every change (axe-core, WCAG 2.1 level AA) and checked by hand on the main journeys. A full RGAA audit is still to be carried out.",
            "Si vous ne pouvez pas accéder à un contenu ou à un service, écrivez-nous à contact@relais.example.org : nous vous répondrons et vous proposerons une alternative. Vous pouvez aussi saisir le Défenseur des droits.": "If you cannot access a content or a service, write to contact@relais.example.org: we will answer and offer an alternative. You can also contact the Défenseur des droits.",
        },
    },
    {
        "slug": "charte-milieu-scolaire",
        "title": "Charte d'intervention en milieu scolaire",
        "show_in_footer": False,
        "introduction": "Ce que s'engage à respecter chaque bénévole habilité·e qui mène une action de kit dans une école.",
        "paragraphs": [
            "L'action se prépare avec l'équipe enseignante, qui reste responsable des élèves ; le ou la bénévole n'est jamais seul·e avec une classe.",
            "Le ou la bénévole présente l'association et sa cause sans prosélytisme ni démarche commerciale, et ne collecte aucune donnée sur les élèves.",
            "Aucune photo d'élève n'est prise ni publiée sans l'accord écrit de l'établissement et des familles.",
            "L'habilitation s'obtient après une session de formation et la signature de cette charte ; l'association l'enregistre et peut la retirer si la charte n'est pas respectée.",
        ],
        "en": {
            "Charte d'intervention en milieu scolaire": "Charter for actions in schools",
            "charte-milieu-scolaire": "charter-actions-in-schools",
            "Ce que s'engage à respecter chaque bénévole habilité·e qui mène une action de kit dans une école.": "What every accredited volunteer who runs a kit's action in a school undertakes to respect.",
            "L'action se prépare avec l'équipe enseignante, qui reste responsable des élèves ; le ou la bénévole n'est jamais seul·e avec une classe.": "The action is prepared with the teachers, who remain responsible for the pupils; the volunteer is never alone with a class.",
            "Le ou la bénévole présente l'association et sa cause sans prosélytisme ni démarche commerciale, et ne collecte aucune donnée sur les élèves.": "The volunteer presents the association and its cause without proselytising or selling anything, and collects no data about the pupils.",
            "Aucune photo d'élève n'est prise ni publiée sans l'accord écrit de l'établissement et des familles.": "No photo of a pupil is taken or published without the written agreement of the school and the families.",
            "L'habilitation s'obtient après une session de formation et la signature de cette charte ; l'association l'enregistre et peut la retirer si la charte n'est pas respectée.": "Accreditation follows a training session and signing this charter; the association records it and may withdraw it if the charter is not respected.",
        },
    },
]

FOOTER_FR = "Relais, le réseau des associations qui agissent ensemble, partout en France."
FOOTER_EN = {FOOTER_FR: "Relais, the network of associations acting together, all over France."}


def ensure_home(demo):
    """Put a French HomePage at the site root (replacing Wagtail's welcome page), the site
    standing on BASE_URL's host and port (page.full_url, Wagtail's e-mails: core.links)."""
    align_site_record()
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site and isinstance(site.root_page.specific, HomePage):
        return site.root_page.specific
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(locale=demo.french).first()
    if home is None:
        home = HomePageFactory(parent=root, hero_text=HERO_TEXT, introduction=f"<p>{INTRODUCTION}</p>")
        demo.publish(home)
        demo.note("home page")
    old_root = site.root_page if site else None
    if site:
        site.root_page = home
        site.site_name = "Relais"
        site.save()
    else:
        hostname, port = site_address()
        site = Site.objects.create(
            hostname=hostname, port=port, root_page=home, is_default_site=True, site_name="Relais"
        )
    if old_root and old_root.pk != home.pk and old_root.depth > 1 and not old_root.get_children().exists():
        old_root.delete()  # Wagtail's "Welcome to your new Wagtail site!" page
    return home


def body_of(spec):
    body = [("paragraph", f"<p>{text}</p>") for text in spec["paragraphs"]]
    if spec.get("personal_data_table"):
        body.append(("personal_data", None))
    return body + [("paragraph", f"<p>{text}</p>") for text in spec.get("paragraphs_after", [])]


def skeleton(demo):
    """The frame every page needs: the home pages, the information pages, the footer."""
    home = ensure_home(demo)
    demo.home = home
    for spec in STANDARD_PAGES:
        page = StandardPageFactory(
            parent=home,
            slug=spec["slug"],
            title=spec["title"],
            introduction=spec["introduction"],
            show_in_menus=spec.get("show_in_menus", False),
            show_in_footer=spec["show_in_footer"],
            body=body_of(spec),
        )
        if not page.revisions.exists():
            demo.publish(page)
            demo.note(spec["title"])
    if not FooterText.objects.filter(locale=demo.french).exists():
        footer = FooterTextFactory(body=f"<p>{FOOTER_FR}</p>")
        translate(footer, "en", FOOTER_EN)
        demo.note("footer text")
    settings = SiteSettings.load()
    if not settings.contact_email:
        settings.contact_email = "contact@relais.example.org"
        settings.save()
    demo.home_en = home.get_translation_or_none(demo.english)
    if demo.home_en is None:
        demo.home_en = translate(home, "en", HOME_EN)
        for spec in STANDARD_PAGES:
            translate(home.get_children().get(slug=spec["slug"]).specific, "en", spec["en"])
        demo.note("English translations of the home and information pages")
    demo.on_finish(order_menu)
    demo.on_finish(add_calls_to_action)


def load(demo):
    demo.ensure_superuser()
    skeleton(demo)


# Sections in the order of the main menu (pages are created in dependency order).
MENU_ORDER = ["kits", "evenements", "actions-locales", "ressources", "associations", "a-propos"]


def order_menu(demo):
    for home in (demo.home, demo.home_en):
        children = {page.translation_key: page for page in home.get_children()}
        french_keys = dict(demo.home.get_children().values_list("slug", "translation_key"))
        ordered = [children[french_keys[slug]] for slug in MENU_ORDER if french_keys.get(slug) in children]
        current = [page.pk for page in home.get_children()]
        if current[: len(ordered)] == [page.pk for page in ordered]:
            continue
        for page in reversed(ordered):
            page.refresh_from_db()
            page.move(home, pos="first-child")
        # treebeard counts a move within the same parent as a new child: recount.
        type(home).objects.filter(pk=home.pk).update(numchild=home.get_children().count())


def add_calls_to_action(demo):
    """Once the other apps made their index pages, point the hero's buttons at them."""
    home = demo.home.specific
    if home.calls_to_action:
        return
    targets = {page.slug: page for page in home.get_children().live()}
    home.calls_to_action = [
        ("call_to_action", {"label": label, "page": targets[slug], "style": style})
        for label, slug, style in CALLS_TO_ACTION
        if slug in targets
    ]
    if home.calls_to_action:
        demo.publish(home)
        translate(home, "en", HOME_EN)
