"""Background tasks of the kits: the declaration e-mails (immediate in development and
tests, the database worker in production). Queued on commit by kits/services.py."""

from django_tasks import task

from kits import emails
from kits.models.declarations import ActionDeclaration


@task()
def send_declaration_email(declaration_id, kind):
    declaration = ActionDeclaration.objects.select_related("kit").filter(pk=declaration_id).first()
    if declaration is None:
        return
    emails.send_declaration_email(declaration, kind)
