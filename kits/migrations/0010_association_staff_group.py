"""The "Association staff" group (docs/permissions.md): people of one association who run
its kits (add, edit, submit for review, translate, upload materials), its figures and its
directory entry. The group holds the rights; which kits and which association is narrowed
per person by kits/permissions.py and community/associations/staff.py.

Its page permissions sit on the kit index pages (add and change, never publish): the ones
that exist now, and any created later (kits.permissions.grant_kit_index, called by the
skeleton and when a kit index is saved for the first time)."""

from django.db import migrations

ASSOCIATION_STAFF = "Association staff"
PAGE_ACTIONS = [("add", "Add/edit pages you own"), ("change", "Edit any page")]


def _permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    return Permission.objects.get_or_create(content_type=content_type, codename=codename, defaults={"name": name})[0]


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    CollectionViewRestriction = apps.get_model("wagtailcore", "CollectionViewRestriction")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    KitIndexPage = apps.get_model("kits", "KitIndexPage")

    group, _ = Group.objects.get_or_create(name=ASSOCIATION_STAFF)
    group.permissions.set(
        [
            _permission(apps, "wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"),
            _permission(apps, "wagtail_localize", "translation", "submit_translation", "Can submit translations"),
            _permission(apps, "kits", "actiondeclaration", "view_indicators", "Can view the kit indicators"),
            _permission(apps, "community", "association", "change_association", "Can change association"),
        ]
    )
    GroupCollectionPermission.objects.filter(group=group).delete()
    root = Collection.objects.filter(depth=1).order_by("path").first()
    if root is not None:
        for app_label, model, codename, name in [
            ("wagtailimages", "image", "add_image", "Can add image"),
            ("wagtailimages", "image", "choose_image", "Can choose image"),
            ("kits", "privatedocument", "add_document", "Can add document"),
            ("kits", "privatedocument", "choose_document", "Can choose document"),
        ]:
            permission = _permission(apps, app_label, model, codename, name)
            GroupCollectionPermission.objects.create(group=group, collection=root, permission=permission)
    for restriction in CollectionViewRestriction.objects.filter(collection__depth=2, collection__name="Kits"):
        restriction.groups.add(group)
    for index in KitIndexPage.objects.all():
        for action, name in PAGE_ACTIONS:
            permission = _permission(apps, "wagtailcore", "page", f"{action}_page", name)
            GroupPagePermission.objects.get_or_create(group=group, page_id=index.pk, permission=permission)


def backwards(apps, schema_editor):
    # Page and collection permissions and memberships go with the group (cascade).
    apps.get_model("auth", "Group").objects.filter(name=ASSOCIATION_STAFF).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("kits", "0009_kit_school_charter"),
        ("community", "0012_association_staff"),
        ("home", "0005_site_administrators_and_data_protection"),
        # After Wagtail's migrations that hand "choose" permissions to every admin group.
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
