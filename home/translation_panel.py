"""Dashboard panel "Translations to update": the page translations behind their source
(home/translation_status.py), each with a link to its translation editor and to
wagtail-localize's "Sync translated pages"."""

from wagtail.admin.ui.components import Component

from home.translation_status import outdated_page_translations

SHOWN = 10


class OutdatedTranslationsPanel(Component):
    name = "outdated_translations"
    order = 120
    template_name = "home/admin/outdated_translations_panel.html"

    def get_context_data(self, parent_context=None):
        outdated = outdated_page_translations()
        return {"outdated": outdated[:SHOWN], "total": len(outdated), "more": max(len(outdated) - SHOWN, 0)}
