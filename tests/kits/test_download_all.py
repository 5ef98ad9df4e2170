""" "Télécharger tout": every material of the kit in one zip, through the same signed and
logged download, counted once, streamed with flat memory whatever the size of the files."""

import io
import os
import re
import tempfile
import tracemalloc
import zipfile

import pytest

from django.core import mail
from django.core.files import File

from kits import indicators
from kits.emails import send_declaration_email
from kits.factories import ActionDeclarationFactory, KitDocumentFactory, KitMaterialFactory
from kits.models import KitDownload
from kits.signing import ALL_MATERIALS, sign_download

pytestmark = pytest.mark.django_db

BIG = 48 * 1024 * 1024


@pytest.fixture
def kit(make_kit):
    kit = make_kit(title="Kit complet", slug="kit-complet-zip", materials=2)
    return kit


def zip_url(kit, declaration):
    return f"{kit.url}telecharger/{sign_download(declaration.token, ALL_MATERIALS)}/"


def test_page_and_email_offer_download_all_beside_the_files(client, kit):
    declaration = ActionDeclarationFactory(kit=kit)
    html = client.get(f"{kit.url}mon-action/{declaration.token}/").content.decode()
    assert html.count("/telecharger/") == 3
    assert re.search(r'href="[^"]+/telecharger/[^"]+"[^>]*>Télécharger tout<', html)
    message = send_declaration_email(declaration, "links")
    assert "Télécharger tout" in message.body and message.body.count("/telecharger/") == 3
    assert "Télécharger tout</a>" in message.alternatives[0][0]


def test_zip_holds_every_material_and_counts_once(client, kit):
    declaration = ActionDeclarationFactory(kit=kit)
    response = client.get(zip_url(kit, declaration))
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"] == 'attachment; filename="kit-complet.zip"'
    assert "no-store" in response["Cache-Control"]
    data = b"".join(response.streaming_content)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        names = archive.namelist()
        assert len(names) == 2
        for material, name in zip(kit.materials.select_related("document").order_by("sort_order"), names, strict=True):
            with material.document.file.open("rb") as handle:
                assert archive.read(name) == handle.read()
    assert KitDownload.objects.filter(declaration=declaration).count() == 1
    assert KitDownload.objects.get(declaration=declaration).whole_kit
    assert indicators.downloads().filter(declaration=declaration).count() == 1


def test_zip_of_a_cancelled_declaration_is_refused(client, kit):
    declaration = ActionDeclarationFactory(kit=kit, status="cancelled")
    assert client.get(zip_url(kit, declaration)).status_code == 410
    assert not KitDownload.objects.filter(declaration=declaration).exists()


def test_a_tampered_zip_link_is_404(client, kit):
    declaration = ActionDeclarationFactory(kit=kit)
    assert client.get(zip_url(kit, declaration)[:-3] + "xx/").status_code == 404


def test_a_large_material_is_streamed_with_flat_memory(client, kit):
    with tempfile.NamedTemporaryFile(suffix=".pdf", delete=False) as handle:
        block = os.urandom(1024 * 1024)
        for _ in range(BIG // len(block)):
            handle.write(block)
    document = None
    try:
        with open(handle.name, "rb") as source:
            document = KitDocumentFactory(title="Vidéo de formation", file=File(source, name="grand-fichier.pdf"))
        KitMaterialFactory(page=kit, document=document, label="La vidéo")
        declaration = ActionDeclarationFactory(kit=kit)
        mail.outbox.clear()
        response = client.get(zip_url(kit, declaration))
        assert response.streaming and not response.has_header("Content-Length")
        size = 0
        with tempfile.TemporaryFile() as out:
            tracemalloc.start()
            try:
                for chunk in response.streaming_content:
                    size += len(chunk)
                    out.write(chunk)
                peak = tracemalloc.get_traced_memory()[1]
            finally:
                tracemalloc.stop()
            assert size > BIG
            assert peak < 4 * 1024 * 1024, f"peak {peak} bytes for a {BIG}-byte file"
            out.seek(0)
            with zipfile.ZipFile(out) as archive:
                assert archive.getinfo("grand-fichier.pdf").file_size == BIG
                assert archive.testzip() is None
    finally:
        os.unlink(handle.name)
        if document is not None:  # 64 MB in the test media, and a second run would get another name
            document.file.delete(save=False)
