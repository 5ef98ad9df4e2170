"""Every material of a kit as one zip, written while it is sent: nothing is held in memory
beyond one chunk, whatever the size of the files, and nothing is written to disk.

zipfile writes to a stream it cannot seek (data descriptors after each file), so each
chunk written is handed to the response at once. Files are stored, not deflated: kit
materials are PDFs and images, already compressed."""

import zipfile
from datetime import datetime

from django.utils import timezone
from django.utils.text import slugify

CHUNK_SIZE = 64 * 1024


class _Pipe:
    """A write-only file for zipfile: keeps what was written until it is taken."""

    def __init__(self):
        self._chunks = []
        self._position = 0

    def write(self, data):
        self._chunks.append(bytes(data))
        self._position += len(data)
        return len(data)

    def tell(self):
        return self._position

    def flush(self):
        pass

    def take(self):
        data = b"".join(self._chunks)
        self._chunks.clear()
        return data


def archive_name(kit):
    return f"{slugify(kit.title) or 'kit'}.zip"


def member_names(materials):
    """One name per material inside the zip (the document's file name, numbered if twice)."""
    names, seen = [], set()
    for material in materials:
        name = material.document.filename or f"{slugify(material.label)}.{material.document.file_extension}"
        stem, dot, extension = name.rpartition(".")
        candidate, number = name, 2
        while candidate.lower() in seen:
            candidate = f"{stem}-{number}{dot}{extension}" if dot else f"{name}-{number}"
            number += 1
        seen.add(candidate.lower())
        names.append(candidate)
    return names


def stream_zip(materials, now=None):
    """Yield the bytes of a zip holding the documents of `materials`, chunk by chunk."""
    return (chunk for chunk in _zip_chunks(materials, now) if chunk)


def _zip_chunks(materials, now):
    stamp = timezone.localtime(now or timezone.now())
    date_time = datetime(max(stamp.year, 1980), stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)
    pipe = _Pipe()
    with zipfile.ZipFile(pipe, mode="w", compression=zipfile.ZIP_STORED) as archive:
        for material, name in zip(materials, member_names(materials), strict=True):
            info = zipfile.ZipInfo(name, date_time=date_time.timetuple()[:6])
            info.compress_type = zipfile.ZIP_STORED
            with material.document.file.open("rb") as source, archive.open(info, mode="w", force_zip64=True) as target:
                while chunk := source.read(CHUNK_SIZE):
                    target.write(chunk)
                    yield pipe.take()
            yield pipe.take()
    yield pipe.take()
