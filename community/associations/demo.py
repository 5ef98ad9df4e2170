"""Demo content of the directory: the network's associations and their page."""

import datetime

from community.associations.factories import AssociationFactory
from community.associations.models import Association, AssociationIndexPage, themes_in

# The network's associations (fictional), used by kits, sessions and members.
ASSOCIATIONS = [
    (
        "Courir Ensemble",
        "Des courses solidaires dans les écoles et les entreprises pour financer la lutte contre la faim.",
    ),
    ("Dignité Hygiène", "Collecte et distribution de produits d'hygiène pour les personnes en précarité."),
    ("Route Sûre", "Sensibilisation aux risques routiers, des plus jeunes aux seniors."),
    ("Nature Propre", "Ramassages citoyens de déchets et sensibilisation à la préservation des milieux."),
    ("Souffle Commun", "Soutien aux malades d'une maladie respiratoire rare et à leurs familles."),
    ("Familles Solidaires", "Un réseau de familles qui s'entraident et animent la vie locale."),
]

# The English site's texts of the same associations: short description, then description.
ENGLISH = {
    "Courir Ensemble": (
        "Charity runs in schools and companies to fund the fight against hunger.",
        "Courir Ensemble organises charity runs in schools, clubs and companies. Each runner looks for "
        "sponsors; the money funds nutrition programmes.\n\nIts kits let a teacher or a parent set up a run "
        "without knowing the association.",
    ),
    "Dignité Hygiène": (
        "Collecting and giving out hygiene products for people in hardship.",
        "Collections of hygiene products in supermarkets, schools and companies, handed out by partner "
        "organisations to people in hardship.",
    ),
    "Route Sûre": (
        "Road safety awareness, from the youngest to the oldest.",
        "Road risk prevention: stands, workshops for children and older people, posters.",
    ),
    "Nature Propre": (
        "Litter picks by local people and awareness of protecting nature.",
        "Litter picks by local people and activities about protecting rivers and the coast.",
    ),
    "Souffle Commun": (
        "Support for people with a rare respiratory disease and their families.",
        "Support for people with a rare respiratory disease and their families; sports challenges and "
        "charity breakfasts to make the disease known.",
    ),
    "Familles Solidaires": (
        "A network of families who help each other and bring local life together.",
        "A network of families who help each other: shared childcare, workshops, street parties.",
    ),
}


# name → (description, territories, theme slugs, member since)
DIRECTORY = {
    "Courir Ensemble": (
        "Courir Ensemble organise des courses solidaires dans les écoles, les clubs et les entreprises. "
        "Chaque participant cherche des parrains ; les fonds servent des programmes de nutrition.\n\n"
        "Ses kits permettent à une enseignante ou à un parent d'élève de monter une course "
        "sans connaître l'association.",
        ["69", "75", "13", "974"],
        ["sport", "solidarite"],
        datetime.date(2021, 3, 1),
    ),
    "Dignité Hygiène": (
        "Collectes de produits d'hygiène dans les supermarchés, les écoles et les entreprises, redistribuées "
        "par des structures partenaires aux personnes en précarité.",
        ["75", "93", "59", "971"],
        ["solidarite", "sante"],
        datetime.date(2022, 1, 15),
    ),
    "Route Sûre": (
        "Prévention des risques routiers : stands, ateliers pour les plus jeunes et les seniors, affiches.",
        ["31", "33", "44", "69"],
        ["securite-routiere"],
        datetime.date(2020, 9, 1),
    ),
    "Nature Propre": (
        "Ramassages citoyens de déchets et animations sur la préservation des rivières et du littoral.",
        ["29", "56", "35", "2A"],
        ["environnement"],
        datetime.date(2023, 5, 1),
    ),
    "Souffle Commun": (
        "Soutien aux malades d'une maladie respiratoire rare et à leurs familles ; défis sportifs et "
        "petits-déjeuners solidaires pour faire connaître la maladie.",
        ["67", "68", "54"],
        ["sante", "sport"],
        datetime.date(2021, 11, 1),
    ),
    "Familles Solidaires": (
        "Un réseau de familles qui s'entraident : gardes partagées, ateliers, fêtes de quartier.",
        ["63", "15", "43"],
        ["solidarite"],
        datetime.date(2024, 2, 1),
    ),
}


def skeleton(demo):
    """The directory's index page in both languages."""
    return demo.ensure_index(
        AssociationIndexPage,
        slug="associations",
        title="Associations",
        introduction="Les associations du réseau Relais.",
        english={
            "Associations": "Associations",
            "associations": "associations",
            "Les associations du réseau Relais.": "The associations of the Relais network.",
        },
    )


def load(demo):
    skeleton(demo)
    for name, description in ASSOCIATIONS:
        AssociationFactory(name=name, short_description=description, short_description_en=ENGLISH[name][0])
    demo.associations = {association.name: association for association in Association.objects.all()}
    demo.on_finish(enrich_directory)  # after kits: associations have kit themes


def enrich_directory(demo):
    themes = {theme.slug: theme for theme in themes_in(demo.french)}
    for name, (description, territories, theme_slugs, since) in DIRECTORY.items():
        association = Association.objects.filter(name=name).first()
        if association is None:
            continue
        # Databases loaded before the English texts get them too (and keep an editor's own).
        Association.objects.filter(pk=association.pk, short_description_en="").update(
            short_description_en=ENGLISH[name][0]
        )
        Association.objects.filter(pk=association.pk, description_en="").update(description_en=ENGLISH[name][1])
        if association.description:
            continue
        association.description = description
        association.description_en = ENGLISH[name][1]
        association.territories = territories
        association.member_since = since
        association.save()
        association.themes.set([themes[slug] for slug in theme_slugs if slug in themes])
