"""Editors and moderators run the peer sessions from the admin: they see and change
registrations (attendance, waiting list) and moderate topic proposals."""

from django.db import migrations

GROUPS = ["Editors", "Moderators"]
MODELS = {"registration": "registration", "topicproposal": "topic proposal"}


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    permissions = []
    for model, label in MODELS.items():
        content_type, _ = ContentType.objects.get_or_create(app_label="events", model=model)
        for action in ("view", "change"):
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type, codename=f"{action}_{model}", defaults={"name": f"Can {action} {label}"}
            )
            permissions.append(permission)
    for name in GROUPS:
        Group.objects.get_or_create(name=name)[0].permissions.add(*permissions)


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="events", content_type__model__in=MODELS)
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0004_event_recap_article"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
