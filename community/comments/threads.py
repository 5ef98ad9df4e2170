"""Which page a thread hangs on, and what of it a visitor may see."""

from django_comments.models import CommentFlag
from django_comments_xtd.models import XtdComment

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q

from wagtail.models import Locale, Page

# Page types that carry a thread ("app_label.model").
THREAD_PAGE_TYPES = {"community.articlepage", "kits.kitpage", "events.eventpage"}


def thread_section(object_pk):
    """The page-cache section of one page's thread (core.page_cache): a comment, a flag or
    a moderation decision refreshes the pages showing that thread, nothing else."""
    return f"comments:{object_pk}"


def comment_sections(comment):
    return [thread_section(comment.object_pk)]


def flag_sections(flag):
    return [thread_section(XtdComment.objects.filter(pk=flag.comment_id).values_list("object_pk", flat=True).first())]


def source_page(page):
    """The page in the default language: the one every comment attaches to, so the
    French and English pages show the same thread."""
    page = page.specific if type(page) is Page else page
    default = Locale.get_default()
    if page.locale_id == default.pk:
        return page
    source = page.get_translation_or_none(default)
    return source.specific if source is not None else page


def target_of(page):
    source = source_page(page)
    return ContentType.objects.get_for_model(source), str(source.pk), source


def thread_target(content_type_label, object_pk):
    """The live source-language page a posted form points to, or None."""
    if content_type_label not in THREAD_PAGE_TYPES:
        return None
    app_label, model = content_type_label.split(".")
    try:
        content_type = ContentType.objects.get_by_natural_key(app_label, model)
        page = content_type.get_object_for_this_type(pk=int(object_pk))
    except (ContentType.DoesNotExist, Page.DoesNotExist, ValueError, TypeError):
        return None
    if not page.live or source_page(page).pk != page.pk:
        return None
    return page


def comments_on(page):
    content_type, object_pk, _source = target_of(page)
    return XtdComment.objects.filter(content_type=content_type, object_pk=object_pk, site_id=settings.SITE_ID)


def is_visible(comment):
    return comment.is_public and not comment.is_removed


def visible_threads(page, user=None):
    """[{"comment": top-level comment or None when hidden, "replies": [...]}], oldest
    first. A hidden comment is never returned: its visible replies stay, under a
    placeholder, and never quote it."""
    comments = list(comments_on(page).select_related("user").order_by("thread_id", "order"))
    threads = {}
    for comment in comments:
        if comment.level == 0:
            threads[comment.pk] = {"comment": comment if is_visible(comment) else None, "replies": []}
        elif is_visible(comment) and comment.thread_id in threads:
            threads[comment.thread_id]["replies"].append(comment)
    flagged = set()
    if user is not None and user.is_authenticated and comments:
        flagged = set(
            CommentFlag.objects.filter(
                user=user, flag=CommentFlag.SUGGEST_REMOVAL, comment_id__in=[c.pk for c in comments]
            ).values_list("comment_id", flat=True)
        )
    for comment in comments:
        comment.flagged_by_me = comment.pk in flagged
    return [thread for thread in threads.values() if thread["comment"] or thread["replies"]]


def with_flag_counts(queryset):
    """For moderation: how many removal suggestions each comment received."""
    return queryset.annotate(
        flag_count=Count("flags", filter=Q(flags__flag=CommentFlag.SUGGEST_REMOVAL), distinct=True)
    )
