"""StreamField blocks shared by every page type: each one renders with its own
template under components/streamfield/."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail import blocks
from wagtail.images.blocks import ImageBlock

from home.privacy import processing_rows


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section (h2)")), ("h3", _("Sub-section (h3)"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "components/streamfield/heading.html"
        preview_value = {"text": "Préparer l'action", "level": "h2"}
        description = _("A section title; keeps the page outline readable for screen readers.")


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[("tip", _("Tip")), ("warning", _("Warning")), ("info", _("Good to know"))],
        default="tip",
    )
    title = blocks.CharBlock(label=_("Title"), max_length=120, required=False)
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "help"
        label = _("Callout")
        template = "components/streamfield/callout.html"
        preview_value = {"kind": "tip", "title": "Astuce", "text": "<p>Prévenez la mairie deux semaines avant.</p>"}
        description = _("A highlighted tip, warning or note.")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"), max_length=600)
    attribution = blocks.CharBlock(label=_("Attribution"), max_length=120, required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "components/streamfield/quote.html"
        preview_value = {"quote": "On a tous appris quelque chose.", "attribution": "Une bénévole"}
        description = _("A short quotation with its author.")


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), max_length=250, required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "components/streamfield/image.html"
        description = _("An image with its alternative text and an optional caption.")


class VideoBlock(blocks.StructBlock):
    """A link to a video hosted elsewhere. Not an iframe: a visitor's browser
    contacts the video host only when they choose to watch (privacy by design)."""

    url = blocks.URLBlock(label=_("Video URL"))
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    duration = blocks.CharBlock(label=_("Duration"), max_length=20, required=False, help_text=_("For example 3 min."))

    class Meta:
        icon = "media"
        label = _("Video")
        template = "components/streamfield/video.html"
        preview_value = {
            "url": "https://peertube.example.org/w/demo",
            "title": "Le kit en 3 minutes",
            "duration": "3 min",
        }
        description = _("A video hosted elsewhere (PeerTube, YouTube…), shown as a link.")


class PersonalDataBlock(blocks.StaticBlock):
    """The privacy page's table of purposes, legal bases and retention periods, read
    from the settings the daily purge enforces (home/privacy.py)."""

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["rows"] = processing_rows()
        return context

    class Meta:
        icon = "lock"
        label = _("Personal data table")
        template = "components/streamfield/personal_data.html"
        admin_text = _("Purposes, legal bases and retention periods, kept in step with the site's settings.")
        description = _("For the privacy page: what is kept, why and for how long.")


RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "document-link", "ol", "ul"]


class BaseBodyBlock(blocks.StreamBlock):
    """Body of standard pages and articles."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        template="components/streamfield/paragraph.html",
    )
    callout = CalloutBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    video = VideoBlock()


class StandardBodyBlock(BaseBodyBlock):
    """Body of standard pages: the legal pages may also show the personal data table."""

    personal_data = PersonalDataBlock()


class CallToActionBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Label"), max_length=60)
    page = blocks.PageChooserBlock(label=_("Page"))
    style = blocks.ChoiceBlock(
        label=_("Style"),
        choices=[
            ("primary", pgettext_lazy("button style", "Primary")),
            ("secondary", pgettext_lazy("button style", "Secondary")),
        ],
        default="primary",
    )

    class Meta:
        icon = "link"
        label = _("Call to action")
        template = "components/streamfield/call_to_action.html"
        description = _("A button that leads to a page of the site.")
