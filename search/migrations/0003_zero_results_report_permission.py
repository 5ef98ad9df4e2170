"""Editors and moderators may read the "Searches without results" report (view permission)."""

from django.db import migrations

GROUPS = ["Editors", "Moderators"]


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="search", model="zeroresultquery")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="view_zeroresultquery",
        defaults={"name": "Can view search without results"},
    )
    for name in GROUPS:
        Group.objects.get_or_create(name=name)[0].permissions.add(permission)


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.filter(content_type__app_label="search", codename="view_zeroresultquery").first()
    if permission:
        for group in Group.objects.filter(name__in=GROUPS):
            group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_zero_result_queries"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
