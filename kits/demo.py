"""Demo content of the kits section: themes, eight kits in French (three translated
into English), their materials as small real PDFs, the "Kit review" workflow, and a
handful of declared actions (some past with downloads, some upcoming)."""

from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify

from wagtail.models import Page, Workflow, WorkflowPage

from home.factories import callout, heading, paragraph, quote, stream, video
from home.illustrations import demo_image
from home.localization import translate
from kits.choices import Audience, Cost, Difficulty, Format
from kits.documents import make_pdf
from kits.factories import (
    ActionDeclarationFactory,
    KitDocumentFactory,
    KitDownloadFactory,
    KitMaterialFactory,
    KitPageFactory,
    ThemeFactory,
    checklist,
    faq,
    step,
)
from kits.models import ActionDeclaration, KitIndexPage, KitPage

THEMES = [
    ("Solidarité", "solidarite", "Solidarity", "solidarity"),
    ("Santé", "sante", "Health", "health"),
    ("Sécurité routière", "securite-routiere", "Road safety", "road-safety"),
    ("Environnement", "environnement", "Environment", "environment"),
    ("Sport", "sport", "Sport", "sport"),
]

# Advice every kit shares: how to talk about the action, stay safe, and tell how it went.
COMMON_FR = [
    heading("Communiquer avant l'action"),
    paragraph(
        "Annoncez l'action deux à trois semaines avant : une affiche chez les commerçants, un message dans le groupe des parents ou du quartier, un mot à la mairie. Dites clairement pour quelle association vous agissez, ce que les gens peuvent faire et où va l'argent ou le matériel récolté.",
        "Le jour même, prenez quelques photos sans visage reconnaissable, ou demandez l'accord écrit des personnes photographiées. Pour les mineurs, l'accord des parents est indispensable.",
    ),
    heading("Sécurité et assurance"),
    paragraph(
        "Vérifiez que l'association qui porte le kit vous a bien enregistré comme bénévole : son assurance couvre alors l'action. Gardez une trousse de secours à portée de main, repérez le défibrillateur le plus proche et notez le numéro du responsable du lieu.",
    ),
    heading("Après l'action"),
    paragraph(
        "Remerciez les participants dans la semaine, avec un chiffre simple : ce qui a été collecté, le nombre de personnes rencontrées. Racontez ensuite votre action sur Relais : votre témoignage, avec une photo, aide d'autres bénévoles à se lancer et montre à l'association ce que son kit permet.",
    ),
]
COMMON_EN = {
    "Communiquer avant l'action": "Spread the word before the action",
    "Annoncez l'action deux à trois semaines avant : une affiche chez les commerçants, un message dans le groupe des parents ou du quartier, un mot à la mairie. Dites clairement pour quelle association vous agissez, ce que les gens peuvent faire et où va l'argent ou le matériel récolté.": "Announce the action two to three weeks ahead: a poster in local shops, a message to the parents' or neighbourhood group, a word to the town hall. Say clearly which association you act for, what people can do and where the money or goods collected go.",
    "Le jour même, prenez quelques photos sans visage reconnaissable, ou demandez l'accord écrit des personnes photographiées. Pour les mineurs, l'accord des parents est indispensable.": "On the day, take a few photos without recognisable faces, or ask for the written consent of the people photographed. For minors, their parents' consent is required.",
    "Sécurité et assurance": "Safety and insurance",
    "Vérifiez que l'association qui porte le kit vous a bien enregistré comme bénévole : son assurance couvre alors l'action. Gardez une trousse de secours à portée de main, repérez le défibrillateur le plus proche et notez le numéro du responsable du lieu.": "Check that the association behind the kit has registered you as a volunteer: its insurance then covers the action. Keep a first-aid kit at hand, locate the nearest defibrillator and note the phone number of the venue's manager.",
    "Après l'action": "After the action",
    "Remerciez les participants dans la semaine, avec un chiffre simple : ce qui a été collecté, le nombre de personnes rencontrées. Racontez ensuite votre action sur Relais : votre témoignage, avec une photo, aide d'autres bénévoles à se lancer et montre à l'association ce que son kit permet.": "Thank the participants within a week, with one simple figure: what was collected, how many people you met. Then tell how your action went on Relais: your story, with a photo, helps other volunteers get started and shows the association what its kit makes possible.",
    "Questions fréquentes": "Frequently asked questions",
    "Le déroulé": "How it goes",
    # Durations read the same in English: translated as themselves, so the translation is complete.
    "30 min": "30 min",
    "1 h": "1 h",
    "3 h": "3 h",
    "4 min": "4 min",
}

KITS = [
    {
        "title": "Course solidaire à l'école",
        "slug": "course-solidaire-ecole",
        "association": "Courir Ensemble",
        "themes": ["solidarite", "sport"],
        "audiences": [Audience.PUPILS, Audience.FAMILIES],
        "format": Format.SPORTS_EVENT,
        "preparation_days": 42,
        "action_duration": 180,
        "team": (4, 10),
        "difficulty": Difficulty.DEMANDING,
        "cost": Cost.LOW,
        "school_setting": True,
        "accreditation_note": "Une course dans une école se prépare avec l'équipe enseignante et doit être encadrée par un·e bénévole habilité·e par Courir Ensemble. L'habilitation s'obtient après une session de formation de deux heures (en ligne ou en présentiel) et la signature de la charte d'intervention en milieu scolaire.",
        "summary": "Les élèves courent des tours de cour ou de stade, parrainés par leurs proches : chaque tour rapporte des dons pour la lutte contre la faim. Un kit pour les écoles primaires et les collèges.",
        "body": [
            paragraph(
                "La course solidaire est l'action la plus simple à expliquer aux enfants : courir pour les autres. Chaque élève cherche des parrains qui promettent une somme par tour ; le jour de la course, les tours sont comptés, puis les promesses sont collectées."
            ),
            heading("Le déroulé"),
            step(
                "Obtenir l'accord de l'école",
                "Présentez le projet à la direction et aux enseignants avec la fiche de présentation du kit. Fixez ensemble la date, le lieu (cour, stade municipal) et les classes qui participent.",
                "6 semaines avant",
            ),
            step(
                "Suivre la formation d'habilitation",
                "Inscrivez-vous à la prochaine session de formation de Courir Ensemble. Elle présente la sensibilisation à faire en classe et les règles de sécurité.",
                "5 semaines avant",
            ),
            step(
                "Sensibiliser les classes",
                "Animez une séance de 45 minutes par classe avec le diaporama fourni : la faim dans le monde, ce que l'association fait, pourquoi on court. Distribuez les carnets de parrainage.",
                "3 semaines avant",
            ),
            step(
                "Organiser le parcours",
                "Tracez une boucle de 200 à 400 mètres, prévoyez un point d'eau et une personne pour compter les tours par groupe de dix élèves.",
                "la veille",
            ),
            step(
                "Courir et compter",
                "Chaque classe court 20 à 30 minutes. Les compteurs notent les tours sur la feuille de suivi, les enfants reçoivent un tampon à chaque tour.",
                "3 h",
            ),
            step(
                "Collecter les promesses",
                "Les élèves rapportent les dons de leurs parrains sous deux semaines ; l'école remet l'ensemble à l'association, qui envoie des reçus fiscaux.",
                "2 semaines après",
            ),
            checklist(
                "À prévoir",
                [
                    "Carnets de parrainage imprimés",
                    "Tampons encreurs",
                    "Feuilles de suivi des tours",
                    "Eau et gobelets",
                    "Trousse de secours",
                    "Dossards ou rubans de couleur",
                ],
            ),
            callout(
                "Demandez à la mairie de prêter des barrières pour fermer le parcours : c'est gratuit et rassure les parents.",
                "tip",
                "Astuce",
            ),
            faq(
                [
                    (
                        "Les enfants doivent-ils avoir un certificat médical ?",
                        "Non : la course a lieu sur le temps scolaire, dans le cadre de l'éducation physique. Les enfants dispensés de sport peuvent compter les tours.",
                    ),
                    (
                        "Que faire s'il pleut ?",
                        "Prévoyez une date de repli dès le départ, ou courez sous le préau en boucle plus courte.",
                    ),
                    (
                        "Qui garde l'argent ?",
                        "Personne : les parrains donnent directement à l'association, en ligne ou par chèque à son ordre.",
                    ),
                ]
            ),
            quote(
                "Les enfants ont couru pour d'autres enfants : ils en parlent encore.", "Une directrice d'école, Lyon"
            ),
        ],
        "materials": [
            ("Guide de la course solidaire", "guide"),
            ("Carnet de parrainage", "template"),
            ("Affiche de la course", "poster"),
        ],
        "en": {
            "Course solidaire à l'école": "Charity run at school",
            "course-solidaire-ecole": "charity-run-at-school",
            "Les élèves courent des tours de cour ou de stade, parrainés par leurs proches : chaque tour rapporte des dons pour la lutte contre la faim. Un kit pour les écoles primaires et les collèges.": "Pupils run laps of the playground or the stadium, sponsored by their families: every lap raises donations to fight hunger. A kit for primary and secondary schools.",
            "Une course dans une école se prépare avec l'équipe enseignante et doit être encadrée par un·e bénévole habilité·e par Courir Ensemble. L'habilitation s'obtient après une session de formation de deux heures (en ligne ou en présentiel) et la signature de la charte d'intervention en milieu scolaire.": "A run in a school is prepared with the teachers and must be led by a volunteer accredited by Courir Ensemble. Accreditation follows a two-hour training session (online or in person) and signing the charter for actions in schools.",
            "La course solidaire est l'action la plus simple à expliquer aux enfants : courir pour les autres. Chaque élève cherche des parrains qui promettent une somme par tour ; le jour de la course, les tours sont comptés, puis les promesses sont collectées.": "A charity run is the easiest action to explain to children: running for others. Each pupil finds sponsors who pledge an amount per lap; on the day the laps are counted, then the pledges are collected.",
            "Obtenir l'accord de l'école": "Get the school's agreement",
            "Présentez le projet à la direction et aux enseignants avec la fiche de présentation du kit. Fixez ensemble la date, le lieu (cour, stade municipal) et les classes qui participent.": "Present the project to the head teacher and the teachers with the kit's presentation sheet. Agree together on the date, the place (playground, town stadium) and the classes taking part.",
            "6 semaines avant": "6 weeks before",
            "Suivre la formation d'habilitation": "Attend the accreditation training",
            "Inscrivez-vous à la prochaine session de formation de Courir Ensemble. Elle présente la sensibilisation à faire en classe et les règles de sécurité.": "Register for Courir Ensemble's next training session. It covers the awareness session to give in class and the safety rules.",
            "5 semaines avant": "5 weeks before",
            "Sensibiliser les classes": "Raise awareness in class",
            "Animez une séance de 45 minutes par classe avec le diaporama fourni : la faim dans le monde, ce que l'association fait, pourquoi on court. Distribuez les carnets de parrainage.": "Run a 45-minute session per class with the slides provided: hunger in the world, what the association does, why we run. Hand out the sponsorship booklets.",
            "3 semaines avant": "3 weeks before",
            "Organiser le parcours": "Set up the course",
            "Tracez une boucle de 200 à 400 mètres, prévoyez un point d'eau et une personne pour compter les tours par groupe de dix élèves.": "Mark out a 200 to 400 metre loop, plan a water point and one person counting laps for every ten pupils.",
            "la veille": "the day before",
            "Courir et compter": "Run and count",
            "Chaque classe court 20 à 30 minutes. Les compteurs notent les tours sur la feuille de suivi, les enfants reçoivent un tampon à chaque tour.": "Each class runs for 20 to 30 minutes. Counters note the laps on the tally sheet; children get a stamp for every lap.",
            "Collecter les promesses": "Collect the pledges",
            "Les élèves rapportent les dons de leurs parrains sous deux semaines ; l'école remet l'ensemble à l'association, qui envoie des reçus fiscaux.": "Pupils bring back their sponsors' donations within two weeks; the school hands everything to the association, which sends tax receipts.",
            "2 semaines après": "2 weeks after",
            "À prévoir": "What to bring",
            "Carnets de parrainage imprimés": "Printed sponsorship booklets",
            "Tampons encreurs": "Ink stamps",
            "Feuilles de suivi des tours": "Lap tally sheets",
            "Eau et gobelets": "Water and cups",
            "Trousse de secours": "First-aid kit",
            "Dossards ou rubans de couleur": "Bibs or coloured ribbons",
            "Astuce": "Tip",
            "Demandez à la mairie de prêter des barrières pour fermer le parcours : c'est gratuit et rassure les parents.": "Ask the town hall to lend barriers to close the course: it is free and reassures parents.",
            "Les enfants doivent-ils avoir un certificat médical ?": "Do children need a medical certificate?",
            "Non : la course a lieu sur le temps scolaire, dans le cadre de l'éducation physique. Les enfants dispensés de sport peuvent compter les tours.": "No: the run takes place during school time, as part of physical education. Children excused from sport can count laps.",
            "Que faire s'il pleut ?": "What if it rains?",
            "Prévoyez une date de repli dès le départ, ou courez sous le préau en boucle plus courte.": "Set a fallback date from the start, or run a shorter loop under the covered playground.",
            "Qui garde l'argent ?": "Who keeps the money?",
            "Personne : les parrains donnent directement à l'association, en ligne ou par chèque à son ordre.": "Nobody: sponsors give directly to the association, online or by cheque made out to it.",
            "Les enfants ont couru pour d'autres enfants : ils en parlent encore.": "The children ran for other children: they still talk about it.",
            "Une directrice d'école, Lyon": "A head teacher, Lyon",
            "Guide de la course solidaire": "Charity run guide",
            "Carnet de parrainage": "Sponsorship booklet",
            "Affiche de la course": "Race poster",
        },
    },
    {
        "title": "Collecte de produits d'hygiène",
        "slug": "collecte-produits-hygiene",
        "association": "Dignité Hygiène",
        "themes": ["solidarite", "sante"],
        "audiences": [Audience.GENERAL_PUBLIC, Audience.COMPANIES, Audience.YOUNG_PEOPLE],
        "format": Format.COLLECTION,
        "preparation_days": 21,
        "action_duration": 480,
        "team": (2, 6),
        "difficulty": Difficulty.EASY,
        "cost": Cost.FREE,
        "summary": "Une journée de collecte de savons, protections périodiques et brosses à dents à l'entrée d'un supermarché ou dans une entreprise, remis aux personnes en précarité par Dignité Hygiène.",
        "body": [
            paragraph(
                "Les produits d'hygiène ne sont pas couverts par l'aide alimentaire : pour les personnes à la rue ou mal logées, ils manquent le plus. Une collecte bien préparée remplit un coffre de voiture en une journée."
            ),
            heading("Le déroulé"),
            step(
                "Trouver le lieu",
                "Demandez au gérant d'un supermarché ou au service RH d'une entreprise l'autorisation de collecter. Présentez la lettre de l'association et proposez une date un samedi ou en début de mois.",
                "3 semaines avant",
            ),
            step(
                "Préparer la liste",
                "Imprimez la liste des produits les plus demandés et glissez-la dans les flyers : savon, shampoing, protections périodiques, brosses à dents, rasoirs, couches.",
                "2 semaines avant",
            ),
            step(
                "Installer le stand",
                "Placez une table et des cartons étiquetés par type de produit à la sortie des caisses. Un bénévole accueille et explique, un autre trie.",
                "30 min",
            ),
            step(
                "Trier et compter",
                "En fin de journée, comptez les produits par catégorie sur la feuille de collecte : l'association en a besoin pour planifier ses distributions.",
                "1 h",
            ),
            step(
                "Remettre la collecte",
                "Apportez les cartons au point de dépôt de Dignité Hygiène le plus proche, ou demandez un enlèvement si le volume dépasse dix cartons.",
                "la semaine suivante",
            ),
            checklist(
                "À prévoir",
                [
                    "Table pliante",
                    "Cartons étiquetés",
                    "Flyers avec la liste des produits",
                    "Feuille de collecte",
                    "Gilets ou badges de l'association",
                ],
            ),
            callout(
                "Ne collectez pas de produits entamés ni de médicaments : ils ne peuvent pas être redistribués.",
                "warning",
                "Attention",
            ),
            faq(
                [
                    (
                        "Peut-on collecter de l'argent ?",
                        "Non, seulement des produits : c'est plus simple pour le magasin et plus concret pour les donateurs.",
                    ),
                    (
                        "Et si le magasin refuse ?",
                        "Proposez une collecte dans une école, une mairie ou une entreprise : le kit fonctionne aussi avec des boîtes de dépôt pendant deux semaines.",
                    ),
                ]
            ),
        ],
        "materials": [
            ("Liste des produits les plus demandés", "checklist"),
            ("Affiche de la collecte", "poster"),
            ("Lettre au gérant du magasin", "template"),
        ],
        "en": {
            "Collecte de produits d'hygiène": "Hygiene product collection",
            "collecte-produits-hygiene": "hygiene-product-collection",
            "Une journée de collecte de savons, protections périodiques et brosses à dents à l'entrée d'un supermarché ou dans une entreprise, remis aux personnes en précarité par Dignité Hygiène.": "A day collecting soap, period products and toothbrushes at a supermarket entrance or in a company, handed over to people in need by Dignité Hygiène.",
            "Les produits d'hygiène ne sont pas couverts par l'aide alimentaire : pour les personnes à la rue ou mal logées, ils manquent le plus. Une collecte bien préparée remplit un coffre de voiture en une journée.": "Hygiene products are not covered by food aid: for people who are homeless or poorly housed, they are what is most lacking. A well-prepared collection fills a car boot in a day.",
            "Trouver le lieu": "Find the place",
            "Demandez au gérant d'un supermarché ou au service RH d'une entreprise l'autorisation de collecter. Présentez la lettre de l'association et proposez une date un samedi ou en début de mois.": "Ask a supermarket manager or a company's HR department for permission to collect. Show the association's letter and suggest a Saturday or the beginning of the month.",
            "3 semaines avant": "3 weeks before",
            "Préparer la liste": "Prepare the list",
            "Imprimez la liste des produits les plus demandés et glissez-la dans les flyers : savon, shampoing, protections périodiques, brosses à dents, rasoirs, couches.": "Print the list of the most needed products and slip it into the flyers: soap, shampoo, period products, toothbrushes, razors, nappies.",
            "2 semaines avant": "2 weeks before",
            "Installer le stand": "Set up the stand",
            "Placez une table et des cartons étiquetés par type de produit à la sortie des caisses. Un bénévole accueille et explique, un autre trie.": "Put a table and boxes labelled by product type past the tills. One volunteer welcomes and explains, another sorts.",
            "Trier et compter": "Sort and count",
            "En fin de journée, comptez les produits par catégorie sur la feuille de collecte : l'association en a besoin pour planifier ses distributions.": "At the end of the day, count the products by category on the collection sheet: the association needs it to plan its distributions.",
            "Remettre la collecte": "Hand over the collection",
            "Apportez les cartons au point de dépôt de Dignité Hygiène le plus proche, ou demandez un enlèvement si le volume dépasse dix cartons.": "Take the boxes to the nearest Dignité Hygiène drop-off point, or ask for a pick-up above ten boxes.",
            "la semaine suivante": "the following week",
            "À prévoir": "What to bring",
            "Table pliante": "Folding table",
            "Cartons étiquetés": "Labelled boxes",
            "Flyers avec la liste des produits": "Flyers with the product list",
            "Feuille de collecte": "Collection sheet",
            "Gilets ou badges de l'association": "The association's vests or badges",
            "Attention": "Warning",
            "Ne collectez pas de produits entamés ni de médicaments : ils ne peuvent pas être redistribués.": "Do not collect opened products or medicines: they cannot be handed on.",
            "Peut-on collecter de l'argent ?": "Can we collect money?",
            "Non, seulement des produits : c'est plus simple pour le magasin et plus concret pour les donateurs.": "No, only products: it is simpler for the shop and more concrete for donors.",
            "Et si le magasin refuse ?": "What if the shop says no?",
            "Proposez une collecte dans une école, une mairie ou une entreprise : le kit fonctionne aussi avec des boîtes de dépôt pendant deux semaines.": "Suggest a collection in a school, a town hall or a company: the kit also works with drop-off boxes over two weeks.",
            "Liste des produits les plus demandés": "List of the most needed products",
            "Affiche de la collecte": "Collection poster",
            "Lettre au gérant du magasin": "Letter to the shop manager",
        },
    },
]

KITS += [
    {
        "title": "Stand de sensibilisation à la sécurité routière",
        "slug": "stand-securite-routiere",
        "association": "Route Sûre",
        "themes": ["securite-routiere"],
        "audiences": [Audience.SENIORS, Audience.GENERAL_PUBLIC, Audience.YOUNG_PEOPLE],
        "format": Format.AWARENESS_STAND,
        "preparation_days": 30,
        "action_duration": 240,
        "team": (2, 4),
        "difficulty": Difficulty.MEDIUM,
        "cost": Cost.LOW,
        "summary": "Un stand sur un marché ou dans un forum des associations : un quiz, des lunettes de simulation et des conseils concrets pour se déplacer en sécurité à pied, à vélo ou en voiture.",
        "body": [
            paragraph(
                "Un stand de sécurité routière attire par le jeu : le quiz et les lunettes de simulation ouvrent la conversation, les conseils se retiennent parce qu'on les a testés."
            ),
            heading("Le déroulé"),
            step(
                "Réserver l'emplacement",
                "Demandez un emplacement au placier du marché ou à l'organisateur du forum. Un espace de 3 mètres sur 3 suffit.",
                "1 mois avant",
            ),
            step(
                "Emprunter le matériel",
                "Réservez auprès de Route Sûre les lunettes de simulation et les gilets réfléchissants à offrir. Imprimez le quiz en trente exemplaires.",
                "2 semaines avant",
            ),
            step(
                "Animer le quiz",
                "Proposez le quiz de dix questions aux passants ; corrigez-le ensemble en expliquant chaque réponse. Un bon score donne droit à un gilet ou un brassard.",
                "3 h",
            ),
            step(
                "Faire tester les lunettes",
                "Proposez un petit parcours de plots avec les lunettes qui simulent l'alcool ou la fatigue. Restez à côté de la personne, sur une surface plane.",
                "pendant le stand",
            ),
            step(
                "Faire le bilan",
                "Notez le nombre de quiz remplis et les questions les plus ratées : Route Sûre adapte ses campagnes à partir de ces retours.",
                "30 min",
            ),
            video("https://peertube.example.org/w/route-sure-stand", "Monter le stand en 4 minutes", "4 min"),
            faq(
                [
                    (
                        "Faut-il être formé ?",
                        "Non, le guide suffit. Une visio de 30 minutes avec Route Sûre est proposée chaque mois pour celles et ceux qui le souhaitent.",
                    ),
                    (
                        "Les lunettes sont-elles sans danger ?",
                        "Oui, sur un parcours à plat et sans obstacle, avec une personne qui accompagne.",
                    ),
                ]
            ),
        ],
        "materials": [("Quiz sécurité routière", "template"), ("Guide du stand", "guide")],
        "en": {
            "Stand de sensibilisation à la sécurité routière": "Road-safety awareness stand",
            "stand-securite-routiere": "road-safety-stand",
            "Un stand sur un marché ou dans un forum des associations : un quiz, des lunettes de simulation et des conseils concrets pour se déplacer en sécurité à pied, à vélo ou en voiture.": "A stand at a market or an associations' fair: a quiz, simulation goggles and practical advice to get around safely on foot, by bike or by car.",
            "Un stand de sécurité routière attire par le jeu : le quiz et les lunettes de simulation ouvrent la conversation, les conseils se retiennent parce qu'on les a testés.": "A road-safety stand draws people in through play: the quiz and the goggles start the conversation, and the advice sticks because people tried it.",
            "Réserver l'emplacement": "Book a spot",
            "Demandez un emplacement au placier du marché ou à l'organisateur du forum. Un espace de 3 mètres sur 3 suffit.": "Ask the market manager or the fair's organiser for a spot. A 3 by 3 metre space is enough.",
            "1 mois avant": "1 month before",
            "Emprunter le matériel": "Borrow the equipment",
            "Réservez auprès de Route Sûre les lunettes de simulation et les gilets réfléchissants à offrir. Imprimez le quiz en trente exemplaires.": "Book the simulation goggles and the reflective vests to give away from Route Sûre. Print thirty copies of the quiz.",
            "2 semaines avant": "2 weeks before",
            "Animer le quiz": "Run the quiz",
            "Proposez le quiz de dix questions aux passants ; corrigez-le ensemble en expliquant chaque réponse. Un bon score donne droit à un gilet ou un brassard.": "Offer passers-by the ten-question quiz; go through the answers together and explain each one. A good score earns a vest or an armband.",
            "Faire tester les lunettes": "Let people try the goggles",
            "Proposez un petit parcours de plots avec les lunettes qui simulent l'alcool ou la fatigue. Restez à côté de la personne, sur une surface plane.": "Set up a short course of cones to walk with goggles that simulate alcohol or tiredness. Stay next to the person, on flat ground.",
            "pendant le stand": "during the stand",
            "Faire le bilan": "Take stock",
            "Notez le nombre de quiz remplis et les questions les plus ratées : Route Sûre adapte ses campagnes à partir de ces retours.": "Note how many quizzes were filled in and which questions were most often wrong: Route Sûre adapts its campaigns from this feedback.",
            "Monter le stand en 4 minutes": "Setting up the stand in 4 minutes",
            "Faut-il être formé ?": "Do I need training?",
            "Non, le guide suffit. Une visio de 30 minutes avec Route Sûre est proposée chaque mois pour celles et ceux qui le souhaitent.": "No, the guide is enough. A 30-minute video call with Route Sûre is offered every month for those who want it.",
            "Les lunettes sont-elles sans danger ?": "Are the goggles safe?",
            "Oui, sur un parcours à plat et sans obstacle, avec une personne qui accompagne.": "Yes, on a flat course without obstacles, with someone walking alongside.",
            "Quiz sécurité routière": "Road-safety quiz",
            "Guide du stand": "Stand guide",
        },
    },
    {
        "title": "Ramassage citoyen de déchets",
        "slug": "ramassage-dechets",
        "association": "Nature Propre",
        "themes": ["environnement"],
        "audiences": [Audience.FAMILIES, Audience.COMPANIES, Audience.GENERAL_PUBLIC, Audience.DISABILITIES],
        "format": Format.COLLECTION,
        "preparation_days": 14,
        "action_duration": 150,
        "team": (3, 30),
        "difficulty": Difficulty.EASY,
        "cost": Cost.FREE,
        "summary": "Deux heures et demie pour nettoyer un bord de rivière, un parc ou une plage avec des voisins ou des collègues, peser ce qui a été ramassé et le signaler à la commune.",
        "body": [
            paragraph(
                "Un ramassage est ouvert à tous, y compris aux personnes en fauteuil sur les chemins stabilisés : prévoyez des pinces à long manche et des parcours accessibles."
            ),
            heading("Le déroulé"),
            step(
                "Choisir le site et prévenir la commune",
                "Repérez un lieu sale mais sûr, sans pente raide ni circulation. Prévenez la mairie, qui fournit souvent sacs et benne.",
                "2 semaines avant",
            ),
            step(
                "Inviter les participants",
                "Diffusez l'affiche et donnez rendez-vous à un point facile à trouver. Demandez à chacun de venir avec des chaussures fermées.",
                "10 jours avant",
            ),
            step(
                "Briefer l'équipe",
                "Distribuez gants et pinces, rappelez les consignes : ne pas toucher aux seringues ni aux produits chimiques, les signaler.",
                "15 min",
            ),
            step(
                "Ramasser et trier",
                "Formez des binômes ; un sac pour le recyclable, un pour le reste. Le verre va dans un seau à part.",
                "2 h",
            ),
            step(
                "Peser et partager",
                "Pesez les sacs, photographiez le tas, remplissez la fiche de bilan pour Nature Propre et la commune.",
                "15 min",
            ),
            callout("Ne ramassez jamais une seringue : balisez l'endroit et appelez la mairie.", "warning", "Sécurité"),
            paragraph(
                "Avec des enfants, transformez le ramassage en jeu : qui trouve l'objet le plus insolite, quelle équipe remplit le plus vite son sac de recyclables. Terminez par un goûter sur place, avec de la vaisselle réutilisable."
            ),
            faq(
                [
                    (
                        "Faut-il une autorisation ?",
                        "Sur l'espace public, une simple information à la mairie suffit. Sur un terrain privé, demandez l'accord du propriétaire.",
                    )
                ]
            ),
        ],
        "materials": [
            ("Fiche de bilan du ramassage", "checklist"),
            ("Affiche d'invitation", "poster"),
            ("Visuel pour les réseaux sociaux", "social-media"),
        ],
    },
    {
        "title": "Petit-déjeuner solidaire",
        "slug": "petit-dejeuner-solidaire",
        "association": "Souffle Commun",
        "themes": ["sante", "solidarite"],
        "audiences": [Audience.COMPANIES, Audience.FAMILIES],
        "format": Format.FUNDRAISING,
        "preparation_days": 21,
        "action_duration": 120,
        "team": (3, 8),
        "difficulty": Difficulty.MEDIUM,
        "cost": Cost.MEDIUM,
        "summary": "Un petit-déjeuner servi à vos collègues ou voisins contre un don, pour financer la recherche sur une maladie respiratoire rare et faire connaître le quotidien des malades.",
        "body": [
            paragraph(
                "Le petit-déjeuner solidaire réunit convivialité et collecte : on vient pour les croissants, on repart en connaissant mieux une maladie rare.",
                "Prévoyez une option sans gluten et sans lactose, du thé et du café équitables, et un coin calme : certaines personnes malades sont gênées par le bruit et les odeurs fortes.",
            ),
            heading("Le déroulé"),
            step(
                "Trouver le lieu et la date",
                "Une salle de pause en entreprise, un local associatif ou une salle municipale. Choisissez un jour de semaine, de 8 h à 10 h.",
                "3 semaines avant",
            ),
            step(
                "Obtenir les produits",
                "Demandez à une boulangerie et à un commerce de proximité de donner ou de vendre à prix coûtant. Mentionnez-les sur l'affiche.",
                "2 semaines avant",
            ),
            step(
                "Installer et accueillir",
                "Dressez le buffet, posez l'urne et le panneau de présentation de Souffle Commun. Accueillez chacun en expliquant la cause en une phrase.",
                "2 h",
            ),
            step(
                "Faire témoigner",
                "Si une personne malade ou un proche accepte de venir, proposez-lui de raconter son quotidien en cinq minutes, au milieu du petit-déjeuner. C'est souvent le moment dont les participants se souviennent : préparez-le avec elle, sans la mettre en difficulté.",
                "15 min",
            ),
            step(
                "Remercier et reverser",
                "Comptez les dons à deux, remplissez le bordereau et faites un virement à l'association dans la semaine.",
                "1 semaine après",
            ),
            faq(
                [
                    (
                        "Peut-on vendre le petit-déjeuner ?",
                        "Proposez plutôt un prix libre : les dons sont alors déductibles des impôts.",
                    )
                ]
            ),
        ],
        "materials": [("Affiche du petit-déjeuner", "poster"), ("Bordereau de dons", "template")],
    },
    {
        "title": "Atelier parents-enfants : gestes qui sauvent",
        "slug": "atelier-gestes-qui-sauvent",
        "association": "Familles Solidaires",
        "themes": ["sante"],
        "audiences": [Audience.FAMILIES, Audience.PUPILS],
        "format": Format.WORKSHOP,
        "preparation_days": 14,
        "action_duration": 90,
        "team": (2, 3),
        "difficulty": Difficulty.MEDIUM,
        "cost": Cost.LOW,
        "summary": "Un atelier d'une heure et demie où parents et enfants apprennent à alerter les secours, à mettre en position latérale de sécurité et à réagir face à un étouffement.",
        "body": [
            heading("Le déroulé"),
            paragraph(
                "En France, moins d'une personne sur deux sait pratiquer les gestes de premiers secours. Les enfants apprennent vite et retiennent longtemps : un atelier partagé avec leurs parents crée des réflexes dans toute la famille.",
                "L'atelier ne remplace pas une formation certifiante : il donne envie d'en suivre une, et la fiche remise en fin de séance indique où s'inscrire près de chez soi.",
            ),
            step(
                "Réserver une salle",
                "Une salle de 30 m² avec des tapis suffit. Limitez l'atelier à huit familles.",
                "2 semaines avant",
            ),
            step(
                "Inviter les familles",
                "Diffusez l'invitation par l'école, le centre social ou la médiathèque. Demandez l'âge des enfants à l'inscription : l'atelier convient à partir de 7 ans.",
                "10 jours avant",
            ),
            step(
                "Réviser les gestes",
                "Relisez la fiche animateur et entraînez-vous avec le mannequin prêté par l'association.",
                "1 semaine avant",
            ),
            step(
                "Animer l'atelier",
                "Alternez démonstration, mise en pratique par les enfants puis par les parents, et quiz final avec les cartes.",
                "1 h 30",
            ),
            checklist(
                "Les trois gestes de l'atelier",
                [
                    "Alerter : composer le 15, le 18 ou le 112 et dire où l'on est",
                    "Protéger et installer en position latérale de sécurité",
                    "Réagir à un étouffement : claques dans le dos puis compressions",
                ],
            ),
            faq(
                [
                    (
                        "Faut-il être secouriste ?",
                        "Oui : l'animatrice ou l'animateur doit être titulaire du PSC1 de moins de trois ans.",
                    )
                ]
            ),
        ],
        "materials": [("Fiche animateur", "guide"), ("Cartes quiz", "template")],
    },
    {
        "title": "Défi sportif connecté",
        "slug": "defi-sportif-connecte",
        "association": "Courir Ensemble",
        "themes": ["sport", "solidarite"],
        "audiences": [Audience.COMPANIES, Audience.YOUNG_PEOPLE],
        "format": Format.ONLINE,
        "preparation_days": 10,
        "action_duration": 600,
        "team": (1, 2),
        "difficulty": Difficulty.EASY,
        "cost": Cost.FREE,
        "summary": "Pendant une semaine, chaque participant déclare ses kilomètres (marche, course, vélo) sur une page de collecte en ligne ; les proches parrainent les kilomètres.",
        "body": [
            heading("Le déroulé"),
            step(
                "Créer la page de collecte",
                "Créez votre page sur la plateforme de Courir Ensemble et fixez un objectif de kilomètres.",
                "10 jours avant",
            ),
            step(
                "Mobiliser l'équipe",
                "Envoyez le visuel et le message type à vos collègues ou amis ; chacun crée sa page liée à la vôtre.",
                "1 semaine avant",
            ),
            step(
                "Relancer chaque jour",
                "Publiez le total du jour et une photo : la régularité fait les dons.",
                "chaque jour",
            ),
            step(
                "Clore le défi",
                "Annoncez le total de kilomètres et de dons, remerciez chaque parrain par un message personnel et partagez le visuel de clôture.",
                "le dernier jour",
            ),
            paragraph(
                "Le défi connecté convient aux équipes dispersées : télétravail, plusieurs sites, amis dans différentes villes. Chacun bouge à son rythme, seul ou à plusieurs, et la page commune rend l'effort collectif visible.",
                "Veillez à ce que le défi reste accessible : la marche compte autant que la course, et une personne qui ne peut pas se déplacer peut parrainer ou animer la page de l'équipe.",
                "Fixez un objectif atteignable en équipe, puis relevez-le à mi-parcours s'il est dépassé : annoncer un nouveau palier relance les parrains mieux qu'un simple rappel.",
            ),
            faq(
                [
                    (
                        "Faut-il une application ?",
                        "Non : chacun déclare ses kilomètres sur la page de collecte. Une montre ou une application de suivi aide, mais n'est pas nécessaire.",
                    ),
                    ("Où va l'argent ?", "Directement à Courir Ensemble, qui envoie un reçu fiscal à chaque donateur."),
                ]
            ),
        ],
        "materials": [("Visuel du défi", "social-media")],
    },
    {
        "title": "Affiches de prévention",
        "slug": "affiches-prevention",
        "association": "Route Sûre",
        "themes": ["securite-routiere"],
        "audiences": [],
        "format": Format.AWARENESS_STAND,
        "preparation_days": 2,
        "action_duration": 60,
        "team": (1, 1),
        "difficulty": Difficulty.EASY,
        "cost": Cost.FREE,
        "summary": "Coller des affiches de prévention chez les commerçants du quartier.",
        "deliberately_short": True,  # shown as "too short" in the admin: a kit is not an A4 sheet
        "body": [step("Coller les affiches", "Demandez aux commerçants l'autorisation d'afficher.")],
        "materials": [("Affiche de prévention", "poster")],
    },
]

WORKFLOW_NAME = "Kit review"
# The cover of each demo kit: an illustration of its kind of action (home/illustrations.py).
MOTIFS = {
    Format.SPORTS_EVENT: "run",
    Format.COLLECTION: "collect",
    Format.AWARENESS_STAND: "stand",
    Format.FUNDRAISING: "breakfast",
    Format.WORKSHOP: "workshop",
    Format.ONLINE: "online",
}


def motif(spec):
    return "nature" if "environnement" in spec["themes"] else MOTIFS.get(spec["format"], "people")


def cover(spec):
    return demo_image(f"Illustration : {spec['title']}", motif(spec), alt_text="")


def pdf_file(label, spec):
    lines = [spec["title"], f"Association : {spec['association']}", "Kit d'action autonome - Relais"]
    return ContentFile(make_pdf(label, lines), name=f"{slugify(label)}.pdf")


def ensure_themes(demo):
    themes = {}
    for name, slug, name_en, slug_en in THEMES:
        theme = ThemeFactory(name=name, slug=slug)
        if not theme.has_translation(demo.english):
            translate(theme, "en", {name: name_en, slug: slug_en})
        themes[slug] = theme
    return themes


def school_charter(demo):
    """The charter page the home demo creates (home/demo.py), linked from school kits."""
    return Page.objects.filter(slug="charte-milieu-scolaire", locale=demo.french).first()


def create_kit(demo, index, spec, themes):
    team_min, team_max = spec["team"]
    body = spec["body"] + ([] if spec.get("deliberately_short") else COMMON_FR)
    kit = KitPageFactory(
        parent=index,
        title=spec["title"],
        slug=spec["slug"],
        summary=spec["summary"],
        association=demo.associations.get(spec["association"]),
        audiences=spec["audiences"],
        format=spec["format"],
        preparation_days=spec["preparation_days"],
        action_duration=spec["action_duration"],
        team_min=team_min,
        team_max=team_max,
        difficulty=spec["difficulty"],
        cost=spec["cost"],
        school_setting=spec.get("school_setting", False),
        accreditation_note=spec.get("accreditation_note", ""),
        school_charter=school_charter(demo) if spec.get("school_setting") else None,
        referent_name="Équipe " + spec["association"],
        body=stream(*body),
        themes=[themes[slug] for slug in spec["themes"]],
        hero_image=cover(spec),
    )
    for label, kind in spec["materials"]:
        document = KitDocumentFactory(title=label, file=pdf_file(label, spec))
        KitMaterialFactory(page=kit, document=document, label=label, kind=kind)
    demo.publish(kit)
    return kit


def skeleton(demo):
    """The kits' section: its index in both languages, under the review workflow, and the themes."""
    index = demo.ensure_index(
        KitIndexPage,
        slug="kits",
        title="Kits d'action",
        introduction="Choisissez un kit adapté à votre public et lancez votre action, en toute autonomie.",
        english={
            "Kits d'action": "Action kits",
            "kits": "kits",
            "Choisissez un kit adapté à votre public et lancez votre action, en toute autonomie.": (
                "Pick a kit that suits your audience and run your action on your own."
            ),
        },
    )
    # Every language's kit index: translated kits go through the same review.
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    for page in index.get_translations(inclusive=True) if workflow else []:
        if not WorkflowPage.objects.filter(page=page).exists():
            WorkflowPage.objects.create(page=page, workflow=workflow)
    return index, ensure_themes(demo)


def load(demo):
    index, themes = skeleton(demo)
    existing = {kit.slug: kit for kit in KitPage.objects.child_of(index).filter(locale=demo.french)}
    for spec in KITS:
        if spec["slug"] in existing:
            give_cover(demo, existing[spec["slug"]], spec)
            continue
        kit = create_kit(demo, index, spec, themes)
        demo.note(spec["title"])
        if "en" in spec:
            translate(kit, "en", {**COMMON_EN, **spec["en"]})
    ensure_declarations(demo, index)


def give_cover(demo, kit, spec):
    """A demo made before kits had covers gets them (and its translations with it)."""
    if kit.hero_image_id:
        return
    image = cover(spec)
    for page in [kit, *kit.get_translations()]:
        page = page.specific
        page.hero_image = image
        demo.publish(page)


DEMO_EMAIL_DOMAIN = "demo.relais.example.org"
# (kit slug, name, territory, days from today, participants, language, downloads)
DECLARATIONS = [
    ("course-solidaire-ecole", "Nadia Benali", "69", -40, 120, "fr", 2),
    ("collecte-produits-hygiene", "Paul Girard", "2A", -25, 60, "fr", 1),
    ("collecte-produits-hygiene", "Emma Wilson", "971", -10, 35, "en", 2),
    ("ramassage-dechets", "Louis Hoarau", "974", -5, 25, "fr", 1),
    ("stand-securite-routiere", "Claire Petit", "59", 12, 200, "fr", 1),
    ("collecte-produits-hygiene", "Jules Martin", "977", 30, 40, "fr", 0),
    ("petit-dejeuner-solidaire", "Sarah Cohen", "75", 60, 50, "en", 0),
]


def ensure_declarations(demo, index):
    """A few declarations made through the factories, once (marked by their e-mail domain)."""

    if ActionDeclaration.objects.filter(email__endswith=f"@{DEMO_EMAIL_DOMAIN}").exists():
        return
    kits = {kit.slug: kit for kit in KitPage.objects.child_of(index).filter(locale=demo.french)}
    today = timezone.localdate()
    for slug, name, territory, days, participants, language, downloads in DECLARATIONS:
        kit = kits.get(slug)
        if kit is None:
            continue
        created_at = timezone.now() - timedelta(days=max(30, 30 - days))
        declaration = ActionDeclarationFactory(
            kit=kit,
            name=name,
            email=f"{slugify(name)}@{DEMO_EMAIL_DOMAIN}",
            territory=territory,
            planned_date=today + timedelta(days=days),
            expected_participants=participants,
            audience=kit.audiences[0] if kit.audiences else "general-public",
            language=language,
            created_at=created_at,
            reminder_sent_at=created_at + timedelta(days=1) if days < 7 else None,  # already reminded
        )
        for material in list(kit.materials.all())[:downloads]:
            KitDownloadFactory(declaration=declaration, material=material)
    demo.note("Déclarations d'action de démonstration")
