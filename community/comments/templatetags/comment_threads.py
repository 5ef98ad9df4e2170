"""{% comment_thread page %}: the page's feedback thread with its forms, rendered on
the server (one thread per source-language page, so /… and /en/… show the same)."""

from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import escape, linebreaks, urlize
from django.utils.http import urlencode
from django.utils.safestring import mark_safe

from community.comments.forms import ThreadCommentForm
from community.comments.threads import target_of, thread_section, visible_threads
from community.members.access import is_network_member
from core.page_cache import depends_on

register = template.Library()


@register.inclusion_tag("community/comments/thread.html", takes_context=True)
def comment_thread(context, page):
    """Signed-in people get the forms in the page. Visitors get links to the form's own
    page (comments/views.write): a form holds a CSRF token, and a page with one would
    leave the anonymous page cache (home/page_cache.py)."""
    request = context["request"]
    user = request.user
    member = user if is_network_member(user) else None
    content_type, object_pk, target = target_of(page)
    depends_on(thread_section(object_pk))
    write_url = reverse("comments:write", args=[f"{content_type.app_label}.{content_type.model}", target.pk])
    inline = user.is_authenticated
    threads = visible_threads(page, user)
    for thread in threads:
        top = thread["comment"]
        if top is None or not top.allow_thread():
            continue
        if inline:
            thread["reply_form"] = ThreadCommentForm(
                target, member=member, initial={"reply_to": top.pk, "next": request.path}, auto_id=f"reply{top.pk}_%s"
            )
        else:
            thread["reply_url"] = f"{write_url}?{urlencode({'reply_to': top.pk, 'next': request.path})}"
    form = None
    if inline:
        form = ThreadCommentForm(target, member=member, initial={"next": request.path}, auto_id="comment_%s")
    return {
        "request": request,
        "threads": threads,
        "count": sum((1 if t["comment"] else 0) + len(t["replies"]) for t in threads),
        "form": form,
        "write_url": f"{write_url}?{urlencode({'next': request.path})}",
        "member": member,
        "user": user,
        "page": page,
    }


def fill_thread(request, page, privacy_href=""):
    """The thread with its forms for request's person, in the page shared by members
    (core.personal_parts): their name in the form, a fresh CSRF token, their reports. The
    privacy page's address comes from the shared page (one query less per request)."""
    context = comment_thread({"request": request}, page)
    context["privacy_href"] = privacy_href
    return render_to_string("community/comments/thread.html", context, request=request)


@register.filter
def comment_text(comment):
    """A comment's text, escaped, with its line breaks. Links become clickable only for
    members (signed-in authors), and then rel="nofollow ugc"."""
    if comment.user_id:
        html = urlize(comment.comment, nofollow=True, autoescape=True).replace(
            'rel="nofollow"', 'rel="nofollow ugc noopener"'
        )
        return mark_safe(linebreaks(html, autoescape=False))  # noqa: S308  (urlize escaped the text)
    return mark_safe(linebreaks(escape(comment.comment), autoescape=False))  # noqa: S308  (escaped just above)
