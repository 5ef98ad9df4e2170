"""The body of a kit: steps, checklists and FAQ besides the site's shared blocks."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from home.blocks import CalloutBlock, CaptionedImageBlock, HeadingBlock, QuoteBlock, VideoBlock

# No "document-link": kit materials are never linked from public pages (downloads are gated).
KIT_RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]


class StepBlock(blocks.StructBlock):
    """One step of the action; numbered on the page in the order of the body."""

    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link", "ol", "ul"])
    duration = blocks.CharBlock(
        label=_("Duration"), max_length=40, required=False, help_text=_("For example: 30 min, 2 weeks before.")
    )

    class Meta:
        icon = "list-ol"
        label = _("Step")
        template = "kits/blocks/step.html"
        preview_value = {
            "title": "Prévenir la mairie",
            "text": "<p>Écrivez au service des sports pour réserver le terrain.</p>",
            "duration": "3 semaines avant",
        }
        description = _("A numbered step of the action, with how long it takes.")


class ChecklistBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    items = blocks.ListBlock(blocks.CharBlock(label=_("Item"), max_length=200), label=_("Items"), min_num=1)

    class Meta:
        icon = "tasks"
        label = _("Checklist")
        template = "kits/blocks/checklist.html"
        preview_value = {"title": "À prévoir", "items": ["Gilets fluorescents", "Trousse de secours", "Sacs"]}
        description = _("A list of things to have or to check, printable as tick boxes.")


class FAQItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=200)
    answer = blocks.RichTextBlock(label=_("Answer"), features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "help"
        label = _("Question")


class FAQBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120, default="Questions fréquentes")
    questions = blocks.ListBlock(FAQItemBlock(), label=_("Questions"), min_num=1)

    class Meta:
        icon = "help"
        label = _("FAQ")
        template = "kits/blocks/faq.html"
        preview_value = {
            "title": "Questions fréquentes",
            "questions": [{"question": "Faut-il une assurance ?", "answer": "<p>Celle de l'association suffit.</p>"}],
        }
        description = _("Questions and answers, each one folded until the visitor opens it.")


class KitBodyBlock(blocks.StreamBlock):
    """Body of a kit page."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=KIT_RICH_TEXT_FEATURES,
        icon="pilcrow",
        template="components/streamfield/paragraph.html",
    )
    step = StepBlock()
    checklist = ChecklistBlock()
    faq = FAQBlock()
    callout = CalloutBlock()
    image = CaptionedImageBlock()
    video = VideoBlock()
    quote = QuoteBlock()
