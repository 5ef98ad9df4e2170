"""Moderators approve and decline membership requests (Admin → Members, the moderation
inbox): they see and change member profiles. Before, only superusers could."""

from django.db import migrations

GROUP = "Moderators"
PERMISSIONS = [("view_memberprofile", "Can view member profile"), ("change_memberprofile", "Can change member profile")]


def _permissions(apps):
    # Model permissions are created after migrate: on a fresh database they do not exist yet.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="community", model="memberprofile")
    return [
        Permission.objects.get_or_create(content_type=content_type, codename=codename, defaults={"name": name})[0]
        for codename, name in PERMISSIONS
    ]


def forwards(apps, schema_editor):
    group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=GROUP)
    group.permissions.add(*_permissions(apps))


def backwards(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=GROUP).first()
    if group is not None:
        group.permissions.remove(*_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0010_testimonial_photos_private"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
