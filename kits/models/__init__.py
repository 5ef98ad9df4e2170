"""Kits models: pages (index, kit), materials, themes, the private document model,
action declarations and downloads. The modules below the pages (views, services, forms,
tasks) import the data modules (`kits.models.declarations`…), never this package, which
also holds the pages that import them."""

from kits.models.declaration_access import AccessKind, DeclarationAccess
from kits.models.declarations import Accreditation, ActionDeclaration, DeclarationStatus, KitDownload, email_hash
from kits.models.documents import PrivateDocument
from kits.models.materials import KitMaterial
from kits.models.pages import KITS_PER_PAGE, KitIndexPage, KitPage, format_minutes
from kits.models.themes import Theme

__all__ = [
    "KITS_PER_PAGE",
    "AccessKind",
    "Accreditation",
    "ActionDeclaration",
    "DeclarationAccess",
    "DeclarationStatus",
    "KitDownload",
    "KitIndexPage",
    "KitMaterial",
    "KitPage",
    "PrivateDocument",
    "Theme",
    "email_hash",
    "format_minutes",
]
