"""Editors and moderators: the "Kits" document collection, visible only to their groups,
their permissions on documents and themes, and the "Kit review" workflow (editors
submit, moderators publish). Pages do not exist at migrate time: kits/demo.py (or an
administrator) attaches the workflow to the kit index."""

from django.db import migrations

GROUPS = ["Editors", "Moderators"]
STEPS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's alphabet, step length 4


def _permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def _next_child_path(parent, children):
    last = max((child.path for child in children), default=None)
    if last is None:
        return parent.path + "0001"
    number = int(last[-4:], 36) + 1
    step = ""
    for _ in range(4):
        number, digit = divmod(number, 36)
        step = STEPS[digit] + step
    return parent.path + step


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    CollectionViewRestriction = apps.get_model("wagtailcore", "CollectionViewRestriction")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    groups = [Group.objects.get_or_create(name=name)[0] for name in GROUPS]
    moderators = groups[1]

    # The private "Kits" collection (treebeard's API is not available in migrations).
    root = Collection.objects.filter(depth=1).order_by("path").first()
    kits = Collection.objects.filter(depth=2, name="Kits").first()
    if kits is None:
        children = Collection.objects.filter(depth=2, path__startswith=root.path)
        kits = Collection.objects.create(name="Kits", depth=2, path=_next_child_path(root, children), numchild=0)
        root.numchild = Collection.objects.filter(depth=2, path__startswith=root.path).count()
        root.save(update_fields=["numchild"])
    restriction, _ = CollectionViewRestriction.objects.get_or_create(collection=kits, restriction_type="groups")
    restriction.groups.set(groups)

    # Documents: both groups upload and choose them anywhere, the Kits collection included.
    for codename, name in [
        ("add_document", "Can add document"),
        ("change_document", "Can change document"),
        ("delete_document", "Can delete document"),
        ("choose_document", "Can choose document"),
    ]:
        permission = _permission(apps, "kits", "privatedocument", codename, name)
        for group in groups:
            GroupCollectionPermission.objects.get_or_create(group=group, collection=root, permission=permission)

    # Themes: a snippet both groups maintain.
    for action in ("add", "change", "delete"):
        permission = _permission(apps, "kits", "theme", f"{action}_theme", f"Can {action} theme")
        for group in groups:
            group.permissions.add(permission)

    # The "Kit review" workflow: one task, approved by moderators (content_type by hand, docs/traps.md).
    if not Workflow.objects.filter(name="Kit review").exists():
        content_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
        task = GroupApprovalTask.objects.create(name="Moderators approve the kit", content_type=content_type)
        task.groups.set([moderators])
        workflow = Workflow.objects.create(name="Kit review", active=True)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)


class Migration(migrations.Migration):
    dependencies = [
        ("kits", "0002_kit_pages_themes_materials"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
