"""Association staff moderate the testimonials about their associations' kits and see the
registrations of the sessions their associations host (docs/permissions.md): the group gets
the model permissions, and community/testimonials/permissions.py and
events/registration_admin.py narrow them to what is theirs."""

from django.db import migrations

ASSOCIATION_STAFF = "Association staff"
PERMISSIONS = [
    ("community", "testimonial", "view_testimonial", "Can view testimonial"),
    ("community", "testimonial", "change_testimonial", "Can change testimonial"),
    ("events", "registration", "view_registration", "Can view registration"),
]


def _permissions(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    found = []
    for app_label, model, codename, name in PERMISSIONS:
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        found.append(
            Permission.objects.get_or_create(content_type=content_type, codename=codename, defaults={"name": name})[0]
        )
    return found


def forwards(apps, schema_editor):
    group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=ASSOCIATION_STAFF)
    group.permissions.add(*_permissions(apps))


def backwards(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=ASSOCIATION_STAFF).first()
    if group is not None:
        group.permissions.remove(*_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0014_association_english"),
        ("kits", "0010_association_staff_group"),
        ("events", "0007_event_cancellation"),
        # After Wagtail's migrations that hand "choose" permissions to every admin group.
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
