"""Kits models: pages (index, kit, materials), themes, the private document model,
action declarations and downloads."""

from .declarations import Accreditation, ActionDeclaration, DeclarationStatus, KitDownload, email_hash
from .documents import PrivateDocument
from .pages import KITS_PER_PAGE, KitIndexPage, KitMaterial, KitPage, format_minutes
from .themes import Theme

__all__ = [
    "KITS_PER_PAGE",
    "Accreditation",
    "ActionDeclaration",
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
