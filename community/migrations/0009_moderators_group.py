"""The "Moderators" group: reads and moderates testimonials in the admin, and is e-mailed
when a new one arrives (community/testimonials/services.py)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PERMISSIONS = [
    ("community", "testimonial", "view_testimonial"),
    ("community", "testimonial", "change_testimonial"),
    ("wagtailadmin", "admin", "access_admin"),
]


def create_group(apps, schema_editor):
    # Model permissions are normally created after migrate: create them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name="Moderators")
    for app_label, model, codename in PERMISSIONS:
        permission = Permission.objects.filter(
            content_type__app_label=app_label, content_type__model=model, codename=codename
        ).first()
        if permission is not None:
            group.permissions.add(permission)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Moderators").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0008_testimonials"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
