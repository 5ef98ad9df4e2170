"""The association snippet's admin form: the staff offered are the accounts of the
"Association staff" group (and whoever is staff already), named by name and e-mail."""

from django.contrib.auth import get_user_model
from django.db.models import Q

from wagtail.admin.forms import WagtailAdminModelForm

ASSOCIATION_STAFF = "Association staff"  # the group made by kits/migrations/0010


class AssociationForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("staff")
        if field is None:  # the panel is only for who manages accounts
            return
        current = self.instance.staff.all() if self.instance.pk else get_user_model().objects.none()
        field.queryset = (
            get_user_model()
            .objects.filter(Q(groups__name=ASSOCIATION_STAFF, is_active=True) | Q(pk__in=current.values("pk")))
            .distinct()
            .order_by("email")
        )
        field.label_from_instance = staff_label


def staff_label(user):
    name = user.get_full_name()
    return f"{name} <{user.email}>" if name else user.email
