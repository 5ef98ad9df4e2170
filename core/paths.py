"""Where files live on disk, shared by the storages and the backups."""

from pathlib import Path

from django.conf import settings


def private_media_root():
    """PRIVATE_MEDIA_ROOT, or a sibling of MEDIA_ROOT named `<media>-private`:
    documents no web server exposes (kit materials)."""
    configured = getattr(settings, "PRIVATE_MEDIA_ROOT", "")
    if configured:
        return Path(configured)
    media = Path(settings.MEDIA_ROOT)
    return media.with_name(f"{media.name}-private")
