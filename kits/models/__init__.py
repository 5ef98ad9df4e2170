"""Kits models: pages (index, kit, materials), themes, and the private document model."""

from .documents import PrivateDocument
from .pages import KITS_PER_PAGE, KitIndexPage, KitMaterial, KitPage, format_minutes
from .themes import Theme

__all__ = ["KITS_PER_PAGE", "KitIndexPage", "KitMaterial", "KitPage", "PrivateDocument", "Theme", "format_minutes"]
