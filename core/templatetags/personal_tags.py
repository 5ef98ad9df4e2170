"""{% personal %} and {% personal_include %}: the parts of a page that depend on who looks
at it (core.personal_parts). Their content renders normally, or as a placeholder in the
page shared by signed-in members, filled per request."""

from django import template
from django.template.base import token_kwargs
from django.template.loader_tags import construct_relative_path

from core import personal_parts

register = template.Library()


class PersonalNode(template.Node):
    def __init__(self, name, arguments, nodelist):
        self.name = name
        self.arguments = arguments
        self.nodelist = nodelist

    def render(self, context):
        if personal_parts.shared_nonce() is None:
            return self.nodelist.render(context)
        arguments = {key: value.resolve(context) for key, value in self.arguments.items()}
        return personal_parts.placeholder(self.name.resolve(context), arguments)


def _parse(parser, bits):
    name = parser.compile_filter(bits[1])
    arguments = token_kwargs(bits[2:], parser, support_legacy=False)
    if len(arguments) != len(bits) - 2:
        raise template.TemplateSyntaxError(f"{bits[0]}: arguments are key=value")
    return name, arguments


@register.tag
def personal(parser, token):
    """{% personal "name" key=value… %}what this person sees{% endpersonal %}"""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("personal needs the part's name")
    name, arguments = _parse(parser, bits)
    nodelist = parser.parse(("endpersonal",))
    parser.delete_first_token()
    return PersonalNode(name, arguments, nodelist)


class PersonalIncludeNode(template.Node):
    def __init__(self, template_name, arguments):
        self.template_name = template_name
        self.arguments = arguments

    def render(self, context):
        name = self.template_name.resolve(context)
        arguments = {key: value.resolve(context) for key, value in self.arguments.items()}
        if personal_parts.shared_nonce() is None:
            with context.push(**arguments):
                return context.template.engine.get_template(name).render(context)
        return personal_parts.placeholder("include", {"template": name, **arguments})


@register.tag
def personal_include(parser, token):
    """{% personal_include "template.html" key=value… %}: an include rendered for the person
    (with the request and the given values only, when filled into a shared page)."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("personal_include needs a template name")
    bits[1] = construct_relative_path(parser.origin.template_name, bits[1])
    name, arguments = _parse(parser, bits)
    return PersonalIncludeNode(name, arguments)


@register.simple_tag
def in_shared_rendering():
    """True while the page shared by members is rendered: for values computed once there
    and handed to a personal part ({% in_shared_rendering as shared %})."""
    return personal_parts.shared_nonce() is not None
