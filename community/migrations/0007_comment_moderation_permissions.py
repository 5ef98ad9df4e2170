"""Editors and moderators moderate the feedback threads: view and change comments
(hide, restore) in the Wagtail admin. Nobody adds nor deletes them there."""

from django.db import migrations

GROUPS = ["Editors", "Moderators"]
PERMISSIONS = [("view_xtdcomment", "Can view comment"), ("change_xtdcomment", "Can change comment")]


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="django_comments_xtd", model="xtdcomment")
    permissions = [
        Permission.objects.get_or_create(content_type=content_type, codename=codename, defaults={"name": name})[0]
        for codename, name in PERMISSIONS
    ]
    for group_name in GROUPS:
        Group.objects.get_or_create(name=group_name)[0].permissions.add(*permissions)


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="django_comments_xtd", codename__in=[codename for codename, _ in PERMISSIONS]
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0006_comment_confirmations"),
        ("django_comments_xtd", "0008_auto_20200920_2037"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
