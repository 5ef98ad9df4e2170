"""One way to moderate what people send: membership requests, testimonials, comments.

A moderator approves or declines one or many at once, declining with a reason; who
decided, when and why is kept (the model's own fields where it has them, and always a
line in the object's admin history); the person is told by e-mail; nothing is decided
twice. Each moderated model describes itself once with a `Moderation` subclass:

    class TestimonialModeration(Moderation):
        model = Testimonial
        approved_value, declined_value = Testimonial.Status.APPROVED, Testimonial.Status.REJECTED
        decided_by_field, decided_at_field, reason_field = "moderated_by", "moderated_at", "rejection_reason"
        approve = Wording(action="approve", ...)   # what the admin says (moderation_admin.py)
        decline = Wording(action="reject", ...)

        def notify(self, obj, decision, reason): ...   # the e-mail to the person

and registers it (`register_moderation`) from its app's `wagtail_hooks.py`, which also
gets the admin's row buttons and bulk actions from `core.moderation_admin`. Rules stay
here, free of the admin, so services and tests call `moderation.decide(...)` directly."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from wagtail.log_actions import log

MODERATORS_GROUP = "Moderators"
APPROVE, DECLINE = "approve", "decline"
LOG_ACTIONS = {APPROVE: "relais.moderation.approve", DECLINE: "relais.moderation.decline"}


def queue(task, *args):
    """Enqueue `task(*args)` once the current transaction commits (nothing if it rolls back)."""
    transaction.on_commit(lambda: task.enqueue(*args))


def moderator_emails():
    """Active accounts in the Moderators group (and superusers) that have an address."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    users = users.filter(Q(groups__name=MODERATORS_GROUP) | Q(is_superuser=True)).distinct()
    return sorted({user.email for user in users})


@dataclass(frozen=True)
class Wording:
    """What the admin says about one decision on one kind of object."""

    action: str  # the bulk action's name in its URL: approve, reject, decline, hide, restore
    label: str  # the row button and the bulk action: "Approve"
    title: str  # the confirmation page: "Approve testimonials"
    intro: str  # what will happen to the listed objects
    confirm: str  # the confirmation button: "Yes, approve"
    done: str  # the success message, an ngettext_lazy with a %(count)d placeholder
    no_permission: str  # for the objects the moderator may not change
    icon: str = "check"


@dataclass
class Outcome:
    changed: list
    refused: list  # (object, why it could not take the decision)


class Moderation:
    model = None
    status_field = "status"
    approved_value = None
    declined_value = None
    pending_value = None
    decided_by_field = None
    decided_at_field = None
    reason_field = None  # where the reason of a decline is kept on the object, if anywhere
    reason_required = False
    date_field = "created_at"  # when it arrived: the inbox shows the newest first
    inbox_title = None  # the inbox section's heading (the model's plural name by default)
    pending_query = ""  # the listing's filters that show what `pending()` returns
    approve: Wording
    decline: Wording

    def title(self):
        return self.inbox_title or self.model._meta.verbose_name_plural

    def wording(self, decision):
        return self.approve if decision == APPROVE else self.decline

    def get_queryset(self):
        return self.model._default_manager.all()

    def visible_to(self, queryset, user):
        """The part of `queryset` that `user` may moderate: everything by default; a kind
        moderated by more than one team (association staff) narrows it here."""
        return queryset

    def pending(self, user=None):
        """What waits for a decision (the moderation inbox, the dashboard), for `user` when given."""
        queryset = self.get_queryset().filter(**{self.status_field: self.pending_value})
        return self.visible_to(queryset, user) if user is not None else queryset

    def has_decision(self, obj, decision):
        value = self.approved_value if decision == APPROVE else self.declined_value
        return getattr(obj, self.status_field) == value

    def refusal(self, obj, decision):
        """Why `obj` cannot take `decision` now (a message for the moderator), or None."""
        return None

    def apply(self, obj, decision, user, reason, now):
        """Set the decision on `obj`; returns the fields to save."""
        setattr(obj, self.status_field, self.approved_value if decision == APPROVE else self.declined_value)
        fields = [self.status_field]
        for name, value in ((self.decided_by_field, user), (self.decided_at_field, now)):
            if name:
                setattr(obj, name, value)
                fields.append(name)
        if self.reason_field:
            setattr(obj, self.reason_field, reason if decision == DECLINE else "")
            fields.append(self.reason_field)
        return fields

    def save(self, obj, fields):
        obj.save(update_fields=fields)

    def after(self, obj, decision):
        """What else changes with the decision, in the same transaction."""

    def notify(self, obj, decision, reason):
        """Tell the person (called once the decisions are saved; queue e-mails on commit)."""

    def log_title(self, obj):
        """How the admin history names `obj`: never a person's name, which an erasure
        must be able to remove (the history outlives it)."""
        return f"{self.model._meta.verbose_name} #{obj.pk}"

    def describe(self, obj):
        """One line naming `obj` for the moderator (confirmation page, button labels)."""
        return str(obj)

    def button_label(self, obj, decision):
        """The accessible name of the row button that takes `decision` on `obj`."""
        return f"{self.wording(decision).label} — {self.describe(obj)}"

    def warning(self, obj, decision):
        """A note beside `obj` on the confirmation page, or ""."""
        refusal = self.refusal(obj, decision)
        return refusal or ""

    def decide(self, objects, decision, user=None, reason=""):
        """Approve or decline `objects` (a queryset or a list); those already decided so are
        skipped, those that cannot take it are refused. Rows are re-read under lock, so two
        moderators deciding at once decide once."""
        if decision == DECLINE and self.reason_required and not reason.strip():
            raise ValueError("a reason is required to decline")
        pks = [obj.pk for obj in objects]
        changed, refused = [], []
        now = timezone.now()
        with transaction.atomic():
            # of=("self",): related rows may sit on the nullable side of an outer join.
            for obj in self.get_queryset().select_for_update(of=("self",)).filter(pk__in=pks).order_by("pk"):
                if self.has_decision(obj, decision):
                    continue
                why = self.refusal(obj, decision)
                if why:
                    refused.append((obj, why))
                    continue
                self.save(obj, self.apply(obj, decision, user, reason, now))
                log(obj, LOG_ACTIONS[decision], user=user, title=self.log_title(obj), data={"reason": reason})
                self.after(obj, decision)
                changed.append(obj)
        for obj in changed:
            self.notify(obj, decision, reason)
        return Outcome(changed, refused)


_moderations = {}


def register_moderation(moderation):
    """Make a moderated model known to what lists every kind (the moderation inbox)."""
    _moderations[moderation.model._meta.label_lower] = moderation
    return moderation


def moderations():
    return list(_moderations.values())


def moderation_for(model):
    return _moderations.get(model._meta.label_lower)
