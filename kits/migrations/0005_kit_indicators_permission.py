"""The "view kit indicators" permission, given to the Editors and Moderators groups."""

from django.db import migrations

GROUPS = ["Editors", "Moderators"]


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="kits", model="actiondeclaration")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename="view_indicators", defaults={"name": "Can view the kit indicators"}
    )
    for name in GROUPS:
        Group.objects.get_or_create(name=name)[0].permissions.add(permission)


def backwards(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(content_type__app_label="kits", codename="view_indicators").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("kits", "0004_action_declarations"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="actiondeclaration",
            options={
                "ordering": ["-created_at"],
                "permissions": [("view_indicators", "Can view the kit indicators")],
                "verbose_name": "action declaration",
                "verbose_name_plural": "action declarations",
            },
        ),
        migrations.RunPython(forwards, backwards),
    ]
