"""Kit materials as files: the private "Kits" collection, and small generated PDFs
(for the demo content and the tests)."""

from django.contrib.auth.models import Group

from wagtail.models import Collection, CollectionViewRestriction

KITS_COLLECTION = "Kits"


def kits_collection():
    """The collection created by migration 0003, restricted to the editors' groups."""
    collection = Collection.objects.filter(depth=2, name=KITS_COLLECTION).first()
    if collection is None:  # deleted by hand: recreate it, restricted the same way
        collection = Collection.get_first_root_node().add_child(name=KITS_COLLECTION)
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
        restriction.groups.set(Group.objects.filter(name__in=["Editors", "Moderators"]))
    return collection


def _pdf_text(text):
    return text.encode("latin-1", "replace").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def make_pdf(title, lines=()):
    """A one-page, valid PDF 1.4 with a title and a few lines of text (Helvetica, Latin-1)."""
    content = [b"BT /F1 20 Tf 72 770 Td (" + _pdf_text(title) + b") Tj ET"]
    y = 730
    for line in lines:
        content.append(b"BT /F1 12 Tf 72 %d Td (" % y + _pdf_text(line) + b") Tj ET")
        y -= 18
    stream = b"\n".join(content)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    pdf = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        pdf += b"%010d 00000 n \n" % offset
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(pdf)
