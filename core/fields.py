"""A model field for a short list of codes chosen among fixed choices (audiences)."""

from django import forms
from django.core import exceptions
from django.db import models
from django.utils.text import capfirst

SEPARATOR = ","


class ChoiceListField(models.CharField):
    """Stores ["pupils", "families"] as ",pupils,families," so that one code can be
    filtered portably (`audiences__contains=",pupils,"`) on SQLite and PostgreSQL alike."""

    def __init__(self, *args, item_choices=(), **kwargs):
        self.item_choices = list(item_choices)
        kwargs.setdefault("max_length", 255)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["item_choices"] = self.item_choices
        if kwargs.get("max_length") == 255:
            del kwargs["max_length"]
        return name, path, args, kwargs

    def to_python(self, value):
        if value is None or value == "":
            return []
        if isinstance(value, list | tuple):
            return [str(item) for item in value]
        return [item for item in str(value).split(SEPARATOR) if item]

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def get_prep_value(self, value):
        if isinstance(value, str):
            return value  # a lookup such as audiences__contains=",pupils,"
        items = self.to_python(value)
        return f"{SEPARATOR}{SEPARATOR.join(items)}{SEPARATOR}" if items else ""

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def validate(self, value, model_instance):
        valid = {code for code, _label in self.item_choices}
        for item in value or []:
            if item not in valid:
                raise exceptions.ValidationError(self.error_messages["invalid_choice"], params={"value": item})
        if not self.blank and not value:
            raise exceptions.ValidationError(self.error_messages["blank"])

    def run_validators(self, value):
        super().run_validators(self.get_prep_value(value))

    def formfield(self, **kwargs):
        defaults = {
            "form_class": forms.TypedMultipleChoiceField,
            "choices": self.item_choices,
            "widget": forms.CheckboxSelectMultiple,
            "required": not self.blank,
            "label": capfirst(self.verbose_name),  # as Django's own fields: "Publics", not "publics"
            "help_text": self.help_text,
        }
        defaults.update(kwargs)
        form_class = defaults.pop("form_class")
        for key in ("max_length", "empty_value", "choices_form_class"):
            defaults.pop(key, None)
        return form_class(**defaults)
