"""Two groups (docs/permissions.md):

- "Site administrators" edit, publish, move and delete any page, the structural ones
  included (home, section index pages, the footer's information pages: the
  manage_structural_pages permission, home/permissions.py), which Editors and Moderators
  may not touch; they upload and choose images (the home page's hero) and translate pages;
- "Protection des données" answers data-protection requests: the admin and the personal
  data tool (manage_personal_data), nothing else."""

from django.db import migrations

SITE_ADMINISTRATORS = "Site administrators"
DATA_PROTECTION = "Protection des données"
PAGE_ACTIONS = [
    ("add", "Add/edit pages you own"),
    ("change", "Edit any page"),
    ("publish", "Publish any page"),
    ("bulk_delete", "Delete pages with children"),
    ("lock", "Lock/unlock pages you've locked"),
    ("unlock", "Unlock any page"),
]


def _permission(apps, app_label, model, codename, name):
    # Model permissions are created after migrate: on a fresh database they do not exist yet.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    return Permission.objects.get_or_create(content_type=content_type, codename=codename, defaults={"name": name})[0]


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    access_admin = _permission(apps, "wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")

    administrators, _ = Group.objects.get_or_create(name=SITE_ADMINISTRATORS)
    structural = _permission(
        apps,
        "home",
        "sitesettings",
        "manage_structural_pages",
        "Can edit, publish, move and delete the structural pages",
    )
    translate = _permission(apps, "wagtail_localize", "translation", "submit_translation", "Can submit translations")
    administrators.permissions.add(access_admin, structural, translate)
    root = Page.objects.filter(depth=1).order_by("path").first()
    if root is not None:
        for action, name in PAGE_ACTIONS:
            permission = _permission(apps, "wagtailcore", "page", f"{action}_page", name)
            GroupPagePermission.objects.get_or_create(group=administrators, page=root, permission=permission)

    collection = Collection.objects.filter(depth=1).order_by("path").first()
    if collection is not None:
        for codename, name in [("add_image", "Can add image"), ("choose_image", "Can choose image")]:
            permission = _permission(apps, "wagtailimages", "image", codename, name)
            GroupCollectionPermission.objects.get_or_create(
                group=administrators, collection=collection, permission=permission
            )

    protection, _ = Group.objects.get_or_create(name=DATA_PROTECTION)
    manage = _permission(
        apps, "home", "sitesettings", "manage_personal_data", "Can search, export and erase personal data"
    )
    protection.permissions.set([access_admin, manage])
    GroupCollectionPermission.objects.filter(group=protection).delete()


def backwards(apps, schema_editor):
    # Their page permissions go with them (GroupPagePermission cascades).
    apps.get_model("auth", "Group").objects.filter(name__in=[SITE_ADMINISTRATORS, DATA_PROTECTION]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_home_featured_kits"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        # After Wagtail's migrations that hand "choose" permissions to every admin group.
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="sitesettings",
            options={
                "permissions": [
                    ("manage_personal_data", "Can search, export and erase personal data"),
                    ("manage_structural_pages", "Can edit, publish, move and delete the structural pages"),
                ],
                "verbose_name": "site settings",
            },
        ),
        migrations.RunPython(forwards, backwards),
    ]
