"""Where Wagtail documents (kit materials first) are stored: a folder outside
MEDIA_ROOT that no web server exposes. Files are only ever read by Django views
that check permissions (Wagtail's document serve view, the gated download)."""

from pathlib import Path

from django.core.files.storage import FileSystemStorage
from django.utils.functional import cached_property

from core.paths import private_media_root


class PrivateStorage(FileSystemStorage):
    """A file system storage with no public URL."""

    @cached_property
    def base_location(self):
        return str(private_media_root())

    def url(self, name):
        raise NotImplementedError("private files have no public URL; use the document's serve view")

    def _save(self, name, content):
        root = Path(self.location)
        if not root.exists():
            root.mkdir(parents=True)
            # Private files must never be committed by accident.
            (root / ".gitignore").write_text("*\n")
        return super()._save(name, content)


def private_storage():
    return PrivateStorage()
